"""Reproduce ``models/segmentation-3.0-int8.onnx`` from ``models/segmentation-3.0.onnx`` and check its sha256.

The int8 file is the same network with the weights of its four LSTM layers and its three linear layers stored as
8-bit integers and its activations quantized on the fly (onnxruntime's dynamic quantization; the SincNet front end
and the convolutions stay float32). It runs one 10 s window in about two thirds of the float model's time on one
CPU thread; what it changes in who spoke when is measured in docs/attribution.md. Same licence as the float model
(``models/SEGMENTATION_LICENSE.txt``): a derived copy of pyannote's MIT weights.

Needs the ``onnx`` package (not a Rapport dependency: only this tool uses it) and onnxruntime 1.32 (other releases
may write a file with another sha256; the tool says so and writes nothing)::

    pip install onnx==1.23.2
    python tools/quantize_segmentation.py
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


def main() -> None:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    src = SEGMENTATION_PATH.read_bytes()
    if hashlib.sha256(src).hexdigest() != SEGMENTATION_SHA256:
        sys.exit(f"{SEGMENTATION_PATH} is not the committed float model; run tools/fetch_segmentation.py first.")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "int8.onnx"
        quantize_dynamic(SEGMENTATION_PATH, out, weight_type=QuantType.QInt8, op_types_to_quantize=["LSTM", "MatMul"],
                         per_channel=False)
        data = out.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != SEGMENTATION_INT8_SHA256:
        sys.exit(f"quantized model sha256 {digest}, expected {SEGMENTATION_INT8_SHA256} (another onnxruntime "
                 "release?). Not written.")
    SEGMENTATION_INT8_PATH.write_bytes(data)
    print("wrote", SEGMENTATION_INT8_PATH, digest)


if __name__ == "__main__":
    main()
