"""Indicators of listening and turn-taking: who talks how much, how long, how fast the floor passes, pauses,
interruptions and listening signals (the course's "listening is one of the most powerful tools").

Each indicator is one :class:`pipeline.measures.indicator_spec.IndicatorSpec` in :data:`LISTENING` and one small
function that reads it from the session.
"""

from __future__ import annotations

from functools import partial

from pipeline.measures import language as lang
from pipeline.measures import turntaking
from pipeline.measures.confidence import cap
from pipeline.measures.context import SessionContext
from pipeline.measures.evidence import count, moment
from pipeline.measures.indicator_spec import (
    DESCRIPTIVE,
    RULE,
    STIVERS,
    IndicatorSpec,
    Reading,
    event_confidence,
    exchange_sample,
    from_words_note,
    members_note,
    no_overlap_why,
    per_minute_note,
    per_minutes_sample,
    share_of_talk,
    timing_confidence,
    untimed,
    words_confidence,
)
from pipeline.measures.stats import bootstrap_ci, median_ci, rate_ci, total
from pipeline.types import Evidence


def mentor_talk_share(ctx: SessionContext) -> Reading:
    """Mentor's speech seconds over everyone's, percent (0-100); interval by exchanges."""
    return share_of_talk(ctx, (ctx.mentor,) if ctx.mentor else (), rows=(0,), evidence=[
        moment(ctx.turns[r[3]], "start of the mentor's longest stretch") for r in ctx.mentor_monologues[:3]])


def talk_to_listen_ratio(ctx: SessionContext) -> Reading:
    """Mentor's speech seconds over the mentee's (ratio >= 0); in a group, over every member's together (what the
    mentor listened to: :attr:`SessionContext.listened_to`), each member's seconds said in the note; interval by
    exchanges."""
    mt = ctx.mentor_summary
    who = [ctx.speakers[s] for s in ctx.listened_to if s in ctx.speakers]
    heard_s = sum(x.speech_s for x in who)
    ratio = (mt.speech_s / heard_s) if mt and who and heard_s > 0 else None
    note = from_words_note(ctx) + members_note({x.speaker: f"{x.speech_s:.0f} s" for x in who},
                                               what="sets the mentor's talk against every member's together")
    return Reading(
        value=ratio,
        evidence=[moment(ctx.turns[r[3]], "mentor talking") for r in ctx.mentor_monologues[:2]],
        confidence=words_confidence(ctx),
        note=note,
        ci95=bootstrap_ci(ctx.exchanges[:3],
                          lambda m, e, o: total(m) / sum(total((m, e, o)[r]) for r in ctx.listened_rows))
        if ratio is not None else None,
        sample=exchange_sample(ctx),
    )


def mentor_longest_monologue(ctx: SessionContext) -> Reading:
    """Longest run of the mentor holding the floor, seconds (>= 0)."""
    mt = ctx.mentor_summary
    return Reading(
        value=mt.longest_monologue_s if mt else None,
        evidence=[Evidence(start_s=round(r[1], 2), end_s=round(r[2], 2), speaker=r[0],
                           quote=ctx.turns[r[3]].text[:240], note="longest stretch")
                  for r in ctx.mentor_monologues[:1]],
        confidence=cap(ctx.base_confidence, "high" if ctx.ends_known else "low"),
        note=from_words_note(ctx),
    )


def turns_per_minute(ctx: SessionContext) -> Reading:
    """Turns of both speakers per minute (>= 0)."""
    return Reading(value=len(ctx.turns) / ctx.minutes if ctx.turns else None, note=per_minute_note(ctx))


def speaker_switches_per_minute(ctx: SessionContext) -> Reading:
    """Changes of speaker between consecutive turns per minute (>= 0)."""
    return Reading(value=turntaking.switches(ctx.turns) / ctx.minutes if ctx.turns else None,
                   note=per_minute_note(ctx))


def response_gap(ctx: SessionContext, *, role: str) -> Reading:
    """Median pause before the ``role``'s replies to the other speaker, seconds (negative: overlap)."""
    mine, summary = ((ctx.mentor_turns, ctx.mentor_summary) if role == "mentor"
                     else (ctx.mentee_turns, ctx.mentee_summary))
    gaps = [m for m in mine if m.gap_before_s is not None and not m.is_backchannel]
    return Reading(
        value=summary.median_gap_s if summary else None,
        evidence=[moment(m, f"gap {m.gap_before_s:.2f} s") for m in sorted(gaps, key=lambda m: -m.gap_before_s)[:3]],
        confidence=timing_confidence(ctx),
        available=ctx.ends_known,
        explanation=None if ctx.ends_known else untimed(ctx.turn_times, "the pause before each reply"),
        ci95=median_ci([m.gap_before_s for m in gaps]),
        sample=count(len(gaps), "reply"),
    )


def mentor_interruptions(ctx: SessionContext) -> Reading:
    """Times the mentor cut in on the mentee, per 10 minutes (>= 0); exact Poisson interval."""
    ints = [m for m in ctx.mentor_turns if m.is_interruption]
    return Reading(
        value=len(ints) / ctx.minutes * 10 if ctx.turns else None,
        evidence=[moment(m, "mentor starts while the mentee is speaking") for m in ints],
        confidence=event_confidence(ctx),
        available=ctx.overlaps_observable,
        explanation=None if ctx.overlaps_observable else no_overlap_why(ctx),
        ci95=rate_ci(len(ints), ctx.minutes),
        sample=per_minutes_sample(len(ints), "interruption", ctx),
    )


#: Why listening signals are not counted in a transcript that writes none for anyone.
NO_SOUNDS_WRITTEN = ("Not measurable from this transcript: it writes no listening sounds ('mm-hm', 'yeah' on their "
                     "own) for anyone, and many transcripts and exports leave them out, so none written says nothing "
                     "about the mentor's. A recording gives it.")


def writes_listening_sounds(ctx: SessionContext) -> bool:
    """Whether listening signals can be counted: always from a recording; from a transcript only where it writes
    some for someone (a turn that is only "mm-hm"/"yeah", or "mm-hm"/"uh-huh" inside a turn)."""
    return ctx.acoustic or any(m.is_backchannel or lang.has_listening_sound(m.text) for m in ctx.turn_measures)


def mentor_backchannels(ctx: SessionContext) -> Reading:
    """The mentor's listening signals ("mm-hm", "yeah") per 10 minutes (>= 0); exact Poisson interval. Not
    available from a transcript that writes none for anyone (:func:`writes_listening_sounds`)."""
    bcs = [m for m in ctx.mentor_turns if m.is_backchannel]
    if ctx.turns and not writes_listening_sounds(ctx):
        return Reading(value=None, available=False, explanation=NO_SOUNDS_WRITTEN)
    return Reading(
        value=len(bcs) / ctx.minutes * 10 if ctx.turns else None,
        evidence=[moment(m, "backchannel", quote=m.text or "(a listening sound, no word written)") for m in bcs],
        confidence=event_confidence(ctx),
        note=per_minute_note(ctx),
        ci95=rate_ci(len(bcs), ctx.minutes),
        sample=per_minutes_sample(len(bcs), "listening signal", ctx),
    )


LISTENING: tuple[IndicatorSpec, ...] = (
    IndicatorSpec(
        id="mentor_talk_share", name="Mentor's share of the talking", unit="%", band=(20.0, 50.0),
        source=RULE + "; the upper edge is where the mentor talks as much as the mentee (listen more than you talk); "
        "definition: mentor speech seconds / all speech seconds, silence excluded",
        category="listening",
        explanation="Listening is 'one of the most powerful tools' in the course: the mentee should do most of the "
        "talking.",
        measure=mentor_talk_share),
    IndicatorSpec(
        id="talk_to_listen_ratio", name="Talk-to-listen ratio (mentor speaking / mentee speaking)", unit="ratio",
        band=(0.25, 1.0), source=RULE + "; the upper edge is talking as much as listening; in a group the mentee "
        "side is every member together", category="listening",
        explanation="Below 1 means the mentor listened more than they talked, as the course's listening guidance "
        "asks.",
        measure=talk_to_listen_ratio),
    IndicatorSpec(
        id="mentor_longest_monologue", name="Mentor's longest uninterrupted stretch", unit="s", band=(0.0, 90.0),
        source=RULE + " (sales-call analytics flag monologues over ~1.5 min)", category="listening",
        explanation="Long monologues leave no room for the mentee; short turns keep the conversation theirs.",
        measure=mentor_longest_monologue),
    IndicatorSpec(
        id="turns_per_minute", name="Turns per minute (both speakers)", unit="per min", band=(None, None),
        source=DESCRIPTIVE, category="listening",
        explanation="How lively the exchange is: many short turns mean a real dialogue.",
        measure=turns_per_minute),
    IndicatorSpec(
        id="speaker_switches_per_minute", name="Speaker switches per minute", unit="per min", band=(None, None),
        source=DESCRIPTIVE, category="listening",
        explanation="How often the floor passes between mentor and mentee.",
        measure=speaker_switches_per_minute),
    IndicatorSpec(
        id="mentor_response_gap", name="Mentor's pause before answering (median)", unit="s", band=(0.0, 1.0),
        source=STIVERS + "; up to ~1 s still reads as a considered reply", category="listening",
        explanation="A short, steady pause shows attention; very long gaps can feel distant, overlaps can feel "
        "rushed.",
        measure=partial(response_gap, role="mentor")),
    IndicatorSpec(
        id="mentee_response_gap", name="Mentee's pause before answering (median)", unit="s", band=(0.0, 1.0),
        source=STIVERS, category="safety",
        explanation="Long hesitations from the mentee can signal discomfort; quick replies, ease.",
        pair=True, measure=partial(response_gap, role="mentee")),
    IndicatorSpec(
        id="mentor_interruptions", name="Mentor interrupting the mentee", unit="per 10 min", band=(0.0, 1.0),
        source=RULE + "; definition: mentor starts while the mentee is mid-utterance (at least 0.2 s before the "
        "mentee stops), the mentee stops within 2 s and the mentor goes on; found from who spoke when",
        category="listening",
        explanation="Cutting in tells the mentee their words matter less; not interrupting is part of careful "
        "listening and safety.",
        measure=mentor_interruptions),
    IndicatorSpec(
        id="mentor_backchannels", name="Mentor's listening signals ('mm-hm', 'yeah', 'right')", unit="per 10 min",
        band=(1.0, None), source=RULE + "; definition: a burst of at most 1.2 s inside the mentee's speech, after "
        "which the mentee goes on, found from who spoke when (with or without a word written for it)",
        category="listening",
        explanation="Short acknowledgements while the mentee talks show the mentor is 'genuinely interested'.",
        measure=mentor_backchannels),
)
