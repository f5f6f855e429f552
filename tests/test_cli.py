"""The `rapport` command: files written, progress on stderr, one clean line and exit 2 on bad input."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from .conftest import ROOT, SAMPLES


def run_cli(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "pipeline.cli", *args], capture_output=True, text=True,
                          cwd=cwd or ROOT, timeout=600)


def test_transcribe_writes_json_vtt_srt(tmp_path):
    out = tmp_path / "out"
    res = run_cli("transcribe", str(SAMPLES / "unmatched.flac"), "--model", "tiny.en", "--out", str(out))
    assert res.returncode == 0, res.stderr
    data = json.loads((out / "transcript.json").read_text())
    assert data["model"] == "tiny.en" and data["segments"]
    words = [w for s in data["segments"] for w in s["words"]]
    assert all(a["start_s"] <= b["start_s"] for a, b in zip(words, words[1:], strict=False))
    vtt = (out / "transcript.vtt").read_text()
    assert vtt.startswith("WEBVTT\n")
    assert re.search(r"^\d\d:\d\d:\d\d\.\d{3} --> \d\d:\d\d:\d\d\.\d{3}$", vtt, re.M)
    srt = (out / "transcript.srt").read_text()
    assert srt.startswith("1\n") and re.search(r"\d\d:\d\d:\d\d,\d{3} --> ", srt)
    assert "100%" in res.stderr, "progress bar reaches 100% on stderr"


def test_bad_input_one_line_exit_2(tmp_path):
    bad = tmp_path / "notes.wav"
    bad.write_text("not audio at all")
    res = run_cli("transcribe", str(bad), "--model", "tiny.en", "--out", str(tmp_path / "o"))
    assert res.returncode == 2
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("rapport: error: notes.wav:"), res.stderr
    assert "Traceback" not in res.stderr
    assert not (tmp_path / "o").exists()
