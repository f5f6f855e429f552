"""What a helper's sentence gives back: reflections, simple and complex (MITI 4.2.1), and the plain text they are read in.

:func:`reflection` decides whether a sentence reflects what the other person said or meant: a reflection opening
("it sounds like", "so you'd like"), a "you" statement that gives back their words or names their feeling, a short
feeling named, or a plain statement of their world in their words; :func:`pipeline.measures.helping.sentence_behaviour`
asks it after advice, offers and affirmations, and before questions. :func:`plain_text` is the one normal form
every cue of :mod:`pipeline.measures.helping_cues` is matched against.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

from pipeline.io.transcripts import NOTE_RE
from pipeline.measures import disclosure, questions
from pipeline.measures import helping_cues as cues
from pipeline.measures import information_cues as info
from pipeline.measures import language as lang
from pipeline.types import QuestionClass

#: Content words of a reflection shared with the other person's turn(s) that make a "you" statement give back
#: their words (a reflection without a reflection opening, or a declarative "?" that reflects).
MIN_SHARED_WORDS = 2
#: Share of a reflection's content words not in the other person's turn(s) from which it adds meaning (complex).
NEW_MEANING_SHARE = 0.5

SECOND_PERSON = frozenset({"you", "your", "you're", "you've", "you'd", "you'll", "yours", "yourself"})
IMPERATIVE_OPENERS = frozenset({"so", "and", "then", "well", "just", "maybe", "perhaps", "also", "first", "now",
                                 "definitely", "but", "still", "honestly", "seriously", "or", "hey"})

#: Longest verbless sentence read as a feeling given back ("Nervous and hopeful at the same time."), words.
FRAGMENT_MAX_WORDS = 8
#: Words at most in a plain statement that gives back the other person's words without an opening (:func:`_echoes`).
ECHO_MAX_WORDS = 15
#: Words at most in such a statement with "your" in it that shares none of their content words, words.
ECHO_YOUR_MAX_WORDS = 10
#: Words at most in such a statement when it names a feeling ("there's some resentment in that, that she can comment
#: from a distance while you're the one doing the nights"): a complex reflection says more, words.
ECHO_FEELING_MAX_WORDS = 30
#: Letters two words share at the start to count as one ("stress", "stressful") when a subject is compared.
_STEM = 5
#: Words of a verdict on what the other said ("great", "good", "sorry", "normal"): reassurance or praise, no echo.
_VERDICTS = frozenset({"great", "good", "glad", "nice", "wonderful", "awesome", "amazing", "sorry", "hope", "hoping",
                       "sure", "understandable", "okay", "ok", "fine", "best", "luck", "congratulations", "normal",
                       "common", "brave", "proud", "well", "lovely", "fantastic", "excellent", "cool", "fun",
                       "welcome", "bet", "deserve", "thanks", "thank", "same", "kind", "pleasure", "lucky",
                       "alone", "blessed", "grace"})

#: A feeling named as what is there: "there's some resentment in that", "there's a bit of shame in admitting it"
#: (a reflection, though "there's some" otherwise informs: :data:`info.INFORMATION_RE`).
_FEELING_THERE_RE = re.compile(r"^(?:and\s+|so\s+|but\s+)?there(?:'s|\s+is)\s+(?:some|a\s+bit\s+of|a\s+lot\s+of|"
                               r"real|a\s+little|(?:a\s+)?(?:kind|sort)\s+of)?\s*(?:" + "|".join(sorted(cues.FEELINGS)) + r")\b")
#: An obligation or a comparison argues a point ("Your health is more important than your job", "You don't have to
#: be an alcoholic to ..."): persuading, not giving back.
_ARGUES_RE = re.compile(r"\b(?:have|has|had|need|needs|got)\s+to\b|\bthan\b|\bmust\b|\bshould\b|\bought\b")
_OURS = frozenset({"we", "we're", "we've", "we'd", "we'll", "us", "our", "ours", "let's"})
#: Auxiliaries of a "you" statement that predicts or advises rather than gives back ("you can", "you will").
_NOT_REFLECTING_AUX = frozenset({"can", "could", "will", "would", "should", "might", "may", "must", "'ll", "ca",
                                 "wo", "shall"})


class SentenceCode(NamedTuple):
    """What one sentence does: its behaviour, cue, and the question it asks (if it asks one)."""

    behaviour: str
    cue: str = ""
    question: QuestionClass = QuestionClass(False)
    complex: bool = False


class Context(NamedTuple):
    """What a turn is read against: the other person's words, and whether the text writes punctuation."""

    previous_text: str
    previous_words: frozenset[str]
    punctuated: bool
    speaks_fully: bool
    #: Content words the other people said earlier in the session before this speaker first used them (their own
    #: details and plans, which a summary gives back); empty where the session is not known.
    theirs_first: frozenset[str] = frozenset()
    #: Whether the turn checks it has given the other person's words back right ("Have I got that right?").
    checks_back: bool = False


#: Contractions written without their apostrophe (captions, typed chat: "youve got to", "thats"), put back so that
#: the cues read them; only forms that are no other word ("its", "ill", "were", "shed" are left alone).
_BARE_CONTRACTIONS = {
    w.replace("'", ""): w for w in (
        "you've you're you'd you'll i'm i've i'd that's don't doesn't didn't isn't wasn't aren't weren't can't "
        "couldn't shouldn't wouldn't haven't hasn't hadn't won't they're they've we've what's there's here's "
        "that'll it'll let's how's who's where's").split()}
_BARE_RE = re.compile(r"\b(?:" + "|".join(sorted(_BARE_CONTRACTIONS, key=len, reverse=True)) + r")\b")
#: Typed chat's spellings of "you" ("u", "ur", "uve", "urself"), written out so that the cues read them: "ur" is
#: "you're" before a word that follows "you're" ("ur annoyed", "ur not", "ur in charge"), else "your" ("ur family").
#: Typed in lower case only; a "u" next to another single letter, a full stop or a hyphen ("u s", "u.s.", "u-turn")
#: is left alone, and a capital "U" (a letter named: "section U") too.
_CHAT_YOU = {"u": "you", "uve": "you've", "ud": "you'd", "ull": "you'll", "ure": "you're", "urself": "yourself",
             "urselves": "yourselves"}
_CHAT_RE = re.compile(r"(?<![\w'.-])(u|uve|ud|ull|ure|urself|urselves|ur)(?![\w'-])(?!\.\w)(?!\s+[a-zA-Z]\b)(\s+[\w']+)?")
_YOU_ARE_NEXT = frozenset("not so really very just still a an the being going gonna doing welcome right wrong ok okay "
                          "fine good great allowed able in on at all always never only probably definitely clearly "
                          "obviously such too".split())


def _chat_you(m: re.Match) -> str:
    """One match of :data:`_CHAT_RE` written out, the word after it kept."""
    word, nxt = m.group(1), m.group(2) or ""
    if word != "ur":
        return _CHAT_YOU[word] + nxt
    after = nxt.strip().lower()
    return ("you're" if after in _YOU_ARE_NEXT or after.endswith(("ing", "ed")) else "your") + nxt


#: The cue of a statement that reflects by the other person's words it gives back, with no reflection's opening.
GIVES_BACK_CUE = "gives back the mentee's words"
#: The cue of a statement that says back the mentee's own situation with neither a reflection's form nor their words
#: (:func:`pipeline.measures.helping._their_world`).
WORLD_CUE = "says back the mentee's world"


def weakly_reflects(code: SentenceCode) -> bool:
    """A reflection read from no more than its opening ("so ...", "and your ...") or from shared words: what an
    explaining or advising turn around it shows to be the speaker's own case."""
    return code.behaviour == "reflection" and (
        code.cue in (WORLD_CUE, GIVES_BACK_CUE) or bool(cues.CONTINUES_RE.match(code.cue + " "))
        or bool(cues.SUMMARY_RE.match(code.cue + " x")))


@lru_cache(maxsize=4096)  # every cue reads it, many times over the same sentence and turn
def plain_text(text: str) -> str:
    """Lower case, curly apostrophes straightened, contractions written bare given their apostrophe back
    (:data:`_BARE_CONTRACTIONS`), chat's "u" and "ur" written out (:data:`_CHAT_YOU`), a transcriber's notes ("[laughs]")
    and punctuation out, one space between words."""
    low = _CHAT_RE.sub(_chat_you, NOTE_RE.sub(" ", text).replace("\u2019", "'")).lower()
    return questions.strip_punctuation(_BARE_RE.sub(lambda m: _BARE_CONTRACTIONS[m.group(0)], low))


def content_words(doc_or_keys: Iterable[str]) -> frozenset[str]:
    """Content lemmas among content keys (:func:`pipeline.measures.language.content_items`): one-word keys only."""
    return frozenset(k for k in doc_or_keys if " " not in k)


def content_keys(doc) -> frozenset[str]:
    """A parsed text's content lemmas, the words of reflection openings left out."""
    return content_words(key for key, _ in lang.content_items(doc)) - cues.STEM_LEMMAS


def is_acknowledgement(plain: str) -> bool:
    """Whether a plain sentence is only a short acknowledgement ("okay", "yeah right", "I see", "I hear you", "I get
    it"), at most 4 words."""
    words = plain.replace("-", " ").split()
    return not words or (len(words) <= 4 and all(w in cues.ACKNOWLEDGEMENTS for w in words)) \
        or bool(_HEARD_RE.match(plain))


#: "I hear you", "I get it", "I understand": heard, nothing given back.
_HEARD_RE = re.compile(r"^(?:(?:yeah|yes|okay|ok|right|mm|no)\s+)?i\s+(?:hear\s+(?:you|ya)|get\s+(?:it|that|you)|understand|see\s+that)"
                       r"(?:\s+(?:totally|completely))?$")


def _gives_back(sent_keys: frozenset[str], ctx: Context) -> bool:
    """Whether a sentence shares enough content words with the other person's turn(s) to give them back."""
    shared = sent_keys & ctx.previous_words
    return len(shared) >= MIN_SHARED_WORDS or (len(shared) >= 1 and len(sent_keys) <= 2)


def reflection_is_complex(plain: str, sent_keys: frozenset[str], ctx: Context) -> bool:
    """A reflection that adds meaning: a feeling not named, two sides, a metaphor, the sentence continued, or
    mostly new content words (MITI 4.2.1 complex reflection)."""
    if cues.CALLBACK_CUE_RE.search(plain):  # brings back earlier words: complex only when it holds two sides
        return bool(cues.DOUBLE_SIDED_RE.search(plain))
    previous = plain_text(ctx.previous_text)
    prev = set(previous.split())
    if (m := cues.ADDS_MEANING_RE.search(plain)) and m.group(0) not in previous:
        return True
    if any(w in cues.FEELINGS and w not in prev for w in plain.split()):
        return True
    if (m := cues.FEELING_PHRASE_RE.search(plain)) and m.group(0) not in previous:
        return True
    if cues.DOUBLE_SIDED_RE.search(plain) or cues.METAPHOR_RE.search(plain) or cues.CONTINUES_RE.match(plain):
        return True
    if not ctx.previous_words or not sent_keys:
        return False
    new = sent_keys - ctx.previous_words
    return len(new) >= 2 and len(new) / len(sent_keys) >= NEW_MEANING_SHARE


def _predicts_or_advises(root) -> bool:
    """Whether a sentence's root verb carries an auxiliary of prediction or advice ("you can", "you will", "should")."""
    return any(c.dep_ == "aux" and c.lower_ in _NOT_REFLECTING_AUX for c in root.children)


def _about_you(span) -> bool:
    """A statement about the other person: "you" or "your" in it (its subject, its object: "being there for your
    kids matters to you"), not led by "I" or "we", and it neither predicts nor advises ("you can do it", "you will
    be fine", "you are welcome" are not reflections)."""
    toks = [t for t in span if not (t.is_punct or t.is_space)]
    while toks and (toks[0].lower_ in cues.ACKNOWLEDGEMENTS or toks[0].lower_ in IMPERATIVE_OPENERS):
        toks = toks[1:]
    if not toks or toks[0].lower_ in ("i", "my", "we", "me", "i'm", "i've", "i'd", "let", "let's"):
        return False
    if not any(t.lower_ in SECOND_PERSON for t in toks):
        return False
    root = next((t for t in toks if t.dep_ == "ROOT"), None)
    subj = [t for t in toks if t.dep_ in ("nsubj", "nsubjpass", "expl") and root is not None and t.head == root]
    if subj and subj[0].lower_ in ("i", "we"):
        return False
    return root is not None and not _predicts_or_advises(root) and not cues.NOT_REFLECTION_RE.search(span.text.lower())


#: "No worries", "not to worry", "don't worry": a courtesy, no feeling named.
_NO_WORRIES_RE = re.compile(r"\bno\s+worries\b|\bnot\s+to\s+worry\b|\bdon't\s+worry\b")


def names_feeling(plain: str) -> bool:
    """Whether a sentence names a feeling (:data:`cues.FEELINGS`, :data:`cues.FEELING_PHRASE_RE`) other than the
    courtesies of a greeting or a goodbye ("happy holidays", "glad I could help", "stay safe", "no worries")."""
    plain = _NO_WORRIES_RE.sub(" ", plain)
    return any(w in cues.FEELINGS and w not in cues.COURTESY_FEELINGS for w in plain.split()) \
        or bool(cues.FEELING_PHRASE_RE.search(plain))


def _feels_you(span, plain: str) -> bool:
    """A statement that says what the other person feels: "you" the subject of the sentence ("You're torn about
    it", "You care a lot about ...") or the one something is done to ("The arguing is wearing you down"), and a
    feeling named."""
    if not names_feeling(plain):
        return False
    root = next((t for t in span if t.dep_ == "ROOT"), None)
    return root is not None and any(t.lower_ == "you" and t.head == root and t.dep_ in ("nsubj", "nsubjpass", "dobj")
                                    for t in span)


def _feeling_fragment(span, plain: str) -> bool:
    """A short verbless sentence that names a feeling: "Nervous and hopeful at the same time.", "Really scary."
    (MITI 4.2.1 codes a feeling given back in a few words as a reflection)."""
    toks = [t for t in span if not (t.is_punct or t.is_space)]
    if not (0 < len(toks) <= FRAGMENT_MAX_WORDS and toks[0].lower_ not in ("i", "my", "we", "me", "our")
            and names_feeling(plain) and not cues.NOT_REFLECTION_RE.search(plain)):
        return False
    if not any(t.pos_ in ("VERB", "AUX") for t in toks):
        return True
    # "Worried about how it'll look.": no subject, nothing finite heading it; "Which feels pretty lousy.", "Walking
    # back in feels kind of embarrassing.": the feeling of what they just told (their sentence carried on, their act)
    root = next((t for t in toks if t.dep_ == "ROOT"), None)
    if root is None:
        return False
    subj = [t for t in toks if t.dep_ in ("nsubj", "nsubjpass", "csubj") and t.head == root]
    return (not subj and root.tag_ not in _FINITE and root.i == toks[0].i) or bool(subj) and (
        subj[0].i == toks[0].i and subj[0].lower_ == "which" or subj[0].dep_ == "csubj" or subj[0].tag_ == "VBG")


#: Part-of-speech tags of a finite verb: a sentence without one is a phrase ("Getting seen right at that moment.").
_FINITE = frozenset({"VBD", "VBP", "VBZ", "MD"})


def _echoes(span, plain: str, sent_keys: frozenset[str], ctx: Context) -> bool:
    """A short plain statement of the other person's world in their words: "It's woven into your whole day.",
    "Work stress is the big one.", "You used to be really active." (MITI 4.2.1 codes a statement that captures
    what the client said as a reflection, with no opening needed): it shares a content word with their turn,
    is not the helper's own ("I", "we", "my"), and neither predicts, advises nor informs."""
    words = plain.split()
    if not ctx.previous_words or not 2 <= len(words) <= (ECHO_FEELING_MAX_WORDS if names_feeling(plain) else ECHO_MAX_WORDS) \
            or span.text.rstrip().endswith("!") \
            or ctx.previous_text.rstrip().endswith("?") \
            or words[0] in ("if", "maybe", "perhaps", "unless") or cues.MAYBE_RE.match(plain):
        return False  # a guess ("maybe your body needs rest") proposes, and after their question it answers
    if set(words) & (cues.FIRST_PERSON | _OURS | _VERDICTS) or cues.NOT_REFLECTION_RE.search(plain) \
            or _ARGUES_RE.search(plain) \
            or info.INFORMATION_RE.search(plain) and not _FEELING_THERE_RE.match(plain) or disclosure.self_disclosure(plain):
        return False
    root = next((t for t in span if t.dep_ == "ROOT"), None)
    if root is None or _predicts_or_advises(root):
        return False
    shared = sent_keys & ctx.previous_words
    if ctx.punctuated and not any(t.pos_ in ("VERB", "AUX") for t in span) and shared \
            and 2 * len(shared) >= len(sent_keys):
        return True  # "A message on Monday.": their words given back as a phrase (unpunctuated, it may be asked)
    if ctx.punctuated and len(words) >= 3 and (root.tag_ == "VBG" or span[0].tag_ == "VBG") and not any(
            t.tag_ in _FINITE or t.dep_ in ("nsubj", "nsubjpass") for t in span):
        return True  # "Getting locked out on top of the hearing thing.": what they live, named as a gerund phrase
    subj = [t for t in span if t.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") and t.head == root]
    if any(t.lower_ == "you" or any(c.lower_ == "your" for c in t.children) for t in subj):
        return True  # "You freeze.", "Your evenings are the hard part.": what they do, feel or have, said back
    if len(words) < 3 or cues.PARTNERSHIP_RE.search(plain):
        return False  # "it's your call" leaves the choice with them
    if SECOND_PERSON & set(words) and (sent_keys & ctx.previous_words or len(words) <= ECHO_YOUR_MAX_WORDS
                                       or names_feeling(plain)):
        return True  # "It's woven into your whole day."
    # about their world without "you": its subject is a thing they named ("Work stress is the big one")
    named = {w[:_STEM] for w in ctx.previous_words}
    return any(x.lemma_.lower()[:_STEM] in named for t in subj for x in (t, *t.children) if x.is_alpha)


def reflection(span, plain: str, sent_keys: frozenset[str], ctx: Context, *, asked: bool,
               first: bool = True) -> SentenceCode | None:
    """The sentence as a reflection, or None.

    A reflection opening ("it sounds like", "so you'd like", "you feel") makes a statement a reflection; asked
    ("?" or a rising pitch) it needs to give back the other person's words too, else it is a question. A "you"
    statement that gives back their words is a reflection without an opening. Opening with "and", "because",
    "which" ... it carries on the other person's sentence only as the turn's ``first``; later it carries on the
    speaker's own ("Why not ring in? Because that's the bit that's causing problems.").
    """
    if not ctx.speaks_fully or info.EXPLAINS_RE.search(plain) and not cues.STRONG_REFLECTION_RE.search(plain) \
            or cues.AGREED_PLAN_RE.match(plain):
        return None  # "So A1c is basically an average of your blood sugar ...": explained, not given back
    you = bool(SECOND_PERSON & set(plain.split()))
    m = cues.REFLECTION_RE.search(plain) or (cues.SUMMARY_RE.match(plain) if you and ctx.previous_words else None)
    if m is not None and not first and m.start() == 0 and cues.CONTINUES_RE.match(m.group(0)) \
            and not cues.REFLECTION_RE.search(plain, m.end()):
        m = None  # "... ? Because that's what's causing it.": the speaker's own sentence carried on
    if m is None and asked and sent_keys & ctx.previous_words:
        m = cues.SO_CHECK_RE.match(plain)  # "so she's just talking in circles?": what was understood, checked
    if m is None and you and asked and ctx.previous_words:
        m = cues.CHECK_RE.search(plain)  # "your boss said no, is that right?": checked, still given back
    if m is None:
        gives_back = len(sent_keys & ctx.previous_words) >= MIN_SHARED_WORDS
        if you and _about_you(span) and (gives_back or ctx.previous_words and not asked and _feels_you(span, plain)):
            cue = GIVES_BACK_CUE if gives_back else "names the mentee's feeling"
        elif ctx.previous_words and not asked and _feeling_fragment(span, plain):
            cue = "names the mentee's feeling"
        elif not asked and _echoes(span, plain, sent_keys, ctx):
            cue = GIVES_BACK_CUE
        else:
            return None  # an asked feeling ("Have people annoyed you?") is a question unless it gives words back
        return SentenceCode("reflection", cue, complex=reflection_is_complex(plain, sent_keys, ctx))
    if asked and not (ctx.previous_words and (
            cues.STRONG_REFLECTION_RE.search(plain) or cues.CHECK_RE.search(plain) or _gives_back(sent_keys, ctx)
            or cues.SO_CHECK_RE.match(plain))):
        return None  # asked, it reflects only what was said: "So you'd like to keep this job?" out of the blue asks
    if cues.SO_CHECK_RE.match(m.group(0)) and not ctx.previous_words:
        return None  # "so your goal is ...": a summary needs something to sum up
    if not ctx.previous_text.strip() and cues.CALLBACK_CUE_RE.search(m.group(0)):
        return None  # "last time you said you might ...", before the mentee has spoken: remembering, not reflecting
    return SentenceCode("reflection", m.group(0).strip(), complex=reflection_is_complex(plain, sent_keys, ctx))

