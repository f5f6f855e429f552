"""The report (``report.json``) and what the report layer makes of it: cards, moments, feedback."""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.types.attribution import SpeakerCount, check_speaker_count
from pipeline.types.base import AttributionMethod, Confidence, InputKind, Status, TurnTimes
from pipeline.types.measures import (
    EntrainmentResult,
    Indicator,
    MeasureOptions,
    SharedPhrase,
    SpeakerSummary,
    TurnMeasures,
)
from pipeline.types.speech import ChannelOptions, DiarizeOptions, SpeakerInfo, SpeechEvent, TranscribeOptions, Turn


@dataclass(frozen=True)
class AnalyzeOptions:
    """Options of a whole analysis run (echoed in the report).

    Attributes
    ----------
    model : str
        Whisper model, ``"base"`` or ``"tiny.en"``.
    n_speakers : int or None
        Number of people, 1-4 (default 2, a mentoring pair); None: estimated from the voices (``--speakers auto``;
        ``attribution.speaker_count`` says how many and how sure).
    mentor : str or None
        Speaker label to treat as mentor; None guesses it by the stated rule.
    speaker_embeddings : bool
        Tell voices apart in one-channel audio by the speaker encoder's embeddings (default); False uses each
        window's MFCC statistics instead (``rapport analyze --no-encoder``; see docs/attribution.md).
    """

    model: str = "base"
    n_speakers: int | None = 2
    mentor: str | None = None
    speaker_embeddings: bool = True

    def __post_init__(self) -> None:
        check_speaker_count(self.n_speakers)


@dataclass(frozen=True)
class AttributionSummary:
    """How who-spoke-when was found (``report.json``'s ``attribution``).

    Attributes
    ----------
    method : str
        ``"channel"``, ``"segmentation"``, ``"embedding"``, ``"mfcc"`` or ``"transcript"``.
    confidence : str
        ``"high"``, ``"medium"`` or ``"low"``.
    separation : float or None
        How clearly the voices separate (:func:`pipeline.speech.speakercount.separation_score`); None for channels
        and transcripts.
    n_speakers_found : int
        Speakers found, >= 0.
    overlaps : tuple of (start_s, end_s)
        Stretches where two or more people speak at once, seconds.
    options : DiarizeOptions, ChannelOptions or None
        The options the attribution ran with; None for a transcript.
    speaker_count : SpeakerCount or None
        When the number of people was estimated (``n_speakers`` None): how many and how sure; None when it was
        given (and in a ``report.json`` made before counts were estimated).
    """

    method: AttributionMethod
    confidence: Confidence
    separation: float | None = None
    n_speakers_found: int = 0
    overlaps: tuple[tuple[float, float], ...] = ()
    options: DiarizeOptions | ChannelOptions | None = None
    speaker_count: SpeakerCount | None = None


@dataclass(frozen=True)
class Report:
    """Everything Rapport knows about one session; ``report.json`` is this, serialised.

    Attributes
    ----------
    source_name, sha256 : str
        The input file's name and content hash.
    duration_s : float
        Length of the recording (or transcript), seconds.
    input_kind : str
        ``"audio"`` or ``"transcript"`` (acoustic measures unavailable).
    model_name : str
        Whisper model used ("" for transcript input).
    pipeline_version : str
        Version of Rapport that made it.
    attribution_method : str
        ``"channel"``, ``"segmentation"``, ``"embedding"``, ``"mfcc"`` or ``"transcript"``.
    attribution_confidence : str
        ``"high"``, ``"medium"`` or ``"low"``.
    speakers : tuple of SpeakerInfo
    turns : tuple of Turn
    indicators : tuple of Indicator
    options : AnalyzeOptions
    warnings : tuple of str
        Why the analysis may be unreliable (see :func:`pipeline.speech.quality.check_quality`):
        no speech, another language, music or noise, clipping, telephone-band audio.
        Empty for an ordinary recording.
    shared_phrases : tuple of SharedPhrase
        Key phrases one person said first and another took up, by first use
        (:attr:`SessionMeasures.shared_phrases`); empty where the transcript is
        not kept, and in a ``report.json`` made before version 0.2.6.
    turn_times : str
        Where the turns' times come from (:data:`TURN_TIMES`): ``"measured"`` (audio, or a
        transcript whose cues have start and end), ``"starts"`` (a transcript that gives
        when each turn starts only: ends estimated), ``"none"`` (no times: turns placed at
        150 words per minute). Pace, pauses and interruptions need ``"measured"``.
    transcript_unreliable : bool
        True when the quality check found the words themselves doubtful (no speech, another language, music):
        every indicator is then capped at "low" confidence, and re-measuring the report (after a role edit)
        keeps the cap (:func:`pipeline.measures.confidence.session_confidence`).
    attribution : AttributionSummary or None
        How who-spoke-when was found; None in a ``report.json`` made before version 0.4.0.
    turn_measures : tuple of TurnMeasures
        Everything measured on each turn, in turn order: pace, loudness, pitch, the question decision,
        listening signals, interruptions. Every output (cards, transcript, CSV, HTML, the store's
        baselines) reads these, and re-measuring after a role edit reuses their audio measures instead
        of decoding the audio again.
    speaker_summaries : tuple of SpeakerSummary
        Per-speaker totals.
    entrainment : tuple of EntrainmentResult
        Mentor-follows-mentee matching per feature.
    measure_options : MeasureOptions
        The options the measures ran with.
    events : tuple of SpeechEvent
        Interruptions and listening signals found from who spoke when (not from the words), in time order,
        each with its confidence and its moment to replay (:attr:`SessionMeasures.events`); empty in a
        ``report.json`` made before version 0.5.0.
    transcription : TranscribeOptions or None
        How the words were transcribed from audio: decoding (batched or sequential), batch size, CTranslate2
        threads, device and compute type, beam, language; None for a transcript, and in a ``report.json``
        written before it was stated.
    """

    source_name: str
    sha256: str
    duration_s: float
    input_kind: InputKind
    model_name: str
    pipeline_version: str
    attribution_method: AttributionMethod
    attribution_confidence: Confidence
    speakers: tuple[SpeakerInfo, ...]
    turns: tuple[Turn, ...]
    indicators: tuple[Indicator, ...] = ()
    options: AnalyzeOptions = field(default_factory=AnalyzeOptions)
    warnings: tuple[str, ...] = ()
    shared_phrases: tuple[SharedPhrase, ...] = ()
    turn_times: TurnTimes = "measured"
    transcript_unreliable: bool = False
    attribution: AttributionSummary | None = None
    turn_measures: tuple[TurnMeasures, ...] = ()
    speaker_summaries: tuple[SpeakerSummary, ...] = ()
    entrainment: tuple[EntrainmentResult, ...] = ()
    measure_options: MeasureOptions = field(default_factory=MeasureOptions)
    events: tuple[SpeechEvent, ...] = ()
    transcription: TranscribeOptions | None = None


@dataclass(frozen=True)
class IndicatorCard:
    """An indicator formatted for a headline card.

    Attributes
    ----------
    id, name, category : str
        As in :class:`Indicator`.
    value_text : str
        Value with its unit, e.g. ``"42 %"``; ``"n/a"`` when unavailable.
    band_text : str
        The reference band in words, e.g. ``"good: 35-65 %"``; ``""`` when none.
    status : str
        ``"in band"``, ``"below"``, ``"above"``, ``"no band"`` or ``"not available"``.
    meaning : str
        One line in the course's language.
    confidence : str
        ``"high"``, ``"medium"`` or ``"low"``.
    interval_text : str
        The value's 95 % interval in words, e.g. ``"95 % interval: 38–60 %"``;
        ``""`` when the indicator has none or is unavailable.
    """

    id: str
    name: str
    category: str
    value_text: str
    band_text: str
    status: Status
    meaning: str
    confidence: Confidence
    interval_text: str = ""


@dataclass(frozen=True)
class Moment:
    """A replayable moment that supports an indicator ("moments worth a look")."""

    indicator_id: str
    indicator_name: str
    start_s: float
    end_s: float
    speaker: str
    quote: str
    note: str = ""


@dataclass(frozen=True)
class FeedbackPoint:
    """One line of the at-a-glance feedback: an indicator inside or outside its good range, and what it means to do.

    Attributes
    ----------
    indicator_id, name, category : str
        As in :class:`Indicator`.
    value_text, band_text : str
        As on the indicator's card (``"62 %"``, ``"good: 20–45 %"``).
    status : str
        ``"in band"`` (went well), ``"below"`` or ``"above"`` (to try).
    advice : str
        One sentence in the course's terms: what went well, or what to try next time.
    severity : float
        How far outside the good range, in band widths (or in units of the
        band's one end, at least 1); 0.0 for what went well. >= 0.
    moment : Moment or None
        The indicator's strongest evidence, for replay; None when it has none
        (e.g. a count of 0).
    """

    indicator_id: str
    name: str
    category: str
    value_text: str
    band_text: str
    status: Status
    advice: str
    severity: float
    moment: Moment | None = None


@dataclass(frozen=True)
class Feedback:
    """What went well and what to try next time, from a report's indicators.

    Attributes
    ----------
    went_well, to_try : tuple of FeedbackPoint
        At most ``n_points`` each, at most one per theme;
        ``to_try`` worst first, what never happened (a count of 0) after the rest.
    n_considered : int
        Indicators that could count: available, with a good range, confidence
        at least ``min_confidence``.
    n_points : int
        Echo of the option used.
    min_confidence : str
        Echo of the option used.
    too_few_to_tell : tuple of str
        Names of the indicators with advice and a good range left out because
        their 95 % interval reaches both sides of an edge of it: the session
        cannot tell which side the mentor is on (a longer one could).
    """

    went_well: tuple[FeedbackPoint, ...]
    to_try: tuple[FeedbackPoint, ...]
    n_considered: int
    n_points: int
    min_confidence: Confidence
    too_few_to_tell: tuple[str, ...] = ()
