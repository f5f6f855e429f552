"""What the indicators are computed from: one session's measures, gathered in one typed object.

:func:`pipeline.measures.session.measure_session` measures the turns, the speakers and the matching, puts them in a
:class:`SessionContext`, and each indicator of :data:`pipeline.measures.indicators.INDICATORS` reads what it needs
from it. Derived views (the mentor's turns, the session totals per exchange) are computed once, on first use.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from pipeline.measures import turntaking
from pipeline.measures.language import tokens_lower
from pipeline.types import (
    EntrainmentResult,
    MeasureOptions,
    SharedPhrase,
    SpeakerSummary,
    SpeechEvent,
    Turn,
    TurnMeasures,
)
from pipeline.types.base import Confidence

#: A floor-holding run of :func:`pipeline.measures.turntaking.monologues`: (speaker, start_s, end_s, first turn
#: index, last turn index).
Monologue = tuple[str, float, float, int, int]
#: An adjacent (mentee turn, mentor turn) pair of :func:`pipeline.measures.entrainment.entrainment`: (position of
#: the mentee's turn, position of the mentor's turn, similarity), positions in the turn measures.
MatchedPair = tuple[int, int, float]


@dataclass(frozen=True)
class SessionContext:
    """One session's measures, as the indicators read them.

    Attributes
    ----------
    turns : tuple of Turn
        In time order.
    turn_measures : tuple of TurnMeasures
        One per turn, same order.
    speakers : mapping of str to SpeakerSummary
        Speaker label -> totals.
    mentor, mentee : str or None
        Labels of the speakers with those roles; None when nobody has it.
    turn_keys : tuple of tuple of str
        Content keys of each turn (:func:`pipeline.measures.language.content_items`), same order as ``turns``.
    shared_phrases : tuple of SharedPhrase
        Key phrases one person said first and another took up.
    entrainment : mapping of str to EntrainmentResult
        Feature (``"pace_wpm"``, ``"rms_db"``, ``"f0_median_st"``) -> the mentor's matching of the mentee on it;
        empty without both a mentor and a mentee.
    entrainment_pairs : mapping of str to sequence of MatchedPair
        Feature -> its adjacent turn pairs with their similarity, for evidence.
    monologues : tuple of Monologue
        Every floor-holding run, in time order.
    duration_s : float
        First turn start to last turn end, seconds (>= 0).
    acoustic : bool
        Whether loudness and pitch were measured (the recording, or stored per-turn measures of it).
    has_word_times : bool
        Whether every turn with words has word timings.
    turn_times : str
        Where the turn times come from (:data:`pipeline.types.TURN_TIMES`).
    overlaps_observable : bool
        Whether the turns can show two people talking at once (interruptions can be counted).
    options : MeasureOptions
    base_confidence : {"low", "medium", "high"}
        Every indicator's starting confidence (:func:`pipeline.measures.confidence.base_confidence`).
    events : tuple of SpeechEvent
        Interruptions and listening signals found from who spoke when, in time order.
    detail_keys : frozenset of str
        The content keys that name things in the session (:func:`pipeline.measures.language.detail_keys`):
        what remembering brings back.
    """

    turns: tuple[Turn, ...]
    turn_measures: tuple[TurnMeasures, ...]
    speakers: Mapping[str, SpeakerSummary]
    mentor: str | None
    mentee: str | None
    turn_keys: tuple[tuple[str, ...], ...]
    shared_phrases: tuple[SharedPhrase, ...]
    entrainment: Mapping[str, EntrainmentResult]
    entrainment_pairs: Mapping[str, Sequence[MatchedPair]]
    monologues: tuple[Monologue, ...]
    duration_s: float
    acoustic: bool
    has_word_times: bool
    turn_times: str
    overlaps_observable: bool
    options: MeasureOptions
    base_confidence: Confidence
    events: tuple[SpeechEvent, ...] = ()
    detail_keys: frozenset[str] = frozenset()

    @property
    def ends_known(self) -> bool:
        """Whether the turns' end times are measured (audio, or transcript cues with start and end)."""
        return self.turn_times == "measured"

    @property
    def minutes(self) -> float:
        """The session's length in minutes (> 0: at least 1e-9, so that rates per minute are defined)."""
        return max(self.duration_s / 60.0, 1e-9)

    @property
    def mentor_summary(self) -> SpeakerSummary | None:
        """The mentor's totals; None without a mentor."""
        return self.speakers.get(self.mentor) if self.mentor is not None else None

    @property
    def mentee_summary(self) -> SpeakerSummary | None:
        """The mentee's totals; None without a mentee."""
        return self.speakers.get(self.mentee) if self.mentee is not None else None

    @cached_property
    def members(self) -> tuple[str, ...]:
        """Everyone but the mentor (the mentee and anyone else), in the order they first speak."""
        return tuple(dict.fromkeys(t.speaker for t in self.turns if t.speaker != self.mentor))

    @cached_property
    def listened_to(self) -> tuple[str, ...]:
        """Whose words, questions and worries the mentor is read as listening to: the mentee; in a group (two or
        more people besides the mentor) every member (:attr:`members`); none without a mentee."""
        if not self.mentee:
            return ()
        return self.members if len(self.members) >= 2 else (self.mentee,)

    @cached_property
    def listened_rows(self) -> tuple[int, ...]:
        """The rows of :attr:`exchanges` that hold the seconds of :attr:`listened_to`: the mentee's (1); in a
        group the mentee's and everyone else's (1, 2)."""
        return (1, 2) if len(self.listened_to) > 1 else (1,)

    @cached_property
    def mentor_turns(self) -> tuple[TurnMeasures, ...]:
        """The mentor's turn measures, in time order (listening signals included)."""
        return tuple(m for m in self.turn_measures if m.speaker == self.mentor)

    @cached_property
    def mentee_turns(self) -> tuple[TurnMeasures, ...]:
        """The mentee's turn measures, in time order (listening signals included)."""
        return tuple(m for m in self.turn_measures if m.speaker == self.mentee)

    @cached_property
    def mentor_monologues(self) -> tuple[Monologue, ...]:
        """The mentor's floor-holding runs, longest first."""
        return tuple(sorted((r for r in self.monologues if r[0] == self.mentor), key=lambda r: -(r[2] - r[1])))

    @cached_property
    def exchanges(self) -> np.ndarray:
        """Session totals per exchange, shape (11, n_exchanges): see :func:`exchange_totals`."""
        return exchange_totals(self.turns, self.turn_measures, self.mentor, self.mentee)

    @cached_property
    def mentor_words(self) -> tuple[str, ...]:
        """Every word the mentor said, lower case (:func:`pipeline.measures.language.tokens_lower`)."""
        return tuple(w for m in self.mentor_turns for w in tokens_lower(m.text))

    @cached_property
    def mentee_words(self) -> tuple[str, ...]:
        """Every word the mentee said, lower case."""
        return tuple(w for m in self.mentee_turns for w in tokens_lower(m.text))


def exchange_totals(turns: Sequence[Turn], tms: Sequence[TurnMeasures], mentor: str | None,
                    mentee: str | None) -> np.ndarray:
    """Per exchange, the totals the session-wide indicators are ratios of; shape (11, n_exchanges).

    An exchange runs from a mentor turn (not a listening signal) that takes
    the floor from someone else to the next such turn; turns before the first
    belong to the first. Resampling whole exchanges keeps a mentor's turn with
    the reply it drew, so the interval allows for the two depending on each
    other.

    Parameters
    ----------
    turns : sequence of Turn
        In time order.
    tms : sequence of TurnMeasures
        Their measures, same order.
    mentor, mentee : str or None
        Labels of the two roles.

    Returns
    -------
    np.ndarray, shape (11, n_exchanges)
        Rows: speech seconds of the mentor, the mentee and anyone else (each
        turn's seconds not already covered by the speaker's earlier turns,
        summing to :func:`pipeline.measures.turntaking.speech_seconds`); words
        and speaking seconds of the mentor's and of the mentee's paced turns
        (as in their pace); sum and number of the mentor's and of the mentee's
        turn loudness values (dBFS, as in their mean loudness). No columns
        without turns or without a mentor.
    """
    if not turns or not mentor:
        return np.zeros((11, 0))
    secs = turntaking.turn_speech_seconds(turns)
    blocks = exchange_of_turns(turns, tms, mentor)
    rows = []
    for i, (t, m, block) in enumerate(zip(turns, tms, blocks, strict=True)):
        who = 0 if t.speaker == mentor else 1 if t.speaker == mentee else 2
        paced = bool(m.pace_wpm) and who < 2
        loud = m.prosody.rms_db is not None and not m.is_backchannel and who < 2
        r = [0.0] * 11
        r[who] = secs[i]
        if paced:
            r[3 + 2 * who], r[4 + 2 * who] = m.n_words, m.speech_s
        if loud:
            r[7 + 2 * who], r[8 + 2 * who] = m.prosody.rms_db, 1.0
        rows.append((block, r))
    out = np.zeros((11, blocks[-1] + 1))
    for b, r in rows:
        out[:, b] += r
    return out


def exchange_of_turns(turns: Sequence[Turn], tms: Sequence[TurnMeasures], mentor: str) -> tuple[int, ...]:
    """Each turn's exchange (0, 1, ...; see :func:`exchange_totals`): a new one starts at each mentor turn (not a
    listening signal) that takes the floor from someone else."""
    block, out = 0, []
    for i, (t, m) in enumerate(zip(turns, tms, strict=True)):
        if i and t.speaker == mentor and not m.is_backchannel and turns[i - 1].speaker != mentor:
            block += 1
        out.append(block)
    return tuple(out)
