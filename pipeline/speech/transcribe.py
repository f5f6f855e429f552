"""Speech to words with timestamps (faster-whisper, Silero VAD).

Long recordings are transcribed in windows of about ``window_s`` seconds, each
cut at the quietest moment shortly before its nominal boundary, and word times
are offset back into the session's time line. Memory then depends on the window,
not on the session's length.
"""

from __future__ import annotations

import ctypes
import gc
from collections.abc import Callable

import librosa
import numpy as np

from pipeline.errors import InvalidParameterError
from pipeline.io.audio import release_pages
from pipeline.types import Recording, Segment, TranscribeOptions, Transcript, Word

ProgressFn = Callable[[float], None]

_CUT_FRAME_S = 0.1


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
        Decoding and windowing options; echoed in the result.
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
    y = recording.mono()
    total = len(y)
    segments: list[Segment] = []
    language = options.language or ""
    for start, end in window_bounds(y, sr=recording.sr, options=options):
        offset_s = start / recording.sr
        window_s = (end - start) / recording.sr
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
                progress(min(1.0, (start + seg.end * recording.sr) / total))
        _release_memory()
        release_pages(y)  # a disk-backed recording: this window's pages go back to the page cache
        if progress is not None:
            progress(end / total)
    if progress is not None and total == 0:
        progress(1.0)
    return Transcript(
        segments=_monotonic(segments),
        language=language,
        duration_s=recording.duration_s,
        model_name=model.name,
        options=options,
    )


def _segment(seg, *, offset_s: float, window_s: float) -> Segment | None:
    """One of faster-whisper's segments as a :class:`Segment` in recording time (the window starts at
    ``offset_s`` and lasts ``window_s``), or None when it holds no words."""
    words = tuple(
        Word(
            text=w.word.strip(),
            start_s=round(offset_s + max(0.0, w.start), 3),
            end_s=round(offset_s + min(max(w.end, w.start), window_s), 3),
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
