"""Local speaker segmentation over sliding 10 s windows, and embeddings of each local speaker.

The segmentation model (pyannote ``segmentation-3.0``, see
:func:`models.load_segmentation`) labels, every 270 samples (16.875 ms) of a
10 s window, which of up to three *local* speakers talk, two at most at once,
as a powerset class: none, {1}, {2}, {3}, {1,2}, {1,3}, {2,3}. Local speaker 1
in one window has nothing to do with local speaker 1 in the next: linking them
into the session's people is :mod:`pipeline.speech.overlap`'s job.

Memory is bounded: activity is kept as one byte per frame and local speaker
(3 h at a 5 s step: 2160 windows x 589 frames x 3 = 4 MB); audio is read window
by window.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from pipeline.errors import InvalidParameterError
from pipeline.io.audio import release_pages
from pipeline.speech.diarize import encoder_mels

#: Powerset classes -> local speakers active (rows: none, {1}, {2}, {3}, {1,2}, {1,3}, {2,3}).
POWERSET = np.array([[0, 0, 0], [1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 0], [1, 0, 1], [0, 1, 1]], dtype=np.uint8)
N_LOCAL = 3
_PARTIAL = 25_600  # 1.6 s: the speaker encoder's training length


@dataclass(frozen=True)
class LocalSegmentation:
    """The segmentation model's decisions over sliding windows.

    Attributes
    ----------
    starts : np.ndarray
        int64, shape ``(n_windows,)``: first sample of each window.
    activity : np.ndarray
        uint8 0/1, shape ``(n_windows, n_frames, 3)``: local speaker ``k`` talks
        in frame ``f`` of window ``w`` (most probable powerset class).
    marginal : np.ndarray
        float16 in [0, 1], shape ``(n_windows, n_frames, 3)``: probability that
        local speaker ``k`` talks (sum of the classes that contain it).
    overlap_p : np.ndarray
        float16 in [0, 1], shape ``(n_windows, n_frames)``: probability that two
        people talk (sum of the three pair classes).
    speech_p : np.ndarray
        float16 in [0, 1], shape ``(n_windows, n_frames)``: 1 - p(no speech).
    frame_step : int
        Samples between frames (270).
    window : int
        Samples per window (160000).
    n_samples : int
        Length of the recording, samples.
    """

    starts: np.ndarray
    activity: np.ndarray
    marginal: np.ndarray
    overlap_p: np.ndarray
    speech_p: np.ndarray
    frame_step: int
    window: int
    n_samples: int


def window_starts(n_samples: int, *, window: int, step: int) -> np.ndarray:
    """First samples of windows of ``window`` samples every ``step``, the last one ending at the recording's end.

    A recording shorter than one window gets one window at 0 (zero-padded). The window that ends at the
    recording's end replaces the last regular one when it would start under half a step after it and the
    one before still meets it (the first window is never replaced): a near-copy of a window gives
    near-copies of its local speakers' embeddings, a tight false group for the clustering and its separation
    score (a 30 s AMI excerpt of 480,001 samples had windows at 20.0 s and 20.0000625 s).
    """
    if n_samples <= window:
        return np.zeros(1, dtype=np.int64)
    starts = np.arange(0, n_samples - window + 1, step, dtype=np.int64)
    end = n_samples - window
    if starts[-1] < end:
        near = len(starts) > 1 and end - starts[-1] < step / 2 and end - starts[-2] <= window
        starts = np.append(starts[:-1] if near else starts, end)
    return starts


def _window(y: np.ndarray, start: int, window: int) -> np.ndarray:
    seg = y[start:start + window]
    return np.pad(seg, (0, window - len(seg))) if len(seg) < window else seg


def segment_windows(y: np.ndarray, *, sr: int, segmenter, step_s: float = 5.0,
                    batch_size: int = 2) -> LocalSegmentation:
    """Run the segmentation model over sliding windows and decode its powerset output.

    Parameters
    ----------
    y : np.ndarray
        Mono float32 signal, shape ``(n_samples,)``, 16 kHz.
    sr : int
        Must be 16000.
    segmenter : models.Segmenter
        From :func:`models.load_segmentation`: ``(batch, 160000)`` ->
        ``(batch, 589, 7)`` powerset log-probabilities.
    step_s : float
        Seconds between window starts, 0.5-10 (10: windows abut).
    batch_size : int
        Windows per model call. onnxruntime's memory arena keeps the largest batch's buffers for the life of
        the process: 2 keeps it small (peak RSS at 3 hours 1338 MB against 1595 MB at 8), for about 10 %
        more CPU time (measured on a shared machine, noisy).

    Returns
    -------
    LocalSegmentation
        Hard decisions (the most probable class per frame, as pyannote does).
    """
    if sr != 16_000:
        raise InvalidParameterError(f"segment_windows needs 16000 Hz audio, got sr={sr}")
    if not 0.5 <= step_s <= 10.0:
        raise InvalidParameterError(f"step_s must be 0.5-10 seconds, got {step_s}")
    window = segmenter.window_samples
    starts = window_starts(len(y), window=window, step=int(round(step_s * sr)))
    shape = (len(starts), segmenter.n_frames)
    activity = np.zeros((*shape, N_LOCAL), dtype=np.uint8)
    marginal = np.zeros((*shape, N_LOCAL), dtype=np.float16)
    overlap_p = np.zeros(shape, dtype=np.float16)
    speech_p = np.zeros(shape, dtype=np.float16)
    for i in range(0, len(starts), batch_size):
        batch = np.stack([_window(y, int(s), window) for s in starts[i:i + batch_size]])
        release_pages(y)
        logp = segmenter(batch)
        sl = slice(i, i + len(batch))
        activity[sl] = POWERSET[np.argmax(logp, axis=2)]
        p = np.exp(logp)
        marginal[sl] = p @ POWERSET.astype(np.float32)
        overlap_p[sl] = p[:, :, 4:].sum(axis=2)
        speech_p[sl] = 1.0 - p[:, :, 0]
    return LocalSegmentation(starts, activity, marginal, overlap_p, speech_p, segmenter.frame_step_samples, window,
                             len(y))


def _frame_samples(mask: np.ndarray, frame_step: int, window: int) -> np.ndarray:
    """Sample mask of a window from a frame mask (frame ``f`` covers ``[f*step, (f+1)*step)``)."""
    m = np.repeat(mask, frame_step)
    return np.pad(m, (0, window - len(m))) if len(m) < window else m[:window]


def _partials(clip: np.ndarray, *, max_partials: int) -> list[np.ndarray]:
    """Up to ``max_partials`` 1.6 s pieces of ``clip`` (evenly spread); a shorter clip is tiled to 1.6 s."""
    if len(clip) < _PARTIAL:
        return [np.resize(clip, _PARTIAL)]
    n = min(max_partials, len(clip) // _PARTIAL)
    offs = np.linspace(0, len(clip) - _PARTIAL, n).round().astype(int)
    return [clip[o:o + _PARTIAL] for o in offs]


def local_embeddings(y: np.ndarray, seg: LocalSegmentation, *, sr: int, encoder, min_speech_s: float = 0.2,
                     max_partials: int = 2, batch_size: int = 16) -> tuple[np.ndarray, np.ndarray, tuple]:
    """Speaker embedding of each local speaker of each window, from the frames where it talks alone.

    Parameters
    ----------
    y : np.ndarray
        Mono float32 signal, 16 kHz.
    seg : LocalSegmentation
        From :func:`segment_windows`.
    sr : int
        16000.
    encoder : models.SpeakerEncoder
        Resemblyzer's encoder (:func:`models.load_speaker_encoder`).
    min_speech_s : float
        A local speaker with less clean (non-overlapped) speech than this is
        embedded from all its frames; with less than this in all, not at all.
    max_partials : int
        1.6 s pieces averaged per local speaker (bounds the cost).
    batch_size : int
        Pieces per encoder call (about; small, for onnxruntime's memory arena).

    Returns
    -------
    embeddings : np.ndarray
        float32, shape ``(n_windows, 3, 256)``, unit rows (zeros where not embedded).
    clean_s : np.ndarray
        float32, shape ``(n_windows, 3)``: seconds of speech embedded (0: none).
    pieces : tuple of (np.ndarray, np.ndarray)
        Every 1.6 s piece's own embedding, float32 ``(n_pieces, 256)``, and its
        (window, local speaker), int64 ``(n_pieces, 2)``: the separation score
        is measured on these, the scale it was calibrated on.
    """
    n_win = len(seg.starts)
    emb = np.zeros((n_win, N_LOCAL, 256), dtype=np.float32)
    clean_s = np.zeros((n_win, N_LOCAL), dtype=np.float32)
    pieces: list[np.ndarray] = []
    owners: list[tuple[int, int]] = []
    all_e: list[np.ndarray] = []
    all_o: list[tuple[int, int]] = []
    for w in range(n_win):
        act = seg.activity[w]
        alone = act.sum(axis=1) == 1
        x = None
        for k in range(N_LOCAL):
            frames = act[:, k].astype(bool)
            mask = frames & alone
            if mask.sum() * seg.frame_step < min_speech_s * sr:
                mask = frames
            if mask.sum() * seg.frame_step < min_speech_s * sr:
                continue
            x = _window(y, int(seg.starts[w]), seg.window) if x is None else x
            clip = x[_frame_samples(mask, seg.frame_step, seg.window)]
            clean_s[w, k] = len(clip) / sr
            for p in _partials(clip, max_partials=max_partials):
                pieces.append(p)
                owners.append((w, k))
        if len(pieces) >= batch_size or (w == n_win - 1 and pieces):
            all_e.append(_embed_into(emb, pieces, owners, encoder=encoder, sr=sr))
            all_o += owners
            pieces, owners = [], []
            release_pages(y)
    norms = np.linalg.norm(emb, axis=2, keepdims=True)
    emb = np.where(norms > 0, emb / np.maximum(norms, 1e-12), 0.0).astype(np.float32)
    piece_emb = np.concatenate(all_e) if all_e else np.zeros((0, 256), dtype=np.float32)
    return emb, clean_s, (piece_emb, np.array(all_o, dtype=np.int64).reshape(-1, 2))


def _embed_into(emb: np.ndarray, pieces: list[np.ndarray], owners: list[tuple[int, int]], *, encoder,
                sr: int) -> np.ndarray:
    """Embed 1.6 s pieces, add each to its (window, local speaker) sum; returns the pieces' embeddings."""
    e = encoder.embed(encoder_mels(np.stack(pieces), sr=sr), batch_size=len(pieces))
    for (w, k), v in zip(owners, e, strict=True):
        emb[w, k] += v
    return e
