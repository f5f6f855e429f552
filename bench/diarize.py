"""Speaker attribution: accuracy on real speech and cost on a 60-minute session, printed side by side.

Run from the repository root (needs `make test-data` for pyannote's sample)::

    python bench/diarize.py            # accuracy table + 60-minute timing/memory
    python bench/diarize.py --minutes 10

Accuracy: DER (0.25 s collar on each side of reference boundaries, overlapping
speech counted, pyannote.metrics) with the one-speaker floor (every detected
speech second given to one label) beside it, talk-share error (largest
per-speaker difference, percentage points) and word-attribution accuracy
(Whisper base words against the truth turns).

Cost: a 60-minute mono session is synthesised in memory by looping the sample
sessions; attribution (VAD + embeddings + clustering + re-segmentation + word
attribution + turns) runs on all of it for real. Transcribing 60 minutes here
would take too long, so transcription time is Whisper base int8's real-time
factor measured on one sample session, extrapolated linearly (said so in the
output).
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
import warnings
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from models import load_asr, load_speaker_encoder, load_vad  # noqa: E402
from pipeline.io.audio import load_audio  # noqa: E402
from pipeline.speech.channels import diarize_channels  # noqa: E402
from pipeline.speech.diarize import diarize, speech_probabilities  # noqa: E402
from pipeline.speech.evaluation import (  # noqa: E402
    diarization_error_rate,
    talk_share_error,
    word_attribution_accuracy,
)
from pipeline.speech.transcribe import transcribe  # noqa: E402
from pipeline.speech.turns import attribute_words, build_turns  # noqa: E402
from pipeline.types import Diarization, Recording, SpeakerSegment, Word  # noqa: E402

SAMPLES = ROOT / "sample_sessions"
NAMES = ("matched", "unmatched", "dual_channel")
PYANNOTE = ROOT / "tests" / "data" / "pyannote"


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def truth_of(name: str) -> list[SpeakerSegment]:
    t = json.loads((SAMPLES / f"{name}.truth.json").read_text())
    return [SpeakerSegment(x["speaker"], x["start_s"], x["end_s"]) for x in t["turns"]]


def mono(rec: Recording) -> Recording:
    return Recording(rec.samples.mean(axis=0, keepdims=True), rec.sr, rec.source_name, rec.sha256)


def word_talk_share_error(words, ref) -> float:
    truth_d = Diarization(tuple(sorted(ref, key=lambda g: g.start_s)), (), tuple(dict.fromkeys(g.speaker for g in ref)),
                          "truth", "high", 0.0, 0.0)
    tw = attribute_words(words, truth_d)

    def segs(ws):
        return [SpeakerSegment(w.speaker, w.start_s, max(w.end_s, w.start_s + 0.01)) for w in ws if w.speaker]

    return talk_share_error(segs(tw), segs(words))


def accuracy_table(asr, vad, encoder) -> dict[str, float]:
    rows = []
    sessions = [(n, load_audio(SAMPLES / f"{n}.flac"), truth_of(n)) for n in NAMES]
    if (PYANNOTE / "sample.wav").is_file():
        ref = []
        for line in (PYANNOTE / "sample.rttm").read_text().splitlines():
            f = line.split()
            ref.append(SpeakerSegment(f[7], float(f[3]), float(f[3]) + float(f[4])))
        sessions.append(("pyannote sample", load_audio(PYANNOTE / "sample.wav"), ref))
    else:
        print("(pyannote sample missing: run `make test-data`)")
    asr_rtf = {}
    for name, rec, ref in sessions:
        t0 = time.perf_counter()
        transcript = transcribe(rec, model=asr)
        asr_rtf[name] = (time.perf_counter() - t0) / rec.duration_s
        modes = [("channel", lambda r=rec: diarize_channels(r))] if rec.n_channels == 2 else []
        modes += [("embedding", lambda r=rec: diarize(mono(r), vad=vad, encoder=encoder)),
                  ("mfcc", lambda r=rec: diarize(mono(r), vad=vad, encoder=None))]
        for mode, run in modes:
            d = run()
            words = attribute_words(transcript.words, d)
            floor = [SpeakerSegment("X", g.start_s, g.end_s) for g in d.segments]
            rows.append((name, mode, 100 * diarization_error_rate(ref, d.segments),
                         100 * diarization_error_rate(ref, floor), talk_share_error(ref, d.segments),
                         word_talk_share_error(words, ref), 100 * word_attribution_accuracy(words, ref),
                         d.confidence, d.separation))
    print(f"{'session':16s} {'method':9s} {'DER %':>6s} {'1-spk %':>7s} {'share pp':>8s} {'share(words)':>12s}"
          f" {'words ok %':>10s}  confidence (separation)")
    for r in rows:
        print(f"{r[0]:16s} {r[1]:9s} {r[2]:6.2f} {r[3]:7.2f} {r[4]:8.2f} {r[5]:12.2f} {r[6]:10.2f}  {r[7]} ({r[8]:.2f})")
    return asr_rtf


def long_session(minutes: float) -> tuple[Recording, list[Word]]:
    """Loop the mono mixes of the sample sessions (and their Whisper-free truth words) to ``minutes``."""
    pieces, words, t = [], [], 0.0
    base = []
    for n in NAMES:
        rec = load_audio(SAMPLES / f"{n}.flac")
        truth = json.loads((SAMPLES / f"{n}.truth.json").read_text())
        # Stand-in words: each truth turn's words spread evenly over the turn (timing only matters here).
        ws = []
        for turn in truth["turns"]:
            k = max(1, turn["n_words"])
            step = (turn["end_s"] - turn["start_s"]) / k
            ws += [Word("w", turn["start_s"] + i * step, turn["start_s"] + (i + 0.8) * step, 1.0) for i in range(k)]
        base.append((rec.mono(), ws, rec.duration_s))
    target = minutes * 60
    i = 0
    while t < target:
        y, ws, dur = base[i % len(base)]
        pieces.append(y)
        words += [replace(w, start_s=w.start_s + t, end_s=w.end_s + t) for w in ws]
        t += dur
        i += 1
    y = np.concatenate(pieces)[: int(target * 16_000)]
    words = [w for w in words if w.end_s <= target]
    return Recording(y[None], 16_000, f"looped-{minutes:g}min", "0" * 64), words


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--minutes", type=float, default=60.0)
    ap.add_argument("--skip-accuracy", action="store_true")
    args = ap.parse_args()
    warnings.filterwarnings("ignore")
    vad, encoder = load_vad(), load_speaker_encoder()

    # Cost first, before Whisper is loaded, so the peak memory is attribution's own.
    rec, words = long_session(args.minutes)
    # Warm-up on 20 s (lazy imports, onnxruntime first-run set-up), as in a real run after transcription.
    diarize(Recording(rec.samples[:, : 20 * 16_000], 16_000, "warm", "0" * 64), vad=vad, encoder=encoder)
    print(f"Long session: {rec.duration_s / 60:.1f} min mono (sample sessions looped), {len(words)} words")

    t0 = time.perf_counter()
    probs = speech_probabilities(rec.mono(), sr=rec.sr, vad=vad)
    t_vad = time.perf_counter() - t0
    del probs
    t0 = time.perf_counter()
    d = diarize(rec, vad=vad, encoder=encoder)
    attributed = attribute_words(tuple(words), d)
    turns = build_turns(attributed, overlaps=d.overlaps)
    t_attr = time.perf_counter() - t0


    rss = peak_rss_mb()
    stereo = Recording(np.stack([rec.samples[0], np.roll(rec.samples[0], 16_000) * 0.1]), 16_000, "st", "0" * 64)
    t0 = time.perf_counter()
    diarize_channels(stereo)
    t_chan = time.perf_counter() - t0
    del stereo

    asr = load_asr("base", device="cpu")
    if args.skip_accuracy:
        r = load_audio(SAMPLES / "matched.flac")
        t0 = time.perf_counter()
        transcribe(r, model=asr)
        rtf = (time.perf_counter() - t0) / r.duration_s
        rtf_src = "matched"
    else:
        print("\nAccuracy on real speech (DER: 0.25 s collar each side, overlap counted)")
        rtfs = accuracy_table(asr, vad, encoder)
        rtf_src = "matched"
        rtf = rtfs["matched"]
    t_asr = rtf * rec.duration_s
    print(f"\nCost on {rec.duration_s / 60:.0f} minutes ({asr.compute_type} Whisper base, {asr.device}):")
    print(f"  transcription  {t_asr:8.1f} s  (EXTRAPOLATED: RTF {rtf:.4f} measured on {rtf_src}.flac x duration)")
    print(f"  attribution    {t_attr:8.1f} s  (measured: VAD+embeddings+clustering+re-segmentation+words+turns;"
          f" of which VAD alone {t_vad:.1f} s)")
    print(f"  ratio          {100 * t_attr / t_asr:8.2f} %  of transcription time (bar: < 5 %)")
    print(f"  dual-channel   {t_chan:8.1f} s  (channel attribution of a 2-channel version)")
    print(f"  memory         peak RSS {rss:.0f} MB before Whisper was loaded (audio {rec.samples.nbytes / 2**20:.0f} MB"
          f" incl.); budget 1536 MB")
    print(f"  result         {len(d.speakers)} speakers, {len(d.segments)} segments, {len(turns)} turns,"
          f" confidence {d.confidence}")


if __name__ == "__main__":
    main()
