"""Who is the mentor: a stated guess, always overridable.

Rule (guessed): the mentor is the speaker who speaks most *to* the other ("you", "your" rather than "I", "my",
per word: :func:`by_address`), among speakers with :data:`MIN_ADDRESS_WORDS` words or more; when that cannot
be told, the speaker who asks the most questions. With a
spaCy pipeline (``nlp``), questions are counted by the word-order classifier of
:mod:`pipeline.measures.questions` (the one the indicators use); without one, by its
word-list fallback :func:`pipeline.measures.language.looks_like_question` (a sentence
that ends in "?" or starts with an auxiliary, "what"/"which"..., or
"how"/"why"/"when"/"where" followed by an auxiliary). Neither depends on Whisper
keeping question marks. The first speaker gets one
question's head start, which also settles ties (mentors usually open the
session). In a group (three speakers or more) only those who took at least half as many turns as the most are
compared by address (a member who spoke a few times to the group can out-"you" the facilitator per word), and where
that leaves one, the one who took more than twice the turns of anyone else, they are the mentor. Of the others,
the one who talks longest is the mentee; anyone else
is "other". A single speaker is taken to be the mentor.

Named (a transcript's speaker names say the roles): a speaker called by a helping
role ("Mentor", "Coach", "Therapist", "Counsellor", "Helper", "Supporter",
"Interviewer") is the mentor and one called by the other side's role ("Mentee",
"Client", "Coachee", "Patient", "Seeker", "Interviewee") is the mentee, before
any counting: a transcript that says who is who is believed. A name that is an occupation too ("Nurse", "Doctor",
"Tutor": :data:`OCCUPATION_NAME_RE`) is believed beside a name of the one helped, and elsewhere only where how the two
speak cannot tell (a junior "Nurse" mentored by a ward "Sister" asks the questions and speaks of herself). Two
speakers named by a letter as helping transcripts write them (:data:`ABBREVIATED_PAIRS`: "T"/"C") decide where the
address rule cannot (letters may be initials). When only the one helped is named, the mentor is counted among the
others. The report says
``role_source="named"`` where the names decided who the mentor is (a helping role's name, or the one helped named
where there are only two speakers), else ``"guessed"``.

Set (by the user): ``RoleOptions(mentor="S2")`` (CLI ``--mentor S2``) makes
that speaker the mentor and the report says ``role_source="set"``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.errors import InvalidParameterError
from pipeline.measures import questions
from pipeline.measures.language import count_question_sentences, is_backchannel_text
from pipeline.types import RoleOptions, SpeakerInfo, Turn

FIRST_SPEAKER_BONUS = 1.0
#: Helper names that are occupations as well ("Nurse", "Doctor"): the one helped may carry one too (a junior "Nurse"
#: mentored by a ward "Sister"), so they decide only beside a name of the one helped ("Nurse"/"Patient") or where how
#: the two speak cannot (:func:`by_address`).
_OCCUPATIONS = r"clinician|practitioner|nurse|doctor|physician|advis[eo]r|tutor"
#: Speaker names that say the speaker is the one helping, or the one helped (whole words, any case).
HELPER_NAME_RE = re.compile(r"\b(?:mentor|coach|(?:psycho)?therapist|psychologist|counsell?or|helper|supporter|"
                            r"interviewer|facilitator|" + _OCCUPATIONS + r")\b", re.IGNORECASE)
OCCUPATION_NAME_RE = re.compile(r"\b(?:" + _OCCUPATIONS + r")\b", re.IGNORECASE)
HELPED_NAME_RE = re.compile(r"\b(?:mentee|client|coachee|patient|seeker|interviewee|protege|protégé|student)\b",
                            re.IGNORECASE)
#: Two speakers named by a letter or two, as transcripts of helping talk write them: (the helper, the one helped).
#: "T"/"C" and "Th"/"Cl" are therapist and client (MI texts and MITI-coded transcripts), "C"/"Cl" coach and client,
#: "I"/"C" and "I"/"R" interviewer and client or respondent, "T"/"P" and "D"/"P" therapist or doctor and patient.
ABBREVIATED_PAIRS = (("t", "c"), ("th", "cl"), ("c", "cl"), ("i", "c"), ("i", "r"), ("t", "p"), ("d", "p"),
                     ("m", "me"))


#: Speaking to the other ("you", "your") and of oneself ("I", "my"): the one helped talks about themselves, the
#: helper speaks to them (reflecting, asking, advising alike). Set phrases that address no one are left out.
_YOU_RE = re.compile(r"\b(?:you|your|yours|yourself|you're|youre|you've|you'll|you'd)\b", re.IGNORECASE)
_I_RE = re.compile(r"\b(?:i|me|my|mine|myself|i'm|im|i've|i'll|i'd)\b", re.IGNORECASE)
_WORD_RE = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_SET_PHRASE_RE = re.compile(r"\b(?:you know|you see|thank you|see you|you too)\b", re.IGNORECASE)
#: Words a speaker must have said for their way of addressing to count (fewer: the question rule decides).
MIN_ADDRESS_WORDS = 30


def address_score(text: str) -> tuple[float, int]:
    """``(you - I per word, words)`` of a speaker's words: above 0 speaks to the other, below 0 of oneself.

    Set phrases ("you know", "thank you") are left out. In ESConv's helping conversations (dev) the supporter's
    score is the higher in 210 of 211; who asked more questions, in 174.
    """
    text = _SET_PHRASE_RE.sub(" ", text)
    words = len(_WORD_RE.findall(text))
    return (len(_YOU_RE.findall(text)) - len(_I_RE.findall(text))) / max(words, 1), words


def by_address(texts: dict[str, str], candidates: list[str]) -> str | None:
    """The candidate who speaks most *to* the other (see :func:`address_score`), or None when that cannot be told
    (fewer than two with :data:`MIN_ADDRESS_WORDS` words, or a tie). Any margin is believed: in ESConv's dev
    conversations a margin of 0.01 or 0.02 per word, handing closer calls to the question rule, got 207 and 205
    of 211 right against 210 without one."""
    scores = {s: address_score(texts.get(s, "")) for s in candidates}
    enough = sorted((sc for sc, words in scores.values() if words >= MIN_ADDRESS_WORDS), reverse=True)
    if len(enough) < 2 or enough[0] == enough[1]:
        return None
    return next(s for s in candidates if scores[s][1] >= MIN_ADDRESS_WORDS and scores[s][0] == enough[0])


#: In a group, the share of the most turns any speaker took that a speaker must take for how they address the
#: others to count: the one who holds a group speaks after most members' turns, and a member who spoke a few times
#: to the group ("Well done, us.", "you lot") can out-"you" them per word.
GROUP_TURN_SHARE = 0.5


def _holding_the_floor(turns: tuple[Turn, ...], candidates: list[str]) -> list[str]:
    """``candidates``, in a group (three or more) only those with :data:`GROUP_TURN_SHARE` of the most turns (a
    listening sound, "mm-hm", is no turn here: :func:`pipeline.measures.language.is_backchannel_text`): where
    that leaves one, they took more than twice the turns of anyone else, and they are the one who holds the group
    when how they address the others cannot tell (:func:`assign_roles`)."""
    if len(candidates) < 3:
        return candidates
    n_turns = {s: sum(t.speaker == s and not is_backchannel_text(t.text) for t in turns) for s in candidates}
    most = max(n_turns.values())
    return [s for s in candidates if n_turns[s] >= GROUP_TURN_SHARE * most]


def count_questions(text: str) -> int:
    """Number of question sentences in ``text`` (word-list fallback, see :func:`pipeline.measures.language.looks_like_question`)."""
    return count_question_sentences(text)


def assign_roles(
    turns: tuple[Turn, ...],
    labels: tuple[str, ...] | None = None,
    *,
    options: RoleOptions = RoleOptions(),
    nlp=None,
) -> tuple[SpeakerInfo, ...]:
    """Give every speaker a role: mentor, mentee or other.

    Parameters
    ----------
    turns : tuple of Turn
        Turns with speakers set (roles ignored).
    labels : tuple of str, optional
        All speaker labels, in order of first speech; None takes them from
        ``turns`` in order of first speech.
    options : RoleOptions
        ``mentor``: a label to force as mentor, or None to guess by the rule.
    nlp : spacy.language.Language, optional
        When given, questions are counted with :func:`pipeline.measures.questions.classify_text`.

    Returns
    -------
    tuple of SpeakerInfo
        One per label, same order; ``role_source`` ``"set"`` for every speaker
        when the user named the mentor, ``"named"`` when the speakers' names decided it (:func:`named_roles`),
        else ``"guessed"``. Empty for no labels.

    Raises
    ------
    InvalidParameterError
        ``options.mentor`` is not one of ``labels``.
    """
    turns = tuple(sorted(turns, key=lambda t: t.start_s))
    if labels is None:
        labels = tuple(dict.fromkeys(t.speaker for t in turns))
    if not labels:
        if options.mentor is not None:
            raise InvalidParameterError(f"--mentor {options.mentor}: no speakers were found in this recording")
        return ()
    if options.mentor is not None and options.mentor not in labels:
        raise InvalidParameterError(
            f"--mentor {options.mentor}: no such speaker; choose one of {', '.join(labels)}"
        )
    questions = {s: 0.0 for s in labels}
    talk = {s: 0.0 for s in labels}
    counts = _question_counts(turns, nlp)
    for t, n_q in zip(turns, counts, strict=True):
        if t.speaker in questions:
            questions[t.speaker] += n_q
            talk[t.speaker] += max(t.duration_s, 0.0)
    first = next((t.speaker for t in turns if t.speaker in questions), labels[0])
    questions[first] += FIRST_SPEAKER_BONUS
    named = named_roles(labels)
    if options.mentor is not None:
        mentor, source = options.mentor, "set"
    else:
        # a speaker named as the one helped ("Patient") is never guessed as the mentor while someone else is there
        candidates = [s for s in labels if s != named.get("mentee")] or list(labels)
        texts = {s: " ".join(t.text for t in turns if t.speaker == s) for s in labels}
        named_mentor = named.get("mentor")
        # an occupation ("Nurse") decides before how the two speak only beside a name of the one helped
        sure = named_mentor if "mentee" in named or not OCCUPATION_NAME_RE.search(named_mentor or "") else None
        floor = _holding_the_floor(turns, candidates)  # in a group, one speaker alone may hold it
        held = floor[0] if len(floor) == 1 < len(candidates) else None
        mentor = (sure or by_address(texts, floor) or held or named_mentor or lettered_roles(labels).get("mentor")
                  or max(candidates, key=lambda s: (questions[s], s == first, -labels.index(s))))
        by_name = mentor == named_mentor or ("mentee" in named and len(labels) == 2)
        source = "named" if by_name else "guessed"
    rest = [s for s in labels if s != mentor]
    mentee = named.get("mentee") if named.get("mentee") in rest else None
    mentee = mentee or (max(rest, key=lambda s: (talk[s], -labels.index(s))) if rest else None)
    return tuple(
        SpeakerInfo(label=s, role="mentor" if s == mentor else "mentee" if s == mentee else "other",
                    role_source=source, display_name=s)
        for s in labels
    )


def named_roles(labels: tuple[str, ...]) -> dict[str, str]:
    """Role -> the one speaker whose name says it ("Therapist" -> mentor, "Client" -> mentee); a role that no name
    or more than one name says is left out (two "Coach" speakers say nothing about which one leads)."""
    out = {}
    for role, pattern in (("mentor", HELPER_NAME_RE), ("mentee", HELPED_NAME_RE)):
        found = [s for s in labels if pattern.search(s) and not (role == "mentor" and HELPED_NAME_RE.search(s))]
        if len(found) == 1:
            out[role] = found[0]
    return out


def lettered_roles(labels: tuple[str, ...]) -> dict[str, str]:
    """Role -> speaker for two speakers named by a letter or two as helping transcripts write them
    (:data:`ABBREVIATED_PAIRS`: "T" and "C" are therapist and client), else {}. Letters can be initials too ("T"
    for Tom, a mentee), so they decide only where how the two speak cannot (:func:`by_address`)."""
    short = {s.strip().rstrip(".:").lower(): s for s in labels}
    if len(labels) == 2 and len(short) == 2:
        for helper, helped in ABBREVIATED_PAIRS:
            if set(short) == {helper, helped}:
                return {"mentor": short[helper], "mentee": short[helped]}
    return {}


def _question_counts(turns: tuple[Turn, ...], nlp) -> list[int]:
    if nlp is None:
        return [count_questions(t.text) for t in turns]
    docs = nlp.pipe([questions.strip_punctuation(t.text) for t in turns], disable=["ner"])
    return [questions.classify_text(doc)[1] for doc in docs]


def with_roles(turns: tuple[Turn, ...], speakers: tuple[SpeakerInfo, ...]) -> tuple[Turn, ...]:
    """Turns with ``role`` filled from ``speakers`` (unknown labels get "other")."""
    roles = {s.label: s.role for s in speakers}
    return tuple(replace(t, role=roles.get(t.speaker, "other")) for t in turns)
