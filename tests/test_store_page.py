"""The trainer page runs on a real store (Streamlit's AppTest, no browser): table, filter, compare, delete."""

from __future__ import annotations

import pytest

from pipeline.library.store import Store

from .conftest import ROOT
from .storehelp import consent_pair, store_samples

PAGE = str(ROOT / "pages" / "1_Trainer.py")


@pytest.fixture
def env_store(tmp_path, monkeypatch, truths):
    yield from store_samples(tmp_path, monkeypatch, truths, [
        ("matched", "2025-03-01", consent_pair(mentor="Alex Morgan")),
        ("unmatched", "2025-03-08", consent_pair(mentor="Alex Morgan")),
        ("dual_channel", "2025-03-15", consent_pair(mentor="Jo Park"))])


def test_trainer_page_table_filter_compare_delete(env_store):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(PAGE, default_timeout=60).run()
    assert not at.exception, at.exception
    tables = at.dataframe
    assert len(tables[0].value) == 3
    (cmp,) = [t.value for t in tables if "B - A" in t.value.columns]  # the two sessions compared
    assert set(cmp["id"]) >= {"mentor_talk_share", "mentee_questions"}
    assert {"B - A 95 %", "change"} <= set(cmp.columns)
    assert any(c.value.startswith("Bars: each value's 95 % interval") for c in at.caption)  # on the history chart
    (chart,) = at.get("vega_lite_chart")  # facets titled by plain-language name and unit, not by id
    assert "Mentor talk share (%)" in chart.proto.spec + str(chart.proto.datasets)
    baselines = [t.value for t in tables if "usual" in t.value.columns]
    assert len(baselines) == 2 and all(list(b.index) == ["pace_wpm", "pause_s"] for b in baselines)
    assert any("pace and pauses" in m.value for m in at.markdown)
    # Each compared session's at-a-glance feedback: here only talk share has a good range (30-50 %).
    from pipeline.report.glance import feedback, feedback_markdown

    with Store() as s:
        compared = [s.load_report(at.selectbox(key=k).value) for k in ("c_a", "c_b")]
    for rep in compared:
        points = feedback(rep).went_well + feedback(rep).to_try
        assert [p.indicator_id for p in points] == ["mentor_talk_share"]
        assert f"- {feedback_markdown(points[0])}" in [m.value for m in at.markdown]
    assert sum(c.value.startswith("From 1 indicator with a good range") for c in at.caption) == 2
    # Follow-up: Alex Morgan's talk share is inside 30-50 % both times (49 %, 44 %): nothing was to try.
    assert any(c.value.startswith("Nothing stood out to try") for c in at.caption)
    assert not [t for t in at.dataframe if "next" in t.value.columns]
    # Jo Park's one session: 57 % is above the range, to try, and there is no next session yet.
    at.selectbox(key="h_mentor").set_value("Jo Park").run()
    (follow,) = [t.value for t in at.dataframe if "next" in t.value.columns]
    assert "session_id" not in follow.columns  # the trainer reads the date; the id is for the code
    assert [tuple(r) for r in follow[["to try", "value", "next", "change"]].itertuples(index=False)] == [
        ("Mentor talk share", "57 %", "", "")]
    assert list(follow.columns)[-1] == "advice"  # the long text last: the verdicts are in view
    at.selectbox(key="h_mentor").set_value("Alex Morgan").run()

    at.sidebar.multiselect(key="f_mentors").select("Jo Park").run()
    assert not at.exception and list(at.dataframe[0].value["mentor"]) == ["Jo Park"]
    at.sidebar.multiselect(key="f_mentors").unselect("Jo Park").run()

    at.selectbox(key="d_sid").set_value(env_store["matched"]).run()
    at.checkbox(key="d_sure").check().run()
    at.button[0].click().run()
    assert not at.exception, at.exception
    assert len(at.dataframe[0].value) == 2
    with Store() as s:
        assert {x.session_id for x in s.list_sessions()} == {env_store["unmatched"], env_store["dual_channel"]}
        assert s.audit_log()[-1][1:] == ("deleted", env_store["matched"], "trainer view")


def test_trainer_page_empty_store(tmp_path, monkeypatch):
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("RAPPORT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("RAPPORT_DB", f"sqlite:///{tmp_path / 'lib.db'}")
    st.cache_resource.clear()
    st.cache_data.clear()
    at = AppTest.from_file(PAGE, default_timeout=60).run()
    assert not at.exception and "No sessions stored yet" in at.info[0].value
    st.cache_resource.clear()
