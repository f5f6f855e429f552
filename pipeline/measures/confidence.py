"""The one confidence rule: how far an indicator, or a whole session, can be trusted.

Levels are :data:`pipeline.types.base.CONFIDENCE_LEVELS` ("low", "medium", "high", lowest first). A value is
never trusted more than what it rests on: :func:`cap` keeps the lowest of the levels it is given. A session
starts from :func:`session_confidence` (who-spoke-when quality, "low" for an unreliable transcript) capped by
:func:`length_confidence` (how long it is); each indicator may cap that further (few turns, no word times) and
its 95 % interval may bring it down to "low" (see :mod:`pipeline.measures.indicator_spec`).
"""

from __future__ import annotations

from pipeline.errors import InvalidParameterError
from pipeline.types.base import CONFIDENCE_LEVELS, Confidence

#: Session length from which indicators can be "high" confidence, seconds (10 minutes).
HIGH_FROM_S = 600.0
#: Session length from which indicators can be "medium" confidence, seconds (2 minutes); shorter ones are "low".
MEDIUM_FROM_S = 120.0


def rank(conf: str) -> int:
    """Position of ``conf`` among the levels, lowest first: "low" 0, "medium" 1, "high" 2.

    Raises
    ------
    InvalidParameterError
        ``conf`` is not one of :data:`pipeline.types.base.CONFIDENCE_LEVELS`.
    """
    try:
        return CONFIDENCE_LEVELS.index(conf)  # type: ignore[arg-type]
    except ValueError:
        raise InvalidParameterError(f"confidence {conf!r} is not one of {CONFIDENCE_LEVELS}") from None


def cap(conf: str, *caps: str) -> Confidence:
    """The lowest of ``conf`` and every level in ``caps``: a value is trusted no more than what it rests on.

    ``cap("high", "medium")`` is "medium"; ``cap("low", "high")`` is "low"; ``cap("medium")`` is "medium".

    Raises
    ------
    InvalidParameterError
        A level that is not one of :data:`pipeline.types.base.CONFIDENCE_LEVELS`.
    """
    return CONFIDENCE_LEVELS[min(rank(c) for c in (conf, *caps))]


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
    """Every indicator's starting confidence: the session's length rule capped by the attribution's confidence."""
    return cap(length_confidence(duration_s), attribution_confidence)
