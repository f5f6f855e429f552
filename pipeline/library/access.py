"""Who may do what: the one access policy every page, download and CLI command asks.

Two modes, one code base (:func:`auth_mode`): on one person's machine (``RAPPORT_AUTH`` unset or ``off``, the
default) there is no sign-in and everything is allowed, as before; in server mode (``RAPPORT_AUTH=accounts``)
people sign in (:mod:`pipeline.library.accounts`) and an account may act on a session only through its relation
to it, read from the consents, which name accounts:

* **owner**: a mentor account named by the session's mentor consent: list, read, export, compare, delete;
* **trainer**: a trainer account that an admin assigned that mentor: list, read, export, compare;
* **participant**: an account named by any consent of the session (the mentee's, or the mentor's own): list,
  export_own (their part), limit (their part), delete (withdraws the session).

Actions without a session: ``upload`` (mentor accounts), ``manage`` (admin accounts: accounts and assignments).
An admin sees no session content (least privilege); a trainer deletes nothing.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal, get_args

import sqlalchemy as sa

from pipeline.errors import AccessError, InvalidParameterError
from pipeline.library.consent import same_person
from pipeline.library.schema import assignments_t, consents_t
from pipeline.library.store import Store
from pipeline.types import Account, SessionSummary

#: How the app and the CLI run: one person's machine without sign-in, or a server with accounts.
AuthMode = Literal["off", "accounts"]
AUTH_MODES: tuple[AuthMode, ...] = get_args(AuthMode)
#: What an account may be allowed to do with a session (or, for upload and manage, at all).
Action = Literal["list", "read", "export", "export_own", "compare", "limit", "delete", "upload", "manage"]
ACTIONS: tuple[Action, ...] = get_args(Action)
#: An account's relation to a session, and what each relation allows.
Relation = Literal["owner", "trainer", "participant"]
RELATION_ACTIONS: Mapping[Relation, frozenset[Action]] = {
    "owner": frozenset({"list", "read", "export", "export_own", "compare", "delete"}),
    "trainer": frozenset({"list", "read", "export", "export_own", "compare"}),
    "participant": frozenset({"list", "export_own", "limit", "delete"}),
}
#: Actions that need no session, by account role.
ROLE_ACTIONS: Mapping[str, frozenset[Action]] = {
    "mentor": frozenset({"upload"}), "trainer": frozenset(), "mentee": frozenset(), "admin": frozenset({"manage"}),
}
_SESSION_FREE = frozenset({"upload", "manage"})
_IN_WORDS: Mapping[Action, str] = {
    "list": "see", "read": "read", "export": "export whole", "export_own": "download your part of",
    "compare": "compare", "limit": "limit your part of", "delete": "delete", "upload": "upload sessions",
    "manage": "manage accounts",
}


def auth_mode() -> AuthMode:
    """``RAPPORT_AUTH``: unset or ``off`` (one person's machine, no sign-in) or ``accounts`` (server mode)."""
    value = os.environ.get("RAPPORT_AUTH", "").strip().lower() or "off"
    if value not in AUTH_MODES:
        raise InvalidParameterError(f"RAPPORT_AUTH={value!r}: set it to 'accounts' for server mode with sign-in, "
                                    "or leave it unset (or 'off') on one person's machine")
    return value


def server_mode() -> bool:
    """Whether people must sign in (``RAPPORT_AUTH=accounts``)."""
    return auth_mode() == "accounts"


@dataclass(frozen=True)
class Grants:
    """What one account may do, read from the store at one moment (a callback asks for fresh grants).

    Attributes
    ----------
    account : Account or None
        The signed-in account; None on one person's machine, where everything is allowed.
    sessions : mapping of str to frozenset of Action
        Session id -> the actions allowed on it (server mode; a session not here allows nothing).
    parts : mapping of str to str
        Session id -> the participant name of the account's own consent there (its "part").
    """

    account: Account | None
    sessions: Mapping[str, frozenset[Action]] = field(default_factory=dict)
    parts: Mapping[str, str] = field(default_factory=dict)

    @property
    def everything(self) -> bool:
        """True on one person's machine (no account): every action on every session is allowed."""
        return self.account is None

    def may(self, action: Action, session_id: str | None = None) -> bool:
        """Whether the account may do ``action`` (on ``session_id``, a full id, for a session action)."""
        if action not in ACTIONS:
            raise InvalidParameterError(f"unknown action {action!r}: one of {', '.join(ACTIONS)}")
        if self.everything:
            return True
        if self.account.disabled:
            return False
        if action in _SESSION_FREE:
            return action in ROLE_ACTIONS[self.account.role]
        if session_id is None:
            return any(action in allowed for allowed in self.sessions.values())
        return action in self.sessions.get(session_id, frozenset())

    def check(self, action: Action, session_id: str | None = None) -> None:
        """Raise AccessError unless :meth:`may`; the message does not tell whether the session exists."""
        if not self.may(action, session_id):
            what = f" session {session_id}" if session_id else ""
            raise AccessError(f"Account {self.account.name!r} ({self.account.role}) may not {_IN_WORDS[action]}"
                              f"{what}: it is not one of your sessions, or your role does not allow it.")

    def session_ids(self, action: Action = "list") -> frozenset[str] | None:
        """The ids of the sessions the account may ``action``; None: all of them (one person's machine)."""
        if self.everything:
            return None
        return frozenset(sid for sid in self.sessions if self.may(action, sid))

    def visible(self, summaries: Iterable[SessionSummary], action: Action = "list") -> tuple[SessionSummary, ...]:
        """The summaries of the sessions the account may ``action``, in the order given."""
        ids = self.session_ids(action)
        return tuple(s for s in summaries if ids is None or s.session_id in ids)

    def resolve(self, store: Store, session_id: str, action: Action) -> str:
        """The full id of the session ``session_id`` (an id or a unique prefix) names, if the account may
        ``action`` on it; raises AccessError otherwise, with one message whether or not the session exists."""
        if self.everything:
            return store.resolve(session_id)
        matches = [sid for sid in self.session_ids(action) if session_id and sid.startswith(session_id)]
        if len(matches) != 1:
            raise AccessError(f"Account {self.account.name!r} ({self.account.role}) may not {_IN_WORDS[action]} "
                              f"session {session_id!r}: no session of yours has that id (see `rapport sessions`), "
                              "or your role does not allow it.")
        return matches[0]

    def consented(self, summaries: Iterable[SessionSummary]) -> tuple[SessionSummary, ...]:
        """The sessions whose consents name the account (its "My data"), in the order given; server mode only."""
        return tuple(s for s in summaries if s.session_id in self.parts)

    def part(self, session_id: str) -> str | None:
        """The participant name of the account's own consent in the session, or None."""
        return self.parts.get(session_id)

    def limit_participant(self, session_id: str, requested: str | None) -> str:
        """Whose consent a limit of ``session_id`` narrows: ``requested`` on one person's machine (it must be
        given), else the account's own part (``requested``, if given, must be it); raises AccessError otherwise."""
        if self.everything:
            if not requested:
                raise InvalidParameterError("name whose consent narrows (--participant NAME), as recorded in the "
                                            "session's consents")
            return requested
        self.check("limit", session_id)
        return self._own_part(session_id, requested, "limit")

    def export_participant(self, session_id: str, requested: str | None) -> str | None:
        """Whose part an export of ``session_id`` may hold: ``requested`` (None: everything) when the account may
        export the whole session, else its own part; raises AccessError for anything else."""
        if self.may("export", session_id):
            return requested
        self.check("export_own", session_id)
        return self._own_part(session_id, requested, "download")

    def _own_part(self, session_id: str, requested: str | None, verb: str) -> str:
        """The account's own part of ``session_id``; raises AccessError when ``requested`` names someone else's."""
        own = self.parts[session_id]
        if requested is not None and not same_person(requested, own):
            raise AccessError(f"Account {self.account.name!r} may {verb} only its own part of session {session_id} "
                              f"({own}), not {requested!r}.")
        return own


def grants(store: Store, account: Account | None) -> Grants:
    """What ``account`` may do now (None: one person's machine, everything; in server mode None raises AccessError).

    Reads the consents that name accounts and the account's assignments: two small queries, no session content.
    """
    if account is None:
        if server_mode():  # never "everything" on a server: a caller that lost the account gets nothing
            raise AccessError("Sign in first: this Rapport runs in server mode (RAPPORT_AUTH=accounts).")
        return Grants(None)
    if account.disabled or account.role == "admin":
        return Grants(account)
    with store.engine.connect() as conn:
        rows = conn.execute(sa.select(consents_t.c.session_id, consents_t.c.role, consents_t.c.account,
                                      consents_t.c.participant).where(consents_t.c.account.is_not(None))).all()
        mentors = set(conn.execute(sa.select(assignments_t.c.mentor)
                                   .where(assignments_t.c.trainer == account.name)).scalars()) \
            if account.role == "trainer" else set()
    relations: dict[str, set[Relation]] = {}
    parts: dict[str, str] = {}
    for sid, role, who, participant in rows:
        if who == account.name:
            relations.setdefault(sid, set()).add("participant")
            parts.setdefault(sid, participant)
            if role == "mentor" and account.role == "mentor":
                relations[sid].add("owner")
        if role == "mentor" and who in mentors:
            relations.setdefault(sid, set()).add("trainer")
    sessions = {sid: frozenset().union(*(RELATION_ACTIONS[r] for r in rel)) for sid, rel in relations.items()}
    return Grants(account, sessions, parts)


# ---- actions through the policy: what a page's callback or a download calls, so it re-checks at the moment it runs

def export_session(store: Store, account: Account | None, session_id: str, *, participant: str | None = None,
                   redact=None) -> bytes:
    """The export zip of a session (or of the account's own part of it, all a participant may take), if allowed now.

    Raises AccessError when the account may not export it (fresh grants: a button's callback re-checks here)."""
    allowed = grants(store, account)
    sid = allowed.resolve(store, session_id, "export_own")
    who = allowed.export_participant(sid, participant)
    return store.export_bytes(sid, participant=who, redact=redact, actor=acting_name(account, who))


def delete_session(store: Store, account: Account | None, session_id: str, *, actor: str = "") -> str:
    """Delete a session if the account may; returns its id. The audit log names the account in server mode."""
    sid = grants(store, account).resolve(store, session_id, "delete")
    return store.delete(sid, actor=acting_name(account, actor))


def limit_session(store: Store, account: Account | None, session_id: str, *, participant: str | None,
                  keep_transcript: bool, keep_audio: bool, actor: str = "") -> tuple[str, bool, bool]:
    """Narrow ``participant``'s consent if the account may: in server mode only its own part (``participant``
    None: that part). Returns the session's full id and what it keeps: ``(id, transcript, audio)``. The audit log
    names the account in server mode, else ``actor`` (default: the participant)."""
    allowed = grants(store, account)
    sid = allowed.resolve(store, session_id, "limit")
    participant = allowed.limit_participant(sid, participant)
    return (sid, *store.limit(sid, participant=participant, keep_transcript=keep_transcript, keep_audio=keep_audio,
                              actor=acting_name(account, actor or participant)))


def acting_name(account: Account | None, fallback: str | None) -> str:
    """Who acts, for the audit log: the signed-in account in server mode (no one can name someone else), else
    ``fallback`` (e.g. ``--by``)."""
    return account.name if account is not None else (fallback or "")
