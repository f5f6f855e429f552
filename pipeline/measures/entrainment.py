"""Acoustic-prosodic entrainment at turn level, after Levitan & Hirschberg (2011).

Each feature is z-scored per speaker. Adjacent pairs are consecutive usable
turns of (leader, follower). With ``sim = -|z_follower - z_leader|``:

* **proximity**: mean partner similarity minus the mean similarity of the same
  follower turns to the leader's *non-adjacent* turns (the baseline); paired
  t-test between the two.
* **convergence**: Pearson r of partner similarity against time, and the mean
  similarity in the first and second half of the session.
* **synchrony**: Pearson r of follower and leader values over adjacent pairs.
* **gradual share**: share of the follower's consecutive turn-to-turn changes
  (raw units) below the abrupt threshold (the course: adjust smoothly).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from pipeline.measures import inference
from pipeline.types import EntrainmentResult


def _z(values: np.ndarray) -> np.ndarray:
    sd = values.std()
    return (values - values.mean()) / sd if sd > 1e-9 else np.zeros_like(values)


def _varies(x: np.ndarray) -> bool:
    """Whether ``x`` (z-scores or seconds) varies by more than rounding: a correlation with it is defined."""
    return bool(np.ptp(x) > 1e-9)


def _ci95(test, *, min_n: int | None = None) -> tuple[float, float] | None:
    """95 % confidence interval of a t-test or Pearson result (:mod:`pipeline.measures.inference`); None without one.

    A Pearson interval (Fisher z) needs at least 4 pairs (``min_n``).
    """
    if test is None or (min_n is not None and min_n < 4):
        return None
    low, high = float(test.low), float(test.high)
    return None if np.isnan(low) or np.isnan(high) else (low, high)


def _zscores(usable: Sequence[tuple[int, float, str, float]], speakers: Sequence[str]) -> dict[int, float]:
    """Position in the series -> the value z-scored among its speaker's usable turns."""
    zs: dict[int, float] = {}
    for spk in speakers:
        idx = [u for u in usable if u[2] == spk]
        if idx:
            for (i, *_), z in zip(idx, _z(np.array([u[3] for u in idx])), strict=True):
                zs[i] = float(z)
    return zs


def _gradual_share(values: Sequence[float], abrupt_change: float, relative_change: bool) -> float | None:
    """Share (0-1) of the changes between consecutive ``values`` (one speaker's turns, raw units) that are not abrupt.

    A change is abrupt above ``abrupt_change``, in the values' unit or, with ``relative_change``, in percent of
    the earlier value. None with fewer than 2 values.
    """
    changes = []
    for a, b in zip(values, values[1:], strict=False):
        d = abs(b - a)
        changes.append(d / abs(a) * 100.0 if relative_change and a else d)
    return float(np.mean([c <= abrupt_change for c in changes])) if changes else None


def entrainment(
    feature: str,
    series: Sequence[tuple[float, str, float | None]],
    *,
    follower: str,
    leader: str,
    abrupt_change: float,
    relative_change: bool = False,
) -> tuple[EntrainmentResult, list[tuple[int, int, float]]]:
    """Matching of ``follower`` to ``leader`` on one feature.

    Parameters
    ----------
    feature : str
        Feature name echoed in the result.
    series : sequence of (time_s, speaker, value or None)
        One entry per turn in time order; None marks an unusable turn (skipped).
    follower, leader : str
        Speaker labels.
    abrupt_change : float
        Change between the follower's consecutive turns above which it is
        abrupt (in the feature's unit, or percent if ``relative_change``).
    relative_change : bool
        Measure changes in percent of the previous value (pace).

    Returns
    -------
    result : EntrainmentResult
        Fields are None where fewer than 3 pairs exist.
    pairs : list of (leader position, follower position, similarity)
        Positions index ``series``; used for evidence.
    """
    usable = [(i, t, s, float(v)) for i, (t, s, v) in enumerate(series) if v is not None and s in (follower, leader)]
    zs = _zscores(usable, (follower, leader))
    pairs = [(a[0], b[0]) for a, b in zip(usable, usable[1:], strict=False) if a[2] == leader and b[2] == follower]
    leader_pos = [u[0] for u in usable if u[2] == leader]
    gradual = _gradual_share([u[3] for u in usable if u[2] == follower], abrupt_change, relative_change)
    if len(pairs) < 3:
        return EntrainmentResult(feature, follower, leader, len(pairs), gradual_share=gradual), []
    partner = np.array([-abs(zs[f] - zs[lead]) for lead, f in pairs])
    baseline = []
    for lead, f in pairs:
        others = [p for p in leader_pos if p != lead]
        baseline.append(np.mean([-abs(zs[f] - zs[o]) for o in others]) if others else np.nan)
    baseline = np.array(baseline)
    ok = ~np.isnan(baseline)
    times = np.array([series[f][0] for _, f in pairs])
    prox = inference.ttest_rel(partner[ok], baseline[ok]) if ok.sum() >= 3 else None
    prox_p = float(prox.pvalue) if prox is not None else None
    conv = inference.pearsonr(times, partner) if _varies(partner) and _varies(times) else None
    conv_r = float(conv.statistic) if conv is not None else None
    half = len(pairs) // 2
    xf = np.array([zs[f] for _, f in pairs])
    xl = np.array([zs[lead] for lead, _ in pairs])
    sync = inference.pearsonr(xl, xf) if _varies(xf) and _varies(xl) else None
    sync_r, sync_p = (float(sync.statistic), float(sync.pvalue)) if sync is not None else (None, None)
    result = EntrainmentResult(
        feature=feature,
        follower=follower,
        leader=leader,
        n_pairs=len(pairs),
        partner_similarity=float(partner.mean()),
        baseline_similarity=float(baseline[ok].mean()) if ok.any() else None,
        proximity=float(partner[ok].mean() - baseline[ok].mean()) if ok.any() else None,
        proximity_p=None if prox_p is None or np.isnan(prox_p) else prox_p,
        convergence_r=None if conv_r is None or np.isnan(conv_r) else conv_r,
        similarity_first_half=float(partner[:half].mean()) if half else None,
        similarity_second_half=float(partner[half:].mean()),
        synchrony_r=sync_r,
        synchrony_p=sync_p,
        gradual_share=gradual,
        proximity_ci95=_ci95(prox),
        convergence_ci95=_ci95(conv, min_n=len(pairs)),
        synchrony_ci95=_ci95(sync, min_n=len(pairs)),
    )
    return result, [(lead, f, float(s)) for (lead, f), s in zip(pairs, partner, strict=True)]
