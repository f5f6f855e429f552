"""How many people talk (1-4), estimated from the voices when it is not given (``n_speakers=None``).

The rule reuses what attribution already trusts, in order:

1. **One or more voices.** The 1.6 s speech pieces are split into two groups; they are two voices when the
   groups separate by at least ``min_separation`` (:func:`separation_score`, the bar
   under which a forced second speaker is dropped) and each group holds at least 10 % of the pieces (and two).
2. **One more.** While a split into one more group separates at least as well as the current one and by at least
   1.3 times ``min_separation`` (the "extra voice" rule, :func:`pipeline.speech.diarize._extra_voice`), with every
   group again holding 10 % of the pieces, one more person is counted, up to four. Two groups that share one
   voice lower the score; a voice left over raises it.
3. **Overlap.** Two local speakers talking together for 0.5 s or more in one segmentation window are two people
   (the model's own decision, pyannote's segmentation-3.0): a count of one becomes two, with confidence "low".

Measured per recording in ``docs/attribution.md`` (``python bench/speaker_count.py``): it never counted a pair as
more than two, and it undercounts groups when each person has only a few seconds of speech.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import numpy as np

from pipeline.types import MAX_SPEAKERS, Confidence, Diarization, SpeakerCount
from pipeline.types.base import cap

#: Each group of a candidate split holds at least this share of the pieces (as the extra-voice rule asks).
MIN_GROUP_SHARE = 0.1
#: Two local speakers at once for this long in one window: at least two people, seconds.
MIN_OVERLAP_S = 0.5
#: Pieces per group below which the count is a guess ("low"), as the extra-voice check asks before it runs.
PIECES_PER_GROUP = 10
#: Seconds of speech per person, on average, under which who-spoke-when is at most "medium" (ten 1.6 s pieces,
#: :data:`PIECES_PER_GROUP`: under it :func:`separation_score` inflates, so a forced split reads as clearly
#: separate), and under half of which it is "low" (:func:`with_evidence`).
SPEECH_PER_PERSON_S = 16.0


def estimate_speaker_count(pieces: np.ndarray, labels_for: Callable[[int], np.ndarray], *,
                           min_separation: float, overlap_s: float = 0.0) -> SpeakerCount:
    """The number of people in a recording, 1-4, and how sure (the rule in this module's docstring).

    Parameters
    ----------
    pieces : np.ndarray
        float32, shape ``(n, d)``: embeddings of 1.6 s pieces of speech (the scale ``min_separation`` was
        calibrated on).
    labels_for : callable
        ``labels_for(k)`` -> int array, shape ``(n,)``: the pieces clustered into ``k`` people (2-4) as the
        diarizer would assign them; -1 for a piece it leaves out.
    min_separation : float
        :attr:`DiarizeOptions.min_separation`.
    overlap_s : float
        Most speech of two local speakers at once in one window, seconds (:func:`local_overlap_s`;
        0 when unknown).

    Returns
    -------
    SpeakerCount
    """
    scores: list[float | None] = [_split_score(pieces, labels_for(k), k) for k in range(2, MAX_SPEAKERS + 1)]
    k = 1
    if scores[0] is not None and scores[0] >= min_separation:
        k = 2
        while k < MAX_SPEAKERS:
            more = scores[k - 1]
            if more is None or more < scores[k - 2] or more < 1.3 * min_separation:
                break
            k += 1
    raised = k == 1 and overlap_s >= MIN_OVERLAP_S
    k = 2 if raised else k
    if raised or len(pieces) < PIECES_PER_GROUP * (k + 1):
        confidence = "low"
    elif k > 1 and scores[k - 2] < 1.3 * min_separation:
        confidence = "medium"
    else:
        confidence = "high"
    return SpeakerCount(n_speakers=k, confidence=confidence,
                        separations=tuple(None if s is None else round(s, 3) for s in scores),
                        n_pieces=len(pieces), overlap_s=round(float(overlap_s), 3))


def separation_score(x: np.ndarray, labels: np.ndarray) -> float:
    """How clearly the groups of windows separate: distance between the two
    closest centroids over the mean within-group RMS distance to the centroid.

    Measured with the embedding encoder: 0.60-0.81 when one voice (a 1-minute
    single-speaker stretch of each sample session) is forced into two groups;
    1.35-1.50 for the two voices of the sample sessions and 0.90 for the real
    phone call in pyannote's sample. The default ``min_separation`` 0.85 sits
    between; 0.85-1.1 is reported as "medium" confidence. Few windows (under
    about 30 s of speech) inflate the score. ``inf`` with fewer than two groups
    of two windows.
    """
    groups = [x[labels == c] for c in np.unique(labels)]
    groups = [g for g in groups if len(g) >= 2]
    if len(groups) < 2:
        return float("inf")
    cents = np.stack([g.mean(0) for g in groups])
    spread = np.mean([np.sqrt(((g - g.mean(0)) ** 2).sum(1).mean()) for g in groups])
    dmin = min(np.linalg.norm(cents[i] - cents[j]) for i in range(len(cents)) for j in range(i + 1, len(cents)))
    return float(dmin / max(spread, 1e-9))


def unsupported_group(labels: np.ndarray, k: int) -> bool:
    """Whether a forced split into ``k`` groups has a group with no evidence of its own: under 2 of at least
    ``5 * k`` pieces (labels ``-1``, pieces given to nobody, are not counted).

    :func:`separation_score` cannot measure such a group (it needs two pieces per group) and returns ``inf``,
    which would read as "clearly separate". One voice forced into two made exactly that (the matched sample's
    mentor alone: 28 pieces and 1), and so does a real person who speaks for a second or two (AMI trn03: 12 and 1),
    so the split is kept and its confidence is ``"low"``. Too few pieces overall (under ``5 * k``) is a short
    recording, which the score's own inflation covers.
    """
    kept = labels[labels >= 0]
    if k < 2 or len(kept) < 5 * k:
        return False
    return bool(np.bincount(kept, minlength=k).min() < 2)


def _split_score(pieces: np.ndarray, labels: np.ndarray, k: int) -> float | None:
    """Separation of ``pieces`` split by ``labels`` into ``k`` groups; None when a group is too small to count."""
    kept = labels >= 0
    if kept.sum() < 2 * k:
        return None
    sizes = np.bincount(labels[kept], minlength=k)
    if sizes.min() < max(2, MIN_GROUP_SHARE * kept.sum()):
        return None
    score = separation_score(pieces[kept], labels[kept])
    return score if np.isfinite(score) else None


def local_overlap_s(activity: np.ndarray, *, frame_s: float) -> float:
    """Most overlapping speech in any one window: frames where two local speakers talk at once, in seconds.

    Parameters
    ----------
    activity : np.ndarray
        0/1, shape ``(n_windows, n_frames, 3)`` (:attr:`LocalSegmentation.activity`).
    frame_s : float
        Seconds per frame (270 / 16000).
    """
    if activity.size == 0:
        return 0.0
    return float((activity.sum(axis=2) >= 2).sum(axis=1).max() * frame_s)


def asked_speakers(diarization: Diarization) -> int:
    """How many people the attribution was after: the number given, else the number estimated, else two (one
    person per channel)."""
    given = getattr(diarization.options, "n_speakers", None)
    if given is not None:
        return given
    return diarization.speaker_count.n_speakers if diarization.speaker_count is not None else 2


def split_confidence(labels: np.ndarray, k: int, separation: float, *, min_separation: float) -> Confidence | None:
    """How sure a split of the embeddings into ``k`` people is; None when it should not be kept (one voice).

    Parameters
    ----------
    labels : np.ndarray
        int, shape ``(n,)``: each embedding's person, 0..k-1 (-1: given to nobody).
    k : int
        People asked for, >= 1.
    separation : float
        :func:`separation_score` of the split.
    min_separation : float
        :attr:`DiarizeOptions.min_separation`.

    Returns
    -------
    {"low", "medium", "high"} or None
        None: under two groups found, or they separate less than ``min_separation``; ``"low"``: a group with no
        evidence of its own (:func:`unsupported_group`); ``"medium"``: under 1.3 times ``min_separation``.
    """
    if k < 2:
        return "high"
    if len(np.unique(labels[labels >= 0])) < 2 or separation < min_separation:
        return None
    if unsupported_group(labels, k):  # a person heard in one piece only: kept, not trusted
        return "low"
    return "medium" if separation < 1.3 * min_separation else "high"


def with_evidence(diarization: Diarization) -> Diarization:
    """``diarization`` with its confidence no higher than the speech behind each voice allows.

    Two or more people heard for under :data:`SPEECH_PER_PERSON_S` (16 s) each on average: at most ``"medium"``;
    under half of it (8 s): ``"low"``. The separation of a few seconds per voice is inflated, and a voice learnt
    from a few seconds is easily split or confused: a 30 s AMI excerpt of four people, one of whom talks for 24 s,
    was split into four with 66 % DER and confidence ``"high"``.
    """
    return replace(diarization, confidence=cap(diarization.confidence, evidence_cap(diarization)))


def speech_per_person_s(diarization: Diarization) -> float:
    """Seconds of speech per person found, on average (a person's own segments never overlap; ``inf`` with
    nobody found)."""
    n = len(diarization.speakers)
    return sum(g.end_s - g.start_s for g in diarization.segments) / n if n else float("inf")


def evidence_cap(diarization: Diarization) -> Confidence:
    """The highest confidence the speech behind each voice allows (:func:`with_evidence`): ``"high"`` for one
    person, for voices not told apart by their sound (``method`` ``"channel"``: one microphone each;
    ``"transcript"``: named by the transcriber) or at least :data:`SPEECH_PER_PERSON_S` each, ``"medium"`` from
    half of it, else ``"low"``."""
    if len(diarization.speakers) < 2 or diarization.method in ("channel", "transcript"):
        return "high"
    per_person = speech_per_person_s(diarization)
    return "low" if per_person < SPEECH_PER_PERSON_S / 2 else "medium" if per_person < SPEECH_PER_PERSON_S else "high"


def with_count(diarization: Diarization, count: SpeakerCount | None) -> Diarization:
    """``diarization`` carrying the estimated ``count`` (None: given, unchanged), its confidence no higher than
    the count's: a guessed number of people makes every per-person measure a guess."""
    if count is None:
        return diarization
    return replace(diarization, speaker_count=count,
                   confidence=cap(diarization.confidence, count.confidence))
