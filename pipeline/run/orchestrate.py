"""Run the stages end to end on a file and write the outputs.

This module, :mod:`pipeline.io`, :mod:`models` and the store are the only places that touch files. Models are
loaded here (or by the app) and passed to the stages, which never load them.

One report for every door: :func:`analyze_recording` and :func:`analyze_transcript` build the report with
:func:`build_report`, the CLI, batch, the store and the app's download all write it with
:func:`pipeline.io.reportjson.report_json`, and a role edit re-measures it with :func:`remeasure` from its
stored turns and per-turn measures, keeping the quality cap, without decoding the audio again.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from functools import partial
from pathlib import Path

from threadpoolctl import threadpool_limits

import pipeline
from pipeline.errors import TranscriptFormatError
from pipeline.io.audio import load_audio
from pipeline.io.export import cues_from_segments, cues_from_turns, to_srt, to_vtt, transcript_to_dict
from pipeline.io.files import is_transcript, safe_stem
from pipeline.io.reportjson import report_json, turns_json
from pipeline.io.transcripts import is_blank, read_transcript, transcript_text
from pipeline.measures.confidence import session_confidence
from pipeline.measures.roles import assign_roles, with_roles
from pipeline.measures.session import measure_session, turn_measures_csv, untimed_warnings
from pipeline.speech.channels import diarize_channels, is_dual_channel
from pipeline.speech.diarize import to_rttm
from pipeline.speech.events import events_of_diarization
from pipeline.speech.overlap import attribute_speakers
from pipeline.speech.perchannel import transcribe_channels
from pipeline.speech.quality import check_quality, detect_language
from pipeline.speech.regions import SharedVad, find_speech
from pipeline.speech.transcribe import transcribe
from pipeline.speech.turns import attribute_words, build_turns, with_overlap_marks
from pipeline.types import (
    OVERLAP_METHODS,
    AnalyzeOptions,
    AttributionSummary,
    Diarization,
    DiarizeOptions,
    EventOptions,
    Recording,
    Report,
    RoleOptions,
    SessionMeasures,
    SpeakerInfo,
    TranscribeOptions,
    Transcript,
    Turn,
    Word,
)

StageProgress = Callable[[str, float], None]



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
    files = {"json": out_dir / "transcript.json", "vtt": out_dir / "transcript.vtt", "srt": out_dir / "transcript.srt"}
    write_text_atomic(files["json"], json.dumps(transcript_to_dict(transcript), indent=2))
    write_text_atomic(files["vtt"], to_vtt(cues))
    write_text_atomic(files["srt"], to_srt(cues))
    return files


def transcribe_file(path: str | os.PathLike, *, model, out_dir: str | os.PathLike,
                    options: TranscribeOptions = TranscribeOptions(), progress: StageProgress | None = None
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
# One report
# --------------------------------------------------------------------------


def build_report(*, source_name: str, sha256: str, duration_s: float, input_kind: str, model_name: str,
                 attribution: AttributionSummary, speakers: tuple[SpeakerInfo, ...], turns: tuple[Turn, ...],
                 measures: SessionMeasures, options: AnalyzeOptions, warnings: tuple[str, ...] = (),
                 turn_times: str = "measured", transcript_unreliable: bool = False) -> Report:
    """The one place a :class:`Report` is put together, from a session's turns and their measures."""
    report = Report(
        source_name=source_name, sha256=sha256, duration_s=duration_s, input_kind=input_kind,
        model_name=model_name, pipeline_version=pipeline.__version__, attribution_method=attribution.method,
        attribution_confidence=attribution.confidence, speakers=speakers, turns=turns, options=options,
        warnings=warnings, turn_times=turn_times, transcript_unreliable=transcript_unreliable,
        attribution=attribution,
    )
    return with_measures(report, measures)


def with_measures(report: Report, measures: SessionMeasures) -> Report:
    """``report`` holding ``measures``: the one mapping of what the measures give onto the report's fields."""
    return replace(report, indicators=measures.indicators, shared_phrases=measures.shared_phrases,
                   turn_measures=measures.turn_measures, speaker_summaries=measures.speakers,
                   entrainment=measures.entrainment, measure_options=measures.options, events=measures.events)


def attribution_summary(diarization: Diarization) -> AttributionSummary:
    """What ``report.json`` says of who-spoke-when found from the audio."""
    sep = diarization.separation
    return AttributionSummary(
        method=diarization.method, confidence=diarization.confidence,
        separation=None if sep == float("inf") else round(sep, 3), n_speakers_found=len(diarization.speakers),
        overlaps=tuple(diarization.overlaps), options=diarization.options, speaker_count=diarization.speaker_count,
    )


def remeasure(report: Report, *, nlp, syllable_table=None) -> Report:
    """``report`` measured again from its stored turns (after a role edit); no audio is decoded.

    The per-turn audio measures (pace, loudness, pitch) come from ``report.turn_measures``; roles from
    ``report.speakers``; the confidence keeps the quality cap (``report.transcript_unreliable``) and the
    attribution's confidence, by the same rule as the first analysis.

    Parameters
    ----------
    report : Report
        A report made by :func:`analyze_recording` or :func:`analyze_transcript`, its roles possibly edited
        (:func:`pipeline.report.edit.with_roles`).
    nlp, syllable_table
        The language model and syllable table (:func:`models.load_nlp`, :func:`models.load_syllable_table`).
    """
    turns = with_roles(report.turns, report.speakers)
    audio = report.input_kind == "audio" and bool(report.turn_measures)  # none in a report.json before 0.4.0
    measures = measure_session(
        turns, report.speakers, nlp=nlp, syllable_table=syllable_table,
        turn_acoustics=report.turn_measures if audio else None,
        attribution_confidence=session_confidence(report.attribution_confidence,
                                                  transcript_unreliable=report.transcript_unreliable),
        overlaps_observable=report.attribution_method in OVERLAP_METHODS, turn_times=report.turn_times,
        options=report.measure_options, events=report.events if report.input_kind == "audio" else None,
    )
    return with_measures(replace(report, turns=turns), measures)


# --------------------------------------------------------------------------
# Audio: transcription + attribution + measures -> report
# --------------------------------------------------------------------------


def analyze_recording(
    recording: Recording,
    *,
    asr,
    vad,
    encoder,
    nlp,
    syllable_table=None,
    segmenter=None,
    options: AnalyzeOptions = AnalyzeOptions(),
    transcribe_options: TranscribeOptions = TranscribeOptions(),
    progress: StageProgress | None = None,
) -> tuple[Report, Transcript, Diarization]:
    """Run every stage on a decoded recording; no files touched, no model loaded.

    The sequence: transcribe -> who spoke when -> words to speakers (:func:`transcribe_and_attribute`; one
    person per channel: who spoke when first, then each channel transcribed) -> interruptions and listening
    signals from who spoke when -> turns (overlapping where those are) -> roles -> quality check ->
    measures -> report. The quality check (:func:`pipeline.speech.quality.check_quality`) puts its warnings
    in the report and, when the words themselves are doubtful, caps every indicator at "low"; the report
    keeps that cap (``transcript_unreliable``) so that re-measuring it keeps it too.

    Parameters
    ----------
    asr, vad, encoder, nlp, syllable_table
        Whisper, Silero VAD, the speaker encoder (None, or ``options.speaker_embeddings`` False: MFCC
        attribution), spaCy and the syllable table, loaded by the caller.
    segmenter : optional
        The speaker-segmentation model (:func:`models.load_segmentation`): with the encoder, one-channel
        recordings are diarized with overlaps kept (method ``"segmentation"``); None: the earlier method.

    Returns
    -------
    (Report, Transcript, Diarization)
        The report, and the transcript and diarization it was built from (for the other output files).
    """
    def step(stage: str, fraction: float) -> None:
        if progress:
            progress(stage, fraction)

    vad = vad if isinstance(vad, SharedVad) else SharedVad(vad)  # one VAD pass, shared by every stage below
    transcript, diarization, words = transcribe_and_attribute(
        recording, asr=asr, vad=vad, encoder=encoder if options.speaker_embeddings else None,
        segmenter=segmenter if options.speaker_embeddings else None, options=options,
        transcribe_options=transcribe_options, step=step)
    events = events_of_diarization(diarization, options=EventOptions())
    turns = build_turns(words, overlaps=diarization.overlaps, events=events)
    speakers = assign_roles(turns, diarization.speakers, options=RoleOptions(mentor=options.mentor), nlp=nlp)
    turns = with_roles(turns, speakers)
    step("attributing speakers", 1.0)
    quality = check_quality(recording, transcript, diarization,
                            language=transcript.detected_language or detect_language(
                                recording, model=asr, speech=find_speech(recording, vad=vad)[1]))
    step("measuring", 0.0)
    measures = measure_session(
        turns, speakers, recording=recording, nlp=nlp, syllable_table=syllable_table,
        attribution_confidence=session_confidence(diarization.confidence,
                                                  transcript_unreliable=quality.transcript_unreliable),
        overlaps_observable=diarization.detects_overlaps, events=events)
    step("measuring", 1.0)
    report = build_report(
        source_name=recording.source_name, sha256=recording.sha256, duration_s=round(recording.duration_s, 3),
        input_kind="audio", model_name=asr.name, attribution=attribution_summary(diarization), speakers=speakers,
        turns=turns, measures=measures, options=options, warnings=quality.warnings,
        transcript_unreliable=quality.transcript_unreliable)
    return replace(report, transcription=transcript.options), transcript, diarization


def transcribe_and_attribute(recording: Recording, *, asr, vad, encoder, options: AnalyzeOptions,
                             transcribe_options: TranscribeOptions, step: Callable[[str, float], None],
                             segmenter=None) -> tuple[Transcript, Diarization, tuple[Word, ...]]:
    """The words, who spoke when, and the words given to their speakers.

    One person per channel (:func:`pipeline.speech.channels.is_dual_channel`): each channel is transcribed on
    its own (:func:`pipeline.speech.perchannel.transcribe_channels`), so overlapping speech no longer scrambles
    both people's words, and each word belongs to its channel's person. Otherwise the mix is transcribed and
    the words are given to the speakers :func:`pipeline.speech.overlap.attribute_speakers` found (with the
    segmentation model, two people may talk at once), found in a second thread while the mix is transcribed.
    """
    to_words = partial(step, "transcribing")
    step("transcribing", 0.0)
    if recording.n_channels == 2 and is_dual_channel(recording):
        diarization = diarize_channels(recording)
        transcript = transcribe_channels(recording, diarization, model=asr, options=transcribe_options,
                                         progress=to_words)
        step("attributing speakers", 0.0)
        words = with_overlap_marks(tuple(sorted(transcript.words, key=lambda w: (w.start_s, w.end_s))),
                                   diarization)
        return transcript, diarization, words
    # One VAD pass: its speech regions cut the batched chunks and feed the language check; the diarizer's own
    # call on the same audio is answered from memory (SharedVad).
    vad = vad if isinstance(vad, SharedVad) else SharedVad(vad)
    # Who spoke when runs in a second thread beside the VAD pass and transcription: neither reads the other's
    # result (the segmentation diarizer needs no VAD; the earlier method's call waits for the shared answer), both
    # release the GIL in their models, and its models take the cores CTranslate2 leaves idle
    # (models.speaker.beside_threads). 9-minute session, 2 cores: 3 s less wall time than one after the other.
    # numpy's OpenBLAS keeps one thread per core spinning after every small matrix product (the mel filter bank of
    # each batch of 1.6 s pieces, the resegmentation's mixture model): beside CTranslate2 those spinning threads
    # take its cores. One BLAS thread while both run (process-wide, restored after; CTranslate2 uses its own OpenMP
    # threads, not numpy's BLAS): 11.7-minute session, the embeddings of who spoke when 4.4 -> 2.1 CPU s at the same
    # wall time. Two analyses overlapping in one process (the app's server mode) may leave it at one: these
    # matrices are small, so that costs nothing noticeable.
    with threadpool_limits(limits=1, user_api="blas"), \
            ThreadPoolExecutor(max_workers=1, thread_name_prefix="rapport-attribution") as pool:
        attributed = pool.submit(attribute_speakers, recording, vad=vad, encoder=encoder, segmenter=segmenter,
                                 options=DiarizeOptions(n_speakers=options.n_speakers))
        _, speech = find_speech(recording, vad=vad)
        transcript = transcribe(recording, model=asr, options=transcribe_options, speech=speech, progress=to_words)
        step("attributing speakers", 0.0)
        diarization = attributed.result()
    return transcript, diarization, attribute_words(transcript.words, diarization)


def write_analysis(report: Report, out_dir: Path, *, transcript: Transcript | None = None,
                   diarization: Diarization | None = None) -> dict[str, Path]:
    """Write ``report.json``, ``turns.json``, ``turn_measures.csv`` and, from audio, ``diarization.rttm``,
    ``transcript.json`` and ``transcript.vtt``/``.srt`` (speakers named, with their role)."""
    out_dir = Path(out_dir)
    files = {"report": out_dir / "report.json", "turns": out_dir / "turns.json",
             "turn_measures": out_dir / "turn_measures.csv"}
    write_text_atomic(files["report"], report_json(report))
    write_text_atomic(files["turns"], turns_json(report))
    write_text_atomic(files["turn_measures"], turn_measures_csv(report.turn_measures))
    if diarization is not None:
        files["rttm"] = out_dir / "diarization.rttm"
        write_text_atomic(files["rttm"], to_rttm(diarization, file_id=safe_stem(report.source_name)))
    if transcript is not None:
        names = {s.label: f"{s.display_name or s.label} ({s.role})" for s in report.speakers}
        cues = tuple(replace(c, speaker=names.get(c.speaker, c.speaker)) if c.speaker else c
                     for c in cues_from_turns(report.turns))
        files |= {"json": out_dir / "transcript.json", "vtt": out_dir / "transcript.vtt",
                  "srt": out_dir / "transcript.srt"}
        write_text_atomic(files["json"], json.dumps(transcript_to_dict(transcript), indent=2))
        write_text_atomic(files["vtt"], to_vtt(cues))
        write_text_atomic(files["srt"], to_srt(cues))
    return files


def load_models(name: str = "base", *, device: str = "auto", cpu_threads: int | None = None,
                speaker_embeddings: bool = True, given: dict | None = None) -> dict:
    """Every model an audio analysis uses, in one place for the command, batch workers and the benches.

    Parameters
    ----------
    name, device, cpu_threads
        The Whisper model and where it runs (:func:`models.load_asr`).
    speaker_embeddings : bool
        Load the speaker encoder and the segmentation model (False: ``--no-encoder``; both None).
    given : dict, optional
        Models the caller already holds, by the keys below; only the missing (None) ones are loaded.

    Returns
    -------
    dict
        ``model``, ``vad``, ``encoder``, ``segmenter``, ``nlp``, ``syllable_table``: the keyword arguments of
        :func:`analyze_file` and :func:`analyze_path`.
    """
    import models

    loaders = {"model": lambda: models.load_asr(name, device=device, cpu_threads=cpu_threads),
               "vad": models.load_vad, "nlp": models.load_nlp, "syllable_table": models.load_syllable_table,
               "encoder": models.load_speaker_encoder if speaker_embeddings else lambda: None,
               "segmenter": models.load_segmentation if speaker_embeddings else lambda: None}
    given = given or {}
    return {k: given[k] if given.get(k) is not None else load() for k, load in loaders.items()}


def analyze_file(
    path: str | os.PathLike,
    *,
    model=None,
    vad=None,
    encoder=None,
    nlp=None,
    syllable_table=None,
    segmenter=None,
    out_dir: str | os.PathLike | None = None,
    options: AnalyzeOptions = AnalyzeOptions(),
    transcribe_options: TranscribeOptions = TranscribeOptions(),
    progress: StageProgress | None = None,
) -> Report:
    """Decode ``path``, analyse it (:func:`analyze_recording`) and write the outputs (:func:`write_analysis`).

    Parameters
    ----------
    path : path
        The recording.
    model, vad, encoder, nlp, syllable_table, segmenter : optional
        The models (:mod:`models`); each is loaded here when None, so batch workers can call
        ``analyze_file(path, options=..., progress=...)``. The speaker encoder and the segmentation model
        are loaded only when ``options.speaker_embeddings`` is True (``--no-encoder`` makes it False: MFCC
        attribution, no overlaps).
    out_dir : path, optional
        Where to write the outputs (see :func:`write_analysis`); None writes nothing.

    Raises
    ------
    InvalidAudioError, InvalidParameterError, ModelLoadError
        Bad file, bad option (e.g. ``mentor`` not a speaker found), missing model.
    """
    given = {"model": model, "vad": vad, "encoder": encoder, "segmenter": segmenter, "nlp": nlp,
             "syllable_table": syllable_table}
    if progress:
        progress("decoding", 0.0)
    recording = load_audio(path)
    given = load_models(options.model, speaker_embeddings=options.speaker_embeddings, given=given)  # the missing ones
    report, transcript, diarization = analyze_recording(
        recording, asr=given["model"], vad=given["vad"], encoder=given["encoder"], segmenter=given["segmenter"],
        nlp=given["nlp"], syllable_table=given["syllable_table"], options=options,
        transcribe_options=transcribe_options, progress=progress,
    )
    if out_dir is not None:
        write_analysis(report, Path(out_dir), transcript=transcript, diarization=diarization)
    return report


# --------------------------------------------------------------------------
# Transcripts with speakers -> report
# --------------------------------------------------------------------------


def applicable_options(name: str, options: AnalyzeOptions) -> AnalyzeOptions:
    """``options`` as they apply to the input ``name``: a transcript uses no Whisper model (``model=""``).

    The report echoes these, and the session library finds an earlier analysis by them, so a transcript gives
    the same report (and is stored once) whichever model the CLI, batch or the app was set to.
    """
    return replace(options, model="") if is_transcript(name) else options  # as analyze_transcript echoes them


def analyze_transcript(text: str, *, source_name: str, nlp, options: AnalyzeOptions = AnalyzeOptions(),
                       syllable_table=None, sha256: str | None = None) -> Report:
    """Report for a transcript with speakers held in memory (an upload or a file's text); touches no files.

    Parses WebVTT / SRT / text with ``Name:`` prefixes / ``turns.json``, assigns roles
    (``options.mentor`` if given, else the stated rule of :func:`pipeline.measures.roles.assign_roles`)
    and measures the turns. Acoustic indicators are present with ``available=False``. What the transcript's
    checks found (broken times, names that may be typos: :mod:`pipeline.io.transcript_checks`) goes into the
    warnings; broken times cap every indicator at "low" (``transcript_unreliable``, kept by :func:`remeasure`).

    Raises
    ------
    TranscriptFormatError
        The text is empty (or only white space), holds no turns, or is not a transcript with speakers.
    """
    if is_blank(text):
        raise TranscriptFormatError(f"{source_name}: the transcript file is empty; export the transcript again, or "
                                    "give the file that holds it (.vtt, .srt, .txt, .docx, .csv or turns.json)")
    options = replace(options, model="")  # no Whisper model applies (applicable_options)
    parsed = read_transcript(text, source_name=source_name)
    if not parsed.turns:  # a turns.json of "[]", a transcript of headers and blank cues
        raise TranscriptFormatError(f"{source_name}: the transcript holds no turns; export the transcript again, or "
                                    "give the file that holds the conversation")
    speakers = assign_roles(parsed.turns, options=RoleOptions(mentor=options.mentor), nlp=nlp)
    turns = with_roles(parsed.turns, speakers)
    attribution = AttributionSummary(method="transcript", confidence="medium", n_speakers_found=len(speakers))
    measures = measure_session(turns, speakers, nlp=nlp, syllable_table=syllable_table,
                               attribution_confidence=session_confidence(
                                   attribution.confidence, transcript_unreliable=parsed.times_unreliable),
                               overlaps_observable=attribution.method in OVERLAP_METHODS,
                               turn_times=parsed.turn_times)
    return build_report(
        source_name=source_name, sha256=sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest(),
        duration_s=max((t.end_s for t in turns), default=0.0), input_kind="transcript", model_name="",
        attribution=attribution, speakers=speakers, turns=turns, measures=measures, options=options,
        warnings=untimed_warnings(parsed.turn_times) + parsed.warnings, turn_times=parsed.turn_times,
        transcript_unreliable=parsed.times_unreliable)


def analyze_transcript_file(path: str | os.PathLike, *, out_dir: str | os.PathLike | None = None,
                            options: AnalyzeOptions | None = None, nlp=None, syllable_table=None,
                            progress: StageProgress | None = None) -> Report:
    """Measure a transcript file with speakers (VTT/SRT/text/.docx/turns.json); write the outputs to ``out_dir``.

    ``nlp`` and ``syllable_table`` are loaded here when None. ``options.model`` and ``n_speakers`` do not apply.
    """
    import models

    p = Path(path)
    if progress:
        progress("measuring", 0.0)
    try:
        raw = p.read_bytes()
    except OSError as err:
        raise TranscriptFormatError(f"cannot read transcript {p.name}: {err}; check the path and its permissions") from err
    report = analyze_transcript(
        transcript_text(raw, source_name=p.name), source_name=p.name, options=options or AnalyzeOptions(),
        nlp=nlp if nlp is not None else models.load_nlp(),
        syllable_table=syllable_table if syllable_table is not None else models.load_syllable_table(),
        sha256=hashlib.sha256(raw).hexdigest())
    if out_dir is not None:
        write_analysis(report, Path(out_dir))
    return report


def analyze_path(path: str | os.PathLike, **kwargs) -> Report:
    """:func:`analyze_transcript_file` for a transcript (by its suffix), else :func:`analyze_file`.

    The keyword arguments are those of :func:`analyze_file`; the speech models are ignored for a transcript.
    """
    if is_transcript(str(path)):
        keep = {k: kwargs[k] for k in ("out_dir", "options", "nlp", "syllable_table", "progress") if k in kwargs}
        return analyze_transcript_file(path, **keep)
    return analyze_file(path, **kwargs)
