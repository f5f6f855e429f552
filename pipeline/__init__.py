"""Rapport's processing stages: audio -> words -> speakers -> turns -> measures.

Each stage is a plain function ``stage(data, *, options) -> Result`` over the
frozen dataclasses in :mod:`pipeline.types`. Models are passed in; only the
audio loader, :mod:`models`, the store and :mod:`pipeline.run.orchestrate` touch
files.
"""

import os

# Set before anything can import faster-whisper / huggingface_hub: never reach a hub.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["HF_HUB_DISABLE_TELEMETRY"] = "1"

__version__ = "0.5.35"
