"""The one confidence rule: how far an indicator, or a whole session, can be trusted.

Levels are :data:`pipeline.types.base.CONFIDENCE_LEVELS` ("low", "medium", "high", lowest first). A value is
never trusted more than what it rests on: :func:`cap` keeps the lowest of the levels it is given. A session
starts from :func:`session_confidence` (who-spoke-when quality, "low" for an unreliable transcript) capped by
:func:`length_confidence` (how long it is); each indicator may cap that further (few turns, no word times) and
its 95 % interval may bring it down to "low" (see :mod:`pipeline.measures.indicator_spec`). A session under 2
minutes keeps "medium" only for what it shows clearly (:func:`clear_in_short`); the rest of it is "low".
"""

from __future__ import annotations

from pipeline.types.base import CONFIDENCE_LEVELS, Confidence, cap, rank  # cap, rank: beside the levels

#: Session length from which indicators can be "high" confidence, seconds (10 minutes).
HIGH_FROM_S = 600.0
#: Session length from which every indicator can be "medium" confidence, seconds (2 minutes); in a shorter one only
#: what it shows clearly (:func:`clear_in_short`).
MEDIUM_FROM_S = 120.0


def at_least(conf: str, minimum: str) -> bool:
    """Whether ``conf`` is ``minimum`` or higher (``at_least("medium", "low")`` is True).

    Raises
    ------
    InvalidParameterError
        A level that is not one of :data:`pipeline.types.base.CONFIDENCE_LEVELS`.
    """
    return rank(conf) >= rank(minimum)


def length_confidence(duration_s: float) -> Confidence:
    """What a session of ``duration_s`` seconds can support: "high" from 600 s, "medium" from 120 s, else "low"."""
    return "high" if duration_s >= HIGH_FROM_S else ("medium" if duration_s >= MEDIUM_FROM_S else "low")


def clear_in_short(value: float, ci: tuple[float, float] | None, band: tuple[float | None, float | None], *,
                   counted: bool) -> bool:
    """Whether a session under 2 minutes shows ``value`` clearly enough for "medium" confidence.

    A trainer's practice drill of 90 seconds can show plainly that the mentor talked three quarters of the time or
    judged twice; it cannot show that they never affirm. So a short session's value is clear when its 95 %
    interval ``ci`` lies wholly on one side of each edge of the good range ``band`` (low, high; None for an open
    end), or, for a count of acts with no interval (``counted``), when the acts happened: the count reached the
    band's low end (an affirmation made) or passed its high end (a judging remark). A count of none, a score
    without an interval, or an interval holding an edge is not clear.

    Examples: ``clear_in_short(78.0, (65.0, 88.0), (20.0, 50.0), counted=False)`` is True;
    ``clear_in_short(2, None, (None, 0.0), counted=True)`` is True; ``clear_in_short(0, None, (1.0, None),
    counted=True)`` is False.
    """
    low, high = band
    if ci is not None:
        return all(x is None or not ci[0] <= x <= ci[1] for x in band)
    if not counted:
        return False
    return (low is not None and low > 0 and value >= low) or (high is not None and value > high)


def session_confidence(attribution_confidence: str, *, transcript_unreliable: bool) -> Confidence:
    """The confidence a session's measures start from (the ``attribution_confidence`` of ``measure_session``).

    Parameters
    ----------
    attribution_confidence : {"low", "medium", "high"}
        Who-spoke-when quality of the attribution.
    transcript_unreliable : bool
        Whether the quality check found the transcript unreliable (:class:`pipeline.types.QualityCheck`).

    Returns
    -------
    {"low", "medium", "high"}
        "low" when the transcript is unreliable, else ``attribution_confidence``.

    Raises
    ------
    InvalidParameterError
        ``attribution_confidence`` is not one of :data:`pipeline.types.base.CONFIDENCE_LEVELS`.
    """
    level = CONFIDENCE_LEVELS[rank(attribution_confidence)]
    return "low" if transcript_unreliable else level


def base_confidence(duration_s: float, attribution_confidence: str) -> Confidence:
    """Every indicator's starting confidence: the attribution's confidence, at most "medium" under 10 minutes.

    A session under 2 minutes starts from "medium" too; :func:`clear_in_short` then decides, indicator by
    indicator, what keeps it (:func:`pipeline.measures.indicator_spec.build`).
    """
    return cap(length_confidence(max(duration_s, MEDIUM_FROM_S)), attribution_confidence)
