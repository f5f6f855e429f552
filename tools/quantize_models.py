"""Reproduce the int8 copies of the bundled ONNX models from their float files and check each sha256.

- ``models/segmentation-3.0-int8.onnx`` from ``models/segmentation-3.0.onnx``: the weights of its four LSTM layers
  and its three linear layers stored as 8-bit integers, activations quantized on the fly (onnxruntime's dynamic
  quantization; the SincNet front end and the convolutions stay float32). One 10 s window in about two thirds of
  the float model's time on one CPU thread. Same licence as the float model (``models/SEGMENTATION_LICENSE.txt``).
- ``models/speaker_encoder-int8.onnx`` from ``models/speaker_encoder.onnx``: the second and third of its three LSTM
  layers in 8 bits. The first stays float32: its input is mel power, whose range on-the-fly 8-bit quantization
  cannot hold (all three quantized: embeddings at cosine 0.27-0.6 with the float model's, useless). About twice
  as fast; cosine 0.994-0.999 with the float embeddings. Same licence (``models/SPEAKER_ENCODER_LICENSE.txt``).

What each changes in who spoke when is measured in docs/attribution.md. Needs the ``onnx`` package (not a Rapport
dependency: only this tool uses it) and onnxruntime 1.32 (other releases may write a file with another sha256; the
tool says so and writes nothing)::

    pip install onnx==1.23.2
    python tools/quantize_models.py
"""

from __future__ import annotations

import hashlib
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from models.segmentation import (  # noqa: E402
    SEGMENTATION_INT8_PATH,
    SEGMENTATION_INT8_SHA256,
    SEGMENTATION_PATH,
    SEGMENTATION_SHA256,
)
from models.speaker import ENCODER_INT8_PATH, ENCODER_INT8_SHA256, ENCODER_PATH, ENCODER_SHA256  # noqa: E402

#: (float file, its sha256, what rebuilds it, int8 file, its sha256, op types, nodes (None: all of those types))
MODELS = (
    (SEGMENTATION_PATH, SEGMENTATION_SHA256, "tools/fetch_segmentation.py", SEGMENTATION_INT8_PATH,
     SEGMENTATION_INT8_SHA256, ["LSTM", "MatMul"], None),
    (ENCODER_PATH, ENCODER_SHA256, "tools/export_speaker_encoder.py", ENCODER_INT8_PATH, ENCODER_INT8_SHA256,
     ["LSTM"], ["/lstm/LSTM_1", "/lstm/LSTM_2"]),
)


def quantize(src: Path, src_sha256: str, remedy: str, dst: Path, dst_sha256: str, op_types: list[str],
             nodes: list[str] | None) -> str:
    """Write ``dst`` from ``src``; returns what happened, or exits naming the file that does not match."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    if hashlib.sha256(src.read_bytes()).hexdigest() != src_sha256:
        sys.exit(f"{src} is not the committed float model; run {remedy} first.")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "int8.onnx"
        quantize_dynamic(src, out, weight_type=QuantType.QInt8, op_types_to_quantize=op_types,
                         nodes_to_quantize=nodes, per_channel=False)
        data = out.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != dst_sha256:
        sys.exit(f"{dst.name}: quantized sha256 {digest}, expected {dst_sha256} (another onnxruntime release?). "
                 "Not written.")
    dst.write_bytes(data)
    return f"wrote {dst} {digest}"


def main() -> None:
    for model in MODELS:
        print(quantize(*model))


if __name__ == "__main__":
    main()
