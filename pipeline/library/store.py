"""The session library: a SQL store of analysed sessions, their consents and (where allowed) transcript and audio.

SQLite file by default, any SQLAlchemy URL (PostgreSQL) for a team. The schema is
created and upgraded by the Alembic migrations shipped in :mod:`pipeline.library.migrations`
whenever a store is opened. A session is written in one transaction: a failure
anywhere leaves nothing of it behind. Audio files live under the data directory,
named by content hash, and are written atomically.

Locations
---------
* data directory: ``RAPPORT_DATA_DIR`` or ``platformdirs.user_data_dir("rapport")``;
* database: ``RAPPORT_DB`` (any SQLAlchemy URL) or ``sqlite:///<data dir>/rapport.db``.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
import uuid
import zipfile
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime
from pathlib import Path

import sqlalchemy as sa

import pipeline
from pipeline.errors import PipelineError, StoreError
from pipeline.io.export import cues_from_turns, report_from_dict, to_jsonable, to_vtt
from pipeline.types import AnalyzeOptions, ConsentRecord, Indicator, Report, SessionSummary, Turn

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

# --------------------------------------------------------------------------
# Schema (the migrations in pipeline/library/migrations create exactly this; a test checks they agree)
# --------------------------------------------------------------------------

metadata = sa.MetaData()

sessions_t = sa.Table(
    "sessions", metadata,
    sa.Column("id", sa.String(12), primary_key=True),
    sa.Column("source_name", sa.String(255), nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False),
    sa.Column("options_key", sa.String(64), nullable=False),
    sa.Column("options_json", sa.Text, nullable=False),
    sa.Column("duration_s", sa.Float, nullable=False),
    sa.Column("recorded_on", sa.String(10), nullable=False),
    sa.Column("stored_at", sa.String(32), nullable=False),
    sa.Column("input_kind", sa.String(16), nullable=False),
    sa.Column("model_name", sa.String(64), nullable=False),
    sa.Column("pipeline_version", sa.String(32), nullable=False),
    sa.Column("attribution_method", sa.String(32), nullable=False),
    sa.Column("attribution_confidence", sa.String(16), nullable=False),
    sa.Column("keeps_transcript", sa.Boolean, nullable=False),
    sa.Column("keeps_audio", sa.Boolean, nullable=False),
    sa.Column("audio_sha256", sa.String(64), nullable=True),
    sa.Column("audio_ext", sa.String(16), nullable=True),
    sa.Column("report_json", sa.Text, nullable=False),
    sa.UniqueConstraint("sha256", "options_key", name="uq_sessions_sha256_options"),
)

participants_t = sa.Table(
    "participants", metadata,
    sa.Column("session_id", sa.String(12), sa.ForeignKey("sessions.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("label", sa.String(64), primary_key=True),
    sa.Column("role", sa.String(16), nullable=False),
    sa.Column("role_source", sa.String(16), nullable=False),
    sa.Column("name", sa.String(255), nullable=False),
    sa.Index("ix_participants_name", "name"),
)

consents_t = sa.Table(
    "consents", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("session_id", sa.String(12), sa.ForeignKey("sessions.id", ondelete="CASCADE"), nullable=False,
              index=True),
    sa.Column("participant", sa.String(255), nullable=False),
    sa.Column("role", sa.String(16), nullable=False),
    sa.Column("keep_report", sa.Boolean, nullable=False),
    sa.Column("keep_transcript", sa.Boolean, nullable=False),
    sa.Column("keep_audio", sa.Boolean, nullable=False),
    sa.Column("given_at", sa.String(32), nullable=False),
    sa.Column("recorded_by", sa.String(255), nullable=False),
)

turns_t = sa.Table(
    "turns", metadata,
    sa.Column("session_id", sa.String(12), sa.ForeignKey("sessions.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("idx", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("speaker", sa.String(64), nullable=False),
    sa.Column("role", sa.String(16), nullable=False),
    sa.Column("start_s", sa.Float, nullable=False),
    sa.Column("end_s", sa.Float, nullable=False),
    sa.Column("overlap", sa.Boolean, nullable=False),
    sa.Column("text", sa.Text, nullable=True),
)

turn_measures_t = sa.Table(
    "turn_measures", metadata,
    sa.Column("session_id", sa.String(12), sa.ForeignKey("sessions.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("turn_idx", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("measure", sa.String(32), primary_key=True),
    sa.Column("value", sa.Float, nullable=True),
)

indicators_t = sa.Table(
    "indicators", metadata,
    sa.Column("session_id", sa.String(12), sa.ForeignKey("sessions.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("indicator_id", sa.String(64), primary_key=True),
    sa.Column("name", sa.String(255), nullable=False),
    sa.Column("value", sa.Float, nullable=True),
    sa.Column("unit", sa.String(32), nullable=False),
    sa.Column("band_low", sa.Float, nullable=True),
    sa.Column("band_high", sa.Float, nullable=True),
    sa.Column("confidence", sa.String(16), nullable=False),
    sa.Column("available", sa.Boolean, nullable=False),
    sa.Column("category", sa.String(32), nullable=False),
    sa.Column("ci_low", sa.Float, nullable=True),
    sa.Column("ci_high", sa.Float, nullable=True),
)

evidence_t = sa.Table(
    "evidence", metadata,
    sa.Column("session_id", sa.String(12), sa.ForeignKey("sessions.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("indicator_id", sa.String(64), primary_key=True),
    sa.Column("rank", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("start_s", sa.Float, nullable=False),
    sa.Column("end_s", sa.Float, nullable=False),
    sa.Column("speaker", sa.String(64), nullable=False),
    sa.Column("quote", sa.Text, nullable=True),
    sa.Column("note", sa.Text, nullable=False),
)

audit_t = sa.Table(
    "audit", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", sa.String(32), nullable=False),
    sa.Column("action", sa.String(16), nullable=False),
    sa.Column("session_id", sa.String(12), nullable=False),
    sa.Column("actor", sa.String(255), nullable=False),
)

#: Tables that hold a session's data (everything but the audit log).
SESSION_TABLES = (evidence_t, indicators_t, turn_measures_t, turns_t, consents_t, participants_t, sessions_t)


# --------------------------------------------------------------------------
# Pure helpers
# --------------------------------------------------------------------------


def default_data_dir() -> Path:
    """``RAPPORT_DATA_DIR`` or the platform's user data folder for ``rapport``."""
    env = os.environ.get("RAPPORT_DATA_DIR")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("rapport", appauthor=False))


def default_url(data_dir: Path | None = None) -> str:
    """``RAPPORT_DB`` or ``sqlite:///<data dir>/rapport.db``."""
    env = os.environ.get("RAPPORT_DB")
    if env:
        return env
    return f"sqlite:///{(data_dir or default_data_dir()) / 'rapport.db'}"


def reuse_key(options: AnalyzeOptions, *, pipeline_version: str = pipeline.__version__) -> str:
    """Hex SHA-256 of the analysis options, model name and pipeline version.

    Together with the input's content hash it identifies a result: the same file
    analysed with the same options by the same version is served from the store.
    """
    payload = {"options": to_jsonable(options), "model": options.model, "pipeline_version": pipeline_version}
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


def file_sha256(path: str | os.PathLike) -> str:
    """Hex SHA-256 of a file's bytes (read in 1 MiB blocks); same as ``Recording.sha256``."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def turn_measures(turns: Sequence[Turn]) -> list[tuple[int, str, float | None]]:
    """Per-turn measures kept in the store: ``(turn index, measure, value)`` rows.

    Measures
    --------
    n_words : words in the turn (from word timings, else the text).
    duration_s : turn length, s.
    pace_wpm : words per minute over the turn (None for turns under 0.5 s or without words).
    pause_before_s : gap since the previous turn ended, s (negative when they overlap; None for the first turn).
    """
    rows: list[tuple[int, str, float | None]] = []
    prev_end = None
    for t in turns:
        n = len(t.words) if t.words else len(t.text.split())
        dur = t.end_s - t.start_s
        pace = n / dur * 60.0 if n and dur >= 0.5 else None
        rows += [
            (t.index, "n_words", float(n)),
            (t.index, "duration_s", dur),
            (t.index, "pace_wpm", pace),
            (t.index, "pause_before_s", None if prev_end is None else t.start_s - prev_end),
        ]
        prev_end = t.end_s if prev_end is None else max(prev_end, t.end_s)
    return rows


def effective_consent(consents: Sequence[ConsentRecord]) -> tuple[bool, bool]:
    """``(keep_transcript, keep_audio)`` allowed by every consent; raises StoreError without a usable one."""
    if not consents:
        raise StoreError("No consent record: a session cannot be stored without one. Record who consented "
                         "to what (ConsentRecord, or --consent-by/--recorded-by on the command line).")
    refused = [c.participant for c in consents if not c.keep_report]
    if refused:
        raise StoreError(f"{', '.join(refused)} did not consent to keeping the report: the session cannot be stored.")
    return all(c.keep_transcript for c in consents), all(c.keep_audio for c in consents)


def same_person(a: str, b: str) -> bool:
    """Whether two names, as typed, name the same person: case and runs of spaces ignored."""
    return " ".join(a.split()).lower() == " ".join(b.split()).lower()


def strip_transcript(report: Report) -> Report:
    """The report without words said: turn text and word timings, evidence quotes, words said in evidence notes
    (:meth:`~pipeline.types.Evidence.without_words`) and the shared key phrases go; timings and values stay."""
    from dataclasses import replace

    turns = tuple(replace(t, text="", words=()) for t in report.turns)
    indicators = tuple(
        replace(i, evidence=tuple(e.without_words() for e in i.evidence)) for i in report.indicators
    )
    return replace(report, turns=turns, indicators=indicators, shared_phrases=())


def _now(timespec: str = "seconds") -> str:
    return datetime.now(UTC).isoformat(timespec=timespec)


def _names(report: Report, consents: Sequence[ConsentRecord]) -> dict[str, str]:
    """Speaker label -> name: a display name the user gave, else the consenting person of that role, else the label.

    A display name equal to the label is no name: :func:`pipeline.roles.assign_roles` sets it so.
    """
    by_role: dict[str, list[str]] = {}
    for c in consents:
        by_role.setdefault(c.role, []).append(c.participant)
    speakers_by_role: dict[str, list[str]] = {}
    for s in report.speakers:
        speakers_by_role.setdefault(s.role, []).append(s.label)
    names = {}
    for s in report.speakers:
        same_role = speakers_by_role[s.role]
        candidates = by_role.get(s.role, [])
        if s.display_name and s.display_name != s.label:
            names[s.label] = s.display_name
        elif len(same_role) == len(candidates) and s.role != "other":
            names[s.label] = candidates[same_role.index(s.label)]
        else:
            names[s.label] = s.label
    return names


# --------------------------------------------------------------------------
# The store
# --------------------------------------------------------------------------


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
            self.engine = _make_engine(self.url)
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
        measures = turn_measures(report.turns)
        names = _names(report, consents)
        if isinstance(recorded_on, date):
            recorded_on = recorded_on.isoformat()
        recorded_on = recorded_on or date.today().isoformat()
        session_id = uuid.uuid4().hex[:12]
        audio_written: Path | None = None
        audio_sha = audio_ext = None
        try:
            if keep_audio and audio_path is not None:
                src = Path(audio_path)
                audio_sha = report.sha256 or file_sha256(src)
                dest, new = self._put_audio(src, audio_sha)
                audio_ext = dest.suffix
                audio_written = dest if new else None
            with self.engine.begin() as conn:
                conn.execute(sessions_t.insert().values(
                    id=session_id, source_name=report.source_name, sha256=report.sha256,
                    options_key=reuse_key(report.options, pipeline_version=report.pipeline_version),
                    options_json=json.dumps(to_jsonable(report.options), sort_keys=True),
                    duration_s=float(report.duration_s), recorded_on=recorded_on,
                    stored_at=_now("microseconds"),  # orders two sessions stored within a second
                    input_kind=report.input_kind, model_name=report.model_name,
                    pipeline_version=report.pipeline_version, attribution_method=report.attribution_method,
                    attribution_confidence=report.attribution_confidence, keeps_transcript=keep_transcript,
                    keeps_audio=audio_sha is not None, audio_sha256=audio_sha, audio_ext=audio_ext,
                    report_json=json.dumps(to_jsonable(kept)),
                ))
                _insert(conn, participants_t, [
                    dict(session_id=session_id, label=s.label, role=s.role, role_source=s.role_source,
                         name=names[s.label]) for s in report.speakers])
                _insert(conn, consents_t, [
                    dict(session_id=session_id, participant=c.participant, role=c.role, keep_report=c.keep_report,
                         keep_transcript=c.keep_transcript, keep_audio=c.keep_audio, given_at=c.given_at,
                         recorded_by=c.recorded_by) for c in consents])
                _insert(conn, turns_t, [
                    dict(session_id=session_id, idx=t.index, speaker=t.speaker, role=t.role, start_s=t.start_s,
                         end_s=t.end_s, overlap=t.overlap, text=t.text if keep_transcript else None)
                    for t in report.turns])
                _insert(conn, turn_measures_t, [
                    dict(session_id=session_id, turn_idx=i, measure=m, value=v) for i, m, v in measures])
                _insert(conn, indicators_t, [
                    dict(session_id=session_id, indicator_id=i.id, name=i.name, value=i.value, unit=i.unit,
                         band_low=i.band_low, band_high=i.band_high, confidence=i.confidence,
                         available=i.available, category=i.category,
                         ci_low=i.ci95[0] if i.ci95 else None, ci_high=i.ci95[1] if i.ci95 else None)
                    for i in report.indicators])
                _insert(conn, evidence_t, _evidence_rows(session_id, kept, keep_transcript=keep_transcript))
                conn.execute(audit_t.insert().values(at=_now(), action="stored", session_id=session_id,
                                                     actor=actor or consents[0].recorded_by))
        except BaseException as err:
            if audio_written is not None:
                audio_written.unlink(missing_ok=True)
            if isinstance(err, sa.exc.IntegrityError) and ("uq_sessions" in str(err) or "sessions.sha256" in str(err)):
                raise StoreError(f"{report.source_name} is already stored with these options "
                                 f"(session {self.find(report.sha256, report.options)}).") from err
            if isinstance(err, sa.exc.SQLAlchemyError):
                raise StoreError(f"Storing {report.source_name} failed and nothing was kept: {err.orig or err}") \
                    from err
            raise
        return session_id

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
            return report_from_dict(json.loads(self._row(conn, session_id)["report_json"]))

    def indicators(self, session_id: str) -> tuple[Indicator, ...]:
        """A session's indicators from their table, with their 95 % intervals, without evidence or explanations.

        In id order.

        Cheap (one small query, no report to parse): enough for cards and
        feedback across many sessions (:func:`pipeline.library.followup`).
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
                                   given_at=r["given_at"], recorded_by=r["recorded_by"]) for r in rows)

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

    def delete(self, session_id: str, *, actor: str = "") -> str:
        """Remove a session with its transcript, audio and derived data; log that it was deleted.

        Returns the deleted session's id. The audio file is removed too unless
        another stored session (same recording, other options) still refers to it.
        """
        with self.engine.begin() as conn:
            row = self._row(conn, session_id)
            sid = row["id"]
            for t in SESSION_TABLES:
                col = t.c.id if t is sessions_t else t.c.session_id
                conn.execute(t.delete().where(col == sid))
            conn.execute(audit_t.insert().values(at=_now(), action="deleted", session_id=sid,
                                                 actor=actor or _user()))
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

    def limit(self, session_id: str, *, participant: str, keep_transcript: bool, keep_audio: bool,
              actor: str = "") -> tuple[bool, bool]:
        """Narrow one participant's consent and drop what it no longer allows, in one transaction.

        A consent can only be narrowed here: what the participant allowed before
        and still allows is kept (widening needs a new consent, given again).
        When the session may no longer keep the transcript, the words said go
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
        with self.engine.begin() as conn:
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
                stripped = strip_transcript(report_from_dict(json.loads(row["report_json"])))
                values.update(keeps_transcript=False, report_json=json.dumps(to_jsonable(stripped)))
                conn.execute(turns_t.update().where(turns_t.c.session_id == sid).values(text=None))
                # the evidence rows again, as save writes them without a transcript (quotes and words said gone)
                conn.execute(evidence_t.delete().where(evidence_t.c.session_id == sid))
                _insert(conn, evidence_t, _evidence_rows(sid, stripped, keep_transcript=False))
            if row["keeps_audio"] and not audio_ok:
                values.update(keeps_audio=False, audio_sha256=None, audio_ext=None)
            if values:
                conn.execute(sessions_t.update().where(sessions_t.c.id == sid).values(**values))
            conn.execute(audit_t.insert().values(at=_now(), action="limited", session_id=sid,
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
            Applied to every transcript text and quote (e.g. :func:`pipeline.redact.redactor`).
        """
        import pandas as pd

        report = self.load_report(session_id)
        with self.engine.connect() as conn:
            row = self._row(conn, session_id)
            sid = row["id"]
            people = [dict(r) for r in conn.execute(sa.select(participants_t.c.label, participants_t.c.role,
                                                              participants_t.c.name)
                                                    .where(participants_t.c.session_id == sid)).mappings()]
            measures = pd.read_sql(sa.select(turns_t.c.speaker, turn_measures_t.c.turn_idx, turn_measures_t.c.measure,
                                             turn_measures_t.c.value)
                                   .join(turns_t, sa.and_(turns_t.c.session_id == turn_measures_t.c.session_id,
                                                          turns_t.c.idx == turn_measures_t.c.turn_idx))
                                   .where(turn_measures_t.c.session_id == sid), conn)
        labels = None
        if participant is not None:
            labels = {p["label"] for p in people if participant in (p["name"], p["label"])}
            if not labels:
                raise StoreError(f"No participant {participant!r} in session {sid}: "
                                 f"choose one of {', '.join(p['name'] for p in people)}.")
            report = _only_speakers(report, labels)
            measures = measures[measures["speaker"].isin(labels)]
        if redact is not None:
            report = _redact_report(report, redact)
        data = {
            "session": {k: row[k] for k in ("id", "source_name", "sha256", "duration_s", "recorded_on", "stored_at",
                                            "model_name", "pipeline_version", "keeps_transcript", "keeps_audio")},
            "participants": people if labels is None else [p for p in people if p["label"] in labels],
            "consents": [to_jsonable(c) for c in self.consents(sid)],
            "turn_measures": measures.to_dict(orient="records"),
            "report": to_jsonable(report),
            "redacted": redact is not None,
        }
        out = Path(out_path)
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
        os.close(fd)
        try:
            with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as z:
                z.writestr("session.json", json.dumps(data, indent=2))
                if row["keeps_transcript"]:
                    z.writestr("transcript.vtt", to_vtt(cues_from_turns(report.turns)))
                audio = self.audio_path(sid)
                if audio is not None and audio.exists() and labels is None and redact is None:
                    z.write(audio, f"recording{audio.suffix}")
            os.replace(tmp, out)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        with self.engine.begin() as conn:
            conn.execute(audit_t.insert().values(at=_now(), action="exported", session_id=sid, actor=actor or _user()))
        return out

    def export_bytes(self, session_id: str, *, participant: str | None = None,
                     redact: Callable[[str], str] | None = None, actor: str = "") -> bytes:
        """:meth:`export` as the bytes of the zip (for a download button); the temporary file is removed."""
        with tempfile.TemporaryDirectory(prefix="rapport-export-") as tmp:
            out = self.export(session_id, Path(tmp) / "export.zip", participant=participant, redact=redact,
                              actor=actor)
            return out.read_bytes()


def _user() -> str:
    try:
        return os.getlogin()
    except OSError:
        return os.environ.get("USER", "unknown")


def _evidence_rows(session_id: str, report: Report, *, keep_transcript: bool) -> list[dict]:
    """Rows of the evidence table for ``report``'s indicators (already stripped where no transcript is kept)."""
    return [dict(session_id=session_id, indicator_id=i.id, rank=r, start_s=e.start_s, end_s=e.end_s,
                 speaker=e.speaker, quote=e.quote if keep_transcript else None, note=e.note)
            for i in report.indicators for r, e in enumerate(i.evidence)]


def _insert(conn, table: sa.Table, rows: list[dict]) -> None:
    if rows:
        conn.execute(table.insert(), rows)


def _only_speakers(report: Report, labels: set[str]) -> Report:
    from dataclasses import replace

    return replace(
        report,
        speakers=tuple(s for s in report.speakers if s.label in labels),
        turns=tuple(t for t in report.turns if t.speaker in labels),
        indicators=tuple(replace(i, evidence=tuple(e for e in i.evidence if e.speaker in labels))
                         for i in report.indicators),
        shared_phrases=tuple(p for p in report.shared_phrases if labels & {p.first_speaker, p.taken_up_by}),
    )


def _redact_report(report: Report, redact: Callable[[str], str]) -> Report:
    from dataclasses import replace

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
    return replace(report, turns=tuple(turns), indicators=indicators, shared_phrases=phrases)


# --------------------------------------------------------------------------
# Engine and migrations
# --------------------------------------------------------------------------


def _make_engine(url: str) -> sa.Engine:
    u = sa.engine.make_url(url)
    if u.get_backend_name() != "sqlite":
        return sa.create_engine(url, pool_pre_ping=True)
    if u.database and u.database != ":memory:":
        Path(u.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = sa.create_engine(url, connect_args={"timeout": 30})

    @sa.event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn, _record):
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA secure_delete=ON")  # deleted content is overwritten, not left in free pages
        cur.close()

    return engine


def alembic_config(engine_or_url: sa.Engine | str | None = None):
    """An Alembic ``Config`` for the migrations shipped inside the package (works from an installed wheel)."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if isinstance(engine_or_url, str):
        cfg.set_main_option("sqlalchemy.url", engine_or_url.replace("%", "%%"))
    return cfg


def upgrade(engine: sa.Engine, revision: str = "head") -> None:
    """Run the migrations up to ``revision`` on ``engine``'s database."""
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


# --------------------------------------------------------------------------
# Analyse-and-store entry
# --------------------------------------------------------------------------


def consents_from_choices(
    participants: Iterable[tuple[str, str]], *, keep: str, recorded_by: str, given_at: str | None = None
) -> tuple[ConsentRecord, ...]:
    """Consent records from the app's consent form or ``rapport batch --consent``.

    Parameters
    ----------
    participants : iterable of (name, role)
        Who consented, e.g. ``[("Alex", "mentor"), ("Sam", "mentee")]``; empty names are skipped.
    keep : {"report", "transcript", "audio"}
        What may be kept; each level includes the ones before it.
    recorded_by : str
        Who recorded the consent (the person uploading).
    given_at : str, optional
        ISO 8601 time; default now (UTC).
    """
    from pipeline.types import KEEP_LEVELS

    if keep not in KEEP_LEVELS:
        raise StoreError(f"keep must be one of {', '.join(KEEP_LEVELS)}, got {keep!r}")
    level = KEEP_LEVELS.index(keep)
    when = given_at or _now()
    return tuple(
        ConsentRecord(name.strip(), role.strip(), keep_report=True, keep_transcript=level >= 1, keep_audio=level >= 2,
                      given_at=when, recorded_by=recorded_by)
        for name, role in participants if name and name.strip()
    )


def save_upload(
    store: Store, report: Report, *, consents: Sequence[ConsentRecord], data: bytes | None, suffix: str = ""
) -> tuple[str, bool]:
    """Keep an analysed upload in the store as the consents allow; the temporary audio file is always removed.

    Returns
    -------
    (session_id, created)
        ``created`` is False when this content and options were already stored (nothing written).
    """
    existing = store.find(report.sha256, report.options)
    if existing:
        return existing, False
    _, keep_audio = effective_consent(consents)
    tmp: Path | None = None
    try:
        if keep_audio and data is not None:
            fd, name = tempfile.mkstemp(prefix="rapport-upload-", suffix="".join(c for c in suffix if c.isalnum() or c == ".")[:8])
            tmp = Path(name)
            with os.fdopen(fd, "wb") as f:
                f.write(data)
        return store.save(report, consents=consents, audio_path=tmp), True
    finally:
        if tmp is not None:
            tmp.unlink(missing_ok=True)


def analyze_and_store(
    path: str | os.PathLike,
    *,
    store: Store,
    consent: ConsentRecord | Iterable[ConsentRecord],
    analyze: Callable[..., Report],
    options: AnalyzeOptions = AnalyzeOptions(),
    recorded_on: date | str | None = None,
    progress: Callable[[str, float], None] | None = None,
) -> tuple[str, Report, bool]:
    """Analyse ``path`` and store the result, or serve it from the store if it is already there.

    Parameters
    ----------
    path : path
        Recording (or transcript) to analyse.
    store : Store
    consent : ConsentRecord or iterable of them
        Checked *before* any analysis: without consent nothing is computed or kept.
    options : AnalyzeOptions
    analyze : callable or None
        ``analyze(path, options=..., progress=...) -> Report``; None uses
        :func:`pipeline.orchestrate.analyze_file`. A parameter so a caller can
        pass a model-holding or instrumented function.
    recorded_on : date, ISO string or None
        Date of the session; None: the file's modification date.
    progress : callable or None
        ``progress(stage, fraction)``.

    Returns
    -------
    (session_id, report, reused) : tuple of (str, Report, bool)
        ``reused`` is True when the same file with the same options was already
        stored and no analysis ran.
    """
    consents = (consent,) if isinstance(consent, ConsentRecord) else tuple(consent)
    effective_consent(consents)
    path = Path(path)
    if not path.is_file():
        raise StoreError(f"{path} is not a file: give the path of a recording.")
    sha = file_sha256(path)
    existing = store.find(sha, options)
    if existing is not None:
        return existing, store.load_report(existing), True
    report = analyze(path, options=options, progress=progress)
    if recorded_on is None:
        recorded_on = date.fromtimestamp(path.stat().st_mtime)
    sid = store.save(report, consents=consents, audio_path=path if report.input_kind == "audio" else None,
                     recorded_on=recorded_on)
    return sid, report, False
