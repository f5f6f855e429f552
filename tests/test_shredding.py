"""Deletion that holds everywhere (issue #21): after `delete` or `limit --no-transcript`, no file of the library (the
database and its write-ahead log, the audio folder, the key folder) nor a backup of the database made before holds
the session's words or recording in readable form, because the keys that sealed them are destroyed.

Each test runs on SQLite and on the throw-away PostgreSQL server the suite starts (the ``library`` fixture,
``tests/backends.py``). On PostgreSQL ``files()`` is the server's whole data folder, shared by every test of the run,
so the phrase looked for carries a fresh random marker that no other test writes.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import shutil
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa

from pipeline.errors import StoreError
from pipeline.library.keys import KeyStore
from pipeline.library.sealing import Sealer
from pipeline.library.store import Store, file_sha256, sessions_t

from .conftest import SAMPLES
from .storehelp import consent_pair, readable_copies, report_from_truth

# ---- helpers ------------------------------------------------------------------------------------------------------

def _report(truths, name):
    path = SAMPLES / f"{name}.flac"
    return report_from_truth(truths[name], source_name=path.name, sha256=file_sha256(path))


def _two_sessions(store: Store, truths):
    """``(kept id, kept report, gone id, gone report, a phrase only the gone session holds, 4 KB of its audio)``."""
    keep_r, gone_r = _report(truths, "unmatched"), _report(truths, "matched")
    # the mentee's longest turn ends with words no other test (nor the other session) ever stores
    marker = f"the weekly planning meeting {uuid.uuid4().hex}"
    i = max(range(len(gone_r.turns)), key=lambda k: len(gone_r.turns[k].text))
    turns = list(gone_r.turns)
    turns[i] = dataclasses.replace(turns[i], text=f"{turns[i].text} {marker}")
    gone_r = dataclasses.replace(gone_r, turns=tuple(turns))
    keep_id = store.save(keep_r, consents=consent_pair(), audio_path=SAMPLES / "unmatched.flac")
    gone_id = store.save(gone_r, consents=consent_pair(), audio_path=SAMPLES / "matched.flac")
    phrase = turns[i].text
    raw = (SAMPLES / "matched.flac").read_bytes()
    audio_run = raw[len(raw) // 2: len(raw) // 2 + 4096]
    assert audio_run not in (SAMPLES / "unmatched.flac").read_bytes()
    return keep_id, keep_r, gone_id, gone_r, phrase.encode(), audio_run


def _sealed(store: Store, sid: str) -> dict:
    """The sessions row's sealed report and key ids, and the keys' raw bytes, as they are now."""
    with store.engine.connect() as conn:
        row = conn.execute(sa.select(sessions_t.c.report_json, sessions_t.c.words_key, sessions_t.c.audio_key)
                           .where(sessions_t.c.id == sid)).one()
    words = store.keys.get(row.words_key, session_id=sid, purpose="words")
    audio = store.keys.get(row.audio_key, session_id=sid, purpose="audio") if row.audio_key else None
    return dict(report_json=row.report_json, words_key=row.words_key, audio_key=row.audio_key, words=words,
                audio=audio)


def _where(library, store: Store, backup: Path) -> list[Path]:
    return [*library.files(), store.audio_dir, store.keys.folder, backup]


def _backup_opens(store: Store, sid: str, sealed: dict, backup: Path, phrase: bytes) -> None:
    """The positive case: the backup holds the sealed report (its start: a long value is split over pages), and
    the key store opens it to the phrase."""
    assert sealed["report_json"][:64].encode() in backup.read_bytes()
    assert phrase.decode() in Sealer(sid, sealed["words"]).open("report_json", sealed["report_json"])
    assert readable_copies([store.keys.folder], sealed["words"]), "the key is not in the key store"


def _backup_no_longer_opens(store: Store, sid: str, sealed: dict, backup: Path) -> None:
    """The sealed report is still in the backup, but its key is gone from the key store and from every file."""
    assert sealed["report_json"][:64].encode() in backup.read_bytes()
    with pytest.raises(StoreError, match="not in the key store"):
        store.keys.get(sealed["words_key"], session_id=sid, purpose="words")


# ---- delete and limit ---------------------------------------------------------------------------------------------

def test_delete_leaves_no_readable_copy_in_the_database_audio_keys_or_an_earlier_backup(library, truths, tmp_path):
    with Store(library.url, data_dir=library.data_dir) as store:
        keep_id, keep_r, gone_id, gone_r, phrase, audio_run = _two_sessions(store, truths)
        sealed = _sealed(store, gone_id)
        library.checkpoint()
        backup = library.backup(tmp_path / "before.db")
        where = _where(library, store, backup)
        # Before: nothing readable as it lies, but the backup plus the key store give the words and the recording.
        assert readable_copies(where, phrase) == [] and readable_copies(where, audio_run) == []
        _backup_opens(store, gone_id, sealed, backup, phrase)
        assert audio_run in store.audio_bytes(gone_id)
        assert readable_copies([store.keys.folder], sealed["audio"])

        store.delete(gone_id, actor="trainer")
        library.checkpoint()

        for secret in (phrase, audio_run, sealed["words"], sealed["audio"]):
            assert readable_copies(where, secret) == [], "a deleted session's words, audio or key can be read"
        _backup_no_longer_opens(store, gone_id, sealed, backup)
        assert not store.audio_path(keep_id).with_name(f"{gone_id}.flac.sealed").exists()
        # The other session is untouched.
        assert store.load_report(keep_id) == keep_r
        assert store.audio_bytes(keep_id) == (SAMPLES / "unmatched.flac").read_bytes()
        assert [a for _, a, s, _ in store.audit_log() if s == gone_id] == ["stored", "deleted"]


def _limit_with_cli(library, sid: str) -> None:
    from pipeline.run.cli import main

    assert main(["limit", sid, "--participant", "Sam Lee", "--no-transcript", "--db", library.url,
                 "--data-dir", str(library.data_dir)]) == 0


@pytest.mark.parametrize("how", ["store", "cli"])
def test_limit_no_transcript_leaves_no_readable_words_even_in_an_earlier_backup(library, truths, tmp_path, how):
    with Store(library.url, data_dir=library.data_dir) as store:
        keep_id, keep_r, sid, r, phrase, audio_run = _two_sessions(store, truths)
        sealed = _sealed(store, sid)
        library.checkpoint()
        backup = library.backup(tmp_path / "before.db")
        _backup_opens(store, sid, sealed, backup, phrase)
        audio = store.audio_path(sid)
        assert audio.exists()

        if how == "store":
            assert store.limit(sid, participant="Sam Lee", keep_transcript=False, keep_audio=True) == (False, False)
        else:
            _limit_with_cli(library, sid)
        library.checkpoint()

        where = _where(library, store, backup)
        for secret in (phrase, audio_run, sealed["words"], sealed["audio"]):
            assert readable_copies(where, secret) == [], "limited words, audio or their key can still be read"
        _backup_no_longer_opens(store, sid, sealed, backup)
        assert not audio.exists() and store.audio_path(sid) is None and store.audio_bytes(sid) is None
        # What is left is sealed with a fresh key and reads back: timings and measures, no words.
        now = _sealed(store, sid)
        assert now["words_key"] != sealed["words_key"] and now["audio_key"] is None
        kept = store.load_report(sid)
        assert all(t.text == "" and t.words == () for t in kept.turns)
        assert [(t.start_s, t.end_s) for t in kept.turns] == [(t.start_s, t.end_s) for t in r.turns]
        assert [i.value for i in kept.indicators] == [i.value for i in r.indicators]
        assert store.load_report(keep_id) == keep_r
        assert store.audio_bytes(keep_id) == (SAMPLES / "unmatched.flac").read_bytes()


def test_limit_no_audio_destroys_the_audio_key_and_keeps_the_words(library, truths):
    with Store(library.url, data_dir=library.data_dir) as store:
        _, _, sid, r, phrase, audio_run = _two_sessions(store, truths)
        sealed = _sealed(store, sid)
        sealed_file = store.audio_path(sid).read_bytes()
        assert store.limit(sid, participant="Alex Morgan", keep_transcript=True, keep_audio=False) == (True, False)
        assert readable_copies([store.keys.folder, *library.files()], sealed["audio"]) == []
        assert readable_copies([store.audio_dir], sealed_file[-4096:]) == []
        assert _sealed(store, sid)["words_key"] == sealed["words_key"] and store.load_report(sid) == r


# ---- sealing: what it binds, libraries from before, the key store ---------------------------------------------------

def test_a_sealed_value_moved_to_another_session_does_not_open(library, truths):
    with Store(library.url, data_dir=library.data_dir) as store:
        a, _, b, _, _, _ = _two_sessions(store, truths)
        with store.engine.begin() as conn:
            theirs = conn.execute(sa.select(sessions_t.c.report_json).where(sessions_t.c.id == b)).scalar()
            conn.execute(sessions_t.update().where(sessions_t.c.id == a).values(report_json=theirs))
        with pytest.raises(StoreError, match=f"report_json of session {a} does not open"):
            store.load_report(a)
        with pytest.raises(StoreError, match="does not open"):  # nor with the other session's own key
            Sealer(a, _sealed(store, b)["words"]).open("report_json", theirs)


def _as_older_version(library, store_dir: Path) -> None:
    """Take the library back to migration 0004 (plain words, plain recordings named by hash), as the version
    before sealing wrote it."""
    from alembic import command

    from pipeline.library.store import alembic_config

    cfg = alembic_config()
    with Store(library.url, data_dir=store_dir, migrate=False) as s:
        cfg.attributes.update(key_store=s.keys, audio_dir=s.audio_dir)
        with s.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0004")
        for f in s.audio_dir.rglob("*.sealed"):
            f.unlink()
    library.checkpoint()


def test_a_library_stored_before_sealing_reads_the_same_and_is_sealed_when_opened(library, truths):
    with Store(library.url, data_dir=library.data_dir) as store:
        keep_id, keep_r, gone_id, gone_r, phrase, audio_run = _two_sessions(store, truths)
    _as_older_version(library, library.data_dir)
    audio_dir = library.data_dir / "audio"
    # The older version's library: words and recordings in plain (the test would fail if sealing were a no-op).
    assert readable_copies(library.files(), phrase) and readable_copies([audio_dir], audio_run)

    with Store(library.url, data_dir=library.data_dir) as store:
        assert store.load_report(keep_id) == keep_r and store.load_report(gone_id) == gone_r
        assert store.audio_bytes(gone_id) == (SAMPLES / "matched.flac").read_bytes()
        library.checkpoint()
        # PostgreSQL keeps the older version's plain rows as dead row versions and in its write-ahead log until a
        # VACUUM FULL and the log's recycling (docs/security.md says to run it after the upgrade): there the tables'
        # live content is checked; on SQLite (secure_delete) the files themselves.
        with store.engine.connect() as conn:
            live = "\n".join(str(v) for t in ("sessions", "turns", "evidence")
                             for row in conn.execute(sa.text(f"select * from {t}")) for v in row)
        assert phrase.decode() not in live
        files = library.files() if library.backend == "sqlite" else []
        assert readable_copies([*files, audio_dir], phrase) == []
        assert readable_copies([audio_dir], audio_run) == []
        assert sorted(p.name for p in audio_dir.rglob("*") if p.is_file()) == sorted(
            [f"{keep_id}.flac.sealed", f"{gone_id}.flac.sealed"])
        store.delete(gone_id)
        assert readable_copies([*files, audio_dir, store.keys.folder], phrase) == []


def test_a_missing_key_store_is_an_error_that_says_how_to_restore_it(library, truths, tmp_path):
    with Store(library.url, data_dir=library.data_dir) as store:
        store.save(_report(truths, "matched"), consents=consent_pair())
        keys = store.keys.folder
    shutil.move(keys, tmp_path / "elsewhere")
    with pytest.raises(StoreError, match=r"key store at .*keys\.db is missing.*restore the key folder"):
        Store(library.url, data_dir=library.data_dir)
    with Store(library.url, data_dir=library.data_dir, keys_dir=tmp_path / "elsewhere") as store:
        (summary,) = store.list_sessions()
        assert store.load_report(summary.session_id).turns[0].text


def test_a_master_key_wraps_every_key_so_the_key_file_alone_opens_nothing(library, truths, tmp_path):
    with Store(library.url, data_dir=library.data_dir) as store:  # made without a master key
        _, _, sid, r, phrase, _ = _two_sessions(store, truths)
        raw = _sealed(store, sid)
    assert readable_copies([library.data_dir / "keys"], raw["words"])
    with Store(library.url, data_dir=library.data_dir, master_key="correct horse battery staple") as store:
        assert store.load_report(sid) == r  # wrapped on the way in
        assert readable_copies([store.keys.folder], raw["words"]) == []
        new_id = store.save(dataclasses.replace(r, sha256="1" * 64), consents=consent_pair())
        assert readable_copies([store.keys.folder], _sealed(store, new_id)["words"]) == []
    with pytest.raises(StoreError, match="protected by a master key: set RAPPORT_MASTER_KEY"):
        Store(library.url, data_dir=library.data_dir, master_key="")
    with pytest.raises(StoreError, match="RAPPORT_MASTER_KEY does not open the key store"):
        Store(library.url, data_dir=library.data_dir, master_key="wrong")


def _make_keys(folder: str, n: int) -> list[str]:
    keys = KeyStore(folder, library_id="lib", master_key="")
    return [keys.create(f"s{i:03d}", ("words", "audio"))["words"].key_id for i in range(n)]


def test_several_processes_make_keys_in_one_key_store_at_once(tmp_path):
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(4) as pool:
        made = pool.starmap(_make_keys, [(str(tmp_path / "keys"), 15)] * 4)
    keys = KeyStore(tmp_path / "keys", library_id="lib", master_key="")
    assert len(keys.key_ages()) == 4 * 15 * 2
    assert oct((tmp_path / "keys" / "keys.db").stat().st_mode & 0o777) == "0o600"
    assert keys.destroy(k for ids in made for k in ids) == 60 and len(keys.key_ages()) == 60


def test_the_switch_to_wal_waits_for_another_process_holding_the_file(tmp_path):
    """CI once saw a batch of processes opening a new key store refused the switch to WAL at once ("database is
    locked": the busy timeout does not cover it). The switch is retried until the file is free."""
    import sqlite3
    import threading

    from pipeline.library.keys import _use_wal

    path = tmp_path / "keys.db"
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN EXCLUSIVE")
    conn = sqlite3.connect(path, timeout=0.05, isolation_level=None)
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        conn.execute("PRAGMA journal_mode=WAL")  # what a single try does while another holds the file
    release = threading.Timer(0.3, lambda: holder.execute("COMMIT"))
    release.start()
    _use_wal(conn)
    release.join()
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()
    holder.close()
