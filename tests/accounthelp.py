"""A server-mode library for tests: sample sessions whose consents name accounts, and the accounts themselves.

Sessions (from the samples' ground truth, no model):

============ ============================ ============================
sample       mentor (account)             mentee (account)
============ ============================ ============================
matched      Alex Morgan (alex)           Sam Lee (sam)
unmatched    Alex Morgan (alex)           Kim Ode (kim)
dual_channel Jo Park (jo)                 Kim Ode (kim)
============ ============================ ============================

Accounts: the five above, trainer ``tina`` (assigned mentor ``jo`` only) and admin ``root``. Every password is
``PASSWORDS[name]``. Argon2 runs with a cheap profile here (:func:`fast_hashing`); the default is tested apart.
"""

from __future__ import annotations

import dataclasses

from argon2 import PasswordHasher

from .storehelp import consent_pair, store_samples

ROLES = {"alex": "mentor", "jo": "mentor", "sam": "mentee", "kim": "mentee", "tina": "trainer", "root": "admin"}
PASSWORDS = {name: f"{name}-correct-horse-battery" for name in ROLES}
PEOPLE = {"Alex Morgan": "alex", "Jo Park": "jo", "Sam Lee": "sam", "Kim Ode": "kim"}
SESSIONS = [("matched", "2025-03-01", "Alex Morgan", "Sam Lee"),
            ("unmatched", "2025-03-08", "Alex Morgan", "Kim Ode"),
            ("dual_channel", "2025-03-15", "Jo Park", "Kim Ode")]


def fast_hashing(monkeypatch) -> None:
    """Argon2 with a test profile (1 pass, 8 MiB): the default profile is for servers, not for a test suite."""
    from pipeline.library import accounts

    monkeypatch.setattr(accounts, "HASHER", PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1))
    monkeypatch.setattr(accounts, "_dummy_hash", [])


def named(records):
    """The consent records with the account of each person (:data:`PEOPLE`)."""
    return tuple(dataclasses.replace(c, account=PEOPLE[c.participant]) for c in records)


def server_library(tmp_path, monkeypatch, truths, *, with_audio: bool = True):
    """For a fixture (``yield from``): RAPPORT_AUTH=accounts, a private store with the sessions and accounts above;
    yields sample name -> session id."""
    from pipeline.library import accounts
    from pipeline.library.store import Store

    fast_hashing(monkeypatch)
    monkeypatch.setenv("RAPPORT_AUTH", "accounts")
    for key in ("RAPPORT_ACCOUNT", "RAPPORT_PASSWORD", "RAPPORT_NEW_PASSWORD"):
        monkeypatch.delenv(key, raising=False)
    rows = [(name, day, named(consent_pair(mentor=mentor, mentee=mentee))) for name, day, mentor, mentee in SESSIONS]
    for ids in store_samples(tmp_path, monkeypatch, truths, rows, with_audio=with_audio):
        with Store() as s:
            for name, role in ROLES.items():
                accounts.create_account(s, name, role, PASSWORDS[name])
            accounts.assign(s, "tina", "jo")
        yield ids
