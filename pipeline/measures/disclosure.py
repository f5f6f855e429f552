"""Self-disclosure: the one definition of the speaker sharing their own experience, and of the narrower sharing of
their own mistakes and early struggles that the course teaches. Read by :mod:`pipeline.measures.helping` (a turn's
code), :mod:`pipeline.measures.reflections` (their own story is not the mentee's world) and
:mod:`pipeline.measures.indicators_safety` (the indicators)."""

from __future__ import annotations

import re

from pipeline.measures.language import find_pattern

#: Self-disclosure as the course teaches it: the mentor sharing their own mistakes and early struggles ("I made
#: the same mistake", "when I started"). The narrower part of :func:`self_disclosure` (``mistakes_only=True``).
SHARED_MISTAKES_RE = re.compile(
    r"\bI\s+(?:made|make)\s+(?:the\s+same|a|that|this|similar|my\s+own|plenty\s+of|lots\s+of)?\s*(?:\w+\s+)?mistakes?\b"
    r"|\bwhen\s+I\s+(?:started|was\s+(?:starting|new|your\s+age|in\s+your)|first)\b"
    r"|\bI\s+(?:also\s+)?(?:struggled|failed|messed\s+up|got\s+it\s+wrong|learned\s+the\s+hard\s+way)\b"
    r"|\bin\s+my\s+(?:experience|first\s+(?:job|year|role))\b|\bI\s+remember\s+when\s+I\b"
    r"|\bI\s+(?:used\s+to|had\s+the\s+same)\b|\bmy\s+(?:own\s+|big\s+|biggest\s+|first\s+)?mistakes?\b|\bhappened\s+to\s+me\b"
    # an early struggle of one's own ("I nearly left three times", "I froze too", "I got dropped loads", "I remember
    # my first year on the ward", "what helped me was ...")
    r"|\bI\s+(?:nearly|almost)\s+(?:left|quit|gave\s+up|jacked|packed|walked|dropped\s+out|failed)\b"
    r"|\bI\s+(?:froze|panicked|got\s+(?:dropped|sacked|fired|rejected|passed\s+over|told\s+off))\b"
    r"|\bI\s+remember\s+my\s+first\b|\bwhat\s+(?:really\s+|actually\s+|finally\s+)?(?:helped|worked\s+for)\s+me\b"
    # a mistake of one's own work ("second year at my old job, I dropped a production index")
    r"|\bI\s+(?:dropped|broke|crashed|blew\s+up|took\s+down|deleted|wiped)\s+(?:a|an|the|my|our|production|prod|live)\b"
    r"|\bI\s+(?:nearly|almost)\s+lost\s+(?:it|the|my)\b",
    re.IGNORECASE,
)
#: Self-disclosure in general (Hill's helping skills; ESConv's "self-disclosure"): the speaker's own experience,
#: life or feelings ("I have been through the same", "I also lost my job", "my sister had this too").
OWN_EXPERIENCE_RE = re.compile(
    r"\bI(?:\s+have|'ve)\s+(?:also\s+|personally\s+|often\s+|recently\s+|once\s+)?(?:been\s+(?:through|in\s+(?:a|the|this|that|"
    r"your|similar)|there|dealing|struggling|feeling|having|going\s+through|living)|had\s+(?!a\s+look|a\s+think|to\s+say)|felt|lost|"
    r"gone\s+through|experienced|dealt|struggled|lived|suffered|faced|found\s+(?:that|it|myself)|tried\s+(?:it|that|this|"
    r"therapy|meditation)|done\s+(?:that|this|the\s+same))\b"
    r"|\bI\s+(?:also|too|myself)\b|\bme\s+too\b|\bsame\s+(?:here|with\s+me|happened)\b"
    r"|\bI\s+(?:used\s+to|once|lost|quit|moved|cried|struggled|failed|had\s+to|had\s+a(?!\s+(?:look|think|quick|read))|"
    r"went\s+through)\b"
    # what the speaker did, told as their own story ("I kept a simple log", "I wrote a few points on a card")
    r"|\bI(?:'ve|\s+have)?\s+(?:also\s+|then\s+|just\s+|always\s+)?(?:kept|wrote|practi[cs]ed|learned|learnt|joined|spent|asked\s+my|told\s+my|"
    r"started\s+(?:to|a|my|keeping|writing|going)|tried\s+(?:to|a|my|writing|keeping|talking))\b"
    r"|\bwhen\s+I\s+(?:was|had|lost|went|got|moved|left|did|tried|felt|broke|came(?!\s+(?:in|back|over|round|around|along|"
    r"down|out|to\s+(?:you|see))\b)|joined|arrived|qualified|interviewed|"
    r"applied|took\s+over|became|began|retired|trained)\b"
    r"|\bmy\s+(?:own\s+)?(?:husband|wife|partner|boyfriend|girlfriend|ex|mom|mum|mother|dad|father|parents|son|daughter|"
    r"kids|children|sister|brother|aunt|uncle|grandparents|grandmother|grandfather|family|cousin|best\s+friend)\b"
    r"|\bI\s+(?:was|am|'m|have\s+been)\s+in\s+(?:a|the)\s+(?:similar|same)\s+(?:situation|position|boat|place)\b"
    # the speaker's own past, told ("I worked in a restaurant", "I went to my counselor", "shy person myself")
    r"|\bI\s+(?:also\s+|then\s+|once\s+)?(?:did(?![,.]|\s+(?:yes|your|you)\b)|worked|lived|left|went|took|found|personally)\b"
    r"|\bmyself\b"
    r"|\bI\s+(?:often\s+|also\s+|sometimes\s+)?(?:feel|felt)\s+(?:the\s+same|that\s+way|like\s+that)\b|\bI\s+know\s+the\s+feeling\b"
    r"|\bI\s+(?:was|am|'m)\s+(?:also\s+)?(?:going\s+through|dealing\s+with)\b|\bI(?:\s+have|'ve)\s+(?:never|not)\s+been\b"
    r"|\bthat(?:'s|\s+is|\s+was)\s+what\s+I\s+(?:always\s+)?(?:did|do)\b|\bin\s+my\s+day\b|\blook\s+at\s+me\s+now\b"
    # a story's frame: where and when it was theirs ("at my old job", "my first quarter", "I was seventeen, working at
    # a tyre place", "I was forty percent too", "I remember the wardrobe years", "what Leeds taught me", "I had this
    # massive deal")
    r"|\bat\s+my\s+(?:old|last|first|previous)\s+(?:job|place|company|school|firm|practice|trust|hospital|ward|team)\b"
    r"|\bmy\s+(?:first|second|third)\s+(?:year|job|week|month|quarter|placement|post|role|term|deploy)\b"
    r"|\bI\s+was\s+(?:only\s+|just\s+)?(?:about\s+)?(?:sixteen|seventeen|eighteen|nineteen|twenty|\d+|a\s+(?:kid|student|trainee|"
    r"junior|teenager))\b|\bI\s+was\s+(?:[\w-]+\s+){1,3}too\b|\bI\s+(?:still\s+)?remember\s+(?:exactly\s+|vividly\s+|clearly\s+)?(?:the|those|being|that\s+feeling)\b"
    r"|\b(?:taught|showed)\s+me\b|\bI\s+had\s+this\b"
    # the same as them ("I was exactly the same"), hard times still theirs ("I still have really bad weeks"), a
    # career's length ("I've been in it twenty-two years"), how it went for them ("that's how I got noticed"), one of
    # them ("people with lived experience, like me"), news of their own ("did I tell you, Jade's pregnant?"), a story
    # closed ("Anyway, that was me.", "that's my story"), their own low time ("I was struggling"), their day ("we didn't
    # even have portfolios")
    r"|\bI\s+was\s+(?:exactly\s+|just\s+)?the\s+same\b"
    r"|\bthat\s+was\s+me\b(?=\W*$)|\bthat's\s+my\s+story\b|\bI\s+was\s+(?:really\s+)?(?:struggling(?!\s+to\s+hear)|a\s+mess|in\s+a\s+bad\s+way)\b"
    r"|\bwe\s+didn't\s+even\s+have\b"
    r"|\bI\s+still\s+(?:have|get)\s+(?:really\s+|some\s+)?(?:bad|hard|tough|rough|difficult|low|dark)\s+(?:days|weeks|moments|times|nights)\b"
    r"|\bI(?:'ve|\s+have)\s+been\s+(?:[\w-]+\s+){1,4}?(?:for\s+)?(?:over\s+|nearly\s+|about\s+|almost\s+)?"
    r"[\w-]+\s+years\b|\bthat's\s+how\s+I\s+(?:got|learned|learnt|ended\s+up|started|found)\b"
    r"|\b(?:experience|people|someone|somebody|folks?)\s*,?\s+like\s+me\b|\bdid\s+I\s+(?:ever\s+)?tell\s+you\b"
    # a story told ("First domestic I ever went to", "the worst moment of my career", "I could tell you some stories",
    # "Not my finest hour", "Took me years", "me at your age", "when I came here", "I've been a consultant here eleven
    # years", "I built that programme", "I was Director of ...", "my old sergeant", "what they called me"), what stays
    # with them ("I still drive that way", "it still makes me wince")
    r"|\bI\s+ever\s+(?:went|did|had|saw|worked|made|gave|got|attended|dealt|met|wrote|ran|taught|led)\b"
    r"|\bof\s+my\s+(?:career|life|working\s+life)\b|\bI\s+could\s+tell\s+you\s+(?:some\s+|a\s+few\s+)?(?:stories|a\s+story|tales)\b"
    r"|\bnot\s+my\s+(?:finest|proudest|best)\s+(?:hour|moment|day)\b|\btook\s+me\s+(?:years|ages|months|a\s+long\s+time|forever)\b"
    r"|\b(?:I|me)\s+(?:was\s+)?at\s+your\s+age\b"
    r"|\bI\s+(?:built|ran|founded|set\s+up|sat\s+on|taught|chaired)\s+(?:a|an|the|that|this|my|our|it|every)\b"
    r"|\bI\s+was\s+(?:the\s+)?(?:\w+\s+)?(?:director|head|chair|lead|deputy|dean)\s+of\b"
    r"|\bmy\s+(?:old|first|former)\s+(?:boss|sergeant|manager|chef|head\s+chef|mentor|supervisor|tutor|teacher|coach|"
    r"consultant|head|gaffer)\b|\bwhat\s+(?:they|he|she)\s+(?:used\s+to\s+)?call(?:ed)?\s+me\b"
    r"|\bI\s+still\s+(?:think\s+about|dream\s+about|wince|cringe|carry|drive|have\s+nightmares)\b"
    r"|\b(?:it|that)\s+still\s+(?:makes\s+me|haunts\s+me|bothers\s+me|gets\s+to\s+me)\b"
    # what they have seen over the years ("I've seen it happen time and time again", "I've watched a hundred reps try
    # it", "I've been asking for that since two thousand and nine"), a young person's own story (set 44: "I sulked for
    # like a week", "I nearly didn't come back", "first year I had Dave for maths", "I had four different
    # supervisors", "I was lucky with that", "if I can do it anyone can", "same tbh")
    r"|\bI(?:'ve|\s+have)\s+(?:seen|watched)\s+(?:it|this|that)\s+happen\b"
    r"|\bI(?:'ve|\s+have)\s+(?:seen|watched)\s+(?:a\s+hundred|hundreds|dozens|loads|plenty|so\s+many)\b"
    r"|\bI(?:'ve|\s+have)\s+been\s+\w+ing\b[^.?!]{0,40}?\bsince\s+(?:two\s+thousand|nineteen|(?:19|20)\d\d|I\s+(?:was|started))\b"
    r"|\bI\s+(?:sulked|moped|skived|bunked\s+off)\b|\bI\s+(?:nearly|almost)\s+didn't\s+(?:come\s+back|go\s+back|finish|make\s+it)\b"
    r"|\bfirst\s+(?:year|week|day|month|season|term)\s+I\s+(?:had|was|got|did|went|nearly)\b"
    r"|\bI\s+had\s+(?:two|three|four|five|six|loads\s+of|so\s+many)\s+(?:different\s+)?(?:supervisors|managers|bosses|"
    r"teachers|tutors|mentors|coaches|jobs|placements|schools|flats|foster\s+(?:homes|placements)|social\s+workers)\b"
    r"|\bI\s+was\s+(?:really\s+|so\s+)?(?:lucky|unlucky|gutted|skint)\s+(?:with|when|because|cos)\b"
    r"|\bif\s+I\s+can\s+do\s+it,?\s+(?:anyone|anybody|you)\s+can\b|^same\s+(?:tbh|honestly|to\s+be\s+honest|lol)\b",
    re.IGNORECASE,
)


#: The speaker owning a slip of their own in this conversation (set 64, repair after a rupture: "Sorry, I went
#: somewhere you didn't.", "I jumped ahead there.", "When I got it wrong earlier, about leaving ...", "I got it wrong
#: and you put me right", "When I went off on the projections just now"): about the session, not their own story.
REPAIR_RE = re.compile(
    r"(?:\bwhen\s+)?\bI\s+(?:(?:got|had)\s+(?:it|that|this|you)\s+wrong(?=[^.?!]*\b(?:earlier|just\s+now|there|about|today|"
    r"a\s+(?:minute|moment|second)\s+ago)\b|\s+and\s+you\b)|jumped\s+(?:ahead|in)|went\s+(?:somewhere\s+you|"
    r"off\s+on)|guessed\s+wrong|cut\s+you\s+off|talked\s+over\s+you|misheard|misunderstood(?:\s+you)?|got\s+ahead\s+of\s+"
    r"(?:you|myself)|put\s+words\s+in\s+your\s+mouth|ran\s+(?:ahead|away\s+with\s+it))",
    re.IGNORECASE,
)


def self_disclosure(text: str, *, mistakes_only: bool = False) -> str:
    """The words in which the speaker shares their own experience ("" if none): the one definition of
    self-disclosure. ``mistakes_only``: only their own mistakes and early struggles (the course's sense, which the
    "Mentor sharing own experience or mistakes" indicator counts). A slip of their own in this conversation owned
    (:data:`REPAIR_RE`) shares no experience."""
    text = REPAIR_RE.sub(" ", text)
    found = find_pattern(SHARED_MISTAKES_RE, text)
    return found or ("" if mistakes_only else find_pattern(OWN_EXPERIENCE_RE, text))
