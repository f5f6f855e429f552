"""Indicators of matching the mentee: pace, loudness and pitch (turn by turn and overall), smoothness of the
mentor's adjustments, style of speaking, shared words and key phrases taken up.

The nine Levitan & Hirschberg (2011) scores are one family: each of :data:`MATCHED_FEATURES` gets a proximity
(``<short>_matching``), a synchrony and a convergence score (:func:`lh_family`). Each indicator is one
:class:`pipeline.measures.indicator_spec.IndicatorSpec` in :data:`MATCHING` and one small function.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial

import numpy as np

from pipeline.measures import language as lang
from pipeline.measures.confidence import cap
from pipeline.measures.context import SessionContext
from pipeline.measures.evidence import abrupt_changes, count, moment, two_decimals, whose
from pipeline.measures.indicator_spec import (
    COURSE,
    DESCRIPTIVE,
    LH2011,
    LSM_SRC,
    RULE,
    IndicatorSpec,
    Reading,
    exchange_sample,
    members_note,
    timing_confidence,
    untimed,
)
from pipeline.measures.stats import bootstrap_ci, total
from pipeline.types import Evidence, said
from pipeline.types.base import Confidence

#: Features the mentor's matching of the mentee is measured on: (entrainment feature, id stem, words in the
#: course's terms). Pace needs measured turn ends; loudness and pitch need the audio.
MATCHED_FEATURES: tuple[tuple[str, str, str], ...] = (
    ("pace_wpm", "pace", "speaking pace"),
    ("rms_db", "loudness", "loudness"),
    ("f0_median_st", "pitch", "pitch"),
)
#: Each Levitan & Hirschberg score: (its field, its interval's field) in :class:`pipeline.types.EntrainmentResult`.
_SCORE_FIELDS = {"proximity": ("proximity", "proximity_ci95"), "synchrony": ("synchrony_r", "synchrony_ci95"),
                 "convergence": ("convergence_r", "convergence_ci95")}
#: Fewest adjacent turn pairs a matching score is trusted from at more than "low" confidence.
MIN_PAIRS = 8


def _feature_available(ctx: SessionContext, feature: str) -> bool:
    """Pace needs measured turn ends, loudness and pitch the audio."""
    return ctx.ends_known if feature == "pace_wpm" else ctx.acoustic


def matching_reading(ctx: SessionContext, feature: str, words: str) -> Reading:
    """What the three Levitan & Hirschberg scores of ``feature`` share: evidence, confidence, availability.

    The value and interval are left for :func:`lh_score` to fill. Confidence is "low" under :data:`MIN_PAIRS`
    pairs, and for pace without word times.
    """
    e = ctx.entrainment.get(feature)
    conf: Confidence = ctx.base_confidence
    if e is None or e.n_pairs < MIN_PAIRS or (feature == "pace_wpm" and not ctx.has_word_times):
        conf = "low"
    tms = ctx.turn_measures
    best = sorted(ctx.entrainment_pairs.get(feature, []), key=lambda p: -p[2])[:3]
    ev = [Evidence(start_s=round(tms[a].start_s, 2), end_s=round(tms[b].end_s, 2), speaker=tms[b].speaker,
                   quote=tms[b].text[:240],
                   note=f"mentor's {words} followed the mentee's previous turn (similarity {s:.2f})")
          for a, b, s in best]
    not_timed = feature == "pace_wpm" and not ctx.ends_known
    return Reading(value=None, evidence=ev, confidence=conf, available=_feature_available(ctx, feature),
                   explanation=untimed(ctx.turn_times, "speaking pace") if not_timed else None,
                   sample=count(e.n_pairs if e else 0, "turn pair"))


def lh_score(ctx: SessionContext, *, feature: str, words: str, score: str) -> Reading:
    """One Levitan & Hirschberg score of ``feature``: ``score`` is "proximity", "synchrony" or "convergence".

    Proximity is in z units (> 0: closer to the mentee's adjacent turn than to their other turns), synchrony and
    convergence are Pearson r (-1 to 1).
    """
    e = ctx.entrainment.get(feature)
    base = matching_reading(ctx, feature, words)
    value_field, ci_field = _SCORE_FIELDS[score]
    value = getattr(e, value_field) if e and base.available else None
    ci = getattr(e, ci_field) if e else None
    if score != "convergence":
        return replace(base, value=value, ci95=ci)
    halves = {"first_half": two_decimals(e.similarity_first_half if e else None),
              "second_half": two_decimals(e.similarity_second_half if e else None)}
    return replace(base, value=value, ci95=ci, evidence=base.evidence[:1], details=halves)


def lh_family(feature: str, short: str, words: str) -> tuple[IndicatorSpec, ...]:
    """The three Levitan & Hirschberg indicators of one matched feature: proximity, synchrony, convergence."""
    score = partial(lh_score, feature=feature, words=words)
    return (
        IndicatorSpec(
            id=f"{short}_matching", name=f"Matching the mentee's {words} (proximity)", unit="z difference",
            band=(0.0, None), source=LH2011, category="matching",
            explanation=f"The course suggests matching the mentee's {words}: above 0 means the mentor's turns were "
            "closer to the mentee's turn just before than to the mentee's other turns.",
            pair=True, measure=partial(score, score="proximity"), ci_unit="z"),
        IndicatorSpec(
            id=f"{short}_synchrony", name=f"Following the mentee's {words} up and down (synchrony)", unit="r",
            band=(0.3, None), source="Levitan & Hirschberg 2011: positive correlation over adjacent turns = synchrony",
            category="matching",
            explanation=f"When the mentee's {words} rises or falls, a matching mentor's follows in the next turn.",
            pair=True, measure=partial(score, score="synchrony")),
        IndicatorSpec(
            id=f"{short}_convergence", name=f"Growing closer in {words} over the session (convergence)", unit="r",
            band=(0.0, None), source="Levitan & Hirschberg 2011: similarity increasing over time = convergence",
            category="matching",
            explanation=f"Rapport builds: above 0 means the {words} of the two got more alike as the session went "
            "on (first half {first_half}, second half {second_half}).",
            pair=True, measure=partial(score, score="convergence")),
    )


def pace_difference(ctx: SessionContext) -> Reading:
    """Mentor's pace over the mentee's, percent above (negative: slower); interval by exchanges."""
    mt, me = ctx.mentor_summary, ctx.mentee_summary
    gap = ((mt.pace_wpm - me.pace_wpm) / me.pace_wpm * 100) if mt and me and mt.pace_wpm and me.pace_wpm else None
    fastest = sorted((m for m in ctx.mentor_turns if m.pace_wpm), key=lambda m: -m.pace_wpm)[:2]
    return Reading(
        value=gap,
        evidence=[moment(m, f"{m.pace_wpm:.0f} wpm") for m in fastest],
        confidence=timing_confidence(ctx),
        available=ctx.ends_known,
        explanation=None if ctx.ends_known else untimed(ctx.turn_times, "speaking pace"),
        ci95=bootstrap_ci(ctx.exchanges[3:7], lambda mw, ms, ew, es: (total(mw) / total(ms)) / (total(ew) / total(es))
                          * 100 - 100) if gap is not None else None,
        sample=exchange_sample(ctx),
    )


def loudness_difference(ctx: SessionContext) -> Reading:
    """Mentor's mean turn loudness minus the mentee's, dB; interval by exchanges."""
    mt, me = ctx.mentor_summary, ctx.mentee_summary
    gap = (mt.rms_db - me.rms_db) if ctx.acoustic and mt and me and mt.rms_db is not None and me.rms_db is not None \
        else None
    loudest = sorted((m for m in ctx.mentor_turns if m.prosody.rms_db is not None and not m.is_backchannel),
                     key=lambda m: -m.prosody.rms_db)[:2]
    return Reading(
        value=gap,
        evidence=[moment(m, f"{m.prosody.rms_db:.1f} dBFS") for m in loudest],
        available=ctx.acoustic,
        ci95=bootstrap_ci(ctx.exchanges[7:11], lambda md, mn, ed, en: total(md) / total(mn) - total(ed) / total(en))
        if gap is not None else None,
        sample=exchange_sample(ctx),
    )


def adjustment_smoothness(ctx: SessionContext) -> Reading:
    """Share of the mentor's turn-to-turn changes of pace, loudness and pitch that are gradual, percent."""
    grad = [e.gradual_share for e in ctx.entrainment.values()
            if e.gradual_share is not None and _feature_available(ctx, e.feature)]
    available = ctx.ends_known or ctx.acoustic
    return Reading(
        value=float(np.mean(grad)) * 100 if grad else None,
        evidence=abrupt_changes(ctx.mentor_turns, ctx.options, ctx.acoustic),
        # pace from a transcript's cue lengths (no word times) is as weak here as in pace_difference
        confidence=cap(timing_confidence(ctx), "medium"),
        available=available,
        explanation=None if available else untimed(ctx.turn_times, "changes of pace"),
    )


def _word_confidence(ctx: SessionContext) -> Confidence:
    """Word matching from fewer than 500 words of either speaker is "low" confidence."""
    return cap(ctx.base_confidence, "high" if min(len(ctx.mentor_words), len(ctx.mentee_words)) >= 500 else "low")


def language_style_matching(ctx: SessionContext) -> Reading:
    """Language style matching of the two speakers' function words, 0-1."""
    both = ctx.mentor_words and ctx.mentee_words
    lsm = lang.language_style_matching(ctx.mentor_words, ctx.mentee_words)[0] if both else None
    return Reading(value=lsm, confidence=_word_confidence(ctx))


def top_word_matching(ctx: SessionContext) -> Reading:
    """Overlap of the two speakers' ``options.n_top_words`` most frequent words, 0-1."""
    top, shared = (lang.top_word_matching(ctx.mentor_words, ctx.mentee_words, n=ctx.options.n_top_words)
                   if ctx.mentor_words and ctx.mentee_words else (None, ()))
    whole = Evidence(start_s=round(ctx.turns[0].start_s, 2), end_s=round(max(t.end_s for t in ctx.turns), 2),
                     speaker=ctx.mentor or "", quote=", ".join(shared[:15]), note="shared top words") if shared else None
    return Reading(value=top, evidence=(whole,) if whole else (), confidence=_word_confidence(ctx))


def shared_key_phrases(ctx: SessionContext) -> Reading:
    """Count of the mentee's (in a group, any member's) key phrases the mentor took up later (>= 0)."""
    who = ctx.listened_to
    uptake = [p for p in ctx.shared_phrases if ctx.mentor and p.first_speaker in who and p.taken_up_by == ctx.mentor]
    turn_at = {(t.speaker, round(t.start_s, 2)): t for t in ctx.turns}
    return Reading(value=len(uptake), evidence=[
        moment(turn_at[p.taken_up_by, p.taken_up_s], f"{said(p.phrase)} first said by {whose(p.first_speaker, who)} "
               f"at {p.first_s:.0f} s, taken up after {p.taken_up_s - p.first_s:.0f} s") for p in uptake],
        note=members_note({s: sum(p.first_speaker == s for p in uptake) for s in who}))


MATCHING: tuple[IndicatorSpec, ...] = (
    *(spec for feature in MATCHED_FEATURES for spec in lh_family(*feature)),
    IndicatorSpec(
        id="pace_difference", name="Mentor's pace compared with the mentee's", unit="%", band=(-10.0, 10.0),
        source=RULE, category="matching",
        explanation="The course: 'do they talk faster or slower than you – how can you match this?'; near 0 is "
        "matched.",
        pair=True, measure=pace_difference),
    IndicatorSpec(
        id="loudness_difference", name="Mentor's loudness compared with the mentee's", unit="dB", band=(-3.0, 3.0),
        source=RULE + " (3 dB is a clearly noticeable step); relative measure, valid on downmixed audio",
        category="matching",
        explanation="The course: 'do they talk more quietly or loudly than you?'; near 0 dB is matched.",
        pair=True, measure=loudness_difference),
    IndicatorSpec(
        id="adjustment_smoothness", name="Mentor's adjustments were gradual, not abrupt", unit="% gradual",
        band=(70.0, None),
        source=COURSE + ": 'any changes need to be made smoothly'; abrupt = pace change > "
        "{options.abrupt_pace_pct:.0f}%, loudness > {options.abrupt_loudness_db:.0f} dB or pitch > "
        "{options.abrupt_pitch_st:.0f} st between the mentor's consecutive turns",
        category="matching",
        explanation="Slight adjustments the mentee won't notice are better than sudden jumps.",
        pair=True, measure=adjustment_smoothness),
    IndicatorSpec(
        id="language_style_matching", name="Matching the mentee's style of speaking (function words)",
        unit="score 0-1", band=(0.85, 1.0), source=LSM_SRC + "; our own open category lists (not LIWC)",
        category="matching",
        explanation="People in rapport converge on how they speak (pronouns, articles, little words) without "
        "noticing.",
        pair=True, measure=language_style_matching),
    IndicatorSpec(
        id="top_word_matching", name="Overlap of both speakers' {options.n_top_words} most frequent words",
        unit="score 0-1", band=(None, None), source=DESCRIPTIVE, category="matching",
        explanation="Shared everyday vocabulary is part of the 'sameness' rapport is built on. Descriptive: most of "
        "anyone's commonest words are small words ('the', 'it', 'and'), so this follows language style matching, "
        "which reads them with a band from its studies, and no study gives this overlap a good range; the "
        "mentee's key words the mentor took up are counted apart.",
        pair=True, measure=top_word_matching),
    IndicatorSpec(
        id="shared_key_phrases", name="Mentee's key words the mentor took up", unit="count", band=(2.0, None),
        source=COURSE + ": 'pick out key words and phrases and use these'", category="matching",
        explanation="Reusing the mentee's own words shows listening and matches their language.",
        measure=shared_key_phrases),
)
