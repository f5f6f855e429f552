"""Server mode's sign-in accounts: create, disable, set a password, assign mentors to trainers, sign in.

Accounts live in the session library's database (tables ``accounts``, ``assignments``, ``sign_ins`` of
:mod:`pipeline.library.schema`), so every process of a server (app, CLI) sees the same accounts, the same
assignments and the same sign-in log. Passwords are hashed with argon2id (``argon2-cffi``'s recommended profile,
RFC 9106 low-memory); neither a password nor its hash is ever logged or shown.

Sign-in attempts are logged (name as typed, time, outcome, ``"app"``/``"cli"``; never the password) and
rate-limited per name: after :data:`MAX_FAILURES` failed attempts within :data:`WINDOW`, that name is refused,
right password or not, until :data:`WINDOW` has passed since the last failure. The count comes from the log, so
it holds across processes and restarts.

Who may do what once signed in is :mod:`pipeline.library.access`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Literal

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from pipeline.errors import AuthError, InvalidParameterError, StoreError
from pipeline.library.schema import account_changes_t, accounts_t, assignments_t, sign_ins_t
from pipeline.library.store import Store
from pipeline.types import ACCOUNT_ROLES, Account, AccountRole

#: Failed sign-ins of one name within :data:`WINDOW` after which that name is refused.
MAX_FAILURES = 5
#: How far back failures count, and how long a refused name waits after its last failure.
WINDOW = timedelta(minutes=15)
#: Shortest password accepted for a new account or a new password.
MIN_PASSWORD_LENGTH = 10
#: The password hasher: argon2-cffi's recommended profile. Tests swap in a cheaper one; nothing else should.
HASHER = PasswordHasher()
#: Where a sign-in came from, for the log.
Source = Literal["app", "cli"]

_NAME_RE = re.compile(r"[a-z0-9._@-]{1,64}")
_FAILED = "Sign-in failed: wrong account name or password (or the account is disabled). Check both and try again."
_dummy_hash: list[str] = []  # verified against when the name is unknown, so a miss takes as long as a wrong password


def account_name(name: str) -> str:
    """``name`` as stored: trimmed, lower case; raises InvalidParameterError unless it is 1-64 of ``a-z 0-9 . _ @ -``."""
    clean = name.strip().lower()
    if not _NAME_RE.fullmatch(clean):
        raise InvalidParameterError(f"account name {name!r}: use 1-64 lower-case letters, digits and . _ @ - "
                                    "(e.g. sam.lee)")
    return clean


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidParameterError(f"the password is too short ({len(password)} characters): use at least "
                                    f"{MIN_PASSWORD_LENGTH}, e.g. a few unrelated words")


def _now() -> datetime:
    return datetime.now(UTC)


def _iso(t: datetime) -> str:
    return t.astimezone(UTC).isoformat(timespec="microseconds")


def _account(row) -> Account:
    return Account(name=row["name"], role=row["role"], created_at=row["created_at"], disabled=bool(row["disabled"]))


def count_accounts(store: Store) -> int:
    """How many accounts exist (0: the first one may be made without signing in, as an admin)."""
    with store.engine.connect() as conn:
        return conn.execute(sa.select(sa.func.count()).select_from(accounts_t)).scalar_one()


def list_accounts(store: Store, *, role: AccountRole | None = None) -> tuple[Account, ...]:
    """Every account (or every account of ``role``), by name."""
    q = sa.select(accounts_t.c.name, accounts_t.c.role, accounts_t.c.created_at, accounts_t.c.disabled)
    if role is not None:
        q = q.where(accounts_t.c.role == role)
    with store.engine.connect() as conn:
        return tuple(_account(r) for r in conn.execute(q.order_by(accounts_t.c.name)).mappings())


def get_account(store: Store, name: str) -> Account:
    """The account called ``name``; raises StoreError when there is none."""
    with store.engine.connect() as conn:
        row = conn.execute(sa.select(accounts_t).where(accounts_t.c.name == account_name(name))).mappings().first()
    if row is None:
        raise StoreError(f"No account {name!r}: see `rapport accounts list`.")
    return _account(row)


#: What the account change log records (never a password, only that one was set).
ChangeAction = Literal["added", "password set", "disabled", "enabled", "assigned", "unassigned"]


def _log_change(conn, action: ChangeAction, account: str, *, detail: str = "", actor: str = "") -> None:
    conn.execute(account_changes_t.insert().values(at=_iso(_now()), action=action, account=account, detail=detail,
                                                   actor=actor))


def account_changes(store: Store) -> tuple[tuple[str, str, str, str, str], ...]:
    """The account change log, oldest first: ``(at, action, account, detail, actor)``; ``detail`` is the role
    given or the mentor (un)assigned, ``actor`` the admin who did it ("" for the first admin, made before any)."""
    with store.engine.connect() as conn:
        return tuple(tuple(r) for r in conn.execute(
            sa.select(account_changes_t.c.at, account_changes_t.c.action, account_changes_t.c.account,
                      account_changes_t.c.detail, account_changes_t.c.actor).order_by(account_changes_t.c.id)))


def create_account(store: Store, name: str, role: AccountRole, password: str, *, actor: str = "") -> Account:
    """Make an account with a password (hashed with argon2id); raises InvalidParameterError for a taken name,
    an unknown role or a short password. ``actor``: the admin who makes it, for the change log."""
    clean = account_name(name)
    if role not in ACCOUNT_ROLES:
        raise InvalidParameterError(f"account role {role!r}: choose one of {', '.join(ACCOUNT_ROLES)}")
    _check_password(password)
    account = Account(clean, role, created_at=_iso(_now()))
    try:
        with store.engine.begin() as conn:
            conn.execute(accounts_t.insert().values(name=clean, role=role, password_hash=HASHER.hash(password),
                                                    created_at=account.created_at, disabled=False))
            _log_change(conn, "added", clean, detail=role, actor=actor)
    except sa.exc.IntegrityError as err:
        raise InvalidParameterError(f"account {clean!r} exists already: choose another name") from err
    return account


def set_password(store: Store, name: str, password: str, *, actor: str = "") -> None:
    """Give an account a new password (the old one stops working); the change log says that, not the password."""
    _check_password(password)
    _update(store, name, "password set", actor, password_hash=HASHER.hash(password))


def set_disabled(store: Store, name: str, disabled: bool = True, *, actor: str = "") -> None:
    """Disable (or enable again) an account: a disabled account cannot sign in; its sessions and consents stay."""
    _update(store, name, "disabled" if disabled else "enabled", actor, disabled=disabled)


def _update(store: Store, name: str, action: ChangeAction, actor: str, **values) -> None:
    clean = get_account(store, name).name
    with store.engine.begin() as conn:
        conn.execute(accounts_t.update().where(accounts_t.c.name == clean).values(**values))
        _log_change(conn, action, clean, actor=actor)


def assign(store: Store, trainer: str, mentor: str, *, actor: str = "") -> None:
    """Let ``trainer`` see ``mentor``'s sessions (Trainer page, compare, follow-up); assigning twice is a no-op."""
    t, m = get_account(store, trainer), get_account(store, mentor)
    if t.role != "trainer" or m.role != "mentor":
        raise InvalidParameterError(f"assign a trainer to a mentor: {t.name} is a {t.role}, {m.name} is a {m.role}")
    with store.engine.begin() as conn:
        if conn.execute(sa.select(assignments_t).where(assignments_t.c.trainer == t.name,
                                                       assignments_t.c.mentor == m.name)).first() is None:
            conn.execute(assignments_t.insert().values(trainer=t.name, mentor=m.name))
            _log_change(conn, "assigned", t.name, detail=m.name, actor=actor)


def unassign(store: Store, trainer: str, mentor: str, *, actor: str = "") -> None:
    """``trainer`` no longer sees ``mentor``'s sessions."""
    t, m = account_name(trainer), account_name(mentor)
    with store.engine.begin() as conn:
        gone = conn.execute(assignments_t.delete().where(assignments_t.c.trainer == t,
                                                         assignments_t.c.mentor == m)).rowcount
        if gone:
            _log_change(conn, "unassigned", t, detail=m, actor=actor)


def assignments(store: Store) -> tuple[tuple[str, str], ...]:
    """Every ``(trainer, mentor)`` pair, sorted."""
    with store.engine.connect() as conn:
        return tuple(tuple(r) for r in conn.execute(sa.select(assignments_t.c.trainer, assignments_t.c.mentor)
                                                    .order_by(assignments_t.c.trainer, assignments_t.c.mentor)))


def assigned_mentors(store: Store, trainer: str) -> frozenset[str]:
    """The mentor accounts assigned to ``trainer``."""
    return frozenset(m for t, m in assignments(store) if t == trainer)


def sign_in(store: Store, name: str, password: str, *, source: Source,
            now: Callable[[], datetime] = _now) -> Account:
    """The account ``name`` if ``password`` is its password; every attempt is logged (never the password).

    Parameters
    ----------
    name, password : str
        As typed.
    source : {"app", "cli"}
        Where the attempt came from, for the log.
    now : callable
        The clock (tests pass their own).

    Raises
    ------
    AuthError
        Wrong name or password, a disabled account (one message for all three: it does not tell whether the name
        exists), or too many failed attempts for this name lately (said with how long to wait).
    """
    typed = " ".join(name.split()).lower()[:64]
    at = now()
    with store.engine.begin() as conn:  # the attempt is logged (committed) whatever its outcome
        locked_until = _locked_until(conn, typed, at)
        row = None if locked_until else conn.execute(
            sa.select(accounts_t).where(accounts_t.c.name == typed)).mappings().first()
        ok = not locked_until and _verify(row["password_hash"] if row is not None else None, password) \
            and not (row and row["disabled"])
        outcome = "refused" if locked_until else "ok" if ok else "failed"
        conn.execute(sign_ins_t.insert().values(at=_iso(at), name=typed, outcome=outcome, source=source))
    if locked_until:
        minutes = max(1, round((locked_until - at).total_seconds() / 60))
        raise AuthError(f"Too many failed sign-ins for {typed!r}: try again in {minutes} minutes, or ask an admin "
                        "to set a new password.")
    if not ok:
        raise AuthError(_FAILED)
    return _account(row)


def _locked_until(conn, typed: str, at: datetime) -> datetime | None:
    """When ``typed`` may try again, or None: refused while its last failure is less than :data:`WINDOW` ago and
    :data:`MAX_FAILURES` failures (since its last success) fell within :data:`WINDOW` up to that last failure."""
    recent = conn.execute(sa.select(sign_ins_t.c.at, sign_ins_t.c.outcome).where(
        sign_ins_t.c.name == typed, sign_ins_t.c.at > _iso(at - 2 * WINDOW), sign_ins_t.c.outcome != "refused")
        .order_by(sign_ins_t.c.at)).all()
    failures: list[datetime] = []
    for when, outcome in recent:
        failures = [] if outcome == "ok" else [*failures, datetime.fromisoformat(when)]
    if not failures or at - failures[-1] >= WINDOW:
        return None
    if sum(failures[-1] - t < WINDOW for t in failures) < MAX_FAILURES:
        return None
    return failures[-1] + WINDOW


def _verify(password_hash: str | None, password: str) -> bool:
    """Whether ``password`` matches; an unknown name is checked against a dummy hash (same time as a real miss)."""
    if password_hash is None:
        if not _dummy_hash:
            _dummy_hash.append(HASHER.hash("not a password of anyone"))
        password_hash = _dummy_hash[0]
        known = False
    else:
        known = True
    try:
        return HASHER.verify(password_hash, password) and known
    except (VerificationError, InvalidHashError):
        return False


def sign_in_log(store: Store) -> tuple[tuple[str, str, str, str], ...]:
    """``(at, name as typed, outcome, source)`` of every sign-in attempt, oldest first. Never a password."""
    with store.engine.connect() as conn:
        return tuple(tuple(r) for r in conn.execute(
            sa.select(sign_ins_t.c.at, sign_ins_t.c.name, sign_ins_t.c.outcome, sign_ins_t.c.source)
            .order_by(sign_ins_t.c.id)))
