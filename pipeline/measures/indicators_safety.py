"""Indicators of remembering, sharing, confidentiality and psychological safety.

The mentor bringing back what the mentee said, sharing their own mistakes, promising confidentiality (the
course's "Building rapport"); the mentee talking at length and more so as the session goes on, asking questions,
voicing concerns, not being cut off (the course's "Psychological safety", after Edmondson 2019). Each indicator is
one :class:`pipeline.measures.indicator_spec.IndicatorSpec` in :data:`SHARING` or :data:`SAFETY` and one small
function.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from pipeline.measures import confidentiality, disclosure, risk, turntaking
from pipeline.measures import language as lang
from pipeline.measures.confidence import cap
from pipeline.measures.context import SessionContext, exchange_of_turns
from pipeline.measures.evidence import concerns, count, moment, own_ideas, remembering, told_again
from pipeline.measures.indicator_spec import (
    COURSE,
    COURSE_SAFETY,
    RULE,
    IndicatorSpec,
    Reading,
    event_confidence,
    exchange_sample,
    from_words_note,
    members_note,
    mentor_turn_count,
    mentor_turn_share,
    no_overlap_why,
    per_minute_note,
    per_minutes_sample,
    share_of_talk,
    words_confidence,
)
from pipeline.measures.stats import bootstrap_ci, rate_ci, relative_mean_change
from pipeline.types import said

# ------------------------------------------------------------------ remembering, sharing, confidentiality


def mentor_remembering(ctx: SessionContext) -> Reading:
    """Count of the mentor's turns that bring back the mentee's (in a group, any member's) earlier words (>= 0).

    Not a turn that turns their words into orders or blame (advice without permission, judging: "Don't go to the
    second interview."): the course's remembering shows that what they said matters to the mentor."""
    directive = {m.start_s for m in ctx.mentor_turns
                 if m.code.confronting or m.code.has("advice") and not m.code.permission}
    rem = [(e, whose) for e, whose in remembering(ctx.turns, ctx.turn_keys, ctx.mentor, ctx.listened_to, ctx.options,
                                                  details=ctx.detail_keys) if e.start_s not in directive]
    counts = {s: sum(whose == s for _, whose in rem) for s in ctx.listened_to}
    return Reading(value=len(rem), evidence=[e for e, _ in rem], note=members_note(counts))


def mentee_told_again(ctx: SessionContext) -> Reading:
    """Count of the mentee's (in a group, every member's) answers to the mentor's questions that point out they had
    said it already (>= 0; :func:`pipeline.measures.evidence.told_again`)."""
    return _members_turns(ctx, told_again)


def mentor_self_disclosure(ctx: SessionContext) -> Reading:
    """Count of the mentor's turns that share their own experience or mistakes (>= 0); an offer to share ("would
    it help if I shared what I did when I started?") shares nothing yet, unless the turn tells it too."""
    disc = [m for m in ctx.mentor_turns if disclosure.self_disclosure(m.text, mistakes_only=True)
            and "self_disclosure" in (m.code.behaviour, *m.code.also)]
    return Reading(value=len(disc), evidence=[moment(m, said(disclosure.self_disclosure(m.text, mistakes_only=True)))
                                              for m in disc], confidence=cap(ctx.base_confidence, "medium"))


def mentor_self_focus_share(ctx: SessionContext) -> Reading:
    """Share of the mentor's turns (listening signals aside) that tell of the mentor's own life or experience, any
    (the coder's self-disclosure, main or beside another behaviour), unasked, percent (0-100); Wilson interval. None
    without a mentor turn. A story told in answer to the mentee's question ("Did you ever fail an exam?" - "Yes, land
    law ..."; "What would you do, if you were me?" - "I can tell you what I did ...") is an answer, not the focus
    taken (:func:`answers_a_question`)."""
    asked = answers_a_question(ctx)
    return mentor_turn_share(ctx, lambda m: m.code.has("self_disclosure") and m.index not in asked,
                             lambda m: said(disclosure.self_disclosure(m.text)) or "own experience")


def answers_a_question(ctx: SessionContext) -> frozenset[int]:
    """Indices of the mentor's turns that follow straight on another person's turn holding a question (the coder's
    count, :attr:`pipeline.types.TurnMeasures.n_questions`; listening signals between them skipped)."""
    out, before = set(), None
    for m in ctx.turn_measures:
        if m.speaker == ctx.mentor and before is not None and before.speaker != ctx.mentor and before.n_questions:
            out.add(m.index)
        if not m.is_backchannel:
            before = m
    return frozenset(out)


def _promise(text: str) -> str:
    """The words of ``text`` that promise confidentiality ("" if none); not another's confidence told ("She told
    me in confidence ...")."""
    cue = lang.find_pattern(lang.CONFIDENTIALITY_RE, text)
    return "" if cue and cue.lower() in confidentiality.breach(text).lower() else cue


def mentor_confidentiality(ctx: SessionContext) -> Reading:
    """1 when the mentor says the conversation stays private, else 0."""
    promised = [(m, cue) for m in ctx.mentor_turns if (cue := _promise(m.text))]
    return Reading(value=1.0 if promised else 0.0, evidence=[moment(m, said(cue)) for m, cue in promised],
                   confidence=cap(ctx.base_confidence, "medium"))


def mentor_confidentiality_breaches(ctx: SessionContext) -> Reading:
    """Count of the mentor's turns that pass on a confidence: another's told, or the mentee's words taken to
    someone over them unasked, read with what the mentee agreed earlier (>= 0;
    :func:`pipeline.measures.confidentiality.session_breaches`)."""
    turns = ctx.turn_measures
    found = confidentiality.session_breaches([(m.speaker, m.text) for m in turns], mentor=ctx.mentor)
    return mentor_turn_count(ctx, [(turns[i], f"confidence passed on {said(cue)}") for i, cue in found])


SHARING: tuple[IndicatorSpec, ...] = (
    IndicatorSpec(
        id="mentor_remembering", name="Mentor bringing back what the mentee said earlier", unit="count",
        band=(1.0, None), source=COURSE + ": 'remembering things they've said to you before'", category="remembering",
        explanation="Bringing back what the mentee brought in once the talk had left it (unsaid for >= 2 min, or "
        "'you mentioned ...') shows what they say matters.",
        measure=mentor_remembering),
    IndicatorSpec(
        id="mentee_told_again", name="Mentee having to tell the mentor again", unit="count", band=(None, 0.0),
        source=COURSE + ": 'remembering things they've said to you before'; seen from the mentee's side: their answer "
        "to the mentor's question says they had told it already ('Like I said, it's the early starts.', 'I told you "
        "that the first time.'); a count, no interval, confidence at most medium; told under \"to try\" when found, "
        "never praised when absent",
        category="remembering",
        explanation="A mentee who has to say again what they told you learns that it did not stay with you.",
        measure=mentee_told_again),
    IndicatorSpec(
        id="mentor_self_disclosure", name="Mentor sharing own experience or mistakes", unit="count", band=(1.0, None),
        source=COURSE + ": 'sharing ... examples of mistakes you've made and what you learned'", category="sharing",
        explanation="Hearing the mentor's own mistakes makes it safe for the mentee to be honest about theirs.",
        measure=mentor_self_disclosure),
    IndicatorSpec(
        id="mentor_self_focus_share", name="Share of the mentor's turns about their own experience",
        unit="%", band=(None, 20.0),
        source="Hill & Knox (2002), 'Self-disclosure' (Psychotherapy Relationships That Work): helpful disclosure is "
        "infrequent and brief and turns the focus back to the client; mentoring asks for more sharing than therapy: at most 1 turn in 5 is a rule of thumb; "
        "a turn that answers the mentee's question is not counted; "
        + COURSE + ": 'sharing ... examples of mistakes you've made and what you learned'",
        category="sharing",
        explanation="A mistake of your own, told briefly, makes it safe for the mentee to be honest; story after story "
        "turns the session towards the mentor ({counts}).",
        measure=mentor_self_focus_share),
    IndicatorSpec(
        id="mentor_confidentiality", name="Mentor promising confidentiality", unit="yes/no", band=(1.0, 1.0),
        source=COURSE + ": 'letting them know that what you talk about won't go any further'",
        category="confidentiality",
        explanation="Saying the conversation stays private lets the mentee be honest.",
        measure=mentor_confidentiality),
    IndicatorSpec(
        id="mentor_confidentiality_breaches", name="Mentor passing on what was said in confidence", unit="count",
        band=(None, 0.0),
        source=COURSE + ": 'letting them know that what you talk about won't go any further'; a promise is kept or "
        "broken in the mentor's own talk: another person's confidence told ('she told me she's pregnant', 'I "
        "shouldn't be telling you this'), or the mentee's words taken to their manager, HR or family unasked ('I'll "
        "have a quiet word with your manager'); not an offer ('Would you like me to speak to her?'), not what is "
        "agreed together, not a safeguarding lead; none is the aim; a count, no interval, confidence at most medium; "
        "told under \"to try\" when found, never praised when absent",
        category="confidentiality",
        explanation="A mentee who hears someone else's confidence told, or hears that their words will reach their "
        "manager, learns that what they say may travel too.",
        measure=mentor_confidentiality_breaches),
)

# ------------------------------------------------------------------ psychological safety


def mentee_talk_share(ctx: SessionContext) -> Reading:
    """Mentee's (in a group, all members') speech seconds over everyone's, percent (0-100); interval by exchanges.

    In a group one member's share is bound to fall below a band set for a pair; what the course asks (the mentees
    talk at length) is the members' talk together, each member's share said in the note."""
    who = ctx.listened_to
    theirs = [m for m in ctx.turn_measures if m.speaker in who]
    r = share_of_talk(ctx, who, rows=ctx.listened_rows, evidence=[
        moment(m, "long mentee turn" if len(who) == 1 else f"long turn by {m.speaker}")
        for m in sorted(theirs, key=lambda m: -m.n_words)[:3]])
    each = {s: f"{100 * ctx.speakers[s].talk_share:.0f} %" for s in who if s in ctx.speakers}
    return replace(r, note=r.note + members_note(each, what="is every member's talk together"))


def mentee_turn_length_trend(ctx: SessionContext) -> Reading:
    """Change of the mentee's mean words per turn from the first half of their turns to the second, percent.

    Needs 4 turns (listening signals left out); Welch's interval. Confidence is "low" under 8 turns.
    """
    subst = [m for m in ctx.mentee_turns if not m.is_backchannel]
    trend = ci = None
    if len(subst) >= 4:
        half = len(subst) // 2
        trend, ci = relative_mean_change([m.n_words for m in subst[:half]], [m.n_words for m in subst[half:]])
    return Reading(
        value=trend,
        evidence=[moment(m, f"{m.n_words} words") for m in sorted(subst, key=lambda m: -m.n_words)[:2]],
        confidence=cap(ctx.base_confidence, "medium" if len(subst) >= 8 else "low"),
        ci95=ci,
        sample=count(len(subst), "turn"),
    )


def mentee_questions_per_10min(ctx: SessionContext) -> Reading:
    """Question sentences of the mentee (in a group, of every member) per 10 minutes (>= 0); exact Poisson
    interval."""
    who = ctx.listened_to
    if not who or ctx.mentee_summary is None:
        return Reading(value=None, note=per_minute_note(ctx), sample=per_minutes_sample(0, "question", ctx))
    counts = {s: ctx.speakers[s].n_questions if s in ctx.speakers else 0 for s in who}
    n_q = sum(counts.values())
    return Reading(
        value=round(n_q / ctx.minutes * 10, 2),  # as SpeakerSummary.questions_per_10min, over the members
        evidence=[moment(m, f"{m.question.kind} question") for m in ctx.turn_measures
                  if m.speaker in who and m.question.is_question],
        note=per_minute_note(ctx) + members_note(counts),
        ci95=rate_ci(n_q, ctx.minutes),
        sample=per_minutes_sample(n_q, "question", ctx),
    )


def _members_turns(ctx: SessionContext, finder) -> Reading:
    """Count of the mentee's (in a group, every member's) turns that ``finder(turn_measures, mentor, members)``
    returns with their evidence notes (>= 0), each member's count in the note; confidence at most "medium"."""
    who = ctx.listened_to
    found = finder(ctx.turn_measures, ctx.mentor, who)
    counts = {s: sum(m.speaker == s for m, _ in found) for s in who}
    return Reading(value=len(found), evidence=[moment(m, note) for m, note in found],
                   note=members_note(counts), confidence=cap(ctx.base_confidence, "medium"))


def mentee_concerns(ctx: SessionContext) -> Reading:
    """Count of the mentee's (in a group, every member's) turns that voice a concern or uncertainty (>= 0)."""
    return _members_turns(ctx, concerns)


def mentor_risk_followed_up(ctx: SessionContext) -> Reading:
    """Share of the mentee's (in a group, any member's) turns that may mean a risk of harm which the mentor took up
    in their next two turns, percent (0-100; :mod:`pipeline.measures.risk`); not available when none was heard."""
    said_at = [(k, cue) for k, m in enumerate(ctx.turn_measures)
               if m.speaker in ctx.listened_to and (cue := risk.risk_said(m.text))] if ctx.mentor else []
    if not said_at:
        return Reading(value=None, available=False,
                       explanation="Nothing the mentee said was heard as a risk of harm (thoughts of suicide or "
                       "self-harm, harm done to them), so there was nothing to follow up.")
    taken = [risk.followed_up(ctx.turn_measures, k, mentor=ctx.mentor) for k, _ in said_at]
    evidence = [moment(ctx.turn_measures[k], f"risk said {said(cue)}; "
                       + (f"taken up ({how})" if how == "reflection" else f"asked {said(how)}" if how else
                          "not taken up in the mentor's next two turns"))
                for (k, cue), how in zip(said_at, taken, strict=True)]
    n_taken = sum(bool(how) for how in taken)
    return Reading(value=100.0 * n_taken / len(said_at), evidence=evidence,
                   confidence=cap(ctx.base_confidence, "medium"),
                   sample=f"{len(said_at)} moment{'s' if len(said_at) > 1 else ''} of risk said, {n_taken} taken up")


def mentee_own_ideas(ctx: SessionContext) -> Reading:
    """Count of the mentee's (in a group, every member's) turns that put forward an idea or plan of their own
    (>= 0; :func:`pipeline.measures.evidence.own_ideas`)."""
    return _members_turns(ctx, own_ideas)


def mentor_interrupting_mentee(ctx: SessionContext) -> Reading:
    """Count of the mentor's interruptions of the mentee (>= 0)."""
    ints = [m for m in ctx.mentor_turns if m.is_interruption]
    return Reading(value=len(ints), evidence=[moment(m, "interruption") for m in ints],
                   confidence=event_confidence(ctx), available=ctx.overlaps_observable,
                   explanation=None if ctx.overlaps_observable else no_overlap_why(ctx))


#: Why the group indicator has no value in a one-on-one session.
ONE_ON_ONE = ("A one-on-one session: one person besides the mentor, so there is no group whose voices could be "
              "more or less even.")


def members_seconds(ctx: SessionContext) -> tuple[tuple[str, ...], np.ndarray]:
    """Everyone but the mentor (:attr:`SessionContext.members`) and their speech seconds per exchange.

    Returns
    -------
    members : tuple of str
        Speaker labels (the mentee and anyone else), in the order they first speak.
    seconds : np.ndarray
        float, shape ``(len(members), n_exchanges)``: each member's speech seconds
        (:func:`pipeline.measures.turntaking.turn_speech_seconds`, summing to their talk time) in each exchange
        (:func:`pipeline.measures.context.exchange_of_turns`); no columns without a mentor.
    """
    members = ctx.members
    if not ctx.mentor or not ctx.turns:
        return members, np.zeros((len(members), 0))
    blocks = exchange_of_turns(ctx.turns, ctx.turn_measures, ctx.mentor)
    out = np.zeros((len(members), blocks[-1] + 1))
    row = {m: i for i, m in enumerate(members)}
    for t, secs, b in zip(ctx.turns, turntaking.turn_speech_seconds(ctx.turns), blocks, strict=True):
        if t.speaker in row:
            out[row[t.speaker], b] += secs
    return members, out


def _balance(*rows: np.ndarray) -> np.ndarray:
    """100 x the quietest member's total over an even share of all members' totals (rows: one per member,
    ``(..., n_units)``; NaN where nobody spoke)."""
    totals = np.stack([r.sum(axis=-1) for r in rows])
    even = totals.sum(axis=0) / len(rows)
    return np.where(even > 0, 100 * totals.min(axis=0) / np.where(even > 0, even, 1.0), np.nan)


def group_voice_balance(ctx: SessionContext) -> Reading:
    """In a group (two or more people besides the mentor): the quietest member's speech as a percent of an even
    share of the members' speech, 0-100 (100: all equal; 50: the quietest had half an even share). Interval by
    exchanges. Confidence at most "medium" (a transcript's named speakers), "low" where the voices were told
    apart from one recording: on AMI's 3-4 person excerpts the value from who spoke when fell on the same side of
    50 as the reference's in 2 of 6 (``bench/group_balance.py``)."""
    members, secs = members_seconds(ctx)
    if not ctx.mentor or len(members) < 2:
        return Reading(value=None, available=False, explanation=ONE_ON_ONE)
    value = float(_balance(*secs))
    if not np.isfinite(value):  # nobody but the mentor spoke for any time
        return Reading(value=None, sample=exchange_sample(ctx))
    totals = secs.sum(axis=1)
    quiet = members[int(np.argmin(totals))]
    share = 100 * totals.min() / totals.sum()  # > 0: the value is finite
    theirs = sorted((m for m in ctx.turn_measures if m.speaker == quiet), key=lambda m: -(m.end_s - m.start_s))
    return Reading(
        value=value,
        evidence=[moment(m, f"{quiet}, the quietest of {len(members)} members: {share:.0f} % of the members' talk")
                  for m in theirs[:3]],
        confidence=cap(words_confidence(ctx), "low" if ctx.acoustic else "medium"),
        note=from_words_note(ctx),
        ci95=bootstrap_ci(secs, _balance),
        sample=exchange_sample(ctx),
    )


SAFETY: tuple[IndicatorSpec, ...] = (
    IndicatorSpec(
        id="mentee_talk_share", name="Mentee's share of the talking", unit="%", band=(50.0, 80.0),
        source=RULE + "; the lower edge is where the mentee talks as much as the mentor",
        category="safety",
        explanation="A mentee who feels safe talks at length; a low share can mean they are holding back.",
        measure=mentee_talk_share),
    IndicatorSpec(
        id="mentee_turn_length_trend", name="Change in the mentee's turn length (second half vs first)", unit="%",
        band=(-50.0, None),
        source=COURSE_SAFETY + ": a safe mentee opens up and talks at length; the lower edge is the mentee's turns "
        "halving, beyond the shortening of any session's close (median -27 % in good sessions, 488 reviewer "
        "sessions)", category="safety",
        explanation="A mentee who opens up keeps talking at length; turns that halve over the session can mean "
        "they are holding back (turns shorten a little as any session closes).",
        pair=True, measure=mentee_turn_length_trend),
    IndicatorSpec(
        id="mentee_questions_per_10min", name="Mentee's questions per 10 minutes", unit="per 10 min",
        band=(2.0, None),
        source=COURSE_SAFETY + ": mentees 'seek guidance and clarification, ask questions'", category="safety",
        explanation="A mentee who asks questions feels safe to show what they don't know.",
        measure=mentee_questions_per_10min),
    IndicatorSpec(
        id="mentee_concerns", name="Mentee voicing concerns or uncertainty", unit="count", band=(1.0, None),
        source=COURSE_SAFETY + ": individuals 'feel safe to share their thoughts, concerns and uncertainties'",
        category="safety",
        explanation="Voicing worries is a sign the mentee trusts the mentor with them.",
        measure=mentee_concerns),
    IndicatorSpec(
        id="mentee_own_ideas", name="Mentee putting forward ideas or plans of their own", unit="count",
        band=(1.0, None),
        source=COURSE_SAFETY + ": 'the belief that one will not be punished for speaking up with ideas' (Edmondson), "
        "mentees 'explore new ideas' and 'test out new thinking'; MITI 4.2.1 'Cultivating Change Talk': the "
        "helper draws out the client's own ideas for change rather than supplying them",
        category="safety",
        explanation="A mentee who puts forward ideas and plans of their own feels safe to speak up and owns what "
                    "happens next; agreeing to the mentor's suggestion is not counted.",
        measure=mentee_own_ideas),
    IndicatorSpec(
        id="mentor_risk_followed_up", name="Mentor taking up what may be a risk of harm", unit="%",
        band=(100.0, None),
        source="Suicide-prevention and helping-skills guidance: when someone says what may mean a risk of harm, ask "
        "about it directly and calmly; asking does not put the idea there (Dazzi et al. 2014, Psychological Medicine "
        "44(16)); " + COURSE_SAFETY + ": individuals 'feel safe to share their thoughts, concerns and "
        "uncertainties'; the mentee's words heard as a risk (thoughts of suicide or self-harm: 'everyone would be "
        "better off without me', 'kill myself'; harm done to them: 'he hits me', 'scared to go home'), taken up when "
        "one of the mentor's next two turns (listening signals aside) asks about it or names it ('Are you thinking "
        "about suicide?', 'Are you safe at home?', 'When you say ..., what do you mean?', safeguarding) or one of them "
        "gives it back without judging; every time is the aim; shown only when a risk was heard; confidence at most "
        "medium",
        category="safety",
        explanation="A mentee who says something that may mean they are at risk has trusted the mentor with the most "
        "important thing of the session; asking about it, calmly and directly, shows it was safe to say.",
        measure=mentor_risk_followed_up),
    IndicatorSpec(
        id="mentor_interrupting_mentee", name="Times the mentor cut the mentee off", unit="count", band=(0.0, 1.0),
        source=COURSE_SAFETY + "; same definition as mentor_interruptions", category="safety",
        explanation="Being cut off discourages speaking up; a safe space lets the mentee finish.",
        measure=mentor_interrupting_mentee),
    IndicatorSpec(
        id="group_voice_balance", name="How evenly the group's members share the talking (the quietest, against "
        "an even share)", unit="%", band=(50.0, None),
        source=COURSE_SAFETY + ": individuals 'feel safe to share their thoughts'; in a group, every member; 50 % of "
        "an even share: " + RULE, category="safety",
        explanation="In a group, a member who barely speaks may not feel safe to; the mentor can invite each voice in.",
        measure=group_voice_balance),
)
