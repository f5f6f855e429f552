"""The columns of a table transcript (CSV or TSV with a header row): which names mean who spoke, what they said,
when, and which conversation; whether a first line is such a header, or looks like any table's header. Read by :mod:`pipeline.io.transcripts`
(the table's rows) and :mod:`pipeline.io.transcript_checks` (what a header without them lacks)."""

from __future__ import annotations

import csv
import re

#: Column names of a table transcript (CSV/TSV with a header row; case, spaces and "_" ignored): who spoke, what
#: they said, when they started and stopped (seconds, or h:mm:ss), and which conversation a row belongs to.
TABLE_COLUMNS = {
    "speaker": ("speaker", "speakername", "speakerlabel", "name", "interlocutor", "role", "participant", "who",
                "author", "sender", "person"),
    "text": ("text", "utterance", "utterancetext", "transcript", "content", "message", "words", "sentence",
             "dialogue", "turn"),
    "start": ("start", "starts", "starttime", "begin", "begintime", "timestamp", "time", "from"),
    "end": ("end", "ends", "endtime", "stop", "stoptime", "to"),
    "conversation": ("transcriptid", "conversationid", "sessionid", "dialogid", "dialogueid", "convid", "callid"),
    "utterance": ("utteranceid", "turnid", "lineid", "segmentid", "messageid"),
}


def table_columns(header: list[str]) -> dict[str, int]:
    """Which column holds what (:data:`TABLE_COLUMNS`), by a header row's names; the first match wins."""
    keys = ["".join(ch for ch in h.lower() if ch.isalnum()) for h in header]
    found: dict[str, int] = {}
    for what, names in TABLE_COLUMNS.items():
        for name in names:
            if name in keys:
                found[what] = keys.index(name)
                break
    return found


def table_delimiter(first_line: str) -> str | None:
    """The delimiter of a table transcript's header row (tab, ``;`` or ``,``) when the row names a speaker column
    and a text column, else None (not a table)."""
    for delimiter in ("\t", ";", ","):
        if delimiter in first_line:
            header = next(csv.reader([first_line], delimiter=delimiter))
            cols = table_columns(header)
            if "speaker" in cols and "text" in cols:
                return delimiter
    return None


def looks_like_header(line: str) -> list[str] | None:
    """The cells of ``line`` when it looks like a table's header row (two or more short names separated by tabs,
    ``;`` or ``,``), else None."""
    for delimiter in ("\t", ";", ","):
        if delimiter in line:
            cells = [c.strip() for c in next(csv.reader([line], delimiter=delimiter))]
            if len(cells) >= 2 and all(re.fullmatch(r"[^\W\d_][\w\- ]{0,29}", c) and len(c.split()) <= 3
                                       for c in cells):
                return cells
    return None
