"""Language measures: questions, key phrases, shared language, word matching, remembering, safety cues.

Nothing here relies on punctuation: Whisper often drops "?" and commas, so
questions are found from word order (wh-word in question position,
subject-auxiliary inversion, tag questions, "how about ..."). A final "?" is
never used as evidence either way. The spaCy ``nlp`` pipeline is passed in.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from pipeline.errors import InvalidParameterError
from pipeline.types import QuestionClass, SharedPhrase

WH_WORDS = frozenset({"what", "where", "when", "why", "who", "whom", "whose", "which", "how"})
AUXILIARIES = frozenset({
    "do", "does", "did", "is", "are", "was", "were", "am", "have", "has", "had", "can", "could", "will",
    "would", "shall", "should", "may", "might", "must", "'s", "'re", "ca", "wo", "sha",
})
#: Auxiliaries that also start imperatives ("do it", "have a look"): need a pronoun subject.
IMPERATIVE_AUX = frozenset({"do", "have"})
SUBJECT_PRONOUNS = frozenset({
    "i", "you", "we", "they", "he", "she", "it", "there", "that", "this", "these", "those", "anybody", "anyone",
    "somebody", "someone", "everybody", "everyone", "y'all", "ya", "u",
})
NEGATIONS = frozenset({"n't", "not", "nt"})
#: Words stripped from the start of a sentence before looking for question word order.
LEADING_FILLERS = frozenset({
    "uh", "um", "oh", "well", "so", "and", "but", "or", "okay", "ok", "now", "then", "yeah", "yes", "no", "right",
    "like", "alright", "hey", "hm", "hmm", "huh", "mm", "mhm", "anyway", "also", "see", "just", "ah", "eh", "actually",
    "wow", "gosh", "boy", "sure", "really", "plus", "because", "cause", "mean", "know", "listen", "look",
})
LEADING_PAIRS = (("you", "know"), ("i", "mean"), ("by", "the", "way"), ("let", "me", "ask"), ("tell", "me"))
WH_HEAD_WORDS = frozenset({
    "kind", "sort", "type", "many", "much", "long", "old", "often", "far", "big", "else", "time", "part", "year",
    "age", "way", "exactly", "come", "about", "day", "one", "ones", "things", "thing", "sorts", "kinds", "types",
    "other", "area", "school", "state", "city", "company",
})
_NOT_BEFORE_TAG_RIGHT = frozenset({"your", "you", "it", "is", "be", "'s", "'re", "done", "all", "that", "exactly",
                                   "just", "turn", "left", "do", "doing", "did", "alright", "okay", "yeah", "oh",
                                   "uh", "um", "well", "right", "quite", "not", "so", "very", "pretty"})
REPLY_STARTERS = frozenset({"so", "neither", "nor", "as", "than"})
TAG_END_STATEMENTS = (("that", "'s", "right"), ("all", "right"), ("'re", "right"), ("that", "right"),
                      ("is", "right"), ("right", "right"), ("exactly", "right"))

#: Hesitations dropped anywhere before reading word order (Whisper mostly drops them too).
HESITATIONS = frozenset({"uh", "um", "er", "erm", "ah", "eh", "hm", "hmm", "mm"})
#: "how" + one of these asks for a measure ("how old", "how long"); "how nice" is an exclamation.
HOW_MEASURE = frozenset({
    "old", "long", "far", "big", "many", "much", "often", "tall", "soon", "large", "high", "fast", "late", "early",
    "come", "about", "so", "else", "exactly", "small", "deep", "wide", "heavy", "hot", "cold", "bad", "serious",
})
#: Verbs that introduce reported speech: "they said why did you ..." reports a question, it does not ask one.
REPORTING_VERBS = frozenset({
    "said", "says", "say", "saying", "asked", "asks", "ask", "asking", "goes", "go", "went", "told", "tell", "thinking",
})
#: Listening responses in question form ("is that right", "did you really"): backchannels, not questions.
BACKCHANNEL_QUESTION_ENDS = frozenset({"right", "true", "so", "really"})
#: Endings that close a statement, not a tag: "..., you know", "..., I mean", "... or something".
TRAILING_PAIRS = (("you", "know"), ("i", "mean"), ("or", "something"), ("or", "anything"), ("or", "whatever"),
                  ("and", "stuff"), ("and", "everything"))

_WORD_RE = re.compile(r"[A-Za-z0-9']+")
_STRIP_RE = re.compile(r"[^\w\s'-]")


def strip_punctuation(text: str) -> str:
    """Text as Whisper might give it without punctuation: only letters, digits, apostrophes, hyphens, spaces."""
    return " ".join(_STRIP_RE.sub(" ", text).split())


def _lower_tokens(span) -> list[tuple[str, str, str]]:
    """(lower text, coarse POS, fine tag) of the non-punctuation tokens of a span."""
    return [(t.lower_, t.pos_, t.tag_) for t in span if not (t.is_punct or t.is_space)]


def _normalize(toks: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Drop hesitations, mid-sentence "you know" / "I mean" and immediate repeats ("how hard how hard is it")."""
    out = [t for t in toks if t[0] not in HESITATIONS] or toks
    words = [t[0] for t in out]
    keep = []
    i = 0
    while i < len(out):
        pair = tuple(words[i:i + 2])
        # "can, you know, be impressed": a discourse marker, unless it is asked ("do you know", "what do I mean")
        asked = i > 0 and words[i - 1] in ("do", "did", "does", "n't") and (
            i == 1 or words[i - 2] in WH_WORDS or words[i - 2] in LEADING_FILLERS or words[i - 2] == "do")
        if i > 0 and pair in (("you", "know"), ("i", "mean")) and not asked:
            i += 2
            continue
        keep.append(out[i])
        i += 1
    out = keep
    # restarts: a run of 1-3 words said twice in a row counts once
    changed = True
    while changed:
        changed = False
        w = [t[0] for t in out]
        for n in (3, 2, 1):
            for i in range(len(out) - 2 * n + 1):
                if w[i:i + n] == w[i + n:i + 2 * n]:
                    out = out[:i] + out[i + n:]
                    changed = True
                    break
            if changed:
                break
    while len(out) > 2 and tuple(t[0] for t in out[-2:]) in TRAILING_PAIRS:
        out = out[:-2]
    return out


def _strip_leading(toks: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    i = 0
    changed = True
    while changed and i < len(toks):
        changed = False
        for pair in LEADING_PAIRS:
            n = len(pair)
            if tuple(t[0] for t in toks[i:i + n]) == pair and i + n < len(toks):
                i += n
                changed = True
                break
        if not changed and toks[i][0] in LEADING_FILLERS and i + 1 < len(toks):
            # "so do i", "right" alone: keep a filler that is the whole sentence
            i += 1
            changed = True
        # repeated words ("do do you") count once; a restarted auxiliary ("are, have you been") too
        while i + 1 < len(toks) and (toks[i][0] == toks[i + 1][0] or (
                toks[i][0] in AUXILIARIES and toks[i + 1][0] in AUXILIARIES and i + 2 < len(toks)
                and _is_subject(toks[i + 2], pronoun_only=True))):
            i += 1
    return toks[i:]


def _is_subject(tok: tuple[str, str, str], *, pronoun_only: bool = False) -> bool:
    word, pos, tag = tok
    if word in SUBJECT_PRONOUNS:
        return True
    if pronoun_only:
        return False
    return pos in ("PRON", "DET", "NOUN", "PROPN", "NUM") and tag not in ("WDT", "WP") or word in ("your", "my", "his",
                                                                                                    "her", "our", "their")


def _inversion_at(toks: list[tuple[str, str, str]], i: int) -> bool:
    """Auxiliary at ``i`` followed (after an optional negation) by a subject: "do you", "isn't it", "has the"."""
    if i >= len(toks) or toks[i][0] not in AUXILIARIES or toks[i][1] not in ("AUX", "VERB", "PART", "NOUN", "PROPN"):
        return False
    j = i + 1
    if j < len(toks) and toks[j][0] in NEGATIONS:
        j += 1
    if j >= len(toks):
        return False
    # "was not a big deal" (subject left out) is a statement: a full "not" needs a pronoun subject
    return _is_subject(toks[j], pronoun_only=toks[i][0] in IMPERATIVE_AUX or toks[j - 1][0] == "not")


def _wh_question(toks: list[tuple[str, str, str]]) -> str:
    """Cue words if ``toks`` start a wh-question, else ""."""
    if not toks or toks[0][0] not in WH_WORDS:
        return ""
    w0 = toks[0][0]
    if len(toks) == 1:
        return w0 if w0 == "why" else ""  # a lone "how" / "what" is a restart or "pardon?", rarely a question
    w1, pos1, tag1 = toks[1]
    if w0 == "which" and w1 in AUXILIARIES and not (len(toks) > 2 and toks[2][0] in SUBJECT_PRONOUNS):
        return ""  # "which is a joke": a relative clause going on from the last utterance
    if (w0, w1) == ("who", "knows") or tuple(t[0] for t in toks[:4]) in (("why", "do", "n't", "you"),
                                                                          ("why", "do", "n't", "we")):
        return ""  # "who knows" (rhetorical), "why don't you start" (a suggestion)
    if w0 == "what" and any(t[0] in ("is", "was", "'s") for t in toks[2:5]) and not _inversion_at(toks, 1):
        return ""  # "what happened was ...", "what I'm saying is ..." (pseudo-cleft)
    if w0 == "how" and pos1 in ("ADJ", "ADV") and w1 not in HOW_MEASURE and len(toks) <= 3:
        return ""  # "how nice", "how interesting": an exclamation
    if len(toks) <= 3 and w0 == "how" and w1 in HOW_MEASURE:
        return f"{w0} {w1}"  # "how old", "how long"
    if w0 in ("where", "why", "when") and w1 in ("in", "at", "about", "on", "to", "from", "exactly"):
        return f"{w0} {w1}"  # "where in Colorado"
    if w0 == "which" and len(toks) <= 3 and pos1 in ("NOUN", "ADJ", "PROPN"):
        return f"{w0} {w1}"  # "which university"
    if w1 in ("about", "come") and w0 in ("how", "what"):
        return f"{w0} {w1}"
    if w1 in ("not", "else") and len(toks) <= 3:
        return f"{w0} {w1}"
    if _inversion_at(toks, 1) or (w1 in AUXILIARIES and pos1 == "AUX"):
        return f"{w0} {w1}"
    if w0 in ("who", "what", "which") and tag1 in ("VBD", "VBZ", "MD") and w1 not in AUXILIARIES:
        return f"{w0} {w1}"  # "who told you", "what happened"
    # "what kind of car are you...", "how many children do you...", "how old are you"
    if w1 in WH_HEAD_WORDS or pos1 in ("ADJ", "ADV", "NOUN"):
        for k in range(2, min(len(toks), 7)):
            if _inversion_at(toks, k):
                return " ".join(t[0] for t in toks[: k + 2])
            if toks[k][0] in SUBJECT_PRONOUNS and k + 1 < len(toks) and toks[k + 1][1] == "VERB":
                break
    return ""


def _tag_question(toks: list[tuple[str, str, str]]) -> str:
    """Cue words if the sentence ends in a tag: "..., isn't it", "..., right", "..., huh", "... or not"."""
    n = len(toks)
    if n < 3:
        return ""
    words = [t[0] for t in toks]
    if words[-1] == "right" and not any(tuple(words[-len(p):]) == p for p in TAG_END_STATEMENTS) and n >= 4 \
            and words[-2] not in _NOT_BEFORE_TAG_RIGHT and toks[-2][1] not in ("AUX", "VERB", "PRON", "ADV"):
        return "right"
    if words[-1] == "huh" and n >= 3 and words[-2] not in ("uh", "-", "uh-", "mm", "huh", "oh"):
        return "huh"
    if words[-2:] == ["or", "what"] and not ({"if", "whether"} & set(words)):
        return "or what"  # "... or not" mostly ends a statement ("whether they like it or not")
    # "... isn't it", "... don't you", "... is it", "... do you"
    if toks[-1][0] in SUBJECT_PRONOUNS and n >= 4:
        k = n - 2
        neg = words[k] in NEGATIONS
        if neg:
            k -= 1
        if k >= 1 and words[k] in AUXILIARIES and (neg or toks[k][1] == "AUX") and words[k - 1] not in REPLY_STARTERS:
            prev = toks[k - 1]
            if prev[0] not in WH_WORDS and prev[0] not in SUBJECT_PRONOUNS and prev[1] not in ("PRON", "SCONJ", "ADP"):
                return " ".join(words[k:])
    return ""


def _reported(toks: list[tuple[str, str, str]], i: int) -> bool:
    """True if the clause at ``i`` follows a reporting verb: "and they said, oh, why did you ..."."""
    j = i - 1
    while j >= 0 and toks[j][0] in LEADING_FILLERS and toks[j][0] not in REPORTING_VERBS:
        j -= 1
    return j >= 0 and toks[j][0] in REPORTING_VERBS


def _backchannel_question(core: list[tuple[str, str, str]]) -> bool:
    """ "Is that right", "did you really", "oh really": listening responses, not questions."""
    words = [t[0] for t in core]
    if not 2 <= len(words) <= 4 or words[-1] not in BACKCHANNEL_QUESTION_ENDS:
        return False
    return words[0] in AUXILIARIES and _is_subject(core[1], pronoun_only=True)


def classify_sentence(span) -> QuestionClass:
    """Classify one sentence (a spaCy ``Span`` or ``Doc``) as question or not, without using "?".

    Parameters
    ----------
    span : spacy.tokens.Span or spacy.tokens.Doc

    Returns
    -------
    QuestionClass
        ``kind`` is ``"wh"`` (open), ``"yes_no"``, ``"alternative"`` or ``"tag"`` (closed).
    """
    toks = _normalize(_lower_tokens(span))
    if not toks:
        return QuestionClass(False)
    started_with_or = toks[0][0] == "or"
    core = _strip_leading(toks)
    if _backchannel_question(core):
        return QuestionClass(False)
    cue = _wh_question(core)
    if cue:
        return QuestionClass(True, "wh", True, cue)
    if len(core) >= 2 and _inversion_at(core, 0):
        # "so do I" is a reply; a bare "is it" / "do you" is a backchannel question (listening), not a question
        if len(core) > 2 or (len(core) == 2 and core[0][0] in ("what", "how")):
            kind = "alternative" if started_with_or or " or " in f" {' '.join(t[0] for t in core)} " else "yes_no"
            return QuestionClass(True, kind, False, " ".join(t[0] for t in core[:3]))
    # Declarative questions with a clear cue: "you mean ...", "you ever been ...", "you ready"
    if len(core) >= 2 and core[0][0] == "you" and core[1][0] in ("mean", "ever", "ready"):
        return QuestionClass(True, "yes_no", False, f"you {core[1][0]}")
    cue = _tag_question(toks)
    if cue:
        return QuestionClass(True, "tag", False, cue)
    # A wh-question after a leading clause: "I need to know how do you feel about ...", "in Dallas what is the ..."
    for i in range(1, len(toks) - 2):
        if toks[i][0] in WH_WORDS and toks[i + 1][0] in AUXILIARIES and toks[i + 1][1] == "AUX" \
                and (toks[i + 2][0] in SUBJECT_PRONOUNS or toks[i + 2][0] in ("the", "your", "a", "my")) \
                and toks[i + 2][0] not in ("that", "this", "there") and toks[i - 1][1] != "AUX" \
                and (toks[i][0] not in ("who", "which", "whose") or toks[i + 2][0] in ("you", "i", "we", "they")) \
                and not (i + 3 < len(toks) and toks[i + 3][0] in ("is", "was")) and not _reported(toks, i):
            return QuestionClass(True, "wh", True, " ".join(t[0] for t in toks[i:i + 3]))
    # A question after a leading clause: "that's interesting did you notice that", "Nancy, do you have ..."
    for i in range(1, len(toks) - 1):
        if i == 1 and toks[0][1] != "PROPN":
            continue
        if toks[i][0] in ("do", "did", "does", "have", "are", "were", "can", "could", "would", "will") and \
                toks[i + 1][0] == "you" and toks[i - 1][1] not in ("PRON", "SCONJ", "ADP", "PART", "AUX") and \
                toks[i - 1][0] not in WH_WORDS and toks[i - 1][0] not in REPLY_STARTERS and \
                not (i + 2 < len(toks) and toks[i + 1][0] == "you" and toks[i + 2][0] == "know" and toks[i][0] == "do"
                     and i + 3 >= len(toks)) and not _reported(toks, i):
            if toks[i - 1][1] in ("NOUN", "ADJ", "ADV", "VERB", "INTJ", "PROPN", "NUM") or toks[i - 1][0] in LEADING_FILLERS:
                return QuestionClass(True, "yes_no", False, " ".join(t[0] for t in toks[i:i + 3]))
    return QuestionClass(False)


def _sentences(doc, *, min_words: int = 3) -> list:
    """The parser's sentences, a fragment shorter than ``min_words`` joined to the next one.

    Without punctuation the parser splits restarts ("is, is crime a problem")
    into pieces; a 1-2 word piece is read with what follows.
    """
    out = []
    start = None
    for sent in doc.sents:
        if start is None:
            start = sent.start
        n_words = sum(1 for t in doc[start:sent.end] if not (t.is_punct or t.is_space))
        if n_words >= min_words:
            out.append(doc[start:sent.end])
            start = None
    if start is not None:
        if out and sum(1 for t in doc[start:len(doc)] if not (t.is_punct or t.is_space)) < min_words:
            out[-1] = doc[out[-1].start:len(doc)]
        else:
            out.append(doc[start:len(doc)])
    return out


def classify_text(doc) -> tuple[QuestionClass, int]:
    """Strongest question class over the sentences of ``doc`` and the number of question sentences.

    An open question outranks a closed one; a non-question doc gives
    ``QuestionClass(False)`` and 0.
    """
    best = QuestionClass(False)
    n = 0
    for sent in _sentences(doc):
        q = classify_sentence(sent)
        if q.is_question:
            n += 1
            if not best.is_question or (q.open and not best.open):
                best = q
    return best, n


def question_sentences(doc) -> list[tuple[str, QuestionClass]]:
    """(sentence text, class) for every question sentence of ``doc``."""
    out = []
    for sent in _sentences(doc):
        q = classify_sentence(sent)
        if q.is_question:
            out.append((sent.text.strip(), q))
    return out


# --------------------------------------------------------------------------
# Listening tokens
# --------------------------------------------------------------------------

BACKCHANNEL_WORDS = frozenset({
    "mm", "mhm", "mm-hm", "mm-hmm", "mmhm", "mmhmm", "hm", "hmm", "uh-huh", "uhhuh", "uh", "huh", "yeah", "yep", "yes",
    "yup", "right", "okay", "ok", "sure", "i", "see", "exactly", "true", "wow", "oh", "ah", "alright", "absolutely",
    "got", "it", "really", "totally", "cool", "great", "nice", "good", "indeed", "definitely",
})
_BC_RE = re.compile(r"[a-z]+(?:-[a-z]+)*")


def is_backchannel_text(text: str, *, max_words: int = 3) -> bool:
    """True for short listening tokens: "mm-hm", "yeah", "right", "okay", "I see", "got it"."""
    words = _BC_RE.findall(text.lower())
    return 0 < len(words) <= max_words and all(w in BACKCHANNEL_WORDS for w in words) and \
        not (len(words) > 1 and set(words) <= {"i", "it"})


# --------------------------------------------------------------------------
# Key phrases and shared language
# --------------------------------------------------------------------------

_GENERIC_LEMMAS = frozenset({
    "thing", "lot", "bit", "way", "time", "kind", "sort", "stuff", "yeah", "okay", "right", "uh", "um", "mm", "hm",
    "people", "something", "anything", "everything", "nothing", "one", "today", "day", "week", "month", "year",
    "question", "idea", "plan", "sense", "hi", "thanks", "thank", "get", "go", "make", "say", "think", "know",
    "want", "feel", "like", "see", "tell", "come", "take", "let", "look", "need", "mean", "good", "great", "sure",
    "really", "well", "just", "also", "still", "yet", "first", "last", "next", "same", "able", "much", "many",
})


def phrase_key(span) -> str:
    """Normalised key of a noun chunk: lemmas of its content words; pronouns, determiners, numbers and stop words out.

    A noun on spaCy's stop list stays ("the demo part" -> "demo part", "the front row" -> "front row").
    """
    lemmas = [t.lemma_.lower() for t in span if t.is_alpha and t.pos_ not in ("PRON", "DET", "NUM", "SPACE")
              and (not t.is_stop or t.pos_ in ("NOUN", "PROPN"))]
    return " ".join(lemmas)


def content_items(doc) -> list[tuple[str, int]]:
    """(key, char offset) of noun-chunk phrases (2+ content words) and content lemmas in ``doc``."""
    items: list[tuple[str, int]] = []
    for chunk in doc.noun_chunks:
        key = phrase_key(chunk)
        if len(key.split()) >= 2:
            items.append((key, chunk.start_char))
    for t in doc:
        if t.is_alpha and not t.is_stop and t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ") and len(t.text) > 2:
            lemma = t.lemma_.lower()
            if lemma not in _GENERIC_LEMMAS:
                items.append((lemma, t.idx))
    return items


def shared_phrases(turns: Sequence, keys: Sequence[Sequence[str]], *,
                   min_single_uses: int = 2) -> tuple[SharedPhrase, ...]:
    """Key phrases one person said first and another person took up later: the one finder of shared language.

    Parameters
    ----------
    turns : sequence of Turn
        In time order (``speaker``, ``start_s`` are read).
    keys : sequence of sequence of str
        ``keys[i]``: the content keys of ``turns[i]``, one per occurrence
        (the keys of :func:`content_items`), same length as ``turns``.
    min_single_uses : int
        A one-word key counts only when the person who said it first said it
        at least this often in the session (>= 1; default 2): one passing
        "number" is not a key word, "deadline" said twice is.

    Returns
    -------
    tuple of SharedPhrase
        By first use, then phrase. A key is dropped when a longer shared key
        holding all its words was said first in the same turn and taken up
        in the same turn ("quarterly" and "review" go with "quarterly review"),
        so that one phrase taken up once counts once.
    """
    if min_single_uses < 1:
        raise InvalidParameterError(f"min_single_uses must be at least 1, got {min_single_uses}")
    first: dict[str, int] = {}
    taken: dict[str, int] = {}
    uses: Counter = Counter()
    by_speaker: dict[str, Counter] = {}
    for i, (t, ks) in enumerate(zip(turns, keys, strict=True)):
        uses.update(ks)
        by_speaker.setdefault(t.speaker, Counter()).update(ks)
        for k in ks:
            if k not in first:
                first[k] = i
            elif k not in taken and t.speaker != turns[first[k]].speaker:
                taken[k] = i
    same_turns: dict[tuple[int, int], list[str]] = {}  # keys said first and taken up in the same two turns
    for k, j in taken.items():
        if len(k.split()) >= 2 or by_speaker[turns[first[k]].speaker][k] >= min_single_uses:
            same_turns.setdefault((first[k], j), []).append(k)
    out = []
    for (i, j), ks in same_turns.items():
        for k in ks:
            words = set(k.split())
            if any(len(o.split()) > len(words) and words <= set(o.split()) for o in ks):
                continue
            out.append(SharedPhrase(k, turns[i].speaker, round(turns[i].start_s, 2), turns[j].speaker,
                                    round(turns[j].start_s, 2), uses[k]))
    return tuple(sorted(out, key=lambda p: (p.first_s, p.phrase)))


def rank_key_phrases(counts: Counter, *, n: int) -> tuple[str, ...]:
    """Top ``n`` keys: multi-word phrases weighted by length, then frequency, then alphabetical."""
    ranked = sorted(counts.items(), key=lambda kv: (-(kv[1] * len(kv[0].split())), kv[0]))
    return tuple(k for k, _ in ranked[:n])


# --------------------------------------------------------------------------
# Function-word categories for Language Style Matching (our own open lists)
# --------------------------------------------------------------------------

FUNCTION_WORD_CATEGORIES: dict[str, frozenset[str]] = {
    "personal_pronouns": frozenset(
        "i me my mine myself we us our ours ourselves you your yours yourself yourselves he him his himself she her "
        "hers herself they them their theirs themselves".split()),
    "impersonal_pronouns": frozenset(
        "it its itself this that these those something anything everything nothing someone anyone everyone somebody "
        "anybody everybody nobody what which whatever whichever".split()),
    "articles": frozenset("a an the".split()),
    "prepositions": frozenset(
        "about above across after against along among around at before behind below beneath beside between beyond by "
        "down during except for from in inside into near of off on onto out outside over past since through "
        "throughout till to toward towards under until up upon with within without".split()),
    "auxiliary_verbs": frozenset(
        "am is are was were be been being have has had having do does did will would shall should can could may "
        "might must 's 're 've 'd 'll 'm".split()),
    "high_frequency_adverbs": frozenset(
        "just so very really too also then now here there even still only again already always never ever quite "
        "rather almost maybe perhaps actually probably".split()),
    "conjunctions": frozenset("and but or so because if although though while whereas unless since nor yet as than "
                              "whether".split()),
    "negations": frozenset("no not never none nor n't nobody nothing nowhere neither".split()),
    "quantifiers": frozenset("all any some many much more most few less least several each every both enough lot "
                             "lots plenty".split()),
}


def tokens_lower(text: str) -> list[str]:
    """Lower-case word tokens; contractions split as spaCy does ("don't" -> "do", "n't")."""
    out = []
    for w in _WORD_RE.findall(text.lower().replace("\u2019", "'")):
        m = re.match(r"^(.+?)(n't|'s|'re|'ve|'d|'ll|'m)$", w)
        if m:
            out.extend([m.group(1), m.group(2)])
        else:
            out.append(w)
    return out


def category_rates(tokens: Sequence[str]) -> dict[str, float]:
    """Share of ``tokens`` in each function-word category, 0-1."""
    n = len(tokens)
    if n == 0:
        return {c: 0.0 for c in FUNCTION_WORD_CATEGORIES}
    return {c: sum(1 for t in tokens if t in words) / n for c, words in FUNCTION_WORD_CATEGORIES.items()}


def language_style_matching(tokens_a: Sequence[str], tokens_b: Sequence[str]) -> tuple[float, dict[str, float]]:
    """LSM of two speakers: mean over categories of ``1 - |p1 - p2| / (p1 + p2 + 0.0001)``.

    Returns
    -------
    lsm : float
        0-1; about 0.85 or more is typical of a conversation between people
        in tune (Ireland & Pennebaker 2010).
    per_category : dict
        Category -> score.
    """
    pa, pb = category_rates(tokens_a), category_rates(tokens_b)
    per = {c: 1.0 - abs(pa[c] - pb[c]) / (pa[c] + pb[c] + 0.0001) for c in FUNCTION_WORD_CATEGORIES}
    return (sum(per.values()) / len(per) if per else 0.0), per


def top_word_matching(tokens_a: Sequence[str], tokens_b: Sequence[str], *, n: int = 25) -> tuple[float, tuple[str, ...]]:
    """Overlap of the ``n`` most frequent words of the two speakers.

    Returns
    -------
    score : float
        Jaccard-style share ``|top_a & top_b| / n`` in 0-1 (ties broken alphabetically).
    shared : tuple of str
        The shared words, most frequent first.
    """
    def top(tokens: Iterable[str]) -> list[str]:
        c = Counter(tokens)
        return [w for w, _ in sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]

    ta, tb = top(tokens_a), top(tokens_b)
    if not ta or not tb:
        return 0.0, ()
    shared = tuple(w for w in ta if w in set(tb))
    return len(shared) / min(n, len(ta), len(tb)), shared


# --------------------------------------------------------------------------
# Remembering, self-disclosure, confidentiality, concern
# --------------------------------------------------------------------------

#: The mentor recalling what the mentee said ("you mentioned", "as you said", "last time we met"). Not after "have",
#: "if", "when", "once", "unless": "Have you mentioned it to your manager?", "if you shared it every month" ask or
#: suppose, they do not recall; nor "the last time you practiced", which asks about an event the mentee never told.
CALLBACK_RE = re.compile(
    r"(?<!have )(?<!if )(?<!when )(?<!once )(?<!unless )"
    r"\byou\s+(?:mentioned|said|told\s+me|talked\s+about|brought\s+up|were\s+saying|raised|described|noted|shared)\b"
    r"|\blast\s+time\s+we\s+(?:met|spoke|talked)\b|\bearlier\s+you\b|\byou\s+had\s+(?:mentioned|said)\b",
    re.IGNORECASE,
)
CONFIDENTIALITY_RE = re.compile(
    r"\b(?:stays?|stay|remains?|kept|keep)\s+(?:just\s+)?between\s+(?:us|you\s+and\s+me|the\s+two\s+of\s+us)\b"
    r"|\bconfidential(?:ity)?\b|\bwon'?t\s+(?:go|leave)\s+(?:any\s+)?(?:further|beyond|outside)\b"
    r"|\bnot\s+(?:go|leave)\s+(?:any\s+)?(?:further|beyond)\s+this\s+room\b|\bin\s+confidence\b"
    r"|\boff\s+the\s+record\b|\bsafe\s+space\b|\bwon'?t\s+(?:tell|share\s+(?:this|it)\s+with)\s+(?:anyone|your\s+manager)\b",
    re.IGNORECASE,
)
SELF_DISCLOSURE_RE = re.compile(
    r"\bI\s+(?:made|make)\s+(?:the\s+same|a|that|this|similar|my\s+own|plenty\s+of|lots\s+of)?\s*(?:\w+\s+)?mistakes?\b"
    r"|\bwhen\s+I\s+(?:started|was\s+(?:starting|new|your\s+age|in\s+your)|first)\b"
    r"|\bI\s+(?:also\s+)?(?:struggled|failed|messed\s+up|got\s+it\s+wrong|learned\s+the\s+hard\s+way)\b"
    r"|\bin\s+my\s+(?:experience|first\s+(?:job|year|role))\b|\bI\s+remember\s+when\s+I\b"
    r"|\bI\s+(?:used\s+to|had\s+the\s+same)\b|\bmy\s+(?:biggest\s+)?mistake\b|\bhappened\s+to\s+me\b",
    re.IGNORECASE,
)
CONCERN_RE = re.compile(
    r"\b(?:I'?m|I\s+am|I\s+was|I\s+feel|I\s+felt|I'?ve\s+been)\s+(?:\w+\s+)?(?:worried|anxious|nervous|scared|afraid|"
    r"stressed|concerned|unsure|uncertain|confused|stuck|overwhelmed|lost)\b"
    r"|\b(?:worried|afraid|scared)\s+(?:that|about|of)\b|\bnot\s+(?:sure|certain)\s+(?:whether|if|how|what|that|about)\b"
    r"|\bI\s+(?:don'?t|do\s+not)\s+(?:really\s+|quite\s+)?know\s+(?:whether|if|how|what)\b|\bmy\s+(?:concern|worry|fear)\b"
    r"|\bstressful\b|\bI\s+(?:won'?t|will\s+not)\s+be\s+ready\b|\bget\s+something\s+wrong\b|\bI\s+struggle\b"
    r"|\bI\s+guess\b|\bI'?m\s+not\s+(?:sure|confident)\b",
    re.IGNORECASE,
)

#: The mentor asking about the mentee's worries ("What worries you most?", "Is anything making you nervous?"):
#: the mentee's answer voices a concern even without a concern word.
WORRY_QUESTION_RE = re.compile(
    r"\b(?:worr(?:y|ies|ied|ying)|concern(?:s|ed|ing)?|afraid|scar(?:e|es|ed|y)|nervous|anxious|fear(?:s|ful)?)\b",
    re.IGNORECASE,
)

#: An answer that starts by saying there is nothing to worry about ("Nothing really", "No, I'm fine").
NO_CONCERN_RE = re.compile(r"\W*(?:no\b|nothing|none|not\s+(?:really|much|at\s+all|anything)|nah\b)", re.IGNORECASE)


def find_pattern(pattern: re.Pattern, text: str) -> str:
    """The first match of ``pattern`` in ``text`` ("" if none)."""
    m = pattern.search(text)
    return m.group(0) if m else ""


# --------------------------------------------------------------------------
# Word-list fallback (no spaCy)
# --------------------------------------------------------------------------

_AUX = frozenset(
    """do does did is are was were can could would should will shall have has had may might am aren't isn't don't
    doesn't didn't won't wouldn't couldn't shouldn't""".split()
)
# "when/where/how/why" also start statements ("When I started, ..."): a question needs an auxiliary next.
_WH_NEEDS_AUX = frozenset("why how when where".split())
_WH_ANY = frozenset("what who whom whose which".split())
_QUESTION_LEAD = frozenset("so and but okay ok right well then now yes yeah also".split())
_QUESTION_PHRASES = ("tell me", "i wonder", "what about", "how about", "do you", "did you", "are you", "can you")
_FALLBACK_WORD_RE = re.compile(r"[a-z0-9']+")


def looks_like_question(text: str) -> bool:
    """Whether a text asks something, from its wording alone (no spaCy; punctuation only helps).

    The light fallback where no spaCy pipeline is at hand (role guessing without
    ``nlp``, a report shown without its per-turn measures); :func:`classify_text`
    is the full classifier the indicators use.

    Whisper often drops question marks, so a turn counts as a question when any of its
    sentences ends with "?" or starts (after a filler like "so" or "okay") with an
    auxiliary verb ("did you..."), "what"/"who"/"which", or "how"/"why"/"when"/"where"
    followed by an auxiliary ("how did..."), or contains "tell me" / "I wonder".
    """
    if "?" in text:
        return True
    for sentence in re.split(r"[.!;]\s*", text.lower()):
        words = _FALLBACK_WORD_RE.findall(sentence)
        while words and words[0] in _QUESTION_LEAD:
            words = words[1:]
        if len(words) >= 3 and (
            words[0] in _AUX or words[0] in _WH_ANY or (words[0] in _WH_NEEDS_AUX and words[1] in _AUX)
        ):
            return True
        joined = " ".join(words)
        if any(p in joined for p in _QUESTION_PHRASES[:2]):
            return True
    return False


def count_question_sentences(text: str) -> int:
    """Number of sentences of ``text`` that :func:`looks_like_question`."""
    return sum(looks_like_question(s) for s in re.split(r"(?<=[.?!])\s+", text.strip()) if s.strip())
