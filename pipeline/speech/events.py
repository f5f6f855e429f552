"""Interruptions and listening signals from who spoke when, not from the words: the one definition of each.

Definitions (thresholds in :class:`pipeline.types.EventOptions`)
---------------------------------------------------------------
* **Interruption**: a speaker starts while the other is speaking, at least ``interruption_min_overlap_s``
  before the other stops; the other stops within ``interruption_yield_s`` of that start and the newcomer
  goes on past it (holds the floor). The event runs from the newcomer's start to the moment the other stops.
* **Backchannel** (listening signal): a burst of one speaker of at most ``backchannel_max_s`` inside the
  other's speech: the other is speaking when it starts, or stopped at most ``backchannel_gap_s`` before,
  and speaks again (or still) within ``backchannel_gap_s`` after it ends - the other goes on. Whether or
  not Whisper wrote a word for it.

Both read speaker activity (:class:`pipeline.types.SpeakerSegment`): a diarization's segments, which may
overlap between speakers (one channel per person, or an overlap-aware one-channel diarizer), or the spans of
a transcript's turns. Where the attribution gives one speaker per moment (the one-channel embedding and MFCC
attribution), overlaps cannot be seen: no interruption is found and backchannels are found only where the
attribution gave the listener a short stretch of their own.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from pipeline.types import (
    Confidence,
    Diarization,
    EventOptions,
    SpeakerSegment,
    SpeechEvent,
    Turn,
)
from pipeline.types.base import cap

#: How far (s) a turn's start may be from its event's start and still carry it (Whisper's word times drift).
MATCH_TOLERANCE_S = 1.0


def find_events(segments: Sequence[SpeakerSegment], *, confidence: Confidence = "high",
                options: EventOptions = EventOptions()) -> tuple[SpeechEvent, ...]:
    """Interruptions and backchannels in speaker activity (see the module docstring for the definitions).

    Parameters
    ----------
    segments : sequence of SpeakerSegment
        Who spoke when; two speakers' segments may overlap. One speaker's own segments should not.
    confidence : {"low", "medium", "high"}
        Stamped on every event: how sure the attribution is of two voices at once (:func:`event_confidence`).
    options : EventOptions

    Returns
    -------
    tuple of SpeechEvent
        In start order, at most one per segment. Empty for fewer than two speakers.
    """
    segs = sorted(segments, key=lambda g: (g.start_s, g.end_s, g.speaker))
    by_speaker: dict[str, list[SpeakerSegment]] = {}
    for g in segs:
        by_speaker.setdefault(g.speaker, []).append(g)
    # one speaker's segments do not overlap, so in start order their ends are sorted too: bisect for neighbours
    bounds = {spk: ([h.start_s for h in hs], [h.end_s for h in hs]) for spk, hs in by_speaker.items()}
    reach = max(options.backchannel_gap_s, options.interruption_yield_s)
    out = []
    for g in segs:
        for other, theirs in by_speaker.items():
            if other == g.speaker:
                continue
            starts, ends = bounds[other]
            near = theirs[bisect_left(ends, g.start_s - reach):bisect_right(starts, g.end_s + reach)]
            event = _backchannel(g, other, near, options) or _interruption(g, other, near, options)
            if event is not None:
                out.append(SpeechEvent(event[0], g.speaker, other, round(float(event[1]), 3), round(float(event[2]), 3),
                                       confidence))
                break
    return tuple(out)


def _backchannel(g: SpeakerSegment, other: str, theirs: list[SpeakerSegment], options: EventOptions):
    """("backchannel", start, end) when ``g`` is a short burst inside ``theirs`` (the other goes on), else None."""
    if g.end_s - g.start_s > options.backchannel_max_s:
        return None
    gap = options.backchannel_gap_s
    before = any(h.start_s < g.start_s and h.end_s >= g.start_s - gap for h in theirs)
    after = any(h.end_s > g.end_s + 1e-9 and h.start_s <= g.end_s + gap for h in theirs)
    return ("backchannel", g.start_s, g.end_s) if before and after else None


def _interruption(g: SpeakerSegment, other: str, theirs: list[SpeakerSegment], options: EventOptions):
    """("interruption", start, other's stop) when ``g`` cuts into one of ``theirs`` (see the definition)."""
    for h in theirs:
        if h.start_s < g.start_s <= h.end_s - options.interruption_min_overlap_s \
                and h.end_s - g.start_s <= options.interruption_yield_s and g.end_s > h.end_s:
            return "interruption", g.start_s, h.end_s
    return None


def event_confidence(diarization: Diarization) -> Confidence:
    """How sure events found in ``diarization`` are: "high" with one channel per person, else its own
    confidence, at most "medium" (two voices in one channel are separated by a model, not by microphones)."""
    if diarization.method == "channel":
        return "high"
    return cap(diarization.confidence, "medium")


def events_of_diarization(diarization: Diarization, *, options: EventOptions = EventOptions()
                          ) -> tuple[SpeechEvent, ...]:
    """:func:`find_events` on a diarization's segments, with :func:`event_confidence`."""
    return find_events(diarization.segments, confidence=event_confidence(diarization), options=options)


def turn_activity(turns: Sequence[Turn]) -> tuple[SpeakerSegment, ...]:
    """Speaker activity from turn spans (a transcript's cues, or turns without their diarization)."""
    return tuple(SpeakerSegment(t.speaker, t.start_s, t.end_s) for t in turns if t.end_s > t.start_s)


def turn_events(turns: Sequence[Turn], events: Sequence[SpeechEvent]) -> tuple[SpeechEvent | None, ...]:
    """Per turn, the event it carries, or None: each event goes to the turn of its speaker whose start is nearest
    the event's (within :data:`MATCH_TOLERANCE_S`), each turn carries at most one event."""
    order = sorted(range(len(turns)), key=lambda i: turns[i].start_s)
    starts = [turns[i].start_s for i in order]
    pairs = sorted(
        ((abs(turns[i].start_s - e.start_s), i, k) for k, e in enumerate(events)
         for i in order[bisect_left(starts, e.start_s - MATCH_TOLERANCE_S):
                        bisect_right(starts, e.start_s + MATCH_TOLERANCE_S)]
         if turns[i].speaker == e.speaker),
        key=lambda p: p[0])
    out: list[SpeechEvent | None] = [None] * len(turns)
    used: set[int] = set()
    for _, i, k in pairs:
        if out[i] is None and k not in used:
            out[i] = events[k]
            used.add(k)
    return tuple(out)
