"""Trainer view: every stored session, one mentor over time, two sessions side by side, deletion.

A Streamlit page (``streamlit run app.py`` lists it in the sidebar). Thin like
app.py: the store comes from ``st.cache_resource``, tables from
:mod:`pipeline.library.trainer`; ``session_state`` only holds selections. In server mode
(``RAPPORT_AUTH=accounts``) it shows only the sessions :mod:`pipeline.library.access` lets the signed-in account
read (a trainer: those of the mentors assigned to them; a mentor: their own), and deletes only what it may delete.
"""

from __future__ import annotations

import altair as alt
import streamlit as st

from pipeline.errors import PipelineError
from pipeline.library.access import Grants, delete_session, grants
from pipeline.library.store import Store
from pipeline.library.trainer import (
    baseline_from_measures,
    filter_sessions,
    followup,
    indicator_columns,
    indicator_history,
    session_vs_baseline,
    sessions_frame,
)
from pipeline.report.compare import compare_reports
from pipeline.report.glance import FEEDBACK_TITLES, feedback, feedback_caption, feedback_markdown
from pipeline.report.text import md_escape
from signin import signed_in


@st.cache_resource(show_spinner=False)
def store() -> Store:
    return Store()


@st.cache_data(show_spinner=False, ttl=30)
def summaries():
    return store().list_sessions()


@st.cache_data(show_spinner=False, ttl=30)
def indicator_names():
    return store().indicator_names()


def _indicator_label(iid: str) -> str:
    name, unit = indicator_names().get(iid, (iid, ""))
    return f"{name} ({unit})" if unit else name


def all_sessions(allowed: Grants):
    """The sessions the account may read, as the page's table (all of them on one person's machine)."""
    return sessions_frame(allowed.visible(summaries(), "read"))


@st.cache_data(show_spinner=False, max_entries=16)
def report(session_id: str):
    return store().load_report(session_id)


@st.cache_data(show_spinner=False, max_entries=512)
def session_indicators(session_id: str):
    return store().indicators(session_id)


@st.cache_data(show_spinner=False, ttl=30, max_entries=32)
def person_measures(name: str, role: str):
    return store().participant_turn_measures(name, role=role)


def filters_ui(df):
    st.sidebar.header("Filter sessions")
    mentors = st.sidebar.multiselect("Mentor", sorted(df["mentor"].unique()), key="f_mentors")
    lo, hi = df["date"].min().date(), df["date"].max().date()
    dates = st.sidebar.date_input("Dates", (lo, hi), min_value=lo, max_value=hi, key="f_dates")
    start, end = (dates + (None, None))[:2] if isinstance(dates, tuple) else (dates, None)
    indicator = st.sidebar.selectbox("Indicator", [""] + indicator_columns(df), key="f_ind",
                                     format_func=lambda x: _indicator_label(x) if x else "(any)")
    low = high = None
    values = df[indicator].dropna() if indicator else None
    if indicator and len(values):
        vmin, vmax = float(values.min()), float(values.max())
        if vmax > vmin:
            low, high = st.sidebar.slider("Value range", vmin, vmax, (vmin, vmax), key="f_range")
    return filter_sessions(df, mentors=mentors, start=start, end=end, indicator=indicator or None, low=low, high=high)


def table_ui(df) -> None:
    st.subheader(f"Sessions ({len(df)})")
    st.caption("Click a column header to sort.")
    st.dataframe(df, hide_index=True, width="stretch",
                 column_config={"date": st.column_config.DateColumn("date", format="YYYY-MM-DD")})


def history_ui(df, allowed: Grants) -> None:
    st.subheader("One mentor over time")
    mentors = sorted(df["mentor"].unique())
    if not mentors:
        return
    mentor = st.selectbox("Mentor", mentors, key="h_mentor")
    hist = indicator_history(df, mentor, allowed.visible(summaries(), "read"))
    hist["indicator"] = hist["indicator"].map(_indicator_label)
    if hist.empty:
        st.info("No indicator values for this mentor yet.")
        return
    x = alt.X("date:T", title="session date")
    line = alt.Chart().mark_line(point=True).encode(
        x=x, y=alt.Y("value:Q", title=None), tooltip=["date:T", "indicator", "value", "low", "high", "session_id"])
    # a value without an interval gets a zero-length bar, so every facet's scale has an extent
    hist = hist.assign(bar_low=hist["low"].fillna(hist["value"]), bar_high=hist["high"].fillna(hist["value"]))
    bars = alt.Chart().mark_rule(opacity=0.5).encode(x=x, y="bar_low:Q", y2="bar_high:Q")
    chart = (alt.layer(bars, line, data=hist).properties(width=260, height=160)
             .facet(facet=alt.Facet("indicator:N", title=None), columns=3)
             .resolve_scale(y="independent"))
    st.altair_chart(chart)
    st.caption("Bars: each value's 95 % interval, where the session's turns give one. \"Two sessions side by "
               "side\" below says whether a change between two sessions is larger than that noise.")
    followup_ui(df, mentor)


def followup_ui(df, mentor: str) -> None:
    """Each session's points to try and what became of them in the mentor's next session."""
    st.markdown(f"**What {md_escape(mentor)} had to try, and the next session**")
    mine = df[df["mentor"] == mentor]
    table = followup([(sid, f"{day:%Y-%m-%d}", session_indicators(sid))
                      for sid, day in zip(mine["session_id"], mine["date"], strict=True)])
    if table.empty:
        st.caption("Nothing stood out to try in these sessions (points need a good range and at least medium "
                   "confidence).")
        return
    # the verdicts first, the advice (long) last, so the table reads without scrolling sideways
    shown = table[["date", "to_try", "value", "next_date", "next_value", "next", "change", "change 95 %", "advice"]]
    st.dataframe(shown.rename(columns={"to_try": "to try", "next_date": "next session", "next_value": "next value"}),
                 hide_index=True, width="stretch")
    st.caption("\"next\": where the next session's value stands. \"change\": whether the move there is larger than the "
               "noise of a few turns (its 95 % interval clear of 0), as in \"Two sessions side by side\".")


def _label(df, sid: str) -> str:
    row = df.set_index("session_id").loc[sid]
    return f"{row['date']:%Y-%m-%d} {row['mentor']} / {row['mentee']} ({row['source']})"


def glance_ui(rep) -> None:
    """One session's at-a-glance feedback, compact: what went well, what to try next time."""
    fb = feedback(rep)
    for key, title in FEEDBACK_TITLES.items():
        if points := getattr(fb, key):
            st.markdown(f"**{title}**")
            for point in points:
                st.markdown(f"- {feedback_markdown(point)}")
    st.caption(feedback_caption(fb))


def compare_ui(df, allowed: Grants) -> None:
    st.subheader("Two sessions side by side")
    ids = list(df["session_id"])
    if len(ids) < 2:
        st.info("Store at least two sessions to compare them.")
        return
    pick_a, pick_b = st.columns(2)
    a = pick_a.selectbox("Session A", ids, index=1, key="c_a", format_func=lambda s: _label(df, s))
    b = pick_b.selectbox("Session B", ids, index=0, key="c_b", format_func=lambda s: _label(df, s))
    ra, rb = report(a), report(b)
    table = compare_reports(ra, rb)
    st.dataframe(table, hide_index=True, width="stretch",  # right under the two choices; the id column hidden
                 column_order=[c for c in table.columns if c != "id"])
    st.caption("change: whether the 95 % interval of B - A is clear of 0, i.e. larger than the noise of a few turns; "
               "good range: for a clear change, where B stands against A.")
    left, right = st.columns(2)
    for col, rep in ((left, ra), (right, rb)):
        with col:
            glance_ui(rep)
    for col, sid, rep in ((left, a, ra), (right, b, rb)):
        mentee = df.set_index("session_id").loc[sid, "mentee"]
        labels = [s.label for s in rep.speakers if s.role == "mentee"]
        if not mentee or not labels:
            continue
        measures = person_measures(mentee, "mentee")
        readable = allowed.session_ids("read")  # a baseline only from sessions this account may read
        if readable is not None:
            measures = measures[measures["session_id"].isin(readable)]
        base = baseline_from_measures(measures, mentee, exclude_session=sid)
        col.markdown(f"**{md_escape(mentee)}'s pace and pauses** "
                     + (f"(usual: from their {base.n_sessions} other sessions)" if base.source == "own"
                        else "(too few sessions of their own: population norm)"))
        col.dataframe(session_vs_baseline(rep, labels[0], base))


def delete_ui(df, allowed: Grants) -> None:
    deletable = [sid for sid in df["session_id"] if allowed.may("delete", sid)]
    if not deletable:  # a trainer deletes nothing
        return
    with st.expander("Delete a session"):
        sid = st.selectbox("Session", deletable, key="d_sid", format_func=lambda s: _label(df, s))
        sure = st.checkbox("Delete its report, transcript, audio and measures for good", key="d_sure")
        if st.button("Delete", disabled=not sure, type="primary"):
            try:  # the policy is asked again, now
                delete_session(store(), allowed.account, sid, actor="trainer view")
            except PipelineError as err:
                st.error(md_escape(str(err)))
                return
            summaries.clear()
            indicator_names.clear()
            report.clear()
            session_indicators.clear()
            person_measures.clear()
            st.success(f"Deleted session {sid}. The audit log records that it was deleted (no content).")
            st.rerun()


def main() -> None:
    st.set_page_config(page_title="Rapport: trainer view", layout="wide")
    account = signed_in()
    st.title("Trainer view")
    if account is not None and account.role not in ("trainer", "mentor"):
        st.info("The Trainer page is for trainer accounts (the sessions of the mentors assigned to them) and mentor "
                "accounts (their own sessions). " + ("Your sessions are on My data." if account.role == "mentee"
                                                     else "Accounts and assignments are on the Accounts page."))
        return
    try:
        allowed = grants(store(), account)
        df = all_sessions(allowed)
    except PipelineError as err:
        st.error(md_escape(str(err)))
        return
    if df.empty:
        st.info("No sessions stored yet. Analyse recordings with `rapport batch FOLDER` or from the main page."
                if account is None else "No stored session of yours yet" + (
                    " (a trainer sees the sessions of the mentors an admin assigned to them)."
                    if account.role == "trainer" else "."))
        return
    shown = filters_ui(df)
    table_ui(shown)
    history_ui(shown, allowed)
    compare_ui(shown, allowed)
    delete_ui(shown, allowed)


main()
