"""Time of the measures stage vs transcription on a 60-minute session, and accuracy on the sample sessions.

The 60-minute session is the three sample sessions tiled (audio and turns
shifted) until it lasts 60 minutes. Transcription time is measured on the
first ``--asr-minutes`` of it and scaled linearly to 60 minutes (say
``--asr-minutes 60`` to transcribe it all); measures are timed on all of it.

    python bench/measures.py [--asr-minutes 5]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _ci(ci) -> str:
    """A 95 % interval as "[low, high]", or "[n/a]"."""
    return "[n/a]" if ci is None else f"[{ci[0]:+.2f}, {ci[1]:+.2f}]"


#: Session totals whose interval is a bootstrap over exchanges: printed with it, per sample and for the long session.
TOTALS = ("mentor_talk_share", "talk_to_listen_ratio", "pace_difference", "loudness_difference", "mentor_response_gap")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--asr-minutes", type=float, default=5.0)
    ap.add_argument("--minutes", type=float, default=60.0)
    args = ap.parse_args(argv)
    from models import load_asr, load_nlp, load_syllable_table
    from pipeline.io.audio import load_audio
    from pipeline.measures.session import measure_session
    from pipeline.speech.transcribe import transcribe
    from pipeline.types import Recording
    from tests.truth_turns import turns_from_truth

    asr, nlp, table = load_asr("base", device="cpu"), load_nlp(), load_syllable_table()
    names = ("matched", "unmatched", "dual_channel")
    recs = {n: load_audio(ROOT / "sample_sessions" / f"{n}.flac") for n in names}
    truths = {n: json.loads((ROOT / "sample_sessions" / f"{n}.truth.json").read_text()) for n in names}
    t0 = time.perf_counter()
    txs = {n: transcribe(recs[n], model=asr) for n in names}
    asr_samples_s = time.perf_counter() - t0
    audio_s = sum(r.duration_s for r in recs.values())
    print(f"transcription of the 3 samples ({audio_s:.0f} s audio): {asr_samples_s:.1f} s")
    print("accuracy on the samples (word timings from Whisper base, speakers from the truth):")
    for n in names:
        turns, speakers = turns_from_truth(txs[n], truths[n])
        m = measure_session(turns, speakers, recording=recs[n], nlp=nlp, syllable_table=table)
        sp = truths[n]["speakers"]
        for s in m.speakers:
            print(f"  {n:13s} {s.speaker} pace {s.pace_wpm:6.1f} wpm vs truth {sp[s.speaker]['mean_rate_wpm']:6.1f} "
                  f"({(s.pace_wpm / sp[s.speaker]['mean_rate_wpm'] - 1) * 100:+.1f}%)")
        ld = next(i for i in m.indicators if i.id == "loudness_difference").value
        print(f"  {n:13s} loudness difference {ld:+.2f} dB vs gain difference "
              f"{sp['S1']['gain_db'] - sp['S2']['gain_db']:+.2f} dB")
        for i in m.indicators:
            if i.id in TOTALS:
                print(f"  {n:13s} {i.id:20s} {i.value:+8.2f} {i.unit:5s} 95 % interval {_ci(i.ci95)} -> {i.confidence}")
        for e in m.entrainment:
            print(f"  {n:13s} {e.feature:12s} proximity {e.proximity:+.2f} {_ci(e.proximity_ci95)} (partner "
                  f"{e.partner_similarity:+.2f} vs baseline {e.baseline_similarity:+.2f}, p={e.proximity_p:.3f}) "
                  f"synchrony r={e.synchrony_r:+.2f} {_ci(e.synchrony_ci95)} convergence r={e.convergence_r:+.2f} "
                  f"{_ci(e.convergence_ci95)} n={e.n_pairs}")
    # tile to a long session (mono), turns shifted
    samples, turns_all, t_off = [], [], 0.0
    i = 0
    while t_off < args.minutes * 60:
        n = names[i % 3]
        i += 1
        turns, speakers = turns_from_truth(txs[n], truths[n])
        samples.append(recs[n].mono())
        for t in turns:
            words = tuple(replace(w, start_s=w.start_s + t_off, end_s=w.end_s + t_off) for w in t.words)
            turns_all.append(replace(t, index=len(turns_all), start_s=t.start_s + t_off, end_s=t.end_s + t_off,
                                     words=words))
        t_off += recs[n].duration_s
    long_rec = Recording(np.concatenate(samples)[None, :], 16000, "tiled", "")
    t0 = time.perf_counter()
    m = measure_session(turns_all, speakers, recording=long_rec, nlp=nlp, syllable_table=table)
    meas_s = time.perf_counter() - t0
    part = Recording(long_rec.samples[:, : int(args.asr_minutes * 60 * 16000)], 16000, "part", "")
    t0 = time.perf_counter()
    transcribe(part, model=asr)
    asr_part_s = time.perf_counter() - t0
    asr_est = asr_part_s * long_rec.duration_s / part.duration_s
    print(f"{long_rec.duration_s / 60:.1f}-minute session, {len(turns_all)} turns, {len(m.indicators)} indicators")
    print(f"  measures (all stages after attribution): {meas_s:.1f} s")
    for i in m.indicators:
        if i.id in TOTALS:
            print(f"  {i.id:20s} {i.value:+8.2f} {i.unit:5s} 95 % interval {_ci(i.ci95)} -> {i.confidence}")
    print(f"  transcription: {asr_part_s:.1f} s for {part.duration_s / 60:.1f} min -> {asr_est:.0f} s for the session"
          f"{' (scaled linearly)' if part.duration_s < long_rec.duration_s else ''}")
    print(f"  measures / transcription: {meas_s / asr_est * 100:.2f}% (bar: < 5%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
