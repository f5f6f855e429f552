"""pipeline.report (cards, glance, frames, charts, edit, downloads, markdown, htmlpage) on the sample sessions' true turns (known talk times, phrases, questions)."""

from __future__ import annotations

import csv
import dataclasses
import html
import io
import json

import pandas as pd
import pytest

from pipeline.errors import InvalidParameterError
from pipeline.io.reportjson import report_json
from pipeline.report import cards as report_cards
from pipeline.report import charts, downloads, edit, frames, glance, htmlpage, markdown, text
from pipeline.types import Evidence, Indicator, Report, SpeakerInfo, Turn


def report_from_truth(truth: dict, indicators: tuple[Indicator, ...] = ()) -> Report:
    turns = tuple(
        Turn(i, t["speaker"], t["role"], t["start_s"], t["end_s"], t["text"], overlap=t["overlap"])
        for i, t in enumerate(truth["turns"])
    )
    speakers = tuple(SpeakerInfo(label, s["role"]) for label, s in truth["speakers"].items())
    return Report(
        f"{truth['session']}.flac", "0" * 64, truth["duration_s"], "audio", "base", "test", "truth", "high", speakers, turns, indicators
    )


SHARE = Indicator(
    "mentor_talk_share", "Mentor talk share", 45.0, "%", 20.0, 50.0, "course", "The mentor listens more than talks.", "high",
    evidence=(Evidence(51.5, 62.4, "S1", "I would bring them in early.", "longest mentor turn"),), category="listening",
)  # fmt: skip
PACE = Indicator("pace_match", "Pace matching", 0.3, "score 0-1", 0.5, None, "study", "Mentor follows the mentee's pace.", "medium", category="matching")
LOUD = Indicator("loud_match", "Volume matching", None, "dB", None, None, "", "", "low", available=False, category="matching")


@pytest.fixture(scope="module")
def matched(truths) -> Report:
    return report_from_truth(truths["matched"], (SHARE, PACE, LOUD))


def test_turns_frame_matches_truth(matched, truths):
    frame = frames.turns_frame(matched)
    truth = truths["matched"]["turns"]
    assert len(frame) == len(truth)
    assert list(frame["start_s"]) == [t["start_s"] for t in truth]
    assert (frame["end_s"] >= frame["start_s"]).all()
    assert frame["start_s"].is_monotonic_increasing
    assert list(frame["role"]) == [t["role"] for t in truth]


def test_talk_share_sums_to_100_and_matches_truth(matched, truths):
    share = frames.talk_share_frame(matched)
    assert list(share["role"]) == ["mentor", "mentee"]
    assert share["share_pct"].sum() == pytest.approx(100.0, abs=0.2)
    talk = {}
    for t in truths["matched"]["turns"]:
        talk[t["speaker"]] = talk.get(t["speaker"], 0.0) + t["end_s"] - t["start_s"]
    for row in share.itertuples():
        assert row.talk_s == pytest.approx(talk[row.speaker], abs=0.01)
        assert row.n_turns == sum(t["speaker"] == row.speaker for t in truths["matched"]["turns"])


@pytest.fixture(scope="module")
def measured_matched(truths, nlp) -> Report:
    """The matched sample's true turns measured (words only): the report carries its per-turn measures."""
    from pipeline.run.orchestrate import remeasure

    return remeasure(report_from_truth(truths["matched"], (SHARE, PACE, LOUD)), nlp=nlp)


def test_questions_follow_the_dialogue_tags(measured_matched, truths):
    # Tagged questions are found; acknowledgements ("Uh-huh.", "Right.") are not questions.
    frame = frames.turns_frame(measured_matched)
    for row, t in zip(frame.itertuples(), truths["matched"]["turns"], strict=True):
        tags = set(t["tags"])
        if tags & {"open_question", "closed_question", "mentee_question"}:
            assert row.question, t["text"]
        if tags == {"acknowledgement"} and t["n_words"] <= 2:
            assert not row.question, t["text"]


def test_one_question_decision_for_cards_transcript_csv_and_html(measured_matched):
    """Twin 5: the transcript, the CSV and the HTML report mark exactly the turns the measures call questions."""
    decided = [m.question.is_question for m in measured_matched.turn_measures]
    assert 5 <= sum(decided) < len(decided)
    frame = frames.turns_frame(measured_matched)
    assert list(frame["question"]) == decided
    csv = pd.read_csv(io.StringIO(downloads.turns_csv(measured_matched)))
    assert list(csv["question"]) == decided
    page = htmlpage.html_report(measured_matched)
    marked = [f"<td class='q'>{html.escape(t.text)}</td>" in page for t in measured_matched.turns]
    assert marked == decided
    # A report without per-turn measures marks no question rather than deciding again by other rules.
    assert not frames.turns_frame(dataclasses.replace(measured_matched, turn_measures=()))["question"].any()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("so what would you like to focus on today", True),
        ("how did that feel when you presented", True),
        ("did you finish the report draft", True),
        ("when I started I made the same mistake", False),
        ("having the data ready", False),
        ("tell me more about the stakeholder map", True),
        ("mm-hm", False),
        ("", False),
    ],
)
def test_looks_like_question_without_punctuation(text, expected):
    from pipeline.measures.language import looks_like_question

    assert looks_like_question(text) is expected


def test_shared_phrases_frame_names_people_and_times(matched):
    from pipeline.types import SharedPhrase

    assert frames.shared_phrases_frame(matched).empty  # none in the report: no table rows, not made up here
    report = dataclasses.replace(matched, speakers=tuple(dataclasses.replace(s, display_name={"S1": "Alex", "S2": "Sam"}[s.label])
                                             for s in matched.speakers),
                     shared_phrases=(SharedPhrase("quarterly review", "S2", 5.5, "S1", 95.71, 4),))
    frame = frames.shared_phrases_frame(report)
    assert frame.to_dict("records") == [{"phrase": "quarterly review", "said first by": "Sam", "at": "0:06",
                                         "taken up by": "Alex", "taken up at": "1:36", "after": "1:30", "uses": 4}]


def test_cards_order_band_status_and_unavailable(matched):
    cards = report_cards.indicator_cards(matched)
    assert [c.id for c in cards] == ["pace_match", "loud_match", "mentor_talk_share"]  # matching first
    pace, loud, share = cards
    assert (pace.value_text, pace.band_text, pace.status) == ("0.30", "good: at least 0.50", "below")
    assert (share.value_text, share.band_text, share.status) == ("45 %", "good: 20–50 %", "in band")
    assert (loud.value_text, loud.status) == ("n/a", "not available")
    # a measured value held with low confidence says so on its card, in the app and in the HTML report
    low = dataclasses.replace(PACE, id="pace_low", confidence="low")
    report = dataclasses.replace(matched, indicators=(PACE, low, LOUD))
    shown = {c.id: markdown.status_markdown(c) for c in report_cards.indicator_cards(report)}
    assert shown["pace_low"].endswith("· :gray[low confidence]")
    assert "low confidence" not in shown["pace_match"] + shown["loud_match"]  # medium; unavailable says only that
    assert htmlpage.html_report(report).count("· low confidence") == 1


def test_bands_with_negative_ends_and_matching_cards(matched):
    diff = Indicator("pace_difference", "Pace gap", 4.0, "%", -10.0, 10.0, "", "", "high", category="matching")
    conv = Indicator("pace_convergence", "Closer", -0.2, "r", 0.0, None, "", "", "high", category="matching")
    loud = Indicator("loudness_matching", "Loud", 0.1, "z", 0.0, None, "", "", "high", category="matching")
    report = Report(**{**matched.__dict__, "indicators": (diff, conv, loud, SHARE)})
    pace_cards = report_cards.matching_cards(report, "pace_wpm")
    assert [(c.id, c.band_text, c.status) for c in pace_cards] == [
        ("pace_difference", "good: -10 to 10 %", "in band"), ("pace_convergence", "good: at least 0 r", "below"),
    ]  # fmt: skip
    assert [c.id for c in report_cards.matching_cards(report, "rms_db")] == ["loudness_matching"]
    assert report_cards.matching_cards(report, "f0_hz") == ()
    with pytest.raises(InvalidParameterError):
        report_cards.matching_cards(report, "volume")


def test_cards_show_the_interval_where_there_is_one(matched):
    share = dataclasses.replace(SHARE, ci95=(37.668, 60.465))
    diff = Indicator("pace_difference", "Pace gap", 4.0, "%", -10.0, 10.0, "", "", "high", category="matching",
                     ci95=(-8.92, 5.7))
    sync = Indicator("pace_synchrony", "Sync", 0.84, "r", 0.3, None, "", "", "medium", category="matching",
                     ci95=(0.443, 0.961))
    gone = dataclasses.replace(sync, id="loudness_synchrony", value=None, available=False)
    report = dataclasses.replace(matched, indicators=(share, diff, sync, gone, PACE))
    shown = {c.id: c.interval_text for c in report_cards.indicator_cards(report)}
    assert shown == {"mentor_talk_share": "95 % interval: 38–60 %", "pace_difference": "95 % interval: -9 to 6 %",
                     "pace_synchrony": "95 % interval: 0.44–0.96 r", "loudness_synchrony": "", "pace_match": ""}
    page = htmlpage.html_report(report)
    assert "<div class='i'>95 % interval: 38–60 %</div>" in page and page.count("<div class='i'>") == 3


def test_moments_skip_unavailable_and_keep_evidence(matched):
    ms = report_cards.moments(matched)
    assert [(m.indicator_id, m.start_s, m.quote) for m in ms] == [("mentor_talk_share", 51.5, "I would bring them in early.")]
    with pytest.raises(InvalidParameterError):
        report_cards.moments(matched, per_indicator=0)
    # The same evidence under two indicators is one moment naming both.
    twice = Indicator("x", "Other", 1.0, "count", None, None, "", "", "high", evidence=SHARE.evidence, category="sharing")
    both = report_cards.moments(Report(**{**matched.__dict__, "indicators": (SHARE, twice)}))
    assert [(m.indicator_id, m.indicator_name) for m in both] == [("mentor_talk_share", "Mentor talk share · Other")]
    # each indicator's note is kept, once: "175 wpm · “quarterly review” first said by the mentee ..."
    (ev,) = SHARE.evidence
    taken = (dataclasses.replace(ev, note="taken up after 90 s"),)
    noted = dataclasses.replace(twice, evidence=taken)
    again = dataclasses.replace(twice, id="y", name="Third", evidence=taken)
    (m,) = report_cards.moments(Report(**{**matched.__dict__, "indicators": (SHARE, noted, again)}))
    assert m.indicator_name == "Mentor talk share · Other · Third"
    assert m.note == "longest mentor turn · taken up after 90 s"


def test_prosody_frame_is_the_turn_measures(matched, measured_matched):
    """Twin 4: the charts' pace is the measures' pace (one definition); without measures nothing is made up."""
    assert frames.prosody_frame(matched).empty
    frame = frames.prosody_frame(measured_matched)
    assert set(frame["measure"]) == {"pace_wpm"}  # no loudness or pitch without audio
    paced = [m for m in measured_matched.turn_measures if m.pace_wpm is not None]
    assert len(paced) >= 10
    assert list(frame["value"]) == [m.pace_wpm for m in paced]


def test_prosody_frame_from_turn_measures(matched):
    from pipeline.types import ProsodyFeatures, QuestionClass, TurnMeasures

    def tm(i, speaker, start_s, pace, rms, f0):
        return TurnMeasures(i, speaker, "mentor", start_s, start_s + 2.0, "", 5, 2.0, pace, 6, None,
                            ProsodyFeatures(rms_db=rms, f0_median_hz=f0), None, False, None, QuestionClass(False), 0)

    report = dataclasses.replace(matched, turn_measures=(tm(0, "S1", 0.0, 150.0, -25.0, 110.0),
                                                         tm(1, "S2", 2.0, None, -30.0, None)))
    frame = frames.prosody_frame(report)
    assert sorted(zip(frame["speaker"], frame["measure"], frame["value"], strict=True)) == [
        ("S1", "f0_hz", 110.0), ("S1", "pace_wpm", 150.0), ("S1", "rms_db", -25.0), ("S2", "rms_db", -30.0),
    ]  # fmt: skip
    assert charts.prosody_chart(report, "rms_db") is not None
    assert charts.prosody_chart(matched, "rms_db") is None
    with pytest.raises(InvalidParameterError):
        charts.prosody_chart(matched, "tempo")


def test_with_roles_swaps_and_renames_and_remeasures(matched):
    calls = []

    def measure(report):
        calls.append(report)
        return dataclasses.replace(report, indicators=(PACE,))

    swapped = edit.with_roles(matched, edit.swap_roles(matched), remeasure=measure)
    assert {s.label: s.role for s in swapped.speakers} == {"S1": "mentee", "S2": "mentor"}
    assert all(s.role_source == "set" for s in swapped.speakers)
    assert all(t.role == ("mentee" if t.speaker == "S1" else "mentor") for t in swapped.turns)
    assert [t.text for t in swapped.turns] == [t.text for t in matched.turns]  # not re-transcribed
    assert swapped.indicators == (PACE,) and len(calls) == 1
    assert swapped.options.mentor == "S2"
    # Names stay with the role they were given for at consent.
    named = edit.with_names(matched, {"mentor": "Alex", "mentee": "Sam"})
    assert edit.swap_roles(named) == {"S1": ("mentee", "Sam"), "S2": ("mentor", "Alex")}
    # Renaming only: indicators kept, measure not called.
    renamed = edit.with_roles(matched, {"S1": ("mentor", "Alex")}, remeasure=measure)
    assert text.speaker_names(renamed) == {"S1": "Alex", "S2": "S2"} and len(calls) == 1
    assert renamed.indicators == matched.indicators
    with pytest.raises(InvalidParameterError):
        edit.with_roles(matched, {"S1": ("boss", "")})


def test_with_names_from_consent(matched):
    named = edit.with_names(matched, {"mentor": "Alex", "mentee": "Sam"})
    assert text.speaker_names(named) == {"S1": "Alex", "S2": "Sam"}
    assert set(frames.talk_share_frame(named)["name"]) == {"Alex", "Sam"}
    # A label used as display name is replaced; a real name is kept.
    labelled = Report(**{**matched.__dict__, "speakers": (SpeakerInfo("S1", "mentor", display_name="S1"), SpeakerInfo("S2", "mentee", display_name="Kim"))})
    assert text.speaker_names(edit.with_names(labelled, {"mentor": "Alex", "mentee": "Sam"})) == {"S1": "Alex", "S2": "Kim"}


def test_downloads_are_valid(matched):
    data = json.loads(report_json(matched))
    assert len(data["turns"]) == len(matched.turns) and data["indicators"][0]["id"] == "mentor_talk_share"
    rows = list(csv.DictReader(io.StringIO(downloads.turns_csv(matched))))
    assert len(rows) == len(matched.turns) and float(rows[0]["start_s"]) == matched.turns[0].start_s
    vtt = downloads.turns_vtt(edit.with_names(matched, {"mentor": "Alex"}))
    assert vtt.startswith("WEBVTT") and "<v Alex>" in vtt and vtt.count(" --> ") == len(matched.turns)
    srt = downloads.turns_srt(matched)
    assert srt.count(" --> ") == len(matched.turns) and "\nS2: " in srt


def test_markdown_is_escaped():
    assert text.md_escape("[click](http://x) <b>*x*</b> $1$") == r"\[click\]\(http\:\/\/x\) \<b\>\*x\*\<\/b\> \$1\$".replace(r"\/", "/")
    row = type("Row", (), {"role": "mentee", "name": "Sam <img>", "text": "what is **this**", "question": True, "overlap": False})
    md = markdown.turn_markdown(row)
    assert md.startswith(":orange[**Sam \\<img\\>**]") and ":orange-background[what is \\*\\*this\\*\\*]" in md


def test_html_report_is_self_contained_and_escaped(matched):
    evil = edit.with_names(matched, {"mentor": "<script>alert(1)</script>"})
    evil = Report(**{**evil.__dict__, "source_name": "x<img src=y onerror=z>.flac"})
    page = htmlpage.html_report(evil)
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<img src=y" not in page
    assert "<script src" not in page and "https://cdn" not in page and "vegaEmbed" in page
    for turn in matched.turns[:3]:
        assert html.escape(turn.text) in page
    assert page.count("class='chart'") == 2  # timeline, talk share: no per-turn measures, so no pace made up
    # At a glance: talk share 45 % is inside 20-50 %, so it went well; nothing else has advice here.
    assert "<h2>At a glance</h2><h3>What went well</h3><ul><li><b>Mentor talk share</b>: 45 % (good: 20–50 %). " \
           + html.escape(glance.ADVICE["mentor_talk_share"]["in band"]) in page
    assert "To try next time" not in page and "From 1 indicator with a good range" in page


def test_progress_text():
    overall, text = markdown.progress_text("transcribing", 0.5, 30.0)
    assert overall == pytest.approx(0.425)
    assert text.startswith("Transcribing 50% · 0:30 elapsed, about 0:41 left")
    assert markdown.progress_text("attributing speakers", 1.0, 10.0)[0] == pytest.approx(0.9)
    assert markdown.progress_text("done", 1.0, 10.0) == (1.0, "Done · 0:10 elapsed")


def test_empty_report_gives_empty_frames():
    empty = Report("e.wav", "", 0.0, "audio", "base", "t", "mfcc", "low", (), ())
    assert frames.turns_frame(empty).empty and frames.prosody_frame(empty).empty and frames.shared_phrases_frame(empty).empty
    assert report_cards.indicator_cards(empty) == () and report_cards.moments(empty) == ()
    assert "No speech was found" in htmlpage.html_report(empty) and "Too little to go on" in htmlpage.html_report(empty)


def test_transcript_search_filter_and_pages(measured_matched, truths):
    """Finding words, questions and overlaps in the sample's true turns, and paging through them."""
    frame = edit.with_names(measured_matched, {"mentor": "Alex", "mentee": "Sam"})
    frame = frames.turns_frame(frame)
    truth = truths["matched"]["turns"]
    # Case and runs of spaces do not matter; names are searched as well as text.
    found = frames.filter_turns(frame, query="  STAKEHOLDER   map ")
    assert list(found["turn"]) == [i for i, t in enumerate(truth) if "stakeholder map" in t["text"].lower()]
    assert len(found) == 3
    assert set(frames.filter_turns(frame, query="sam")["role"]) == {"mentee", "mentor"}  # Sam's turns, and "Hi Sam"
    assert frames.filter_turns(frame, query="alex")["role"].eq("mentor").all()
    assert len(frames.filter_turns(frame, query="alex")) == sum(t["role"] == "mentor" for t in truth)
    assert frames.filter_turns(frame, query="no such words").empty
    questions = frames.filter_turns(frame, show="questions")
    assert questions["question"].all() and 0 < len(questions) < len(frame)
    assert list(frames.filter_turns(frame, show="overlaps")["turn"]) == [i for i, t in enumerate(truth) if t["overlap"]]
    assert frames.filter_turns(frame, query="quarterly", show="questions")["text"].str.contains("quarterly").all()
    with pytest.raises(InvalidParameterError, match="show='everything'"):
        frames.filter_turns(frame, show="everything")

    # Pages of 10 over 33 turns: 4 pages, the last one short; out-of-range pages are clipped.
    assert len(frame) == 33
    rows, page, n = frames.transcript_page(frame, page=1, per_page=10)
    assert (page, n) == (1, 4) and list(rows["turn"]) == list(range(10))
    rows, page, n = frames.transcript_page(frame, page=4, per_page=10)
    assert (page, n) == (4, 4) and list(rows["turn"]) == [30, 31, 32]
    assert frames.transcript_page(frame, page=99, per_page=10)[1] == 4 and frames.transcript_page(frame, page=-3, per_page=10)[1] == 1
    pages = [frames.transcript_page(frame, page=p, per_page=10)[0] for p in range(1, 5)]
    assert [t for rows in pages for t in rows["turn"]] == list(frame["turn"])  # every turn once, in order
    rows, page, n = frames.transcript_page(frame.iloc[:0], page=3)
    assert rows.empty and (page, n) == (1, 1)
    with pytest.raises(InvalidParameterError, match="per_page=0"):
        frames.transcript_page(frame, page=1, per_page=0)


def _ind(id_, value, lo, hi, unit="%", confidence="high", category="listening", evidence=()):
    return Indicator(id_, id_, value, unit, lo, hi, "test band", "test", confidence, evidence, True, category)


def test_feedback_rules_on_hand_made_indicators(truths):
    ev = (Evidence(10.0, 12.0, "S1", "what we talk about stays between us", "statement"),)
    inds = (
        _ind("mentor_talk_share", 44.0, 20.0, 45.0),  # in range
        _ind("talk_to_listen_ratio", 0.95, 0.25, 0.8, unit="ratio"),  # same measure as talk share: left out
        _ind("mentor_confidentiality", 1.0, 1.0, 1.0, unit="yes/no", category="confidentiality", evidence=ev),
        _ind("pace_difference", 57.0, -10.0, 10.0, category="matching"),  # 47 over a band 20 wide: 2.35
        _ind("pace_synchrony", -0.2, 0.3, None, unit="r", category="matching"),  # same theme (pace): one per theme
        _ind("loudness_difference", 8.85, -3.0, 3.0, unit="dB", category="matching"),  # 0.975
        _ind("mentor_questions_per_10min", 4.0, 10.0, None, unit="per 10 min", category="questions"),  # 0.6
        _ind("mentee_turn_length_trend", -6.0, 0.0, None, category="safety"),  # 0.06 of 100 %
        _ind("mentor_open_question_share", 49.6, 50.0, None, category="questions"),  # 0.004: too close to call
        _ind("mentor_remembering", 0.0, 1.0, None, unit="count", confidence="low", category="remembering"),  # low
        _ind("turns_per_minute", 9.0, None, None, unit="per min"),  # no range: never feedback
    )
    report = report_from_truth(truths["matched"], inds)
    fb = glance.feedback(report)
    assert (fb.n_points, fb.min_confidence) == (3, "medium")
    assert fb.n_considered == 8  # not: ratio (same measure), remembering (low), turns per minute (no range)
    assert [p.indicator_id for p in fb.went_well] == ["mentor_confidentiality", "mentor_talk_share"]
    assert [(p.indicator_id, p.status, p.severity) for p in fb.to_try] == [
        ("pace_difference", "above", 2.35), ("loudness_difference", "above", 0.975),
        ("mentor_questions_per_10min", "below", 0.6)]
    conf = fb.went_well[0]
    assert conf.moment is not None and conf.moment.start_s == 10.0 and conf.moment.quote.startswith("what we talk")
    assert conf.advice == glance.ADVICE["mentor_confidentiality"]["in band"] and (conf.value_text, conf.band_text) == ("yes", "good: yes")
    assert fb.to_try[0].advice.startswith("You spoke faster than the mentee") and fb.to_try[0].moment is None
    # More points: one per theme still, the trend shows (0.06), the near miss (0.004) does not.
    more = glance.feedback(report, n_points=10)
    assert [p.indicator_id for p in more.to_try] == [
        "pace_difference", "loudness_difference", "mentor_questions_per_10min", "mentee_turn_length_trend"]
    assert glance.feedback(report, min_confidence="low").n_considered == 9
    assert [p.indicator_id for p in glance.feedback(report, min_confidence="high").went_well] == [
        "mentor_confidentiality", "mentor_talk_share"]
    # Without talk share, its ratio speaks for the measure.
    no_share = report_from_truth(truths["matched"], tuple(i for i in inds if i.id != "mentor_talk_share"))
    assert "talk_to_listen_ratio" in [p.indicator_id for p in glance.feedback(no_share, n_points=10).to_try]
    empty = glance.feedback(report_from_truth(truths["matched"], ()))
    assert empty.went_well == empty.to_try == () and empty.n_considered == 0
    assert fb.too_few_to_tell == () and "Too few turns" not in glance.feedback_caption(fb)
    # Values whose 95 % interval holds an edge of their range: named as too few to tell, once per measure
    unclear = (  # (a card's name is its id here)
        dataclasses.replace(inds[0], value=48.0, confidence="low", ci95=(38.0, 60.0)),  # over 45, or not
        dataclasses.replace(inds[1], confidence="low", ci95=(0.6, 1.5)),  # its ratio: the same measure, named once
        dataclasses.replace(inds[3], value=10.2, confidence="low", ci95=(3.0, 16.0)),  # pace, just over 10 %
        dataclasses.replace(inds[5], value=8.85, confidence="low", ci95=(8.5, 9.1)),  # low, but clearly over 3 dB
        dataclasses.replace(inds[6], value=12.0, confidence="low", ci95=(4.0, 30.0)),  # 3 questions in 2.5 min
    )
    rest = tuple(i for i in inds if i.id not in {u.id for u in unclear})
    fb_u = glance.feedback(report_from_truth(truths["matched"], unclear + rest))
    assert fb_u.too_few_to_tell == ("mentor_talk_share", "pace_difference", "mentor_questions_per_10min")
    assert glance.feedback_caption(fb_u).endswith("Too few turns to tell whether these are in their good range (a longer "
                                             "session would show): mentor_talk_share, pace_difference, "
                                             "mentor_questions_per_10min.")
    assert glance.feedback_lines(fb_u)[-1].startswith("Too few turns to tell whether")
    with pytest.raises(InvalidParameterError, match="n_points=0"):
        glance.feedback(report, n_points=0)
    with pytest.raises(InvalidParameterError, match="min_confidence='sure'"):
        glance.feedback(report, min_confidence="sure")


def test_many_questions_not_praised_when_they_came_in_runs(truths):
    """The question-answer trap: plenty of questions is told as gone well only while they did not come three in a
    row with nothing given back; the runs are then something to try."""
    asked = (_ind("mentor_questions_per_10min", 25.0, 10.0, None, unit="per 10 min", category="questions"),
             _ind("mentor_question_turn_share", 60.0, 30.0, None, category="questions"),
             _ind("mentor_talk_share", 40.0, 20.0, 45.0))
    runs = _ind("mentor_question_runs_per_10min", 3.0, None, 1.0, unit="per 10 min", category="questions")
    trapped = glance.feedback(report_from_truth(truths["matched"], (*asked, runs)))
    assert [p.indicator_id for p in trapped.went_well] == ["mentor_talk_share"]
    assert [(p.indicator_id, p.status, p.severity) for p in trapped.to_try] == [
        ("mentor_question_runs_per_10min", "above", 2.0)]
    flowing = glance.feedback(report_from_truth(truths["matched"], (*asked, dataclasses.replace(runs, value=0.0))))
    assert [p.indicator_id for p in flowing.went_well] == [
        "mentor_question_runs_per_10min", "mentor_talk_share"]  # one point per theme: the runs first, in order
    assert flowing.to_try == ()


def test_every_banded_indicator_has_advice_for_its_failing_side():
    """Each indicator with a good range (docs/indicators.md) says what went well, and what to try on each side
    where a mentor can miss it; indicators without a range get no advice."""
    from pathlib import Path

    doc = Path(__file__).resolve().parent.parent / "docs" / "indicators.md"
    rows = [line.split("|") for line in doc.read_text().splitlines() if line.startswith("| `")]
    assert len(rows) >= 30
    # Sides a mentor cannot miss: no interruption or pause is "too few"; style and word overlap cannot be too high.
    cannot_miss = {("mentor_interruptions", "below"), ("mentor_interrupting_mentee", "below"),
                   ("mentor_longest_monologue", "below"), ("mentor_response_gap", "below"),
                   ("mentee_response_gap", "below"), ("language_style_matching", "above"),
                   ("mentor_confidentiality", "above")}
    # Faults whose absence is no praise: a phrase list that hears no blame has not shown there was none.
    # nor is a mentor who never tells of themselves, nor one in whose talk no confidence was heard passed on, nor one
    # whose mentee was not heard saying that they had told it already; nor turns that did not halve (any session's close
    # shortens them: no sign of safety on its own)
    not_praised = {"mentor_confronting", "mentor_self_focus_share", "mentor_confidentiality_breaches",
                   "mentee_told_again", "mentee_turn_length_trend"}
    for row in rows:
        id_, (lo, hi) = row[1].strip().strip("`"), (b.strip() for b in row[4].split(".."))
        if not lo and not hi:
            assert id_ not in glance.ADVICE, id_
            continue
        assert ("in band" in glance.ADVICE[id_]) == (id_ not in not_praised), id_
        for side, end in (("below", lo), ("above", hi)):
            if end and (id_, side) not in cannot_miss:
                assert side in glance.ADVICE[id_], (id_, side)


def test_values_read_as_words_where_the_unit_is_a_count_or_yes_no(truths):
    inds = (_ind("mentor_remembering", 2.0, 1.0, None, unit="count", category="remembering"),
            _ind("mentor_confidentiality", 0.0, 1.0, 1.0, unit="yes/no", category="confidentiality"),
            _ind("mentor_confronting", 2.0, None, 0.0, unit="count", category="safety"))
    cards = {c.id: (c.value_text, c.band_text) for c in report_cards.indicator_cards(report_from_truth(truths["matched"], inds))}
    assert cards == {"mentor_remembering": ("2", "good: at least 1"), "mentor_confidentiality": ("no", "good: yes"),
                     "mentor_confronting": ("2", "good: none")}


def test_what_never_happened_is_told_after_the_patterns_of_the_session(truths):
    """A session of question after question with one reflection for eight, unasked advice, and no promise of
    confidentiality nor a mistake shared: the patterns are told first, though never promising confidentiality is
    one act short (severity 1) and the reflections 0.875 outside; among the patterns, the furthest outside first;
    of what never happened, one (the first in the course's order), even with room for ten points."""
    inds = (_ind("mentor_confidentiality", 0.0, 1.0, 1.0, unit="yes/no", category="confidentiality"),  # 1.0
            _ind("mentor_self_disclosure", 0.0, 1.0, None, unit="count", category="sharing"),  # 1.0
            _ind("reflection_to_question_ratio", 0.125, 1.0, None, unit="reflections per question",
                 category="listening"),  # 0.875
            _ind("advice_without_permission_per_10min", 6.0, None, 2.0, unit="per 10 min", category="listening"),  # 2.0
            _ind("mentor_affirmations", 1.0, 1.0, None, unit="count", category="safety"))  # happened: went well
    fb = glance.feedback(report_from_truth(truths["matched"], inds), n_points=10)
    assert [(p.indicator_id, p.severity) for p in fb.to_try] == [
        ("advice_without_permission_per_10min", 2.0), ("reflection_to_question_ratio", 0.875),
        ("mentor_confidentiality", 1.0)]
    assert glance.NEVER_AT_MOST == 1
    assert [p.indicator_id for p in fb.went_well] == ["mentor_affirmations"]
    # three points: the two patterns and one of what never happened (the course's order among those)
    assert [p.indicator_id for p in glance.feedback(report_from_truth(truths["matched"], inds)).to_try] == [
        "advice_without_permission_per_10min", "reflection_to_question_ratio", "mentor_confidentiality"]


def test_short_turns_not_praised_while_the_mentor_did_most_of_the_talking(truths):
    """A lecture in 20 s turns: "you kept your turns short, leaving room for the mentee" is not said beside "talk
    less" (talk share 71 %); alone, it is."""
    monologue = _ind("mentor_longest_monologue", 23.2, None, 60.0, unit="s")
    lecture = glance.feedback(report_from_truth(truths["matched"], (monologue, _ind("mentor_talk_share", 71.0, 20.0, 45.0))))
    assert [p.indicator_id for p in lecture.went_well] == []
    assert [p.indicator_id for p in lecture.to_try] == ["mentor_talk_share"]
    alone = glance.feedback(report_from_truth(truths["matched"], (monologue,)))
    assert [p.indicator_id for p in alone.went_well] == ["mentor_longest_monologue"]


def test_no_credit_for_a_count_whose_twin_is_outside_its_band_even_when_uncertain(truths):
    """An interrogation: 25 questions per 10 minutes, a reflection for every two questions (too few turns to be sure,
    low confidence): "you asked plenty of questions" is not said; nor is the depth of those few reflections. With the
    ratio in its band, both are."""
    asked = _ind("mentor_questions_per_10min", 25.0, 10.0, None, unit="per 10 min", category="questions")
    deep = _ind("complex_reflection_share", 75.0, 40.0, None)
    few = _ind("reflection_to_question_ratio", 0.44, 1.0, None, unit="ratio", confidence="low")
    trap = glance.feedback(report_from_truth(truths["matched"], (asked, deep, few)))
    assert [p.indicator_id for p in trap.went_well] == []
    enough = _ind("reflection_to_question_ratio", 1.4, 1.0, None, unit="ratio", confidence="low")
    fine = glance.feedback(report_from_truth(truths["matched"], (asked, deep, enough)))
    assert [p.indicator_id for p in fine.went_well] == ["complex_reflection_share", "mentor_questions_per_10min"]


def _credit_withheld_beside(truths, praised, twin) -> None:
    """``praised`` (in its band) is not praised beside ``twin`` (out of its band), which is told under "to try";
    alone, it is praised."""
    both = glance.feedback(report_from_truth(truths["matched"], (praised, twin)))
    assert [p.indicator_id for p in both.went_well] == []
    assert [p.indicator_id for p in both.to_try] == [twin.id]
    alone = glance.feedback(report_from_truth(truths["matched"], (praised,)))
    assert [p.indicator_id for p in alone.went_well] == [praised.id]


def test_the_mentees_concerns_not_credited_as_trust_while_the_mentor_judged(truths):
    """"The mentee voiced concerns, a sign they trust you" is not said beside "leave out blame" (a concern met with
    "That's just an excuse people use"); without the judging, it is."""
    concerns = _ind("mentee_concerns", 2.0, 1.0, None, unit="count", category="safety")
    judged = _ind("mentor_confronting", 2.0, None, 0.0, unit="count", category="safety")
    _credit_withheld_beside(truths, concerns, judged)


_SHORT_LECTURE = """[00:00:00] Mentor: Right, let's get going. Tell me what happened with the deadline.
[00:00:05] Mentee: I missed it. I had three things due the same week.
[00:00:10] Mentor: Well, that's just an excuse, honestly. Everyone has three things due. What you need to do is plan your week on Monday morning, every Monday, and put the deadlines in your calendar the day you get them.
[00:00:32] Mentee: Okay.
[00:00:34] Mentor: And you should tell your manager early when something slips. Managers hate surprises. I always told mine two days before, never on the day. That's the rule I'd give anyone starting out.
[00:00:52] Mentee: Right.
[00:00:54] Mentor: Why didn't you ask for help? You should have asked someone on the team to take one of the three.
[00:01:03] Mentee: I didn't want to look like I couldn't cope.
[00:01:08] Mentor: That's a silly worry, nobody thinks that. Asking is what professionals do. Next time you send a message to the team on the first day and you ask straight away.
[00:01:25] Mentee: Fine.
"""

_SHORT_LISTENING = """[00:00:00] Mentor: What would you like to talk about today?
[00:00:04] Mentee: The deadline I missed last week. I had three things due the same week and I just couldn't do all of them.
[00:00:14] Mentor: Three things landed at once, and something had to give.
[00:00:18] Mentee: Yes, exactly. And I didn't ask anyone for help because I didn't want to look like I couldn't cope.
[00:00:28] Mentor: You were worried about how it would look to ask.
[00:00:32] Mentee: Yeah. It's silly, but I'm new and everyone seems so on top of things.
[00:00:40] Mentor: Being new, you want to show you can hold your own.
[00:00:44] Mentee: That's it. But I think I need to say something earlier next time, maybe to my manager.
[00:00:52] Mentor: You've already worked out what might help. What would saying something earlier look like?
[00:00:58] Mentee: Maybe a message on Monday if I can see the week's too full. I could do that.
[00:01:06] Mentor: A message on Monday when the week looks too full.
[00:01:10] Mentee: Yes. I'll try that this week.
"""


def test_a_session_under_two_minutes_tells_only_what_it_shows_clearly(nlp):
    """A 90-second practice drill: a lecture that judged twice is told to talk less and leave out blame, and one
    that reflected is praised for leaving the talking to the mentee; neither is told what 90 seconds cannot show (that the mentor never promised
    confidentiality or shared a mistake), and what is not clear in it says so."""
    from pipeline.run.orchestrate import analyze_transcript

    lecture = analyze_transcript(_SHORT_LECTURE, source_name="short.txt", nlp=nlp)
    listening = analyze_transcript(_SHORT_LISTENING, source_name="short.txt", nlp=nlp)
    assert lecture.duration_s < 120 and listening.duration_s < 120
    bad, good = glance.feedback(lecture), glance.feedback(listening)
    assert {"mentor_talk_share", "mentor_confronting"} <= {p.indicator_id for p in bad.to_try}
    assert not bad.went_well
    assert "mentor_talk_share" in {p.indicator_id for p in good.went_well} and not good.to_try
    # four reflecting turns for two questions in 70 s ("You've already worked out what might help." says back their
    # plan, beside its question): in its band, but its interval (0.4-9.3) says too few to tell
    ratio = next(i for i in listening.indicators if i.id == "reflection_to_question_ratio")
    assert ratio.value == 2.0 and ratio.confidence == "low" and "Too few turns to tell" in ratio.explanation
    for r in (lecture, listening):
        ind = {i.id: i for i in r.indicators}
        for never in ("mentor_confidentiality", "mentor_self_disclosure"):  # a count of none: not clear in 90 s
            assert ind[never].value == 0 and ind[never].confidence == "low"
            assert "A session under 2 minutes" in ind[never].explanation
        assert all(i.confidence in ("low", "medium") for i in r.indicators)


def test_no_credit_for_deep_reflections_or_little_telling_while_the_mentor_judged(truths):
    """A sarcastic manager: his echoes ("Forty-five. Cute.") read as complex reflections and few of his turns tell,
    but beside "leave out blame" neither is praised; without the judging, both are."""
    deep = _ind("complex_reflection_share", 80.0, 40.0, None)
    little = _ind("mentor_telling_share", 10.0, None, 20.0)
    judged = _ind("mentor_confronting", 3.0, None, 0.0, unit="count", category="safety")
    both = glance.feedback(report_from_truth(truths["matched"], (deep, little, judged)))
    assert [p.indicator_id for p in both.went_well] == []
    assert [p.indicator_id for p in both.to_try] == ["mentor_confronting"]
    alone = glance.feedback(report_from_truth(truths["matched"], (deep, little)))
    assert {p.indicator_id for p in alone.went_well} == {"complex_reflection_share", "mentor_telling_share"}


def test_no_credit_for_many_reflections_while_the_mentor_judged(truths):
    """Reflections that steer or label ("It sounds like you're putting your hobby ahead of your education.") are
    counted as reflections; beside "leave out blame" their number against the questions is not praised (set 54, form
    without spirit); without the judging it is."""
    many = _ind("reflection_to_question_ratio", 4.75, 1.0, None, unit="ratio")
    judged = _ind("mentor_confronting", 2.0, None, 0.0, unit="count", category="safety")
    _credit_withheld_beside(truths, many, judged)


def test_no_credit_for_remembering_while_the_mentee_had_to_tell_it_again(truths):
    """"You brought back something the mentee said earlier" is not said while the mentee had to tell the mentor again
    what they had said ("My dad's not around. I told you that the first time.": set 62's poor follow-ups, praised for
    remembering once while they asked again and got names wrong); the moment is told under "to try"; without it,
    remembering is praised."""
    remembered = _ind("mentor_remembering", 1.0, 1.0, None, unit="count", category="remembering")
    again = _ind("mentee_told_again", 2.0, None, 0.0, unit="count", category="remembering")
    _credit_withheld_beside(truths, remembered, again)
    none_heard = _ind("mentee_told_again", 0.0, None, 0.0, unit="count", category="remembering")
    quiet = glance.feedback(report_from_truth(truths["matched"], (none_heard,)))
    assert [p.indicator_id for p in quiet.went_well] == []  # none heard is no praise
