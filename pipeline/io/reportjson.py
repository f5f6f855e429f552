"""``report.json``: the one writer and the one reader, used by the CLI, the app's download, batch and the store.

The format is :class:`~pipeline.types.Report` serialised with :func:`pipeline.io.export.to_jsonable` (schema:
``docs/report-schema.md``): turns with their words, per-turn measures, speaker summaries, matching, indicators,
attribution, options. :func:`report_from_json` reads back every ``report.json`` Rapport wrote, older ones too
(fields they lack take their defaults).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from pipeline.errors import TranscriptFormatError
from pipeline.io.export import indicators_from_dict, report_from_dict, to_jsonable
from pipeline.types import Indicator, Report

__all__ = ["read_indicators", "read_report", "report_from_json", "report_json", "turns_json"]


def report_json(report: Report) -> str:
    """The ``report.json`` text of ``report``: UTF-8 JSON, indented by 2, non-ASCII kept as it is."""
    return json.dumps(to_jsonable(report), indent=2, ensure_ascii=False)


def turns_json(report: Report) -> str:
    """``turns.json``: the report's turns, in the same shape as ``report.json``'s ``turns`` (readable as input)."""
    return json.dumps(to_jsonable(report.turns), indent=2, ensure_ascii=False)


def _load(text: str, name: str) -> dict:
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as err:
        raise TranscriptFormatError(f"{name}: cannot be read as a report.json ({err}); give the report.json that "
                                    "rapport analyze wrote, or a stored session id") from err
    if not isinstance(data, dict):
        raise TranscriptFormatError(f"{name}: not a Rapport report.json (a JSON object is expected); give the "
                                    "report.json that rapport analyze wrote, or a stored session id")
    return data


def report_from_json(text: str, *, name: str = "report.json") -> Report:
    """The :class:`Report` a ``report.json`` text holds.

    Raises
    ------
    TranscriptFormatError
        The text is not JSON, or not a Rapport report (``name`` says which input).
    """
    data = _load(text, name)
    indicators_from_dict(data)  # says clearly when it is not a report
    for turn in data.get("turns") or ():  # report.json before 0.4.0 wrote words without Whisper's probability
        for word in (turn.get("words") or ()) if isinstance(turn, dict) else ():
            if isinstance(word, dict):
                word.setdefault("probability", 1.0)
    try:
        return report_from_dict(data)
    except (TypeError, ValueError, KeyError) as err:
        raise TranscriptFormatError(f"{name}: not a Rapport report.json ({err}); give the report.json that "
                                    "rapport analyze wrote, or a stored session id") from err


def _read_text(path: str | os.PathLike) -> str:
    path = Path(path)
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise TranscriptFormatError(f"{path}: cannot be read as a report.json ({err}); give the report.json that "
                                    "rapport analyze wrote, or a stored session id") from err


def read_report(path: str | os.PathLike) -> Report:
    """The report in a ``report.json`` file (see :func:`report_from_json`)."""
    return report_from_json(_read_text(path), name=str(path))


def read_indicators(path: str | os.PathLike) -> tuple[Indicator, ...]:
    """The indicators of a ``report.json`` file (``rapport compare``); older and partial reports will do.

    Raises
    ------
    TranscriptFormatError
        The file is not JSON or not a Rapport report.
    """
    return indicators_from_dict(_load(_read_text(path), str(path)))
