"""The session library: a SQL store of analysed sessions, their consents and (where allowed) transcript and audio.

SQLite file by default, any SQLAlchemy URL (PostgreSQL) for a team. The schema is
created and upgraded by the Alembic migrations shipped in :mod:`pipeline.library.migrations`
whenever a store is opened. A session is written in one transaction: a failure
anywhere leaves nothing of it behind. Each session's words and recording are sealed
with its own keys, kept in a separate key store (:mod:`pipeline.library.keys`,
:mod:`pipeline.library.sealing`); deleting or limiting a session destroys the keys, so
no copy left behind (dead rows, WAL, free pages, backups) can be read. Sealed recordings live under the data
directory, one file per session, written atomically. Schema: :mod:`pipeline.library.schema`; pure helpers:
:mod:`pipeline.library.consent`, :mod:`pipeline.library.kept` (importable from here too); storing an upload or
analysing a file into the store: :mod:`pipeline.library.intake`.

Locations
---------
* data directory: ``RAPPORT_DATA_DIR`` or ``platformdirs.user_data_dir("rapport")``;
* database: ``RAPPORT_DB`` (any SQLAlchemy URL) or ``sqlite:///<data dir>/rapport.db``;
* key store: ``RAPPORT_KEYS`` (a folder) or ``<data dir>/keys``; master key: ``RAPPORT_MASTER_KEY``.
"""

from __future__ import annotations

import io
import json
import os
import tempfile
import uuid
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

import sqlalchemy as sa

from pipeline.errors import AlreadyStoredError, PipelineError, StoreError
from pipeline.io.export import cues_from_turns, to_vtt
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
from pipeline.library.exporting import export_contents, export_tables, write_zip
from pipeline.library.kept import strip_transcript, turn_measures
from pipeline.library.keys import SessionKey, default_keys_dir
from pipeline.library.recordings import (
    audio_file,
    referenced_audio,
    seal_audio,
    sealed_audio_file,
    sweep_audio,
    write_audio,
)
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
from pipeline.library.sealing import Sealer, open_keys, seal_old_sessions, sweep_keys
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
    keys_dir : path or None
        The key folder (:mod:`pipeline.library.keys`); None: :func:`~pipeline.library.keys.default_keys_dir`.
    master_key : str or None
        Wraps the keys in the key file; None: ``RAPPORT_MASTER_KEY`` (unset: not wrapped).

    Raises
    ------
    StoreError
        The database cannot be opened or migrated (the message names the URL), or its key store is missing or
        does not open with the master key.
    """

    def __init__(self, url: str | None = None, *, data_dir: str | os.PathLike | None = None, migrate: bool = True,
                 keys_dir: str | os.PathLike | None = None, master_key: str | None = None):
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
        self.keys = open_keys(self.engine, Path(keys_dir) if keys_dir is not None else default_keys_dir(self.data_dir),
                              master_key=master_key)
        if seal_old_sessions(self.engine, self.keys, self.audio_dir):
            self._checkpoint()
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

    @property
    def audio_dir(self) -> Path:
        return self.data_dir / "audio"

    def sweep_orphans(self, *, min_age_s: float = 600.0) -> int:
        """Remove audio files (and temporary files) no stored session refers to; returns how many.

        They are left only when a process was killed between writing the file and
        committing its session. Files younger than ``min_age_s`` seconds are kept:
        another process may be about to commit the session that refers to them.
        Keys no session uses, older than ``min_age_s``, are destroyed too (not counted).
        """
        sweep_keys(self.engine, self.keys, min_age_s=min_age_s)
        return sweep_audio(self.engine, self.audio_dir, min_age_s=min_age_s)

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
        with_audio = keep_audio and audio_path is not None
        keys = self.keys.create(session_id, ("words", "audio") if with_audio else ("words",))
        sealer = Sealer(session_id, keys["words"].key)
        audio_written: Path | None = None
        audio_sha = audio_ext = None
        try:
            if with_audio:
                audio_sha, audio_ext, audio_written = self._store_audio(report, audio_path, session_id, keys["audio"])
            with write_transaction(self.engine) as conn:
                conn.execute(sessions_t.insert().values(**session_row(
                    session_id, report, kept, recorded_on=recorded_on, keep_transcript=keep_transcript,
                    audio_sha=audio_sha, audio_ext=audio_ext, sealer=sealer, words_key=keys["words"].key_id,
                    audio_key=keys["audio"].key_id if with_audio else None)))
                insert_session_content(conn, session_id, report, kept, consents=consents, names=names,
                                       measures=measures, keep_transcript=keep_transcript, sealer=sealer)
                conn.execute(audit_t.insert().values(at=now_iso(), action="stored", session_id=session_id,
                                                     actor=actor or consents[0].recorded_by))
        except BaseException as err:
            if audio_written is not None:
                audio_written.unlink(missing_ok=True)
            self.keys.destroy(k.key_id for k in keys.values())
            failure = self._save_error(err, report)
            if failure is not None:
                raise failure from err
            raise
        return session_id

    def _store_audio(self, report: Report, audio_path: str | os.PathLike, session_id: str,
                     key: SessionKey) -> tuple[str, str, Path]:
        """Seal the recording into the data directory: ``(sha256, extension, the file written)``."""
        src = Path(audio_path)
        audio_sha, ext = report.sha256 or file_sha256(src), src.suffix.lower()[:16]
        dest = sealed_audio_file(self.audio_dir, session_id, ext)
        seal_audio(src, dest, key.key, session_id, sha256=audio_sha)
        return audio_sha, ext, dest

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

    def _sealer(self, row) -> Sealer:
        """What opens a session row's words: its words key (none for a row stored before sealing)."""
        if not row["words_key"]:
            return Sealer(row["id"], None)
        return Sealer(row["id"], self.keys.get(row["words_key"], session_id=row["id"], purpose="words"))

    def _report(self, row) -> Report:
        return report_from_json(self._sealer(row).open("report_json", row["report_json"]), name=f"session {row['id']}")

    def load_report(self, session_id: str) -> Report:
        """The stored :class:`Report` (without transcript when consent did not allow keeping it)."""
        with self.engine.connect() as conn:
            return self._report(self._row(conn, session_id))

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
        """The file of a session's stored recording (sealed: read it with :meth:`audio_bytes` or
        :meth:`write_audio`), or None when consent did not allow keeping it."""
        with self.engine.connect() as conn:
            return audio_file(self.audio_dir, self._row(conn, session_id))

    def write_audio(self, session_id: str, out) -> str | None:
        """Write a session's recording, opened, to the binary file object ``out``; returns its extension
        (``".flac"``), or None (nothing written) when consent did not allow keeping it.

        Raises
        ------
        StoreError
            The recording's file or key is missing, or the file was altered.
        """
        with self.engine.connect() as conn:
            row = self._row(conn, session_id)
        return write_audio(self.audio_dir, self.keys, row, out)

    def audio_bytes(self, session_id: str) -> bytes | None:
        """A session's recording as it was stored (opened), or None when consent did not allow keeping it."""
        buf = io.BytesIO()
        return None if self.write_audio(session_id, buf) is None else buf.getvalue()

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

        Returns the deleted session's id. The session's keys are destroyed before the rows go
        (crypto-shredding): every copy of its words and recording left anywhere (dead rows, the write-ahead log,
        a backup) can no longer be read, even if the removal of the rows then fails.
        """
        with write_transaction(self.engine) as conn:
            row = self._row(conn, session_id)
            sid = row["id"]
            for t in SESSION_TABLES:
                col = t.c.id if t is sessions_t else t.c.session_id
                conn.execute(t.delete().where(col == sid))
            conn.execute(audit_t.insert().values(at=now_iso(), action="deleted", session_id=sid,
                                                 actor=actor or login_name()))
            self.keys.destroy_session(sid)
            still = referenced_audio(conn, self.audio_dir)
        self._after_removal(row, still, drop_audio=True)
        return sid

    def _after_removal(self, row, still: set[str], *, drop_audio: bool) -> None:
        """After a committed delete or limit: remove the session's recording when ``drop_audio`` and no other
        session (``still``: what the store still refers to) uses it; flush SQLite's journal so no copy of the
        removed content is left on disk."""
        path = audio_file(self.audio_dir, row)
        if drop_audio and path is not None and path.name not in still:
            path.unlink(missing_ok=True)
        self._checkpoint()

    def _checkpoint(self) -> None:
        """SQLite: copy the write-ahead log into the database file and truncate it (nothing for other backends)."""
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
        for a session stored without the transcript): what is left is sealed with a fresh words key and the old
        one destroyed, so no earlier copy (a backup, dead rows) can be read. When it may no longer keep
        the audio, its audio key is destroyed and the recording removed. The audit log gets a "limited" line,
        with no content.

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
        fresh: list[SessionKey] = []
        try:
            row, transcript_ok, audio_ok, still = self._limit(session_id, participant, keep_transcript, keep_audio,
                                                              actor, fresh)
        except BaseException:
            self.keys.destroy(k.key_id for k in fresh)
            raise
        drop_audio = bool(row["keeps_audio"]) and not audio_ok
        self.keys.destroy([row["words_key"] if fresh else None, row["audio_key"] if drop_audio else None])
        self._after_removal(row, still, drop_audio=drop_audio)
        return transcript_ok, audio_ok

    def _limit(self, session_id: str, participant: str, keep_transcript: bool, keep_audio: bool, actor: str,
               fresh: list[SessionKey]):
        """:meth:`limit`'s transaction: ``(the row before, transcript kept, audio kept, audio files referred to)``;
        a fresh words key it makes is appended to ``fresh``."""
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
                fresh.append(self.keys.create(sid, ("words",))["words"])
                values.update(self._strip_words(conn, row, fresh[0]))
            if row["keeps_audio"] and not audio_ok:
                values.update(keeps_audio=False, audio_sha256=None, audio_ext=None, audio_key=None)
            if values:
                conn.execute(sessions_t.update().where(sessions_t.c.id == sid).values(**values))
            conn.execute(audit_t.insert().values(at=now_iso(), action="limited", session_id=sid,
                                                 actor=actor or participant))
            return row, transcript_ok, audio_ok, referenced_audio(conn, self.audio_dir)

    def _strip_words(self, conn, row, fresh: SessionKey) -> dict:
        """Take the words said out of a session's turns and evidence, in ``conn``'s transaction; returns the
        sessions row's new values: the report without them, sealed with the ``fresh`` words key."""
        sid = row["id"]
        stripped = strip_transcript(self._report(row))
        sealer = Sealer(sid, fresh.key)
        conn.execute(turns_t.update().where(turns_t.c.session_id == sid).values(text=None))
        # the evidence rows again, as save writes them without a transcript (quotes and words said gone)
        conn.execute(evidence_t.delete().where(evidence_t.c.session_id == sid))
        insert_rows(conn, evidence_t, evidence_rows(sid, stripped, keep_transcript=False, sealer=sealer))
        return dict(keeps_transcript=False, report_json=sealer.seal("report_json", report_json(stripped)),
                    words_key=fresh.key_id)

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
        data, report, labels = export_contents(row, people, measures, self.consents(sid), report,
                                               participant=participant, redact=redact)

        def fill(z) -> None:
            z.writestr("session.json", json.dumps(data, indent=2))
            if row["keeps_transcript"]:
                z.writestr("transcript.vtt", to_vtt(cues_from_turns(report.turns)))
            if row["audio_sha256"] and labels is None and redact is None:
                with z.open(f"recording{row['audio_ext'] or ''}", "w") as out:
                    self.write_audio(sid, out)

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
