"""How evenly a group's members share the talking (``group_voice_balance``): from who spoke when against the truth.

On every AMI excerpt with three or four people (``../shared/data/ami``, CC BY 4.0; reference RTTM), the
indicator is computed twice: on the reference turns, and on the turns Rapport's one-channel attribution finds
(segmentation method, the true number of people given, as with ``--speakers``). The mentor is the person who talks
most in the reference (a group's lead), and in Rapport's turns whoever was mapped to that person (pyannote.metrics'
optimal mapping). The turns carry no words: the indicator reads talk time only.

    python bench/group_balance.py
"""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from diarize import AMI, AMI_SPEAKERS, read_rttm  # noqa: E402

from models import load_nlp, load_segmentation, load_speaker_encoder, load_vad  # noqa: E402
from pipeline.io.audio import load_audio  # noqa: E402
from pipeline.measures.session import measure_session  # noqa: E402
from pipeline.speech.evaluation import diarization_error_rate, speaker_mapping  # noqa: E402
from pipeline.speech.overlap import attribute_speakers  # noqa: E402
from pipeline.types import DiarizeOptions, SpeakerInfo, Turn  # noqa: E402


def balance(segments, mentor: str, nlp) -> float | None:
    """The indicator's value on ``segments`` (each with ``speaker``, ``start_s``, ``end_s``) with ``mentor``."""
    ordered = sorted(segments, key=lambda g: (g.start_s, g.end_s))
    labels = list(dict.fromkeys(g.speaker for g in ordered))
    roles = {s: "mentor" if s == mentor else "other" for s in labels}
    turns = tuple(Turn(i, g.speaker, roles[g.speaker], g.start_s, g.end_s, "") for i, g in enumerate(ordered))
    m = measure_session(turns, tuple(SpeakerInfo(s, r) for s, r in roles.items()), nlp=nlp, turn_times="measured")
    ind = next(i for i in m.indicators if i.id == "group_voice_balance")
    return ind.value


def main() -> None:
    if not (AMI / "train.rttm").is_file():
        raise SystemExit(f"AMI excerpts missing: {AMI}")
    warnings.filterwarnings("ignore")
    vad, encoder, segmenter, nlp = load_vad(), load_speaker_encoder(), load_segmentation(), load_nlp()
    refs = read_rttm(AMI / "train.rttm")
    print("group_voice_balance (the quietest member's talk as % of an even share; good range >= 50), reference "
          "turns vs Rapport's one-channel attribution, true speaker count given")
    print(f"{'excerpt':8s} {'people':>6s} {'found':>5s} {'DER %':>6s} {'reference':>9s} {'rapport':>8s} "
          f"{'difference':>10s}  same side of 50")
    diffs, same = [], 0
    for name, k in sorted(AMI_SPEAKERS.items()):
        if k < 3:
            continue
        ref = refs[name]
        lead = max({g.speaker for g in ref}, key=lambda s: sum(g.end_s - g.start_s for g in ref if g.speaker == s))
        d = attribute_speakers(load_audio(AMI / f"{name}.wav"), vad=vad, encoder=encoder, segmenter=segmenter,
                               options=DiarizeOptions(n_speakers=k))
        hyp = list(d.segments)
        to_ref = speaker_mapping(ref, hyp)
        found = len({g.speaker for g in hyp})
        mentor = next((h for h, r in to_ref.items() if r == lead), None)
        if mentor is None and hyp:
            mentor = max({g.speaker for g in hyp},
                         key=lambda s: sum(g.end_s - g.start_s for g in hyp if g.speaker == s))
        want = balance(ref, lead, nlp)
        got = balance(hyp, mentor, nlp) if hyp else None
        der = 100 * diarization_error_rate(ref, hyp)
        diff = None if got is None or want is None else got - want
        side = "n/a" if got is None else ("yes" if (got >= 50) == (want >= 50) else "no")
        same += side == "yes"
        if diff is not None:
            diffs.append(abs(diff))
        print(f"{name:8s} {k:6d} {found:5d} {der:6.1f} {want:9.1f} "
              f"{'n/a' if got is None else f'{got:.1f}':>8s} {'n/a' if diff is None else f'{diff:+.1f}':>10s}  {side}")
    if diffs:
        print(f"mean |difference| {sum(diffs) / len(diffs):.1f} points over {len(diffs)} excerpts; same side of the "
              f"good range's edge in {same}")


if __name__ == "__main__":
    main()
