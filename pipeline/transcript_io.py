"""Parse existing transcripts with speakers into :class:`~pipeline.types.Turn` tuples.

Supported, detected from the content (not the file name):

* WebVTT with ``<v Name>`` voice tags (Microsoft Teams);
* WebVTT, SRT or plain text with a ``Name:`` prefix (Zoom) or ``[Name]``;
* plain text lines ``[hh:mm:ss] Name: text`` or ``Name: text`` (no times:
  times are estimated at 150 words per minute and the turns are marked so);
* Rapport's own ``turns.json`` (a list of turns, or an object with ``"turns"``,
  e.g. a whole ``report.json``).

Consecutive cues of the same speaker are merged into one turn when the gap
between them is at most ``MERGE_GAP_S``. Pure functions: the orchestrator reads
the file.
"""

from __future__ import annotations

import html
import json
import math
import re
from dataclasses import dataclass

from pipeline.errors import TranscriptFormatError
from pipeline.types import Turn, Word

#: Same-speaker cues closer than this (seconds) are merged into one turn.
MERGE_GAP_S = 1.5
#: Rate used to place text lines that carry no times, words per minute.
ESTIMATED_WPM = 150.0

#: hours of up to 4 digits: a longer digit run is not a time (and would overflow a float)
_TIME = r"(?:(\d{1,4}):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?"
#: A cue timing line; each time must end there (``00:00:0x.500`` is not ``00:00`` followed by junk).
_TIMING_RE = re.compile(rf"^\s*{_TIME}\s*-->\s*{_TIME}(?=\s|$)")
_VOICE_RE = re.compile(r"<v(?:\.[^\s>]*)?\s+([^>]+)>")
_TAG_RE = re.compile(r"</?[^>]*>")
#: A name starts with a capital or a caseless letter (any script: "Élodie", "李明"), then up to 40 name characters.
_NAME_PREFIX_RE = re.compile(r"^\s*([^\W\d_][\w.'\- ]{0,40}?|\[[^\]]{1,40}\])\s*:\s+(.*)$")
_BRACKET_NAME_RE = re.compile(r"^\s*\[([^\]\d][^\]]{0,40})\]\s*(.*)$")
_TEXT_LINE_RE = re.compile(rf"^\s*\[?\s*{_TIME}\s*\]?\s*(?:-\s*)?(.*)$")


@dataclass(frozen=True)
class _Cue:
    start_s: float | None
    end_s: float | None
    speaker: str
    text: str


def _seconds(h: str | None, m: str, s: str, frac: str | None) -> float:
    value = int(h or 0) * 3600 + int(m) * 60 + int(s)
    if frac:
        value += int(frac) / (10 ** len(frac))
    return float(value)


def _capital_or_caseless(ch: str) -> bool:
    """An upper-case letter, or a letter of a script without case (CJK, Arabic...)."""
    return ch.isupper() or (ch.isalpha() and ch.lower() == ch.upper())


def _split_speaker(text: str) -> tuple[str, str]:
    """``"<v Ann>hi"`` / ``"Ann: hi"`` / ``"[Ann] hi"`` -> ``("Ann", "hi")``; no name -> ``("", text)``."""
    m = _VOICE_RE.search(text)
    if m:
        body = _TAG_RE.sub("", text[m.end():])
        # the voice annotation may hold character references ("Tom &amp; Jerry") like the cue text
        return html.unescape(m.group(1)).strip(), html.unescape(body).strip()
    text = html.unescape(_TAG_RE.sub("", text)).strip()
    m = _NAME_PREFIX_RE.match(text)
    if m and len(m.group(1).split()) <= 4 and (m.group(1)[0] == "[" or _capital_or_caseless(m.group(1)[0])):
        return m.group(1).strip("[] "), m.group(2).strip()
    m = _BRACKET_NAME_RE.match(text)
    if m:
        return m.group(1).strip(), m.group(2).strip()
    return "", text


def _parse_cues(text: str, source_name: str = "transcript") -> list[_Cue]:
    """VTT and SRT: blocks of [id] timing text... separated by blank lines."""
    cues: list[_Cue] = []
    block: list[str] = []
    for line in text.splitlines() + [""]:
        if line.strip():
            block.append(line)
            continue
        if not block:
            continue
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
            start, end = _seconds(*g[:4]), _seconds(*g[4:])
            body = " ".join(b.strip() for b in block[timing_at + 1:])
            speaker, words = _split_speaker(body)
            if words:
                cues.append(_Cue(start, max(end, start), speaker, words))
        block = []
    return cues


def _parse_text_lines(text: str) -> list[_Cue]:
    """``[00:01:02] Ann: text`` or ``Ann: text`` lines; a line without a name continues the last cue."""
    cues: list[_Cue] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        start = None
        m = _TEXT_LINE_RE.match(line)
        if m and m.group(3) is not None:
            start = _seconds(*m.groups()[:4])
            line = m.group(5)
        speaker, body = _split_speaker(line)
        if not body:
            if speaker:
                cues.append(_Cue(start, None, speaker, ""))
            continue
        if not speaker and cues:
            last = cues[-1]
            cues[-1] = _Cue(last.start_s, last.end_s, last.speaker, (last.text + " " + body).strip())
            continue
        cues.append(_Cue(start, None, speaker, body))
    cues = [c for c in cues if c.text]
    # Place cues in time: known starts are kept, ends are the next start or the
    # estimated speaking time, and missing starts follow the previous cue.
    placed: list[_Cue] = []
    t = 0.0
    for i, c in enumerate(cues):
        start = c.start_s if c.start_s is not None else t
        est_end = start + len(c.text.split()) / ESTIMATED_WPM * 60.0
        nxt = cues[i + 1].start_s if i + 1 < len(cues) else None
        end = min(est_end, nxt) if nxt is not None and nxt > start else est_end
        placed.append(_Cue(start, end, c.speaker, c.text))
        t = end + 0.3
    return placed


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


def detect_format(text: str) -> str:
    """``"json"``, ``"vtt"``, ``"srt"`` or ``"text"`` from the content."""
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
    return "text"


def parse_transcript(text: str, *, source_name: str) -> tuple[Turn, ...]:
    """Turns from a transcript with speakers, format detected from the content.

    Parameters
    ----------
    text : str
        File content (WebVTT, SRT, plain text or Rapport ``turns.json``).
    source_name : str
        File name, only used in error messages.

    Returns
    -------
    tuple of Turn
        In time order, indexed from 0, role ``"other"`` (roles are assigned
        later), ``words`` empty unless the JSON carried word timings. Empty
        input gives an empty tuple.

    Raises
    ------
    TranscriptFormatError
        Content that is not a transcript, or a transcript without any speaker names.
    """
    if not text.strip():
        return ()
    fmt = detect_format(text)
    if fmt == "json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as err:
            raise TranscriptFormatError(f"{source_name}: not valid JSON ({err.msg} at line {err.lineno})") from err
        except RecursionError:
            raise TranscriptFormatError(f"{source_name}: JSON nested too deeply to be a turns.json") from None
        return _turns_from_json(data)
    cues = _parse_cues(text, source_name) if fmt in ("vtt", "srt") else _parse_text_lines(text)
    if not cues:
        raise TranscriptFormatError(f"{source_name}: no transcript cues found; expected WebVTT, SRT, 'Name: text' lines or turns.json")
    if not any(c.speaker for c in cues):
        raise TranscriptFormatError(
            f"{source_name}: the transcript names no speakers; Rapport needs '<v Name>' tags or 'Name:' prefixes"
        )
    merged: list[_Cue] = []
    for c in cues:
        speaker = c.speaker or (merged[-1].speaker if merged else "Unknown")
        if merged and merged[-1].speaker == speaker and c.start_s - merged[-1].end_s <= MERGE_GAP_S:
            last = merged[-1]
            merged[-1] = _Cue(last.start_s, max(last.end_s, c.end_s), speaker, f"{last.text} {c.text}")
        else:
            merged.append(_Cue(c.start_s, c.end_s, speaker, c.text))
    merged.sort(key=lambda c: c.start_s)
    return tuple(
        Turn(i, c.speaker, "other", round(c.start_s, 3), round(c.end_s, 3), " ".join(c.text.split()))
        for i, c in enumerate(merged)
    )
