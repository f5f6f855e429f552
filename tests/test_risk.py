"""Risk of harm said by the mentee and taken up by the mentor (``pipeline/measures/risk.py``).

Hand-written phrases whose answer we know, each with what only looks like it, and three small hand-written sessions:
a mentor who asks directly, one who waves it off, one where nothing of the kind is said.
"""

from __future__ import annotations

import pytest

from pipeline.measures.risk import risk_said, safety_asked

RISK_CASES = [
    ("Some days I think everyone would be better off if I just wasn't around.", True),
    ("Sometimes I honestly think they'd be better off without me.", True),
    ("That I'm useless. That everyone would be better off.", True),
    ("I'm not, like, I'm not trying to kill myself or anything.", True),
    ("I've been feeling suicidal since Christmas.", True),
    ("I just want to end it all.", True),
    ("Honestly I don't want to wake up.", True),
    ("He hits me when he's been drinking.", True),
    ("I'm scared to go home.", True),
    ("I don't feel safe at home.", True),
    ("I've been cutting myself again.", True),
    ("Sometimes I just wonder what the point is, honestly.", True),
    ("I think it'd be easier for everyone if I just wasn't there.", True),
    ("I'm not sure anyone would even notice if I wasn't around.", True),
    ("She put \"I won't be here by the end of term anyway\" in the group chat.", True),
    ("I've been thinking about ending it. For a few weeks now.", True),
    ("And the other arm's... I cut. I have done since Year 10.", True),
    ("I was having a couple of drinks at lunch, just to get through the afternoon.", True),
    ("He pushed me into the door last week.", True),
    ("He grabs my mum sometimes, when they argue.", True),
    ("He punched the wall by my head once.", True),
    # look-alikes
    ("Telling Richard would be career suicide.", False),
    ("I think he'd rather commit suicide than turn himself in.", False),
    ("This job is killing me.", False),
    ("You'd be much better off with eggs in the morning.", False),
    ("Sometimes I think I'd be better off doing something else.", False),
    ("On Saturday I cut myself on the mandoline.", False),
    ("I don't want to live in a one-bedroom flat all my life.", False),
    ("My problem is I don't want to wake up half an hour earlier.", False),
    ("They hit me up for the five percent.", False),
    ("She's not here any more, she left in June.", False),
    ("I want to end it with him.", False),
    ("What's the point of the meeting on Friday?", False),
    ("It'd be easier if I wasn't in the office on Mondays.", False),
    ("I won't be here next week, I'm on leave.", False),
    ("I've been thinking about ending it with the agency.", False),
    ("I cut the grass and then went out.", False),
    ("I've been cutting our grass too lately.", False),
    ("My coach pushed me to apply.", False),
    ("He grabbed me a coffee on the way in.", False),
]


@pytest.mark.parametrize(("text", "risk"), RISK_CASES)
def test_a_risk_of_harm_said_and_what_only_looks_like_it(text, risk):
    assert bool(risk_said(text)) is risk


@pytest.mark.parametrize(("text", "asks"), [
    ("I'm going to ask you directly. Are you thinking about suicide?", True),
    ("Are you having thoughts of ending your life?", True),
    ("Do you feel safe at home?", True),
    ("When you say they'd be better off, what do you mean?", True),
    ("I'll probably check in about it now and then.", True),
    ("Can I ask about something you just said?", True),
    ("That's really serious. Giving stuff away is one of the warning signs.", True),
    ("Oh, Sian. No. Don't say that.", False),
    ("You're one of the best people on this floor.", False),
    ("Right, shall we look at your rota?", False),
])
def test_the_mentor_asking_about_it(text, asks):
    assert bool(safety_asked(text)) is asks


def _session(mentor_turns: list[str]) -> str:
    mentee = ["It's been a rough few weeks, to be honest.", "Some days I think everyone would be better off without me.",
              "I don't know. Maybe.", "Okay."]
    lines = [f"Mentee: {mentee[0]}", "Mentor: Rough how?", f"Mentee: {mentee[1]}"]
    for said, answer in zip(mentor_turns, mentee[2:], strict=True):
        lines += [f"Mentor: {said}", f"Mentee: {answer}"]
    return "\n".join(lines) + "\n"


def test_a_mentor_who_asks_and_one_who_waves_it_off(nlp):
    """The same words of the mentee; the mentor who asks directly reads 100 % and is told it went well, the one who
    says "Don't talk like that" and cheers them up reads 0 % and is told to ask; where nothing of the kind was said
    the indicator is not available."""
    from pipeline.report.glance import feedback
    from pipeline.run.orchestrate import analyze_transcript

    def reading(text):
        report = analyze_transcript(text, source_name="s.txt", nlp=nlp)
        ind = {i.id: i for i in report.indicators}["mentor_risk_followed_up"]
        return ind, feedback(report, n_points=10, min_confidence="low")

    asked, fb = reading(_session(["Thank you for telling me. Are you having thoughts of ending your life?",
                                  "Let's talk about keeping you safe tonight, and who else should know."]))
    assert asked.value == 100.0 and asked.evidence[0].note.endswith("asked “thoughts of ending”")
    assert "mentor_risk_followed_up" in [p.indicator_id for p in fb.went_well]
    waved, fb = reading(_session(["Don't talk like that. You've got loads going for you.", "Anyway, your rota."]))
    assert waved.value == 0.0 and waved.evidence[0].note.endswith("not taken up in the mentor's next two turns")
    assert "mentor_risk_followed_up" in [p.indicator_id for p in fb.to_try]
    # set 83: a fear filed as what everyone says, then an explanation that only looks like a reflection
    filed, _ = reading(_session(["People always say that. You're tired, and everything feels worse when you're tired.",
                                 "Anyway, your rota."]))
    assert filed.value == 0.0
    quiet, _ = reading("Mentee: The rota's a mess.\nMentor: What's the hardest part?\nMentee: Nights.\n")
    assert quiet.value is None and not quiet.available
