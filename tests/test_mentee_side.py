"""The mentee's side read as an MI trainer hears it: when the mentee asks, voices a concern, or puts forward an idea
of their own, in short hand-written exchanges (the mentor "T", the mentee "C").

Each rule has its negatives: a rhetorical tag or a consent is no question, a grudging "I guess" no concern, a habit
told no plan, a yes that moves on no concern owned, an answer with no idea no idea.
"""

from __future__ import annotations

import pytest

from pipeline.measures.evidence import concerns, own_ideas, told_again


def _session(nlp, lines: str):
    from pipeline.run.orchestrate import analyze_transcript

    return analyze_transcript(lines, source_name="tc.txt", nlp=nlp)


def _mentee_last(nlp, mentor: str, mentee: str):
    """The mentee's turn ``mentee`` after the mentor's ``mentor`` (an opening exchange first, so roles are clear)."""
    r = _session(nlp, "T: What brings you here today?\nC: Work, mostly. I've got a big report due.\n"
                      f"T: {mentor}\nC: {mentee}\n")
    return r, r.turn_measures[-1]


@pytest.mark.parametrize(("mentor", "mentee"), [
    ("You want to make a good impression.", "Yeah. But it's kind of backfiring, isn't it."),  # a tag ended with "."
    ("That's a lot to carry.", "Well, that's the big one, isn't it. I want to get it right."),
    ("So it was one bad week.", "I just thought, well, I've failed again, so what's the point."),  # rhetorical
    ("So it was one bad week.", "i just thought well ive failed again so whats the point"),  # no punctuation either
    ("You give so much all day.", "Yeah. Which sounds a bit sad when you say it out loud."),  # a relative clause
    ("You give so much all day.", "yeah which sounds a bit sad when you say it out loud"),
    ("Have you tried cutting down before?", "Did Dry January once."),  # an answer with its subject dropped
    ("Would it be okay if I told you what's changed since then?", "Yeah, go on."),  # consent to an offer
    ("Would it help if I shared what the guidelines say?", "Yes, go on."),
    ("How would that feel, saying that to them?", "Scary. But probably fine?"),  # a guess wondered aloud
    ("What might cutting down look like?", "Maybe weekends only?"),  # an option put forward
])
def test_the_mentee_is_not_asking(nlp, mentor, mentee):
    _, m = _mentee_last(nlp, mentor, mentee)
    assert m.n_questions == 0, mentee


@pytest.mark.parametrize(("mentor", "mentee"), [
    ("It's up to you how we keep track.", "Could I come back in a couple of weeks?"),
    ("That's what the guidelines say.", "Is that per day or per week?"),
    ("You can think about it.", "What happens if I stop taking them?"),
    ("So blocking out mornings is one idea.", "Do you think Mark would mind, isn't it a bit rude?"),
    ("It's been a hard week.", "it's a lot isn't it"),  # an unpunctuated tag may still be asked
])
def test_the_mentee_asking(nlp, mentor, mentee):
    _, m = _mentee_last(nlp, mentor, mentee)
    assert m.n_questions >= 1, mentee


def test_go_on_from_the_mentor_still_invites_talk(nlp):
    r = _session(nlp, "T: What brings you here today?\nC: Work, mostly. I keep saying yes to everything and then\n"
                      "T: Go on.\nC: And then I can't do any of it properly.\n")
    assert r.turn_measures[2].n_questions == 1


def _concerns(r):
    return [m.text for m, _ in concerns(r.turn_measures, "T", ("C",))]


def _ideas(r):
    return [m.text for m, _ in own_ideas(r.turn_measures, "T", ("C",))]


@pytest.mark.parametrize(("mentor", "mentee", "voiced"), [
    ("Does that worry you?", "Yeah, I suppose.", True),  # a yes to a worry the mentor named
    ("It sounds like it's been a bit lonely.", "Yeah. It has, a bit. I go home most weekends.", True),
    ("And you're a bit worried about how she'll take it.", "A bit, yeah.", True),
    ("Are you nervous about the meeting?", "Not at all.", False),
    ("So the worry is that people will book over it.", "Yeah. Maybe if I declined the meetings.", False),  # moves on
    ("The craving is the hard part.", "It is. And the weekly check-in would help.", False),  # a difficulty, no feeling
    ("Would you be okay with me booking you in with the study team?", "Um, sure, I guess.", False),  # grudging yes
    ("You should be really proud of that.", "I guess.", False),
    # a feeling or a doubt in the mentee's own words, without the mentor naming it
    ("How did the first week go?", "I just feel a bit lost most days.", True),
    ("How did the first week go?", "Nervous. But I went in every day.", True),
    ("How did the first week go?", "I feel like everyone else already knows what they're doing.", True),
    ("How did the first week go?", "I'm not so sure I picked the right job.", True),
    ("How did the first week go?", "I don't want to keep bothering my supervisor.", True),
    ("How did the first week go?", "I'm not worried, it went fine.", False),
    ("How did the first week go?", "Good. I was a bit lost for words when they clapped.", False),
])
def test_a_concern_owned_when_the_mentor_names_it(nlp, mentor, mentee, voiced):
    r, m = _mentee_last(nlp, mentor, mentee)
    assert (m.text in _concerns(r)) is voiced


@pytest.mark.parametrize(("mentor", "mentee", "idea"), [
    ("Do you have any ideas of your own first?", "Blocking out mornings in my calendar, for the big stuff.", True),
    ("What would make it an eight?", "If I wrote it down on Friday, so I'm not making it up on the spot.", True),
    ("What would make it an eight?", "I don't know, honestly.", False),  # no idea to give
    ("What would it look like if things were the way you wanted?", "I'd be out on the lake with him.", False),  # a wish
    ("Not having it in the house takes the decision away.", "Yeah. I think I'll try that.", True),  # own idea given back
    ("You should stop buying it on weeknights.", "Yeah. I think I'll try that.", False),  # advice taken up
    ("You freeze.", "I'll look up and it's eleven o'clock and I've done nothing.", False),  # a habit told
])
def test_an_idea_of_ones_own_by_what_was_asked_or_given_back(nlp, mentor, mentee, idea):
    r, m = _mentee_last(nlp, mentor, mentee)
    assert (m.text in _ideas(r)) is idea


def _told_again(r):
    return [m.text for m, _ in told_again(r.turn_measures, "T", ("C",))]


@pytest.mark.parametrize(("mentor", "mentee", "again"), [
    # set 62's poor follow-ups: asked for what they had said, the mentee says so
    ("And are you still on nights?", "No, it's earlies. Like I said, four till twelve.", True),
    ("What about your dad?", "My dad's not around. I told you that the first time.", True),
    ("Remind me what it is you do?", "I drive. Delivery van. Same as when I first came.", True),
    ("How many staff have you got at the moment?", "It's me, Jo, and Sam on Saturdays. Like I said.", True),
    ("So what's getting in the way?", "I said last time, I think. It's not the content.", True),
    ("so whats getting in the way", "like i said its mostly daniel", True),  # no punctuation
    # what only looks like it: news, a negation, no question asked, "told you" with what they told after it
    ("How did the interview go?", "I told you I'd apply, and I did! They offered it to me.", False),
    ("What's on your mind?", "My dad. I don't think I told you about him.", False),
    ("You've had a lot on.", "Like I said, the money's part of it. And the hours.", False),  # no question before
    ("Who did you speak to?", "I told you, Mr Hale. He was fine about it.", True),
])
def test_told_again_when_the_mentor_asked_for_what_they_had_said(nlp, mentor, mentee, again):
    r, m = _mentee_last(nlp, mentor, mentee)
    assert (m.text in _told_again(r)) is again
