"""The words that mark giving information (MITI 4.2.1 "giving information"; ESConv "information"): facts about how
things are, the helper explaining, information offered as a question. Read by :mod:`pipeline.measures.helping` and
:mod:`pipeline.measures.reflections`; like :mod:`pipeline.measures.helping_cues`, every pattern reads lower-case
text without punctuation."""

from __future__ import annotations

from pipeline.measures.helping_cues import OPENERS
from pipeline.measures.regard_cues import cue_re as _re

#: The helper explaining: a definition ("A1c is basically an average of ...", "that's what we call visceral fat"),
#: an amount ("one soda has about ten teaspoons of sugar"), a category or a risk put on the mentee ("which puts you in
#: the prediabetes range", "your risk of a stroke"), guidance quoted. A statement with it tells; its "so" or "and your"
#: opening does not make it a reflection (MITI 4.2.1 giving information, or persuading where it presses).
EXPLAINS_RE = _re(
    r"\b(?:is|are|'s)\s+basically\s+(?:a|an|the|like|just)\b|\bbasically\s+means\b|\bwhat\s+(?:we|they|doctors|people)\s+call\b"
    r"|\bthe\s+thing\s+with\s+[\w-]+(?:\s+[\w-]+)?\s+is\b"
    r"|\b(?:has|have|contains?|is|are|that's|that\s+is)\s+(?:about|around|roughly|nearly|almost|over|under|up\s+to)\s+"
    r"(?:\d+|a\s+(?:hundred|thousand|third|quarter)|half|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b"
    r"|\b(?:puts?\s+you|you(?:'re|\s+are))\s+(?:in|into|at)\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,2}(?:range|category|bracket|zone)\b"
    r"|\bwhich\s+is\s+(?:in|into)\s+the\s+(?:[\w-]+\s+){0,2}(?:range|category|bracket|zone)\b"
    r"|\byour\s+(?:[\w-]+\s+){0,2}risk\s+(?:of|for|is|goes|gets|will)\b"
    r"|\bthe\s+(?:general\s+|official\s+|current\s+)?(?:guidance|recommendation|guidelines?)\s+(?:for|is|are|says)\b"
    r"|\b(?:the\s+)?(?:leading|main|number\s+one|biggest)\s+cause\s+of\b"
    r"|\b(?:that's|that\s+is|these\s+are|this\s+is|it's)\s+(?:the\s+|a\s+)?(?:classic|typical|textbook)\b"
    r"|\bthat's\s+the\s+[\w-]+\s+thing\b|\bstatistically\b"
)
#: Information (MITI 4.2.1 "giving information"; ESConv "information"): facts about how things are.
INFORMATION_RE = _re(
    EXPLAINS_RE.pattern + r"|"
    r"\b(?:most|many|a\s+lot\s+of|some)\s+people\b|\b(?:it|this|that)(?:'s|\s+is)\s+(?:(?:very|quite|really|so|pretty)\s+){0,2}(?:normal|common|"
    r"natural|usual|typical)\b|\b(?:research|studies|evidence|data)\s+(?:also\s+)?(?:has\s+|have\s+)?(?:shows?|shown|suggests?|"
    r"says|found)\b|\b(?:studies|research|trials|experts|doctors)\s+(?:have|has)\s+(?:also\s+)?(?:shown|found|proven)\b"
    r"|\b(?:usually|typically|generally|in\s+general|on\s+average)\b|\bthe\s+(?:way|process|policy|rule)\s+"
    r"(?:is|works)\b|\bwhat\s+(?:usually\s+)?happens\s+is\b|\bit\s+(?:means|depends)\b|\bhere'?s\s+(?:how|what)\b"
    r"|\bthe\s+(?:deadline|policy|form|guideline|limit|recommendation)s?\s+(?:is|are|says)\b"
    # what is out there ("there are lots of online groups", "there's an app called ...", "there will be several
    # vaccines"): resources and options named
    r"|\bthere(?:'s|\s+is|\s+are|\s+will\s+be|\s+are\s+going\s+to\s+be)\s+(?:also\s+)?(?:a\s+(?:lot|few|number|couple|variety|"
    r"range)|(?:lots|plenty|loads)\s+of|several|many|some|an?\s+[\w-]+\s+called|(?:free|online|local)\s+\w+|(?:support\s+)?groups|"
    r"resources|programs|programmes|organi[sz]ations|charities|websites|apps|services|hotlines|helplines)\b"
    # what people in general do ("people often lash out when stressed", "a lot of times, people ...")
    r"|\b(?:often|sometimes|oftentimes|a\s+lot\s+of\s+(?:the\s+)?times)\s+(?:people|men|women|kids|children|teenagers|parents|"
    r"employers|companies|doctors|therapists|police)\b|\b(?:people|men|women|kids|children|teenagers|employers|companies)\s+"
    r"(?:often|tend\s+to|usually)\b"
    # a resource and what it offers ("a therapist could give you some tools", "they should be able to refer you",
    # "that site has some good articles", "it's a great app for ...")
    r"|\b(?:they|therapists?|doctors?|counsell?ors?|professionals?|psychologists?|psychiatrists?|gps?|nurses?|coaches|coach|"
    r"pharmacists?|advisers?|advisors?)\s+(?:can|could|should\s+be\s+able\s+to|may\s+be\s+able\s+to|might\s+be\s+able\s+to|"
    r"will\s+be\s+able\s+to|would\s+be\s+able\s+to|will)\s+(?:likely\s+|probably\s+|also\s+|definitely\s+)?(?:give|offer|provide|"
    r"help|refer|teach|show|support|advise)\b"
    # what the speaker has read or heard ("I read that ...", "I heard of an app ..."): knowledge passed on
    r"|\bi(?:'ve)?\s+(?:read|heard|learned|learnt)\s+(?:that|somewhere|recently|of|online)\b"
    # what does people good, as a fact ("crying can be therapeutic", "a routine can be very calming")
    r"|\b(?:can|could|may|might)\s+(?:really\s+|also\s+|sometimes\s+)?be\s+(?:very\s+|really\s+|so\s+)?(?:therapeutic|healing|"
    r"helpful|beneficial|calming|relaxing)\b"
    r"|\b(?:is|are)\s+(?:a\s+)?(?:really\s+|very\s+|also\s+)?(?:great|good|useful|helpful|free|popular|reputable)\s+(?:online\s+|"
    r"free\s+)?(?:site|website|app|resource|article|book|program|programme|course|tool|service|podcast)s?\b"
    r"|\b(?:has|have|offers?)\s+(?:a\s+lot\s+of\s+|lots\s+of\s+|many\s+|some\s+|a\s+)?(?:great\s+|good\s+|free\s+|useful\s+|"
    r"helpful\s+)+(?:courses|articles?|resources|groups|programs?|programmes?|apps?|websites?|sites?|services|videos|podcasts|"
    r"hotlines?|information|tips|advice)\b"
    # how things work: causes and risks, limits, what the experts say ("alcohol damages your liver", "the
    # recommended limit is", "that counts as binge drinking")
    r"|\b(?:can|could|may|will|does|do|tends?\s+to|often)\s+(?:lead\s+to|cause|increase|raise|reduce|lower|damage|harm|"
    r"worsen|weaken|trigger)\b|\b(?:damages?|harms?|raises?|increases?|reduces?|lowers?|doubles?)\s+(?:your|the|their)\s+"
    r"(?:\w+\s+)?(?:risk|chances?|likelihood|liver|heart|blood|health|brain|body|sleep)\b"
    r"|\b(?:causes|leads\s+to|is\s+(?:a\s+)?(?:major\s+|leading\s+)?(?:cause|risk\s+factor)\s+(?:of|for))\b"
    r"|\b(?:is|are)\s+(?:linked|associated|related|connected)\s+(?:to|with)\b|\bthe\s+(?:recommended|safe|daily|weekly|"
    r"normal|healthy|legal|maximum|minimum)\s+(?:limit|amount|dose|level|range|number)\b"
    r"|\b(?:guidelines?|doctors|experts|professionals)\s+(?:say|recommend|suggest|advise)\b|\bcounts?\s+as\b"
    r"|\b(?:is|are)\s+(?:really\s+|very\s+)?(?:bad|harmful|dangerous|toxic|unhealthy)\s+for\b"
    # the speaker's explanation announced ("let me tell you what happens", "let me explain"), not their own story
    r"|\blet\s+me\s+(?:explain|tell\s+you\s+(?:what|how|why|something|about\s+(?!my\b|when\s+i\b|a\s+time\b)))\b"
    r"|\bwhat\s+you\s+(?:don'?t|do\s+not)\s+(?:understand|realise|realize|get|see)\s+is\b"
)

#: Information offered as a question ("are you aware that there are food banks?", "are you familiar with box
#: breathing?"): MITI 4.2.1 codes the information it gives, not a question.
INFORMATION_AS_QUESTION_RE = _re(r"^" + OPENERS + r"(?:but\s+)?(?:are|were)\s+you\s+(?:aware|familiar)\s+(?:that|of|with)\b")
