"""Question classifier and word measures on hand-written sentences (no punctuation needed)."""

from __future__ import annotations

import pytest

from pipeline.errors import InvalidParameterError
from pipeline.measures.inner_questions import trailing_question
from pipeline.measures.language import (
    content_items,
    is_backchannel_text,
    language_style_matching,
    shared_phrases,
    tokens_lower,
    top_word_matching,
)
from pipeline.measures.prosody import count_syllables
from pipeline.measures.questions import classify_text, strip_punctuation
from pipeline.types import Turn

QUESTIONS = [
    ("what would you like to focus on today", "wh", True),
    ("so how did that feel when you presented", "wh", True),
    ("who could confirm them for you", "wh", True),
    ("how about next week", "wh", True),
    ("do you think I should practice first", "yes_no", False),
    ("can you send me the draft", "yes_no", False),
    ("would you like to try that", "yes_no", False),
    ("did you finish the report draft", "yes_no", False),
    ("is the budget final", "yes_no", False),
    ("it's a tough deadline isn't it", "tag", False),
    ("you presented the numbers last week right", "tag", False),
    ("should I bring operations in now or wait", "alternative", False),
    ("uh I need to know how do you feel about the move", "wh", True),
    # rules added from SwDA error analysis (train split), each on our own sentence
    ("you ever been to the new office", "yes_no", False),  # declarative cue
    ("you mean the budget review", "yes_no", False),
    ("are have you talked to your manager yet", "yes_no", False),  # restarted auxiliary
    ("is is the budget final", "yes_no", False),  # repeated word split off by the parser
    ("Nancy do you have the slides", "yes_no", False),  # vocative before the inversion
    ("it slipped again didn't it uh", "tag", False),  # tag before a trailing filler
    ("where in the report", "wh", True),
    ("which team", "wh", True),
    ("so in the second quarter what are the numbers", "wh", True),  # wh after a leading phrase, noun subject
    ("what do you know about the new team lead", "wh", True),  # "you know" asked, not a filler
    # the question word's phrase is the subject: no inversion
    ("what sort of support would help most", "wh", True),
    ("how many people came to the review", "wh", False),  # a number asked for: closed
    ("which parts of the course have helped", "wh", True),
    ("what part of it gets to you", "wh", True),
    ("what kind of tasks are on your list", "wh", True),
    ("which of those feels like the place to start", "wh", True),
    ("how've the last two weeks been", "wh", True),  # the contraction is the inversion
    ("what if anything would you change", "wh", True),
    ("why a five and not a two", "wh", True),
    # MISC: a closed question asks for a number, a span or a date
    ("how many drinks are you having a day", "wh", False),
    ("how long have you been smoking", "wh", False),
    ("how much money goes on it", "wh", False),
    ("when did it break", "wh", False),
    ("what time do you finish", "wh", False),
    ("how much does that matter to you", "wh", True),  # a degree, not a quantity
]
STATEMENTS = [
    "what we talk about stays between us",
    "when I started I made the same mistake",
    "that's right",
    "I think you're right",
    "I don't know if they do or not",
    "do the dishes first",
    "so do I",
    "what happened was that the plan changed",
    "what little time I had went on the budget",  # a free relative as the subject, not a question
    "how many times I told him",
    "which kind of makes it worse",  # the hedge "kind of" in a relative clause
    "I wonder why it failed?",  # declarative ending in "?"
    "you did a great job today?",  # declarative with "?" and no audio cue: not counted
    "so you moved to the finance team?",  # declarative question: needs intonation, not counted
    "how nice",  # exclamation
    "how interesting",
    "is that right",  # backchannel in question form: listening
    "did you really",
    "which is a good deal",  # relative clause carried on from the last turn
    "I had a colleague who was a great mentor",
    "and they said why did you leave so early",  # reported question
    "who knows",  # rhetorical
    "why don't you start",  # a suggestion
    "my manager would you know take it badly",  # "you know" as a filler after an auxiliary
    "it was a great talk you know",  # "you know" at the end is not a tag
    "that was not a big deal",
    "was not a big deal",  # subject left out, not an inversion
    "I wonder if it will work?",
    "did. It's on the team wiki.",  # "I did." split by Whisper: the full stop ends the fragment, no inversion
]


@pytest.mark.parametrize("text,kind,open_", QUESTIONS)
def test_questions_without_question_mark(nlp, text, kind, open_):
    q, n = classify_text(nlp(text))
    assert q.is_question and q.kind == kind and q.open is open_ and n >= 1


@pytest.mark.parametrize("text", STATEMENTS)
def test_statements_even_with_question_mark(nlp, text):
    assert not classify_text(nlp(text))[0].is_question


def test_punctuation_does_not_change_the_answer(nlp):
    for text, *_ in QUESTIONS:
        assert classify_text(nlp(text + "?"))[0].is_question == classify_text(nlp(strip_punctuation(text)))[0].is_question


#: Unpunctuated sentences (as automatic captions write them) that end in a question after something else, with the
#: question's cue: an echo then a question in its own word order, an inversion with its verb after a noun or an
#: adjective, a check at the end, a verbless "any ..." question.
TRAILING = [
    ("seven what makes it a seven and not say a three", "what makes"),
    ("eighteen pounds what's been getting in the way of cooking", "what 's"),
    ("and the diet piece did they give you the heart-healthy sheet", "did they give"),
    ("good are you following it", "are you following"),
    ("and exercise is he playing any sport", "is he playing"),
    ("right so you're keeping it all hidden as well what's that like carrying it on your own", "what 's"),
    ("so you checked that you drink about four to five drinks a night is that right", "is that right"),
    ("okay so any questions", "any"),
    ("two years any pain or sensitivity", "any"),
    ("any bleeding when you brush", "any"),
]
#: ... and statements that look like them: a copula before a clause, a relative clause, "any" inside a clause or
#: answering, a question word that continues the clause.
NOT_TRAILING = ["the problem is he doesn't listen", "the reason why they left was money", "i don't have any questions",
                "any time", "anything really", "a tent or any camping supplies", "so they still had they had", "i know what happened in the meeting", "the thing is you never know",
                "that is right"]


@pytest.mark.parametrize("text,cue", TRAILING)
def test_a_question_after_something_else_in_unpunctuated_text(nlp, text, cue):
    q = trailing_question(nlp(text)[:])
    assert q.is_question and q.cue == cue


@pytest.mark.parametrize("text", NOT_TRAILING)
def test_statements_with_the_same_words_are_not_trailing_questions(nlp, text):
    assert not trailing_question(nlp(text)[:]).is_question


def test_backchannels():
    assert is_backchannel_text("Mm-hm.") and is_backchannel_text("yeah right") and is_backchannel_text("Okay.")
    assert not is_backchannel_text("yeah I think the budget is late")


def test_lsm_and_top_words():
    a = tokens_lower("I think that the plan is good and I want to do it")
    assert language_style_matching(a, a)[0] == pytest.approx(1.0, abs=1e-3)
    b = tokens_lower("budget deadline operations finance review")
    # only the 3 categories neither uses (adverbs, negations, quantifiers) score 1: 3/9
    assert language_style_matching(a, b)[0] == pytest.approx(3 / 9, abs=0.01)
    assert top_word_matching(a, a, n=5)[0] == 1.0
    assert tokens_lower("don't") == ["do", "n't"]


def test_syllables():
    from models import load_syllable_table

    table = load_syllable_table()
    assert [count_syllables(w, table=table) for w in ("stakeholder", "finance", "review", "Uh-huh.", "42")] == \
        [3, 2, 2, 2, 0]


def test_shared_phrases_first_use_take_up_and_one_count_per_phrase(nlp):
    said = [
        ("Sam", 0.0, "The quarterly review is on Friday and the deadline scares me."),
        ("Alex", 6.0, "Tell me about the deadline."),  # "deadline" said once by Sam: not yet a key word
        ("Sam", 9.0, "The deadline is Friday, and the budget section is not done."),
        ("Kim", 15.0, "I can help with the budget section."),  # a third person takes it up first
        ("Alex", 20.0, "So the quarterly review is the real worry."),
        ("Alex", 25.0, "What would make the review feel safe?"),  # "review" again: still the same phrase
    ]
    turns = [Turn(i, who, "", at, at + 4.0, text) for i, (who, at, text) in enumerate(said)]
    keys = [[k for k, _ in content_items(nlp(t.text))] for t in turns]
    found = {p.phrase: p for p in shared_phrases(turns, keys)}
    assert set(found) == {"quarterly review", "deadline", "budget section"}
    qr = found["quarterly review"]
    assert (qr.first_speaker, qr.first_s, qr.taken_up_by, qr.taken_up_s, qr.n_uses) == ("Sam", 0.0, "Alex", 20.0, 2)
    dl = found["deadline"]  # Sam said it twice in all, so it is Sam's key word, first taken up by Alex at 6 s
    assert (dl.first_speaker, dl.taken_up_by, dl.taken_up_s, dl.n_uses) == ("Sam", "Alex", 6.0, 3)
    assert (found["budget section"].taken_up_by, found["budget section"].taken_up_s) == ("Kim", 15.0)
    assert "deadline" not in {p.phrase for p in shared_phrases(turns, keys, min_single_uses=3)}
    assert shared_phrases([], []) == ()
    with pytest.raises(InvalidParameterError, match="min_single_uses must be at least 1, got 0"):
        shared_phrases(turns, keys, min_single_uses=0)


@pytest.mark.parametrize(("text", "recalls"), [
    ("One last thing. You mentioned earlier that the deadline is the end of next month", True),
    ("as you said the budget is the hard part", True),
    ("last time we met you were worried about the demo", True),
    ("earlier you talked about your manager", True),
    ("you had said the numbers were not final", True),
    ("How did that feel, the last time you practiced out loud?", False),  # asks about an event
    ("Would your manager read it if you shared it every month?", False),  # supposes
    ("Have you mentioned this to your manager", False),  # asks
    ("when you shared it how did they react", False),
])
def test_remembering_cue(text, recalls):
    from pipeline.measures.language import CALLBACK_RE, find_pattern

    assert bool(find_pattern(CALLBACK_RE, text)) is recalls


def test_remembering_is_the_mentees_words_dropped_out_of_the_talk():
    """Remembering brings back what the mentee brought in and the talk had left: the mentor's own topic word, taken
    up by the mentee, does not count when the mentor says it again; a word the mentor said a moment ago is still in
    the talk however long ago the mentee said it; the mentee's words nobody has said for 2 minutes count."""
    from pipeline.measures.evidence import remembering
    from pipeline.types import MeasureOptions

    said = [  # (speaker, start s, content keys)
        ("Mo", 0.0, ["budget", "review"]),  # the mentor brings in the budget review
        ("Ann", 10.0, ["budget", "review", "manager", "email"]),  # the mentee takes it up, brings in her manager
        ("Ann", 30.0, ["holiday", "plan"]),  # and her holiday plan
        ("Mo", 140.0, ["holiday", "plan"]),  # 110 s on: too soon to be remembering, but the plan is talked about
        ("Mo", 200.0, ["budget", "review"]),  # the mentor's own words again: not the mentee's
        ("Mo", 210.0, ["manager", "email"]),  # the mentee's words, unsaid for 200 s: remembering
        ("Mo", 230.0, ["holiday", "plan"]),  # the mentee's, 200 s on, but the mentor said them 90 s ago
    ]
    turns = [Turn(i, who, "mentor" if who == "Mo" else "mentee", start, start + 5.0, " ".join(keys))
             for i, (who, start, keys) in enumerate(said)]
    found = remembering(turns, [keys for _, _, keys in said], "Mo", ("Ann",), MeasureOptions(remember_min_gap_s=120.0))
    assert [e.start_s for e, _ in found] == [210.0]
    assert found[0][1] == "Ann" and found[0][0].note.endswith("at 10 s (200 s before)")


def test_remembering_brings_back_things_not_any_word(nlp):
    """Remembering is bringing back the details the mentee told (a name, a place, a plan): the same mentee's "bad" and
    "ask" said again by the mentor 3 minutes on are no remembering; "Dean" and the step are."""
    from pipeline.measures.evidence import remembering
    from pipeline.measures.language import content_items, detail_keys
    from pipeline.types import MeasureOptions

    said = [("Ann", 0.0, "It gets bad in the evenings when Dean smokes on the back step, and I can't ask him to stop."),
            ("Mo", 10.0, "Tell me more about the mornings."),
            ("Ann", 20.0, "Mornings are fine, I have a routine."),
            ("Mo", 200.0, "It might be bad to ask for too much at once."),
            ("Mo", 220.0, "And Dean out on the back step, that's the hard moment.")]
    docs = [nlp(text) for _, _, text in said]
    turns = [Turn(i, who, "mentor" if who == "Mo" else "mentee", start, start + 5.0, text)
             for i, (who, start, text) in enumerate(said)]
    keys = [[k for k, _ in content_items(d)] for d in docs]
    details = detail_keys(docs, keys)
    assert {"dean", "step", "evening"} <= details and not {"bad", "ask"} & details
    options = MeasureOptions(remember_min_gap_s=120.0)
    assert [e.start_s for e, _ in remembering(turns, keys, "Mo", ("Ann",), options)] == [200.0, 220.0]
    assert [e.start_s for e, _ in remembering(turns, keys, "Mo", ("Ann",), options, details=details)] == [220.0]


@pytest.mark.parametrize(("text", "voiced"), [
    ("I don't really know how to recover if that happens", True), ("I'm worried that I'll freeze up", True),
    ("I'm not sure whether notes would make me look unprepared", True),
    ("I'm just not sure I can give up the Saturdays with my brother.", True),  # ambivalence, an adverb between
    ("Better, honestly. A bit nervous, but better.", True),  # a worry with a degree word and no "I'm"
    ("That's pretty good, actually.", False), ("I'm sure it will be fine.", False),
    ("I guess I'm just not cut out for this.", True),  # "I guess": uncertainty about oneself
    ("I guess so.", False), ("I guess it does.", False), ("I guess you're right.", False),  # agreeing, no worry
    ("I guess that makes sense.", False),
    ("Um, sure, I guess.", False), ("I guess.", False),  # a grudging yes, no worry
    ("No. My mum would be really upset.", True), ("My dad's going to be so disappointed.", True),  # how they'd take it
    ("Yeah. A lot. I've been lying awake about it, honestly.", True), ("I keep losing sleep over it.", True),
    ("A bit, yeah. I don't want a telling-off.", True), ("I don't want to end up like that.", True),  # a feared outcome
    ("I don't want to be a burden on her.", True), ("I don't want to go to the gym.", False),  # a dislike
    ("I heard that gives you weird side effects.", True),  # a harm feared
    ("I don't know where to start, so I answer emails instead.", True),
    ("Scary. But probably fine?", True), ("It's a bit daunting.", True),  # a fear named without "I'm"
    ("That's less scary than just saying no.", False), ("It's not scary at all.", False),
])
def test_concern_cue(text, voiced):
    from pipeline.measures.language import CONCERN_RE, find_pattern

    assert bool(find_pattern(CONCERN_RE, text)) is voiced
