"""Options of who spoke when: one person per channel, or one-channel diarization (speech layer)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import get_args

from pipeline.errors import InvalidParameterError
from pipeline.types.base import Confidence, DiarizeMethod, SegDecoding, check_range

#: Most people a session may have (given or estimated).
MAX_SPEAKERS = 4


def check_speaker_count(n_speakers: int | None) -> None:
    """Raise :class:`InvalidParameterError` unless ``n_speakers`` is 1-:data:`MAX_SPEAKERS` or None (estimate)."""
    if n_speakers is not None and (isinstance(n_speakers, bool) or not isinstance(n_speakers, int)
                                   or not 1 <= n_speakers <= MAX_SPEAKERS):
        raise InvalidParameterError(f"n_speakers must be 1-{MAX_SPEAKERS}, or None to estimate it, "
                                    f"got {n_speakers!r}")


@dataclass(frozen=True)
class ChannelOptions:
    """Options of :func:`pipeline.speech.channels.diarize_channels` (one person per channel).

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
        check_range("floor_percentile", self.floor_percentile, 1.0, 50.0)
        check_range("active_db_above_floor", self.active_db_above_floor, 3.0, 60.0)
        check_range("crosstalk_db", self.crosstalk_db, 0.0, 40.0)
        check_range("min_silence_s", self.min_silence_s, 0.0, 3.0)
        check_range("min_speech_s", self.min_speech_s, 0.0, 2.0)
        check_range("distinct_min_fraction", self.distinct_min_fraction, 0.0, 0.5)
        check_range("identical_correlation", self.identical_correlation, 0.5, 1.0)


@dataclass(frozen=True)
class DiarizeOptions:
    """Options of :func:`pipeline.speech.diarize.diarize` (mono recordings).

    Attributes
    ----------
    n_speakers : int or None
        Number of people, 1-4 (default 2, a mentoring pair); None: estimated from the voices, 1-4
        (:func:`pipeline.speech.speakercount.estimate_speaker_count`; the result's ``speaker_count`` says
        how many and how sure).
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
        0-10 (see :func:`pipeline.speech.speakercount.separation_score`).
    method : str
        ``"segmentation"`` (default): pyannote's segmentation model over 10 s
        windows, local speakers linked by embeddings, overlapping speech kept
        (:func:`pipeline.speech.overlap.diarize_overlap`; needs the segmentation
        model and the encoder, else falls back to ``"vad"``). ``"vad"``: the
        earlier method, Silero VAD + embedding windows + GMM/Viterbi
        re-segmentation, one speaker at a time.
    seg_step_s : float
        Step between 10 s segmentation windows, seconds, 0.5-10 (smaller:
        more windows averaged per frame, proportionally slower).
    seg_min_cluster_s : float
        Local speakers with at least this much clean speech in a window train
        the clusters, seconds, 0.2-10.
    seg_min_silence_s : float
        With ``"segmentation"``, one person's pauses shorter than this are
        bridged, seconds, 0-3.
    seg_decoding : str
        How the windows' powerset probabilities become who talks:
        ``"soft"`` (probabilities averaged over windows, then thresholded) or
        ``"hard"`` (pyannote's: each window's most probable class, counts
        averaged). See :func:`pipeline.speech.overlap.reconstruct`.
    seg_overlap_threshold : float
        With ``"soft"``, two people talk where the mean probability of a pair
        class is at least this, 0.05-1 (pyannote's onset, 0.5). Used for one
        or two people: there a false overlap is a false interruption of the
        mentee, so precision comes first.
    seg_group_overlap_threshold : float
        The same for three or more people (given or estimated), 0.05-1
        (0.15): in a group, talking over one another is common and is what
        the group indicators are about, so recall comes first. Read off nine
        AMI excerpts (docs/attribution.md), not independent of them.
    seg_resegment : bool
        With ``"segmentation"``, re-decide who talks in one-person stretches on
        10 ms MFCC frames (GMM per person + Viterbi, as ``"vad"`` does; uses
        ``n_gmm_components``, ``switch_penalty``, ``smooth_s``).
    """

    n_speakers: int | None = 2
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
    method: DiarizeMethod = "segmentation"
    seg_step_s: float = 5.0
    seg_min_cluster_s: float = 1.0
    seg_min_silence_s: float = 0.8
    seg_decoding: SegDecoding = "soft"
    seg_overlap_threshold: float = 0.5
    seg_group_overlap_threshold: float = 0.15
    seg_resegment: bool = True

    def __post_init__(self) -> None:
        if self.method not in get_args(DiarizeMethod):
            raise InvalidParameterError(f"method must be one of {get_args(DiarizeMethod)}, got {self.method!r}")
        check_range("seg_step_s", self.seg_step_s, 0.5, 10.0)
        check_range("seg_min_cluster_s", self.seg_min_cluster_s, 0.2, 10.0)
        check_range("seg_min_silence_s", self.seg_min_silence_s, 0.0, 3.0)
        if self.seg_decoding not in get_args(SegDecoding):
            raise InvalidParameterError(f"seg_decoding must be one of {get_args(SegDecoding)}, "
                                        f"got {self.seg_decoding!r}")
        check_range("seg_overlap_threshold", self.seg_overlap_threshold, 0.05, 1.0)
        check_range("seg_group_overlap_threshold", self.seg_group_overlap_threshold, 0.05, 1.0)
        check_speaker_count(self.n_speakers)
        check_range("window_s", self.window_s, 0.5, 3.0)
        check_range("hop_s", self.hop_s, 0.1, self.window_s)
        check_range("vad_threshold", self.vad_threshold, 0.05, 0.95)
        check_range("min_silence_s", self.min_silence_s, 0.0, 3.0)
        check_range("min_speech_s", self.min_speech_s, 0.0, 2.0)
        check_range("max_cluster_windows", self.max_cluster_windows, 50, 10_000)
        check_range("batch_size", self.batch_size, 1, 4096)
        check_range("n_gmm_components", self.n_gmm_components, 1, 64)
        check_range("switch_penalty", self.switch_penalty, 0.0, 200.0)
        check_range("smooth_s", self.smooth_s, 0.0, 2.0)
        check_range("min_separation", self.min_separation, 0.0, 10.0)


@dataclass(frozen=True)
class SpeakerCount:
    """The number of people, estimated from the voices (``n_speakers=None``), and how sure.

    Attributes
    ----------
    n_speakers : int
        People estimated, 1-4.
    confidence : str
        ``"high"``: enough speech (ten 1.6 s pieces per group tried) and the decision was clear (one voice: two
        groups separate under ``min_separation``; two or more: the chosen groups separate by at least 1.3 times
        it). ``"medium"``: enough speech, the voices separate only moderately. ``"low"``: too little speech to
        count people, or the count was raised by overlapping speech the voices alone did not show.
    separations : tuple of (float or None)
        :func:`pipeline.speech.speakercount.separation_score` of the voices split into 2, 3 and 4 groups; None where
        a group held under 10 % of the pieces (or two), so that split was not a candidate.
    n_pieces : int
        1.6 s pieces of speech the estimate rests on, >= 0.
    overlap_s : float
        Most speech of two local speakers at once in one 10 s segmentation window, seconds (0 for the earlier
        method): 0.5 s or more means at least two people.
    """

    n_speakers: int
    confidence: Confidence
    separations: tuple[float | None, ...] = ()
    n_pieces: int = 0
    overlap_s: float = 0.0

    def __post_init__(self) -> None:
        check_speaker_count(self.n_speakers)
