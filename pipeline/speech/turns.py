"""Give each word its speaker and assemble words into turns.

Speaker changes happen between words, not inside them, so attribution works
word by word: a word goes to the speaker whose segments overlap it most. A word
that overlaps no segment (Whisper's times drift a little around pauses) goes to
the nearest segment's speaker within ``max_nearest_s`` - or stays unattributed
(``speaker=None``) when ``nearest_when_unmatched`` is off. A lone word whose
attribution is a near tie and that sits inside another speaker's run with no
pause on either side is given to that speaker (a change needs a pause). Words
inside an overlap stretch are marked ``overlap=True`` rather than silently
belonging to one person only.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import replace

import numpy as np

from pipeline.types import AttributionOptions, Diarization, SpeakerInfo, SpeechEvent, Turn, TurnOptions, Word

UNKNOWN_SPEAKER = "unknown"
_NO_PAUSE_S = 0.05  # words closer than this are spoken without a pause
_EVENT_SLACK_S = 0.3  # Whisper's word times drift about this much around an event's edges
_TIE_MARGIN = 0.7  # a word whose best speaker holds less than this share of its overlap is a near tie


def _overlap_by_speaker(start: float, end: float, starts: np.ndarray, ends: np.ndarray, spk: np.ndarray,
                        labels: tuple[str, ...]) -> np.ndarray:
    ov = np.clip(np.minimum(ends, end) - np.maximum(starts, start), 0.0, None)
    return np.array([ov[spk == i].sum() for i in range(len(labels))])


def _coverage_by_speaker(start: float, end: float, starts: np.ndarray, ends: np.ndarray, spk: np.ndarray,
                         labels: tuple[str, ...]) -> np.ndarray:
    """Per speaker, the largest share of one of their segments that the word covers, 0-1.

    A short segment that the word nearly fills (a listener's "Right." between two stretches of the other
    person) is stronger evidence than the edge of a long segment that runs on into the pause after it.
    """
    ov = np.clip(np.minimum(ends, end) - np.maximum(starts, start), 0.0, None)
    cov = ov / np.maximum(ends - starts, 1e-3)
    return np.array([cov[spk == i].max(initial=0.0) for i in range(len(labels))])


def attribute_words(
    words: tuple[Word, ...], diarization: Diarization, *, options: AttributionOptions = AttributionOptions()
) -> tuple[Word, ...]:
    """Set ``speaker`` (and ``overlap``) on every word.

    Parameters
    ----------
    words : tuple of Word
        Words in time order (from :func:`pipeline.speech.transcribe.transcribe`).
    diarization : Diarization
        Who spoke when (:func:`pipeline.speech.diarize.diarize` or
        :func:`pipeline.speech.channels.diarize_channels`).
    options : AttributionOptions
        What to do with words no segment overlaps; overlap marking.

    Returns
    -------
    tuple of Word
        Same words, same order, with ``speaker`` set (or None, see above) and
        ``overlap`` True where at least ``overlap_min_fraction`` of the word
        lies in an overlap stretch. Empty in, empty out.
    """
    if not words:
        return ()
    labels = diarization.speakers
    segs = diarization.segments
    if not segs:
        return tuple(replace(w, speaker=None, overlap=False) for w in words)
    index = {s: i for i, s in enumerate(labels)}
    starts = np.array([g.start_s for g in segs])
    ends = np.array([g.end_s for g in segs])
    spk = np.array([index[g.speaker] for g in segs])

    chosen: list[str | None] = []
    share: list[float] = []
    for w in words:
        s, e = w.start_s, max(w.end_s, w.start_s + 1e-3)
        ov = _overlap_by_speaker(s, e, starts, ends, spk, labels)
        if ov.sum() > 0:
            best = int(np.argmax(ov))
            if ov[best] / ov.sum() < _TIE_MARGIN:  # near tie: the speaker whose segment the word fills
                best = int(np.argmax(_coverage_by_speaker(s, e, starts, ends, spk, labels)))
            chosen.append(labels[best])
            share.append(float(ov[best] / ov.sum()))
            continue
        share.append(0.0)
        if not options.nearest_when_unmatched:
            chosen.append(None)
            continue
        dist = np.maximum(starts - e, s - ends)  # gap to each segment (>0: no overlap)
        j = int(np.argmin(dist))
        chosen.append(labels[spk[j]] if dist[j] <= options.max_nearest_s else None)

    # A change of speaker needs a pause: a lone, weakly attributed word inside another run is smoothed over.
    for i in range(1, len(words) - 1):
        prev, cur, nxt = chosen[i - 1], chosen[i], chosen[i + 1]
        if cur is None or prev is None or prev != nxt or cur == prev or share[i] >= _TIE_MARGIN:
            continue
        if (words[i].start_s - words[i - 1].end_s < _NO_PAUSE_S
                and words[i + 1].start_s - words[i].end_s < _NO_PAUSE_S):
            chosen[i] = prev

    return with_overlap_marks(tuple(replace(w, speaker=who) for w, who in zip(words, chosen, strict=True)),
                              diarization, options=options)


def with_overlap_marks(words: tuple[Word, ...], diarization: Diarization, *,
                       options: AttributionOptions = AttributionOptions()) -> tuple[Word, ...]:
    """``words`` with ``overlap`` True where at least ``overlap_min_fraction`` of the word lies in one of the
    diarization's overlap stretches (speakers unchanged: words transcribed per channel already have theirs)."""
    ov_starts = np.array([a for a, _ in diarization.overlaps])
    ov_ends = np.array([b for _, b in diarization.overlaps])
    out = []
    for w in words:
        dur = max(w.end_s - w.start_s, 1e-3)
        in_ov = float(np.clip(np.minimum(ov_ends, w.end_s) - np.maximum(ov_starts, w.start_s), 0, None).sum()) \
            if len(ov_starts) else 0.0
        out.append(replace(w, overlap=bool(in_ov > 0 and in_ov / dur >= options.overlap_min_fraction)))
    return tuple(out)


def build_turns(
    words: tuple[Word, ...],
    speakers: tuple[SpeakerInfo, ...] = (),
    *,
    overlaps: tuple[tuple[float, float], ...] = (),
    events: tuple[SpeechEvent, ...] = (),
    options: TurnOptions = TurnOptions(),
) -> tuple[Turn, ...]:
    """Assemble attributed words into turns, which may overlap where ``events`` say two people spoke at once.

    Parameters
    ----------
    words : tuple of Word
        Attributed words in time order (:func:`attribute_words`).
    speakers : tuple of SpeakerInfo
        Roles per label (:func:`pipeline.measures.roles.assign_roles`); a label not
        listed gets role ``"other"``. May be empty (roles all ``"other"``).
    overlaps : tuple of (start_s, end_s)
        Overlapping-speech stretches (``Diarization.overlaps``): a turn whose
        span meets one is marked ``overlap`` even when none of its own words
        is mostly inside it (e.g. a backchannel over a long turn).
    events : tuple of SpeechEvent
        Interruptions and backchannels from the speaker activity
        (:func:`pipeline.speech.events.find_events`). A backchannel's words become a turn of their own
        inside the other's turn, which goes on (not split in three); a backchannel Whisper wrote no word for
        becomes a turn without words (text ""), so the turn list still sees it. During an interruption the
        interrupted speaker's last words stay in their turn, which ends after the interrupter's starts.
    options : TurnOptions
        ``max_gap_s``: a longer pause inside one speaker's words starts a new turn.

    Returns
    -------
    tuple of Turn
        In start order, indexed from 0. Without ``events`` consecutive turns never overlap (``start_s`` of
        one >= ``end_s`` of the previous); with them, a backchannel or interruption turn overlaps the turn it
        sits in. Words without a speaker form turns of speaker ``"unknown"``. ``overlap`` is True when any of
        the turn's words is in overlapping speech or the turn's span meets an overlap stretch.
    """
    roles = {s.label: s.role for s in speakers}
    groups, carried = _group_words(words, events, options)
    for e in events:  # a listening sound Whisper wrote nothing for is still a turn
        if e.kind == "backchannel" and not any(c is e for c in carried):
            groups.append([])
            carried.append(e)
    order = sorted(range(len(groups)), key=lambda i: groups[i][0].start_s if groups[i] else carried[i].start_s)
    turns = []
    last_end = 0.0
    for i in order:
        g, e = groups[i], carried[i]
        who = (g[0].speaker if g else e.speaker) or UNKNOWN_SPEAKER
        first = g[0].start_s if g else e.start_s
        start = first if e is not None else max(first, last_end)  # two voices at once only where the activity says
        end = max(max((w.end_s for w in g), default=e.end_s if e is not None else start), start)
        last_end = max(last_end, end)
        turns.append(Turn(
            index=len(turns), speaker=who, role=roles.get(who, "other"), start_s=round(start, 3),
            end_s=round(end, 3), text=join_words(g), words=tuple(g),
            overlap=any(w.overlap for w in g) or any(a < end and b > start for a, b in overlaps),
        ))
    return tuple(turns)


def _event_of(w: Word, who: str, events: list[SpeechEvent], starts: list[float]) -> SpeechEvent | None:
    """The event of ``who`` the word ``w`` belongs to (its middle within the event's span, give or take).

    ``events`` in start order, ``starts`` their starts; a listening sound lasts at most 3 s
    (:class:`pipeline.types.EventOptions`), so only events starting up to 4 s before can hold the word.
    """
    mid = (w.start_s + w.end_s) / 2
    for e in events[bisect_left(starts, mid - 4.0):bisect_right(starts, mid + _EVENT_SLACK_S)]:
        hi = e.end_s if e.kind == "backchannel" else e.start_s + _EVENT_SLACK_S
        if e.speaker == who and e.start_s - _EVENT_SLACK_S <= mid <= hi + _EVENT_SLACK_S:
            return e
    return None


def _group_words(words: tuple[Word, ...], events: tuple[SpeechEvent, ...], options: TurnOptions
                 ) -> tuple[list[list[Word]], list[SpeechEvent | None]]:
    """Words grouped into turns, and the event each group carries (None for an ordinary turn)."""
    in_order = sorted(events, key=lambda e: e.start_s)
    starts = [e.start_s for e in in_order]
    groups: list[list[Word]] = []
    carried: list[SpeechEvent | None] = []
    current: int | None = None  # the group holding the floor
    open_until: dict[int, float] = {}  # an interrupted group takes its speaker's words until then
    last_of: dict[str, int] = {}

    def near(i: int, w: Word) -> bool:
        return w.start_s - groups[i][-1].end_s <= options.max_gap_s

    for w in words:
        who = w.speaker or UNKNOWN_SPEAKER
        e = _event_of(w, who, in_order, starts)
        floor_who = (groups[current][0].speaker or UNKNOWN_SPEAKER) if current is not None else None
        if e is not None and e.kind == "backchannel" and floor_who not in (None, who):
            k = next((i for i, c in enumerate(carried) if c is e), None)
            if k is None:
                groups.append([])
                carried.append(e)
                k = len(groups) - 1
            groups[k].append(w)
            continue
        last = last_of.get(who)
        if current is not None and floor_who == who and near(current, w):
            groups[current].append(w)
        elif last is not None and w.start_s <= open_until.get(last, -1.0) and near(last, w):
            groups[last].append(w)  # the interrupted speaker finishing their sentence
        else:
            if e is not None and e.kind == "interruption" and current is not None and floor_who != who:
                open_until[current] = e.end_s + _EVENT_SLACK_S
            groups.append([w])
            carried.append(e if e is not None and e.kind == "interruption" else None)
            current = last_of[who] = len(groups) - 1
    return groups, carried


def join_words(words) -> str:
    """Join Whisper words into text (punctuation stays attached, as Whisper wrote it)."""
    return " ".join(w.text for w in words).strip()


def talk_time_s(turns: tuple[Turn, ...]) -> dict[str, float]:
    """Seconds of speech per speaker, summed over their words' own spans."""
    out: dict[str, float] = {}
    for t in turns:
        out[t.speaker] = out.get(t.speaker, 0.0) + sum(max(0.0, w.end_s - w.start_s) for w in t.words)
    return out
