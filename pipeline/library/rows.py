"""Rows of the store's tables for one analysed session, written inside the transaction that stores it."""

from __future__ import annotations

import json
from collections.abc import Sequence

import sqlalchemy as sa

from pipeline.io.export import to_jsonable
from pipeline.io.reportjson import report_json
from pipeline.library.consent import now_iso, reuse_key
from pipeline.library.schema import consents_t, evidence_t, indicators_t, participants_t, turn_measures_t, turns_t
from pipeline.library.sealing import Sealer, evidence_field, turn_field
from pipeline.types import ConsentRecord, Report


def session_row(session_id: str, report: Report, kept: Report, *, recorded_on: str, keep_transcript: bool,
                audio_sha: str | None, audio_ext: str | None, sealer: Sealer, words_key: str,
                audio_key: str | None) -> dict:
    """The row of the sessions table: ``report``'s facts, and ``kept`` (what consent allows) as its JSON, sealed
    with ``sealer`` (whose key's id is the row's ``words_key``)."""
    return dict(
        id=session_id, source_name=report.source_name, sha256=report.sha256,
        options_key=reuse_key(report.options, pipeline_version=report.pipeline_version),
        options_json=json.dumps(to_jsonable(report.options), sort_keys=True),
        duration_s=float(report.duration_s), recorded_on=recorded_on,
        stored_at=now_iso("microseconds"),  # orders two sessions stored within a second
        input_kind=report.input_kind, model_name=report.model_name,
        pipeline_version=report.pipeline_version, attribution_method=report.attribution_method,
        attribution_confidence=report.attribution_confidence, keeps_transcript=keep_transcript,
        keeps_audio=audio_sha is not None, audio_sha256=audio_sha, audio_ext=audio_ext,
        report_json=sealer.seal("report_json", report_json(kept)), words_key=words_key, audio_key=audio_key,
    )


def insert_session_content(
    conn,
    session_id: str,
    report: Report,
    kept: Report,
    *,
    consents: Sequence[ConsentRecord],
    names: dict[str, str],
    measures: list[tuple[int, str, float | None]],
    keep_transcript: bool,
    sealer: Sealer,
) -> None:
    """Insert a stored session's participants, consents, turns, per-turn measures, indicators and evidence (turn
    text and evidence sealed with ``sealer``)."""
    insert_rows(conn, participants_t, [
        dict(session_id=session_id, label=s.label, role=s.role, role_source=s.role_source,
             name=names[s.label]) for s in report.speakers])
    insert_rows(conn, consents_t, [
        dict(session_id=session_id, participant=c.participant, role=c.role, keep_report=c.keep_report,
             keep_transcript=c.keep_transcript, keep_audio=c.keep_audio, given_at=c.given_at,
             recorded_by=c.recorded_by, account=c.account or None) for c in consents])
    insert_rows(conn, turns_t, [
        dict(session_id=session_id, idx=t.index, speaker=t.speaker, role=t.role, start_s=t.start_s,
             end_s=t.end_s, overlap=t.overlap, text=sealer.seal(turn_field(t.index), t.text) if keep_transcript else None)
        for t in report.turns])
    insert_rows(conn, turn_measures_t, [
        dict(session_id=session_id, turn_idx=i, measure=m, value=v) for i, m, v in measures])
    insert_rows(conn, indicators_t, [
        dict(session_id=session_id, indicator_id=i.id, name=i.name, value=i.value, unit=i.unit,
             band_low=i.band_low, band_high=i.band_high, confidence=i.confidence,
             available=i.available, category=i.category,
             ci_low=i.ci95[0] if i.ci95 else None, ci_high=i.ci95[1] if i.ci95 else None)
        for i in report.indicators])
    insert_rows(conn, evidence_t, evidence_rows(session_id, kept, keep_transcript=keep_transcript, sealer=sealer))


def evidence_rows(session_id: str, report: Report, *, keep_transcript: bool, sealer: Sealer) -> list[dict]:
    """Rows of the evidence table for ``report``'s indicators (already stripped where no transcript is kept),
    quote and note sealed with ``sealer``."""
    return [dict(session_id=session_id, indicator_id=i.id, rank=r, start_s=e.start_s, end_s=e.end_s,
                 speaker=e.speaker, note=sealer.seal(evidence_field("note", i.id, r), e.note),
                 quote=sealer.seal(evidence_field("quote", i.id, r), e.quote) if keep_transcript else None)
            for i in report.indicators for r, e in enumerate(i.evidence)]


def insert_rows(conn, table: sa.Table, rows: list[dict]) -> None:
    """Insert ``rows`` into ``table`` (nothing when there are none)."""
    if rows:
        conn.execute(table.insert(), rows)
