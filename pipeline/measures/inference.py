"""The few tests and intervals the measures use, from ``scipy.special`` alone.

``scipy.stats`` takes about half a second to import, a quarter of the two seconds a transcript's analysis is
allowed (issue 20); ``scipy.special`` a quarter of that. These follow scipy 1.17's own formulas
(``binomtest(...).proportion_ci(method="wilson")``, ``chi2.ppf``, ``ttest_rel``, ``ttest_ind(equal_var=False)``,
``pearsonr`` and their ``confidence_interval``), two-sided at 95 %; ``tests/test_measures.py`` checks them
against ``scipy.stats`` on random data.
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np
from scipy import special

_LEVEL = 0.95


class TestResult(NamedTuple):
    """A test's statistic, two-sided p-value and 95 % interval (NaN where undefined)."""

    statistic: float
    pvalue: float
    low: float
    high: float


def wilson_ci(k: int, n: int) -> tuple[float, float]:
    """Wilson's 95 % interval of a proportion ``k / n`` (``n > 0``), as ``scipy.stats.binomtest``."""
    p = k / n
    z = special.ndtri(0.5 + 0.5 * _LEVEL)
    denom = 2 * (n + z**2)
    center = (2 * n * p + z**2) / denom
    delta = z / denom * math.sqrt(4 * n * p * (1 - p) + z**2)
    return (0.0 if k == 0 else float(center - delta)), (1.0 if k == n else float(center + delta))


def chi2_ppf(q: float, df: float) -> float:
    """Quantile ``q`` of the chi-squared distribution with ``df`` degrees of freedom (``scipy.stats.chi2.ppf``)."""
    return float(2 * special.gammaincinv(df / 2, q))


def _var(x: np.ndarray) -> float:
    """Sample variance (ddof 1) by scipy's steps: the mean squared deviation, times n / (n - 1)."""
    n = len(x)
    return float(np.mean((x - np.mean(x, keepdims=True)) ** 2) * (n / (n - 1)))


def _t_test(mean: float, denom: float, df: float) -> TestResult:
    with np.errstate(divide="ignore", invalid="ignore"):
        t = np.float64(mean) / np.float64(denom)
        p = float(2 * special.stdtr(df, -np.abs(t)))
        lo, hi = special.stdtrit(df, np.array([(1 - _LEVEL) / 2, 1 - (1 - _LEVEL) / 2]))
        return TestResult(float(t), p, float(lo * denom + mean), float(hi * denom + mean))


def ttest_rel(a: np.ndarray, b: np.ndarray) -> TestResult:
    """Paired t-test of ``a - b`` against 0 (``scipy.stats.ttest_rel``), at least 2 pairs."""
    d = np.asarray(a, dtype=float) - np.asarray(b, dtype=float)
    n = len(d)
    return _t_test(float(np.mean(d)), float(np.sqrt(_var(d) / n)), n - 1.0)


def welch_ttest(a: np.ndarray, b: np.ndarray) -> TestResult:
    """Welch's t-test of ``mean(a) - mean(b)`` (``scipy.stats.ttest_ind(a, b, equal_var=False)``)."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    n1, n2 = len(a), len(b)
    v1, v2 = _var(a) / n1, _var(b) / n2
    with np.errstate(divide="ignore", invalid="ignore"):
        df = (v1 + v2) ** 2 / (v1**2 / (n1 - 1) + v2**2 / (n2 - 1))
    df = 1.0 if np.isnan(df) else df  # both variances 0: any df will do
    return _t_test(float(np.mean(a) - np.mean(b)), float(np.sqrt(v1 + v2)), float(df))


def pearsonr(x: np.ndarray, y: np.ndarray) -> TestResult:
    """Pearson's r, its p-value and Fisher's 95 % interval (``scipy.stats.pearsonr``); neither input constant."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    n = len(x)
    xm, ym = x - np.mean(x, keepdims=True), y - np.mean(y, keepdims=True)
    xmax, ymax = np.max(np.abs(xm), keepdims=True), np.max(np.abs(ym), keepdims=True)
    normxm = xmax * np.linalg.vector_norm(xm / xmax, keepdims=True)  # scipy's own steps, for the same last bits
    normym = ymax * np.linalg.vector_norm(ym / ymax, keepdims=True)
    r = float(np.clip(np.vecdot(xm / normxm, ym / normym), -1.0, 1.0))
    if n == 2:
        return TestResult(float(np.round(r)), 1.0, -1.0, 1.0)
    ab = n / 2 - 1
    p = float(2 * special.betaincc(ab, ab, (abs(r) + 1) / 2))
    if n <= 3:
        return TestResult(r, p, -1.0, 1.0)
    with np.errstate(divide="ignore"):
        zr, se = np.arctanh(r), np.sqrt(1 / (n - 3.0))
    h = special.ndtri(0.5 + _LEVEL / 2)
    return TestResult(r, p, float(np.tanh(zr - h * se)), float(np.tanh(zr + h * se)))
