"""What the helper says of the person: the cues of valuing them (MITI 4.2.1 "Affirm") and of judging them ("Confront").

The two sides of one thing, regard for the mentee, read by :mod:`pipeline.measures.helping`: an affirmation values a
strength, an effort or a good choice of theirs; a confrontation blames, labels, shames, ridicules or argues them
down. Every pattern reads lower-case text without punctuation, as the other cue lists of
:mod:`pipeline.measures.helping_cues` do.
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
#: plain acknowledgement ("okay", "great", "good").
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
    r"|\b(?:well\s+done|good\s+(?:job|work)|great\s+(?:job|work)|nice\s+(?:job|work)|congratulations|"
    r"congrats|kudos|hats\s+off)\b"
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
    r"|\byou\s+(?:(?:spotted|noticed|saw|worked\s+out|figured\s+out|came\s+up\s+with|found|named|picked\s+up\s+on)\s+"
    r"(?:\w+\s+){1,6}?|got\s+there\s+|(?:worked|figured|sorted)\s+(?:that|it|this)\s+out\s+(?:for\s+)?)yourself\b"
    r"|\byou\s+made\s+a\s+point\s+of\b"
    r"|\byou(?:'re|\s+are)\s+(?:pretty|quite|really|very|so)\s+good\s+at\b"
    r"|(?<!\bif\s)(?<!\bunless\s)\byou\s+were\s+(?:really\s+|so\s+|very\s+)?(?:honest|brave|open)\s+(?:about|with)\b|\byou\s+handled\s+(?:it|that|this)\s*$"
    r"|\byou\s+did\s+something\s+(?:really\s+|pretty\s+|genuinely\s+)?(?:hard|difficult|brave|tough)\b"
    r"|\byou(?:'ve|\s+have)\s+already\s+(?:made|taken)\s+(?:a\s+)?(?:pretty\s+|really\s+|quite\s+)?(?:big\s+|real\s+|huge\s+|"
    r"major\s+|first\s+|good\s+)?(?:change|start|step|progress)\b"
    r"|^(?:but\s+|and\s+)?you\s+still\s+(?:went|came|turned\s+up|showed\s+up|got\s+there|made\s+it|did\s+it|finished|tried|"
    r"managed|handed\s+it\s+in)\b"
    r"|\byou(?:'ve|\s+have)\s+(?:really\s+)?thought\s+(?:it|this|that)\s+(?:all\s+)?(?:right\s+|all\s+the\s+way\s+)?through\b"
    r"|\bthank\s+you\s+for\s+(?:sharing|being\s+(?:so\s+)?(?:honest|open)|telling|trusting|your\s+honesty)\b"
    r"|\b(?:that|it|this)\s+says\s+(?:a\s+lot|so\s+much|a\s+great\s+deal|something)\s+about\s+(?:you|how|your|who\s+you|"
    r"the\s+(?:kind|sort)\s+of)\b|\bself-?awareness\b|\bthat's\s+not\s+nothing\b"
    r"|\byou\s+know\s+(?:yourself|(?:exactly|clearly|really\s+well)\s+what\s+(?:you\s+(?:need|want)|matters|works|"
    r"(?:is|'s)\s+important))\b|\bthings?\s+going\s+for\s+you\b"
    # strengths MITI 4.2.1 affirms: clarity about what they want, ideas that are theirs, persistence, foresight
    r"|\byou(?:'re|\s+are)\s+(?:really\s+|very\s+|so\s+)?clear\s+(?:about|on)\s+what\b"
    r"|\b(?:they|it|that|those|these|both|all)\s+(?:both\s+|all\s+)?came\s+from\s+you\b"
    r"|\byou(?:'ve|\s+have)?\s+(?:kept\s+(?:going|at\s+it|trying)|stuck\s+(?:with|at)\s+it|hung\s+in\s+there|"
    r"pushed\s+through)\b|\byou\s+(?:haven't|have\s+not|never|didn't|did\s+not)\s+give(?:n)?\s+up\b"
    r"|\byou(?:'re|\s+are)\s+(?:already\s+)?(?:thinking|planning)\s+ahead\b|\b(?:still|keep|kept)\s+showing\s+up\b"
    r"|\byou(?:'re|\s+are)\s+such\s+a\s+(?:good\s+|great\s+|real\s+)?(?:team\s+player|listener|hard\s+worker|grafter|"
    r"fighter|survivor|natural)\b"
    r"|\byou(?:'ve|\s+have)\s+been\s+(?:really\s+|so\s+|very\s+)?(?:consistent|committed|dedicated|persistent|"
    r"determined|honest|open|brave)\b|\bthanks?\s+(?:you\s+)?for\s+being\s+(?:so\s+)?(?:open|honest|upfront|straight|frank)\b"
    r"|\b(?:you\s+should\s+be|(?<!\bcan\s)(?<!\bcould\s)(?<!\bwill\s)be)\s+(?:really\s+|so\s+|very\s+)?proud\b|\bi(?:'m|\s+am)\s+(?:really\s+)?(?:impressed|proud)\b|\bimpressive\b"
    r"|(?<!\bif\s)(?<!\bunless\s)\b(?:that'?s|that\s+is|what\s+a|it'?s|it\s+is|such\s+a)\s+(?:a\s+)?(?:really\s+)?(?:great|good|brilliant|"
    r"excellent|smart|sensible|wise|clever|thoughtful)\s+(?:idea|plan|point|question|insight|step|move|approach|"
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
    r"|\b(?:that's|that\s+is|that\s+was|it's|it\s+was)\s+(?:a\s+)?(?:really\s+)?(?:big|huge|real|major|massive)\s+step\b"
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
    r"|\b" + NORMALISING
)
REASSURANCE_RE = _re(REASSURANCE)
#: Praise of ability in general ("you're clearly really capable", "you can do it", "you're a smart guy"): in a turn
#: that reassures ("you'll be fine ... I promise") it belongs to the reassurance and names no strength of theirs.
GENERIC_PRAISE_RE = _re(r"\b(?:capable|clever|smart|bright|talented|able|can\s+(?:do\s+(?:it|this)|handle\s+(?:it|this)))\b")

#: Confronting (MITI 4.2.1 "Confront", MI non-adherent): blaming, criticising, labelling, shaming, questioning
#: the mentee's honesty: phrases that judge whatever the context. Not where a negation, another's words or the
#: mentee's own feeling come just before (:data:`NOT_CONFRONT_BEFORE`: "it's not your fault", "your manager said you
#: were lazy", "you feel like it's all your fault"); checked on SwDA's talk between strangers, where it fires 55 times
#: in 196,468 utterances of train and test (peers disputing: "that's not true", "come on", "are you sure?"; fatalism
#: about the world: "that's the way it is", "here we go again"; "let me guess") (``bench/helping_skills.py`` lists
#: ESConv's hits).
#: A flat "Not everybody.", "Not necessarily.": disputing what they said; the answer to their question where they
#: asked ("Would that ruin the design?" "Not necessarily."), which :func:`pipeline.measures.helping.confronting`'s
#: caller leaves unjudged.
NOT_SO_PATTERN = r"^(?:well\s+|no\s+)?not\s+(?:everybody|everyone|necessarily)\s*$"
NOT_SO_RE = _re(NOT_SO_PATTERN)
#: "No, it isn't.", "No, that doesn't ...": disputing what they said, unless they said it in the negative themselves
#: ("It doesn't get chapter four written." "No, it doesn't."), which the caller leaves unjudged (agreement).
NO_IT_ISNT = (r"^(?:no|nope),?\s+(?:it|that|they|he|she)\s*(?:'s\s+not|isn't|is\s+not|aren't|are\s+not|'re\s+not|"
              r"don't|do\s+not|doesn't|won't|didn't|wasn't)\b")
NO_IT_ISNT_RE = _re(NO_IT_ISNT)
CONFRONT_RE = _re(
    r"\b(?:oh\s+)?come\s+on\s+(?:now\s+)?you(?!\s+know\b)(?:'re|\s+are|'ve|\s+have|\s+had|\s+know|\s+can|\s+can't)\b"  # arguing
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
    r"|\b(?:that's|that\s+is|those\s+are)\s+(?:just|only|another|more)\s+(?:an?\s+)?excuses?\b|\bstop\s+making\s+excuses\b"
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
    r"|\bthat(?:'s|\s+is)\s+not\s+(?:really\s+|exactly\s+)?(?:true|what\s+happened|how\s+it\s+works|the\s+point|a\s+reason|"
    r"an\s+excuse)\b"
    r"|\byou(?:'re|\s+are)\s+(?:just\s+|totally\s+|really\s+|way\s+|so\s+)?(?:overthinking|overreacting|exaggerating|"
    r"being\s+(?:silly|ridiculous|difficult|defensive|negative|childish|dramatic))\b"
    r"|\byou\s+(?:always\s+|just\s+)?(?:give\s+in|give\s+up|back\s+down|cave|fold)\s+too\s+(?:easily|quickly|fast|soon)\b"
    # dismissing and ridiculing (MITI 4.2.1: "disagrees, argues, ... ridicules"): "don't be daft", "that's in your
    # head", "a sweeping statement", "I'm not your mum", "welcome to the real world", "what did you expect it to be",
    # "stop giving me reasons", "so act like it", "grow up", "if you can't handle it"
    r"|\bdon't\s+be\s+(?:so\s+)?(?:daft|silly|ridiculous|stupid|soft|dramatic|a\s+baby|childish|pathetic)\b"
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
    r"|\bwhose\s+fault\s+(?:is|was)\s+that\b|\bwhat\s+did\s+you\s+expect\b|\byou\s+(?:brought|did)\s+this\s+on\s+yourself\b"
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
    r"|\bwaste\s+of\s+your\s+(?:own\s+)?time\b|^(?:\w+\s+)?(?:that's|that\s+is|it's|it\s+is|it\s+would\s+be)\s+(?:just\s+)?"
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
)

#: Words just before a confronting phrase that undo it: a negation ("it's not your fault", "I'm not saying you're
#: lazy") or another person's words or the mentee's own feeling reported ("she said you were lazy").
NOT_CONFRONT_BEFORE = frozenset(
    "not never no isn't wasn't aren't don't didn't doesn't said says say told tells thinks think thought feel feels "
    "felt called calls like worried afraid scared seems sounds believe believes hear heard if whether".split())
