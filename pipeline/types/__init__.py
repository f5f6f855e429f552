"""Result and option types of every pipeline stage.

All types are frozen dataclasses; collections are tuples; units are in field
names (``start_s``, ``rms_db``, ``pace_wpm``). Change a value with
:func:`dataclasses.replace`. Each stage has one ``...Options`` dataclass with
documented defaults, and its result echoes the options it was run with.

One module per layer (``audio``, ``speech``, ``measures``, ``report``, ``library``; ``base`` holds shared
checks); this package re-exports them, so ``from pipeline.types import Turn`` names any of them.
"""

from pipeline.types.audio import SAMPLE_RATE_HZ, Recording, root_buffer
from pipeline.types.library import (
    KEEP_LEVELS,
    Baseline,
    BatchItem,
    BatchOptions,
    ConsentRecord,
    RedactOptions,
    SessionSummary,
)
from pipeline.types.measures import (
    SAID_CLOSE,
    SAID_OPEN,
    EntrainmentResult,
    Evidence,
    Indicator,
    MeasureOptions,
    ProsodyFeatures,
    QuestionClass,
    SessionMeasures,
    SharedPhrase,
    SpeakerSummary,
    TurnMeasures,
    said,
    unsaid,
)
from pipeline.types.report import AnalyzeOptions, Feedback, FeedbackPoint, IndicatorCard, Moment, Report
from pipeline.types.speech import (
    TURN_TIMES,
    AttributionOptions,
    ChannelOptions,
    Diarization,
    DiarizeOptions,
    ParsedTranscript,
    QualityCheck,
    QualityOptions,
    RoleOptions,
    Segment,
    SpeakerInfo,
    SpeakerSegment,
    TranscribeOptions,
    Transcript,
    Turn,
    TurnOptions,
    Word,
)

__all__ = [
    "SAMPLE_RATE_HZ",
    "Recording",
    "root_buffer",
    "Word",
    "Segment",
    "TranscribeOptions",
    "Transcript",
    "SpeakerSegment",
    "Turn",
    "ChannelOptions",
    "DiarizeOptions",
    "Diarization",
    "AttributionOptions",
    "TurnOptions",
    "RoleOptions",
    "SpeakerInfo",
    "ParsedTranscript",
    "TURN_TIMES",
    "QualityOptions",
    "QualityCheck",
    "SAID_OPEN",
    "SAID_CLOSE",
    "said",
    "unsaid",
    "Evidence",
    "Indicator",
    "SharedPhrase",
    "MeasureOptions",
    "QuestionClass",
    "ProsodyFeatures",
    "TurnMeasures",
    "SpeakerSummary",
    "EntrainmentResult",
    "SessionMeasures",
    "AnalyzeOptions",
    "Report",
    "IndicatorCard",
    "Moment",
    "FeedbackPoint",
    "Feedback",
    "KEEP_LEVELS",
    "ConsentRecord",
    "SessionSummary",
    "BatchItem",
    "BatchOptions",
    "RedactOptions",
    "Baseline",
]
