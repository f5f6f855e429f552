"""Language measures: key phrases, shared language, word matching, remembering, safety cues, listening tokens.

Nothing here relies on punctuation: Whisper often drops "?" and commas. The question classifier that reads
word order is :mod:`pipeline.measures.questions`; here is only its word-list fallback
(:func:`looks_like_question`), for when no spaCy pipeline is at hand. The spaCy ``nlp`` pipeline is passed in.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from pipeline.errors import InvalidParameterError
from pipeline.types import SharedPhrase

_WORD_RE = re.compile(r"[A-Za-z0-9']+")


# --------------------------------------------------------------------------
# Listening tokens
# --------------------------------------------------------------------------

BACKCHANNEL_WORDS = frozenset({
    "mm", "mhm", "mm-hm", "mm-hmm", "mmhm", "mmhmm", "hm", "hmm", "uh-huh", "uhhuh", "uh", "huh", "yeah", "yep", "yes",
    "yup", "right", "okay", "ok", "sure", "i", "see", "exactly", "true", "wow", "oh", "ah", "alright", "absolutely",
    "got", "it", "really", "totally", "cool", "great", "nice", "good", "indeed", "definitely",
})
_BC_RE = re.compile(r"[a-z]+(?:-[a-z]+)*")
#: A listening sound, written alone or inside a turn ("Mm-hm, and then?"): a transcript that writes these writes
#: them all.
_LISTENING_SOUND_RE = re.compile(r"\b(?:m+-?h+m+|mhm+|uh-?huh|hmm+)\b", re.IGNORECASE)


def has_listening_sound(text: str) -> bool:
    """True when ``text`` writes a listening sound ("mm-hm", "mhm", "uh-huh", "hmm") anywhere."""
    return bool(_LISTENING_SOUND_RE.search(text))


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


def detail_keys(docs: Sequence, turn_keys: Sequence[Sequence[str]]) -> frozenset[str]:
    """The content keys of a session that name things: its noun-chunk phrases (keys of 2+ words in ``turn_keys``,
    each turn's :func:`content_items`) and the lemmas of its nouns and names in ``docs`` ("Dean", "chippy", "rota"),
    not of verbs or adjectives ("ask", "bad")."""
    phrases = {key for keys in turn_keys for key in keys if " " in key}
    return frozenset(phrases | {t.lemma_.lower() for doc in docs for t in doc if t.pos_ in ("NOUN", "PROPN")})


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
    r"\b(?:stays?|stay|remains?|kept|keep)\s+(?:just\s+)?between\s+(?:us|you\s+and\s+me|me\s+and\s+you|the\s+two\s+of\s+us)\b"
    r"|\bconfidential(?:ity)?\b|\bwon'?t\s+(?:go|leave)\s+(?:any\s+)?(?:further|beyond|outside)\b"
    r"|\bnot\s+(?:go|leave)\s+(?:any\s+)?(?:further|beyond)\s+this\s+room\b|\bin\s+confidence\b"
    r"|\boff\s+the\s+record\b|\bsafe\s+space\b|\bwon'?t\s+(?:tell|share\s+(?:this|it)\s+with)\s+(?:anyone|your\s+manager)\b",
    re.IGNORECASE,
)
CONCERN_RE = re.compile(
    r"\b(?:I'?m|I\s+am|I\s+was|I\s+feel|I\s+felt|I'?ve\s+been)\s+(?:(?!not\b|never\b)\w+\s+)?(?:worried|anxious|nervous|scared|afraid|"
    r"stressed|concerned|unsure|uncertain|confused|stuck|overwhelmed|lost)\b"
    r"|\b(?:worried|afraid|scared)\s+(?:that|about|of)\b|\bnot\s+(?:sure|certain)\s+(?:whether|if|how|what|that|about)\b"
    r"|\bI\s+(?:don'?t|do\s+not)\s+(?:really\s+|quite\s+|even\s+)?know\s+(?:whether|if|how|what|where|which)\b|\bmy\s+(?:concern|worry|fear)\b"
    r"|\bstressful\b|\bI\s+(?:won'?t|will\s+not)\s+be\s+ready\b|\bget\s+something\s+wrong\b|\bI\s+struggle\b"
    # "I guess" before a thought about oneself; not a grudging yes ("Sure, I guess.", "I guess so.")
    r"|\bI\s+guess\b(?!\s*(?:[.!?,;]|$)|\s+(?:so|not|it\s+(?:does|is|was)|you'?re\s+right|that\s+(?:makes\s+sense|'?s\s+(?:true|right|fair)))\b)|\bI'?m\s+(?:just\s+|really\s+|still\s+|honestly\s+)?not\s+(?:sure|confident)\b"
    # a worry said with a degree word and no "I'm" ("A bit nervous, but better.", "kind of scared, honestly")
    r"|\b(?:a\s+(?:bit|little)|kind\s+of|sort\s+of|pretty|really|quite|so)\s+(?:nervous|worried|anxious|scared|"
    r"afraid|stressed|overwhelmed|unsure|uncertain|confused)\b"
    # a fear named without "I'm" ("Scary. But probably fine?"), not one played down ("less scary than ...")
    r"|(?<!less\s)(?<!not\s)(?<!n't\s)(?<!that\s)\b(?:scary|daunting|terrifying|frightening|nerve-?wracking)\b"
    # sleep lost over it ("I've been lying awake about it")
    r"|\b(?:lying|lie|lay)\s+awake\b|\b(?:can'?t|couldn'?t|cannot)\s+sleep\b|\blos(?:e|ing|t)\s+sleep\b"
    r"|\bkeeps?\s+me\s+(?:up|awake)\s+at\s+night\b"
    # a worry as a verb, a doubt, a fear of what might happen or of how others see them ("I still worry", "I don't
    # know about the group thing", "what if it happens again", "people will think I'm rubbish", "I'm always behind")
    r"|\bI\s+(?:still\s+|really\s+|just\s+|always\s+|kind\s+of\s+|sometimes\s+|do\s+)?(?:worry|fear|dread|panic)\b"
    r"|\bI\s+(?:don'?t|do\s+not)\s+(?:really\s+)?know\s+about\b|\bwhat\s+if\s+(?:I|it|they|he|she|something|people|"
    r"nobody|no\s+one)\b(?!\s+(?:just\s+)?(?:tried|try|asked|ask|did|do|went|go|made|make|started|start|wrote|took|put|"
    r"told|tell|spoke|talked)\b)"
    r"|\b(?:think|thinks|thought|see|sees)\s+(?:I'?m|I\s+am|me\s+as)\s+(?:\w+\s+)?(?:rubbish|useless|stupid|incompetent|"
    r"a\s+failure|weak|lazy|hopeless|an\s+idiot|not\s+good\s+enough|failing|a\s+fraud)\b"
    r"|\bI'?m\s+(?:always|constantly|forever|still|so|really)\s+behind\b|\b(?:can'?t|cannot|couldn'?t)\s+(?:cope|keep\s+up)\b"
    r"|\bfalling\s+behind\b"
    # a feeling or a judgement of oneself with words between ("I just feel a bit lost", "I felt dreadful", "I'm
    # not so sure", "I feel like everyone else is miles ahead", "I don't feel ready", "I'm not cut out for this")
    r"|\bI(?:\s+(?:just|really|still|sometimes|always|kind\s+of))?(?:'m|\s+am|\s+was|\s+feel|\s+felt|'ve\s+been|\s+get|\s+got)\s+"
    r"(?:(?!not\b|never\b|no\b)[\w']+\s+){0,3}?(?:lost(?!\s+for\s+words)|dreadful|awful|terrible|tired|like\s+(?:crap|rubbish|a\s+failure|an?\s+idiot)|guilty|ashamed|embarrassed|exhausted|knackered|drained|shattered|useless|hopeless|"
    r"rubbish|a\s+failure|a\s+burden|whing(?:e)?ing|nervous|worried|anxious|scared|overwhelmed|out\s+of\s+my\s+depth)\b"
    r"|\bI(?:'m|\s+am)\s+not\s+(?:so\s+|that\s+|too\s+|entirely\s+)?(?:sure|ready|confident)\b"
    r"|\bI\s+(?:don'?t|do\s+not)\s+feel\s+(?:\w+\s+)?(?:ready|confident|prepared|able|good\s+enough)\b"
    r"|\bnot\s+cut\s+out\s+for\b|\bI\s+(?:just\s+|sometimes\s+|kind\s+of\s+)?feel\s+like\s+(?:everyone|everybody|I'?m|I\s+am|"
    r"a\s+failure|an?\s+idiot|a\s+fraud|I\s+(?:can'?t|don'?t|should))\b"
    r"|\bI(?:'m|'ll\s+be|\s+will\s+be|'d\s+be|\s+would\s+be)\s+in\s+trouble\b|\bI\s+keep\s+(?:thinking|worrying|going\s+over|"
    r"doing\s+the\s+maths|checking)\b"
    r"|\bit(?:'?s|\s+is)\s+(?:all\s+|just\s+|been\s+)?(?:a\s+lot|too\s+much)\b(?!\s+(?:of\s+fun|better|easier|nicer|more))"
    r"|\b(?:it'?s|it\s+is)\s+(?:\w+\s+)?(?:agony|unbearable|killing\s+me)\b|\b(?:it|they)\s+(?:really\s+)?hurts?\b"
    # a feeling said as the whole answer ("Nervous.", "Badly.", "Not great, honestly.")
    r"|(?:^|[.!?]\s+)(?:honestly,?\s+|um,?\s+|well,?\s+)?(?:a\s+bit\s+|a\s+little\s+|really\s+|so\s+|pretty\s+)?"
    r"(?:nervous|scared|worried|terrified|anxious|exhausted|knackered|dreadful|awful|terrible|bad|badly|rough|not\s+great|"
    r"not\s+good|rubbish|shattered|overwhelmed)\b(?!\s+(?:idea|news\s+for\s+(?:him|her|them)))"
    # a reaction feared ("my mom's gonna lose it", "Devin's gonna think I'm soft", "I don't want her thinking I'm
    # messing up"), a doubt ("I just don't see how I catch up"), a difficulty ("it's not that easy", "it's been
    # rough", "I can't lose this job", "everybody else seems to get it", "I go home and replay every class")
    r"|\b(?:gonna|going\s+to|will|'ll|would|'d)\s+(?:freak\s+out|lose\s+it|kill\s+me|go\s+mad|flip\s+out|hate\s+me|"
    r"laugh\s+at\s+me|think\s+I'?m|think\s+I\s+am)\b|\bthinking\s+I'?m\b"
    r"|\bI\s+(?:just\s+|really\s+)?(?:don'?t|can'?t)\s+see\s+(?:how|myself|why|it\s+working)\b"
    r"|\bit(?:'s|\s+is)\s+not\s+(?:that\s+|so\s+)?(?:easy|simple)\b|\bit(?:'s|\s+has)\s+been\s+(?:really\s+|pretty\s+|so\s+|a\s+bit\s+)?"
    r"(?:rough|hard|tough|awful|difficult|a\s+nightmare)\b"
    r"|\bI\s+can'?t\s+(?:afford\s+to\s+)?lose\s+(?:this|my|the)\b|\b(?:my|the)\s+(?:job|place|position|home|house)\s+(?:is\s+)?"
    r"(?:actually\s+|really\s+)?(?:in\s+danger|at\s+risk|on\s+the\s+line)\b"
    r"|\b(?:everybody|everyone)\s+else\s+(?:seems\s+to|already|gets\s+it|knows|is\s+(?:miles|way|so\s+far)\s+ahead)\b"
    r"|\bI\s+(?:\w+\s+){0,3}?(?:keep\s+)?replay(?:ing)?\b"
    # how someone close would take it ("My mum would be really upset", "he'll be furious")
    r"|\b(?:would|will|'d|'ll|(?:is|'s|are|'re)\s+going\s+to)\s+be\s+(?:\w+\s+)?(?:upset|angry|mad|furious|"
    r"disappointed|cross|livid|devastated|gutted|heartbroken|ashamed)\b"
    # an outcome feared ("I don't want to end up like that", "I don't want a telling-off", "I don't want my wife
    # doing for me what ..."), not a plain dislike ("I don't want to go")
    r"|\bI\s+(?:really\s+)?(?:don'?t|do\s+not)\s+want\s+(?:to\s+(?:keep\s+)?(?:bother(?:ing)?|burden|make\s+a\s+fuss|look\s+(?:stupid|like)|"
    r"end\s+up|become|be\s+(?:told|judged|seen|a\s+burden|a\s+nuisance|"
    r"like|the\s+one)|let\s+(?:\w+\s+)?down|lose|get\s+(?:told|in(?:to)?\s+trouble|sick|ill|worse))|a\s+telling[-\s]off|"
    r"a\s+lecture)\b"
    # a harm heard of or feared from a treatment ("I heard that gives you weird side effects")
    r"|\bside[-\s]effects?\b|\bI(?:'ve)?\s+heard\s+(?:that\s+)?(?:it|that|they|those|these)\s+(?:can\s+)?"
    r"(?:gives?|causes?|makes?)\b"
    # hopelessness and dislike said outright ("so what's the point", "it's soul-destroying", "nobody wants me", "I still
    # don't like this, being sent here")
    r"|\bwhat(?:'s|\s+is|\s+was)\s+the\s+point\b|\b(?:soul-?destroying|demoralising|demoralizing|disheartening|"
    r"humiliating|degrading)\b|\b(?:nobody|no\s+one)\s+(?:wants|will\s+(?:want|hire|take|employ|listen\s+to))\s+me\b"
    r"|\bI\s+(?:still\s+|really\s+|just\s+)?(?:don'?t|do\s+not)\s+like\s+(?:this|that|it|being|how|the\s+way|the\s+idea)\b",
    re.IGNORECASE,
)

#: The mentee pointing out that they had told the mentor already ("Like I said, it's the van or the machine.", "I
#: told you that the first time.", "Same as when I first came.", "I said last time, I think."): read in their answer
#: to the mentor's question (:func:`pipeline.measures.evidence.told_again`), the mentor asked for what they had not
#: remembered. Not "I don't think I told you", nor what they told someone else ("I told you I'd apply, and I did" is
#: news: "told you" counts only where nothing they told follows it).
TOLD_AGAIN_RE = re.compile(
    r"(?<!n't\s)(?<!n't\sthink\s)(?<!\bnot\s)(?<!\bnot\ssure\s)(?<!\bnever\s)\b(?:(?:like|as)\s+I\s+(?:said|told\s+you|mentioned)"
    r"|I(?:'ve|\s+have)?\s+(?:already\s+)?told\s+you(?=\s+(?:that|this|about|already|before|last|the\s+first|earlier)\b|"
    r"\s*[,.;!?]|\s*$)"
    r"|I\s+(?:already\s+)?said\s+(?:that\s+|this\s+|so\s+)?(?:already|before|last\s+time|earlier)"
    r"|same\s+as\s+(?:when\s+)?I\s+(?:first\s+came|said|told\s+you))\b",
    re.IGNORECASE,
)

#: The mentor asking about the mentee's worries ("What worries you most?", "Is anything making you nervous?"):
#: the mentee's answer voices a concern even without a concern word.
WORRY_QUESTION_RE = re.compile(
    r"\b(?:worr(?:y|ies|ied|ying)|concern(?:s|ed|ing)?|afraid|scar(?:e|es|ed|y)|nervous|anxious|fear(?:s|ful)?)\b",
    re.IGNORECASE,
)

#: The mentor naming a worry or painful feeling of the mentee's, asked or reflected ("Does that worry you?", "It
#: sounds like it's been a bit lonely.", "That's been weighing on you."): a mentee who says yes to it voices it
#: (:data:`CONFIRMS_RE`). A difficulty named ("the craving is the hard part", "work stress") is no feeling owned.
PAINFUL_RE = re.compile(
    r"\b(?:worr(?:y|ies|ied|ying)|concern(?:s|ed)?|afraid|scared|nervous|anxious|fear(?:s|ful)?|lonel(?:y|iness)|"
    r"isolated|upset|weigh(?:s|ing|ed)?\s+on\s+you)\b",
    re.IGNORECASE,
)
#: A yes that owns what the mentor named: a yes alone ("Yeah, I suppose.") or with a degree or an echo ("A bit,
#: yeah.", "Yeah. It has, a bit."); not a "Yeah." that moves on to something else ("Yeah. Maybe if I ...").
CONFIRMS_RE = re.compile(r"\W*(?:(?:yeah|yes|yep|yup|mm)\W+)*(?:a\s+(?:bit|little|lot)|it\s+(?:has|is|was|does|did)\b|"
                         r"i\s+(?:suppose|guess|do|am|have)\b|sort\s+of|kind\s+of|definitely|totally|very|quite|"
                         r"(?:yeah|yes|yep|yup)\W*$)", re.IGNORECASE)
#: An answer that starts by saying there is nothing to worry about ("Nothing really", "No, I'm fine").
NO_CONCERN_RE = re.compile(r"\W*(?:no\b|nothing|none|not\s+(?:really|much|at\s+all|anything)|nah\b)", re.IGNORECASE)


#: Things one does about a problem ("talk to her", "try running", "book a course"): what a plan or an idea of
#: one's own says the speaker will or could do. Not feelings, perceptions or fears ("I could tell", "I might lose").
_ACTION_STEMS = (r"try|tried|start|ask|talk|speak|book|write|call|phone|ring|e-?mail|text|message|set|make|put|look|"
                 r"practi[cs]e|plan|schedule|block|bring|take|check|find|go(?!\s+(?:now|ahead|home|on|to\s+(?:bed|sleep)|cook|eat)\b)|sit|spend|stop|cut|join|sign|reach|work|"
                 r"keep|change|move|apply|prepare|learn|read|share|send|offer|suggest|raise|explain|delegate|propose|"
                 r"volunteer|organi[sz]e|arrange|meet|visit|use|list|note|review|break|split|focus|prioriti[sz]e|pick|"
                 r"switch|drop|cancel|limit|add|build|create|test|run|pilot|contact|follow|update|draft|rehearse|"
                 r"present|shadow|seek|leave|quit|swap|walk|exercise|record|link|document|track|collect|gather|mention|highlight|"
                 r"come\s+back|decline|have\s+(?:a|an)\b(?!\s+(?:feeling|sense|problem|go\s+at)\b)|"
                 # "I could do that in the stand-up": where or when is the speaker's own
                 r"do\s+(?:that|it|this)\s+(?:in|at|on|every|each|before|after|first|next)|"
                 r"tell\s+(?:her|him|them|my|the|our)")
_ACTION = rf"(?:{_ACTION_STEMS})\b"
#: Words that make "I could"/"I'll" no plan: a negation, a look back ("I could have told her"; but "I could have a
#: word with him" is a plan), an opening of speech ("I'll be honest").
_NO_PLAN = (r"(?!\s+(?:not|never|n't|'ve|be|admit)\b)"
            r"(?!\s+have\b(?!\s+(?:a|an|the|some|my|our|more|another)\b))")
#: What a wish is not a plan for: a state or feeling ("I want to be happy"), a courtesy ("I'd like to thank you").
_NO_WISH = (r"(?!(?:know|say|thank|ask\s+you|hear|be|feel|have|cry|give\s+up|scream|hide|die|disappear|sleep|go\s+"
            r"home)\b)")
#: The mentee putting forward an idea or plan of their own (MITI 4.2.1 "change talk": desire, ability, need,
#: commitment; Edmondson: "speaking up with ideas"): "maybe I could ...", "I think I'll ...", "what if I asked
#: ...", "I'd like to ...", "I could bring it to ...", "should I ask ...?" (an idea put as a question), "I've
#: decided to ...". Not "I could tell", "I might lose my
#: job", "I'll be honest", "I should have ...", "I don't want to", "what if I can't ...".
OWN_IDEA_RE = re.compile(
    rf"\b(?:maybe|perhaps|probably)\s*,?\s+(?:that\s+)?I\s+(?:could|should|can|'?ll|will|might|need\s+to|ought\s+to)"
    rf"{_NO_PLAN}"
    # a hedged proposal in the present ("Maybe I just don't have it in the house"), a need for a plan
    # ... or in "would" ("Maybe I'd look at those despatch ones.")
    rf"|\b(?:maybe|perhaps)\s*,?\s+(?:that\s+)?I(?:'d|\s+would)\s+(?:just\s+|probably\s+|at\s+least\s+)?{_ACTION}"
    rf"|\b(?:maybe|perhaps)\s*,?\s+(?:that\s+)?I\s+(?:just\s+|actually\s+)?(?:(?:don'?t|do\s+not|stop|quit)\s+"
    rf"(?!(?:know|care|think|want|mind|get|feel|need|like|see|have\s+(?:to|time|a\s+choice))\b)\w+|{_ACTION})"
    rf"|\bI\s+(?:\w+\s+)?need\s+(?:a|some)\s+(?:plan|strategy|system|routine|way\s+to)\b"
    # ... with the when or where put first ("So maybe before the next deck I sit down with him for ten minutes."), and
    # the step taken there and then ("I'm putting it in the diary now")
    rf"|\b(?:maybe|perhaps)\s*,?\s+(?:before|after|when|on|at|next|this|every|each|first|tomorrow|tonight|monday|tuesday|"
    rf"wednesday|thursday|friday|saturday|sunday)\b(?:\s+[\w']+){{0,5}}?,?\s+I\s+(?:just\s+|actually\s+)?(?!tried\b){_ACTION}"
    r"|\bI'?m\s+(?:putting|writing|adding|booking)\s+(?:it|that|this|them)\s+(?:in|into)\s+(?:the|my)\s+(?:diary|calendar|"
    r"phone|planner)\b"
    rf"|\bI\s+(?:think|guess|suppose|reckon)\s+I\s*(?:could|should|can|'?ll|will|might|need\s+to|want\s+to|'d\s+like\s+to)"
    rf"{_NO_PLAN}"
    # a plan put as a condition with no consequence after it ("Maybe if I actually declined the meetings.", "If I
    # wrote it down on Friday, so I'm not ..."); not "If I missed it, I'd be sacked"
    rf"|(?:\b(?:maybe|perhaps|or)\s+|^|(?<=[.!?]\s))if\s+I\s+(?:just\s+|actually\s+|only\s+)?(?:\w+ed|wrote|told|took|"
    rf"sent|spoke|went|made|set|put|cut|left|kept|brought|gave)\b"
    rf"(?![^.!?]*?,?\s+(?:I|it|they|he|she|we|you|that|there)(?:'d|\s+would|'ll|\s+will|\s+might|\s+could)\b)"
    rf"|\bI(?:'ve|\s+have)\s+(?:been\s+)?(?:thought|thinking)\s+(?:about|of)\s+(?:maybe\s+|perhaps\s+)?\w+ing\b"
    rf"|\bI(?:\s+could|\s+might|\s+should|'ll|\s+will|'?m\s+(?:going\s+to|gonna)|\s+need\s+to|\s+can)\s+"
    rf"(?:(?:also|just|probably|maybe|definitely|first|then|at\s+least|actually)\s+)?{_ACTION}"
    rf"|\b(?:should|could|can|shall)\s+I\s+(?:(?:also|just|first|maybe)\s+)?{_ACTION}"
    rf"|\bI(?:'d|\s+would)\s+(?:really\s+)?(?:like|love)\s+to\s+{_NO_WISH}\w+"
    rf"|\bI\s+(?:really\s+)?(?:want\s+to|wanna)\s+{_NO_WISH}\w+"
    rf"|\bwhat\s+if\s+I\s+(?:just\s+|were\s+to\s+)?(?:{_ACTION_STEMS})(?:e?d|s)?\b"
    r"|\bI(?:'ve|\s+have)?\s+decided\s+to\b|\bI'?m\s+(?:planning|hoping|aiming)\s+to\b"
    r"|\bmy\s+(?:plan|idea|goal|(?:first|next)\s+step)\s+(?:is|would\s+be)\b|\b(?:first|next)\s+step\s+for\s+me\s+is\b"
    r"|\bI\s+was\s+thinking\s+(?:of|about|that\s+I|I)\b|\bI'?m\s+thinking\s+(?:of|about)\b"
    r"|\bone\s+(?:thing|option|idea)\s+(?:I\s+could|would\s+be|is\s+to|might\s+be)\b"
    r"|\bI\s+wonder\s+if\s+I\s+(?:could|should)\b|\blet\s+me\s+try\b",
    re.IGNORECASE,
)
#: An idea that only takes up what was said ("I could try that.", "I'll keep that in mind", "I will take your
#: advice", "I'll try.", "I think I might do that", "I'll try to do that"): agreeing, not one's own.
_TAKES_UP_RE = re.compile(
    r"\s*(?:[.!?,;]|$|(?:(?:to\s+)?(?:do|try|give)\s+)?(?:that|it|this|those|these|so)\s*(?:[.!?,;]|$|a\s+(?:try|go|shot)\b|"
    r"(?:in\s+mind|into\s+(?:consideration|account)|"
    r"on\s+board|out|then|too|again|first|instead|now|today|tomorrow|later|soon|and)\b)"
    r"|[^.!?]*\b(?:your|the|that|this)\s+(?:advice|suggestions?|ideas?|tips?|words|method|approach)\b)",
    re.IGNORECASE)
#: What comes just before a cue that makes it no idea put forward: someone else's words reported ("my doctor said
#: I should come"), a question or a doubt ("I don't know how I can ...", "whether I should ...", "if I could ...").
_NOT_PUT_FORWARD_RE = re.compile(r"\b(?:said|says|told\s+me|tells\s+me|thinks|wants|asked\s+me|how|whether|if|where|"
                                 r"when|why|what|last\s+thing)\s+(?:that\s+)?$", re.IGNORECASE)


#: A habit told, not a plan: "will" of what keeps happening ("I'll look up and it's eleven o'clock", "I'll sit
#: down and before I know it ...").
_HABIT_RE = re.compile(r"[^.!?]*?\band\s+(?:then\s+)?(?:it'?s|it\s+is|before\s+I\s+know\s+it|suddenly|all\s+of\s+a\s+"
                       r"sudden|I'?ve\s+(?:done|answered|wasted|spent|lost))\b", re.IGNORECASE)
#: Taking up "that" as one's own commitment ("I think I'll try that.", "I'll do that, and ..."), not keeping it in
#: mind or taking someone's advice.
_COMMITS_RE = re.compile(r"\s*(?:(?:to\s+)?(?:do|try|give)\s+)?(?:that|it|this)\s*(?:[.!?,;]|$|a\s+(?:try|go|shot)\b|"
                         r"(?:then|too|first|now|today|tomorrow|tonight|soon|and)\b)", re.IGNORECASE)


def own_idea_match(text: str, *, own_taken_up: bool = False) -> re.Match | None:
    """Where the speaker puts forward an idea or plan of their own (None if nowhere): the one definition
    (:data:`OWN_IDEA_RE`), leaving out ideas that only take up what was said ("I could try that", "I'll take your
    advice"), someone else's reported words ("she said I should come"), a question or doubt ("I don't know how
    I can move on") and a habit told ("I'll look up and it's eleven o'clock").

    ``own_taken_up``: what was said before was no one's advice (the mentor gave back the speaker's own idea), so
    committing to it ("I think I'll try that.") is the speaker's own plan (MITI: commitment talk)."""
    for m in OWN_IDEA_RE.finditer(text):
        if _NOT_PUT_FORWARD_RE.search(text[max(0, m.start() - 30):m.start()]) or _HABIT_RE.match(text, m.end()):
            continue
        if _TAKES_UP_RE.match(text, m.end()) and not (own_taken_up and _COMMITS_RE.match(text, m.end())):
            continue
        return m
    return None


def own_idea(text: str) -> str:
    """The words of :func:`own_idea_match` ("" if none)."""
    m = own_idea_match(text)
    return m.group(0) if m else ""


#: The mentor asking for the mentee's own ideas (MI's evoking questions): "Do you have any ideas of your own?",
#: "What would make it an eight?", "How would you like to keep an eye on it?": the answer puts forward an idea even
#: without an idea cue, unless it says there is none (:data:`NO_IDEA_RE`). Not a picture of the future asked for
#: ("What would it look like if things were the way you wanted?"): that evokes a wish, not a plan.
IDEA_QUESTION_RE = re.compile(
    r"\b(?:any|some|your\s+own)\s+ideas?\b|\bideas?\s+of\s+your\s+own\b"
    r"|\bwhat\s+(?:would|could|might|can)\s+(?:\w+\s+){0,3}?(?:help|work|make\s+(?:it|that|this|things)\s+"
    r"(?:easier|better|work|possible|an?\b)|make\s+(?:a|the)\s+difference)\b"
    r"|\bwhat\s+(?:could|might|can|would|will)\s+you\s+(?:do|try|change)\b|\bwhat\s+(?:are|were)\s+(?:your|the|some)\s+options\b"
    r"|\bhow\s+(?:could|might|would|will)\s+you\s+(?:like\s+to|go\s+about|handle|manage|approach|tackle)\b",
    re.IGNORECASE,
)
#: An answer that has no idea to give ("I don't know", "Not really", "No idea").
NO_IDEA_RE = re.compile(r"\W*(?:(?:um|uh|well)\W+)*(?:no\b|nope|nothing|none|not\s+really|nah\b|dunno|no\s+idea|"
                        r"I\s+(?:don'?t|do\s+not)\s+know|I'?m\s+not\s+sure)", re.IGNORECASE)

#: Words that say nothing of what an idea is about: pronouns, auxiliaries, small words, times and "try".
_IDEA_FILLER = frozenset("""i you he she it we they me him her us them my your his its our their the a an and but or so
    to of in on at for with about from by up out off this that these those will ll would could should can might may must
    shall do does did have has had be is are was were been am not don didn won just maybe perhaps probably think guess
    then now later soon next time today tomorrow tonight week weekend morning afternoon evening day monday tuesday
    wednesday thursday friday saturday sunday okay yes yeah right well really also too very more some any all what how
    when where why who if there here going want like try get let sure good fine""".split())


def idea_words(text: str) -> tuple[str, ...]:
    """The words that say what an idea or a piece of advice is about ("call", "client", "pricing"), in order, each
    once, lower case, crudely stemmed (:func:`_stem`): "I'll call them" and "Call the client" share "call"."""
    words = (w for w in re.findall(r"[a-z]+", text.lower()) if len(w) >= 3 and w not in _IDEA_FILLER)
    return tuple(dict.fromkeys(_stem(w) for w in words))


def _stem(word: str) -> str:
    """A crude stem, enough to match forms of one word: "calls", "called", "calling" -> "call"; "price",
    "pricing" -> "pric"; "running", "runs" -> "run"."""
    stem = re.sub(r"(?:ing|ed|es)$", "", word) if len(word) > 4 else word
    stem = stem[:-1] if len(stem) > 3 and stem.endswith("s") and not stem.endswith(("ss", "us", "is")) else stem
    stem = stem[:-1] if stem.endswith("e") and len(stem) > 3 else stem
    return stem[:-1] if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "aeiouls" else stem


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


def text_sentences(text: str) -> list[str]:
    """The sentences of an unparsed text, split after ".", "?" or "!" (none split in unpunctuated text)."""
    return [s for s in re.split(r"(?<=[.?!])\s+", text.strip()) if s.strip()]


def count_question_sentences(text: str) -> int:
    """Number of sentences of ``text`` that :func:`looks_like_question`."""
    return sum(looks_like_question(s) for s in text_sentences(text))
