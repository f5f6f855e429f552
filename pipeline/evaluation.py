"""Scoring against ground truth: word error rate (and, with the speaker stage, DER).

Used by the tests and the benchmarks. ``jiwer`` is a development dependency
(``pip install -e .[dev]``).
"""

from __future__ import annotations

import re

# Whisper spells acknowledgement tokens many ways; count them as one word.
_FILLERS = {
    "mmhmm": "mmhm", "mhm": "mmhm", "mmhm": "mmhm", "mhmm": "mmhm", "uhhuh": "uhhuh", "uh-huh": "uhhuh",
    "hmm": "hmm", "hm": "hmm", "okay": "okay", "ok": "okay",
}


def normalize_text(text: str) -> str:
    """Lower-case, drop punctuation (apostrophes inside words kept), unify filler spellings.

    ``"Mm-hmm, OK."`` -> ``"mmhm okay"``
    """
    text = text.lower().replace("’", "'")
    text = re.sub(r"(?<=\w)-(?=\w)", "", text)  # mm-hm -> mmhm, follow-up -> followup
    text = re.sub(r"[^\w' ]+", " ", text)
    words = [w.strip("'") for w in text.split()]
    return " ".join(_FILLERS.get(w, w) for w in words if w)


def word_error_rate(reference: str, hypothesis: str) -> float:
    """WER of ``hypothesis`` against ``reference`` after :func:`normalize_text`; 0 is perfect."""
    import jiwer

    ref, hyp = normalize_text(reference), normalize_text(hypothesis)
    if not ref:
        return 0.0 if not hyp else 1.0
    return float(jiwer.wer(ref, hyp))
