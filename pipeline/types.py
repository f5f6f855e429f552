"""Result and option types of every pipeline stage.

All types are frozen dataclasses; collections are tuples; units are in field
names (``start_s``, ``rms_db``, ``pace_wpm``). Change a value with
:func:`dataclasses.replace`. Each stage has one ``...Options`` dataclass with
documented defaults, and its result echoes the options it was run with.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from pipeline.errors import InvalidParameterError

#: Sample rate every stage works at, in Hz. Whisper, Silero VAD and the
#: speaker encoder all expect 16 kHz.
SAMPLE_RATE_HZ = 16_000


# --------------------------------------------------------------------------
# Audio
# --------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Recording:
    """Decoded audio of one session.

    Attributes
    ----------
    samples : np.ndarray
        float32, shape ``(n_channels, n_samples)``, values in [-1, 1].
        Stereo files keep both channels (one person per channel in
        dual-channel set-ups); files with more than two channels are mixed
        down to mono.
    sr : int
        Sample rate in Hz (always :data:`SAMPLE_RATE_HZ` from the loader).
    source_name : str
        File name the audio came from (no directory part), for display.
    sha256 : str
        Hex SHA-256 of the source file's bytes: identifies the session.
    """

    samples: np.ndarray
    sr: int
    source_name: str
    sha256: str

    def __post_init__(self) -> None:
        if self.samples.ndim != 2:
            raise InvalidParameterError(
                f"Recording.samples must have shape (n_channels, n_samples), got {self.samples.shape}"
            )
        if self.sr <= 0:
            raise InvalidParameterError(f"Recording.sr must be positive, got {self.sr}")

    @property
    def n_channels(self) -> int:
        """Number of channels kept (1 or 2)."""
        return int(self.samples.shape[0])

    @property
    def n_samples(self) -> int:
        """Samples per channel."""
        return int(self.samples.shape[1])

    @property
    def duration_s(self) -> float:
        """Duration in seconds."""
        return self.n_samples / self.sr

    def mono(self) -> np.ndarray:
        """Channel mean, float32, shape ``(n_samples,)``."""
        if self.n_channels == 1:
            return self.samples[0]
        return self.samples.mean(axis=0, dtype=np.float32)


# --------------------------------------------------------------------------
# Transcription
# --------------------------------------------------------------------------


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
    """Options of :func:`pipeline.transcribe.transcribe`.

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
        flat in the session's length.
    cut_search_s : float
        How far before a window boundary to look for a silence to cut at, s.
    """

    language: str | None = "en"
    beam_size: int = 5
    vad_filter: bool = True
    window_s: float = 300.0
    cut_search_s: float = 20.0

    def __post_init__(self) -> None:
        if not 1 <= self.beam_size <= 10:
            raise InvalidParameterError(f"beam_size must be 1-10, got {self.beam_size}")
        if not 30.0 <= self.window_s <= 1800.0:
            raise InvalidParameterError(f"window_s must be 30-1800 seconds, got {self.window_s}")
        if not 0.0 <= self.cut_search_s < self.window_s:
            raise InvalidParameterError(
                f"cut_search_s must be in [0, window_s), got {self.cut_search_s}"
            )


@dataclass(frozen=True)
class Transcript:
    """Output of :func:`pipeline.transcribe.transcribe`."""

    segments: tuple[Segment, ...]
    language: str
    duration_s: float
    model_name: str
    options: TranscribeOptions = field(default_factory=TranscribeOptions)

    @property
    def words(self) -> tuple[Word, ...]:
        """All words in time order."""
        return tuple(w for s in self.segments for w in s.words)

    @property
    def text(self) -> str:
        """Plain text of the whole transcript."""
        return " ".join(s.text for s in self.segments).strip()


# --------------------------------------------------------------------------
# Speakers and turns (issue 3)
# --------------------------------------------------------------------------


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
    role: str
    start_s: float
    end_s: float
    text: str
    words: tuple[Word, ...] = ()
    overlap: bool = False

    @property
    def duration_s(self) -> float:
        return self.end_s - self.start_s


# --------------------------------------------------------------------------
# Measures and indicators (issue 4)
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Evidence:
    """A moment that supports an indicator: replayable, quotable."""

    start_s: float
    end_s: float
    speaker: str
    quote: str
    note: str = ""


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
    confidence : str
        ``"high"``, ``"medium"`` or ``"low"``.
    evidence : tuple of Evidence
        Moments that support the value, strongest first.
    available : bool
        False when the input cannot support it (e.g. acoustic measures on a
        transcript without audio).
    category : str
        Course theme: ``"matching"``, ``"questions"``, ``"listening"``,
        ``"remembering"``, ``"sharing"``, ``"confidentiality"``, ``"safety"``.
    """

    id: str
    name: str
    value: float | None
    unit: str
    band_low: float | None
    band_high: float | None
    band_source: str
    explanation: str
    confidence: str
    evidence: tuple[Evidence, ...] = ()
    available: bool = True
    category: str = ""


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
        ``"guessed"`` (by the stated rule) or ``"set"`` (by the user).
    display_name : str
        Name shown in the report (defaults to the label).
    """

    label: str
    role: str
    role_source: str = "guessed"
    display_name: str = ""


@dataclass(frozen=True)
class AnalyzeOptions:
    """Options of a whole analysis run (echoed in the report).

    Attributes
    ----------
    model : str
        Whisper model, ``"base"`` or ``"tiny.en"``.
    n_speakers : int
        Number of people, 1-4 (default 2, a mentoring pair).
    mentor : str or None
        Speaker label to treat as mentor; None guesses it by the stated rule.
    """

    model: str = "base"
    n_speakers: int = 2
    mentor: str | None = None

    def __post_init__(self) -> None:
        if not 1 <= self.n_speakers <= 4:
            raise InvalidParameterError(f"n_speakers must be 1-4, got {self.n_speakers}")


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
        ``"channel"``, ``"embedding"``, ``"mfcc"`` or ``"transcript"``.
    attribution_confidence : str
        ``"high"``, ``"medium"`` or ``"low"``.
    speakers : tuple of SpeakerInfo
    turns : tuple of Turn
    indicators : tuple of Indicator
    options : AnalyzeOptions
    """

    source_name: str
    sha256: str
    duration_s: float
    input_kind: str
    model_name: str
    pipeline_version: str
    attribution_method: str
    attribution_confidence: str
    speakers: tuple[SpeakerInfo, ...]
    turns: tuple[Turn, ...]
    indicators: tuple[Indicator, ...] = ()
    options: AnalyzeOptions = field(default_factory=AnalyzeOptions)


# --------------------------------------------------------------------------
# Report presentation (issue 5)
# --------------------------------------------------------------------------


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
    """

    id: str
    name: str
    category: str
    value_text: str
    band_text: str
    status: str
    meaning: str
    confidence: str


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
class SharedPhrase:
    """A key phrase one person said first and the other took up.

    Attributes
    ----------
    phrase : str
        Lower-case phrase of 1-3 content words.
    first_speaker : str
        Label of who said it first.
    first_s : float
        When they first said it, seconds.
    taken_up_by : str
        Label of the other person who used it afterwards.
    taken_up_s : float
        When it was first taken up, seconds (> ``first_s``).
    n_uses : int
        Times it occurs in the whole session (both people).
    """

    phrase: str
    first_speaker: str
    first_s: float
    taken_up_by: str
    taken_up_s: float
    n_uses: int
