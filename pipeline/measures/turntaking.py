"""Turn-taking and listening measures over turns.

Definitions
-----------
* **Speech seconds** of a speaker: length of the union of their turn spans.
* **Talk share**: a speaker's speech seconds / the sum of all speakers' speech
  seconds (silence excluded; overlap counts for both).
* **Response gap**: start of a turn minus the end of the other speaker's
  previous turn (negative = overlap); per speaker, the median over their turns
  that follow the other person.
* **Interruption**: a non-backchannel turn that starts at least
  ``interruption_min_overlap_s`` before the other's turn ends, where the other
  then stops within ``interruption_yield_s``.
* **Backchannel**: a short turn (<= ``backchannel_max_words`` listening tokens,
  <= ``backchannel_max_s``) inside or right after (<= 1.5 s) the other's speech.
* **Monologue**: consecutive turns of one speaker, the other's backchannels
  ignored; its length runs from the first start to the last end.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from pipeline.measures.language import is_backchannel_text
from pipeline.types import MeasureOptions, Turn

BACKCHANNEL_AFTER_S = 1.5


def speech_seconds(turns: Sequence[Turn]) -> dict[str, float]:
    """Speaker -> seconds of speech (union of the speaker's turn spans)."""
    out: dict[str, float] = {}
    for t, secs in zip(turns, turn_speech_seconds(turns), strict=True):
        out[t.speaker] = out.get(t.speaker, 0.0) + secs
    return out


def turn_speech_seconds(turns: Sequence[Turn]) -> tuple[float, ...]:
    """Per turn: the seconds of it not already covered by the same speaker's earlier-starting turns.

    Summed over a speaker's turns this is :func:`speech_seconds` (the union of
    their spans); per turn it lets a total be split by stretches of the
    conversation (the talk-share interval resamples exchanges).
    """
    out = [0.0] * len(turns)
    reach: dict[str, float] = {}
    for i in sorted(range(len(turns)), key=lambda i: (turns[i].start_s, turns[i].end_s)):
        t = turns[i]
        covered = reach.get(t.speaker, -np.inf)
        out[i] = max(0.0, t.end_s - max(t.start_s, covered))
        reach[t.speaker] = max(covered, t.end_s)
    return tuple(out)


def talk_shares(turns: Sequence[Turn]) -> dict[str, float]:
    """Speaker -> share of all speech seconds, 0-1 (empty dict without speech)."""
    secs = speech_seconds(turns)
    total = sum(secs.values())
    return {s: v / total for s, v in secs.items()} if total > 0 else {}


def backchannel_flags(turns: Sequence[Turn], *, options: MeasureOptions = MeasureOptions()) -> tuple[bool, ...]:
    """Per turn: is it a backchannel (listening token inside or right after the other's speech)?"""
    flags = []
    for i, t in enumerate(turns):
        ok = is_backchannel_text(t.text, max_words=options.backchannel_max_words) and \
            t.duration_s <= options.backchannel_max_s
        if ok:
            others = [u for u in turns[max(0, i - 3):i] if u.speaker != t.speaker]
            ok = bool(others) and (t.start_s - max(u.end_s for u in others) <= BACKCHANNEL_AFTER_S)
        flags.append(ok)
    return tuple(flags)


def gaps_before(turns: Sequence[Turn]) -> tuple[float | None, ...]:
    """Per turn: start minus the end of the previous turn when that was the other speaker, else None."""
    out: list[float | None] = [None]
    for prev, t in zip(turns, turns[1:], strict=False):
        out.append(t.start_s - prev.end_s if prev.speaker != t.speaker else None)
    return tuple(out[: len(turns)])


def interruption_flags(turns: Sequence[Turn], backchannels: Sequence[bool], *,
                       options: MeasureOptions = MeasureOptions()) -> tuple[bool, ...]:
    """Per turn: does it interrupt the other speaker (see module docstring)?"""
    flags = []
    for i, t in enumerate(turns):
        hit = False
        if not backchannels[i]:
            for u in turns[max(0, i - 4):i]:
                if u.speaker == t.speaker:
                    continue
                if u.start_s < t.start_s <= u.end_s - options.interruption_min_overlap_s and \
                        u.end_s - t.start_s <= options.interruption_yield_s:
                    hit = True
        flags.append(hit)
    return tuple(flags)


def monologues(turns: Sequence[Turn], backchannels: Sequence[bool]) -> list[tuple[str, float, float, int, int]]:
    """(speaker, start_s, end_s, first turn index, last turn index) of each floor-holding run."""
    runs: list[list] = []
    for i, t in enumerate(turns):
        if backchannels[i] and runs and runs[-1][0] != t.speaker:
            continue
        if runs and runs[-1][0] == t.speaker:
            runs[-1][2] = max(runs[-1][2], t.end_s)
            runs[-1][4] = i
        else:
            runs.append([t.speaker, t.start_s, t.end_s, i, i])
    return [tuple(r) for r in runs]


def switches(turns: Sequence[Turn]) -> int:
    """Number of speaker changes between consecutive turns."""
    return sum(a.speaker != b.speaker for a, b in zip(turns, turns[1:], strict=False))


def median_or_none(values) -> float | None:
    vals = [v for v in values if v is not None]
    return float(np.median(vals)) if vals else None
