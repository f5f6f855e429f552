"""What an indicator is: a definition (:class:`IndicatorSpec`) and what it reads in a session (:class:`Reading`).

An :class:`IndicatorSpec` fixes what never changes between sessions: id, name, unit, good range (band) and where
it comes from, course theme, the one-line explanation in the course's terms, and the function that reads the
session (:class:`pipeline.measures.context.SessionContext`). That function returns a :class:`Reading`: the
value, the evidence, the confidence, the 95 % interval and the sample it was estimated from. :func:`build` turns
the two into the :class:`pipeline.types.Indicator` the mentor sees, with the one rule every indicator shares: an
interval that reaches both sides of an edge of the band makes the confidence "low" and says why
(:func:`interval_confidence`), and in a session under 2 minutes so does a value it does not show clearly
(:func:`pipeline.measures.confidence.clear_in_short`).

Names, band sources and explanations may hold blanks: ``{options.n_top_words}`` is filled from the session's
:class:`pipeline.types.MeasureOptions`, other ``{name}`` blanks from the reading's ``details``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from pipeline.errors import InvalidParameterError
from pipeline.io.transcripts import ESTIMATED_WPM
from pipeline.measures.confidence import MEDIUM_FROM_S, cap, clear_in_short
from pipeline.measures.context import SessionContext
from pipeline.measures.evidence import count, moment
from pipeline.measures.stats import band_edge_within, bootstrap_ci, rounded, share_ci, total
from pipeline.types import Evidence, Indicator, TurnMeasures
from pipeline.types.base import Confidence

# ------------------------------------------------------------------ where the bands come from
STIVERS = "Stivers et al. 2009 (PNAS): gaps between turns cluster around 0-200 ms across 10 languages"
COURSE = "ILM Level 3 Effective Mentoring course, 'Building rapport'"
COURSE_SAFETY = "ILM course 'Psychological safety' (Edmondson 2019)"
RULE = "rule of thumb for mentoring/coaching conversations (no study gives an exact band)"
LH2011 = "Levitan & Hirschberg 2011: > 0 means closer to the partner's adjacent turn than to their other turns"
LSM_SRC = "Ireland & Pennebaker 2010; Gonzales et al. 2010: LSM around 0.85+ in engaged conversations"
DESCRIPTIVE = "descriptive; no reference band"

#: Course themes an indicator belongs to, in the order the report shows them.
CATEGORIES = ("listening", "questions", "matching", "remembering", "sharing", "confidentiality", "safety")

# ------------------------------------------------------------------ what an explanation adds or says instead
#: Opens the sentence that an indicator's explanation gets when its 95 % interval reaches both sides of a band edge.
TOO_FEW_TO_TELL = "Too few turns to tell"
#: Units of a value that counts what happened in the session (a promise of confidentiality made or not, two
#: affirmations): exact, with no interval, and 0 when it never happened. A count of none in a session under 2
#: minutes shows nothing (:func:`build`); at a glance it is one act short, told after the patterns of the session
#: (:func:`pipeline.report.glance.feedback`).
COUNTED_UNITS = ("count", "yes/no")
#: Said of a value that a session under 2 minutes does not show clearly (:func:`pipeline.measures.confidence.clear_in_short`).
SHORT_SESSION = (" A session under 2 minutes: too short to tell from this value alone (it counts when its interval "
                 "is clear of the good range's edges, or when what it counts happened).")
#: Said of talk shares from a transcript without end times (their turn lengths are estimated from the words).
FROM_WORDS = " Estimated from word counts: the transcript does not say when turns end."
#: Said of per-minute rates from a transcript without any times.
MINUTES_ESTIMATED = (f" Minutes estimated from the words at {ESTIMATED_WPM:.0f} per minute: the transcript gives no "
                     "times.")
#: Why interruptions are not counted in one-channel audio (the explanation of those indicators there).
NO_OVERLAP_IN_MONO = ("Not measurable in a one-channel recording: two voices at once cannot be told apart, so no "
                      "interruption can be seen. Record one channel per person (a stereo recorder with a microphone "
                      "each, or separate tracks from the call) to count them.")
#: What a transcript without measured end times gives, by ``turn_times``.
TIMES_GIVEN = {"starts": "says when each turn starts but not when it ends", "none": "gives no times"}


def untimed(turn_times: str, what: str) -> str:
    """Why ``what`` is not measured in a transcript without end times (the explanation of those indicators)."""
    return (f"Not measurable from this transcript: it {TIMES_GIVEN[turn_times]}, so {what} cannot be measured. A "
            "recording, or a VTT or SRT transcript (cues with start and end), gives it.")


def from_words_note(ctx: SessionContext) -> str:
    """:data:`FROM_WORDS` where the turns' ends are estimated, else ""."""
    return "" if ctx.ends_known else FROM_WORDS


def per_minute_note(ctx: SessionContext) -> str:
    """:data:`MINUTES_ESTIMATED` where the transcript gives no times, else ""."""
    return MINUTES_ESTIMATED if ctx.turn_times == "none" else ""


def no_overlap_why(ctx: SessionContext) -> str:
    """Why interruptions cannot be seen in this session (one-channel audio, or a transcript without end times)."""
    return NO_OVERLAP_IN_MONO if ctx.ends_known else untimed(ctx.turn_times, "interruptions")


def words_confidence(ctx: SessionContext) -> Confidence:
    """Confidence of a talk share: the base, at most "medium" when estimated from word counts."""
    return cap(ctx.base_confidence, "high" if ctx.ends_known else "medium")


def event_confidence(ctx: SessionContext) -> Confidence:
    """How far counts of interruptions and listening signals can be trusted: the session's confidence, capped by
    how sure the attribution is of two voices at once (each event's confidence: high with one channel per
    person, at most medium from one channel)."""
    return cap(ctx.base_confidence, *(e.confidence for e in ctx.events))


def timing_confidence(ctx: SessionContext) -> Confidence:
    """Confidence of a value that needs word times (pace, pauses): the base, "low" without them."""
    return cap(ctx.base_confidence, "high" if ctx.has_word_times else "low")


def exchange_sample(ctx: SessionContext) -> str:
    """ "12 exchanges": what the bootstrap intervals over exchanges are estimated from."""
    return count(ctx.exchanges.shape[1], "exchange")


def per_minutes_sample(n: int, noun: str, ctx: SessionContext) -> str:
    """ "2 questions in 2.5 minutes": what a rate per 10 minutes is estimated from."""
    return f"{count(n, noun)} in {ctx.minutes:.1f} minutes"


@dataclass(frozen=True)
class Reading:
    """What one indicator's measure found in a session.

    Attributes
    ----------
    value : float or None
        In the indicator's unit; None when it cannot be computed (no mentor, too few turns).
    evidence : sequence of Evidence
        Moments that support it, strongest first (the first 5 are kept).
    confidence : {"low", "medium", "high"} or None
        None: the session's base confidence. An interval may still lower it (:func:`interval_confidence`).
    available : bool
        False when the input cannot support the indicator (no audio, no end times): value and interval are
        then not shown.
    explanation : str or None
        Said instead of the definition's explanation (why it is not measurable here); None keeps it.
    note : str
        Added to the explanation (how it was estimated: :data:`FROM_WORDS`, :data:`MINUTES_ESTIMATED`).
    details : mapping of str to str
        Fill the ``{name}`` blanks of the definition's explanation.
    ci95 : tuple of (float, float) or None
        95 % interval of ``value``, same unit (the spec's ``ci_unit`` when it names another).
    sample : str
        What the interval was estimated from, as the explanation says it ("12 exchanges", "6 questions").
    """

    value: float | None
    evidence: Sequence[Evidence] = ()
    confidence: Confidence | None = None
    available: bool = True
    explanation: str | None = None
    note: str = ""
    details: Mapping[str, str] = field(default_factory=dict)
    ci95: tuple[float, float] | None = None
    sample: str = ""


@dataclass(frozen=True)
class IndicatorSpec:
    """The definition of one indicator: everything about it that does not depend on the session.

    Attributes
    ----------
    id : str
        Stable identifier, e.g. ``"mentor_talk_share"``.
    name : str
        Plain-language name in the course's terms (may hold ``{options....}`` blanks).
    unit : str
        Unit of the value (``"%"``, ``"per 10 min"``, ``"s"``, ``"r"``...).
    band : tuple of (float or None, float or None)
        Good range (low, high); None for an open end.
    source : str
        Where the band comes from (study or course guidance; may hold ``{options....}`` blanks).
    category : str
        Course theme, one of :data:`CATEGORIES`.
    explanation : str
        One sentence tying the value to the course guidance (may hold blanks the reading's ``details`` fill).
    measure : callable
        ``measure(ctx: SessionContext) -> Reading``: value, evidence, confidence and interval in this session.
    ci_unit : str or None
        Unit the interval sentence names when not ``unit`` (``"z"`` for ``"z difference"``).
    pair : bool
        Reads the mentor and the one mentee only (matching, the mentee's own talk): in a group the explanation
        then says who was read and that the others were left out (:func:`pair_note`).

    Raises
    ------
    InvalidParameterError
        An unknown category, or a band whose low end is above its high end.
    """

    id: str
    name: str
    unit: str
    band: tuple[float | None, float | None]
    source: str
    category: str
    explanation: str
    measure: Callable[[SessionContext], Reading]
    ci_unit: str | None = None
    pair: bool = False

    def __post_init__(self) -> None:
        if self.category not in CATEGORIES:
            raise InvalidParameterError(f"indicator {self.id!r}: category {self.category!r} is not one of "
                                        f"{CATEGORIES}")
        low, high = self.band
        if low is not None and high is not None and low > high:
            raise InvalidParameterError(f"indicator {self.id!r}: band {self.band} has its low end above its high end")


def build(spec: IndicatorSpec, ctx: SessionContext) -> Indicator:
    """The indicator ``spec`` measured in the session ``ctx``.

    The value (3 decimals) and interval are shown only when available; at most 5 evidence moments are kept.
    """
    r = spec.measure(ctx)
    blanks = {"options": ctx.options, **r.details}
    explanation = (spec.explanation.format(**blanks) if r.explanation is None else r.explanation) + r.note
    if spec.pair and r.available:
        explanation += pair_note(ctx)
    conf = r.confidence or ctx.base_confidence
    if r.ci95 is not None:
        conf, why = interval_confidence(conf, r.ci95, spec.band, spec.ci_unit or spec.unit, sample=r.sample)
        explanation += why if r.available else ""
    if ctx.duration_s < MEDIUM_FROM_S and conf != "low" and not (
            r.available and r.value is not None and spec.band != (None, None)
            and clear_in_short(r.value, r.ci95, spec.band, counted=spec.unit in COUNTED_UNITS)):
        conf = "low"
        explanation += SHORT_SESSION if r.available else ""
    shown_ci = (rounded(r.ci95[0], 3), rounded(r.ci95[1], 3)) if r.ci95 is not None and r.available else None
    return Indicator(
        id=spec.id,
        name=spec.name.format(**blanks),
        value=rounded(r.value, 3) if r.available else None,
        unit=spec.unit,
        band_low=spec.band[0],
        band_high=spec.band[1],
        band_source=spec.source.format(**blanks),
        explanation=explanation,
        confidence=conf,
        evidence=tuple(r.evidence)[:5],
        available=r.available,
        category=spec.category,
        ci95=shown_ci,
    )


def interval_confidence(conf: Confidence, ci: tuple[float, float] | None, band: tuple[float | None, float | None],
                        unit: str, *, sample: str) -> tuple[Confidence, str]:
    """Confidence and a sentence on it for a value estimated from ``sample`` ("10 turn pairs", "2 questions in 2.5 minutes").

    When the value's 95 % interval ``ci`` has an edge of the good range
    ``band`` (low, high; None for an open end) strictly inside, the value could
    lie on either side of it: confidence becomes "low" (so the at-a-glance
    feedback neither praises nor advises on it) and the sentence, starting
    :data:`TOO_FEW_TO_TELL`, says why. Otherwise ``conf`` and "" unchanged.
    """
    edge = band_edge_within(ci, band)
    if edge is None:
        return conf, ""
    lo, hi = (f"{x:.0f}" if unit == "%" else f"{x:.1f}" if unit == "per 10 min" else f"{x:.2f}" for x in ci)
    return "low", (f" {TOO_FEW_TO_TELL}: from {sample} its 95 % interval runs from {lo} to {hi} {unit}, "
                   f"on both sides of {edge:g}.")


def pair_note(ctx: SessionContext) -> str:
    """ " A group of 4 people: this reads the mentor and the mentee (S2) only; S3 and S4 are left out." in a group
    (two or more people besides the mentor, one of them the mentee), else ""."""
    others = [s for s in ctx.members if s != ctx.mentee]
    if not (ctx.mentor and ctx.mentee and others):
        return ""
    left = others[0] if len(others) == 1 else ", ".join(others[:-1]) + " and " + others[-1]
    return (f" A group of {len(others) + 2} people: this reads the mentor and the mentee ({ctx.mentee}) only; "
            f"{left} {'is' if len(others) == 1 else 'are'} left out.")


def members_note(counts: dict[str, int | str], *, what: str = "counts every member's") -> str:
    """ " A group of 4 people: this counts every member's (Ann 3, Bo 1, Cy 0)." for two or more members (``counts``:
    member -> how many, or a value already written out), else ""."""
    if len(counts) < 2:
        return ""
    each = ", ".join(f"{who} {n}" for who, n in counts.items())
    return f" A group of {len(counts) + 1} people: this {what} ({each})."


def mentor_turn_count(ctx: SessionContext, noted: Sequence[tuple[TurnMeasures, str]]) -> Reading:
    """A count of the mentor's turns in ``noted`` (None without a mentor), each turn a moment with its note;
    confidence at most medium (a coded behaviour), no interval."""
    return Reading(value=len(noted) if ctx.mentor else None, evidence=[moment(m, note) for m, note in noted],
                   confidence=cap(ctx.base_confidence, "medium"))


def mentor_turn_share(ctx: SessionContext, picked: Callable[[TurnMeasures], bool],
                      note: Callable[[TurnMeasures], str]) -> Reading:
    """The share of the mentor's turns (listening signals aside) that ``picked`` chooses, percent (0-100), with its
    Wilson interval, at most medium confidence (a coded behaviour), each chosen turn a moment with ``note``; None
    without a mentor turn."""
    turns = [m for m in ctx.mentor_turns if not m.is_backchannel]
    chosen = [m for m in turns if picked(m)]
    return Reading(
        value=len(chosen) / len(turns) * 100 if turns else None,
        evidence=[moment(m, note(m)) for m in chosen],
        confidence=cap(ctx.base_confidence, "medium"),
        ci95=share_ci(len(chosen), len(turns)),
        sample=count(len(turns), "mentor turn"),
        details={"counts": f"{len(chosen)} of {count(len(turns), 'turn')}"},
    )


def share_of_talk(ctx: SessionContext, speakers: Sequence[str], *, rows: tuple[int, ...],
                  evidence: Sequence[Evidence]) -> Reading:
    """The share of everyone's speech seconds that ``speakers`` spoke together, percent (0-100), with its interval
    by exchanges.

    Parameters
    ----------
    speakers : sequence of str
        Whose talk (the mentor; the mentee; in a group every member); none present: no value.
    rows : tuple of int
        Their rows of :attr:`SessionContext.exchanges` (0 the mentor, 1 the mentee, 2 everyone else).
    evidence : sequence of Evidence
        Moments to show.
    """
    present = [ctx.speakers[s] for s in speakers if s in ctx.speakers]

    def share(m, e, o):
        return 100 * sum(total((m, e, o)[r]) for r in rows) / (total(m) + total(e) + total(o))

    return Reading(
        value=100 * sum(x.talk_share for x in present) if present else None,
        evidence=evidence,
        confidence=words_confidence(ctx),
        note=from_words_note(ctx),
        ci95=bootstrap_ci(ctx.exchanges[:3], share) if present else None,
        sample=exchange_sample(ctx),
    )
