"""Scoring against ground truth: word error rate (and, with the speaker stage, DER).

Used by the tests and the benchmarks. ``jiwer`` is a development dependency
(``pip install -e .[dev]``).
"""

from __future__ import annotations

import re

from pipeline.types import SpeakerSegment

# Whisper spells acknowledgement tokens many ways; count them as one word.
_FILLERS = {
    "mmhmm": "mmhm", "mhm": "mmhm", "mmhm": "mmhm", "mhmm": "mmhm", "uhhuh": "uhhuh", "uh-huh": "uhhuh",
    "hmm": "hmm", "hm": "hmm", "okay": "okay", "ok": "okay",
}


def normalize_text(text: str) -> str:
    """Lower-case, drop punctuation (apostrophes inside words kept), unify filler spellings.

    A hyphenated word is one word, also when it comes as Whisper's word tokens joined by spaces (the second
    part starts with the hyphen: ``"off -site"``). ``"Mm-hmm, OK."`` -> ``"mmhm okay"``;
    ``"uh -huh"`` -> ``"uhhuh"``.
    """
    text = text.lower().replace("’", "'")
    text = re.sub(r"(?<=\w) ?-(?=\w)", "", text)  # mm-hm -> mmhm, follow-up -> followup, "off -site" -> offsite
    text = re.sub(r"[^\w' ]+", " ", text)
    words = [w.strip("'") for w in text.split()]
    return " ".join(_FILLERS.get(w, w) for w in words if w)


def word_error_rate(reference: str, hypothesis: str) -> float:
    """WER of ``hypothesis`` against ``reference`` after :func:`normalize_text` and :func:`fold_compounds`.

    0 is perfect; can exceed 1.
    """
    import jiwer

    ref, hyp = scored_words(reference, hypothesis)
    if not ref:
        return 0.0 if not hyp else 1.0
    return float(jiwer.wer(" ".join(ref), " ".join(hyp)))


def scored_words(reference: str, hypothesis: str) -> tuple[list[str], list[str]]:
    """The reference's and the hypothesis's words as :func:`word_error_rate` compares them (for alignments)."""
    ref = normalize_text(reference).split()
    return ref, fold_compounds(ref, normalize_text(hypothesis).split())


def fold_compounds(reference: list[str], hypothesis: list[str]) -> list[str]:
    """The hypothesis's words with compounds spaced as the reference spaces them.

    A compound written open, closed or hyphenated is one spelling difference, not a recognition error (the
    alternates of NIST's GLM scoring files): two adjacent hypothesis words whose letters make a reference word
    are joined (``"off site"`` -> ``"offsite"``, ``"uh huh"`` -> ``"uhhuh"``) unless the reference itself has
    that pair; a hypothesis word that the reference writes as two adjacent words is split. Only spacing
    changes: every letter stays where it was.

    Parameters
    ----------
    reference, hypothesis : list of str
        Normalised words (:func:`normalize_text`).

    Returns
    -------
    list of str
        The hypothesis's words, the same letters in the same order.
    """
    vocab = set(reference)
    adjacent = set(zip(reference, reference[1:], strict=False))
    split = {a + b: (a, b) for a, b in adjacent}
    out: list[str] = []
    i = 0
    while i < len(hypothesis):
        word = hypothesis[i]
        nxt = hypothesis[i + 1] if i + 1 < len(hypothesis) else None
        if nxt is not None and word + nxt in vocab and (word, nxt) not in adjacent:
            out.append(word + nxt)
            i += 2
            continue
        out += list(split[word]) if word not in vocab and word in split else [word]
        i += 1
    return out


# --------------------------------------------------------------------------
# Speaker attribution (issue 3)
# --------------------------------------------------------------------------

#: Collar used throughout Rapport's diarization figures: 0.25 s on EACH side of
#: every reference boundary (the NIST md-eval ``-c 0.25`` convention; pyannote's
#: ``collar`` argument is the total width, so this is ``collar=0.5`` there).
COLLAR_S = 0.25


def _annotation(segments):
    from pyannote.core import Annotation, Segment

    ann = Annotation()
    for i, g in enumerate(segments):
        if g.end_s > g.start_s:
            ann[Segment(float(g.start_s), float(g.end_s)), i] = g.speaker
    return ann


def diarization_error_rate(reference, hypothesis, *, collar_s: float = COLLAR_S, skip_overlap: bool = False) -> float:
    """Diarization error rate (missed + false alarm + confusion) / reference speech.

    Scored with ``pyannote.metrics`` (optimal speaker mapping; overlapping
    speech counted unless ``skip_overlap``).

    Parameters
    ----------
    reference, hypothesis : iterable of SpeakerSegment
        Any objects with ``speaker``, ``start_s``, ``end_s``.
    collar_s : float
        Forgiveness on each side of every reference boundary, seconds (0.25 by
        default, the NIST convention).

    Returns
    -------
    float
        0 is perfect; can exceed 1. 0 when both are empty.
    """
    from pyannote.metrics.diarization import DiarizationErrorRate

    ref, hyp = _annotation(reference), _annotation(hypothesis)
    if not ref.labels():
        return 0.0 if not hyp.labels() else 1.0
    metric = DiarizationErrorRate(collar=2 * collar_s, skip_overlap=skip_overlap)
    return float(metric(ref, hyp))


def speaker_mapping(reference, hypothesis) -> dict[str, str]:
    """Best one-to-one map from hypothesis labels to reference labels (by overlapping time)."""
    from pyannote.metrics.diarization import DiarizationErrorRate

    ref, hyp = _annotation(reference), _annotation(hypothesis)
    if not ref.labels() or not hyp.labels():
        return {}
    return {str(k): str(v) for k, v in DiarizationErrorRate().optimal_mapping(ref, hyp).items()}


def talk_share(segments) -> dict[str, float]:
    """Each speaker's share of the total speaking time, in percent (overlap counted for both)."""
    totals: dict[str, float] = {}
    for g in segments:
        totals[g.speaker] = totals.get(g.speaker, 0.0) + max(0.0, g.end_s - g.start_s)
    whole = sum(totals.values())
    return {k: 100.0 * v / whole for k, v in totals.items()} if whole > 0 else {}


def talk_share_error(reference, hypothesis) -> float:
    """Largest absolute talk-share difference over reference speakers, percentage points.

    Hypothesis labels are mapped to reference labels first
    (:func:`speaker_mapping`); an unmapped reference speaker has share 0.
    """
    mapping = speaker_mapping(reference, hypothesis)
    hyp = talk_share(hypothesis)
    mapped: dict[str, float] = {}
    for k, v in hyp.items():
        if k in mapping:
            mapped[mapping[k]] = mapped.get(mapping[k], 0.0) + v
    ref = talk_share(reference)
    return max((abs(ref[k] - mapped.get(k, 0.0)) for k in ref), default=0.0)


def word_attribution_accuracy(words, reference) -> float:
    """Share of words given to the right person, in [0, 1].

    Each word's true speaker is the reference speaker covering its midpoint
    (the nearest reference segment when none covers it); hypothesis labels
    are mapped to reference labels by :func:`speaker_mapping` over the words'
    own spans. A word with ``speaker=None`` counts as wrong.
    """
    words = [w for w in words if w.end_s >= w.start_s]
    ref = sorted(reference, key=lambda g: g.start_s)
    if not words or not ref:
        return 1.0 if not words else 0.0

    def true_speaker(w) -> str:
        mid = (w.start_s + w.end_s) / 2
        covering = [g for g in ref if g.start_s <= mid <= g.end_s]
        if covering:
            return max(covering, key=lambda g: min(g.end_s, w.end_s) - max(g.start_s, w.start_s)).speaker
        return min(ref, key=lambda g: min(abs(g.start_s - mid), abs(g.end_s - mid))).speaker

    truth = [true_speaker(w) for w in words]
    hyp_segs = [SpeakerSegment(w.speaker, w.start_s, max(w.end_s, w.start_s + 0.01)) for w in words if w.speaker]
    ref_segs = [SpeakerSegment(t, w.start_s, max(w.end_s, w.start_s + 0.01)) for t, w in zip(truth, words, strict=True)]
    mapping = speaker_mapping(ref_segs, hyp_segs)
    right = sum(1 for t, w in zip(truth, words, strict=True) if w.speaker and mapping.get(w.speaker) == t)
    return right / len(words)
