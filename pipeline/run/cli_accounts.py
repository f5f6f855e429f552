"""Server mode on the command line: signing in for a command, and ``rapport accounts`` (admin).

In server mode (``RAPPORT_AUTH=accounts``) every command that reads or changes the session library signs in
first: the account from ``--account`` or ``RAPPORT_ACCOUNT``, the password from ``RAPPORT_PASSWORD`` or a prompt
(never an argument: it would show in the process list and the shell history). The command then does only what
:mod:`pipeline.library.access` allows that account. On one person's machine nothing changes.

``rapport accounts`` needs an admin's sign-in once any account exists; the very first account, an admin, is made
without one (the bootstrap).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import TYPE_CHECKING

from pipeline.errors import AuthError, InvalidParameterError
from pipeline.types import ACCOUNT_ROLES, Account

if TYPE_CHECKING:  # the library is imported when a command needs it: `rapport analyze` starts without it
    from pipeline.library.access import Grants
    from pipeline.library.store import Store


def _password(prompt: str, env: str) -> str:
    """The password from ``env`` or a prompt on the terminal (not echoed)."""
    value = os.environ.get(env)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise AuthError(f"No password: set {env} or run the command in a terminal to be asked for it.")
    return getpass.getpass(prompt)


def sign_in(args: argparse.Namespace, store: Store) -> Account:
    """Sign in with ``--account``/``RAPPORT_ACCOUNT`` and ``RAPPORT_PASSWORD`` (or a prompt)."""
    from pipeline.library import accounts

    name = getattr(args, "account", None) or os.environ.get("RAPPORT_ACCOUNT", "")
    if not name.strip():
        raise AuthError("This Rapport runs in server mode (RAPPORT_AUTH=accounts): name your account with "
                        "--account NAME or RAPPORT_ACCOUNT; the password comes from RAPPORT_PASSWORD or a prompt.")
    return accounts.sign_in(store, name, _password(f"Password for {name}: ", "RAPPORT_PASSWORD"), source="cli")


def command_grants(args: argparse.Namespace, store: Store) -> Grants:
    """What this command may do: everything on one person's machine, else what the signed-in account may."""
    from pipeline.library.access import grants, server_mode

    return grants(store, sign_in(args, store) if server_mode() else None)


def _new_password(name: str) -> str:
    if (value := os.environ.get("RAPPORT_NEW_PASSWORD")) is not None:
        return value
    first = _password(f"New password for {name}: ", "RAPPORT_NEW_PASSWORD")
    if getpass.getpass("Again: ") != first:
        raise InvalidParameterError("the two passwords differ: run the command again")
    return first


def cmd_accounts(args: argparse.Namespace) -> int:
    """``rapport accounts add|list|assign|unassign|disable|enable|password``."""
    from pipeline.library import accounts
    from pipeline.library.access import grants
    from pipeline.library.store import Store

    with Store(args.db, data_dir=args.data_dir) as store:
        bootstrap = args.action == "add" and args.role == "admin" and accounts.count_accounts(store) == 0
        admin = None if bootstrap else sign_in(args, store)
        if not bootstrap:
            grants(store, admin).check("manage")
        actor = admin.name if admin is not None else ""
        if args.action == "add":
            made = accounts.create_account(store, args.name, args.role, _new_password(args.name), actor=actor)
            print(f"account {made.name} ({made.role}) added" + (" (the first admin)" if bootstrap else ""))
        elif args.action == "list":
            by_trainer: dict[str, list[str]] = {}
            for trainer, mentor in accounts.assignments(store):
                by_trainer.setdefault(trainer, []).append(mentor)
            for a in accounts.list_accounts(store):
                extra = f"  mentors: {', '.join(by_trainer[a.name])}" if a.name in by_trainer else ""
                print(f"{a.name:24s}  {a.role:8s}  {'disabled' if a.disabled else 'active':8s}  "
                      f"since {a.created_at[:10]}{extra}")
        elif args.action in ("assign", "unassign"):
            (accounts.assign if args.action == "assign" else accounts.unassign)(store, args.trainer, args.mentor,
                                                                              actor=actor)
            print(f"trainer {args.trainer} {'now sees' if args.action == 'assign' else 'no longer sees'} "
                  f"the sessions of mentor {args.mentor}")
        elif args.action in ("disable", "enable"):
            accounts.set_disabled(store, args.name, args.action == "disable", actor=actor)
            print(f"account {args.name} {args.action}d")
        else:
            accounts.set_password(store, args.name, _new_password(args.name), actor=actor)
            print(f"account {args.name} has a new password")
    return 0


def add_accounts_parser(sub, store_opts: argparse.ArgumentParser) -> None:
    """The ``accounts`` command and its actions."""
    p = sub.add_parser("accounts",
                       help="server mode: sign-in accounts and which mentors each trainer sees (admin)")
    actions = p.add_subparsers(dest="action", required=True)
    a = actions.add_parser("add", parents=[store_opts], help="add an account; its password from "
                                                             "RAPPORT_NEW_PASSWORD or a prompt")
    a.add_argument("name", help="sign-in name: lower-case letters, digits and . _ @ -")
    a.add_argument("--role", choices=ACCOUNT_ROLES, required=True)
    actions.add_parser("list", parents=[store_opts], help="every account, its role and its mentors")
    for verb, text in (("assign", "let a trainer see a mentor's sessions"),
                       ("unassign", "a trainer no longer sees a mentor's sessions")):
        a = actions.add_parser(verb, parents=[store_opts], help=text)
        a.add_argument("trainer")
        a.add_argument("mentor")
    for verb, text in (("disable", "the account can no longer sign in"), ("enable", "it can sign in again"),
                       ("password", "set a new password (RAPPORT_NEW_PASSWORD or a prompt)")):
        actions.add_parser(verb, parents=[store_opts], help=text).add_argument("name")
    p.set_defaults(func=cmd_accounts)
