"""Checks of a transcript read by :mod:`pipeline.io.transcripts`: what in it would mislead the measures.

A transcript whose times are broken (a cue that ends before it starts, times that go backwards, a silence of
hours between two turns) or whose speaker names hold a typo ("Sma" once among thirty turns of "Sam") still gives
a report: real exports hold such glitches, and refusing the file would help nobody. The report must say so,
naming the cue and the names, so that the user can correct the transcript. :func:`timing_warnings` and
:func:`name_warnings` write those sentences; :func:`table_columns_message` says what a table transcript lacks
when its header names no usable columns. Pure functions on what the parser found.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.io.table_columns import TABLE_COLUMNS, looks_like_header
from pipeline.types import ParsedTranscript, Turn

#: A silence between two turns longer than this is implausible in a conversation, seconds (10 minutes).
MAX_GAP_S = 600.0
#: ... and so is one longer than this share of the whole span, once it is this long (seconds).
MAX_GAP_SHARE = 0.5
MIN_SHARE_GAP_S = 60.0
#: A speaker with at most this many turns whose name is one letter from another's may be a typo.
MAX_TYPO_TURNS = 2
#: ... of another speaker's name at least this long (shorter labels, "S1" and "S2", differ by design).
MIN_NAME_LENGTH = 3
#: Cues named in one warning; the others are counted.
_SHOWN = 3


@dataclass(frozen=True)
class CueTime:
    """Where a cue of the transcript is and the times it gives, as written (in file order).

    Attributes
    ----------
    where : str
        How the user finds it: ``"cue 4 (Client)"``, ``"line 7 (Ann)"``, ``"row 3 (Sam)"``.
    start_s : float
        Its start, seconds from the transcript's start.
    end_s : float or None
        Its end as written (None: not given); may be before ``start_s``.
    """

    where: str
    start_s: float
    end_s: float | None = None


def clock(seconds: float) -> str:
    """``"1:05"``, ``"1:02:03"``, ``"0:02.5"``: a time as a transcript writes it."""
    whole = int(seconds)
    frac = f"{seconds - whole:.3f}".rstrip("0").rstrip(".")[1:]
    h, m, s = whole // 3600, whole % 3600 // 60, whole % 60
    return (f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}") + frac


def _listed(items: list[str]) -> str:
    shown = items[:_SHOWN]
    more = f" and {len(items) - _SHOWN} more" if len(items) > _SHOWN else ""
    return "; ".join(shown) + more


def timing_warnings(cues: Sequence[CueTime]) -> tuple[str, ...]:
    """Warnings about broken times in a transcript, in order: cues that end before they start, times that go
    backwards, an implausible silence between two turns. Empty when the times are sound.

    Parameters
    ----------
    cues : sequence of CueTime
        The transcript's dated cues in file order (their times after clock times were made elapsed).

    Returns
    -------
    tuple of str
        One sentence each, naming the cues and their times and saying what to do. A gap between one cue's end
        (its start, where ends are not given) and the next cue's start is implausible when longer than
        :data:`MAX_GAP_S`, or, after a cue with an end, longer than :data:`MIN_SHARE_GAP_S` and than
        :data:`MAX_GAP_SHARE` of the span from the first start to the last end.
    """
    out = []
    fix = ("every measure rests on these times (talk shares, pauses, rates per minute, the order of the turns), so "
           "all are shown at low confidence: correct the times in the transcript, or export it again.")
    reversed_ = [f"{c.where} ends at {clock(c.end_s)}, before it starts at {clock(c.start_s)}"
                 for c in cues if c.end_s is not None and c.end_s < c.start_s]
    if reversed_:
        out.append(f"Cues end before they start: {_listed(reversed_)}. Such a cue is kept as taking no time, and {fix}")
    backwards = [f"{b.where} starts at {clock(b.start_s)}, before {a.where} at {clock(a.start_s)}"
                 for a, b in zip(cues, cues[1:], strict=False) if b.start_s < a.start_s]
    if backwards:
        out.append(f"The times go backwards: {_listed(backwards)}. The turns are put in time order, and {fix}")
    ordered = sorted(cues, key=lambda c: c.start_s)
    if ordered:
        span = max(max(c.start_s, c.end_s or c.start_s) for c in ordered) - ordered[0].start_s
        gaps, last, reached = [], ordered[0], ordered[0].start_s
        for c in ordered[1:]:
            reached = max(reached, last.start_s, last.end_s or last.start_s)
            gap = c.start_s - reached
            # without ends, a gap holds the earlier turn itself: only the absolute limit applies
            share = last.end_s is not None and gap > MIN_SHARE_GAP_S and gap > MAX_GAP_SHARE * span
            if gap > MAX_GAP_S or share:
                gaps.append(f"{clock(gap)} between {last.where} and {c.where} at {clock(c.start_s)}")
            last = c
        if gaps:
            out.append(f"A gap of {_listed(gaps)}, in a transcript spanning {clock(span)}: a time may be "
                       f"mistyped, and {fix}")
    return tuple(out)


def checked_transcript(turns: tuple[Turn, ...], turn_times: str, times: Sequence[CueTime]) -> ParsedTranscript:
    """The parsed transcript with its warnings: :func:`timing_warnings` of ``times`` (which make
    ``times_unreliable``), then :func:`name_warnings` of ``turns``."""
    timing = timing_warnings(times)
    return ParsedTranscript(turns, turn_times, warnings=timing + name_warnings(turns), times_unreliable=bool(timing))


def damerau_distance(a: str, b: str) -> int:
    """Edits (insert, delete, substitute a letter, or swap two adjacent ones) that turn ``a`` into ``b``.

    The optimal-string-alignment distance: ``damerau_distance("Sma", "Sam")`` is 1, ``("Pryia", "Priya")`` 1.
    """
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        row = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            row[j] = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], prev2[j - 2] + 1)
        prev2, prev = prev, row
    return prev[-1]


def name_warnings(turns: Sequence[Turn]) -> tuple[str, ...]:
    """Warnings about speaker names that may be typos of another speaker's name; nobody is merged.

    A speaker with at most :data:`MAX_TYPO_TURNS` turns whose name is one edit (:func:`damerau_distance`, case
    ignored) from another speaker's name of :data:`MIN_NAME_LENGTH` letters or more, and who speaks no more often
    than that one, is named with it. Names that differ only in their digits ("Speaker 1", "Speaker 2") are
    different people by design.

    Returns
    -------
    tuple of str
        One sentence per such name, in the order the speakers first speak.
    """
    counts = Counter(t.speaker for t in turns)
    out, told = [], set()
    for name, n in counts.items():
        if n > MAX_TYPO_TURNS:
            continue
        for other, m in counts.items():
            if (other == name or len(other) < MIN_NAME_LENGTH or m < n or frozenset((name, other)) in told
                    or damerau_distance(name.casefold(), other.casefold()) > 1
                    or [ch for ch in name if not ch.isdigit()] == [ch for ch in other if not ch.isdigit()]):
                continue
            times = {1: "once", 2: "twice"}.get(n, f"{n} times")
            told.add(frozenset((name, other)))
            out.append(f"'{name}' speaks {times} and is one letter from '{other}': if they are the same person, "
                       "correct the transcript (or rename in the app); until then they count as two people.")
            break
    return tuple(out)


def table_columns_message(first_line: str, *, source_name: str) -> str | None:
    """Why a table transcript could not be read, when the file is a table (``.csv``/``.tsv``, or a first line
    that :func:`pipeline.io.table_columns.looks_like_header`) whose header lacks a speaker or a text column; else None.

    Parameters
    ----------
    first_line : str
        The file's first line.
    source_name : str
        File name: ``.csv`` and ``.tsv`` are tables whatever their first line.

    The accepted column names are :data:`pipeline.io.table_columns.TABLE_COLUMNS`.
    """
    cells = looks_like_header(first_line)
    if cells is None and source_name.lower().endswith((".csv", ".tsv")):
        cells = [first_line.strip()]
    if cells is None:
        return None
    shown = ", ".join(repr(c) for c in cells[:12]) + (", ..." if len(cells) > 12 else "")
    return (f"{source_name}: a table transcript needs a header row naming a speaker column (one of "
            f"{', '.join(TABLE_COLUMNS['speaker'])}) and a text column (one of {', '.join(TABLE_COLUMNS['text'])}); this file's "
            f"columns are {shown}. Rename its columns (case, spaces and '_' do not matter), or give a .vtt, .srt "
            "or .txt transcript.")
