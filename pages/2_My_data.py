"""Participant view ("My data"): the sessions a person agreed to, what is kept, download it, keep less, delete.

A Streamlit page (``streamlit run app.py`` lists it in the sidebar). Thin like
app.py: the store comes from ``st.cache_resource``; wording from
:mod:`pipeline.report`; ``session_state`` only holds the name typed and
the confirmation boxes. On one person's machine there is no sign-in: the page shows what is kept on this
computer to whoever uses it, as the Trainer page does. In server mode (``RAPPORT_AUTH=accounts``) the signed-in
account sees the sessions whose consents name it, and every button re-checks :mod:`pipeline.library.access`.
"""

from __future__ import annotations

import streamlit as st

from pipeline.errors import PipelineError
from pipeline.io.files import safe_stem
from pipeline.library.access import delete_session, export_session, grants, limit_session
from pipeline.library.store import Store, same_person
from pipeline.report import downloads, text
from pipeline.types import Account
from signin import signed_in


@st.cache_resource(show_spinner=False)
def store() -> Store:
    return Store()


def limit(session_id: str, name: str, keep_transcript: bool, keep_audio: bool, account: Account | None) -> None:
    """Callback: narrow ``name``'s consent in one session, if the account may now; a toast says what is kept now."""
    try:
        _, transcript, audio = limit_session(store(), account, session_id, participant=name,
                                             keep_transcript=keep_transcript, keep_audio=keep_audio)
    except PipelineError as err:
        st.toast(text.md_escape(str(err)))
        return
    st.toast(f"Session {session_id} now keeps {downloads.kept_text(True, transcript, audio)}.")


def delete(session_id: str, name: str, account: Account | None) -> None:
    """Callback: delete the session (the box next to the button must be ticked), if the account may now."""
    if not st.session_state.get(f"sure_{session_id}"):
        return
    try:
        delete_session(store(), account, session_id, actor=name)
    except PipelineError as err:
        st.toast(text.md_escape(str(err)))
        return
    st.toast(f"Session {session_id} is deleted: its report, transcript, audio and measures.")


def my_export(session_id: str, participant: str, account: Account | None) -> bytes:
    """The zip of ``participant``'s part of a session; runs when the download button is pressed (own thread) and
    checks the policy then."""
    with Store() as s:
        return export_session(s, account, session_id, participant=participant)


def session_ui(summary, name: str, account: Account | None) -> None:
    sid = summary.session_id
    mine = [c for c in store().consents(sid)
            if (c.account == account.name if account is not None else same_person(c.participant, name))]
    if not mine:
        return
    with st.container(border=True, key=f"mine_{sid}"):
        st.subheader(f"{summary.recorded_on} · {text.md_escape(summary.source_name)}", anchor=False)
        st.caption(f"{text.fmt_duration(summary.duration_s)} · mentor {text.md_escape(summary.mentor or '?')} · "
                   f"mentee {text.md_escape(summary.mentee or '?')} · session {sid}")
        st.markdown(f"**Kept:** {downloads.kept_text(True, summary.keeps_transcript, summary.keeps_audio)}.")
        for c in mine:
            st.caption(f"You agreed on {text.md_escape(c.given_at[:10])} (recorded by {text.md_escape(c.recorded_by)}) to keep "
                       f"{downloads.kept_text(c.keep_report, c.keep_transcript, c.keep_audio)}.")
        cols = st.columns(3)
        cols[0].download_button(
            "Download what is kept about me", key=f"dl_{sid}", mime="application/zip",
            data=lambda: my_export(sid, mine[0].participant, account),
            file_name=f"rapport-{sid}-{safe_stem(name)}.zip",
            help="A zip: the session's facts, the consents, your turns, measures and quotes (the recording is "
                 "not included: it holds the other person's voice too).")
        cols[1].button("Stop keeping the audio", key=f"noaudio_{sid}", disabled=not summary.keeps_audio,
                       on_click=limit, args=(sid, mine[0].participant, True, False, account))
        cols[2].button("Stop keeping the transcript and audio", key=f"nowords_{sid}",
                       disabled=not (summary.keeps_transcript or summary.keeps_audio),
                       on_click=limit, args=(sid, mine[0].participant, False, False, account),
                       help="The words said go; the timings and measures behind the report stay.")
        left, right = st.columns([3, 1], vertical_alignment="center")
        left.checkbox("Delete this session for good: its report, transcript, audio and measures", key=f"sure_{sid}")
        right.button("Delete", key=f"delete_{sid}", type="primary",
                     disabled=not st.session_state.get(f"sure_{sid}"), on_click=delete,
                     args=(sid, mine[0].participant, account))


def main() -> None:
    st.set_page_config(page_title="Rapport: my data", layout="wide")
    account = signed_in()
    st.title("My data")
    st.write("What is kept about you on this computer, from the sessions you agreed to have analysed. "
             "You can download it, keep less of it, or delete a session.")
    name = account.name if account is not None else \
        " ".join(st.text_input("Your name, as given when you agreed to the analysis", key="me_name").split())
    if not name:
        return
    try:
        mine = store().sessions_of(name) if account is None else \
            grants(store(), account).consented(store().list_sessions())
    except PipelineError as err:
        st.error(text.md_escape(str(err)))
        return
    if not mine:
        st.info(f"No stored session has a consent from {text.md_escape(name)}. " + (
            "Check the spelling: it is the name given at the time." if account is None else
            "A session shows here once its consent names your account."))
        return
    st.caption(f"{len(mine)} session{'s' if len(mine) != 1 else ''} with your consent, newest first.")
    for summary in mine:
        session_ui(summary, name, account)


main()
