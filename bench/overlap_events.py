"""Interruptions and listening signals from the sound, and per-channel transcription, on the overlap sample.

Run from the repository root::

    python bench/overlap_events.py                # Whisper base
    python bench/overlap_events.py --model tiny.en

For ``sample_sessions/overlap_mono.flac`` (one channel) and ``overlap_stereo.flac`` (one person per channel),
made with known events (``make_overlap.py``: the mentor says "Uh-huh.", "Yeah." or "Right." 5 times inside
the mentee's speech and interrupts twice), it prints:

* the mentor's interruptions and backchannels found by the full analysis (``analyze_recording``: events from
  who spoke when, :mod:`pipeline.speech.events`) against the truth, and whether each indicator is available;
* on the stereo file, the mentor's and the mentee's word error rate with the mix transcribed and the words
  given by the channel attribution (before), and with each channel transcribed on its own
  (:func:`pipeline.speech.perchannel.transcribe_channels`, after), the time each took (wall and this
  process's CPU seconds: the machine may be shared), and the mentor's remaining word errors after, with times.

Aims (issue 19): counts within 1 of the truth in both versions; the mentor's WER within 2 points of the
mentee's on the stereo file. The one-channel version reaches the count aim only with an overlap-aware
one-channel diarizer.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from models import load_asr, load_nlp, load_segmentation, load_speaker_encoder, load_syllable_table, load_vad  # noqa: E402
from pipeline.io.audio import load_audio  # noqa: E402
from pipeline.run.orchestrate import analyze_recording  # noqa: E402
from pipeline.speech.channels import diarize_channels  # noqa: E402
from pipeline.speech.evaluation import scored_words, speaker_mapping, word_error_rate  # noqa: E402
from pipeline.speech.perchannel import transcribe_channels  # noqa: E402
from pipeline.speech.transcribe import transcribe  # noqa: E402
from pipeline.speech.turns import attribute_words  # noqa: E402
from pipeline.types import AnalyzeOptions, SpeakerSegment  # noqa: E402

SAMPLES = ROOT / "sample_sessions"


def truth(name: str) -> dict:
    return json.loads((SAMPLES / f"{name}.truth.json").read_text())


def truth_segments(t: dict) -> list[SpeakerSegment]:
    return [SpeakerSegment(x["speaker"], x["start_s"], x["end_s"]) for x in t["turns"]]


def speaker_texts(words, t: dict, hyp_segments) -> dict[str, tuple[str, list]]:
    """Truth speaker -> (their true text, the words given to them), hypothesis labels mapped to the truth's."""
    mapping = speaker_mapping(truth_segments(t), hyp_segments)
    return {spk: (" ".join(x["text"] for x in t["turns"] if x["speaker"] == spk),
                  [w for w in sorted(words, key=lambda w: w.start_s) if mapping.get(w.speaker) == spk])
            for spk in t["speakers"]}


def per_speaker_wer(words, t: dict, hyp_segments) -> dict[str, float]:
    """Truth speaker -> WER of the words given to them, in percent."""
    return {spk: 100 * word_error_rate(ref, " ".join(w.text for w in hyp))
            for spk, (ref, hyp) in speaker_texts(words, t, hyp_segments).items()}


def word_errors(reference: str, words) -> list[str]:
    """The alignment's differences, ``"ref -> hyp"``, at the hypothesis words' times (a deletion: between the
    words around it). Times are approximate where compounds were joined or split for scoring."""
    import jiwer

    ref, hyp = scored_words(reference, " ".join(w.text for w in words))
    times = [w.start_s for w in words] or [0.0]
    out = []
    for chunk in jiwer.process_words(" ".join(ref), " ".join(hyp)).alignments[0]:
        if chunk.type == "equal":
            continue
        i = min(chunk.hyp_start_idx, len(times) - 1)
        at = (f"between {times[max(i - 1, 0)]:.1f} and {times[i]:.1f} s" if chunk.type == "delete"
              else f"at {times[i]:.1f} s")
        out.append(f"{chunk.type} '{' '.join(ref[chunk.ref_start_idx:chunk.ref_end_idx])}' -> "
                   f"'{' '.join(hyp[chunk.hyp_start_idx:chunk.hyp_end_idx])}' {at}")
    return out


def event_counts(name: str, *, asr, vad, encoder, nlp, table, model: str, segmenter=None) -> None:
    t = truth(name)
    rec = load_audio(SAMPLES / f"{name}.flac")
    t0 = time.perf_counter()
    report, _, diarization = analyze_recording(rec, asr=asr, vad=vad, encoder=encoder, nlp=nlp,
                                               syllable_table=table, segmenter=segmenter,
                                               options=AnalyzeOptions(model=model))
    secs = time.perf_counter() - t0
    mentor = next(s.label for s in report.speakers if s.role == "mentor")
    ind = {i.id: i for i in report.indicators}
    print(f"\n{name} ({rec.n_channels} ch, attribution {diarization.method}, overlaps seen: "
          f"{diarization.detects_overlaps}; analysis {secs:.1f} s)")
    for kind, ind_id in (("interruption", "mentor_interruptions"), ("backchannel", "mentor_backchannels")):
        want = [e["start_s"] for e in t["events"] if e["kind"] == kind and e["role"] == "mentor"]
        got = [e for e in report.events if e.kind == kind and e.speaker == mentor]
        flagged = [m for m in report.turn_measures if m.speaker == mentor
                   and (m.is_interruption if kind == "interruption" else m.is_backchannel)]
        i = ind[ind_id]
        state = f"{i.value:.1f} per 10 min, {i.confidence}" if i.available else "not available"
        print(f"  {kind + 's':14s} truth {len(want)}  events {len(got)}  turns {len(flagged)}  "
              f"({ind_id}: {state})")
        print(f"    truth at {want}\n    found at {[round(e.start_s, 2) for e in got]}")


def stereo_wer(*, asr) -> None:
    name = "overlap_stereo"
    t = truth(name)
    rec = load_audio(SAMPLES / f"{name}.flac")
    d = diarize_channels(rec)
    t0, c0 = time.perf_counter(), time.process_time()
    mixed = transcribe(rec, model=asr)
    before_s, before_cpu = time.perf_counter() - t0, time.process_time() - c0
    before = per_speaker_wer(attribute_words(mixed.words, d), t, d.segments)
    t0, c0 = time.perf_counter(), time.process_time()
    split = transcribe_channels(rec, d, model=asr)
    after_s, after_cpu = time.perf_counter() - t0, time.process_time() - c0
    after = per_speaker_wer(split.words, t, d.segments)
    print(f"\n{name}: word error rate by person (%), words given by the channel attribution")
    print(f"  {'':34s} {'mentor':>7s} {'mentee':>7s} {'gap':>6s} {'time s':>7s} {'CPU s':>7s}")
    for label, w, secs, cpu in (("before: mix transcribed", before, before_s, before_cpu),
                                ("after: each channel transcribed", after, after_s, after_cpu)):
        print(f"  {label:34s} {w['S1']:7.1f} {w['S2']:7.1f} {w['S1'] - w['S2']:6.1f} {secs:7.1f} {cpu:7.1f}")
    print(f"  per-channel transcription costs {after_s - before_s:+.1f} s ({after_s / before_s:.2f}x the mix), "
          f"{after_cpu - before_cpu:+.1f} CPU s ({after_cpu / before_cpu:.2f}x) on {rec.duration_s:.0f} s of audio")
    ref, words = speaker_texts(split.words, t, d.segments)["S1"]
    print("  the mentor's word errors after:", *(word_errors(ref, words) or ["none"]), sep="\n    ")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default="base")
    ap.add_argument("--skip-wer", action="store_true", help="event counts only")
    args = ap.parse_args()
    asr = load_asr(args.model, device="cpu")
    vad, encoder, nlp, table = load_vad(), load_speaker_encoder(), load_nlp(), load_syllable_table()
    segmenter = load_segmentation()
    # one channel: the earlier diarizer (no overlaps) and the overlap-aware one (issue 19 part 1)
    event_counts("overlap_mono", asr=asr, vad=vad, encoder=encoder, nlp=nlp, table=table, model=args.model)
    for name in ("overlap_mono", "overlap_stereo"):
        event_counts(name, asr=asr, vad=vad, encoder=encoder, nlp=nlp, table=table, model=args.model,
                     segmenter=segmenter)
    if not args.skip_wer:
        stereo_wer(asr=asr)


if __name__ == "__main__":
    main()
