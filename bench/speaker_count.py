"""How many people: the estimated count (``n_speakers=None``, ``--speakers auto``) against the true one, per recording.

Run from the repository root (needs `make test-data` for pyannote's sample, and the AMI excerpts in
/work/shared/data/ami, skipped when absent)::

    python bench/speaker_count.py

For every recording ``bench/diarize.py`` scores (the pyannote call, the nine AMI excerpts, the three sample sessions
mixed to mono) plus ``sample_sessions/overlap_mono.flac`` and six one-voice clips (each sample session's mentor or
mentee turns alone, as tests/test_overlap.py builds them), with the default one-channel method
(``method="segmentation"``): the true count, the estimated count and its confidence, the separation of the pieces
split into 2, 3 and 4 groups, and the DER (collar 0.25 s, overlap scored) with the count given and estimated.
No timing: accuracy only.
"""

from __future__ import annotations

import json
import sys
import warnings
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import diarize as scored  # noqa: E402  (bench/diarize.py: the recordings and references it scores)

from models import load_segmentation, load_speaker_encoder, load_vad  # noqa: E402
from pipeline.io.audio import load_audio  # noqa: E402
from pipeline.speech.evaluation import diarization_error_rate  # noqa: E402
from pipeline.speech.overlap import attribute_speakers  # noqa: E402
from pipeline.types import DiarizeOptions, Recording, SpeakerSegment  # noqa: E402


def one_voice(name: str, speaker: str) -> tuple[Recording, list[SpeakerSegment]]:
    """``speaker``'s turns without overlap in sample session ``name`` (mono mix), 0.5 s of silence between."""
    rec = load_audio(scored.SAMPLES / f"{name}.flac")
    y = rec.mono()
    truth = json.loads((scored.SAMPLES / f"{name}.truth.json").read_text())
    pieces, ref, t = [], [], 0.0
    for turn in truth["turns"]:
        if turn["speaker"] == speaker and not turn["overlap"]:
            clip = y[int(turn["start_s"] * rec.sr):int(turn["end_s"] * rec.sr)]
            pieces += [clip, np.zeros(rec.sr // 2, np.float32)]
            ref.append(SpeakerSegment(speaker, t, t + len(clip) / rec.sr))
            t += len(clip) / rec.sr + 0.5
    return Recording(np.concatenate(pieces)[None], rec.sr, f"{name}-{speaker}", "0" * 64), ref


def all_cases() -> list[tuple[str, Recording, list[SpeakerSegment]]]:
    out = [(name, rec, ref) for name, _, rec, ref in scored.cases()]
    overlap = scored.SAMPLES / "overlap_mono.flac"
    truth = json.loads((scored.SAMPLES / "overlap_mono.truth.json").read_text())
    out.append(("overlap_mono", load_audio(overlap),
                [SpeakerSegment(x["speaker"], x["start_s"], x["end_s"]) for x in truth["turns"]]))
    for name in scored.NAMES:
        for speaker in ("S1", "S2"):
            rec, ref = one_voice(name, speaker)
            out.append((f"{name} {speaker} alone", rec, ref))
    return out


def _sep(v) -> str:
    return "  -  " if v is None else f"{v:5.2f}"


def main() -> None:
    warnings.filterwarnings("ignore", message="'uem' was approximated")  # pyannote.metrics, on every clip
    vad, encoder, segmenter = load_vad(), load_speaker_encoder(), load_segmentation()
    rows = []
    print(f"{'recording':24s} true  est conf   | sep 2g  3g    4g    | pieces ov_s | DER given  DER est")
    for name, rec, ref in all_cases():
        k = max(1, len({g.speaker for g in ref}))
        given = attribute_speakers(rec, vad=vad, encoder=encoder, segmenter=segmenter,
                                   options=DiarizeOptions(n_speakers=k))
        est = attribute_speakers(rec, vad=vad, encoder=encoder, segmenter=segmenter,
                                 options=DiarizeOptions(n_speakers=None))
        c = est.speaker_count
        n_est = c.n_speakers if c else len(est.speakers)
        der_g = 100 * diarization_error_rate(ref, given.segments)
        der_e = 100 * diarization_error_rate(ref, est.segments)
        rows.append((name, k, n_est, der_g, der_e))
        seps = " ".join(_sep(v) for v in (c.separations if c else ()))
        print(f"{name:24s} {k:4d} {n_est:4d} {c.confidence if c else '-':6s} | {seps:19s} | {c.n_pieces if c else 0:6d}"
              f" {c.overlap_s if c else 0:4.1f} | {der_g:8.1f} {der_e:8.1f}   ({est.method}, found "
              f"{len(est.speakers)})")
    print("\nBy true count: estimated right / recordings; mean DER given -> estimated")
    for k in sorted({r[1] for r in rows}):
        sel = [r for r in rows if r[1] == k]
        right = sum(r[2] == r[1] for r in sel)
        over = sum(r[2] > r[1] for r in sel)
        print(f"  {k} people: {right}/{len(sel)} right, {over} over-counted; DER {np.mean([r[3] for r in sel]):5.1f}"
              f" -> {np.mean([r[4] for r in sel]):5.1f}")
    print(f"All: {sum(r[2] == r[1] for r in rows)}/{len(rows)} right")


if __name__ == "__main__":
    main()
