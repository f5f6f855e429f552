"""The words that mark each helping behaviour: the cue lists :mod:`pipeline.measures.helping` reads.

The behaviours are those of MITI 4.2.1 (Moyers, Manuel & Ernst 2014, revised 2016: questions, simple and complex
reflections, affirmations, persuading with or without permission, giving information) and of the ESConv helper
strategies (Liu et al. 2021), named in the course's terms. Every pattern reads lower-case text without
punctuation (:func:`pipeline.measures.questions.strip_punctuation`), so that a Whisper transcript without
commas or question marks is read the same way as a typed one.
"""

from __future__ import annotations

from pipeline.measures import regard_cues as regard
from pipeline.measures.language import BACKCHANNEL_WORDS
from pipeline.measures.regard_cues import cue_re as _re

#: Words dropped from the start of a sentence before its opening is read ("so", "okay", "right", "well").
OPENERS = (r"(?:(?:so|okay|ok|right|well|and|yeah|yes|mm|hmm|um|uh|oh|ah|ahh|aw|wow|alright|now|then|i see|lately|"
           r"recently|sometimes|these\s+days|at\s+the\s+moment)\s+)*")

#: Requests that invite the other person to talk: questions in all but form (MITI 4.2.1 codes them as questions).
REQUEST_RE = _re(
    r"\b(?:tell|walk|talk)\s+me\s+(?:a\s+(?:bit|little)\s+(?:more\s+)?|more\s+|a\s+bit\s+more\s+)?"
    r"(?:about|through|what|how|why|when|where|who|which|if|whether|more)\b(?!\s+i(?:'ve|\s+have|'m|\s+am|\s+got|\s+missed|"
    r"\s+left|\s+misunderstood)\b)"
    r"|\b(?:say|share|tell\s+me)\s+(?:a\s+(?:bit|little)\s+)?more\b"
    r"|\bi(?:'m|\s+am)\s+(?:curious|wondering|interested\s+to\s+(?:hear|know))\s+(?:about|what|how|why|whether|if)\b"
    r"|\bi\s+wonder\s+(?:what|how|why|whether|if)\b"
    # a quiet member of a group invited in ("Chris, you've been quiet", "we haven't heard from you yet")
    r"|\byou(?:'ve|\s+have)\s+been\s+(?:very\s+|really\s+|a\s+bit\s+|pretty\s+|quite\s+)?quiet\b"
    r"|\bwe\s+haven't\s+heard\s+(?:much\s+)?from\s+you\b"
    r"|\bwhy\s+don'?t\s+(?:you|we)\s+(?:start|begin|tell|talk|share|walk)\b"
    r"|\b(?:can|could|would)\s+you\s+(?:tell|walk|talk|take)\s+me\b"
    r"|\b(?:can|could|would)\s+you\s+(?:describe|explain|expand|go\s+back\s+to|say\s+(?:a\s+bit\s+)?more)\b"
    r"|\b(?:help|let)\s+me\s+understand\b"
    # "I'd love to hear more / about that / what you think", not "I'd like to hear his ideas" (no one is asked)
    r"|\bi'?d\s+(?:like|love)\s+to\s+hear\s+(?:more|your|from\s+you|you|about\s+(?:that|it|this|you)|"
    r"(?:what|how|why|where|when)\s+you)\b"
    r"|\b(?:start|begin)\s+(?:by|with)\s+(?:telling|talking|you\s+telling)\b"
    # "go on" invites more talk; after a yes ("Yeah, go on.") it consents to the other's offer and asks nothing
    r"|^(?!\W*(?:yeah|yes|yep|sure)\b)" + OPENERS + r"(?:please\s+)?go\s+on\b(?!\s+(?:to|with|and|\w+ing))"
)


#: A speaker's search for words ("how shall I say it", "what do you call it"): asks nobody anything.
HEDGE_RE = _re(r"\bhow\s+(?:shall|should|can|do|could)\s+i\s+(?:say|put)\s+(?:it|this|that)\b"
               r"|\bwhat\s+(?:do|did)\s+(?:you|they)\s+call\s+(?:it|them|that)\b")

#: The speaker asking first whether they may advise (MITI 4.2.1 "persuade with permission"): "would it help if I
#: shared ...?", "can I make a suggestion?".
OFFER_RE = _re(
    r"\b(?:would|will)\s+it\s+help\s+(?:if\s+i|to\s+hear|for\s+me\s+to)\b"
    r"|(?<!what\s)(?<!else\s)(?<!how\s)\b(?:can|could|may|might)\s+i\s+(?:make\s+(?:a|an|one)\s+(?:suggestion|"
    r"observation|comment|point|recommendation)|offer|share|give|suggest|tell\s+you|add|mention|point\s+(?:something\s+)?out|"
    r"run\s+(?:something|an\s+idea|a\s+thought|this)\s+(?:past|by)\s+you)\b"
    r"|\b(?:do|would)\s+you\s+mind\s+if\s+i\b"
    r"|(?<!what\s)\b(?:would|do)\s+you\s+(?:like|want)\s+(?:me\s+to\s+(?:share|suggest|tell|give|offer|say|explain|go\s+through|"
    r"run\s+through|go\s+over)|to\s+hear|some|my|a\s+few)\b"
    # "There's something I could tell you about the outreach team, if that's useful": the offer asked after it
    r"|\bsomething\s+i\s+(?:could|can|might)\s+(?:tell|share|say|explain|show)\b(?:\s+[\w']+){0,14}?\s+if\s+(?:that's|that\s+"
    r"would\s+be|it's|it\s+would\s+be)\s+(?:useful|helpful)\b"
    # "Want me to run through them?": the offer with its "do you" left out, at the start of a sentence
    r"|^" + OPENERS + r"want\s+me\s+to\s+(?:share|suggest|tell|give|offer|run\s+through|go\s+through|go\s+over|walk\s+you|explain)\b"
    r"|^" + OPENERS + r"(?:do\s+you\s+)?want\s+to\s+hear\s+(?:it|one|a\s+story|about\s+(?:it|mine|that|what)|mine|what\s+i)\b"
    # "There's something about the Saturday work that's worth knowing, if you want it?": the offer asked after it
    r"|\bworth\s+knowing,?\s+if\s+you(?:'d|\s+would)?\s+(?:want|like)(?:\s+(?:it|to\s+hear\s+it))?\s*\??$"
    r"|\b(?:is\s+it|would\s+it\s+be)\s+(?:ok|okay|alright|all\s+right|useful|helpful)\s+if\s+i\s+(?:share|suggest|tell|"
    r"offer|give|shared|suggested|told|offered|gave|mention|mentioned|went\s+through|explained|ran\s+through|run\s+through|"
    r"go\s+through|walked\s+you\s+through|talked\s+you\s+through|added)\b"
    r"|\bif\s+you(?:'d|\s+would)\s+like\s+(?:them|it|to\s+hear\s+(?:them|it|some|a\s+few))\b"
    r"|\bshall\s+i\s+(?:share|suggest|tell|give|offer)\b"
    r"|\b(?:are\s+you|would\s+you\s+be)\s+open\s+to\s+(?:some\s+|a\s+few\s+)?(?:ideas|suggestions|advice)\b"
)

#: The other person asking for advice: "what should I do?", "should I ...", "do you think I should ...".
ASKS_ADVICE_RE = _re(
    r"\b(?:should|shall)\s+i\b|\bwhat\s+(?:would|do|should)\s+(?:you|i)\s+(?:do|suggest|recommend|advise)\b"
    r"|\b(?:any|some|your)\s+(?:advice|tips|ideas|suggestions|recommendations)\b"
    r"|\bhow\s+(?:do|can|could|should|would)\s+i\b|\bis\s+it\s+(?:ok|okay|alright|a\s+good\s+idea|better)\s+(?:to|if)\b"
    r"|\bwhat\s+do\s+you\s+(?:think|suggest|recommend)\b|\bcan\s+you\s+help\s+me\b"
    r"|\b(?:do|would)\s+you\s+(?:think|say|recommend|suggest)\s+(?:that\s+)?i\s+(?:should|could|ought|need)\b"
    r"|\b(?:would|is)\s+it\s+(?:be\s+)?(?:better|worth|wise|smart)\b|\bis\s+there\s+(?:a|any)\s+way\s+(?:to|of|i|we)\b"
    r"|\bi\s+(?:need|want|would\s+like|'d\s+like)\s+(?:some\s+|your\s+)?(?:advice|help|guidance)\b"
    r"|\bi\s+don'?t\s+know\s+what\s+(?:to|i\s+should)\s+do\b|\bwhat\s+are\s+my\s+options\b"
)

#: An answer that agrees ("yes", "sure", "go ahead"), at the start of a turn.
AGREES_RE = _re(r"\s*(?:yes|yeah|yep|sure|please|ok|okay|go\s+ahead|go\s+on|go\s+for\s+it|fire\s+away|i'?m\s+all\s+ears|"
                r"definitely|absolutely|of\s+course|that\s+would|"
                r"i'?d\s+(?:like|love|appreciate)|why\s+not|mm-?hm|uh-?huh)\b")

#: "should have" + a past participle looks back (hindsight, or blame: "you should have known"), advising nothing.
_NOT_HINDSIGHT = (r"(?!\s+have\s+(?:been|had|known|received|got|gotten|done|seen|heard|told|asked|listened|thought|"
                  r"checked|realised|realized|gone|made|said|taken|called|sent|written|noticed|left|stopped|spoken)\b)")

#: Verbs of talking and thinking: after "would you be willing to", "could you just" they ask the mentee to talk.
_TALK_VERBS = (r"(?:tell|talk|say|share|explain|describe|walk|remind|think|imagine|consider|look\s+at\s+what|give\s+me|"
               r"send\s+me|let\s+me|show\s+me|help\s+me|go\s+(?:back|over|through)|expand|clarify|repeat)\b")

#: Advice, phrased as a statement, an instruction or a question (MITI 4.2.1 "persuade"; ESConv "providing
#: suggestions"). "Have you thought about asking your manager?" advises; it does not ask.
ADVICE_RE = _re(  # not asked about ("did you have to resit it?")
    r"(?<!\bdid\s)(?<!\bdo\s)(?<!\bdoes\s)\byou\s+(?:really\s+|definitely\s+|probably\s+|just\s+|might\s+)?(?:do\s+)?(?:should" + _NOT_HINDSIGHT + r"|ought\s+to|need\s+to|have\s+to|"
    r"must(?!\s+(?:be|feel|have\s+(?:been|felt|had))|'ve)|'ve\s+got\s+to|got\s+to|gotta)\b(?!\s+(?:be\s+(?:really\s+|so\s+|very\s+)?(?:proud|pleased|glad)))"
    r"|\bwhat\s+you\s+(?:need|have|want|ought|should|can|could)\s+(?:to\s+)?do\s+is\b|\bwhat\s+you\s+(?:need|have|want|ought|should)\s+(?:to\s+)?do\b"
    r"|\bi(?:'d|\s+would|\s+strongly|\s+(?:can|could|might)(?:\s+also)?)?\s+(?:recommend|suggest|advise|encourage\s+you)\b|\bmy\s+(?:advice|suggestion|tip)\b"
    r"|(?<!\bi\s)(?<!\bwe\s)(?<!\bto\s)(?<!\bwill\s)(?<!\bthey\s)(?<!\blet\sme\s)(?<!\bgonna\s)(?<!\bnot\s)\b(?:try|make\s+sure|be\s+sure|remember)\s+"
    r"(?:to|you|that\s+you|and)\b|\btry\s+\w+ing\b"
    r"|\bhave\s+you\s+(?:ever\s+)?(?:(?:thought\s+(?:about|of)|considered)(?!\s+(?:what|how|whether|why|where|who|when|"
    r"which|if)\b)|looked\s+(?:into|for|at)|contemplated|consulted|reached\s+out|checked\s+(?:with|into|out))\b"
    # "have you tried ...?" proposes; "have you ever tried to quit?", "what have you tried so far?" ask their history
    r"|(?<!\bwhat\s)\bhave\s+you\s+tried(?!\s+(?:anything|something|any\b))(?![^.?!]*\b(?:before|so\s+far|already|"
    r"yet|in\s+the\s+past)\b)"
    r"|\bwhat\s+(?:if|about)\s+you\s+(?:tried|try|asked|ask|talked|talk|spoke|wrote|made|took|went|just)\b"
    r"|\b(?:what|how)\s+about\s+(?:trying|asking|talking|speaking|writing|making|taking|going|sending|booking)\b"
    r"|\bwhy\s+don'?t\s+you\s+(?!start\b|begin\b|tell\b|talk\b|share\b|walk\b)\w+"
    r"|\byou\s+(?:could|might|may)\s+(?:want\s+to|try|consider|also|ask|talk|write|start|think\s+about)\b"
    # a step of the helper's put as a question ("would you be willing to go to a meeting?", "can you at least put a
    # limit on it?"); not a request to talk ("would you be willing to tell me ...", "could you just say more")
    r"|\b(?:would\s+you\s+be\s+(?:willing|open|prepared)\s+to|(?:can|could)\s+you\s+(?:at\s+least|just))\s+"
    r"(?!" + _TALK_VERBS + r")[a-z]+"
    # the step put as "why not just ...?", "could you not just ...?", "can't you just ...?": proposes (and presses)
    r"|\b(?:why\s+not|(?:can|could)\s+you\s+not|(?:can't|couldn't|cannot)\s+you)\s+(?:just\s+|simply\s+)?"
    r"(?!" + _TALK_VERBS + r"|(?:um|uh|a|an|the|one|two|three|four|five|six|seven|eight|nine|ten|zero|lower|higher|more|"
    r"less|now|yet|before|then|me|us)\b)[a-z]+"
    r"|(?<!\bi\s)(?<!\bwe\s)\b(?:it\s+)?(?:might|may|would|could)\s+(?:be\s+(?:worth|a\s+good\s+idea|helpful|useful|good|best)|help)\s+"
    r"(?:to|if\s+you|you)\b|\b(?:might|may|would|could)\s+(?:really\s+|definitely\s+)?be\s+worth\s+(?:a\s+(?:try|shot|look)|"
    r"[a-z]+ing)\b"
    r"|\b(?:maybe|perhaps)\s+you\s+(?:could|can|should|might)\b"
    r"|\byou(?:'ve|\s+have)\s+(?:really\s+|just\s+)?got\s+to\b|\bwhat\s+i(?:'d|\s+would)\s+like\s+you\s+to\s+do\b"
    r"|\bit(?:'d|\s+would)\s+be\s+(?:really\s+|so\s+|very\s+)?(?:good|great|helpful|wise|sensible)\s+to\b"
    r"|(?<!\bi'll\s)(?<!\bi\s)(?<!\bwe\s)\bgive\s+it\s+a\s+(?:go|try|shot)\b"
    # a warning of what will follow ("if you carry on like this, you're looking at ..."): persuading
    r"|\bif\s+you\s+(?:carry\s+on|keep\s+(?:on\s+)?(?:this\s+up|\w+ing)|continue\s+\w+ing)\b[^.?!]*?\b(?:you(?:'re|\s+are)\s+"
    r"(?:looking\s+at|going\s+to\s+(?:end\s+up|get\s+ill|be\s+ill))|you(?:'ll|\s+will)\s+(?:end\s+up|get\s+ill|be\s+ill|"
    r"lose|die)|end\s+up\s+(?:in|on|with))\b"
    # the way forward named ("the best way to take care of yourself is to ...", "a good first step is calling ...")
    r"|\b(?:(?:a|the|one|my)\s+)?(?:good|great|best|first|useful|helpful|important|key|smart)\s+(?:first\s+)?(?:step|thing|way|"
    r"approach|advice|place\s+to\s+start)(?:\s+[\w']+){0,6}?\s+(?:is|would\s+be|might\s+be|could\s+be)\s+"
    r"(?:to\b|(?!being\b|nothing\b|something\b|everything\b)[a-z]+ing\b)"
    # a way or an action proposed with "maybe" ("maybe talking to her would help", "perhaps there's a group near you")
    r"|\b(?:maybe|perhaps)\s+(?:\w+ly\s+)?(?!nothing\b|something\b|anything\b|everything\b|thing\b|during\b|morning\b|"
    r"evening\b|feeling\b|being\b)[a-z]+ing\b|\b(?:maybe|perhaps)\s+there(?:'s|\s+is|\s+are)\s+(?:a\s+way|someone|somebody|"
    r"(?:a|an|some)\s+(?:[\w-]+\s+){0,4}?(?:near\s+you|nearby|in\s+your\s+area|you\s+(?:could|can)\s+(?:join|try|use|call|contact|"
    r"ask|visit)))\b"
    # what to remember, as advice ("always bear in mind that ..."), not the speaker's own note ("I'll keep it in mind")
    r"|(?<!\bi\s)(?<!\bwe\s)(?<!\bwill\s)(?<!\bi'll\s)\b(?:bear|keep)\s+in\s+mind\b"
    # a suggestion asked ("would it be possible to take a day off?", "could you meet them outside?"), not a request
    # for talk ("could you tell me ...", "can you describe ...") nor for the mentee's own ideas ("can you think of ...")
    r"|\bwould\s+it\s+be\s+(?:possible|an\s+option|feasible)\s+(?:for\s+you\s+)?to\b"
    r"|^" + OPENERS + r"(?:or\s+|maybe\s+|perhaps\s+)?(?:could|can)\s+you\s+(?:maybe\s+|perhaps\s+|not\s+|just\s+)?(?:try|talk|ask|"
    r"reach|spend|meet|join|call|contact|visit|speak|take|go|find|look|get\s+in\s+touch|set|write|plan|start|teach|work|apply|"
    r"volunteer|schedule|arrange|invite|use|practi[cs]e|move|stay)\b(?!\s+(?:me|us|back)\b)"
    r"|\bthe\s+(?:best|right|smart|only)\s+thing\s+(?:for\s+you\s+)?(?:to\s+do\s+)?(?:is|would\s+be)\s+to\b"
    # a directive ("I want you to keep a diary"), not a wish to hear or to reassure ("I want you to know ...")
    r"|\bi\s+(?:need|want)\s+you\s+(?:in|here|back)\s+(?:on|by|at|for|before|every)\b"
    r"|\bi\s+(?:want|need)\s+you\s+to\s+(?!know\b|feel\b|tell\b|talk\b|share\b|think\b|imagine\b|describe\b|walk\b|"
    r"be\s+(?:happy|safe|honest\s+with\s+me)\b)[a-z]+"
    # a warning that things cannot go on ("you can't keep going like this")
    r"|\byou\s+can(?:'t|not)\s+(?:just\s+)?(?:keep|go\s+on|carry\s+on|continue)\s+(?:\w+ing|like\s+this|like\s+that|this\s+way)\b"
    r"|\b(?:one|another|an|the\s+other)\s+(?:option|idea|possibility|approach|thing\s+you\s+(?:could|might)\s+do)\s+"
    r"(?:would\s+be|could\s+be|might\s+be|is)\s+to\b"
    # one more piece of advice announced ("another suggestion is ...", "another thing that may help is ...")
    r"|\b(?:another|one\s+more)\s+(?:suggestion|tip|thing\s+(?:that|which)\s+(?:may|might|could|can|would|will)\s+help)\b"
    r"|\bwould\s+you\s+consider\b|\bif\s+i\s+were\s+you\b|\bdon'?t\s+forget\b"
    # a step put as what they would want ("you want to be careful about screen time", "you really want to rule out
    # anything medical"; not "so you want to stop": their wish), one thing that can help ("one thing that can really
    # help is a consistent routine")
    r"|\byou(?:'re|\s+are)\s+(?:going\s+to|gonna)\s+(?:have|need)\s+to\s+(?!tell\b|remind\b|explain\b|help\b|forgive\b|excuse\b|"
    r"bear\s+with\b|speak\s+up\b|repeat\b)[a-z]+"
    r"|\byou(?:'ll|\s+will)?\s+(?:really\s+|definitely\s+|probably\s+)?(?:want|wanna)\s+to\s+(?:be\s+careful\s+(?:about|with|not\s+to)|make\s+sure|rule\s+out|"
    r"watch\s+out|avoid|steer\s+clear|keep\s+an\s+eye)\b"
    r"|\b(?:one|another|the\s+(?:main|first|other|best))\s+thing\s+(?:that\s+)?(?:can|could|might|may|will|would|tends\s+to)\s+"
    r"(?:really\s+|also\s+|definitely\s+)?help\b"
    # what would help, said as a fact or a possibility ("journaling can help", "maybe you could ...", "if you try")
    r"|\b(?!i\b|we\b|how\b|who\b|that\b|what\b)[a-z']+\s+(?:can|could|may|might)\s+(?:really\s+|also\s+|definitely\s+|"
    r"greatly\s+)?help\b|\b(?:maybe|perhaps)\s+(?:you(?!'re|\s+are|'ve\s+been|\s+feel|\s+felt|\s+were|\s+was)|try|it\s+would|"
    r"it\s+might|it\s+could|talk|consider)\b"
    r"|(?<!\bbefore\s)(?<!\buntil\s)(?<!\bso\s)\byou\s+(?:could|can)\s+(?:also\s+|always\s+|maybe\s+)?(?:try|talk|ask|reach|start|find|join|look|call|use|go|get(?!\s+(?:through|better|past))|"
    r"spend|write|take|make\s+(?:a|some|time|sure)|set|contact|speak|plan|focus|practice|practise|volunteer|search|apply)\b"
    r"|(?<!\bbefore\s)(?<!\buntil\s)(?<!\bso\s)\byou\s+could\s+(?!not\b|never\b|be\b|have\s+been\b|tell\b|see\b|imagine\b|feel\b)\w+"
    r"|\bif\s+you\s+(?:try|tried|talk|talked|ask|asked|reach|reached|write|wrote|take|took|spend|focus|start|started|join|"
    r"look\s+(?:for|into))\b"
    r"|\bit(?:'?s|\s+is|\s+would\s+be|\s+might\s+be|\s+could\s+be|\s+may\s+be)\s+(?:always\s+|usually\s+|often\s+|sometimes\s+|"
    r"also\s+|probably\s+)?(?:a\s+)?(?:really\s+|very\s+)?(?:(?:good|great|smart)\s+(?:idea|first\s+step|step)|(?:for\s+the\s+)?best|"
    r"important|helpful|wise|better|useful|smart)\s+(?:to|if\s+you)\b"
    r"|\bhow\s+about\s+(?:you\s+\w+|a|an|some|we|trying)\b|\bwhat\s+about\s+\w+ing\b"
    r"|\bdo\s+you\s+have\s+(?:a|any|someone|somebody|anyone|anybody)\s+(?:\w+\s+){0,3}(?:(?:you|who|that)\s+(?:could|can)|"
    r"to\s+(?:talk|help|turn))\b"
    r"|\bdo\s+you\s+think\s+(?:that\s+)?(?:it|you|that|this)\s+(?:could|might|would)\s+(?:help|benefit|be\s+(?:good|helpful|worth))"
    # what to do, said as what is possible ("you can register", "you can then tell her"), as a prohibition ("don't
    # crowd her"), or as what would do the mentee good ("a planner may keep you organised")
    r"|\byou\s+can\s+(?:also\s+|always\s+|maybe\s+|then\s+|just\s+|directly\s+|still\s+)?(?!not\b|never\b|be\b|see\b|imagine\b|"
    r"also\b|always\b|maybe\b|then\b|just\b|directly\b|still\b|already\b|sort\b|kind\b|"
    r"feel\b|picture\b|sense\b|tell\s+(?:that|me)\b|do\s+(?:it|this|that)\b|handle\b|get\s+through\b|make\s+it\b|overcome\b|hear\b|understand\b|"
    r"only\b|have\b|relate\b|count\b|trust\b)[a-z]+"
    r"|^" + OPENERS + r"(?:please\s+|just\s+)?(?:don'?t|do\s+not|never)\s+(?!worry\b|stress\b|panic\b|fret\b|mention\b|be\s+sorry\b|"
    r"be\s+(?:so|too)\s+hard\s+on\b|beat\s+yourself\b|\w+ed\b|knew\b|saw\b|thought\b|went\b|got\b|had\b|did\b|was\b|were\b|came\b|"
    r"felt\b|told\b|said\b|made\b|took\b|found\b|heard\b|been\b)[a-z]+"
    r"|\b(?:can|could|may|might|will|would)\s+(?:really\s+|also\s+)?(?:keep|make|get|give)\s+you\s+(?:more\s+)?(?:safe|"
    r"organi[sz]ed|calm|calmer|healthy|healthier|busy|focused|going|motivated|some)\b"
    # a prohibition ("you can't be skipping it", "you can't let it get to you"), a thing that has to go, the helper's
    # plan for them announced ("what I'm going to suggest is ...", "I'll refer you"), what is important to do
    r"|\byou\s+(?:really\s+|just\s+|simply\s+)?(?:can't|cannot)\s+(?:be\s+\w+ing|let\s+(?:it|this|that|them|him|her)|cave|"
    r"give\s+in|back\s+down)\b"
    r"|\b(?:that|it|this|those|these)(?:'s|\s+has|\s+have)\s+got\s+to\s+(?:go|stop|change)\b"
    r"|\bi(?:'m|\s+am)\s+going\s+to\s+(?:suggest|recommend|advise)\b"
    # the plan made for them ("the first thing I'd do is get you on the patch", "here's what I'm thinking", "I'm
    # gonna have you start ...", "let's at least get you ...", "we just need to find you a new ritual", "you'll want
    # to change it"), what has to go ("that's the first thing to change")
    r"|\bhere'?s\s+what\s+you\s+(?:do|need\s+to\s+do|want\s+to\s+do|should\s+do|have\s+to\s+do)\b|\bwhat\s+you\s+need\s+is\b"
    # the helper taking the matter over ("leave it with me", "I'll have a word with Sharon"), a directive ("I'd like you
    # to observe Sandra's class")
    r"|\bleave\s+it\s+with\s+me\b|\bi(?:'ll|\s+will)\s+(?:have\s+a\s+word\s+with|sort\s+(?:it|that|this)\s+out\s+for\s+you)\b"
    r"|\bi(?:'d|\s+would)\s+like\s+you\s+to\s+(?!tell\b|talk\b|share\b|think\b|say\b|describe\b|walk\b|imagine\b|know\b)[a-z]+"
    r"|\b(?:the\s+first\s+thing\s+|what\s+)i(?:'d|\s+would)\s+do\s+is\b|\bhere'?s\s+(?:what\s+i(?:'m|\s+am)\s+thinking|the\s+plan)\b"
    r"|\bwhat\s+we(?:'ll|\s+will|'re\s+going\s+to|\s+are\s+going\s+to|'re\s+gonna)\s+do\s+is\b"
    r"|\bwe\s+(?:just\s+)?need\s+to\s+(?:find|get|put|sort)\s+you\b|\bi(?:'m|\s+am)\s+(?:gonna|going\s+to)\s+have\s+you\b"
    r"|\blet's\s+(?:at\s+least\s+|just\s+)?(?:get|have|put)\s+you\b|\byou(?:'ll|\s+will)\s+want\s+to\b"
    r"|\bthe\s+(?:first\s+|one\s+|main\s+)?thing\s+(?:to\s+(?:change|cut|drop|stop)|that\s+(?:has|needs)\s+to\s+(?:go|change|stop))\b"
    r"|\bthen\s+you\s+(?:just\s+)?(?:take|put|use|try|call|ring|bring|switch|swap|leave|book|write)\b"
    r"|^" + OPENERS + r"you\s+just\s+(?:take|put|use|try|call|leave|switch|swap|stick|pop|turn|set|book|bring|write)\b"
    r"|\bi(?:'ll|\s+will)\s+(?:put\s+you\s+in\s+touch|refer\s+you|sign\s+you\s+up|book\s+you\s+(?:in|on|onto)|"
    r"put\s+you\s+(?:down|forward)\s+for|put\s+you\s+down\b(?=[^.?!]*\b(?:they'll|they\s+will|someone\s+will)\b)|"
    r"(?:send|write|put)\s+(?:a|an)\s+(?:note|letter|referral|email)\b[^.?!]{0,40}\brecommending)\b"
    r"|\bi(?:'ll|\s+will)\s+put\s+(?:a\s+note|it)\s+on\s+(?:for|to)\s+(?:the|your)\s+(?:gp|doctor|nurse|consultant|manager)\b"
    # a rule for next time ("if anyone says it again, you walk away", "if they come back, you don't just stop, you
    # come and tell us"): an instruction put as what they do
    r"|\bif\s+(?:[\w']+\s+){1,10}?(?:then\s+)?you\s+(?:just\s+|simply\s+)?(?:don'?t\s+just\s+[a-z]+|walk\s+away|come\s+(?:back|"
    r"and\s+(?:tell|find|see)|straight)|(?:ring|call|phone|text)\s+(?:me|us|the|someone|999|111|911))\b"
    r"|\bit(?:'s|\s+is)\s+(?:so\s+|really\s+|very\s+|extremely\s+)?(?:important|vital|essential|crucial)\s+(?:that\s+you|to\s+"
    r"(?!me\b|us\b|you\b|him\b|her\b|them\b)(?:get|keep|take|make|stop|start|try|do|stick|have|be|go|eat|cut|see|check))\b"
    r"|\b(?:maybe|perhaps)\s+it(?:'?s|\s+is)\s+time\s+(?:to|for)\b|\bit(?:'s|\s+is)\s+(?:time\s+to|worth\s+(?:trying|a\s+try|it\s+to))\b"
    r"|\bwon'?t\s+hurt\s+to\b|\bthat'?s?\s+(?:is\s+)?what\s+i\s+would\s+do\b"
    # worth doing, the thing to remember, a suggestion named as one ("it's worth mentioning to your GP", "what I'd
    # maybe think about, and this is just a suggestion, is ...")
    r"|\bit(?:'s|\s+is)\s+(?:probably\s+|definitely\s+|really\s+|always\s+|still\s+)?worth\s+(?!it\b|noting\s+that\b)[a-z]+ing\b"
    r"|\bthe\s+(?:main\s+|important\s+|key\s+|big\s+)?things?\s+to\s+(?:remember|bear\s+in\s+mind|keep\s+in\s+mind)\s+(?:is|are)\b"
    r"|\b(?:it's|this\s+is|that's)\s+(?:just|only)\s+a\s+suggestion\b"
    r"|\bwhat\s+i(?:'d|\s+would)\s+(?:maybe\s+|probably\s+|perhaps\s+)?(?:think\s+about|look\s+at|focus\s+on|try)\b"
    r"|^(?:\w+\s+){0,3}?i(?:'d|\s+would)\s+(?:probably\s+|definitely\s+|maybe\s+)?be\s+(?:careful|wary|cautious|getting|"
    r"looking\s+(?:at|into|for)|talking\s+to|putting|setting|documenting|writing\s+(?:it|that|things|everything)|raising|"
    r"keeping\s+(?:a|notes)|speaking\s+to)\b"
    # a warning of what will happen unless they change (MITI 4.2.1 "persuade": "if you keep drinking like this
    # you'll end up in hospital", "stop now or you'll lose your licence")
    r"|\b(?:if\s+you\s+(?:keep|carry\s+on|continue|go\s+on|don'?t|do\s+not)|or\s+(?:else\s+)?)(?:\s+[\w']+){0,8}?\s*,?\s+"
    r"you(?:'ll|\s+will|'re\s+going\s+to|\s+are\s+going\s+to|\s+could|\s+might)\s+(?:\w+\s+)?(?:end\s+up|lose|regret|"
    r"damage|harm|hurt|ruin|kill|die|get\s+(?:sick|ill|worse|hurt|fired|sacked)|make\s+(?:it|things)\s+worse|be\s+in\s+trouble|"
    r"pay\s+for)\b"
    # what would do them good, said as what it does ("that may help", "it will ease some of that anxiety",
    # "podcasts are good for sleep"), or as what they will need to do ("you'll have to speak to them")
    r"|\byou(?:'ll|\s+will|\s+may|\s+might)\s+(?:have|need)\s+to\b|\bconsider\s+\w+ing\b|\bif\s+i\s+(?:can|may|could)\s+suggest\b"
    r"|\b(?:is|are|can\s+be)\s+(?:really\s+|very\s+|also\s+)?(?:good|great|helpful|therapeutic|useful|beneficial)\s+for\b"
    r"|(?<!thing\s)\b(?:it|this|that)\s+(?:will|would|may|might|could|can)\s+(?:really\s+|also\s+)?(?:help|ease|make\s+you|give\s+you|"
    r"keep\s+you)\b"
)

#: Advice cues that propose even inside a question: "what about trying ...", "why don't you ...", "have you
#: thought about ...", "would you consider ...", "do you think it might help ...".
ADVICE_AS_QUESTION_RE = _re(r"^(?:what|how)\s+(?:if|about)\b|^why\s+don'?t\b|^have\s+you\b|^would\s+you\s+consider\b"
                            r"|^" + OPENERS + r"would\s+you\s+be\s+(?:willing|open|prepared)\b"
                            r"|^do\s+you\s+think\s+(?:that\s+)?(?:it|you|that|this)\s+(?:could|might|would)\b|^do\s+you\s+have\b"
                            r"|^would\s+it\s+be\s+(?:possible|an\s+option|feasible)\b|^" + OPENERS
                            + r"(?:or\s+|maybe\s+|perhaps\s+)?(?:could|can)\s+you\b")
#: Arguing back ("yes, but ..."): an acknowledgement, then "but" and the helper's own case, which MI coders hear as
#: persuading (MITI 4.2.1; confront only where it also judges): "I get it. But that's the most important part.",
#: "Right, but feeling fine doesn't mean your heart's fine.", "Okay, that's a start, but you need ...". Not the other
#: side of their own ambivalence ("Yeah, but you also said ..."), a question, or sympathy ("I know, but that must be
#: hard").
YES_BUT_RE = _re(
    r"^(?:(?:well|oh|um|uh|mm|hmm|okay|ok)\s+)*(?:(?:yeah|yes|right|sure|true|fair\s+enough|i\s+(?:know|see|get\s+(?:it|that)|"
    r"hear\s+you|understand)|that(?:'s|\s+is)\s+a\s+start)\s+){1,3}but\s+(?!you\s+(?:also|said|mentioned|told|just\s+said)|on\s+the\s+"
    r"other|at\s+the\s+same|part\s+of\s+you|i\s+wonder|what\b|how\b|why\b|who\b|when\b|where\b|(?:do|did|is|are|have|can|could|"
    r"would|will)\s+you\b|is\s+there\b)(?![\w\s']*\b(?:must\s+be|sounds|hard|tough|difficult|understandable|makes\s+sense|"
    r"frustrating|scary|painful)\b)"
)

#: A question that asks the mentee for their own options ("is there anyone you could talk to?", "are there things
#: you can do?", "did you try to ...?"): it asks, whatever the words after it suggest.
ASKS_FOR_OPTIONS_RE = _re(r"^" + OPENERS + r"(?:is|are)\s+there\b|^" + OPENERS + r"(?:did|do)\s+you\s+(?:try|think)\b"
                          r"|^" + OPENERS + r"(?:how\s+)?(?:can|could|may)\s+i\b(?!\s+(?:suggest|recommend)\b)")

#: A sentence opened by "I would" / "I'd" + a verb of action: the speaker's own choice offered as advice
#: ("I would bring them in early"); not a wish or a view ("I'd like to hear", "I would say").
I_WOULD_RE = _re(r"^" + OPENERS + r"(?:(?:personally|honestly|frankly)\s+)?i(?:\s+would|'d)\s+(?:probably\s+|definitely\s+|just\s+|also\s+)?"
                 r"(?!like\b|love\b|be\b|say\b|think\b|imagine\b|guess\b|want\b|have\s+(?:thought|felt|been)\b|hate\b|"
                 r"(?:much\s+)?rather\s+(?:hear|know|listen)\b)"
                 r"[a-z]+"
                 # the "I" heard at the end of the other person's turn: "would bring them in early"
                 r"|^would\s+(?!(?:you|your|it|that|this|they|he|she|we|there|the|a|an|i|me|my|not|be|like|love|anyone|"
                 r"anybody|someone|somebody)\b)[a-z]+\s+(?:them|it|him|her|the|a|your|this|that)\b")

#: Words for how hard something is to live through: "that's a lot", "it can be so hard", "that sounds painful".
HARDSHIP = (r"(?:hard|difficult|tough|rough|painful|stressful|frustrating|scary|frightening|upsetting|heartbreaking|"
            r"overwhelming|exhausting|draining|lonely|isolating|unfair|awful|horrible|terrible|sad|confusing|"
            r"devastating|hurtful|challenging|a\s+lot(?!\s+(?:of\s+(?:fun|people)|better|easier))|a\s+(?:heavy|big|real)\s+(?:load|burden|"
            r"blow|worry|strain))")
#: What the other person values, named: "... matters to you", "... is important to you".
VALUES = (r"\b(?:matters?|mattered|means?|meant)\s+(?:(?:a\s+lot|so\s+much|everything|the\s+world|a\s+great\s+deal)\s+)?"
          r"to\s+you\b|\b(?:is|are|'s|was|were)\s+(?:really\s+|very\s+|so\s+)?important\s+to\s+you\b")
#: An announced summary: the speaker gathers what the other has said ("let me see if I've got this", "to sum up").
SUMMARY_OPENING = (r"\blet\s+me\s+(?:(?:um|uh|just|quickly|briefly)\s+)*(?:try\s+(?:to\s+|and\s+))?(?:see\s+if\s+i(?:'ve|\s+have)?\s+(?:got|understood|understand)|"
                   r"make\s+sure\s+i\s+(?:understand|got|have)|check\s+(?:that\s+)?i|summari[sz]e|sum\s+(?:up|that\s+up|it\s+up)|"
                   r"recap|pull\s+(?:(?:it|that|this|these|those|things)\s+)?together|put\s+(?:it|that|this|these|those)\s+together|"
                   r"go\s+back\s+over)\b"
                   r"|\bto\s+sum\s+up\b|^" + OPENERS + r"in\s+summary\b|\bif\s+i\s+(?:understand|hear|heard)\s+(?:you\s+)?"
                   r"(?:correctly|right)\b")
SUMMARY_OPENING_RE = _re(SUMMARY_OPENING)

#: "I hear ...", "What I'm hearing is ...", "I sense ...": the helper announcing what they heard; not "I hear that." or
#: "I hear you." alone, which acknowledge and give nothing back.
I_HEAR = (r"^" + OPENERS + r"(?:what\s+)?i(?:'m|\s+am)\s+hearing\b|^" + OPENERS + r"i\s+(?:hear|sense|get\s+the\s+sense)\b"
          r"(?!\s+(?:that|you|ya|what\s+you(?:'re|\s+are)\s+saying)\s*$)")
#: Reflection openings (MITI 4.2.1): the speaker gives back what the other said or meant, as a statement.
REFLECTION_RE = _re(
    r"^" + OPENERS + r"(?:it\s+|that\s+)?(?:sounds|seems|looks|feels)\s+(?:like|as\s+if|as\s+though|to\s+me)\b"
    r"|^" + OPENERS + r"(?:it|that)\s+(?:must|might)\s+(?:be|have\s+been|feel|make)\b"
    r"|" + I_HEAR +
    r"|^" + OPENERS + r"(?:so\s+)?(?:what\s+)?you(?:'re|\s+are)\s+(?:saying|telling\s+me)\b"
    r"|^" + OPENERS + r"you(?:'re|\s+are|'ve\s+been|\s+have\s+been|\s+were)\s+(?:really\s+|quite\s+|a\s+bit\s+|"
    r"pretty\s+|still\s+|not\s+|feeling\s+|getting\s+)*(?:\w+ed|\w+ing|sure|unsure|afraid|ready|upset|torn|stuck|"
    r"tired|proud|angry|sad|happy|glad|keen|lost|alone|unhappy|anxious|nervous|uncertain|frustrated|worried)\b"
    r"|^" + OPENERS + r"you\s+(?:really\s+|still\s+|also\s+|kind\s+of\s+|sort\s+of\s+)?(?:feel|felt|want|wanted|wish|hope|"
    r"think|thought|believe|worry|care|seem|need\s+(?!to\b)|don'?t\s+(?:know|want|feel|think|like|see)|can'?t|"
    r"enjoy|like|love|hate|miss|value|prefer|struggle|find|noticed?|mean|reali[sz]e|wonder|doubt|fear)\b"
    r"|^" + OPENERS + r"you(?:'d|\s+would)\s+(?:really\s+)?(?:like|love|rather|prefer)\b"
    r"|^" + OPENERS + r"you(?:'ve|\s+have)\s+(?:really\s+|already\s+|also\s+|just\s+)?(?:tried|thought|been|had|done|noticed|"
    r"decided|got|come|managed|made|found|started|stopped|gone|felt|struggled|worked|seen|reali[sz]ed)\b"
    r"|^" + OPENERS + r"you(?:'re|\s+are)\s+(?:here|back)\b"
    r"|^" + OPENERS + r"(?:part\s+of\s+you|on\s+(?:the\s+)?one\s+hand|for\s+you|in\s+other\s+words|you(?:'re|\s+are)\s+not)\b"
    r"|^so\s+(?:you|your|for\s+you)\b|^(?:and|because|even\s+though|which|unless)\s+(?:you|your|it|that|this)\b"
    r"|\byou\s+(?:mentioned|said|told\s+me)\b"
    # the speaker names what the other person feels or lives ("I can imagine how hard that is", "you must be tired")
    r"|(?<!\bso\s)(?<!\bso\sthat\s)\bi\s+(?:can\s+(?:only\s+|really\s+)?|could\s+)?(?:totally\s+|completely\s+|really\s+|fully\s+)?(?:understand|imagine|see|"
    r"sense|feel|hear)\s+(?:how|why|what|where\s+you|that\s+(?:you|it|this)|you(?:'re|\s+are|\s+feel)|your\s+(?:frustration|"
    r"pain|fear|worry|concern|feelings))\b"
    r"|\b(?:it|that|this)\s+must\s+(?:be|have\s+\w+|feel|make)\b|\byou\s+must\s+(?:be|feel|have\s+(?:been|felt))\b"
    r"|^" + OPENERS + r"(?:it\s+|that\s+)?(?:sounds|seems)\s+(?:that|as\s+though)\b"
    # a summary, announced ("let me see if I've got this", "to sum up")
    + "|" + SUMMARY_OPENING
    # the speaker names what the other person lives through ("that's a lot to carry", "that can be so hard",
    # "you sound exhausted", "I can tell you care")
    + r"|\b(?:it|that|this)(?:'s|\s+is|\s+was|(?:'s|\s+has)\s+been|\s+(?:can|could|must|would)\s+(?:be|feel)|\s+(?:doesn'?t\s+|does\s+)?sounds?|\s+seems?)"
    r"\s+(?:really\s+|so\s+|very\s+|pretty\s+|quite\s+|incredibly\s+|such\s+|a\s+|an\s+|awfully\s+|definitely\s+)*"
    + HARDSHIP + r"\b"
    r"|\byou\s+(?:sound|seem)\s+(?:really\s+|so\s+|very\s+|quite\s+|pretty\s+|a\s+(?:bit|little)\s+|emotionally\s+)*"
    r"(?!like\b|to\b|great\b|good\b|fine\b|nice\b)[a-z]+(?:ed|ing)?\b"
    r"|\bi\s+can\s+(?:tell|see|hear)\s+(?:that\s+)?(?:you|your|this|it|how)\b"
    r"(?!\s+(?:fine|okay|ok|now|clearly|perfectly|loud\s+and\s+clear|just\s+fine|all\s+right|alright|again)\b)"  # the line
    r"|\b(?:your\s+\w+|he|she|they)\s+must\s+(?:be|feel|have\s+(?:been|felt))\b"
    # sorrow or understanding that names what the other person lives ("I'm sorry you were hurt like that", "I can
    # understand being discouraged"): MITI 4.2.1 codes an empathic statement of their experience as a reflection
    r"|\bsorry\s+(?:to\s+hear\s+)?(?:that\s+|about\s+)?(?:you|your)\b"
    r"|\bi\s+(?:can\s+|do\s+)?(?:totally\s+|completely\s+|really\s+)?understand\s+(?:being|where|your|you)\b"
    # what the mentee values, named ("being there for your kids matters to you")
    + "|" + VALUES
    # the mentee's view or doubt given back inside a sentence ("... and you're not so sure", "the drinking isn't the
    # problem as you see it", "being like your dad is the last thing you want", "the beers are your way of
    # switching off", "the nagging really gets to you", "you swore you'd never be like him")
    + r"|\b(?:and|but)\s+you(?:'re|\s+are)\s+not\s+(?:so\s+|quite\s+|really\s+|entirely\s+|yet\s+)?(?:sure|convinced|"
    r"ready|certain)\b"
    r"|\bas\s+you\s+see\s+it\b|\b(?:the\s+way|how)\s+you\s+see\s+it\b|\bin\s+your\s+(?:eyes|mind|view)\b"
    r"|\bthe\s+last\s+thing\s+you\s+(?:want|need)\b|\b(?:is|are|was|were)\s+your\s+way\s+of\b"
    r"|\b(?:really\s+)?(?:gets|got|getting)\s+to\s+you\b(?!')|\b(?:weighs|weighing|weighed)\s+on\s+you\b"
    r"|\b(?:gets|getting)\s+you\s+down\b|\beats\s+(?:away\s+)?at\s+you\b"
    r"|^" + OPENERS + r"you\s+(?:swore|vowed|promised\s+yourself|told\s+yourself)\b"
)

#: A reflection checked with the other person ("..., is that right?", "Do I have that right?"): the check asks
#: nothing new, so the turn stays a reflection.
CHECK_RE = _re(r"\b(?:is|was)\s+(?:that|this|it)\s+(?:about\s+)?(?:right|correct|true|fair|what\s+you(?:'re|\s+are)\s+(?:feeling|saying))\b"
               r"|\bdid\s+i\s+(?:miss|leave\s+out|forget)\s+(?:anything|something)\b|\bhave\s+i\s+got\s+(?:that|it|this)\s+right\b"
               r"|\bdoes\s+that\s+sound\s+(?:about\s+)?right\b"
               r"|\bdo\s+i\s+have\s+(?:that|it)\s+right\b|\bam\s+i\s+(?:right|correct)\b|\bdid\s+i\s+get\s+(?:that|it)\s+right\b"
               r"|\b(?:tell|let)\s+me\s+(?:know\s+)?(?:if|whether)\s+i(?:'ve|\s+have)?\s+(?:missed|left\s+out|got|misunderstood)\b"
               r"|\b(?:correct|stop)\s+me\s+if\b")

#: "You" statements that are courtesies, not reflections: "you are welcome", "you too", "I hope you ...".
NOT_REFLECTION_RE = _re(r"\byou(?:'re|\s+are)\s+(?:very\s+|so\s+|most\s+)?welcome\b|\byou\s+too\b|\b(?:hope|wish)\s+you\b"
                        r"|\b(?:happy|merry)\s+(?:holidays?|christmas|new\s+year|thanksgiving|birthday|easter)\b"
                        r"|\bthank\s+you\b|\bto\s+you\s+(?:too|as\s+well)\b")
#: "Sounds like a plan": agreement with what they will do, no reflection of it.
AGREED_PLAN_RE = _re(r"^" + OPENERS + r"(?:that\s+|it\s+)?sounds\s+like\s+a\s+(?:plan|deal|(?:good|great)\s+(?:plan|idea))\b")
#: An aside that marks a statement as asked ("you're fifty-something, if you don't mind me asking").
ASKING_ASIDE_RE = _re(r"\bif\s+you\s+don'?t\s+mind\s+(?:me\s+|my\s+)?asking\b|\bif\s+i\s+(?:may|might|can)\s+ask\b")
#: Words of a turn that reassures or cheers the mentee on ("don't worry", "trust me", "there you go", "don't stress",
#: and every reassurance of :data:`regard.REASSURANCE`): its statements that reflected only by their opening or
#: shared words belong to the reassurance.
REASSURING_RE = _re(r"\bdon'?t\s+(?:you\s+)?(?:worry|stress|fret|panic)\b|\btrust\s+me\b|\bthere\s+you\s+go\b"
                    r"|\bdon'?t\s+let\s+it\s+get\s+you\s+down\b|\bno\s+worries\b"
                    r"|\byou(?:'ll|\s+will)\s+(?:pick\s+it\s+up|be\s+back)\b|" + regard.REASSURANCE)

#: Reflections that, by their form, add meaning beyond the other person's words (complex): an announced summary,
#: a hardship named, a value named.
ADDS_MEANING_RE = _re(SUMMARY_OPENING + r"|\b" + HARDSHIP + r"\b|" + VALUES
                      # the meaning of what they do, or the weight of what they live, named ("the beers are your way of
                      # switching off", "the nagging really gets to you", "the last thing you want")
                      + r"|\b(?:is|are|was|were)\s+your\s+way\s+of\b|\bgets?\s+to\s+you\b(?!')|\bweighs?\s+on\s+you\b"
                      r"|\bgets?\s+you\s+down\b|\bthe\s+last\s+thing\s+you\s+(?:want|need)\b")

#: Reflection openings that stay reflections when asked ("It sounds like you're worried?"): MITI 4.2.1 codes a
#: reflection said with a rising tone as a reflection.
STRONG_REFLECTION_RE = _re(
    r"^" + OPENERS + r"(?:it\s+|that\s+)?(?:sounds|seems|looks)\s+(?:like|as\s+if|as\s+though)\b"
    r"|" + I_HEAR +
    r"|^" + OPENERS + r"(?:so\s+)?(?:what\s+)?you(?:'re|\s+are)\s+(?:saying|telling\s+me)\b"
)
#: A statement opened by "so", asked ("So you're being laid off soon?", "Ah, so she is just talking in circles?"):
#: the speaker checks what they understood, a reflection (ESConv dev: 34 of 41 such turns are restatements).
SO_CHECK_RE = _re(r"^" + OPENERS + r"so\s+(?!what\b|how\b|why\b|who\b|where\b|when\b|which\b|do\b|did\b|does\b|are\b|is\b|"
                  r"can\b|could\b|would\b|will\b|let'?s?\b|i\b|i'm\b|i've\b|we\b|anyway\b|yeah\b|okay\b|um\b|uh\b)")
#: A suggestion said with a rising tone ("Maybe a new home improvement project?", "Perhaps it's time for a break?").
MAYBE_RE = _re(r"^" + OPENERS + r"(?:maybe|perhaps)\b")
#: A guess or an option put forward with a rising "?" ("But probably fine?", "Maybe weekends only?"): said by the
#: mentee, wondering aloud, not asking.
GUESS_RE = _re(r"^(?:but\s+)?" + OPENERS + r"(?:maybe|perhaps|probably|hopefully|i\s+(?:guess|suppose))\b")
#: A summary: "so" + a statement about the other person ("Right, so being prepared gives you more confidence").
SUMMARY_RE = _re(r"^(?:(?:okay|ok|right|well|and|yeah|yes|mm|hmm|oh|alright)\s+)*so\s+"
                 r"(?!what\b|how\b|why\b|who\b|where\b|when\b|do\b|did\b|does\b|are\b|is\b|can\b|could\b|"
                 r"would\b|will\b|let'?s?\b|i\b|i'm\b|i've\b|we\b|anyway\b|yeah\b|okay\b|um\b|uh\b)")
#: Lemmas of the reflection openings themselves: left out when a reflection's words are compared with the other's.
STEM_LEMMAS = frozenset({"sound", "seem", "look", "hear", "sense", "feel", "say", "tell", "mention", "talk"})

#: A reflection that brings back earlier words ("you mentioned ..."): compared with what was said then, not with
#: the turn just before, so its new words do not make it complex.
CALLBACK_CUE_RE = _re(r"\byou\s+(?:mentioned|said|told\s+me)\b")

#: Reflections that add meaning beyond the words: two sides, a metaphor, the meaning made explicit.
DOUBLE_SIDED_RE = _re(r"\bon\s+(?:the\s+)?one\s+hand\b|\bon\s+the\s+other\b|\bpart\s+of\s+you\b|\bat\s+the\s+same\s+time\b"
                      r"|\band\s+yet\b|\bbut\s+also\b|\btorn\b|\bbut\s+(?:you|part\s+of\s+you)\b")
METAPHOR_RE = _re(r"\bas\s+(?:if|though)\b|(?<!sounds\s)(?<!seems\s)(?<!looks\s)(?<!feels\s)\blike\s+(?:a|an)\s+\w+")
#: Reflections that continue the other person's sentence ("... and you're not sure it will last").
CONTINUES_RE = _re(r"^(?:and|because|even\s+though|which|unless|so\s+that|but)\s+")

#: Feeling words: a reflection naming a feeling the other person did not name adds meaning (a complex reflection).
FEELINGS = frozenset("""
    worried worry worries anxious anxiety nervous scared afraid fear fears frightened frustrated frustrating
    frustration angry anger annoyed upset sad sadness hurt overwhelmed overwhelming stressed stress stressful
    stuck lost lonely alone proud pride relieved relief excited hopeful hope hopeless confident confidence
    insecure embarrassed embarrassing ashamed shame guilty guilt disappointed disappointing disappointment torn
    conflicted exhausted tired drained unappreciated undervalued invisible pressure uneasy uncertain uncertainty
    unsure doubt doubts confused happy glad pleased grateful discouraged helpless trapped isolated resentful
    valued respected safe unsafe vulnerable panic panicked dread hard difficult tough painful ignored overlooked
    sidelined excluded unheard dismissed unsupported stung resentment exposed stretched humiliated humiliating
    awful horrible lousy miserable gutted devastated heartbroken grieving jealous envious bitter rejected betrayed
    abandoned scary terrifying daunting demoralising demoralizing deflating crushing numb irritated furious livid
    fragile exposing
    """.split())
#: Feeling words that are courtesies in a greeting or goodbye ("happy holidays", "glad I could help", "stay safe",
#: "hope it helps"): they name no feeling of the other person's.
COURTESY_FEELINGS = frozenset("happy glad pleased hope safe grateful".split())
#: Feelings said in more than one word.
FEELING_PHRASE_RE = _re(r"\b(?:left\s+out|let\s+down|taken\s+for\s+granted|out\s+of\s+(?:your|my)\s+depth|"
                        r"burn(?:ed|t)\s+out|fed\s+up|(?:worn|wear(?:s|ing)?(?:\s+you)?)\s+(?:out|down)|on\s+edge|put\s+on\s+the\s+spot)\b")


#: A greeting asked as a question ("How are things?", "How have you been since we last talked?", "How's it
#: going?"): a social opening, not a question that gathers what the mentee thinks.
GREETING_QUESTION_RE = _re(r"\bhow(?:'s|\s+(?:is|are|have|has|was))\s+(?:it\s+going|things|everything|life|you|"
                           r"your\s+(?:week|weekend|day))(?:\s+(?:been|going|doing))?(?:\s+(?:since\s+(?:we\s+)?last\s+"
                           r"(?:talked|spoke|met|time)|today|lately|recently|then))?\s*[?.!]?\s*$")

#: Words of a listening response or a plain acknowledgement: a turn made only of them does nothing else. The
#: listening-signal words (:data:`pipeline.measures.language.BACKCHANNEL_WORDS`, the one list) and the courtesies
#: that close an exchange ("thanks", "fine", "fair enough").
ACKNOWLEDGEMENTS = BACKCHANNEL_WORDS | frozenset(
    "fine all lovely perfect thanks thank you fair enough brilliant excellent".split())

#: Minimum words of plain statements (no other behaviour) that make a turn of explaining ("information").
INFORMATION_MIN_WORDS = 40

#: Questions that are courtesy or about the helper, not a request for information: a statement after them is no
#: information given ("How are you?" "I'm well, thanks"; "What do you do?" "I work from home").
SOCIAL_QUESTION_RE = _re(
    r"\b(?:how\s+(?:are|r)\s+(?:you|u)|how\s+(?:about|bout)\s+(?:you|yourself)|what\s+about\s+(?:you|yourself)|and\s+(?:you|"
    r"yourself)\b|how(?:'s|\s+is|\s+has)\s+(?:it\s+going|your\s+(?:day|week|evening|morning))|how\s+have\s+you\s+been|"
    r"are\s+you\s+(?:there|still\s+there|ok|okay|well|taking|married)|(?:what|how)\s+(?:do|did|are|were|have)\s+you\b|"
    r"(?:did|have|were)\s+you\s+ever|do\s+you\s+(?:have|like|live|work)\b|\byour\s+(?:name|hobbies|job))"
)
#: Words that open an answer before what it says ("yes, ...", "well, ...", "oh no. ...").
ANSWER_LEAD_RE = _re(
    r"^\s*(?:(?:yes|yeah|yep|no|nope|nah|well|oh|sure|for\s+sure|of\s+course|ok|okay|right|exactly|totally|definitely|"
    r"absolutely|most\s+likely|probably|maybe|hmm|um|uh|ah|and|but|so|like|just|you\s+know)\b[\s,.!;-]*)+"
)
#: An answer that starts with the helper themself ("I don't know", "I have two kids") is about them, not information.
SELF_START_RE = _re(r"\s*(?:i|i'm|im|i've|ive|i'd|i'll|my|me|we|we're|our)\b")
#: Words of the speaker about themself: an answer with them and without "you" is about the helper, not information.
FIRST_PERSON = frozenset("i i'm im i've ive i'd i'll me my myself mine".split())
#: The speaker and the other person together ("we", "let's"): a statement with them says no reflection back.
WE = frozenset("we we're we've we'll let's us our".split())
#: Words of a statement that predicts, judges, wishes or thanks rather than says back: "you'll meet someone else",
#: "he should not treat you that way", "hope you have a good time", "you're so welcome".
NOT_WORLD = frozenset("will 'll you'll it'll he'll she'll they'll that'll should shouldn't must ought hope welcome thanks "
                      "thank glad happy merry holidays christmas birthday luck enjoy".split())
#: A generalisation or a rule cited ("everyone feels like that", "most people", "policy says"): no reflection.
GENERAL_RE = _re(r"\b(?:every(?:one|body)|no(?:one|body)|most\s+people|a\s+lot\s+of\s+(?:people|my|students|patients|"
                 r"clients)|lots\s+of\s+(?:people|students)|some\s+people|the\s+policy|policy\s+says)\b")
#: Leave-taking and good wishes ("Take care and stay safe", "Talk to you next week", "Enjoy the rest of your day"):
#: instructions in form, pleasantries in fact; a sentence made only of them is no advice (MITI codes no behaviour).
PLEASANTRY_RE = _re(
    r"\b(?:talk|speak|chat)\s+(?:to\s+|with\s+)?(?:you\s+)?(?:soon|later|again|tomorrow|next\s+(?:time|week|month|session))\b"
    r"|\benjoy\s+(?:the\s+rest\s+of\s+)?(?:your|the)\s+(?:day|evening|night|weekend|week|holidays?|break|christmas|"
    r"vacation|time\s+off)\b|\btake\s+care(?:\s+of\s+yourself)?\b|\btake\s+it\s+easy\b|\bchin\s+up\b|\btake\s+your\s+time\b|\bno\s+(?:rush|hurry)\b|\bno\s+need\s+to\s+(?:be\s+sorry|apologi[sz]e)\b|\bno\s+worries(?:\s+at\s+all)?\b|\blook\s+after\s+yourself\b|"
    r"\b(?:drop|send|give|shoot)\s+me\s+an?\s+(?:message|line|text|call|shout|email|note)\b(?:\s+if\s+anything\s+(?:else\s+)?comes\s+up)?|"
    r"\blet\s+me\s+know\s+how\s+(?:it|that|things|they)\s+(?:goes|go|went)\b|\b(?:stay|keep)\s+(?:safe|well|healthy|warm|strong|"
    r"positive|in\s+touch)\b|\bkeep\s+the\s+faith\b|\bhave\s+an?\s+(?:\w+\s+){0,2}(?:day|evening|night|weekend|week|"
    r"holidays?|christmas|time|one)\b|\bgood\s+luck(?:\s+with\s+(?:\w+\s+)?\w+)?\b|\bsee\s+you(?:\s+(?:soon|later|next\s+"
    r"\w+|on\s+(?:the\s+)?\w+|then|in\s+(?:a|two|three|four)\s+weeks?))?\b|\b(?:good)?bye\b|\ball\s+the\s+best\b|\bbe\s+well\b|\bget\s+well\s+soon\b|\bmerry\s+christmas\b|"
    r"\bhappy\s+(?:holidays|new\s+year)\b|\bbless\s+(?:you|him|her|them|your\s+heart)\b|\bgo\s+(?:for\s+it|get\s+(?:'em|them))\b"
)
_HOSTED = r"(?:grab|get|have|make)\s+(?:yourself\s+)?(?:a|some|another)\s+(?:coffee|tea|cuppa|drink|water|glass\s+of\s+water|biscuit)"
#: A host's words to a guest, instructions of no advice: "grab a seat", "sit yourself down", "help yourself to tea".
HOSPITALITY_RE = _re(r"^(?:(?:hop|jump|pop)\s+(?:up|on|onto|in|yourself)|lean\s+(?:back|forward)|open\s+(?:wide|up\s+for)|"
                     r"go\s+ahead\s+and\s+(?:lean|sit|hop|lie|open|take\s+a\s+seat|come)|take\s+(?:whichever|any)\s+(?:seat|chair)|(?:shut|close|get)\s+the\s+door|roll\s+(?:up\s+)?your\s+sleeve|"
                     r"step\s+(?:on|onto)\s+the\s+scales?|follow\s+me|come\s+(?:on\s+)?through|lie\s+(?:down|back)\s+(?:on|for)|"
                     r"(?:grab|take|have|pull\s+up)\s+(?:a|your)\s+(?:seat|chair|pew)|sit\s+(?:(?:yourself\s+)?down|wherever|"
                     r"anywhere)|make\s+yourself\s+(?:comfortable|at\s+home)|help\s+yourself|come\s+(?:on\s+)?in|"
                     r"(?:hang|put)\s+your\s+coat|take\s+care(?:\s+of\s+yourself)?(?:\s+(?:tonight|now|today|then|this\s+weekend))?(?=[\s.!]*$)|"
                     r"take\s+(?:whatever|all\s+the|as\s+much)\s+time\s+you\s+(?:need|want|like)|" + _HOSTED + r")\b")
#: A host's offer left to the guest ("grab a coffee if you want"): no decision of theirs shared (MITI 4.2.1).
HOSTED_IF_YOU_WANT_RE = _re(_HOSTED + r"\s+if\s+you\s+(?:want|like|wish)(?:\s+to)?\b")
#: Words that may stand beside pleasantries in a sentence made only of them ("Thanks again and take care").
PLEASANTRY_FILLER = frozenset(
    "and please thanks thank you so much again too as well also ok okay then both for now alright great oh yes lots "
    "really anyway right well yeah sure tonight today this weekend".split())
#: Checking the call or the recording works ("can you hear me okay?", "are we recording?"): managing the medium, no
#: question to the mentee about themselves.
CALL_CHECK_RE = _re(r"^(?:(?:hi|hello|hey|hiya|morning|afternoon|okay|ok|so|right|sorry|um|uh|oh)\s+)*(?:\w+\s+)?"
                    r"(?:(?:can|could)\s+you\s+(?:hear|see)\s+(?:me|us|my\s+screen|the\s+screen)|are\s+we\s+(?:recording|live|"
                    r"on)|is\s+(?:my|the)\s+(?:sound|audio|video|mic|microphone|camera|screen|connection)\s+(?:okay|ok|alright|"
                    r"working|on|coming\s+through))\b")
#: Managing the talk itself: letting the other person speak ("go ahead", "after you") or asking them to say it again
#: ("pardon me?", "sorry?"): no instruction and no question (SwDA tags them none).
LETS_SPEAK_RE = _re(r"^(?:(?:oh|ok|okay|sure|yes|yeah|sorry|no|please|i'm\s+sorry)[\s,]+)*(?:go\s+ahead|after\s+you|you\s+first|"
                    r"be\s+my\s+guest|pardon(?:\s+me)?|sorry|excuse\s+me|come\s+again)(?:[\s,]+please)?\W*$")
#: Fewest words of a statement answering the other person's question that count as information given.
ANSWER_MIN_WORDS = 3

#: An offer to advise that carries the advice with it ("may I suggest you two pick up a hobby", "may I suggest
#: Uber"): advice, not a request for permission. "Suggest" or "recommend" followed by anything but nothing or a
#: placeholder ("may I suggest something?", "can I recommend a few things?").
OFFER_CARRIES_ADVICE_RE = _re(r"(?:suggest|recommend)\s+(?!(?:something|anything|an?\s+(?:idea|thought|few\s+things|"
                              r"suggestion|couple\s+of\s+things)|some\s+(?:ideas|things|options))\b)\w")

#: Seeking collaboration and emphasising autonomy (MITI 4.2.1 "Seek" and "Emphasize", the MI-adherent codes
#: besides affirming): the mentor asks for the mentee's own ideas and plans, or leaves the choice with them. Asking
#: permission before advising (:data:`OFFER_RE`) is seeking collaboration too.
PARTNERSHIP_RE = _re(
    r"\b(?:it's|it\s+is|that's|that\s+is|it'll\s+be|this\s+is)\s+(?:entirely\s+|really\s+|totally\s+|completely\s+|"
    r"ultimately\s+|still\s+|always\s+)?(?:your\s+(?:call|choice|decision)|up\s+to\s+you)\b"
    r"|\b(?:the\s+)?(?:choice|decision)\s+is\s+(?:entirely\s+|really\s+|ultimately\s+)?yours\b"
    r"|\byou\s+know\s+(?:yourself|your\s+(?:team|situation|job|work|family|life|body|kids|manager|boss))\s+"
    r"(?:best|better\s+than\s+(?:anyone|i\s+do|me))\b"
    r"|\byou(?:'re|\s+are)\s+the\s+(?:expert|best\s+judge|one\s+who\s+knows)\b"
    r"|\bwhatever\s+you\s+(?:decide|choose)\b|\bwhatever\s+you(?:'d|\s+would)?\s+(?:prefer|rather)\b"
    r"|\bwhichever\s+(?:suits\s+you|works\s+(?:best\s+)?for\s+you|you(?:'d|\s+would)?\s+(?:prefer|rather))\b"
    r"|\bmay\s+or\s+may\s+not\s+(?:work|be\s+(?:right|for)|suit|fit|help)\b|\btake\s+it\s+or\s+leave\s+it\b"
    r"|\b(?:tell\s+me|let\s+me\s+know)\s+if\s+(?:it's|that's|this\s+is|it\s+is)\s+not\s+(?:for\s+you|helpful|useful)\b"
    r"|\byou\s+(?:get\s+to|can)\s+(?:decide|choose)(?:\s+(?:whether|what|which|how|if|when|for\s+yourself)\b|$)"
    r"|\bwhat\s+ideas\s+do\s+you\s+have\b|\bwhat\s+(?:do|would)\s+you\s+think\s+(?:would|might|could)\s+(?:work|help)\b"
    r"|\bwhat\s+would\s+(?:work|fit)\s+(?:best\s+)?for\s+you\b"
    r"|\bwhat\s+(?:would|do)\s+you\s+(?:like|want)\s+to\s+(?:focus\s+on|talk\s+about|work\s+on|start\s+with|get\s+out\s+of|"
    r"cover|do\s+next)\b"
    r"|\bhow\s+would\s+you\s+(?:like\s+to\s+)?(?:approach|handle|go\s+about|tackle)\b|\bhow\s+would\s+you\s+like\s+to\b"
    r"|\bideas\s+of\s+your\s+own\b|\bfor\s+you\s+(?:and\s+[\w.]+(?:\s+\w+)?\s+)?to\s+(?:decide|choose)\b"
    r"|\bit's\s+your\s+(?:plan|call|choice|decision)\b"
    r"|\b(?:does|would)\s+(?:that|this)\s+(?:fit|work)\s+for\s+you\b|\bhow\s+does\s+(?:that|this)\s+(?:sound|fit)\s+"
    r"(?:to|for|with)\s+you\b"
    r"|\b(?:let's|we\s+(?:can|could))\s+(?:figure|work|sort|think)\s+(?:(?:this|it|that)\s+)?(?:out|through)\s+together\b"
    # their knowledge put above the helper's ("you know them much better than I do"), the agenda theirs ("where would
    # you like to start?", "this is your time"), their options asked for, the choice left open ("only if it's helpful")
    r"|\byou\s+know\s+(?:[\w']+\s+){0,6}?(?:much\s+|far\s+|way\s+)?better\s+than\s+(?:i\s+do|me|anyone|i\s+(?:ever\s+)?could)\b"
    r"|\bwhere\s+(?:would|do)\s+you\s+(?:like|want)\s+to\s+(?:start|begin)\b|\bthis(?:'s|\s+is)\s+your\s+(?:time|session|space|hour)\b(?!\s+to\s+shine)"
    r"|\bwhat\s+would\s+be\s+(?:most\s+|the\s+most\s+|more\s+)?(?:useful|helpful)\s+(?:to\s+(?:talk\s+about|focus\s+on|look\s+at)|for\s+you\s+"
    r"(?:today|now|here))\b|\bwhat\s+(?:are\s+your\s+options|options\s+do\s+you\s+(?:see|have))\b"
    r"|\bonly\s+if\s+(?:it's|it\s+is|that's|you\s+think\s+it's|you\s+find\s+it|it\s+feels)\s+(?:helpful|useful|right)\b"
    # permission checked after an announcement ("... about warning signs. That okay with you?"), their next step
    # asked for ("what, if anything, would you like to do ...?", "what feels like a reasonable first step?"), no
    # pressure promised ("I'm not gonna try to talk you into anything"), their own pace ("on your own timeline")
    r"|\b(?:is\s+)?(?:that|this)(?:'s|\s+is)?\s+(?:okay|ok|alright|all\s+right)\s+with\s+you\b"
    r"|\bif\s+(?:that's|that\s+is|it's|it\s+is)\s+(?:okay|ok|alright|all\s+right)(?:\s+with\s+you)?\s*$"
    r"|\bwhat(?:\s+if\s+anything)?\s+(?:would|do)\s+you\s+(?:like|want)\s+to\s+do\b"
    r"|\bwhat\s+(?:feels|seems|would\s+be)\s+like\s+a\s+(?:[\w-]+\s+){0,2}(?:first|next)\s+step\b"
    r"|\bnot\s+(?:gonna|going\s+to|here\s+to)\s+(?:try\s+to\s+)?(?:talk\s+you\s+into|make\s+you|force\s+you|"
    r"tell\s+you\s+what\s+to\s+do|convince\s+you)\b|\bon\s+your\s+own\s+(?:timeline|time|terms|schedule)\b"
    # what would help asked of them ("what would help you trust your judgement?", "what do you think would have
    # helped?"; not "what would help is if you ..."), what they want from the helper ("what would be useful from me?")
    r"|(?<!\bknow\s)(?<!\bsee\s)\bwhat\s+(?:do\s+you\s+think\s+)?(?:would|might|could)\s+(?:have\s+)?help(?:ed)?\b(?!\s+(?:is|was)\b)"
    r"|\b(?:useful|helpful)\s+from\s+me\b"
    r"|\bif\s+you\s+(?:want|like|wish)(?:\s+to)?(?=\s*$|\s+(?:i|i'd|i'm|i'll|we|we'll|and|or|but|so|then|no|there's)\b)|\byou\s+(?:don't|do\s+not)\s+have\s+to\s+decide\b|^(?:and\s+|but\s+)?(?:it's\s+)?"
    r"(?:totally\s+|entirely\s+|completely\s+)?up\s+to\s+you\b|\bup\s+to\s+you\s*$"
)

