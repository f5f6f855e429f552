"""Server mode in the app (AppTest, real store, no model loaded): every page asks for a sign-in first, and each
account sees and acts on only what :mod:`pipeline.library.access` allows (who is who: :mod:`tests.accounthelp`)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from pipeline.library import accounts
from pipeline.library.store import Store

from .accounthelp import PASSWORDS, server_library
from .conftest import ROOT

APP = str(ROOT / "app.py")
TRAINER = str(ROOT / "pages" / "1_Trainer.py")
MY_DATA = str(ROOT / "pages" / "2_My_data.py")
ACCOUNTS = str(ROOT / "pages" / "3_Accounts.py")


@pytest.fixture
def library(tmp_path, monkeypatch, truths):
    yield from server_library(tmp_path, monkeypatch, truths)


def sign_in(at: AppTest, name: str, password: str | None = None) -> AppTest:
    at.text_input(key="sign_in_name").input(name)
    at.text_input(key="sign_in_password").input(PASSWORDS[name] if password is None else password)
    (button,) = [b for b in at.button if b.label == "Sign in"]
    button.click().run()
    assert not at.exception, at.exception
    return at


def shown_sessions(at: AppTest) -> list[str]:
    """My data: the session ids shown (one Delete button each)."""
    return [b.key.removeprefix("delete_") for b in at.button if (b.key or "").startswith("delete_")]


@pytest.mark.parametrize("page", [APP, TRAINER, MY_DATA, ACCOUNTS])
def test_every_page_shows_only_the_sign_in_form_first(library, page):
    at = AppTest.from_file(page, default_timeout=60).run()
    assert not at.exception, at.exception
    assert [t.key for t in at.text_input] == ["sign_in_name", "sign_in_password"]
    assert not at.dataframe and not at.get("download_button") and not at.get("file_uploader")
    assert not shown_sessions(at) and [b.label for b in at.button] == ["Sign in"]


def test_a_wrong_password_fails_is_logged_without_it_and_keeps_the_page_closed(library):
    wrong = "sams-wrong-password-123"
    at = sign_in(AppTest.from_file(MY_DATA, default_timeout=60).run(), "sam", wrong)
    assert [e.value.replace("\\", "") for e in at.error] == [
        "Sign-in failed: wrong account name or password (or the account is disabled). Check both and try again."]
    assert not shown_sessions(at) and not at.get("download_button")
    with Store() as s:
        assert accounts.sign_in_log(s)[-1][1:] == ("sam", "failed", "app")
        assert wrong not in repr(accounts.sign_in_log(s))


def test_a_mentee_sees_downloads_and_deletes_only_their_own_session(library):
    matched = library["matched"]
    at = sign_in(AppTest.from_file(MY_DATA, default_timeout=60).run(), "sam")
    assert shown_sessions(at) == [matched]  # not Kim's two sessions
    assert [b.key for b in at.get("download_button")] == [f"dl_{matched}"]
    assert not [t for t in at.text_input if t.key == "me_name"]  # the account decides, not a typed name
    assert any("Signed in as **sam** (mentee)" in c.value for c in at.sidebar.caption)
    at.button(key=f"noaudio_{matched}").click().run()
    at.checkbox(key=f"sure_{matched}").check().run()
    at.button(key=f"delete_{matched}").click().run()
    assert not at.exception and not shown_sessions(at)
    with Store() as s:
        assert {x.session_id for x in s.list_sessions()} == {library["unmatched"], library["dual_channel"]}
        assert [r[1:] for r in s.audit_log()[-2:]] == [("limited", matched, "sam"), ("deleted", matched, "sam")]
    at.button(key="sign_out").click().run()
    assert [t.key for t in at.text_input] == ["sign_in_name", "sign_in_password"] and not shown_sessions(at)


def test_kim_sees_her_two_sessions_not_sams(library):
    at = sign_in(AppTest.from_file(MY_DATA, default_timeout=60).run(), "kim")
    assert shown_sessions(at) == [library["dual_channel"], library["unmatched"]]


def test_a_trainer_sees_only_the_assigned_mentors_sessions_and_deletes_nothing(library):
    at = sign_in(AppTest.from_file(TRAINER, default_timeout=60).run(), "tina")
    table = at.dataframe[0].value
    assert list(table["session_id"]) == [library["dual_channel"]] and set(table["mentor"]) == {"Jo Park"}
    assert not [b for b in at.button if b.label == "Delete"] and not [s for s in at.selectbox if s.key == "d_sid"]
    at.button(key="sign_out").click().run()
    at = sign_in(at, "alex")  # a mentor: their own two sessions, and may delete them
    assert set(at.dataframe[0].value["session_id"]) == {library["matched"], library["unmatched"]}
    assert sorted(o.split("(")[-1] for o in at.selectbox(key="d_sid").options) == ["matched.flac)", "unmatched.flac)"]


def test_a_mentee_gets_no_trainer_page_and_no_upload(library):
    at = sign_in(AppTest.from_file(TRAINER, default_timeout=60).run(), "sam")
    assert not at.dataframe and at.info[0].value.startswith("The Trainer page is for trainer accounts")
    at = sign_in(AppTest.from_file(APP, default_timeout=60).run(), "sam")
    assert not at.get("file_uploader") and at.info[0].value.startswith("Analysing and keeping sessions is for mentor")
    at = sign_in(AppTest.from_file(APP, default_timeout=60).run(), "alex")
    assert len(at.get("file_uploader")) == 1


def test_an_admin_adds_an_account_and_assigns_a_mentor_but_sees_no_session(library):
    at = sign_in(AppTest.from_file(ACCOUNTS, default_timeout=60).run(), "root")
    assert set(at.dataframe[0].value["account"]) == set(PASSWORDS)
    at.text_input(key="new_name").input("lee")
    at.selectbox(key="new_role").set_value("trainer")
    at.text_input(key="new_password").input("lees-new-password")
    [b for b in at.button if b.label == "Add"][0].click().run()
    assert not at.exception and "lee" in set(at.dataframe[0].value["account"])
    at.selectbox(key="as_trainer").set_value("lee")
    at.selectbox(key="as_mentor").set_value("alex")
    at.button(key="assign").click().run()
    with Store() as s:
        assert ("lee", "alex") in accounts.assignments(s)
        assert [c[1:] for c in accounts.account_changes(s)][-2:] == [("added", "lee", "trainer", "root"),
                                                                      ("assigned", "lee", "alex", "root")]
        assert accounts.sign_in(s, "lee", "lees-new-password", source="cli").role == "trainer"
    at = sign_in(AppTest.from_file(TRAINER, default_timeout=60).run(), "root")
    assert not at.dataframe  # an admin reads no session
    at = sign_in(AppTest.from_file(ACCOUNTS, default_timeout=60).run(), "tina")
    assert not at.dataframe and at.info[0].value == "Accounts and assignments are managed by admin accounts."
