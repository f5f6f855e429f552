"""Server mode (issue 21): accounts, sign-in and its log, the rate limit, the access policy, and the CLI under it.

Real sessions from the samples' ground truth (:mod:`tests.accounthelp` has who is who); every check names a
session or an account that must, or must not, be there.
"""

from __future__ import annotations

import io
import json
import zipfile
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from pipeline.errors import AccessError, AuthError, InvalidParameterError
from pipeline.library import access, accounts
from pipeline.library.store import Store
from pipeline.run.cli import main

from .accounthelp import PASSWORDS, fast_hashing, server_library


@pytest.fixture
def library(tmp_path, monkeypatch, truths):
    yield from server_library(tmp_path, monkeypatch, truths)


@pytest.fixture
def empty(tmp_path, monkeypatch):
    """An empty private store in server mode, with cheap hashing."""
    fast_hashing(monkeypatch)
    monkeypatch.setenv("RAPPORT_AUTH", "accounts")
    monkeypatch.setenv("RAPPORT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("RAPPORT_DB", f"sqlite:///{tmp_path / 'lib.db'}")
    with Store() as s:
        yield s


def test_the_default_hash_is_argon2id_with_the_recommended_profile():
    from argon2.profiles import RFC_9106_LOW_MEMORY

    h = accounts.HASHER  # not the tests' cheap one: this test does not use the fixture
    assert (h.time_cost, h.memory_cost, h.parallelism) == (RFC_9106_LOW_MEMORY.time_cost,
                                                           RFC_9106_LOW_MEMORY.memory_cost,
                                                           RFC_9106_LOW_MEMORY.parallelism)
    assert h.hash("x" * 12).startswith("$argon2id$")


def test_auth_mode_is_off_unless_set_to_accounts(monkeypatch):
    monkeypatch.delenv("RAPPORT_AUTH", raising=False)
    assert access.auth_mode() == "off" and not access.server_mode()
    monkeypatch.setenv("RAPPORT_AUTH", "OFF")
    assert access.auth_mode() == "off"
    monkeypatch.setenv("RAPPORT_AUTH", "accounts")
    assert access.server_mode()
    monkeypatch.setenv("RAPPORT_AUTH", "ldap")
    with pytest.raises(InvalidParameterError, match="RAPPORT_AUTH='ldap'"):
        access.auth_mode()


def test_wrong_password_fails_and_is_logged_without_the_password(empty, tmp_path):
    right, wrong = "Right-Password-4-sam", "Wr0ng-Guess-zebra-71"
    accounts.create_account(empty, "sam", "mentee", right)
    with pytest.raises(AuthError) as err:
        accounts.sign_in(empty, "sam", wrong, source="app")
    with pytest.raises(AuthError) as unknown:
        accounts.sign_in(empty, "nobody", wrong, source="cli")
    assert str(err.value) == str(unknown.value)  # the message does not tell whether the name exists
    assert wrong not in str(err.value)
    assert accounts.sign_in(empty, " SAM ", right, source="cli") == accounts.get_account(empty, "sam")
    assert [row[1:] for row in accounts.sign_in_log(empty)] == [
        ("sam", "failed", "app"), ("nobody", "failed", "cli"), ("sam", "ok", "cli")]
    with empty.engine.connect() as conn:
        stored = conn.execute(sa.text("SELECT password_hash FROM accounts")).scalar_one()
    assert stored.startswith("$argon2id$")
    empty.close()
    raw = b"".join(p.read_bytes() for p in tmp_path.glob("lib.db*"))  # the file and any journal beside it
    assert b"sam" in raw and stored.encode() in raw  # the search does see what is in the file
    assert wrong.encode() not in raw and right.encode() not in raw


def test_the_rate_limit_refuses_even_the_right_password_then_allows_after_the_window(empty):
    password = "Right-Password-4-kim"
    accounts.create_account(empty, "kim", "mentee", password)
    t0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
    clock = [t0]
    for i in range(accounts.MAX_FAILURES):
        clock[0] = t0 + timedelta(minutes=i)
        with pytest.raises(AuthError, match="wrong account name or password"):
            accounts.sign_in(empty, "kim", f"guess-number-{i}", source="app", now=lambda: clock[0])
    clock[0] = t0 + timedelta(minutes=5)
    with pytest.raises(AuthError, match=r"Too many failed sign-ins for 'kim': try again in 14 minutes"):
        accounts.sign_in(empty, "kim", password, source="app", now=lambda: clock[0])
    # another name is not affected
    accounts.create_account(empty, "sam", "mentee", "Right-Password-4-sam")
    assert accounts.sign_in(empty, "sam", "Right-Password-4-sam", source="app", now=lambda: clock[0]).name == "sam"
    # 15 minutes after the last failure (t0 + 4 min) the name may try again; refused attempts do not extend it
    clock[0] = t0 + timedelta(minutes=18, seconds=59)
    with pytest.raises(AuthError, match="Too many"):
        accounts.sign_in(empty, "kim", password, source="app", now=lambda: clock[0])
    clock[0] = t0 + timedelta(minutes=19, seconds=1)
    assert accounts.sign_in(empty, "kim", password, source="app", now=lambda: clock[0]).name == "kim"
    outcomes = [o for _, n, o, _ in accounts.sign_in_log(empty) if n == "kim"]
    assert outcomes == ["failed"] * 5 + ["refused", "refused", "ok"]
    # a success starts the count again: one more failure is not a lock-out
    with pytest.raises(AuthError, match="wrong account name"):
        accounts.sign_in(empty, "kim", "nope-nope-nope", source="app", now=lambda: clock[0])
    assert accounts.sign_in(empty, "kim", password, source="app", now=lambda: clock[0]).name == "kim"


def test_accounts_are_checked_when_made(empty):
    with pytest.raises(InvalidParameterError, match="too short"):
        accounts.create_account(empty, "sam", "mentee", "short")
    with pytest.raises(InvalidParameterError, match="account name 'Sam Lee'"):
        accounts.create_account(empty, "Sam Lee", "mentee", "long-enough-password")
    with pytest.raises(InvalidParameterError, match="choose one of mentor, trainer, mentee, admin"):
        accounts.create_account(empty, "sam", "boss", "long-enough-password")
    accounts.create_account(empty, "sam", "mentee", "long-enough-password")
    with pytest.raises(InvalidParameterError, match="exists already"):
        accounts.create_account(empty, "SAM", "mentor", "long-enough-password")
    accounts.create_account(empty, "tina", "trainer", "long-enough-password")
    with pytest.raises(InvalidParameterError, match="tina is a trainer, sam is a mentee"):
        accounts.assign(empty, "tina", "sam")
    accounts.set_disabled(empty, "sam")
    with pytest.raises(AuthError, match="wrong account name or password"):  # disabled: the same message
        accounts.sign_in(empty, "sam", "long-enough-password", source="app")


def _grants(store, name):
    return access.grants(store, accounts.get_account(store, name))


def test_the_policy_gives_each_role_its_sessions_and_nothing_else(library, monkeypatch):
    matched, unmatched, dual = library["matched"], library["unmatched"], library["dual_channel"]
    with Store() as s:
        every = s.list_sessions()
        ids = {name: {x.session_id for x in _grants(s, name).visible(every)} for name in PASSWORDS}
        assert ids == {"sam": {matched}, "kim": {unmatched, dual}, "alex": {matched, unmatched}, "jo": {dual},
                       "tina": {dual}, "root": set()}
        tina, sam, alex, root = (_grants(s, n) for n in ("tina", "sam", "alex", "root"))
        assert tina.may("read", dual) and tina.may("compare", dual) and not tina.may("delete", dual)
        assert not tina.may("read", matched) and not tina.may("upload")
        assert sam.may("delete", matched) and sam.may("limit", matched) and sam.may("export_own", matched)
        assert not sam.may("read", matched) and not sam.may("export", matched)  # their part, not the whole
        assert not any(sam.may(a, unmatched) for a in access.ACTIONS)
        assert alex.may("upload") and alex.may("delete", unmatched) and not alex.may("manage")
        assert root.may("manage") and not root.may("list", matched) and not root.may("upload")
        assert sam.part(matched) == "Sam Lee" and alex.part(matched) == "Alex Morgan"
        with pytest.raises(AccessError, match="Sign in first"):  # in server mode, no account is no access
            access.grants(s, None)
        monkeypatch.delenv("RAPPORT_AUTH")
        everyone = access.grants(s, None)  # one person's machine: everything, as before
        monkeypatch.setenv("RAPPORT_AUTH", "accounts")
        assert everyone.everything and everyone.may("delete", dual) and everyone.visible(every) == every
        # a trainer's view follows the assignments, read fresh each time
        accounts.assign(s, "tina", "alex")
        assert {x.session_id for x in _grants(s, "tina").visible(every)} == {matched, unmatched, dual}
        accounts.unassign(s, "tina", "jo")
        assert {x.session_id for x in _grants(s, "tina").visible(every)} == {matched, unmatched}
        # a disabled account may nothing, whatever its consents
        accounts.set_disabled(s, "kim")
        assert not _grants(s, "kim").visible(every)


def test_guarded_actions_recheck_the_policy(library):
    """What the app's buttons call: a mentee cannot download, limit or delete another person's session."""
    matched, unmatched = library["matched"], library["unmatched"]
    with Store() as s:
        sam = accounts.get_account(s, "sam")
        for act in (lambda: access.export_session(s, sam, unmatched),
                    lambda: access.delete_session(s, sam, unmatched),
                    lambda: access.limit_session(s, sam, unmatched, participant="Kim Ode", keep_transcript=False,
                                                 keep_audio=False),
                    lambda: access.limit_session(s, sam, matched, participant="Alex Morgan", keep_transcript=False,
                                                 keep_audio=False),
                    lambda: access.export_session(s, sam, matched, participant="Alex Morgan")):
            with pytest.raises(AccessError, match="'sam' \\(mentee\\) may not|only its own part"):
                act()
        assert {x.session_id for x in s.list_sessions()} == set(library.values())
        data = access.export_session(s, sam, matched)  # their own part: only Sam's turns
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            session = json.loads(z.read("session.json"))
            assert "recording.flac" not in z.namelist()
        assert [p["name"] for p in session["participants"]] == ["Sam Lee"]
        assert {c["account"] for c in session["consents"]} == {"alex", "sam"}
        assert s.audit_log()[-1][1:] == ("exported", matched, "sam")
        assert access.delete_session(s, sam, matched) == matched
        assert s.audit_log()[-1][1:] == ("deleted", matched, "sam")


# ---- the CLI in server mode ------------------------------------------------------------------------------

def _cli(capsys, monkeypatch, account, *argv):
    if account is None:
        monkeypatch.delenv("RAPPORT_PASSWORD", raising=False)
        code = main(list(argv))
    else:
        monkeypatch.setenv("RAPPORT_PASSWORD", PASSWORDS.get(account, "not-the-password"))
        code = main([*argv, "--account", account])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_a_mentee_sees_downloads_and_deletes_only_their_own(library, capsys, monkeypatch, tmp_path):
    matched, unmatched, dual = library["matched"], library["unmatched"], library["dual_channel"]
    code, out, _ = _cli(capsys, monkeypatch, "sam", "sessions")
    assert code == 0 and matched in out and unmatched not in out and dual not in out
    assert "1 sessions" in out
    for argv in (("delete", unmatched), ("export", unmatched, "--out", str(tmp_path / "x.zip")),
                 ("limit", unmatched, "--no-audio"), ("compare", matched, dual)):
        code, out, err = _cli(capsys, monkeypatch, "sam", *argv)
        assert code == 2 and not out and len(err.strip().splitlines()) == 1, (argv, err)
        assert err.startswith("rapport: error: Account 'sam' (mentee) may not"), err
    assert not (tmp_path / "x.zip").exists()
    code, _, err = _cli(capsys, monkeypatch, "sam", "limit", matched, "--no-audio", "--participant", "Alex Morgan")
    assert code == 2 and "only its own part" in err
    code, _, err = _cli(capsys, monkeypatch, "sam", "export", matched, "--participant", "Alex Morgan")
    assert code == 2 and "only its own part" in err
    with Store() as s:
        assert {x.session_id for x in s.list_sessions()} == {matched, unmatched, dual}
        assert s.audio_path(unmatched).exists()
    # their own part, by a prefix of its id
    code, out, _ = _cli(capsys, monkeypatch, "sam", "export", matched[:6], "--out", str(tmp_path / "mine.zip"))
    assert code == 0
    with zipfile.ZipFile(tmp_path / "mine.zip") as z:
        assert [p["name"] for p in json.loads(z.read("session.json"))["participants"]] == ["Sam Lee"]
    code, out, _ = _cli(capsys, monkeypatch, "sam", "limit", matched, "--no-audio")
    assert code == 0 and "now keeps the report and the transcript" in out
    code, out, _ = _cli(capsys, monkeypatch, "sam", "delete", matched, "--by", "Someone Else")
    assert code == 0
    with Store() as s:
        assert {x.session_id for x in s.list_sessions()} == {unmatched, dual}
        assert [r[1:] for r in s.audit_log()[-2:]] == [
            ("limited", matched, "sam"), ("deleted", matched, "sam")]  # the account, not --by


def test_cli_a_trainer_sees_only_assigned_mentors_and_deletes_nothing(library, capsys, monkeypatch):
    matched, dual = library["matched"], library["dual_channel"]
    code, out, _ = _cli(capsys, monkeypatch, "tina", "sessions")
    assert code == 0 and dual in out and matched not in out and "Jo Park" in out and "Alex Morgan" not in out
    code, _, err = _cli(capsys, monkeypatch, "tina", "compare", dual, matched)
    assert code == 2 and f"may not compare session '{matched}'" in err
    code, _, err = _cli(capsys, monkeypatch, "tina", "delete", dual)
    assert code == 2 and "(trainer) may not delete" in err
    code, out, _ = _cli(capsys, monkeypatch, "alex", "compare", matched, library["unmatched"])
    assert code == 0 and f"A: session {matched}" in out


def test_cli_server_mode_needs_a_sign_in(library, capsys, monkeypatch):
    code, out, err = _cli(capsys, monkeypatch, None, "sessions")
    assert code == 2 and not out and "server mode (RAPPORT_AUTH=accounts): name your account" in err
    monkeypatch.setenv("RAPPORT_PASSWORD", "not-sams-password")
    assert main(["sessions", "--account", "sam"]) == 2
    err = capsys.readouterr().err
    assert "wrong account name or password" in err and "not-sams-password" not in err
    with Store() as s:
        assert accounts.sign_in_log(s)[-1][1:] == ("sam", "failed", "cli")


def test_cli_accounts_bootstrap_then_admin_only(empty, capsys, monkeypatch):
    monkeypatch.setenv("RAPPORT_NEW_PASSWORD", "first-admin-password")
    code, _, err = _cli(capsys, monkeypatch, None, "accounts", "add", "tina", "--role", "trainer")
    assert code == 2 and "name your account" in err  # the bootstrap makes an admin only
    code, out, _ = _cli(capsys, monkeypatch, None, "accounts", "add", "root", "--role", "admin")
    assert code == 0 and out.strip() == "account root (admin) added (the first admin)"
    code, _, err = _cli(capsys, monkeypatch, None, "accounts", "add", "eve", "--role", "admin")
    assert code == 2 and "name your account" in err  # not twice
    monkeypatch.setenv("RAPPORT_PASSWORD", "first-admin-password")
    monkeypatch.setenv("RAPPORT_NEW_PASSWORD", "a-trainer-password")
    assert main(["accounts", "add", "tina", "--role", "trainer", "--account", "root"]) == 0
    monkeypatch.setenv("RAPPORT_NEW_PASSWORD", "a-mentor-password")
    assert main(["accounts", "add", "jo", "--role", "mentor", "--account", "root"]) == 0
    assert main(["accounts", "assign", "tina", "jo", "--account", "root"]) == 0
    capsys.readouterr()
    assert main(["accounts", "list", "--account", "root"]) == 0
    listing = capsys.readouterr().out.splitlines()
    assert [line.split()[:3] for line in listing] == [["jo", "mentor", "active"], ["root", "admin", "active"],
                                                      ["tina", "trainer", "active"]]
    assert listing[2].endswith("mentors: jo")
    monkeypatch.setenv("RAPPORT_NEW_PASSWORD", "jos-second-password")
    assert main(["accounts", "password", "jo", "--account", "root"]) == 0
    assert main(["accounts", "disable", "jo", "--account", "root"]) == 0
    assert main(["accounts", "unassign", "tina", "jo", "--account", "root"]) == 0
    assert main(["accounts", "unassign", "tina", "jo", "--account", "root"]) == 0  # nothing to undo: not logged
    monkeypatch.setenv("RAPPORT_PASSWORD", "a-trainer-password")
    assert main(["accounts", "list", "--account", "tina"]) == 2  # a trainer manages no accounts
    assert "(trainer) may not manage accounts" in capsys.readouterr().err
    # Every change to accounts is logged with the admin who made it; never a password.
    assert [c[1:] for c in accounts.account_changes(empty)] == [
        ("added", "root", "admin", ""), ("added", "tina", "trainer", "root"), ("added", "jo", "mentor", "root"),
        ("assigned", "tina", "jo", "root"), ("password set", "jo", "", "root"), ("disabled", "jo", "", "root"),
        ("unassigned", "tina", "jo", "root")]
    db = empty.engine.url.database
    for password in ("first-admin-password", "a-trainer-password", "a-mentor-password", "jos-second-password"):
        assert password.encode() not in open(db, "rb").read()


def test_migration_0006_keeps_old_consents_without_accounts(tmp_path, truths):
    from pipeline.library.schema import upgrade

    from .storehelp import consent_pair, report_from_truth

    db = f"sqlite:///{tmp_path / 'old.db'}"
    engine = sa.create_engine(db)
    upgrade(engine, "0004")
    with engine.begin() as conn:  # a session as 0004 stored it: consents without an account column
        conn.execute(sa.text("INSERT INTO sessions (id, source_name, sha256, options_key, options_json, "
                             "duration_s, recorded_on, stored_at, input_kind, model_name, pipeline_version, "
                             "attribution_method, attribution_confidence, keeps_transcript, keeps_audio, "
                             "report_json) VALUES ('abc123abc123', 'm.flac', 'x', 'k', '{}', 1.0, '2025-01-01', "
                             "'2025-01-01', 'audio', 'base', '0', 'channel', 'high', 0, 0, '{}')"))
        conn.execute(sa.text("INSERT INTO consents (session_id, participant, role, keep_report, keep_transcript, "
                             "keep_audio, given_at, recorded_by) VALUES ('abc123abc123', 'Sam Lee', 'mentee', "
                             "1, 0, 0, '2025-01-01', 'c')"))
    upgrade(engine)
    with Store(db, data_dir=tmp_path / "d") as s:
        (c,) = s.consents("abc123abc123")
        assert (c.participant, c.account) == ("Sam Lee", "")
        assert not access.grants(s, accounts.Account("sam", "mentee")).visible(s.list_sessions())
        sid = s.save(report_from_truth(truths["matched"], source_name="matched.flac", sha256="y" * 64),
                     consents=consent_pair())
        assert [c.account for c in s.consents(sid)] == ["", ""]
