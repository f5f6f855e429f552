"""Turn-taking and listening measures over turns.

Definitions
-----------
* **Speech seconds** of a speaker: length of the union of their turn spans.
* **Talk share**: a speaker's speech seconds / the sum of all speakers' speech
  seconds (silence excluded; overlap counts for both).
* **Response gap**: start of a turn minus the end of the turn before it that
  reaches furthest (negative = overlap), when that turn is the other speaker's;
  per speaker, the median over their turns that follow the other person.
* **Interruption** and **backchannel** (listening signal): defined once, on who
  spoke when, in :mod:`pipeline.speech.events`; a turn is one when it carries
  such an event (:func:`event_flags`).
* **Monologue**: consecutive turns of one speaker, the other's backchannels
  ignored; its length runs from the first start to the last end.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from pipeline.speech.events import turn_events
from pipeline.types import SpeechEvent, Turn


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


def event_flags(turns: Sequence[Turn], events: Sequence[SpeechEvent], *, overlaps_observable: bool = True
                ) -> tuple[tuple[bool, ...], tuple[bool | None, ...]]:
    """Per turn: is it a backchannel, and is it an interruption (None where overlaps cannot be seen)?

    A turn is one when it carries an event of that kind (:func:`pipeline.speech.events.turn_events`).
    """
    carried = turn_events(turns, events)
    bc = tuple(e is not None and e.kind == "backchannel" for e in carried)
    intr = tuple((e is not None and e.kind == "interruption") if overlaps_observable else None for e in carried)
    return bc, intr


def gaps_before(turns: Sequence[Turn]) -> tuple[float | None, ...]:
    """Per turn: its start minus the end of the earlier-starting turn that reaches furthest, when that turn is
    the other speaker's, else None (a backchannel inside the other's turn does not hide the turn around it)."""
    out: list[float | None] = []
    reach: Turn | None = None
    for t in turns:
        out.append(t.start_s - reach.end_s if reach is not None and reach.speaker != t.speaker else None)
        if reach is None or t.end_s >= reach.end_s:
            reach = t
    return tuple(out)


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
