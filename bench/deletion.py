"""Deletion on disk: where a deleted session's words can still be read, on SQLite and on PostgreSQL.

Run from the repository root (PostgreSQL's server programs needed, as for the tests)::

    python bench/deletion.py                      # this version of the store
    python bench/deletion.py --code /path/to/old  # another checkout's ``pipeline`` (e.g. before crypto-shredding)

Two sessions from the sample truths, each with a turn ending in "the weekly planning meeting <random marker>",
are stored (recordings kept), a backup of the database is taken (SQLite backup API / ``pg_dump``), both sessions
are deleted and the database checkpointed. Printed, per backend: how many files hold the phrase in plain bytes
in the database's files (SQLite: the file and its WAL; PostgreSQL: the whole data folder, ``pg_wal`` included),
the audio folder, and the backup; and whether the backup can still be opened to the words (sealed stores: the
session's key is looked up in the key store after the delete).
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _with_marker(report, marker: str):
    i = max(range(len(report.turns)), key=lambda k: len(report.turns[k].text))
    turns = list(report.turns)
    turns[i] = dataclasses.replace(turns[i], text=f"{turns[i].text} {marker}")
    return dataclasses.replace(report, turns=tuple(turns))


def run(backend: str, work: Path, server) -> dict:
    import sqlite3

    import sqlalchemy as sa

    from pipeline.library.store import Store, file_sha256
    from tests.conftest import SAMPLES, load_truth
    from tests.storehelp import consent_pair, readable_copies, report_from_truth

    def _copies(paths, phrase: bytes) -> int:
        return len(readable_copies(paths, phrase))

    phrase = f"the weekly planning meeting {uuid.uuid4().hex[:12]}"
    if backend == "sqlite":
        db = work / "lib.db"
        url, files = f"sqlite:///{db}", lambda: [p for p in (db, Path(f"{db}-wal")) if p.exists()]
    else:
        url, files = server.url(server.create_database()), lambda: [server.data_dir]
    data = work / "data"
    with Store(url, data_dir=data) as store:
        ids = []
        for name in ("matched", "unmatched"):
            path = SAMPLES / f"{name}.flac"
            r = report_from_truth(load_truth(name), source_name=path.name, sha256=file_sha256(path))
            ids.append(store.save(_with_marker(r, phrase), consents=consent_pair(), audio_path=path))
        backup = work / "backup.db"
        if backend == "sqlite":
            with sqlite3.connect(db) as src, sqlite3.connect(backup) as out:
                src.backup(out)
        else:
            server.dump(sa.engine.make_url(url).database, backup)
        stored = _copies([*files(), data / "audio"], phrase.encode())
        for sid in ids:
            store.delete(sid)
        with store.engine.connect() as conn:
            conn.exec_driver_sql("CHECKPOINT" if backend == "postgresql" else "PRAGMA wal_checkpoint(TRUNCATE)")
        keys = getattr(store, "keys", None)
        opens = "yes (plain)" if _copies([backup], phrase.encode()) else "no"
        if keys is not None and opens == "no":
            opens = "no (keys destroyed)"
    return {"stored": stored, "db_after": _copies(files(), phrase.encode()),
            "audio_after": _copies([data / "audio"], phrase.encode()), "backup_plain": _copies([backup], phrase.encode()),
            "backup_opens": opens}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--code", help="checkout whose pipeline/ to measure (default: this one)")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    import tempfile

    from tests import pgserver  # this checkout's tests (the server, the sample truths); then the measured store

    if args.code:
        sys.path.insert(0, str(Path(args.code).resolve()))
    import pipeline

    server = pgserver.start()
    try:
        print(f"pipeline {pipeline.__version__} from {Path(pipeline.__file__).parent.parent}")
        print(f"{'backend':11s} {'files with phrase, stored':>26s} {'db after delete':>16s} {'audio after':>12s} "
              f"{'backup (plain)':>15s}  backup opens after delete")
        for backend in ("sqlite", "postgresql"):
            with tempfile.TemporaryDirectory() as tmp:
                r = run(backend, Path(tmp), server)
            print(f"{backend:11s} {r['stored']:>26d} {r['db_after']:>16d} {r['audio_after']:>12d} "
                  f"{r['backup_plain']:>15d}  {r['backup_opens']}")
    finally:
        server.stop()


if __name__ == "__main__":
    main()
