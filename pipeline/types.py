"""Result and option types of every pipeline stage.

All types are frozen dataclasses; collections are tuples; units are in field
names (``start_s``, ``rms_db``, ``pace_wpm``). Change a value with
:func:`dataclasses.replace`. Each stage has one ``...Options`` dataclass with
documented defaults, and its result echoes the options it was run with.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

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
    source_sr : int
        Sample rate of the file before resampling, Hz (0: unknown, e.g. built
        in memory). Below 16000 the recording carries less than Whisper expects.
    mono_samples : np.ndarray or None
        The channel mean, shape ``(n_samples,)``, when the loader made it while
        decoding (stereo files); None lets :meth:`mono` compute it.
    """

    samples: np.ndarray
    sr: int
    source_name: str
    sha256: str
    source_sr: int = 0
    mono_samples: np.ndarray | None = field(default=None, repr=False, compare=False)

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
        """Channel mean, float32, shape ``(n_samples,)`` (a view when the loader made it or there is one channel)."""
        if self.n_channels == 1:
            return self.samples[0]
        # only the loader's own mix: same length and the same buffer (a ``replace(samples=...)`` drops it)
        if (self.mono_samples is not None and self.mono_samples.shape == (self.n_samples,)
                and root_buffer(self.mono_samples) is root_buffer(self.samples)):
            return self.mono_samples
        return self.samples.mean(axis=0, dtype=np.float32)


def root_buffer(a: np.ndarray):
    """The object at the bottom of an array's chain of views (itself when it owns its data)."""
    while isinstance(a.base, np.ndarray):
        a = a.base
    return a.base if a.base is not None else a


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


def _check_range(name: str, value: float, lo: float, hi: float) -> None:
    if not lo <= value <= hi:
        raise InvalidParameterError(f"{name} must be in [{lo}, {hi}], got {value}")


@dataclass(frozen=True)
class ChannelOptions:
    """Options of :func:`pipeline.channels.diarize_channels` (one person per channel).

    Attributes
    ----------
    frame_length, hop_length : int
        Level frames in samples at 16 kHz (25 ms / 10 ms by default).
    floor_percentile : float
        Percentile of a channel's frame levels taken as its noise floor, 1-50.
    active_db_above_floor : float
        A channel is active only where its level is at least this far above
        its own noise floor, dB, 3-60.
    crosstalk_db : float
        Margin over the measured bleed of the other channel, dB, 0-40: the other
        person's voice leaking into this channel (typically 6 dB or more below
        the speaker's own channel) never counts as this channel speaking.
    min_silence_s : float
        Pauses of one speaker shorter than this are bridged (sentence pauses
        inside a turn), seconds, 0-3.
    min_speech_s : float
        Activity shorter than this is dropped (clicks), seconds, 0-2.
    distinct_min_fraction : float
        A stereo file counts as dual-channel when at least this fraction of its
        speech frames is dominated (by ``crosstalk_db``) by each channel, 0-0.5.
    identical_correlation : float
        Channels whose sample correlation is at least this are one signal
        (mono stored as stereo), 0.5-1.
    """

    frame_length: int = 400
    hop_length: int = 160
    floor_percentile: float = 10.0
    active_db_above_floor: float = 10.0
    crosstalk_db: float = 6.0
    min_silence_s: float = 0.8
    min_speech_s: float = 0.1
    distinct_min_fraction: float = 0.05
    identical_correlation: float = 0.98

    def __post_init__(self) -> None:
        if not 16 <= self.hop_length <= self.frame_length <= 16_000:
            raise InvalidParameterError(
                f"need 16 <= hop_length <= frame_length <= 16000, got {self.hop_length}, {self.frame_length}"
            )
        _check_range("floor_percentile", self.floor_percentile, 1.0, 50.0)
        _check_range("active_db_above_floor", self.active_db_above_floor, 3.0, 60.0)
        _check_range("crosstalk_db", self.crosstalk_db, 0.0, 40.0)
        _check_range("min_silence_s", self.min_silence_s, 0.0, 3.0)
        _check_range("min_speech_s", self.min_speech_s, 0.0, 2.0)
        _check_range("distinct_min_fraction", self.distinct_min_fraction, 0.0, 0.5)
        _check_range("identical_correlation", self.identical_correlation, 0.5, 1.0)


@dataclass(frozen=True)
class DiarizeOptions:
    """Options of :func:`pipeline.diarize.diarize` (mono recordings).

    Attributes
    ----------
    n_speakers : int
        Number of people, 1-4 (default 2, a mentoring pair). Not guessed.
    window_s : float
        Length of each speaker-embedding window, seconds, 0.5-3 (the encoder
        was trained on 1.6 s).
    hop_s : float
        Step between windows, seconds, 0.1-window_s.
    vad_threshold : float
        Silero VAD speech probability threshold, 0.05-0.95.
    min_silence_s : float
        Speech pauses shorter than this are bridged, seconds, 0-3.
    min_speech_s : float
        Speech runs shorter than this are dropped, seconds, 0-2.
    max_cluster_windows : int
        Ward clustering runs on at most this many windows (evenly spread); the
        rest are assigned to the nearest centroid. Bounds memory:
        ``n*(n-1)/2`` float64 distances, 16 MB at 2000. 50-10000.
    batch_size : int
        Windows per encoder call, 1-4096.
    n_gmm_components : int
        Diagonal Gaussians per speaker in the MFCC re-segmentation, 1-64.
    switch_penalty : float
        Log-probability cost of a speaker change between 10 ms frames in the
        Viterbi re-segmentation, 0-200.
    smooth_s : float
        Frame log-likelihoods are averaged over this many seconds before the
        Viterbi pass (0 = off), 0-2.
    min_separation : float
        Speaker-separation score below which a forced second speaker is not
        trusted: the session is given to one speaker and confidence is "low".
        0-10 (see :func:`pipeline.diarize.separation_score`).
    """

    n_speakers: int = 2
    window_s: float = 1.6
    hop_s: float = 0.5
    vad_threshold: float = 0.35
    min_silence_s: float = 0.8
    min_speech_s: float = 0.2
    max_cluster_windows: int = 2000
    batch_size: int = 64
    n_gmm_components: int = 8
    switch_penalty: float = 20.0
    smooth_s: float = 0.2
    min_separation: float = 0.85

    def __post_init__(self) -> None:
        if not 1 <= self.n_speakers <= 4:
            raise InvalidParameterError(f"n_speakers must be 1-4, got {self.n_speakers}")
        _check_range("window_s", self.window_s, 0.5, 3.0)
        _check_range("hop_s", self.hop_s, 0.1, self.window_s)
        _check_range("vad_threshold", self.vad_threshold, 0.05, 0.95)
        _check_range("min_silence_s", self.min_silence_s, 0.0, 3.0)
        _check_range("min_speech_s", self.min_speech_s, 0.0, 2.0)
        _check_range("max_cluster_windows", self.max_cluster_windows, 50, 10_000)
        _check_range("batch_size", self.batch_size, 1, 4096)
        _check_range("n_gmm_components", self.n_gmm_components, 1, 64)
        _check_range("switch_penalty", self.switch_penalty, 0.0, 200.0)
        _check_range("smooth_s", self.smooth_s, 0.0, 2.0)
        _check_range("min_separation", self.min_separation, 0.0, 10.0)


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
        ``"channel"``, ``"embedding"`` or ``"mfcc"``.
    confidence : str
        ``"high"``, ``"medium"`` or ``"low"``.
    separation : float
        How clearly the voices separate (see
        :func:`pipeline.diarize.separation_score`); ``inf`` for channels.
    duration_s : float
        Length of the recording, seconds.
    options : ChannelOptions or DiarizeOptions
        The options used.
    extra_voice : bool
        True when the voices split into one group more than ``n_speakers`` at
        least as clearly (more people than asked for); confidence is then "low".
    """

    segments: tuple[SpeakerSegment, ...]
    overlaps: tuple[tuple[float, float], ...]
    speakers: tuple[str, ...]
    method: str
    confidence: str
    separation: float
    duration_s: float
    options: ChannelOptions | DiarizeOptions = field(default_factory=DiarizeOptions)
    extra_voice: bool = False


@dataclass(frozen=True)
class AttributionOptions:
    """Options of :func:`pipeline.turns.attribute_words`.

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
        _check_range("max_nearest_s", self.max_nearest_s, 0.0, 60.0)
        _check_range("overlap_min_fraction", self.overlap_min_fraction, 0.0, 1.0)


@dataclass(frozen=True)
class TurnOptions:
    """Options of :func:`pipeline.turns.build_turns`.

    Attributes
    ----------
    max_gap_s : float
        Words of one speaker further apart than this start a new turn, seconds,
        0.1-60.
    """

    max_gap_s: float = 3.0

    def __post_init__(self) -> None:
        _check_range("max_gap_s", self.max_gap_s, 0.1, 60.0)


@dataclass(frozen=True)
class RoleOptions:
    """Options of :func:`pipeline.roles.assign_roles`.

    Attributes
    ----------
    mentor : str or None
        Speaker label set by the user as mentor (role_source "set"); None
        guesses by the stated rule.
    """

    mentor: str | None = None


# --------------------------------------------------------------------------
# Measures and indicators (issue 4)
# --------------------------------------------------------------------------


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
    confidence: str
    evidence: tuple[Evidence, ...] = ()
    available: bool = True
    category: str = ""
    ci95: tuple[float, float] | None = None


@dataclass(frozen=True)
class SharedPhrase:
    """A key phrase one person said first and another person took up later.

    Found by :func:`pipeline.language.shared_phrases` over the content keys of
    :func:`pipeline.language.content_items` (noun chunks of 2+ content words
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
class ParsedTranscript:
    """Output of :func:`pipeline.transcript_io.read_transcript`.

    Attributes
    ----------
    turns : tuple of Turn
        In time order, indexed from 0, role ``"other"``.
    turn_times : str
        Where their times come from (:data:`TURN_TIMES`): ``"measured"`` for VTT/SRT cues
        and ``turns.json``, ``"starts"`` for text that dates turns (``Name  0:03``,
        ``[00:01:02] Name:``, time lines), ``"none"`` for text without any time.
    """

    turns: tuple[Turn, ...]
    turn_times: str = "measured"


#: Where turn times come from: measured (audio, or transcript cues with start and end), the starts only (ends
#: estimated), or none (turns placed at 150 words per minute). See :attr:`Report.turn_times`.
TURN_TIMES = ("measured", "starts", "none")


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
    warnings : tuple of str
        Why the analysis may be unreliable (see :func:`pipeline.quality.check_quality`):
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
    warnings: tuple[str, ...] = ()
    shared_phrases: tuple[SharedPhrase, ...] = ()
    turn_times: str = "measured"


# --------------------------------------------------------------------------
# Session store, consent and batch runs (issue 6)
# --------------------------------------------------------------------------

#: What a consent can allow to be kept, from least to most.
KEEP_LEVELS = ("report", "transcript", "audio")


@dataclass(frozen=True)
class ConsentRecord:
    """One person's consent to keeping data about a session.

    Attributes
    ----------
    participant : str
        Who consented (a name, as it should appear in the store).
    role : str
        Their role in the session: ``"mentor"``, ``"mentee"`` or ``"other"``.
    keep_report : bool
        The report (indicators, turn timings, per-turn measures) may be kept.
        Must be True: a session is never stored without it.
    keep_transcript : bool
        The words said (turn text, quotes) may be kept.
    keep_audio : bool
        The recording itself may be kept.
    given_at : str
        When consent was given, ISO 8601 (``"2025-03-01T10:00:00+00:00"``).
    recorded_by : str
        Who recorded the consent (e.g. the programme coordinator).
    """

    participant: str
    role: str
    keep_report: bool = True
    keep_transcript: bool = False
    keep_audio: bool = False
    given_at: str = ""
    recorded_by: str = ""

    def __post_init__(self) -> None:
        if not self.participant.strip():
            raise InvalidParameterError("ConsentRecord.participant is empty: name the person who consented")
        if self.role not in ("mentor", "mentee", "other"):
            raise InvalidParameterError(f"ConsentRecord.role must be mentor, mentee or other, got {self.role!r}")
        if not self.recorded_by.strip():
            raise InvalidParameterError("ConsentRecord.recorded_by is empty: name who recorded the consent")
        if not self.given_at:
            raise InvalidParameterError("ConsentRecord.given_at is empty: give the date and time of consent")
        if self.keep_audio and not self.keep_transcript:
            # Audio contains everything the transcript does.
            raise InvalidParameterError("keep_audio=True needs keep_transcript=True (the audio contains the words)")


@dataclass(frozen=True)
class SessionSummary:
    """One stored session as listed by :meth:`pipeline.store.Store.list_sessions`.

    Attributes
    ----------
    session_id : str
        Store identifier (12 hex characters).
    source_name, sha256 : str
        Input file name and content hash.
    recorded_on : str
        Date of the session, ISO ``YYYY-MM-DD``.
    stored_at : str
        When it was stored, ISO 8601 UTC.
    duration_s : float
        Length of the session, seconds.
    mentor, mentee : str
        Names (display name, consenting person, or speaker label).
    model_name, pipeline_version : str
        What produced it.
    keeps_transcript, keeps_audio : bool
        What the consents allowed to keep.
    indicators : tuple of (str, float or None)
        ``(indicator id, value)`` pairs.
    intervals : tuple of (str, float, float)
        ``(indicator id, low, high)``: the 95 % interval of each indicator
        that has one (``Indicator.ci95``), in its unit.
    """

    session_id: str
    source_name: str
    sha256: str
    recorded_on: str
    stored_at: str
    duration_s: float
    mentor: str
    mentee: str
    model_name: str
    pipeline_version: str
    keeps_transcript: bool
    keeps_audio: bool
    indicators: tuple[tuple[str, float | None], ...] = ()
    intervals: tuple[tuple[str, float, float], ...] = ()


@dataclass(frozen=True)
class BatchItem:
    """Outcome for one file of a batch run.

    Attributes
    ----------
    path : str
        The file.
    status : str
        ``"stored"``, ``"skipped"`` (already in the store) or ``"failed"``.
    session_id : str
        Store id ("" when failed).
    reason : str
        Why it failed ("" otherwise).
    seconds : float
        Wall time spent on it in its worker, s (0 when skipped).
    """

    path: str
    status: str
    session_id: str = ""
    reason: str = ""
    seconds: float = 0.0


@dataclass(frozen=True)
class BatchOptions:
    """Options of :func:`pipeline.batch.run_batch`.

    Attributes
    ----------
    workers : int or None
        Worker processes, 1-64. None: half the CPU cores, at least one (a
        2-core machine gets one worker: each Whisper worker uses several threads).
    engine : str
        ``"processes"`` (local process pool) or ``"dask"`` (a Dask cluster;
        needs the ``distributed`` extra).
    scheduler : str or None
        Dask scheduler address (``"tcp://host:8786"``); None starts a local cluster.
    shared_files : bool
        Dask workers read each recording at its path (a file system they all
        see). False sends the file's bytes to the worker instead.
    extensions : tuple of str
        File name endings analysed, lower case, with the dot.
    """

    workers: int | None = None
    engine: str = "processes"
    scheduler: str | None = None
    shared_files: bool = True
    extensions: tuple[str, ...] = (".wav", ".mp3", ".m4a", ".flac", ".ogg", ".opus", ".webm", ".mp4", ".mov")

    def __post_init__(self) -> None:
        if self.workers is not None and not 1 <= self.workers <= 64:
            raise InvalidParameterError(f"workers must be 1-64, got {self.workers}")
        if self.engine not in ("processes", "dask"):
            raise InvalidParameterError(f"engine must be 'processes' or 'dask', got {self.engine!r}")


@dataclass(frozen=True)
class RedactOptions:
    """Options of :func:`pipeline.redact.redact_text`.

    Attributes
    ----------
    name_labels : tuple of str
        spaCy entity labels replaced by ``name_token``.
    place_labels : tuple of str
        spaCy entity labels replaced by ``place_token``.
    name_token, place_token : str
        Replacement text.
    """

    name_labels: tuple[str, ...] = ("PERSON",)
    place_labels: tuple[str, ...] = ("GPE", "LOC", "FAC", "NORP")
    name_token: str = "[NAME]"
    place_token: str = "[PLACE]"


@dataclass(frozen=True)
class Baseline:
    """A person's usual pace and pauses, from their own stored sessions or population norms.

    Attributes
    ----------
    person : str
        Whose baseline ("" for population norms).
    source : str
        ``"own"`` (from their stored sessions) or ``"population"``.
    n_sessions, n_turns : int
        How much of their speech it rests on (0 for population norms).
    pace_wpm : float
        Median words per minute over their turns.
    pause_s : float
        Median gap before their turns, s (turn-taking gaps; overlaps excluded).
    """

    person: str
    source: str
    n_sessions: int
    n_turns: int
    pace_wpm: float
    pause_s: float
@dataclass(frozen=True)
class MeasureOptions:
    """Options of :func:`pipeline.measures.measure_session` (issue 4).

    Attributes
    ----------
    backchannel_max_words : int
        A turn of at most this many words (1-6, default 3) made only of
        listening tokens ("mm-hm", "yeah", "right", "okay"...) is a backchannel.
    backchannel_max_s : float
        ...and lasts at most this long, seconds (0.2-5, default 2.0).
    interruption_min_overlap_s : float
        An interruption needs the newcomer to start at least this long before
        the other's utterance ends, seconds (0-2, default 0.2).
    interruption_yield_s : float
        ...and the other to stop within this long after the newcomer starts,
        seconds (0.2-10, default 2.0).
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

    backchannel_max_words: int = 3
    backchannel_max_s: float = 2.0
    interruption_min_overlap_s: float = 0.2
    interruption_yield_s: float = 2.0
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
            ("backchannel_max_words", 1, 6),
            ("backchannel_max_s", 0.2, 5.0),
            ("interruption_min_overlap_s", 0.0, 2.0),
            ("interruption_yield_s", 0.2, 10.0),
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
        ``"wh"``, ``"yes_no"``, ``"tag"``, ``"alternative"``, ``"declarative"``
        (rising pitch only) or ``""`` when not a question.
    open : bool
        True for open questions (wh-questions, "how about ..."), False otherwise.
    cue : str
        The words that triggered the decision, for evidence.
    """

    is_question: bool
    kind: str = ""
    open: bool = False
    cue: str = ""


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
        ``overlaps_observable`` of :func:`pipeline.measures.measure_session`).
    question : QuestionClass
        The turn's strongest question sentence (or not a question).
    n_questions : int
        Question sentences in the turn.
    """

    index: int
    speaker: str
    role: str
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
    role: str
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
        mentor anything (see :mod:`pipeline.measures`).
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
    """Output of :func:`pipeline.measures.measure_session`.

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
        Whether audio was available.
    options : MeasureOptions
    overlaps_observable : bool
        Whether the turns could show two people talking at once; when False
        the interruption indicators have ``available=False``.
    shared_phrases : tuple of SharedPhrase
        Key phrases one person said first and another took up, by first use.
    turn_times : str
        The ``turn_times`` measured with (:data:`TURN_TIMES`).
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
    turn_times: str = "measured"


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
    interval_text : str
        The value's 95 % interval in words, e.g. ``"95 % interval: 38–60 %"``;
        ``""`` when the indicator has none or is unavailable.
    """

    id: str
    name: str
    category: str
    value_text: str
    band_text: str
    status: str
    meaning: str
    confidence: str
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
    status: str
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
        ``to_try`` worst first.
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
    min_confidence: str
    too_few_to_tell: tuple[str, ...] = ()


# --------------------------------------------------------------------------
# Input quality (hardening)
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class QualityOptions:
    """Options of :func:`pipeline.quality.check_quality`: when a recording is flagged as unreliable.

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
    """

    clip_level: float = 0.99
    max_clipped_share: float = 0.001
    min_source_sr: int = 16_000
    min_language_probability: float = 0.8
    min_word_probability: float = 0.6
    min_words_per_speech_min: float = 60.0
    min_speech_s: float = 10.0

    def __post_init__(self) -> None:
        _check_range("clip_level", self.clip_level, 0.5, 1.0)
        _check_range("max_clipped_share", self.max_clipped_share, 0.0, 1.0)
        _check_range("min_source_sr", self.min_source_sr, 0, 192_000)
        _check_range("min_language_probability", self.min_language_probability, 0.0, 1.0)
        _check_range("min_word_probability", self.min_word_probability, 0.0, 1.0)
        _check_range("min_words_per_speech_min", self.min_words_per_speech_min, 0.0, 300.0)
        _check_range("min_speech_s", self.min_speech_s, 0.0, 600.0)


@dataclass(frozen=True)
class QualityCheck:
    """What :func:`pipeline.quality.check_quality` found.

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
