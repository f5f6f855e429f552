"""Rapport's Streamlit report. Run with ``streamlit run app.py``.

Thin by design: ``main()`` plus small ``*_ui()`` functions. Models come from
``st.cache_resource``, results from ``st.cache_data``; ``st.session_state`` holds
only the user's selections (source, consent choices, roles, replay position, open tab, transcript search and page).
Everything that computes or formats lives in :mod:`pipeline.report` and the
pipeline it calls.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import streamlit as st

import models
from pipeline.errors import PipelineError
from pipeline.io.audio import load_audio
from pipeline.io.files import is_transcript
from pipeline.io.reportjson import report_json
from pipeline.io.transcripts import transcript_text
from pipeline.library.access import Grants, grants, server_mode
from pipeline.library.accounts import list_accounts
from pipeline.library.intake import save_upload
from pipeline.library.store import Store, consents_from_choices
from pipeline.library.trainer import previous_session
from pipeline.report import cards as report_cards
from pipeline.report import charts, compare, downloads, edit, frames, glance, htmlpage, markdown, text
from pipeline.run import orchestrate
from pipeline.types import Account, AnalyzeOptions, Report
from pipeline.types.inputs import AUDIO_SUFFIXES, TRANSCRIPT_SUFFIXES
from signin import signed_in

ROOT = Path(__file__).resolve().parent
SAMPLE = ROOT / "sample_sessions" / "matched.flac"
#: Whisper model for uploads; RAPPORT_ASR_MODEL=tiny.en makes tests fast.
ASR_MODEL = os.environ.get("RAPPORT_ASR_MODEL", "base")
AUDIO_TYPES = [suffix.lstrip(".") for suffix in AUDIO_SUFFIXES]
TRANSCRIPT_TYPES = [suffix.lstrip(".") for suffix in TRANSCRIPT_SUFFIXES]
#: session_state key of the open report tab (kept over reruns, so a play button does not switch tabs).
REPORT_TABS_KEY = "report_tab"
RETENTION = {"report": "Report only", "transcript": "Report and transcript", "audio": "Report, transcript and audio"}
#: The consent form's choice of how many people talk (0: not sure, estimated from the voices; issue 19).
PEOPLE = {2: "Two (one-on-one)", 3: "Three", 4: "Four", 1: "One (a recording of the mentor alone)",
          0: "Not sure: estimate it"}
SAMPLE_CONSENT = {
    "agreed": True,
    "participants": {"mentor": "Alex", "mentee": "Sam"},
    "retention": "report",
    "n_speakers": 2,
    "sample": True,
    "note": "Sample session: synthetic voices, no real person was recorded.",
}


@st.cache_resource(show_spinner="Loading the speech models (once per process)...")
def speech_models(name: str) -> dict:
    """Whisper, the voice-activity detector, the speaker encoder and the speaker-segmentation model, loaded once
    per process."""
    return {"asr": models.load_asr(name), "vad": models.load_vad(), "encoder": models.load_speaker_encoder(),
            "segmenter": models.load_segmentation()}


@st.cache_resource(show_spinner="Loading the language model (once per process)...")
def nlp_model():
    return models.load_nlp()


@st.cache_data(show_spinner=False, max_entries=4)
def analysis_of(data: bytes, name: str, model_name: str, n_speakers: int | None) -> Report:
    """The pipeline's report for an input (cached by content, name, model and the people asked for; None:
    estimated from the voices), with a progress bar.

    The bar is created inside the cached function, as Streamlit's cache replay requires,
    and removed when the analysis ends.
    """
    bar = st.progress(0.0, text="Starting...")
    started = time.monotonic()

    def progress(stage: str, fraction: float) -> None:
        overall, text = markdown.progress_text(stage, fraction, time.monotonic() - started)
        bar.progress(overall, text=text)

    try:
        options = AnalyzeOptions(model=model_name, n_speakers=n_speakers)
        if is_transcript(name):
            progress("measuring", 0.0)
            text = transcript_text(data, source_name=name)
            return orchestrate.analyze_transcript(text, source_name=name, options=options, nlp=nlp_model(),
                                                  syllable_table=syllables())
        progress("decoding", 0.0)
        recording = load_audio(data, source_name=name)
        return orchestrate.analyze_recording(recording, **speech_models(model_name), nlp=nlp_model(),
                                             syllable_table=syllables(), options=options, progress=progress)[0]
    finally:
        bar.empty()


@st.cache_data(show_spinner="Measuring rapport...", max_entries=8)
def with_roles(report: Report, roles: dict[str, tuple[str, str]]) -> Report:
    """The report with the roles and names the user set; re-measured from its stored turns when a role changed.

    Nothing is decoded or transcribed again: the per-turn audio measures are in the report
    (:func:`pipeline.run.orchestrate.remeasure`).
    """
    return edit.with_roles(report, roles,
                           remeasure=lambda r: orchestrate.remeasure(r, nlp=nlp_model(), syllable_table=syllables()))


@st.cache_resource(show_spinner=False)
def syllables():
    return models.load_syllable_table()


@st.cache_data(show_spinner=False, max_entries=4)
def html_of(report: Report) -> str:
    return htmlpage.html_report(report)


def source_ui() -> tuple[bytes, str] | None:
    """Sample button or upload; returns the chosen input's bytes and name."""
    st.info(
        "Processing is local: the recording and transcript are analysed on this computer and never leave it. "
        "No internet connection is used."
    )
    left, right = st.columns([2, 1])
    with left:
        upload = st.file_uploader(
            "Upload a recording (audio or video) or a transcript with speakers (VTT, SRT, Word, text, JSON)",
            type=AUDIO_TYPES + TRANSCRIPT_TYPES,
            key="upload",
            help=f"Files up to {st.get_option('server.maxUploadSize')} MB (set server.maxUploadSize in .streamlit/config.toml); "
            "larger uploads are refused. Transcripts as Teams, Zoom, Otter.ai, Rev or Google Meet export them; only a "
            "recording or VTT/SRT cues (start and end) give pace, pauses and interruptions.",
        )
    with right:
        st.markdown("**New here?**")
        if st.button("See a sample report", type="primary", help="A 2.5-minute synthetic mentoring session"):
            forget_selections()
            st.session_state["source"] = "sample"
            st.session_state["consent"] = SAMPLE_CONSENT
    if upload is not None:
        if st.session_state.get("source") != upload.file_id:
            forget_selections()
            st.session_state["source"] = upload.file_id
        return upload.getvalue(), upload.name
    if st.session_state.get("source") == "sample":
        return SAMPLE.read_bytes(), SAMPLE.name
    return None


def mentee_accounts() -> list[str]:
    """Server mode: the mentee accounts a consent can name (so the mentee sees the session in My data)."""
    with Store() as store:
        return [a.name for a in list_accounts(store, role="mentee") if not a.disabled]


def consent_ui(name: str, account: Account | None = None) -> dict | None:
    """The consent step; returns the choices once confirmed, else None (nothing is processed).

    In server mode the mentor's consent names the signed-in account and the mentee's the account chosen here.
    """
    if st.session_state.get("consent"):
        return st.session_state["consent"]
    placeholder = st.empty()
    with placeholder.form("consent_form"):
        st.subheader("Before the analysis: consent")
        st.write(f"File: **{text.md_escape(name)}**")
        agreed = st.checkbox("Everyone recorded in this session agreed to it being analysed.", key="agreed")
        c1, c2 = st.columns(2)
        mentor = c1.text_input("Mentor's name", key="mentor_name")
        mentee = c2.text_input("Mentee's name", key="mentee_name")
        recorded_by = st.text_input("Your name (who records this consent; default: the mentor)", key="recorded_by")
        people = st.selectbox("People speaking in the recording", list(PEOPLE), format_func=PEOPLE.get, key="n_people",
                              help="A group session: say how many talk. Not sure: Rapport estimates it from the "
                              "voices and says how sure it is.")
        mentee_account = st.selectbox("Mentee's account (they see the session in My data)", [""] + mentee_accounts(),
                                      key="mentee_account") if account is not None else ""
        retention = st.radio(
            "What is kept after the analysis", list(RETENTION), format_func=RETENTION.get, key="retention", horizontal=True
        )
        submitted = st.form_submit_button("Confirm and analyse", type="primary")
    if not submitted:
        return None
    if not agreed:
        st.error("The analysis needs the agreement of everyone recorded. Tick the box to confirm it.")
        return None
    if not mentor.strip() or not mentee.strip():
        st.error("Name the mentor and the mentee, so the report can show who is who.")
        return None
    consent = {"agreed": True, "participants": {"mentor": mentor.strip(), "mentee": mentee.strip()}, "retention": retention,
               "recorded_by": recorded_by.strip(), "n_speakers": people or None}
    if account is not None:
        consent["accounts"] = {"mentor": account.name, "mentee": mentee_account}
    st.session_state["consent"] = consent
    placeholder.empty()
    return consent


def analysis_ui(data: bytes, name: str, n_speakers: int | None) -> Report | None:
    """Runs (or fetches) the analysis; a pipeline error is shown as one message."""
    try:
        return analysis_of(data, name, ASR_MODEL, n_speakers)
    except PipelineError as err:
        st.error(text.md_escape(str(err)))
        return None


def set_roles(roles: dict[str, tuple[str, str]]) -> None:
    """Callback: store the chosen roles and show them in the role form's widgets."""
    st.session_state["roles"] = roles
    for label, (role, display) in roles.items():
        st.session_state[f"role_{label}"] = role
        st.session_state[f"name_{label}"] = display


def forget_selections() -> None:
    """A new input: forget the previous one's consent, roles, replay position, open tab and transcript view."""
    for key in list(st.session_state):
        if key in ("consent", "roles", "play_at", REPORT_TABS_KEY) or key.startswith(("role_", "name_", "transcript_")):
            del st.session_state[key]


def roles_ui(report: Report) -> dict[str, tuple[str, str]]:
    """Edit who is mentor and mentee (and their names); the report is recomputed from stored turns."""
    with st.expander(f"Who is who: {text.md_escape(text.roles_text(report))}. Swap mentor and mentee, rename",
                     expanded=False):
        st.button("Swap mentor and mentee", key="swap", on_click=set_roles, args=(edit.swap_roles(report),))
        with st.form("roles_form"):
            edited = {}
            for s in report.speakers:
                st.session_state.setdefault(f"role_{s.label}", s.role)
                st.session_state.setdefault(f"name_{s.label}", s.display_name)
                c1, c2 = st.columns(2)
                role = c1.selectbox(f"Role of {s.label}", edit.VALID_ROLES, key=f"role_{s.label}")
                display = c2.text_input(f"Name of {s.label}", key=f"name_{s.label}")
                edited[s.label] = (role, display)
            if st.form_submit_button("Apply"):
                st.session_state["roles"] = edited
                st.rerun()
    return dict(st.session_state.get("roles", {}))


def glance_ui(report: Report, has_audio: bool) -> None:
    """What went well and what to try next time, each with a play button to its moment."""
    st.header("At a glance")
    fb = glance.feedback(report)
    if fb.went_well or fb.to_try:
        for col, key in zip(st.columns(2), glance.FEEDBACK_TITLES, strict=True):
            with col:
                st.subheader(glance.FEEDBACK_TITLES[key], anchor=False)
                points = getattr(fb, key)
                if not points:
                    st.write("Nothing stands out here.")
                for i, point in enumerate(points):
                    with st.container(border=True, key=f"glance_{key}_{i}"):
                        st.markdown(glance.feedback_markdown(point))
                        if point.moment:
                            play_button(point.moment.start_s, f"glance_play_{key}_{i}", has_audio)
    st.caption(glance.feedback_caption(fb))


@st.cache_data(show_spinner=False, ttl=30, max_entries=32)
def previous_of(session_id: str, account: Account | None = None):
    """The mentor's stored session before this one (among those the account may read), as (summary, its stored
    indicators), or None."""
    with Store() as store:
        prev = previous_session(grants(store, account).visible(store.list_sessions(), "read"), session_id)
        return None if prev is None else (prev, store.indicators(prev.session_id))


def since_last_ui(report: Report, previous) -> None:
    """What changed since the mentor's previous stored session by more than the noise of a few turns."""
    if previous is None:
        return
    summary, indicators = previous
    lines, n_unclear = compare.since_last_markdown(indicators, report)
    st.subheader("Since your last session", anchor=False)
    st.caption(f"Compared with {text.md_escape(summary.mentor)}'s session of {summary.recorded_on} "
               f"({text.md_escape(summary.source_name)}), from the session library.")
    for line in lines:
        st.markdown(f"- {line}")
    st.caption(("No indicator changed by more than the noise of a few turns. " if not lines else "")
               + f"{n_unclear} more changed too little to tell from that noise; the Trainer page compares any two "
               "sessions.")


def cards_ui(report: Report) -> None:
    st.header("Rapport indicators")
    groups = report_cards.cards_by_category(report)
    if not groups:
        st.write("Indicators are not available for this input.")
    for title, cards in groups:
        st.subheader(title)
        for row in range(0, len(cards), 3):
            cols = st.columns(3)
            for col, card in zip(cols, cards[row : row + 3], strict=False):
                with col.container(border=True, key=f"card_{card.id}"):
                    st.markdown(f"**{text.md_escape(card.name)}**")
                    st.subheader(text.md_escape(card.value_text), anchor=False)
                    if card.interval_text:
                        st.caption(text.md_escape(card.interval_text))
                    st.markdown(markdown.status_markdown(card))
                    st.caption(text.md_escape(card.meaning))


def timeline_ui(report: Report) -> None:
    st.header("Who spoke when")
    if not report.turns:
        st.write("Not available for this input: no speech was found.")
        return
    st.altair_chart(charts.timeline_chart(report), width="stretch")
    st.caption(charts.CHART_CAPTIONS["timeline"])
    st.altair_chart(charts.talk_share_chart(report), width="stretch")
    st.caption(charts.CHART_CAPTIONS["talk_share"])


def matching_ui(report: Report) -> None:
    st.header("Matching over the session")
    st.caption("Each person's value per turn. Beside each chart, the matching scores: how close the mentor came to the "
               "mentee's turn just before, compared with the mentee's other turns (their baseline).")
    for measure, (title, _, caption) in text.PROSODY_MEASURES.items():
        st.subheader(title)
        chart_col, score_col = st.columns([3, 1])
        with chart_col:
            chart = charts.prosody_chart(report, measure)
            if chart is None:
                st.write("Not available for this input.")
            else:
                st.altair_chart(chart, width="stretch")
                st.caption(caption)
        with score_col:
            cards = report_cards.matching_cards(report, measure)
            if not cards:
                st.caption("Matching scores: not available for this input.")
            for card in cards:
                interval = f"  \n:gray[{text.md_escape(card.interval_text)}]" if card.interval_text else ""
                st.markdown(f"{text.md_escape(card.name)}  \n**{text.md_escape(card.value_text)}** · {markdown.status_markdown(card)}"
                            f"{interval}")


def phrases_ui(report: Report) -> None:
    st.header("Shared key phrases")
    frame = frames.shared_phrases_frame(report)
    if frame.empty:
        st.write("No key phrase was taken up by the other person.")
        return
    st.dataframe(frame, hide_index=True, width="stretch")
    st.caption("Who said a phrase first and when the other person took it up. Good: the mentor picks up the mentee's own words.")


def player_ui(data: bytes | None, name: str) -> None:
    """The one audio player, in the sidebar so it stays in view; play buttons elsewhere set where it starts."""
    if data is None:
        return
    st.subheader("Recording", anchor=False)
    at = float(st.session_state.get("play_at", 0.0))
    st.audio(data, format=downloads.audio_mime(name), start_time=int(at), autoplay=at > 0)
    if at > 0:
        st.caption(f"Playing from {text.fmt_clock(at)}")


def play_button(start_s: float, key: str, enabled: bool) -> None:
    if st.button(f"▶ {text.fmt_clock(start_s)}", key=key, disabled=not enabled, help="Play from here"):
        st.session_state["play_at"] = float(start_s)
        st.rerun()


def moments_ui(report: Report, has_audio: bool) -> None:
    st.header("Moments worth a look")
    ms = report_cards.moments(report)
    if not ms:
        st.write("Not available for this input.")
    names = text.speaker_names(report)
    for i, m in enumerate(ms):
        c1, c2 = st.columns([1, 8])
        with c1:
            play_button(m.start_s, f"moment_{i}", has_audio)
        with c2:
            st.markdown(f"**{text.md_escape(m.indicator_name)}** · {text.md_escape(names.get(m.speaker, m.speaker))}")
            st.markdown(f"> {text.md_escape(m.quote)}")
            if m.note:
                st.caption(text.md_escape(m.note))


def first_page() -> None:
    """Callback: a new search or filter starts at the first page."""
    st.session_state["transcript_page"] = 1


def next_page() -> None:
    """Callback: the page after the one shown."""
    st.session_state["transcript_page"] = st.session_state.get("transcript_page", 1) + 1


def transcript_ui(report: Report, has_audio: bool) -> None:
    st.header("Transcript")
    st.caption("Questions are highlighted; after a mentor's turn, what it did (reflection, question, advice, ...). "
               "▶ plays the recording from that turn (in the player in the sidebar).")
    frame = frames.turns_frame(report)
    if frame.empty:
        st.write("Not available for this input.")
        return
    c1, c2, c3 = st.columns([3, 4, 1], vertical_alignment="bottom")
    query = c1.text_input("Find words or a name", key="transcript_query", on_change=first_page)
    show = c2.radio("Show", list(frames.TRANSCRIPT_SHOW), format_func=frames.TRANSCRIPT_SHOW.get, key="transcript_show",
                    horizontal=True, on_change=first_page)
    shown = frames.filter_turns(frame, query=query, show=show)
    n_pages = frames.transcript_page(shown, page=1, per_page=frames.TRANSCRIPT_PAGE_TURNS)[2]
    if not 1 <= st.session_state.get("transcript_page", 1) <= n_pages:
        st.session_state["transcript_page"] = min(max(st.session_state["transcript_page"], 1), n_pages)
    page = c3.number_input("Page", min_value=1, max_value=n_pages, step=1, key="transcript_page")
    rows, page, n_pages = frames.transcript_page(shown, page=page, per_page=frames.TRANSCRIPT_PAGE_TURNS)
    if rows.empty:
        st.write("No turn matches." if len(frame) else "Not available for this input.")
        return
    first = (page - 1) * frames.TRANSCRIPT_PAGE_TURNS + 1
    of = f"{len(shown)} of {len(frame)} turns" if len(shown) < len(frame) else f"{len(frame)} turns"
    st.caption(f"Turns {first}–{first + len(rows) - 1} of {of} · page {page} of {n_pages}")
    for row in rows.itertuples(index=False):
        c1, c2 = st.columns([1, 8])
        with c1:
            play_button(row.start_s, f"turn_{row.turn}", has_audio)
        with c2:
            st.markdown(markdown.turn_markdown(row))
    if page < n_pages:
        st.button("Next page", key="transcript_next", on_click=next_page)


def downloads_ui(report: Report) -> None:
    st.header("Downloads")
    stem = downloads.download_stem(report)
    cols = st.columns(5)
    cols[0].download_button("report.json", report_json(report), f"{stem}.report.json", "application/json")
    cols[1].download_button("Turns (CSV)", downloads.turns_csv(report), f"{stem}.turns.csv", "text/csv")
    cols[2].download_button("Subtitles (VTT)", downloads.turns_vtt(report), f"{stem}.vtt", "text/vtt")
    cols[3].download_button("Subtitles (SRT)", downloads.turns_srt(report), f"{stem}.srt", "application/x-subrip")
    cols[4].download_button("Report (HTML)", html_of(report), f"{stem}.report.html", "text/html")
    st.caption("The HTML report is self-contained (charts included): it opens in any browser, without this app or a network.")


def report_ui(report: Report, data: bytes, name: str, previous=None) -> None:
    st.success(markdown.summary_line(report))
    for warning in report.warnings:
        st.warning(text.md_escape(warning))
    has_audio = report.input_kind == "audio"
    with st.sidebar:
        player_ui(data if has_audio else None, name)
    views = {
        "Overview": lambda: (glance_ui(report, has_audio), since_last_ui(report, previous), cards_ui(report),
                             timeline_ui(report)),
        "Matching": lambda: (matching_ui(report), phrases_ui(report)),
        "Moments": lambda: moments_ui(report, has_audio),
        "Transcript": lambda: transcript_ui(report, has_audio),
        "Downloads": lambda: downloads_ui(report),
    }
    # Only the open tab is built: a long session's transcript is not sent with every click elsewhere.
    for tab, view in zip(st.tabs(list(views), key=REPORT_TABS_KEY, on_change="rerun"), views.values(), strict=True):
        if tab.open:
            with tab:
                view()


def store_ui(report: Report, data: bytes, name: str, consent: dict) -> str | None:
    """Keeps the session in the library (RAPPORT_DB) as the consent allows, once per input; the sample is not kept.

    Returns the stored session's id, or None.
    """
    if consent.get("sample"):
        return None
    key = f"stored_{report.sha256}"
    if key not in st.session_state:
        try:
            people = [(name, role) for role, name in consent["participants"].items()]
            records = consents_from_choices(people, keep=consent["retention"],
                                            recorded_by=consent.get("recorded_by") or consent["participants"]["mentor"],
                                            accounts=consent.get("accounts"))
            with Store() as store:
                st.session_state[key] = save_upload(store, report, consents=records,
                                                    data=data if report.input_kind == "audio" else None,
                                                    suffix=Path(name).suffix)
        except PipelineError as err:
            st.warning(f"The report is shown but was not kept in the session library: {text.md_escape(str(err))}")
            st.session_state[key] = None
    stored = st.session_state[key]
    if stored:
        sid, created = stored
        st.caption(f"{'Kept' if created else 'Already'} in the session library as {sid} "
                   f"({RETENTION[consent['retention']].lower()}); delete it from the Trainer page.")
        return sid
    return None


def main() -> None:
    st.set_page_config(page_title="Rapport", layout="wide")
    account = signed_in()
    st.title("Rapport: how a mentoring session built rapport")
    st.caption(text.md_escape(text.REPORT_PURPOSE))
    if account is not None and not Grants(account).may("upload"):  # a role action: no session to read
        st.info("Analysing and keeping sessions is for mentor accounts. "
                + {"trainer": "Your mentors' sessions are on the Trainer page.", "mentee": "Your sessions are on My data.",
                   "admin": "Accounts and assignments are on the Accounts page."}.get(account.role, ""))
        return
    source = source_ui()
    if source is None:
        st.write("Upload a recording or try the sample session to see a report.")
        return
    data, name = source
    consent = consent_ui(name, account)
    if consent is None:
        return
    report = analysis_ui(data, name, consent["n_speakers"])
    if report is None:
        return
    report = edit.with_names(report, consent["participants"])
    roles = roles_ui(report)
    if roles:
        report = with_roles(report, roles)
    sid = store_ui(report, data, name, consent)
    report_ui(report, data, name, previous_of(sid, account) if sid else None)


def with_accounts_page() -> bool:
    """The Accounts page is listed in server mode only (one person's machine has no accounts); a bad
    ``RAPPORT_AUTH`` lists it not, and every page's sign-in gate says what is wrong."""
    try:
        return server_mode()
    except PipelineError:
        return False


if __name__ == "__main__":
    # Named pages in the sidebar ("Session report", "Trainer", "My data") rather than the file names ("app").
    st.navigation([
        st.Page(main, title="Session report", default=True),
        st.Page(ROOT / "pages" / "1_Trainer.py", title="Trainer", url_path="Trainer"),
        st.Page(ROOT / "pages" / "2_My_data.py", title="My data", url_path="my-data"),
        *([st.Page(ROOT / "pages" / "3_Accounts.py", title="Accounts", url_path="accounts")]
          if with_accounts_page() else []),
    ]).run()
