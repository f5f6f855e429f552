"""95 % intervals of the indicators, and where a value lies against its good range.

Shares of turns or questions get Wilson intervals (:func:`share_ci`), counts per minute exact Poisson
(Garwood) intervals (:func:`rate_ci`), ratios of session totals and medians a percentile bootstrap over
exchanges or replies (:func:`bootstrap_ci`, :func:`median_ci`), a change in mean turn length Welch's interval
(:func:`relative_mean_change`). :func:`difference_ci` gives the interval of the change between two sessions;
:func:`band_edge_within` and :func:`outside_by` place a value, or its interval, against a band.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence

import numpy as np

from pipeline.measures.inference import chi2_ppf, welch_ttest, wilson_ci

#: Resamples drawn for a bootstrap interval (:func:`bootstrap_ci`); the seed is fixed so a report is reproducible.
BOOT_RESAMPLES = 2000
#: Fewest exchanges or replies a bootstrap interval is drawn from; with fewer, none is given.
MIN_BOOT_UNITS = 5


def rounded(x: float | None, nd: int = 2) -> float | None:
    """``x`` rounded to ``nd`` decimals as a plain float; None for None or NaN."""
    return None if x is None or (isinstance(x, float) and np.isnan(x)) else round(float(x), nd)


def share_ci(k: int, n: int) -> tuple[float, float] | None:
    """95 % Wilson interval, in percent (0-100), of a share of ``k`` in ``n`` turns or questions; None when ``n`` is 0."""
    if n <= 0:
        return None
    low, high = wilson_ci(k, n)
    return low * 100, high * 100


def rate_ci(k: int, minutes: float) -> tuple[float, float] | None:
    """Exact (Garwood) 95 % Poisson interval, per 10 minutes, of ``k`` events counted in ``minutes``; None for no time."""
    if minutes < 1e-6:
        return None
    low = chi2_ppf(0.025, 2 * k) / 2 if k else 0.0
    high = chi2_ppf(0.975, 2 * k + 2) / 2
    return low / minutes * 10, high / minutes * 10


def total(x: np.ndarray) -> np.ndarray:
    """Sum over the last axis: the session total of each resample in a :func:`bootstrap_ci` statistic."""
    return x.sum(axis=-1)


def bootstrap_ci(columns: np.ndarray, statistic: Callable[..., np.ndarray], *, n_resamples: int = BOOT_RESAMPLES,
                 seed: int = 0) -> tuple[float, float] | None:
    """95 % percentile bootstrap interval of ``statistic`` over units resampled with replacement.

    Parameters
    ----------
    columns : array, shape (k, n_units)
        One row per quantity, one column per unit (an exchange, a reply);
        a resample keeps each unit's quantities together.
    statistic : callable
        ``statistic(*rows)``, each row of shape (n_resamples, n_units), returns
        shape (n_resamples,), reducing over the last axis.
    n_resamples : int
        Resamples drawn (default :data:`BOOT_RESAMPLES`).
    seed : int
        Seed of the resampling, fixed so that a report is reproducible.

    Returns
    -------
    (low, high) or None
        In the statistic's unit. None under :data:`MIN_BOOT_UNITS` units, or
        when more than 5 % of the resamples leave the statistic undefined (a
        denominator of 0).

    Notes
    -----
    Resamples where the statistic is undefined (no mentee words drawn, say)
    are dropped before the percentiles are taken. ``scipy.stats.bootstrap``
    returns NaN for the whole interval then, which is why this is written out.
    """
    data = np.asarray(columns, dtype=float)
    if data.ndim != 2 or data.shape[1] < MIN_BOOT_UNITS:
        return None
    idx = np.random.default_rng(seed).integers(0, data.shape[1], size=(n_resamples, data.shape[1]))
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):  # inf and NaN are dropped just below
        vals = np.asarray(statistic(*data[:, idx]), dtype=float)
    vals = vals[np.isfinite(vals)]
    if len(vals) < 0.95 * n_resamples:
        return None
    lo, hi = np.percentile(vals, [2.5, 97.5])
    return float(lo), float(hi)


def median_ci(values: Sequence[float]) -> tuple[float, float] | None:
    """95 % bootstrap interval of the median of ``values`` (response gaps, seconds); None under 5 values."""
    return bootstrap_ci(np.asarray([values], dtype=float), lambda v: np.median(v, axis=-1))


def relative_mean_change(first: Sequence[float], second: Sequence[float]
                         ) -> tuple[float | None, tuple[float, float] | None]:
    """Change of the mean from ``first`` to ``second``, in percent of the first mean, and its 95 % interval.

    Parameters
    ----------
    first, second : sequence of float
        The two halves' values (words per turn), each non-empty.

    Returns
    -------
    change : float or None
        ``(mean(second) - mean(first)) / mean(first) * 100``; None when the first mean is 0.
    ci : (low, high) or None
        Welch's interval of the difference in means, in percent of the first
        mean, its low end at least -100 (the values are >= 0); None when the
        first mean is 0, when both halves are constant, or when it is undefined.
    """
    a = float(np.mean(first))
    change = (np.mean(second) - a) / a * 100 if a else None
    if not a or (np.ptp(first) <= 0 and np.ptp(second) <= 0):
        return change, None
    # A half of equal lengths is exact, not imprecise: scipy's warning about identical data does not apply.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        ci = welch_ttest(second, first)
    # the values are counts (>= 0): the second mean cannot fall more than 100 % below the first
    return change, None if np.isnan(ci.low) else (max(ci.low / a * 100, -100.0), ci.high / a * 100)


def band_edge_within(ci: tuple[float, float] | None, band: tuple[float | None, float | None]) -> float | None:
    """The edge of the good range ``band`` (low, high; None for an open end) strictly inside the interval ``ci``.

    None when there is none (or no interval): the value is then clearly on one
    side of each edge. A value whose interval holds an edge is "too few turns to tell".
    """
    return next((x for x in band if x is not None and ci is not None and ci[0] < x < ci[1]), None)


def outside_by(value: float, band: tuple[float | None, float | None]) -> float:
    """How far ``value`` lies outside the good range ``band`` (low, high; None for an open end), in its unit.

    0 inside it.
    """
    low, high = band
    return max(0.0 if low is None else low - value, 0.0 if high is None else value - high, 0.0)


def difference_ci(a: float, a_ci: tuple[float, float], b: float, b_ci: tuple[float, float]) -> tuple[float, float]:
    """95 % interval of the change ``b - a`` between two independent estimates, from their own 95 % intervals.

    MOVER, the method of variance estimates recovery (Zou & Donner 2008,
    Statistics in Medicine 27:1693; for two Wilson intervals it is Newcombe's
    1998 method 10): each side of the change takes the two half-widths on that
    side, so skewed intervals (shares near 0 or 100 %, bootstrap intervals)
    keep their shape. Two sessions of the same pair are treated as independent
    samples of turns.

    Parameters
    ----------
    a, b : float
        The two values, same unit (``a`` the earlier or reference session).
    a_ci, b_ci : tuple of (float, float)
        Their 95 % intervals (low, high), each holding its value.

    Returns
    -------
    tuple of (float, float)
        Low and high end of the interval of ``b - a``, in the values' unit. When
        it does not hold 0 the change is larger than the two sessions' sampling
        noise.
    """
    d = b - a
    low = d - np.hypot(b - b_ci[0], a_ci[1] - a)
    high = d + np.hypot(b_ci[1] - b, a - a_ci[0])
    return float(low), float(high)
