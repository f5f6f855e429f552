"""Measures and indicators: per-turn measures, speaker summaries, matching, indicators with evidence."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Literal

from pipeline.errors import InvalidParameterError
from pipeline.types.base import Confidence, Role, TurnTimes
from pipeline.types.speech import EventOptions, SpeechEvent

#: Marks around words said inside an :attr:`Evidence.note`: curly quotes, so that an apostrophe inside
#: (“I'm worried”) does not end them.
SAID_OPEN, SAID_CLOSE = "\u201c", "\u201d"


_SAID_RE = re.compile(f"{SAID_OPEN}[^{SAID_CLOSE}]*{SAID_CLOSE}")


def said(words: str) -> str:
    """``words`` marked as said, for an evidence note: ``said("stays between us")`` is “stays between us”."""
    return f"{SAID_OPEN}{words}{SAID_CLOSE}"


def unsaid(note: str) -> str:
    """``note`` with each part marked by :func:`said` replaced by “…”: nothing said is left in it."""
    return _SAID_RE.sub(said("…"), note)


@dataclass(frozen=True)
class Evidence:
    """A moment that supports an indicator: replayable, quotable.

    Attributes
    ----------
    start_s, end_s : float
        The moment, seconds from the start.
    speaker : str
        Label of who speaks in it.
    quote : str
        What they said (at most 240 characters); "" where the transcript is not kept.
    note : str
        Why the moment counts. Words said appear in it only marked by
        :func:`said` (“quarterly review” first said by the mentee at 6 s), so
        that :meth:`without_words` can take them out with the quote.
    """

    start_s: float
    end_s: float
    speaker: str
    quote: str
    note: str = ""

    def without_words(self) -> Evidence:
        """The moment with nothing said left in it: quote "", each word said in the note replaced by “…”."""
        return replace(self, quote="", note=unsaid(self.note))


@dataclass(frozen=True)
class Indicator:
    """One rapport / psychological-safety indicator as shown to the mentor.

    Attributes
    ----------
    id : str
        Stable identifier, e.g. ``"mentor_talk_share"``.
    name : str
        Plain-language name in the course's terms.
    value : float or None
        The measured value; None when unavailable (see ``available``).
    unit : str
        Unit of ``value`` (``"%"``, ``"wpm"``, ``"per 10 min"``, ``"score 0-1"``...).
    band_low, band_high : float or None
        Reference band for a good value (either end may be open).
    band_source : str
        Where the band comes from (study or course guidance).
    explanation : str
        One sentence tying the value to the course guidance.
    confidence : {"low", "medium", "high"}
        How far the value can be trusted (:data:`pipeline.types.base.Confidence`;
        the rule is :mod:`pipeline.measures.confidence`).
    evidence : tuple of Evidence
        Moments that support the value, strongest first.
    available : bool
        False when the input cannot support it (e.g. acoustic measures on a
        transcript without audio).
    category : str
        Course theme: ``"matching"``, ``"questions"``, ``"listening"``,
        ``"remembering"``, ``"sharing"``, ``"confidentiality"``, ``"safety"``.
    ci95 : tuple of (float, float) or None
        95 % interval of ``value``, in its unit, where one is estimated from
        the session's turns (matching scores, shares, rates, medians, the
        mentor-mentee differences); None otherwise. When it reaches both sides
        of an edge of the band the confidence is ``"low"``.
    """

    id: str
    name: str
    value: float | None
    unit: str
    band_low: float | None
    band_high: float | None
    band_source: str
    explanation: str
    confidence: Confidence
    evidence: tuple[Evidence, ...] = ()
    available: bool = True
    category: str = ""
    ci95: tuple[float, float] | None = None


@dataclass(frozen=True)
class SharedPhrase:
    """A key phrase one person said first and another person took up later.

    Found by :func:`pipeline.measures.language.shared_phrases` over the content keys of
    :func:`pipeline.measures.language.content_items` (noun chunks of 2+ content words
    and content lemmas); the ``shared_key_phrases`` indicator counts those the
    mentee said first and the mentor took up.

    Attributes
    ----------
    phrase : str
        Lower-case key: a noun chunk's content lemmas ("quarterly review") or
        one content lemma ("deadline").
    first_speaker : str
        Label of who said it first.
    first_s : float
        Start of the turn where they first said it, seconds.
    taken_up_by : str
        Label of the first other person who used it afterwards.
    taken_up_s : float
        Start of the turn where it was first taken up, seconds (>= ``first_s``).
    n_uses : int
        Times it occurs in the whole session (both people), >= 2.
    """

    phrase: str
    first_speaker: str
    first_s: float
    taken_up_by: str
    taken_up_s: float
    n_uses: int


@dataclass(frozen=True)
class MeasureOptions:
    """Options of :func:`pipeline.measures.session.measure_session` (issue 4).

    Attributes
    ----------
    events : EventOptions
        What counts as an interruption or a listening signal (backchannel), found from who spoke when
        (:func:`pipeline.speech.events.find_events`) where the session has no events of its analysis.
    pause_min_s : float
        Gaps between words longer than this are pauses and are excluded from
        articulation time, seconds (0.05-2, default 0.25).
    pitch_fmin_hz, pitch_fmax_hz : float
        Pitch search range in Hz (40-200 and 150-800, defaults 65 and 400).
    pitch_hop_length : int
        Hop of the pitch tracker in samples at ``sr`` (64-4096, default 320,
        i.e. 20 ms at 16 kHz).
    rate_min_words : int
        Turns with fewer words get no speaking rate and are left out of pace
        averages and pace matching (1-20, default 5).
    remember_min_gap_s : float
        "Remembering" needs the mentee's content to be at least this old,
        seconds (10-1800, default 120).
    n_key_phrases : int
        Key phrases kept per speaker (1-50, default 10).
    n_top_words : int
        Most frequent words compared in word matching (5-200, default 25).
    abrupt_pace_pct : float
        A change of the mentor's pace between consecutive turns larger than
        this percentage counts as abrupt (1-100, default 20).
    abrupt_loudness_db : float
        Same for loudness, dB (0.5-20, default 3).
    abrupt_pitch_st : float
        Same for median pitch, semitones (0.5-12, default 2).
    """

    events: EventOptions = field(default_factory=EventOptions)
    pause_min_s: float = 0.25
    pitch_fmin_hz: float = 65.0
    pitch_fmax_hz: float = 400.0
    pitch_hop_length: int = 320
    rate_min_words: int = 5
    remember_min_gap_s: float = 120.0
    n_key_phrases: int = 10
    n_top_words: int = 25
    abrupt_pace_pct: float = 20.0
    abrupt_loudness_db: float = 3.0
    abrupt_pitch_st: float = 2.0

    def __post_init__(self) -> None:
        checks = (
            ("pause_min_s", 0.05, 2.0),
            ("pitch_fmin_hz", 40.0, 200.0),
            ("pitch_fmax_hz", 150.0, 800.0),
            ("pitch_hop_length", 64, 4096),
            ("rate_min_words", 1, 20),
            ("remember_min_gap_s", 10.0, 1800.0),
            ("n_key_phrases", 1, 50),
            ("n_top_words", 5, 200),
            ("abrupt_pace_pct", 1.0, 100.0),
            ("abrupt_loudness_db", 0.5, 20.0),
            ("abrupt_pitch_st", 0.5, 12.0),
        )
        for name, lo, hi in checks:
            value = getattr(self, name)
            if not lo <= value <= hi:
                raise InvalidParameterError(f"MeasureOptions.{name} must be in [{lo}, {hi}], got {value}")
        if self.pitch_fmin_hz >= self.pitch_fmax_hz:
            raise InvalidParameterError(
                f"pitch_fmin_hz ({self.pitch_fmin_hz}) must be below pitch_fmax_hz ({self.pitch_fmax_hz})"
            )


@dataclass(frozen=True)
class QuestionClass:
    """Whether one sentence is a question, and which kind.

    Attributes
    ----------
    is_question : bool
    kind : str
        ``"wh"``, ``"yes_no"``, ``"tag"``, ``"alternative"``, ``"request"`` (a request that invites talk:
        "tell me about ..."), ``"declarative"`` (a statement asked: "?" or a rising pitch) or ``""`` when not a
        question.
    open : bool
        True for open questions (wh-questions, "how about ...", requests), False otherwise.
    cue : str
        The words that triggered the decision, for evidence.
    """

    is_question: bool
    kind: str = ""
    open: bool = False
    cue: str = ""


#: What a turn does, in the terms of MITI 4.2.1 (Moyers et al.) and the ESConv helper strategies (Liu et al. 2021):
#: asks, gives back what the other said (reflection), values their effort (affirmation), tells them what to do
#: (advice) or how things are (information), shares the speaker's own experience (self-disclosure), or none of these.
Behaviour = Literal["question", "reflection", "affirmation", "advice", "information", "self_disclosure", "other"]
#: Every :data:`Behaviour`, in the order a turn's main behaviour is chosen when it does several things.
BEHAVIOURS: tuple[str, ...] = ("self_disclosure", "affirmation", "advice", "reflection", "question", "information",
                               "other")


@dataclass(frozen=True)
class TurnCode:
    """What one turn does, coded as an expert listener would (:func:`pipeline.measures.helping.code_turn`).

    Attributes
    ----------
    behaviour : {"question", "reflection", "affirmation", "advice", "information", "self_disclosure", "other"}
        The turn's main behaviour: where its sentences do several things, the first of :data:`BEHAVIOURS`
        among them (a story of one's own, then an affirmation, before advice, a reflection, a question ...: the
        act ESConv's annotators named where a helper's turn did two).
    open : bool
        The turn asks an open question (what/how/why, or a request such as "tell me about ...").
    complex : bool
        The turn's reflection adds meaning or feeling beyond the other person's words (MITI 4.2.1 complex
        reflection); False for a simple one (a repeat or rephrase) or no reflection.
    permission : bool
        The turn's advice or information was asked for: the other person asked ("what should I do?") or agreed
        when the speaker offered ("would it help if I shared ...?" "Yes").
    cue : str
        The words that decided the main behaviour, for evidence ("" for "other").
    also : tuple of str
        The turn's other behaviours (a reflection followed by a question has ``behaviour="reflection"``,
        ``also=("question",)``), in :data:`BEHAVIOURS` order, without ``behaviour``.
    partnership : str
        The words with which the turn seeks collaboration or leaves the choice with the other person (MITI 4.2.1
        "Seek" and "Emphasize": "what ideas do you have?", "it's your call", "would it help if I shared ...?");
        "" where it does neither. Read beside the main behaviour, which it does not change.
    confronting : str
        The words with which the turn blames, criticises, labels or doubts the other person (MITI 4.2.1
        "Confront": "what were you thinking?", "that's just an excuse"); "" where it does not.
    """

    behaviour: Behaviour
    open: bool = False
    complex: bool = False
    permission: bool = False
    cue: str = ""
    also: tuple[str, ...] = ()
    partnership: str = ""
    confronting: str = ""

    def __post_init__(self) -> None:
        for b in (self.behaviour, *self.also):
            if b not in BEHAVIOURS:
                raise InvalidParameterError(f"TurnCode: behaviour {b!r} is not one of {BEHAVIOURS}")

    def has(self, behaviour: str) -> bool:
        """Whether the turn does ``behaviour``, as its main behaviour or one of the others."""
        return behaviour == self.behaviour or behaviour in self.also


@dataclass(frozen=True)
class ProsodyFeatures:
    """Acoustic features of one turn (None where the turn has no usable audio).

    Attributes
    ----------
    rms_db : float or None
        RMS level over voiced frames, dBFS (<= 0).
    f0_median_hz, f0_range_hz : float or None
        Median pitch and 10th-90th percentile range, Hz.
    f0_median_st, f0_range_st : float or None
        The same in semitones (median re 55 Hz; range as an interval).
    final_rise_st : float or None
        Pitch of the last voiced 300 ms minus the turn median, semitones.
    voiced_s : float
        Seconds of voiced frames found.
    """

    rms_db: float | None = None
    f0_median_hz: float | None = None
    f0_range_hz: float | None = None
    f0_median_st: float | None = None
    f0_range_st: float | None = None
    final_rise_st: float | None = None
    voiced_s: float = 0.0


@dataclass(frozen=True)
class TurnMeasures:
    """Everything measured on one turn (one row of ``turn_measures.csv``).

    Attributes
    ----------
    index, speaker, role, start_s, end_s : as in :class:`Turn`
    n_words : int
    speech_s : float
        First word start to last word end, seconds (the turn span without words).
    pace_wpm : float or None
        Words per minute over ``speech_s``; None under ``rate_min_words`` words.
    n_syllables : int
    articulation_sps : float or None
        Syllables per second over speech time minus pauses > ``pause_min_s``;
        None without word timings or under ``rate_min_words`` words.
    prosody : ProsodyFeatures
    gap_before_s : float or None
        Start of this turn minus end of the other speaker's previous turn
        (negative: overlap); None for the first turn or after the same speaker.
    is_backchannel : bool
    is_interruption : bool or None
        None where interruptions cannot be seen (one-channel audio: see
        ``overlaps_observable`` of :func:`pipeline.measures.session.measure_session`).
    question : QuestionClass
        The turn's strongest question sentence (or not a question).
    n_questions : int
        Question sentences in the turn.
    code : TurnCode
        What the turn does (:func:`pipeline.measures.helping.code_session`): the one question decision
        (``question`` is the question it asks), reflections, affirmations, advice with or without permission.
        ``TurnCode("other")`` in reports written before it was measured.
    """

    index: int
    speaker: str
    role: Role
    start_s: float
    end_s: float
    text: str
    n_words: int
    speech_s: float
    pace_wpm: float | None
    n_syllables: int
    articulation_sps: float | None
    prosody: ProsodyFeatures
    gap_before_s: float | None
    is_backchannel: bool
    is_interruption: bool | None
    question: QuestionClass
    n_questions: int
    code: TurnCode = TurnCode("other")


@dataclass(frozen=True)
class SpeakerSummary:
    """Per-speaker totals.

    Attributes
    ----------
    speaker, role : str
    n_turns : int
        Turns, backchannels included.
    speech_s : float
        Seconds speaking (union of the speaker's turn spans).
    talk_share : float
        ``speech_s`` over both speakers' speech seconds, 0-1 (silence excluded).
    pace_wpm : float or None
        All words over all speaking time (first word to last word, refined by
        the audio's speech edges) of the turns of at least ``rate_min_words``
        words: the definition the sample sessions' truth uses.
    articulation_sps : float or None
    rms_db, f0_median_hz, f0_range_st : float or None
        Means over turns (loudness: mean of turn levels, dBFS).
    n_questions, n_open_questions, n_backchannels : int
    n_interruptions : int or None
        None where interruptions cannot be seen (one-channel audio).
    questions_per_10min : float
    longest_monologue_s : float
    median_gap_s : float or None
        Median gap before this speaker's turns that follow the other speaker.
    key_phrases : tuple of str
    """

    speaker: str
    role: Role
    n_turns: int
    speech_s: float
    talk_share: float
    pace_wpm: float | None
    articulation_sps: float | None
    rms_db: float | None
    f0_median_hz: float | None
    f0_range_st: float | None
    n_questions: int
    n_open_questions: int
    n_backchannels: int
    n_interruptions: int | None
    questions_per_10min: float
    longest_monologue_s: float
    median_gap_s: float | None
    key_phrases: tuple[str, ...] = ()


@dataclass(frozen=True)
class EntrainmentResult:
    """Matching of one feature between two speakers (Levitan & Hirschberg 2011).

    Features are z-scored per speaker first. ``leader`` is the speaker whose
    turn comes first in each adjacent pair, ``follower`` the one who answers.

    Attributes
    ----------
    feature : str
        ``"pace_wpm"``, ``"rms_db"`` or ``"f0_median_st"``.
    follower, leader : str
    n_pairs : int
        Adjacent (leader turn, follower turn) pairs used.
    partner_similarity : float or None
        Mean of ``-|z_follower - z_leader|`` over adjacent pairs.
    baseline_similarity : float or None
        Mean of the same against the leader's non-adjacent turns.
    proximity : float or None
        ``partner_similarity - baseline_similarity`` (> 0: closer to the
        partner's adjacent turn than chance).
    proximity_p : float or None
        Paired t-test p-value of partner vs baseline similarity.
    convergence_r : float or None
        Pearson r of partner similarity against time (> 0: growing closer).
    similarity_first_half, similarity_second_half : float or None
    synchrony_r : float or None
        Pearson r of the follower's and leader's values over adjacent pairs.
    synchrony_p : float or None
    gradual_share : float or None
        Share of the follower's turn-to-turn changes below the abrupt threshold.
    proximity_ci95 : tuple of (float, float) or None
        95 % confidence interval of ``proximity`` (paired t), in z units.
    convergence_ci95, synchrony_ci95 : tuple of (float, float) or None
        95 % confidence intervals of the two r values (Fisher z), each within
        [-1, 1]; None with fewer than 4 pairs. With few pairs these are wide:
        a value whose interval crosses its good range's edge cannot tell the
        mentor anything (see :func:`pipeline.measures.indicator_spec.interval_confidence`).
    """

    feature: str
    follower: str
    leader: str
    n_pairs: int
    partner_similarity: float | None = None
    baseline_similarity: float | None = None
    proximity: float | None = None
    proximity_p: float | None = None
    convergence_r: float | None = None
    similarity_first_half: float | None = None
    similarity_second_half: float | None = None
    synchrony_r: float | None = None
    synchrony_p: float | None = None
    gradual_share: float | None = None
    proximity_ci95: tuple[float, float] | None = None
    convergence_ci95: tuple[float, float] | None = None
    synchrony_ci95: tuple[float, float] | None = None


@dataclass(frozen=True)
class SessionMeasures:
    """Output of :func:`pipeline.measures.session.measure_session`.

    Attributes
    ----------
    indicators : tuple of Indicator
        Every indicator, in the order of ``docs/indicators.md``; acoustic ones
        have ``available=False`` without audio.
    turn_measures : tuple of TurnMeasures
    speakers : tuple of SpeakerSummary
    entrainment : tuple of EntrainmentResult
        Mentor-follows-mentee matching per feature.
    duration_s : float
        First turn start to last turn end, seconds.
    acoustic : bool
        Whether loudness and pitch were measured: the audio was given, or the
        per-turn measures of an earlier run on it (``turn_acoustics``).
    options : MeasureOptions
    overlaps_observable : bool
        Whether the turns could show two people talking at once; when False
        the interruption indicators have ``available=False``.
    shared_phrases : tuple of SharedPhrase
        Key phrases one person said first and another took up, by first use.
    turn_times : str
        The ``turn_times`` measured with (:data:`TURN_TIMES`).
    events : tuple of SpeechEvent
        Interruptions and listening signals found from who spoke when, in time order (the per-turn
        ``is_interruption`` / ``is_backchannel`` and their indicators read these).
    """

    indicators: tuple[Indicator, ...]
    turn_measures: tuple[TurnMeasures, ...]
    speakers: tuple[SpeakerSummary, ...]
    entrainment: tuple[EntrainmentResult, ...]
    duration_s: float
    acoustic: bool
    options: MeasureOptions = field(default_factory=MeasureOptions)
    overlaps_observable: bool = True
    shared_phrases: tuple[SharedPhrase, ...] = ()
    turn_times: TurnTimes = "measured"
    events: tuple[SpeechEvent, ...] = ()
