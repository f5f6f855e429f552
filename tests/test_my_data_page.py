"""The "My data" page on a real store (AppTest): a mentee finds their sessions, downloads, keeps less, deletes."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from pipeline.library.store import Store

from .conftest import ROOT
from .storehelp import consent_pair, store_samples

PAGE = str(ROOT / "pages" / "2_My_data.py")


@pytest.fixture
def library(tmp_path, monkeypatch, truths):
    """Three stored sessions with audio: Sam Lee is the mentee in matched and unmatched, Kim Ode in dual_channel."""
    yield from store_samples(tmp_path, monkeypatch, truths, [
        ("matched", "2025-03-01", consent_pair(mentee="Sam Lee")),
        ("unmatched", "2025-03-08", consent_pair(mentee="Sam Lee")),
        ("dual_channel", "2025-03-15", consent_pair(mentee="Kim Ode"))], with_audio=True)


def _sessions(at) -> list[str]:
    """Session ids shown, in order (one Delete button each)."""
    return [b.key.removeprefix("delete_") for b in at.button if (b.key or "").startswith("delete_")]


def test_mentee_sees_only_their_sessions_then_keeps_less_and_deletes(library):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(PAGE, default_timeout=60).run()
    assert not at.exception and not _sessions(at)  # nothing shown before a name is given
    at.text_input(key="me_name").input("  sam   LEE ").run()
    assert not at.exception, at.exception
    assert _sessions(at) == [library["unmatched"], library["matched"]]  # newest first, Kim's session not shown
    assert any("Kept:** the report, the transcript and the audio" in m.value for m in at.markdown)
    assert any(c.value.replace("\\", "").startswith("You agreed on 2025-03-01 (recorded by Programme coordinator) "
                                                    "to keep the report, the transcript and the audio")
               for c in at.caption)
    assert [b.proto.label for b in at.get("download_button")] == ["Download what is kept about me"] * 2

    # Stop keeping the audio of the matched session: the file goes, the transcript stays.
    with Store() as s:
        audio = s.audio_path(library["matched"])
    assert audio.exists()
    at.button(key=f"noaudio_{library['matched']}").click().run()
    assert not at.exception, at.exception
    assert not audio.exists()
    with Store() as s:
        (matched,) = [x for x in s.list_sessions() if x.session_id == library["matched"]]
        assert (matched.keeps_transcript, matched.keeps_audio) == (True, False)
        assert s.audit_log()[-1][1:] == ("limited", library["matched"], "Sam Lee")
    assert at.button(key=f"noaudio_{library['matched']}").disabled

    # Then the words: the transcript goes too, the report's measures stay.
    at.button(key=f"nowords_{library['matched']}").click().run()
    with Store() as s:
        kept = s.load_report(library["matched"])
        assert all(t.text == "" for t in kept.turns) and kept.indicators
    assert at.button(key=f"nowords_{library['matched']}").disabled

    # Delete needs the box ticked first.
    assert at.button(key=f"delete_{library['unmatched']}").disabled
    at.checkbox(key=f"sure_{library['unmatched']}").check().run()
    at.button(key=f"delete_{library['unmatched']}").click().run()
    assert not at.exception, at.exception
    assert _sessions(at) == [library["matched"]]
    with Store() as s:
        assert {x.session_id for x in s.list_sessions()} == {library["matched"], library["dual_channel"]}
        assert s.audit_log()[-1][1:] == ("deleted", library["unmatched"], "Sam Lee")

    at.text_input(key="me_name").input("Nobody Here").run()
    assert "No stored session has a consent from Nobody Here" in at.info[0].value


def test_the_download_holds_only_the_participants_part(library, truths):
    """What the download button hands over: Sam's turns and quotes, no recording (it holds the mentor's voice)."""
    with Store() as s:
        data = s.export_bytes(library["matched"], participant="Sam Lee", actor="Sam Lee")
        assert s.audit_log()[-1][1:] == ("exported", library["matched"], "Sam Lee")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert sorted(z.namelist()) == ["session.json", "transcript.vtt"]
        session = json.loads(z.read("session.json"))
    mentee_turns = [t for t in truths["matched"]["turns"] if t["role"] == "mentee"]
    assert [t["text"] for t in session["report"]["turns"]] == [t["text"] for t in mentee_turns]
    assert [p["name"] for p in session["participants"]] == ["Sam Lee"]
