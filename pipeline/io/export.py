"""Serialise results: JSON-ready dicts, WebVTT and SRT text.

Pure functions returning strings or dicts; the orchestrator writes the files.
"""

from __future__ import annotations

import dataclasses
import functools
import html
import sys
import types
import typing
from collections.abc import Iterable
from dataclasses import dataclass

from pipeline.errors import TranscriptFormatError
from pipeline.types import Indicator, Report, Segment, Transcript, Turn


@dataclass(frozen=True)
class Cue:
    """One subtitle cue: a time span, its text and optionally who said it."""

    start_s: float
    end_s: float
    text: str
    speaker: str | None = None


def cues_from_segments(segments: Iterable[Segment]) -> tuple[Cue, ...]:
    """One cue per Whisper segment, no speaker."""
    return tuple(Cue(s.start_s, s.end_s, s.text) for s in segments)


def cues_from_turns(turns: Iterable[Turn]) -> tuple[Cue, ...]:
    """One cue per turn, with the speaker's name."""
    return tuple(Cue(t.start_s, t.end_s, t.text, t.speaker) for t in turns)


def _timestamp(seconds: float, sep: str) -> str:
    ms = int(round(max(0.0, seconds) * 1000))
    h, ms = divmod(ms, 3_600_000)
    m, ms = divmod(ms, 60_000)
    s, ms = divmod(ms, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}"


def _clean(text: str) -> str:
    # A blank line ends a cue and "-->" starts a timing line: neither may appear in text.
    return " ".join(text.replace("-->", "->").split())


def to_vtt(cues: Iterable[Cue]) -> str:
    """WebVTT text; speakers as ``<v Name>`` voice tags (as Teams writes them)."""
    lines = ["WEBVTT", ""]
    for c in cues:
        lines.append(f"{_timestamp(c.start_s, '.')} --> {_timestamp(c.end_s, '.')}")
        # "&", "<" and ">" as character references in the text and in the voice name (WebVTT allows them in both)
        text = html.escape(_clean(c.text), quote=False)
        lines.append(f"<v {html.escape(_clean(c.speaker), quote=False)}>{text}" if c.speaker else text)
        lines.append("")
    return "\n".join(lines)


def to_srt(cues: Iterable[Cue]) -> str:
    """SRT text; speakers as a ``Name:`` prefix."""
    lines = []
    for i, c in enumerate(cues, 1):
        lines.append(str(i))
        lines.append(f"{_timestamp(c.start_s, ',')} --> {_timestamp(c.end_s, ',')}")
        text = _clean(c.text)
        lines.append(f"{_clean(c.speaker)}: {text}" if c.speaker else text)
        lines.append("")
    return "\n".join(lines)


def to_jsonable(obj):
    """Dataclasses, tuples and numpy scalars to plain JSON types (recursively)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_jsonable(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, dict):
        return {str(k): to_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [to_jsonable(v) for v in obj]
    if hasattr(obj, "item") and callable(obj.item):  # numpy scalar
        return obj.item()
    if isinstance(obj, float) and obj != obj:  # NaN is not JSON
        return None
    return obj


def transcript_to_dict(transcript: Transcript) -> dict:
    """``transcript.json`` content: model, options, language, segments with words."""
    return {
        "model": transcript.model_name,
        "language": transcript.language,
        "duration_s": round(transcript.duration_s, 3),
        "options": to_jsonable(transcript.options),
        "segments": [
            {
                "start_s": s.start_s,
                "end_s": s.end_s,
                "text": s.text,
                "words": [
                    {"text": w.text, "start_s": w.start_s, "end_s": w.end_s, "probability": round(w.probability, 4)}
                    for w in s.words
                ],
            }
            for s in transcript.segments
        ],
    }


def _from_jsonable(tp, data):
    """Rebuild a value of type ``tp`` from :func:`to_jsonable` output (the inverse, for our types)."""
    if data is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        for a in args:  # first dataclass whose fields hold every key of the value
            if dataclasses.is_dataclass(a) and isinstance(data, dict) and set(data) <= _field_names(a):
                return _from_jsonable(a, data)
        for a in args:  # else the first dataclass (keys a later version added are ignored)
            if dataclasses.is_dataclass(a) and isinstance(data, dict):
                return _from_jsonable(a, data)
        for a in args:
            if a in (int, float, str, bool) and isinstance(data, a):
                return data
        if float in args and isinstance(data, int) and not isinstance(data, bool):
            return float(data)
        return _from_jsonable(args[0], data) if args else data
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_from_jsonable(args[0], v) for v in data)
        return tuple(_from_jsonable(a, v) for a, v in zip(args, data, strict=True))
    if origin is dict:
        _, vt = typing.get_args(tp)
        return {k: _from_jsonable(vt, v) for k, v in data.items()}
    if dataclasses.is_dataclass(tp):
        hints = _hints(tp)
        known = {f.name for f in dataclasses.fields(tp) if f.init}
        # Keys a later version added are ignored; fields missing from older JSON take their defaults.
        return tp(**{k: _from_jsonable(hints[k], v) for k, v in data.items() if k in known})
    if tp is float and isinstance(data, int) and not isinstance(data, bool):
        return float(data)
    return data


@functools.cache
def _field_names(cls) -> frozenset[str]:
    return frozenset(f.name for f in dataclasses.fields(cls))


@functools.cache
def _hints(cls) -> dict:
    return typing.get_type_hints(cls, vars(sys.modules[cls.__module__]))


def indicators_from_dict(data: dict) -> tuple[Indicator, ...]:
    """The indicators of a ``report.json`` as written by ``rapport analyze`` (or of ``to_jsonable(report)``).

    Raises
    ------
    TranscriptFormatError
        When ``data`` has no ``indicators`` list (not a Rapport report).
    """
    items = data.get("indicators") if isinstance(data, dict) else None
    if not isinstance(items, list) or not all(isinstance(i, dict) and "id" in i for i in items):
        raise TranscriptFormatError("not a Rapport report.json: it has no 'indicators' list; give the report.json "
                                    "that rapport analyze wrote, or a stored session id")
    return tuple(_from_jsonable(Indicator, i) for i in items)


def report_from_dict(data: dict) -> Report:
    """Rebuild a :class:`~pipeline.types.Report` from ``to_jsonable(report)`` (``report.json``).

    ``report_from_dict(to_jsonable(r)) == r`` for every report without NaN values.
    Keys unknown to this version are ignored; fields absent from an older
    ``report.json`` take their defaults.
    """
    return _from_jsonable(Report, data)
