"""Several writers on one library at once, on SQLite and on PostgreSQL: nothing lost, nothing twice, no error.

The load test runs 4 writer processes (a batch's store writes: ``Store.save`` in a loop) and 2 app sessions
(threads doing what the app's upload does: ``save_upload`` with consents and the recording, then listing the
library) against one fresh library, all opening it at the same moment (so they also race to migrate it), and all
trying to store one same recording with the same options. Reports come from the sample sessions' truth files
(no speech model). Afterwards every session is stored exactly once and whole, and no error reached a caller.
"""

from __future__ import annotations

import dataclasses
import hashlib
import multiprocessing
import os
import shutil
import subprocess
import sys
import threading
import time

import pytest
import sqlalchemy as sa

from pipeline.library.intake import save_upload
from pipeline.library.store import Store, file_sha256

from .conftest import ROOT, SAMPLE_NAMES, SAMPLES
from .storehelp import consent_pair, report_from_truth

WRITERS, PER_WRITER = 4, 8
APP_SESSIONS, PER_APP = 2, 4


def _recording(tag: str) -> bytes:
    """The bytes of another recording: the matched sample with ``tag`` after its last frame (still that audio)."""
    return (SAMPLES / "matched.flac").read_bytes() + tag.encode()


def _variant(base, tag: str):
    """``base`` as the report of :func:`_recording` ``(tag)``: its content hash and name, the same turns."""
    return dataclasses.replace(base, sha256=hashlib.sha256(_recording(tag)).hexdigest(), source_name=f"{tag}.flac")


def _writer(url: str, data_dir: str, reports, shared, start_at: float) -> dict:
    """One batch-like process: open the library, store its reports, then the shared recording."""
    from pipeline.library import retry

    while time.time() < start_at:  # all open the library together
        time.sleep(0.005)
    out = {"ids": [], "shared": None, "errors": []}
    try:
        with Store(url, data_dir=data_dir) as store:
            for i, r in enumerate(reports):
                try:
                    out["ids"].append((r.sha256, store.save(r, consents=consent_pair(), recorded_on=f"2025-04-{i + 1:02d}")))
                except Exception as err:  # noqa: BLE001 - every error is a failure of the test, reported whole
                    out["errors"].append(repr(err))
            out["shared"] = save_upload(store, shared, consents=consent_pair(), data=None)
    except Exception as err:  # noqa: BLE001
        out["errors"].append(repr(err))
    out["retries"] = retry.retries_seen()
    return out


def _app_session(url, data_dir, reports, shared, start_at: float, out: dict) -> None:
    """What the app does for one user: upload recordings with consents (audio kept), list the library."""
    out.update(ids=[], shared=None, errors=[], listed=0)
    try:
        while time.time() < start_at:
            time.sleep(0.005)
        with Store(url, data_dir=data_dir) as store:
            for r in (*reports, shared):
                sid, created = save_upload(store, r, consents=consent_pair(), data=_recording(r.source_name[:-5]),
                                           suffix=".flac")
                if r is shared:
                    out["shared"] = (sid, created)
                else:
                    assert created, f"{r.source_name} was reported as already stored"
                    out["ids"].append((r.sha256, sid))
                out["listed"] = max(out["listed"], len(store.list_sessions()))
                assert store.consents(sid) == consent_pair()
    except Exception as err:  # noqa: BLE001
        out["errors"].append(repr(err))


def _per_session_rows(store: Store) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {}
    with store.engine.connect() as conn:
        for table in ("turns", "indicators", "consents", "participants", "turn_measures"):
            for sid, n in conn.execute(sa.text(f"select session_id, count(*) from {table} group by session_id")):
                counts.setdefault(sid, {})[table] = n
    return counts


def test_writers_and_app_sessions_at_once_lose_nothing(library, truths):
    bases = [report_from_truth(truths[n], source_name=f"{n}.flac", sha256=file_sha256(SAMPLES / f"{n}.flac"))
             for n in SAMPLE_NAMES]
    plan = {w: [_variant(bases[(w + i) % len(bases)], f"writer{w}-{i}") for i in range(PER_WRITER)]
            for w in range(WRITERS)}
    app_plan = {a: [_variant(bases[0], f"upload{a}-{i}") for i in range(PER_APP)] for a in range(APP_SESSIONS)}
    shared = _variant(bases[0], "same-recording")
    start_at = time.time() + 1.5  # time for the processes to start; then all open the library together
    url, data_dir = library.url, str(library.data_dir)

    began = time.monotonic()
    with multiprocessing.get_context("fork").Pool(WRITERS) as pool:
        pending = [pool.apply_async(_writer, (url, data_dir, plan[w], shared, start_at)) for w in range(WRITERS)]
        apps = [{} for _ in range(APP_SESSIONS)]
        threads = [threading.Thread(target=_app_session, args=(url, data_dir, app_plan[a], shared, start_at,
                                                               apps[a])) for a in range(APP_SESSIONS)]
        for t in threads:
            t.start()
        writers = [p.get(timeout=300) for p in pending]
        for t in threads:
            t.join(timeout=300)
    seconds = time.monotonic() - began - 1.5

    assert [w["errors"] for w in writers] == [[]] * WRITERS, "an error reached a writer"
    assert [a["errors"] for a in apps] == [[]] * APP_SESSIONS, "an error reached an app session"
    # the same recording, stored by six callers at once: one session, each caller got its id; one created it
    shared_results = [w["shared"] for w in writers] + [a["shared"] for a in apps]
    assert len({sid for sid, _ in shared_results}) == 1
    assert sum(created for _, created in shared_results) == 1

    expected = {sha: sid for w in writers for sha, sid in w["ids"]} | {sha: sid for a in apps for sha, sid in a["ids"]}
    expected[shared.sha256] = shared_results[0][0]
    n_sessions = WRITERS * PER_WRITER + APP_SESSIONS * PER_APP + 1
    assert len(expected) == len(set(expected.values())) == n_sessions
    reports = {r.sha256: r for r in [*sum(plan.values(), []), *sum(app_plan.values(), []), shared]}
    with library.store() as store:
        listed = store.list_sessions()
        assert sorted((s.sha256, s.session_id) for s in listed) == sorted(expected.items())  # each exactly once
        rows = _per_session_rows(store)
        for s in listed:  # none partial
            r = reports[s.sha256]
            assert rows[s.session_id] == {"turns": len(r.turns), "indicators": len(r.indicators), "consents": 2,
                                          "participants": len(r.speakers),
                                          "turn_measures": len(r.turn_measures) * 4}, s.source_name
            assert store.load_report(s.session_id).turns == r.turns
            if s.keeps_audio:
                assert store.audio_bytes(s.session_id) == _recording(s.source_name[:-5])
        shared_by_app = any(a["shared"][1] for a in apps)  # an upload keeps the recording, a writer has none
        assert sum(s.keeps_audio for s in listed) == APP_SESSIONS * PER_APP + shared_by_app
        assert [a for _, a, _, _ in store.audit_log()] == ["stored"] * n_sessions
        if library.backend == "sqlite":
            with store.engine.connect() as conn:
                assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    retries = sum(w["retries"] for w in writers)
    print(f"\n{library.backend}: {n_sessions} sessions by {WRITERS} processes and {APP_SESSIONS} app sessions "
          f"in {seconds:.1f} s; {retries} retries in the writer processes")


def _cli(*args):
    return subprocess.Popen([sys.executable, "-m", "pipeline.run.cli", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})


def test_two_batch_runs_at_once_into_one_library(library, tmp_path):
    """Two ``rapport batch`` runs over the same folder at the same time: each recording is stored once."""
    folder = tmp_path / "recordings"
    folder.mkdir()
    for n in SAMPLE_NAMES:
        shutil.copy(SAMPLES / f"{n}.flac", folder)
    args = ["batch", str(folder), "--db", library.url, "--data-dir", str(library.data_dir),
            "--consent", "Alex Morgan=mentor", "--consent", "Sam Lee=mentee", "--recorded-by", "coordinator",
            "--keep", "audio", "--analyze-fn", "tests.storehelp:truth_analyze", "--workers", "1"]
    runs = [_cli(*args) for _ in range(2)]
    outs = [p.communicate(timeout=600) for p in runs]
    for p, (out, err) in zip(runs, outs, strict=True):
        assert p.returncode == 0, err
        assert out.strip().splitlines()[-1].endswith(" 0 failed"), out
    stored = [int(out.strip().splitlines()[-1].split(": ")[1].split()[0]) for out, _ in outs]
    assert sum(stored) >= len(SAMPLE_NAMES)  # a file both analysed at once is stored by one, skipped by the other
    with library.store() as store:
        listed = store.list_sessions()
    assert sorted(s.source_name for s in listed) == sorted(f"{n}.flac" for n in SAMPLE_NAMES)
    assert all(s.keeps_audio for s in listed)


@pytest.mark.parametrize("message, transient", [
    ("database is locked", True), ("no such table: sessions", False)])
def test_only_a_busy_database_is_tried_again(message, transient):
    import sqlite3

    from pipeline.library import retry

    calls = []

    @retry.retry_transient(first_pause_s=0.001)
    def write():
        calls.append(1)
        if len(calls) < 3:
            raise sa.exc.OperationalError("INSERT", {}, sqlite3.OperationalError(message))
        return "done"

    if transient:
        assert write() == "done" and len(calls) == 3
    else:
        with pytest.raises(sa.exc.OperationalError, match="no such table"):
            write()
        assert len(calls) == 1


def _churn_keys(folder: str, seconds: float, tag: str) -> list[str]:
    """Make a session's two keys and destroy one (as a save that lost a race does), for ``seconds``; the kept ids."""
    from pipeline.library.keys import KeyStore

    keys, kept, end = KeyStore(folder, library_id="L", master_key=""), [], time.monotonic() + seconds
    while time.monotonic() < end:
        made = keys.create(f"{tag}-{len(kept)}", ("words", "audio"))
        keys.destroy([made["audio"].key_id])
        kept.append(made["words"].key_id)
    return kept


def _churn_process(folder: str, seconds: float) -> list[str] | str:
    try:
        return _churn_keys(folder, seconds, f"p{os.getpid()}")
    except Exception as err:  # noqa: BLE001 - reported whole to the test
        return repr(err)


def test_key_store_opened_by_threads_while_others_write_loses_no_key(tmp_path):
    """App sessions are threads of one process: one opening the key store while another writes a key, and batch
    processes checkpointing, lost keys just written or corrupted the file ("disk I/O error", "malformed"; 2-3 of 8
    such 2-second runs before), because opening made the file with a plain ``os.open``/``os.close`` and closing
    any descriptor of a file drops the whole process's POSIX locks on it, SQLite's included."""
    from pipeline.library.keys import KeyStore

    folder, seconds = str(tmp_path / "keys"), 3.0
    KeyStore(folder, library_id="L", master_key="")
    errors, in_threads = [], []

    def writer():
        try:
            in_threads.extend(_churn_keys(folder, seconds, "thread"))
        except Exception as err:  # noqa: BLE001
            errors.append(repr(err))

    def opener():
        end = time.monotonic() + seconds
        try:
            while time.monotonic() < end:
                KeyStore(folder, library_id="L", master_key="")
        except Exception as err:  # noqa: BLE001
            errors.append(repr(err))

    with multiprocessing.get_context("fork").Pool(2) as pool:
        pending = [pool.apply_async(_churn_process, (folder, seconds)) for _ in range(2)]
        threads = [threading.Thread(target=f) for f in (writer, opener, opener)]
        for t in threads:
            t.start()
        in_processes = [p.get(timeout=120) for p in pending]
        for t in threads:
            t.join(timeout=120)
    errors += [r for r in in_processes if isinstance(r, str)]
    assert errors == []
    made = in_threads + [k for r in in_processes for k in r]
    kept = KeyStore(folder, library_id="L", master_key="").key_ages()
    assert len(made) > 50 and [k for k in made if k not in kept] == []
    assert oct((tmp_path / "keys" / "keys.db").stat().st_mode & 0o777) == "0o600"
    assert sorted(p.name for p in (tmp_path / "keys").iterdir() if ".new" in p.name) == []  # no private copy left
