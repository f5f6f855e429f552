"""Speech regions, found once per recording and shared by transcription, language detection and attribution.

One Silero VAD pass (the model and front end of :func:`pipeline.speech.diarize.speech_probabilities`) gives a
speech probability every 10 ms. From it:

* :func:`speech_regions` reads the stretches of speech, padded and split as faster-whisper's batched pipeline
  cuts its own (threshold 0.5, pauses under 160 ms bridged, 400 ms padding, at most 30 s); batched
  transcription decodes them (:func:`pipeline.speech.transcribe.decode_chunks`) instead of running the VAD
  inside faster-whisper again, and the language check listens to their first 30 s.
* :class:`SharedVad` hands the diarizer the same probabilities: it wraps the VAD model and answers a piece of
  audio it has already seen from memory, so the diarizer's own call of ``speech_probabilities`` on the same
  signal costs no second pass. (When the diarizer takes speech probabilities or regions as input, e.g. from the
  segmentation model, the wrapper can go.)
"""

from __future__ import annotations

import hashlib
import threading

import numpy as np

from pipeline.speech.diarize import speech_mask, speech_probabilities
from pipeline.types import Recording

#: Seconds per VAD probability frame (:func:`pipeline.speech.diarize.speech_probabilities`).
FRAME_S = 0.01
#: faster-whisper's batched-pipeline VAD settings (``BatchedInferencePipeline.transcribe``, version 1.2).
THRESHOLD = 0.5
MIN_SILENCE_S = 0.16
PAD_S = 0.4
MAX_REGION_S = 30.0


class SharedVad:
    """A VAD model that runs once per distinct piece of audio and remembers its answer.

    Parameters
    ----------
    vad : callable
        Silero VAD (:func:`models.load_vad`): float32 16 kHz piece -> one probability per 512 samples.

    Notes
    -----
    The key is a BLAKE2 digest of the piece's bytes (about 30 ms for a 300 s piece), taken before the call,
    as Silero writes into its input. Only the probabilities are kept (one float per 32 ms of audio).
    """

    def __init__(self, vad) -> None:
        self.vad = vad
        self.calls = 0
        self.hits = 0
        self._memo: dict[bytes, np.ndarray] = {}
        # Transcription and attribution run in two threads (pipeline.run.orchestrate): one call at a time, so the
        # second asker of the same piece waits for the first answer instead of running the model again.
        self._lock = threading.Lock()

    def __call__(self, piece: np.ndarray) -> np.ndarray:
        key = hashlib.blake2b(np.ascontiguousarray(piece).view(np.uint8), digest_size=16).digest()
        with self._lock:
            self.calls += 1
            if key in self._memo:
                self.hits += 1
                return self._memo[key].copy()
            out = np.asarray(self.vad(piece), dtype=np.float32)
            self._memo[key] = out.copy()
            return out


def speech_regions(probs: np.ndarray, *, threshold: float = THRESHOLD, min_silence_s: float = MIN_SILENCE_S,
                   pad_s: float = PAD_S, max_region_s: float = MAX_REGION_S) -> tuple[tuple[float, float], ...]:
    """Stretches of speech read off 10 ms VAD probabilities, padded, none longer than ``max_region_s``.

    Parameters
    ----------
    probs : np.ndarray
        Speech probability every 10 ms (:func:`pipeline.speech.diarize.speech_probabilities`).
    threshold : float, keyword-only
        On at this probability, off below ``threshold - 0.15`` (:func:`pipeline.speech.diarize.speech_mask`).
    min_silence_s : float, keyword-only
        Pauses shorter than this are bridged, seconds.
    pad_s : float, keyword-only
        Each region is widened by this much either side, seconds; where two regions are closer than twice
        this, they meet half-way.
    max_region_s : float, keyword-only
        A longer stretch is split at its least speech-like 10 ms frame in its second half, again until
        every piece fits with its padding.

    Returns
    -------
    tuple of (start_s, end_s)
        In time order, not overlapping, inside ``[0, len(probs) * 0.01]``.
    """
    n = len(probs)
    if n == 0:
        return ()
    mask = np.concatenate(([False], speech_mask(probs, threshold=threshold), [False]))
    edges = np.flatnonzero(np.diff(mask.astype(np.int8)))
    runs: list[list[int]] = []
    gap = int(round(min_silence_s / FRAME_S))
    for s, e in zip(edges[0::2], edges[1::2], strict=True):
        if runs and s - runs[-1][1] < gap:
            runs[-1][1] = int(e)
        else:
            runs.append([int(s), int(e)])
    pad = int(round(pad_s / FRAME_S))
    longest = max(1, int(max_region_s / FRAME_S) - 2 * pad)
    pieces = [p for s, e in runs for p in _split(probs, s, e, longest)]
    out = []
    for i, (s, e) in enumerate(pieces):
        lo = max(0, s - pad) if i == 0 else max(s - pad, (pieces[i - 1][1] + s + 1) // 2)
        hi = min(n, e + pad) if i == len(pieces) - 1 else min(e + pad, (e + pieces[i + 1][0]) // 2)
        out.append((round(lo * FRAME_S, 3), round(hi * FRAME_S, 3)))
    return tuple(out)


def _split(probs: np.ndarray, start: int, end: int, longest: int) -> list[tuple[int, int]]:
    """``[start, end)`` in pieces of at most ``longest`` frames, each cut at the lowest probability of the
    second half of the stretch it ends."""
    pieces = []
    while end - start > longest:
        lo, hi = start + longest // 2, start + longest
        cut = lo + int(np.argmin(probs[lo:hi]))
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def find_speech(recording: Recording, *, vad) -> tuple[np.ndarray, tuple[tuple[float, float], ...]]:
    """The one VAD pass over a recording: 10 ms speech probabilities and the speech regions read off them.

    Parameters
    ----------
    recording : Recording
        16 kHz audio; stereo is mixed to mono (as the diarizer and Whisper hear it).
    vad : callable
        Silero VAD (:func:`models.load_vad`), ideally a :class:`SharedVad` that the diarizer is then given too.

    Returns
    -------
    (np.ndarray, tuple of (start_s, end_s))
        The probabilities (:func:`pipeline.speech.diarize.speech_probabilities`) and :func:`speech_regions`.
    """
    probs = speech_probabilities(recording.mono(), sr=recording.sr, vad=vad)
    return probs, speech_regions(probs)


def speech_audio(y: np.ndarray, regions: tuple[tuple[float, float], ...], *, sr: int, max_s: float) -> np.ndarray:
    """The first ``max_s`` seconds of speech in ``y``: the regions' audio joined, float32 (a copy)."""
    parts, left = [], int(max_s * sr)
    for start_s, end_s in regions:
        if left <= 0:
            break
        a = int(start_s * sr)
        b = min(int(end_s * sr), a + left)
        parts.append(np.asarray(y[a:b], dtype=np.float32))
        left -= b - a
    return np.concatenate(parts) if parts else np.zeros(0, dtype=np.float32)
