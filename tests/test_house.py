"""The house rules, checked: short modules and functions, and the import layers that `lint-imports` enforces.

* no module of the application (``pipeline/``, ``models/``, ``app.py``, ``signin.py``, ``pages/``) over 600 lines;
* no function there over 80 lines (``end_lineno - lineno + 1`` of each ``def``, docstring included);
* every import-linter contract in pyproject.toml kept;
* the layers contract names every folder of ``pipeline/``, so a new folder cannot escape it.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 80


def app_modules() -> list[Path]:
    """Every Python module of the application, sorted."""
    files = [ROOT / "app.py", ROOT / "signin.py"]
    for folder in ("pipeline", "models", "pages"):
        files += (ROOT / folder).rglob("*.py")
    return sorted(files)


def test_the_modules_are_found():
    found = {p.relative_to(ROOT).as_posix() for p in app_modules()}
    assert {"app.py", "pipeline/library/store.py", "models/asr.py"} <= found
    assert any(f.startswith("pages/") for f in found)


def test_no_module_over_600_lines():
    long = [f"{p.relative_to(ROOT)}: {n} lines" for p in app_modules()
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES]
    assert not long, f"modules over {MAX_MODULE_LINES} lines (split them by job):\n" + "\n".join(long)


def test_no_function_over_80_lines():
    long = []
    for p in app_modules():
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"), filename=str(p))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                n = node.end_lineno - node.lineno + 1
                if n > MAX_FUNCTION_LINES:
                    long.append(f"{p.relative_to(ROOT)}:{node.lineno} {node.name}: {n} lines")
    assert not long, f"functions over {MAX_FUNCTION_LINES} lines (extract helpers):\n" + "\n".join(long)


def test_import_contracts_are_kept():
    lint_imports = Path(sys.executable).parent / "lint-imports"
    if not lint_imports.exists():
        pytest.skip(f"lint-imports is not installed beside {sys.executable} (it comes with the dev extra)")
    run = subprocess.run([str(lint_imports), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, f"lint-imports found broken contracts:\n{run.stdout}\n{run.stderr}"
    assert "BROKEN" not in run.stdout and " KEPT" in run.stdout


def test_layers_name_every_folder_of_pipeline():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    layered = [c for c in config["contracts"] if c["type"] == "layers"]
    assert len(layered) == 1, "one layers contract for pipeline/"
    layers = set(layered[0]["layers"])
    pipeline = ROOT / "pipeline"
    folders = {f"pipeline.{d.name}" for d in pipeline.iterdir()
               if d.is_dir() and not d.name.startswith((".", "_")) and any(d.rglob("*.py"))}
    modules = {f"pipeline.{f.stem}" for f in pipeline.glob("*.py") if f.stem != "__init__"}
    assert folders, "no folders found under pipeline/"
    assert not folders - layers, f"folders of pipeline/ missing from the layers contract: {sorted(folders - layers)}"
    assert not modules - layers, f"modules of pipeline/ missing from the layers contract: {sorted(modules - layers)}"
    stale = layers - folders - modules
    assert not stale, f"layers that do not exist under pipeline/: {sorted(stale)}"


#: Where a function may import Rapport's own modules or the models: the runner, whose commands and worker processes
#: import what they need when they need it (start-up time; ``rapport sessions`` loads no speech model).
LAZY_IMPORTS_ALLOWED = ("pipeline/run/",)


def test_own_imports_at_the_top_of_the_module():
    """Imports of ``pipeline`` and ``models`` inside functions hide the real graph from readers and from
    lint-imports' reviewers; outside the runner, they go at the top of the module."""
    hidden = []
    for p in app_modules():
        rel = p.relative_to(ROOT).as_posix()
        if rel.startswith(LAZY_IMPORTS_ALLOWED) or "/migrations/" in rel:
            continue
        for fn in ast.walk(ast.parse(p.read_text(encoding="utf-8"), filename=str(p))):
            if not isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(fn):
                names = ([node.module or ""] if isinstance(node, ast.ImportFrom)
                         else [a.name for a in node.names] if isinstance(node, ast.Import) else [])
                if any(n.split(".")[0] in ("pipeline", "models") for n in names):
                    hidden.append(f"{rel}:{node.lineno} in {fn.name}: {', '.join(names)}")
    assert not hidden, "imports of pipeline/models inside functions (move them to the top):\n" + "\n".join(hidden)
