"""What values the mentee (MITI 4.2.1 "Affirm"): the cue phrases, and the valuing statement read from its parse.

:func:`affirmation_cue` finds the phrases of :data:`pipeline.measures.regard_cues.AFFIRMATION_RE` ("that took
courage", "you've already put a lot in"); :func:`valuing` finds, in a statement's parse, a quality of strength or
good judgement said of the mentee, their act or their idea ("That's shrewd.", "You're a thoughtful person").
:func:`pipeline.measures.helping.sentence_behaviour` reads both.
"""

from __future__ import annotations

from pipeline.measures import helping_cues as cues
from pipeline.measures import regard_cues as regard

#: Auxiliaries that make a valuing word a supposition or a suggestion ("that would be a good idea").
_MAYBE_AUX = frozenset({"would", "could", "might", "may", "should", "'d", "will", "'ll"})


def affirmation_cue(plain: str) -> str:
    """The affirmation cue (:data:`regard.AFFIRMATION_RE`) in ``plain``, or "": not one that is only a reassurance
    that it will turn out well (:data:`regard.REASSURANCE_RE`: "I'm sure you'll be fine", "you've got this") or the
    choice left with them (:data:`cues.PARTNERSHIP_RE`)."""
    # "you know yourself better than I do" leaves the choice with them (MITI 4.2.1 emphasise autonomy), praises nothing
    plain = cues.PARTNERSHIP_RE.sub(" ", regard.REASSURANCE_RE.sub(" ", plain, count=1))
    m = regard.AFFIRMATION_RE.search(plain)
    return m.group(0) if m else ""


def _hyphened(token) -> str:
    """``token``'s lemma, lower-cased, with the word and hyphen the parser split off before it ("clear-sighted")."""
    hyphen = next((c for c in token.lefts if c.text == "-" and c.i == token.i - 1 and c.i > 0), None)
    return (token.doc[hyphen.i - 1].lower_ + "-" + token.lower_) if hyphen is not None else token.lemma_.lower()


def valuing(span) -> str:
    """The words by which a statement values the mentee's act, idea or quality, or "".

    MITI 4.2.1 affirms a strength or effort in many words; what they share is their form: "that", "it", "you", a
    thing of theirs ("your plan") or what they did ("Bringing your mum along") is, sounds or seems something of
    strength or good judgement (:data:`regard.STRENGTH_ADJECTIVES`: "That's shrewd.", "It sounds realistic.", "You're
    resourceful."), a strength itself (:data:`regard.STRENGTH_NOUNS`: "That's a real skill."), a good one of a
    choice ("a good call", "a big step": :data:`regard.GOOD_NOUNS` after :data:`regard.GOOD_ADJECTIVES`) or, of "you",
    a person of strength ("You're a thoughtful person"). Not when negated ("That's not realistic"), compared
    ("clearer than"), of a situation ("That's a tough situation") or of what is clear ("It's clear that ...").
    """
    root = next((t for t in span if t.dep_ == "ROOT"), None)
    for verb in (root, *(c for c in root.children if c.dep_ == "conj")) if root is not None else ():
        if verb.lemma_ not in ("be", "sound", "seem", "look") or any(
                c.dep_ == "neg" or c.dep_ == "ccomp" and not _explains(c, verb) or c.dep_ == "aux" and c.lower_ in _MAYBE_AUX
                or c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in verb.children):
            continue  # "that's not realistic"; "it's clear that you're tired"; "it would be a good idea to" advises;
            # "if it's a sensible question" sets a condition (a clause after a comma may only explain: :func:`_explains`)
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "csubj")), None)
        if subj is None and verb is not root:
            subj = next((c for c in root.children if c.dep_ in ("nsubj", "csubj")), None)
        if subj is None or not (subj.lower_ in ("that", "this", "it", "you", "those", "these") or subj.tag_ == "VBG"
                                or subj.dep_ == "csubj" or any(c.lower_ == "your" for c in subj.children)):
            continue
        for c in verb.children:
            mods = {w for m in c.children if m.dep_ == "amod"  # "grown-up" is parsed as "grown" + "-" + "up"
                    for w in (m.lemma_.lower(), "".join(x.text for x in m.subtree).lower())}
            if c.dep_ == "acomp" and c.tag_ == "JJ" and _hyphened(c) in regard.STRENGTH_ADJECTIVES \
                    and not any(m.dep_ in ("ccomp", "prep") and m.lower_ in ("that", "than") or m.dep_ == "ccomp"
                                for m in c.children) \
                    or c.dep_ == "attr" and c.pos_ == "NOUN" and (
                        c.lemma_.lower() in regard.STRENGTH_NOUNS or mods & regard.JUDGEMENT_ADJECTIVES
                        or c.lemma_.lower() in regard.MEASURE_NOUNS and _measured_strength(c, mods)
                        or subj.lower_ == "you" and mods & regard.STRENGTH_ADJECTIVES
                        or c.lemma_.lower() in regard.GOOD_NOUNS and mods & (regard.GOOD_ADJECTIVES | regard.STRENGTH_ADJECTIVES)):
                start = min(subj.left_edge.i, verb.i)
                return span.doc[start:c.right_edge.i + 1].text.lower()
    return ""


def _explains(clause, verb) -> bool:
    """Whether a clause after a comma explains the thing a noun predicate values ("That's a mature way to look at it,
    that the mistake and the fix both belong"), rather than being what is clear ("It's clear that ...")."""
    i = clause.left_edge.i
    return i > 0 and clause.doc[i - 1].text == "," and any(c.dep_ == "attr" for c in verb.children)


def _measured_strength(noun, mods: set[str]) -> bool:
    """Whether "a bit/sense/piece of ..." measures out a strength: "a real sense of responsibility" (the quality
    after "of"), "a really honest bit of insight" (a strength adjective on the measure)."""
    quality = [g for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
    return bool(mods & regard.STRENGTH_ADJECTIVES) and bool(quality) or any(
        g.lemma_.lower() in regard.STRENGTH_NOUNS for g in quality)
