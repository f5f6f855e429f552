"""Server mode's sign-in gate, the first thing every page calls (``app.py`` and ``pages/*.py``).

On one person's machine (``RAPPORT_AUTH`` unset) it does nothing and returns None. In server mode
(``RAPPORT_AUTH=accounts``) it shows a sign-in form and stops the page until someone signs in; then it returns
their :class:`~pipeline.types.Account`, read again from the store on every run (a disabled account is signed out
at once). Only the account's name is kept in ``st.session_state``, in the server's memory for that browser tab;
the password is neither kept nor logged (the form clears on submit). Who may do what is
:mod:`pipeline.library.access`; the accounts and the rate limit are :mod:`pipeline.library.accounts`.
"""

from __future__ import annotations

import streamlit as st

from pipeline.errors import AuthError, PipelineError
from pipeline.library import accounts
from pipeline.library.access import server_mode
from pipeline.library.store import Store
from pipeline.report.text import md_escape
from pipeline.types import Account

#: session_state key of the signed-in account's name.
ACCOUNT_KEY = "signed_in_account"


def signed_in() -> Account | None:
    """The signed-in account, or None on one person's machine; in server mode without one, the form, then stop."""
    try:
        if not server_mode():
            return None
        name = st.session_state.get(ACCOUNT_KEY)
        if name:
            with Store() as store:
                account = accounts.get_account(store, name)
            if not account.disabled:
                account_ui(account)
                return account
            st.session_state.pop(ACCOUNT_KEY, None)
    except PipelineError as err:
        st.error(md_escape(str(err)))
        st.stop()
    form_ui()
    st.stop()


def current_account() -> Account | None:
    """The signed-in account read again from the store, without any UI (for callbacks); None on one person's
    machine. Raises AuthError in server mode when no one (or a disabled account) is signed in."""
    if not server_mode():
        return None
    name = st.session_state.get(ACCOUNT_KEY)
    with Store() as store:
        account = accounts.get_account(store, name) if name else None
    if account is None or account.disabled:
        raise AuthError("You are signed out: sign in again.")
    return account


def form_ui() -> None:
    """Account name and password; a failed attempt shows why in one line (not whether the name exists)."""
    st.title("Rapport")
    with st.form("sign_in_form", clear_on_submit=True):
        st.subheader("Sign in", anchor=False)
        name = st.text_input("Account name", key="sign_in_name")
        password = st.text_input("Password", type="password", key="sign_in_password")
        submitted = st.form_submit_button("Sign in", type="primary")
    if not submitted:
        return
    try:
        with Store() as store:
            account = accounts.sign_in(store, name, password, source="app")
    except PipelineError as err:
        st.error(md_escape(str(err)))
        return
    st.session_state[ACCOUNT_KEY] = account.name
    st.rerun()


def sign_out() -> None:
    """Callback: forget the account and every selection of this browser tab."""
    for key in list(st.session_state):
        del st.session_state[key]


def account_ui(account: Account) -> None:
    """Who is signed in, and the sign-out button, in the sidebar."""
    with st.sidebar:
        st.caption(f"Signed in as **{md_escape(account.name)}** ({account.role})")
        st.button("Sign out", key="sign_out", on_click=sign_out)
