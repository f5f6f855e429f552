"""Risk of harm said and asked about: the one definition of a mentee saying something that may mean they are at
risk, and of the mentor asking about it. Read by :mod:`pipeline.measures.indicators_safety` (the indicator
``mentor_risk_followed_up``).

A mentor is no crisis worker, but a mentee who says "everyone would be better off if I just wasn't around" or "he hits
me" has said the most important thing of the session, and the helper who meets it with "Don't talk like that" or the
next item of the agenda has left them alone with it. Asking directly and calmly ("Are you having thoughts of ending
your life?", "Are you safe at home?") is what helping-skills trainers and suicide-prevention guidance teach, and
asking does not put the idea there (Dazzi et al. 2014, Psychological Medicine 44(16): 3361-3363). It is also where
confidentiality ends: a mentor who then promises to tell no one has promised what they cannot keep.

Heard from the words alone, each with what only looks like it (``tests/test_risk.py``).
"""

from __future__ import annotations

import re

from pipeline.measures.language import find_pattern

#: The mentee's words that may mean they are at risk of harm, from themselves or from someone else: thoughts of
#: suicide or self-harm ("kill myself", "I'm not trying to kill myself or anything", "suicidal", "end it all", "I
#: don't want to wake up", "everyone would be better off without me", "if I just wasn't around"), or harm done to
#: them ("he hits me", "my dad hurt her", "I'm scared to go home", "I don't feel safe at home"). Not "career suicide",
#: "I cut myself on the mandoline",
#: "this job is killing me", "you'd be better off with eggs", "I'd be better off doing something else", "end it with
#: him", "I don't want to be here" (in this meeting), "I don't want to live in a one-bedroom flat", "he'd rather commit
#: suicide than ...", "she hit me up for five percent", "she's not here any more".
RISK_RE = re.compile(
    r"\b(?:kill|killing|hurt|hurting|harm|harming|cut|cutting|starve|starving)\s+myself\b"
    r"(?!\s+(?:on|down|short|off|back|out|shaving|by\s+accident|while|when|with\s+the|at\s+work|laughing|doing|and\s+started))"
    r"|\bI\b[^.?!]{0,40}?(?<!commit\s)(?<!committed\s)(?<!career\s)(?<!political\s)(?<!social\s)\bsuicid(?:e|al)\b"
    r"|\bself[-\s]?harm"
    r"|\b(?:end|ending)\s+(?:it\s+all|my\s+(?:own\s+)?life|things\s+for\s+good)\b|\btake\s+my\s+(?:own\s+)?life\b"
    r"|\b(?:don't|do\s+not)\s+want\s+to\s+(?:(?:live|be\s+alive|exist)(?=\s*(?:[.!?,]|$|any\s*more|like\s+this))|"
    r"wake\s+up(?=\s*(?:[.!?,]|$|any\s*more|again|tomorrow))|be\s+(?:here|around)\s+any\s*more)"
    r"|\b(?:would|'d)\s+be\s+better\s+off\s+(?:without\s+me|if\s+I\s+(?:just\s+)?(?:wasn't|weren't|was\s+not|was\s+gone|"
    r"didn't\s+exist|died)|dead|gone|not\s+(?:here|around|alive))\b"
    r"|\b(?:everyone|everybody|they|people|my\s+\w+)\s+(?:would|'d)\s+be\s+better\s+off\s*(?:[.!?]|$)"
    r"|\bno\s+point\s+(?:in\s+)?(?:living|going\s+on|being\s+alive)\b"
    r"|\bI(?:'m|\s+am|\s+won't\s+be|\s+wouldn't\s+be|\s+might\s+not\s+be)\s+(?:not\s+)?here\s+any\s*more\b"
    # said sideways (set 45: "I wonder what the point is ... of any of it", "it'd be easier for everyone if I just
    # wasn't there", "I'm not sure anyone would even notice if I wasn't around", "I won't be here by the end of term",
    # "I've been thinking about ending it", "I cut. I have done since Year 10", drinking to get through the day)
    r"|\bwonder\s+what\s+the\s+point\s+(?:is|of)\b|\bthe\s+point\s+of\s+(?:it\s+all|any\s+of\s+it|living|anything)\b"
    r"|\b(?:easier|better|notice|care|miss\s+me)\b[^.?!]{0,30}?\bif\s+I\s+(?:just\s+)?(?:wasn't|weren't|was\s+not)\s+"
    r"(?:here|there|around)\b"
    r"|\bI\s+won't\s+be\s+(?:here|around)\s+(?:by\s+the\s+end\s+of|much\s+longer|any\s*more)\b"
    r"|\b(?:thinking|thought)\s+(?:about|of)\s+ending\s+it\b(?!\s+with)"
    r"|\bI\s+(?:cut|burn|burned|burnt)(?:\s+myself)?\s*(?:[.!?]|$)"
    r"|\bI(?:'ve|\s+have)\s+been\s+(?:cutting|burning)(?:\s+(?:myself|again)|\s*(?:[.!?]|$))"
    r"|\b(?:drinks?|drinking)\b[^.?!]{0,40}?\bto\s+(?:get\s+through|cope|numb|forget|shut\s+(?:my|it))\b"
    # harm done to them
    r"|\b(?:he|she|they|my\s+(?:dad|mum|mom|father|mother|stepdad|stepmum|partner|boyfriend|girlfriend|husband|wife|ex|"
    r"brother|sister|carer))\s+(?:\w+\s+)?(?:hits|hit|hurts|hurt|beats|beat|punched|kicked|slapped|chokes|choked|"
    r"strangled|threatens|threatened|pushed|pushes|shoved|grabbed|grabs)\s+(?:me|my\s+(?:mum|mom|mother|sister|brother|"
    r"son|daughter|kids?|children))\b"
    r"(?!\s+(?:up|with\s+(?:a\s+)?(?:bill|fine|question)|for|to\s+(?:give|do|try|train|go|apply)|forward|on|a|an|some|"
    r"one)\b)"
    r"|\bpunched\s+the\s+wall\b"
    r"|\b(?:scared|afraid|frightened|terrified)\s+(?:to\s+go|of\s+going)\s+home\b"
    r"|\b(?:don't|do\s+not|never)\s+feel\s+safe\s+(?:at\s+home|with\s+(?:him|her|them))\b|\bnot\s+safe\s+at\s+home\b",
    re.IGNORECASE,
)
#: The mentor asking about it, naming it or opening it up: suicide or self-harm named ("Are you thinking about
#: suicide?", "thoughts of ending your life", "hurting yourself"), safety asked about ("Are you safe?", "Do you feel
#: safe at home?", "keep yourself safe tonight"), the words asked about ("When you say you'd be better off, what do you
#: mean?"), safeguarding named, checking in on it ("I'll check in about it now and then"). Not "Don't talk like
#: that" or "You've got loads going for you" (cheering up).
SAFETY_ASK_RE = re.compile(
    r"\bsuicid(?:e|al)\b|\b(?:kill|killing|hurt|hurting|harm|harming|end|ending)\s+(?:yourself|your\s+(?:own\s+)?life)\b"
    r"|\btake\s+your\s+(?:own\s+)?life\b|\bself[-\s]?harm"
    r"|\bare\s+you\s+(?:safe|okay\s+to\s+go\s+home|in\s+danger)\b|\bfeel(?:ing)?\s+safe\b|\bhow\s+safe\b"
    r"|\bkeep\s+(?:you|yourself)\s+safe\b|\bsafe\s+(?:right\s+now|tonight|at\s+home|to\s+go\s+home)\b"
    r"|\bthoughts?\s+(?:of|about)\s+(?:ending|hurting|harming|killing|not\s+being|dying|death)\b"
    r"|\bwhen\s+you\s+say\b|\bwhat\s+do\s+you\s+mean\s+(?:by|when)\b|\bsay\s+(?:a\s+bit\s+)?more\s+about\s+(?:that|what)\b"
    r"|\bsafeguarding\b|\bcheck\s+in\s+(?:about|on)\s+(?:it|that|this|you|how\s+you're)\b"
    # the words taken up as they were said (set 45: "Can I ask about something you just said?", "That's literally a
    # warning sign", "that's really serious")
    r"|\bask\s+(?:you\s+)?about\s+(?:something|what)\s+you\s+(?:just\s+)?said\b|\bwarning\s+signs?\b"
    r"|\b(?:that's|that\s+is|this\s+is|it's)\s+(?:really\s+|very\s+|so\s+)?serious\b",
    re.IGNORECASE,
)
#: What waves it off: told not to say or think it, called silly or selfish, cheered up with what they have to live
#: for ("Oh, Sian. No. Don't say that.", "that's a really selfish thing to think", "You've got loads going for you"),
#: or filed as what everyone says (set 83: a frail patient "frightened of going home", "They all say that."; the
#: writers code it a persuasion or a story, not a judgement, so it is heard here only, where it answers a risk).
WAVED_OFF_RE = re.compile(
    r"\bdon'?t\s+(?:say|talk|think)\s+(?:that|like\s+that|things\s+like\s+that|such\s+things)\b"
    r"|\b(?:they|you\s+guys|you\s+people|people)\s+(?:all|always)\s+say\s+that\s*(?:[.!,;]|$)"
    r"|\bdon'?t\s+be\s+(?:silly|daft|soft|stupid|ridiculous|so\s+dramatic)\b|\bselfish\b"
    r"|\byou(?:'ve|\s+have)\s+got\s+(?:so\s+much|loads|everything|a\s+lot)\s+(?:going\s+for\s+you|to\s+live\s+for)\b",
    re.IGNORECASE,
)
#: How many of the mentor's turns after the mentee's (listening signals aside) may take it up.
FOLLOW_UP_TURNS = 2


def risk_said(text: str) -> str:
    """The words of ``text`` (a mentee's turn) that may mean they are at risk of harm ("" if none)."""
    return find_pattern(RISK_RE, text)


def safety_asked(text: str) -> str:
    """The words of ``text`` (a mentor's turn) that ask about a risk of harm or open it up ("" if none)."""
    return find_pattern(SAFETY_ASK_RE, text)


def followed_up(turns, k: int, *, mentor: str) -> str:
    """How the mentor took up the risk said in ``turns[k]`` ("" if they did not).

    Parameters
    ----------
    turns : sequence of TurnMeasures
        The session's turns in order, coded (:func:`pipeline.measures.helping.code_turns`).
    k : int
        The index of the mentee's turn that said it (:func:`risk_said`).
    mentor : str
        The mentor's speaker label.

    Returns
    -------
    str
        Within the mentor's next :data:`FOLLOW_UP_TURNS` turns (listening signals aside): the words that ask about it
        (:func:`safety_asked`), or "reflection" when one of them gives it back without judging; "" when
        neither, or when one waves it off first (:data:`WAVED_OFF_RE`), or the session ended.
    """
    after = [m for m in turns[k + 1:] if m.speaker == mentor and not m.is_backchannel][:FOLLOW_UP_TURNS]
    for m in after:
        if cue := safety_asked(m.text):
            return cue
        if WAVED_OFF_RE.search(m.text):
            return ""
        if m.code.has("reflection") and not m.code.confronting:
            return "reflection"
    return ""
