"""Two sessions side by side: each change with its 95 % interval, and what changed since last time."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from pipeline.measures.indicator_spec import COUNTED_UNITS
from pipeline.measures.stats import difference_ci, outside_by
from pipeline.report.cards import indicator_cards
from pipeline.report.text import indicators_of, md_escape, range_text
from pipeline.types import (
    Indicator,
    Report,
)


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
        (:func:`pipeline.report.compare.compare_reports`), in card order: name, the
        two values, the interval of the change and, where the indicator has a
        good range, whether this session is now in it, closer, or further.
    n_unclear : int
        How many other indicators had an interval in both sessions but no clear change.
    """
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


#: The ``change`` column of :func:`compare_reports`: the 95 % interval of B - A lies above 0, below 0, or holds 0.
CHANGE_UP, CHANGE_DOWN, CHANGE_UNCLEAR = "higher in B", "lower in B", "no clear change"
#: The ``good range`` column of :func:`compare_reports`, for a clear change: where B stands against A.
RANGE_NOW_IN, RANGE_CLOSER = "now in the good range", "closer to the good range"
RANGE_NOW_OUT, RANGE_FURTHER = "now out of the good range", "further from the good range"

COMPARE_COLUMNS = ["indicator", "id", "unit", "A", "B", "B - A", "B - A 95 %", "change", "good range", "band"]


def _range_verdict(a: float, b: float, low: float | None, high: float | None) -> str:
    if low is None and high is None:
        return ""
    da, db = outside_by(a, (low, high)), outside_by(b, (low, high))
    if db < da:
        return RANGE_NOW_IN if db == 0 else RANGE_CLOSER
    if db > da:
        return RANGE_NOW_OUT if da == 0 else RANGE_FURTHER
    return ""


def compare_reports(a: Report | Sequence[Indicator], b: Report | Sequence[Indicator]) -> pd.DataFrame:
    """Two sessions side by side: one row per indicator in either, values, change (b - a) and band.

    Parameters
    ----------
    a, b : Report or sequence of Indicator
        The earlier (or reference) session and the other one; their
        indicators alone will do (:meth:`pipeline.library.store.Store.indicators`,
        :func:`pipeline.io.reportjson.read_indicators`).

    Returns
    -------
    DataFrame
        Columns :data:`COMPARE_COLUMNS`. Where both sessions give the indicator
        a 95 % interval (``Indicator.ci95``), "B - A 95 %" is the interval of the
        change (:func:`pipeline.measures.stats.difference_ci`) as text and ``change``
        says whether it is clear of 0 (:data:`CHANGE_UP`, :data:`CHANGE_DOWN`)
        or not (:data:`CHANGE_UNCLEAR`): a trainer can tell a real change from
        the noise of a few turns. Both "" otherwise. A count of what happened
        (confidentiality promised or not, affirmations:
        :data:`pipeline.measures.indicator_spec.COUNTED_UNITS`) has no interval; its "good
        range" says where it went into or out of its range (a promise made
        in A and not in B), and nothing for a count that moved within it. For a clear change of an
        indicator with a good range, "good range" says where B stands against
        A: :data:`RANGE_NOW_IN`, :data:`RANGE_CLOSER`, :data:`RANGE_NOW_OUT`,
        :data:`RANGE_FURTHER`, or "" (no nearer nor further, e.g. inside it
        both times).
    """
    ia = {i.id: i for i in indicators_of(a)}
    ib = {i.id: i for i in indicators_of(b)}
    rows = []
    for iid in list(ia) + [k for k in ib if k not in ia]:
        ref = ia.get(iid) or ib[iid]
        x, y = ia.get(iid), ib.get(iid)
        va = x.value if x else None
        vb = y.value if y else None
        both = va is not None and vb is not None
        ci_text = change = verdict = ""
        if both and x.ci95 is not None and y.ci95 is not None:
            low, high = difference_ci(va, x.ci95, vb, y.ci95)
            ci_text = range_text(low, high, ref.unit)
            change = CHANGE_UP if low > 0 else CHANGE_DOWN if high < 0 else CHANGE_UNCLEAR
            if change != CHANGE_UNCLEAR:
                verdict = _range_verdict(va, vb, y.band_low, y.band_high)
        elif both and ref.unit in COUNTED_UNITS:  # what happened, counted: no interval, but in or out is plain
            verdict = _range_verdict(va, vb, y.band_low, y.band_high)
            verdict = verdict if verdict in (RANGE_NOW_IN, RANGE_NOW_OUT) else ""
        rows.append({"indicator": ref.name, "id": iid, "unit": ref.unit, "A": va, "B": vb,
                     "B - A": (vb - va) if both else None, "B - A 95 %": ci_text, "change": change,
                     "good range": verdict, "band": _band(ref.band_low, ref.band_high)})
    return pd.DataFrame(rows, columns=COMPARE_COLUMNS)


def _band(low, high) -> str:
    if low is None and high is None:
        return ""
    if high is None:
        return f">= {low:g}"
    if low is None:
        return f"<= {high:g}"
    return f"{low:g}-{high:g}"


