"""Does the at-a-glance feedback depend on which Whisper model transcribed the session?

It should not: the same recording, the same people. Runs the whole pipeline
(transcription, speakers by embedding or channel, measures) on each bundled
sample session with Whisper base and with tiny.en, and prints each one's "what
went well" and "to try next time" and whether the two models agree.

Word timings differ a little between the models, so turn boundaries and every
per-turn value move a little. A score built on 9-11 turn pairs (a correlation,
a trend) or a share of a few questions can then cross its good range's edge;
the product marks such a value "low confidence" when its 95 % interval
reaches both sides of the edge (:func:`pipeline.measures.indicator_spec.interval_confidence`), and the
feedback leaves it out.

    python bench/feedback_stability.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MODELS = ("base", "tiny.en")
SAMPLES = ("matched", "unmatched", "dual_channel")


def main() -> int:
    from models import load_asr, load_nlp, load_speaker_encoder, load_syllable_table, load_vad
    from pipeline.io.audio import load_audio
    from pipeline.measures.indicator_spec import TOO_FEW_TO_TELL
    from pipeline.report.glance import feedback
    from pipeline.run.orchestrate import analyze_recording

    vad, encoder, nlp, table = load_vad(), load_speaker_encoder(), load_nlp(), load_syllable_table()
    lists: dict[tuple[str, str], tuple[tuple[str, ...], tuple[str, ...]]] = {}
    for model in MODELS:
        asr = load_asr(model, device="cpu")
        for name in SAMPLES:
            report, *_ = analyze_recording(load_audio(ROOT / "sample_sessions" / f"{name}.flac"), asr=asr, vad=vad,
                                           encoder=encoder, nlp=nlp, syllable_table=table)
            fb = feedback(report)
            lists[model, name] = (tuple(p.indicator_id for p in fb.went_well), tuple(p.indicator_id for p in fb.to_try))
            low = sum(TOO_FEW_TO_TELL in i.explanation for i in report.indicators)
            print(f"{name:13s} {model:8s} went well: {', '.join(lists[model, name][0]) or '-'}")
            print(f"{'':13s} {'':8s} to try:    {', '.join(lists[model, name][1]) or '-'}")
            print(f"{'':13s} {'':8s} indicators too close to an edge of their good range to tell: {low} of "
                  f"{len(report.indicators)}")
    agree = 0
    for name in SAMPLES:
        same = all(set(lists[MODELS[0], name][k]) == set(lists[MODELS[1], name][k]) for k in (0, 1))
        agree += same
        print(f"{name:13s} {MODELS[0]} and {MODELS[1]} give the same feedback: {'yes' if same else 'no'}")
    print(f"same feedback from both models: {agree} of {len(SAMPLES)} sessions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
