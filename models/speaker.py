"""Offline speaker encoder: Resemblyzer's voice encoder exported to ONNX, run on onnxruntime.

``models/speaker_encoder.onnx`` (5.7 MB) is produced by
``tools/export_speaker_encoder.py`` from the weights shipped in PyPI
``resemblyzer`` 0.1.4 (Apache-2.0, see ``models/SPEAKER_ENCODER_LICENSE.txt``).
No torch at run time. Its input is Resemblyzer's front end, computed by
:func:`pipeline.speech.diarize.encoder_mels`: 40-band mel power frames (25 ms window,
10 ms hop, 16 kHz) of volume-normalised audio.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, get_args

import numpy as np

from models.asr import machine_threads
from pipeline.errors import InvalidParameterError, ModelLoadError

ENCODER_PATH = Path(__file__).resolve().parent / "speaker_encoder.onnx"
ENCODER_SHA256 = "5eef126e23232430469808b329d285eaa7be60225b6850b104f6812ba27c1cc4"
ENCODER_INT8_PATH = Path(__file__).resolve().parent / "speaker_encoder-int8.onnx"
ENCODER_INT8_SHA256 = "d4f836117c15c7787d4c6781ec4251169b2b45d5d2fd5d6ffdc5319856395a0f"
Precision = Literal["int8", "float32"]
EMBEDDING_DIM = 256
N_MELS = 40


@dataclass(frozen=True, eq=False)
class SpeakerEncoder:
    """A loaded speaker encoder.

    Attributes
    ----------
    name : str
        ``"resemblyzer-0.1.4-onnx"``.
    session : onnxruntime.InferenceSession
        The network: ``mels`` float32 ``(batch, n_frames, 40)`` -> ``embeddings``
        float32 ``(batch, 256)``, L2-normalised, non-negative.
    """

    name: str
    session: Any

    def embed(self, mels: np.ndarray, *, batch_size: int = 64) -> np.ndarray:
        """Embed equal-length mel windows.

        Parameters
        ----------
        mels : np.ndarray
            float32, shape ``(n_windows, n_frames, 40)``, n_frames >= 1.
        batch_size : int
            Windows per onnxruntime call (bounds memory).

        Returns
        -------
        np.ndarray
            float32, shape ``(n_windows, 256)``, rows of unit L2 norm; ``(0, 256)``
            for no windows.
        """
        if mels.ndim != 3 or mels.shape[2] != N_MELS:
            raise ValueError(f"mels must have shape (n, n_frames, {N_MELS}), got {mels.shape}")
        out = np.empty((mels.shape[0], EMBEDDING_DIM), dtype=np.float32)
        for i in range(0, mels.shape[0], batch_size):
            chunk = np.ascontiguousarray(mels[i:i + batch_size], dtype=np.float32)
            out[i:i + len(chunk)] = self.session.run(None, {"mels": chunk})[0]
        return out


def load_speaker_encoder(path: str | Path | None = None, *, threads: int | None = None,
                         precision: Precision = "int8") -> SpeakerEncoder:
    """Load the ONNX speaker encoder (offline, CPU).

    Parameters
    ----------
    path : path, optional
        ONNX file; defaults to the bundled model of ``precision``.
    threads : int or None
        onnxruntime intra-op threads, >= 0; 0 lets it choose; None (default) :func:`beside_threads`, as it
        runs beside transcription.
    precision : {"int8", "float32"}
        Which bundled file: ``"int8"`` (default, ``models/speaker_encoder-int8.onnx``: the second and third
        LSTM layers in 8 bits, about twice as fast; its embeddings have cosine 0.994-0.999 with the float
        model's) or the original ``"float32"`` (``models/speaker_encoder.onnx``). Ignored when ``path`` is given.

    Returns
    -------
    SpeakerEncoder

    Raises
    ------
    ModelLoadError
        The file is missing or not a valid model.
    InvalidParameterError
        ``precision`` is neither.
    """
    file, remedy, suffix = model_file(path, precision=precision,
                                      int8=(ENCODER_INT8_PATH, "rebuild it with tools/quantize_models.py"),
                                      float32=(ENCODER_PATH, "rebuild it with tools/export_speaker_encoder.py"))
    session = onnx_session(file, what="Speaker encoder", remedy=remedy, threads=threads)
    return SpeakerEncoder(name=f"resemblyzer-0.1.4-onnx{suffix}", session=session)


def model_file(path: str | Path | None, *, precision: Precision, int8: tuple[Path, str],
               float32: tuple[Path, str]) -> tuple[Path, str, str]:
    """Which ONNX file a loader opens: ``path`` when given, else the bundled file of ``precision``.

    Parameters
    ----------
    path : path or None
        A file the caller named (then ``precision`` picks only the remedy).
    precision : {"int8", "float32"}
    int8, float32 : (Path, str)
        Each precision's bundled file and what to do when it is missing or broken.

    Returns
    -------
    (Path, str, str)
        The file, the remedy, and the model name's suffix (``"-int8"`` for the bundled 8-bit file, else ``""``).

    Raises
    ------
    InvalidParameterError
        ``precision`` is neither.
    """
    if precision not in get_args(Precision):
        raise InvalidParameterError(f"precision={precision!r}: use 'int8' (default) or 'float32'.")
    bundled, remedy = int8 if precision == "int8" else float32
    return (Path(path) if path else bundled), remedy, ("-int8" if precision == "int8" and not path else "")


def beside_threads() -> int:
    """onnxruntime threads of the models that run beside transcription (who spoke when: the segmentation model
    and the speaker encoder; :func:`pipeline.run.orchestrate.transcribe_and_attribute`), >= 1.

    Transcription takes every core (:func:`models.asr.machine_threads`); these take half of them, at least one,
    and never spin-wait (:func:`onnx_session`), so they fill the cores transcription leaves idle instead of
    fighting it for them. On the 2-core machine, 9-minute session (2026-12-04): transcription and attribution
    one after the other 31.0 and 31.7 s; side by side, 1 thread each 28.6 and 28.0 s, 2 threads 29.4 and 29.4 s.
    """
    return max(1, machine_threads() // 2)


def onnx_session(path: Path, *, what: str, remedy: str, threads: int | None,
                 inter_op_threads: int | None = None):
    """A CPU onnxruntime session on a bundled model file: the one way ``models/`` opens its ONNX files.

    Parameters
    ----------
    path : Path
        The ONNX file.
    what : str
        The model's name in messages ("Speaker encoder").
    remedy : str
        What to do when the file is missing, after "Reinstall Rapport, or ".
    threads : int or None
        onnxruntime intra-op threads, >= 0; 0 lets it choose; None :func:`beside_threads` (the models opened
        here run beside transcription).
    inter_op_threads : int or None
        onnxruntime inter-op threads; None keeps its default.

    Raises
    ------
    ModelLoadError
        The file is missing or not a valid model.
    """
    if not path.is_file():
        raise ModelLoadError(f"{what} {path} is missing. Reinstall Rapport, or {remedy}")
    import onnxruntime as ort

    opts = ort.SessionOptions()
    opts.intra_op_num_threads = beside_threads() if threads is None else threads
    if inter_op_threads is not None:
        opts.inter_op_num_threads = inter_op_threads
    opts.log_severity_level = 3
    # Idle threads sleep instead of spinning: these models run beside CTranslate2's threads (same speed alone on
    # the segmentation model, 2 cores: 2.0 s wall, 3.9 CPU s for 9 minutes against 2.2 s, 4.5 CPU s spinning).
    opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
    try:
        return ort.InferenceSession(str(path), sess_options=opts, providers=["CPUExecutionProvider"])
    except Exception as err:  # onnxruntime raises its own exception types
        raise ModelLoadError(f"Could not load the {what[0].lower() + what[1:]} {path}: {err}") from err


def load_vad(*, threads: int = 1):
    """Load the Silero VAD (v6, ONNX) that ships inside faster-whisper, offline.

    Parameters
    ----------
    threads : int
        onnxruntime intra-op threads, >= 0; 0 lets it choose. 1 (default, as faster-whisper's own copy): this
        small recurrent network gains nothing from a second thread, and it runs beside the segmentation model
        (2 cores, 5 minutes of speech: alone 0.58 s wall and CPU against 0.59 s wall, 1.02 CPU s with onnxruntime's
        choice; beside the segmentation model 0.60 against 0.90 s wall, both together 1.81 against 2.04 s).

    Returns
    -------
    faster_whisper.vad.SileroVADModel
        Callable: a float32 16 kHz signal whose length is a multiple of 512 ->
        one speech probability per 512 samples.

    Raises
    ------
    ModelLoadError
        faster-whisper or its VAD asset is missing.
    """
    try:
        import onnxruntime as ort
        from faster_whisper.utils import get_assets_path
        from faster_whisper.vad import SileroVADModel
    except ImportError as err:
        raise ModelLoadError(f"Silero VAD needs faster-whisper: pip install faster-whisper>=1.2.1 ({err})") from err
    path = Path(get_assets_path()) / "silero_vad_v6.onnx"
    if not path.is_file():
        raise ModelLoadError(f"Silero VAD model {path} is missing. Run: pip install --force-reinstall faster-whisper")
    model = SileroVADModel(str(path))
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = threads
    opts.inter_op_num_threads = 1
    opts.log_severity_level = 4
    # No memory arena (as faster-whisper's own copy): the arena keeps the largest batch's buffers (about 100 MB
    # for a 5-minute chunk) for the life of the process; without it they go back after each call, same speed.
    opts.enable_cpu_mem_arena = False
    model.session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"], sess_options=opts)
    return model
