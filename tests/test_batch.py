"""Batch runs over a folder: sample sessions plus a corrupt file, worker processes, skips, failures, exit codes;
into a library on SQLite and on PostgreSQL."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from pipeline.run.batch import consent_for_file, default_workers, run_batch, summary_table
from pipeline.types import BatchOptions

from .conftest import ROOT, SAMPLE_NAMES, SAMPLES
from .storehelp import consent_pair, truth_analyze


@pytest.fixture
def folder(tmp_path):
    d = tmp_path / "recordings"
    d.mkdir()
    for n in SAMPLE_NAMES:
        shutil.copy(SAMPLES / f"{n}.flac", d)
        shutil.copy(SAMPLES / f"{n}.truth.json", d)
    (d / "corrupt.wav").write_bytes(b"RIFF\x00\x00\x00\x00WAVEfmt " + os.urandom(2000))
    (d / "notes.txt").write_text("not a recording: ignored")
    return d


class _Recorder:
    def __init__(self):
        self.started, self.files, self.items, self.closed = None, [], [], False

    def start(self, n, w):
        self.started = (n, w)

    def file(self, name, stage, fraction):
        self.files.append((name, stage, fraction))

    def done(self, item):
        self.items.append(item)

    def close(self):
        self.closed = True


def test_batch_stores_good_reports_bad_then_skips(folder, library, truths):
    rec = _Recorder()
    with library.store() as store:
        items = run_batch(folder, store=store, consent=consent_pair(), analyze=truth_analyze,
                          batch=BatchOptions(workers=1), progress=rec)
        assert [os.path.basename(i.path) for i in items] == ["corrupt.wav", "dual_channel.flac", "matched.flac",
                                                              "unmatched.flac"]
        status = {os.path.basename(i.path): i for i in items}
        assert status["corrupt.wav"].status == "failed" and "corrupt.wav" in status["corrupt.wav"].reason
        for n in SAMPLE_NAMES:
            item = status[f"{n}.flac"]
            assert item.status == "stored", item
            assert [(t.start_s, t.speaker) for t in store.load_report(item.session_id).turns] == [
                (t["start_s"], t["speaker"]) for t in truths[n]["turns"]]
        assert rec.started == (4, 1) and rec.closed and len(rec.items) == 4
        # Per-file progress came back from the worker process.
        assert {n for n, s, f in rec.files if s == "transcribing" and f == 1.0} == {
            f"{n}.flac" for n in SAMPLE_NAMES}
        assert len(store.list_sessions()) == 3

        again = run_batch(folder, store=store, consent=consent_pair(), analyze=truth_analyze,
                          batch=BatchOptions(workers=1))
        assert [i.status for i in again] == ["failed", "skipped", "skipped", "skipped"]
        assert {i.session_id for i in again[1:]} == {status[f"{n}.flac"].session_id for n in SAMPLE_NAMES}
        assert len(store.list_sessions()) == 3
    table = summary_table(items)
    assert table.splitlines()[-1] == "4 files: 3 stored, 0 skipped, 1 failed"
    assert "corrupt.wav" in table and "failed" in table


def test_batch_without_consent_fails_each_file_and_analyses_nothing(folder, library):
    (folder / "corrupt.wav").unlink()
    (folder / "matched.consent.json").write_text(
        '[{"participant": "Alex Morgan", "role": "mentor", "keep_transcript": true, "keep_audio": false,'
        ' "given_at": "2025-03-01T10:00:00+00:00", "recorded_by": "coordinator"}]')
    with library.store() as store:
        items = run_batch(folder, store=store, analyze=truth_analyze, batch=BatchOptions(workers=1))
        assert [i.status for i in items] == ["failed", "stored", "failed"]
        assert all("No consent record" in i.reason for i in items if i.status == "failed")
        (s,) = store.list_sessions()
        assert s.source_name == "matched.flac" and s.mentor == "Alex Morgan" and not s.keeps_audio
    assert [c.participant for c in consent_for_file(folder / "matched.flac", ())] == ["Alex Morgan"]


def test_two_core_machine_defaults_to_one_worker(monkeypatch):
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    assert default_workers() == 1
    monkeypatch.setattr(os, "cpu_count", lambda: 8)
    assert default_workers() == 4


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "pipeline.run.cli", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=600, env={**os.environ, "PYTHONPATH": str(ROOT)})


def test_cli_batch_exit_codes_then_export_and_delete(folder, tmp_path, library):
    store_args = ["--db", library.url, "--data-dir", str(library.data_dir)]
    consent = ["--consent", "Alex Morgan=mentor", "--consent", "Sam Lee=mentee", "--recorded-by", "coordinator",
               "--keep", "audio", "--analyze-fn", "tests.storehelp:truth_analyze", "--workers", "1"]
    res = _cli("batch", str(folder), *store_args, *consent)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip().splitlines()[-1] == "4 files: 3 stored, 0 skipped, 1 failed"
    assert "failed   corrupt.wav" in res.stderr and "100%" in res.stderr
    res = _cli("batch", str(folder), *store_args, *consent, "--strict")
    assert res.returncode == 1
    assert res.stdout.strip().splitlines()[-1] == "4 files: 0 stored, 3 skipped, 1 failed"

    res = _cli("sessions", *store_args)
    assert res.returncode == 0 and res.stdout.strip().splitlines()[-1].startswith("3 sessions")
    sid = res.stdout.splitlines()[1].split()[0]
    out = tmp_path / "export.zip"
    res = _cli("export", sid, *store_args, "--out", str(out))
    assert res.returncode == 0 and out.exists(), res.stderr
    # The mentee stops the audio being kept; naming nothing to drop is refused in one line.
    res = _cli("limit", sid[:6], *store_args, "--participant", "Sam Lee", "--no-audio")
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == f"session {sid} now keeps the report and the transcript; the audit log records the change"
    res = _cli("limit", sid, *store_args, "--participant", "Sam Lee")
    assert res.returncode == 2 and res.stderr.startswith("rapport: error: rapport limit: say what")
    res = _cli("delete", sid, *store_args, "--by", "trainer")
    assert res.returncode == 0 and sid in res.stdout
    res = _cli("delete", sid, *store_args)
    assert res.returncode == 2 and res.stderr.startswith("rapport: error: No stored session")
    res = _cli("sessions", *store_args)
    assert res.stdout.strip().splitlines()[-1].startswith("2 sessions")
