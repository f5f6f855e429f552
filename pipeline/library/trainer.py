"""Tables for the trainer view: all sessions, one mentor over time, two sessions side by side, mentee baselines.

Pure functions over what :class:`pipeline.library.store.Store` returns (``SessionSummary``,
``Report``, per-turn measure frames); they return pandas DataFrames for the app.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

import pandas as pd

from pipeline.library.consent import same_person
from pipeline.library.kept import turn_measures
from pipeline.report.cards import indicator_cards
from pipeline.report.compare import CHANGE_DOWN, CHANGE_UNCLEAR, CHANGE_UP, compare_reports
from pipeline.report.glance import feedback
from pipeline.types import Baseline, Indicator, Report, SessionSummary

#: Population norms used when a mentee has too few stored sessions of their own.
#: Pace: typical conversational English, about 150 words per minute. Pause: the
#: gap between one speaker's turn and the next is about 0.2 s across languages
#: (Stivers et al. 2009, PNAS 106:10587).
POPULATION_BASELINE = Baseline(person="", source="population", n_sessions=0, n_turns=0, pace_wpm=150.0, pause_s=0.2)

#: Sessions of their own a mentee needs before their own baseline replaces the population norm.
MIN_BASELINE_SESSIONS = 2

SESSION_COLUMNS = ["session_id", "date", "mentor", "mentee", "source", "minutes", "model", "transcript", "audio"]


def sessions_frame(summaries: Sequence[SessionSummary]) -> pd.DataFrame:
    """One row per session: :data:`SESSION_COLUMNS` then one column per indicator id (its value)."""
    rows = []
    for s in summaries:
        row = {"session_id": s.session_id, "date": pd.Timestamp(s.recorded_on), "mentor": s.mentor,
               "mentee": s.mentee, "source": s.source_name, "minutes": round(s.duration_s / 60.0, 1),
               "model": s.model_name, "transcript": s.keeps_transcript, "audio": s.keeps_audio}
        row.update({k: (float("nan") if v is None else v) for k, v in s.indicators})
        rows.append(row)
    df = pd.DataFrame(rows)
    if df.empty:
        return pd.DataFrame(columns=SESSION_COLUMNS)
    return df


def indicator_columns(df: pd.DataFrame) -> list[str]:
    """The indicator-id columns of a :func:`sessions_frame`."""
    return [c for c in df.columns if c not in SESSION_COLUMNS]


def filter_sessions(
    df: pd.DataFrame,
    *,
    mentors: Sequence[str] = (),
    start: date | None = None,
    end: date | None = None,
    indicator: str | None = None,
    low: float | None = None,
    high: float | None = None,
) -> pd.DataFrame:
    """Rows of a :func:`sessions_frame` by mentor, date range (inclusive) and an indicator's value range."""
    keep = pd.Series(True, index=df.index)
    if mentors:
        keep &= df["mentor"].isin(list(mentors))
    if start is not None:
        keep &= df["date"] >= pd.Timestamp(start)
    if end is not None:
        keep &= df["date"] <= pd.Timestamp(end)
    if indicator:
        col = df[indicator] if indicator in df else pd.Series(float("nan"), index=df.index)
        keep &= col.notna()
        if low is not None:
            keep &= col >= low
        if high is not None:
            keep &= col <= high
    return df[keep]


HISTORY_COLUMNS = ["date", "session_id", "indicator", "value", "low", "high"]


def indicator_history(df: pd.DataFrame, mentor: str,
                      intervals: Sequence[SessionSummary] | None = None) -> pd.DataFrame:
    """One mentor's indicators over time, long form (:data:`HISTORY_COLUMNS`), sorted by indicator and date.

    Parameters
    ----------
    df : DataFrame
        A :func:`sessions_frame`, possibly filtered.
    mentor : str
        Whose sessions.
    intervals : sequence of SessionSummary, optional
        The summaries ``df`` was made from: ``low`` and ``high`` then hold each
        value's 95 % interval (``SessionSummary.intervals``), so a chart can
        show which changes from session to session are larger than the noise
        of a few turns. NaN where an indicator has none (or without
        ``intervals``).
    """
    mine = df[df["mentor"] == mentor]
    cols = indicator_columns(df)
    long = mine.melt(id_vars=["date", "session_id"], value_vars=cols, var_name="indicator", value_name="value")
    long = long.dropna(subset=["value"])
    ci = pd.DataFrame([(s.session_id, iid, low, high) for s in intervals or () for iid, low, high in s.intervals],
                      columns=["session_id", "indicator", "low", "high"])
    long = long.merge(ci, on=["session_id", "indicator"], how="left").astype({"low": float, "high": float})
    return long[HISTORY_COLUMNS].sort_values(["indicator", "date"]).reset_index(drop=True)


def previous_session(summaries: Sequence[SessionSummary], session_id: str) -> SessionSummary | None:
    """The same mentor's stored session just before ``session_id``: by recording date, then by when it was stored.

    The mentor is matched by name as typed at consent, case and spacing ignored
    (:func:`pipeline.library.consent.same_person`). None when ``session_id`` is not among
    ``summaries``, the mentor has no earlier session, or has no name (only a
    speaker label such as "S1", which names different people in different
    sessions).
    """
    this = next((s for s in summaries if s.session_id == session_id), None)
    if this is None or not this.mentor or re.fullmatch(r"S\d+", this.mentor.strip()):
        return None
    earlier = [s for s in summaries if s.session_id != session_id and same_person(s.mentor, this.mentor)
               and (s.recorded_on, s.stored_at) < (this.recorded_on, this.stored_at)]
    return max(earlier, key=lambda s: (s.recorded_on, s.stored_at), default=None)


def baseline_from_measures(
    measures: pd.DataFrame,
    person: str,
    *,
    exclude_session: str | None = None,
    min_sessions: int = MIN_BASELINE_SESSIONS,
    population: Baseline = POPULATION_BASELINE,
) -> Baseline:
    """A person's usual pace and pauses from their per-turn measures in *other* sessions.

    Parameters
    ----------
    measures : DataFrame
        ``Store.participant_turn_measures(person)``: columns ``session_id, turn_idx, measure, value``.
    exclude_session : str or None
        The session being looked at (a baseline compares it with the person's other sessions).
    min_sessions : int
        Fewer sessions than this gives ``population`` instead.

    Returns
    -------
    Baseline
        ``source="own"`` with medians over their turns, or the population norm.
    """
    m = measures if exclude_session is None else measures[measures["session_id"] != exclude_session]
    n_sessions = m["session_id"].nunique() if len(m) else 0
    pace = m.loc[m["measure"] == "pace_wpm", "value"].dropna()
    pause = m.loc[m["measure"] == "pause_before_s", "value"].dropna()
    pause = pause[pause >= 0]
    if n_sessions < min_sessions or pace.empty or pause.empty:
        return population
    return Baseline(person=person, source="own", n_sessions=int(n_sessions), n_turns=int(len(pace)),
                    pace_wpm=float(pace.median()), pause_s=float(pause.median()))


def session_vs_baseline(report: Report, label: str, baseline: Baseline,
                        population: Baseline = POPULATION_BASELINE) -> pd.DataFrame:
    """One person's pace and pauses in ``report`` against their baseline and the population norm.

    Rows ``pace_wpm`` and ``pause_s``; columns ``this session``, ``usual`` (their
    baseline, or the population norm when that is all there is), ``population``,
    ``vs usual`` (ratio this/usual).
    """
    speaker_turns = {t.index for t in report.turns if t.speaker == label}
    rows = [r for r in turn_measures(report) if r[0] in speaker_turns and r[2] is not None]
    pace = pd.Series([v for _, k, v in rows if k == "pace_wpm"], dtype=float)
    pause = pd.Series([v for _, k, v in rows if k == "pause_before_s" and v >= 0], dtype=float)
    this = {"pace_wpm": pace.median() if len(pace) else None, "pause_s": pause.median() if len(pause) else None}
    out = []
    for k in ("pace_wpm", "pause_s"):
        usual = getattr(baseline, k)
        out.append({"measure": k, "this session": this[k], "usual": usual, "usual from": baseline.source,
                    "population": getattr(population, k),
                    "vs usual": (this[k] / usual) if this[k] is not None and usual else None})
    return pd.DataFrame(out).set_index("measure")


FOLLOWUP_COLUMNS = ["date", "session_id", "to_try", "value", "advice", "next_date", "next_value", "next", "change",
                    "change 95 %"]
#: The ``change`` column of :func:`followup` where both sessions give an interval and the change holds 0.
FOLLOWUP_NO_CLEAR_CHANGE = "no clear change"
#: What became of a point to try in the next session, by the indicator's status there.
FOLLOWUP_OUTCOME = {"in band": "now in the good range", "below": "still to try", "above": "still to try"}
#: The outcome when the next session measured it with low confidence (too short, too few turns, weak attribution).
FOLLOWUP_UNCLEAR = "unclear (low confidence)"


def followup(sessions: Sequence[tuple[str, str, Report | Sequence[Indicator]]]) -> pd.DataFrame:
    """One mentor's sessions in order: each thing to try, and what became of it in the next session.

    Parameters
    ----------
    sessions : sequence of (session_id, date, Report or indicators)
        One mentor's sessions; sorted here by date (ISO ``YYYY-MM-DD``). The
        indicators alone will do (:meth:`pipeline.library.store.Store.indicators`).

    Returns
    -------
    DataFrame
        Columns :data:`FOLLOWUP_COLUMNS`: per session (in date order) each
        point of :func:`pipeline.report.glance.feedback`'s ``to_try``, its value, its
        advice, and in the next session that indicator's value and ``next``: "now in
        the good range", "still to try", :data:`FOLLOWUP_UNCLEAR` (measured there
        with low confidence, so neither verdict holds), "not measured" (unavailable
        there), or "" for the last session. ``change`` and ``change 95 %`` are
        :func:`compare_reports`' verdict on the move to the next session: where
        the value went against the good range ("now in the good range", "closer
        to the good range", "further from the good range", ...) when the change's
        95 % interval is clear of 0, :data:`FOLLOWUP_NO_CLEAR_CHANGE` when it holds
        0 (the next value may be in range, but by no more than the noise of a few
        turns), "" where either session has no interval. Empty (with the columns)
        when nothing was to try.
    """
    ordered = sorted(sessions, key=lambda s: s[1])
    rows = []
    for i, (sid, day, report) in enumerate(ordered):
        nxt = ordered[i + 1] if i + 1 < len(ordered) else None
        cards = {c.id: c for c in indicator_cards(nxt[2])} if nxt else {}
        moves = compare_reports(report, nxt[2]).set_index("id") if nxt else None
        for p in feedback(report).to_try:
            card = cards.get(p.indicator_id)
            if nxt is None:
                outcome = ""
            elif card is None or card.status not in FOLLOWUP_OUTCOME:
                outcome = "not measured"
            elif card.confidence == "low":
                outcome = FOLLOWUP_UNCLEAR
            else:
                outcome = FOLLOWUP_OUTCOME[card.status]
            move = moves.loc[p.indicator_id] if moves is not None and p.indicator_id in moves.index else None
            change = "" if move is None or not move["change"] else (
                FOLLOWUP_NO_CLEAR_CHANGE if move["change"] == CHANGE_UNCLEAR
                else move["good range"] or {CHANGE_UP: "higher", CHANGE_DOWN: "lower"}[move["change"]])
            rows.append({
                "date": day, "session_id": sid, "to_try": p.name, "value": p.value_text, "advice": p.advice,
                "next_date": nxt[1] if nxt else "", "next_value": card.value_text if card else "", "next": outcome,
                "change": change, "change 95 %": move["B - A 95 %"] if move is not None else "",
            })
    return pd.DataFrame(rows, columns=FOLLOWUP_COLUMNS)
