"""Same input, same numbers: the CLI, ``rapport batch`` and the app write the same report.json (issue 17).

One sample recording (Whisper tiny.en for speed) and one transcript go through ``rapport analyze``, ``rapport
batch`` (read back from the session library) and the app (its report.json download, via AppTest). The three
report.json files must be identical apart from the names people typed at consent (the CLI has none); after a role
swap in the app, its report.json must equal ``rapport analyze --mentor`` naming the other speaker.

Each of the twins the house issue found has a test here or next to the code it concerns:
1. the confidence cap travels with the report (``test_quality_cap_survives_a_role_edit``);
2. ``--no-encoder`` reaches the MFCC attribution (``test_no_encoder_uses_mfcc_and_loads_no_encoder``);
3. one report.json format (``test_cli_batch_and_app_write_the_same_report``);
4. one pace (``tests/test_presentation.py::test_prosody_frame_is_the_turn_measures``,
   ``tests/test_store_library.py``'s baseline test);
5. one question decision (``tests/test_presentation.py::test_one_question_decision_for_cards_transcript_csv_and_html``);
6. the app runs the pipeline once (``test_app_decodes_once_and_swaps_roles_from_stored_measures``).
"""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from pipeline.io.export import Cue, to_vtt
from pipeline.io.reportjson import read_report, report_from_json, report_json
from pipeline.types import AnalyzeOptions
from tests.test_app import consent

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
SAMPLE = ROOT / "sample_sessions" / "matched.flac"
TIMEOUT_S = 900


def _cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    res = subprocess.run([sys.executable, "-m", "pipeline.run.cli", *args], capture_output=True, text=True, cwd=ROOT,
                         env={**os.environ, **(env or {})}, timeout=900)
    assert res.returncode == 0, res.stderr
    return res


def _comparable(text: str) -> dict:
    """A report.json as data, without the names typed at consent (the CLI is given none), nor the CTranslate2
    threads it states: a batch worker shares the cores with the others (CTranslate2's default, stated as 0),
    a single analysis takes them all (issue 20); how the work was scheduled, not what was found."""
    data = json.loads(text)
    for s in data["speakers"]:
        s["display_name"] = ""
    if data.get("transcription"):
        data["transcription"]["cpu_threads"] = None
    return data


@pytest.fixture(scope="module")
def transcript_file(truths, tmp_path_factory) -> Path:
    cues = [Cue(t["start_s"], t["end_s"], t["text"], t["speaker"]) for t in truths["unmatched"]["turns"]]
    path = tmp_path_factory.mktemp("vtt") / "unmatched.vtt"
    path.write_text(to_vtt(cues), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def cli_reports(transcript_file, tmp_path_factory) -> dict[str, str]:
    out = tmp_path_factory.mktemp("cli")
    _cli("analyze", str(SAMPLE), "--model", "tiny.en", "--out", str(out / "audio"), "--quiet")
    _cli("analyze", str(SAMPLE), "--model", "tiny.en", "--mentor", "S2", "--out", str(out / "swapped"), "--quiet")
    _cli("analyze", str(transcript_file), "--out", str(out / "transcript"))
    return {k: (out / k / "report.json").read_text(encoding="utf-8") for k in ("audio", "swapped", "transcript")}


@pytest.fixture(scope="module")
def batch_reports(transcript_file, tmp_path_factory) -> dict[str, str]:
    from pipeline.library.store import Store

    folder = tmp_path_factory.mktemp("batch")
    (folder / SAMPLE.name).write_bytes(SAMPLE.read_bytes())
    (folder / transcript_file.name).write_bytes(transcript_file.read_bytes())
    data = tmp_path_factory.mktemp("batch-library")
    db = f"sqlite:///{data / 'rapport.db'}"
    _cli("batch", str(folder), "--model", "tiny.en", "--consent", "Alex=mentor", "--consent", "Sam=mentee",
         "--recorded-by", "Alex", "--keep", "transcript", env={"RAPPORT_DB": db, "RAPPORT_DATA_DIR": str(data)})
    with Store(db, data_dir=data) as store:
        by_name = {s.source_name: s.session_id for s in store.list_sessions()}
        assert set(by_name) == {SAMPLE.name, transcript_file.name}
        return {"audio": report_json(store.load_report(by_name[SAMPLE.name])),
                "transcript": report_json(store.load_report(by_name[transcript_file.name]))}


@pytest.fixture
def app_downloads(downloads, monkeypatch) -> dict[str, bytes]:
    """Every file the app hands to the browser, by media file id; the app on Whisper tiny.en."""
    monkeypatch.setenv("RAPPORT_ASR_MODEL", "tiny.en")
    return downloads


def _app_report_json(at: AppTest, seen: dict[str, bytes]) -> str:
    at.session_state["report_tab"] = "Downloads"
    at.run()
    assert not at.exception, at.exception
    url = next(b.proto.url for b in at.get("download_button") if b.proto.label == "report.json")
    return next(data for fid, data in seen.items() if fid in url).decode("utf-8")


def _app_upload(name: str, data: bytes, mime: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT_S).run()
    at.file_uploader(key="upload").upload(name, data, mime)
    at = consent(at.run(), mentor="Alex", mentee="Sam")
    assert not at.exception, at.exception
    return at


@pytest.mark.slow
def test_cli_batch_and_app_write_the_same_report(cli_reports, batch_reports, transcript_file, app_downloads,
                                                 monkeypatch):
    import pipeline.io.audio

    decoded = []
    real_load = pipeline.io.audio.load_audio
    monkeypatch.setattr(pipeline.io.audio, "load_audio", lambda *a, **k: decoded.append(1) or real_load(*a, **k))
    at = _app_upload(SAMPLE.name, SAMPLE.read_bytes(), "audio/flac")
    app_audio = _app_report_json(at, app_downloads)
    cli = _comparable(cli_reports["audio"])
    assert cli["turns"] and cli["turn_measures"] and cli["attribution"]["method"] == "segmentation"
    assert _comparable(batch_reports["audio"]) == cli
    assert _comparable(app_audio) == cli
    assert json.loads(app_audio)["speakers"][0]["display_name"] == "Alex"  # the app names people as consented

    # A role swap in the app re-measures from the stored turns: the same numbers as naming the mentor in the CLI,
    # and the audio is not decoded again.
    n_decoded = len(decoded)
    at.button(key="swap").click()
    at.run()
    assert not at.exception, at.exception
    swapped = _comparable(_app_report_json(at, app_downloads))
    assert swapped == _comparable(cli_reports["swapped"])
    assert swapped["indicators"] != cli["indicators"]
    assert len(decoded) == n_decoded

    # A transcript: the same through the three doors.
    at = _app_upload(transcript_file.name, transcript_file.read_bytes(), "text/vtt")
    app_vtt = _comparable(_app_report_json(at, app_downloads))
    assert app_vtt == _comparable(cli_reports["transcript"]) == _comparable(batch_reports["transcript"])


def test_report_json_round_trips(cli_reports, tmp_path):
    """One writer, one reader: what ``rapport analyze`` wrote reads back to a report that writes the same text."""
    for text in cli_reports.values():
        report = report_from_json(text)
        assert report_json(report) == text
        (tmp_path / "report.json").write_text(text, encoding="utf-8")
        assert read_report(tmp_path / "report.json") == report


def test_report_states_how_it_was_transcribed(cli_reports):
    """Issue 20: the report says how Whisper ran: decoding mode, batch size, threads, device and compute type."""
    audio = report_from_json(cli_reports["audio"]).transcription
    assert audio is not None and audio.decoding == "batched"
    assert audio.batch_size >= 1 and audio.cpu_threads >= 1
    assert (audio.device, audio.compute_type) in (("cpu", "int8"), ("cuda", "float16"))
    assert report_from_json(cli_reports["transcript"]).transcription is None  # no Whisper for a transcript


def test_quality_cap_survives_a_role_edit(cli_reports, nlp):
    """Twin 1: a report whose words are doubtful keeps every indicator at "low" after a role edit."""
    from pipeline.report.edit import swap_roles, with_roles
    from pipeline.run.orchestrate import remeasure

    report = report_from_json(cli_reports["audio"])
    assert {i.confidence for i in report.indicators if i.available} > {"low"}  # an ordinary report has more
    doubtful = dataclasses.replace(report, transcript_unreliable=True)
    edited = with_roles(doubtful, swap_roles(doubtful), remeasure=lambda r: remeasure(r, nlp=nlp))
    assert edited.indicators != report.indicators
    assert {i.confidence for i in edited.indicators if i.available} == {"low"}
    plain = with_roles(report, swap_roles(report), remeasure=lambda r: remeasure(r, nlp=nlp))
    assert {i.confidence for i in plain.indicators if i.available} > {"low"}


def test_no_encoder_uses_mfcc_and_loads_no_encoder(asr_tiny, vad, nlp, monkeypatch, tmp_path):
    """Twin 2: ``--no-encoder`` (``speaker_embeddings=False``) reaches the MFCC attribution."""
    import models
    from pipeline.run.orchestrate import analyze_file

    def refuse():
        raise AssertionError("the speaker encoder was loaded although --no-encoder was given")

    monkeypatch.setattr(models, "load_speaker_encoder", refuse)
    report = analyze_file(SAMPLE, model=asr_tiny, vad=vad, nlp=nlp, out_dir=tmp_path,
                          options=AnalyzeOptions(model="tiny.en", speaker_embeddings=False))
    assert report.attribution_method == "mfcc" and report.options.speaker_embeddings is False
    assert json.loads((tmp_path / "report.json").read_text())["attribution"]["method"] == "mfcc"
    assert {s.label for s in report.speakers} == {"S1", "S2"}
