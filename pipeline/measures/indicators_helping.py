"""Indicators of the mentor's helping skills, from the turn-by-turn coder: reflections, affirmations, sharing the
decisions, judging, advice.

Each mentor turn is coded once (:mod:`pipeline.measures.helping`, kept in ``TurnMeasures.code``) as MITI 4.2.1
(Moyers, Manuel & Ernst 2014, rev. 2016) codes a clinician's utterances: reflections (simple or complex), questions,
affirmations, advice with or without permission. What experts hear in helping conversations separates good from
poor sessions far better than talk shares (issue 18): the share of reflections up, the share of advice down. The
course says why: "listening carefully to what they're saying, so they know you're genuinely interested", and the
mentee's confidence grows "as they see that the mentor values their contributions". Each indicator is one
:class:`pipeline.measures.indicator_spec.IndicatorSpec` in :data:`HELPING` and one small function; counts are of
turns (a turn that reflects and then asks counts once for each).
"""

from __future__ import annotations

from pipeline.measures.confidence import cap
from pipeline.measures.context import SessionContext
from pipeline.measures.evidence import count, moment
from pipeline.measures.indicator_spec import (
    COURSE,
    COURSE_SAFETY,
    IndicatorSpec,
    Reading,
    mentor_turn_count,
    mentor_turn_share,
    per_minute_note,
    per_minutes_sample,
)
from pipeline.measures.stats import rate_ci, share_ci
from pipeline.types import Evidence, TurnMeasures, said

MITI = ("MITI 4.2.1, Motivational Interviewing Treatment Integrity coding manual (Moyers, Manuel & Ernst 2014, "
        "rev. Moyers et al. 2016)")


def _doing(ctx: SessionContext, behaviour: str) -> list[TurnMeasures]:
    """The mentor's turns that do ``behaviour`` (as their main behaviour or besides it)."""
    return [m for m in ctx.mentor_turns if m.code.has(behaviour)]


def _asking(ctx: SessionContext) -> list[TurnMeasures]:
    """The mentor's turns that ask something: the one question decision (``TurnMeasures.question``)."""
    return [m for m in ctx.mentor_turns if m.question.is_question]


def reflection_note(m: TurnMeasures) -> str:
    """ 'complex reflection “it sounds like”' for a turn coded as reflecting."""
    kind = "complex" if m.code.complex else "simple"
    cue = m.code.cue if m.code.behaviour == "reflection" else ""
    return f"{kind} reflection {said(cue)}" if cue else f"{kind} reflection"


def _note(m: TurnMeasures, behaviour: str, label: str) -> str:
    """ 'advice “you should”': the label, and the cue where the turn's main behaviour is ``behaviour``."""
    return f"{label} {said(m.code.cue)}" if m.code.behaviour == behaviour and m.code.cue else label


def reflection_to_question_ratio(ctx: SessionContext) -> Reading:
    """The mentor's reflecting turns per asking turn; Wilson interval of the share of reflections, as a ratio.

    None without a mentor or without a question (a ratio over no questions says nothing).
    """
    refl, asked = _doing(ctx, "reflection"), _asking(ctx)
    n_r, n_q = len(refl), len(asked)
    ci = None
    if n_q:
        lo, hi = share_ci(n_r, n_r + n_q)
        ci = (lo / (100.0 - lo), hi / (100.0 - hi))
    evidence: list[Evidence] = [moment(m, reflection_note(m)) for m in refl]
    evidence += [moment(m, f"question {said(m.question.cue)}") for m in asked if not m.code.has("reflection")]
    return Reading(
        value=n_r / n_q if ctx.mentor and n_q else None,
        evidence=evidence,
        confidence=cap(ctx.base_confidence, "medium"),
        ci95=ci if ctx.mentor else None,
        sample=f"{count(n_r, 'reflection')} and {count(n_q, 'question')}",
        details={"counts": f"{count(n_r, 'reflecting turn')}, {n_q} asking"},
    )


def complex_reflection_share(ctx: SessionContext) -> Reading:
    """Share of the mentor's reflecting turns whose reflection is complex, percent; Wilson interval."""
    refl = _doing(ctx, "reflection")
    cx = [m for m in refl if m.code.complex]
    return Reading(
        value=len(cx) / len(refl) * 100 if refl else None,
        evidence=[moment(m, reflection_note(m)) for m in cx + [m for m in refl if not m.code.complex]],
        confidence=cap(ctx.base_confidence, "medium"),
        ci95=share_ci(len(cx), len(refl)),
        sample=count(len(refl), "reflection"),
    )


def mentor_affirmations(ctx: SessionContext) -> Reading:
    """Count of the mentor's turns that value the mentee's effort, strengths or contribution (>= 0)."""
    return mentor_turn_count(ctx, [(m, _note(m, "affirmation", "affirmation")) for m in _doing(ctx, "affirmation")])


def mentor_partnership(ctx: SessionContext) -> Reading:
    """Count of the mentor's turns that seek the mentee's ideas or leave the choice with them (>= 0)."""
    return mentor_turn_count(ctx, [(m, f"sharing the decision {said(m.code.partnership)}")
                                   for m in ctx.mentor_turns if m.code.partnership])


def mentor_confronting(ctx: SessionContext) -> Reading:
    """Count of the mentor's turns that blame, criticise, label or doubt the mentee (>= 0)."""
    return mentor_turn_count(ctx, [(m, f"judging {said(m.code.confronting)}")
                                   for m in ctx.mentor_turns if m.code.confronting])


def advice_without_permission_per_10min(ctx: SessionContext) -> Reading:
    """The mentor's turns of advice the mentee neither asked for nor agreed to, per 10 minutes; Garwood interval."""
    unasked = [m for m in _doing(ctx, "advice") if not m.code.permission]
    asked = [m for m in _doing(ctx, "advice") if m.code.permission]
    return Reading(
        value=len(unasked) / ctx.minutes * 10 if ctx.mentor else None,
        evidence=[moment(m, _note(m, "advice", "advice without permission")) for m in unasked]
        + [moment(m, _note(m, "advice", "advice with permission")) for m in asked],
        confidence=cap(ctx.base_confidence, "medium"),
        note=per_minute_note(ctx),
        ci95=rate_ci(len(unasked), ctx.minutes) if ctx.mentor else None,
        sample=per_minutes_sample(len(unasked), "unasked advice turn", ctx),
    )


def mentor_telling_share(ctx: SessionContext) -> Reading:
    """Share of the mentor's turns (listening signals aside) that advise or inform without being asked, percent;
    Wilson interval. None without a mentor turn."""
    label = {True: "advice without permission", False: "information without being asked"}
    return mentor_turn_share(
        ctx, lambda m: (m.code.has("advice") or m.code.has("information")) and not m.code.permission,
        lambda m: _note(m, m.code.behaviour, label[m.code.has("advice")]))


HELPING: tuple[IndicatorSpec, ...] = (
    IndicatorSpec(
        id="reflection_to_question_ratio", name="Mentor's reflections per question", unit="reflections per question",
        band=(1.0, None), source=MITI + ": reflection-to-question ratio fair 1:1, good 2:1; " + COURSE
        + ": 'listening carefully to what they're saying'", category="listening",
        explanation="Giving back what the mentee said or meant, rather than asking the next question, is "
        "listening carefully to what they're saying, so they know you're genuinely interested "
        "({counts}).",
        measure=reflection_to_question_ratio),
    IndicatorSpec(
        id="complex_reflection_share", name="Share of the mentor's reflections that add meaning or feeling (complex)",
        unit="%", band=(40.0, None), source=MITI + ": complex reflections fair 40 %, good 50 % of all reflections",
        category="listening",
        explanation="A reflection that names the feeling or meaning behind the mentee's words shows you understood "
        "them, not only heard them: listening carefully, so they know you're genuinely interested.",
        measure=complex_reflection_share),
    IndicatorSpec(
        id="mentor_affirmations", name="Mentor valuing the mentee's effort and strengths (affirmations)",
        unit="count", band=(1.0, None),
        source=COURSE_SAFETY + ": the mentee's self-confidence grows 'as they see that the mentor values their "
        "contributions'; " + MITI + " codes affirmations (at least 1 a session is a rule of thumb; a count of this "
        "session, no interval)",
        category="safety",
        explanation="Naming the mentee's effort or strengths ('that took courage') lets them see that you value "
        "their contributions, which builds their confidence and psychological safety; a plain 'okay' does not, nor "
        "does a reassurance that it will turn out fine ('you'll be fine'), which values nothing they did.",
        measure=mentor_affirmations),
    IndicatorSpec(
        id="mentor_partnership", name="Mentor sharing the decisions (asking for the mentee's ideas, leaving the "
        "choice to them)", unit="count", band=(1.0, None),
        source=MITI + " codes seeking collaboration and emphasising autonomy (with affirming) as MI-adherent; "
        + COURSE_SAFETY + ": mentees 'explore new ideas with confidence' and see 'that the mentor values their "
        "contributions' (at least 1 a session is a rule of thumb; a count of this session, no interval)",
        category="safety",
        explanation="Asking for the mentee's own ideas ('What ideas do you have?'), asking before advising, and "
        "leaving the decision with them ('It's your call') shows you value their contributions and keeps the "
        "thinking theirs.",
        measure=mentor_partnership),
    IndicatorSpec(
        id="mentor_confronting", name="Mentor judging or blaming the mentee (confronting)", unit="count",
        band=(None, 0.0),
        source=MITI + " codes blaming, criticising, labelling and doubting the client's honesty as 'confront', "
        "MI non-adherent; " + COURSE_SAFETY + ": psychological safety is the assurance that no mentee will be "
        "'humiliated, laughed at, or punished for ... making mistakes', without 'fear of judgement' (none is the "
        "aim; a count of this session, no interval)",
        category="safety",
        explanation="Blame and labels ('What were you thinking?', 'That's just an excuse') make a mentee defensive "
        "and less willing to bring mistakes and concerns; asking what happened and what they would do next "
        "keeps it safe to speak up.",
        measure=mentor_confronting),
    IndicatorSpec(
        id="advice_without_permission_per_10min", name="Mentor's advice without permission per 10 minutes",
        unit="per 10 min", band=(None, 1.0),
        source=MITI + " counts 'persuade' without permission against the helper and 'persuade with permission' "
        "for them; at most 1 per 10 minutes is a rule of thumb",
        category="listening",
        explanation="A mentor who tells instead of asking closes psychological safety and takes the thinking away "
        "from the mentee; advice they asked for, or agreed to hear ('Would it help if I shared what worked for "
        "me?'), keeps it theirs.",
        measure=advice_without_permission_per_10min),
    IndicatorSpec(
        id="mentor_telling_share", name="Share of the mentor's turns spent telling (advice or information unasked)",
        unit="%", band=(None, 20.0),
        source=MITI + " codes giving information and persuading apart from listening; Miller & Rollnick's "
        "elicit-provide-elicit offers information in small doses, asked for or with permission, between questions "
        "and reflections (at most 1 turn in 5 is a rule of thumb); " + COURSE + ": 'listening carefully to what "
        "they're saying'",
        category="listening",
        explanation="Every turn spent explaining or advising is a turn the mentee is not thinking aloud; when they "
        "ask, or agree to hear it, telling keeps the thinking theirs ({counts}).",
        measure=mentor_telling_share),
)
