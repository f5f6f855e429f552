"""Accounts (server mode, admin only): add accounts, assign mentors to trainers, disable an account.

A Streamlit page (``streamlit run app.py`` lists it in the sidebar). Thin like app.py: the accounts and their
rules are :mod:`pipeline.library.accounts`, who may manage them is :mod:`pipeline.library.access`; an admin sees
no session content here or anywhere. On one person's machine there are no accounts and the page says how to start
server mode.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from pipeline.errors import PipelineError
from pipeline.library import accounts
from pipeline.library.access import grants
from pipeline.library.store import Store
from pipeline.report.text import md_escape
from pipeline.types import ACCOUNT_ROLES, Account
from signin import current_account, signed_in


def manage(action, *args) -> None:
    """Run one account change as the signed-in admin (the policy is asked again); the outcome as a toast."""
    with Store() as store:
        try:
            admin = current_account()
            grants(store, admin).check("manage")
            action(store, *args, actor=admin.name if admin is not None else "")
        except PipelineError as err:
            st.session_state["accounts_message"] = ("error", str(err))
            return
    st.session_state["accounts_message"] = ("success", "Saved.")


def manage_chosen(action, *keys_or_values) -> None:
    """:func:`manage` with the values chosen now: a ``str`` argument names a widget's session_state key."""
    manage(action, *(st.session_state[k] if isinstance(k, str) else k for k in keys_or_values))


def table_ui(store: Store) -> None:
    mentors: dict[str, list[str]] = {}
    for trainer, mentor in accounts.assignments(store):
        mentors.setdefault(trainer, []).append(mentor)
    rows = [{"account": a.name, "role": a.role, "status": "disabled" if a.disabled else "active",
             "since": a.created_at[:10], "mentors assigned": ", ".join(mentors.get(a.name, []))}
            for a in accounts.list_accounts(store)]
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")


def add_ui() -> None:
    with st.form("add_account", clear_on_submit=True):
        st.subheader("Add an account", anchor=False)
        c1, c2 = st.columns(2)
        c1.text_input("Account name (lower case, e.g. sam.lee)", key="new_name")
        c2.selectbox("Role", ACCOUNT_ROLES, key="new_role")
        st.text_input(f"Password (at least {accounts.MIN_PASSWORD_LENGTH} characters; give it to them "
                                 "in person)", type="password", key="new_password")
        st.form_submit_button("Add", on_click=add_account)


def add_account() -> None:
    """Callback of the form (before the page draws the table again, so the new account is in it)."""
    manage_chosen(accounts.create_account, "new_name", "new_role", "new_password")


def assign_ui(store: Store) -> None:
    st.subheader("Which mentors each trainer sees", anchor=False)
    trainers = [a.name for a in accounts.list_accounts(store, role="trainer")]
    mentors = [a.name for a in accounts.list_accounts(store, role="mentor")]
    if not trainers or not mentors:
        st.caption("Add a trainer and a mentor account first.")
        return
    c1, c2, c3, c4 = st.columns([2, 2, 1, 1], vertical_alignment="bottom")
    c1.selectbox("Trainer", trainers, key="as_trainer")
    c2.selectbox("Mentor", mentors, key="as_mentor")
    c3.button("Assign", key="assign", on_click=manage_chosen, args=(accounts.assign, "as_trainer", "as_mentor"))
    c4.button("Unassign", key="unassign", on_click=manage_chosen,
              args=(accounts.unassign, "as_trainer", "as_mentor"))


def disable_ui(store: Store, me: Account) -> None:
    st.subheader("Disable or enable an account", anchor=False)
    others = [a.name for a in accounts.list_accounts(store) if a.name != me.name]
    if not others:
        return
    c1, c2, c3 = st.columns([4, 1, 1], vertical_alignment="bottom")
    c1.selectbox("Account", others, key="dis_name")
    c2.button("Disable", key="disable", on_click=manage_chosen, args=(accounts.set_disabled, "dis_name", True))
    c3.button("Enable", key="enable", on_click=manage_chosen, args=(accounts.set_disabled, "dis_name", False))


def main() -> None:
    st.set_page_config(page_title="Rapport: accounts", layout="wide")
    account = signed_in()
    st.title("Accounts")
    if account is None:
        st.info("Accounts are for server mode: start Rapport with RAPPORT_AUTH=accounts (docs/security.md). On one "
                "person's machine there is no sign-in.")
        return
    with Store() as store:
        if not grants(store, account).may("manage"):
            st.info("Accounts and assignments are managed by admin accounts.")
            return
        kind, message = st.session_state.pop("accounts_message", (None, ""))
        if kind:
            getattr(st, kind)(md_escape(message))
        table_ui(store)
        add_ui()
        assign_ui(store)
        disable_ui(store, account)


main()
