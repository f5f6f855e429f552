"""Untrusted text (speech, participant names, file names) never becomes markup or a path; logs hold no speech."""

from __future__ import annotations

import html
import json
import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.io.audio import load_audio
from pipeline.io.files import safe_stem
from pipeline.report import edit, htmlpage
from pipeline.run import orchestrate
from pipeline.types import AnalyzeOptions

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
FILE_NAME = f'{IMG}.json'


def hostile_turns_json() -> str:
    """A turns.json whose speaker labels and speech carry both payloads."""
    lines = [
        (SCRIPT, f"How is the project going? {IMG} Tell me about it."),
        (IMG, f"It is hard, {SCRIPT} I worry about the deadline next month."),
        (SCRIPT, "What worries you most about the deadline? This stays between us."),
        (IMG, f"That I will let the team down. {SCRIPT}"),
    ]
    turns = [{"speaker": s, "start_s": 4.0 * i, "end_s": 4.0 * i + 3.5, "text": t} for i, (s, t) in enumerate(lines)]
    return json.dumps({"turns": turns})


@pytest.fixture(scope="module")
def hostile_report(nlp):
    from models import load_syllable_table

    report = orchestrate.analyze_transcript(hostile_turns_json(), source_name=FILE_NAME, nlp=nlp,
                                            options=AnalyzeOptions(), syllable_table=load_syllable_table())
    return edit.with_names(report, {"mentor": SCRIPT, "mentee": IMG})


def test_html_report_shows_the_payloads_only_escaped(hostile_report):
    page = htmlpage.html_report(hostile_report)
    page = page.replace(htmlpage.vega_javascript(), "")  # the inlined library's own code (it builds tooltips)
    for payload in (SCRIPT, IMG, "<img", "onerror=alert(1)>"):
        assert payload not in page
    assert html.escape(SCRIPT) in page and html.escape(IMG) in page  # shown, as text
    # the only script elements are the page's own: the inlined Vega libraries and the chart loader
    assert page.count("<script>") == 2


def test_app_never_injects_html(hostile_report, monkeypatch):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("RAPPORT_ASR_MODEL", "tiny.en")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300).run()
    at.file_uploader(key="upload").upload(FILE_NAME, hostile_turns_json().encode(), "application/json")
    at.run()
    at.checkbox(key="agreed").set_value(True)
    at.text_input(key="mentor_name").set_value(SCRIPT)
    at.text_input(key="mentee_name").set_value(IMG)
    at.button[-1].click()
    at.run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    assert [h.value for h in at.header][:3] == ["At a glance", "Rapport indicators", "Who spoke when"]
    texts = []
    for kind in ("markdown", "caption", "success", "warning", "info", "subheader"):
        for el in at.get(kind):
            assert not getattr(el.proto, "allow_html", False), (kind, el.value)
            texts.append(el.value)
    assert not at.get("html")
    shown = "\n".join(texts)
    assert not re.search(r"(?<!\\)<", shown)  # every "<" is escaped as "\\<": markdown shows it as text
    assert "alert(1)" in shown.replace("\\", "")  # the text is there, escaped for markdown


def test_app_keeps_uploads_in_memory():
    # The app decodes uploads from bytes (load_audio(data)): no temporary file can be left behind.
    source = (ROOT / "app.py").read_text()
    assert "tempfile" not in source and "write_bytes" not in source and "open(" not in source


@pytest.mark.parametrize("name,stem", [("../../etc/passwd.wav", "passwd"), ("..", "session"),
                                       ("a\x00b\nc.wav", "a_b_c"), ("/abs/path/x.flac", "x"),
                                       ("..\\..\\windows\\win.ini", "windows_win"), (FILE_NAME, "img_src_x_onerror_alert_1")])
def test_upload_names_cannot_reach_the_file_system(name, stem, recordings):
    assert safe_stem(name) == stem
    assert "/" not in safe_stem(name) and "\x00" not in safe_stem(name)
    data = (ROOT / "sample_sessions" / "matched.flac").read_bytes()[:200_000]
    rec = load_audio(data, source_name=name)
    assert "/" not in rec.source_name and rec.source_name == (Path(name).name or "upload")


def test_stored_audio_is_named_by_session_not_by_upload_name(tmp_path, nlp):
    from pipeline.library.store import Store
    from pipeline.types import ConsentRecord

    src = tmp_path / "in" / "a\nb .wav"
    src.parent.mkdir()
    src.write_bytes((ROOT / "sample_sessions" / "matched.flac").read_bytes()[:50_000])
    report = orchestrate.analyze_transcript(hostile_turns_json(), source_name="../../etc/passwd.wav", nlp=nlp)
    from dataclasses import replace

    from pipeline.library.store import file_sha256

    report = replace(report, input_kind="audio", sha256=file_sha256(src))
    consent = [ConsentRecord(n, r, keep_report=True, keep_transcript=True, keep_audio=True,
                             given_at="2025-01-01T00:00:00+00:00", recorded_by="test")
               for n, r in ((SCRIPT, "mentor"), (IMG, "mentee"))]
    with Store(f"sqlite:///{tmp_path / 'r.db'}", data_dir=tmp_path / "data") as store:
        sid = store.save(report, consents=consent, audio_path=src, recorded_on="2025-01-01")
        kept = store.audio_path(sid)
    assert kept.parent.parent == tmp_path / "data" / "audio" and kept.name == f"{sid}.wav.sealed"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "in", "r.db"]
    assert sorted(p.name for p in (tmp_path / "data").iterdir()) == ["audio", "keys"]


def test_cli_default_output_folder_stays_under_rapport_out(tmp_path):
    odd = tmp_path / "in" / f"x\n{IMG} ..json"
    odd.parent.mkdir()
    odd.write_text(hostile_turns_json())
    work = tmp_path / "work"
    work.mkdir()
    proc = subprocess.run([sys.executable, "-m", "pipeline.run.cli", "analyze", str(odd)], cwd=work,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    made = [p.relative_to(work) for p in work.rglob("*")]
    assert {p.parts[0] for p in made} == {"rapport-out"}
    assert {p.parts[1] for p in made if len(p.parts) > 1} == {"x_img_src_x_onerror_alert_1"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "work"]


def test_logs_hold_no_transcript_text(asr_tiny, vad, speaker_encoder, nlp, recordings, caplog):
    caplog.set_level(logging.DEBUG)
    report, transcript, _ = orchestrate.analyze_recording(recordings["matched"], asr=asr_tiny, vad=vad,
                                                          encoder=speaker_encoder, nlp=nlp,
                                                           options=AnalyzeOptions(model="tiny.en"))
    words = {w.text.strip(".,?!").lower() for w in transcript.words if len(w.text.strip(".,?!")) >= 6}
    assert len(words) > 20
    logged = "\n".join(r.getMessage() for r in caplog.records).lower()
    assert [w for w in words if w in logged] == []


MD_IMAGE = "![x](http://tracker.example/x.png)"  # rendered as markdown, a browser would fetch it: a network call


def _unescaped_markup(texts) -> list[str]:
    """Texts where a markdown image/link or an HTML tag would render (not backslash-escaped)."""
    return [t for t in texts if re.search(r"(?<!\\)!(?<!\\)\[|(?<!\\)\]\(|(?<!\\)<", t)]


def test_my_data_page_shows_names_as_text(tmp_path, monkeypatch, truths):
    """Names typed on My data, and names stored with a consent, never render as markup."""
    import dataclasses

    from streamlit.testing.v1 import AppTest

    from .storehelp import consent_pair, store_samples

    mentor, mentee = consent_pair(mentee=MD_IMAGE)
    mentor = dataclasses.replace(mentor, recorded_by=SCRIPT)
    ids = next(store_samples(tmp_path, monkeypatch, truths, [("matched", "2025-03-01", (mentor, mentee))]))
    page = AppTest.from_file(str(ROOT / "pages" / "2_My_data.py"), default_timeout=60).run()
    page.text_input(key="me_name").input(MD_IMAGE).run()
    assert not page.exception, page.exception
    assert [b.key for b in page.button if (b.key or "").startswith("delete_")] == [f"delete_{ids['matched']}"]
    texts = [el.value for kind in ("markdown", "caption", "info", "subheader", "error") for el in page.get(kind)]
    assert any("tracker" in t for t in texts) and not _unescaped_markup(texts), texts
    page.text_input(key="me_name").input(f"{MD_IMAGE} nobody").run()
    assert "tracker" in page.info[0].value and not _unescaped_markup([page.info[0].value])
