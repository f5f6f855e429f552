"""Test helper: Turns for a sample session from its transcript and ground truth (no diarization needed)."""

from __future__ import annotations

from pipeline.types import SpeakerInfo, Transcript, Turn


def turns_from_truth(transcript: Transcript, truth: dict) -> tuple[tuple[Turn, ...], tuple[SpeakerInfo, ...]]:
    """Give each recognised word the speaker of the true turn containing its midpoint; group runs into turns.

    Words whose midpoint falls in no true turn go to the nearest true turn.
    """
    true = truth["turns"]
    turns: list[Turn] = []
    cur: list = []
    cur_k = None

    def flush():
        if cur:
            t = true[cur_k]
            turns.append(Turn(len(turns), t["speaker"], t["role"], cur[0].start_s, cur[-1].end_s,
                              " ".join(w.text for w in cur).strip(), tuple(cur)))

    for w in transcript.words:
        mid = (w.start_s + w.end_s) / 2
        k = min(range(len(true)), key=lambda i: 0.0 if true[i]["start_s"] <= mid <= true[i]["end_s"]
                else min(abs(mid - true[i]["start_s"]), abs(mid - true[i]["end_s"])))
        if k != cur_k:
            flush()
            cur, cur_k = [], k
        from dataclasses import replace

        cur.append(replace(w, speaker=true[k]["speaker"]))
    flush()
    speakers = tuple(SpeakerInfo(label, s["role"], "set", label) for label, s in truth["speakers"].items())
    return tuple(turns), speakers
