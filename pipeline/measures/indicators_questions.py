"""Indicators of the mentor's questions: how many, how much of their talk asks, how many are open, how many
in a row.

The course lists "asking questions to find out more about them" first among rapport skills. Questions are the
coder's (:mod:`pipeline.measures.helping`): word order, "?" where the text has punctuation, requests that invite
talk, a final rising pitch; not reflections or advice asked with "?". Each indicator is one
:class:`pipeline.measures.indicator_spec.IndicatorSpec` in :data:`QUESTIONS` and one small function.
"""

from __future__ import annotations

from pipeline.measures.confidence import cap
from pipeline.measures.context import SessionContext
from pipeline.measures.evidence import count, moment, question_note
from pipeline.measures.helping_cues import GREETING_QUESTION_RE
from pipeline.measures.indicator_spec import (
    COURSE,
    RULE,
    IndicatorSpec,
    Reading,
    per_minute_note,
    per_minutes_sample,
)
from pipeline.measures.stats import rate_ci, share_ci
from pipeline.types import TurnMeasures, said


def _mentor_questions(ctx: SessionContext) -> list[TurnMeasures]:
    """The mentor's turns that ask something."""
    return [m for m in ctx.mentor_turns if m.question.is_question]


def mentor_questions_per_10min(ctx: SessionContext) -> Reading:
    """Question sentences of the mentor per 10 minutes (>= 0); exact Poisson interval."""
    mt = ctx.mentor_summary
    n_q = mt.n_questions if mt else 0
    return Reading(
        value=mt.questions_per_10min if mt else None,
        evidence=[moment(m, question_note(m.question)) for m in _mentor_questions(ctx)],
        note=per_minute_note(ctx),
        ci95=rate_ci(n_q, ctx.minutes) if mt else None,
        sample=per_minutes_sample(n_q, "question", ctx),
    )


def mentor_question_turn_share(ctx: SessionContext) -> Reading:
    """Share of the mentor's turns (listening signals left out) that ask something, percent; Wilson interval."""
    qs = _mentor_questions(ctx)
    substantive = [m for m in ctx.mentor_turns if not m.is_backchannel]
    return Reading(
        value=len(qs) / len(substantive) * 100 if substantive else None,
        evidence=[moment(m, m.question.kind) for m in qs],
        ci95=share_ci(len(qs), len(substantive)),
        sample=count(len(substantive), "turn"),
    )


def mentor_open_question_share(ctx: SessionContext) -> Reading:
    """Share of the mentor's asking turns whose question is open, percent; Wilson interval."""
    qs = _mentor_questions(ctx)
    open_q = [m for m in qs if m.question.open]
    return Reading(
        value=len(open_q) / len(qs) * 100 if qs else None,
        evidence=[moment(m, f"open {said(m.question.cue)}") for m in open_q],
        ci95=share_ci(len(open_q), len(qs)),
        sample=count(len(qs), "question"),
    )


#: Questions in a row, with no reflection or affirmation between them, that make a run (the question-answer trap).
QUESTION_RUN_LENGTH = 3


def question_runs(ctx: SessionContext) -> list[list[TurnMeasures]]:
    """The mentor's runs of :data:`QUESTION_RUN_LENGTH` or more asking turns in a row (the mentee's answers
    between them): a turn that also reflects, affirms, shares the mentor's own experience or gives advice or
    information the mentee asked for, or any other mentor turn, ends a run; listening signals
    and a greeting asked ("How are things?", :data:`pipeline.measures.helping_cues.GREETING_QUESTION_RE`) neither
    count nor end one. Each run in order, its turns in order."""
    runs: list[list[TurnMeasures]] = []
    current: list[TurnMeasures] = []
    for m in ctx.mentor_turns:
        if m.is_backchannel or m.n_questions <= 1 and GREETING_QUESTION_RE.search(m.text):
            continue
        gives = (m.code.has("reflection") or m.code.has("affirmation") or m.code.has("self_disclosure")
                 or m.code.permission and (m.code.has("advice") or m.code.has("information")))
        if m.question.is_question and not gives:
            current.append(m)
            continue
        if len(current) >= QUESTION_RUN_LENGTH:
            runs.append(current)
        current = []
    if len(current) >= QUESTION_RUN_LENGTH:
        runs.append(current)
    return runs


def mentor_question_runs_per_10min(ctx: SessionContext) -> Reading:
    """The mentor's runs of three or more questions in a row per 10 minutes (>= 0); exact Poisson interval.
    None without a mentor."""
    runs = question_runs(ctx)
    return Reading(
        value=len(runs) / ctx.minutes * 10 if ctx.mentor else None,
        evidence=[moment(run[QUESTION_RUN_LENGTH - 1], f"{len(run)} questions in a row, nothing given back between")
                  for run in runs],
        confidence=cap(ctx.base_confidence, "medium"),
        note=per_minute_note(ctx),
        ci95=rate_ci(len(runs), ctx.minutes) if ctx.mentor else None,
        sample=per_minutes_sample(len(runs), "run of questions", ctx),
        details={"counts": f"{count(len(runs), 'run')} of {QUESTION_RUN_LENGTH} or more, the longest "
                           f"{max((len(r) for r in runs), default=0)} questions"},
    )


QUESTIONS: tuple[IndicatorSpec, ...] = (
    IndicatorSpec(
        id="mentor_questions_per_10min", name="Mentor's questions per 10 minutes", unit="per 10 min",
        band=(10.0, None), source=COURSE + ": 'asking questions to find out more about them'", category="questions",
        explanation="Asking questions finds common ground and shows interest, which the course lists first among "
        "rapport skills.",
        measure=mentor_questions_per_10min),
    IndicatorSpec(
        id="mentor_question_turn_share", name="Share of the mentor's turns that ask something", unit="%",
        band=(20.0, 50.0), source=RULE + "; the upper edge: when most turns ask, the session becomes an interview "
        "(Miller & Rollnick, Motivational Interviewing, 3rd ed., 2013: the question-answer trap; a reflection-to-"
        "question ratio of 1:1 or more leaves at most about half the turns asking)", category="questions",
        explanation="A mentor who asks now and then, and reflects between the questions, leaves room for the "
        "mentee's thinking.",
        measure=mentor_question_turn_share),
    IndicatorSpec(
        id="mentor_open_question_share", name="Share of the mentor's questions that are open", unit="%",
        band=(50.0, None),
        source=RULE + " (open = what/how/why/who/where/when, 'how about', requests such as 'tell me about'; closed = "
        "yes/no, tag, either/or, a statement asked)",
        category="questions",
        explanation="Open questions invite the mentee to explain in their own words; closed ones only confirm.",
        measure=mentor_open_question_share),
    IndicatorSpec(
        id="mentor_question_runs_per_10min", name="Mentor's runs of three or more questions in a row per 10 minutes",
        unit="per 10 min", band=(None, 1.0),
        source="Miller & Rollnick, Motivational Interviewing (3rd ed., 2013): the question-answer trap; 'avoid asking "
        "three questions in a row' is the rule of thumb of MI training (Rosengren, Building Motivational "
        "Interviewing Skills, 2nd ed., 2018); at most 1 run per 10 minutes is a rule of thumb",
        category="questions",
        explanation="Question after question, with nothing given back between them, turns a conversation into an "
        "interview: the mentee answers briefly and waits for the next one. A reflection after an answer shows you "
        "were listening carefully and lets them say more ({counts}).",
        measure=mentor_question_runs_per_10min),
)
