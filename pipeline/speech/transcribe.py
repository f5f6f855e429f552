"""Speech to words with timestamps (faster-whisper, Silero VAD).

Two ways of decoding (:attr:`TranscribeOptions.decoding`):

``"batched"`` (default)
    The speech regions (:mod:`pipeline.speech.regions`, found once per recording) are packed into chunks of
    at most 30 s (:func:`decode_chunks`), and faster-whisper's ``BatchedInferencePipeline`` decodes
    ``batch_size`` chunks at once, given them as ``clip_timestamps`` (so it runs no VAD of its own). Chunks go
    in groups of whole batches, about ``window_s`` seconds of speech, so memory stays flat in the session's
    length. Without
    regions (``rapport transcribe``), each window is chunked by faster-whisper's own VAD.
``"sequential"``
    ``WhisperModel.transcribe`` window after window, the plain way.

Either way long recordings are handled in windows of about ``window_s`` seconds, and
word times are offset back into the session's time line. Memory then depends on the
window, not on the session's length.
"""

from __future__ import annotations

import ctypes
import gc
from collections.abc import Callable
from dataclasses import replace

import librosa
import numpy as np

from pipeline.errors import InvalidParameterError
from pipeline.io.audio import release_pages
from pipeline.types import Recording, Segment, TranscribeOptions, Transcript, Word

ProgressFn = Callable[[float], None]
Regions = tuple[tuple[float, float], ...]

_CUT_FRAME_S = 0.1
#: Whisper hears 30 s at a time; a batched chunk is at most this long.
CHUNK_S = 29.95  # a hair under 30 s: faster-whisper warns about (and trims) a clip a rounding error longer
#: Sentence ends at which a batched chunk's text is split into segments (one per sentence, as subtitles want).
_SENTENCE_END = (".", "?", "!")
#: A chunk whose words end this long before its last speech region ends had its tail dropped (Whisper ended the
#: text early: seen with tiny.en on a clip cut mid-word); the tail is decoded again as a chunk of its own.
TAIL_S = 2.0


def window_bounds(
    y: np.ndarray, *, sr: int, options: TranscribeOptions = TranscribeOptions()
) -> tuple[tuple[int, int], ...]:
    """Split a signal into windows cut at quiet moments.

    Parameters
    ----------
    y : np.ndarray
        Mono float32 signal, shape ``(n_samples,)``.
    sr : int, keyword-only
        Sample rate in Hz.
    options : TranscribeOptions
        ``window_s`` is the nominal window length, ``cut_search_s`` how far
        before each boundary to look for the lowest-energy 100 ms frame.

    Returns
    -------
    tuple of (start, end) sample indices
        Contiguous, covering ``[0, len(y))``; empty for an empty signal.
    """
    n = len(y)
    if n == 0:
        return ()
    win = int(options.window_s * sr)
    search = int(options.cut_search_s * sr)
    frame = max(1, int(_CUT_FRAME_S * sr))
    bounds = []
    start = 0
    while n - start > win + search // 2:
        lo = max(start + 1, start + win - search)
        hi = start + win
        region = y[lo:hi]
        if len(region) >= 2 * frame:
            rms = librosa.feature.rms(y=region, frame_length=frame, hop_length=frame // 2, center=False)[0]
            cut = lo + int(np.argmin(rms)) * (frame // 2) + frame // 2
        else:
            cut = hi
        bounds.append((start, cut))
        start = cut
    bounds.append((start, n))
    return tuple(bounds)


def transcribe(
    recording: Recording,
    *,
    model,
    options: TranscribeOptions = TranscribeOptions(),
    speech: Regions | None = None,
    progress: ProgressFn | None = None,
) -> Transcript:
    """Transcribe a recording into words with start and end times.

    Parameters
    ----------
    recording : Recording
        16 kHz audio; stereo is mixed to mono for recognition (attribution
        uses the channels separately).
    model : models.AsrModel
        A loaded Whisper model (see :func:`models.load_asr`).
    options : TranscribeOptions
        Decoding and windowing options; echoed in the result, with the batch size, threads, device and
        compute type the model ran with.
    speech : tuple of (start_s, end_s), optional
        Speech regions (:func:`pipeline.speech.regions.find_speech`), used by batched decoding as its chunks'
        bounds; None lets faster-whisper's VAD find them window by window. Sequential decoding ignores them.
    progress : callable, optional
        Called with the fraction of audio done, in [0, 1], non-decreasing,
        ending with 1.0.

    Returns
    -------
    Transcript
        Segments with words in time order; no segments for silent or empty
        audio.
    """
    if recording.sr != 16_000:
        raise InvalidParameterError(f"transcribe needs 16000 Hz audio, got sr={recording.sr}; load it with load_audio")
    options = run_options(options, model)
    y = recording.mono()
    detected = None
    if options.decoding == "batched":
        segments, language, detected = _batched(y, recording.sr, model=model, options=options, speech=speech,
                                                progress=progress)
    else:
        segments, language = _sequential(y, recording.sr, model=model, options=options, progress=progress)
    if progress is not None and len(y) == 0:
        progress(1.0)
    return Transcript(
        segments=_monotonic(segments),
        language=language,
        duration_s=recording.duration_s,
        model_name=model.name,
        options=options,
        detected_language=detected,
    )


def run_options(options: TranscribeOptions, model) -> TranscribeOptions:
    """``options`` with what the model runs with filled in: batch size (0: the model's), threads, device, type."""
    return replace(
        options, batch_size=options.batch_size or int(getattr(model, "batch_size", 8) or 8),
        cpu_threads=int(getattr(model, "cpu_threads", 0) or 0), device=str(getattr(model, "device", "")),
        compute_type=str(getattr(model, "compute_type", "")))


def _sequential(y: np.ndarray, sr: int, *, model, options: TranscribeOptions,
                progress: ProgressFn | None) -> tuple[list[Segment], str]:
    """``WhisperModel.transcribe`` window after window (faster-whisper's VAD in each)."""
    total = len(y)
    segments: list[Segment] = []
    language = options.language or ""
    for start, end in window_bounds(y, sr=sr, options=options):
        offset_s = start / sr
        window_s = (end - start) / sr
        pieces, info = model.whisper.transcribe(
            np.array(y[start:end]),  # a copy: the recording is read-only and faster-whisper may write to its input
            language=options.language,
            beam_size=options.beam_size,
            word_timestamps=True,
            vad_filter=options.vad_filter,
            condition_on_previous_text=False,
        )
        language = info.language or language
        for seg in pieces:
            segment = _segment(seg, offset_s=offset_s, window_s=window_s)
            if segment is None:
                continue
            segments.append(segment)
            if progress is not None:
                progress(min(1.0, (start + seg.end * sr) / total))
        _release_memory()
        release_pages(y)  # a disk-backed recording: this window's pages go back to the page cache
        if progress is not None:
            progress(end / total)
    return segments, language


def decode_chunks(regions: Regions, *, max_s: float = CHUNK_S) -> Regions:
    """Speech regions packed, in order, into chunks of contiguous audio of at most ``max_s`` seconds.

    A chunk runs from its first region's start to its last region's end (the pauses between stay in, so word
    times need no remapping); a region longer than ``max_s`` is cut into pieces of ``max_s``.
    """
    chunks: list[tuple[float, float]] = []
    for start, end in regions:
        while end - start > max_s:  # regions from speech_regions never are; others may be
            chunks.append((start, start + max_s))
            start += max_s
        if chunks and end - chunks[-1][0] <= max_s and start >= chunks[-1][1]:
            chunks[-1] = (chunks[-1][0], end)
        else:
            chunks.append((start, end))
    return tuple(chunks)


def _chunk_groups(chunks: Regions, *, window_s: float, batch_size: int) -> list[Regions]:
    """Consecutive chunks in groups of whole batches, about ``window_s`` seconds of speech each (at least one
    batch): a group is decoded by one call, so a batch is never split between two and memory stays flat."""
    per_group = batch_size * max(1, round(window_s / (CHUNK_S * batch_size)))
    return [tuple(chunks[i:i + per_group]) for i in range(0, len(chunks), per_group)]


def _pipeline(whisper):
    """faster-whisper's ``BatchedInferencePipeline`` for ``whisper``, also reading the spoken language off the
    first chunk's encoder output (``.detected``: (language, probability), or None)."""
    from faster_whisper import BatchedInferencePipeline

    class _ListeningPipeline(BatchedInferencePipeline):
        detected: tuple[str, float] | None = None

        def generate_segment_batched(self, features, tokenizer, options):
            encoder_output, outputs = super().generate_segment_batched(features, tokenizer, options)
            if self.detected is None and self.model.model.is_multilingual:
                # CTranslate2 takes the encoded features as they are: one decoder step, no second encoder pass
                token, probability = self.model.model.detect_language(encoder_output)[0][0]
                self.detected = (token[2:-2], float(probability))  # "<|en|>" -> "en"
            return encoder_output, outputs

    return _ListeningPipeline(whisper)


def _batched(y: np.ndarray, sr: int, *, model, options: TranscribeOptions, speech: Regions | None,
             progress: ProgressFn | None) -> tuple[list[Segment], str, tuple[str, float] | None]:
    """faster-whisper's ``BatchedInferencePipeline`` over groups of speech chunks (or windows, without regions)."""
    pipe = _pipeline(model.whisper)
    total = len(y)
    if speech is None:  # faster-whisper finds the speech in each window itself
        jobs = [(start, end, None) for start, end in window_bounds(y, sr=sr, options=options)]
    else:
        jobs = []
        for group in _chunk_groups(decode_chunks(speech), window_s=options.window_s,
                                   batch_size=options.batch_size):
            start, end = int(group[0][0] * sr), min(total, int(np.ceil(group[-1][1] * sr)))
            clips = [{"start": max(0.0, a - start / sr), "end": min(b, end / sr) - start / sr} for a, b in group]
            jobs.append((start, end, clips))
    segments: list[Segment] = []
    language = options.language or ""
    for start, end, clips in jobs:
        if end <= start:
            continue
        found, language = _decode(pipe, y, sr, start, end, clips, options=options, language=language,
                                  progress=progress)
        if clips is not None:  # chunks whose words stop well before their speech does: their tails once more
            tails = _dropped_tails(found, [(start / sr + c["start"], start / sr + c["end"]) for c in clips], speech)
            if tails:
                t0, t1 = int(tails[0][0] * sr), int(np.ceil(tails[-1][1] * sr))
                more, language = _decode(pipe, y, sr, t0, min(total, t1), [
                    {"start": a - t0 / sr, "end": min(b, t1 / sr) - t0 / sr} for a, b in tails],
                    options=options, language=language, progress=None)
                found = sorted(found + more, key=lambda seg: seg.start_s)
        segments.extend(found)
        _release_memory()
        release_pages(y)
        if progress is not None:
            progress(end / max(total, 1))
    if progress is not None and total:
        progress(1.0)
    return segments, language, pipe.detected


def _decode(pipe, y: np.ndarray, sr: int, start: int, end: int, clips: list[dict] | None, *,
            options: TranscribeOptions, language: str, progress: ProgressFn | None) -> tuple[list[Segment], str]:
    """One batched call on ``y[start:end]``: its clips (or its own VAD's chunks), as segments in recording time."""
    offset_s, window_s = start / sr, (end - start) / sr
    pieces, info = pipe.transcribe(
        np.array(y[start:end], dtype=np.float32),  # a copy: faster-whisper may write to its input
        language=options.language, beam_size=options.beam_size, word_timestamps=True,
        vad_filter=options.vad_filter if clips is None else False, clip_timestamps=clips,
        batch_size=options.batch_size, condition_on_previous_text=False,
    )
    found: list[Segment] = []
    for seg in pieces:
        found.extend(_sentences(seg, offset_s=offset_s, window_s=window_s))
        if progress is not None:
            progress(min(1.0, (start + seg.end * sr) / max(len(y), 1)))
    return found, info.language or language


def _dropped_tails(found: list[Segment], chunks: list[tuple[float, float]], speech: Regions | None) -> Regions:
    """The ends of ``chunks`` (recording time), from the chunk's last decoded word, where speech regions go on
    for more than :data:`TAIL_S` after it; a chunk with no words at all is left as it is (no speech there, for
    Whisper: decoding it again would say the same)."""
    tails = []
    for a, b in chunks:
        ends = [w.end_s for seg in found for w in seg.words if a <= w.start_s < b]
        if not ends:
            continue
        last = max(ends)
        if b - last > TAIL_S and any(r0 < b and r1 > last + TAIL_S for r0, r1 in speech or ()):
            tails.append((last, b))
    return tuple(tails)


def _segment(seg, *, offset_s: float, window_s: float) -> Segment | None:
    """One of faster-whisper's segments as a :class:`Segment` in recording time (the window starts at
    ``offset_s`` and lasts ``window_s``), or None when it holds no words."""
    words = tuple(
        Word(
            text=w.word.strip(),
            start_s=round(float(offset_s + max(0.0, w.start)), 3),
            end_s=round(float(offset_s + min(max(w.end, w.start), window_s)), 3),
            probability=float(w.probability),
        )
        for w in (seg.words or ())
        if w.word.strip()
    )
    if not words:
        return None
    return Segment(
        start_s=words[0].start_s,
        end_s=words[-1].end_s,
        text=seg.text.strip(),
        words=words,
        avg_logprob=float(seg.avg_logprob),
        no_speech_prob=float(seg.no_speech_prob),
    )


def _sentences(seg, *, offset_s: float, window_s: float) -> list[Segment]:
    """A batched chunk's segment (up to 30 s of speech) as one :class:`Segment` per sentence, in recording time."""
    words = [w for w in (seg.words or ()) if w.word.strip()]
    out, run = [], []
    for i, w in enumerate(words):
        run.append(w)
        if i == len(words) - 1 or w.word.strip().endswith(_SENTENCE_END):
            text = "".join(x.word for x in run).strip()
            piece = _segment(_Piece(text, run, seg.avg_logprob, seg.no_speech_prob), offset_s=offset_s,
                             window_s=window_s)
            if piece is not None:
                out.append(piece)
            run = []
    return out


class _Piece:
    """A stand-in for faster-whisper's segment: some of its words with their text."""

    def __init__(self, text: str, words: list, avg_logprob: float, no_speech_prob: float) -> None:
        self.text, self.words, self.avg_logprob, self.no_speech_prob = text, words, avg_logprob, no_speech_prob


def _release_memory() -> None:
    """Hand the heap freed by a window back to the OS (glibc's malloc_trim), so memory does not creep per window.

    Each window's feature arrays and VAD buffers differ in size; without this,
    glibc keeps the freed heap and the process grows by a few hundred MB over an
    hour of audio even though nothing is leaked.
    """
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc (macOS, Windows, musl): nothing to do
        pass


def _monotonic(segments: list[Segment]) -> tuple[Segment, ...]:
    """Clamp word times so they never go backwards across segments and windows."""
    out = []
    last = 0.0
    for seg in segments:
        words = []
        for w in seg.words:
            s = max(w.start_s, last)
            e = max(w.end_s, s)
            words.append(Word(w.text, s, e, w.probability) if (s, e) != (w.start_s, w.end_s) else w)
            last = s
        out.append(Segment(words[0].start_s, words[-1].end_s, seg.text, tuple(words), seg.avg_logprob, seg.no_speech_prob))
    return tuple(out)
