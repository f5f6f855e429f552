"""Loaders for Rapport's ML models. Every loader works offline.

Importing this package sets ``HF_HUB_OFFLINE=1`` before faster-whisper is
imported anywhere, so no code path can try to reach a model hub.
"""

from __future__ import annotations

import os

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["HF_HUB_DISABLE_TELEMETRY"] = "1"

from models.asr import AsrModel, load_asr  # noqa: E402
from models.nlp import load_nlp  # noqa: E402
from models.segmentation import Segmenter, load_segmentation  # noqa: E402
from models.speaker import SpeakerEncoder, load_speaker_encoder, load_vad  # noqa: E402
from models.syllables import load_syllable_table  # noqa: E402

__all__ = ["AsrModel", "Segmenter", "SpeakerEncoder", "load_asr", "load_nlp", "load_segmentation", "load_speaker_encoder",
           "load_syllable_table", "load_vad"]
