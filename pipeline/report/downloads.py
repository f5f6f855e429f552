"""What a user downloads: report.json, turns CSV, VTT/SRT with names, a safe file stem, audio MIME types."""

from __future__ import annotations

import io
import json
import re
from dataclasses import replace

from pipeline.io.export import cues_from_turns, to_jsonable, to_srt, to_vtt
from pipeline.report.frames import turns_frame
from pipeline.report.text import speaker_names
from pipeline.types import (
    Report,
    Turn,
)

# Downloads
# --------------------------------------------------------------------------


def report_json(report: Report) -> str:
    """``report.json``: the report serialised with :func:`pipeline.export.to_jsonable`."""
    return json.dumps(to_jsonable(report), indent=2, ensure_ascii=False)


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
    """A safe file-name stem for downloads from the (untrusted) source name."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", report.source_name.rsplit(".", 1)[0]).strip("._-")
    return stem[:80] or "session"


_AUDIO_MIME = {"wav": "audio/wav", "mp3": "audio/mpeg", "m4a": "audio/mp4", "aac": "audio/aac", "flac": "audio/flac",
               "ogg": "audio/ogg", "opus": "audio/ogg", "webm": "audio/webm", "mp4": "video/mp4", "mov": "video/quicktime"}


def audio_mime(name: str) -> str:
    """MIME type for the browser's player from a file name (``audio/wav`` when unknown)."""
    return _AUDIO_MIME.get(name.rsplit(".", 1)[-1].lower() if "." in name else "", "audio/wav")



def kept_text(report: bool, transcript: bool, audio: bool) -> str:
    """What is kept, in words: "the report, the transcript and the audio", "the report", or "nothing"."""
    kept = [w for w, k in (("the report", report), ("the transcript", transcript), ("the audio", audio)) if k]
    return "nothing" if not kept else kept[0] if len(kept) == 1 else f"{', '.join(kept[:-1])} and {kept[-1]}"
