"""The mentee's own ideas and plans (``mentee_own_ideas``): what counts, what only sounds like it, and whose idea it
is, on hand-written sentences, the hand-written helping sessions and the sample sessions, at known turns."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.measures.language import idea_words, own_idea

DATA = Path(__file__).resolve().parent / "data" / "helping"


@pytest.mark.parametrize(("text", "cue"), [
    ("I suppose I do. Maybe I could try running a couple of evenings a week.", "Maybe I could"),
    ("Yeah. I think I'll talk to her tonight, and tell my son we're going Sunday.", "I think I'll"),
    ("I could bring it to the team meeting on Monday.", "I could bring"),
    ("What if I asked for one more week?", "What if I asked"),
    ("Should I also send the slides out before the meeting?", "Should I also send"),
    ("I want to get better at presenting.", "I want to get"),
    ("I've decided to apply for the lead role.", "I've decided to"),
    ("Probably someone in finance. I could ask them this week.", "I could ask"),
    ("I could try that new app my sister uses.", "I could try"),
    ("I'm gonna block out Friday mornings.", "I'm gonna block"),       # as Whisper writes speech
    ("My next step is to talk to Priya.", "My next step is"),
    ("Maybe I could have a one to one with him next week.", "Maybe I could"),  # "have" + a thing to do: no look back
    ("Maybe that I need a plan for nights out.", "I need a plan"),
    ("It is. Maybe I just don't have it in the house Monday to Thursday.", "Maybe I just don't have"),  # hedged
    ("I could have a bath or something instead.", "I could have a"),
    ("I've thought about maybe blocking out time in my calendar.", "I've thought about maybe blocking"),
    ("Yeah. Maybe if I actually declined the meetings.", "Maybe if I actually declined"),  # a plan as a condition
    ("If I wrote it down on Friday, so I'm not making it up on the spot.", "If I wrote"),
    ("Yeah. I could do that in the Monday stand-up, actually.", "I could do that in"),  # where and when: their own
    ("Could I come back in a couple of weeks?", "Could I come back"),
    ("yeah i think ill talk to her tonight", "i think ill"),  # apostrophes dropped
    ("So maybe before the next deck I sit down with him for ten minutes.", "maybe before the next deck I sit"),
    ("Okay. Liam, Thursday, ten minutes. I'm putting it in the diary now.", "I'm putting it in the diary"),
])
def test_an_idea_or_plan_put_forward(text, cue):
    assert own_idea(text) == cue


@pytest.mark.parametrize("text", [
    "Okay. I could try that.",                      # takes up what was just said
    "I'll keep that in mind.",
    "I will take your advice.",
    "I'll try.",
    "I think I might do that. Thank you.",
    "I'll try to do that, thank you.",
    "I guess I can give it a try.",
    "Well, my doctor said I should come.",          # someone else's words
    "I don't know how I can move on.",              # a doubt, not an idea
    "I'm deciding if I should break up with him.",
    "I could tell he was angry.",                   # a perception
    "I might lose my job.",                         # a fear
    "What if I can't afford it?",
    "I should have called them.",                   # a look back
    "Maybe I could have been clearer.",
    "I could never do that.",
    "I'll be honest, it was hard.",
    "Maybe before, I tried to fix everything myself.",  # a look back
    "I'm putting it off, to be honest.",
    "I want to be happy.",                          # a state wished for
    "I'd like to thank you.",
    "On Saturdays I'll watch the game with my brother.",  # a habit
    "I'll usually start with the easy ones.",
    "My kid woke up. I should go now.",             # leaving
    "I'm gonna lose it.",
    "I wanna be left alone.",
    "I'll look up and it's eleven o'clock and I've answered thirty emails.",  # a habit told
    "Sometimes I'll sit down and before I know it the evening's gone.",
    "If I missed the deadline, I'd be sacked.",    # a condition with its feared consequence
    "Maybe I just don't know what I want.",
    "I could do that.",                            # takes up what was said
    "I've been thinking about it a lot.",          # rumination, no plan
])
def test_what_only_sounds_like_an_idea(text):
    assert own_idea(text) == ""


def test_idea_words_say_what_is_to_be_done():
    assert idea_words("Right. I'll call them this afternoon.") == ("call",)
    assert idea_words("And call the client today to explain the pricing.") == ("call", "client", "explain", "pric")
    assert idea_words("Calling the clients about the price") == ("call", "client", "pric")
    assert idea_words("I could run it past her; she runs the team") == ("run", "past", "team")


def _hand_written(nlp, *names: str) -> dict:
    from pipeline.run.orchestrate import analyze_transcript

    return {name: analyze_transcript((DATA / f"{name}_session.txt").read_text(encoding="utf-8"),
                                     source_name=f"{name}.txt", nlp=nlp) for name in names}


def _ideas(report):
    ind = next(i for i in report.indicators if i.id == "mentee_own_ideas")
    mentee = [m for m in report.turn_measures if m.role == "mentee"]
    at = {m.start_s: i for i, m in enumerate(mentee)}
    return ind, [at[e.start_s] for e in ind.evidence]


def test_the_hand_written_sessions_own_ideas_at_known_turns(nlp, monkeypatch):
    """The listening, reflective and partnering sessions end with the mentee's own plan; the telling, interview and
    judging sessions have the mentee agree to the mentor's ("I could try that", "I'll call them" after "call the
    client today") or refuse it, and nothing of their own. Turns are 0-based among the mentee's."""
    from pipeline.report.glance import feedback
    from pipeline.report.text import status_of

    reports = _hand_written(nlp, "listening", "telling", "reflective", "interview", "partnering", "judging")
    got = {name: _ideas(r) for name, r in reports.items()}
    assert {name: (ind.value, turns) for name, (ind, turns) in got.items()} == {
        "listening": (2, [13, 18]), "reflective": (2, [14, 18]), "partnering": (2, [6, 8]),
        "telling": (0, []), "interview": (0, []), "judging": (0, [])}
    ind = got["listening"][0]
    assert ind.evidence[0].note == "the mentee's own idea or plan “Maybe I could”"
    assert status_of(ind) == "in band" and status_of(got["telling"][0]) == "below"
    # of what never happened, one point: valuing the mentee (the advice card already says to ask first)
    told = [p.indicator_id for p in feedback(reports["telling"], n_points=10).to_try]
    assert told[0] == "advice_without_permission_per_10min" and told[-1] == "mentor_affirmations"
    assert not {"mentor_partnership", "mentee_own_ideas", "mentor_confidentiality"} & set(told)
    # with room for every act that never happened, one point of the sharing-the-decision theme: the mentor's
    # asking first, not both
    from pipeline.report import glance

    monkeypatch.setattr(glance, "NEVER_AT_MOST", 10)
    to_try = {p.indicator_id for p in feedback(reports["telling"], n_points=10).to_try}
    assert to_try & {"mentor_partnership", "mentee_own_ideas"} == {"mentor_partnership"}


def test_the_sample_sessions_own_ideas(nlp):
    """The sample scripts: the matched mentee plans four things of their own (two put as questions), the unmatched
    mentee one, the dual-channel mentee two; "I'll do it this afternoon" after "Did you book a room?" takes up the
    mentor's idea and is not counted."""
    import json

    from pipeline.io.export import report_from_dict
    from pipeline.measures.session import measure_session

    want = {"matched": ["Should I bring", "I should practice", "I could ask", "I'll add"],
            "unmatched": ["Should I also send"], "dual_channel": ["Should I ask", "I could link"]}
    golden = Path(__file__).resolve().parent / "data" / "golden"
    for name, cues in want.items():
        data = json.loads((golden / f"{name}.report.json").read_text(encoding="utf-8"))
        for turn in data["turns"]:  # written before words carried Whisper's probability
            for w in turn["words"]:
                w.setdefault("probability", 1.0)
        report = report_from_dict(data)
        m = measure_session(report.turns, report.speakers, nlp=nlp)
        ind = next(i for i in m.indicators if i.id == "mentee_own_ideas")
        assert [e.note.split("“")[1].rstrip("”") for e in ind.evidence] == cues, name
        assert ind.value == len(cues)
