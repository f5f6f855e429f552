"""Helping skills, coded turn by turn: questions, reflections, affirmations, advice, information, self-disclosure.

:func:`code_turn` codes one turn as an expert listener would (MITI 4.2.1, Moyers et al. 2014/2016; the ESConv
helper strategies, Liu et al. 2021), given the other person's preceding turn(s); :func:`code_session` codes every
turn of a session, tracking when advice was asked for. Each sentence of a turn is read on its own
(:func:`sentence_behaviour`) and the turn takes the first behaviour of :data:`pipeline.types.BEHAVIOURS` among
its sentences, keeping the others in :attr:`pipeline.types.TurnCode.also`.

The one question decision of Rapport is made here: word order (:mod:`pipeline.measures.questions`), "?" where
the text has punctuation, a final rising pitch where there is audio, and requests that invite talk ("tell me
about ..."); a reflection that ends in "?" stays a reflection when it gives back the other person's words, and
advice phrased as a question ("have you thought about ...") is advice. Unpunctuated text is read from its words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import NamedTuple

from pipeline.measures import advice, advice_cues, affirming, disclosure, inner_questions, questions
from pipeline.measures import helping_cues as cues
from pipeline.measures import information_cues as info
from pipeline.measures import judging_cues as judging
from pipeline.measures import language as lang
from pipeline.measures import regard_cues as regard
from pipeline.measures.confronting import argues_back, confronting
from pipeline.measures.reflections import (
    MIN_SHARED_WORDS,
    SECOND_PERSON,
    WORLD_CUE,
    Context,
    SentenceCode,
    content_keys,
    is_acknowledgement,
    names_feeling,
    plain_text,
    reflection,
    reflection_is_complex,
    weakly_reflects,
)
from pipeline.types import BEHAVIOURS, QuestionClass, Turn, TurnCode, TurnMeasures

#: Final rise of pitch (semitones, last 300 ms over the turn's median) that makes a statement of 3+ words asked.
RISE_ST = 2.0

_PUNCT_RE = re.compile(r"[.?!,;:]")
def _pleasantry(plain: str, span) -> bool:
    """A sentence made only of leave-taking and good wishes (:data:`cues.PLEASANTRY_RE`) and the mentee's name:
    "take care and stay safe", "Take care, Mark."."""
    if not cues.PLEASANTRY_RE.search(plain):
        return False
    names = {t.lower_ for t in span if t.pos_ == "PROPN"}
    rest = re.findall(r"[a-z']+", cues.PLEASANTRY_RE.sub(" ", plain))
    return all(w in cues.PLEASANTRY_FILLER or w in names for w in rest)


def sentence_behaviour(span, *, ctx: Context, final: bool, final_rise_st: float | None = None,
                       first: bool = True) -> SentenceCode:
    """What one sentence (a spaCy ``Span``) does, read in the order a listener would.

    An offer to advise is a question; a request that invites talk is an open question; advice (also phrased as a
    question, an instruction, "I would ...") is advice; a statement that gives back the other person's words is a reflection, even when asked
    with "?" or a rising pitch; word order or "?" makes the rest questions; then affirmations, self-disclosure
    (:func:`pipeline.measures.disclosure.self_disclosure`), facts (information). ``final``: the turn's last sentence (a rising pitch belongs to it);
    ``first``: its first (only there can "And because ..." carry on the other person's sentence).
    """
    text = span.text.strip()
    plain = plain_text(text)
    if is_acknowledgement(plain) or _pleasantry(plain, span) or cues.LETS_SPEAK_RE.match(plain) \
            or cues.CALL_CHECK_RE.match(plain) and len(plain.split()) <= 8:
        return SentenceCode("other")
    if (m := cues.CHECK_RE.search(plain)) and len(plain.split()) <= 6:
        return SentenceCode("other", m.group(0))  # "Do I have that right?" checks the reflection before it
    sent_keys = content_keys(span)
    q = questions.classify_sentence(span)
    if not q.is_question and not ctx.punctuated:
        q = inner_questions.trailing_question(span)
    elif not q.is_question and text.endswith("?") and not cues.CHECK_RE.search(plain):
        q = inner_questions.fronted_question(span)  # not "It sounds like ..., is this correct?": a reflection checked
    if not q.is_question and (m := cues.ASKING_ASIDE_RE.search(plain)):
        q = QuestionClass(True, "yes_no", False, m.group(0))  # "..., if you don't mind me asking": asked
    if q.is_question and ((h := cues.HEDGE_RE.search(plain)) and plain_text(q.cue) in h.group(0)
                          or ctx.punctuated and questions.ended_as_statement(span, q)
                          or cues.SAY_FIRST_RE.match(text) and not text.endswith("?")):
        q = QuestionClass(False)  # "people, how shall I say it, noticed you"; "it's backfiring, isn't it."
    rise = final and final_rise_st is not None and final_rise_st >= RISE_ST and len(plain.split()) >= 3
    # "..., you know?" closes a statement with a discourse marker: the "?" asks nothing (word order still may)
    words = plain.split()
    marked = ctx.punctuated and text.endswith("?") and (
        q.is_question or tuple(words[-2:]) not in questions.TRAILING_PAIRS or len(words) < 4
        or words[-3] in questions.AUXILIARIES)  # "Do you know?" asks
    if offer := advice.offer(plain):
        if offer.startswith(("i ", "i'm ", "something ")) and not (q.is_question or marked):
            return SentenceCode("other")  # "I'm happy to tell you what I did, if that's useful.": offered, not asked
        return SentenceCode("question", offer, QuestionClass(True, "yes_no", False, offer))
    if not ctx.speaks_fully and len(words) <= 3 and advice_cues.AGREES_RE.match(plain):
        return SentenceCode("other")  # the mentee's "Go on." accepts an offer; the mentor's invites talk
    if (m := cues.REQUEST_RE.search(plain)) and not advice_cues.ADVICE_RE.search(plain.replace(m.group(0), " ")):
        return SentenceCode("question", m.group(0), QuestionClass(True, "request", True, m.group(0)))
    called = {t.lower_ for t in span[:4] if advice.vocative(t)}  # "And Jess, don't drop out.": read without the name
    if ctx.speaks_fully and (cue := advice.advice_cue(q, " ".join(w for w in plain.split() if w not in called))):
        return SentenceCode("advice", cue, q)  # "Have you tried the gym?": a closed question too (MITI 4.2.1)
    instruction = (advice.imperative(span) or advice.fronted_instruction(span)) if ctx.speaks_fully else ""
    if instruction and (advice.their_plan(sent_keys, ctx) or advice.plan_said_back(sent_keys, ctx)):
        return SentenceCode("reflection", "gives back the mentee's own plan")  # "Try it once the route's done."
    if ctx.speaks_fully and (cue := instruction or lang.find_pattern(advice_cues.I_WOULD_RE, plain)):
        return SentenceCode("advice", cue)
    if ctx.speaks_fully and (m := info.INFORMATION_AS_QUESTION_RE.match(plain)):
        return SentenceCode("information", m.group(0))  # "are you aware that ...?" informs, asks nothing
    if ctx.speaks_fully and not (q.is_question or marked) and (cue := affirming.affirmation_cue(plain) or affirming.valuing(span)):
        return SentenceCode("affirmation", cue)  # "you sound like a caring person" values, not reflects
    if ctx.speaks_fully and not q.is_question and (m := regard.REASSURANCE_RE.search(plain)):
        return SentenceCode("other", m.group(0))  # "you've got this", "I'm sure you'll be fine": kind, values nothing
    if (not (q.is_question and q.kind in ("wh", "yes_no", "alternative")) or cues.CHECK_RE.search(plain)) \
            and not confronting(text):  # "you're being too sensitive" labels the mentee, gives nothing back
        if (r := reflection(span, plain, sent_keys, ctx, asked=marked or rise, first=first)) is not None:
            return r
    if q.is_question:
        return SentenceCode("question", q.cue, q)
    asked_by = "?" if marked else "final rising pitch"
    if (marked or rise) and ctx.speaks_fully and (m := cues.MAYBE_RE.match(plain)):  # "maybe a new project?" suggests
        return SentenceCode("advice", m.group(0).strip(), QuestionClass(True, "declarative", False, asked_by))
    if (marked or rise) and not ctx.speaks_fully and (cues.GUESS_RE.match(plain) or _echo(span, plain, ctx)):
        return SentenceCode("other")  # the mentee's "but probably fine?", "maybe weekends only?": a guess, an option;
        # "Six years?", "Something positive on every PR?": the mentor's words echoed in disbelief, asking nothing new
    if (marked or rise) and len(plain.split()) >= 2 and not questions.is_backchannel_question(span):
        return SentenceCode("question", asked_by, QuestionClass(True, "declarative", False, asked_by))
    return _statement(span, plain, sent_keys, ctx)


#: Longest echo of the other's words asked back in disbelief ("Eight weeks to full time?"), words; and the least
#: share of its words the other person said.
ECHO_MAX_WORDS = 6
ECHO_SHARED_SHARE = 0.75


def _echo(span, plain: str, ctx: Context) -> bool:
    """Whether a verbless sentence of at most :data:`ECHO_MAX_WORDS` words gives back the other person's words
    ("Six years?" after "... on your credit file for six years"): disbelief or concern, asking nothing new."""
    words = plain.split()
    if not words or len(words) > ECHO_MAX_WORDS or any(t.pos_ in ("VERB", "AUX") for t in span):
        return False
    said = set(plain_text(ctx.previous_text).split())
    return sum(w in said for w in words) >= ECHO_SHARED_SHARE * len(words)


#: What a turn that judges the mentee cannot also be: its reflection ("Wow, two whole hours. That must be
#: exhausting.") is sarcasm or a dispute, and its praise ("You're a good lad. Don't waste it.", "So you're great when
#: nobody's marking you. Handy.") is back-handed, both of which MITI 4.2.1 codes as Confront alone (of the reviewer
#: sets' 700-odd turns coded Confront, one is coded Affirm as well).
_UNDONE_BY_JUDGING = frozenset({"reflection", "affirmation"})


def _without_regard(code: TurnCode) -> TurnCode:
    """``code`` less what a judging turn only seems to do (:data:`_UNDONE_BY_JUDGING`), the judgement its cue."""
    rest = [b for b in (code.behaviour, *code.also) if b not in _UNDONE_BY_JUDGING] or ["other"]
    return replace(code, behaviour=rest[0], also=tuple(rest[1:]), complex=False,  # type: ignore[arg-type]
                   cue=code.cue if code.behaviour not in _UNDONE_BY_JUDGING else code.confronting)


def _statement(span, plain: str, sent_keys: frozenset[str], ctx: Context) -> SentenceCode:
    """A sentence that asks nothing and gives nothing back: affirmation, self-disclosure, information."""
    if not ctx.speaks_fully:
        return SentenceCode("other")
    if cue := affirming.affirmation_cue(plain):
        return SentenceCode("affirmation", cue)
    if cue := disclosure.self_disclosure(plain):
        return SentenceCode("self_disclosure", cue)
    if m := info.INFORMATION_RE.search(plain):
        return SentenceCode("information", m.group(0))
    if not span.text.rstrip().endswith("!") and _their_world(span, plain, sent_keys, ctx):
        return SentenceCode("reflection", WORLD_CUE, complex=reflection_is_complex(plain, sent_keys, ctx))
    return SentenceCode("other")


#: Assent that may stand before a statement's own first word ("Yeah, well, ...", "Okay, so ...").
_TOKEN_ASSENT = frozenset("yeah yes yep okay ok right mm hmm exactly sure".split())


def _their_world(span, plain: str, sent_keys: frozenset[str], ctx: Context) -> bool:
    """Whether a statement in which nothing else was found says back the mentee's own situation (a reflection, as an
    MI coder hears it: "Her reaction hit you harder than anger would have.").

    Parameters
    ----------
    span : spacy.tokens.Span
        The sentence, parsed (its subject is read).
    plain : str
        The sentence as :func:`pipeline.measures.reflections.plain_text` gives it.
    sent_keys : frozenset of str
        Its content keys.
    ctx : Context
        The mentee's turn(s) just before; without them nothing is said back.

    Returns
    -------
    bool
        True for at least 4 words about the mentee ("you", "your"), sharing a content word with what they said, or
        opened by "so" with a subject ("So she doesn't know about the other seven.": what they told, drawn together);
        False where the mentor is in it ("I", "we", "let's"), it predicts, judges, wishes or thanks
        (:data:`cues.NOT_WORLD`), generalises or cites policy (:data:`cues.GENERAL_RE`), leaves the choice
        (:data:`cues.PARTNERSHIP_RE`), weighs things for them ("more important than") or opens with "well", "or",
        "maybe", "don't". The turn-level exceptions (an answer, advice, judging) are in :func:`_code_doc`.
    """
    words = plain.split()
    opening = next((w for w in words if w not in _TOKEN_ASSENT), "")  # "Yeah, well, buses don't come" disputes
    if not ctx.previous_words or len(words) < 4 or set(words) & (cues.FIRST_PERSON | cues.WE | cues.NOT_WORLD) \
            or opening in ("well", "or", "maybe", "perhaps", "don't", "do", "never", "please") \
            or "important" in words and "to you" not in plain or cues.GENERAL_RE.search(plain) \
            or cues.PARTNERSHIP_RE.search(plain):
        return False  # "your health is more important than your job" weighs for them; "... important to you" reflects
    return bool(set(words) & SECOND_PERSON) or bool(sent_keys & ctx.previous_words) \
        or words[0] == "so" and not _SO_STRUCTURING_RE.match(plain) \
        and any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in span)  # "So the job isn't really optional."


#: "So" opening talk about the session itself, not the mentee's world: "so that's it for today", "so next week".
_SO_STRUCTURING_RE = re.compile(r"^so\s+(?:that's\s+(?:it|all|us|everything|our\s+time)|next|today|tomorrow|this\s+week|"
                                r"for\s+next|the\s+(?:next|first)\s+(?:thing|step|session)|there\s+you\s+go)\b")


def _combine(codes: Sequence[SentenceCode], *, n_words: int, permission: bool) -> TurnCode:
    """The turn's code from its sentences' (see :class:`pipeline.types.TurnCode`)."""
    found = {c.behaviour for c in codes} | ({"question"} if any(c.question.is_question for c in codes) else set())
    if found == {"other"} and n_words >= cues.INFORMATION_MIN_WORDS and not any(c.cue for c in codes):
        found.add("information")  # a long stretch of explaining, not a story of one's own nor a reassurance
    ordered = [b for b in BEHAVIOURS if b in found and b != "other"] or ["other"]
    if ordered[0] == "reflection" and len(ordered) > 1 and all(c.cue == WORLD_CUE for c in codes if c.behaviour == "reflection"):
        ordered = ordered[1:] + ["reflection"]  # said back without a reflection's form: beside what the turn plainly does
    main = ordered[0]
    cue = next((c.cue for c in codes if c.behaviour == main), "")
    if main == "information" and not cue:
        cue = f"{n_words} words of explaining"
    asked = [c.question for c in codes if c.question.is_question]
    return TurnCode(
        behaviour=main,  # type: ignore[arg-type]
        open=any(q.open for q in asked),
        complex=any(c.complex for c in codes if c.behaviour == "reflection"),
        permission=permission and bool(found & {"advice", "information"}),
        cue=cue,
        also=tuple(ordered[1:]),
    )


def _context(previous: Sequence[str], previous_keys: Iterable[str], text: str, *, speaks_fully: bool,
             theirs_first: frozenset[str] = frozenset()) -> Context:
    return Context(" ".join(previous), frozenset(previous_keys), bool(_PUNCT_RE.search(text)), speaks_fully,
                   theirs_first, bool(theirs_first) and advice.checks_back(text))


def _questions_asked(doc, *, final_rise_st: float | None = None) -> int:
    """How many question sentences a parsed turn holds, read on its own (no turn before it, questions only)."""
    return _code_doc(doc, _context([], frozenset(), doc.text, speaks_fully=False), n_words=len(doc.text.split()),
                     permission=False, final_rise_st=final_rise_st)[2]


def _answers_question(prev_text: str, prev_n_questions: int) -> bool:
    """Whether the other person's turn asked for something the helper can answer with facts: it holds a question
    (the coder's own decision) that is no courtesy and not about the helper (:data:`cues.SOCIAL_QUESTION_RE`)."""
    return prev_n_questions > 0 and not cues.SOCIAL_QUESTION_RE.search(plain_text(prev_text))


def _answer(code: TurnCode, text: str) -> TurnCode:
    """A plain statement that answers the other person's question gives information, asked for (MITI 4.2.1
    "giving information"; with permission): "Her name is Denise", "The form is on the intranet". Not an answer
    about the helper themself: "I" without "you" ("It's been helping me a lot", "Been doing it for two years, I
    love it") tells of the helper's own life."""
    said = cues.ANSWER_LEAD_RE.sub("", plain_text(text))  # "yes, i do feel that way": what follows the "yes" counts
    words = set(said.split())
    if code.behaviour != "other" or code.cue or code.also or len(words) < cues.ANSWER_MIN_WORDS \
            or cues.SELF_START_RE.match(said) or is_acknowledgement(said) \
            or (words & cues.FIRST_PERSON and not words & SECOND_PERSON):  # about the helper, not the mentee's world
        return code
    return replace(code, behaviour="information", cue="answers the mentee's question", permission=True)


def _advice_reasons(codes: list[SentenceCode], sents: Sequence, ctx: Context) -> list[SentenceCode]:
    """``codes`` where a sentence after advice in the same turn reads as a reflection only by its form ("You have to
    be firmer. You can't let parents walk all over you.", "Do the seating chart too. You need both."): it gives the
    advice's reason, not the mentee's words back, unless it shares their words (:data:`MIN_SHARED_WORDS`) or opens
    as a reflection does (:data:`cues.STRONG_REFLECTION_RE`: "It sounds like ...")."""
    out = list(codes)
    for i, (code, span) in enumerate(zip(codes, sents, strict=False)):  # codes may add turn-wide ones
        if code.behaviour != "reflection" or not any(c.behaviour == "advice" for c in out[:i]):
            continue
        plain, keys = plain_text(span.text), content_keys(span)
        if len(keys & ctx.previous_words) < MIN_SHARED_WORDS and not cues.STRONG_REFLECTION_RE.search(plain):
            out[i] = _statement(span, plain, keys, ctx)
    return out


def _code_doc(doc, ctx: Context, *, n_words: int, permission: bool,
              final_rise_st: float | None, answers: bool = False) -> tuple[TurnCode, QuestionClass, int]:
    """A parsed turn's code, its strongest question (open before closed) and its number of question sentences;
    ``answers``: the other person's last turn asked a question (:func:`_answers_question`)."""
    sents = questions.sentences(doc)
    codes = [sentence_behaviour(s, ctx=ctx, final=i == len(sents) - 1, final_rise_st=final_rise_st, first=i == 0)
             for i, s in enumerate(sents)]
    if not codes:
        return TurnCode("other"), QuestionClass(False), 0
    judged = next((cue for s in sents if (cue := confronting(s.text))
                   and not (answers and judging.NOT_SO_RE.match(cue))
                   and not (judging.NO_IT_ISNT_RE.match(cue)
                            and cue.split()[-1] in plain_text(ctx.previous_text).split())), "") \
        if ctx.speaks_fully else ""
    if ctx.speaks_fully:  # one definition of self-disclosure for the whole turn, sentences split or not
        plain = plain_text(doc.text)
        plains = [plain_text(s.text) for s in sents]
        found = {c.behaviour for c in codes}
        told = plain_text(" ".join(s.text for s, p in zip(sents, plains, strict=True) if not advice.offer(p)))  # an offer to share tells nothing
        unasked = " ".join(p for p, c in zip(plains, codes, strict=True) if not (ctx.punctuated and c.question.is_question))
        for behaviour, cue in (("self_disclosure", disclosure.self_disclosure(told)),  # "Are you sure it's a good idea?"
                               ("affirmation", affirming.affirmation_cue(unasked))):  # doubts: affirms nothing
            if cue and behaviour not in found:
                codes.append(SentenceCode(behaviour, cue))
        reassuring = bool(cues.REASSURING_RE.search(plain))
        approving = any(regard.APPROVAL_RE.search(p) for p in plains)  # "Good lad! ... You did the right thing."
        if reassuring or approving:  # "you'll be fine. You're clearly really capable.": reassurance, no strength
            codes = [SentenceCode("other") if c.behaviour == "affirmation" and (
                approving or regard.GENERIC_PRAISE_RE.search(c.cue)) else c for c in codes]
        codes = _advice_reasons(codes, sents, ctx)
        if cues.SUMMARY_OPENING_RE.search(plains[0]):  # "Let me see if I've got the whole picture.
            # ... maybe dropping a shift": a summary gives back their plans; only the speaker's own ("I'll refer you")
            codes = [c._replace(behaviour="reflection", complex=True) if c.behaviour == "advice"
                     and not cues.SELF_START_RE.match(c.cue) else c for c in codes]
        if argued := argues_back(plains):  # "I get it. But that's the most important part.": Confront and Persuade
            judged = judged or argued
            if not found & {"advice", "information"}:
                codes.append(SentenceCode("advice", argued))
        # a later "But ..." that is no reflection argues from what was just said ("Children can be cruel. But the
        # toilet is not a hygienic place ..."), it does not give it back
        argues = any(p.startswith("but ") and (c.behaviour != "reflection" or weakly_reflects(c))
                     for p, c in zip(plains[1:], codes[1:], strict=False))
        if answers or judged or argues or any(c.behaviour in ("advice", "information") for c in codes):
            codes = [SentenceCode("other") if c.cue == WORLD_CUE else c for c in codes]
        # a statement that reflected only by its opening or shared words belongs to the lecture around it ("And your
        # weight is a big piece of that. Your BMI is thirty-four, which is in the obese category."), or, unless it
        # names a feeling, to the advice or reassurance ("Don't let Sharon get to you, she's like that.")
        explains = any(info.EXPLAINS_RE.search(p) for p in plains)
        if explains or argues or reassuring or any(c.behaviour == "advice" for c in codes):
            codes = [SentenceCode("other") if weakly_reflects(c) and (
                explains or not (i < len(plains) and names_feeling(plains[i]))) else c for i, c in enumerate(codes)]
    code = _combine(codes, n_words=n_words, permission=permission)
    if ctx.speaks_fully:
        if answers:
            code = _answer(code, doc.text)
        code = replace(code, partnership=partnership(doc.text), confronting=judged)
        if code.partnership and {code.behaviour, *code.also} & {"advice", "information"}:
            code = replace(code, permission=True)  # MITI 4.2.1 E.4.c: autonomy or a seek beside the advice permits it
        if code.confronting and _UNDONE_BY_JUDGING & {code.behaviour, *code.also}:
            code = _without_regard(code)  # MITI 4.2.1: a reflection or praise said to judge ("Forty-five. Cute.")
    asked = [c.question for c in codes if c.question.is_question]
    best = next((q for q in asked if q.open), asked[0]) if asked else QuestionClass(False)
    return code, best, len(asked)


def partnership(text: str) -> str:
    """The words with which a turn seeks collaboration or leaves the choice with the other person ("" for none).

    MITI 4.2.1 "Seek" and "Emphasize" (:data:`cues.PARTNERSHIP_RE`), and asking permission before advising
    (:data:`advice_cues.OFFER_RE`: "would it help if I shared ...?"), which MITI codes as seeking collaboration too.
    """
    for sentence in lang.text_sentences(text):  # "... a few tools. Want me to run through them?"
        if offer := advice.offer(plain_text(sentence)):
            return offer
    plain = cues.HOSTED_IF_YOU_WANT_RE.sub(" ", plain_text(text))  # "grab a coffee if you want" hosts
    m = cues.PARTNERSHIP_RE.search(plain)
    return m.group(0).strip() if m else ""


#: What each behaviour is called where a turn's code is shown (transcripts, the turns CSV, the HTML report).
_BEHAVIOUR_WORDS = {"self_disclosure": "own experience", "affirmation": "affirmation", "advice": "advice",
                    "reflection": "reflection", "question": "question", "information": "information"}


def code_text(code: TurnCode) -> str:
    """A turn's code in words, for the transcript: "complex reflection + open question · sharing the decision".

    The main behaviour first, its other behaviours after "+", then the MITI codes read beside them ("sharing the
    decision", "judging") after "·"; a reflection says simple or complex, a question open or closed, advice and
    information whether they were asked for. "" for a turn that does none of these ("other").
    """
    def words(b: str) -> str:
        if b == "reflection":
            return f"{'complex' if code.complex else 'simple'} reflection"
        if b == "question":
            return f"{'open' if code.open else 'closed'} question"
        if b in ("advice", "information"):
            return f"{b} asked for" if code.permission else f"unasked {b}"
        return _BEHAVIOUR_WORDS[b]

    done = " + ".join(words(b) for b in (code.behaviour, *code.also) if b != "other")
    beside = [label for label, cue in (("sharing the decision", code.partnership), ("judging", code.confronting)) if cue]
    return " · ".join(([done] if done else []) + beside)


def code_turn(text: str, *, previous: Sequence[str] = (), nlp, asked_permission: bool = False,
              final_rise_st: float | None = None) -> TurnCode:
    """Code one turn of a helper (a mentor): what it does, as MITI 4.2.1 and ESConv would count it.

    Parameters
    ----------
    text : str
        The turn's words, with or without punctuation.
    previous : sequence of str
        The other person's preceding turn(s), most recent last: reflections give back their words (content
        overlap, second-person framing, feeling words), and their asking for advice gives permission.
    nlp : spacy.language.Language
    asked_permission : bool
        The speaker offered advice earlier and the other person agreed ("would it help if I shared ...?" "Yes").
    final_rise_st : float or None
        The turn's final pitch rise, semitones (audio only): at least :data:`RISE_ST` asks a statement.

    Returns
    -------
    TurnCode
        ``TurnCode("other")`` for an empty turn or a listening signal ("mm-hm", "okay").
    """
    if not text.strip() or lang.is_backchannel_text(text):
        return TurnCode("other")
    docs = list(nlp.pipe([text, *previous], disable=["ner"]))
    keys = frozenset().union(*(content_keys(d) for d in docs[1:])) if previous else frozenset()
    ctx = _context(previous, keys, text, speaks_fully=True)
    answers = bool(previous) and advice.asks_advice(previous[-1])
    asked = bool(previous) and _answers_question(previous[-1], _questions_asked(docs[-1]))
    code, _, _ = _code_doc(docs[0], ctx, n_words=len(text.split()), permission=asked_permission or answers,
                           final_rise_st=final_rise_st, answers=asked)
    return code


class CodedTurn(NamedTuple):
    """One turn coded in a session: its code, its strongest question, its number of question sentences, and
    whether it is a listening signal (a short burst in the other's speech that neither asks nor answers)."""

    code: TurnCode
    question: QuestionClass
    n_questions: int
    listening: bool = False


def code_turns(turns: Sequence[Turn], docs: Sequence, *, helpers: Iterable[str] = (),
               backchannel: Sequence[bool] | None = None,
               final_rise_st: Sequence[float | None] | None = None) -> tuple[CodedTurn, ...]:
    """Code every turn of a session, in order: the session's one question decision and helping behaviours.

    Parameters
    ----------
    turns : sequence of Turn
        In time order.
    docs : sequence of spacy.tokens.Doc
        Their words parsed, same order.
    helpers : iterable of str
        Labels of the speakers coded fully (the mentor); the others' turns are coded for their questions only
        (and their asking for advice, which gives the helper permission). Empty: everyone is coded fully.
    backchannel : sequence of bool or None
        Which turns carry a listening signal (:mod:`pipeline.speech.events`); None reads it from the words. Such
        a turn is coded "other", unless its words ask a question or it answers the other's question (then it is
        no listening signal: ``CodedTurn.listening`` is False).
    final_rise_st : sequence of float or None, or None
        Each turn's final pitch rise (audio); None without audio.

    Returns
    -------
    tuple of CodedTurn
        One per turn. Each turn is read against the other people's turns since the speaker's last turn that
        was not a listening signal (at most 3, listening signals left out), most recent last.
    """
    helpers = frozenset(helpers)
    bc = list(backchannel) if backchannel is not None else [lang.is_backchannel_text(t.text) for t in turns]
    rises = list(final_rise_st) if final_rise_st is not None else [None] * len(turns)
    keys = [content_keys(d) for d in docs]
    first_said: dict[str, set[str]] = {}  # speaker -> content words they used before anyone else in the session
    said: set[str] = set()  # every content word said so far
    offered: dict[str, bool] = {}  # speaker -> offered advice in their last turn
    allowed: dict[str, bool] = {}  # speaker -> the other person agreed to their offer
    out = []
    for i, t in enumerate(turns):
        if not t.text.strip():
            out.append(CodedTurn(TurnCode("other"), QuestionClass(False), 0, listening=bc[i]))
            continue
        if bc[i]:  # a short burst inside the other's speech: a listening signal, unless its words ask or answer
            if not _questions_asked(docs[i], final_rise_st=rises[i]) and not _answers(turns, out, i):
                out.append(CodedTurn(TurnCode("other"), QuestionClass(False), 0, listening=True))
                continue
            bc[i] = False  # "Every day?", or "Most days." after one: a question or its answer, not a listening sound
        prev = _previous(turns, bc, i)
        full = not helpers or t.speaker in helpers
        ctx = _context([turns[j].text for j in prev], frozenset().union(*(keys[j] for j in prev)), t.text,
                       speaks_fully=full, theirs_first=frozenset().union(
                           *(w for who, w in first_said.items() if who != t.speaker)) if full else frozenset())
        answers = bool(prev) and advice.asks_advice(turns[prev[-1]].text)
        if prev and offered.get(t.speaker):  # the other person's answer to this speaker's offer
            allowed[t.speaker] = bool(advice_cues.AGREES_RE.match(turns[prev[0]].text.lower()))
            offered[t.speaker] = False
        asked = bool(prev) and _answers_question(turns[prev[-1]].text, out[prev[-1]].n_questions)
        coded = CodedTurn(*_code_doc(docs[i], ctx, n_words=len(t.text.split()),
                                     permission=answers or allowed.get(t.speaker, False),
                                     final_rise_st=rises[i], answers=asked))
        first_said.setdefault(t.speaker, set()).update(keys[i] - said)
        said.update(keys[i])
        offered[t.speaker] = bool(advice.offer(plain_text(t.text)))
        allowed[t.speaker] = False  # an offer accepted allows the turn that follows, not the rest of the session
        out.append(coded)
    return tuple(out)


def _answers(turns: Sequence[Turn], coded: Sequence[CodedTurn], i: int) -> bool:
    """Whether turn ``i`` follows straight on another person's turn that asked a question (``coded``: the turns
    before ``i``)."""
    return i > 0 and turns[i - 1].speaker != turns[i].speaker and coded[i - 1].n_questions > 0


def _previous(turns: Sequence[Turn], bc: Sequence[bool], i: int, *, at_most: int = 3) -> list[int]:
    """Positions of the other people's turns since turn ``i``'s speaker last spoke (listening signals left out)."""
    out = []
    j = i - 1
    while j >= 0 and len(out) < at_most:
        if turns[j].speaker == turns[i].speaker:
            if not bc[j]:
                break
        elif not bc[j] and turns[j].text.strip():
            out.append(j)
        j -= 1
    return out[::-1]


def code_session(turns: Sequence[Turn], *, nlp, docs: Sequence | None = None,
                 turn_measures: Sequence[TurnMeasures] | None = None) -> tuple[TurnCode, ...]:
    """Code every turn of a session (:func:`code_turns`): the mentor's fully, the others' for their questions.

    Parameters
    ----------
    turns : sequence of Turn
        In time order; the mentor is the speaker whose turns have role "mentor" (without one, everyone is
        coded fully).
    nlp : spacy.language.Language
    docs : sequence of spacy.tokens.Doc or None
        The turns' words already parsed; None parses them.
    turn_measures : sequence of TurnMeasures or None
        The turns' measures, same order: their roles, listening signals and final pitch rise are used.

    Returns
    -------
    tuple of TurnCode
        One per turn.
    """
    if docs is None:
        docs = list(nlp.pipe([t.text for t in turns], disable=["ner"]))
    roles = [m.role for m in turn_measures] if turn_measures is not None else [t.role for t in turns]
    helpers = {t.speaker for t, r in zip(turns, roles, strict=True) if r == "mentor"}
    coded = code_turns(
        turns, docs, helpers=helpers,
        backchannel=[m.is_backchannel for m in turn_measures] if turn_measures is not None else None,
        final_rise_st=[m.prosody.final_rise_st for m in turn_measures] if turn_measures is not None else None,
    )
    return tuple(c.code for c in coded)
