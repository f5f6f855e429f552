"""What a user downloads (report.json is :func:`pipeline.io.reportjson.report_json`): turns CSV, VTT/SRT with names, a safe file stem, audio MIME types."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

from pipeline.io.export import cues_from_turns, to_srt, to_vtt
from pipeline.io.files import safe_stem
from pipeline.report.frames import turns_frame
from pipeline.report.text import speaker_names
from pipeline.types import (
    Report,
    Turn,
)
from pipeline.types.inputs import AUDIO_MIME

# Downloads
# --------------------------------------------------------------------------


def turns_csv(report: Report) -> str:
    """Turns as CSV (columns of :func:`turns_frame`), UTF-8 text."""
    buf = io.StringIO()
    turns_frame(report).to_csv(buf, index=False)
    return buf.getvalue()


def _named_turns(report: Report) -> tuple[Turn, ...]:
    names = speaker_names(report)
    return tuple(replace(t, speaker=names.get(t.speaker, t.speaker)) for t in report.turns)


def turns_vtt(report: Report) -> str:
    """WebVTT with speaker voice tags (names as shown in the report)."""
    return to_vtt(cues_from_turns(_named_turns(report)))


def turns_srt(report: Report) -> str:
    """SRT with ``Name:`` prefixes."""
    return to_srt(cues_from_turns(_named_turns(report)))


def download_stem(report: Report) -> str:
    """A safe file-name stem for downloads, from the (untrusted) source name (:func:`pipeline.io.files.safe_stem`)."""
    return safe_stem(report.source_name)


def audio_mime(name: str) -> str:
    """MIME type for the browser's player from a file name (``audio/wav`` when unknown)."""
    return AUDIO_MIME.get(Path(name).suffix.lower(), "audio/wav")



def kept_text(report: bool, transcript: bool, audio: bool) -> str:
    """What is kept, in words: "the report, the transcript and the audio", "the report", or "nothing"."""
    kept = [w for w, k in (("the report", report), ("the transcript", transcript), ("the audio", audio)) if k]
    return "nothing" if not kept else kept[0] if len(kept) == 1 else f"{', '.join(kept[:-1])} and {kept[-1]}"
