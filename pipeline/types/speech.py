"""Words, speakers and turns: what transcription, attribution, transcript parsing and the quality check produce."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import get_args

from pipeline.errors import InvalidParameterError
from pipeline.types.attribution import ChannelOptions, DiarizeOptions, SpeakerCount
from pipeline.types.base import (
    OVERLAP_METHODS,
    AttributionMethod,
    Confidence,
    Decoding,
    EventKind,
    Role,
    RoleSource,
    TurnTimes,
    check_range,
)


@dataclass(frozen=True)
class Word:
    """One recognised word.

    Attributes
    ----------
    text : str
        The word as Whisper wrote it, stripped of surrounding spaces.
    start_s, end_s : float
        Time in the recording, seconds, ``0 <= start_s <= end_s``.
    probability : float
        Whisper's word probability in [0, 1].
    speaker : str or None
        Speaker label (``"S1"``...) once attributed; None before.
    overlap : bool
        True when another speaker talks over this word.
    """

    text: str
    start_s: float
    end_s: float
    probability: float
    speaker: str | None = None
    overlap: bool = False


@dataclass(frozen=True)
class Segment:
    """A run of words Whisper decoded together (roughly a phrase or sentence)."""

    start_s: float
    end_s: float
    text: str
    words: tuple[Word, ...]
    avg_logprob: float = 0.0
    no_speech_prob: float = 0.0


@dataclass(frozen=True)
class TranscribeOptions:
    """Options of :func:`pipeline.speech.transcribe.transcribe`.

    Attributes
    ----------
    language : str or None
        ISO code passed to Whisper; ``"en"`` by default (the measures are
        English). None lets Whisper detect it.
    beam_size : int
        Beam width, 1-10. 5 is faster-whisper's default.
    vad_filter : bool
        Skip non-speech with the Silero VAD shipped in faster-whisper.
    window_s : float
        Long recordings are transcribed in windows of about this length,
        30-1800 s, cut at the quietest point near each boundary, so memory stays
        flat in the session's length (batched decoding: groups of speech chunks
        of at most this much audio).
    cut_search_s : float
        How far before a window boundary to look for a silence to cut at, s.
    decoding : {"batched", "sequential"}
        ``"batched"`` (default): speech chunks of up to 30 s, cut at the speech
        regions, decoded ``batch_size`` at a time by faster-whisper's
        ``BatchedInferencePipeline`` (about half the time on CPU, the same WER).
        ``"sequential"``: ``WhisperModel.transcribe`` window after window, with
        temperature fallback, the plain way; better when a recording is mostly
        one long monologue with few pauses, or to compare with earlier reports.
    batch_size : int
        Chunks decoded at once, 1-64; 0 takes the model's choice for the machine
        (:attr:`models.AsrModel.batch_size`). The transcript echoes the number used.
    cpu_threads : int
        CTranslate2 threads the model runs with, >= 0 (0: not known). Set from the
        loaded model, so the report states it; it does not change the model.
    device, compute_type : str
        Where and how the model ran (``"cpu"``/``"int8"``, ``"cuda"``/``"float16"``);
        ``""`` when not known. Echoes, like ``cpu_threads``.
    """

    language: str | None = "en"
    beam_size: int = 5
    vad_filter: bool = True
    window_s: float = 300.0
    cut_search_s: float = 20.0
    decoding: Decoding = "batched"
    batch_size: int = 0
    cpu_threads: int = 0
    device: str = ""
    compute_type: str = ""

    def __post_init__(self) -> None:
        if not 1 <= self.beam_size <= 10:
            raise InvalidParameterError(f"beam_size must be 1-10, got {self.beam_size}")
        if not 30.0 <= self.window_s <= 1800.0:
            raise InvalidParameterError(f"window_s must be 30-1800 seconds, got {self.window_s}")
        if not 0.0 <= self.cut_search_s < self.window_s:
            raise InvalidParameterError(
                f"cut_search_s must be in [0, window_s), got {self.cut_search_s}"
            )
        if self.decoding not in get_args(Decoding):
            raise InvalidParameterError(f"decoding must be one of {get_args(Decoding)}, got {self.decoding!r}")
        if not 0 <= self.batch_size <= 64:
            raise InvalidParameterError(f"batch_size must be 0-64 (0: the model's choice), got {self.batch_size}")
        if self.cpu_threads < 0:
            raise InvalidParameterError(f"cpu_threads must be >= 0, got {self.cpu_threads}")


@dataclass(frozen=True)
class Transcript:
    """Output of :func:`pipeline.speech.transcribe.transcribe`.

    Attributes
    ----------
    segments : tuple of Segment
    language : str
        The language Whisper transcribed in (``options.language`` when given).
    duration_s : float
    model_name : str
    options : TranscribeOptions
        As run: batch size, threads, device and compute type filled in.
    detected_language : (str, float) or None
        What the spoken language sounds like to Whisper, and its probability, read off the encoder output of
        the first speech chunk that batched decoding computed anyway (no extra pass); None when not read
        (sequential decoding, an English-only model, no speech).
    """

    segments: tuple[Segment, ...]
    language: str
    duration_s: float
    model_name: str
    options: TranscribeOptions = field(default_factory=TranscribeOptions)
    detected_language: tuple[str, float] | None = None

    @property
    def words(self) -> tuple[Word, ...]:
        """All words in time order."""
        return tuple(w for s in self.segments for w in s.words)

    @property
    def text(self) -> str:
        """Plain text of the whole transcript."""
        return " ".join(s.text for s in self.segments).strip()


@dataclass(frozen=True)
class SpeakerSegment:
    """A stretch of time attributed to one speaker (an RTTM row)."""

    speaker: str
    start_s: float
    end_s: float


@dataclass(frozen=True)
class Turn:
    """Consecutive words of one speaker.

    Attributes
    ----------
    index : int
        Position in the session, from 0.
    speaker : str
        Speaker label, e.g. ``"S1"`` or a name from a transcript.
    role : str
        ``"mentor"``, ``"mentee"`` or ``"other"``.
    start_s, end_s : float
        Time span in seconds.
    text : str
        The words joined.
    words : tuple of Word
        Word timings; empty when the turn came from a transcript without them.
    overlap : bool
        True when the other person was speaking during part of this turn.
    """

    index: int
    speaker: str
    role: Role
    start_s: float
    end_s: float
    text: str
    words: tuple[Word, ...] = ()
    overlap: bool = False

    @property
    def duration_s(self) -> float:
        return self.end_s - self.start_s


@dataclass(frozen=True)
class Diarization:
    """Who spoke when, from the audio alone.

    Attributes
    ----------
    segments : tuple of SpeakerSegment
        In start order; one speaker's segments never overlap each other, but
        two speakers' segments may (overlapping speech).
    overlaps : tuple of (start_s, end_s)
        Stretches where two or more people speak at once.
    speakers : tuple of str
        Labels in order of first speech (``"S1"`` speaks first).
    method : str
        ``"channel"``, ``"segmentation"`` (overlap-aware, one channel),
        ``"embedding"`` or ``"mfcc"``.
    confidence : str
        ``"high"``, ``"medium"`` or ``"low"``.
    separation : float
        How clearly the voices separate (see
        :func:`pipeline.speech.speakercount.separation_score`); ``inf`` for channels.
    duration_s : float
        Length of the recording, seconds.
    options : ChannelOptions or DiarizeOptions
        The options used.
    extra_voice : bool
        True when the voices split into one group more than ``n_speakers`` at
        least as clearly (more people than asked for); confidence is then "low".
    speaker_count : SpeakerCount or None
        The estimated number of people when ``options.n_speakers`` was None
        (:func:`pipeline.speech.speakercount.estimate_speaker_count`); None when it was given.
    """

    segments: tuple[SpeakerSegment, ...]
    overlaps: tuple[tuple[float, float], ...]
    speakers: tuple[str, ...]
    method: AttributionMethod
    confidence: Confidence
    separation: float
    duration_s: float
    options: ChannelOptions | DiarizeOptions = field(default_factory=DiarizeOptions)
    extra_voice: bool = False
    speaker_count: SpeakerCount | None = None

    @classmethod
    def no_speech(cls, method: AttributionMethod, duration_s: float,
                  options: ChannelOptions | DiarizeOptions) -> Diarization:
        """The attribution of a recording in which nobody was heard: no segments, no speakers, and confidence
        ``"low"`` (there is no voice to be sure of; the quality check says why)."""
        return cls((), (), (), method, "low", float("inf"), duration_s, options)

    @property
    def detects_overlaps(self) -> bool:
        """Whether this attribution can see two people at once (``method`` in :data:`OVERLAP_METHODS`)."""
        return self.method in OVERLAP_METHODS


@dataclass(frozen=True)
class EventOptions:
    """Options of :func:`pipeline.speech.events.find_events`: what counts as an interruption or a backchannel.

    Attributes
    ----------
    backchannel_max_s : float
        A listening sound lasts at most this long, seconds (0.2-3, default 1.2: "mm-hm", "yeah, right").
    backchannel_gap_s : float
        ...and the other person speaks no further than this before it starts and after it ends (inside their
        speech: they go on), seconds (0-3, default 1.5).
    interruption_min_overlap_s : float
        An interruption starts at least this long before the other person stops, seconds (0-2, default 0.2).
    interruption_yield_s : float
        ...and the other person stops within this long after it starts, seconds (0.2-10, default 2.0).
    """

    backchannel_max_s: float = 1.2
    backchannel_gap_s: float = 1.5
    interruption_min_overlap_s: float = 0.2
    interruption_yield_s: float = 2.0

    def __post_init__(self) -> None:
        check_range("backchannel_max_s", self.backchannel_max_s, 0.2, 3.0)
        check_range("backchannel_gap_s", self.backchannel_gap_s, 0.0, 3.0)
        check_range("interruption_min_overlap_s", self.interruption_min_overlap_s, 0.0, 2.0)
        check_range("interruption_yield_s", self.interruption_yield_s, 0.2, 10.0)


@dataclass(frozen=True)
class SpeechEvent:
    """Two voices at once, found from who-spoke-when (not from the words): :func:`pipeline.speech.events.find_events`.

    Attributes
    ----------
    kind : str
        ``"interruption"``: ``speaker`` starts while ``other`` is speaking and ``other`` stops soon after;
        ``"backchannel"``: a short burst of ``speaker`` inside ``other``'s speech, after which ``other`` goes on.
    speaker, other : str
        Who makes the sound, and who was speaking.
    start_s, end_s : float
        Interruption: from ``speaker``'s start to the moment ``other`` stops (the overlap). Backchannel: the
        burst itself. Seconds; ``start_s`` is the moment to replay.
    confidence : str
        How sure the attribution is of two voices at once: ``"high"`` with one channel per person, the
        overlap-aware diarizer's confidence otherwise (at most ``"medium"``).
    """

    kind: EventKind
    speaker: str
    other: str
    start_s: float
    end_s: float
    confidence: Confidence = "high"


@dataclass(frozen=True)
class AttributionOptions:
    """Options of :func:`pipeline.speech.turns.attribute_words`.

    Attributes
    ----------
    nearest_when_unmatched : bool
        A word that overlaps no speaker segment goes to the nearest segment's
        speaker (True, default) or stays unattributed (False, ``speaker=None``).
    max_nearest_s : float
        Only segments within this many seconds count as nearest, 0-60.
    overlap_min_fraction : float
        A word is marked ``overlap`` when at least this fraction of it lies in
        an overlap stretch, 0-1.
    """

    nearest_when_unmatched: bool = True
    max_nearest_s: float = 2.0
    overlap_min_fraction: float = 0.5

    def __post_init__(self) -> None:
        check_range("max_nearest_s", self.max_nearest_s, 0.0, 60.0)
        check_range("overlap_min_fraction", self.overlap_min_fraction, 0.0, 1.0)


@dataclass(frozen=True)
class TurnOptions:
    """Options of :func:`pipeline.speech.turns.build_turns`.

    Attributes
    ----------
    max_gap_s : float
        Words of one speaker further apart than this start a new turn, seconds,
        0.1-60.
    """

    max_gap_s: float = 3.0

    def __post_init__(self) -> None:
        check_range("max_gap_s", self.max_gap_s, 0.1, 60.0)


@dataclass(frozen=True)
class RoleOptions:
    """Options of :func:`pipeline.measures.roles.assign_roles`.

    Attributes
    ----------
    mentor : str or None
        Speaker label set by the user as mentor (role_source "set"); None
        guesses by the stated rule.
    """

    mentor: str | None = None


@dataclass(frozen=True)
class SpeakerInfo:
    """A person in the session.

    Attributes
    ----------
    label : str
        Label used in turns (``"S1"``, or a name from a transcript).
    role : str
        ``"mentor"``, ``"mentee"`` or ``"other"``.
    role_source : str
        ``"guessed"`` (by the stated rule), ``"named"`` (the speakers' names say who helps: "Therapist",
        "Client") or ``"set"`` (by the user).
    display_name : str
        Name shown in the report (defaults to the label).
    """

    label: str
    role: Role
    role_source: RoleSource = "guessed"
    display_name: str = ""


@dataclass(frozen=True)
class ParsedTranscript:
    """Output of :func:`pipeline.io.transcripts.read_transcript`.

    Attributes
    ----------
    turns : tuple of Turn
        In time order, indexed from 0, role ``"other"``.
    turn_times : str
        Where their times come from (:data:`TURN_TIMES`): ``"measured"`` for VTT/SRT cues
        and ``turns.json``, ``"starts"`` for text that dates turns (``Name  0:03``,
        ``[00:01:02] Name:``, time lines), ``"none"`` for text without any time.
    warnings : tuple of str
        What in the transcript may mislead the measures, one sentence each, for the report's warnings: broken
        times (a cue ending before it starts, times going backwards, an implausible silence), then speaker
        names that may be typos of another's (:mod:`pipeline.io.transcript_checks`).
    times_unreliable : bool
        Whether the times are broken (the first kind of warning): the session's measures are then capped at
        "low" confidence, as for a doubtful transcript (``Report.transcript_unreliable``).
    """

    turns: tuple[Turn, ...]
    turn_times: TurnTimes = "measured"
    warnings: tuple[str, ...] = ()
    times_unreliable: bool = False


#: Where turn times come from: measured (audio, or transcript cues with start and end), the starts only (ends
#: estimated), or none (turns placed at 150 words per minute). See :attr:`Report.turn_times`.
TURN_TIMES: tuple[str, ...] = get_args(TurnTimes)


@dataclass(frozen=True)
class QualityOptions:
    """Options of :func:`pipeline.speech.quality.check_quality`: when a recording is flagged as unreliable.

    Attributes
    ----------
    clip_level : float
        A sample with ``|x| >= clip_level`` counts as clipped, 0.5-1.0.
    max_clipped_share : float
        Flag clipping when more than this share of samples is clipped, 0-1
        (default 0.001: 0.1 %; clean speech has none).
    min_source_sr : int
        Flag recordings whose original sample rate is below this, Hz (default
        16000, what Whisper is trained on; telephone audio is 8000).
    min_language_probability : float
        With a multilingual Whisper model, flag the recording when English is
        detected with a lower probability than this, 0-1.
    min_word_probability : float
        Flag the transcript when Whisper's mean word probability is below
        this, 0-1 (clear English speech: about 0.8-0.9; foreign speech, music
        or noise transcribed as English: far lower).
    min_words_per_speech_min : float
        Flag the transcript when fewer words than this come out per minute of
        detected speech, 0-300 (conversation: 120-180; music: few).
    min_speech_s : float
        Detected speech shorter than this, seconds, is flagged as "almost no
        speech", 0-600.
    max_phrase_repeats : int
        Flag the transcript as recognition unsure when one phrase of at least
        ``loop_min_words`` words comes out more than this many times in a row,
        1-20 (default 2): Whisper loops ("I'm going to go to the mountain, and
        I'm going to go to the mountain, and ...") on audio it cannot make out,
        often with confident words.
    loop_min_words : int
        Fewest words of a phrase counted for ``max_phrase_repeats``, 2-20
        (default 5; people repeat short phrases, "I don't know, I don't know").
    """

    clip_level: float = 0.99
    max_clipped_share: float = 0.001
    min_source_sr: int = 16_000
    min_language_probability: float = 0.8
    min_word_probability: float = 0.6
    min_words_per_speech_min: float = 60.0
    min_speech_s: float = 10.0
    max_phrase_repeats: int = 2
    loop_min_words: int = 5

    def __post_init__(self) -> None:
        check_range("clip_level", self.clip_level, 0.5, 1.0)
        check_range("max_phrase_repeats", self.max_phrase_repeats, 1, 20)
        check_range("loop_min_words", self.loop_min_words, 2, 20)
        check_range("max_clipped_share", self.max_clipped_share, 0.0, 1.0)
        check_range("min_source_sr", self.min_source_sr, 0, 192_000)
        check_range("min_language_probability", self.min_language_probability, 0.0, 1.0)
        check_range("min_word_probability", self.min_word_probability, 0.0, 1.0)
        check_range("min_words_per_speech_min", self.min_words_per_speech_min, 0.0, 300.0)
        check_range("min_speech_s", self.min_speech_s, 0.0, 600.0)


@dataclass(frozen=True)
class QualityCheck:
    """What :func:`pipeline.speech.quality.check_quality` found.

    Attributes
    ----------
    warnings : tuple of str
        One plain sentence per problem found, in a fixed order; empty when none.
    transcript_unreliable : bool
        True when the words themselves are doubtful (no speech, another
        language, music/noise): every indicator is then capped at "low".
    clipped_share : float
        Share of samples at or above ``clip_level``, 0-1.
    source_sr : int
        The file's original sample rate, Hz (0: unknown).
    language : str
        Language Whisper detected ("" when the model is English-only).
    language_probability : float or None
        Its probability, 0-1; None when not detected.
    mean_word_probability : float or None
        Mean of Whisper's word probabilities, 0-1; None without words.
    speech_s : float
        Detected speech (union of the attributed segments), seconds.
    words_per_speech_min : float or None
        Words per minute of detected speech; None under 1 s of speech.
    options : QualityOptions
    """

    warnings: tuple[str, ...]
    transcript_unreliable: bool
    clipped_share: float
    source_sr: int
    language: str
    language_probability: float | None
    mean_word_probability: float | None
    speech_s: float
    words_per_speech_min: float | None
    options: QualityOptions = field(default_factory=QualityOptions)
