"""What an export of a stored session holds: its tables for one participant, the report narrowed or redacted,
and the zip file, written atomically."""

from __future__ import annotations

import os
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import sqlalchemy as sa

from pipeline.errors import StoreError
from pipeline.io.export import to_jsonable
from pipeline.library.schema import participants_t, turn_measures_t, turns_t
from pipeline.types import Report


def export_tables(conn, sid: str):
    """``(people, measures)`` of a session: its participants (label, role, name) as dicts, and its per-turn
    measures as a DataFrame (columns ``speaker, turn_idx, measure, value``)."""
    import pandas as pd

    people = [dict(r) for r in conn.execute(sa.select(participants_t.c.label, participants_t.c.role,
                                                      participants_t.c.name)
                                            .where(participants_t.c.session_id == sid)).mappings()]
    measures = pd.read_sql(sa.select(turns_t.c.speaker, turn_measures_t.c.turn_idx, turn_measures_t.c.measure,
                                     turn_measures_t.c.value)
                           .join(turns_t, sa.and_(turns_t.c.session_id == turn_measures_t.c.session_id,
                                                  turns_t.c.idx == turn_measures_t.c.turn_idx))
                           .where(turn_measures_t.c.session_id == sid), conn)
    return people, measures


def export_contents(row, people: list[dict], measures, consents, report: Report, *, participant: str | None,
                    redact: Callable[[str], str] | None) -> tuple[dict, Report, set[str] | None]:
    """What an export's ``session.json`` holds: ``(data, the report as exported, the speaker labels kept or None
    for all)``, narrowed to ``participant`` (a name or label) and redacted with ``redact`` where given.

    Raises
    ------
    StoreError
        No participant of that name or label in the session.
    """
    labels = None
    if participant is not None:
        labels = {p["label"] for p in people if participant in (p["name"], p["label"])}
        if not labels:
            raise StoreError(f"No participant {participant!r} in session {row['id']}: "
                             f"choose one of {', '.join(p['name'] for p in people)}.")
        report = only_speakers(report, labels)
        measures = measures[measures["speaker"].isin(labels)]
    if redact is not None:
        report = redact_report(report, redact)
    data = {
        "session": {k: row[k] for k in ("id", "source_name", "sha256", "duration_s", "recorded_on", "stored_at",
                                        "model_name", "pipeline_version", "keeps_transcript", "keeps_audio")},
        "participants": people if labels is None else [p for p in people if p["label"] in labels],
        "consents": [to_jsonable(c) for c in consents],
        "turn_measures": measures.to_dict(orient="records"),
        "report": to_jsonable(report),
        "redacted": redact is not None,
    }
    return data, report, labels


def write_zip(out_path: str | os.PathLike, fill: Callable[[zipfile.ZipFile], None]) -> Path:
    """Write the zip file ``out_path`` atomically, ``fill(z)`` adding its members; on failure nothing is left."""
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
    os.close(fd)
    try:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as z:
            fill(z)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return out


def only_speakers(report: Report, labels: set[str]) -> Report:
    """The report as it concerns the speakers ``labels`` only: theirs the turns, per-turn measures, summaries,
    evidence and shared phrases."""
    return replace(
        report,
        speakers=tuple(s for s in report.speakers if s.label in labels),
        turns=tuple(t for t in report.turns if t.speaker in labels),
        turn_measures=tuple(m for m in report.turn_measures if m.speaker in labels),
        speaker_summaries=tuple(s for s in report.speaker_summaries if s.speaker in labels),
        indicators=tuple(replace(i, evidence=tuple(e for e in i.evidence if e.speaker in labels))
                         for i in report.indicators),
        shared_phrases=tuple(p for p in report.shared_phrases if labels & {p.first_speaker, p.taken_up_by}),
    )


def redact_report(report: Report, redact: Callable[[str], str]) -> Report:
    """The report with ``redact`` applied to every turn text, word, evidence quote and note, per-turn measure's
    text, question cue and behaviour cue, key phrase and shared phrase."""
    turns = []
    for t in report.turns:
        text = redact(t.text) if t.text else t.text
        # Word timings keep their times; a word whose text was redacted in the turn is redacted too.
        kept = set(text.split())
        words = tuple(w if w.text in kept or not w.text.strip() else replace(w, text="[REDACTED]") for w in t.words)
        turns.append(replace(t, text=text, words=words))
    indicators = tuple(replace(i, evidence=tuple(replace(e, quote=redact(e.quote) if e.quote else e.quote,
                                                         note=redact(e.note) if e.note else e.note)
                                                 for e in i.evidence)) for i in report.indicators)
    phrases = tuple(replace(p, phrase=redact(p.phrase)) for p in report.shared_phrases)
    measured = tuple(replace(m, text=redact(m.text) if m.text else m.text,
                             question=replace(m.question, cue=redact(m.question.cue) if m.question.cue else ""),
                             code=replace(m.code, cue=redact(m.code.cue) if m.code.cue else ""))
                     for m in report.turn_measures)
    summaries = tuple(replace(s, key_phrases=tuple(redact(k) for k in s.key_phrases))
                      for s in report.speaker_summaries)
    return replace(report, turns=tuple(turns), indicators=indicators, shared_phrases=phrases,
                   turn_measures=measured, speaker_summaries=summaries)

