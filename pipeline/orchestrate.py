"""Run the stages end to end on a file and write the outputs.

This module and :mod:`pipeline.audio`, :mod:`models` and the store are the only
places that touch files.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

from pipeline.audio import load_audio
from pipeline.export import cues_from_segments, to_srt, to_vtt, transcript_to_dict
from pipeline.transcribe import transcribe
from pipeline.types import AnalyzeOptions, Report, TranscribeOptions, Transcript

StageProgress = Callable[[str, float], None]


def safe_stem(name: str) -> str:
    """A file-system-safe folder name from an (untrusted) upload or file name."""
    stem = Path(name).name.rsplit(".", 1)[0] if "." in Path(name).name else Path(name).name
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", stem).strip("._-")
    return stem[:80] or "session"


def write_text_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` via a temporary file and rename (no half files)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_transcript(transcript: Transcript, out_dir: Path) -> dict[str, Path]:
    """Write ``transcript.json``, ``transcript.vtt`` and ``transcript.srt``."""
    cues = cues_from_segments(transcript.segments)
    files = {
        "json": out_dir / "transcript.json",
        "vtt": out_dir / "transcript.vtt",
        "srt": out_dir / "transcript.srt",
    }
    write_text_atomic(files["json"], json.dumps(transcript_to_dict(transcript), indent=2))
    write_text_atomic(files["vtt"], to_vtt(cues))
    write_text_atomic(files["srt"], to_srt(cues))
    return files


def transcribe_file(
    path: str | os.PathLike,
    *,
    model,
    out_dir: str | os.PathLike,
    options: TranscribeOptions = TranscribeOptions(),
    progress: StageProgress | None = None,
) -> Transcript:
    """Decode ``path``, transcribe it with ``model`` and write the transcript files to ``out_dir``."""
    if progress:
        progress("decoding", 0.0)
    recording = load_audio(path)
    if progress:
        progress("transcribing", 0.0)
    transcript = transcribe(
        recording, model=model, options=options, progress=(lambda f: progress("transcribing", f)) if progress else None
    )
    write_transcript(transcript, Path(out_dir))
    return transcript


def analyze_transcript(
    text: str,
    *,
    source_name: str,
    nlp,
    options: AnalyzeOptions = AnalyzeOptions(),
    syllable_table=None,
) -> Report:
    """Report for a transcript with speakers held in memory (e.g. an upload); touches no files.

    Parses WebVTT / SRT / text with ``Name:`` prefixes / ``turns.json``, assigns roles
    (``options.mentor`` if given, else the stated rule of
    :func:`pipeline.measures.assign_roles`) and measures the turns. Acoustic indicators
    are present with ``available=False``.

    Raises
    ------
    TranscriptFormatError
        The text is not a transcript with speakers.
    """
    import hashlib

    from pipeline import __version__
    from pipeline.measures import assign_roles, measure_session, with_roles
    from pipeline.transcript_io import parse_transcript

    turns = parse_transcript(text, source_name=source_name)
    speakers = assign_roles(turns, nlp=nlp, mentor=options.mentor)
    turns = with_roles(turns, speakers)
    measures = measure_session(turns, speakers, nlp=nlp, syllable_table=syllable_table, attribution_confidence="medium")
    return Report(
        source_name=source_name,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        duration_s=max((t.end_s for t in turns), default=0.0),
        input_kind="transcript",
        model_name="",
        pipeline_version=__version__,
        attribution_method="transcript",
        attribution_confidence="medium",
        speakers=speakers,
        turns=turns,
        indicators=measures.indicators,
        options=options,
    )
