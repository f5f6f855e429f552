"""The words that mark each helping behaviour: the cue lists :mod:`pipeline.measures.helping` reads.

The behaviours are those of MITI 4.2.1 (Moyers, Manuel & Ernst 2014, revised 2016: questions, simple and complex
reflections, affirmations, persuading with or without permission, giving information) and of the ESConv helper
strategies (Liu et al. 2021), named in the course's terms. Every pattern reads lower-case text without
punctuation (:func:`pipeline.measures.questions.strip_punctuation`), so that a Whisper transcript without
commas or question marks is read the same way as a typed one.
"""

from __future__ import annotations

import re

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
    # "Remind me, what's the course called?", "your mum, yes, remind me": what they told before asked again; not "remind
    # me to send it", "remind me after" (an errand)
    r"|(?:^|(?<=\bso\s)|(?<=\bum\s)|(?<=\byes\s)|(?<=\bokay\s)|(?<=\band\s)|(?<=\bjust\s))remind\s+me\b(?!\s+(?:to|after|later|next|tomorrow|then|on|at)\b)"
    # "I'd love to hear more / about that / what you think", not "I'd like to hear his ideas" (no one is asked)
    r"|\bi'?d\s+(?:like|love)\s+to\s+hear\s+(?:more|your|from\s+you|you|about\s+(?:that|it|this|you)|"
    r"(?:what|how|why|where|when)\s+you|(?:them|it)(?:\s+if\s+you\b|\s*$))\b"
    r"|\b(?:start|begin)\s+(?:by|with)\s+(?:telling|talking|you\s+telling)\b"
    # "go on" invites more talk; after a yes ("Yeah, go on.") it consents to the other's offer and asks nothing
    r"|^(?!\W*(?:yeah|yes|yep|sure)\b)" + OPENERS + r"(?:please\s+)?go\s+on\b(?!\s+(?:to|with|and|\w+ing))"
)


#: A statement announced as a question ("Can I just say, what you did there, that takes some honesty."): what
#: follows the announcement is said, not asked. Read on the written text, whose comma sets the announcement off:
#: without it "can i say a bit about confidentiality" asks leave.
SAY_FIRST_RE = re.compile(r"^(?:can|could|may)\s+i\s+(?:just\s+)?(?:say|add)\s*,\s*(?:[\w']+[\s,]+){3,}[\w']+", re.IGNORECASE)
#: A speaker's search for words ("how shall I say it", "what do you call it"): asks nobody anything.
HEDGE_RE = _re(r"\bhow\s+(?:shall|should|can|do|could)\s+i\s+(?:say|put)\s+(?:it|this|that)\b"
               r"|\bwhat\s+(?:do|did)\s+(?:you|they)\s+call\s+(?:it|them|that)\b")

#: Words for how hard something is to live through: "that's a lot", "it can be so hard", "that sounds painful".
HARDSHIP = (r"(?:hard|difficult|tough|rough|painful|stressful|frustrating|scary|frightening|upsetting|heartbreaking|"
            r"overwhelming|exhausting|draining|lonely|isolating|unfair|awful|horrible|terrible|sad|confusing|"
            r"devastating|hurtful|challenging|humiliating|demorali[sz]ing|deflating|crushing|terrifying|"
            r"daunting|gutting|infuriating|maddening|unsettling|unnerving|disheartening|distressing|"
            r"traumatic|harrowing|miserable|bleak|brutal|relentless|nerve-?(?:w)?racking|"
            r"soul-?destroying|a\s+lot(?!\s+(?:of\s+(?:fun|people)|better|easier))|a\s+(?:heavy|big|real)\s+(?:load|burden|"
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
    # what it was like for them, in their past ("That felt like being checked up on.")
    r"|^" + OPENERS + r"(?:it|that)\s+(?:felt|must\s+have\s+felt)\s+like\s+being\b"
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
#: A summary of their plan checked with them ("Is that your plan?", "That it?"): with :data:`CHECK_RE`, a turn that
#: checks it has given their words back right; a question as well (MITI 4.2.1 codes both).
PLAN_CHECK_RE = _re(r"\bis\s+that\s+(?:your|the)\s+plan\b|^(?:is\s+)?that\s+it$")

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
    "fine all lovely perfect thanks thank you fair enough brilliant excellent haha hahaha hehe lol np".split())

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
    r"vacation|time\s+off)\b|\btake\s+care(?:\s+of\s+yourself)?\b|\btake\s+it\s+easy\b|\bchin\s+up\b|\btake\s+your\s+time\b|\btake\s+a\s+(?:second|sec|moment|minute|breath)\b|\bi'm\s+(?:still\s+)?here\b|\bno\s+(?:rush|hurry)\b|\b(?:no|you\s+(?:don't|do\s+not))\s+(?:need|have)\s+to\s+(?:be\s+sorry|apologi[sz]e)\b|\bno\s+worries(?:\s+at\s+all)?\b|\blook\s+after\s+yourself\b|"
    r"\b(?:drop|send|give|shoot)\s+me\s+an?\s+(?:message|line|text|call|shout|email|note)\b(?:\s+if\s+anything\s+(?:else\s+)?comes\s+up)?|"
    r"\blet\s+me\s+know\s+how\s+(?:it|that|things|they)\s+(?:goes|go|went)\b|\b(?:stay|keep)\s+(?:safe|well|healthy|warm|strong|"
    r"positive|in\s+touch)\b|\bkeep\s+the\s+faith\b|\bhave\s+an?\s+(?:\w+\s+){0,2}(?:day|evening|night|weekend|week|"
    r"holidays?|christmas|time|one)\b|\bgood\s+luck(?:\s+with\s+(?:\w+\s+)?\w+)?\b|\bsee\s+you(?:\s+(?:soon|later|next\s+"
    r"\w+|on\s+(?:the\s+)?\w+|then|in\s+(?:a|two|three|four)\s+weeks?))?\b|\b(?:good)?bye\b|\ball\s+the\s+best\b|\bbe\s+well\b|\bget\s+well\s+soon\b|\bmerry\s+christmas\b|"
    r"\bhappy\s+(?:holidays|new\s+year)\b|\bbless\s+(?:you|him|her|them|your\s+heart)\b|\bgo\s+(?:for\s+it|get\s+(?:'em|them))\b"
    r"|\b(?:lovely|nice|good|great)\s+to\s+(?:see|meet|hear\s+from|talk\s+to|catch\s+up\s+with)\s+you(?:\s+again)?\b"
)
_HOSTED = (r"(?:grab|get|have|make|take)\s+(?:yourself\s+)?(?:a|some|another)\s+(?:coffee|tea|cuppa|drink|water|"
           r"glass\s+of\s+water|biscuit|mince\s+pie|slice|piece\s+of\s+cake|sandwich|sweet|chocolate)")
#: A host's words to a guest, instructions of no advice: "grab a seat", "sit yourself down", "help yourself to tea",
#: "start wherever feels right" (the direction left to them).
HOSPITALITY_RE = _re(r"^(?:(?:hop|jump|pop)\s+(?:up|on|onto|in|yourself)|lean\s+(?:back|forward)|open\s+(?:wide|up\s+for)|"
                     r"go\s+ahead\s+and\s+(?:lean|sit|hop|lie|open|take\s+a\s+seat|come)|take\s+(?:whichever|any)\s+(?:seat|chair)|(?:shut|close|get)\s+the\s+door|roll\s+(?:up\s+)?your\s+sleeve|"
                     r"step\s+(?:on|onto)\s+the\s+scales?|follow\s+me|come\s+(?:on\s+)?through|lie\s+(?:down|back)\s+(?:on|for)|"
                     r"(?:grab|take|have|pull\s+up)\s+(?:a|your)\s+(?:seat|chair|pew)|sit\s+(?:(?:yourself\s+)?down|wherever|"
                     r"anywhere)|make\s+yourself\s+(?:comfortable|at\s+home)|help\s+yourself|come\s+(?:on\s+)?in|"
                     r"(?:hang|put)\s+your\s+coat|take\s+care(?:\s+of\s+yourself)?(?:\s+(?:tonight|now|today|then|this\s+weekend))?(?=[\s.!]*$)|"
                     r"take\s+(?:whatever|all\s+the|as\s+much)\s+time\s+you\s+(?:need|want|like)|"
                     r"(?:take\s+it|start|begin|go|pick\s+it\s+up)\s+(?:from\s+)?wherever|"
                     # the steps of an examination or a visit (sets 54-57: "Sit there.", "Grab that chair.", "Get yourself
                     # comfortable.", "Stand up for me.", "Bend forward as far as you can.", "Rest your arm on there.",
                     # "Grab a pen.", "Speak to reception.", "book your appointment at the desk")
                     r"sit\s+(?:there|here|in\s+(?:that|this)\s+one)|(?:grab|take|pull\s+up)\s+(?:that|this|the)\s+(?:seat|chair|stool)|"
                     r"get\s+yourself\s+(?:comfortable|settled|sat\s+down)|stand\s+up\s+for\s+me|"
                     r"(?:bend|lean)\s+(?:forward|down|over|back(?:wards)?)\s+(?:as\s+far|for\s+me)|breathe\s+(?:in|out)\s+(?:for\s+me|deeply|slowly)|"
                     r"rest\s+your\s+(?:arm|hand|elbow|feet|head)|(?:grab|get|have)\s+(?:a|your)\s+pen\b|"
                     r"(?:speak|talk)\s+to\s+(?:reception|the\s+front\s+desk)|(?:pop|put|pass)\s+(?:them|it|those|these)\s+"
                     r"(?:down\s+)?(?:here|there|over\s+here|on\s+the\s+(?:desk|table))|"
                     r"book\s+(?:your|a|the|another)\s+(?:[\w-]+\s+){0,3}?(?:appointment\s+)?(?:at|with)\s+(?:the\s+)?(?:desk|reception|front\s+desk)|"
                     # a moment to arrive ("Take a second to land if you need it."); "go on" that invites them to talk
                     # ("Yes, Ruth, go on, go on.", "go on son, what's up"), not one with somewhere to go ("go on a
                     # course", "go on with it")
                     r"take\s+a\s+(?:second|moment|minute|sec)(?:\s+to\s+(?:land|settle|arrive|get\s+settled|"
                     r"catch\s+your\s+breath))?(?=[\s.!]*$|\s+if\s+you\s+need)"
                     r"|go\s+on(?![\s,]+(?:with|to|and|a|an|the|holiday|about|at|for|in|into|doing|being|like)\b)|"
                     + _HOSTED + r")\b")
#: A host's offer left to the guest ("grab a coffee if you want"): no decision of theirs shared (MITI 4.2.1).
HOSTED_IF_YOU_WANT_RE = _re(_HOSTED + r"\s+if\s+you\s+(?:want|like|wish)(?:\s+to)?\b")
#: Words that may stand beside pleasantries in a sentence made only of them ("Thanks again and take care").
PLEASANTRY_FILLER = frozenset(
    "and please thanks thank you so much again too as well also ok okay then both for now alright great oh yes lots "
    "really anyway right well yeah sure tonight today this weekend mm hmm eh".split())
#: Checking the call or the recording works ("can you hear me okay?", "are we recording?"): managing the medium, no
#: question to the mentee about themselves.
CALL_CHECK_RE = _re(r"^(?:(?:hi|hello|hey|hiya|morning|afternoon|okay|ok|so|right|sorry|um|uh|oh)\s+)*(?:\w+\s+)?"
                    r"(?:(?:can|could)\s+you\s+(?:hear|see)\s+(?:me|us|my\s+screen|the\s+screen)|are\s+we\s+(?:recording|live|"
                    r"on)|is\s+(?:my|the)\s+(?:sound|audio|video|mic|microphone|camera|screen|connection)\s+(?:okay|ok|alright|"
                    r"working|on|coming\s+through)"
                    # the call itself told ("I can hear you fine", "you're back", "the picture froze", "got you now")
                    r"|(?:i\s+can\s+(?:hear|see)\s+you\s+(?:fine|now|okay|ok|again|perfectly|clearly)|you(?:'re|\s+are)\s+(?:back|on\s+mute|"
                    r"muted|frozen|breaking\s+up|cutting\s+out)|(?:you|the\s+(?:picture|screen|video|call))\s+froze|(?:yes\s+)?got\s+you)"
                    r"(?=(?:\s+(?:now|again|there|for\s+a\s+(?:second|sec|moment)))?\s*$))\b")
#: Managing the talk itself: letting the other person speak ("go ahead", "after you") or asking them to say it again
#: ("pardon me?", "sorry?"): no instruction and no question (SwDA tags them none).
LETS_SPEAK_RE = _re(r"^(?:(?:oh|ok|okay|sure|yes|yeah|sorry|no|please|i'm\s+sorry)[\s,]+)*(?:go\s+ahead|after\s+you|you\s+first|"
                    r"be\s+my\s+guest|pardon(?:\s+me)?|sorry|excuse\s+me|come\s+again)(?:[\s,]+please)?\W*$")
#: Fewest words of a statement answering the other person's question that count as information given.
ANSWER_MIN_WORDS = 3

#: Verbs with which options are set aside ("You can bin any of them."): offered, the choice stays theirs
#: (:data:`PARTNERSHIP_RE`); no instruction (:data:`pipeline.measures.advice_cues.ADVICE_RE`).
SET_ASIDE = r"(?:bin|ignore|ditch|drop|skip)"

#: Leave to stop or pass whenever they like ("you can stop at any point", "you can say no any time"): their control
#: of the session stressed (MITI 4.2.1 Emphasize autonomy; :data:`PARTNERSHIP_RE`), no advice for its "you can"
#: (:func:`pipeline.measures.advice.advice_cue`).
ANY_TIME = (r"you\s+can\s+(?:stop|pause|say\s+no|leave|take\s+a\s+break|skip\s+\w+|pass)\s+(?:\w+\s+)?(?:at\s+any\s+"
            r"(?:point|time|stage|moment)|any\s+time|whenever\s+you\s+(?:want|like|need))\b")

#: Seeking collaboration and emphasising autonomy (MITI 4.2.1 "Seek" and "Emphasize", the MI-adherent codes
#: besides affirming): the mentor asks for the mentee's own ideas and plans, or leaves the choice with them. Asking
#: permission before advising (:data:`pipeline.measures.advice_cues.OFFER_RE`) is seeking collaboration too.
PARTNERSHIP_RE = _re(
    r"\b" + ANY_TIME + "|"
    # feedback on the helping itself asked for (set 64: "What's been less helpful in these meetings?", "what would
    # have helped, when I got it wrong?", "Can I check something about our sessions?", "will you tell me if I do it
    # again?"); "What do you make of it?" asks their view (an open question), seeking collaboration only after
    # information given, which one turn does not show
    r"\bwhat(?:'s|\s+has)\s+been\s+(?:more\s+|less\s+|most\s+|least\s+)?(?:helpful|useful)\s+(?:about|in|from)\s+(?:these|our|"
    r"this|the\s+(?:sessions|meetings|chats))\b"
    r"|\bwhat\s+would\s+have\s+(?:helped|been\s+(?:more\s+)?(?:helpful|useful|better))\b"
    r"|\b(?:can|could|may)\s+i\s+(?:check|ask)\s+(?:you\s+)?something\s+about\s+(?:our|these|today|this\s+session|how\s+(?:this|"
    r"these|we))\b"
    r"|\b(?:will|would)\s+you\s+tell\s+me\s+(?:if|when)\s+i\b|\bif\s+you\s+get\s+that\s+feeling\s+in\s+here\s+again\b"
    # set 67: the options left theirs ("You can bin any of them.", "or would you rather decide now?", "or leave that
    # for another time?"), their knowledge put first ("I don't know your mum like you do."), their leave asked for
    # the helper's own step ("I'd like to have a quiet word with Gareth, if you're okay with that?")
    r"|\byou\s+can\s+" + SET_ASIDE + r"\s+(?:any|all|some)\s+of\s+(?:them|those|it)\b"
    r"|\bor\s+(?:would\s+you\s+rather|leave\s+(?:it|that)\s+(?:for|till|until)\s+(?:another|next)\s+time)\b"
    r"|\bi\s+(?:don't|do\s+not)\s+know\s+(?:your\s+\w+|him|her|them)\s+(?:like|as\s+well\s+as)\s+you\s+do\b"
    r"|\bif\s+you(?:'re|\s+are)\s+(?:ok|okay|alright|all\s+right|happy|comfortable)\s+with\s+(?:that|it)\s*$|"
    r"\b(?:it's|it\s+is|that's|that\s+is|it'll\s+be|this\s+is)\s+(?:entirely\s+|really\s+|totally\s+|completely\s+|"
    r"ultimately\s+|still\s+|always\s+)?(?:your\s+(?:call|choice|decision)|up\s+to\s+you)\b(?!\s+(?:isn't|is)\s+it\b)"
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
    # their reaction to the helper's options asked for ("how do those two land?"; "how does that land?" asks as often
    # how something felt), the decision left with them ("that's yours to decide", "how hard you push is entirely your
    # call", "whatever you think would go best", "what would feel right to you?"), no obligation ("we don't have to go
    # into that if you don't want", "don't feel you have to do all of it"), their judgement trusted ("you'll know how
    # to say it to her")
    r"|\bhow\s+(?:do|did|will|would)\s+(?:those|these|they|both)(?:\s+(?:two|three|ideas|options|suggestions))?\s+land\b"
    r"|\bhow\s+(?:does|did|will|would)\s+(?:that|this|the)\s+(?:idea|option|suggestion|plan)\s+land\b"
    r"|\byours\s+to\s+(?:decide|make|choose)\b"
    r"|\bis\s+(?:entirely\s+|really\s+|totally\s+|completely\s+|ultimately\s+)?your\s+(?:call|choice|decision)\s*$"
    r"|\bwhatever\s+(?:you\s+think\s+(?:would\s+|will\s+)?(?:go|work|be)\s+(?:best|right)|feels\s+right\s+(?:to|for)\s+you)\b"
    r"|\bwhat\s+(?:would|does|might|will)\s+feel\s+right\s+(?:to|for)\s+you\b"
    r"|\b(?:we|you)\s+(?:don't|do\s+not)\s+have\s+to\b[^.?!]*?\bif\s+you\s+(?:don't|do\s+not)\s+want\b"
    r"|\bdon't\s+feel\s+(?:like\s+)?you\s+have\s+to\b|\byou(?:'ll|\s+will)\s+know\s+(?:best\s+)?(?:how|what|when)\s+to\b"
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
    r"|\b(?:is\s+)?(?:that|this)(?:'s|\s+is)?\s+(?:still\s+)?(?:okay|ok|alright|all\s+right)\s+with\s+you\b"
    r"|\bif\s+(?:that's|that\s+is|it's|it\s+is)\s+(?:okay|ok|alright|all\s+right)(?:\s+with\s+you)?\s*$"
    r"|\bwhat(?:\s+if\s+anything)?\s+(?:would|do)\s+you\s+(?:like|want)\s+to\s+do\b"
    r"|\bwhat\s+(?:feels|seems|would\s+be)\s+like\s+a\s+(?:[\w-]+\s+){0,2}(?:first|next)\s+step\b"
    r"|\bnot\s+(?:gonna|going\s+to|here\s+to)\s+(?:try\s+to\s+)?(?:talk\s+you\s+into|make\s+you|force\s+you|"
    r"tell\s+you\s+what\s+to\s+do|convince\s+you)\b|\bon\s+your\s+own\s+(?:timeline|time|terms|schedule)\b"
    # what would help asked of them ("what would help you trust your judgement?", "what do you think would have
    # helped?"; not "what would help is if you ..."), what they want from the helper ("what would be useful from me?")
    r"|(?<!\bknow\s)(?<!\bsee\s)\bwhat\s+(?:do\s+you\s+think\s+)?(?:would|might|could)\s+(?:have\s+)?help(?:ed)?\b(?!\s+(?:is|was)\b)"
    r"|\b(?:useful|helpful)\s+from\s+me\b"
    # where the talk goes next left to them ("Do you want to move on to the quarterly planning, or is there more on
    # this you'd like to stay with?")
    r"|\b(?:do|would)\s+you\s+(?:want|like)\s+to\s+(?:move\s+on|stay\s+with|carry\s+on\s+with|keep\s+going\s+with|come\s+back\s+to|"
    r"spend\s+(?:a\s+bit\s+)?(?:more\s+)?time\s+on)\b"
    r"|\bis\s+there\s+(?:more|anything\s+else)\s+(?:on\s+(?:this|that)\s+)?(?:that\s+)?you(?:'d|\s+would)\s+like\s+to\s+(?:stay\s+with|"
    r"stay\s+on|spend\s+time\s+on)\b"
    r"|\bif\s+you\s+(?:want|like|wish)(?:\s+to)?(?=\s*$|\s+(?:i|i'd|i'm|i'll|we|we'll|and|or|but|so|then|no|there's)\b)|\byou\s+(?:don't|do\s+not)\s+have\s+to\s+decide\b|^(?:and\s+|but\s+)?(?:it's\s+)?"
    r"(?:totally\s+|entirely\s+|completely\s+)?up\s+to\s+you\b|\bup\s+to\s+you\s*$"
    # the direction theirs ("it's your time", "take it wherever you want to", "start wherever feels right"), their pick
    # among options asked ("which are you drawn to?", "does either of those appeal?"), fit for them left to them
    # ("whether it's right for you"), their knowledge above the helper's ("you know things I don't"), their own ideas
    # made room for ("you might have your own ideas first"), the time asked ("is now an all right time?")
    r"|(?<!\bnow\s)\bit(?:'s|\s+is)\s+your\s+(?:time|session|space|company|business|life|career|thesis)(?![\w'])(?!\s+to\s+shine)"
    r"|(?<!\bsit\s)(?<!\bseat\s)(?<!\bgo\s)(?<!\bmove\s)(?<!\blive\s)(?<!\bwork\s)\bwherever\s+(?:you(?:'d)?\s+(?:want|like|would\s+like|need|feel\s+like)|(?:it\s+)?feels\s+(?:right|best|easiest|"
    r"most\s+\w+)|(?:is|'s)\s+(?:most\s+|more\s+)?(?:useful|helpful|important|right|best|easiest))\b"
    r"|\b(?:which|what)\s+(?:(?:one|ones|of\s+(?:those|them|these))\s+)?(?:are|were)\s+you\s+(?:most\s+|more\s+)?drawn\s+to\b"
    r"|\b(?:does|do|would|could)\s+(?:either|any|one)\s+of\s+(?:those|them|these|the\s+\w+)\s+(?:appeal|fit|sound|feel\s+right|"
    r"suit|work\s+for\s+you)\b"
    r"|\bwhether\s+(?:it|that|this)(?:'s|\s+is|\s+would\s+be|'d\s+be)\s+right\s+for\s+you\b"
    r"|\byou\s+know\s+(?:things|stuff|more)\s+(?:that\s+)?i\s+(?:don't|do\s+not)\b"
    r"|\byou\s+(?:might|may)\s+(?:already\s+|well\s+)?have\s+(?:(?:some\s+)?(?:ideas|thoughts)\s+(?:of\s+your\s+own|yourself|first)"
    r"|your\s+own\s+(?:ideas|thoughts|views))\b"
    r"|\bis\s+(?:now|this)\s+(?:an?\s+)?(?:all\s+right|alright|ok|okay|good|convenient)\s+time\b"
    # the working agreement made with them (set 38: "you set the agenda", "you decide where we go with it", "would you
    # be happy to decide what we cover", "I'd rather we work that out together", "I'd like us to agree it together",
    # "how do you think we should use our time", "what would you want me to do if you cancel", "Your call.")
    r"|\b(?:you|to)\s+(?:set|decide|choose|pick)\s+(?:the\s+agenda|what\s+(?:we|you\s+share)|where\s+we|how\s+we|which\s+we)\b"
    r"|\b(?:work|figure|sort)\s+(?:that|it|this)\s+out\s+together\b|\b(?:agree|decide)\s+(?:it|that|this|them)\s+together\b"
    r"|\b(?:how|what)\s+do\s+you\s+think\s+we\s+should\b|\bwhat\s+would\s+you\s+(?:want|like)\s+me\s+to\s+do\b"
    r"|(?<!\bwas\s)(?<!\bwere\s)\byour\s+call\s*$|\bwould\s+it\s+help\s+if\s+we\b"
    # whose plan it is checked ("Does that plan feel like yours, or like me deciding for you?", "Is that you choosing
    # it, or you saying what you think I want to hear?", "or am I just giving you homework?"), the choice left with
    # them ("Only you can judge which."), the time handed over ("The five minutes are yours.", "How would you want to
    # use it?") (sets 71-72)
    r"|\b(?:does|do|would)\s+(?:that|this|it|the|your|those|these)(?:\s+[\w']+){0,2}?\s+(?:feel|sound)\s+like\s+(?:yours|"
    r"your\s+(?:own\s+)?(?:plan|idea|choice|decision))\b"
    r"|\b(?:like\s+)?me\s+deciding\s+for\s+you\b|\bis\s+(?:that|this)\s+you\s+(?:choosing|deciding|wanting)\b"
    r"|\bor\s+am\s+i\s+(?:just\s+)?(?:giving\s+you\s+homework|deciding|pushing|telling\s+you\s+what)\b"
    r"|\bonly\s+you\s+(?:can|could)\s+(?:judge|decide|say|choose|know|answer)\b"
    r"|\b(?:time|minutes|hour|session)\s+(?:is|are)\s+(?:all\s+)?yours\b"
    r"|\bhow\s+(?:would|do)\s+you\s+(?:want|like)\s+to\s+use\s+(?:it|them|the\s+time|that\s+time|this\s+time|today)\b"
)

