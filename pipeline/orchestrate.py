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
from pipeline.types import TranscribeOptions, Transcript

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


#: Transcript file types ``rapport analyze`` routes to :func:`analyze_transcript_file`.
TRANSCRIPT_SUFFIXES = (".vtt", ".srt", ".txt", ".json")


def analyze_transcript_file(path: str | os.PathLike, *, out_dir: str | os.PathLike, options=None):
    """Measure a transcript with speakers (VTT/SRT/text/turns.json); write report.json and turn_measures.csv.

    Acoustic indicators are present with ``available=False``. Roles: ``options.mentor``
    if given, else the stated rule of :func:`pipeline.measures.assign_roles`.
    """
    import hashlib

    from models import load_nlp, load_syllable_table
    from pipeline.errors import TranscriptFormatError
    from pipeline.export import to_jsonable
    from pipeline.measures import assign_roles, measure_session, turn_measures_frame, with_roles
    from pipeline.transcript_io import parse_transcript
    from pipeline.types import AnalyzeOptions, Report

    options = options or AnalyzeOptions()
    p = Path(path)
    try:
        raw = p.read_bytes()
        text = raw.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise TranscriptFormatError(f"cannot read transcript {p.name}: {err}; give a UTF-8 .vtt/.srt/.txt/.json file") from err
    turns = parse_transcript(text, source_name=p.name)
    nlp = load_nlp()
    speakers = assign_roles(turns, nlp=nlp, mentor=options.mentor)
    turns = with_roles(turns, speakers)
    measures = measure_session(turns, speakers, nlp=nlp, syllable_table=load_syllable_table(),
                               attribution_confidence="medium")
    report = Report(
        source_name=p.name, sha256=hashlib.sha256(raw).hexdigest(),
        duration_s=max((t.end_s for t in turns), default=0.0), input_kind="transcript", model_name="",
        pipeline_version="0.1.0", attribution_method="transcript", attribution_confidence="medium",
        speakers=speakers, turns=turns, indicators=measures.indicators, options=options,
    )
    out = Path(out_dir)
    doc = to_jsonable(report)
    doc["speaker_summaries"] = to_jsonable(measures.speakers)
    doc["entrainment"] = to_jsonable(measures.entrainment)
    doc["measure_options"] = to_jsonable(measures.options)
    write_text_atomic(out / "report.json", json.dumps(doc, indent=2))
    write_text_atomic(out / "turn_measures.csv", turn_measures_frame(measures).to_csv(index=False))
    return report
