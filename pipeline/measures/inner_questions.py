"""Questions inside an unpunctuated sentence, where the parser reads one sentence for several: a question after a
clause ("thank you how are you", "seven what makes it a seven", "you drink about four a night is that right"), a
question of the helper's own in a run-on caption ("... what you did have you thought about putting it on your cv"),
and a question after a fronted phrase in punctuated text ("On a scale of nought to ten, how important is it?").
Read by :mod:`pipeline.measures.helping` beside :func:`pipeline.measures.questions.classify_sentence`, which decides
each candidate's word order."""

from __future__ import annotations

import re

from pipeline.measures.questions import AUXILIARIES, HESITATIONS, LEADING_FILLERS, SUBJECT_PRONOUNS, classify_sentence
from pipeline.types import QuestionClass

#: Words that end a clause though the parser reads them as its middle, in unpunctuated text: a question may follow
#: ("sorry to hear that what happened", "thank you how are you", "keeping it hidden as well what's that like").
CLAUSE_END_RE = re.compile(r"\b(?:hear(?:ing)?\s+(?:that|this)|thank\s+you|thanks|about\s+that|for\s+that|hello|hi|"
                           r"hey|good\s+(?:morning|afternoon|evening|day)|as\s+well)$", re.IGNORECASE)

#: Parts of speech that can end a clause before a question in unpunctuated text: an interjection ("hello what's on
#: your mind", "oh no did she"), an adjective before a question word ("so sorry what happened"); after any other
#: ("I know what happened", "exactly what is imposed", "the thing I found interesting is that") the question word or
#: auxiliary continues the clause (SwDA train: an adverb before, or an adjective before an auxiliary, mostly does).
CLAUSE_END_POS = frozenset({"INTJ", "ADJ"})
#: Before a question that shows itself by its own word order (a question word and then an auxiliary or a verb of its
#: own, "seven what makes it a seven", "and what about the forgetting part"; an auxiliary, a pronoun and a verb,
#: "the diet piece did they give you the sheet", "good are you following it"), a noun, a number, a name or "and" /
#: "but" end what came before too: a relative clause ("the reason why they left") has no such order.
ECHO_END_POS = frozenset({"NOUN", "PROPN", "NUM", "CCONJ"})
#: Question words that open a question after a clause; "who", "which" there mostly open a relative clause.
OPENING_WH = frozenset({"what", "where", "when", "why", "how"})
#: Words of those parts of speech that hold a clause open: a hesitation, a restart, reported speech ("with uh who
#: works", "I'm like well why can't she").
NOT_CLAUSE_END = HESITATIONS | frozenset({"well", "like", "so", "then", "just", "also", "even", "only", "not",
                                          "here", "there", "too", "very", "really", "or"})
#: The verb form an inverted auxiliary takes after its subject: "did they give", "have you tried", "is he settling",
#: "are you ready", "can you see" (Penn tags); "the problem is he doesn't listen" has a finite verb there.
_AFTER_INVERSION = {"do": ("VB",), "does": ("VB",), "did": ("VB",), "have": ("VBN",), "has": ("VBN",),
                    "had": ("VBN",), "is": ("VBG", "VBN", "JJ"), "are": ("VBG", "VBN", "JJ"),
                    "was": ("VBG", "VBN", "JJ"), "were": ("VBG", "VBN", "JJ")}
#: Listening checks that end a statement and turn it into a question ("you drink about four a night is that right").
CHECK_END_RE = re.compile(r"\b(?:is|was)\s+(?:that|this)\s+(?:right|correct|true|so|still\s+the\s+case|the\s+case|"
                          r"fair|(?:still\s+)?(?:alright|all\s+right|okay|ok)(?:\s+with\s+you)?)$|\b(?:is|are|might|would|could|should)\s+n't\s+"
                          r"(?:it|they|you|we)$", re.IGNORECASE)
#: A question of the helper's own inside an unpunctuated sentence, whatever comes before it: an inverted "have you
#: thought about / tried / considered", "would it be worth" ("... what you did have you thought about putting it on
#: your cv", "... transferable skills and would it be worth looking at the courses"), "is that something you'd be
#: interested in", "were you aware", and after a condition "(if the next few months went well) what would that look
#: like"; statements put these words the other way round ("you have tried", "it would be worth", "you were aware").
INNER_QUESTION_RE = re.compile(r"(?<=\s)(?:have\s+you\s+(?:ever\s+)?(?:thought\s+(?:about|of)|tried|considered)"
                               r"|(?:is|was)\s+there\s+any(?:thing|one|body)\b"
                               r"|(?:would|could|might)\s+it\s+be\s+(?:worth|possible|an\s+option|helpful|useful)"
                               r"|is\s+(?:that|this|it|[a-z]+)\s+(?:still\s+)?something\s+you(?:\s*'d|\s+would)\s+(?:be\s+interested|"
                               r"consider|want|like)|what\s+would\s+(?:that|it|this)\s+look\s+like"
                               r"|were\s+you\s+(?:aware|told|there|able|expecting)"
                               # what a member makes of it, asked by name in a group ("hana i noticed you nodding
                               # what's coming up for you", "mei hearing tom say that what goes through your head",
                               # "who's got something burning"); not "what's landing for you is ..." (a statement)
                               r"|what(?:\s*'s|\s+is)\s+(?:coming\s+up|landing|going\s+on|happening|resonating|"
                               r"standing\s+out)\s+for\s+(?:you|each\s+of\s+you|both\s+of\s+you)(?!\s+(?:is|was)\b)"
                               r"|what\s+goes\s+through\s+your\s+(?:head|mind)(?!\s+(?:is|was)\b)"
                               r"|who(?:\s*'s|\s+has)\s+got\s+(?:something|anything)"
                               r"|anything\s+else\s+(?:anyone|you|either\s+of\s+you)\s+(?:wants?|would\s+like|needs?)\s+to)\b",
                               re.IGNORECASE)
#: "What" said in place of the word not caught or to be confirmed, at the end of a statement: "you feel like what",
#: "you'd what, the whole thing", "which gives us what, five weeks", "you've been here what, three years" (an echo
#: question; "guess what", "so what", "I know what" are none).
ECHO_WHAT_RE = re.compile(r"\b(?:like|did|do|does|'d|feel|felt|saw|was|were|with|to|for|about|at|from)\s+what"
                          r"(?:\s+exactly|\s+again)?$"
                          r"|\b(?:us|you|here|there|been|it's|that's|be)\s+what\s+(?:about\s+)?(?:a|an|one|two|three|four|five|six|seven|"
                          r"eight|nine|ten|twelve|twenty|thirty|forty|fifty|\d+)(?:\s+[\w-]+){0,2}$", re.IGNORECASE)
#: Verbless questions that open with "any": "any questions", "two years any pain or sensitivity", "good anything
#: else"; not an answer of time or manner ("any time", "anything really").
ANY_QUESTION_RE = re.compile(r"(?:^|\s)(?:any(?:\s+other)?\s+(?!(?:time|day|way|more|longer|good|of|place|kind|sort|"
                             r"type|any|um|uh)\b)[a-z]+"
                             r"|any(?:thing|one|body)\s+else|anything\s+from\s+(?:you|either\s+of\s+you|anyone)$)\b",
                             re.IGNORECASE)


#: Auxiliaries of a third-person singular subject and of any other; "was" and the modals go with anyone.
_SINGULAR_AUX = frozenset({"does", "has", "is"})
_PLURAL_AUX = frozenset({"do", "have", "are", "were"})


def _inverted(toks, k: int) -> bool:
    """Whether the auxiliary at ``k`` is inverted with a pronoun subject and the verb form that follows one (see
    :data:`_AFTER_INVERSION`; a modal takes a bare verb)."""
    if k + 2 >= len(toks) or toks[k + 1].lower_ not in SUBJECT_PRONOUNS - {"that", "this", "there"}:
        return False
    aux, subject, nxt = toks[k].lower_, toks[k + 1].lower_, toks[k + 2]
    third = subject in ("he", "she", "it")
    if nxt.lower_ == aux or aux in _SINGULAR_AUX and not third or aux in _PLURAL_AUX and third:
        return False  # "they had they had": a restart; "does i think": no subject of that auxiliary
    return nxt.tag_ in _forms_after(toks[k]) or aux in ("is", "are", "was", "were") and nxt.pos_ == "ADJ"


def _forms_after(aux) -> tuple[str, ...]:
    """The Penn tags of the verb form an inverted auxiliary token takes after its subject (:data:`_AFTER_INVERSION`;
    a modal takes a bare verb)."""
    return _AFTER_INVERSION.get(aux.lower_, ("VB",) if aux.tag_ == "MD" else ())


def _echo_question(toks, k: int) -> bool:
    """Whether a question at ``k``, after a noun, a number, a name or "and" / "but", shows itself by its own word
    order (see :data:`ECHO_END_POS`); after "and", an auxiliary must have its subject ("and how's that been", not
    "and what is perceived", "and what's going on over there")."""
    t, nxt = toks[k], toks[k + 1]
    if t.lower_ not in OPENING_WH:
        return toks[k - 1].pos_ != "CCONJ" and _inverted(toks, k)
    if nxt.lower_ in ("about", "else"):
        return True
    if nxt.lower_ in AUXILIARIES and nxt.pos_ == "AUX":
        after = toks[k + 2] if k + 2 < len(toks) else None
        return after is not None and after.pos_ != "CCONJ" and (
            toks[k - 1].pos_ != "CCONJ" or after.pos_ in ("PRON", "DET", "PROPN", "NOUN") and after.tag_ != "WP")
    return t.lower_ == "what" and nxt.tag_ in ("VBZ", "VBD") and nxt.pos_ == "VERB"


#: Words before "any" that keep it inside the clause ("or any camping supplies", "like any other job").
_ANY_INSIDE = frozenset({"or", "and", "but", "like", "as", "plus", "because", "cause", "than", "any"})


def _verbless_any(toks, words: str) -> bool:
    """Whether the sentence (its tokens, and ``words``: their lower-case text joined by spaces) is, or ends in, a
    verbless question opened by "any" (see :data:`ANY_QUESTION_RE`): no finite verb before a subordinating word
    ("any bleeding when you brush")."""
    m = ANY_QUESTION_RE.search(words)
    if m is None or len(words[m.start():].split()) > 8:
        return False
    start = len(words[:m.start()].split())
    if start and (toks[start - 1].pos_ not in ("INTJ", "ADJ", "NOUN", "PROPN", "NUM") and toks[start - 1].lower_ not in
                  LEADING_FILLERS or toks[start - 1].lower_ in _ANY_INSIDE):
        return False  # "I don't have any questions", "a tent or any camping supplies", "like any other job"
    for t in toks[start:]:
        if t.pos_ in ("SCONJ", "ADP") or t.lower_ in ("when", "before", "after", "if", "since"):
            break
        if t.tag_ in ("VBZ", "VBD", "VBP", "MD"):
            return False
    return True


#: Words after which an inversion belongs to the clause before, not to a new question: "so do I", "neither have
#: they", "than do most", "what I'd say is do you ...", "if so could you"; a question reported ("he'd come in and say
#: are you done").
_INVERSION_BELONGS = frozenset({"so", "neither", "nor", "as", "than", "if", "whether", "only", "not", "is", "was",
                                "are", "be", "and", "or", "but", "because", "that", "to", "there", "say", "says", "said",
                                "ask", "asks", "asked", "goes", "went"}) | OPENING_WH | AUXILIARIES
#: Auxiliaries whose inversion is a condition, not a question ("should you need anything", "had I known").
_CONDITIONAL_AUX = frozenset({"should", "had", "were"})
#: Personal subject pronouns: before an auxiliary they are its subject ("you can ...", "they don't do that").
_PERSONAL = frozenset({"i", "you", "we", "they", "he", "she"})


def _inverted_after_clause(toks, k: int) -> bool:
    """Whether the question word or auxiliary at ``toks[k]`` opens a question in its own word order after a clause
    that did not end where the parser could see it, in unpunctuated speech: an auxiliary before its subject and the
    verb form that follows one (:func:`_inverted`: "... than I decide it shall I say a bit about how I work", "... on
    video like this does that still work"), or a question word before an auxiliary and a subject pronoun ("before we
    finish how's this been for you", "... how does that sound"). An embedded clause keeps its subject first ("I know
    how you feel"); a restart or a declarative keeps the subject before the auxiliary ("you can, you can get", "they
    don't do that here")."""
    t, prev = toks[k].lower_, toks[k - 1].lower_
    if prev in _INVERSION_BELONGS or prev in _PERSONAL or k + 2 >= len(toks):
        return False
    if t in AUXILIARIES:
        if t.startswith("'") or t in _CONDITIONAL_AUX or t in ("ca", "wo", "sha"):
            return False
        return _inverted(toks, k) or toks[k + 1].lower_ in ("that", "this") and _verb_after(toks, k, k + 2)
    return toks[k + 1].lower_ in AUXILIARIES and toks[k + 2].lower_ in SUBJECT_PRONOUNS | {"your"}


def _verb_after(toks, k: int, j: int) -> bool:
    """Whether the verb form an inverted auxiliary at ``k`` takes (:data:`_AFTER_INVERSION`) stands at ``j``, or after
    one adverb there ("does that still work"); a verb, not an adjective ("when it was that hard": "that" a degree)."""
    forms = tuple(f for f in _forms_after(toks[k]) if f != "JJ")
    if j < len(toks) and toks[j].pos_ == "ADV":
        j += 1
    return j < len(toks) and toks[j].tag_ in forms


def trailing_question(span) -> QuestionClass:
    """A question that ends an unpunctuated sentence after something else: "i am so sorry what caused the breakup",
    "thank you how are you", "hello what's on your mind today", "seven what makes it a seven", "good are you
    following it", "you drink about four a night is that right", "two years any pain" (the parser, without full
    stops, reads one sentence).

    The question starts at a question word, or an auxiliary before a pronoun, that follows what can end a clause
    (an interjection; an adjective before a question word; "sorry to hear that", "thank you", a greeting; a noun, a
    number, a name or "and" before a question in its own word order), and it runs to the end of the sentence. A
    check ("is that right", "isn't it") or a verbless "any ..." question at the end is a closed question too.
    """
    toks = [t for t in span if not (t.is_punct or t.is_space)]
    for k in range(1, len(toks) - 1):
        t = toks[k]
        if t.lower_ not in OPENING_WH and t.lower_ not in AUXILIARIES:
            continue
        before = " ".join(x.lower_ for x in toks[:k])
        prev = toks[k - 1]
        ends = CLAUSE_END_POS if t.lower_ in OPENING_WH else CLAUSE_END_POS - {"ADJ"}
        clause_end = prev.pos_ in ends and prev.lower_ not in NOT_CLAUSE_END or bool(CLAUSE_END_RE.search(before)) \
            or _inverted_after_clause(toks, k)
        if not clause_end and not (prev.lower_ not in NOT_CLAUSE_END and (
                prev.pos_ in ECHO_END_POS or prev.pos_ in ("ADJ", "ADV") and t.lower_ in AUXILIARIES)
                and _echo_question(toks, k)):
            continue
        if t.lower_ in AUXILIARIES and toks[k + 1].lower_ not in SUBJECT_PRONOUNS | {"your"}:
            continue  # "... is a great resource": a statement's verb, not a question's inversion
        q = classify_sentence(span.doc[t.i:span.end])
        if q.is_question and q.kind in ("wh", "yes_no"):
            return q
    words = " ".join(t.lower_ for t in toks)
    if len(toks) >= 5 and (m := CHECK_END_RE.search(words)):  # "... is that alright with you" asks leave, checks nothing
        return QuestionClass(True, "yes_no" if m.group(0).endswith("with you") else "tag", False, m.group(0))
    if m := INNER_QUESTION_RE.search(words):
        return QuestionClass(True, "yes_no", False, m.group(0))
    if len(toks) >= 3 and (m := ECHO_WHAT_RE.search(words)):
        return QuestionClass(True, "wh", False, m.group(0))
    if toks and _verbless_any(toks, words):
        return QuestionClass(True, "yes_no", False, "any")
    return QuestionClass(False)


def fronted_question(span) -> QuestionClass:
    """A question after a phrase or clause put first and set off by a comma, in a sentence the source ended with "?":
    "On a scale of nought to ten, how important is it to you?", "If you did stay, what would need to be different?"
    (punctuated text only: the comma says where the question starts)."""
    for t in span:
        if t.text in (",", "\u2014", "\u2013", ":", ";") and t.i + 2 < span.end:
            q = classify_sentence(span.doc[t.i + 1:span.end])
            if q.is_question and q.kind in ("wh", "yes_no"):
                return q
    return QuestionClass(False)
