"""The moments that support an indicator, and the finders that pick them out of a session's turns.

:func:`moment` turns a turn into an :class:`pipeline.types.Evidence`; :func:`remembering`, :func:`concerns` and
:func:`abrupt_changes` find the mentor's callbacks, the mentee's concerns and the mentor's abrupt changes of pace
or loudness. Words said appear in evidence notes only marked by :func:`pipeline.types.said`.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from pipeline.measures import language as lang
from pipeline.types import Evidence, MeasureOptions, QuestionClass, Turn, TurnMeasures, said


def moment(t: Turn | TurnMeasures, note: str = "", quote: str | None = None) -> Evidence:
    """The turn ``t`` as evidence: its times (seconds, 2 decimals), speaker, words (at most 240 characters), ``note``.

    ``quote`` replaces the turn's words when given.
    """
    text = quote if quote is not None else t.text
    return Evidence(start_s=round(t.start_s, 2), end_s=round(t.end_s, 2), speaker=t.speaker, quote=text[:240],
                    note=note)


def question_note(q: QuestionClass) -> str:
    """'wh question “how did”'; a question found by its rising pitch alone has no words to show."""
    return f"{q.kind} question ({q.cue})" if q.kind == "declarative" else f"{q.kind} question {said(q.cue)}"


def count(n: int, noun: str) -> str:
    """ "1 question", "2 questions", "0 runs of questions" (the noun before "of" takes the plural)."""
    if n == 1:
        return f"{n} {noun}"
    head, of, rest = noun.partition(" of ")
    return f"{n} {head}s{of}{rest}"


def two_decimals(x: float | None) -> str:
    """``x`` with 2 decimals; "n/a" for None."""
    return "n/a" if x is None else f"{x:.2f}"


def abrupt_changes(mentor_tms: Sequence[TurnMeasures], options: MeasureOptions, acoustic: bool) -> list[Evidence]:
    """The mentor's turns whose pace (or, with audio, loudness) jumped from their previous turn.

    A jump is larger than ``options.abrupt_pace_pct`` percent of the previous pace, or than
    ``options.abrupt_loudness_db`` dB; listening signals are left out of the loudness.
    """
    ev = []
    paced = [m for m in mentor_tms if m.pace_wpm]
    for a, b in zip(paced, paced[1:], strict=False):
        ch = (b.pace_wpm - a.pace_wpm) / a.pace_wpm * 100
        if abs(ch) > options.abrupt_pace_pct:
            ev.append(moment(b, f"pace jumped {ch:+.0f}% from the mentor's previous turn"))
    if acoustic:
        loud = [m for m in mentor_tms if m.prosody.rms_db is not None and not m.is_backchannel]
        for a, b in zip(loud, loud[1:], strict=False):
            ch = b.prosody.rms_db - a.prosody.rms_db
            if abs(ch) > options.abrupt_loudness_db:
                ev.append(moment(b, f"loudness jumped {ch:+.1f} dB from the mentor's previous turn"))
    return ev


def whose(speaker: str, members: Collection[str]) -> str:
    """How an evidence note names whose words: "the mentee" one-on-one, the speaker's name in a group."""
    return "the mentee" if len(members) == 1 else speaker


def concerns(tms: Sequence[TurnMeasures], mentor: str | None,
             members: Collection[str]) -> list[tuple[TurnMeasures, str]]:
    """The turns of ``members`` (the mentee; in a group, everyone but the mentor) that voice a concern or
    uncertainty, each with its evidence note.

    A turn counts when it has a concern cue (:data:`pipeline.measures.language.CONCERN_RE`: "I'm worried", "I'm not
    sure whether", "I don't know where to start", "I've been lying awake", "My mum would be really upset", "I don't
    want to end up like that"; not a grudging "Sure, I guess."), or when it is the mentee's answer to the mentor
    asking, in an open question, what worries them (:data:`pipeline.measures.language.WORRY_QUESTION_RE`): "That
    something breaks while everyone is watching" answers "What worries you most about the demo?" with a concern and
    no concern word. An answer that starts by saying there is none ("Nothing really", "No, ...") does not count.
    When the mentor names a worry or painful feeling in a closed question or a reflection
    (:data:`pipeline.measures.language.PAINFUL_RE`: "Does that worry you?", "It sounds like it's been a bit
    lonely."), the mentee's yes to it (:data:`pipeline.measures.language.CONFIRMS_RE`: "Yeah. It has, a bit.") voices
    it; "Not at all" does not.
    """
    out = []
    asked_worry = named = False
    for m in tms:
        if m.speaker == mentor and not m.is_backchannel:
            asked_worry = m.question.open and bool(lang.find_pattern(lang.WORRY_QUESTION_RE, m.text))
            named = bool(lang.find_pattern(lang.PAINFUL_RE, m.text))
        elif m.speaker in members and not m.is_backchannel:
            if cue := lang.find_pattern(lang.CONCERN_RE, m.text):
                out.append((m, said(cue)))
            elif asked_worry and not lang.NO_CONCERN_RE.match(m.text):
                out.append((m, "answers the mentor's question about what worries them"))
            elif named and lang.CONFIRMS_RE.match(m.text):
                out.append((m, "says yes to the worry or difficulty the mentor named"))
            asked_worry = named = False
    return out


def told_again(tms: Sequence[TurnMeasures], mentor: str | None,
               members: Collection[str]) -> list[tuple[TurnMeasures, str]]:
    """The turns of ``members`` (the mentee; in a group, everyone but the mentor) that answer the mentor's question
    by pointing out that they had said it already (:data:`pipeline.measures.language.TOLD_AGAIN_RE`: "Like I said,
    it's mostly Daniel.", "My dad's not around. I told you that the first time."), each with its evidence note.

    The course's remembering seen from the other side: the mentor asked again for what the mentee had told them.
    Only an answer to the mentor's question counts ("Like I said, the money's part of it" in the middle of their own
    account repeats for emphasis, and no one asked).
    """
    out = []
    asked = False
    for m in tms:
        if m.speaker == mentor and not m.is_backchannel:
            asked = m.question.is_question
        elif m.speaker in members and not m.is_backchannel:
            if asked and (cue := lang.find_pattern(lang.TOLD_AGAIN_RE, m.text)):
                out.append((m, f"told the mentor again {said(cue)}"))
            asked = False
    return out


def own_ideas(tms: Sequence[TurnMeasures], mentor: str | None, members: Collection[str], *,
              lookback: int = 3) -> list[tuple[TurnMeasures, str]]:
    """The turns of ``members`` (the mentee; in a group, everyone but the mentor) that put forward an idea or plan
    of their own, each with its evidence note.

    A turn counts when it has an idea cue (:func:`pipeline.measures.language.own_idea_match`: "maybe I could ...", "I
    think I'll ...", "what if I ...", "should I ask ...?", "I'd like to ...") and the idea is not the mentor's:
    MITI 4.2.1 hears the client's own change talk, not compliance. An idea whose first content word
    (:func:`pipeline.measures.language.idea_words`, from the cue on: what is to be done) comes from advice among the
    mentor's last ``lookback`` turns (``TurnCode.has("advice")``) takes that advice up and does not count: "Call the
    client today." ... "Right. I'll call them this afternoon." Building on it does: "Bring the log to your
    check-in." "Should I ask the new hires for feedback as well?" Without such advice, committing to what was just
    said ("I think I'll try that.") takes up the mentee's own idea given back, and counts. The answer to the
    mentor's asking for the mentee's own ideas (:data:`pipeline.measures.language.IDEA_QUESTION_RE`: "What would make
    it an eight?" "If I wrote it down on Friday.") counts too, unless it has none ("I don't know").

    Parameters
    ----------
    tms : sequence of TurnMeasures
        Every turn, in time order (``code`` read for the mentor's).
    mentor : str or None
        The mentor's label.
    members : collection of str
        Whose ideas are counted.
    lookback : int, optional
        How many of the mentor's latest turns may hold the advice taken up, >= 1 (default 3).
    """
    out = []
    advice: list[frozenset[str]] = []  # the words of the advice in each of the mentor's latest turns (empty: none)
    advised = asked = False  # advice among the mentor's latest turns; the mentor's last turn asked for ideas
    for m in tms:
        if m.is_backchannel:
            continue
        if m.speaker == mentor:
            advice = (advice + [frozenset(lang.idea_words(m.text)) if m.code.has("advice") else frozenset()])[-lookback:]
            advised = any(advice)
            asked = m.question.is_question and bool(lang.find_pattern(lang.IDEA_QUESTION_RE, m.text))
        elif m.speaker in members:
            cue = lang.own_idea_match(m.text, own_taken_up=not advised)
            start, note = (cue.start(), said(cue.group(0))) if cue else (0, "answering the mentor's asking for ideas")
            what = set(lang.idea_words(m.text[start:])[:1])
            if (cue or asked and not lang.NO_IDEA_RE.match(m.text)) and not any(what & words for words in advice):
                out.append((m, f"{whose(m.speaker, members)}'s own idea or plan {note}"))
            asked = False
    return out


def remembering(turns: Sequence[Turn], turn_keys: Sequence[Sequence[str]], mentor: str | None,
                members: Collection[str], options: MeasureOptions,
                details: Collection[str] | None = None) -> list[tuple[Evidence, str | None]]:
    """Mentor turns that explicitly recall ("you mentioned ...") or bring back content that ``members`` (the mentee;
    in a group, every member) brought in and that had dropped out of the talk.

    A content key comes back when (1) a member said it before the mentor ever did (the mentee brought it in: the
    mentor's own topic word, taken up by the mentee, is not theirs) and (2) nobody, the mentor included, has said
    it in the last ``remember_min_gap_s`` (it had dropped out; a word still in the talk is not remembered). A turn
    counts with a recall cue, or with two distinct such keys, or with one such key of two or more words.

    Parameters
    ----------
    turns : sequence of Turn
        In time order.
    turn_keys : sequence of sequence of str
        Content keys of each turn (:func:`pipeline.measures.language.content_items`), same order.
    mentor : str or None
        The mentor's label; without a mentor or members there is nothing to find.
    members : collection of str
        Whose words may come back.
    options : MeasureOptions
        ``remember_min_gap_s``: how long (seconds) nobody may have said a key for it to have dropped out.
    details : collection of str, optional
        The keys that name things (:func:`pipeline.measures.language.detail_keys`): only they come back as
        remembered (a name, a place, "the rota", "big bottle"; not "ask" or "bad"). None: every key.

    Returns
    -------
    list of (Evidence, str or None)
        One per such mentor turn, in time order, with whose words came back (None: a recall cue alone); the note
        says the cue, or which words came back, whose (in a group) and how long before (the member's first use).
    """
    if not mentor or not members:
        return []
    ev = []
    first_said: dict[str, tuple[float, int, str]] = {}  # key -> (time, turn index, speaker) of its first use
    last_said: dict[str, float] = {}  # key -> last time anyone said it
    for i, (t, keys) in enumerate(zip(turns, turn_keys, strict=True)):
        if t.speaker == mentor:
            cue = lang.find_pattern(lang.CALLBACK_RE, t.text)
            # keys a member brought in that nobody has said for remember_min_gap_s
            old = [(first_said[k][0], k, first_said[k][1]) for k in sorted(set(keys) & first_said.keys())
                   if first_said[k][2] in members and t.start_s - last_said[k] >= options.remember_min_gap_s
                   and (details is None or k in details)]
            multi = [o for o in old if len(o[1].split()) >= 2] or old
            if cue or (multi and len({k for _, k, _ in old}) >= 2) or any(len(o[1].split()) >= 2 for o in old):
                src = turns[multi[0][2]] if multi else None
                note = said(cue) if cue else "reuses the mentee's words" if len(members) == 1 \
                    else "reuses a member's words"
                if src is not None:
                    note += (f"; {whose(src.speaker, members)} said {said(multi[0][1])} at {src.start_s:.0f} s "
                             f"({t.start_s - src.start_s:.0f} s before)")
                ev.append((moment(t, note), src.speaker if src is not None else None))
        for key in keys:
            if t.speaker == mentor or t.speaker in members:
                first_said.setdefault(key, (t.start_s, i, t.speaker))
            last_said[key] = t.start_s
    return ev
