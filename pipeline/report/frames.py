"""Tables the app, the CSV and the HTML report show: turns, talk shares, per-turn prosody, shared phrases."""

from __future__ import annotations

import pandas as pd

from pipeline.errors import InvalidParameterError
from pipeline.measures.helping import code_text
from pipeline.report.text import PROSODY_MEASURES, WORD_RE, fmt_clock, speaker_names, speaker_roles
from pipeline.types import (
    Report,
    Turn,
)

# Frames
# --------------------------------------------------------------------------

TURN_COLUMNS = ["turn", "speaker", "name", "role", "start_s", "end_s", "duration_s", "question", "overlap", "n_words",
                "mentor_did", "text"]


def turns_frame(report: Report) -> pd.DataFrame:
    """One row per turn.

    Questions, interruptions and what each mentor turn did are the per-turn decisions of the measures
    (``report.turn_measures``: the same ones the cards count; ``mentor_did`` in the words of
    :func:`pipeline.measures.helping.code_text`, "" for the mentee's turns); a report without them (made before
    version 0.4.0) marks no turn a question and codes none.

    Returns
    -------
    DataFrame
        Columns ``turn, speaker, name, role, start_s, end_s, duration_s, question,
        overlap, n_words, mentor_did, text``; times in seconds; empty (with the columns) when the
        report has no turns.
    """
    names = speaker_names(report)
    measured = {m.index: m for m in report.turn_measures}

    def question(t: Turn) -> bool:
        m = measured.get(t.index)
        return bool(m is not None and m.question.is_question)

    def overlap(t: Turn) -> bool:
        m = measured.get(t.index)
        return bool(t.overlap or (m is not None and m.is_interruption))

    def mentor_did(t: Turn) -> str:
        m = measured.get(t.index)
        return code_text(m.code) if m is not None and t.role == "mentor" else ""

    rows = [
        {
            "turn": t.index,
            "speaker": t.speaker,
            "name": names.get(t.speaker, t.speaker),
            "role": t.role,
            "start_s": round(t.start_s, 3),
            "end_s": round(t.end_s, 3),
            "duration_s": round(t.end_s - t.start_s, 3),
            "question": question(t),
            "overlap": overlap(t),
            "n_words": len(t.words) if t.words else len(WORD_RE.findall(t.text.lower())),
            "mentor_did": mentor_did(t),
            "text": t.text,
        }
        for t in report.turns
    ]
    return pd.DataFrame(rows, columns=TURN_COLUMNS)


#: Which turns the transcript shows: every turn, questions only, or turns over the other speaker.
TRANSCRIPT_SHOW = {"all": "All turns", "questions": "Questions", "overlaps": "Over the other speaker",
                   "reflections": "Mentor's reflections", "telling": "Mentor's advice and information",
                   "judging": "Mentor judging"}
#: The words of ``mentor_did`` each of those kinds looks for (:func:`pipeline.measures.helping.code_text`).
_SHOW_WORDS = {"reflections": ("reflection",), "telling": ("advice", "information"), "judging": ("judging",)}
#: Turns per transcript page: a 60-minute session has about 800 turns, one play button each.
TRANSCRIPT_PAGE_TURNS = 40


def filter_turns(frame: pd.DataFrame, *, query: str = "", show: str = "all") -> pd.DataFrame:
    """The rows of :func:`turns_frame` that contain ``query`` and are of the kind ``show``.

    Parameters
    ----------
    frame : DataFrame
        Rows of :func:`turns_frame`.
    query : str, optional
        Words to find, case-insensitive, in the turn's text or the speaker's
        name; runs of spaces count as one. ``""`` (default) keeps every row.
    show : {"all", "questions", "overlaps", "reflections", "telling", "judging"}, optional
        Every turn (default), questions only, turns that start over the other speaker, or the mentor's turns that
        reflect, advise or inform, or judge (their ``mentor_did``).

    Returns
    -------
    DataFrame
        The matching rows, in order, with the columns of ``frame``.
    """
    if show not in TRANSCRIPT_SHOW:
        raise InvalidParameterError(f"show={show!r} is not one of {', '.join(TRANSCRIPT_SHOW)}; pick one of those.")
    keep = pd.Series(True, index=frame.index)
    if show in ("questions", "overlaps"):
        keep &= frame["question" if show == "questions" else "overlap"].astype(bool)
    elif show != "all":
        did = frame["mentor_did"].astype(str)
        keep &= pd.concat([did.str.contains(w, regex=False) for w in _SHOW_WORDS[show]], axis=1).any(axis=1)
    needle = " ".join(query.lower().split())
    if needle:
        hay = (frame["name"].astype(str) + " " + frame["text"].astype(str)).str.lower().str.split().str.join(" ")
        keep &= hay.str.contains(needle, regex=False)
    return frame[keep]


def transcript_page(frame: pd.DataFrame, *, page: int, per_page: int = TRANSCRIPT_PAGE_TURNS
                    ) -> tuple[pd.DataFrame, int, int]:
    """One page of transcript rows.

    Parameters
    ----------
    frame : DataFrame
        Rows to page through (e.g. from :func:`filter_turns`).
    page : int
        1-based page number; clipped to the pages there are, so a page number
        kept from a longer list still shows something.
    per_page : int, optional
        Rows per page, at least 1 (default :data:`TRANSCRIPT_PAGE_TURNS`).

    Returns
    -------
    rows : DataFrame
        At most ``per_page`` rows of ``frame``.
    page : int
        The page shown, in ``[1, n_pages]``.
    n_pages : int
        Number of pages, at least 1 (one empty page for an empty frame).
    """
    if per_page < 1:
        raise InvalidParameterError(f"per_page={per_page} must be at least 1.")
    n_pages = max(1, -(-len(frame) // per_page))
    page = min(max(int(page), 1), n_pages)
    return frame.iloc[(page - 1) * per_page : page * per_page], page, n_pages


def talk_share_frame(report: Report) -> pd.DataFrame:
    """Speaking time per person.

    Returns
    -------
    DataFrame
        Columns ``speaker, name, role, talk_s, share_pct, n_turns``, one row per
        speaker (mentor first); ``share_pct`` sums to 100 when anyone spoke.
    """
    frame = turns_frame(report)
    roles = speaker_roles(report)
    names = speaker_names(report)
    labels = [s.label for s in report.speakers] + [s for s in frame["speaker"].unique() if s not in names]
    total = float(frame["duration_s"].sum()) if len(frame) else 0.0
    rows = []
    for label in labels:
        mine = frame[frame["speaker"] == label]
        talk = float(mine["duration_s"].sum())
        rows.append(
            {
                "speaker": label,
                "name": names.get(label, label),
                "role": roles.get(label, "other"),
                "talk_s": round(talk, 2),
                "share_pct": round(100.0 * talk / total, 1) if total > 0 else 0.0,
                "n_turns": int(len(mine)),
            }
        )
    out = pd.DataFrame(rows, columns=["speaker", "name", "role", "talk_s", "share_pct", "n_turns"])
    order = {"mentor": 0, "mentee": 1}
    return out.sort_values("role", key=lambda r: r.map(lambda x: order.get(x, 2)), kind="stable").reset_index(drop=True)


def prosody_frame(report: Report) -> pd.DataFrame:
    """Per-turn pace, loudness and pitch of each person, long format for charts.

    The values are the report's per-turn measures (``report.turn_measures``): the same pace, loudness and
    pitch the matching indicators are computed from. A report without them gives an empty frame.

    Returns
    -------
    DataFrame
        Columns ``time_s, speaker, name, role, measure, value``: ``time_s`` is the
        turn's midpoint in seconds, ``measure`` one of :data:`PROSODY_MEASURES`.
        Turns too short for a value (and NaN values) are left out.
    """
    names, roles = speaker_names(report), speaker_roles(report)
    cols = ["time_s", "speaker", "name", "role", "measure", "value"]
    source = [{"speaker": m.speaker, "start_s": m.start_s, "end_s": m.end_s, "pace_wpm": m.pace_wpm,
               "rms_db": m.prosody.rms_db, "f0_hz": m.prosody.f0_median_hz} for m in report.turn_measures]
    rows = []
    for r in source:
        if r.get("speaker") is None or r.get("start_s") is None:
            continue
        mid = (float(r["start_s"]) + float(r.get("end_s") or r["start_s"])) / 2.0
        for measure in PROSODY_MEASURES:
            value = r.get(measure)
            if value is None or value != value:
                continue
            rows.append(
                {
                    "time_s": round(mid, 3),
                    "speaker": r["speaker"],
                    "name": names.get(r["speaker"], r["speaker"]),
                    "role": roles.get(r["speaker"], "other"),
                    "measure": measure,
                    "value": float(value),
                }
            )
    return pd.DataFrame(rows, columns=cols)


def shared_phrases_frame(report: Report) -> pd.DataFrame:
    """The report's shared key phrases (:attr:`~pipeline.types.Report.shared_phrases`) as a table.

    Columns: phrase, said first by, at, taken up by, taken up at (``m:ss``),
    after (how long it took, ``m:ss``), uses (both people). Empty where no phrase
    was taken up or the transcript is not kept.
    """
    names = speaker_names(report)
    rows = [
        {
            "phrase": p.phrase,
            "said first by": names.get(p.first_speaker, p.first_speaker),
            "at": fmt_clock(p.first_s),
            "taken up by": names.get(p.taken_up_by, p.taken_up_by),
            "taken up at": fmt_clock(p.taken_up_s),
            "after": fmt_clock(p.taken_up_s - p.first_s),
            "uses": p.n_uses,
        }
        for p in report.shared_phrases
    ]
    return pd.DataFrame(rows, columns=["phrase", "said first by", "at", "taken up by", "taken up at", "after", "uses"])


# --------------------------------------------------------------------------
