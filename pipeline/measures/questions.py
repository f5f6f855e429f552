"""The question classifier: whether a sentence asks something, and how (open or closed), from word order alone.

Word order only: Whisper often drops "?" and commas, so questions are found
from word order (wh-word in question position, subject-auxiliary inversion,
tag questions, "how about ..."); this module never reads "?". The turn coder
(:mod:`pipeline.measures.helping`) adds "?" where the text has punctuation,
requests, reflections and advice asked with "?", and a rising pitch: it makes
Rapport's one question decision, reading :func:`classify_sentence` for word
order. The spaCy ``Doc`` of a turn is passed in. The word-list fallback
without spaCy is :func:`pipeline.measures.language.looks_like_question`.
"""

from __future__ import annotations

import re

from pipeline.io.transcripts import NOTE_RE
from pipeline.types import QuestionClass

WH_WORDS = frozenset({"what", "where", "when", "why", "who", "whom", "whose", "which", "how"})
AUXILIARIES = frozenset({
    "do", "does", "did", "is", "are", "was", "were", "am", "have", "has", "had", "can", "could", "will",
    "would", "shall", "should", "may", "might", "must", "'s", "'re", "ca", "wo", "sha", "'ve", "'d", "'ll",
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
    "wow", "gosh", "boy", "sure", "true", "really", "plus", "because", "cause", "mean", "know", "listen", "look",
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
#: Rhetorical questions: said to end a thought, not to be answered ("so what's the point", "who knows"). Only as the
#: end of a sentence: "what's the point of the meeting" asks.
RHETORICAL_ENDS = (("what", "'s", "the", "point"), ("what", "is", "the", "point"), ("who", "knows"), ("who", "cares"),
                   ("why", "bother"), ("what", "can", "you", "do"), ("what", "do", "i", "know"))
#: Endings that close a statement, not a tag: "..., you know", "..., I mean", "... or something".
TRAILING_PAIRS = (("you", "know"), ("i", "mean"), ("or", "something"), ("or", "anything"), ("or", "whatever"),
                  ("and", "stuff"), ("and", "everything"))

_STRIP_RE = re.compile(r"[^\w\s'-]")


def strip_punctuation(text: str) -> str:
    """Text as Whisper might give it without punctuation: only letters, digits, apostrophes, hyphens, spaces."""
    return " ".join(_STRIP_RE.sub(" ", text).split())


#: A question with its "does that" left out: "Sound good?", "Make sense?" (bare verb: "sounds good" agrees).
ELLIPTIC_RE = re.compile(r"^(?:sound\s+(?:good|okay|ok|alright|all\s+right|fair|reasonable|right|like\s+a\s+plan)"
                         r"|make\s+sense)(?:\s+to\s+you)?$", re.IGNORECASE)
#: A question with its "are you" / "is everything" left out, as people say it: "You alright now?", "You still with
#: Dave's lot?", "You feeling any better?", "Everything else alright, getting on with everyone?", "That okay?". Without
#: the verb none of them is a statement ("you're alright now" is). Not "Same time next week": writers hear it as a
#: question (set 34) and as a statement (sets 23, 30, 32) about as often; nor "That good, eh?" (an exclamation).
_ELIDED_RE = re.compile(
    r"^(?:and\s+|so\s+|but\s+)?(?:you\s+(alright|all\s+right|okay|ok|sorted|still|feeling|doing|getting\s+on|coping|managing|"
    r"settling|sleeping|enjoying)\b"
    r"|(?:(?:everything|everyone|everybody|things|the\s+family|family)(?:\s+else)?\s+(?:alright|all\s+right|okay|ok|good|fine)"
    r"|that\s+(?:alright|all\s+right|okay|ok))(?:\s+(?:with\s+you|at\s+home|at\s+work|now|then)|\s+\w+ing\b.*)?$)", re.IGNORECASE)
#: Spoken contractions the tokenizer keeps whole: "d'you want ...", "who d'you live with" ("do you").
_CONTRACTED = {"d'you": (("do", "AUX", "VBP"), ("you", "PRON", "PRP")), "d'ya": (("do", "AUX", "VBP"), ("you", "PRON", "PRP"))}


def _lower_tokens(span) -> list[tuple[str, str, str]]:
    """(lower text, coarse POS, fine tag) of the non-punctuation tokens of a span ("d'you" as "do you")."""
    return [x for t in span if not (t.is_punct or t.is_space)
            for x in _CONTRACTED.get(t.lower_, ((t.lower_, t.pos_, t.tag_),))]


def _normalize(toks: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Drop hesitations, mid-sentence "you know" / "I mean", an aside "if any" and immediate repeats ("how hard how
    hard is it")."""
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
        if i > 0 and pair in (("if", "any"), ("if", "anything")) and i + 2 < len(out) and out[i + 2][1] in ("VERB", "AUX"):
            i += 2  # "which of those, if any, sounds like it might work?": an aside, the question goes on
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
    if tuple(t[0] for t in toks[1:3]) in (("if", "anything"), ("if", "any")):
        toks = toks[:1] + toks[3:]  # "What, if anything, do you want to do?"
    w0 = toks[0][0]
    if len(toks) == 1:
        return w0 if w0 == "why" else ""  # a lone "how" / "what" is a restart or "pardon?", rarely a question
    w1, pos1, tag1 = toks[1]
    if w0 == "which" and (w1 in AUXILIARIES or pos1 == "VERB") \
            and not (len(toks) > 2 and toks[2][0] in SUBJECT_PRONOUNS):
        return ""  # "which is a joke", "which sounds a bit sad": a relative clause going on from the last utterance
    if (w0, w1) == ("who", "knows") or tuple(t[0] for t in toks[:4]) in (("why", "do", "n't", "you"),
                                                                          ("why", "do", "n't", "we")):
        return ""  # "who knows" (rhetorical), "why don't you start" (a suggestion)
    be_at = next((k for k in range(2, min(len(toks), 5)) if toks[k][0] in ("is", "was", "'s")), None)
    if w0 == "what" and be_at is not None and not _inversion_at(toks, 1) \
            and any(t[1] in ("VERB", "AUX") for t in toks[1:be_at]):
        return ""  # "what happened was ...", "what I'm saying is ..." (pseudo-cleft); not "what part of it is hardest"
    if w0 == "how" and pos1 in ("ADJ", "ADV") and w1 not in HOW_MEASURE and len(toks) <= 3:
        return ""  # "how nice", "how interesting": an exclamation
    if len(toks) <= 3 and w0 == "how" and w1 in HOW_MEASURE:
        return f"{w0} {w1}"  # "how old", "how long"
    if w0 == "how" and w1 in ("many", "much") and len(toks) <= 7 and not any(t[1] in ("VERB", "AUX") for t in toks):
        return f"{w0} {w1}"  # "how many hours per week", "how much a day": verbless, asked
    if w0 in ("what", "where", "why", "how") and w1 == "you" and len(toks) > 2 and toks[2][2] == "VBG":
        return f"{w0} you {toks[2][0]}"  # "what you listening to these days", "where you going": "are" left out
    if w0 == "why" and len(toks) <= 8 and not any(t[1] in ("VERB", "AUX") for t in toks) \
            and (toks[-1][1] in ("NOUN", "NUM", "PROPN") or toks[-1][0] in ("now", "that", "this", "here", "there")):
        return f"{w0} {w1}"  # "why a five and not a two", "why now"
    if w0 in ("where", "why", "when") and w1 in ("in", "at", "about", "on", "to", "from", "exactly"):
        return f"{w0} {w1}"  # "where in Colorado"
    if w0 == "which" and len(toks) <= 3 and pos1 in ("NOUN", "ADJ", "PROPN"):
        return f"{w0} {w1}"  # "which university"
    if w1 in ("about", "come") and w0 in ("how", "what"):
        return f"{w0} {w1}"
    if w1 in ("not", "else") and len(toks) <= 3:
        return f"{w0} {w1}"
    if w1 == "else" and w0 in ("what", "who") and toks[2][2] in ("VBD", "VBZ", "MD"):
        return f"{w0} {w1}"  # "what else might help?", "who else knows?": the phrase is the subject
    if _inversion_at(toks, 1) or (w1 in AUXILIARIES and pos1 == "AUX"):
        return f"{w0} {w1}"
    if w0 in ("who", "what", "which") and tag1 in ("VBD", "VBZ", "MD") and w1 not in AUXILIARIES:
        return f"{w0} {w1}"  # "who told you", "what happened"
    # "what kind of car are you...", "how many children do you...", "how old are you"
    if w1 in WH_HEAD_WORDS or pos1 in ("ADJ", "ADV", "NOUN") or w1 == "of" and w0 in ("which", "what"):
        for k in range(2, min(len(toks), 7)):
            if _inversion_at(toks, k):
                return " ".join(t[0] for t in toks[: k + 2])
            if _wh_subject_verb(toks, k):
                return " ".join(t[0] for t in toks[: k + 1])
            if toks[k][0] in SUBJECT_PRONOUNS and toks[k - 1][1] != "ADP" and k + 1 < len(toks) and toks[k + 1][1] == "VERB":
                break
    return ""


#: Parts of speech of a question word's phrase ("what sort of support", "how many of them", "which one").
_WH_PHRASE_POS = frozenset({"NOUN", "PROPN", "ADJ", "ADP", "DET", "NUM"})


def _wh_subject_verb(toks: list[tuple[str, str, str]], k: int) -> bool:
    """Whether the finite verb at ``k`` follows a question word's phrase that is its subject: "how many people came",
    "what sort of support would help", "which parts have helped most", "what part of it gets to you" (no inversion:
    the phrase asks for the subject itself)."""
    word, pos, tag = toks[k]
    if pos not in ("VERB", "AUX") or tag not in ("VBD", "VBZ", "VBP", "MD") \
            or not (toks[0][0] in ("what", "which") or toks[1][0] in ("many", "much")):
        return False  # "when things start", "why people decided": a clause, the question word no subject
    phrase = toks[1:k]
    if phrase[-1][1] == "ADP":
        return False  # "which kind of makes it worse": the hedge "kind of", a relative clause going on
    # a pronoun after a preposition ("of it", "of those") heads the phrase as a noun does
    pos = [("NOUN" if t[1] == "PRON" and i > 0 and phrase[i - 1][1] == "ADP" else t[1]) for i, t in enumerate(phrase)]
    return any(p in ("NOUN", "PROPN", "NUM") for p in pos) and all(p in _WH_PHRASE_POS for p in pos)


#: After "how", words that ask for a number or a span ("how many drinks", "how long have you been smoking"); after
#: "what", nouns that ask for a date or a time. MISC: a closed question "implies a short answer: yes or no, a specific
#: fact, a number".
_HOW_FACT = frozenset({"many", "often", "long", "old", "far", "soon"})
_WHAT_FACT = frozenset({"time", "day", "date", "year", "age", "month"})


def open_wh(toks: list[tuple[str, str, str]]) -> bool:
    """Whether a wh-question (its words from the question word on) is open: not one that asks for a number, a span,
    a date or a moment ("how many a day?", "how much money", "how long have you ...?", "when did it break?", "what
    time ...?"). "How much does it matter to you?" (a degree) and "how important ...?" stay open."""
    words = [t[0] for t in toks[:3]]
    if len(words) < 2:
        return True
    w0, w1 = words[0], words[1]
    if w0 == "how":
        return not (w1 in _HOW_FACT or w1 == "much" and len(toks) > 2 and toks[2][1] in ("NOUN", "ADJ"))
    if w0 == "when":
        return w1 not in ("did", "was", "were")
    return not (w0 == "what" and w1 in _WHAT_FACT)


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


def is_backchannel_question(span) -> bool:
    """Whether a sentence is a listening response asked ("Is that right?", "Did you really?", "Really?")."""
    return _backchannel_question(_normalize(_lower_tokens(span)))


#: Verbs that take a wh-clause as their object ("guess what would happen", "see what's there"): no name called.
_TAKES_WH_CLAUSE = frozenset("""guess see know imagine wonder ask tell show decide remember think say look hear explain
                                find work figure notice check consider understand forget learn wait watch mean depends
                                matter mind care doubt""".split())


#: Wh-words a question after a name opens with; not "who", "which", "whose", which after a noun open a relative
#: clause ("people who are close to you").
_CALLED_WH = frozenset({"what", "how", "where", "when", "why"})


def _called_by_name(toks: list[tuple[str, str, str]]) -> bool:
    """Whether a sentence opens with a name called before a wh-word, as a group's facilitator asks ("gemma what would
    being seen look like for you", "Ade, what's that like"): the tagger reads a lower-cased name as a verb or a noun
    as often as a name, so any one word of those classes counts that does not take a wh-clause itself
    (:data:`_TAKES_WH_CLAUSE`: "guess what would happen"), before one of :data:`_CALLED_WH`."""
    return len(toks) >= 4 and toks[1][0] in _CALLED_WH and toks[0][1] in ("PROPN", "VERB", "NOUN", "X") \
        and toks[0][0] not in _TAKES_WH_CLAUSE


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
    if any(tuple(t[0] for t in toks[-len(r):]) == r for r in RHETORICAL_ENDS):
        return QuestionClass(False)
    core = _strip_leading(toks)
    if _backchannel_question(core):
        return QuestionClass(False)
    cue = _wh_question(core)
    if cue:
        return QuestionClass(True, "wh", open_wh(core), cue)
    if _called_by_name(core) and (cue := _wh_question(core[1:])):  # "gemma what would being seen look like for you"
        return QuestionClass(True, "wh", open_wh(core[1:]), cue)
    if m := ELLIPTIC_RE.match(" ".join(t[0] for t in core)):
        return QuestionClass(True, "yes_no", False, m.group(0))
    if 2 <= len(core) <= 3 and core[-1][0] == "how" and core[-2][1] in ("ADJ", "NOUN", "VERB") \
            and not any(t[1] in ("PRON", "AUX") for t in core):
        return QuestionClass(True, "wh", True, f"{core[-2][0]} how")  # "Nervous how?", "Stuck how?": say more
    if len(core) >= 2 and _inversion_at(core, 0):
        # "so do I" is a reply; a bare "is it" / "do you" is a backchannel question (listening), not a question
        if len(core) > 2 or (len(core) == 2 and core[0][0] in ("what", "how")):
            kind = "alternative" if started_with_or or " or " in f" {' '.join(t[0] for t in core)} " else "yes_no"
            return QuestionClass(True, kind, False, " ".join(t[0] for t in core[:3]))
    # Declarative questions with a clear cue: "you mean ...", "you ever been ...", "you ready"
    if len(core) >= 2 and core[0][0] == "you" and core[1][0] in ("mean", "ever", "ready"):
        return QuestionClass(True, "yes_no", False, f"you {core[1][0]}")
    if m := _ELIDED_RE.match(" ".join(t[0] for t in core)):
        if not (m.group(1) == "still" and len(core) > 2 and core[2][1] in ("VERB", "AUX")):  # "you still have to"
            return QuestionClass(True, "yes_no", False, m.group(0))
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
            return QuestionClass(True, "wh", open_wh(toks[i:]), " ".join(t[0] for t in toks[i:i + 3]))
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


#: A transcriber's notes after the sentence's last word ("[laughs]", "(pause)", "(writing)"; the notes of
#: :data:`pipeline.io.transcripts.NOTE_RE`).
_NOTES_AT_END_RE = re.compile(rf"(?:\s*(?:{NOTE_RE.pattern}))+\s*$", re.IGNORECASE)


def ended_as_statement(span, q: QuestionClass) -> bool:
    """Whether the writer of a punctuated sentence heard ``q`` as no question: they ended it with a full stop and its
    question reading is a weak one, a tag ("But it's kind of backfiring, isn't it."), a question word order found
    only after a leading clause ("I thought, well, I've failed again, so what's the point."), or an inversion
    without a pronoun subject, mostly a statement with its subject dropped ("Did Dry January once.", "Was a
    nightmare."), or a question with its verb left out ("Same time next month."). A question that opens the sentence
    with a pronoun subject or a question word ("Did you go.", "What happened.") stays one: a typist may leave out the
    "?". Unpunctuated text has no full stop to read."""
    end = _NOTES_AT_END_RE.sub("", span.text).rstrip()  # "... not the notebook! [laughs]" ends with "!"
    if not q.is_question or not end or end[-1] not in ".!":
        return False
    if q.kind == "tag" or _ELIDED_RE.match(q.cue):
        return True  # "Same time next month, and bring the numbers!": the "?" alone asks a question with its verb left out
    core = _strip_leading(_normalize(_lower_tokens(span)))
    if not core or core[0][0] != q.cue.split()[0]:
        return True  # the question word order starts after something else was said
    j = 2 if len(core) > 2 and core[1][0] in NEGATIONS else 1
    return q.kind in ("yes_no", "alternative") and j < len(core) and core[j][0] not in SUBJECT_PRONOUNS


def sentences(doc, *, min_words: int = 3) -> list:
    """The parser's sentences, a fragment shorter than ``min_words`` joined to the next one.

    Without punctuation the parser splits restarts ("is, is crime a problem")
    into pieces; a 1-2 word piece is read with what follows, unless the source
    ended it with a full stop or "!" (then it is a sentence of its own).
    """
    out = []
    start = None
    for sent in doc.sents:
        if start is None:
            start = sent.start
        n_words = sum(1 for t in doc[start:sent.end] if not (t.is_punct or t.is_space))
        # a fragment the source ended with a full stop is a sentence of its own ("I did." split by Whisper as
        # "... | did. It's on the wiki." asks nothing: joined, its auxiliary would read as an inversion; a "Right."
        # after a statement is no tag question)
        ended = sent[-1].text in (".", "!")
        if n_words >= min_words or ended:
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
    for sent in sentences(doc):
        q = classify_sentence(sent)
        if q.is_question:
            n += 1
            if not best.is_question or (q.open and not best.open):
                best = q
    return best, n


def question_sentences(doc) -> list[tuple[str, QuestionClass]]:
    """(sentence text, class) for every question sentence of ``doc``."""
    out = []
    for sent in sentences(doc):
        q = classify_sentence(sent)
        if q.is_question:
            out.append((sent.text.strip(), q))
    return out
