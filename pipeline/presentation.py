"""Everything the report shows, as data: cards, chart frames, charts, downloads, the HTML report.

Pure functions over a :class:`~pipeline.types.Report` returning DataFrames, Altair
charts or strings. ``app.py`` only lays these out; the self-contained HTML report is
built from the same charts, so the app and the shared file show the same thing.
Nothing here reads or writes files.
"""

from __future__ import annotations

import functools
import html
import io
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace

import altair as alt
import pandas as pd

from pipeline import language as lang
from pipeline.errors import InvalidParameterError
from pipeline.export import cues_from_turns, to_jsonable, to_srt, to_vtt
from pipeline.measures import band_edge_within, outside_by
from pipeline.types import (
    Feedback,
    FeedbackPoint,
    Indicator,
    IndicatorCard,
    Moment,
    Report,
    SpeakerInfo,
    Turn,
)

#: Order of the course's themes on the headline.
CATEGORY_ORDER = ("matching", "questions", "listening", "remembering", "sharing", "confidentiality", "safety")

#: Plain-language heading of each theme.
CATEGORY_TITLES = {
    "matching": "Matching pace, volume and words",
    "questions": "Asking questions",
    "listening": "Listening",
    "remembering": "Remembering",
    "sharing": "Sharing own mistakes",
    "confidentiality": "Confidentiality",
    "safety": "Psychological safety",
    "": "Other",
}

#: Colour of each role on every chart (colour-blind-safe pair).
ROLE_COLOURS = {"mentor": "#1f6fb4", "mentee": "#e8710a", "other": "#7f7f7f"}

#: Streamlit markdown colour names matching :data:`ROLE_COLOURS`.
ROLE_MD_COLOURS = {"mentor": "blue", "mentee": "orange", "other": "gray"}

#: What the per-turn prosody charts show: measure id -> (title, unit, what good looks like).
PROSODY_MEASURES = {
    "pace_wpm": (
        "Speaking pace",
        "words/min",
        "Good matching: the mentor's line moves toward the mentee's, gradually (a sudden jump reads as mimicry).",
    ),
    "rms_db": (
        "Loudness",
        "dB",
        "Good matching: the mentor speaks about as loudly as the mentee and follows their changes.",
    ),
    "f0_hz": (
        "Pitch",
        "Hz",
        "Pitch differs between voices; good matching shows as the two lines rising and falling together.",
    ),
}

_WORD_RE = re.compile(r"[a-z0-9']+")


# --------------------------------------------------------------------------
# Small formatters
# --------------------------------------------------------------------------


def fmt_clock(seconds: float) -> str:
    """``m:ss`` (or ``h:mm:ss``) for a time in seconds >= 0."""
    s = int(round(max(0.0, float(seconds))))
    h, rem = divmod(s, 3600)
    m, s = divmod(rem, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def fmt_duration(seconds: float) -> str:
    """Human duration, e.g. ``"2 min 32 s"`` or ``"45 s"``."""
    s = int(round(max(0.0, float(seconds))))
    m, s = divmod(s, 60)
    return f"{m} min {s:02d} s" if m else f"{s} s"


def md_escape(text: str) -> str:
    """Escape ``text`` so Streamlit markdown shows it literally (no links, HTML, LaTeX or formatting)."""
    text = " ".join(str(text).split())
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|<>~:$&=])", r"\\\1", text)


def _num(value: float, unit: str) -> str:
    if unit == "yes/no":
        return "yes" if value >= 0.5 else "no"
    if unit == "count":  # "2", "at least 1": the indicator's name says what is counted
        return f"{value:.0f}"
    if unit.startswith("score"):  # "score 0-1": the range is in the band text
        unit = ""
    if unit in ("%",):
        return f"{value:.0f} %"
    if abs(value) >= 100 or float(value).is_integer():
        text = f"{value:.0f}"
    elif abs(value) >= 10:
        text = f"{value:.1f}"
    else:
        text = f"{value:.2f}"
    return f"{text} {unit}".strip()


def speaker_names(report: Report) -> dict[str, str]:
    """Label -> name shown in the report (display name, else the label)."""
    return {s.label: (s.display_name or s.label) for s in report.speakers}


def speaker_roles(report: Report) -> dict[str, str]:
    """Label -> role; labels found only in turns get the turn's role."""
    roles = {t.speaker: t.role for t in report.turns}
    roles.update({s.label: s.role for s in report.speakers})
    return roles


# --------------------------------------------------------------------------
# Headline cards and moments
# --------------------------------------------------------------------------


def _band_text(ind: Indicator) -> str:
    lo, hi, unit = ind.band_low, ind.band_high, ind.unit
    if lo is None and hi is None:
        return ""
    if lo is not None and lo == hi:
        return f"good: {_num(lo, unit)}"
    if lo is not None and hi is not None:
        return f"good: {range_text(lo, hi, unit)}"
    if lo is not None:
        return f"good: at least {_num(lo, unit)}"
    return f"good: at most {_num(hi, unit)}"


def range_text(lo: float, hi: float, unit: str) -> str:
    """ "20–45 %", "-10 to 10 %" ("-10–10 %" reads badly), "0.44–0.96 r": the unit said once, after the high end."""
    lo_text, hi_text = _num(lo, unit), _num(hi, unit)
    suffix = hi_text[len(hi_text.split(" ")[0]):]  # " %", " r", " per 10 min"; "" for counts and scores
    return f"{lo_text.removesuffix(suffix) if suffix else lo_text}{' to ' if lo < 0 else '–'}{hi_text}"


def _interval_text(ind: Indicator) -> str:
    """ "95 % interval: 38–60 %" for an available indicator with an interval, else ""."""
    if ind.ci95 is None or not ind.available or ind.value is None:
        return ""
    return f"95 % interval: {range_text(*ind.ci95, ind.unit)}"


def _status(ind: Indicator) -> str:
    if not ind.available or ind.value is None:
        return "not available"
    if ind.band_low is None and ind.band_high is None:
        return "no band"
    if ind.band_low is not None and ind.value < ind.band_low:
        return "below"
    if ind.band_high is not None and ind.value > ind.band_high:
        return "above"
    return "in band"


def _category_rank(category: str) -> int:
    return CATEGORY_ORDER.index(category) if category in CATEGORY_ORDER else len(CATEGORY_ORDER)


def indicators_of(report: Report | Sequence[Indicator]) -> tuple[Indicator, ...]:
    """A report's indicators, or the indicators themselves (functions here take either)."""
    return report.indicators if isinstance(report, Report) else tuple(report)


def indicator_cards(report: Report | Sequence[Indicator]) -> tuple[IndicatorCard, ...]:
    """One card per indicator, ordered by the course's themes (matching first).

    Parameters
    ----------
    report : Report or sequence of Indicator
        A report, or just indicators (e.g. :meth:`pipeline.store.Store.indicators`).

    Returns
    -------
    tuple of IndicatorCard
        Empty when there are no indicators.
    """
    ordered = sorted(enumerate(indicators_of(report)), key=lambda p: (_category_rank(p[1].category), p[0]))
    cards = []
    for _, ind in ordered:
        status = _status(ind)
        value_text = "n/a" if status == "not available" else _num(float(ind.value), ind.unit)
        meaning = ind.explanation
        cards.append(
            IndicatorCard(
                id=ind.id,
                name=ind.name,
                category=ind.category,
                value_text=value_text,
                band_text=_band_text(ind),
                status=status,
                meaning=meaning,
                confidence=ind.confidence,
                interval_text=_interval_text(ind),
            )
        )
    return tuple(cards)


def cards_by_category(report: Report) -> list[tuple[str, tuple[IndicatorCard, ...]]]:
    """Cards grouped under their theme's title, themes in course order."""
    groups: dict[str, list[IndicatorCard]] = {}
    for card in indicator_cards(report):
        groups.setdefault(card.category, []).append(card)
    return [(CATEGORY_TITLES.get(c, c.title()), tuple(cs)) for c, cs in groups.items()]


def _moment(ind: Indicator, ev) -> Moment:
    """A piece of ``ind``'s evidence as a replayable moment."""
    return Moment(ind.id, ind.name, ev.start_s, ev.end_s, ev.speaker, ev.quote, ev.note)


def moments(report: Report, *, per_indicator: int = 1, max_moments: int = 12) -> tuple[Moment, ...]:
    """The strongest evidence of each available indicator ("moments worth a look").

    Parameters
    ----------
    per_indicator : int
        How many pieces of evidence to take per indicator, >= 1 (evidence is
        stored strongest first).
    max_moments : int
        At most this many moments, >= 1.

    Returns
    -------
    tuple of Moment
        In the headline's order; indicators without evidence are skipped. A moment
        supporting several indicators appears once, its ``indicator_name`` listing
        them (``"A · B"``), its ``note`` their different notes the same way, and
        ``indicator_id`` naming the first.
    """
    if per_indicator < 1:
        raise InvalidParameterError(f"per_indicator must be >= 1, got {per_indicator}")
    if max_moments < 1:
        raise InvalidParameterError(f"max_moments must be >= 1, got {max_moments}")
    found: dict[tuple[float, float, str], Moment] = {}
    ordered = sorted(enumerate(report.indicators), key=lambda p: (_category_rank(p[1].category), p[0]))
    for _, ind in ordered:
        if not ind.available:
            continue
        for ev in ind.evidence[:per_indicator]:
            key = (round(ev.start_s, 2), round(ev.end_s, 2), ev.speaker)
            if key in found:
                m = found[key]
                note = m.note if not ev.note or ev.note in m.note.split(" · ") else " · ".join(filter(None, (m.note, ev.note)))
                found[key] = replace(m, indicator_name=f"{m.indicator_name} · {ind.name}", note=note)
            else:
                found[key] = _moment(ind, ev)
    return tuple(found.values())[:max_moments]


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
    "mentor_question_turn_share": {
        "in band": "Many of your turns handed the floor back with a question.",
        "below": "End more of your turns with a question that hands the floor back to the mentee.",
    },
    "mentor_open_question_share": {
        "in band": "Most of your questions were open (what, how, why), inviting the mentee to say more.",
        "below": "Turn closed questions into open ones: 'Did it go well?' becomes 'How did it go?'",
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
    "top_word_matching": {
        "in band": "You and the mentee used many of the same words.",
        "below": "Pick up the words the mentee uses most and use them back.",
    },
    "shared_key_phrases": {
        "in band": "You picked up the mentee's key phrases and used them.",
        "below": "Pick out the mentee's key words and phrases and use them in your replies.",
    },
    "mentor_remembering": {
        "in band": "You brought back something the mentee said earlier: they know you remember.",
        "below": "Bring back something the mentee said earlier ('You mentioned ...'): it shows you remember.",
    },
    "mentor_self_disclosure": {
        "in band": "You shared your own experience and mistakes.",
        "below": "Share one of your own mistakes and what you learned: it makes it easier for the mentee to open up.",
    },
    "mentor_confidentiality": {
        "in band": "You told the mentee that what you talk about stays between you.",
        "below": "Say early on that what you talk about stays between you.",
    },
    "mentee_talk_share": {
        "in band": "The mentee did most of the talking.",
        "below": "Invite the mentee to say more: ask an open question, then wait.",
        "above": "The mentee did nearly all the talking; a summary or a question now and then helps guide the session.",
    },
    "mentee_turn_length_trend": {
        "in band": "The mentee talked at more length as the session went on, a sign of growing safety.",
        "below": "The mentee's turns got shorter over the session; check in: 'How is this going for you?'",
    },
    "mentee_questions_per_10min": {
        "in band": "The mentee asked questions, a sign they feel safe to.",
        "below": "Invite the mentee's questions: 'What would you like to ask me?'",
    },
    "mentee_concerns": {
        "in band": "The mentee voiced concerns, a sign they trust you with them.",
        "below": "Make room for worries: 'What concerns you about this?'",
    },
}
#: Indicators that measure the same thing as another: left out of the feedback when that one counts, so the two
#: lists never say opposite things about one measure (talk share 45 % in range, its ratio 0.82 just above).
_SAME_MEASURE = {"talk_to_listen_ratio": "mentor_talk_share", "mentee_talk_share": "mentor_talk_share",
                 "mentor_interrupting_mentee": "mentor_interruptions"}
#: Feedback themes finer than the categories for matching: the course names pace, volume and key words apart.
_THEME_PREFIX = (("pace_", "pace"), ("loudness_", "volume"), ("pitch_", "pitch"), ("language_style", "words"),
                 ("top_word", "words"), ("shared_key", "words"), ("adjustment_", "smoothness"))
#: What went well is told in this order (the course's building blocks first); others follow in report order.
_WELL_ORDER = ("mentor_confidentiality", "mentor_remembering", "mentor_self_disclosure", "mentor_open_question_share",
               "mentor_questions_per_10min", "mentor_talk_share", "mentor_interruptions", "shared_key_phrases",
               "pace_difference", "loudness_difference", "adjustment_smoothness", "mentee_talk_share")
_CONFIDENCE_RANK = {"low": 0, "medium": 1, "high": 2}
#: Natural scale of a unit, for one-sided bands (a trend of -6 % is 0.06 of it; an r of 0.0 against 0.3 is 0.3).
_UNIT_SCALE = {"%": 100.0, "% gradual": 100.0, "r": 1.0, "z difference": 1.0, "score 0-1": 1.0, "yes/no": 1.0}
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


def feedback(report: Report | Sequence[Indicator], *, n_points: int = 3, min_confidence: str = "medium") -> Feedback:
    """What went well and what to try next time, from the report's indicators ("at a glance").

    An indicator counts when it is available, has a good range and at least
    ``min_confidence``. Inside its range it can be something that went well
    (told in the course's order: confidentiality, remembering, sharing, open
    questions, ...); outside, something to try (the furthest outside first,
    see :class:`FeedbackPoint`; less than :data:`BORDERLINE` outside is too
    close to call and left out). Each list has at most one point per theme
    (the categories, with matching split as the course splits it: pace,
    volume, pitch, words, smoothness). A measure told twice (talk share and
    talk-to-listen ratio) counts once, by its main indicator.

    Parameters
    ----------
    report : Report or sequence of Indicator
        A report, or just its indicators (moments come from their evidence, if any).
    n_points : int, optional
        Points per list, 1-10 (default 3).
    min_confidence : {"low", "medium", "high"}, optional
        Lowest confidence an indicator may have to count (default "medium":
        a session under 2 minutes or weak attribution gives no feedback).

    Returns
    -------
    Feedback
        Empty lists when nothing counts (no indicators, all unavailable or low confidence).
    """
    if not 1 <= n_points <= 10:
        raise InvalidParameterError(f"n_points={n_points} must be between 1 and 10.")
    if min_confidence not in _CONFIDENCE_RANK:
        raise InvalidParameterError(f"min_confidence={min_confidence!r} must be one of low, medium, high.")
    indicators = indicators_of(report)
    cards = {c.id: c for c in indicator_cards(indicators)}
    banded = [ind for ind in indicators if cards[ind.id].status in ("in band", "below", "above") and ind.id in ADVICE]
    counted = [ind for ind in banded if _CONFIDENCE_RANK.get(ind.confidence, 0) >= _CONFIDENCE_RANK[min_confidence]]
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
        moment = _moment(ind, ind.evidence[0]) if ind.evidence else None
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

    points = [p for p in map(point, counted) if p is not None and (p.status == "in band" or p.severity >= BORDERLINE)]
    order = {id_: i for i, id_ in enumerate(_WELL_ORDER)}
    well = sorted((p for p in points if p.status == "in band"), key=lambda p: order.get(p.indicator_id, len(order)))
    to_try = sorted((p for p in points if p.status != "in band"),
                    key=lambda p: (-p.severity, order.get(p.indicator_id, len(order))))
    return Feedback(pick(well), pick(to_try), len(counted), n_points, min_confidence,
                    tuple(ind.name for ind in unclear))


def kept_text(report: bool, transcript: bool, audio: bool) -> str:
    """What is kept, in words: "the report, the transcript and the audio", "the report", or "nothing"."""
    kept = [w for w, k in (("the report", report), ("the transcript", transcript), ("the audio", audio)) if k]
    return "nothing" if not kept else kept[0] if len(kept) == 1 else f"{', '.join(kept[:-1])} and {kept[-1]}"


FEEDBACK_TITLES = {"went_well": "What went well", "to_try": "To try next time"}


def feedback_caption(fb: Feedback) -> str:
    """One line under the at-a-glance feedback: what it rests on, or why there is none."""
    if not fb.n_considered:
        return (f"Too little to go on: no indicator with a good range reached {fb.min_confidence} confidence "
                "(a session under 2 minutes, speakers that are hard to tell apart, or too few turns to tell a score from "
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


def _value_and_band(point: FeedbackPoint) -> str:
    """``"62 % (good: 20–45 %)"``, or the value alone when there is no range; plain text."""
    return f"{point.value_text} ({point.band_text})" if point.band_text else point.value_text


def feedback_markdown(point: FeedbackPoint) -> str:
    """A feedback point as Streamlit markdown: name, value and good range, then the advice (all escaped)."""
    return f"**{md_escape(point.name)}** · {md_escape(_value_and_band(point))}  \n{md_escape(point.advice)}"


def feedback_lines(fb: Feedback) -> list[str]:
    """The feedback as plain text lines (the command line's summary): "+" went well, "-" to try."""
    lines = []
    for key, mark in (("went_well", "+"), ("to_try", "-")):
        points = getattr(fb, key)
        if points:
            lines.append(f"{FEEDBACK_TITLES[key]}:")
            lines += [f"  {mark} {p.name}: {_value_and_band(p)}. {p.advice}"
                      + (f" [{fmt_clock(p.moment.start_s)}]" if p.moment else "") for p in points]
    if lines and fb.too_few_to_tell:
        lines.append(_too_few_text(fb).strip())
    return lines or [feedback_caption(fb)]


def since_last_markdown(previous: Report | Sequence[Indicator], current: Report | Sequence[Indicator]
                        ) -> tuple[tuple[str, ...], int]:
    """What changed since the previous session by more than the noise of a few turns, as Streamlit markdown.

    Parameters
    ----------
    previous, current : Report or sequence of Indicator
        The mentor's earlier session (stored indicators will do) and this one.

    Returns
    -------
    lines : tuple of str
        One line per indicator whose change has a 95 % interval clear of 0
        (:func:`pipeline.library.compare_reports`), in card order: name, the
        two values, the interval of the change and, where the indicator has a
        good range, whether this session is now in it, closer, or further.
    n_unclear : int
        How many other indicators had an interval in both sessions but no clear change.
    """
    from pipeline.library import CHANGE_DOWN, CHANGE_UNCLEAR, CHANGE_UP, compare_reports

    table = compare_reports(previous, current).set_index("id")
    before = {c.id: c.value_text for c in indicator_cards(previous)}
    lines = []
    for card in indicator_cards(current):
        if card.id not in table.index or table.at[card.id, "change"] not in (CHANGE_UP, CHANGE_DOWN):
            continue
        row = table.loc[card.id]
        verdict = f"; {row['good range']}" if row["good range"] else ""
        lines.append(f"**{md_escape(card.name)}**: " + md_escape(
            f"{before[card.id]} → {card.value_text} (change {row['B - A 95 %']}, 95 % interval{verdict})"))
    return tuple(lines), int((table["change"] == CHANGE_UNCLEAR).sum())


#: Indicator id prefix of the matching scores of each prosody measure.
MATCHING_PREFIX = {"pace_wpm": "pace_", "rms_db": "loudness_", "f0_hz": "pitch_"}


def matching_cards(report: Report, measure: str) -> tuple[IndicatorCard, ...]:
    """Cards of the matching scores for one prosody measure (e.g. ``pace_matching``,
    ``pace_synchrony``, ``pace_convergence``, ``pace_difference`` for ``"pace_wpm"``)."""
    prefix = MATCHING_PREFIX.get(measure)
    if prefix is None:
        raise InvalidParameterError(f"measure must be one of {sorted(MATCHING_PREFIX)}, got {measure!r}")
    return tuple(c for c in indicator_cards(report) if c.category == "matching" and c.id.startswith(prefix))


def matching_indicators(report: Report) -> tuple[Indicator, ...]:
    """The matching indicators (pace, volume, words), shown beside the prosody charts."""
    return tuple(i for i in report.indicators if i.category == "matching")


# --------------------------------------------------------------------------
# Frames
# --------------------------------------------------------------------------

TURN_COLUMNS = ["turn", "speaker", "name", "role", "start_s", "end_s", "duration_s", "question", "overlap", "n_words", "text"]


def turns_frame(report: Report, turn_measures: Sequence | None = None) -> pd.DataFrame:
    """One row per turn.

    Parameters
    ----------
    turn_measures : sequence, optional
        Per-turn measures (objects with ``index``, ``question.is_question`` and
        ``is_interruption``): when given, questions and interruptions come from
        them; otherwise from :func:`pipeline.language.looks_like_question` and the turns' overlap flag.

    Returns
    -------
    DataFrame
        Columns ``turn, speaker, name, role, start_s, end_s, duration_s, question,
        overlap, n_words, text``; times in seconds; empty (with the columns) when the
        report has no turns.
    """
    names = speaker_names(report)
    measured = {getattr(m, "index", None): m for m in (turn_measures or ())}

    def question(t: Turn) -> bool:
        m = measured.get(t.index)
        q = getattr(m, "question", None)
        return bool(getattr(q, "is_question", False)) if q is not None else lang.looks_like_question(t.text)

    def overlap(t: Turn) -> bool:
        m = measured.get(t.index)
        return bool(t.overlap or getattr(m, "is_interruption", False))

    rows = [
        {
            "turn": t.index,
            "speaker": t.speaker,
            "name": names.get(t.speaker, t.speaker),
            "role": t.role,
            "start_s": round(t.start_s, 3),
            "end_s": round(t.end_s, 3),
            "duration_s": round(t.end_s - t.start_s, 3),
            "question": question(t),
            "overlap": overlap(t),
            "n_words": len(t.words) if t.words else len(_WORD_RE.findall(t.text.lower())),
            "text": t.text,
        }
        for t in report.turns
    ]
    return pd.DataFrame(rows, columns=TURN_COLUMNS)


#: Which turns the transcript shows: every turn, questions only, or turns over the other speaker.
TRANSCRIPT_SHOW = {"all": "All turns", "questions": "Questions", "overlaps": "Over the other speaker"}
#: Turns per transcript page: a 60-minute session has about 800 turns, one play button each.
TRANSCRIPT_PAGE_TURNS = 40


def filter_turns(frame: pd.DataFrame, *, query: str = "", show: str = "all") -> pd.DataFrame:
    """The rows of :func:`turns_frame` that contain ``query`` and are of the kind ``show``.

    Parameters
    ----------
    frame : DataFrame
        Rows of :func:`turns_frame`.
    query : str, optional
        Words to find, case-insensitive, in the turn's text or the speaker's
        name; runs of spaces count as one. ``""`` (default) keeps every row.
    show : {"all", "questions", "overlaps"}, optional
        Every turn (default), questions only, or turns that start over the other speaker.

    Returns
    -------
    DataFrame
        The matching rows, in order, with the columns of ``frame``.
    """
    if show not in TRANSCRIPT_SHOW:
        raise InvalidParameterError(f"show={show!r} is not one of {', '.join(TRANSCRIPT_SHOW)}; pick one of those.")
    keep = pd.Series(True, index=frame.index)
    if show != "all":
        keep &= frame["question" if show == "questions" else "overlap"].astype(bool)
    needle = " ".join(query.lower().split())
    if needle:
        hay = (frame["name"].astype(str) + " " + frame["text"].astype(str)).str.lower().str.split().str.join(" ")
        keep &= hay.str.contains(needle, regex=False)
    return frame[keep]


def transcript_page(frame: pd.DataFrame, *, page: int, per_page: int = TRANSCRIPT_PAGE_TURNS
                    ) -> tuple[pd.DataFrame, int, int]:
    """One page of transcript rows.

    Parameters
    ----------
    frame : DataFrame
        Rows to page through (e.g. from :func:`filter_turns`).
    page : int
        1-based page number; clipped to the pages there are, so a page number
        kept from a longer list still shows something.
    per_page : int, optional
        Rows per page, at least 1 (default :data:`TRANSCRIPT_PAGE_TURNS`).

    Returns
    -------
    rows : DataFrame
        At most ``per_page`` rows of ``frame``.
    page : int
        The page shown, in ``[1, n_pages]``.
    n_pages : int
        Number of pages, at least 1 (one empty page for an empty frame).
    """
    if per_page < 1:
        raise InvalidParameterError(f"per_page={per_page} must be at least 1.")
    n_pages = max(1, -(-len(frame) // per_page))
    page = min(max(int(page), 1), n_pages)
    return frame.iloc[(page - 1) * per_page : page * per_page], page, n_pages


def talk_share_frame(report: Report) -> pd.DataFrame:
    """Speaking time per person.

    Returns
    -------
    DataFrame
        Columns ``speaker, name, role, talk_s, share_pct, n_turns``, one row per
        speaker (mentor first); ``share_pct`` sums to 100 when anyone spoke.
    """
    frame = turns_frame(report)
    roles = speaker_roles(report)
    names = speaker_names(report)
    labels = [s.label for s in report.speakers] + [s for s in frame["speaker"].unique() if s not in names]
    total = float(frame["duration_s"].sum()) if len(frame) else 0.0
    rows = []
    for label in labels:
        mine = frame[frame["speaker"] == label]
        talk = float(mine["duration_s"].sum())
        rows.append(
            {
                "speaker": label,
                "name": names.get(label, label),
                "role": roles.get(label, "other"),
                "talk_s": round(talk, 2),
                "share_pct": round(100.0 * talk / total, 1) if total > 0 else 0.0,
                "n_turns": int(len(mine)),
            }
        )
    out = pd.DataFrame(rows, columns=["speaker", "name", "role", "talk_s", "share_pct", "n_turns"])
    order = {"mentor": 0, "mentee": 1}
    return out.sort_values("role", key=lambda r: r.map(lambda x: order.get(x, 2)), kind="stable").reset_index(drop=True)


def _turn_measure_rows(turn_measures: Iterable) -> list[dict]:
    rows = []
    for m in turn_measures:
        get = m.get if isinstance(m, Mapping) else (lambda k, _m=m: getattr(_m, k, None))
        prosody = get("prosody")
        pget = (prosody.get if isinstance(prosody, Mapping) else (lambda k, _p=prosody: getattr(_p, k, None)))
        rows.append(
            {
                "speaker": get("speaker"),
                "start_s": get("start_s"),
                "end_s": get("end_s"),
                "pace_wpm": get("pace_wpm"),
                "rms_db": get("rms_db") if get("rms_db") is not None else pget("rms_db"),
                "f0_hz": get("f0_hz") if get("f0_hz") is not None else pget("f0_median_hz"),
            }
        )
    return rows


def prosody_frame(report: Report, turn_measures: Sequence | None = None) -> pd.DataFrame:
    """Per-turn pace, loudness and pitch of each person, long format for charts.

    Parameters
    ----------
    turn_measures : sequence, optional
        Per-turn measures from :func:`pipeline.measures.measure_session` (objects or
        dicts with ``speaker, start_s, end_s`` and any of ``pace_wpm, rms_db,
        f0_hz``). When None, pace is taken from the turns' word counts and
        loudness and pitch are left out.

    Returns
    -------
    DataFrame
        Columns ``time_s, speaker, name, role, measure, value``: ``time_s`` is the
        turn's midpoint in seconds, ``measure`` one of :data:`PROSODY_MEASURES`.
        Turns too short for a value (and NaN values) are left out.
    """
    names, roles = speaker_names(report), speaker_roles(report)
    cols = ["time_s", "speaker", "name", "role", "measure", "value"]
    if turn_measures is None:
        source = [
            {
                "speaker": t.speaker,
                "start_s": t.start_s,
                "end_s": t.end_s,
                # Pace needs a few words and a second of speech to mean anything.
                "pace_wpm": (60.0 * n / (t.end_s - t.start_s)) if n >= 4 and t.end_s - t.start_s >= 1.0 else None,
            }
            for t in report.turns
            for n in [len(t.words) if t.words else len(_WORD_RE.findall(t.text.lower()))]
        ]
    else:
        source = _turn_measure_rows(turn_measures)
    rows = []
    for r in source:
        if r.get("speaker") is None or r.get("start_s") is None:
            continue
        mid = (float(r["start_s"]) + float(r.get("end_s") or r["start_s"])) / 2.0
        for measure in PROSODY_MEASURES:
            value = r.get(measure)
            if value is None or value != value:
                continue
            rows.append(
                {
                    "time_s": round(mid, 3),
                    "speaker": r["speaker"],
                    "name": names.get(r["speaker"], r["speaker"]),
                    "role": roles.get(r["speaker"], "other"),
                    "measure": measure,
                    "value": float(value),
                }
            )
    return pd.DataFrame(rows, columns=cols)


def shared_phrases_frame(report: Report) -> pd.DataFrame:
    """The report's shared key phrases (:attr:`~pipeline.types.Report.shared_phrases`) as a table.

    Columns: phrase, said first by, at, taken up by, taken up at (``m:ss``),
    after (how long it took, ``m:ss``), uses (both people). Empty where no phrase
    was taken up or the transcript is not kept.
    """
    names = speaker_names(report)
    rows = [
        {
            "phrase": p.phrase,
            "said first by": names.get(p.first_speaker, p.first_speaker),
            "at": fmt_clock(p.first_s),
            "taken up by": names.get(p.taken_up_by, p.taken_up_by),
            "taken up at": fmt_clock(p.taken_up_s),
            "after": fmt_clock(p.taken_up_s - p.first_s),
            "uses": p.n_uses,
        }
        for p in report.shared_phrases
    ]
    return pd.DataFrame(rows, columns=["phrase", "said first by", "at", "taken up by", "taken up at", "after", "uses"])


# --------------------------------------------------------------------------
# Charts (Altair; render offline in Streamlit and, inlined, in the HTML report)
# --------------------------------------------------------------------------


def _colour_scale(report: Report) -> alt.Scale:
    roles = speaker_roles(report)
    names = speaker_names(report)
    order = {"mentor": 0, "mentee": 1}
    labels = sorted(roles, key=lambda s: (order.get(roles[s], 2), s))
    domain = [names.get(s, s) for s in labels]
    return alt.Scale(domain=domain, range=[ROLE_COLOURS.get(roles[s], ROLE_COLOURS["other"]) for s in labels])


#: Vega expression showing seconds as m:ss on a time axis.
CLOCK_LABEL = "floor(datum.value / 60) + ':' + format(floor(datum.value % 60), '02d')"


def _time_x(field: str) -> alt.X:
    axis = alt.Axis(labelExpr=CLOCK_LABEL, tickCount=12, labelOverlap=True)
    return alt.X(field, title="Session time (min:s)", scale=alt.Scale(domainMin=0, nice=False), axis=axis)


def timeline_chart(report: Report, *, width: int | str = "container") -> alt.LayerChart:
    """Who spoke when: one bar per turn, questions (●) and overlaps (▲ red) marked.

    The x axis is session time (labels m:ss); the y axis the people.
    """
    frame = turns_frame(report)
    frame["mid_s"] = (frame["start_s"] + frame["end_s"]) / 2.0
    frame["at"] = frame["start_s"].map(fmt_clock)
    colour = alt.Color("name:N", scale=_colour_scale(report), title="Speaker")
    y = alt.Y("name:N", title=None, sort=list(_colour_scale(report).domain))
    tooltip = [alt.Tooltip("name:N", title="Speaker"), alt.Tooltip("at:N", title="At"), alt.Tooltip("text:N", title="Said")]
    base = alt.Chart(frame)
    bars = base.mark_bar(height=22).encode(
        x=_time_x("start_s:Q"), x2="end_s:Q", y=y, color=colour, tooltip=tooltip
    )
    questions = (
        base.transform_filter("datum.question")
        .mark_point(shape="circle", filled=True, size=45, color="#222", yOffset=-16)
        .encode(x="mid_s:Q", y=y, tooltip=tooltip)
    )
    overlaps = (
        base.transform_filter("datum.overlap")
        .mark_point(shape="triangle-down", filled=True, size=70, color="#d62728", yOffset=-16)
        .encode(x="start_s:Q", y=y, tooltip=tooltip)
    )
    return (bars + questions + overlaps).properties(width=width, height=alt.Step(44))


def talk_share_chart(report: Report, *, width: int | str = "container") -> alt.LayerChart:
    """Share of speaking time per person: one bar each, in percent, labelled."""
    frame = talk_share_frame(report)
    frame["label"] = frame["share_pct"].map(lambda v: f"{v:.0f} %")
    scale = _colour_scale(report)
    base = alt.Chart(frame).encode(
        y=alt.Y("name:N", title=None, sort=list(scale.domain)),
        x=alt.X("share_pct:Q", title="Share of speaking time (%)", scale=alt.Scale(domain=[0, 100])),
    )
    bars = base.mark_bar(height=24).encode(
        color=alt.Color("name:N", scale=scale, title="Speaker", legend=None),
        tooltip=[alt.Tooltip("name:N", title="Speaker"), alt.Tooltip("share_pct:Q", title="%"), alt.Tooltip("talk_s:Q", title="seconds")],
    )
    labels = base.mark_text(align="left", dx=6, fontWeight="bold").encode(text="label:N")
    return (bars + labels).properties(width=width, height=alt.Step(36))


def prosody_chart(
    report: Report, measure: str, turn_measures: Sequence | None = None, *, width: int | str = "container"
) -> alt.Chart | None:
    """One line per person over the session for ``measure`` (a key of :data:`PROSODY_MEASURES`).

    Returns
    -------
    Chart or None
        None when there is no value of that measure (e.g. loudness of a transcript).
    """
    if measure not in PROSODY_MEASURES:
        raise InvalidParameterError(f"measure must be one of {sorted(PROSODY_MEASURES)}, got {measure!r}")
    frame = prosody_frame(report, turn_measures)
    frame = frame[frame["measure"] == measure]
    if frame.empty:
        return None
    title, unit, _ = PROSODY_MEASURES[measure]
    return (
        alt.Chart(frame)
        .mark_line(point=True, interpolate="monotone")
        .encode(
            x=_time_x("time_s:Q"),
            y=alt.Y("value:Q", title=f"{title.split()[-1].capitalize()} ({unit})", scale=alt.Scale(zero=False)),
            color=alt.Color("name:N", scale=_colour_scale(report), title="Speaker"),
            tooltip=[alt.Tooltip("name:N", title="Speaker"), alt.Tooltip("value:Q", title=unit, format=".1f")],
        )
        .properties(width=width, height=220)
    )


#: Caption of each chart: what it shows and what good looks like.
CHART_CAPTIONS = {
    "timeline": "Bars: who spoke when. ● marks a question, ▼ (red) talking over the other person. "
    "Good: the mentee has long bars, the mentor's are short, with questions spread through the session and few red marks.",
    "talk_share": "Good: the mentee talks at least as much as the mentor (the mentor listens more than talks).",
    **{m: caption for m, (_, _, caption) in PROSODY_MEASURES.items()},
}


# --------------------------------------------------------------------------
# Roles
# --------------------------------------------------------------------------

VALID_ROLES = ("mentor", "mentee", "other")


def with_roles(
    report: Report,
    roles: Mapping[str, tuple[str, str]],
    *,
    measure: Callable[[tuple[Turn, ...], tuple[SpeakerInfo, ...]], Sequence[Indicator]] | None = None,
) -> Report:
    """The report with people's roles and names set by the user, indicators recomputed from stored turns.

    Parameters
    ----------
    roles : mapping
        Speaker label -> ``(role, display_name)``; role one of :data:`VALID_ROLES`,
        ``display_name`` "" to keep the label. Labels not given keep their role.
    measure : callable, optional
        ``measure(turns, speakers) -> indicators``, e.g. a closure over
        :func:`pipeline.measures.measure_session`. When None the indicators are
        kept, which is only right when no role changed.

    Returns
    -------
    Report
        Speakers with ``role_source="set"`` where given; every turn's role follows
        its speaker. Nothing is re-transcribed.
    """
    for label, (role, _) in roles.items():
        if role not in VALID_ROLES:
            raise InvalidParameterError(f"role of {label!r} must be one of {VALID_ROLES}, got {role!r}")
    speakers = tuple(
        replace(s, role=roles[s.label][0], display_name=roles[s.label][1].strip(), role_source="set")
        if s.label in roles
        else s
        for s in report.speakers
    )
    new_roles = {s.label: s.role for s in speakers}
    turns = tuple(replace(t, role=new_roles.get(t.speaker, t.role)) for t in report.turns)
    changed = any(a.role != b.role for a, b in zip(turns, report.turns, strict=True))
    indicators = tuple(measure(turns, speakers)) if (measure is not None and changed) else report.indicators
    mentor = next((s.label for s in speakers if s.role == "mentor"), None)
    return replace(
        report, speakers=speakers, turns=turns, indicators=indicators, options=replace(report.options, mentor=mentor)
    )


def with_names(report: Report, participants: Mapping[str, str]) -> Report:
    """The report with display names given per role at consent (``{"mentor": "Alex", ...}``).

    Speakers named only by their label (display name empty or equal to the label) get
    the name given for their role; others keep theirs. Roles and indicators are unchanged.
    """
    speakers = tuple(
        replace(s, display_name=participants[s.role].strip())
        if (s.display_name in ("", s.label) and participants.get(s.role, "").strip())
        else s
        for s in report.speakers
    )
    return replace(report, speakers=speakers)


def swap_roles(report: Report) -> dict[str, tuple[str, str]]:
    """The roles mapping that swaps mentor and mentee.

    Names stay with the role (the consent step names the mentor and the mentee), so
    the person shown as "Alex (mentor)" before is "Sam (mentee)" after. Other roles
    are unchanged.
    """
    swap = {"mentor": "mentee", "mentee": "mentor"}
    name_of_role = {s.role: s.display_name for s in report.speakers if s.role in swap}
    out = {}
    for s in report.speakers:
        new_role = swap.get(s.role, s.role)
        out[s.label] = (new_role, name_of_role.get(new_role, s.display_name) if s.role in swap else s.display_name)
    return out


# --------------------------------------------------------------------------
# Downloads
# --------------------------------------------------------------------------


def report_json(report: Report) -> str:
    """``report.json``: the report serialised with :func:`pipeline.export.to_jsonable`."""
    return json.dumps(to_jsonable(report), indent=2, ensure_ascii=False)


def turns_csv(report: Report) -> str:
    """Turns as CSV (columns of :func:`turns_frame`), UTF-8 text."""
    buf = io.StringIO()
    turns_frame(report).to_csv(buf, index=False)
    return buf.getvalue()


def _named_turns(report: Report) -> tuple[Turn, ...]:
    names = speaker_names(report)
    return tuple(replace(t, speaker=names.get(t.speaker, t.speaker)) for t in report.turns)


def turns_vtt(report: Report) -> str:
    """WebVTT with speaker voice tags (names as shown in the report)."""
    return to_vtt(cues_from_turns(_named_turns(report)))


def turns_srt(report: Report) -> str:
    """SRT with ``Name:`` prefixes."""
    return to_srt(cues_from_turns(_named_turns(report)))


def download_stem(report: Report) -> str:
    """A safe file-name stem for downloads from the (untrusted) source name."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", report.source_name.rsplit(".", 1)[0]).strip("._-")
    return stem[:80] or "session"


_AUDIO_MIME = {"wav": "audio/wav", "mp3": "audio/mpeg", "m4a": "audio/mp4", "aac": "audio/aac", "flac": "audio/flac",
               "ogg": "audio/ogg", "opus": "audio/ogg", "webm": "audio/webm", "mp4": "video/mp4", "mov": "video/quicktime"}


def audio_mime(name: str) -> str:
    """MIME type for the browser's player from a file name (``audio/wav`` when unknown)."""
    return _AUDIO_MIME.get(name.rsplit(".", 1)[-1].lower() if "." in name else "", "audio/wav")


def summary_line(report: Report) -> str:
    """One line above the report: file, length, people, how speakers were told apart (markdown-escaped)."""
    names = speaker_names(report)
    people = ", ".join(f"{names[s.label]} ({s.role})" for s in report.speakers)
    how = "from the transcript" if report.input_kind == "transcript" else f"transcribed with Whisper {report.model_name}"
    return md_escape(
        f"{report.source_name}: {fmt_duration(report.duration_s)}, {len(report.turns)} turns; {people}; {how}; "
        f"speakers told apart by {report.attribution_method} (confidence {report.attribution_confidence})."
    )


_STATUS_MD = {"in band": ":green[in the good range]", "below": ":orange[below the good range]",
              "above": ":orange[above the good range]", "no band": ":gray[no reference range]",
              "not available": ":gray[not available for this input]"}


#: Shown on a card whose indicator has low confidence (short session, weak attribution, too few turns to tell).
LOW_CONFIDENCE = "low confidence"


def status_markdown(card: IndicatorCard) -> str:
    """The card's band and status as Streamlit markdown (coloured status, escaped band), then "low confidence" if so."""
    status = _STATUS_MD.get(card.status, md_escape(card.status))
    text = f"{md_escape(card.band_text)} · {status}" if card.band_text else status
    return f"{text} · :gray[{LOW_CONFIDENCE}]" if _shows_low_confidence(card) else text


def _shows_low_confidence(card: IndicatorCard) -> bool:
    """True when the card should say "low confidence": a measured value held with low confidence."""
    return card.confidence == "low" and card.status != "not available"


def turn_markdown(row) -> str:
    """One transcript line as Streamlit markdown: coloured speaker name, question highlighted.

    ``row`` is a row of :func:`turns_frame` (attribute access).
    """
    colour = ROLE_MD_COLOURS.get(row.role, "gray")
    text = md_escape(row.text)
    if row.question:
        text = f":orange-background[{text}]"
    flag = " :red[(over the other speaker)]" if row.overlap else ""
    return f":{colour}[**{md_escape(row.name)}**]{flag}  {text}"


def progress_text(stage: str, fraction: float, elapsed_s: float) -> tuple[float, str]:
    """Overall progress and the line shown under the bar.

    Parameters
    ----------
    stage : str
        ``"decoding"``, ``"transcribing"``, ``"attributing"`` (speakers),
        ``"measuring"`` or ``"done"``; other names count as the last stage.
    fraction : float
        Progress within the stage, clipped to [0, 1].
    elapsed_s : float
        Seconds since the analysis started.

    Returns
    -------
    (float, str)
        Overall fraction in [0, 1] and e.g. ``"Transcribing 40% · 0:12 elapsed, about 0:18 left"``.
    """
    spans = {"decoding": (0.0, 0.05), "transcribing": (0.05, 0.80), "attributing": (0.80, 0.90), "measuring": (0.90, 1.0)}
    labels = {"decoding": "Decoding audio", "transcribing": "Transcribing", "attributing": "Attributing speakers",
              "measuring": "Measuring", "done": "Done"}
    f = min(1.0, max(0.0, float(fraction)))
    stage = stage.split()[0].lower() if stage.strip() else "measuring"  # "attributing speakers" -> "attributing"
    lo, hi = spans.get(stage, (1.0, 1.0) if stage == "done" else (0.90, 1.0))
    overall = lo + (hi - lo) * f
    label = labels.get(stage, stage.capitalize())
    if stage == "transcribing":
        label = f"{label} {f * 100:.0f}%"
    text = f"{label} · {fmt_clock(elapsed_s)} elapsed"
    if 0.05 < overall < 1.0:
        text += f", about {fmt_clock(elapsed_s * (1 - overall) / overall)} left"
    return overall, text


# --------------------------------------------------------------------------
# Self-contained HTML report
# --------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def vega_javascript() -> str:
    """Vega, Vega-Lite and vega-embed as one inline script (from ``vl-convert-python``; no CDN)."""
    import vl_convert

    return vl_convert.javascript_bundle()


def _script_json(obj) -> str:
    # JSON inside <script>: "</" and "<!--" must not appear literally.
    return json.dumps(obj).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


_HTML_STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
h1{margin-bottom:.2em} .meta{color:#666} .warn{background:#fff4e5;border-left:4px solid #e69500;padding:.4em .8em} h2{border-bottom:1px solid #ddd;padding-bottom:.2em;margin-top:1.6em}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(240px,1fr));gap:12px}
.card{border:1px solid #ddd;border-radius:8px;padding:10px 12px} .card .v{font-size:1.5em;font-weight:600}
.card .n{font-weight:600} .card .b{color:#555;font-size:.9em} .card .i{color:#555;font-size:.85em} .card .m{font-size:.9em;margin-top:.3em}
.s-in{border-left:6px solid #2ca02c} .s-below,.s-above{border-left:6px solid #e8710a} .s-no,.s-not{border-left:6px solid #bbb}
.chart{width:100%} .cap{color:#555;font-size:.9em;margin:.2em 0 1em}
table{border-collapse:collapse;width:100%} td,th{border-bottom:1px solid #eee;padding:4px 6px;text-align:left;vertical-align:top}
.t{color:#666;white-space:nowrap} .q{background:#fff3c4} .mentor{color:#1f6fb4;font-weight:600} .mentee{color:#e8710a;font-weight:600}
.other{color:#555;font-weight:600} blockquote{margin:.3em 0 .8em;padding-left:.8em;border-left:3px solid #ccc}
"""


def html_report(report: Report, turn_measures: Sequence | None = None) -> str:
    """The report as one self-contained HTML page: cards, charts, phrases, moments, transcript.

    Charts are Vega-Lite specs rendered by the Vega libraries inlined in the page, so
    the file opens with no network. Every piece of text from the input (names, file
    name, transcript) is HTML-escaped.
    """
    e = html.escape
    names = speaker_names(report)
    roles = speaker_roles(report)
    parts = [
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
        "<meta name='viewport' content='width=device-width, initial-scale=1'>",
        f"<title>Rapport report: {e(report.source_name)}</title><style>{_HTML_STYLE}</style>",
        f"<script>{vega_javascript()}</script></head><body>",
        f"<h1>Rapport report</h1><p class='meta'>{e(report.source_name)} · {fmt_duration(report.duration_s)} · "
        f"{e(', '.join(f'{names[s.label]} ({s.role})' for s in report.speakers))} · "
        f"{'transcribed with ' + e(report.model_name) if report.model_name else 'from a transcript'} · "
        f"Rapport {e(report.pipeline_version)}</p>",
    ]
    parts += [f"<p class='warn'>&#9888; {e(w)}</p>" for w in report.warnings]
    fb = feedback(report)
    parts.append("<h2>At a glance</h2>")
    for key in ("went_well", "to_try"):
        if points := getattr(fb, key):
            parts.append(f"<h3>{FEEDBACK_TITLES[key]}</h3><ul>")
            parts += [f"<li><b>{e(p.name)}</b>: {e(_value_and_band(p))}. {e(p.advice)}"
                      f"{' <span class=cap>at ' + fmt_clock(p.moment.start_s) + '</span>' if p.moment else ''}</li>"
                      for p in points]
            parts.append("</ul>")
    parts.append(f"<p class='cap'>{e(feedback_caption(fb))}</p>")
    parts.append("<h2>Rapport indicators</h2>")
    cards = indicator_cards(report)
    if not cards:
        parts.append("<p>Indicators are not available for this input.</p>")
    for title, group in cards_by_category(report):
        parts.append(f"<h3>{e(title)}</h3><div class='cards'>")
        for c in group:
            interval = f"<div class='i'>{e(c.interval_text)}</div>" if c.interval_text else ""
            parts.append(
                f"<div class='card s-{e(c.status.split()[0])}'><div class='n'>{e(c.name)}</div>"
                f"<div class='v'>{e(c.value_text)}</div>{interval}"
                f"<div class='b'>{e(c.band_text)} {('· ' + e(c.status)) if c.band_text else ''}"
                f"{(' · ' + LOW_CONFIDENCE) if _shows_low_confidence(c) else ''}</div>"
                f"<div class='m'>{e(c.meaning)}</div></div>"
            )
        parts.append("</div>")

    charts: list[tuple[str, dict]] = []

    def add_chart(key: str, chart) -> None:
        if chart is None:
            return
        div = f"chart{len(charts)}"
        charts.append((div, chart.to_dict()))
        parts.append(f"<div id='{div}' class='chart'></div><p class='cap'>{e(CHART_CAPTIONS[key])}</p>")

    parts.append("<h2>Who spoke when</h2>")
    if report.turns:
        add_chart("timeline", timeline_chart(report))
        add_chart("talk_share", talk_share_chart(report))
    else:
        parts.append("<p>No speech was found in this input.</p>")

    parts.append("<h2>Matching over the session</h2>")
    for ind in matching_indicators(report):
        value = "n/a" if (not ind.available or ind.value is None) else _num(float(ind.value), ind.unit)
        parts.append(f"<p><b>{e(ind.name)}</b>: {e(value)} {e(_band_text(ind))}. {e(ind.explanation)}</p>")
    for measure in PROSODY_MEASURES:
        chart = prosody_chart(report, measure, turn_measures)
        parts.append(f"<h3>{e(PROSODY_MEASURES[measure][0])}</h3>")
        if chart is None:
            parts.append("<p>Not available for this input.</p>")
        add_chart(measure, chart)

    parts.append("<h2>Shared key phrases</h2>")
    phrases = shared_phrases_frame(report)
    if phrases.empty:
        parts.append("<p>No phrase was taken up by the other person.</p>")
    else:
        parts.append(phrases.to_html(index=False, escape=True, border=0))

    parts.append("<h2>Moments worth a look</h2>")
    ms = moments(report)
    if not ms:
        parts.append("<p>Not available for this input.</p>")
    for m in ms:
        who = names.get(m.speaker, m.speaker)
        parts.append(
            f"<p><b>{e(m.indicator_name)}</b> <span class='t'>{fmt_clock(m.start_s)}</span> · "
            f"<span class='{e(roles.get(m.speaker, 'other'))}'>{e(who)}</span> {e(m.note)}</p>"
            f"<blockquote>{e(m.quote)}</blockquote>"
        )

    parts.append("<h2>Transcript</h2><table><tr><th>At</th><th>Who</th><th>Said</th></tr>")
    for row in turns_frame(report).itertuples(index=False):
        cls = " class='q'" if row.question else ""
        parts.append(
            f"<tr><td class='t'>{fmt_clock(row.start_s)}</td><td class='{e(row.role)}'>{e(row.name)}</td>"
            f"<td{cls}>{e(row.text)}</td></tr>"
        )
    parts.append("</table>")
    parts.append("<script>const specs=" + _script_json(dict(charts)) + ";")
    parts.append(
        "for (const [id, spec] of Object.entries(specs)) { vegaEmbed('#' + id, spec, {actions: false, renderer: 'svg'})"
        ".catch(err => { document.getElementById(id).textContent = 'Chart failed: ' + err; }); }</script>"
    )
    parts.append("</body></html>")
    return "".join(parts)
