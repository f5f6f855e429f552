"""Parse existing transcripts with speakers into :class:`~pipeline.types.Turn` tuples.

Supported, detected from the content (not the file name):

* WebVTT with ``<v Name>`` voice tags (Microsoft Teams);
* WebVTT, SRT or plain text with a ``Name:`` prefix (Zoom) or ``[Name]``; a cue
  with one line per speaker (``- Ann: ...`` then ``- Sam: ...``) is split between
  them in proportion to their words;
* plain text lines ``[hh:mm:ss] Name: text`` or ``Name: text`` (no times:
  turns are placed at 150 words per minute, and :func:`read_transcript` says so);
* plain text with a heading line per turn and the words on the lines below it:
  ``Name  0:03`` (Microsoft Teams .docx, Otter.ai), ``[Name] 10:03:15`` (Zoom's
  saved captions, clock times), ``Name (00:03):`` (Rev); a line holding only a
  time (Google Meet) dates the next turn. Clock times (a first time of an hour
  or more) count from the first one;
* Microsoft Word ``.docx`` holding any of these (decoded by :func:`transcript_text`);
* Rapport's own ``turns.json`` (a list of turns, or an object with ``"turns"``,
  e.g. a whole ``report.json``).

Consecutive cues of the same speaker are merged into one turn when the gap
between them is at most ``MERGE_GAP_S``. In plain text, lines before the first
named one (a title, a list of attendees) are left out. Pure functions: the
orchestrator reads the file and :func:`transcript_text` decodes its bytes.
"""

from __future__ import annotations

import html
import json
import math
import re
from dataclasses import dataclass, replace

from pipeline.errors import TranscriptFormatError
from pipeline.io.table_columns import table_columns, table_delimiter
from pipeline.io.transcript_checks import CueTime, checked_transcript, table_columns_message
from pipeline.types import ParsedTranscript, Turn, Word

#: Same-speaker cues closer than this (seconds) are merged into one turn.
MERGE_GAP_S = 1.5
#: A Word transcript unpacking to more than this is refused (a ten-hour transcript is a few MB), bytes.
MAX_DOCX_UNPACKED_BYTES = 200_000_000
#: Rate used to place text lines that carry no times, words per minute.
ESTIMATED_WPM = 150.0

#: hours of up to 4 digits: a longer digit run is not a time (and would overflow a float)
#: seconds of one digit occur in old Teams/Stream files ("0:0:5.130")
_TIME = r"(?:(\d{1,4}):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,3}))?"
#: A cue timing line; each time must end there (``00:00:0x.500`` is not ``00:00`` followed by junk).
_TIMING_RE = re.compile(rf"^\s*{_TIME}\s*-->\s*{_TIME}(?=\s|$)")
_VOICE_RE = re.compile(r"<v(?:\.[^\s>]*)?\s+([^>]+)>")
_TAG_RE = re.compile(r"</?[^>]*>")
#: A name starts with a capital or a caseless letter (any script: "Élodie", "李明"), then up to 40 name characters.
_NAME_PREFIX_RE = re.compile(r"^\s*([^\W\d_][\w.'\- ]{0,40}?|\[[^\]]{1,40}\])\s*:\s+(.*)$")
_BRACKET_NAME_RE = re.compile(r"^\s*\[([^\]\d][^\]]{0,40})\]\s*(.*)$")
#: First words of a transcriber's note ("[laughs]", "[long pause]", "[inaudible 00:12]", "(quietly)", "(types, then
#: reads)"): at the start of a line in square brackets, words of the line, not the name of its speaker (Zoom's captions
#: write "[Ann Lee] text"); in parentheses anywhere, a note rather than the speaker's aside (:data:`NOTE_RE`).
TRANSCRIBER_NOTES = frozenset({
    "laughs", "laugh", "laughing", "laughter", "chuckles", "chuckling", "giggles", "pause", "pauses", "long", "short",
    "silence", "inaudible", "unintelligible", "indistinct", "crosstalk", "overlapping", "overtalk", "sighs", "sigh",
    "coughs", "cough", "clears", "crying", "cries", "sniffs", "sniffles", "music", "applause", "noise", "background",
    "phone", "door", "knock", "knocking", "static", "beep", "nods", "smiles", "both", "silent", "tearful", "blank",
    "small", "quietly", "quiet", "softly", "whispers", "whispering", "shrugs", "nodding", "smiling", "writing",
    "typing", "types", "reads", "reading", "speaking", "standing", "lying", "breathes", "breathing", "sniffing",
})
#: A transcriber's note of what was not said, wherever it stands in a turn: any words in square brackets, up to 40
#: characters ("[laughs]", "[paper rustling]", "[captioner: unclear]"), or words in parentheses that open with one of
#: :data:`TRANSCRIBER_NOTES` ("(long pause)", "(laughs a little)", "(types, then reads)"); not a speaker's aside in
#: parentheses ("(my PA)", "(or most of the time)", "(fingers crossed)"). The one definition the turn coder reads: the
#: text its cues match, the tokens an instruction is looked for in, the punctuation before a sentence's last notes.
NOTE_RE = re.compile(r"\[[^\]]{0,40}\]|\((?:" + "|".join(sorted(TRANSCRIBER_NOTES)) + r")\b[^)]{0,40}\)",
                     re.IGNORECASE)
_TEXT_LINE_RE = re.compile(rf"^\s*\[?\s*{_TIME}\s*\]?\s*(?:-\s*)?(.*)$")
#: A speaker in a heading line: up to four words, the first a letter ("Ann Lee", "Speaker 1", "Élodie").
_NAME = r"[^\W\d_][\w.'\-]*(?: [\w.'\-]+){0,3}"
#: Heading lines that name the speaker and the time, the words following on the lines below (or after the
#: colon, Rev): "Ann Lee   0:03" (Teams .docx, Otter.ai), "[Ann Lee] 10:03:15" (Zoom's saved captions),
#: "Ann Lee (00:03):" and "Ann Lee: (00:03)" (Rev). Groups: name, the time's four, the words.
_HEADING_RES = (
    re.compile(rf"^\s*({_NAME})[ \t]+{_TIME}\s*()$"),
    re.compile(rf"^\s*\[([^\]\d][^\]]{{0,40}})\]\s*{_TIME}\s*()$"),
    re.compile(rf"^\s*({_NAME})\s*\(\s*{_TIME}\s*\)\s*:\s*(.*)$"),
    re.compile(rf"^\s*({_NAME})\s*:\s*\(\s*{_TIME}\s*\)\s*(.*)$"),
)
#: A subtitle line that starts a new speaker inside one cue: "- Sam: yes" (the dash of two-speaker subtitles).
_DASH_RE = re.compile(r"^\s*[-\u2013\u2014]\s+")
#: Clock times (Zoom's captions) start at an hour or more: such times count from the first one.
_CLOCK_START_S = 3600.0


@dataclass(frozen=True)
class _Cue:
    start_s: float | None
    end_s: float | None
    speaker: str
    text: str
    where: str = ""  # "cue 4", "line 7", "row 3": named by the timing warnings


def _cue_time(where: str, speaker: str, start_s: float, end_s: float | None) -> CueTime:
    """A cue's times as written, named as the timing warnings name it: ``"cue 4 (Client)"``."""
    return CueTime(f"{where} ({speaker})" if speaker else where, start_s, end_s)


def _dated(cues: list[_Cue]) -> list[CueTime]:
    """The dated cues' times as written, for :func:`pipeline.io.transcript_checks.timing_warnings`."""
    return [_cue_time(c.where, c.speaker, c.start_s, c.end_s) for c in cues if c.start_s is not None]


def is_blank(text: str) -> bool:
    """True for a transcript with nothing in it: empty, white space, or a byte-order mark alone."""
    return not text.replace("\ufeff", "").strip()


def _seconds(h: str | None, m: str, s: str, frac: str | None) -> float:
    value = int(h or 0) * 3600 + int(m) * 60 + int(s)
    if frac:
        value += int(frac) / (10 ** len(frac))
    return float(value)


def _capital_or_caseless(ch: str) -> bool:
    """An upper-case letter, or a letter of a script without case (CJK, Arabic...)."""
    return ch.isupper() or (ch.isalpha() and ch.lower() == ch.upper())


def _split_speaker(text: str, lower_names: frozenset[str] = frozenset()) -> tuple[str, str]:
    """``"<v Ann>hi"`` / ``"Ann: hi"`` / ``"[Ann] hi"`` -> ``("Ann", "hi")``; no name -> ``("", text)``.

    A name in lower case (``"therapist: hi"``) counts only when it is one of ``lower_names`` (see
    :func:`_lower_case_names`): "note: ..." or "the thing is: ..." at the start of a line names no one.
    """
    m = _VOICE_RE.search(text)
    if m:
        body = _TAG_RE.sub("", text[m.end():])
        # the voice annotation may hold character references ("Tom &amp; Jerry") like the cue text
        return html.unescape(m.group(1)).strip(), html.unescape(body).strip()
    text = html.unescape(_TAG_RE.sub("", text)).strip()
    m = _NAME_PREFIX_RE.match(text)
    if m and len(m.group(1).split()) <= 4 and (m.group(1)[0] == "[" or _capital_or_caseless(m.group(1)[0])
                                                or m.group(1).strip() in lower_names):
        return m.group(1).strip("[] "), m.group(2).strip()
    m = _BRACKET_NAME_RE.match(text)
    if m and (m.group(1).lower().split() or [""])[0] not in TRANSCRIBER_NOTES:  # "[laughs] Yeah.": said, by no "laughs"
        return m.group(1).strip(), m.group(2).strip()
    return "", text


def _parse_cues(text: str, source_name: str = "transcript") -> tuple[list[_Cue], list[CueTime]]:
    """VTT and SRT: blocks of [id] timing text... separated by blank lines or by the next timing line; also each
    cue's times as written (a cue ending before it starts is kept as taking no time).

    When no cue names a speaker the usual ways but every cue's first line is a bare name
    over its words (old Teams and Microsoft Stream transcripts), that line is the speaker.
    """
    timed: list[tuple[float, float, list[str]]] = []
    block: list[str] = []

    def close(block: list[str]) -> None:
        timing_at = next((i for i, b in enumerate(block) if _TIMING_RE.match(b)), None)
        if timing_at is None and any("-->" in b for b in block[:2]):
            bad = next(b for b in block[:2] if "-->" in b).strip()
            raise TranscriptFormatError(f"{source_name}: malformed cue timing {bad[:60]!r}: write it as "
                                        "'00:01:02.500 --> 00:01:05.000' (hours optional)")
        if timing_at is not None:
            g = _TIMING_RE.match(block[timing_at]).groups()
            if any(int(x) >= 60 for x in (g[1], g[2], g[5], g[6])):
                raise TranscriptFormatError(f"{source_name}: malformed cue timing {block[timing_at].strip()[:60]!r}: minutes and "
                                            "seconds must be 00-59")
            body = [line.strip() for line in block[timing_at + 1:] if line.strip()]
            timed.append((_seconds(*g[:4]), _seconds(*g[4:]), body))

    for line in text.splitlines() + [""]:
        if line.strip() and not (_TIMING_RE.match(line) and any(_TIMING_RE.match(b) for b in block)):
            block.append(line)
            continue
        # a blank line, or a second timing line in a block (Word drops the blank lines): the block ends,
        # a cue number just before the timing line going with it
        keep = [block.pop()] if line.strip() and block and block[-1].strip().isdigit() else []
        if block:
            close(block)
        block = keep + ([line] if line.strip() else [])
    name_lines = (bool(timed) and all(len(body) > 1 and _looks_like_name(body[0]) for _, _, body in timed)
                  and len({body[0] for _, _, body in timed}) <= max(2, len(timed) // 2))
    cues: list[_Cue] = []
    times: list[CueTime] = []
    for k, (start, end, body) in enumerate(timed, start=1):
        parts = _cue_parts(body)
        if name_lines and not any(speaker for speaker, _ in parts):
            parts = [(body[0], _split_speaker(" ".join(body[1:]))[1])]
        times.append(_cue_time(f"cue {k}", next((p for p, _ in parts if p), ""), start, end))
        total = sum(len(words.split()) for _, words in parts)
        t = start
        for speaker, words in parts:
            # several speakers in one cue share its time in proportion to their words
            t_end = t + max(end - start, 0.0) * len(words.split()) / total if len(parts) > 1 else max(end, start)
            cues.append(_Cue(t, t_end, speaker, words))
            t = t_end
    return cues, times


#: Lower-case words inside names ("Ana de la Cruz", "Jan van Dijk").
_NAME_PARTICLES = frozenset({"de", "la", "le", "da", "di", "du", "del", "der", "den", "van", "von", "bin", "ibn"})


def _looks_like_name(line: str) -> bool:
    """A line that can only be a name: up to four words, the first capitalised, the others capitalised, numbers
    or particles."""
    if not (re.fullmatch(_NAME, line) and _capital_or_caseless(line[0])):
        return False
    return all(_capital_or_caseless(w[0]) or w.isdigit() or w in _NAME_PARTICLES for w in line.split())


def _cue_parts(lines: list[str]) -> list[tuple[str, str]]:
    """A cue's lines as (speaker, words) parts, empty parts left out.

    One part, unless a later line starts with a dash or a voice tag and names a speaker
    (``- Sam: yes``, ``<v Sam>yes``), or every line starts with a name (``Ann: hi`` / ``Sam: hello``).
    """
    lines = [line.strip() for line in lines if line.strip()]
    named = [_split_speaker(_DASH_RE.sub("", line, count=1))[0] for line in lines]
    marked = [bool(_DASH_RE.match(line)) or line.startswith("<v") for line in lines]
    all_named = len(lines) > 1 and all(named)
    starts = [0] + [i for i in range(1, len(lines)) if named[i] and (marked[i] or all_named)]
    parts = [_split_speaker(_DASH_RE.sub("", " ".join(lines[i:j]), count=1))
             for i, j in zip(starts, starts[1:] + [len(lines)], strict=True)]
    return [(speaker, words) for speaker, words in parts if words]


def _heading(line: str) -> tuple[str, float, str] | None:
    """``(speaker, start_s, words)`` of a heading line (see ``_HEADING_RES``), else None."""
    for pattern in _HEADING_RES:
        m = pattern.match(line)
        if m and (pattern is _HEADING_RES[1] or _capital_or_caseless(m.group(1)[0])):
            g = m.groups()
            if int(g[3]) < 60 and (g[1] is None or int(g[2]) < 60):
                return m.group(1).strip(), _seconds(*g[1:5]), g[5].strip()
    return None


def _lower_case_names(lines: list[str]) -> frozenset[str]:
    """Speaker names written in lower case (``therapist:``, ``client:``, chat handles), where the transcript is
    written that way: lower-case ``name:`` prefixes of up to two words, one of them on two lines or more, starting at
    least three lines and at least half of the lines that name anyone. Otherwise none (a stray "note:" names no
    one)."""
    counts: dict[str, int] = {}
    named = 0
    for line in lines:
        m = _TEXT_LINE_RE.match(line)
        body = m.group(5) if m and m.group(3) is not None else line
        p = _NAME_PREFIX_RE.match(body)
        if not p or p.group(1)[0] == "[":
            continue
        name = p.group(1).strip()
        if _capital_or_caseless(name[0]):
            named += 1
        elif len(name.split()) <= 2:
            counts[name] = counts.get(name, 0) + 1
    lower = sum(counts.values())
    return frozenset(counts) if lower >= max(3, named) and max(counts.values()) >= 2 else frozenset()


def _parse_text_lines(text: str) -> tuple[list[_Cue], str, list[CueTime]]:
    """Plain-text transcripts: ``[00:01:02] Ann: text`` or ``Ann: text`` lines, or heading lines (``Ann Lee  0:03``).

    A line without a name continues the last cue; lines before the first named one are
    left out (unless no line names anyone, then they are one unnamed cue). A line holding
    only a time dates the next cue. Also returns ``"starts"`` when any cue is dated, else
    ``"none"``: ends are always estimated here; and the dated lines' times.
    """
    numbered = [(n, line) for n, line in enumerate(text.splitlines(), start=1) if line.strip()]
    lines = [line for _, line in numbered]
    lower_names = _lower_case_names(lines)
    headings = [_heading(line) for line in lines]
    if sum(h is not None for h in headings) < 2:  # one heading-like line is more likely a sentence
        headings = [None] * len(lines)
    cues: list[_Cue] = []
    unnamed: list[str] = []
    pending: float | None = None
    for (n, line), heading in zip(numbered, headings, strict=True):
        if heading is not None:
            speaker, start, body = heading
            cues.append(_Cue(start, None, speaker, body, f"line {n}"))
            continue
        start = None
        m = _TEXT_LINE_RE.match(line)
        if m and m.group(3) is not None:
            start = _seconds(*m.groups()[:4])
            line = m.group(5)
        speaker, body = _split_speaker(line, lower_names)
        if not speaker:
            if start is not None and not body:
                pending = start
            elif cues:
                last = cues[-1]
                cues[-1] = replace(last, text=(last.text + " " + body).strip())
            else:
                unnamed.append(body)
            continue
        if start is None:
            start, pending = pending, None
        cues.append(_Cue(start, None, speaker, body, f"line {n}"))
    if not cues and unnamed:
        cues = [_Cue(None, None, "", " ".join(unnamed))]
    cues = _from_first_clock_time([c for c in cues if c.text])
    return _place(cues), "starts" if any(c.start_s is not None for c in cues) else "none", _dated(cues)


def _place(cues: list[_Cue]) -> list[_Cue]:
    """Cues placed in time: known starts and ends are kept, a missing end is the next start or the estimated
    speaking time (:data:`ESTIMATED_WPM`), and a missing start follows the previous cue."""
    placed: list[_Cue] = []
    t = 0.0
    for i, c in enumerate(cues):
        start = c.start_s if c.start_s is not None else t
        est_end = start + len(c.text.split()) / ESTIMATED_WPM * 60.0
        nxt = cues[i + 1].start_s if i + 1 < len(cues) else None
        end = min(est_end, nxt) if nxt is not None and nxt > start else est_end
        if c.end_s is not None and c.end_s >= start:
            end = c.end_s
        placed.append(_Cue(start, end, c.speaker, c.text))
        t = end + 0.3
    return placed


def _table_time(value: str, *, row: int, column: str, source_name: str) -> float | None:
    """Seconds from a table cell: ``"12.5"``, ``"00:01:02"``, ``"1:02.5"``; empty -> None."""
    value = value.strip()
    if not value:
        return None
    m = re.fullmatch(_TIME, value)
    try:
        seconds = _seconds(*m.groups()) if m else float(value)
    except ValueError:
        seconds = float("nan")
    if not math.isfinite(seconds) or seconds < 0:
        raise TranscriptFormatError(f"{source_name}: row {row}, column {column!r} holds {value!r}, not a time; "
                                    "write seconds (12.5) or h:mm:ss, or leave the cell empty")
    return seconds


def _parse_table(text: str, source_name: str) -> tuple[list[_Cue], str, list[CueTime]]:
    """A table transcript (CSV or TSV, header row first; :data:`pipeline.io.table_columns.TABLE_COLUMNS`): one row
    per utterance, empty rows left out, a row repeating an utterance id already read left out (annotated corpora repeat each utterance
    once per annotator). Also returns ``"measured"`` (starts and ends), ``"starts"`` or ``"none"``, as the text lines',
    and the dated rows' times."""
    import csv
    import io

    lines = text.lstrip("\ufeff").splitlines()
    delimiter = table_delimiter(lines[0]) or ","
    rows = list(csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter))
    header, body = rows[0], [r for r in rows[1:] if any(cell.strip() for cell in r)]
    cols = table_columns(header)
    if "conversation" in cols:
        ids = {r[cols["conversation"]].strip() for r in body if len(r) > cols["conversation"]}
        if len(ids) > 1:
            raise TranscriptFormatError(
                f"{source_name}: the table holds {len(ids)} conversations (column {header[cols['conversation']]!r});"
                " Rapport analyses one at a time: save each conversation's rows as its own file")

    def cell(r: list[str], what: str) -> str:
        i = cols.get(what)
        return r[i] if i is not None and i < len(r) else ""

    cues, seen = [], set()
    for n, r in enumerate(body, start=2):
        if "utterance" in cols:  # one row per utterance and annotator: each utterance once
            if (key := cell(r, "utterance").strip()) and key in seen:
                continue
            seen.add(key)
        times = [_table_time(cell(r, what), row=n, column=header[cols[what]], source_name=source_name)
                 if what in cols else None for what in ("start", "end")]
        words = " ".join(cell(r, "text").split())
        if words:
            cues.append(_Cue(times[0], times[1], " ".join(cell(r, "speaker").split()), words, f"row {n}"))
    cues = _from_first_clock_time(cues)
    measured = bool(cues) and all(c.start_s is not None and c.end_s is not None for c in cues)
    turn_times = "measured" if measured else \
        "starts" if any(c.start_s is not None for c in cues) else "none"
    return _place(cues), turn_times, _dated(cues)


def _from_first_clock_time(cues: list[_Cue]) -> list[_Cue]:
    """Clock times (the first time an hour or more) as seconds from the first; past midnight goes on counting.

    A time earlier than the first by less than 12 hours is no clock going on (it would fall before the session's
    start): the times are then kept as they are, as elapsed times.
    """
    times = [c.start_s for c in cues if c.start_s is not None]
    if not times or times[0] < _CLOCK_START_S or any(0 < times[0] - t < 12 * 3600 for t in times):
        return cues
    out, first, day = [], times[0], 0.0
    previous = first
    for c in cues:
        if c.start_s is None:
            out.append(c)
            continue
        if c.start_s + day < previous - 12 * 3600:
            day += 24 * 3600
        previous = c.start_s + day
        end = None if c.end_s is None else c.end_s + day + (24 * 3600 if c.end_s < c.start_s else 0) - first
        out.append(replace(c, start_s=previous - first, end_s=end))
    return out


def _turns_from_json(data) -> tuple[Turn, ...]:
    items = data.get("turns") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise TranscriptFormatError("turns.json must be a list of turns or an object with a 'turns' list")
    turns = []
    for i, t in enumerate(items):
        try:
            if not isinstance(t, dict) or not all(isinstance(w, dict) for w in t.get("words", ()) or ()):
                raise TypeError("a turn and each of its words must be a JSON object")
            words = tuple(
                Word(str(w["text"]), float(w["start_s"]), float(w["end_s"]), float(w.get("probability", 1.0)),
                     str(w.get("speaker") or t["speaker"]), bool(w.get("overlap", False)))
                for w in t.get("words", ()) or ()
            )
            turns.append(Turn(i, str(t["speaker"]), str(t.get("role", "other")), float(t["start_s"]),
                              float(t["end_s"]), str(t.get("text", "")).strip(), words, bool(t.get("overlap", False))))
            times = [turns[-1].start_s, turns[-1].end_s] + [x for w in words for x in (w.start_s, w.end_s)]
            if not all(math.isfinite(x) and x >= 0 for x in times) or turns[-1].end_s < turns[-1].start_s:
                raise ValueError(f"times must be finite, >= 0 and end_s >= start_s, got {turns[-1].start_s}-"
                                 f"{turns[-1].end_s}")
        except (KeyError, TypeError, ValueError, OverflowError) as err:
            raise TranscriptFormatError(
                f"turn {i} in turns.json lacks a valid speaker/start_s/end_s ({err}); fix or re-export the file"
            ) from err
    turns.sort(key=lambda t: t.start_s)
    return tuple(Turn(i, t.speaker, t.role, t.start_s, t.end_s, t.text, t.words, t.overlap) for i, t in enumerate(turns))


def transcript_text(raw: bytes, *, source_name: str) -> str:
    """The text of a transcript file's bytes: a Word ``.docx`` or text in UTF-8, UTF-16 or Windows-1252.

    Parameters
    ----------
    raw : bytes
        The file's content.
    source_name : str
        File name, only used in error messages.

    Returns
    -------
    str
        For ``.docx``, one line per paragraph (line breaks inside a paragraph kept).
        Text with a byte-order mark is decoded by it; text without one as UTF-8 and,
        failing that, as Windows-1252 (what Notepad and Word write as "ANSI" in the West).

    Raises
    ------
    TranscriptFormatError
        A ``.docx`` that cannot be opened, or bytes that are not text (a NUL byte
        without a UTF-16 mark).
    """
    if raw[:4] == b"PK\x03\x04":  # a zip: Word's .docx (what Teams and Otter export)
        import io
        import zipfile

        import docx  # python-docx; imported here so that text transcripts do not need it
        from docx.opc.exceptions import PackageNotFoundError
        from lxml.etree import XMLSyntaxError

        try:
            unpacked = sum(info.file_size for info in zipfile.ZipFile(io.BytesIO(raw)).infolist())
            if unpacked > MAX_DOCX_UNPACKED_BYTES:  # a zip bomb, not a transcript
                raise TranscriptFormatError(
                    f"{source_name}: the .docx unpacks to {unpacked / 1e6:.0f} MB, more than a transcript's "
                    f"{MAX_DOCX_UNPACKED_BYTES / 1e6:.0f} MB; export the transcript as .vtt or .txt")
            document = docx.Document(io.BytesIO(raw))
        except (zipfile.BadZipFile, KeyError, ValueError, PackageNotFoundError, XMLSyntaxError) as err:
            raise TranscriptFormatError(f"{source_name}: not a Word .docx file that can be opened ({err}); "
                                        "export the transcript again as .docx, .vtt or .txt") from err
        return "\n".join(paragraph.text for paragraph in document.paragraphs)
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if raw.startswith(bom):
            try:
                return raw.decode(codec)
            except UnicodeDecodeError as err:
                raise TranscriptFormatError(f"{source_name}: damaged {codec} text ({err.reason} at byte "
                                            f"{err.start}); save the transcript again as UTF-8") from err
    if b"\x00" in raw:
        raise TranscriptFormatError(f"{source_name}: not a text file (it holds NUL bytes); give a .vtt, .srt, "
                                    ".txt, .docx, .csv or turns.json transcript")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def detect_format(text: str) -> str:
    """``"json"``, ``"vtt"``, ``"srt"``, ``"table"`` (CSV/TSV whose header names a speaker and a text column) or
    ``"text"`` from the content."""
    head = text.lstrip("\ufeff \t\r\n")
    if head.startswith("{"):
        return "json"
    if head.startswith("["):
        try:
            json.loads(head)
            return "json"
        except (json.JSONDecodeError, RecursionError):
            pass
    if head.startswith("WEBVTT"):
        return "vtt"
    if any(_TIMING_RE.match(line) for line in head.splitlines()[:20]):
        return "srt"
    if head and table_delimiter(head.splitlines()[0]):
        return "table"
    return "text"


def read_transcript(text: str, *, source_name: str) -> ParsedTranscript:
    """Turns from a transcript with speakers, format detected from the content, and where their times come from.

    Parameters
    ----------
    text : str
        File content (WebVTT, SRT, plain text, a CSV/TSV table with a header row, or Rapport ``turns.json``).
    source_name : str
        File name, only used in error messages.

    Returns
    -------
    ParsedTranscript
        ``turns`` in time order, indexed from 0, role ``"other"`` (roles are
        assigned later), ``words`` empty unless the JSON carried word timings
        (empty input: no turns); ``turn_times`` ``"measured"`` (cues with start
        and end, ``turns.json``, a table with start and end columns), ``"starts"`` or ``"none"`` (plain text, a
        table without them); ``warnings`` on broken times and names that may be typos
        (:mod:`pipeline.io.transcript_checks`), ``times_unreliable`` when the times are broken.

    Raises
    ------
    TranscriptFormatError
        Content that is not a transcript, or a transcript without any speaker names (a table whose header
        lacks a speaker or a text column: the message names the columns it needs and those it has).
    """
    if is_blank(text):
        return ParsedTranscript(())
    fmt = detect_format(text)
    if fmt == "json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as err:
            raise TranscriptFormatError(f"{source_name}: not valid JSON ({err.msg} at line {err.lineno})") from err
        except RecursionError:
            raise TranscriptFormatError(f"{source_name}: JSON nested too deeply to be a turns.json") from None
        turns = _turns_from_json(data)
        return checked_transcript(turns, "measured", [_cue_time(f"turn {t.index}", t.speaker, t.start_s, t.end_s)
                                                      for t in turns])
    if fmt in ("vtt", "srt"):
        (cues, times), turn_times = _parse_cues(text, source_name), "measured"
    elif fmt == "table":
        cues, turn_times, times = _parse_table(text, source_name)
    else:
        cues, turn_times, times = _parse_text_lines(text)
    if fmt == "text" and not any(c.speaker for c in cues) and (columns := table_columns_message(
            (text.lstrip("\ufeff \t\r\n").splitlines() or [""])[0], source_name=source_name)):
        raise TranscriptFormatError(columns)  # a table whose header names no speaker or no text column
    if not cues:
        raise TranscriptFormatError(f"{source_name}: no transcript cues found; expected WebVTT, SRT, 'Name: text' "
                                    "lines, a CSV with speaker and text columns, or turns.json")
    if not any(c.speaker for c in cues):
        raise TranscriptFormatError(
            f"{source_name}: the transcript names no speakers; Rapport needs '<v Name>' tags, 'Name:' "
            "prefixes or a 'Name  0:03' line over each turn"
        )
    merged: list[_Cue] = []
    for c in cues:
        speaker = c.speaker or (merged[-1].speaker if merged else "Unknown")
        # times are whole ms: rounding keeps a float residue (1.5000000000000004) from splitting a turn
        if merged and merged[-1].speaker == speaker and round(c.start_s - merged[-1].end_s, 6) <= MERGE_GAP_S:
            last = merged[-1]
            merged[-1] = _Cue(last.start_s, max(last.end_s, c.end_s), speaker, f"{last.text} {c.text}")
        else:
            merged.append(_Cue(c.start_s, c.end_s, speaker, c.text))
    merged.sort(key=lambda c: c.start_s)
    return checked_transcript(tuple(Turn(i, c.speaker, "other", round(c.start_s, 3), round(c.end_s, 3), " ".join(c.text.split()))
                          for i, c in enumerate(merged)), turn_times, times)


def parse_transcript(text: str, *, source_name: str) -> tuple[Turn, ...]:
    """The turns of :func:`read_transcript` (same parameters and errors)."""
    return read_transcript(text, source_name=source_name).turns
