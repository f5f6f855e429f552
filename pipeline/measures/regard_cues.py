"""What the helper says of the person: the cues of valuing them (MITI 4.2.1 "Affirm").

One side of one thing, regard for the mentee, read by :mod:`pipeline.measures.helping` and
:mod:`pipeline.measures.affirming`: an affirmation values a strength, an effort or a good choice of theirs. The other
side, judging them ("Confront": blaming, labelling, shaming, ridicule, arguing them down), is
:mod:`pipeline.measures.judging_cues`. Every pattern reads lower-case text without punctuation, as the other cue
lists of :mod:`pipeline.measures.helping_cues` do.
"""

from __future__ import annotations

import re


def cue_re(pattern: str) -> re.Pattern:
    """A cue pattern compiled as every cue module reads it: case ignored (the text is lower-case and unpunctuated)."""
    return re.compile(pattern, re.IGNORECASE)


_re = cue_re


#: Words that value a person's act, idea or quality when said of it ("That's shrewd.", "It sounds realistic.",
#: "Bringing your mum is a good call.", "That's a real skill."): adjectives of strength and good judgement, and nouns
#: of strength that value by themselves (:func:`pipeline.measures.affirming.valuing`).
STRENGTH_ADJECTIVES = frozenset(
    "shrewd smart wise sensible realistic practical clear specific solid thoughtful insightful perceptive brave "
    "courageous resourceful creative honest mature impressive admirable remarkable responsible strong resilient "
    "determined committed disciplined generous caring considerate clever skilful skillful skilled capable achievable "
    "doable workable concrete savvy astute bold gutsy patient dedicated diligent proactive organised organized "
    "focused motivated hardworking inventive ingenious grounded genuine inspiring clear-sighted level-headed "
    "open-minded self-aware careful thorough conscientious observant principled tenacious persistent".split())
STRENGTH_NOUNS = frozenset(
    "skill strength talent gift achievement accomplishment feat stamina courage resilience commitment determination "
    "discipline insight instinct responsibility maturity initiative self-awareness".split())
#: What a way of thinking leads to, said as a warning ("the kind of thinking that gets people killed"): read by the
#: affirmation cues (no praise then) and by :data:`pipeline.measures.judging_cues.CONFRONT_RE` (a judgement).
HARM_DONE = (r"that\s+(?:gets|got|will\s+get|lands|landed|puts|put|leads|led|ends\s+up)\s+(?:[\w']+\s+){0,2}?(?:killed|hurt|"
             r"injured|sacked|fired|arrested|excluded|expelled|(?:in|into)\s+(?:trouble|this\s+mess|prison|hospital|court)|at\s+risk)\b")
#: Nouns that measure out a quality ("a real sense of responsibility", "an honest bit of insight"): the quality is
#: the noun after "of", the valuing adjective may stand on either.
MEASURE_NOUNS = frozenset("bit sense piece kind level amount degree".split())
#: Nouns that value only with a valuing adjective before them ("a good call", "a smart move", "a big step").
GOOD_NOUNS = frozenset("call move step start idea plan choice decision catch point observation thinking account "
                        "explanation definition description summary analysis answer".split())
#: Adjectives of good judgement or courage that value whatever they are said of ("That's a grown-up way to handle it",
#: "a smart read on them", "a brave thing to say"): unlike "good" or "clear", they describe how a person thought or
#: acted, so any noun after them values the mentee's act.
JUDGEMENT_ADJECTIVES = frozenset(
    "shrewd smart wise sensible thoughtful insightful perceptive brave courageous resourceful creative mature grown-up "
    "clever savvy astute gutsy ingenious inventive".split())
GOOD_ADJECTIVES = frozenset("good great real smart brilliant sensible solid clever wise excellent fantastic "
                            "strong sound".split())

#: Affirmations (MITI 4.2.1): the speaker values the other person's effort, strengths or contribution. Not a
#: plain acknowledgement ("okay", "great", "good"), nor praise that names nothing of theirs ("Well done.", "Great
#: job.", "I'm so proud of you.", "You should be proud.", "Good question.": set 66's writer codes it cheerleading; in
#: the sixty reviewer sets, 25 lines of poor helpers say it, 6 coded affirm by their writers, and 4 of good ones, none).
AFFIRMATION_RE = _re(
    r"\b(?:that|it|this)\s+(?:took|takes|must\s+have\s+taken)\s+(?:real\s+|a\s+lot\s+of\s+|some\s+|great\s+|so\s+much\s+|"
    r"(?:a|the)\s+(?:kind|sort)\s+of\s+)?(?:courage|guts|strength|effort|work|honesty|stamina|discipline|commitment|"
    r"determination|resilience|patience|character|nerve)\b"
    r"|\b(?:took|takes|must\s+have\s+taken)\s+(?:real\s+|a\s+lot\s+of\s+|some\s+|great\s+|so\s+much\s+)?(?:courage|guts|"
    r"grit|nerve|backbone|character)\b"  # "Thirty years of physical work takes a lot of grit": a virtue, whatever took it
    r"|\b(?:that|it|this)\s+counts\s+for\s+(?:a\s+lot|a\s+great\s+deal|something|so\s+much)\b"
    # a good grasp of their own world ("you've got a really detailed read on that class"), the right act named ("which
    # is exactly what you should have done"), a place earned ("you were promoted for a reason")
    r"|\byou(?:'ve|\s+have)\s+(?:got\s+)?(?:a\s+|an\s+)?(?:really\s+|very\s+|such\s+a\s+)?(?:good|great|detailed|clear|sharp|"
    r"strong|keen|real|solid|accurate)\s+(?:read|eye|sense|feel|grasp|handle|understanding|instinct)\s+(?:on|of|for)\b"
    r"|\bexactly\s+(?:the\s+right\s+thing(?:\s+to\s+do)?|what\s+you\s+should\s+have\s+done)\b"
    r"|\byou\s+(?:were|got)\s+(?:promoted|hired|chosen|picked|taken\s+on)\s+for\s+a\s+reason\b"
    r"|\bi\s+(?:really\s+|do\s+)?appreciate\s+(?:it|that|this)\b(?!\s+if\b)"
    # effort named ("you've already put a lot in", "you've put so much work into this"), credit owed to them ("more
    # than you'd given yourself credit for"), trouble taken for others ("you're really putting yourself out for her")
    r"|\byou(?:'ve|\s+have)\s+(?:already\s+|really\s+|clearly\s+|obviously\s+)?put\s+(?:(?:a\s+lot|so\s+much|loads|a\s+great\s+deal|"
    r"a\s+huge\s+amount)(?:\s+of\s+(?:\w+\s+)?(?:work|effort|time|thought|energy|care|heart))?\s+in(?:to)?\b|(?:real|serious|"
    r"so\s+much|a\s+lot\s+of)\s+(?:work|effort|thought|time|care)\s+in(?:to)?\b)"
    r"|\b(?:give|given|giving|gave)\s+yourself\s+(?:\w+\s+)?credit\b"
    r"|\byou(?:'re|\s+are|'ve\s+been|\s+have\s+been)\s+(?:really\s+)?putting\s+yourself\s+out\b"
    # what they feel put down to their care ("that's because you care about the people who come to that door"), a
    # way found ("you've found a way to keep the part you value")
    r"|\b(?:that's|that\s+is|it's|it\s+is)\s+(?:only\s+|just\s+)?because\s+you\s+(?:really\s+|clearly\s+|obviously\s+)?"
    r"(?:care|cared|love|value|want\s+to\s+do\s+(?:it|this|things)\s+(?:right|well|properly))\b"
    r"|\byou(?:'ve|\s+have)\s+(?:already\s+|actually\s+|really\s+|just\s+)?found\s+(?:a|your\s+own)\s+way\s+(?:to|of|through|round|around)\b"
    r"|\b(?:that|it|this)\s+(?:took|takes|must\s+have\s+taken)\s+(?:something|some\s+doing|a\s+lot(?!\s+of\b))\s+(?:to|for\s+you)\b"
    # "good for you" said to them, not what is good for their health ("it's meant to be good for you"); getting here
    # was an effort ("it took some organising just to get here", "that wasn't easy to arrange"); a plan of their own
    # worked out ("you've worked out a plan that fits you")
    r"|(?<!\bbe\s)(?<!\bis\s)(?<!\bare\s)(?<!\bwas\s)(?<!\bbeen\s)(?<!\breally\s)(?<!\bvery\s)(?<!\bso\s)(?<!\bnot\s)"
    r"(?<!\bquite\s)(?<!\bpretty\s)(?<!\bactually\s)\bgood\s+for\s+you\b"
    r"|\b(?:it|that|this)\s+took\s+(?:some|a\s+lot\s+of|real)\s+(?:organising|organizing|planning|arranging|juggling)\b"
    r"|\b(?:that|it)\s+(?:wasn't|was\s+not)\s+easy\s+to\s+(?:arrange|organise|organize|sort\s+out|fit\s+in)\b"
    r"|\byou(?:'ve|\s+have)\s+(?:already\s+|really\s+)?worked\s+out\s+(?:a|your\s+own)\s+(?:plan|way|system|routine)\b"
    r"|\b(?:that|it|this)\s+(?:didn't|did\s+not|doesn't|does\s+not)\s+(?:just\s+)?happen\s+by\s+(?:accident|chance)\b"
    r"|\byou(?:'ve|\s+have)\s+(?:clearly|really|obviously)\s+(?:thought|worked|put|done|made|prepared)\b"
    r"|\byou(?:'ve|\s+have)\s+(?:done|made|come)\s+(?:a\s+(?:lot|great|really|long\s+way)|real|great|good|so\s+much|really|"
    r"so\s+far)\b"
    r"|\byou\s+(?:did|handled|managed|dealt\s+with)\s+(?:it|that|this|that\s+one|the\s+\w+)?\s*(?:really\s+|so\s+)?"
    r"(?:well|brilliantly|great|a\s+great\s+job|the\s+right\s+thing|properly|perfectly|beautifully)\b"
    r"|\byou(?:'re|\s+are)\s+(?:clearly|really|obviously|very)\s+(?:good|skilled|committed|capable|thoughtful|perceptive|insightful|observant|"
    r"resourceful|brave|strong|organised|organized|talented|determined|dedicated)\b"
    r"|\bi\s+(?:really\s+)?(?:appreciate|admire|respect|value)\s+(?:you|your|how|that\s+you|the\s+way)\b"
    r"|\bi\s+(?:really\s+)?(?:like|love)\s+(?:that|how|the\s+way)\s+you(?:'ve|'re|\s+have|\s+are)?\b"
    r"|\byou(?:'ve|\s+have)\s+(?:already\s+|really\s+)?(?:pulled\s+off|achieved|accomplished)\b"
    r"|\bkept\s+your\s+(?:eye|eyes|focus)\s+on\b"
    # what they did that others would not have ("plenty of people would have argued, and you went back"), a turn
    # made ("you've turned a lot round"), composure kept, something hard done, a change already made, a step taken
    # in spite of it ("You still went in, though.")
    r"|\b(?:a\s+lot\s+of|plenty\s+of|lots\s+of|loads\s+of|most|many)\s+people\s+(?:would(?:'ve|\s+have)|wouldn't\s+have)\b"
    r"[^.?!]*?\b(?:and|but)\s+you\b"
    r"|\byou(?:'ve|\s+have)\s+(?:already\s+|really\s+)?turned\s+(?:a\s+lot|things|it|so\s+much|that)\s+(?:a)?round\b"
    r"|\byou\s+kept\s+your\s+(?:cool|head|nerve|composure|word|promise)\b|\byou\s+stayed\s+(?:so\s+|really\s+)?(?:calm|"
    r"composed|professional|polite|patient|steady)\b"
    # their own insight credited to them ("you spotted that yourself", "you got there yourself", "you worked that out
    # yourself"), an effort made a point of ("you made a point of asking what she needed"), a skill named ("you're
    # pretty good at reading people")
    r"|\byou\s+(?:literally\s+|just\s+|actually\s+|really\s+)*(?:(?:spotted|noticed|saw|worked\s+out|figured\s+out|"
    r"came\s+up\s+with|found|named|picked\s+up\s+on|picked|went\s+and\s+\w+)\s+(?:\w+\s+){1,6}?|got\s+there\s+|(?:worked|figured|sorted|"
    r"working|figuring|sorting)\s+(?:that|it|this)\s+(?:out\s+)?(?:for\s+)?)yourself\b"
    r"|\byou\s+made\s+a\s+point\s+of\b"
    r"|\byou(?:'re|\s+are)\s+(?:pretty|quite|really|very|so)\s+good\s+at\b"
    r"|(?<!\bif\s)(?<!\bunless\s)\byou\s+were\s+(?:really\s+|so\s+|very\s+)?(?:honest|brave|open)\s+(?:about|with)\b|\byou\s+handled\s+(?:it|that|this)\s*$"
    r"|\byou\s+did\s+something\s+(?:really\s+|pretty\s+|genuinely\s+)?(?:hard|difficult|brave|tough)\b"
    r"|\byou(?:'ve|\s+have)\s+already\s+(?:made|taken)\s+(?:a\s+)?(?:pretty\s+|really\s+|quite\s+)?(?:big\s+|real\s+|huge\s+|"
    r"major\s+|first\s+|good\s+)?(?:change|start|step|progress)\b"
    r"|(?:^(?:but\s+|and\s+)?|\b(?:and|but)\s+)you(?:'ve|'re|\s+are)?\s+still\s+(?:went|came|walked\s+in|turned\s+up|"
    r"showed\s+up|got\s+there|made\s+it|did\s+it|finished|tried|managed|handed\s+it\s+in|sent\s+it|took\s+yourself|"
    r"played|asked|not\s+picked|said\s+it|choosing\s+to|turning\s+up|showing\s+up)\b"
    # set 89-91: the effort valued in a word ("That took something.", "which takes something": 10 helper lines in
    # sets 9-92, all coded affirm), a strength named in a pair ("That takes planning and nerve")
    r"|\b(?:that|which|it)\s+(?:took|takes)\s+something\b(?!\s+(?:out|off|away|from|else|like|with)\b)"
    r"|\b(?:that|which|it)\s+(?:took|takes)\s+\w+\s+and\s+(?:courage|guts|grit|nerve|backbone|character)\b"
    # set 66: the effort made in spite of it ("It is boring. And you did it anyway."), care for others ("You look out
    # for her."), a way of their own built or worked out ("You've built yourself a system.", "You've worked out
    # exactly where the gap is.")
    r"|\byou\s+did\s+it\s+anyway\b|\byou\s+look\s+out\s+for\s+(?:her|him|them|each\s+other|your)\b"
    r"|\byou(?:'ve|\s+have)\s+built\s+yourself\s+(?:a|an)\b"
    r"|\byou(?:'ve|\s+have)\s+(?:already\s+)?worked\s+out\s+exactly\s+(?:where|what|how|why|which)\b"
    r"|\byou(?:'ve|\s+have)\s+(?:really\s+)?thought\s+(?:it|this|that)\s+(?:all\s+)?(?:right\s+|all\s+the\s+way\s+)?through\b"
    r"|\b(?:thank\s+you|thanks)\s+for\s+(?:sharing|being\s+(?:so\s+)?(?:honest|open)|telling|trusting|your\s+honesty)\b"
    # credit put where it belongs (sets 71-72: "That's to your credit", "That's down to you and Phil", "coming to me
    # first was the right call", "Taking that minute was the right thing to do", "Your mum's lucky to have someone
    # who'll say the hard thing for her", "it took a lot of love to say it")
    r"|\b(?:that's|that\s+is|it's|it\s+is)\s+(?:all\s+|entirely\s+|very\s+much\s+|really\s+)?to\s+your\s+credit\b"
    # ... "down to you" as credit, not as whose job it is ("so that's really down to you", "it's down to you now")
    r"|(?<!\bso\s)\b(?:that's|that\s+is)\s+(?:all\s+|entirely\s+|largely\s+)?down\s+to\s+you\b(?!\s+(?:to|now|whether|if|from)\b)"
    r"|(?:^|\band\s+)(?:[a-z]+\s+)?(?!being\b|nothing\b|something\b|everything\b|anything\b)[a-z]+ing\s+(?:[\w']+\s+){0,5}?was\s+"
    r"(?:exactly\s+|absolutely\s+|definitely\s+|really\s+)?the\s+right\s+(?:call|thing(?:\s+to\s+do)?|decision|move|choice)\b"
    r"|\b(?:lucky|fortunate)\s+to\s+have\s+(?:you|someone\s+(?:like\s+you|who))\b"
    r"|\btook\s+(?:a\s+lot\s+of\s+|real\s+|so\s+much\s+)(?:love|care|courage|guts|nerve)\s+to\b"
    r"|\b(?:that|it|this)\s+says\s+(?:a\s+lot|so\s+much|a\s+great\s+deal|something)\s+about\s+(?:you|how|your|who\s+you|"
    r"the\s+(?:kind|sort)\s+of)\b|\bself-?awareness\b|\bthat's\s+not\s+nothing\b"
    r"|\byou\s+know\s+(?:yourself|(?:exactly|clearly|really\s+well)\s+what\s+(?:you\s+(?:need|want)|matters|works|"
    r"(?:is|'s)\s+important))\b|\bthings?\s+going\s+for\s+you\b"
    # strengths MITI 4.2.1 affirms: clarity about what they want, ideas that are theirs, persistence, foresight
    r"|\byou(?:'re|\s+are)\s+(?:really\s+|very\s+|so\s+)?clear\s+(?:about|on)\s+what\b"
    # "Martin will know it came from you": found out, not credit
    r"|(?<!\bknow\s)(?<!\bknows\s)(?<!\bout\s)(?<!\bguess\s)"
    r"\b(?:they|it|that|those|these|both|all)\s+(?:both\s+|all\s+)?came\s+from\s+you\b"
    r"|\byou(?:'ve|\s+have)?\s+(?:kept\s+(?:going|at\s+it|trying)|stuck\s+(?:with|at)\s+it|hung\s+in\s+there|"
    r"pushed\s+through)\b|\byou\s+(?:haven't|have\s+not|never|didn't|did\s+not)\s+give(?:n)?\s+up\b"
    r"|\byou(?:'re|\s+are)\s+(?:already\s+)?(?:thinking|planning)\s+ahead\b|\b(?:still|keep|kept)\s+showing\s+up\b"
    r"|\byou(?:'re|\s+are)\s+such\s+a\s+(?:good\s+|great\s+|real\s+)?(?:team\s+player|listener|hard\s+worker|grafter|"
    r"fighter|survivor|natural)\b"
    r"|\byou(?:'ve|\s+have)\s+(?:both\s+|all\s+)?been\s+(?:really\s+|so\s+|very\s+)?(?:consistent|committed|dedicated|persistent|"
    r"determined|honest|open|brave|straight\s+with)\b|\bthanks?\s+(?:you\s+)?for\s+being\s+(?:so\s+)?(?:open|honest|upfront|straight|frank)\b"
    r"|\bimpressive\b"
    # ... praise that names what they did still affirms ("Well done for raising it.", "You should be really proud of
    # that." after their merit, "I am proud of you for taking that leap")
    r"|\bwell\s+done\s+(?:for|on)\s+(?!that\b|it\b|this\b)\w+"
    r"|\byou\s+should\s+be\s+(?:really\s+|so\s+|very\s+)?proud\s+of\s+(?:that|this|it|yourself|what\s+you)\b"
    r"|\bproud\s+of\s+you\s+for\s+\w+"
    r"|(?<!\bif\s)(?<!\bunless\s)\b(?:that'?s|that\s+is|what\s+a|it'?s|it\s+is|such\s+a)\s+(?:a\s+)?(?:really\s+)?(?:great|good|brilliant|"
    r"excellent|smart|sensible|wise|clever|thoughtful)\s+(?:idea|plan|point|insight|step|move|approach|"
    r"thought|start)\b"
    r"|(?<!\bbe\s)(?<!\bjust\s)(?<!\bfavours\sthe\s)(?<!\bfavors\sthe\s)\b(?:brave|courageous|a\s+(?:real\s+)?strength|your\s+(?:strength|effort|hard\s+work|commitment|persistence|"
    r"honesty|determination))\b"
    r"|\b(?:that|it|this)\s+shows\s+(?:real|a\s+lot|how|you|your|great|such)\b|\b(?:admirable|commendable)\b"
    r"|\bshow(?:s|ed)\s+(?:great|real|a\s+lot\s+of|such)\s+(?:strength|courage|maturity|determination|commitment|character)\b"
    r"|\byou(?:'ve|\s+have)\s+been\s+(?:really\s+|so\s+|very\s+)?(?:open|honest|candid|brave)\b"
    r"|\byou(?:'re|\s+are)\s+being\s+(?:really\s+|so\s+|very\s+)?(?:open|honest|candid|brave)\b"
    r"|\byou(?:'re|\s+are)\s+doing\s+(?:a\s+)?(?:great|well|"
    r"(?:really|so|very)\s+well|good)\b|\bcredit\s+to\s+you\b"
    # confidence in their ability, their effort, their qualities ("I'm sure you can", "you're a good friend")
    r"|(?<!\bas\s)\bi(?:'m|\s+am)\s+(?:so\s+|really\s+|very\s+|pretty\s+)?(?:sure|confident|certain)\s+(?:that\s+)?you(?:'ll|'re|'ve|\s+(?:can|"
    r"will|could|did|are|have|know|made))\b|\bi\s+(?:know|believe)\s+(?:that\s+)?you\s+(?:can|will|'ll|are\s+(?:strong|capable)|"
    r"have\s+(?:done|the\s+strength))\b|\bi\s+believe\s+in\s+you\b|\bconfident\s+in\s+you\b"
    # ... unless the doubt is theirs: "you're not sure you can do it", "wondering whether you can handle it"
    r"|(?<!\bsure\s)(?<!\bwhether\s)(?<!\bif\s)(?<!\bdoubt\s)\byou\s+can\s+(?:do\s+(?:it|this)|make\s+it|"
    r"get\s+through|handle|overcome)\b(?!\s+(?:anywhere|any\s*time|at\s+home|whenever|wherever|on\s+your\s+own\s+time))|\byou(?:'ve|\s+have)?\s+got\s+this\b"
    r"|\byou(?:'re|\s+are)\s+(?:doing\s+(?:your\s+best|(?:a\s+|such\s+a\s+)?(?:great|amazing|wonderful|fantastic)(?:\s+job)?|"
    r"everything|all\s+you\s+can|the\s+right\s+thing|what\s+you\s+can)|on\s+the\s+right\s+track)\b"
    r"|\byou(?:'ve|\s+have)\s+done\s+(?:your\s+best|your\s+part|everything|all\s+you\s+can|so\s+well|the\s+right\s+thing)\b"
    # a grown-up act valued even after "I think" (set 49: "I think it's quite a grown-up thing, what you're doing")
    r"|\b(?:that's|it's|that\s+is|it\s+is)\s+(?:quite\s+|really\s+|such\s+)?a\s+(?:really\s+|very\s+)?(?:grown-?up|mature|"
    r"brave|courageous)\s+(?:thing|way|decision|move|step|choice)\b"
    r"|(?<!\bwhat\s)(?<!\bshow\sthem\s)(?<!\bshow\shim\s)(?<!\bshow\sher\s)(?<!\bprove\s)\byou(?:'re|\s+are|\s+sound|\s+seem)(?:\s+like)?\s+(?:such\s+|a\s+|an\s+|so\s+|very\s+|really\s+|clearly\s+|obviously\s+|"
    r"truly\s+)*(?:good|great|wonderful|caring(?!\s+for\b)|kind|loving|strong|brave|mature|thoughtful|resilient|hard\s*working|"
    r"diligent|capable|amazing|supportive|responsible|generous|considerate|courageous|dedicated|determined|"
    r"talented)\b(?!\s+(?:idea|plan|time|day|question|of\b))"  # "you're kind of doing it for her": a hedge
    r"|\b(?:it'?s|it\s+is|that'?s|that\s+is|thats)\s+(?:so\s+|really\s+|very\s+)?(?:good|great|wonderful|amazing|awesome|"
    r"fantastic|admirable|excellent)\s+(?:that\s+)?you\b"
    r"|\b(?:is|'s|sounds\s+like|seems\s+like)\s+(?:a\s+|an\s+)?(?:really\s+|very\s+)?(?:great|good|wonderful|excellent|"
    r"fantastic|smart|brilliant|wise|sensible)\s+(?:first\s+)?(?:idea|plan|choice|decision|step|start)\b(?!\s+(?:to|if|would|for\s+you))"
    # reassurance that names the mentee's ability or what they did (ESConv's "affirmation and reassurance"; MITI
    # 4.2.1 counts confidence in the person's ability, not a reassurance about the world: "things will get better")
    r"|(?<!\bas\s)\bi(?:'m|\s+am)\s+(?:so\s+|very\s+|pretty\s+|really\s+|quite\s+)?(?:sure|confident|certain)\s+(?:that\s+)?"
    r"(?:you\b(?!\s+(?:do|does|did|are|were|have|had|would|might)\s*$)|your\b"
    r"(?!\s+(?:mum|mom|mother|dad|father|nan|nana|gran|grandma|grandad|grandpa|wife|husband|partner|family|friends?|boss|"
    r"son|daughter|kids|children|sister|brother|parents|manager|teacher)\b))"
    r"|\bi\s+(?:really\s+)?(?:believe|think|know)\s+(?:that\s+)?you(?:'ll|\s+will|\s+can|(?:'re|\s+are)\s+(?:going\s+to|strong|"
    r"capable|able|doing))\b(?!\s+(?:just\s+|always\s+|also\s+)?(?:ask|talk|call|try|email|speak|book|use|join|tell|start|look|see\s+why|like|love|enjoy|hate|need|"
    r"get\s+in\s+touch|go\s+to|reach\s+out|contact|check|sign\s+up)\b)"
    r"|\byou(?:'ll|\s+will)\s+(?:definitely\s+|surely\s+|certainly\s+)?(?:be\s+(?:fine|ok|okay|alright|all\s+right|able\s+to)|"
    r"get\s+through|make\s+it|figure\s+(?:it|this|that)\s+out|find\s+(?:a|the|your)\s+way|do\s+(?:great|well|fine))\b"
    r"|\byou(?:'ve|\s+have)?\s+(?:did|made|done|are\s+doing|'re\s+doing)\s+(?:the\s+right\s+thing|(?:a\s+|the\s+)?(?:good|great|"
    r"right|wise|smart|brave)\s+(?:job|choice|decision|thing))\b"
    r"|\blucky\s+to\s+have\s+you\b|\bgrateful\s+for\s+you\b|\byou(?:'re|\s+are)\s+handling\b|\byou\s+(?:clearly|obviously|really)\s+"
    r"(?:care|love)\b"
    # something hard to say, said ("that's not an easy thing to admit"), insight noticed ("you've spotted something
    # important", "an honest thing to notice about yourself", "you really know yourself"), a step named, a place held
    r"|\bnot\s+an?\s+(?:easy|small)\s+thing\s+to\s+(?:say|admit|share|tell|hear|do)\b|\bcan't\s+have\s+been\s+easy\s+to\s+"
    r"(?:say|admit|share|tell)\b"
    r"|\byou(?:'ve|\s+have)?\s+(?:just\s+)?(?:spotted|noticed|picked\s+up\s+on|put\s+your\s+finger\s+on|hit\s+on|named)\s+something\s+"
    r"(?:really\s+|pretty\s+)?(?:important|key|useful|significant|big)\b"
    r"|\bhonest\s+(?:thing|observation)\s+to\s+(?:notice|say|admit|see)\b|\byou\s+(?:really|clearly)\s+know\s+yourself\b"
    r"|\b(?:that's|that\s+is|that\s+was|it's|it\s+was)\s+(?:a\s+)?(?:really\s+)?(?:big|huge|real|major|massive)\s+step\b(?!\s+up\b)"
    r"|\byou(?:'re|\s+are)\s+one\s+of\s+(?:the|our)\s+(?:best|strongest)\b"
    # what they have shown they can do ("you've already proved that"), a way of their own found ("that's a smart fix",
    # "you found a way to ..."), effort counted ("that's a lot of showing up"), care named as a strength
    r"|\byou(?:'ve|\s+have)\s+(?:already\s+)?(?:proved|proven|shown)\s+(?:that|it|you\s+can|yourself)\b"
    r"|\b(?:that's|that\s+is|what\s+a)\s+(?:a\s+)?(?:really\s+)?(?:smart|clever|creative|neat|ingenious|brilliant)\s+"
    r"(?:fix|solution|workaround|system|trick|way)\b|\byou\s+found\s+a\s+way\s+to\b"
    r"|\b(?:a\s+)?(?:proper|real)\s+(?:fix|solution)\b|\bexactly\s+what\s+i(?:'d|\s+would)\s+(?:hope|want|expect)\b"
    r"|\b(?:sharp|smart|clever|nice|excellent)\s+(?:bit\s+of\s+)?(?:analysis|thinking|observation|insight|spot|catch)\b"
    r"|\byour\s+[\w-]+\s+(?:was|were|is|are)\s+(?:really\s+|very\s+)?(?:nicely|well|beautifully|brilliantly)\s+[a-z]+ed\b"
    r"|\byou(?:'ve|\s+have)\s+been\s+(?:grafting|working\s+(?:really\s+)?hard|putting\s+(?:the\s+work|in\s+the\s+work))\b"
    r"|\b(?:that's|that\s+is)\s+a\s+lot\s+of\s+(?:showing\s+up|effort|grit|persistence|commitment|clarity|insight|drive|"
    r"initiative|courage|determination|resilience)\b|\byou\s+(?:care|cared)\s+enough\b"
    r"|\b(?:that's|that\s+is)\s+(?:real|proper|serious|some)\s+(?:dedication|commitment|grit|determination|courage|effort|"
    r"clarity|self-awareness|insight|resilience)\b"
    r"|\bsounds\s+like\s+(?:someone|somebody|a\s+person|a\s+man|a\s+woman|a\s+guy)\s+who\s+(?:knows|cares|is|has|really|"
    r"takes)\b"
    # love or courage found in what they said ("there's a lot of love in what you just said"), a gift named ("you've got
    # good hands"), initiative ("off your own back"), their own diagnosis of what went wrong, a hard act named ("That
    # took something, going back to him.")
    r"|\bthere(?:'s|\s+is)\s+(?:a\s+lot\s+of|so\s+much|real)\s+(?:love|care|courage|strength|wisdom|thought|heart|kindness|"
    r"honesty)\s+in\s+(?:that|what\s+you|how\s+you|the\s+way\s+you)\b"
    r"|\byou(?:'ve|\s+have)\s+got\s+(?:really\s+|such\s+|very\s+)?(?:good|great|safe|steady|sharp|a\s+(?:good|great|real|natural))\s+"
    r"(?:hands|eye|ear|instincts?|judgement|judgment|knack)\b"
    r"|\boff\s+your\s+own\s+back\b|\bon\s+your\s+own\s+initiative\b"
    r"|\byou(?:'ve|\s+have)\s+(?:already\s+)?(?:worked|figured)\s+out\s+(?:exactly\s+|precisely\s+)?(?:where|what|why|how)\s+"
    r"(?:it|that|things)\s+(?:went\s+wrong|happened|broke|fell\s+apart)\b"
    r"|\b(?:that|it)\s+took\s+something(?=\s*$|\s+\w+ing\b)"
    # a skill's result valued (set 39: "That's exactly how I'd start.", "That's exactly
    # the priority an examiner wants to see", "You've got the sequence right", "all of that was spot on", "you noticed
    # the turtling before anyone said a word", "Briefs are what you're good at.")
    r"|\bthat(?:'s|\s+is)\s+exactly\s+(?:how|what)\s+i(?:'d|\s+would)\s+(?:start|do\s+it|have\s+done|approach\s+it|do)\b"
    r"|\bexactly\s+(?:what|the\s+\w+)\s+(?:a|an|the|any)\s+(?:good\s+|great\s+)?(?:\w+\s+)?(?:wants?\s+to\s+see|looks?\s+for|"
    r"is\s+looking\s+for|needs?)\b"
    r"|\byou(?:'ve|\s+have)\s+got\s+(?:the\s+core\s+of\s+it|(?:the|that|it|all\s+of\s+it)\s+(?:\w+\s+)?(?:right|spot\s+on|bang\s+on))\b"
    r"|\b(?:was|were|is|are|that's|it's)\s+(?:absolutely\s+|just\s+)?spot\s+on\b"
    r"|\byou\s+(?:noticed|spotted|saw|caught|picked\s+up\s+on)\s+(?:[\w']+\s+){1,4}?before\s+(?:anyone|anybody|everyone|the\s+rest|i\s+did)\b"
    r"|\b(?:is|are|'s)\s+what\s+you(?:'re|\s+are)\s+(?:really\s+)?good\s+at\b"
    # a quality named in how they went about it (sets 41, 43, 44: "That's a generous offer.", "That's a really concrete
    # way of protecting yourself", "that's a proper plan", "that's really thought through", "that's actually well
    # strong"), a value of theirs ("a clear value of yours"), an act's effect credited ("You've made it easy for him to
    # say yes"), what struck the mentor, the right kind of act ("exactly the kind of judgement"), better than the
    # mentor did ("quicker than I managed"), members who helped each other, success that is no luck
    r"|\b(?:that's|that\s+is|what\s+a|such\s+a)\s+(?:a\s+)?(?:really\s+|very\s+)?(?:generous|practical|realistic|concrete|"
    r"mature|brave|honest|thoughtful|clever|smart|sensible|proper|solid)\s+(?:offer|way\s+(?:of|to|in)|plan|rule|"
    r"call|thing\s+to\s+(?:do|notice|say|admit))\b"
    r"|\b(?:that's|that\s+is|it's|it\s+is)\s+(?:really\s+|so\s+|very\s+|well\s+|properly\s+)?thought\s+(?:through|out)\b"
    r"|\bthat'?s\s+(?:actually\s+|really\s+|so\s+)?(?:well|proper|dead|mad)\s+(?:strong|brave|mature|impressive|sound|"
    r"smart|sensible)\b"
    r"|\ba\s+(?:clear|real|strong|core|deep)\s+value\s+of\s+yours\b"
    r"|\byou(?:'ve|\s+have)\s+(?:really\s+)?made\s+it\s+(?:so\s+|really\s+)?(?:easy|easier)\s+for\b"
    r"|\bwhat\s+(?:really\s+)?(?:struck|impressed)\s+me\s+(?:\w+\s+){0,2}?(?:is|was)\s+(?:how|the\s+way)\b"
    r"|\bexactly\s+the\s+(?:kind|sort)\s+of\s+(?:judgement|judgment|thinking|instinct|shift|initiative|leadership|care|"
    r"attention|question|reflection)\b(?!\s+" + HARM_DONE + r")"
    r"|\b(?:quicker|faster|better|sooner|further)\s+than\s+i\s+(?:ever\s+)?(?:managed|did|could|would\s+have)\b"
    # a strength named as why they were chosen ("That's a big part of why they made you manager.")
    r"|\b(?:that's|that\s+is|it's|it\s+is)\s+(?:a\s+(?:big\s+)?part\s+of\s+|exactly\s+|probably\s+|precisely\s+)?why\s+(?:they|we|she|he)\s+"
    r"(?:made\s+you|chose\s+you|picked\s+you|hired\s+you|promoted\s+you|took\s+you\s+on|gave\s+you\s+(?:the|this|that))\b"
    r"|\byou(?:'ve|\s+have)\s+(?:really\s+)?(?:helped|backed|supported)\s+each\s+other\b|\bbacked\s+each\s+other\s+up\b"
    r"|\b(?:that's|that\s+is|it's|it\s+was|that\s+was)\s+not\s+(?:just\s+)?luck\b"
    r"|\b(?:those|these)\s+things\s+(?:don't|do\s+not|didn't)\s+(?:just\s+)?happen\s+by\s+(?:accident|chance)\b"
    r"|\byou(?:'ve|\s+have)\s+(?:\w+\s+)?worked\s+(?:so|really|incredibly|very)\s+hard\b"
    r"|\byou(?:'ve|\s+have)\s+done\s+(?:ever\s+so|really|very)\s+well\b"
    r"|\bthat\s+takes\s+(?:a\s+)?(?:kind|sort)\s+of\s+(?:steadiness|composure|maturity|skill|confidence|self-control|"
    r"bottle|nerve|courage)\b"
    # a mistake brought and owned, valued (set 46: "I'm really glad you brought it", "you chose to put it on the table",
    # "you're the one who went back through it", "You didn't wait to be asked", "What I actually notice is that you
    # ...", "I trust your read on it", "You've got to the heart of it yourself", "you seem very natural with them",
    # "You care a lot about doing this job well", "you're already putting things right", "made it fit your shop")
    r"|\bi'?m\s+(?:really\s+|so\s+|very\s+)?glad\s+you\s+(?:brought|raised|told|mentioned|said)\b"
    r"|\byou\s+chose\s+to\s+(?:put|tell|bring|raise|speak|come|own|say|flag)\b"
    r"|\byou(?:'re|\s+are)\s+the\s+one\s+who\s+(?:went|found|spotted|noticed|fixed|caught|checked|raised|flagged)\b"
    r"|\byou\s+didn't\s+wait\s+to\s+be\s+(?:asked|told)\b"
    r"|\bwhat\s+i\s+(?:actually\s+|really\s+)?(?:notice|noticed|see|saw)\s+is\s+(?:that\s+)?you\b"
    r"|\b(?:that|it)\s+sounds\s+(?:really\s+|very\s+|so\s+)?(?:well\s+)?thought\s+(?:through|out)\b"
    r"|\bi\s+trust\s+your\s+(?:read|judgement|judgment|instincts?|call)\b"
    r"|\byou(?:'ve|\s+have)\s+got\s+to\s+the\s+(?:heart|bottom|root)\s+of\s+it\b"
    r"|\byou\s+(?:seem|are|'re|look)\s+(?:very\s+|so\s+|really\s+)?natural\s+(?:with|at)\b"
    r"|\byou\s+care\s+(?:a\s+lot|so\s+much|deeply|a\s+great\s+deal)\s+about\s+doing\b"
    r"|\byou(?:'re|\s+are)\s+already\s+(?:putting\s+(?:it|things)\s+right|making\s+(?:changes|a\s+difference))\b"
    r"|\bmade\s+it\s+(?:fit|work\s+for)\s+(?:your|you)\b"
    # the work credited to them (sets 51-53: "You've done the hard bit by coming in", "You did all the thinking. I just
    # listened.", "But you did it."), a quality of theirs ("you're very easy to talk to")
    r"|\byou(?:'ve|\s+have|'re|\s+are)\s+(?:already\s+)?(?:done|doing)\s+the\s+(?:hard|hardest|difficult)\s+(?:bit|part|work)\b"
    r"|\byou\s+did\s+all\s+(?:the|that)\s+(?:thinking|work|hard\s+(?:bit|part|work))\b|^(?:but\s+|and\s+)?you\s+did\s+it\s*$"
    r"|\byou(?:'re|\s+are)\s+(?:really\s+|very\s+|so\s+)?easy\s+to\s+talk\s+to\b"
)

#: Reassurance that it will turn out well ("you'll be fine", "you're going to be great", "you've got this", "I'm sure
#: you'll do great", "don't be so hard on yourself"): kind, but MITI 4.2.1 codes no affirmation in it (it values no strength or effort of theirs), and
#: trainers count it among the righting reflex's moves; ESConv's "affirmation and reassurance" counts it.
#: Normalising: what the mentee lives through made everyone's ("every founding team goes through that", "it happens
#: to the best of us", "hang in there", "it gets easier", "it'll work itself out").
NORMALISING = (r"(?:(?:every(?:one|body)|every\s+\w+(?:\s+\w+)?|all\s+of\s+us|we\s+all|most\s+people)\s+(?:goes|go|went)"
               r"\s+through\s+(?:this|that|it)|happens\s+to\s+(?:everyone|everybody|all\s+of\s+us|the\s+best\s+of\s+us)"
               r"|hang\s+in\s+there|it(?:'ll|\s+will)?\s+gets?\s+easier|try\s+not\s+to\s+(?:worry|stress|panic|fret)"
               r"|you(?:'ll|\s+will)\s+(?:soon\s+)?feel\s+(?:(?:a\s+lot\s+|much\s+)?better|more\s+like\s+yourself)"
               r"|(?:is|are|'s|'re)\s+(?:hard|tough|difficult)\s+for\s+(?:everyone|everybody|all\s+of\s+us)"
               r"|it(?:'ll|\s+will)\s+(?:all\s+)?(?:work\s+(?:itself\s+)?out|fall\s+into\s+place|click))\b")
REASSURANCE = (
    r"\byou(?:'d|\s+would)\s+be\s+(?:absolutely\s+|totally\s+)?(?:fine|ok|okay|alright|all\s+right)\b"
    r"|\byou(?:'ll|\s+will|(?:'re|\s+are)\s+going\s+to)\s+(?:definitely\s+|surely\s+|certainly\s+|totally\s+|absolutely\s+)?"
    r"(?:be\s+(?:fine|ok|okay|alright|all\s+right|great|good)|get\s+(?:through|there)|make\s+it|figure\s+(?:it|this|that)\s+out|"
    r"(?:smash|nail|ace|crush|rock)\s+it|"
    r"find\s+(?:a|the|your)\s+way|do\s+(?:great|well|fine|brilliantly))\b|\byou(?:'ve|\s+have)?\s+got\s+this\b"
    r"|\bdon'?t\s+(?:be\s+(?:so|too)\s+hard\s+on\s+yourself|beat\s+yourself\s+up)\b"
    # normalising: kind, gives nothing back ("you're definitely not the only one", "everybody goes through this")
    r"|\byou(?:'re|\s+are)\s+(?:definitely\s+|certainly\s+|so\s+)?(?:not|never)\s+(?:the\s+only\s+one|alone)\b"
    r"|\byou(?:'re|\s+are)\s+doing\s+(?:just\s+)?(?:fine|ok|okay|alright|all\s+right)\b"
    # a cheer to go on (set 66: "keep doing what you're doing", "keep it up", "Take the win!")
    r"|\bkeep\s+(?:doing\s+what\s+you(?:'re|\s+are)\s+doing|it\s+up|up\s+the\s+(?:good|great)\s+work)\b|\btake\s+the\s+win\b|^get\s+in\W*$"
    r"|\b" + NORMALISING
)
REASSURANCE_RE = _re(REASSURANCE)
#: Praise framed by the speaker's own approval or said to cheer (set 66, praise that cheerleads: "See, that's what I
#: like to hear.", "That's the kind of commitment I like to see.", "Good lad!", "Love that.", "You're a superstar!",
#: "you're smashing it", "Look at you, all grown up"): in a turn with it, praise is approval, not an affirmation of
#: their strength (MITI 4.2.1 affirms the person, in their terms; trainers hear "I like", "good girl" as the helper's).
APPROVAL_RE = _re(r"\bthat'?s\s+(?:exactly\s+|just\s+)?what\s+i\s+(?:like|want|love)\s+to\s+(?:hear|see)\b"
                  r"|\b(?:kind|sort)\s+of\s+\w+\s+i\s+(?:like|love|want)\s+to\s+see\b|\bgood\s+(?:lad|girl|boy|lass)\b"
                  r"|\bthat'?s\s+my\s+(?:boy|girl)\b|^(?:oh\s+)?(?:i\s+)?love\s+(?:that|it|this)$"
                  r"|\byou(?:'re|\s+are)\s+(?:a|an\s+absolute|such\s+a)\s+(?:superstar|star|legend|rock\s*star)\b"
                  r"|\b(?:you're|you\s+are)\s+smashing\s+it\b|\blook\s+at\s+you\b(?!\s+(?:and|when|now\s+and))")
#: Praise of ability in general ("you're clearly really capable", "you can do it", "you're a smart guy", "you've done
#: the hard bit"): in a turn that reassures ("you'll be fine ... I promise") it belongs to the reassurance and names no
#: strength of theirs.
GENERIC_PRAISE_RE = _re(r"\b(?:capable|clever|smart|bright|talented|able|can\s+(?:do\s+(?:it|this)|handle\s+(?:it|this))|"
                        r"doing\s+(?:so|really|very)\s+well|"
                        r"done\s+the\s+(?:hard|hardest|difficult)\s+(?:bit|part))\b")
