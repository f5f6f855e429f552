"""What advises and what does not: the advice cues of a sentence read in their clause, instructions, offers to advise.

MITI 4.2.1 codes advice given without permission as "persuade" and with it (the mentee asked, the mentor asked first,
or the choice is left with the mentee) as "persuade with permission"; :mod:`pipeline.measures.helping` decides a
sentence's behaviour and a turn's permission with these readings. A cue is no advice where it sits in a clause of
what is possible ("before you can turn it off"), reports someone else's words, asks for the mentee's own ideas, or
collects the mentee's words in a summary; an instruction is none where it hosts ("take a seat"), sets up an
imagined moment ("suppose it's a year from now") or gives back the mentee's own plan.
"""

from __future__ import annotations

import re

from pipeline.io.transcripts import NOTE_RE
from pipeline.measures import advice_cues, questions
from pipeline.measures import helping_cues as cues
from pipeline.measures import language as lang
from pipeline.measures import regard_cues as regard
from pipeline.measures.reflections import IMPERATIVE_OPENERS, Context, plain_text
from pipeline.types import QuestionClass

#: Verbs that open no instruction: courtesies and talk about talk ("Let me see", "Thank you", "Mind you"), a scene set
#: ("Suppose it's a year from now. What's different?"), their wish asked with "do you" left out ("Still want to?",
#: "Want a drink?", "Fancy a coffee?"), a cheer ("Love that.", "Love you, mate.").
_NOT_IMPERATIVE = frozenset({"let", "thank", "thanks", "see", "mind", "excuse", "hang", "look", "listen", "say",
                             "guess", "imagine", "wait", "hold", "welcome", "bye", "mean", "like", "please", "come",
                             "suppose", "pretend", "picture", "want", "fancy", "love"})
#: Openers after which a bare present verb with no subject instructs ("so get her ready", "then ring the daughter").
_INSTRUCTING = frozenset({"so", "then", "just", "now"})
#: Verbs of the speaker's own state, whose "I" speech leaves out ("so think so", "just need to check"): no instruction.
_STATIVE = frozenset({"think", "hope", "guess", "know", "reckon", "need", "feel", "suppose", "agree", "wonder",
                      "understand", "mean", "bet", "believe", "doubt", "wish", "remember", "forget", "got", "gotta",
                      "hate", "appreciate", "realise", "realize"})
#: After "get", words that make it understanding, not an instruction ("so get it", "just get what you mean").
_GOT_IT = frozenset({"it", "that", "you", "what", "why", "how"})
#: Words that, after a sentence-initial "do", make it a question's auxiliary ("Do you ...?"), not an instruction.
_SUBJECTS = frozenset({"you", "we", "they", "i", "he", "she", "people", "your", "that", "this", "these", "those"})
#: An instruction sharing at least this many content words, and this share of its own, with the mentee's turn(s)
#: just before says back their plan (a reflection), not advice.
PLAN_SHARED_WORDS = 2
PLAN_SHARED_SHARE = 0.6
#: The mentee putting forward something they might do ("maybe try ...", "I could ...", "I'll ...").
_THEIR_PLAN_RE = re.compile(r"\bmaybe\b|\bi(?:'ll|\s+will|\s+could|\s+might|'m\s+going\s+to|\s+want\s+to)\b")
#: Verbs that report someone else's words or thoughts just before an advice cue ("the nurse mentioned you might want
#: to", "you're thinking you might write to him").
_REPORTING = frozenset({"mentioned", "suggested", "said", "says", "told", "thinks", "reckons", "thinking", "wondering",
                        "considering"})
#: The mentee's own wish, ending the words before an advice cue: "you want to show (you can ...)", "you'd like to
#: prove (that you can ...)", "you were hoping (you could ...)".
_THEIR_WISH_RE = re.compile(r"\byou(?:'d|\s+would|\s+were|'re|\s+are)?\s+(?:want|wanted|like|hope|hoped|hoping|wish|"
                            r"wished|wishing)(?:\s+to\s+(?:show|prove|know|feel|believe))?(?:\s+(?:to\s+)?(?:them|her|him|everyone|"
                            r"people|yourself))?(?:\s+that)?\s*$")


#: Sending something to the speaker ("send it over", "drop them through to me"): asked of the mentor, no advice.
_TO_ME_RE = re.compile(r"(?:send|drop|pass|forward|bring)\s+(?:it|them|that|those|this)\s+(?:over|through|across|along)\b")


def imperative(span) -> str:
    """The verb of an instruction ("Record a backup video", "Ask someone on your team", "[laughs] Pin it up over
    your desk": a transcriber's note before it left out), else ""."""
    toks = [t for t in _outside_notes(span) if not (t.is_punct or t.is_space)]
    opened = False
    prev = ""
    while toks and (toks[0].lower_ in cues.ACKNOWLEDGEMENTS and toks[0].lower_ != "i"
                    and (toks[0].lower_ != "you" or prev == "thank") or toks[0].lower_ in IMPERATIVE_OPENERS
                    or vocative(toks[0])):  # "And Jess, don't drop out.": the name called, then the instruction
        # "you" goes only as the end of "thank you": "But you do know what you're talking about." is no instruction;
        # "I" never ("Yeah, I do shout a lot." tells, the "do" is no instruction's)
        toks, opened, prev = toks[1:], opened or toks[0].lower_ in IMPERATIVE_OPENERS, toks[0].lower_
    if len(toks) > 2 and toks[0].lower_ == "do" and toks[1].tag_ == "VB" and toks[1].lower_ not in _SUBJECTS:
        toks = toks[1:]  # "And do go and register with the GP": the emphatic "do" of an instruction
    if len(toks) < (1 if opened else 2) or len(toks) <= 3 and toks[-1].lower_ in ("how", "why"):
        return ""  # "Then stop.": one verb after "then", "so", "just" instructs; "Stuck how?" asks
    verb = toks[0]
    if len(toks) > 3 and toks[1].lower_ in questions.WH_WORDS and questions.classify_sentence(span).is_question:
        return ""  # "gemma what would being seen look like for you": a name called (read as a verb), then asked
    said = " ".join(t.lower_ for t in toks)
    rest = span.doc[verb.i:span.end].text.lower()  # as written from the verb on, its contractions whole
    if questions.ELLIPTIC_RE.match(said) or regard.REASSURANCE_RE.match(said) \
            or regard.REASSURANCE_RE.match(rest):  # "keep doing what you're doing"
        return ""  # "Sound good?", "Make sense?": "does that" left out, asked; "Try not to worry.": reassures
    if verb.lower_ == "remember" and (len(toks) < 2 or toks[1].lower_ != "to"):
        return ""  # "Remember, small changes add up.": a reminder of a fact; "remember to ..." instructs
    if verb.tag_ == "VBP" and verb.dep_ == "ROOT" and verb.i > 0 and (
            verb.doc[verb.i - 1].lower_ in ("maybe", "perhaps")
            or opened and prev in _INSTRUCTING and verb.lower_ not in _STATIVE
            and not (verb.lower_ == "get" and len(toks) > 1 and toks[1].lower_ in _GOT_IT)):
        # "Maybe have a chat with her.": the bare verb after "maybe", tagged as a present; so after "so", "then",
        # "just" with no subject ("right so get her ready for two", unpunctuated: the tagger reads "right" as
        # an interjection and the verb as a present); not a state the speaker is in ("so think so", "then need to")
        verb_tag = "VB"
    else:
        verb_tag = verb.tag_
    if verb.lower_ == "look" and len(toks) > 1 and toks[1].lower_ in ("into", "up", "for"):  # "look into it"
        return " ".join(t.lower_ for t in toks[:3])
    do_it = verb.lower_ == "do" and verb.dep_ == "ROOT" and len(toks) > 1 and toks[1].lower_ not in _SUBJECTS
    have_it = verb.lower_ == "have" and verb.dep_ == "ROOT" and len(toks) > 1 and toks[1].lower_ not in _SUBJECTS
    if verb_tag != "VB" or verb.lower_ in _NOT_IMPERATIVE or verb.lower_ in questions.AUXILIARIES and not (do_it or have_it) \
            or _past_form(verb.lower_) or verb.dep_ in ("nsubj", "nsubjpass", "compound"):
        return ""  # "Do demos on Zoom." and "Have a chat with her." instruct; "Do you ...?" asks; "Stopped it." echoes;
        # "type two diabetes basically means ...": a noun read as a verb
    if any(t.dep_ in ("nsubj", "nsubjpass") and t.head == verb for t in toks) \
            or cues.HOSPITALITY_RE.match(rest):  # "grab a seat" hosts, advises nothing
        return ""
    if any(t.lower_ == "me" for t in toks[1:5]) or _TO_ME_RE.match(rest):
        # "remind me, when is it?", "feel free to email me the draft", "send it over when you've got a draft":
        # asks of the mentor, advises nothing; an instruction joined to it still does ("... and call your manager")
        then = next((t for t in verb.conjuncts if t.tag_ == "VB" and t.i > verb.i and t.lower_ not in _NOT_IMPERATIVE
                     and not any(x.lower_ == "me" for x in span.doc[t.i + 1:t.i + 4])
                     and not any(c.dep_ in ("nsubj", "aux") for c in t.children)), None)  # "... and I'll have a look"
        return " ".join(x.lower_ for x in span.doc[then.i:then.i + 3]) if then is not None else ""
    return " ".join(t.lower_ for t in toks[:3])


def _outside_notes(span) -> list:
    """A span's tokens outside a transcriber's notes (:data:`pipeline.io.transcripts.NOTE_RE`: "[laughs]", "(pause)")."""
    notes = [(m.start() + span.start_char, m.end() + span.start_char) for m in NOTE_RE.finditer(span.text)]
    return [t for t in span if not any(a <= t.idx < b for a, b in notes)]


def _past_form(word: str) -> bool:
    """Whether a word the tagger read as a bare verb has a past form ("Stopped it.": their words echoed, no
    instruction); not the bare verbs that end so ("need", "proceed", "shed")."""
    return word.endswith("ed") and len(word) > 4 and not word.endswith("eed") and word not in ("embed", "bobsled")


def vocative(tok) -> bool:
    """Whether a token is a name called out before a comma ("Jess," in "And Jess, don't drop out.")."""
    nxt = tok.i + 1
    return tok.pos_ == "PROPN" and nxt < len(tok.doc) and tok.doc[nxt].text == ","


def fronted_instruction(span) -> str:
    """The verb of an instruction after a clause or phrase put first: "Okay, so next time you feel it coming, walk
    away.", "When he calls, tell him no.", "In the meantime, keep a diary." (punctuated text: the comma marks where
    the instruction starts), else "". Not a farewell ("Anyway, see you", "Okay, take care": nothing is put first)
    nor a request of the mentor ("When you're done, send me the draft")."""
    root = next((t for t in span if t.dep_ == "ROOT"), None)
    if root is None or root.tag_ != "VB" or root.i == span.start or root.lower_ in _NOT_IMPERATIVE \
            or span.doc[root.i - 1].text != "," or any(t.lower_ == "me" for t in span.doc[root.i + 1:root.i + 4]) \
            or cues.HOSPITALITY_RE.match(span.doc[root.i:span.end].text.lower()):
        return ""
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl") for c in root.children):
        return ""
    if not any(c.dep_ in ("advcl", "prep", "npadvmod") and c.i < root.i for c in root.children):
        return ""
    return " ".join(t.lower_ for t in span.doc[root.i:min(root.i + 3, span.end)] if not t.is_punct)


def their_plan(sent_keys: frozenset[str], ctx: Context) -> bool:
    """Whether an instruction is the mentee's own plan said back: their turn(s) just before put forward something
    they might do (:data:`_THEIR_PLAN_RE`: "maybe", "I could", "I'll") without asking for advice, and most of the
    instruction's content words (at least :data:`PLAN_SHARED_WORDS`, and :data:`PLAN_SHARED_SHARE` of them) are
    theirs. "Send the numbers the day before." after "Should I send the numbers before?" answers; after "The hard
    part is the budget section", "Take care of the budget section first." directs."""
    shared = sent_keys & ctx.previous_words
    return (len(shared) >= PLAN_SHARED_WORDS and len(shared) >= PLAN_SHARED_SHARE * len(sent_keys)
            and bool(_THEIR_PLAN_RE.search(plain_text(ctx.previous_text))) and not asks_advice(ctx.previous_text))


def checks_back(text: str) -> bool:
    """Whether a turn checks it has given the other person's words back right, in any of its sentences ("Have I
    got that right?", "Is that your plan?", "That it?"): :attr:`Context.checks_back`."""
    plains = [plain_text(piece) for piece in lang.text_sentences(text)]
    return any(cues.CHECK_RE.search(p) or cues.PLAN_CHECK_RE.search(p) for p in plains)


def plan_said_back(sent_keys: frozenset[str], ctx: Context) -> bool:
    """Whether an instruction gives back the mentee's own plan in a summary the mentor checks ("So: tell Jo on
    Saturday that Tuesdays are off. [...] Have I got that right?"): most of its content words (at least
    :data:`PLAN_SHARED_WORDS`, and :data:`PLAN_SHARED_SHARE` of them) were the mentee's before the mentor said
    them, anywhere earlier in the session. A plan the mentor set and then asks agreement to ("Three memos by Friday.
    Does that sound OK?") is theirs: its words were the mentor's first, and it checks no words back."""
    shared = sent_keys & ctx.theirs_first
    return ctx.checks_back and len(shared) >= PLAN_SHARED_WORDS and len(shared) >= PLAN_SHARED_SHARE * len(sent_keys)


def advice_cue(q: QuestionClass, plain: str) -> str:
    """The first advice cue (:data:`advice_cues.ADVICE_RE`) of a sentence that advises: not inside a question that asks for
    the mentee's own ideas, after words reporting someone else's, or inside a clause that says what is possible
    (:func:`_subordinate`); none in a sentence that opens a summary ("let me pull together what I've heard: ... you
    need to be useful": their words, collected)."""
    if cues.SUMMARY_OPENING_RE.search(plain):
        return ""
    strong = cues.STRONG_REFLECTION_RE.match(plain)  # "That sounds like a step you could take ...": what they can do,
    # reflected
    for m in advice_cues.ADVICE_RE.finditer(plain):
        before = plain[:m.start()]
        if not (_asks_within(q, plain, m.group(0)) or _reported(before) or _subordinate(before, plain[m.start():])
                or strong and m.group(0).startswith(("you can", "you could"))):
            return m.group(0)
    return ""


#: Words after which "you can/could ..." is a clause of what is possible, not advice: "before you can turn it off",
#: "what you can actually live with", "You know you can do the start" (their confidence given back).
_SUBORDINATORS = frozenset({"before", "until", "till", "what", "whatever", "where", "wherever", "how", "once", "which",
                            "know", "knew", "knows", "sure", "believe", "bet", "see", "saw", "seen",
                            "proof", "proves", "proved", "shows", "showed"})
#: Words shortly before "if you can/could ..." that make it a question reported ("you went and asked a senior
#: engineer if you could sit in") or a wish imagined ("what you'd want weekends to look like, if you could shape
#: them"), not polite advice ("if you could cut your hours down, that would make such a difference").
_IF_ASKED_OR_IMAGINED = frozenset({"ask", "asked", "asking", "wondered", "wondering", "you'd", "would", "i'd",
                                   "they'd"})
#: Leave to stop at any point ("you can stop at any point"): autonomy stressed, no advice (:data:`cues.ANY_TIME`).
_ANY_TIME_RE = re.compile(cues.ANY_TIME)
#: Words after which "you have to / need to ..." gives their reason, not advice ("you're here 'cause you have to be").
_BECAUSE = frozenset({"because", "cause", "'cause", "since", "as"})
#: A question of how confident, ready or sure they are ("how confident are you that you could ...?"): a ruler, asked.
_RULER_RE = re.compile(r"\bhow\s+(?:confident|sure|likely|ready|important|willing|motivated|committed)\b")


#: Things a relative clause "you can/could ..." can describe rather than propose ("something you can actually handle",
#: "a level you can cope with", "a thread you could pull on", "the last thing you could think about").
_DESCRIBED = frozenset("""something anything everything thing things level number thread step steps possibility line
                          stuff place goal target pace amount routine habit skill skills""".split())
#: Verbs that propose an action even in such a clause ("something you could try is a diary", "one thing you can do").
_PROPOSED = frozenset("""try do use join ask call contact talk speak go read get look ring download write start practise
                         practice say tell bring book put apply visit text email""".split())


def _subordinate(before: str, cue_on: str) -> bool:
    """Whether an advice cue sits in a clause that advises nothing: after "whether" ("whether it's worth a try for
    you is your call"), "you can/could ..." after :data:`_SUBORDINATORS`, or a clause that describes
    (:func:`_describes`). ``cue_on``: the sentence from the cue on."""
    words = before.split()
    can = cue_on.startswith(("you can", "you could"))
    return bool(words) and (words[-1] == "whether" or can and words[-1] in _SUBORDINATORS
                            or can and words[-1] == "if" and bool(_IF_ASKED_OR_IMAGINED & set(words[-7:-1]))
                            or cue_on.startswith("you") and words[-1] in _BECAUSE or _describes(words, cue_on)) \
        or bool(_RULER_RE.search(before)) or bool(_ANY_TIME_RE.match(cue_on))


def _describes(words: list[str], cue_on: str) -> bool:
    """Whether "you can/could ..." is a relative clause that describes one of :data:`_DESCRIBED` ("it's starting to
    feel like something you can actually handle", "you've got a number you can check": 19 lines of good helpers in
    the reviewer sets, 6 of poor ones, none advice for that clause), unless its verb proposes (:data:`_PROPOSED`);
    ``words``: the words before the cue (not empty)."""
    rest = cue_on.split()
    if rest[:2] not in (["you", "can"], ["you", "could"]):
        return False
    head = words[-2] if words[-1] == "that" and len(words) >= 2 else words[-1]
    verb = next((w for w in rest[2:] if w not in ("actually", "really", "still", "also", "just")), "")
    return head in _DESCRIBED and verb not in _PROPOSED


def _reported(before: str) -> bool:
    """Whether the words ``before`` a cue end by reporting someone else's words: "the nurse mentioned (you might want
    to ...)", "my manager said (you should ...)"; not the speaker's own ("I said you should ..."); or by the
    mentee's own wish: "you want to show (you can hold your own)" gives back what they want, advises nothing."""
    words = before.split()[-2:]
    return bool(words) and words[-1] in _REPORTING and (len(words) < 2 or words[0] not in ("i", "we", "i'm", "we're")) \
        or bool(_THEIR_WISH_RE.search(before))


def _asks_within(q: QuestionClass, plain: str, advice: str) -> bool:
    """Whether an advice cue sits inside a question that asks the mentee for their own ideas or resources ("what
    do you think you can do?", "is there anyone you can talk to?", "what have you tried?"): a question (MITI 4.2.1),
    unless the question itself proposes ("what about trying ...", "why don't you ...", "have you tried ...")."""
    if not q.is_question:
        return False
    if advice_cues.ADVICE_AS_QUESTION_RE.search(advice):  # proposes, unless a question word asks for what they thought of
        before = plain[:plain.find(advice)].split()  # "what have you thought about trying?", "what have you tried?"
        return q.kind == "wh" and bool(set(before[-3:]) & questions.WH_WORDS)  # "what, if anything, have you"
    return q.kind == "wh" and not plain.startswith(advice) or bool(advice_cues.ASKS_FOR_OPTIONS_RE.match(plain))


def asks_advice(text: str) -> bool:
    """Whether a turn asks for advice ("what should I do?", "should I ...", "any tips?"): it gives permission."""
    return bool(advice_cues.ASKS_ADVICE_RE.search(plain_text(text)))


def offer(plain: str) -> str:
    """The words of an offer to advise that asks first ("would it help if I shared ...?", "can I make a
    suggestion?"), "" for none; "may I suggest you two pick up a hobby" carries the advice itself and is none."""
    m = advice_cues.OFFER_RE.search(plain)
    if m is None:
        return ""
    last_word_at = m.end() - len(m.group(0).split()[-1])  # "suggest" of "may i suggest": what follows it
    return "" if advice_cues.OFFER_CARRIES_ADVICE_RE.match(plain, last_word_at) else m.group(0)
