"""The indicator table: every indicator Rapport shows, in the order of ``docs/indicators.md``.

Each entry is an :class:`pipeline.measures.indicator_spec.IndicatorSpec` (id, name, unit, band and its source,
course theme, explanation, and the function that reads it from a session), defined with the others of its theme:

* :mod:`pipeline.measures.indicators_listening`: talk shares, monologues, pace of turns, pauses, interruptions,
  listening signals;
* :mod:`pipeline.measures.indicators_questions`: the mentor's questions;
* :mod:`pipeline.measures.indicators_helping`: the mentor's reflections, affirmations and advice (the coder);
* :mod:`pipeline.measures.indicators_matching`: matching pace, loudness, pitch, style and words;
* :mod:`pipeline.measures.indicators_safety`: remembering, sharing, confidentiality, psychological safety.

Adding an indicator is one entry there (and its tests); :func:`build_indicators` measures them all.
"""

from __future__ import annotations

from collections import Counter

from pipeline.errors import InvalidParameterError
from pipeline.measures.context import SessionContext
from pipeline.measures.indicator_spec import IndicatorSpec, build
from pipeline.measures.indicators_helping import HELPING
from pipeline.measures.indicators_listening import LISTENING
from pipeline.measures.indicators_matching import MATCHING
from pipeline.measures.indicators_questions import QUESTIONS
from pipeline.measures.indicators_safety import SAFETY, SHARING
from pipeline.types import Indicator

#: Every indicator, in the order the report shows them.
INDICATORS: tuple[IndicatorSpec, ...] = (*LISTENING, *QUESTIONS, *HELPING, *MATCHING, *SHARING, *SAFETY)

_twice = [i for i, n in Counter(spec.id for spec in INDICATORS).items() if n > 1]
if _twice:
    raise InvalidParameterError(f"indicator ids defined more than once: {_twice}")


def build_indicators(ctx: SessionContext, specs: tuple[IndicatorSpec, ...] = INDICATORS) -> tuple[Indicator, ...]:
    """Every indicator of ``specs`` (default :data:`INDICATORS`) measured in the session ``ctx``, in their order."""
    return tuple(build(spec, ctx) for spec in specs)
