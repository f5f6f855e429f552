"""Dual-channel attribution: one person per channel, decided by channel energy (no model).

Zoom, Teams and podcast set-ups often record each person on their own channel.
A channel is *active* where its level is well above its own noise floor and
not just the other person's voice bleeding in: the bleed level of each channel
relative to the other is measured from the recording itself (the low tail of
the level difference while the other channel is loud), and a channel counts
only where it is at least ``crosstalk_db`` above that bleed. Both channels
active at once is overlapping speech.

A stereo file whose channels carry the same signal (mono saved as stereo, or
one signal panned) is not dual-channel: :func:`is_dual_channel` checks that each
channel dominates the other in a share of the speech frames.
"""

from __future__ import annotations

import numpy as np

from pipeline.errors import InvalidParameterError
from pipeline.io.audio import BLOCK_SAMPLES, frame_rms, iter_blocks
from pipeline.types import ChannelOptions, Diarization, Recording, SpeakerSegment

_EPS_DB = -120.0


def frame_levels_db(y: np.ndarray, *, sr: int, frame_length: int, hop_length: int) -> np.ndarray:
    """RMS level of each frame in dBFS.

    Parameters
    ----------
    y : np.ndarray
        float32 signal, shape ``(n_samples,)`` or ``(n_channels, n_samples)``.
    sr : int
        Sample rate in Hz (kept for the house signature; frames are in samples).
    frame_length, hop_length : int
        Frame and hop in samples.

    Returns
    -------
    np.ndarray
        float32 levels in dBFS, shape ``(n_frames,)`` or ``(n_channels, n_frames)``;
        frame ``i`` covers ``[i*hop_length, i*hop_length + frame_length)``.
        Digital silence is -120 dB.
    """
    rms = frame_rms(y, frame_length=frame_length, hop_length=hop_length)
    return np.maximum(20.0 * np.log10(np.maximum(rms, 1e-12)), _EPS_DB).astype(np.float32)


def runs_from_mask(mask: np.ndarray, *, frame_s: float, min_silence_s: float, min_speech_s: float,
                   offset_s: float = 0.0) -> list[tuple[float, float]]:
    """Turn a boolean frame mask into (start_s, end_s) runs.

    Blips shorter than ``min_speech_s`` are dropped, then gaps shorter than
    ``min_silence_s`` bridged, then runs shorter than ``min_speech_s`` dropped.
    Frame ``i`` spans ``[i*frame_s, (i+1)*frame_s)`` plus ``offset_s``.
    """
    if mask.size == 0 or not mask.any():
        return []
    m = np.concatenate(([False], mask.astype(bool), [False]))
    edges = np.flatnonzero(np.diff(m.astype(np.int8)))
    starts, ends = edges[0::2], edges[1::2]
    keep = (ends - starts) >= min_speech_s / frame_s
    starts, ends = starts[keep], ends[keep]
    runs: list[list[int]] = []
    max_gap = min_silence_s / frame_s
    for s, e in zip(starts, ends, strict=True):
        if runs and s - runs[-1][1] < max_gap:
            runs[-1][1] = e
        else:
            runs.append([s, e])
    min_len = min_speech_s / frame_s
    return [(offset_s + s * frame_s, offset_s + e * frame_s) for s, e in runs if e - s >= min_len]


def _bleed_db(own: np.ndarray, other: np.ndarray, other_loud: np.ndarray) -> float:
    """Level of ``other``'s voice in ``own``'s channel, relative to ``other``, dB.

    The 10th percentile of ``own - other`` over frames where ``other`` is loud:
    while only the other person talks, that difference is the bleed.
    """
    if other_loud.sum() < 10:
        return -60.0
    return float(np.percentile(own[other_loud] - other[other_loud], 10))


def channel_correlation(samples: np.ndarray) -> float:
    """Pearson correlation of the two channels' samples (1.0 for identical channels)."""
    # sums over blocks (float64 copies of whole channels would be four times the recording)
    n = samples.shape[1]
    if n == 0:
        return 1.0
    s = np.zeros(5)  # sum a, sum b, sum aa, sum bb, sum ab
    for _, block in iter_blocks(samples, block_length=BLOCK_SAMPLES):
        a, b = block[0].astype(np.float64), block[1].astype(np.float64)
        s += (a.sum(), b.sum(), a @ a, b @ b, a @ b)
    ma, mb = s[0] / n, s[1] / n
    va, vb, cov = s[2] - n * ma * ma, s[3] - n * mb * mb, s[4] - n * ma * mb
    den = np.sqrt(max(va, 0.0) * max(vb, 0.0))
    return float(cov / den) if den > 0 else 1.0


def is_dual_channel(recording: Recording, *, options: ChannelOptions = ChannelOptions()) -> bool:
    """True when a stereo recording really has one person per channel.

    Parameters
    ----------
    recording : Recording
        Any recording; mono gives False.
    options : ChannelOptions
        ``identical_correlation`` (channels this correlated are one signal) and
        ``distinct_min_fraction`` / ``crosstalk_db`` (each channel must dominate
        the other by ``crosstalk_db``, measured from the middle of the level
        difference's 5-95 % range so that a constant offset (panning) does not
        count, in at least this share of speech frames).

    Returns
    -------
    bool
    """
    if recording.n_channels != 2 or recording.n_samples < options.frame_length:
        return False
    if channel_correlation(recording.samples) >= options.identical_correlation:
        return False
    lv = frame_levels_db(recording.samples, sr=recording.sr, frame_length=options.frame_length,
                         hop_length=options.hop_length)
    floors = np.percentile(lv, options.floor_percentile, axis=1)
    speech = (lv > floors[:, None] + options.active_db_above_floor).any(axis=0)
    if speech.sum() < 10:
        return False
    diff = lv[0, speech] - lv[1, speech]
    lo, hi = np.percentile(diff, [5, 95])
    diff = diff - (lo + hi) / 2  # a panned mono signal has a constant offset only
    frac0 = float(np.mean(diff > options.crosstalk_db))
    frac1 = float(np.mean(diff < -options.crosstalk_db))
    return min(frac0, frac1) >= options.distinct_min_fraction


def diarize_channels(recording: Recording, *, options: ChannelOptions = ChannelOptions()) -> Diarization:
    """Attribute speech to channels by level, one person per channel.

    Parameters
    ----------
    recording : Recording
        Stereo recording, one person per channel (check with :func:`is_dual_channel`).
    options : ChannelOptions
        Floor, crosstalk and smoothing settings; echoed in the result.

    Returns
    -------
    Diarization
        ``method="channel"``; speakers labelled ``S1``, ``S2`` in order of first
        speech (the channel each came from is in the segment order only);
        ``overlaps`` where both channels are active. Silence gives no segments and confidence ``"low"``.

    Raises
    ------
    InvalidParameterError
        The recording is not stereo.
    """
    if recording.n_channels != 2:
        raise InvalidParameterError(
            f"diarize_channels needs a 2-channel recording, got {recording.n_channels} channel(s); use diarize() for mono"
        )
    frame_s = options.hop_length / recording.sr
    lv = frame_levels_db(recording.samples, sr=recording.sr, frame_length=options.frame_length,
                         hop_length=options.hop_length)
    if lv.shape[1] == 0:
        return Diarization.no_speech("channel", recording.duration_s, options)
    floors = np.percentile(lv, options.floor_percentile, axis=1)
    loud = lv > floors[:, None] + options.active_db_above_floor
    active = np.zeros_like(loud)
    for c in (0, 1):
        o = 1 - c
        bleed = _bleed_db(lv[c], lv[o], loud[o])
        margin = min(bleed + options.crosstalk_db, 0.0)
        active[c] = loud[c] & (lv[c] - lv[o] >= margin)
    # Frames span frame_length; attribute each hop to the frame's centre.
    offset_s = (options.frame_length - options.hop_length) / 2 / recording.sr
    runs = [runs_from_mask(active[c], frame_s=frame_s, min_silence_s=options.min_silence_s,
                           min_speech_s=options.min_speech_s, offset_s=offset_s) for c in (0, 1)]
    return _label_runs(runs, recording.duration_s, "channel", "high", float("inf"), options)


def _label_runs(runs: list[list[tuple[float, float]]], duration_s: float, method: str, confidence: str,
                separation: float, options) -> Diarization:
    """Build a :class:`Diarization` from per-source runs, labelling sources S1.. by first speech (none heard:
    :meth:`Diarization.no_speech`, whatever ``confidence`` says)."""
    order = sorted((i for i in range(len(runs)) if runs[i]), key=lambda i: runs[i][0][0])
    if not order:
        return Diarization.no_speech(method, duration_s, options)
    labels = {src: f"S{k + 1}" for k, src in enumerate(order)}
    segments = sorted(
        (SpeakerSegment(labels[i], round(max(0.0, float(s)), 3), round(min(float(duration_s), float(e)), 3))
         for i in order for s, e in runs[i]),
        key=lambda g: (g.start_s, g.speaker),
    )
    return Diarization(
        segments=tuple(segments),
        overlaps=overlap_regions(segments),
        speakers=tuple(labels[i] for i in order),
        method=method,
        confidence=confidence,
        separation=separation,
        duration_s=duration_s,
        options=options,
    )


def overlap_regions(segments) -> tuple[tuple[float, float], ...]:
    """Stretches covered by segments of two or more different speakers, merged, in time order."""
    events = []
    for g in segments:
        events.append((g.start_s, 1, g.speaker))
        events.append((g.end_s, -1, g.speaker))
    events.sort(key=lambda e: (e[0], e[1]))
    active: dict[str, int] = {}
    out: list[list[float]] = []
    start = None
    for t, kind, spk in events:
        if kind == 1:
            active[spk] = active.get(spk, 0) + 1
        else:
            active[spk] -= 1
            if active[spk] == 0:
                del active[spk]
        n = len(active)
        if n >= 2 and start is None:
            start = t
        elif n < 2 and start is not None:
            if t > start:
                if out and abs(out[-1][1] - start) < 1e-9:
                    out[-1][1] = t
                else:
                    out.append([start, t])
            start = None
    return tuple((round(float(a), 3), round(float(b), 3)) for a, b in out)
