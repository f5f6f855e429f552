"""Export Resemblyzer's speaker encoder to ONNX, with reference embeddings for the tests.

Reproducible, run once by a maintainer (torch is NOT a Rapport dependency)::

    python3 -m venv /tmp/export-venv
    /tmp/export-venv/bin/pip install torch==2.13.0 resemblyzer==0.1.4 onnx librosa soundfile "setuptools<81"
    /tmp/export-venv/bin/python tools/export_speaker_encoder.py

(``setuptools<81`` because resemblyzer imports webrtcvad, which needs ``pkg_resources``.)

Writes

* ``models/speaker_encoder.onnx``: input ``mels`` float32 ``(batch, n_frames, 40)``
  (batch and n_frames dynamic), output ``embeddings`` float32 ``(batch, 256)``:
  Resemblyzer's ``VoiceEncoder.forward`` (3-layer LSTM, 256 units; last layer's
  final hidden state -> Linear -> ReLU -> L2 normalisation).
* ``models/SPEAKER_ENCODER_LICENSE.txt``: the Apache-2.0 notice of the weights.
* ``tests/data/speaker_encoder_ref.npz``: a short speech clip (int16, 16 kHz, from
  ``sample_sessions/matched.flac``), Resemblyzer's own mel frames of it and
  torch's embeddings of fixed 160-frame windows and of a whole short clip, so
  ``tests/test_diarize.py`` can check the ONNX runtime path within 1e-4.
"""

from __future__ import annotations

import argparse
import hashlib
from pathlib import Path

import numpy as np
import torch
from resemblyzer import VoiceEncoder, audio
from torch import nn

ROOT = Path(__file__).resolve().parent.parent
OPSET = 17


class _Encoder(nn.Module):
    def __init__(self, ve: VoiceEncoder) -> None:
        super().__init__()
        self.lstm, self.linear = ve.lstm, ve.linear

    def forward(self, mels: torch.Tensor) -> torch.Tensor:
        _, (hidden, _) = self.lstm(mels)
        raw = torch.relu(self.linear(hidden[-1]))
        return raw / torch.norm(raw, dim=1, keepdim=True)


def export(out: Path) -> None:
    ve = VoiceEncoder(device="cpu", verbose=False).eval()
    model = _Encoder(ve).eval()
    dummy = torch.zeros(2, 160, 40)
    torch.onnx.export(
        model, (dummy,), str(out), input_names=["mels"], output_names=["embeddings"],
        dynamic_axes={"mels": {0: "batch", 1: "n_frames"}, "embeddings": {0: "batch"}},
        opset_version=OPSET, dynamo=False,
    )


def reference(out: Path, clip_path: Path) -> None:
    import soundfile as sf

    ve = VoiceEncoder(device="cpu", verbose=False).eval()
    wav, sr = sf.read(str(clip_path), dtype="float32", always_2d=True)
    assert sr == 16000, sr
    wav = wav.mean(axis=1)[int(1.0 * sr): int(4.5 * sr)]  # 3.5 s of the mentor's first turn
    pcm = np.round(wav * 32767).astype(np.int16)
    wav = pcm.astype(np.float32) / 32767
    norm = audio.normalize_volume(wav, -30, increase_only=True)
    mel = audio.wav_to_mel_spectrogram(norm)
    windows = np.stack([mel[0:160], mel[80:240], mel[160:320]])
    short = mel[None, :70]  # a 0.7 s "utterance", run alone
    with torch.no_grad():
        emb = ve(torch.from_numpy(windows)).numpy()
        emb_short = ve(torch.from_numpy(short)).numpy()
    np.savez_compressed(out, pcm=pcm, mel=mel, window_starts=np.array([0, 80, 160]), embeddings=emb,
                        short_frames=np.array(70), embedding_short=emb_short)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clip", default=str(ROOT / "sample_sessions" / "matched.flac"))
    args = ap.parse_args()
    onnx_path = ROOT / "models" / "speaker_encoder.onnx"
    export(onnx_path)
    import onnx

    onnx.checker.check_model(onnx.load(str(onnx_path)))
    lic = Path(audio.__file__).resolve().parent.parent / "Resemblyzer-0.1.4.dist-info" / "LICENSE"
    notice = (
        "models/speaker_encoder.onnx is an ONNX export (tools/export_speaker_encoder.py) of the\n"
        "pretrained voice encoder weights (resemblyzer/pretrained.pt) shipped in the PyPI package\n"
        "Resemblyzer 0.1.4, Copyright (c) Resemble AI / Corentin Jemine,\n"
        "https://github.com/resemble-ai/Resemblyzer, licensed under the Apache License 2.0.\n"
        "Modification: the network was converted to ONNX (weights unchanged).\n"
        "The licence text as shipped with the package follows.\n\n"
    )
    (ROOT / "models" / "SPEAKER_ENCODER_LICENSE.txt").write_text(notice + lic.read_text())
    reference(ROOT / "tests" / "data" / "speaker_encoder_ref.npz", Path(args.clip))
    print("wrote", onnx_path, hashlib.sha256(onnx_path.read_bytes()).hexdigest())


if __name__ == "__main__":
    main()
