"""The session library: a SQL store of analysed sessions, their consents and (where allowed) transcript and audio.

SQLite file by default, any SQLAlchemy URL (PostgreSQL) for a team. The schema is
created and upgraded by the Alembic migrations shipped in :mod:`pipeline.library.migrations`
whenever a store is opened. A session is written in one transaction: a failure
anywhere leaves nothing of it behind. Audio files live under the data directory,
named by content hash, and are written atomically.

The schema is in :mod:`pipeline.library.schema`, the pure helpers in :mod:`pipeline.library.consent`
and :mod:`pipeline.library.kept` (their public names are importable from here too); storing an upload or
analysing a file into the store is :mod:`pipeline.library.intake`.

Locations
---------
* data directory: ``RAPPORT_DATA_DIR`` or ``platformdirs.user_data_dir("rapport")``;
* database: ``RAPPORT_DB`` (any SQLAlchemy URL) or ``sqlite:///<data dir>/rapport.db``.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
import uuid
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

import sqlalchemy as sa

from pipeline.errors import AlreadyStoredError, PipelineError, StoreError
from pipeline.io.export import cues_from_turns, to_jsonable, to_vtt
from pipeline.io.reportjson import report_from_json, report_json
from pipeline.library.consent import (
    consents_from_choices,
    default_data_dir,
    default_url,
    effective_consent,
    file_sha256,
    login_name,
    now_iso,
    participant_names,
    reuse_key,
    same_person,
)
from pipeline.library.exporting import export_tables, only_speakers, redact_report, write_zip
from pipeline.library.kept import strip_transcript, turn_measures
from pipeline.library.retry import retry_transient, write_transaction
from pipeline.library.rows import evidence_rows, insert_rows, insert_session_content, session_row
from pipeline.library.schema import (
    MIGRATIONS_DIR,
    SESSION_TABLES,
    alembic_config,
    audit_t,
    consents_t,
    evidence_t,
    indicators_t,
    make_engine,
    metadata,
    participants_t,
    sessions_t,
    turn_measures_t,
    turns_t,
    upgrade,
)
from pipeline.types import AnalyzeOptions, ConsentRecord, Indicator, Report, SessionSummary

__all__ = [
    "MIGRATIONS_DIR", "SESSION_TABLES", "Store", "alembic_config", "audit_t", "consents_from_choices", "consents_t",
    "default_data_dir", "default_url", "effective_consent", "evidence_t", "file_sha256", "indicators_t", "metadata",
    "participants_t", "reuse_key", "same_person", "sessions_t", "strip_transcript", "turn_measures",
    "turn_measures_t", "turns_t", "upgrade",
]


class Store:
    """A session library on a database URL plus a data directory for audio files.

    Parameters
    ----------
    url : str or None
        SQLAlchemy URL; None: :func:`default_url`.
    data_dir : path or None
        Folder for audio files (and the default SQLite file); None: :func:`default_data_dir`.
    migrate : bool
        Bring the schema to the newest migration on open (default True).

    Raises
    ------
    StoreError
        The database cannot be opened or migrated; the message names the URL.
    """

    def __init__(self, url: str | None = None, *, data_dir: str | os.PathLike | None = None, migrate: bool = True):
        self.data_dir = Path(data_dir) if data_dir is not None else default_data_dir()
        self.url = url or default_url(self.data_dir)
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            self.engine = make_engine(self.url)
            if migrate:
                upgrade(self.engine)
        except PipelineError:
            raise
        except Exception as err:
            raise StoreError(f"Cannot open the session store at {self._safe_url()}: {err}. "
                             "Check RAPPORT_DB / --db and that the folder is writable.") from err
        self.sweep_orphans()

    def _safe_url(self) -> str:
        return sa.engine.make_url(self.url).render_as_string(hide_password=True)

    def __repr__(self) -> str:
        return f"Store({self._safe_url()!r}, data_dir={str(self.data_dir)!r})"

    def close(self) -> None:
        """Release database connections."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ---- files -----------------------------------------------------------

    @property
    def audio_dir(self) -> Path:
        return self.data_dir / "audio"

    def _audio_file(self, sha256: str, ext: str) -> Path:
        return self.audio_dir / sha256[:2] / f"{sha256}{ext}"

    def _put_audio(self, src: Path, sha256: str) -> tuple[Path, bool]:
        """Copy ``src`` into the data directory by hash, atomically; returns (path, newly written)."""
        ext = src.suffix.lower()[:16]
        dest = self._audio_file(sha256, ext)
        if dest.exists():
            return dest, False
        dest.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=dest.parent, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as out, open(src, "rb") as f:
                shutil.copyfileobj(f, out, 1 << 20)
                out.flush()
                os.fsync(out.fileno())
            if file_sha256(tmp) != sha256:
                raise StoreError(f"{src.name} changed while it was being stored: run again.")
            os.replace(tmp, dest)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return dest, True

    def _referenced_audio(self, conn) -> set[str]:
        rows = conn.execute(sa.select(sessions_t.c.audio_sha256, sessions_t.c.audio_ext)
                            .where(sessions_t.c.audio_sha256.is_not(None)))
        return {f"{sha}{ext}" for sha, ext in rows}

    def sweep_orphans(self, *, min_age_s: float = 600.0) -> int:
        """Remove audio files (and temporary files) no stored session refers to; returns how many.

        They are left only when a process was killed between writing the file and
        committing its session. Files younger than ``min_age_s`` seconds are kept:
        another process may be about to commit the session that refers to them.
        """
        if not self.audio_dir.exists():
            return 0
        with self.engine.connect() as conn:
            keep = self._referenced_audio(conn)
        removed, now = 0, time.time()
        for f in self.audio_dir.glob("*/*"):
            if f.is_file() and f.name not in keep and now - f.stat().st_mtime >= min_age_s:
                f.unlink(missing_ok=True)
                removed += 1
        return removed

    # ---- writing ---------------------------------------------------------

    def find(self, sha256: str, options: AnalyzeOptions) -> str | None:
        """Id of the session stored for this content hash and options, or None."""
        with self.engine.connect() as conn:
            return conn.execute(sa.select(sessions_t.c.id).where(
                sessions_t.c.sha256 == sha256, sessions_t.c.options_key == reuse_key(options))).scalar()

    @retry_transient
    def save(
        self,
        report: Report,
        *,
        consents: Sequence[ConsentRecord],
        audio_path: str | os.PathLike | None = None,
        recorded_on: date | str | None = None,
        actor: str = "",
    ) -> str:
        """Store ``report`` in one transaction; returns the new session id.

        Parameters
        ----------
        report : Report
            The analysis; stored whole (as ``report.json``) and in queryable tables.
        consents : sequence of ConsentRecord
            At least one; what is kept is what *every* record allows.
        audio_path : path or None
            The recording; copied into the data directory only if every consent allows audio.
        recorded_on : date, ISO string or None
            Date of the session; None: today.
        actor : str
            Who stored it, for the audit log (default: the first consent's ``recorded_by``).

        Raises
        ------
        StoreError
            No consent, a refused report, or the database refused the write (nothing is kept then).
        """
        keep_transcript, keep_audio = effective_consent(consents)
        kept = report if keep_transcript else strip_transcript(report)
        measures = turn_measures(report)
        names = participant_names(report, consents)
        if isinstance(recorded_on, date):
            recorded_on = recorded_on.isoformat()
        recorded_on = recorded_on or date.today().isoformat()
        session_id = uuid.uuid4().hex[:12]
        audio_written: Path | None = None
        audio_sha = audio_ext = None
        try:
            if keep_audio and audio_path is not None:
                audio_sha, audio_ext, audio_written = self._store_audio(report, audio_path)
            with write_transaction(self.engine) as conn:
                conn.execute(sessions_t.insert().values(**session_row(
                    session_id, report, kept, recorded_on=recorded_on, keep_transcript=keep_transcript,
                    audio_sha=audio_sha, audio_ext=audio_ext)))
                insert_session_content(conn, session_id, report, kept, consents=consents, names=names,
                                       measures=measures, keep_transcript=keep_transcript)
                conn.execute(audit_t.insert().values(at=now_iso(), action="stored", session_id=session_id,
                                                     actor=actor or consents[0].recorded_by))
        except BaseException as err:
            if audio_written is not None:
                self._drop_unused_audio(audio_written)
            failure = self._save_error(err, report)
            if failure is not None:
                raise failure from err
            raise
        return session_id

    def _drop_unused_audio(self, path: Path) -> None:
        """Remove an audio file a failed save wrote, unless a session another process committed meanwhile uses it
        (the same recording stored at once by two processes); when that cannot be checked it stays for
        :meth:`sweep_orphans`."""
        try:
            with self.engine.connect() as conn:
                used = path.name in self._referenced_audio(conn)
        except Exception:
            return
        if not used:
            path.unlink(missing_ok=True)

    def _store_audio(self, report: Report, audio_path: str | os.PathLike) -> tuple[str, str, Path | None]:
        """Copy the recording into the data directory: ``(sha256, extension, the file if newly written else None)``."""
        src = Path(audio_path)
        audio_sha = report.sha256 or file_sha256(src)
        dest, new = self._put_audio(src, audio_sha)
        return audio_sha, dest.suffix, dest if new else None

    def _save_error(self, err: BaseException, report: Report) -> StoreError | None:
        """The StoreError that a failed :meth:`save` raises for ``err``; None: ``err`` goes up as it is."""
        if isinstance(err, sa.exc.IntegrityError) and ("uq_sessions" in str(err) or "sessions.sha256" in str(err)):
            existing = self.find(report.sha256, report.options)
            return AlreadyStoredError(f"{report.source_name} is already stored with these options "
                                      f"(session {existing}).", session_id=existing)
        if isinstance(err, sa.exc.SQLAlchemyError):
            return StoreError(f"Storing {report.source_name} failed and nothing was kept: {err.orig or err}")
        return None

    # ---- reading ---------------------------------------------------------

    def _row(self, conn, session_id: str):
        row = conn.execute(sa.select(sessions_t).where(sessions_t.c.id == session_id)).mappings().first()
        if row is None:
            matches = conn.execute(sa.select(sessions_t.c.id).where(
                sessions_t.c.id.startswith(session_id, autoescape=True))).scalars().all() if session_id else []
            if len(matches) == 1:
                return self._row(conn, matches[0])
            raise StoreError(f"No stored session {session_id!r}" + (
                f" (ambiguous: {', '.join(matches)})" if matches else "") + ": see `rapport sessions`.")
        return row

    def resolve(self, session_id: str) -> str:
        """Full id of a session given its id or a unique prefix of it."""
        with self.engine.connect() as conn:
            return self._row(conn, session_id)["id"]

    def load_report(self, session_id: str) -> Report:
        """The stored :class:`Report` (without transcript when consent did not allow keeping it)."""
        with self.engine.connect() as conn:
            return report_from_json(self._row(conn, session_id)["report_json"], name=f"session {session_id}")

    def indicators(self, session_id: str) -> tuple[Indicator, ...]:
        """A session's indicators from their table, with their 95 % intervals, without evidence or explanations.

        In id order.

        Cheap (one small query, no report to parse): enough for cards and
        feedback across many sessions (:func:`pipeline.library.trainer.followup`).
        """
        c = indicators_t.c
        with self.engine.connect() as conn:
            sid = self._row(conn, session_id)["id"]
            rows = conn.execute(sa.select(c.indicator_id, c.name, c.value, c.unit, c.band_low, c.band_high,
                                          c.confidence, c.available, c.category, c.ci_low, c.ci_high)
                                .where(c.session_id == sid).order_by(c.indicator_id)).all()
        return tuple(Indicator(id=r[0], name=r[1], value=r[2], unit=r[3], band_low=r[4], band_high=r[5],
                               band_source="", explanation="", confidence=r[6], available=bool(r[7]),
                               category=r[8], ci95=None if r[9] is None else (r[9], r[10])) for r in rows)

    def indicator_names(self) -> dict[str, tuple[str, str]]:
        """Plain-language name and unit of every indicator id in the store (from its newest session), for labels."""
        c = indicators_t.c
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(c.indicator_id, c.name, c.unit)
                                .join(sessions_t, sessions_t.c.id == c.session_id)
                                .order_by(sessions_t.c.stored_at)).all()
        return {iid: (name, unit) for iid, name, unit in rows}

    def list_sessions(self) -> tuple[SessionSummary, ...]:
        """Every stored session, newest recording first."""
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(*[c for c in sessions_t.c if c.name != "report_json"])
                                .order_by(sessions_t.c.recorded_on.desc(), sessions_t.c.stored_at.desc())).mappings().all()
            people: dict[str, dict[str, str]] = {}
            for sid, role, name in conn.execute(sa.select(participants_t.c.session_id, participants_t.c.role,
                                                          participants_t.c.name).order_by(participants_t.c.label)):
                people.setdefault(sid, {}).setdefault(role, name)
            inds: dict[str, list] = {}
            cis: dict[str, list] = {}
            c = indicators_t.c
            for sid, iid, value, low, high in conn.execute(sa.select(c.session_id, c.indicator_id, c.value,
                                                                     c.ci_low, c.ci_high)):
                inds.setdefault(sid, []).append((iid, value))
                if low is not None:
                    cis.setdefault(sid, []).append((iid, low, high))
        return tuple(SessionSummary(
            session_id=r["id"], source_name=r["source_name"], sha256=r["sha256"], recorded_on=r["recorded_on"],
            stored_at=r["stored_at"], duration_s=r["duration_s"], mentor=people.get(r["id"], {}).get("mentor", ""),
            mentee=people.get(r["id"], {}).get("mentee", ""), model_name=r["model_name"],
            pipeline_version=r["pipeline_version"], keeps_transcript=bool(r["keeps_transcript"]),
            keeps_audio=bool(r["keeps_audio"]), indicators=tuple(sorted(inds.get(r["id"], []))),
            intervals=tuple(sorted(cis.get(r["id"], []))),
        ) for r in rows)

    def sessions_of(self, participant: str) -> tuple[SessionSummary, ...]:
        """The stored sessions with a consent from ``participant`` (:func:`same_person`), newest first."""
        if not participant.strip():
            return ()
        with self.engine.connect() as conn:
            ids = {sid for sid, who in conn.execute(sa.select(consents_t.c.session_id, consents_t.c.participant))
                   if same_person(who, participant)}
        return tuple(s for s in self.list_sessions() if s.session_id in ids)

    def consents(self, session_id: str) -> tuple[ConsentRecord, ...]:
        """The consent records of a session, in the order given."""
        with self.engine.connect() as conn:
            return self._consents(conn, self._row(conn, session_id)["id"])

    @staticmethod
    def _consents(conn, sid: str) -> tuple[ConsentRecord, ...]:
        rows = conn.execute(sa.select(consents_t).where(consents_t.c.session_id == sid)
                            .order_by(consents_t.c.id)).mappings().all()
        return tuple(ConsentRecord(participant=r["participant"], role=r["role"], keep_report=r["keep_report"],
                                   keep_transcript=r["keep_transcript"], keep_audio=r["keep_audio"],
                                   given_at=r["given_at"], recorded_by=r["recorded_by"],
                                   account=r["account"] or "") for r in rows)

    def participant_turn_measures(self, name: str, *, role: str | None = None):
        """Per-turn measures of one person across every stored session.

        Returns
        -------
        pandas.DataFrame
            Columns ``session_id, recorded_on, turn_idx, measure, value``.
        """
        import pandas as pd

        p, m, s = participants_t, turn_measures_t, sessions_t
        q = (sa.select(m.c.session_id, s.c.recorded_on, m.c.turn_idx, m.c.measure, m.c.value)
             .join(s, s.c.id == m.c.session_id)
             .join(turns_t, sa.and_(turns_t.c.session_id == m.c.session_id, turns_t.c.idx == m.c.turn_idx))
             .join(p, sa.and_(p.c.session_id == m.c.session_id, p.c.label == turns_t.c.speaker))
             .where(p.c.name == name))
        if role:
            q = q.where(p.c.role == role)
        with self.engine.connect() as conn:
            return pd.DataFrame(conn.execute(q).all(),
                                columns=["session_id", "recorded_on", "turn_idx", "measure", "value"])

    def audio_path(self, session_id: str) -> Path | None:
        """The stored recording of a session, or None when consent did not allow keeping it."""
        with self.engine.connect() as conn:
            row = self._row(conn, session_id)
        if not row["audio_sha256"]:
            return None
        return self._audio_file(row["audio_sha256"], row["audio_ext"] or "")

    def audit_log(self) -> tuple[tuple[str, str, str, str], ...]:
        """``(at, action, session_id, actor)`` rows, oldest first. Never any session content."""
        with self.engine.connect() as conn:
            return tuple(tuple(r) for r in conn.execute(
                sa.select(audit_t.c.at, audit_t.c.action, audit_t.c.session_id, audit_t.c.actor)
                .order_by(audit_t.c.id)))

    # ---- deleting and exporting -------------------------------------------

    @retry_transient
    def delete(self, session_id: str, *, actor: str = "") -> str:
        """Remove a session with its transcript, audio and derived data; log that it was deleted.

        Returns the deleted session's id. The audio file is removed too unless
        another stored session (same recording, other options) still refers to it.
        """
        with write_transaction(self.engine) as conn:
            row = self._row(conn, session_id)
            sid = row["id"]
            for t in SESSION_TABLES:
                col = t.c.id if t is sessions_t else t.c.session_id
                conn.execute(t.delete().where(col == sid))
            conn.execute(audit_t.insert().values(at=now_iso(), action="deleted", session_id=sid,
                                                 actor=actor or login_name()))
            still = self._referenced_audio(conn)
        self._after_removal(row, still, drop_audio=True)
        return sid

    def _after_removal(self, row, still: set[str], *, drop_audio: bool) -> None:
        """After a committed delete or limit: remove the session's recording when ``drop_audio`` and no other
        session (``still``: what the store still refers to) uses it; flush SQLite's journal so no copy of the
        removed content is left on disk."""
        if drop_audio and row["audio_sha256"] and f"{row['audio_sha256']}{row['audio_ext']}" not in still:
            self._audio_file(row["audio_sha256"], row["audio_ext"] or "").unlink(missing_ok=True)
        if self.url.startswith("sqlite"):
            with self.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")

    @retry_transient
    def limit(self, session_id: str, *, participant: str, keep_transcript: bool, keep_audio: bool,
              actor: str = "") -> tuple[bool, bool]:
        """Narrow one participant's consent and drop what it no longer allows, in one transaction.

        A consent can only be narrowed here: what the participant allowed before
        and still allows is kept (widening needs a new consent, given again).
        Not keeping the transcript means not keeping the audio either (the
        recording holds the words said). When the session may no longer keep the transcript, the words said go
        (turn text, word timings, evidence quotes; timings and measures stay, as
        for a session stored without the transcript); when it may no longer keep
        the audio, the recording is removed (unless another stored session
        still refers to it). The audit log gets a "limited" line, with no content.

        Parameters
        ----------
        session_id : str
            Session id or a unique prefix.
        participant : str
            The consenting person's name, as recorded in the session's consents.
        keep_transcript, keep_audio : bool
            What the participant still allows to be kept.
        actor : str
            Who asked (default: the participant).

        Returns
        -------
        (bool, bool)
            What the session keeps afterwards: ``(keeps_transcript, keeps_audio)``.

        Raises
        ------
        StoreError
            No such session, or no consent of ``participant`` in it.
        """
        keep_audio = keep_audio and keep_transcript  # the recording holds the words said: no transcript, no audio
        with write_transaction(self.engine) as conn:
            row = self._row(conn, session_id)
            sid = row["id"]
            mine = conn.execute(sa.select(consents_t.c.id, consents_t.c.keep_transcript, consents_t.c.keep_audio)
                                .where(consents_t.c.session_id == sid, consents_t.c.participant == participant)
                                ).all()
            if not mine:
                names = conn.execute(sa.select(consents_t.c.participant).where(consents_t.c.session_id == sid)
                                     ).scalars().all()
                raise StoreError(f"No consent of {participant!r} in session {sid}: the consents there are from "
                                 f"{', '.join(names)}. Use the name exactly as recorded.")
            for cid, old_transcript, old_audio in mine:
                conn.execute(consents_t.update().where(consents_t.c.id == cid).values(
                    keep_transcript=bool(old_transcript and keep_transcript), keep_audio=bool(old_audio and keep_audio)))
            allowed_transcript, allowed_audio = effective_consent(self._consents(conn, sid))
            transcript_ok = allowed_transcript and bool(row["keeps_transcript"])
            audio_ok = allowed_audio and bool(row["keeps_audio"])
            values = {}
            if row["keeps_transcript"] and not transcript_ok:
                stripped = strip_transcript(report_from_json(row["report_json"], name=f"session {session_id}"))
                values.update(keeps_transcript=False, report_json=report_json(stripped))
                conn.execute(turns_t.update().where(turns_t.c.session_id == sid).values(text=None))
                # the evidence rows again, as save writes them without a transcript (quotes and words said gone)
                conn.execute(evidence_t.delete().where(evidence_t.c.session_id == sid))
                insert_rows(conn, evidence_t, evidence_rows(sid, stripped, keep_transcript=False))
            if row["keeps_audio"] and not audio_ok:
                values.update(keeps_audio=False, audio_sha256=None, audio_ext=None)
            if values:
                conn.execute(sessions_t.update().where(sessions_t.c.id == sid).values(**values))
            conn.execute(audit_t.insert().values(at=now_iso(), action="limited", session_id=sid,
                                                 actor=actor or participant))
            still = self._referenced_audio(conn)
        self._after_removal(row, still, drop_audio=bool(row["keeps_audio"]) and not audio_ok)
        return transcript_ok, audio_ok

    def export(
        self,
        session_id: str,
        out_path: str | os.PathLike,
        *,
        participant: str | None = None,
        redact: Callable[[str], str] | None = None,
        actor: str = "",
    ) -> Path:
        """Write everything kept about a session (or one participant in it) to a zip file.

        The zip holds ``session.json`` (session facts, participants, consents,
        per-turn measures, indicators with evidence, the report) and, where kept,
        ``transcript.vtt`` and the recording.

        Parameters
        ----------
        participant : str or None
            A participant's name or speaker label: only their turns, measures and quotes are included.
        redact : callable or None
            Applied to every transcript text and quote (e.g. :func:`pipeline.library.redact.redactor`).
        """
        report = self.load_report(session_id)
        with self.engine.connect() as conn:
            row = self._row(conn, session_id)
            sid = row["id"]
            people, measures = export_tables(conn, sid)
        labels = None
        if participant is not None:
            labels = {p["label"] for p in people if participant in (p["name"], p["label"])}
            if not labels:
                raise StoreError(f"No participant {participant!r} in session {sid}: "
                                 f"choose one of {', '.join(p['name'] for p in people)}.")
            report = only_speakers(report, labels)
            measures = measures[measures["speaker"].isin(labels)]
        if redact is not None:
            report = redact_report(report, redact)
        data = {
            "session": {k: row[k] for k in ("id", "source_name", "sha256", "duration_s", "recorded_on", "stored_at",
                                            "model_name", "pipeline_version", "keeps_transcript", "keeps_audio")},
            "participants": people if labels is None else [p for p in people if p["label"] in labels],
            "consents": [to_jsonable(c) for c in self.consents(sid)],
            "turn_measures": measures.to_dict(orient="records"),
            "report": to_jsonable(report),
            "redacted": redact is not None,
        }

        def fill(z) -> None:
            z.writestr("session.json", json.dumps(data, indent=2))
            if row["keeps_transcript"]:
                z.writestr("transcript.vtt", to_vtt(cues_from_turns(report.turns)))
            audio = self.audio_path(sid)
            if audio is not None and audio.exists() and labels is None and redact is None:
                z.write(audio, f"recording{audio.suffix}")

        out = write_zip(out_path, fill)
        with write_transaction(self.engine) as conn:
            conn.execute(audit_t.insert().values(at=now_iso(), action="exported", session_id=sid,
                                                 actor=actor or login_name()))
        return out

    def export_bytes(self, session_id: str, *, participant: str | None = None,
                     redact: Callable[[str], str] | None = None, actor: str = "") -> bytes:
        """:meth:`export` as the bytes of the zip (for a download button); the temporary file is removed."""
        with tempfile.TemporaryDirectory(prefix="rapport-export-") as tmp:
            out = self.export(session_id, Path(tmp) / "export.zip", participant=participant, redact=redact,
                              actor=actor)
            return out.read_bytes()
