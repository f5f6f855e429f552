"""Shared checks and fixed choices (``Literal`` types) of every layer's types."""

from __future__ import annotations

from pipeline.errors import InvalidParameterError


def check_range(name: str, value: float, lo: float, hi: float) -> None:
    if not lo <= value <= hi:
        raise InvalidParameterError(f"{name} must be in [{lo}, {hi}], got {value}")
