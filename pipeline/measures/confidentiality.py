"""Confidentiality broken: the one definition of a mentor passing on what was said in confidence. Read by
:mod:`pipeline.measures.indicators_safety` (the indicator ``mentor_confidentiality_breaches``).

The course asks the mentor to let the mentee know "that what you talk about won't go any further"
(:data:`pipeline.measures.language.CONFIDENTIALITY_RE` hears the promise). A promise is worth what the mentor's own
talk shows of it: a mentee who hears another person's confidence told ("Kieran told me he was back on the gear")
learns that theirs may travel too, and one who hears "I'll have a quiet word with your manager" learns that it will.
Two kinds of turn are heard, each from its words alone:

* **another's confidence told**: what someone else told the mentor, passed on ("she told me she's pregnant", "he
  told me in confidence", "it came up in her session") or marked as gossip by the teller ("I shouldn't really be
  telling you this", "Between you and me, ...", "you didn't hear it from me");
* **the mentee's words passed on unasked**: the mentor telling, or saying they will tell, someone with a say over
  the mentee (their manager, HR, the head, their parents, a probation officer) or a person they name what the mentee
  said, without asking: "I'll have a quiet word with your manager", "I've already mentioned it to HR", "I'll speak
  to Jo". Not a question or an offer ("Would you like me to speak to her?", "I could mention it to HR if you
  want"), not what is agreed together ("we could tell her together") or checked at once ("Is that alright with
  you?"), not what was agreed earlier in the session (an offer the mentee said yes to, or the mentee's own request:
  :func:`session_breaches`), and not a safeguarding lead, whom a duty of care may oblige the mentor to tell.

Neither is heard from the mentee's side, and an unconditional promise of secrecy (a promise the mentor may be unable
to keep where someone is at risk, :mod:`pipeline.measures.risk`) is not judged. Names are read from their capital
letter, so in lower-cased captions a named person ("i'll speak to jo") is not heard.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from pipeline.measures.advice_cues import AGREES_RE
from pipeline.measures.language import find_pattern

#: A person named: a capitalised word that is no day, month or title.
_NAME = (r"(?-i:(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|"
         r"July|August|September|October|November|December|God|Christ|The|This|That|It|You|We|They|Somebody|Someone|"
         r"Everybody|Everyone|Nobody|People|Mum|Mom|Dad|Mother|Father|Nan|Gran|Grandad|Grandma)\b)[A-Z][a-z]+)")
#: Someone else's confidence told: a third person's own news passed on ("she told me she was pregnant", "he told me
#: he's been ...", "Gareth's going for it. He told me last week."), a confidence named ("told me in confidence",
#: "confided in me", "it came up in her session"), or a teller's gossip marker ("I shouldn't really say, but",
#: "I'm only telling you so ...", "Don't let on I said", "Between us, ..."). Not "you told me"
#: (remembering), not "I told you", not "she told me I was ..." (about the mentor), and not "they told me they were
#: going to ..." (an organisation's plans as often as a person's news).
ANOTHERS_CONFIDENCE_RE = re.compile(
    r"\b(?:he|she|" + _NAME + r")\s+(?:actually\s+|even\s+|once\s+|also\s+)?told\s+me\s+(?:that\s+)?"
    r"(?:he|she)(?:'s|'d|'re|\s+(?:was|were|is|are|had|has|have|'?d|wants?|wanted|did|does|didn't|doesn't|"
    r"can't|couldn't|hates?|hated|thinks?|thought))\b"
    r"|\b(?:he|she|" + _NAME + r")\s+told\s+me\s+(?:last\s+(?:week|month|night|time)|yesterday|the\s+other\s+day|"
    r"this\s+morning)\b"
    r"|\b(?:he|she|they|" + _NAME + r")\s+(?:\w+\s+)?(?:told|said\s+to)\s+me\s+(?:\w+\s+){0,3}?in\s+confidence\b"
    r"|\b(?:he|she|they|" + _NAME + r")\s+confided\b"
    r"|\b(?:came\s+up|said|told\s+me)\s+in\s+(?:her|his|their)\s+(?:last\s+|own\s+)?sessions?\b"
    r"|\bI\s+(?:probably\s+|really\s+)?shouldn'?t\s+(?:really\s+)?(?:be\s+)?(?:telling|tell|saying|say)"
    r"(?:\s+(?:you\s+)?(?:this|that|it)\b|\s*,|\s+but\b)"
    r"|\bI'?m\s+only\s+telling\s+you\s+(?:this\s+|that\s+)?so\b"
    r"|\bdon'?t\s+let\s+on\b"
    r"|\bdon'?t\s+(?:tell|say)\s+(?:to\s+)?(?:anyone\s+|anybody\s+|him\s+|her\s+|them\s+|" + _NAME + r"\s+)?"
    r"(?:that\s+)?I\s+(?:told|said)\b"
    r"|\byou\s+didn'?t\s+hear\s+(?:it|this|that)\s+from\s+me\b"
    r"|\bkeep\s+(?:this|that|it)\s+(?:to\s+yourself|under\s+your\s+hat)\b"
    r"|(?:^|[.!?]\s+)(?:(?:but|and|so|now|look|honestly)\s*,?\s+)?between\s+(?:you\s+and\s+me|ourselves|us)\s*,",
    re.IGNORECASE,
)
#: Those with a say over the mentee, to whom their words must not go unasked.
_ROLES = (r"(?:line\s+|old\s+|new\s+)?(?:manager|boss|supervisor|head\s+of\s+\w+|head|team\s+lead(?:er)?|lead|"
          r"keyworker|key\s+worker|tutor|PO|probation\s+officer|consultant|partner|director|teacher|parents?|mum|dad|"
          r"coach|sergeant|inspector|principal|employer)")
_BODIES = r"HR|human\s+resources|the\s+(?:head(?:teacher)?|ward\s+manager|senior\s+partner|principal)"
_OVER_THEM = r"(?:your\s+" + _ROLES + "|" + _BODIES + r"|(?:your\s+)?(?:school|hostel|management))"
#: The mentor telling, or about to tell, someone over the mentee (or a person they name) what they said ("I'll have
#: a quiet word with your manager", "I'm going to let HR know", "I've already mentioned it to your boss", "I might
#: run it past Karen in HR"); a quiet word is had with anyone ("I'll have a quiet word with her").
_NOW = r"\b(?:I'?ll|I\s+will|I'?m\s+going\s+to|I'?m\s+gonna|let\s+me|I\s+might)\s+(?:just\s+|quickly\s+|also\s+|probably\s+)?"
_DONE = r"\b(?:I'?ve\s+(?:already\s+|just\s+)?|I\s+(?:already\s+|just\s+)?)"
_TOLD = (r"(?:(?:have|had|having)\s+a\s+(?:quick\s+)?(?:word|chat)\s+with|(?:speak|spoke|spoken|talk|talked)\s+(?:to|with)"
         r"|(?:mention|mentioned|pass|passed|raise|raised|flag|flagged|put|feed|fed|run|ran|escalate|escalated|report|"
         r"reported|take|took)\s+(?:it|this|that|them|"
         r"all\s+this)\s+(?:on\s+|up\s+|back\s+)?(?:to|with|past|by)|tell|told)\s+")
_PASSING = (
    # about to: to someone over them or a person named ("I'll speak to Jo", "I might run it past Karen")
    _NOW + r"(?:" + _TOLD + r"(?:" + _OVER_THEM + "|" + _NAME + r")"
    r"|(?:email|ring|call|phone|text|message|drop\s+a\s+line\s+to)\s+(?:" + _OVER_THEM + "|" + _NAME + r")"
    + r"|let\s+(?:" + _OVER_THEM + "|" + _NAME + r")\s+know"
    # a quiet word with anyone, or with whoever the turn has just named ("Leave Janet with me. I'll have a quiet word.")
    r"|have\s+a\s+(?:quiet|little|private|discreet)\s+(?:word|chat)(?:\s+with\s+(?:" + _OVER_THEM + "|" + _NAME
    + r"|him|her|them|someone|somebody)|(?=\s*(?:[.!;]|$))))\b"
    # done: to someone over them only ("I've spoken to your mum"; not "then I spoke to Priya", a story)
    r"|" + _DONE + r"(?:(?:" + _TOLD + r"|(?:emailed|rang|called|texted)\s+)" + _OVER_THEM
    + r"|(?:let|letting)\s+" + _OVER_THEM + r"\s+know)\b"
    r"|" + _DONE + r"had\s+a\s+(?:quiet|little|private|discreet)\s+(?:word|chat)\s+with\s+(?:" + _OVER_THEM + "|"
    + _NAME + r"|him|her|them)\b"
)
PASSING_ON_RE = re.compile(_PASSING, re.IGNORECASE)
#: What makes a passing-on asked or agreed, or a duty: an offer, the mentee's say, together, a safeguarding lead.
_ASKED_RE = re.compile(
    r"\bif\s+(?:you(?:'d)?\s+(?:like|want|prefer|agree|are\s+happy|'re\s+happy)|that'?s\s+(?:ok|okay|alright|all\s+right|"
    r"what\s+you\s+want)|it\s+helps)\b|\bwith\s+your\s+(?:permission|agreement|consent|ok|okay|blessing)\b"
    r"|\bonly\s+if\b|\bup\s+to\s+you\b|\byou\s+decide\b|\btogether\b|\bsafeguarding\b|\bdesignated\b|\bDSL\b"
    r"|\b(?:as|like)\s+(?:you|we)\s+(?:asked|agreed|said)\b|\bwhen\s+you'?re\s+ready\b|\bwould\s+you\s+(?:like|want)\b",
    re.IGNORECASE,
)
#: The mentee's agreement checked at once ("I'll tell Mrs Patel you came. Is that alright with you?").
_AGREED_RE = re.compile(
    r"\b(?:is\s+that|would\s+that\s+be|are\s+you)\s+(?:ok|okay|alright|all\s+right|fine|happy)\b"
    r"|\bhow\s+does\s+that\s+sound\b|\bwould\s+that\s+help\b|\bdo\s+you\s+mind\b",
    re.IGNORECASE,
)
_SENTENCE_RE = re.compile(r"[^.!?]+[.!?]*")
#: Someone the mentee's words could go to, as either of them names them ("your manager", "my manager", "HR", "the
#: head", a person named after "to", "with", "past", "tell" or "let": "speak to Jo").
_PARTY_RE = re.compile(
    r"\b(?:(?:your|my)\s+" + _ROLES + "|" + _BODIES + r"|(?:your\s+|my\s+)?(?:school|hostel|management))\b"
    r"|\b(?:to|with|past|tell|let)\s+" + _NAME + r"\b",
    re.IGNORECASE,
)
_PARTY_NOISE_RE = re.compile(r"^(?:your|my|the|to|with|past|tell|let)\s+|\b(?:line|old|new)\s+", re.IGNORECASE)
#: The mentee asking the mentor to pass something on ("Could you speak to my manager for me?", "Can you tell HR?").
_REQUEST_RE = re.compile(
    r"\b(?:can|could|would|will)\s+you\s+(?:please\s+|maybe\s+|just\s+|possibly\s+)?(?:speak|talk|tell|mention|raise|"
    r"flag|email|ring|call|have\s+a\s+(?:quick\s+|quiet\s+)?word|let|pass|put|run)\b"
    r"|\bI'?d\s+(?:like|rather|prefer)\s+(?:it\s+if\s+)?you\s+(?:to\s+)?"
    r"(?:speak|talk|tell|mention|raised?|had\s+a\s+word)\b"
    r"|\bplease\s+(?:speak|talk|tell|mention)\b",
    re.IGNORECASE,
)


def parties(text: str) -> frozenset[str]:
    """Who ``text`` names that the mentee's words could go to, each as one key ("my manager" and "your manager":
    ``"manager"``; "human resources": ``"hr"``; "to Jo": ``"jo"``)."""
    keys = (_PARTY_NOISE_RE.sub("", m.group(0).lower()).strip() for m in _PARTY_RE.finditer(text))
    return frozenset("hr" if k == "human resources" else re.sub(r"\s+", " ", k) for k in keys)


def breach(text: str, *, agreed: frozenset[str] = frozenset()) -> str:
    """The words of ``text`` that pass on a confidence ("" if none).

    Parameters
    ----------
    text : str
        One turn of the mentor, as written (punctuated or not).
    agreed : frozenset of str
        Those the mentee agreed may hear of it earlier in the session (:func:`parties`' keys;
        :func:`session_breaches`): a sentence that names only them passes nothing on unasked (one that names
        nobody, "I'll have a quiet word with her", is read as before).

    Returns
    -------
    str
        The first phrase found: another's confidence told (:data:`ANOTHERS_CONFIDENCE_RE`), or the mentee's words
        passed on to someone over them or named (:data:`PASSING_ON_RE`) in a sentence that is no question, names no
        asking, agreement or duty (:data:`_ASKED_RE`) and is not followed by a check of the mentee's agreement
        (:data:`_AGREED_RE`).
    """
    if found := find_pattern(ANOTHERS_CONFIDENCE_RE, text):
        return found.strip(" .!?,")
    for sentence, after in itertools.pairwise([*_SENTENCE_RE.findall(text), ""]):
        if (cue := find_pattern(PASSING_ON_RE, sentence)) and not sentence.rstrip().endswith("?") \
                and not _ASKED_RE.search(sentence) and not _AGREED_RE.search(sentence + " " + after) \
                and not (agreed and (named := parties(sentence)) and named <= agreed):
            return cue
    return ""


def _offered(text: str) -> frozenset[str]:
    """Who the mentor offers to tell, in a question or an offer that leaves it to the mentee ("Would it help if I
    spoke to HR?", "I could mention it to your manager, only if you want")."""
    return frozenset().union(*(parties(s) for s in _SENTENCE_RE.findall(text)
                               if s.rstrip().endswith("?") or _ASKED_RE.search(s)))


def session_breaches(turns: Sequence[tuple[str, str]], *, mentor: str) -> tuple[tuple[int, str], ...]:
    """The mentor's turns that pass on a confidence (:func:`breach`), read in order with what the mentee agreed.

    A person the mentee agreed may hear of it is agreed for the rest of the session: the mentor offered ("Would
    it be useful if I found out who in HR handles visa questions? Only if you want that.") and the other person's
    next turn says yes (:data:`pipeline.measures.advice_cues.AGREES_RE`: "Yes, please."), or the mentee asked
    ("Could you speak to my manager for me?"). So "I'll message you after I've spoken to HR" later is no breach.

    Parameters
    ----------
    turns : sequence of (speaker, text)
        Every turn of the session, in time order.
    mentor : str
        The mentor's speaker label.

    Returns
    -------
    tuple of (int, str)
        Each breaching turn's position in ``turns`` and the words that pass the confidence on.
    """
    agreed: set[str] = set()
    offered: frozenset[str] = frozenset()
    out = []
    for i, (speaker, text) in enumerate(turns):
        if speaker == mentor:
            if cue := breach(text, agreed=frozenset(agreed)):
                out.append((i, cue))
            offered = _offered(text)
            continue
        if offered and AGREES_RE.match(text.lower()):
            agreed |= offered
        offered = frozenset()
        agreed |= frozenset().union(*(parties(s) for s in _SENTENCE_RE.findall(text) if _REQUEST_RE.search(s)))
    return tuple(out)
