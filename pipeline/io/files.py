"""File names and the inputs Rapport reads: one list of supported suffixes, one safe stem."""

from __future__ import annotations

import re
from pathlib import Path

from pipeline.types.inputs import TRANSCRIPT_SUFFIXES


def is_transcript(name: str) -> bool:
    """Whether a file name has a transcript suffix (:data:`TRANSCRIPT_SUFFIXES`), case ignored."""
    return Path(name).suffix.lower() in TRANSCRIPT_SUFFIXES


def safe_stem(name: str) -> str:
    """A file-system-safe stem from an (untrusted) upload or file name: ``[A-Za-z0-9._-]``, at most 80 characters.

    Used for output folders, downloads and RTTM file ids; ``"session"`` when nothing is left.
    """
    base = Path(name).name
    stem = base.rsplit(".", 1)[0] if "." in base else base
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", stem).strip("._-")
    return stem[:80] or "session"
