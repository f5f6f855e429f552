"""Confidentiality kept and broken (issue 18; the course's 'what you talk about won't go any further').

Hand-written phrases whose answer we know, each with what only looks like it, and a hand-written pair of sessions
(``tests/data/helping/gossiping_session.txt`` and ``keeping_session.txt``) told apart as a trainer would.
"""

from __future__ import annotations

import pytest

from pipeline.measures.confidentiality import breach, parties, session_breaches
from pipeline.measures.questions import strip_punctuation

BREACH_CASES = [
    # another's confidence told
    ("Yeah, well, he told me he was back on the gear inside a week.", "he told me he was"),
    ("Kieran told me he was back on the gear.", "Kieran told me he was"),
    ("Priya told me she's thinking of leaving.", "Priya told me she's"),
    ("She told me in confidence that she's pregnant.", "She told me in confidence"),
    ("Dan confided that he'd failed the exam twice.", "Dan confided"),
    ("I shouldn't really be telling you this, but they're restructuring.", "I shouldn't really be telling you this"),
    ("You didn't hear it from me, but the post is already filled.", "You didn't hear it from me"),
    ("Don't tell anyone I told you.", "Don't tell anyone I told"),
    ("Keep this to yourself, but he's on a warning.", "Keep this to yourself"),
    ("Between you and me, she's on her way out.", "Between you and me"),
    ("Honestly, between you and me, nobody rates him.", "Honestly, between you and me"),
    ("Mark's applying too. She told me last week.", "She told me last week"),
    ("I probably shouldn't say, but it came up in his session.", "I probably shouldn't say"),
    ("Well, it came up in her session on Monday.", "came up in her session"),
    ("I'm only telling you so you know where he stands.", "I'm only telling you so"),
    ("Don't let on I said anything.", "Don't let on"),
    ("And don't say I told you about the job.", "don't say I told"),
    # the mentee's words taken on, unasked
    ("I'll have a quiet word with your manager, don't worry.", "I'll have a quiet word with your manager"),
    ("I've already mentioned it to HR.", "I've already mentioned it to HR"),
    ("Oh, I've spoken to your mum.", "I've spoken to your mum"),
    ("Right, I'll email your tutor and ask about extra support.", "I'll email your tutor"),
    ("I'm going to let your supervisor know.", "I'm going to let your supervisor know"),
    ("I've already let your manager know.", "I've already let your manager know"),
    ("Let me speak to HR about it.", "Let me speak to HR"),
    ("I know her inspector. I'll have a quiet word with her.", "I'll have a quiet word with her"),
    ("And I might run it past Karen in payroll.", "I might run it past Karen"),
    ("Look, I'll have a word with Sharon about your breaks.", "I'll have a word with Sharon"),
    # set 87: the one the turn has just named, an escalation, a named person rung or emailed
    ("Leave Janet with me. I'll have a quiet word.", "I'll have a quiet word"),
    ("Four times! Okay, I'll escalate it to Mr Hughes.", "I'll escalate it to Mr"),
    ("I'll email Sandra in HR this afternoon and get a meeting booked.", "I'll email Sandra"),
    ("I'll report it to your manager today.", "I'll report it to your manager"),
    # look-alikes: remembering, the mentor's own story, offers, agreement, a duty, a promise
    ("You told me you were worried about the audit.", ""),
    ("My mum told me she was proud of me.", ""),
    ("She told me I was too quiet in meetings.", ""),
    ("They told me they were going to restructure.", ""),
    ("Would you like me to have a word with your manager?", ""),
    ("I could mention it to HR if you want.", ""),
    ("I'll speak to your manager with you, if that's okay.", ""),
    ("We could tell your manager together.", ""),
    ("I'd need to tell the safeguarding lead, and I'll do that with you.", ""),
    ("This stays between you and me.", ""),
    ("Anything you tell me stays between us.", ""),
    ("I'll tell you what, let's start there.", ""),
    ("I'll speak to you next week.", ""),
    ("How would you tell your manager?", ""),
    ("Then I spoke to Priya on her own, and it was nothing.", ""),  # the mentor's own story
    ("I'm only telling you because I remember that feeling.", ""),
    ("Don't quote me on the figures, but it's about half.", ""),  # accuracy, not gossip
    ("Somebody told me the other day that it's six weeks.", ""),
    ("I'll tell Mrs Patel you came and we talked. Is that alright with you?", ""),  # agreement checked at once
    ("I'll call Tuesday to confirm.", ""),
    ("I'll email you the link tonight.", ""),
    ("I'll have a quiet word with you after the session.", ""),
    ("Can I have a quiet word?", ""),
    ("I'll report back to you on Friday.", ""),
    ("I can take that to the team meeting next week. Would that be okay?", ""),
]


@pytest.mark.parametrize(("text", "cue"), BREACH_CASES)
def test_a_confidence_passed_on_and_what_only_looks_like_it(text, cue):
    assert breach(text) == cue


@pytest.mark.parametrize(("text", "cue"), [c for c in BREACH_CASES if c[1] and "," not in c[1] and "," not in c[0]])
def test_heard_without_punctuation_too(text, cue):
    assert breach(strip_punctuation(text)).lower() == strip_punctuation(cue).lower()


def test_another_mentees_confidence_is_no_promise():
    from pipeline.measures.indicators_safety import _promise

    assert _promise("She told me in confidence that she's pregnant.") == ""
    assert _promise("What you tell me is in confidence.") == "in confidence"


def test_a_gossiping_mentor_and_a_keeping_mentor_told_apart(nlp):
    """Both promise confidentiality; the gossiping mentor's four turns that pass confidences on are found, turn for
    turn, told as something to try, and the promise is not told as going well; the keeping mentor's offer ("Would
    you like me to speak to her with you ...?") and a colleague's lesson are no breach, and no breach is no praise."""
    from pipeline.report.glance import feedback
    from tests.test_helping import _hand_written

    reports = _hand_written(nlp, "gossiping", "keeping")
    got = {name: {i.id: i for i in r.indicators} for name, r in reports.items()}
    assert (got["gossiping"]["mentor_confidentiality"].value, got["keeping"]["mentor_confidentiality"].value) == (1, 1)
    broken = got["gossiping"]["mentor_confidentiality_breaches"]
    assert broken.value == 4 and got["keeping"]["mentor_confidentiality_breaches"].value == 0
    mentor = [m for m in reports["gossiping"].turn_measures if m.role == "mentor"]
    assert [mentor.index(next(m for m in mentor if m.start_s == e.start_s)) for e in broken.evidence] == [1, 2, 4, 5]
    assert broken.evidence[0].note == "confidence passed on “Between you and me”"
    fb = {name: feedback(r, n_points=10, min_confidence="low") for name, r in reports.items()}
    assert "mentor_confidentiality_breaches" in [p.indicator_id for p in fb["gossiping"].to_try]
    assert "mentor_confidentiality" not in [p.indicator_id for p in fb["gossiping"].went_well]
    assert "mentor_confidentiality" in [p.indicator_id for p in fb["keeping"].went_well]
    assert "mentor_confidentiality_breaches" not in [p.indicator_id for p in fb["keeping"].went_well]


def test_who_may_hear_named_alike_from_either_side():
    assert parties("Could you speak to my line manager for me?") == {"manager"}
    assert parties("I'll have a word with your manager and with human resources.") == {"manager", "hr"}
    assert parties("Would it help if I had a chat with Jo?") == {"jo"}
    assert parties("Would it help to write it down?") == frozenset()


AGREED_OFFER = [
    ("Mentor", "Would it be useful if I found out who in HR handles visa questions? Only if you want that."),
    ("Mentee", "Yeah. Yes, please. I think I'd rather know."),
    ("Mentor", "Okay. What else is on your mind?"),
    ("Mentee", "The build I broke, mostly."),
    ("Mentor", "Same time next month? And I'll message you after I've spoken to HR."),
]


@pytest.mark.parametrize("punctuated", [True, False])
def test_a_step_the_mentee_agreed_earlier_is_no_breach(punctuated):
    """set 74 s08 (a reviewer's high-quality session): HR offered and accepted at the start, named again at the end;
    the same closing line with the offer declined, or with another person named, is still a breach."""
    def turns(rows):
        return [(who, text if punctuated else strip_punctuation(text)) for who, text in rows]

    assert session_breaches(turns(AGREED_OFFER), mentor="Mentor") == ()
    declined = [AGREED_OFFER[0], ("Mentee", "No, I'd rather not, thanks."), *AGREED_OFFER[2:]]
    assert [i for i, _ in session_breaches(turns(declined), mentor="Mentor")] == [4]
    other = [*AGREED_OFFER[:4], ("Mentor", "And I'll message you after I've spoken to your manager.")]
    assert [i for i, _ in session_breaches(turns(other), mentor="Mentor")] == [4]
    nobody = [*AGREED_OFFER[:4], ("Mentor", "I know his inspector. I'll have a quiet word with her.")]
    assert [i for i, _ in session_breaches(turns(nobody), mentor="Mentor")] == [4]  # HR agreed, not her


def test_the_mentee_asking_the_mentor_to_tell_is_no_breach():
    asked = [("Mentee", "Could you have a word with my manager for me? I can't face it."),
             ("Mentor", "Of course. I'll speak to your manager this week."),
             ("Mentor", "And I'll let HR know too.")]
    assert session_breaches(asked, mentor="Mentor") == ((2, "I'll let HR know"),)
