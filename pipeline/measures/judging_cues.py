"""What judges the person: the cues of MITI 4.2.1 "Confront" (blaming, criticising, labelling, shaming, ridicule,
arguing them down), read by :mod:`pipeline.measures.helping` (:func:`pipeline.measures.confronting.confronting`).

The other side of :mod:`pipeline.measures.regard_cues` (valuing them). Every pattern reads lower-case text without
punctuation, as the other cue lists of :mod:`pipeline.measures.helping_cues` do.
"""

from __future__ import annotations

from pipeline.measures.regard_cues import HARM_DONE
from pipeline.measures.regard_cues import cue_re as _re

#: Their face or their word waved off ("Don't pull that face", "Oh, don't look like that.", "Don't 'whatever' me"):
#: judging (:data:`CONFRONT_RE`), and no advice for all its "don't" (:data:`pipeline.measures.advice_cues.ADVICE_RE`).
FACE_WAVED_OFF = r"(?:pull\s+that\s+face|look\s+(?:at\s+me\s+)?like\s+that|give\s+me\s+that\s+look|whatever\s+me)\b"
#: A flat "Not everybody.", "Not necessarily.": disputing what they said; the answer to their question where they
#: asked ("Would that ruin the design?" "Not necessarily."), which :func:`pipeline.measures.confronting.confronting`'s
#: caller leaves unjudged.
NOT_SO_PATTERN = r"^(?:well\s+|no\s+)?not\s+(?:everybody|everyone|necessarily)\s*$"
NOT_SO_RE = _re(NOT_SO_PATTERN)
#: "No, it isn't.", "No, that doesn't ...": disputing what they said, unless they said it in the negative themselves
#: ("It doesn't get chapter four written." "No, it doesn't."), which the caller leaves unjudged (agreement).
NO_IT_ISNT = (r"^(?:no|nope),?\s+(?:it|that|they|he|she)\s*(?:'s\s+not|isn't|is\s+not|aren't|are\s+not|'re\s+not|"
              r"don't|do\s+not|doesn't|won't|didn't|wasn't)\b")
NO_IT_ISNT_RE = _re(NO_IT_ISNT)
#: "Yes, but": the other person's point granted, then argued back (MITI 4.2.1: Confront "disagreeing, arguing,
#: correcting"; the helper's own case, so Persuade too), at the start of a sentence: one to three acknowledgements
#: ("right", "I get it", "okay, fair enough", "that's a start"), "but", and at least three words of the speaker's
#: case ("Right, but feeling fine doesn't mean your heart's fine", "I get it. But that's the most important part."
#: read as one). Not the other side of their own ambivalence ("yes, but part of you is scared", "yeah, but you also
#: said ..."), a question for their view ("okay, but how would that work for you?", "yeah, but do you think ...",
#: "yeah, but I'd rather hear it from you"), feeling with them ("I know, but that sounds really hard", "... but it's
#: tough"), nor their choice kept ("yeah, but you'd have a say in how", "but it's up to you"). Read by
#: :func:`pipeline.measures.confronting.argues_back`.
ARGUES_BACK_RE = _re(
    r"^(?:(?:well|oh|um|uh|mm|hmm|mm-hmm|okay|ok)\s+)*(?:(?:yeah|yes|right|sure|true|fair\s+enough|okay|ok|well|"
    r"i\s+(?:know|see|get\s+(?:it|that)|hear\s+you|understand)|that(?:'s|\s+is)\s+a\s+start)\s+){1,3}but\s+"
    r"(?!(?:what|how|where|when|who|which|why)\b|(?:do|did|is|are|have|can|could|would|will)\s+you\b|is\s+there\b"
    r"|i(?:'d|\s+would)\s+(?:rather|like\s+to|love\s+to)\s+(?:hear|know|understand)\b|i\s+(?:wonder|'m\s+curious|"
    r"am\s+curious)\b|(?:that|it|this)\s+(?:sounds|must|seems|feels)\b"
    r"|you(?:'d|\s+would|'ll|\s+will)\s+(?:still\s+)?have\s+a\s+say\b|it'?s\s+(?:still\s+)?(?:your|up\s+to\s+you)\b"
    r"|(?:also\s+)?(?:part\s+of\s+you|at\s+the\s+same|on\s+the\s+other|you\s+(?:also\s+)?(?:feel|felt|said|say|told|"
    r"want|wanted|sound|seem|wonder|worry|mentioned|just\s+said|know\s+(?:yourself|your\s+own|best|better))\b"
    r"|you're\s+(?:also\s+)?(?:worried|scared|afraid|not\s+sure|wondering)))"
    r"(?![\w\s'-]*\b(?:must\s+be|sounds|hard|tough|difficult|understandable|makes\s+sense|frustrating|scary|painful)\b)"
    r"(?=(?:\S+\s+){2}\S)"
)
#: Confronting (MITI 4.2.1 "Confront", MI non-adherent): blaming, criticising, labelling, shaming, questioning
#: the mentee's honesty: phrases that judge whatever the context. Not where a negation, another's words or the
#: mentee's own feeling come just before (:data:`NOT_CONFRONT_BEFORE`: "it's not your fault", "your manager said you
#: were lazy", "you feel like it's all your fault"); checked on SwDA's talk between strangers, where it fires 55 times
#: in 196,468 utterances of train and test (peers disputing: "that's not true", "come on", "are you sure?"; fatalism
#: about the world: "that's the way it is", "here we go again"; "let me guess") (``bench/helping_skills.py`` lists
#: ESConv's hits).
CONFRONT_RE = _re(
    # arguing ("come on, you're ...")
    r"\b(?:oh\s+)?come\s+on\s+(?:now\s+)?you(?!\s+know\b)(?:'re|\s+are|'ve|\s+have|\s+had|\s+know|\s+can|\s+can't)\b"
    r"|\byou\s+(?:really\s+)?should(?:'ve|\s+have)\s+(?:just\s+|really\s+)?(?:known|listened|asked|thought|checked|"
    r"realised|realized|called|told|said|rung|phoned|come|gone|stopped|waited|spoken|talked|done)\b"  # hindsight blames
    r"|\bwhy\s+(?:didn't|did\s+not|wouldn't|couldn't)\s+you\s+just\s+\w+|\bwhy\s+on\s+earth\b"
    r"|\bwhy\s+would\s+you\s+(?:ever\s+)?(?:do|say)\s+(?:that|something\s+like\s+that)\b"
    r"|\bwhat\s+were\s+you\s+thinking\b"
    r"|\bthat\s+(?:was|is)\s+(?:a\s+)?(?:really\s+|pretty\s+|very\s+|so\s+|quite\s+|just\s+)?(?:stupid|silly|"
    r"foolish|irresponsible|careless|unprofessional|lazy|naive)\b(?!\s+(?:\w+\s+)?(?:of\s+(?:me|us)|on\s+(?:my|our)\s+part))"
    r"|\byou(?:'re|\s+are|\s+were)\s+(?:being\s+)?(?:too\s+|so\s+|really\s+|just\s+|very\s+)?(?:lazy|stubborn|naive|"
    r"irresponsible|careless|unreasonable|overreacting|making\s+excuses|paranoid|oversensitive|too\s+sensitive|"
    r"being\s+dramatic)\b"
    r"|\byou\s+(?:always|never)\s+(?:do\s+this|do\s+that|listen|make\s+excuses|complain|forget|finish)\b"
    r"|\b(?:that's|that\s+is|those\s+are)\s+(?:(?:just|only|another|more)\s+)?(?:an?\s+)?excuses?\b(?!\s+(?:to|for)\b)|\bstop\s+making\s+excuses\b"
    r"|\b(?:it's|it\s+is|it\s+was)\s+(?:all\s+|entirely\s+)?your\s+(?:own\s+)?fault\b|\byou\s+(?:only\s+)?have\s+"
    r"(?:only\s+)?yourself\s+to\s+blame\b"
    r"|\bi\s+don't\s+believe\s+you(?![\w'])|\byou(?:'re|\s+are)\s+not\s+being\s+honest\b"
    r"|\byou\s+need\s+to\s+(?:grow\s+up|toughen\s+up|get\s+over\s+it|stop\s+(?:complaining|whining|moaning))\b"
    # labels and shaming ("you're in denial", "don't you care about ...", "shame on you")
    r"|\byou(?:'re|\s+are)\s+(?:just\s+|clearly\s+|obviously\s+)?(?:in\s+denial|an\s+alcoholic|an\s+addict|a\s+drunk)\b"
    r"|\bdon't\s+you\s+care\s+(?:about|what)\b|\bshame\s+on\s+you\b|\b(?:should|ought\s+to)\s+be\s+ashamed\b"
    r"|\bwhat's\s+wrong\s+with\s+you\b|\byou\s+know\s+better\s+than\s+that\b"
    # disagreeing, correcting, doubting honesty ("you're wrong about that", "you're kidding yourself")
    r"|\byou(?:'re|\s+are)\s+(?:just\s+|simply\s+|plainly\s+)?(?:wrong|lying|kidding\s+yourself|fooling\s+yourself|"
    r"not\s+listening|not\s+taking\s+(?:this|it|me|your\s+\w+)\s+seriously|not\s+even\s+trying)\b"
    r"|\b(?:that's|that\s+is)\s+(?:a\s+)?(?:really\s+|very\s+|such\s+a\s+)?(?:bad|terrible|dumb|stupid|crazy|"
    r"ridiculous)\s+idea\b"
    r"|\bwhy\s+would\s+you\s+\w+\s+something\s+(?:so|that)\s+(?:stupid|silly|foolish|irresponsible|dumb|reckless)\b"
    r"|\bhow\s+could\s+you\s+(?:(?:do|say|let)\s+(?:that|this|something\s+like\s+that)|be\s+so)\b"
    # arguing the mentee down: excuses, wishful thinking, a failure rubbed in, a label they did not choose
    r"|\bthere(?:'s|\s+is)\s+always\s+(?:an\s+|some\s+)?excuse\b|\bwishful\s+thinking\b"
    r"|\bthat\s+(?:tells|says)\s+you\s+something\b|\byou\s+(?:couldn't|could\s+not|can't|cannot)\s+even\s+"
    r"(?:manage|be\s+bothered|stick)\b"
    r"|\bdoesn't\s+mean\s+you\s+(?:haven't\s+got|don't\s+have)\s+(?:one|a\s+problem)\b"
    r"|\bthat\s+doesn't\s+make\s+it\s+(?:okay|ok|alright|all\s+right)\b|\byou\s+can't\s+go\s+by\s+that\b"
    r"|\b(?:that's|that\s+is)\s+(?:just\s+|actually\s+)?(?:a\s+|an\s+)?(?:old\s+wives'?\s+tale|myth)\b"
    r"|\byou\s+(?:weren't|were\s+not)\s+(?:using|doing|taking)\s+(?:it|them|that)\s+(?:right|properly|correctly)\b"
    # set 89-92: a fault put as their habit ("you do take on too much", "you do get very attached to the younger
    # ones", "you do go a bit quiet"), a check they skipped ("you didn't check it properly"), their word held
    # against them ("you did say last time you'd ..."), their best not enough ("mostly isn't good enough"), a role
    # put down ("you're a team leader, not their mum")
    r"|\byou\s+do\s+(?:take\s+(?:it\s+all\s+on|on\s+too\s+much|too\s+much\s+on|everything\s+on)"
    r"|get\s+(?:very|really|too|so|a\s+bit)\s+(?:attached|involved|wound\s+up|worked\s+up|defensive|emotional)"
    r"|go\s+(?:a\s+bit|very|really|too|so)\s+(?:quiet|over\s+the\s+top))\b"
    r"|\byou\s+(?:didn't|did\s+not)\s+(?:check|read|do|use|follow|look\s+at|fill\s+in|plan|prepare|think)\s+"
    r"(?:it|them|that|this|the\s+\w+)\s+(?:through\s+)?(?:properly|right|correctly|carefully)\b"
    r"|\byou\s+did\s+say\s+(?:\w+\s+){0,3}?you(?:'d|\s+would)\b"
    r"|\b(?:that|this|it|mostly|sometimes)\s*(?:isn't|is\s+not|'s\s+not|wasn't|was\s+not)\s+good\s+enough\b"
    r"|\byou(?:'re|\s+are)\s+(?:a|an|the)\s+(?:\w+\s+){1,2}?not\s+(?:their|his|her|everyone's)\s+(?:mum|mom|mother|dad|"
    r"father|babysitter|nanny|servant|saviour|savior)\b"
    # a label by the company they keep ("that's what people with a problem always say"), a fault caught again, a
    # knowing failure rubbed in ("you know it's affecting your studies, and you're still doing it"), a moral put as
    # a question ("don't you think they deserve to know?"), a threat to stop helping
    r"|\bthat(?:'s|\s+is)\s+what\s+(?:(?:people|everyone|they)\s+(?:\w+\s+){0,4}?always|addicts|drinkers|smokers|users|"
    r"(?:people|every(?:one|body)|anyone|anybody)\s+with\s+a\s+(?:\w+\s+)?problem)\s+says?\b"
    r"|\byou(?:'re|\s+are)\s+(?:doing\s+(?:it|that|this)|at\s+it)\s+again\b"
    r"|\byou\s+know\s+(?:[\w']+\s+){1,8}?(?:and|but)\s+(?:yet\s+)?you(?:'re|\s+are)\s+still\s+(?:doing|drinking|smoking|"
    r"using|gambling|eating|skipping|missing|putting)\b"
    r"|\bdon't\s+you\s+think\s+(?:they|she|he|people|(?:your|the)\s+\w+)\s+(?:deserves?|ought|should)\b"
    r"|\bdon't\s+you\s+think\s+you\s+(?:owe|ought\s+to\s+have|should\s+have)\b"
    r"|\bi(?:'m|\s+am)\s+not\s+sure\s+what\s+we(?:'re|\s+are)\s+doing\s+here\b|\bwhat's\s+the\s+point\s+of\s+(?:you|us)\s+"
    r"(?:being|coming)\s+here\b"
    # their difficulty waved away ("it's not complicated", "how hard can it be"), a failure held against them over
    # time ("you've been saying you'd sort it for three years"), blame ("because you're not", "those lads are the
    # reason you're here"), sarcastic thanks ("nice of you to grace us"), others held up against them ("everyone
    # else manages", "harder than everybody else's")
    r"|\bit(?:'s|\s+is)\s+not\s+(?:that\s+|exactly\s+|very\s+)?(?:complicated|difficult|rocket\s+science|brain\s+surgery)\b"
    r"|\bhow\s+hard\s+(?:can\s+it|is\s+it\s+to)\b"
    r"|\byou(?:'ve|\s+have)\s+been\s+saying\s+(?:that\s+)?you(?:'d|\s+would|'ll|\s+will)\s+(?!like\b|love\b)\w+"
    r"|\bbecause\s+you(?:'re|\s+are)\s+not\s*$|\b(?:is|are|was|were)\s+the\s+reason\s+you(?:'re|\s+are|\s+got|\s+ended)\b"
    r"|\b(?:nice|good|kind)\s+of\s+you\s+to\s+(?:grace|finally|bother|show\s+up|turn\s+up)\b|\bgrace\s+us\s+with\b"
    r"|\b(?:everyone|everybody|other\s+people|the\s+others|the\s+rest\s+of\s+(?:them|us))\s+(?:else\s+)?(?:seems\s+to\s+)?"
    r"(?:manages?|copes?)\b|\b(?:harder|worse|busier|tougher)\s+than\s+(?:everybody|everyone|anybody|anyone)\s+else"
    # MITI 4.2.1's other forms of confront, in their general shapes: contempt in a question ("did you even read
    # it?"), disputing ("no, it isn't", "that's not what happened"), a label ("you're overthinking it", "you give in
    # too easily"), others held up against them ("other parents manage"), shaming by whoever would be let down
    # ("what would your mum say?"), a rhetorical question that lectures ("do you know how much that costs?"), blame
    # ("whose fault is that?", "you brought this on yourself"), weariness with them ("I've heard it all before")
    r"|\b(?:did|do|does|have|has|were|was|are|can|could|would|will)\s+you\s+(?:\w+\s+)?even\s+(?:\w+ed|\w+ing|read|try|"
    r"know|care|listen|think|bother|look|open|want|mean|remember|do|get|see|hear|go|make|take)\b"
    r"|" + NO_IT_ISNT +
    r"|(?<!\bsure\s)\bthat(?:'s|\s+is)\s+not\s+(?:really\s+|exactly\s+)?(?:true|what\s+happened|how\s+it\s+works|the\s+point|a\s+reason|"
    r"an\s+excuse)\b"
    r"|\byou(?:'re|\s+are)\s+(?:just\s+|totally\s+|really\s+|way\s+|so\s+)?(?:overthinking|overreacting|exaggerating|"
    r"being\s+(?:silly|ridiculous|difficult|defensive|negative|childish|dramatic))\b"
    r"|\byou\s+(?:always\s+|just\s+)?(?:give\s+in|give\s+up|back\s+down|cave|fold)\s+too\s+(?:easily|quickly|fast|soon)\b"
    # dismissing and ridiculing (MITI 4.2.1: "disagrees, argues, ... ridicules"): "don't be daft", "that's in your
    # head", "a sweeping statement", "I'm not your mum", "welcome to the real world", "what did you expect it to be",
    # "stop giving me reasons", "so act like it", "grow up", "if you can't handle it"
    r"|\bdon't\s+be\s+(?:so\s+)?(?:daft|silly|ridiculous|stupid|soft|dramatic|a\s+baby|childish|pathetic|precious|"
    r"touchy|sensitive)\b"
    r"|\b(?:that's|that\s+is|it's|it\s+is)\s+(?:all\s+|just\s+)?in\s+your\s+head\b|\bsweeping\s+statement\b"
    r"|\bi(?:'m|\s+am)\s+not\s+your\s+(?:mum|mom|mother|dad|father|babysitter|nanny|servant|maid)\b"
    r"|\bwelcome\s+to\s+(?:the\s+real\s+world|real\s+life|adult\s+life|working\s+life|kitchens|the\s+industry|the\s+trade)\b"
    r"|\bwhat\s+did\s+you\s+(?:think|expect)\s+(?:it|this|the\s+job)\s+(?:was\s+going\s+to|would)\s+be\b"
    r"|\bstop\s+giving\s+me\s+(?:reasons|excuses|stories)\b|\bso\s+act\s+like\s+it\b"
    r"|^(?:just\s+|so\s+|well\s+)?(?:grow\s+up|man\s+up|toughen\s+up|suck\s+it\s+up|get\s+over\s+it)\b"
    r"|\bif\s+you\s+can't\s+(?:handle|take|hack|cope\s+with)\s+(?:it|this|that|the\s+\w+|\w+\s+tickets)\b"
    r"|\bother\s+(?:moms|mums|dads|parents|people|reps|kids|students|nurses|teachers|players|athletes|guys|girls|lads|"
    r"managers|patients|clients|families)\s+(?:\w+\s+){0,2}?(?:manage|cope|can\s+do\s+it|don't\s+have\s+(?:this|that|a)\s+problem|"
    r"seem\s+to\s+manage)\b"
    r"|\b(?:what|how)\s+(?:would|will)\s+your\s+(?:mother|mum|mom|dad|father|parents|kids|children|family|wife|husband|"
    r"partner|boss|grandma|grandmother|son|daughter)\s+(?:think|say|feel)\b"
    r"|\bdo\s+you\s+(?:even\s+)?(?:know|realise|realize|understand)\s+how\s+(?:much|many|bad|dangerous|serious|harmful|"
    r"expensive|addictive|stupid)\b"
    r"|\bwhose\s+fault\s+(?:is|was)\s+(?:that|it|this)\b|\bwhat\s+did\s+you\s+expect\b|\byou\s+(?:brought|did)\s+this\s+on\s+yourself\b"
    r"|\bheard\s+(?:it|that(?:\s+one)?)\s+(?:all\s+)?before\b|\bhere\s+we\s+go\s+again\b|\bnot\s+this\s+again\b"
    r"|\bthat(?:'s|\s+is)\s+(?:your\s+problem|on\s+you)\b"
    # their reasons argued away: sarcasm ("it's not like you don't know them"), "what's the problem then?", the
    # norm held up ("but everyone does the Monday meeting")
    r"|\bit(?:'s|\s+is)\s+not\s+like\s+you\s+(?:don't|didn't|haven't|can't|couldn't|weren't)\b"
    r"|\b(?:if\s+(?:you(?:'re|\s+are)|it's|that's)\s+(?:\w+\s+){1,3}?)?what(?:'s|\s+is)\s+the\s+(?:problem|big\s+deal|issue|"
    r"hold-?up)\s+then\b"
    r"|^but\s+every(?:one|body)\s+(?:else\s+)?(?:does|did|has|manages|gets|goes)\b"
    # denial named and their account doubted ("this is what we call denial", "that's what they all say", "how many
    # did you really have?", "nobody ever thinks they are", "be honest with yourself", "until you can admit ..."),
    # a worst case held over them ("you could've killed someone"), a label ("that's binge drinking"), sarcasm opened
    # ("let me guess")
    r"|\bwhat\s+we\s+call\s+(?:denial|minimi[sz]ing|rationali[sz]ing|an?\s+excuse|a\s+problem)\b"
    r"|\bwhat\s+(?:they|you\s+guys|you\s+people)\s+all\s+say\b|\bnobody\s+ever\s+thinks\s+(?:they|it)\b"
    r"|\bhow\s+(?:many|much)\s+(?:\w+\s+)?did\s+you\s+really\b|\bbe\s+honest\s+with\s+yourself\b"
    # a beginner's error named ("a bit of a rookie mistake"), deflecting named, hindsight of what they should have
    # been doing ("you should've been thinking sepsis"), a step that came too late ("the call should've come earlier")
    r"|\b(?:rookie|schoolboy|schoolgirl|beginner'?s|basic|amateur)\s+(?:mistake|error)\b"
    # their account challenged with "though" ("It wasn't Claire who put her fist through a door, though, was it.",
    # "Do they, though?", "With what, though?"), the blame put back ("that's putting it back on Claire"), others held up
    # ("Not everyone would smash a door."), their view disputed ("not as much of a difference as you think")
    r"|\bthough\s+(?:is|was|did|does|do|are|were|has|have|isn't|wasn't|didn't|doesn't|don't|aren't)\s+(?:it|he|she|they|you|"
    r"that|there)\s*$"
    r"|^(?:\w+\s+)?(?:do|does|did|is|was|are|were|will|would|can|could|has|have)\s+(?:they|you|he|she|it|we)\s+though\s*$"
    r"|^(?:with|about|for|from|by)\s+(?:what|who|whom)\s+though\s*$"
    # sarcasm at a young person's expense ("Oh, here we go.", "Gold star.", "Enlighten me.", "Could've fooled me.",
    # "Shouldn't be too taxing, even for you.", "I'm sure it's very hard being you.", "Funny how the illness knows what
    # day it is.", "What's that supposed to mean?"), their manner scolded ("Don't roll your eyes at me.", "that's
    # exactly the attitude that ...", "better excuses than you"), shame before others ("what will people say?")
    r"|^(?:oh\s+|well\s+)?here\s+we\s+go(?:\s+again)?\s*$|^(?:\w+\s+)?gold\s+star\s*$|\benlighten\s+me\b"
    r"|\bcould(?:'ve|\s+have)\s+fooled\s+me\b|\beven\s+for\s+you\s*$|\bvery\s+hard\s+being\s+you\b|^funny\s+how\b"
    r"|\bwhat(?:'s|\s+is)\s+that\s+supposed\s+to\s+mean\b|\bdon't\s+roll\s+your\s+eyes\b"
    r"|\b(?:that's|that\s+is)\s+(?:exactly\s+|just\s+)?the\s+(?:kind\s+of\s+|sort\s+of\s+)?attitude\s+that\b"
    r"|\bbetter\s+excuses\s+than\s+you\b|\bwhat\s+will\s+people\s+say\b"
    r"|\bputting\s+it\s+back\s+on\b|\bnot\s+every(?:one|body)\s+would\s+(?!agree|say|think|see|feel|know|understand|choose|"
    r"want|like|do\s+(?:that|it|the\s+same))[a-z]+"
    r"|\b(?:isn't|is\s+not|not)\s+(?:sure\s+there's\s+)?(?:as\s+\w+\s+as|as\s+much\s+(?:of\s+an?\s+\w+\s+)?as)\s+you\s+"
    r"(?:think|make\s+out|say|claim)\b"
    r"|\byou(?:'re|\s+are)\s+(?:just\s+)?deflecting\b"
    r"|\byou\s+should(?:'ve|\s+have)\s+been\s+(?:thinking|checking|watching|looking|doing|paying|asking|listening)\b"
    r"|\bshould(?:'ve|\s+have)\s+(?:come|happened|gone\s+in|been\s+(?:made|done|sent|raised))\s+(?:a\s+lot\s+|much\s+|way\s+)?"
    r"(?:earlier|sooner)\b"
    # their honesty asked for as if lacking ("Be honest with me now.", "if you were honest with yourself"), a problem
    # they must admit ("I can't help you if you won't admit there's a problem"), denial named ("That's denial"),
    # bluntness defended ("Somebody has to be."), every excuse heard before, their
    # pattern pointed at ("Do you see what you're doing?", "you don't see how that's exactly the problem?")
    r"|^(?:(?:now|come\s+on|just|look|okay|so|and|but)\s+)*be\s+honest(?:\s+with\s+me)?(?:\s+now|\s+here)?\s*$"
    r"|\bif\s+you\s+were\s+(?:really\s+|being\s+)?honest\s+with\s+yourself\b"
    r"|\b(?:won't|will\s+not|don't|do\s+not|can't|refuse\s+to|until\s+you)\s+admit\s+(?:that\s+)?(?:there(?:'s|\s+is)|"
    r"you(?:'ve|\s+have)(?:\s+got)?)\s+a\s+problem\b|\bi\s+can't\s+help\s+you\s+(?:if|until|unless)\s+you\b"
    r"|^(?:(?:so|and|well|look)\s+)?(?:that's|that\s+is|this\s+is)\s+(?:just\s+|classic\s+|pure\s+)?denial\b"
    r"|\b(?:somebody|someone)\s+(?:has|needs|had)\s+to\s+(?:be|say\s+it|tell\s+you)\s*$"
    r"|\bheard\s+(?:every|all\s+the)\s+excuses?\b|\bevery\s+excuse\s+(?:there\s+is|in\s+the\s+book)\b"
    r"|\bdo\s+you\s+see\s+what\s+you(?:'re|\s+are)\s+doing\b|\bcan't\s+you\s+see\b"
    r"|\byou\s+(?:don't|can't)\s+see\s+(?:how|that|why)\s+(?:that's|this\s+is|it's|that\s+is|it\s+is)\s+(?:exactly\s+)?the\s+problem\b"
    r"|\buntil\s+you\s+(?:can\s+)?(?:admit|accept|face\s+up\s+to)\b|\byou\s+(?:weren't|were\s+not)\s+listening\b"
    # their idea dismissed ("That won't work.", "That's never going to work.", "I'd never go in asking for that.",
    # "Nobody cares about the team at pre-seed."), laughing at them ("Sorry, I'm not laughing at you."), scolding ("you
    # need a kick up the backside", "lads your age give up"), their effort found wanting ("trying isn't always enough,
    # is it"), the fault left for them to see ("I think you can see why that's a problem")
    r"|^(?:(?:no|look|well|honestly)\s+)*(?:that|it|this)(?:'ll|\s+will)?(?:\s+won't|\s+will\s+not|\s+never|(?:'s|\s+is)\s+"
    r"(?:not|never)\s+going\s+to|\s+isn't\s+going\s+to)\s+work\s*$"
    r"|^(?:(?:no|look|well|honestly)\s+)*i(?:'d|\s+would)\s+never\s+(?:go|do|say|open|put|take|start|lead|use|send|accept|pitch|"
    r"try)\b(?!\s+(?:you|that\s+to\s+you)\b)|^(?:(?:and|but|honestly)\s+)?nobody\s+cares\s+about\b"
    r"|\bi'm\s+not\s+laughing\s+at\s+you\b|\bkick\s+up\s+the\s+(?:backside|arse|bum|butt)\b"
    r"|\b(?:lads|kids|people|girls|boys|young\s+people)\s+your\s+age\s+"
    r"(?:always\s+|just\s+|all\s+)?(?:give\s+up|never|don't|can't|want\s+everything|think\s+they)\b"
    r"|\b(?:trying|sorry|your\s+best)\s+(?:isn't|is\s+not|wasn't|was\s+not)\s+(?:always\s+|really\s+)?(?:enough|good\s+enough)\b"
    r"|(?<=\byou\scan\ssee\s)why\s+(?:that's|that\s+is|that\s+was|it's|it\s+is|it\s+was)\s+(?:a\s+problem|an\s+issue|"
    r"not\s+(?:ok|okay|on|acceptable))\b"
    r"|\byou\s+could(?:'ve|\s+have)\s+(?:killed|hurt|injured)\s+(?:someone|somebody|yourself|a\s+kid|a\s+child|people)\b"
    r"|\balways\s+(?:someone|somebody)\s+else(?:'s\s+fault|\s+who's\s+the\s+problem)\b|^let\s+me\s+guess\b"
    r"|\b(?:that's|that\s+is|is)\s+(?:binge\s+drinking|alcoholism|problem\s+drinking|a\s+drinking\s+problem|"
    r"a\s+gambling\s+problem|an\s+addiction)\b"
    # their work marked down (a mentor's verdict: "your transitions were slow", "you can't hide behind LinkedIn"),
    # disagreement announced ("I'd gently push back on that"), criticism disowned as it is made ("I'm not criticising")
    r"|\byour\s+[\w-]+(?:'s|\s+was|\s+were|\s+is|\s+are)\s+(?:too\s+|really\s+|very\s+|a\s+bit\s+|pretty\s+)?(?:slow|poor|weak|sloppy|messy|"
    r"rushed|vague|unclear|chaotic|all\s+over\s+the\s+place|not\s+good\s+enough|nowhere\s+near|a\s+mess|a\s+shambles)\b"
    r"|\byou\s+can't\s+hide\s+behind\b|\bi(?:'d|\s+would)\s+(?:gently\s+|have\s+to\s+|really\s+)?push\s+back\s+on\b"
    r"|\bi(?:'m|\s+am)\s+not\s+(?:criticising|criticizing|having\s+a\s+go)\b"
    r"|\byou(?:'ve|\s+have)?\s+(?:got|need)\s+to\s+(?:take|start\s+taking)\s+(?:some\s+)?responsibility\b|(?:^|\bjust\s+|\btime\s+to\s+)(?:grow|man)\s+up\b"
    r"|\byou(?:'re|\s+are)\s+(?:such\s+)?(?:a|an)\s+(?:liar|baby|drama\s+queen|slacker|lost\s+cause|mess|child)\b"
    # set phrases of judgement ("that's exactly what an addict would say", "you should've thought about that before",
    # "if your friends jumped off a bridge", "what kind of example is that?", "if she can do it, so can you", "you
    # want a medal?", "isn't exactly working for you, is it?", "you're too nice to close", "in my day")
    r"|\b(?:exactly|just)\s+what\s+(?:an?\s+)?\w+\s+would\s+say\b"
    r"|\bshould(?:'ve|\s+have)\s+thought\s+(?:about|of)\s+(?:that|this|it)\s+(?:before|first|earlier)\b"
    r"|\bjumped\s+off\s+a\s+(?:bridge|cliff)\b|\bwhat\s+(?:kind|sort)\s+of\s+(?:an\s+)?(?:example|message|role\s+model)\b"
    r"|\bif\s+(?:she|he|they|\w+)\s+can\s+do\s+it,?\s+so\s+can\s+you\b"
    r"|\byou\s+want\s+a\s+(?:trophy|medal|gold\s+star|pat\s+on\s+the\s+back|cookie|prize)\b"
    r"|\b(?:isn't|aren't|wasn't|weren't|is\s+not)\s+exactly\s+(?:working|helping|going|doing|getting)\b"
    r"|\byou(?:'re|\s+are)\s+(?:just\s+|way\s+|far\s+)?too\s+(?:nice|soft|slow|lazy|negative|sensitive|passive|timid)\s+to\b"
    r"|\b(?:back\s+)?in\s+my\s+day,?\s+(?:we|you|people|nobody|there)\b|\bnobody\s+held\s+(?:our|my|your)\s+hand\b|\bwalk\s+all\s+over\s+you\b"
    r"|\byou\s+just\s+(?:don't|do\s+not)\s+want\s+to\s+(?:hear|admit|accept|face)\b|\boh,?\s+so\s+that\s+makes\s+it\b"
    # a warning (MITI 4.2.1 counts warning among the forms of confront): what will happen to them if they do not
    # change, or if this carries on ("if you don't do the exercises, you won't get back up there", "if this carries on,
    # it's going to come up in your review"), and weariness with repeating it ("I can't keep telling you this")
    r"|\bif\s+(?:you\s+(?:(?:don't|do\s+not)(?!\s+(?:know|like|have|want|mind|need|feel|think)\b)|keep|carry\s+on|continue|go\s+on)|(?:this|it|that|things)\s+(?:carries|carry|"
    r"continues|keeps|goes)\s+on)\b(?:\s+[\w']+){0,12}?\s+(?:you'll|you\s+will|you\s+won't|you\s+will\s+not|you're\s+going\s+to|"
    r"it'll|it\s+will|it's\s+going\s+to|you\s+could\s+end\s+up|you\s+might\s+end\s+up)\b(?!\s+(?:be\s+(?:fine|ok|okay|all\s+right|alright)|feel\s+better))"
    r"|\byou\s+(?:won't|will\s+not|will\s+never|'ll\s+never)\b(?:\s+[\w']+){1,10}?\s+if\s+you\s+(?:don't|do\s+not)\b"
    r"|\bi\s+(?:can't|cannot)\s+keep\s+(?:telling|saying|repeating)\b|\bhow\s+many\s+times\s+(?:do|have|must)\s+i\b"
    # sarcasm and contempt in a group or one to one ("what's the reason this time?", "everyone who could be
    # bothered", "at least someone came prepared", "there's no need for the attitude", "see, this is exactly what I
    # mean", "before you've even started", "I'm not being funny, but", "with respect, ...", "there's always a
    # reason", "every time I make a suggestion ...")
    r"|\b(?:the|your)\s+(?:reason|excuse)\s+this\s+time\b"
    r"|\b(?:everyone|anyone|everybody|anybody|those|whoever)\s+(?:who\s+)?(?:could|can)\s+be\s+bothered\b"
    r"|\bif\s+you\s+can\s+be\s+bothered\b|\bno\s+need\s+for\s+(?:the|that)\s+(?:attitude|tone)\b"
    r"|\bat\s+least\s+(?:someone|somebody|one\s+of\s+you|one\s+person)\s+(?:came|has|did|bothered|managed|made|"
    r"remembered|read|brought|listened|turned)\b"
    r"|\bthis\s+is\s+exactly\s+what\s+i\s+mean\b|\bbefore\s+you(?:'ve|\s+have)?\s+even\s+(?:started|tried|begun)\b"
    r"|\bi(?:'m|\s+am)\s+not\s+being\s+funny\s+but\b|(?:^|(?<=\bso\s)|(?<=\bbut\s)|(?<=\band\s)|(?<=\bnow\s)|(?<=\blook\s)|(?<=\bwell\s)|(?<=\bokay\s))with\s+"
    r"(?:all\s+due\s+)?respect(?!\s+to\b)"
    r"|\bthere(?:'s|\s+is)\s+always\s+a\s+reason\s+(?:why\s+)?(?:not\b|(?:it|this|that|you|they)\s+(?:won't|can't|couldn't|"
    r"wouldn't|isn't|doesn't|didn't|shouldn't)\b)|\bevery\s+time\s+i\s+(?:make\s+a\s+suggestion|suggest\s+(?:something|anything))\b"
    # a diagnosis put on them (MITI 4.2.1 "labeling": "you meet the criteria for a gambling disorder", "that's one of
    # the main signs of a problem"), hindsight blame ("you should've seen it coming"), their distress waved off ("you'll
    # toughen up", "that's sales", "you win some, you lose some"), a reproach ("Ron, come on."), a flat disagreement
    # ("Not everybody.")
    r"|\byou\s+(?:meet|fit|tick)\s+(?:all\s+)?the\s+(?:criteria|boxes|definition)\b"
    r"|\b(?:that(?:'s|\s+is)|it(?:'s|\s+is))\s+(?:actually\s+|literally\s+)?(?:one\s+of\s+the\s+|a\s+|the\s+)?(?:main\s+|classic\s+|"
    r"first\s+|typical\s+|biggest\s+)?(?:signs?|symptoms?|hallmarks?)\s+of\s+(?:(?:a|an)\s+(?:\w+\s+)?(?:problem|disorder|"
    r"addiction|dependence)|addiction|alcoholism|dependence|denial)\b"
    r"|\byou\s+should(?:'ve|\s+have)\s+(?:seen\s+(?:it|that|this)\s+coming|spotted\s+(?:it|that|this)|been\s+more\s+careful|"
    r"known\s+better)\b|^(?:honestly\s+|yeah\s+|well\s+)*(?:yeah\s+)?you\s+should(?:'ve|\s+have)\s*$"
    r"|\byou(?:'ll|\s+will)\s+(?:soon\s+)?(?:toughen\s+up|harden\s+up|get\s+over\s+it)\b|\byou\s+win\s+some,?\s+(?:you\s+)?lose\s+some\b"
    r"|^(?:\w+\s+){0,2}?(?:that|it)(?:'s|\s+is)\s+(?:just\s+)?(?:life|sales|business|the\s+job|part\s+of\s+the\s+job|"
    r"how\s+it\s+(?:is|goes|works)|the\s+way\s+it\s+(?:is|goes|works))(?:\s+(?:here|round\s+here|in\s+this\s+(?:job|place|trade)))?"
    r"(?:\s+(?:isn't\s+it|i'm\s+afraid|for\s+you))?\s*$"
    r"|^(?:oh\s+|\w+\s+)?come\s+on(?:\s+now)?\s*$|" + NOT_SO_PATTERN +
    # a concern made small (minimising: "it's not that bad", "these things blow over", "being dropped's nothing"), their
    # word doubted ("Are you sure?"), a moral ("that's not healthy"), a label with no "to" ("You're too nice.")
    r"|\b(?:it's|it\s+is|that's|that\s+is|it\s+isn't|that\s+isn't)\s+(?:really\s+)?(?:not\s+)?(?:that\s+bad|the\s+end\s+of\s+the\s+world)\b"
    r"|\b(?:it|things|that)\s+could\s+be\s+(?:a\s+lot\s+|much\s+|way\s+)?worse\b"
    r"|\b(?:these\s+things|this|that|it)(?:'ll|\s+will)?\s+(?:always\s+|soon\s+|all\s+)?blows?\s+over\b"
    r"|\byou(?:'ll|\s+will)\s+get\s+over\s+it\b|\byou\s+won't\s+even\s+remember\b|^(?:and\s+)?(?:\w+ing(?:\s+\w+){1,2}|that|this)'s\s+nothing\s*$"
    r"|^(?:\w+\s+)?are\s+you\s+sure\s*$|^that(?:'s|\s+is)\s+not\s+(?:healthy|normal|acceptable|good\s+enough|on)\s*$"
    r"|^(?:and\s+)?(?:honestly\s+)?you(?:'re|\s+are)\s+(?:just\s+|way\s+|far\s+)?too\s+(?:nice|soft|sensitive|negative|passive|timid)\s*$"
    # their objection argued down (MITI 4.2.1: "disagrees, argues"): "I just don't agree with it", "I don't think that's
    # right, though", "you're reading a lot into one comment", "that's a big if", "I've never said you weren't"; their failure held up ("they told you to take your breaks, and you didn't"), disappointment ("I was
    # expecting more progress by now"), their act or idea marked a mistake or a waste ("starting in January was a
    # mistake", "That was a mistake.", "a survey is a waste of your time"; not "that was a mistake that they made"), their feeling or their newness dismissed ("that's just nerves",
    # "you'll learn", "you'll get it once you've been here longer", "you don't know you're born", "you'll live")
    r"|\bi\s+(?:just\s+|really\s+|honestly\s+|simply\s+)?(?:don't|do\s+not)\s+agree(?:\s+with\s+(?:you|that|it|this))?\s*$"
    r"|\bi\s+(?:just\s+)?(?:don't|do\s+not)\s+think\s+(?:that's|that\s+is|it's|it\s+is)\s+(?:right|true|the\s+case|fair|accurate)"
    r"\s+though\b"
    r"|\byou(?:'re|\s+are)\s+(?:just\s+|maybe\s+)?reading\s+(?:a\s+lot|too\s+much|far\s+too\s+much|way\s+too\s+much|"
    r"a\s+bit\s+(?:too\s+)?much|more)\s+into\b"
    r"|\byou(?:'re|\s+are)\s+(?:just\s+|really\s+|seriously\s+)?(?:underestimating|overcomplicating|catastrophi[sz]ing)\b"
    r"|\bthat(?:'s|\s+is)\s+a\s+(?:big|huge|very\s+big)\s+if\b"
    r"|\bi(?:'ve|\s+have)?\s+never\s+said\s+(?:that\s+)?you\s+(?:weren't|were|wasn't|was|couldn't|could|didn't|did|"
    r"shouldn't|should|can't|aren't|are)\b"
    r"|\b(?:told|asked|reminded)\s+you\s+to\s+(?:[\w']+\s+){1,8}?and\s+you\s+(?:didn't|did\s+not|haven't|have\s+not)"
    r"(?:\s+so)?\s*$"
    r"|\bi\s+(?:was|'d\s+been|had\s+been)\s+expecting\s+(?:a\s+lot\s+|a\s+bit\s+|much\s+|quite\s+a\s+bit\s+)?more\b"
    r"|\bi\s+(?:had\s+|'d\s+)?expected\s+(?:a\s+lot\s+|a\s+bit\s+|much\s+)?more\s+(?:progress|from\s+you|than\s+this|by\s+now)\b"
    r"|^(?:\w+\s+)?(?:that|this|it)\s+was\s+(?:a\s+)?(?:big\s+|real\s+|huge\s+|bad\s+|serious\s+|bit\s+of\s+a\s+)?mistake\s*$"
    r"|\b\w+ing\s+(?:[\w']+\s+){0,5}?was\s+(?:a\s+)?(?:big\s+|real\s+|huge\s+|bad\s+|serious\s+|bit\s+of\s+a\s+)?mistake\b"
    r"(?!\s+(?:on\s+my|of\s+mine|for\s+me|i\b|we\b|that\s+i|to\s+(?:think|say|worry)))"
    r"|\bwaste\s+of\s+your\s+(?:own\s+)?(?:time|evenings|weekends|money|energy|breath)\b|^(?:\w+\s+)?(?:that's|that\s+is|it's|it\s+is|it\s+would\s+be)\s+(?:just\s+)?"
    r"(?:a\s+)?(?:complete\s+|total\s+)?waste\s+of\s+time\s*$"
    r"|^(?:\w+\s+)?(?:that's|that\s+is|it's|it\s+is)\s+(?:just|only)\s+(?:nerves|paranoia|your\s+imagination)\b"
    r"|\byou(?:'ll|\s+will)\s+learn(?:\s+that)?\s*$"
    r"|\byou(?:'ll|\s+will)\s+(?:learn|understand|get\s+it|see)\b(?:\s+[\w']+){0,3}?\s+(?:when|once)\s+you(?:'ve|\s+have)\s+been\s+"
    r"(?:here|around|doing\s+(?:this|it)|in\s+the\s+job)\b"
    r"|\bdon't\s+know\s+(?:you're|you\s+are)\s+born\b|^(?:\w+\s+)?you(?:'ll|\s+will)\s+live\s*$"
    # a lesson given with contempt (set 39: "No, no, not like that.", "I shouldn't have to tell you", "this isn't
    # college", "Who taught you to hold it like that?", "Nobody's going to write it for you", "try harder"), a label by
    # diagnosis ("That's your ADHD, isn't it."), their account challenged ("Could've been, but it wasn't, was it.")
    r"|^(?:no\s+)+not\s+like\s+that\b|\bi\s+shouldn't\s+have\s+to\s+(?:tell|remind|keep\s+telling|say\s+(?:it|this)\s+to|ask)\s+you\b"
    r"|^(?:\w+\s+){0,2}?this\s+(?:isn't|is\s+not)\s+(?:college|school|university|uni|a\s+holiday\s+camp|a\s+hotel|a\s+democracy)\b"
    r"|\bwho\s+taught\s+you\s+to\b|\bnobody(?:'s|\s+is)\s+going\s+to\s+(?:do|write|hand|give|sort|finish)\s+(?:it|that|this)\s+for\s+you\b"
    r"|(?<!\bi\s)(?<!\bi'll\s)(?<!\bwe\s)(?<!\bwe'll\s)\btry\s+(?:a\s+bit\s+|a\s+little\s+|much\s+|a\s+lot\s+)?harder\b"
    r"|\b(?:that's|that\s+is|it's|it\s+is)\s+(?:just\s+)?(?:your|the)\s+(?:adhd|autism|dyslexia|ocd)\b"
    r"|\bbut\s+(?:it|that|he|she|they|you)\s+(?:wasn't|isn't|didn't|doesn't|weren't|aren't|hasn't|haven't)\s+(?:was|is|did|does|"
    r"were|are|has|have)\s+(?:it|that|he|she|they|you)\s*$"
    # one member held up against another (set 41: "she just makes better choices than you do", "Some of it might rub
    # off on you", "why can't you be more like her"), a rebuke ("It's not funny, Jordan.", "how many times have we
    # talked about this?", "You see how that looks?", "Your uncle's garage isn't a plan"), mockery in young people's
    # words (set 44: "that's a bit dramatic", "no offence but", "you're making it a way bigger deal than it is", "you
    # overthink everything", "that's so cringe"), a tally kept (set 42: "Third time this month, mind.")
    r"|\b(?:makes?|made|does|did)\s+better\s+(?:choices|decisions|work)\s+than\s+you\b|\brubs?\s+off\s+on\s+you\b"
    r"|\bwhy\s+can't\s+you\s+be\s+(?:more\s+)?like\b"
    r"|^(?:\w+\s+)?(?:(?:it's|it\s+is|that's|that\s+is|this\s+is)\s+not|(?:this|it|that)\s+isn't)\s+funny\b(?!\s+how\b)"
    r"|\bhow\s+many\s+times\s+have\s+we\s+(?:talked|spoken|been\s+over|gone\s+over|discussed|had\s+this)\b"
    r"|\b(?:do\s+)?you\s+see\s+how\s+(?:that|this|it)\s+looks\b"
    r"|\b(?:isn't|is\s+not|that's\s+not|that\s+is\s+not)\s+a\s+plan\b(?!\s+yet)"
    r"|\b(?:that's|that\s+is|you're|you\s+are|being)\s+(?:(?:a\s+)?bit\s+|so\s+|well\s+|proper\s+|too\s+|really\s+)?dramatic\b"
    r"|\bno\s+offen[cs]e\b|\byou\s+overthink\s+everything\b|\bmountain\s+out\s+of\s+a\s+molehill\b"
    r"|\bmaking\s+(?:it|this|that)\s+(?:a\s+)?(?:way\s+|much\s+|a\s+lot\s+|so\s+much\s+)?bigger\s+(?:deal|thing)\s+than\s+it\s+is\b"
    r"|\b(?:that's|that\s+is|you're|you\s+are)\s+(?:so\s+|well\s+|proper\s+|bare\s+|a\s+bit\s+)?cringe\b"
    r"|\b(?:second|third|fourth|fifth|sixth)\s+time\s+this\s+(?:week|month|term|year)\b"
    # a label of selfishness (set 32: "that's a really selfish thing to think about your family")
    r"|\b(?:that's|that\s+is|it's|it\s+is|you're|you\s+are|you're\s+being|being)\s+(?:a\s+)?(?:really\s+|very\s+|so\s+|"
    r"pretty\s+|bit\s+|a\s+bit\s+|incredibly\s+)?selfish\b"
    # a mistake met with blame (set 46: "sorry doesn't really help me", "did you not look at the fixed asset note?",
    # "You don't send it out and hope nobody notices"); not "I'm not sure that's how it works", which a mentor may
    # say of their own doubt as often as to correct
    r"|\bsorry\s+(?:doesn't|does\s+not|won't)\s+(?:really\s+)?(?:help|cut\s+it|fix\s+(?:it|this|that))\b"
    r"|\bdid\s+you\s+not\s+(?:even\s+)?(?:look|check|read|think|see|notice)\b"
    r"|\bhope\s+(?:nobody|no\s+one)\s+(?:notices|finds\s+out|spots\s+it)\b"
    # sustain talk argued down (sets 47-50: "That's an excuse.", "that's just you minimising it", "exactly what
    # someone with a problem would say", "it's not an excuse to break the law", "you can't keep putting it on him"),
    # sarcasm and rhetorical tags ("nobody's making you click on them, are they?", "then it should be easy to stop,
    # shouldn't it?", "if you didn't have a problem ...", "it's your funeral", "you're going the right way about it",
    # "try to actually be on time", "do it properly this time"), blame ("you know exactly
    # why", "whose fault is it, then?", "that attitude is exactly what ..."), moralising ("Think about them.", "you
    # still think it's fine to ..."), scare tactics ("a stroke waiting to happen", "it's the crisps or your kidneys",
    # "do you want your mum to get fined?", "I'm not trying to frighten you, but"), their strain waved off
    # ("Everyone's stretched.")
    r"|\b(?:it's|that's|it\s+is|that\s+is)\s+(?:still\s+)?(?:not|no)\s+(?:an\s+)?excuse\s+(?:to|for)\b"
    r"|\b(?:you(?:'re|\s+are)\s+(?:just\s+|only\s+)?|that(?:'s|\s+is)\s+(?:just\s+)?you\s+)(?:minimi[sz]ing|"
    r"rationali[sz]ing|making\s+excuses)\b"
    r"|\b(?:exactly|just)\s+what\s+(?:someone|somebody|anyone|people|everyone)\s+(?:with\s+a\s+(?:\w+\s+)?problem\s+)?"
    r"would\s+say\b"
    r"|\byou\s+can't\s+keep\s+(?:blaming|putting\s+it\s+on|making\s+excuses|pointing\s+the\s+finger)\b"
    r"|\bnobody(?:'s|\s+is)\s+(?:making|forcing)\s+you\s+(?:[\w']+\s+){0,6}?(?:are|is)\s+(?:they|it|he|she)\s*$"
    r"|^(?:well\s+)?then\s+(?:it\s+should|you\s+(?:can't|cannot|shouldn't|won't|don't))\s+(?:[\w']+\s+){1,14}?"
    r"(?:shouldn't|can|should|will|do)\s+(?:it|you)\s*$"
    r"|\bif\s+you\s+(?:didn't|did\s+not)\s+have\s+a\s+(?:\w+\s+)?problem\b"
    r"|\b(?:it's|it\s+is)\s+your\s+funeral\b|\bgoing\s+the\s+right\s+way\s+about\s+(?:it|that)\b"
    r"|\bproperly\s+this\s+time\b|\btry\s+to\s+actually\b"
    r"|\byou\s+know\s+(?:exactly|full\s+well|perfectly\s+well|very\s+well)\s+why\b"
    r"|\b(?:that|this|your)\s+attitude\s+(?:is\s+(?:exactly\s+|precisely\s+|just\s+)?(?:what|why|the\s+problem|the\s+reason)|"
    r"of\s+yours)\b"
    r"|\byou\s+still\s+think\s+(?:it's|it\s+is)\s+(?:fine|ok|okay|alright|all\s+right|acceptable|normal)\s+to\b"
    r"|^(?:(?:right|well|so|just|and|now)\s+)*think\s+(?:about|of)\s+(?:them|your\s+(?:kids|children|family|wife|husband|mum|mom|"
    r"mother|dad|father|son|daughter|baby|partner|nan|gran|boys|girls))\s*$"
    r"|\b(?:a|an)\s+(?:stroke|heart\s+attack|accident|disaster|car\s+crash|time\s+bomb|tragedy)\s+waiting\s+to\s+happen\b"
    r"|\b(?:it's|it\s+is)\s+(?:the\s+|your\s+)?[\w-]+\s+or\s+your\s+(?:kidneys|heart|life|health|liver|lungs|legs?|feet|"
    r"eyes|job|kids|family|marriage|degree|licen[cs]e)\s*$"
    r"|\bdo\s+you\s+want\s+(?:your\s+\w+\s+)?to\s+(?:get|be)\s+(?:fined|arrested|sacked|fired|excluded|expelled|evicted|"
    r"kicked\s+out|locked\s+up|sent\s+down)\b"
    r"|\bi(?:'m|\s+am)\s+not\s+trying\s+to\s+(?:frighten|scare)\s+you\b"
    r"|^(?:well\s+|look\s+)?every(?:one|body)(?:'s|\s+is)\s+(?:stretched|busy|under\s+pressure|in\s+the\s+same\s+boat)"
    r"(?:\s+\w+)?\s*$"
    # a helper defending themselves against the person's anger (set 53: "There's no need to raise your voice", "I'm
    # only trying to help", "getting angry with me isn't going to get it sorted", "if you carry on shouting ...",
    # "ask security", "Let's keep this professional", "that's not what I said", "once you've calmed down")
    r"|\bthere(?:'s|\s+is)\s+no\s+need\s+to\s+(?:raise\s+your\s+voice|shout|swear|be\s+(?:like\s+that|rude|aggressive|abusive)|"
    r"get\s+(?:angry|aggressive|nasty|shirty)|take\s+that\s+tone)\b"
    r"|\bi(?:'m|\s+am)\s+only\s+trying\s+to\s+help\b"
    r"|\b(?:getting\s+(?:angry|cross|shirty|aggressive|worked\s+up)|shouting|swearing)(?:\s+(?:with|at)\s+me)?\s+(?:isn't|is\s+not|"
    r"won't)\s+(?:going\s+to\s+)?(?:help|get|solve|change|fix|make)\b"
    r"|\bif\s+you\s+(?:carry\s+on|keep(?:\s+on)?|continue)\s+(?:shouting|swearing|like\s+this|like\s+that)\b"
    r"|\b(?:ask|call|get|fetch)\s+security\b|\blet's\s+keep\s+(?:this|it)\s+(?:professional|civil|polite)\b"
    r"|^(?:well\s+|no\s+)?that(?:'s|\s+is)\s+not\s+what\s+i\s+said\s*$|\b(?:(?:feel|see\s+it|think)\s+(?:different(?:ly)?|better)\s+)?(?:once|when)\s+you(?:'ve|\s+have)\s+"
    r"calmed\s+down\b"
    # their reasons overruled and their account held against them (sets 54-57: "You don't get to decide that.", "It's
    # not that simple, or you wouldn't be sitting here", after a negation: "You're a caring mom, or you wouldn't be
    # here" praises), "working hard and working smart aren't the same thing, are they?", "that's exactly the kind of
    # thinking that gets people killed", "I want you to take it seriously", "I think you know what I'm going to say",
    # "Should've applied for that when he moved out.", "it sets a bad example", "I didn't have the luxury of worrying
    # about it", "feeling fine doesn't really tell us anything", "do them properly/actually ... this time", "Too
    # vague.", "and it was still late", "realistically, how many people actually make a living out of it?")
    r"|\byou\s+don't\s+get\s+to\s+(?:decide|choose|pick)\b"
    r"|\b(?:not|isn't|wasn't|aren't|don't|doesn't|didn't|can't|won't)\b[^.?!]*?\bor\s+you\s+wouldn't\s+be\s+(?:sitting\s+|"
    r"standing\s+)?here\b"
    r"|\b(?:aren't|isn't)\s+the\s+same\s+(?:thing\s+)?(?:are|is)\s+(?:they|it)\s*$|\bnot\s+the\s+same\s+thing\s+at\s+all\b"
    r"|\b(?:isn't|is\s+not)\s+the\s+same\s+(?:thing\s+)?as\s+(?:actually\s+)?taking\s+(?:it|this|that)\s+seriously\b"
    r"|\b(?:kind|sort)\s+of\s+(?:thinking|attitude|talk|behaviou?r)\s+" + HARM_DONE +
    r"|\bi\s+want\s+you\s+to\s+(?:start\s+)?(?:take|taking)\s+(?:this|it|that)\s+(?:more\s+)?seriously\b"
    r"|\byou\s+(?:already\s+)?know\s+what\s+i(?:'m|\s+am)\s+(?:going\s+to|gonna|about\s+to)\s+say\b"
    r"|^(?:well\s+|honestly\s+)?should(?:'ve|\s+have)\s+(?!been\b|thought\b|said\b)[a-z]+"
    r"|\bsets?\s+(?:a\s+)?(?:bad|poor|terrible|awful)\s+example\b|\bi\s+(?:didn't|never)\s+(?:have|had)\s+the\s+luxury\b"
    r"|\b(?:feeling|looking)\s+(?:fine|okay|ok|alright|well|good)\s+doesn't\s+(?:really\s+)?tell\s+(?:us|you|me)\b"
    r"|\bactually\s+(?:[\w']+\s+){1,3}?this\s+time\b"
    r"|^(?:well\s+|no\s+|hmm\s+)?(?:that's\s+|it's\s+)?(?:far\s+|way\s+|much\s+)?too\s+(?:vague|woolly|wishy-washy|fluffy|sloppy)\b"
    r"|\b(?:and|but)\s+(?:it|that)\s+(?:was|is)\s+still\s+(?:late|wrong|overdue|not\s+(?:done|finished|good\s+enough))\b"
    r"|\bhow\s+many\s+(?:people|of\s+them)\s+(?:actually|really)\s+(?:make|manage|get|succeed|earn)\b"
    # a lapse held against them and their account disbelieved (sets 58-59: "That's the oldest line there is.", "You
    # knew exactly what you were doing", "the kind of thing that ends marriages", "That's just another way of hiding
    # it.", "that's the consequence of what you've done", "Plenty of people are bored on a Saturday and they don't
    # blow four hundred quid.", "Well, clearly you did.", "be honest with me from the start next time", "After
    # everything we went through last time."), and their way corrected ("being on your feet isn't really the same as
    # proper exercise", "I hear that a lot, but ...", "that's the trap", "a luxury you can't really afford"; not "try not
    # to think like that", which as often reassures one who blames themselves, ESConv's "Please don't think like that")
    r"|\b(?:the\s+)?oldest\s+(?:line|excuse|trick|story)\s+(?:there\s+is|in\s+the\s+book)\b"
    r"|\byou\s+knew\s+(?:exactly|full\s+well|perfectly\s+well|very\s+well)\s+what\s+you\s+were\s+doing\b"
    r"|\b(?:kind|sort)\s+of\s+thing\s+that\s+(?:ends|wrecks|ruins|destroys|breaks\s+up|costs\s+people)\s+(?:marriages|careers|"
    r"relationships|families|friendships|lives|jobs)\b"
    r"|\bjust\s+another\s+way\s+of\s+(?:hiding|avoiding|dodging|putting\s+it\s+off|making\s+excuses|lying|running\s+away)\b"
    r"|\bthe\s+consequences?\s+of\s+(?:what\s+you(?:'ve|\s+have)\s+done|your\s+(?:own\s+)?(?:actions|choices|behaviou?r|decisions))\b"
    r"|\b(?:plenty\s+of|lots\s+of|loads\s+of|most)\s+(?:people|other\s+people)\s+(?:[\w']+\s+){1,7}?and\s+they\s+(?:don't|do\s+not|"
    r"didn't|still\s+manage)\b"
    r"|^(?:well\s+)?clearly\s+you\s+(?:did|do|are|were|have|had|can|could|didn't|don't|weren't|aren't)\s*$"
    r"|\bbe\s+honest\s+with\s+me\s+(?:from\s+the\s+start\s+)?(?:next\s+time|from\s+now\s+on|this\s+time)\b"
    r"|^(?:and\s+)?after\s+everything\s+(?:we|i)\s+(?:went\s+through|did|talked\s+about|'ve\s+done|have\s+done)\b"
    r"|\b(?:isn't|is\s+not|'s\s+not|aren't|are\s+not)\s+(?:really\s+|quite\s+)?the\s+same\s+(?:thing\s+)?as\s+(?:proper|real|"
    r"actual|getting|doing)\b"
    r"|\bi\s+hear\s+(?:that|this)\s+a\s+lot\s+but\b|\bthat(?:'s|\s+is)\s+the\s+trap\b"
    r"|\ba\s+luxury\s+you\s+can't\s+(?:really\s+)?afford\b"
    # the judgement carried by the tone (sets 60-61): sarcasm ("Well, that went brilliantly then.", "I believe you.
    # Thousands wouldn't.", "Famous last words."), faint or back-handed praise ("Well, it's a start, I suppose.", not a
    # bare "Well, that's something.", "You're doing alright, for someone who was on four cans a day", "That'd be nice.
    # If you actually do it.", "You are. When you turn up."), a flat correction ending in "though" ("It was a bit long,
    # though."), their face or word waved off (:data:`FACE_WAVED_OFF`), their load made light of ("What's a lot on,
    # when you're fifteen?"), and the rhetorical question that answers itself ("And how did you think that was going to
    # end?", "So what, you're just going to let her keep doing it?", "Is it really worth getting excluded again over
    # ...?", "who's the manager here, you or Dan?", "You don't really think ... is a good thing, do you?")
    r"|\bthat\s+went\s+(?:brilliantly|really\s+well|well|great|swimmingly|perfectly)\s+then\b"
    r"|\bbecause\s+that\s+(?:worked|went)\s+(?:so\s+well|brilliantly|great|perfectly)\b"
    r"|\bthousands\s+wouldn't\b|\bfamous\s+last\s+words\b"
    r"|\b(?:it's|that's)\s+(?:a\s+start|something)\s+i\s+(?:suppose|guess)\b"
    r"|\b(?:alright|all\s+right|okay|ok|not\s+(?:too\s+)?bad)\s+for\s+(?:someone|somebody|a\s+(?:first[\s-]?timer|beginner|"
    r"newbie|novice))\b|\bfor\s+(?:someone|somebody)\b[^.?!]*\b(?:wasn't|isn't)\s+a\s+(?:total|complete)\s+disaster\b"
    r"|^(?:that'd\s+be\s+nice\s+)?if\s+you\s+(?:ever\s+)?actually\s+(?:do|did|go|bother)\s*(?:it|that|them)?\s*$"
    r"|^when\s+you\s+(?:actually\s+|can\s+be\s+bothered\s+to\s+)?(?:turn\s+up|show\s+up|bother)\s*$"
    r"|\b(?:it|that|this)\s+(?:was|is)\s+(?:a\s+bit|a\s+little|slightly|rather|quite)\s+(?:too\s+)?(?:long|short|rushed|messy|"
    r"thin|vague|late|slow|wordy|basic|sloppy|weak|flat|dense|busy|cluttered|much)\s+though\s*$"
    r"|\bdon't\s+" + FACE_WAVED_OFF +
    r"|\bi\s+hear\s+(?:it|that|this)\s+all\s+day\b|\bpeople\s+say\s+that\s+and\s+then\b"
    r"|\bbring\s+me\s+(?:some\s+)?better\s+(?:news|numbers|results)\b"
    r"|\b(?:it's|it\s+is)\s+not\s+showing\s+(?:yet|much)\b"
    r"|\byou(?:'re|\s+are)\s+(?:very|so|a\s+bit|a\s+little|quite|rather|really)\s+(?:sensitive|touchy)\s+(?:today|this\s+week)\b"
    r"|^what's\s+(?:a\s+lot\s+on|a\s+lot|hard|stressful|busy|tiring)\s+when\s+you(?:'re|\s+are)\b"
    r"|\bhow\s+did\s+you\s+(?:think|expect|imagine)\s+(?:that|this|it)\s+(?:was\s+going\s+to|would|were\s+going\s+to)\s+"
    r"(?:end|go|turn\s+out|play\s+out)\b"
    r"|^so\s+what\s+you(?:'re|\s+are)\s+just\s+going\s+to\b"
    r"|\bis\s+it\s+really\s+worth\s+(?:it|\w+ing)\b"
    r"|\bwho(?:'s|\s+is)\s+the\s+(?:manager|boss|adult|parent|grown[\s-]?up|teacher|professional|one\s+in\s+charge)\s+here\b"
    r"|\byou\s+don't\s+(?:really|honestly|seriously)\s+(?:think|believe)\b[^.?!]*\bdo\s+you\s*$"
    r"|\byou\s+know\s+i(?:'m|\s+am)\s+right\b|\byou'll\s+know\s+(?:for\s+)?next\s+time\s+won't\s+you\b"
    r"|^(?:so\s+|but\s+|and\s+)?why\s+let\s+(?:him|her|them|it|that|this|people)\s+get\s+to\s+you\b"
    # a warning that shames or moralises (set 63: "That's how it starts.", "That's exactly what he said.", after the
    # cautionary tale; "You owe it to those two.", "It's for your own good.", "One day you'll thank me.", "somebody
    # has to say it", "I wouldn't bet on it", "if you get there", "There's nothing little about it.", "Call it what
    # you like.", "Then prove it.", "You don't know that.", "Is she? Because she seemed pretty sure.", "How's he going
    # to feel watching ...", "I'd rather you hated me than ended up like Reece.")
    r"|^(?:and\s+|but\s+)?that'?s\s+how\s+it\s+(?:starts|begins)$"
    r"|^(?:and\s+)?that'?s\s+(?:exactly\s+|just\s+)?what\s+(?!you\b|i\b|we\b)\w+\s+said(?:\s+(?:too|word\s+for\s+word))?$"
    r"|\byou\s+owe\s+it\s+to\s+(?!yourself\b)|\b(?:it's|it\s+is|this\s+is|i'm\s+doing\s+(?:this|it))\s+for\s+your\s+own\s+good\b"
    r"|\byou(?:'ll|\s+will)\s+thank\s+me\b|\b(?:somebody|someone)\s+(?:has|needs|had)\s+to\s+(?:say\s+it|tell\s+you)\b"
    r"|\bi\s+(?:wouldn't|would\s+not)\s+bet\s+on\s+it\b|,?\s+if\s+you\s+(?:get|make\s+it|live)\s+(?:there|that\s+(?:long|far))$"
    r"|\bthere'?s\s+nothing\s+(?:little|small|minor|harmless|clever|funny|normal)\s+about\s+(?:it|that|this)\b"
    r"|^call\s+it\s+what(?:ever)?\s+you\s+(?:like|want)\b|^(?:then\s+|so\s+)?prove\s+it$|^you\s+don'?t\s+know\s+that$"
    r"|^(?:is|are|has|have|did|do|does|was|were)\s+(?:she|he|they|you|it)\s+because\s+(?:[\w']+\s+){1,3}?(?:says?|said|seemed|"
    r"told|saw|heard)\b"
    r"|\bhow(?:'s|\s+is|'d|\s+would)\s+(?:he|she|they|your\s+\w+)\s+(?:going\s+to\s+|gonna\s+)?feel\s+(?:watching|seeing|when|"
    r"if|knowing)\b"
    r"|\b(?:than|to)\s+(?:end(?:ed)?\s+up|finish(?:ed)?\s+up)\s+like\s+(?!you\b|me\b|that\b|this\b)\w+"
    # defending against the mentee's hurt instead of repairing it (set 64: "It was only a joke", "Don't be like that",
    # "I'm not a mind-reader", "Just don't say I didn't warn you", "You just need to be a bit clearer, then",
    # "that's honestly how it came across", "You just have to say what you mean with me")
    r"|\b(?:it\s+was|i\s+was|that\s+was)\s+(?:only|just)\s+(?:a\s+joke|joking|having\s+a\s+laugh|teasing|a\s+bit\s+of\s+fun)\b"
    r"|\bdon'?t\s+be\s+like\s+that\b|\bi(?:'m|\s+am)\s+not\s+a\s+mind[\s-]?reader\b|\b(?:don'?t|never)\s+say\s+i\s+didn'?t\s+warn\s+you\b"
    r"|\byou\s+(?:just\s+)?(?:need|have)\s+to\s+(?:be\s+(?:a\s+bit\s+|a\s+lot\s+|much\s+)?(?:clearer|more\s+clear)|say\s+what\s+you\s+mean|"
    r"explain\s+(?:yourself\s+)?better)\b"
    r"|\bthat'?s\s+(?:honestly|just|really|exactly)\s+how\s+it\s+came\s+across\b"
    # the person filed under a type (set 67, assumptions: "Students from backgrounds like yours very often get
    # imposter syndrome", "people like you tend to ..."; not "we need people like you")
    r"|\b(?:people|students|kids|women|men|folk|lads|girls|someone)\s+(?:from\s+(?:a\s+)?(?:backgrounds?|families|places?)\s+)?"
    r"like\s+(?:you|yours)\s+(?:very\s+|quite\s+)?(?:often|usually|always|tend|struggle|get|find|don't|can't|won't)\b"
    # what they say filed as a symptom of a type or a model (set 69: "That's usually the fear talking", "that's often
    # the high D talking", "a classic rescuer pattern", "And that's the blind spot", "That might be a story you're
    # telling yourself"; not "that's the ceiling" or "you've spotted a blind spot yourself")
    r"|\b(?:that(?:'s|\s+is)|it(?:'s|\s+is))\s+(?:(?:usually|often|probably|just|simply|really|only|classic)\s+)?(?:the|your)\s+"
    r"(?:[\w-]+\s+){1,2}?talking\b"
    r"|\b(?:a|the)\s+(?:classic|textbook|typical)\s+(?:[\w-]+\s+){1,2}?(?:pattern|trap|case|example|sign)\b"
    r"|\b(?:that(?:'s|\s+is)|there(?:'s|\s+is))\s+(?:the|your)\s+(?:[\w-]+\s+)?blind\s+spot\b"
    r"|\ba\s+story\s+you(?:'re|\s+are)\s+telling\s+yourself\b"
    # impatience with their account (set 70: "I don't need the whole saga", "I've got eleven people to see today",
    # "it's as simple as that", "let's not bring your mum into it again")
    r"|\bi\s+(?:don't|do\s+not)\s+need\s+(?:the\s+whole|your\s+life|every\s+(?:detail|little)|all\s+the\s+details)\b"
    r"|\bi(?:'ve|\s+have)\s+got\s+(?:\w+\s+)?(?:other\s+)?(?:people|patients|clients|others)\s+(?:to\s+see|waiting)\b"
    r"|\b(?:it's|it\s+is|that's|that\s+is)\s+as\s+simple\s+as\s+that\b"
    r"|\blet's\s+not\s+(?:bring|drag)\s+(?:[\w']+\s+){1,3}?into\s+(?:it|this|that)\b"
)

#: A motive or a failing imputed in the form of a reflection (set 54, "form without spirit": "It sounds like you're
#: putting your hobby ahead of your education.", "You seem to be looking for reasons not to.", "It sounds like you'd
#: rather someone else sorted it out for you.", "So basically you've given up on this year.", "You're getting a bit
#: prickly.", "you've kind of put yourself in this position"): judging whether or not "it sounds like" comes before,
#: so it is undone only by a negation or by the mentee's own feeling reported (:data:`IMPUTED_UNDONE_BY`: "you feel
#: like you're putting everyone before your health" gives back their self-reproach).
IMPUTED_RE = _re(
    r"\byou(?:'re|\s+are)\s+(?:just\s+|basically\s+|really\s+|still\s+)?putting\s+(?:your\s+)?(?:[\w']+\s+){1,3}?(?:ahead\s+of|"
    r"before|above|over)\s+(?:your\s+)?(?:education|health|family|kids|children|job|studies|work|career|future|safety|course|"
    r"degree|grades|recovery|exams)\b"
    r"|\blooking\s+for\s+(?:reasons|excuses|a\s+reason|an\s+excuse)\s+(?:not\s+to|why\s+(?:not|you\s+can't|it\s+won't))\b"
    r"|\blooking\s+for\s+(?:an\s+)?excuses?\b"
    r"|\byou(?:'d|\s+would)\s+(?:rather|prefer)\s+(?:someone|somebody|other\s+people|everyone|me)\s+(?:else\s+)?(?:sorted|did|fixed|"
    r"dealt|took|handled|made|solved)\b"
    r"|\bbasically\s+you(?:'ve|\s+have)\s+(?:just\s+)?(?:given\s+up|stopped\s+(?:trying|caring|bothering))\b"
    r"|\byou(?:'re|\s+are)\s+(?:getting|feeling|being|sounding)\s+(?:a\s+bit\s+|a\s+little\s+|quite\s+|very\s+|rather\s+)?"
    r"(?:defensive|prickly|touchy|tetchy|snappy|argumentative|precious)\b"
    r"|\byou(?:'ve|\s+have)\s+(?:kind\s+of\s+|sort\s+of\s+|rather\s+|really\s+|only\s+)?(?:put|got|gotten|dug)\s+yourself\s+"
    r"(?:in|into)\s+(?:this|that)\s+(?:position|situation|mess|hole|state)\b"
)
#: Words among the three before an imputed motive that undo it: a negation, or the mentee's own feeling or words.
IMPUTED_UNDONE_BY = frozenset("not never no feel feels felt said says told worried afraid scared".split())

#: Words just before a confronting phrase that undo it: a negation ("it's not your fault", "I'm not saying you're
#: lazy") or another person's words or the mentee's own feeling reported ("she said you were lazy").
NOT_CONFRONT_BEFORE = frozenset(
    "not never no isn't wasn't aren't don't didn't doesn't said says say told tells thinks think thought feel feels "
    "felt called calls like worried afraid scared seems sounds believe believes hear heard if whether wondering wonder "
    "wondered asking asked".split())
