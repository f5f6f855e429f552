"""The session store's schema: its tables, the engine that opens a database, and the Alembic migrations.

The migrations in :mod:`pipeline.library.migrations` create exactly these tables (a test checks they agree);
:func:`upgrade` runs them whenever a store is opened.
"""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from pipeline.library.retry import write_transaction

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

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
    # ids of the session's keys in the key store (pipeline.library.keys); NULL: stored before sealing, not yet sealed
    sa.Column("words_key", sa.String(32), nullable=True),
    sa.Column("audio_key", sa.String(32), nullable=True),
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
    # server mode: the account of the person who consented (None on one person's machine); decides who sees it
    sa.Column("account", sa.String(64), nullable=True, index=True),
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

#: One row ``("library_id", <random hex>)``: what the key store files this library's keys under.
library_info_t = sa.Table(
    "library_info", metadata,
    sa.Column("name", sa.String(32), primary_key=True),
    sa.Column("value", sa.String(255), nullable=False),
)

# ---- server mode (issue 21): accounts, trainer -> mentor assignments, sign-in attempts. No session data here.

accounts_t = sa.Table(
    "accounts", metadata,
    sa.Column("name", sa.String(64), primary_key=True),
    sa.Column("role", sa.String(16), nullable=False),  # pipeline.types.AccountRole
    sa.Column("password_hash", sa.String(255), nullable=False),  # argon2id, PHC string; never the password
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.Column("disabled", sa.Boolean, nullable=False),
)

assignments_t = sa.Table(
    "assignments", metadata,
    sa.Column("trainer", sa.String(64), sa.ForeignKey("accounts.name", ondelete="CASCADE"), primary_key=True),
    sa.Column("mentor", sa.String(64), sa.ForeignKey("accounts.name", ondelete="CASCADE"), primary_key=True),
)

sign_ins_t = sa.Table(
    "sign_ins", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", sa.String(32), nullable=False, index=True),
    sa.Column("name", sa.String(64), nullable=False, index=True),  # as typed (normalised), not necessarily an account
    sa.Column("outcome", sa.String(8), nullable=False),  # "ok", "failed" or "refused" (rate limit)
    sa.Column("source", sa.String(16), nullable=False),  # "app" or "cli"
)

account_changes_t = sa.Table(
    "account_changes", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", sa.String(32), nullable=False),
    sa.Column("action", sa.String(16), nullable=False),  # pipeline.library.accounts.ChangeAction; never a password
    sa.Column("account", sa.String(64), nullable=False),
    sa.Column("detail", sa.String(64), nullable=False),  # the role given, or the mentor assigned; "" otherwise
    sa.Column("actor", sa.String(64), nullable=False),  # the admin who made the change ("" for the first admin)
)

#: Tables that hold a session's data (everything but the audit log).
SESSION_TABLES = (evidence_t, indicators_t, turn_measures_t, turns_t, consents_t, participants_t, sessions_t)


def make_engine(url: str) -> sa.Engine:
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


#: Key of the PostgreSQL advisory lock held while migrating (any fixed number: "rapport" in ASCII).
MIGRATION_LOCK_KEY = 0x7261_7070_6f72_74


def upgrade(engine: sa.Engine, revision: str = "head") -> None:
    """Run the migrations up to ``revision`` on ``engine``'s database, one process at a time: the migration holds
    the database's write lock (SQLite, :func:`~pipeline.library.retry.write_transaction`) or an advisory lock
    (PostgreSQL) until it commits, so processes that open a library at the same moment migrate it one after the
    other (the later ones find it done) instead of racing on ``CREATE TABLE``."""
    from alembic import command

    cfg = alembic_config()
    with write_transaction(engine) as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
