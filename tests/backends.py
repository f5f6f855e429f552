"""The session library on each database backend the store supports, for tests that must hold on both.

:class:`Library` is what the ``library`` fixture (``tests/conftest.py``) yields: a fresh, empty library on SQLite
or on the suite's throw-away PostgreSQL server (:mod:`tests.pgserver`), with the places its bytes live, so a test
can look for words on disk after a delete.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

from .pgserver import PgServer

BACKENDS = ("sqlite", "postgresql")


@dataclass(frozen=True)
class Library:
    """A fresh session library for one test.

    Attributes
    ----------
    backend : str
        ``"sqlite"`` or ``"postgresql"``.
    url : str
        SQLAlchemy URL of the library's database (``Store(library.url, data_dir=library.data_dir)``).
    data_dir : Path
        The library's data directory (the audio folder is ``data_dir / "audio"``).
    server : PgServer or None
        The PostgreSQL server (None on SQLite); ``database`` is this test's database on it.
    """

    backend: str
    url: str
    data_dir: Path
    server: PgServer | None = None
    database: str = ""

    def store(self, **kw):
        """A :class:`~pipeline.library.store.Store` on this library (close it, or use it as a context manager)."""
        from pipeline.library.store import Store

        return Store(self.url, data_dir=self.data_dir, **kw)

    @property
    def sqlite_file(self) -> Path:
        """The SQLite database file (SQLite only)."""
        assert self.backend == "sqlite", "only a SQLite library has a database file"
        return Path(sa.engine.make_url(self.url).database)

    def files(self) -> list[Path]:
        """Every place the database keeps its bytes, for a forensic search (:func:`tests.storehelp.readable_copies`).

        SQLite: the database file and its ``-wal``/``-shm``/``-journal`` files, where present. PostgreSQL: the
        server's whole data directory (tables, ``pg_wal``, ...). That server is shared by the whole test session
        (each test has its own database, but the WAL holds every test's writes), so a forensic test on
        PostgreSQL must look for a phrase no other test writes (e.g. one with a fresh uuid in it).
        """
        if self.backend == "sqlite":
            db = self.sqlite_file
            return [p for p in (db, *(db.with_name(db.name + s) for s in ("-wal", "-shm", "-journal"))) if p.exists()]
        return [self.server.data_dir]

    def backup(self, dest: str | Path) -> Path:
        """A backup of the database as it is now, written to ``dest``: SQLite's backup API, or ``pg_dump``."""
        dest = Path(dest)
        if self.backend == "postgresql":
            return self.server.dump(self.database, dest)
        dest.parent.mkdir(parents=True, exist_ok=True)
        src, out = sqlite3.connect(self.sqlite_file), sqlite3.connect(dest)
        try:
            src.backup(out)
        finally:
            out.close()
            src.close()
        return dest

    def checkpoint(self) -> None:
        """Write what the database holds in memory or its log out to its files (``CHECKPOINT`` / WAL checkpoint)."""
        if self.backend == "postgresql":
            self.server.sql("CHECKPOINT", database=self.database)
            return
        with sqlite3.connect(self.sqlite_file) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
