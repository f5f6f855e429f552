"""Trainer-view tables over a real store (SQLite and PostgreSQL): list, filter, one mentor over time, compare,
mentee baseline."""

from __future__ import annotations

import dataclasses
from datetime import date

import pandas as pd
import pytest

from pipeline.library.store import file_sha256
from pipeline.library.trainer import (
    POPULATION_BASELINE,
    baseline_from_measures,
    filter_sessions,
    indicator_history,
    session_vs_baseline,
    sessions_frame,
)
from pipeline.report.compare import compare_reports

from .conftest import SAMPLES
from .storehelp import consent_pair, report_from_truth


@pytest.fixture
def three_sessions(library, truths):
    """Three sample sessions on each backend: Alex mentors Sam twice, Jo mentors Sam once."""
    plan = [("matched", "2025-03-01", "Alex Morgan"), ("unmatched", "2025-03-08", "Alex Morgan"),
            ("dual_channel", "2025-03-15", "Jo Park")]
    store = library.store()
    ids, reports = {}, {}
    for name, day, mentor in plan:
        path = SAMPLES / f"{name}.flac"
        r = report_from_truth(truths[name], source_name=path.name, sha256=file_sha256(path))
        ids[name] = store.save(r, consents=consent_pair(mentor=mentor), recorded_on=day)
        reports[name] = r
    yield store, ids, reports
    store.close()


def _talk_share(r):
    return next(i.value for i in r.indicators if i.id == "mentor_talk_share")


def test_sessions_table_filters(three_sessions):
    store, ids, reports = three_sessions
    df = sessions_frame(store.list_sessions())
    assert list(df["session_id"]) == [ids["dual_channel"], ids["unmatched"], ids["matched"]]
    assert set(df.columns) >= {"mentor", "mentee", "date", "minutes", "mentor_talk_share", "mentee_questions"}
    assert df.set_index("session_id").loc[ids["matched"], "mentor_talk_share"] == pytest.approx(
        _talk_share(reports["matched"]))
    assert set(filter_sessions(df, mentors=["Alex Morgan"])["session_id"]) == {ids["matched"], ids["unmatched"]}
    assert list(filter_sessions(df, start=date(2025, 3, 2), end=date(2025, 3, 8))["session_id"]) == [ids["unmatched"]]
    shares = {n: _talk_share(r) for n, r in reports.items()}
    cut = sorted(shares.values())[1]
    got = set(filter_sessions(df, indicator="mentor_talk_share", low=cut)["session_id"])
    assert got == {ids[n] for n, v in shares.items() if v >= cut} and len(got) == 2
    # An indicator that is never available filters everything out.
    assert filter_sessions(df, indicator="pitch_match").empty
    assert df.sort_values("mentor_talk_share")["mentor_talk_share"].is_monotonic_increasing


def test_indicator_history_and_compare(three_sessions):
    store, ids, reports = three_sessions
    df = sessions_frame(store.list_sessions())
    hist = indicator_history(df, "Alex Morgan")
    share = hist[hist.indicator == "mentor_talk_share"]
    assert list(share["date"]) == [pd.Timestamp("2025-03-01"), pd.Timestamp("2025-03-08")]
    assert list(share["value"]) == pytest.approx([_talk_share(reports["matched"]), _talk_share(reports["unmatched"])])
    assert "pitch_match" not in set(hist.indicator)  # unavailable values are not plotted

    a, b = store.load_report(ids["matched"]), store.load_report(ids["unmatched"])
    cmp = compare_reports(a, b).set_index("id")
    assert list(cmp.index) == [i.id for i in a.indicators]
    assert cmp.loc["mentor_talk_share", "B - A"] == pytest.approx(_talk_share(b) - _talk_share(a))
    assert cmp.loc["mentor_talk_share", "band"] == "30-50"
    assert pd.isna(cmp.loc["pitch_match", "B - A"])


def test_history_and_stored_indicators_keep_intervals(library, truths):
    """Intervals go into the store with the values: the history has them per session, and feedback built from the
    stored indicators alone names what is too few to tell exactly as the full report does."""
    from pipeline.report.glance import feedback

    given = {"matched": (38.25, 60.5), "unmatched": (30.0, 44.0)}
    confidence = {"matched": "low", "unmatched": "high"}  # as the measures set it: an interval holding an edge
    with library.store() as store:
        ids, reports = {}, {}
        for name, day in (("matched", "2025-03-01"), ("unmatched", "2025-03-08")):
            path = SAMPLES / f"{name}.flac"
            r = report_from_truth(truths[name], source_name=path.name, sha256=file_sha256(path))
            r = dataclasses.replace(r, indicators=tuple(
                dataclasses.replace(i, ci95=given[name], confidence=confidence[name]) if i.id == "mentor_talk_share"
                else i for i in r.indicators))
            ids[name] = store.save(r, consents=consent_pair(), recorded_on=day)
            reports[name] = r
        summaries = store.list_sessions()
        stored = {n: store.indicators(sid) for n, sid in ids.items()}
        names = store.indicator_names()
    assert names == {i.id: (i.name, i.unit) for i in reports["unmatched"].indicators}
    hist = indicator_history(sessions_frame(summaries), "Alex Morgan", summaries)
    share = hist[hist.indicator == "mentor_talk_share"]
    assert [(r.low, r.high) for r in share.itertuples()] == [given["matched"], given["unmatched"]]
    assert hist[hist.indicator != "mentor_talk_share"][["low", "high"]].isna().all().all()
    assert indicator_history(sessions_frame(summaries), "Alex Morgan")[["low", "high"]].isna().all().all()
    for name in ids:
        assert {i.id: i.ci95 for i in stored[name]}["mentor_talk_share"] == given[name]
        assert feedback(stored[name]).too_few_to_tell == feedback(reports[name]).too_few_to_tell
    # 38-60 % holds the 50 % edge of the stand-in's 30-50 % range; 30-44 % is clear of both edges
    assert feedback(stored["matched"]).too_few_to_tell == ("Mentor talk share",)
    assert feedback(stored["unmatched"]).too_few_to_tell == ()


def test_mentee_baseline_own_when_known(three_sessions, truths):
    store, ids, reports = three_sessions
    m = store.participant_turn_measures("Sam Lee", role="mentee")
    # Looking at the dual-channel session, Sam has two other sessions: their own baseline is used.
    base = baseline_from_measures(m, "Sam Lee", exclude_session=ids["dual_channel"])
    assert base.source == "own" and base.n_sessions == 2
    # One pace: the baseline is made of the reports' own per-turn pace, the one their indicators use.
    paces = [m.pace_wpm for n in ("matched", "unmatched") for m in reports[n].turn_measures
             if m.role == "mentee" and m.pace_wpm is not None]
    assert len(paces) >= 10
    assert base.n_turns == len(paces) and base.pace_wpm == pytest.approx(pd.Series(paces).median())
    gaps = [m.gap_before_s for n in ("matched", "unmatched") for m in reports[n].turn_measures
            if m.role == "mentee" and m.gap_before_s is not None and m.gap_before_s >= 0]
    assert base.pause_s == pytest.approx(pd.Series(gaps).median())
    # With only one other session it falls back to the population norm.
    only_one = m[m.session_id != ids["matched"]]
    assert baseline_from_measures(only_one, "Sam Lee", exclude_session=ids["dual_channel"]) == POPULATION_BASELINE
    assert baseline_from_measures(m.iloc[0:0], "Nobody") == POPULATION_BASELINE

    table = session_vs_baseline(reports["dual_channel"], "S2", base)
    this = [m.pace_wpm for m in reports["dual_channel"].turn_measures if m.speaker == "S2" and m.pace_wpm is not None]
    assert table.loc["pace_wpm", "this session"] == pytest.approx(pd.Series(this).median())
    assert table.loc["pace_wpm", "usual"] == base.pace_wpm and table.loc["pace_wpm", "usual from"] == "own"
    assert table.loc["pace_wpm", "population"] == POPULATION_BASELINE.pace_wpm
    assert 0 < table.loc["pause_s", "usual"] < 5


def test_empty_store_gives_empty_tables(library):
    with library.store() as s:
        df = sessions_frame(s.list_sessions())
    assert df.empty and filter_sessions(df, mentors=["x"]).empty and indicator_history(df, "x").empty


def test_compare_with_indicator_only_in_one(three_sessions):
    store, ids, _ = three_sessions
    a = store.load_report(ids["matched"])
    b = dataclasses.replace(a, indicators=a.indicators[:1])
    cmp = compare_reports(b, a).set_index("id")
    assert pd.isna(cmp.loc["mentee_questions", "A"]) and cmp.loc["mentee_questions", "B"] is not None


def test_followup_of_what_to_try(truths):
    """Three sessions of one mentor: what was to try, and whether the next session got it into the good range."""
    from pipeline.library.trainer import followup
    from tests.test_presentation import _ind
    from tests.test_presentation import report_from_truth as bare_report

    def session(*inds):
        return bare_report(truths["matched"], inds)

    first = session(_ind("pace_difference", 57.0, -10.0, 10.0, category="matching"),
                    _ind("mentor_confidentiality", 0.0, 1.0, 1.0, unit="yes/no", category="confidentiality"),
                    _ind("loudness_difference", 8.85, -3.0, 3.0, unit="dB", category="matching"),
                    _ind("mentor_talk_share", 40.0, 20.0, 45.0))
    loud_unavailable = dataclasses.replace(_ind("loudness_difference", None, -3.0, 3.0, unit="dB", category="matching"),
                                           available=False)
    second = session(_ind("pace_difference", 5.0, -10.0, 10.0, category="matching"),
                     _ind("mentor_confidentiality", 0.0, 1.0, 1.0, unit="yes/no", category="confidentiality"),
                     loud_unavailable)
    # in the third session talk share is in range but low confidence: no verdict either way
    third = session(_ind("mentor_confidentiality", 1.0, 1.0, 1.0, unit="yes/no", category="confidentiality"),
                    dataclasses.replace(_ind("mentor_talk_share", 30.0, 20.0, 45.0), confidence="low"))
    second = dataclasses.replace(second, indicators=(*second.indicators, _ind("mentor_talk_share", 60.0, 20.0, 45.0)))
    table = followup([("c", "2025-03-15", third), ("a", "2025-03-01", first), ("b", "2025-03-08", second)])
    got = [tuple(r) for r in table[["session_id", "to_try", "value", "next_date", "next_value", "next"]].itertuples(
        index=False)]
    assert got == [
        ("a", "pace_difference", "57 %", "2025-03-08", "5 %", "now in the good range"),
        ("a", "loudness_difference", "8.85 dB", "2025-03-08", "n/a", "not measured"),
        ("a", "mentor_confidentiality", "no", "2025-03-08", "no", "still to try"),  # never happened: told last
        ("b", "mentor_talk_share", "60 %", "2025-03-15", "30 %", "unclear (low confidence)"),
        ("b", "mentor_confidentiality", "no", "2025-03-15", "yes", "now in the good range"),
    ]
    assert list(table.columns) == ["date", "session_id", "to_try", "value", "advice", "next_date", "next_value", "next",
                                   "change", "change 95 %"]
    assert set(table["change"]) == {""}  # these hand-made values have no intervals: no verdict on the change
    assert followup([("c", "2025-03-15", third)]).empty


def test_followup_tells_a_real_move_from_noise(truths):
    """Talk share 60 % -> 44 % is 'now in the good range', but with intervals of 10-odd turns it is no clear change;
    the pace difference 54 % -> -3 % (the unmatched and matched samples) clearly is."""
    from pipeline.library.trainer import followup
    from pipeline.report.compare import compare_reports
    from tests.test_presentation import _ind
    from tests.test_presentation import report_from_truth as bare_report

    def ind(id_, value, ci, lo, hi, category):
        return dataclasses.replace(_ind(id_, value, lo, hi, category=category), ci95=ci)

    before = bare_report(truths["unmatched"], (ind("pace_difference", 54.0, (45.0, 63.0), -10.0, 10.0, "matching"),
                                               ind("mentor_talk_share", 60.0, (48.0, 70.0), 20.0, 45.0, "listening")))
    after = bare_report(truths["matched"], (ind("pace_difference", -3.0, (-8.0, 2.0), -10.0, 10.0, "matching"),
                                            ind("mentor_talk_share", 44.0, (30.0, 58.0), 20.0, 45.0, "listening")))
    table = followup([("a", "2025-03-01", before), ("b", "2025-03-08", after)]).set_index("to_try")
    assert table.loc["pace_difference", ["next", "change"]].tolist() == ["now in the good range"] * 2
    assert table.loc["mentor_talk_share", ["next", "change"]].tolist() == ["now in the good range", "no clear change"]
    same = compare_reports(before, after).set_index("id")["B - A 95 %"]
    assert table["change 95 %"].to_dict() == {k: same[k] for k in table.index}
    assert set(table["session_id"]) == {"a"}  # both in the good range in b: nothing left to try there


def test_previous_session_is_the_same_mentors_last_before(three_sessions):
    from pipeline.library.trainer import previous_session

    store, ids, _ = three_sessions
    summaries = store.list_sessions()
    assert previous_session(summaries, ids["unmatched"]).session_id == ids["matched"]  # Alex, a week before
    assert previous_session(summaries, ids["matched"]) is None  # Alex's first
    assert previous_session(summaries, ids["dual_channel"]) is None  # Jo's only session; Alex's do not count
    assert previous_session(summaries, "nosuchid") is None
    # the same day: the one stored earlier comes first; the mentor's name is matched whatever its case and spacing
    same_day = [dataclasses.replace(s, recorded_on="2025-03-08", mentor=" alex  MORGAN") if s.session_id == ids["matched"]
                else s for s in summaries]
    earlier, later = sorted((ids["matched"], ids["unmatched"]),
                            key=lambda i: next(s.stored_at for s in summaries if s.session_id == i))
    assert previous_session(same_day, later).session_id == earlier and previous_session(same_day, earlier) is None
    unnamed = [dataclasses.replace(s, mentor="S1") for s in summaries]  # speaker labels name nobody across sessions
    assert previous_session(unnamed, ids["unmatched"]) is None


def test_good_range_verdict_of_a_clear_change():
    """A clear change says whether B is now in the good range, closer to it, out of it or further from it."""
    from pipeline.report.compare import RANGE_CLOSER, RANGE_FURTHER, RANGE_NOW_IN, RANGE_NOW_OUT
    from tests.test_presentation import _ind

    def verdict(a, b, band=(20.0, 45.0), width=2.0):
        ia = dataclasses.replace(_ind("mentor_talk_share", a, *band), ci95=(a - width, a + width))
        ib = dataclasses.replace(_ind("mentor_talk_share", b, *band), ci95=(b - width, b + width))
        row = compare_reports([ia], [ib]).iloc[0]
        return row["change"], row["good range"]

    assert verdict(60, 40) == ("lower in B", RANGE_NOW_IN)
    assert verdict(70, 55) == ("lower in B", RANGE_CLOSER)
    assert verdict(40, 50) == ("higher in B", RANGE_NOW_OUT)
    assert verdict(50, 60) == ("higher in B", RANGE_FURTHER)
    assert verdict(25, 40) == ("higher in B", "")  # inside both times
    assert verdict(40, 42) == ("no clear change", "")  # -3.7 to 7.7: no verdict on a change that may be noise
    assert verdict(60, 40, band=(None, None)) == ("lower in B", "")  # no good range
