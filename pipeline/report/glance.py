"""At-a-glance feedback: what went well and what to try next time, in the course's terms."""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.errors import InvalidParameterError
from pipeline.measures.confidence import at_least
from pipeline.measures.indicator_spec import COUNTED_UNITS
from pipeline.measures.stats import band_edge_within, outside_by
from pipeline.report.cards import indicator_cards, moment_of
from pipeline.report.text import fmt_clock, indicators_of, md_escape
from pipeline.types import (
    CONFIDENCE_LEVELS,
    Confidence,
    Feedback,
    FeedbackPoint,
    Indicator,
    Report,
)


def _matching_advice(what: str) -> dict[str, dict[str, str]]:
    """Advice for the three Levitan & Hirschberg scores of one feature ("speaking pace", "volume", "pitch")."""
    return {
        "matching": {
            "in band": f"Turn by turn, your {what} tracked the mentee's.",
            "below": f"Match the mentee's {what} more closely: when they go slower or quieter, go with them.",
        },
        "synchrony": {
            "in band": f"Your {what} rose and fell with the mentee's.",
            "below": f"Follow the mentee's changes in {what}: when theirs goes up or down, let yours move the same way.",
        },
        "convergence": {
            "in band": f"Your {what} came closer to the mentee's as the session went on.",
            "below": f"Your {what} drifted away from the mentee's over the session; keep matching as the talk goes on.",
        },
    }


_LET_FINISH = {"in band": "You let the mentee finish before you spoke.",
               "above": "Let the mentee finish: hold your point until they stop, then pick up their words."}
#: What went well / what to try, per indicator and status, in the course's terms (issue 4's indicators).
ADVICE: dict[str, dict[str, str]] = {
    "mentor_talk_share": {
        "in band": "The mentee did most of the talking: you listened, as the course asks.",
        "above": "Talk less and ask more: after a question, wait, and let the mentee carry the conversation.",
        "below": "You said very little: a summary, an example of your own or a view now and then helps the mentee.",
    },
    "talk_to_listen_ratio": {
        "in band": "You listened more than you talked.",
        "above": "You talked more than you listened: aim to speak less than the mentee.",
        "below": "You spoke very little next to the mentee; a summary or a question now and then shows you are engaged.",
    },
    "mentor_longest_monologue": {
        "in band": "You kept your turns short, leaving room for the mentee.",
        "above": "Break long explanations up: stop after a minute and check in with a question.",
    },
    "mentor_response_gap": {
        "in band": "You answered promptly, without rushing the mentee.",
        "above": "Your replies came after long pauses; a quick 'mm-hm' or 'I see' shows you are following.",
    },
    "mentee_response_gap": {
        "in band": "The mentee answered readily.",
        "above": "The mentee paused long before answering; one simple question at a time makes answering easier.",
    },
    "mentor_interruptions": _LET_FINISH,
    "mentor_interrupting_mentee": _LET_FINISH,
    "mentor_backchannels": {
        "in band": "Your 'mm-hm's and 'yeah's showed the mentee you were listening.",
        "below": "Show you are listening with small signals ('mm-hm', 'yeah', 'I see') while the mentee talks.",
    },
    "mentor_questions_per_10min": {
        "in band": "You asked plenty of questions to find out more about the mentee.",
        "below": "Ask more questions to find out about the mentee: 'What happened next?', 'How did that feel?'",
    },
    "mentor_question_runs_per_10min": {
        "in band": "You rarely asked question after question: you gave back what you heard between them.",
        "above": "After an answer, give back what you heard before the next question ('So the deadline is what "
        "worries you.'): three questions in a row turn the talk into an interview.",
    },
    "mentor_question_turn_share": {
        "in band": "Many of your turns handed the floor back with a question.",
        "below": "End more of your turns with a question that hands the floor back to the mentee.",
        "above": "Ask less, reflect more: when the mentee answers, say back what you heard before the next question.",
    },
    "mentor_open_question_share": {
        "in band": "Most of your questions were open (what, how, why), inviting the mentee to say more.",
        "below": "Turn closed questions into open ones: 'Did it go well?' becomes 'How did it go?'",
    },
    "reflection_to_question_ratio": {
        "in band": "You gave back what the mentee said at least as often as you asked: they could hear you listening.",
        "below": "Ask less, reflect more: before the next question, say back what you heard ('So you'd like to ...', "
        "'It sounds like ...').",
    },
    "complex_reflection_share": {
        "in band": "Your reflections named the feeling or meaning behind the mentee's words, not only the words.",
        "below": "Go one step beyond the mentee's words: name the feeling or what it means to them ('It sounds like "
        "you feel overlooked').",
    },
    "mentor_affirmations": {
        "in band": "You named the mentee's effort or strengths, so they could see you value their contributions.",
        "below": "Name something the mentee did well ('That took courage', 'You've clearly thought this through'): "
        "they see you value their contributions.",
    },
    "mentor_partnership": {
        "in band": "You asked for the mentee's own ideas and left the decisions with them: they could see you value "
        "their contributions.",
        "below": "Ask for the mentee's ideas before offering yours ('What ideas do you have?'), ask before advising, "
        "and leave the choice with them ('It's your call').",
    },
    "mentor_confronting": {  # none is no praise: only the moments of judging are told
        "above": "Leave out blame and labels ('What were you thinking?', 'That's just an excuse'): ask what happened "
        "and what they would do next, so mistakes and concerns stay safe to bring.",
    },
    "advice_without_permission_per_10min": {
        "in band": "You held back advice the mentee had not asked for, leaving the thinking with them.",
        "above": "Ask before advising ('Would it help if I shared what worked for me?'), or ask what they have "
        "already thought of: telling instead of asking closes psychological safety.",
    },
    "mentor_telling_share": {
        "in band": "You spent few turns telling: the mentee did the thinking, and you shared when they asked.",
        "above": "Tell less, ask more: before explaining or advising, ask what the mentee already knows or has "
        "tried, and ask before sharing ('Would it help if I told you what I know about this?').",
    },
    **{f"pace_{k}": v for k, v in _matching_advice("speaking pace").items()},
    **{f"loudness_{k}": v for k, v in _matching_advice("volume").items()},
    **{f"pitch_{k}": v for k, v in _matching_advice("pitch").items()},
    "pace_difference": {
        "in band": "You spoke at about the mentee's pace.",
        "above": "You spoke faster than the mentee: slow down toward their pace, gradually.",
        "below": "You spoke more slowly than the mentee: pick up a little toward their pace, gradually.",
    },
    "loudness_difference": {
        "in band": "Your volume was close to the mentee's.",
        "above": "You were louder than the mentee: bring your volume down toward theirs.",
        "below": "You were quieter than the mentee: speak up a little toward their level.",
    },
    "adjustment_smoothness": {
        "in band": "Your changes of pace and volume were gradual, as the course advises.",
        "below": "Adjust gradually: sudden jumps in pace or volume between turns can read as mimicry.",
    },
    "language_style_matching": {
        "in band": "Your way of speaking matched the mentee's.",
        "below": "Mirror the mentee's style: plain and short when they are, more detailed when they are.",
    },
    "shared_key_phrases": {
        "in band": "You picked up the mentee's key phrases and used them.",
        "below": "Pick out the mentee's key words and phrases and use them in your replies.",
    },
    "mentor_remembering": {
        "in band": "You brought back something the mentee said earlier: they know you remember.",
        "below": "Bring back something the mentee said earlier ('You mentioned ...'): it shows you remember.",
    },
    "mentee_told_again": {  # none is no praise: only the moments they had to say it again are told
        "above": "Keep track of what the mentee tells you (a note after each session helps): ask about what they said "
        "('Last time you said the early starts were the hardest; how are they now?') rather than asking for it again.",
    },
    "mentor_self_disclosure": {
        "in band": "You shared something of your own experience, which makes it easier for the mentee to open up.",
        "below": "Share one of your own mistakes and what you learned: it makes it easier for the mentee to open up.",
    },
    "mentor_self_focus_share": {
        "above": "Keep your own stories short and few: tell one mistake and what you learned, then hand the talk back "
                 "('What do you make of that for you?').",
    },
    "mentor_confidentiality": {
        "in band": "You told the mentee that what you talk about stays between you.",
        "below": "Say early on that what you talk about stays between you.",
    },
    "mentor_confidentiality_breaches": {  # none is no praise: only the moments a confidence travelled are told
        "above": "Keep other people's confidences as you would keep the mentee's, and ask before taking anything "
        "they said to someone else ('Would you like me to raise it with her, or would you rather do it yourself?').",
    },
    "mentor_risk_followed_up": {
        "in band": "When the mentee said something that may mean they were at risk, you asked about it.",
        "below": "When a mentee says something that may mean they are at risk ('better off without me', 'he hits "
        "me'), ask about it directly and calmly ('Are you having thoughts of ending your life?', 'Are you safe at "
        "home?'): asking does not put the idea there, and it shows them it was safe to say. Agree with them who "
        "else needs to know.",
    },
    "mentee_talk_share": {
        "in band": "The mentee did most of the talking.",
        "below": "Invite the mentee to say more: ask an open question, then wait.",
        "above": "The mentee did nearly all the talking; a summary or a question now and then helps guide the session.",
    },
    "mentee_turn_length_trend": {  # no praise: turns that did not halve are no sign of safety by themselves
        "below": "The mentee's turns halved over the session; check in: 'How is this going for you?'",
    },
    "mentee_questions_per_10min": {
        "in band": "The mentee asked questions, a sign they feel safe to.",
        "below": "Invite the mentee's questions: 'What would you like to ask me?'",
    },
    "mentee_concerns": {
        "in band": "The mentee voiced concerns, a sign they trust you with them.",
        "below": "Make room for worries: 'What concerns you about this?'",
    },
    "mentee_own_ideas": {
        "in band": "The mentee put forward ideas and plans of their own: they felt safe to speak up, and the plan is "
                   "theirs.",
        "below": "Give the mentee room to find their own way forward: ask 'What could you try first?', wait, and "
                 "build on what they offer before adding your ideas.",
    },
    "group_voice_balance": {
        "in band": "Everyone in the group had a fair share of the talking.",
        "below": "One member of the group barely spoke: invite them in by name: 'Sam, what's your view?'",
    },
}
#: Indicators that measure the same thing as another: left out of the feedback when that one counts, so the two
#: lists never say one measure twice, nor opposite things about it where their intervals differ.
_SAME_MEASURE = {"talk_to_listen_ratio": "mentor_talk_share", "mentee_talk_share": "mentor_talk_share",
                 "mentor_interrupting_mentee": "mentor_interruptions"}
#: A count not praised while one of its twins says how it went wrong: many questions are no credit when they came
#: in runs with nothing given back between them (the question-answer trap), when they crowded out reflections (MITI
#: 4.2.1's reflection-to-question ratio below 1:1) or when they were mostly closed.
_QUESTION_TWINS = ("mentor_question_runs_per_10min", "reflection_to_question_ratio", "mentor_open_question_share")
#: Short turns are no credit for "leaving room" while the mentor did most of the talking all the same (a lecture in
#: many 20 s turns); a mentee's concerns and questions are no sign of trust to credit while the mentor met them with
#: blame ("Work's really stressful." "That's just an excuse people use."); the depth of a few reflections is no
#: credit while questions far outnumbered them (one reflection for every three questions), nor they or their number
#: while the mentor judged (a sarcastic echo, "Forty-five. Cute.", reads as a reflection, and reflections that steer
#: or label, "It sounds like you're putting your hobby ahead of your education", give back nothing); few turns spent telling are no credit while
#: the others judged ("the mentee did the thinking" is not what a sarcastic manager's session shows); a promise of
#: confidentiality is no credit while the mentor passed a confidence on; bringing back the mentee's words is no
#: credit while they had to tell the mentor again what they had said.
_NOT_WELL_WHILE = {"mentor_questions_per_10min": _QUESTION_TWINS, "mentor_question_turn_share": _QUESTION_TWINS,
                   "mentor_longest_monologue": ("mentor_talk_share", "talk_to_listen_ratio"),
                   "mentee_concerns": ("mentor_confronting",), "mentee_questions_per_10min": ("mentor_confronting",),
                   "complex_reflection_share": ("reflection_to_question_ratio", "mentor_confronting"),
                   "reflection_to_question_ratio": ("mentor_confronting",),
                   "mentor_telling_share": ("mentor_confronting",),
                   "mentor_self_disclosure": ("mentor_self_focus_share",),
                   "mentor_confidentiality": ("mentor_confidentiality_breaches",),
                   "mentor_remembering": ("mentee_told_again",)}
#: Feedback themes finer than the categories: the course names pace, volume and key words apart, and reflecting,
#: affirming and holding back advice are skills of their own beside the talk shares of "listening"; the mentee's own
#: ideas go with sharing the decision (one piece of advice: ask for their ideas first).
_THEME_PREFIX = (("pace_", "pace"), ("loudness_", "volume"), ("pitch_", "pitch"), ("language_style", "words"),
                 ("shared_key", "words"), ("adjustment_", "smoothness"),
                 ("reflection_", "reflecting"), ("complex_reflection", "reflecting"), ("advice_", "advice"),
                 ("mentor_telling", "advice"),
                 ("mentor_affirmations", "affirming"), ("mentor_partnership", "partnership"),
                 ("mentor_confronting", "judging"), ("mentee_own_ideas", "partnership"))
#: What went well is told in this order (a risk of harm taken up first, then the course's building blocks); others
#: follow in report order.
_WELL_ORDER = ("mentor_risk_followed_up", "mentor_confidentiality", "mentor_remembering", "mentor_self_disclosure", "reflection_to_question_ratio",
               "complex_reflection_share",
               "mentor_affirmations", "mentor_partnership", "mentee_own_ideas", "mentor_open_question_share", "mentor_question_runs_per_10min",
               "advice_without_permission_per_10min", "mentor_telling_share", "mentor_questions_per_10min", "mentor_talk_share", "mentor_interruptions", "shared_key_phrases",
               "pace_difference", "loudness_difference", "adjustment_smoothness", "mentee_talk_share")
#: Natural scale of a unit, for one-sided bands (a trend of -6 % is 0.06 of it; an r of 0.0 against 0.3 is 0.3).
_UNIT_SCALE = {"%": 100.0, "% gradual": 100.0, "r": 1.0, "z difference": 1.0, "score 0-1": 1.0, "yes/no": 1.0}
#: At most this many of "to try" are acts that never happened (a count of 0: no promise of confidentiality, no
#: mistake shared, nothing remembered).
NEVER_AT_MOST = 1
#: Acts every session needs (valuing the mentee, sharing the decision, the mentee's own ideas), suggested before
#: those that belong to some sessions only: confidentiality is promised once in a relationship, remembering needs
#: an earlier meeting, and a mistake is shared where it helps.
EVERY_SESSION = frozenset({"mentor_affirmations", "mentor_partnership", "mentee_own_ideas"})
#: Out of range by less than this (in band widths) is too close to call: neither went well nor to try.
BORDERLINE = 0.05


def _severity(ind: Indicator) -> float:
    """How far ``ind`` lies outside its band: in band widths; for a one-sided band, in its unit's natural
    scale (:data:`_UNIT_SCALE`) or else in units of the band's end (at least 1: counts, rates)."""
    lo, hi, v = ind.band_low, ind.band_high, float(ind.value)
    if lo is not None and hi is not None and hi > lo:
        scale = hi - lo
    else:
        scale = _UNIT_SCALE.get(ind.unit) or max(abs(lo if hi is None else hi), 1.0)
    return round(outside_by(v, (lo, hi)) / scale, 3)


def _uncontradicted(points: list[FeedbackPoint], outside: set[str]) -> list[FeedbackPoint]:
    """``points`` less the praise that a twin outside its band (``outside``: ids, at any confidence, even too
    uncertain to be told as "to try") contradicts (:data:`_NOT_WELL_WHILE`)."""
    return [p for p in points
            if not (p.status == "in band" and outside.intersection(_NOT_WELL_WHILE.get(p.indicator_id, ())))]


def _to_try(points: list[FeedbackPoint], never: set[str], order: dict[str, int]) -> list[FeedbackPoint]:
    """``points`` (outside their bands) in the order they are told: the session's patterns, furthest outside first,
    then of the acts that never happened (``never``) one (:data:`NEVER_AT_MOST`), what every session needs first
    (:data:`EVERY_SESSION`), then the course's ``order``. A supervisor adds one such thing to try; a session that
    went well is not handed a list of what it did not contain."""
    ranked = sorted(points, key=lambda p: (p.indicator_id in never, p.indicator_id not in EVERY_SESSION, -p.severity,
                                           order.get(p.indicator_id, len(order))))
    absent = [p for p in ranked if p.indicator_id in never][:NEVER_AT_MOST]
    return [p for p in ranked if p.indicator_id not in never or p in absent]


def feedback(report: Report | Sequence[Indicator], *, n_points: int = 3, min_confidence: Confidence = "medium") -> Feedback:
    """What went well and what to try next time, from the report's indicators ("at a glance").

    An indicator counts when it is available, has a good range and at least
    ``min_confidence``. Inside its range it can be something that went well
    (told in the course's order: confidentiality, remembering, sharing, open
    questions, ...); outside, something to try (the furthest outside first,
    see :class:`FeedbackPoint`, but what never happened at all, a count of 0,
    after the rest, and at most :data:`NEVER_AT_MOST` of it, :data:`EVERY_SESSION` first:
    :data:`pipeline.measures.indicator_spec.COUNTED_UNITS`; less than :data:`BORDERLINE` outside
    is too close to call and left out). Each list has at most one point per theme
    (the categories, with matching split as the course splits it: pace,
    volume, pitch, words, smoothness). A measure told twice (talk share and
    talk-to-listen ratio) counts once, by its main indicator; a count of
    questions is not told as gone well while they came in runs, crowded out
    reflections or were mostly closed (:data:`_NOT_WELL_WHILE`: the twin
    outside its band, at any confidence).

    Parameters
    ----------
    report : Report or sequence of Indicator
        A report, or just its indicators (moments come from their evidence, if any).
    n_points : int, optional
        Points per list, 1-10 (default 3).
    min_confidence : {"low", "medium", "high"}, optional
        Lowest confidence an indicator may have to count (default "medium": weak attribution gives no feedback,
        a session under 2 minutes only what it shows clearly, :func:`pipeline.measures.confidence.clear_in_short`).

    Returns
    -------
    Feedback
        Empty lists when nothing counts (no indicators, all unavailable or low confidence).
    """
    if not 1 <= n_points <= 10:
        raise InvalidParameterError(f"n_points={n_points} must be between 1 and 10.")
    if min_confidence not in CONFIDENCE_LEVELS:
        raise InvalidParameterError(f"min_confidence={min_confidence!r} must be one of low, medium, high.")
    indicators = indicators_of(report)
    cards = {c.id: c for c in indicator_cards(indicators)}
    banded = [ind for ind in indicators if cards[ind.id].status in ("in band", "below", "above") and ind.id in ADVICE]
    counted = [ind for ind in banded if at_least(ind.confidence, min_confidence)]
    ids = {ind.id for ind in counted}
    counted = [ind for ind in counted if _SAME_MEASURE.get(ind.id) not in ids]
    unclear = [ind for ind in banded
               if ind.id not in ids and band_edge_within(ind.ci95, (ind.band_low, ind.band_high)) is not None]
    unclear_ids = {ind.id for ind in unclear}
    unclear = [ind for ind in unclear if _SAME_MEASURE.get(ind.id) not in unclear_ids | ids]

    def point(ind: Indicator) -> FeedbackPoint | None:
        card = cards[ind.id]
        advice = ADVICE[ind.id].get(card.status)
        if advice is None:
            return None
        moment = moment_of(ind, ind.evidence[0]) if ind.evidence else None
        return FeedbackPoint(ind.id, ind.name, ind.category, card.value_text, card.band_text, card.status, advice,
                             _severity(ind), moment)

    def theme(p: FeedbackPoint) -> str:
        return next((t for prefix, t in _THEME_PREFIX if p.indicator_id.startswith(prefix)), p.category)

    def pick(points: list[FeedbackPoint]) -> tuple[FeedbackPoint, ...]:
        chosen, themes = [], set()
        for p in points:
            if theme(p) not in themes:
                chosen.append(p)
                themes.add(theme(p))
        return tuple(chosen[:n_points])

    points = _uncontradicted([p for p in map(point, counted) if p is not None and (p.status == "in band" or
                                                                                  p.severity >= BORDERLINE)],
                             {ind.id for ind in banded if cards[ind.id].status != "in band"})
    order = {id_: i for i, id_ in enumerate(_WELL_ORDER)}
    well = sorted((p for p in points if p.status == "in band"), key=lambda p: order.get(p.indicator_id, len(order)))
    # what never happened (no promise of confidentiality, no mistake shared) is one act short, severity 1 whatever
    # the session, not a distance: told after the patterns of the whole session (talking too much, advice unasked,
    # few reflections), which a supervisor takes up first
    never = {ind.id for ind in counted if ind.unit in COUNTED_UNITS and float(ind.value) == 0}
    to_try = _to_try([p for p in points if p.status != "in band"], never, order)
    return Feedback(pick(well), pick(to_try), len(counted), n_points, min_confidence,
                    tuple(ind.name for ind in unclear))



FEEDBACK_TITLES = {"went_well": "What went well", "to_try": "To try next time"}


def feedback_caption(fb: Feedback) -> str:
    """One line under the at-a-glance feedback: what it rests on, or why there is none."""
    if not fb.n_considered:
        return (f"Too little to go on: no indicator with a good range reached {fb.min_confidence} confidence "
                "(a session under 2 minutes that shows nothing clearly, speakers that are hard to tell apart, or too few "
                "turns to tell a score from "
                "the edge of its good range give low confidence).")
    return (f"From {fb.n_considered} indicator{'' if fb.n_considered == 1 else 's'} with a good range and at least "
            f"{fb.min_confidence} confidence; "
            "every measure, with its source, is in the indicators." + _too_few_text(fb))


def _too_few_text(fb: Feedback) -> str:
    """ " Too few turns to tell ...: A, B and 2 more." naming what this session cannot tell, or ""."""
    names = fb.too_few_to_tell
    if not names:
        return ""
    shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
    return f" Too few turns to tell whether these are in their good range (a longer session would show): {shown}."


def value_and_band(point: FeedbackPoint) -> str:
    """``"62 % (good: 20–45 %)"``, or the value alone when there is no range; plain text."""
    return f"{point.value_text} ({point.band_text})" if point.band_text else point.value_text


def feedback_markdown(point: FeedbackPoint) -> str:
    """A feedback point as Streamlit markdown: name, value and good range, then the advice (all escaped)."""
    return f"**{md_escape(point.name)}** · {md_escape(value_and_band(point))}  \n{md_escape(point.advice)}"


def feedback_lines(fb: Feedback) -> list[str]:
    """The feedback as plain text lines (the command line's summary): "+" went well, "-" to try."""
    lines = []
    for key, mark in (("went_well", "+"), ("to_try", "-")):
        points = getattr(fb, key)
        if points:
            lines.append(f"{FEEDBACK_TITLES[key]}:")
            lines += [f"  {mark} {p.name}: {value_and_band(p)}. {p.advice}"
                      + (f" [{fmt_clock(p.moment.start_s)}]" if p.moment else "") for p in points]
    if lines and fb.too_few_to_tell:
        lines.append(_too_few_text(fb).strip())
    return lines or [feedback_caption(fb)]
