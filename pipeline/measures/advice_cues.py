"""The words that mark advising (MITI 4.2.1 "persuade", with or without permission; ESConv "providing suggestions"):
an instruction or a "you should", advice put as a question, an offer to advise and the mentee's answer to it, the
mentee asking for advice. Read by :mod:`pipeline.measures.advice` and :mod:`pipeline.measures.helping`; like
:mod:`pipeline.measures.helping_cues`, every pattern reads lower-case text without punctuation."""

from __future__ import annotations

from pipeline.measures.helping_cues import OPENERS, SET_ASIDE
from pipeline.measures.judging_cues import FACE_WAVED_OFF
from pipeline.measures.regard_cues import cue_re as _re

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
    r"go\s+through|walked\s+you\s+through|talked\s+you\s+through|added|filled\s+(?:you\s+)?in|said\s+(?:a\s+bit\s+)?more)\b"
    r"|\bif\s+you(?:'d|\s+would)\s+like\s+(?:them|it|to\s+hear\s+(?:them|it|some|a\s+few))\b"
    r"|\bshall\s+i\s+(?:share|suggest|tell|give|offer)\b"
    r"|\b(?:can|could|may)\s+i\s+(?:throw|run)\s+(?:some|a\s+few|a\s+couple\s+of)\s+(?:ideas|thoughts|things)\s+(?:at|by|past)\s+you\b"
    # "I know a bit about the student finance side, if that would help":
    r"|\bi\s+(?:know|could\s+tell\s+you|can\s+tell\s+you)\s+(?:a\s+bit|a\s+little|something|a\s+few\s+things|more)\s+about\b"
    r"[^.?!]*?\bif\s+(?:that|it)(?:'d|\s+would|\s+might)\s+(?:help|be\s+(?:useful|helpful))\b"
    # "Can I say what I noticed, about Monday?", "I've got a thought about how ruptures go, if it'd be useful?"
    r"|\b(?:can|could|may)\s+i\s+say\s+(?:what\s+i\s+(?:noticed|saw|think|heard)|something\s+about)\b"
    r"|\bi(?:'ve|\s+have)\s+got\s+(?:a\s+thought|an\s+idea|a\s+suggestion)\b[^.?!]*?\bif\s+(?:it'd|it\s+would|that'd|that\s+would)\s+"
    r"be\s+(?:useful|helpful)\s*$"
    r"|\b(?:are\s+you|would\s+you\s+be)\s+open\s+to\s+(?:some\s+|a\s+few\s+)?(?:ideas|suggestions|advice)\b"
    # "I'm happy to tell you what I did, if that's useful", "I can tell you what I've seen work ... Would that help?"
    r"|\bi(?:'m|\s+am)\s+(?:happy|glad)\s+to\s+(?:tell|share|say|explain|go\s+through|run\s+through)\s+(?:you\s+)?(?:what|how|some|"
    r"a\s+few|a\s+bit|my|more|where|one|a\s+couple)\b"
    r"|\b(?:can|could|may)\s+i\s+(?:say|add|mention|raise)\s+(?:one\s+more|one\s+other|another|one|two|a\s+couple\s+of|a\s+few)\s+"
    r"things?\b"
    # leave asked to be frank (set 72: "Do you want me to be straight with you about that?")
    r"|\b(?:do|would)\s+you\s+(?:want|like)\s+me\s+to\s+be\s+(?:straight|honest|frank|direct|blunt|upfront)\b"
    r"|\bi\s+(?:can|could)\s+(?:tell\s+you|share|say)\b(?:\s+[\w']+){0,20}?\s+(?:would|will|does|might)\s+(?:that|it)\s+help\b"
    # what the helper could tell, offered on a condition of theirs ("I can tell you what I believe, if you'd like", "I
    # know of some roles ..., if you want to hear about them", "I can tell you what I'd be thinking about, if that's useful")
    r"|\bi\s+(?:can|could|know\s+of)\s+(?:tell\s+you\s+|share\s+|say\s+)?(?:what|some|a\s+few|a\s+couple|one|how)\b[^.?!]*?"
    r"\bif\s+(?:you(?:'d|\s+would)\s+like|you\s+want(?:\s+to\s+hear\s+(?:about\s+)?(?:them|it|more|those))?|"
    r"that(?:'s|\s+is|'d\s+be|\s+would\s+be)\s+(?:useful|helpful)|(?:that|it)(?:'d|\s+would|\s+might)\s+help)\b"
)

#: The other person asking for advice: "what should I do?", "should I ...", "do you think I should ...".
ASKS_ADVICE_RE = _re(
    r"\b(?:should|shall)\s+i\b|\bwhat\s+(?:(?:would|do|should)\s+(?:you|i)|you(?:'d|\s+would))\s+(?:do|suggest|recommend|advise)\b"
    r"|\bwhat\s+(?:do|can)\s+i\s+(?:actually\s+|even\s+|then\s+)?(?:put|say|write|include|bring|wear|ask\s+for|tell\s+them)\b"
    r"|\bwhat\s+do\s+(?:they|panels?|interviewers|investors|employers|examiners|reviewers)\s+(?:actually\s+)?(?:look\s+for|want\s+to\s+see|expect)\b"
    r"|\b(?:any|some|your)\s+(?:advice|tips|ideas|suggestions|recommendations)\b"
    r"|\bhow\s+(?:do|can|could|should|would)\s+i\b|\bis\s+it\s+(?:ok|okay|alright|a\s+good\s+idea|better)\s+(?:to|if)\b"
    r"|\bwhat\s+do\s+you\s+(?:think|suggest|recommend)\b|\bcan\s+you\s+help\s+me\b"
    r"|\b(?:do|would)\s+you\s+(?:think|say|recommend|suggest)\s+(?:that\s+)?i\s+(?:should|could|ought|need)\b"
    r"|\b(?:would|is)\s+it\s+(?:be\s+)?(?:better|worth|wise|smart)\b|\bis\s+there\s+(?:a|any)\s+way\s+(?:to|of|i|we)\b"
    r"|\bi\s+(?:need|want|would\s+like|'d\s+like)\s+(?:some\s+|your\s+)?(?:advice|help|guidance)\b"
    r"|\bi\s+don'?t\s+know\s+what\s+(?:to|i\s+should)\s+do\b|\bwhat\s+are\s+my\s+options\b"
)

#: An answer that agrees ("yes", "sure", "go ahead", "no, please"), at the start of a turn.
AGREES_RE = _re(r"\s*(?:yes|yeah|yep|sure|please|no\s+please|no\s+go\s+(?:ahead|on)|ok|okay|go\s+ahead|go\s+on|go\s+for\s+it|fire\s+away|i'?m\s+all\s+ears|"
                r"definitely|absolutely|of\s+course|that\s+would|"
                r"i'?d\s+(?:like|love|appreciate)|why\s+not|mm-?hm|uh-?huh)\b")

#: "should have" + a past participle looks back (hindsight, or blame: "you should have known"; a story: "you should've
#: heard what they called me"), advising nothing.
_NOT_HINDSIGHT = (r"(?!(?:\s+have|'ve)\s+(?:been|had|known|received|got|gotten|done|seen|heard|told|asked|listened|thought|"
                  r"checked|realised|realized|gone|made|said|taken|called|sent|written|noticed|left|stopped|spoken)\b)")

#: Verbs of talking and thinking: after "would you be willing to", "could you just" they ask the mentee to talk.
_TALK_VERBS = (r"(?:tell|talk|say|share|explain|describe|walk|remind|think|imagine|consider|look\s+at\s+what|give\s+me|"
               r"send\s+me|let\s+me|show\s+me|help\s+me|go\s+(?:back|over|through)|expand|clarify|repeat)\b")
#: Verbs of the helper's paperwork: "if you can just confirm your full name for me", "can you just sign here": asked
#: of the mentee for the record, advising nothing ("sign up for the course" advises).
_RECORD_VERBS = r"(?:confirm|sign(?!\s+up)|spell|initial)\b"
#: "You could / can" as advice, not after words that make it a clause of what is possible or a question of their
#: means ("before you can", "so you could", "anything you could use to harm yourself?", "anyone you can call?").
_YOU_COULD = r"(?<!\bbefore\s)(?<!\buntil\s)(?<!\bso\s)(?<!\banything\s)(?<!\banyone\s)\byou\s+"

#: Advice, phrased as a statement, an instruction or a question (MITI 4.2.1 "persuade"; ESConv "providing
#: suggestions"). "Have you thought about asking your manager?" advises; it does not ask.
ADVICE_RE = _re(  # not asked about ("did you have to resit it?"); "where you've got to" says how far they are
    r"(?<!\bdid\s)(?<!\bdo\s)(?<!\bwhere\s)(?<!\bfar\s)(?<!\bdoes\s)(?<!^like\s)(?<!\bdon't\sfeel\s)(?<!\bdon't\sfeel\slike\s)(?<!\bwhenever\s)\byou\s+(?:really\s+|definitely\s+|probably\s+|just\s+|might\s+)?(?:do\s+)?(?:should" + _NOT_HINDSIGHT + r"|ought\s+to|need\s+to|have\s+to|"
    r"mustn't|must\s+not|must(?!\s+(?:be|feel|think|know|wonder|hate|miss|love|have\s+(?:been|felt|had))|'ve)|'ve\s+got\s+to|got\s+to(?!\s+know\b)|gotta)\b(?!\s+(?:be\s+(?:really\s+|so\s+|very\s+)?(?:proud|pleased|glad)"
    # "you should see my Year 10s": someone else's worse case, an exclamation (set 82); "you should see a GP" advises
    r"|see\s+(?:my|his|her|their|our|the\s+state\s+of|what)\b|hear\s+(?:my|his|her|their|our|what)\b))"
    r"|\bwhat\s+you\s+(?:need|have|want|ought|should|can|could)\s+(?:to\s+)?do\s+is\b|(?<!\bis\s)(?<!'s\s)(?<!\bknow\s)(?<!\bdecide\s)\bwhat\s+you\s+(?:need|have|want|ought|should)\s+(?:to\s+)?do\b"
    r"|\bi(?:'d|\s+would|\s+strongly|\s+(?:can|could|might)(?:\s+also)?)?\s+(?:recommend|suggest|advise|encourage\s+you)\b|\bmy\s+(?:advice|suggestion|tip)\b"
    r"|(?<!\bi\s)(?<!\bwe\s)(?<!\bto\s)(?<!\bwill\s)(?<!'ll\s)(?<!\bthey\s)(?<!\blet\sme\s)(?<!\bgonna\s)(?<!\bnot\s)\b(?:try|make\s+sure|be\s+sure|remember)\s+"
    r"(?:to|you|that\s+you|and)\b|\btry\s+\w+ing\b"
    r"|\bhave\s+you\s+(?:ever\s+)?(?:(?:thought\s+(?:about|of)|considered)(?!\s+(?:what|how|whether|why|where|who|when|"
    r"which|if)\b)|looked\s+(?:into|for|at)|contemplated|consulted|reached\s+out|checked\s+(?:with|into|out))\b"
    # "have you tried ...?" proposes; "have you ever tried to quit?", "what have you tried so far?" ask their history
    r"|(?<!\bwhat\s)\bhave\s+you\s+tried(?!\s+(?:anything|something|any\b))(?![^.?!]*\b(?:before|so\s+far|already|"
    r"yet|in\s+the\s+past)\b)"
    r"|\bhave\s+you\s+ever\s+tried\s+\w+ing\b(?![^.?!]*\b(?:before|so\s+far|already|yet|in\s+the\s+past)\b)"
    r"|\bwhat\s+(?:if|about)\s+you\s+(?:tried|try|asked|ask|talked|talk|spoke|wrote|made|took|went|just|grabbed|caught|called|"
    r"rang|booked|sent|emailed|messaged|texted|started|stopped|swapped|switched|moved|kept|gave|sat|told|had\s+a)\b"
    # the step put as a question that argues for it (set 60: "What about a gym?", not "What about a job, what were you
    # doing before?", "Isn't it time you put yourself first?", "Wouldn't it be easier to just ...?", "Sooner the
    # better, isn't it?", "Better to escalate now than ...", "that's all the more reason", "Have you thought about
    # what happens if next time it's permanent?")
    r"|\bwhat\s+about\s+(?:a|an)\s+(?!time\b|day\b|moment\b|week\b|situation\b|person\b|place\b|bit\b|year\b|month\b|"
    r"couple\b|few\b|example\b)(?:[\w-]+\s+){0,2}?[\w-]+\s*$"
    r"|\bisn't\s+it\s+(?:about\s+|high\s+)?time\s+(?:you|to)\b"
    r"|\bwouldn't\s+it\s+be\s+(?:a\s+lot\s+|much\s+|so\s+)?(?:easier|better|simpler|quicker|best|kinder|safer|wiser)\s+(?:to|if\s+you)\b"
    r"|\b(?:the\s+)?sooner\s+the\s+better\b|^(?:much\s+|far\s+|always\s+)?better\s+to\s+[a-z]+|\ball\s+the\s+more\s+reason\b"
    r"|\bhave\s+you\s+(?:ever\s+)?(?:thought|considered)\s+(?:about\s+)?what\s+(?:happens|will\s+happen|would\s+happen|"
    r"could\s+happen)\s+if\b"
    r"|\b(?:what|how)\s+about\s+(?:trying|asking|talking|speaking|writing|making|taking|going|sending|booking)\b"
    r"|\bwhy\s+don'?t\s+you\s+(?!start\b|begin\b|tell\b|talk\b|share\b|walk\b)\w+"
    r"|\byou\s+(?:could|might|may)\s+(?:want\s+to|try|consider|also|ask|talk|write|start|think\s+about)\b"
    # a step of the helper's put as a question ("would you be willing to go to a meeting?", "can you at least put a
    # limit on it?"); not a request to talk ("would you be willing to tell me ...", "could you just say more")
    r"|\b(?:would\s+you\s+be\s+(?:willing|open|prepared)\s+to|(?:can|could)\s+you\s+(?:at\s+least|just))\s+"
    r"(?!" + _TALK_VERBS + r"|" + _RECORD_VERBS + r")[a-z]+"
    # the step put as "why not just ...?", "could you not just ...?", "can't you just ...?": proposes (and presses)
    r"|\b(?:why\s+not|(?:can|could)\s+you\s+not|(?:can't|couldn't|cannot)\s+you)\s+(?:just\s+|simply\s+)?"
    r"(?!" + _TALK_VERBS + r"|(?:um|uh|a|an|the|one|two|three|four|five|six|seven|eight|nine|ten|zero|lower|higher|more|"
    r"less|now|yet|before|then|me|us)\b)[a-z]+"
    r"|(?<!\bi\s)(?<!\bwe\s)\b(?:it\s+)?(?:might|may|would|could)\s+(?:be\s+(?:worth|a\s+good\s+idea|helpful|useful|good|best)|help)\s+"
    r"(?:to|if\s+you|you)\b|\b(?:might|may|would|could)\s+(?:really\s+|definitely\s+)?be\s+worth\s+(?:a\s+(?:try|shot|look)|"
    r"[a-z]+ing)\b"
    r"|\b(?:maybe|perhaps)\s+you\s+(?:could|can|should|might)\b"
    r"|(?<!\bwhere\s)(?<!\bfar\s)\byou(?:'ve|\s+have)\s+(?:really\s+|just\s+)?got\s+to\b(?!\s*$)|\bwhat\s+i(?:'d|\s+would)\s+like\s+you\s+to\s+do\b"
    r"|\bit(?:'d|\s+would)\s+be\s+(?:really\s+|so\s+|very\s+)?(?:good|great|helpful|wise|sensible)\s+to\b"
    r"|(?<!\bi'll\s)(?<!\bi\s)(?<!\bwe\s)\bgive\s+it\s+a\s+(?:go|try|shot)\b"
    # a step promised to make it better ("if you just try the slowing down, it'll make your life a lot easier")
    r"|\bif\s+you\s+(?:just|only)\s+(?:try|do|use|start|stop|get|put|say|ask|tell|take|keep|give|make|slow|pause|check|"
    r"write|let)\b[^.?!]*?\b(?:it'll|it\s+will|you'll|you\s+will|that'll|that\s+will)\s+(?:make|help|be\s+(?:fine|easier|"
    r"better)|feel|sort|save)\b"
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
    r"|\bwould\s+you\s+consider\b|\bif\s+i\s+were\s+you\b|\bif\s+it\s+(?:was|were)\s+me\b|\bdon'?t\s+forget\b"
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
    r"|" + _YOU_COULD + r"(?:could|can)\s+(?:also\s+|always\s+|maybe\s+)?(?:try|talk|ask|reach|start|find|join|look|call|use|go|get(?!\s+(?:through|better|past))|"
    r"spend|write|take|make\s+(?:a|some|time|sure)|set|contact|speak|plan|focus|practice|practise|volunteer|search|apply)\b"
    r"|" + _YOU_COULD + r"could\s+(?!not\b|never\b|be\b|have\s+been\b|tell\b|see\b|imagine\b|feel\b|do\s*$)\w+"
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
    r"|(?<!\bonly\s)\byou\s+can\s+(?:also\s+|always\s+|maybe\s+|then\s+|just\s+|directly\s+|still\s+)?(?!not\b|never\b|be\b|see\b|imagine\b|"
    r"also\b|always\b|maybe\b|then\b|just\b|directly\b|still\b|already\b|sort\b|kind\b|"
    r"feel\b|picture\b|sense\b|tell\s+(?:that|me)\b|do\s+(?:it|this|that)\b|handle\b|get\s+through\b|make\s+it\b|overcome\b|hear\b|understand\b|"
    r"only\b|have\b|relate\b|count\b|trust\b|" + SET_ASIDE + r"\s+(?:any|all|some|them|it)\b|" + _RECORD_VERBS
    + r")[a-z]+"
    # ... not "Don't apologise." (reassures), "Don't think so.", "Don't know." (an "I" left out), "Don't feel you have
    # to ..." (the choice left with them)
    r"|^" + OPENERS + r"(?:please\s+|just\s+)?(?:don'?t|do\s+not|never)\s+(?!worry\b|stress\b|panic\b|fret\b|mention\b|be\s+sorry\b|"
    r"apologi[sz]e\b|think\s+so\b|know\b|feel\s+(?:like\s+)?you\s+have\s+to\b|be\s+(?:daft|silly|soft)\b|" + FACE_WAVED_OFF + r"|"
    r"be\s*$|say\s+(?:that|so)\s*$|mind\b|"
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
    r"|(?<!about\s)(?<!not\s)\b(?:the\s+first\s+thing\s+|what\s+)i(?:'d|\s+would)\s+do\s+(?:\w+\s+)?is\b(?!\s+it\b)"
    r"|\bhere'?s\s+(?:what\s+i(?:'m|\s+am)\s+thinking|the\s+plan)\b"
    # the same with an aside before its verb (set 87: "what I'd do, and this is what I tell everyone, is be upfront");
    # not "it's not about what I'd do, is it?" nor "that's not what I'd do, but it is your call"; the one course of
    # action named as obvious ("the obvious thing is you just leave at five", "the best thing is to ring them today")
    r"|(?<!about\s)(?<!not\s)\bwhat\s+i(?:'d|\s+would)\s+do\s+(?:[a-z']+\s+){2,8}?is\s+(?!it\b)"
    r"|\bthe\s+(?:obvious|best|easiest|simplest|sensible|smart)\s+thing\s+(?:to\s+do\s+|for\s+you\s+)?"
    r"(?:is|would\s+be)\s+(?:to\s+|for\s+you\s+to\s+|just\s+|you\s+(?:just\s+)?(?!(?:did|were|was|had|have|are|know|"
    r"knew|said|got|can|could|don't|didn't|won't|feel|felt|think|thought)\b)[a-z]+\b)"
    # advice with the speaker's weight behind it (set 43: "What I'd do, sweetheart, is ...", "I wouldn't bother with
    # all that yet", "I wouldn't go down that road", "Stick with me and you'll ...", "Trust me.", "Trust me on this
    # one."); "trust me" ends the sentence it persuades with, where the one that reassures goes on to what it promises
    # ("trust me, you made the right decision", "trust me, it really helps": 5 of ESConv's supporter turns)
    r"|\bi\s+(?:wouldn't|would\s+not)\s+(?:bother|go\s+down\s+that\s+(?:road|route|path))\b"
    # how to take it or what to keep back, said as what the speaker would not do (sets 51, 87: "I wouldn't read
    # anything into it", "I wouldn't say anything to your dad yet"); not "I wouldn't worry about it", which the writers
    # code as reassurance as often as advice (3 "other", 2 "persuade" in sets 24-82)
    r"|\bi\s+(?:really\s+|honestly\s+|personally\s+)?(?:wouldn't|would\s+not)\s+(?:read\s+(?:anything|too\s+much|"
    r"much)\s+into|say\s+anything\s+to)\b"
    # a rule laid down as a clause of its own (set 88: "And no more sitting on the balcony with your cousin", "no
    # more keeping biscuits in the house")
    r"|(?:^|\b(?:and|so|just|now|right|okay)\s+)no\s+more\s+(?!than\b)[a-z]+ing\b"
    # how to feel or act, told in a set phrase that instructs wherever it stands in the turn, so also inside an
    # unpunctuated run (sets 82-84: "8c are like that with everyone don't take it personally", "the timings are fine
    # stop worrying you'll smash it", "that's to your credit just pick your moment", "cheer up it's only a report");
    # not what they cannot do ("you can't stop worrying": a reflection), nor a lesson told of oneself ("So I learned
    # the hard way that you pick your moment": set 19's writer codes the story, not advice)
    r"|(?<!can't\s)(?<!cannot\s)(?<!couldn't\s)(?<!to\s)(?<!won't\s)(?<!'ll\s)(?<!not\s)"
    r"(?<!\byou\s)(?<!\bi\s)(?<!\bwe\s)"
    r"\b(?:(?:don't|do\s+not)\s+take\s+it\s+(?:so\s+)?(?:personally|to\s+heart)|stop\s+(?:worrying|stressing|panicking|"
    r"overthinking|beating\s+yourself\s+up)|cheer\s+up|pick\s+your\s+(?:moment|battles))\b"
    # the advice against left elliptical, where the mentee has put their plan (set 83: "I really wouldn't. The
    # minute you do that, it's a formal thing."): "wouldn't" ends the sentence, or a new clause follows that no verb
    # phrase can start ("i really wouldn't the minute you do that"); not an answer about oneself ("I wouldn't, no")
    r"|\bi\s+(?:really\s+|honestly\s+|personally\s+|definitely\s+|just\s+)(?:wouldn't|would\s+not)"
    r"(?:\s+(?:if\s+i\s+were\s+you|in\s+your\s+(?:shoes|position)))?(?:\s*(?:[.!;]|$)|(?=\s+(?:the|a|it's|that's|"
    r"there's|you'll|you'd|they'll|because|cos|trust)\b))"
    r"|(?<!\bcan\s)(?<!\bcould\s)(?<!\bto\s)\btrust\s+me(?:\s+on\s+(?:this|that)(?:\s+one)?)?(?:\s+(?:mate|love|honestly|yeah))?\s*$"
    r"|\bstick\s+with\s+me\s+and\s+you(?:'ll|\s+will)\b"
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
    # ... and anywhere in the sentence, with a degree word (sets 58-59: "So I'd be a bit careful with that one.")
    r"|\bi(?:'d|\s+would)\s+be\s+(?:a\s+(?:bit|little)\s+|very\s+|really\s+)?(?:careful|wary)\s+(?:with|about|of)\b"
    # a warning of what will happen unless they change (MITI 4.2.1 "persuade": "if you keep drinking like this
    # you'll end up in hospital", "stop now or you'll lose your licence")
    r"|\b(?:if\s+you\s+(?:keep|carry\s+on|continue|go\s+on|don'?t|do\s+not)|or\s+(?:else\s+)?)(?:\s+[\w']+){0,8}?\s*,?\s+"
    r"you(?:'ll|\s+will|'re\s+going\s+to|\s+are\s+going\s+to|\s+could|\s+might)\s+(?:\w+\s+)?(?:end\s+up|lose|regret|"
    r"damage|harm|hurt|ruin|kill|die|get\s+(?:sick|ill|worse|hurt|fired|sacked)|make\s+(?:it|things)\s+worse|be\s+in\s+trouble|"
    r"pay\s+for)\b"
    # a fact turned against what they believe, to persuade ("alcohol might help you drop off, but it really disrupts
    # your sleep", "a lot of people say that, but the guidelines are based on risk")
    r"|\bbut\s+(?:it|alcohol|that|this|they|smoking|drinking|vaping|caffeine|sugar)\s+(?:actually\s+|really\s+|also\s+)+"
    r"(?:makes?\s+(?:\w+\s+){0,3}?worse|disrupts?|damages?|harms?|worsens?|ruins?|wrecks?)\b"
    r"|\b(?:a\s+lot\s+of|lots\s+of|many|plenty\s+of)\s+people\s+(?:say|think|tell\s+me)\s+that\s+but\b"
    # what would do them good, said as what it does ("that may help", "it will ease some of that anxiety",
    # "podcasts are good for sleep"), or as what they will need to do ("you'll have to speak to them")
    r"|\byou(?:'ll|\s+will|\s+may|\s+might)\s+(?:have|need)\s+to\b|\bconsider\s+\w+ing\b|\bif\s+i\s+(?:can|may|could)\s+suggest\b"
    r"|\b(?:is|are|can\s+be)\s+(?:really\s+|very\s+|also\s+)?(?:good|great|helpful|therapeutic|useful|beneficial)\s+for\b"
    r"|(?<!thing\s)\b(?:it|this|that)\s+(?:will|would|may|might|could|can)\s+(?:really\s+|also\s+)?(?:help|ease|make\s+you|give\s+you|"
    r"keep\s+you)\b"
    # advice in the helper's own voice (sets 54-57: "I really wouldn't recommend it", "I'd say do both", "What I'd like
    # to see is ...", "I'm just saying be aware of it", "That might be something to think about", "your dissertation
    # has to come first", "I think the traineeship would be really good for you", "Even a walk after tea would count",
    # "Cutting the beer down would help with that too")
    r"|\bi\s+(?:really\s+|honestly\s+|personally\s+|definitely\s+)?(?:wouldn't|would\s+not)\s+(?:recommend|advise|suggest)\b"
    r"|\bi(?:'d|\s+would)\s+say\s+(?:just\s+)?(?:do\s+(?:both|it|that|the)|go\s+for|let's|try|apply|keep|stick|wait|leave|hold\s+off)\b"
    r"|\bwhat\s+i(?:'d|\s+would)\s+(?:like|want|love)\s+to\s+see\s+is\s+(?:you|your)\b"
    r"|\bi(?:'d|\s+would)\s+(?:really\s+|just\s+)?(?:like|love|want)\s+you\s+to\s+(?!" + _TALK_VERBS + r"|know\b|feel\b|hear\b|"
    r"be\s+(?:honest|open)\b)[a-z]+"
    # a warning or a better way in the speaker's voice (sets 58-59: "I'd be a bit careful with that.", "but I'd get
    # LinkedIn sorted first", "But I'd park it for now", "You're much better off making flashcards", "the bus is a
    # great time for flashcards", "You'll be so glad you did it.", "The main thing is just cut down.")
    r"|\bbut\s+i(?:'d|\s+would)\s+(?:still\s+|probably\s+|definitely\s+|really\s+|just\s+)?(?:get|park|leave|start|keep|go\s+for|"
    r"stick|wait|focus|save|put|try|hold\s+off|do\s+(?:both|that\s+first|it\s+first))\b"
    r"|\byou(?:'re|\s+are|'d\s+be|\s+would\s+be)\s+(?:much\s+|far\s+|a\s+lot\s+|way\s+)?better\s+off\b"
    r"|\b(?:is|are)\s+a\s+(?:great|good|perfect|ideal)\s+(?:time|place|way|chance)\s+(?:for|to)\b"
    r"|\byou(?:'ll|\s+will)\s+be\s+(?:so\s+|really\s+)?glad\s+you\s+did\b"
    r"|\bthe\s+main\s+thing\s+is\s+(?:just\s+)?(?:to\s+)?(?:cut|stop|keep|get|make|take|try|stick|do|eat|drink)\b"
    # the speaker's way put as theirs ("I would just be straightforward and tell him you saw the photos")
    r"|\bi(?:'d|\s+would)\s+(?:just\s+)?be\s+(?:honest|upfront|straight\s*forward|direct|clear|open)\s+(?:with\s+(?:him|her|them|your)|"
    r"and\s+(?:tell|say|ask))\b"
    r"|\bi(?:'m|\s+am)\s+(?:just\s+)?saying\s+(?:be|do|try|don't|keep|make|get|watch|think)\b"
    r"|\b(?:might|may|could)\s+be\s+something\s+(?:to\s+think\s+about|worth\s+(?:thinking\s+about|considering|looking\s+(?:at|into)|"
    r"trying))\b"
    r"|\b(?:has|have|needs?)\s+to\s+come\s+first\b"
    r"|\bi\s+(?:really\s+|honestly\s+|do\s+)?think\s+(?:[\w']+\s+){1,4}?would\s+be\s+(?:really\s+|so\s+|very\s+)?(?:good|great|perfect|"
    r"ideal|right)\s+for\s+you\b"
    r"|\beven\s+(?:just\s+)?(?:a|an|one|two|ten|twenty)\s+(?:[\w'-]+\s+){1,5}?would\s+(?:count|help|make\s+a\s+difference|do\s+you\s+good)\b"
    r"|\b(?:cutting|stopping|giving\s+up|switching|swapping|walking|getting|going|taking)\s+(?:[\w']+\s+){0,4}?would\s+"
    r"(?:really\s+|also\s+)?(?:help|make\s+a\s+(?:big\s+|real\s+)?difference)\b"
    # the plan set for them (set 65: "I want you doing the heel slides three times a day", "I'd also like you to go
    # into your bank", "I'd want to see that down to about £200", "I want to see that knee at eighty-five degrees",
    # "I'd like a full draft of chapter three by the end of the month", "I'm going to refer you to the food bank",
    # "what I'm going to do is put you on a budget", "That's the first thing we need to sort", "that has to stop
    # straight away", "I'll be checking that bend!"); not "I want you to know", "I'd like to see you next week"
    r"|\bi\s+(?:want|need)\s+you\s+(?:doing|walking|working|writing|practi[cs]ing|using|taking|eating|drinking|going|getting|"
    r"keeping|sticking|cutting|ringing|calling|reading|revising|resting|sleeping)\b"
    r"|\bi(?:'d|\s+would)?\s+(?:also|still|really)\s+(?:like|want|need)\s+you\s+to\s+(?!" + _TALK_VERBS + r"|know\b|feel\b|"
    r"hear\b)[a-z]+"
    r"|\bi(?:'d|\s+would)?\s+(?:want|like|expect|need)\s+to\s+see\s+(?:that|those|this|these|your|the)\s+(?:[\w'-]+\s+){0,2}?"
    r"(?:down|up|at|coming|going|under|below|above|done|finished|gone|off)\b"
    r"|\bi(?:'d|\s+would)?\s+(?:want|like|need|expect)\s+(?:a|the|your)\s+(?:[\w'-]+\s+){0,6}?(?:by|before)\s+(?:the\s+end\s+of|"
    r"next|this|tomorrow|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|the\s+\d|\d)"
    r"|\bi(?:'m|\s+am)\s+(?:going\s+to|gonna)\s+(?:put|get|sign|refer|book)\s+you\s+(?:on|onto|up|to|in|into)\b"
    r"|\bthat'?s?\s+(?:is\s+)?the\s+first\s+thing\s+(?:we|you)\s+(?:need|have|'ve\s+got|must)\s+to\s+(?:sort|change|do|fix|stop|"
    r"tackle|deal\s+with)\b"
    r"|(?<!\bfeel\s)(?<!\bthink\s)(?<!\bsaid\s)(?<!\bknow\s)(?<!\bdecided\s)\b(?:that|this)\s+(?:has|needs)\s+to\s+"
    r"(?:stop|go|change)\s+(?:now|straight\s+away|today|right\s+away|immediately)\b"
    r"|\bi(?:'ll|\s+will)\s+be\s+checking(?!\s+in\b)\b"
    # a warning told as a story or a prediction to frighten (set 63: "I've seen people lose their house over less",
    # "If you wait for one, you'll still be smoking at seventy", "the good news is it's not too late, if you act
    # now", "Think what it'd do to your kids", "You want to see them grow up, don't you?"; "I'm not trying to scare
    # you" judges, :data:`pipeline.measures.judging_cues.CONFRONT_RE`)
    r"|\bi(?:'ve|\s+have)\s+seen\s+(?:people|lads|kids|girls|boys|women|men|folk|patients|clients|families|players|"
    r"young\s+people|students)\s+(?:[\w']+\s+){0,4}?(?:lose|throw|end\s+up|die|ruin|wreck|go\s+under)\b"
    r"|\bif\s+you\s+(?:wait|leave\s+it|put\s+it\s+off)\b[^.?!]*?\byou(?:'ll|\s+will)\s+(?:still\s+be\s+\w+ing|end\s+up|regret)\b"
    r"|\bit'?s\s+not\s+too\s+late,?\s+if\s+you\s+act\b"
    r"|\b(?:think|imagine)\s+(?:about\s+)?what\s+(?:it|that|this)(?:'d|'ll|\s+would|\s+will|\s+could)\s+do\s+to\b"
    r"|\byou\s+want\s+to\s+see\s+(?:them|him|her|your\s+\w+)\s+grow\s+up\b"
    # an option argued against or for with the helper's feelings and stake (set 71: "I'd hate for you to get caught
    # out", "I just don't want you to make a decision you regret", "it'd be such a shame to end it now", "Have you
    # factored in the non-compete?", "So shall we say you'll ask Helen ...", "So we're agreed you'll stay for now?")
    r"|\bi(?:'d|\s+would)\s+hate\s+(?:for\s+)?(?:you|him|her|them)\s+to\b"
    r"|\bi\s+(?:just\s+|really\s+)?(?:don't|do\s+not)\s+want\s+you\s+to\s+(?:make|end\s+up|regret|lose|miss|throw|rush|walk\s+away|"
    r"give\s+up|waste)\b"
    r"|\bit(?:'d|\s+would)\s+be\s+(?:such\s+a\s+|a\s+real\s+|a\s+)(?:shame|waste|pity)\s+(?:to|if\s+you)\b"
    r"|\bhave\s+you\s+(?:factored\s+in|taken\s+into\s+account|weighed\s+up)\b"
    r"|\b(?:shall|should)\s+we\s+say\s+you(?:'ll|\s+will)\b|\bso\s+we(?:'re|\s+are)\s+agreed\s+you\b"
    # a model put on their problem and the agenda taken (set 69: "That's where the SBI model comes in", "if we use
    # radical candour as a lens", "So let's land some actions", "let's put the career question in the car park",
    # "I'd gently push back there")
    r"|\bthat(?:'s|\s+is)\s+where\s+(?:the|a|my|our)\s+(?:[\w-]+\s+){0,3}?(?:model|framework|matrix|tool|technique|method|exercise)\s+"
    r"comes?\s+in\b|\bif\s+we\s+(?:use|take|apply)\s+(?:[\w-]+\s+){1,4}?as\s+a\s+(?:lens|framework|model)\b"
    r"|\blet's\s+(?:land|lock\s+in|nail\s+down|pin\s+down)\s+(?:some|the|a\s+few|your)\s+(?:actions|commitments|next\s+steps|goals)\b"
    r"|\b(?:let's\s+)?(?:put|park)\s+(?:[\w'-]+\s+){1,4}?in\s+the\s+car\s+park\b"
    r"|\bi(?:'d|\s+would)\s+(?:gently\s+|just\s+|respectfully\s+)?(?:push\s+back|challenge\s+(?:that|you|this))\b"
)

#: Advice cues that propose even inside a question: "what about trying ...", "why don't you ...", "have you
#: thought about ...", "would you consider ...", "do you think it might help ...".
ADVICE_AS_QUESTION_RE = _re(r"^(?:what|how)\s+(?:if|about)\b|^why\s+don'?t\b|^have\s+you\b|^would\s+you\s+consider\b"
                            r"|^" + OPENERS + r"would\s+you\s+be\s+(?:willing|open|prepared)\b"
                            r"|^do\s+you\s+think\s+(?:that\s+)?(?:it|you|that|this)\s+(?:could|might|would)\b|^do\s+you\s+have\b"
                            r"|^would\s+it\s+be\s+(?:possible|an\s+option|feasible)\b|^" + OPENERS
                            + r"(?:or\s+|maybe\s+|perhaps\s+)?(?:could|can)\s+you\b")
#: A question that asks the mentee for their own options ("is there anyone you could talk to?", "are there things
#: you can do?", "did you try to ...?"): it asks, whatever the words after it suggest.
ASKS_FOR_OPTIONS_RE = _re(r"^" + OPENERS + r"(?:is|are)\s+there\b|^" + OPENERS + r"(?:did|do)\s+you\s+(?:try|think)\b"
                          r"|^" + OPENERS + r"(?:how\s+)?(?:can|could|may)\s+i\b(?!\s+(?:suggest|recommend)\b)")

#: A sentence opened by "I would" / "I'd" + a verb of action: the speaker's own choice offered as advice
#: ("I would bring them in early"); not a wish or a view ("I'd like to hear", "I would say").
I_WOULD_RE = _re(r"^" + OPENERS + r"(?:but\s+)?(?:(?:personally|honestly|frankly)\s+)?i(?:\s+would|'d)\s+(?:probably\s+|definitely\s+|just\s+|also\s+|still\s+|really\s+)?"
                 # the adverb skipped is no verb ("I'd probably say that's right": a view)
                 r"(?!probably\b|definitely\b|just\b|also\b|still\b|really\b)"
                 # nor a verdict or a welcome ("I'd call that a good afternoon's work", "I'd much rather you told me
                 # that than kept quiet", "I'd rather see the mess than not see you": praise and reassurance)
                 r"(?!like\b|love\b|be\b|say\b|think\b|imagine\b|guess\b|want\b|have\s+(?:thought|felt|been|to|\w+ed)\b|hate\b|need\s+to\b|"
                 r"feel\b|[a-z]{2,}[^e\s]ed\b|"
                 r"call\s+(?:that|it|this)\s+(?:a|an|the|pretty|quite|really|very|progress|brave|good|great)\b|"
                 r"(?:much\s+)?rather\s+(?:hear|know|listen|we|see\s+(?:the|a|it|that|what)|you\s+(?:told|said|came|asked|rang))\b)"
                 r"[a-z]+"
                 # the "I" heard at the end of the other person's turn: "would bring them in early"
                 r"|^would\s+(?!(?:you|your|it|that|this|they|he|she|we|there|the|a|an|i|me|my|not|be|like|love|anyone|"
                 r"anybody|someone|somebody)\b)[a-z]+\s+(?:them|it|him|her|the|a|your|this|that)\b")


#: An offer to advise that carries the advice with it ("may I suggest you two pick up a hobby", "may I suggest
#: Uber"): advice, not a request for permission. "Suggest" or "recommend" followed by anything but nothing or a
#: placeholder ("may I suggest something?", "can I recommend a few things?").
OFFER_CARRIES_ADVICE_RE = _re(r"(?:suggest|recommend)\s+(?!(?:something|anything|an?\s+(?:idea|thought|few\s+things|"
                              r"suggestion|couple\s+of\s+things)|some\s+(?:ideas|things|options))\b)\w")
