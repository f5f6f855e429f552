"""Shared checks and fixed choices (``Literal`` types) of every layer's types."""

from __future__ import annotations

from typing import Literal, get_args

from pipeline.errors import InvalidParameterError

#: How far a value can be trusted: an indicator's confidence, who-spoke-when quality.
Confidence = Literal["low", "medium", "high"]
#: Every :data:`Confidence` level, lowest first (:func:`rank` and :func:`cap` below go by this order).
CONFIDENCE_LEVELS: tuple[Confidence, ...] = ("low", "medium", "high")
#: A person's part in the session.
Role = Literal["mentor", "mentee", "other"]
#: Every :data:`Role`, in that order (the choices the app offers).
ROLES: tuple[Role, ...] = get_args(Role)
#: Who decided a role: Rapport's stated rule, the speakers' names in a transcript ("Therapist", "Client"), or the user.
RoleSource = Literal["guessed", "named", "set"]
#: What was analysed: a recording, or a transcript with speakers (no acoustic measures).
InputKind = Literal["audio", "transcript"]
#: How words were given to people: one per stereo channel, speaker embeddings, MFCC statistics, a transcript's names.
AttributionMethod = Literal["channel", "segmentation", "embedding", "mfcc", "transcript"]
#: Attribution methods that can see two people talking at once (their speaker activity may overlap): one channel per
#: person, the overlap-aware one-channel diarizer (pyannote's segmentation model), and a transcript's cues.
#: Interruptions are counted only for these; elsewhere they are "not available" rather than a 0 that would read as
#: "never interrupts".
OVERLAP_METHODS: tuple[AttributionMethod, ...] = ("channel", "segmentation", "transcript")
#: What two voices at once can be: one person cutting in on the other, or a listening sound inside their speech.
EventKind = Literal["interruption", "backchannel"]
#: One-channel diarization: overlap-aware segmentation model, or the earlier VAD + re-segmentation.
DiarizeMethod = Literal["segmentation", "vad"]
#: How the segmentation model's probabilities are decoded (see :func:`pipeline.speech.overlap.reconstruct`).
SegDecoding = Literal["soft", "hard"]
#: Where turn times come from: measured (audio, or cues with start and end), the starts only, or none.
TurnTimes = Literal["measured", "starts", "none"]
#: How Whisper decodes: several speech chunks at once (faster-whisper's batched pipeline), or one window after
#: another (``WhisperModel.transcribe``, the plain way).
Decoding = Literal["batched", "sequential"]
#: Where an indicator's value stands against its good range, as a card shows it.
Status = Literal["in band", "below", "above", "no band", "not available"]


def check_range(name: str, value: float, lo: float, hi: float) -> None:
    if not lo <= value <= hi:
        raise InvalidParameterError(f"{name} must be in [{lo}, {hi}], got {value}")


def rank(conf: str) -> int:
    """Position of ``conf`` among the levels, lowest first: "low" 0, "medium" 1, "high" 2.

    Raises
    ------
    InvalidParameterError
        ``conf`` is not one of :data:`pipeline.types.base.CONFIDENCE_LEVELS`.
    """
    try:
        return CONFIDENCE_LEVELS.index(conf)  # type: ignore[arg-type]
    except ValueError:
        raise InvalidParameterError(f"confidence {conf!r} is not one of {CONFIDENCE_LEVELS}") from None


def cap(conf: str, *caps: str) -> Confidence:
    """The lowest of ``conf`` and every level in ``caps``: a value is trusted no more than what it rests on.

    ``cap("high", "medium")`` is "medium"; ``cap("low", "high")`` is "low"; ``cap("medium")`` is "medium".

    Raises
    ------
    InvalidParameterError
        A level that is not one of :data:`pipeline.types.base.CONFIDENCE_LEVELS`.
    """
    return CONFIDENCE_LEVELS[min(rank(c) for c in (conf, *caps))]
