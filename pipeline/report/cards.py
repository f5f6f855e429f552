"""Indicator cards, moments worth a look, and the matching scores, from a report's indicators."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from pipeline.errors import InvalidParameterError
from pipeline.report.text import (
    CATEGORY_TITLES,
    band_text,
    category_rank,
    indicators_of,
    interval_text,
    num_text,
    status_of,
)
from pipeline.types import (
    Indicator,
    IndicatorCard,
    Moment,
    Report,
)


def indicator_cards(report: Report | Sequence[Indicator]) -> tuple[IndicatorCard, ...]:
    """One card per indicator, ordered by the course's themes (matching first).

    Parameters
    ----------
    report : Report or sequence of Indicator
        A report, or just indicators (e.g. :meth:`pipeline.library.store.Store.indicators`).

    Returns
    -------
    tuple of IndicatorCard
        Empty when there are no indicators.
    """
    ordered = sorted(enumerate(indicators_of(report)), key=lambda p: (category_rank(p[1].category), p[0]))
    cards = []
    for _, ind in ordered:
        status = status_of(ind)
        value_text = "n/a" if status == "not available" else num_text(float(ind.value), ind.unit)
        meaning = ind.explanation
        cards.append(
            IndicatorCard(
                id=ind.id,
                name=ind.name,
                category=ind.category,
                value_text=value_text,
                band_text=band_text(ind),
                status=status,
                meaning=meaning,
                confidence=ind.confidence,
                interval_text=interval_text(ind),
            )
        )
    return tuple(cards)


def cards_by_category(report: Report) -> list[tuple[str, tuple[IndicatorCard, ...]]]:
    """Cards grouped under their theme's title, themes in course order."""
    groups: dict[str, list[IndicatorCard]] = {}
    for card in indicator_cards(report):
        groups.setdefault(card.category, []).append(card)
    return [(CATEGORY_TITLES.get(c, c.title()), tuple(cs)) for c, cs in groups.items()]


def moment_of(ind: Indicator, ev) -> Moment:
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
    ordered = sorted(enumerate(report.indicators), key=lambda p: (category_rank(p[1].category), p[0]))
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
                found[key] = moment_of(ind, ev)
    return tuple(found.values())[:max_moments]



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
