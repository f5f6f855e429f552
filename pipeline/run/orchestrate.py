"""Run the stages end to end on a file and write the outputs.

This module and :mod:`pipeline.io.audio`, :mod:`models` and the store are the only
places that touch files.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

from pipeline.errors import TranscriptFormatError
from pipeline.io.audio import load_audio
from pipeline.io.export import (
    cues_from_segments,
    cues_from_turns,
    indicators_from_dict,
    to_jsonable,
    to_srt,
    to_vtt,
    transcript_to_dict,
)
from pipeline.speech.transcribe import transcribe
from pipeline.types import (
    AnalyzeOptions,
    Diarization,
    DiarizeOptions,
    Indicator,
    Recording,
    Report,
    RoleOptions,
    TranscribeOptions,
    Transcript,
    Turn,
)

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


# --------------------------------------------------------------------------
# Analysis: transcription + attribution (+ measures, issue 4) -> report.json
# --------------------------------------------------------------------------


def analyze_recording(
    recording: Recording,
    *,
    asr,
    vad,
    encoder=None,
    options: AnalyzeOptions = AnalyzeOptions(),
    transcribe_options: TranscribeOptions = TranscribeOptions(),
    progress: StageProgress | None = None,
) -> tuple:
    """Run every stage on a decoded recording; no files touched.

    The sequence: transcribe -> who spoke when -> words to speakers -> turns
    -> roles -> quality check -> measures -> report. The quality check
    (:func:`pipeline.quality.check_quality`) puts its warnings in the report and,
    when the words themselves are doubtful, caps every indicator at "low".

    Returns
    -------
    (Report, Transcript, Diarization, SessionMeasures)
        The report (speakers with roles, turns, indicators), plus the
        transcript, the diarization and the measures it was built from (for
        the other output files).
    """
    from models import load_nlp, load_syllable_table
    from pipeline import __version__
    from pipeline.measures.roles import assign_roles, with_roles
    from pipeline.measures.session import measure_session
    from pipeline.speech.diarize import attribute_speakers
    from pipeline.speech.quality import check_quality, detect_language
    from pipeline.speech.turns import attribute_words, build_turns

    def step(stage: str, fraction: float) -> None:
        if progress:
            progress(stage, fraction)

    step("transcribing", 0.0)
    transcript = transcribe(recording, model=asr, options=transcribe_options,
                            progress=(lambda f: step("transcribing", f)) if progress else None)
    step("attributing speakers", 0.0)
    diarization = attribute_speakers(recording, vad=vad, encoder=encoder,
                                     options=DiarizeOptions(n_speakers=options.n_speakers))
    words = attribute_words(transcript.words, diarization)
    turns = build_turns(words, overlaps=diarization.overlaps)
    nlp = load_nlp()
    speakers = assign_roles(turns, diarization.speakers, options=RoleOptions(mentor=options.mentor), nlp=nlp)
    turns = with_roles(turns, speakers)
    step("attributing speakers", 1.0)
    quality = check_quality(recording, transcript, diarization, language=detect_language(recording, model=asr))
    step("measuring", 0.0)
    # Doubtful words (no speech, another language, music) cap every indicator at "low".
    measures = measure_session(turns, speakers, recording=recording, nlp=nlp,
                               syllable_table=load_syllable_table(),
                               attribution_confidence="low" if quality.transcript_unreliable
                               else diarization.confidence,
                               overlaps_observable=diarization.method == "channel")
    step("measuring", 1.0)
    report = Report(
        source_name=recording.source_name,
        sha256=recording.sha256,
        duration_s=round(recording.duration_s, 3),
        input_kind="audio",
        model_name=asr.name,
        pipeline_version=__version__,
        attribution_method=diarization.method,
        attribution_confidence=diarization.confidence,
        speakers=speakers,
        turns=turns,
        indicators=measures.indicators,
        shared_phrases=measures.shared_phrases,
        options=options,
        warnings=quality.warnings,
    )
    return report, transcript, diarization, measures


def turns_to_dict(turns: tuple[Turn, ...]) -> list[dict]:
    """``turns.json`` rows: speaker, role, start_s, end_s, text, overlap, words."""
    return [
        {
            "index": t.index, "speaker": t.speaker, "role": t.role, "start_s": t.start_s, "end_s": t.end_s,
            "text": t.text, "overlap": t.overlap,
            "words": [{"text": w.text, "start_s": w.start_s, "end_s": w.end_s, "overlap": w.overlap}
                      for w in t.words],
        }
        for t in turns
    ]


def report_to_dict(report: Report, diarization: Diarization | None = None, measures=None) -> dict:
    """``report.json`` content (schema: docs/report-schema.md)."""
    data = to_jsonable(report)
    data["turns"] = turns_to_dict(report.turns)
    if measures is not None:
        data["speaker_summaries"] = to_jsonable(measures.speakers)
        data["entrainment"] = to_jsonable(measures.entrainment)
        data["measure_options"] = to_jsonable(measures.options)
    if diarization is not None:
        data["attribution"] = {
            "method": diarization.method,
            "confidence": diarization.confidence,
            "separation": None if diarization.separation == float("inf") else round(diarization.separation, 3),
            "n_speakers_found": len(diarization.speakers),
            "overlaps": [list(o) for o in diarization.overlaps],
            "options": to_jsonable(diarization.options),
        }
    return data


def read_indicators(path: str | os.PathLike) -> tuple[Indicator, ...]:
    """The indicators of a ``report.json`` written by ``rapport analyze`` (for ``rapport compare``).

    Raises
    ------
    TranscriptFormatError
        The file is not JSON or not a Rapport report.
    """
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise TranscriptFormatError(f"{path}: cannot be read as a report.json ({err}); give the report.json that "
                                    "rapport analyze wrote, or a stored session id") from err
    return indicators_from_dict(data)


def write_analysis(report: Report, transcript: Transcript, diarization: Diarization, out_dir: Path,
                   measures=None) -> dict[str, Path]:
    """Write report.json, turns.json, diarization.rttm, transcript.json, transcript.vtt/.srt with speaker names
    and (with measures) turn_measures.csv."""
    from pipeline.measures.session import turn_measures_frame
    from pipeline.speech.diarize import to_rttm

    out_dir = Path(out_dir)
    names = {s.label: f"{s.display_name or s.label} ({s.role})" for s in report.speakers}
    cues = cues_from_turns(report.turns)
    cues = tuple(replace_speaker(c, names) for c in cues)
    files = {
        "report": out_dir / "report.json",
        "turns": out_dir / "turns.json",
        "rttm": out_dir / "diarization.rttm",
        "json": out_dir / "transcript.json",
        "vtt": out_dir / "transcript.vtt",
        "srt": out_dir / "transcript.srt",
    }
    write_text_atomic(files["report"], json.dumps(report_to_dict(report, diarization, measures), indent=2))
    write_text_atomic(files["turns"], json.dumps(turns_to_dict(report.turns), indent=2))
    write_text_atomic(files["rttm"], to_rttm(diarization, file_id=safe_stem(report.source_name)))
    write_text_atomic(files["json"], json.dumps(transcript_to_dict(transcript), indent=2))
    write_text_atomic(files["vtt"], to_vtt(cues))
    write_text_atomic(files["srt"], to_srt(cues))
    if measures is not None:
        files["turn_measures"] = out_dir / "turn_measures.csv"
        write_text_atomic(files["turn_measures"], turn_measures_frame(measures).to_csv(index=False))
    return files


def replace_speaker(cue, names: dict[str, str]):
    """The cue with its speaker label replaced by the display name (with the role, e.g. ``S1 (mentor)``)."""
    from dataclasses import replace

    return replace(cue, speaker=names.get(cue.speaker, cue.speaker)) if cue.speaker else cue


def analyze_file(
    path: str | os.PathLike,
    *,
    model=None,
    vad=None,
    encoder=None,
    out_dir: str | os.PathLike | None = None,
    options: AnalyzeOptions = AnalyzeOptions(),
    transcribe_options: TranscribeOptions = TranscribeOptions(),
    progress: StageProgress | None = None,
) -> Report:
    """Decode ``path``, transcribe it, attribute words to speakers, build turns and roles, measure; write outputs.

    Parameters
    ----------
    path : path
        The recording.
    model, vad, encoder : optional
        Whisper (:func:`models.load_asr`), Silero VAD (:func:`models.load_vad`)
        and the speaker encoder (:func:`models.load_speaker_encoder`); each is
        loaded here when None (``options.model`` for Whisper), so batch
        workers can call ``analyze_file(path, options=..., progress=...)``.
    out_dir : path, optional
        Where to write ``report.json`` (schema in docs/report-schema.md),
        ``turns.json``, ``diarization.rttm``, ``transcript.json``,
        ``transcript.vtt`` / ``.srt`` (with speaker names) and
        ``turn_measures.csv``; None writes nothing.

    Raises
    ------
    InvalidAudioError, InvalidParameterError, ModelLoadError
        Bad file, bad option (e.g. ``mentor`` not a speaker found), missing model.
    """
    from models import load_asr, load_speaker_encoder, load_vad

    if progress:
        progress("decoding", 0.0)
    recording = load_audio(path)
    model = model if model is not None else load_asr(options.model)
    vad = vad if vad is not None else load_vad()
    encoder = encoder if encoder is not None else load_speaker_encoder()
    report, transcript, diarization, measures = analyze_recording(
        recording, asr=model, vad=vad, encoder=encoder, options=options,
        transcribe_options=transcribe_options, progress=progress,
    )
    if out_dir is not None:
        write_analysis(report, transcript, diarization, Path(out_dir), measures)
    return report


#: Transcript file types ``rapport analyze`` routes to :func:`analyze_transcript_file`.
TRANSCRIPT_SUFFIXES = (".vtt", ".srt", ".txt", ".docx", ".json")


def analyze_transcript(
    text: str,
    *,
    source_name: str,
    nlp,
    options: AnalyzeOptions = AnalyzeOptions(),
    syllable_table=None,
    sha256: str | None = None,
) -> tuple:
    """Report for a transcript with speakers held in memory (an upload or a file's text); touches no files.

    Parses WebVTT / SRT / text with ``Name:`` prefixes / ``turns.json``, assigns roles
    (``options.mentor`` if given, else the stated rule of :func:`pipeline.roles.assign_roles`)
    and measures the turns. Acoustic indicators are present with ``available=False``.

    Returns
    -------
    (Report, SessionMeasures)

    Raises
    ------
    TranscriptFormatError
        The text is not a transcript with speakers.
    """
    import hashlib

    from pipeline import __version__
    from pipeline.io.transcripts import read_transcript
    from pipeline.measures.roles import assign_roles, with_roles
    from pipeline.measures.session import measure_session, untimed_warnings

    parsed = read_transcript(text, source_name=source_name)
    speakers = assign_roles(parsed.turns, options=RoleOptions(mentor=options.mentor), nlp=nlp)
    turns = with_roles(parsed.turns, speakers)
    measures = measure_session(turns, speakers, nlp=nlp, syllable_table=syllable_table,
                               attribution_confidence="medium", turn_times=parsed.turn_times)
    report = Report(
        source_name=source_name,
        sha256=sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest(),
        duration_s=max((t.end_s for t in turns), default=0.0),
        input_kind="transcript",
        model_name="",
        pipeline_version=__version__,
        attribution_method="transcript",
        attribution_confidence="medium",
        speakers=speakers,
        turns=turns,
        indicators=measures.indicators,
        shared_phrases=measures.shared_phrases,
        options=options,
        warnings=untimed_warnings(parsed.turn_times),
        turn_times=parsed.turn_times,
    )
    return report, measures


def analyze_transcript_file(path: str | os.PathLike, *, out_dir: str | os.PathLike,
                            options: AnalyzeOptions | None = None) -> Report:
    """Measure a transcript file with speakers (VTT/SRT/text/.docx/turns.json); write report.json and turn_measures.csv."""
    import hashlib

    from models import load_nlp, load_syllable_table
    from pipeline.io.transcripts import transcript_text
    from pipeline.measures.session import turn_measures_frame

    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as err:
        raise TranscriptFormatError(f"cannot read transcript {p.name}: {err}; check the path and its permissions") from err
    text = transcript_text(raw, source_name=p.name)
    report, measures = analyze_transcript(text, source_name=p.name, nlp=load_nlp(), options=options or AnalyzeOptions(),
                                          syllable_table=load_syllable_table(), sha256=hashlib.sha256(raw).hexdigest())
    out = Path(out_dir)
    write_text_atomic(out / "report.json", json.dumps(report_to_dict(report, measures=measures), indent=2))
    write_text_atomic(out / "turn_measures.csv", turn_measures_frame(measures).to_csv(index=False))
    return report
