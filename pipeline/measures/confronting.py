"""Judging, read from a turn's words: the one definition of MITI 4.2.1 "Confront" for a turn.

:func:`confronting` finds the phrases of :mod:`pipeline.measures.judging_cues` that blame, label, shame or doubt the
other person in a sentence, unless the words just before undo them; :func:`argues_back` finds their point granted
and argued back ("yes, but ..."), which may take two sentences. :mod:`pipeline.measures.helping` reads both for
every turn it codes (``TurnCode.confronting``).
"""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.measures import judging_cues as judging
from pipeline.measures.helping_cues import REASSURING_RE
from pipeline.measures.reflections import plain_text


def confronting(text: str) -> str:
    """The words with which a sentence blames, criticises, labels or doubts the other person ("" for none).

    MITI 4.2.1 "Confront" (:data:`judging.CONFRONT_RE`), unless one of the three words before it negates it or
    reports someone's words or feelings (:data:`judging.NOT_CONFRONT_BEFORE`: "it's not your fault", "she said you
    were lazy", "you feel like it's all your fault": the mentee's own self-blame given back); a motive imputed in the
    form of a reflection (:data:`judging.IMPUTED_RE`: "it sounds like you're looking for reasons not to") unless a
    negation or their own feeling comes before it (:data:`judging.IMPUTED_UNDONE_BY`). A confronting
    sentence is never coded as a reflection (:func:`pipeline.measures.helping.sentence_behaviour`).
    """
    plain = plain_text(text)
    for m in judging.CONFRONT_RE.finditer(plain):
        words = plain[:m.start()].split()
        if not any(_undoes(words, k) for k in range(max(0, len(words) - 3), len(words))):
            return m.group(0).strip()
    for m in judging.IMPUTED_RE.finditer(plain):  # a motive imputed, "it sounds like" or not
        words = plain[:m.start()].split()[-3:]
        if not any(w in judging.IMPUTED_UNDONE_BY or w.endswith("n't") for w in words):
            return m.group(0).strip()
    return ""


def argues_back(sentences: Sequence[str]) -> str:
    """The words with which a turn grants the other person's point and argues back ("" for none).

    "Yes, but" (:data:`judging.ARGUES_BACK_RE`) at the start of any of the turn's sentences, an acknowledgement
    said as a sentence of its own read with the "But ..." after it ("I get it. But that's the most important part.",
    as "I get it, but ..." is), so that the same words are read alike with or without punctuation; not where the
    rest of the turn reassures (:data:`pipeline.measures.helping_cues.REASSURING_RE`: "Sure, sure. But it'll work
    itself out."). MITI 4.2.1 hears it as Confront (disagreeing, arguing) and as Persuade: the turn is judging
    (``TurnCode.confronting``) and advice without permission (:mod:`pipeline.measures.helping`).

    Parameters
    ----------
    sentences : sequence of str
        The turn's sentences as :func:`pipeline.measures.reflections.plain_text` gives them, in order.
    """
    for i in range(len(sentences)):
        rest = " ".join(sentences[i:])
        if (m := judging.ARGUES_BACK_RE.match(rest)) and not REASSURING_RE.search(rest):
            return m.group(0).strip()
    return ""


#: Verbs of a view that report the mentee's ("you think you're lazy"), not when the speaker's own ("I think you're
#: reading a lot into it", "I honestly think that was a mistake": their judgement, said as theirs).
_OWN_VIEW = frozenset("think thought believe feel felt".split())
#: Words after which "like" reports a feeling or a look ("you feel like it's all your fault", "it sounds like ..."),
#: where elsewhere it is a filler.
_LIKE_REPORTS = frozenset("feel feels felt feeling seem seems seemed sound sounds sounded look looks looked".split())


def _undoes(words: list[str], k: int) -> bool:
    """Whether ``words[k]``, one of the three words before a confronting phrase, undoes it
    (:data:`judging.NOT_CONFRONT_BEFORE`, a negation), unless it is "I think" (or "I honestly think") said of it."""
    w = words[k]
    if not (w in judging.NOT_CONFRONT_BEFORE or w.endswith("n't")):
        return False
    if w == "like" and not (k >= 1 and words[k - 1] in _LIKE_REPORTS):
        return False  # a filler ("but like, that's a bit dramatic"), not "you feel like ..."
    own = w in _OWN_VIEW and (k >= 1 and words[k - 1] == "i" or k >= 2 and words[k - 2] == "i" and words[k - 1].endswith("ly"))
    return not own
