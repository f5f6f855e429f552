"""Two-channel recordings transcribed per channel: each person's words from their own microphone.

Whisper on the two channels mixed hears two voices wherever they overlap and writes neither well (an
interruption or a "mm-hm" under the other's sentence comes out as a garble of both). Here each person's
channel is transcribed on its own, with the other person's crosstalk silenced outside the stretches where
the channel attribution (:func:`pipeline.speech.channels.diarize_channels`) found that person speaking
(``pad_s`` either side), and every word is given to that channel's person. The words of both are merged by
time. It costs one Whisper pass per person, but Whisper's VAD skips the silenced stretches, so together
they take little more than one pass over the mix (``bench/overlap_events.py`` prints the figure).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import numpy as np

from pipeline.errors import InvalidParameterError
from pipeline.io.audio import release_pages
from pipeline.speech.transcribe import _monotonic, _release_memory, _segment, window_bounds
from pipeline.types import Diarization, Recording, Segment, TranscribeOptions, Transcript

_RAMP_S = 0.01  # fade in and out of each kept stretch (no clicks for Whisper to hear)


def speaker_channels(recording: Recording, diarization: Diarization) -> dict[str, int]:
    """Each speaker's channel: the channel with more energy over the speaker's segments outside overlaps.

    Two speakers on the same channel keep it in order of energy share; the other channel goes to the second.
    """
    if recording.n_channels != 2:
        raise InvalidParameterError(f"speaker_channels needs a 2-channel recording, got {recording.n_channels}")
    share: dict[str, float] = {}
    for label in diarization.speakers:
        energy = np.zeros(2)
        for g in diarization.segments:
            if g.speaker != label or any(a < g.end_s and b > g.start_s for a, b in diarization.overlaps):
                continue
            x = recording.samples[:, int(g.start_s * recording.sr):int(g.end_s * recording.sr)]
            energy += (x.astype(np.float64) ** 2).sum(axis=1)
        share[label] = float(energy[0] / energy.sum()) if energy.sum() > 0 else 0.5
    order = sorted(share, key=lambda s: -share[s])  # most channel-0 first
    return {label: (0 if k == 0 else 1) for k, label in enumerate(order)}


def activity_gain(n_samples: int, sr: int, spans: list[tuple[float, float]], *, pad_s: float) -> np.ndarray:
    """float32 gain per sample: 1 inside the spans (widened by ``pad_s``), 0 elsewhere, 10 ms ramps between."""
    gain = np.zeros(n_samples, np.float32)
    for a, b in spans:
        gain[max(0, int((a - pad_s) * sr)):min(n_samples, int((b + pad_s) * sr))] = 1.0
    ramp = max(1, int(_RAMP_S * sr))
    return np.convolve(gain, np.full(ramp, 1.0 / ramp, np.float32), mode="same").astype(np.float32)


def transcribe_channels(recording: Recording, diarization: Diarization, *, model,
                        options: TranscribeOptions = TranscribeOptions(), pad_s: float = 0.3,
                        progress: Callable[[float], None] | None = None) -> Transcript:
    """Transcribe each person's channel on its own and merge the words by time, each word given to its person.

    Parameters
    ----------
    recording : Recording
        Stereo, one person per channel.
    diarization : Diarization
        The channel attribution of it (``method="channel"``): where each person speaks.
    model : models.AsrModel
        A loaded Whisper model.
    options : TranscribeOptions
        As for :func:`pipeline.speech.transcribe.transcribe` (windows, beam, VAD); echoed in the result.
    pad_s : float
        Seconds kept either side of each of a person's stretches, 0-2 (word onsets and tails).
    progress : callable, optional
        Fraction done in [0, 1], non-decreasing.

    Returns
    -------
    Transcript
        Segments of both people in start order; every word has ``speaker`` set. Use its ``words`` sorted by
        ``start_s`` (two people's words interleave where they overlap).

    Raises
    ------
    InvalidParameterError
        Not a stereo 16 kHz recording, or ``pad_s`` out of range.
    """
    if recording.sr != 16_000 or recording.n_channels != 2:
        raise InvalidParameterError("transcribe_channels needs 16000 Hz stereo audio with one person per channel, "
                                    f"got {recording.n_channels} channel(s) at {recording.sr} Hz")
    if not 0.0 <= pad_s <= 2.0:
        raise InvalidParameterError(f"pad_s must be in [0, 2], got {pad_s}")
    channels = speaker_channels(recording, diarization)
    segments: list[Segment] = []
    language = options.language or ""
    for k, label in enumerate(diarization.speakers):
        spans = [(g.start_s, g.end_s) for g in diarization.segments if g.speaker == label]
        done = (lambda f, k=k: progress((k + f) / len(diarization.speakers))) if progress else None
        found, language = _transcribe_masked(recording.samples[channels[label]], spans, sr=recording.sr,
                                             model=model, options=options, pad_s=pad_s, progress=done)
        segments += [_onsets_within(replace(s, words=tuple(replace(w, speaker=label) for w in s.words)), spans)
                     for s in found]
    if progress is not None:
        progress(1.0)
    return Transcript(segments=tuple(sorted(segments, key=lambda s: (s.start_s, s.end_s))), language=language,
                      duration_s=recording.duration_s, model_name=model.name, options=options)


def onset_within(start_s: float, end_s: float, spans: list[tuple[float, float]]) -> float:
    """A word's start moved to the onset of the person's speech it overlaps, where Whisper put it earlier.

    Whisper places the first word after a pause early, in the silence before it (faster-whisper's VAD pads each
    chunk it keeps by 0.4 s, and a word at a chunk's join can be mapped into the chunk before): on the sample
    sessions the first word of a turn began 0.1-0.8 s before the person's speech, where the other person may still
    be talking, which reads as overlap that is not there. The channel attribution knows where the person's speech
    starts; a word cannot start before it.

    Parameters
    ----------
    start_s, end_s : float
        The word's times, seconds, ``start_s <= end_s``.
    spans : list of (float, float)
        The person's speech on their channel, seconds, in time order.

    Returns
    -------
    float
        The later of ``start_s`` and the start of the first span the word overlaps, at most ``end_s``;
        ``start_s`` when it overlaps none.
    """
    first = next(((a, b) for a, b in spans if a < end_s and b > start_s), None)
    return start_s if first is None else min(max(start_s, first[0]), end_s)


def _onsets_within(segment: Segment, spans: list[tuple[float, float]]) -> Segment:
    """``segment`` with each word's start moved to its speech onset (:func:`onset_within`)."""
    words = tuple(replace(w, start_s=onset_within(w.start_s, w.end_s, spans)) for w in segment.words)
    return replace(segment, words=words, start_s=words[0].start_s if words else segment.start_s)


def _transcribe_masked(y: np.ndarray, spans: list[tuple[float, float]], *, sr: int, model,
                       options: TranscribeOptions, pad_s: float, progress) -> tuple[tuple[Segment, ...], str]:
    """One channel's segments, in windows as :func:`transcribe` cuts them, silenced outside ``spans``."""
    out: list[Segment] = []
    language = options.language or ""
    total = max(len(y), 1)
    for start, end in window_bounds(y, sr=sr, options=options):
        gain = activity_gain(end - start, sr, [(a - start / sr, b - start / sr) for a, b in spans
                                               if b >= start / sr - pad_s and a <= end / sr + pad_s], pad_s=pad_s)
        if gain.any():
            pieces, info = model.whisper.transcribe(
                np.array(y[start:end]) * gain, language=options.language, beam_size=options.beam_size,
                word_timestamps=True, vad_filter=options.vad_filter, condition_on_previous_text=False)
            language = info.language or language
            out += [s for s in (_segment(p, offset_s=start / sr, window_s=(end - start) / sr) for p in pieces)
                    if s is not None]
        _release_memory()
        release_pages(y)
        if progress is not None:
            progress(end / total)
    return _monotonic(out), language
