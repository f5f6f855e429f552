"""Who spoke when in a mono recording, offline.

Steps (all bounded in memory, linear in the session's length):

1. **Speech**: Silero VAD (the ONNX model shipped inside faster-whisper)
   gives a speech probability every 32 ms; runs are read off at 10 ms frames.
2. **Embeddings**: windows of ``window_s`` (1.6 s) slide over the speech-only
   time line (pauses removed) every ``hop_s``; each window is volume-normalised
   to -30 dBFS (the encoder is level-sensitive) and embedded by Resemblyzer's
   encoder (ONNX). At most ``max_embed_windows`` windows are embedded: on long
   sessions the hop grows, as the embeddings only have to *train* the speaker
   models of step 4. Without an encoder, each window's MFCC mean and standard
   deviation stand in (method ``"mfcc"``).
3. **Clustering**: Ward linkage into exactly ``n_speakers`` groups over at most
   ``max_cluster_windows`` windows spread evenly; every window then goes to the
   nearest centroid.
4. **Re-segmentation**: one diagonal GMM per speaker over 20 MFCCs, trained on
   the frames of that speaker's windows; a Viterbi pass over the 10 ms speech
   frames with a speaker-change cost gives boundaries far finer than a window,
   so a half-second "yes" between two long turns can still be found.

When two speakers are forced (``n_speakers=2``) but the voices do not
separate (:func:`separation_score` below ``min_separation``), the session is
given to one speaker with confidence ``"low"`` rather than inventing a second
person.
"""

from __future__ import annotations

import warnings
from dataclasses import replace

import librosa
import numpy as np

from pipeline.errors import InvalidParameterError
from pipeline.io.audio import release_pages
from pipeline.speech.channels import _label_runs, runs_from_mask
from pipeline.speech.speakercount import (
    estimate_speaker_count,
    separation_score,
    split_confidence,
    with_count,
    with_evidence,
)
from pipeline.types import Diarization, DiarizeOptions, Recording, SpeakerCount

FRAME_S = 0.01
_HOP = 160  # 10 ms at 16 kHz
_VAD_FRAME = 512  # Silero VAD frame at 16 kHz (32 ms)
_VAD_CHUNK = _VAD_FRAME * 9375  # 300 s per VAD call
_GATE_DB = 3.0  # Silero only runs where the level is this far above the 5th-percentile floor
_GATE_REACH_S = 1.0  # ... and this long either side
_NORM_DBFS = -30.0  # Resemblyzer's audio_norm_target_dBFS
_MFCC_CHUNK_S = 60.0
_N_MFCC = 20
_VITERBI_BLOCK = 60_000  # frames decoded per Viterbi call (10 minutes at 10 ms)
_RESEG_STEP = 1  # re-segmentation decodes every n-th 10 ms frame (2 measured 1-1.5 DER points worse)

#: Upper bound on windows embedded per session (the hop grows beyond it).
MAX_EMBED_WINDOWS = 300


# --------------------------------------------------------------------------
# Front ends
# --------------------------------------------------------------------------


def speech_probabilities(y: np.ndarray, *, sr: int, vad) -> np.ndarray:
    """Silero VAD speech probability every 10 ms.

    Parameters
    ----------
    y : np.ndarray
        Mono float32 signal, shape ``(n_samples,)``, 16 kHz.
    sr : int
        Must be 16000.
    vad : callable
        faster-whisper's ``SileroVADModel`` (see :func:`models.load_vad`): maps a
        signal whose length is a multiple of 512 to one probability per 512 samples.

    Returns
    -------
    np.ndarray
        float32 in [0, 1], shape ``(ceil(n_samples / 160),)``; frame ``i`` is
        the probability at ``[i*10 ms, (i+1)*10 ms)``.
    """
    if sr != 16_000:
        raise InvalidParameterError(f"speech_probabilities needs 16000 Hz audio, got sr={sr}")
    n = len(y)
    n_frames = -(-n // _HOP)
    if n == 0:
        return np.zeros(0, dtype=np.float32)
    # Energy gate: Silero runs only on stretches that rise above the noise floor (plus 1 s either side);
    # the rest is near-silence, probability 0. Saves the pauses' share of the VAD's cost.
    n_vad = -(-n // _VAD_FRAME)
    level = np.empty(n_vad, dtype=np.float32)
    step = _VAD_CHUNK // _VAD_FRAME
    for i in range(0, n_vad, step):  # in chunks: no full-length temporary copies
        seg = y[i * _VAD_FRAME:(i + step) * _VAD_FRAME]
        seg = np.pad(seg, (0, (-len(seg)) % _VAD_FRAME)).reshape(-1, _VAD_FRAME)
        level[i:i + len(seg)] = 10 * np.log10(np.einsum("ij,ij->i", seg, seg) / _VAD_FRAME + 1e-12)
        release_pages(y)
    candidate = level > np.percentile(level, 5) + _GATE_DB
    reach = int(round(_GATE_REACH_S * sr / _VAD_FRAME))
    candidate = np.convolve(candidate, np.ones(2 * reach + 1), mode="same") > 0
    p = np.zeros(n_vad, dtype=np.float32)
    c = np.concatenate(([False], candidate, [False]))
    edges = np.flatnonzero(np.diff(c.astype(np.int8)))
    for a, b in zip(edges[0::2], edges[1::2], strict=True):
        for start in range(a, b, _VAD_CHUNK // _VAD_FRAME):
            stop = min(b, start + _VAD_CHUNK // _VAD_FRAME)
            piece = np.array(y[start * _VAD_FRAME:stop * _VAD_FRAME])  # a copy: Silero writes into its input
            if len(piece) < (stop - start) * _VAD_FRAME:
                piece = np.pad(piece, (0, (stop - start) * _VAD_FRAME - len(piece)))
            p[start:stop] = np.asarray(vad(piece), dtype=np.float32).reshape(-1)[: stop - start]
            release_pages(y)
    idx = np.minimum((np.arange(n_frames) * _HOP + _HOP // 2) // _VAD_FRAME, len(p) - 1)
    return p[idx]


def speech_mask(probs: np.ndarray, *, threshold: float) -> np.ndarray:
    """Hysteresis on VAD probabilities: on at ``threshold``, off below ``threshold - 0.15``."""
    on = probs >= threshold
    keep = probs >= max(threshold - 0.15, 0.01)
    mask = np.zeros(len(probs), dtype=bool)
    # A run of "keep" frames is speech when it contains an "on" frame.
    k = np.concatenate(([False], keep, [False]))
    edges = np.flatnonzero(np.diff(k.astype(np.int8)))
    for s, e in zip(edges[0::2], edges[1::2], strict=True):
        if on[s:e].any():
            mask[s:e] = True
    return mask


def encoder_mels(windows: np.ndarray, *, sr: int) -> np.ndarray:
    """Resemblyzer's front end for equal-length windows, each normalised to -30 dBFS.

    Parameters
    ----------
    windows : np.ndarray
        float32, shape ``(n_windows, n_samples)``, 16 kHz.
    sr : int
        16000.

    Returns
    -------
    np.ndarray
        float32 mel power frames, shape ``(n_windows, n_samples // 160, 40)``
        (25 ms Hann window, 10 ms hop, 40 mel bands, as ``resemblyzer.audio``).
    """
    rms = np.sqrt(np.mean(np.square(windows, dtype=np.float64), axis=1))
    gain = (10 ** (_NORM_DBFS / 20)) / np.maximum(rms, 1e-6)
    y = (windows * gain[:, None]).astype(np.float32)
    mel = librosa.feature.melspectrogram(y=y, sr=sr, n_fft=400, hop_length=_HOP, n_mels=40)
    n = windows.shape[1] // _HOP
    return np.ascontiguousarray(np.transpose(mel[:, :, :n], (0, 2, 1)), dtype=np.float32)


def mfcc_frames(y: np.ndarray, *, sr: int, rows: np.ndarray | None = None) -> np.ndarray:
    """20 MFCCs every 10 ms, computed in 60 s chunks (bounded memory).

    Parameters
    ----------
    rows : np.ndarray, optional
        Sorted frame indices to keep (the others are never stored); None keeps all.

    Returns
    -------
    np.ndarray
        float32, shape ``(ceil(n_samples / 160), 20)``, or ``(len(rows), 20)``.
    """
    n_frames = -(-len(y) // _HOP)
    rows = np.arange(n_frames) if rows is None else np.asarray(rows)
    out = np.zeros((len(rows), _N_MFCC), dtype=np.float32)
    chunk = int(_MFCC_CHUNK_S * sr) // _HOP * _HOP
    for start in range(0, len(y), chunk):
        f0 = start // _HOP
        a, b = np.searchsorted(rows, [f0, f0 + chunk // _HOP])
        if a == b:
            continue
        piece = y[start:start + chunk]
        m = librosa.feature.mfcc(y=piece, sr=sr, n_mfcc=_N_MFCC, n_fft=400, hop_length=_HOP, n_mels=40).T
        out[a:b] = m[np.minimum(rows[a:b] - f0, len(m) - 1)]
        release_pages(y)
    return out


# --------------------------------------------------------------------------
# Windows over the speech-only time line
# --------------------------------------------------------------------------


def _speech_windows(runs: list[tuple[int, int]], *, win: int, hop: int) -> list[list[tuple[int, int]]]:
    """Windows of ``win`` frames every ``hop`` frames over the concatenated speech runs.

    Each window is a list of (start, end) frame ranges in real time. A session
    with less speech than one window gets one shorter window.
    """
    lengths = np.array([e - s for s, e in runs])
    total = int(lengths.sum())
    if total == 0:
        return []
    cum = np.concatenate(([0], np.cumsum(lengths)))
    starts = list(range(0, max(1, total - win + 1), hop)) if total >= win else [0]
    out = []
    for a in starts:
        b = min(a + win, total)
        pieces = []
        i = int(np.searchsorted(cum, a, side="right")) - 1
        pos = a
        while pos < b:
            s, _ = runs[i]
            off = pos - cum[i]
            take = min(b - pos, lengths[i] - off)
            pieces.append((int(s + off), int(s + off + take)))
            pos += take
            i += 1
        out.append(pieces)
    return out


def _gather(y: np.ndarray, pieces: list[tuple[int, int]], n_samples: int) -> np.ndarray:
    seg = np.concatenate([y[s * _HOP:e * _HOP] for s, e in pieces])
    if len(seg) < n_samples:
        seg = np.pad(seg, (0, n_samples - len(seg)))
    return seg[:n_samples]


# --------------------------------------------------------------------------
# Clustering and re-segmentation
# --------------------------------------------------------------------------


def _cluster(x: np.ndarray, k: int, max_windows: int) -> np.ndarray:
    """Ward clustering of rows of ``x`` into ``k`` groups (memory bounded); returns labels 0..k-1."""
    from scipy.cluster.hierarchy import fcluster, linkage

    n = len(x)
    if k == 1 or n <= k:
        return np.arange(n) % k if n <= k else np.zeros(n, dtype=int)
    idx = np.linspace(0, n - 1, min(n, max_windows)).round().astype(int)
    idx = np.unique(idx)
    z = linkage(x[idx].astype(np.float64), method="ward")
    sub = fcluster(z, t=k, criterion="maxclust") - 1
    centroids = np.stack([x[idx][sub == c].mean(axis=0) for c in range(sub.max() + 1)])
    labels = _nearest(x, centroids)
    for _ in range(3):  # a few k-means steps over all windows
        centroids = np.stack([x[labels == c].mean(axis=0) if (labels == c).any() else centroids[c]
                              for c in range(len(centroids))])
        labels = _nearest(x, centroids)
    return labels


def _nearest(x: np.ndarray, centroids: np.ndarray) -> np.ndarray:
    d = (x * x).sum(1)[:, None] - 2 * x @ centroids.T + (centroids * centroids).sum(1)[None, :]
    return np.argmin(d, axis=1)


def _viterbi(loglik: np.ndarray, penalty: np.ndarray) -> np.ndarray:
    """Best state path; ``loglik`` (n, k); ``penalty[t]`` is the cost of a change between t-1 and t.

    Plain Python floats over k <= 4 states: several times faster than numpy
    calls on tiny arrays, and memory is one int8 back-pointer per frame and state.
    """
    n, k = loglik.shape
    if n == 0:
        return np.zeros(0, dtype=np.int32)
    rows = loglik.tolist()
    pen = penalty.tolist()
    back = np.zeros((n, k), dtype=np.int8)
    score = list(rows[0])
    states = range(k)
    for t in range(1, n):
        best = max(states, key=score.__getitem__)
        switch = score[best] - pen[t]
        row = rows[t]
        bt = back[t]
        new = [0.0] * k
        for j in states:
            if switch > score[j]:
                new[j] = switch + row[j]
                bt[j] = best
            else:
                new[j] = score[j] + row[j]
                bt[j] = j
        score = new
    path = np.zeros(n, dtype=np.int32)
    path[-1] = max(states, key=score.__getitem__)
    for t in range(n - 1, 0, -1):
        path[t - 1] = back[t, path[t]]
    return path


def _resegment(feats: np.ndarray, frame_labels: np.ndarray, k: int, options: DiarizeOptions,
               run_starts: np.ndarray) -> np.ndarray:
    """GMM per speaker on MFCC frames + Viterbi; returns a label per speech frame.

    Likelihoods are scored and decoded every ``_RESEG_STEP`` frames (20 ms) and
    the path repeated back to 10 ms frames.
    """
    from scipy.ndimage import uniform_filter1d
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.mixture import GaussianMixture

    n = len(feats)
    sub = feats[::_RESEG_STEP]
    ll = np.zeros((len(sub), k), dtype=np.float64)
    for c in range(k):
        train = feats[frame_labels == c]
        if len(train) < 2:  # a cluster with no pure frame (short sessions): never chosen
            ll[:, c] = -1e9
            continue
        if len(train) > 6_000:
            train = train[np.linspace(0, len(train) - 1, 6_000).astype(int)]
        n_comp = max(1, min(options.n_gmm_components, len(train) // 50))
        gmm = GaussianMixture(n_components=n_comp, covariance_type="diag", reg_covar=1e-3, max_iter=30,
                              random_state=0)
        with warnings.catch_warnings():  # 30 iterations are a deliberate cap: not converging is expected, not news
            warnings.filterwarnings("ignore", category=ConvergenceWarning)
            gmm.fit(train)
        for i in range(0, len(sub), 100_000):  # in blocks: sklearn's temporaries stay small on long sessions
            ll[i:i + 100_000, c] = gmm.score_samples(sub[i:i + 100_000])
    if options.smooth_s > 0:  # average frame log-likelihoods over a short window (per speaker)
        width = max(1, int(round(options.smooth_s / (FRAME_S * _RESEG_STEP))))
        ll = uniform_filter1d(ll, size=width, axis=0, mode="nearest")
    # Penalty per decoded step, scaled so a change costs the same per second as at 10 ms.
    penalty = np.full(len(sub), options.switch_penalty / _RESEG_STEP)
    penalty[np.unique(run_starts // _RESEG_STEP)] *= 0.25  # changes come easier across a pause
    # Decoded in blocks of 10 minutes of frames: the Viterbi's per-frame Python lists stay small on long sessions.
    path = np.concatenate([_viterbi(ll[i:i + _VITERBI_BLOCK], penalty[i:i + _VITERBI_BLOCK])
                           for i in range(0, len(ll), _VITERBI_BLOCK)] or [np.zeros(0, dtype=np.int32)])
    return np.repeat(path, _RESEG_STEP)[:n]


# --------------------------------------------------------------------------
# The stage
# --------------------------------------------------------------------------


def diarize(recording: Recording, *, vad, encoder=None, options: DiarizeOptions = DiarizeOptions()) -> Diarization:
    """Who spoke when in a mono (or mixed-down) recording.

    Parameters
    ----------
    recording : Recording
        16 kHz audio; stereo is mixed to mono.
    vad : callable
        Silero VAD from :func:`models.load_vad`.
    encoder : models.SpeakerEncoder, optional
        Speaker encoder from :func:`models.load_speaker_encoder`; None uses the
        weight-free MFCC fallback (a few DER points worse).
    options : DiarizeOptions
        Speaker count (1-4, default 2; None: estimated, see ``speaker_count`` in the result) and algorithm
        settings; echoed in the result.

    Returns
    -------
    Diarization
        ``method`` ``"embedding"`` or ``"mfcc"``; speakers ``S1``.. in order of
        first speech; ``confidence`` ``"low"`` when a forced second speaker was
        not separable (then only one speaker is returned). No overlap detection
        in mono: ``overlaps`` is empty. Silence gives no segments and confidence ``"low"``.
    """
    if recording.sr != 16_000:
        raise InvalidParameterError(f"diarize needs 16000 Hz audio, got sr={recording.sr}; load it with load_audio")
    method = "embedding" if encoder is not None else "mfcc"
    y = recording.mono()
    duration = recording.duration_s
    empty = Diarization.no_speech(method, duration, options)
    if len(y) < _HOP * 10:
        return empty
    probs = speech_probabilities(y, sr=recording.sr, vad=vad)
    mask = speech_mask(probs, threshold=options.vad_threshold)
    runs_s = runs_from_mask(mask, frame_s=FRAME_S, min_silence_s=0.0, min_speech_s=options.min_speech_s)
    runs = [(int(round(s / FRAME_S)), int(round(e / FRAME_S))) for s, e in runs_s]
    if not runs:
        return empty

    win = int(round(options.window_s / FRAME_S))
    total = sum(e - s for s, e in runs)
    hop = max(int(round(options.hop_s / FRAME_S)), int(np.ceil(max(total - win, 0) / MAX_EMBED_WINDOWS)), 1)
    windows = _speech_windows(runs, win=win, hop=hop)
    x = _window_features(y, windows, win=win, encoder=encoder, options=options, sr=recording.sr)

    count = None if options.n_speakers else _count_people(x, options, mfcc=encoder is None)
    k = options.n_speakers or count.n_speakers
    labels = _cluster(x, k, options.max_cluster_windows) if k > 1 else np.zeros(len(x), dtype=int)
    separation = separation_score(x, labels) if k > 1 else float("inf")
    confidence = split_confidence(labels, k, separation, min_separation=options.min_separation)
    if confidence is None:
        labels = np.zeros(len(x), dtype=int)
        confidence, k = "low", 1
    extra_voice = k == options.n_speakers and k < 4 and _extra_voice(x, k, separation, options)
    if extra_voice:
        confidence = "low"

    speech_idx = np.concatenate([np.arange(s, e) for s, e in runs])
    path = _speech_frame_path(y, recording.sr, mask, runs, speech_idx, windows, labels, k, options)

    frame_spk = np.full(mask.shape[0], -1, dtype=np.int32)
    frame_spk[speech_idx] = path
    frame_spk = bridge_pauses(frame_spk, max_gap=int(round(options.min_silence_s / FRAME_S)))
    per_speaker = [runs_from_mask(frame_spk == c, frame_s=FRAME_S, min_silence_s=0.0,
                                  min_speech_s=options.min_speech_s) for c in range(k)]
    diarization = _label_runs(per_speaker, duration, method, confidence, separation, options)
    diarization = replace(diarization, extra_voice=extra_voice) if extra_voice else diarization
    return with_count(with_evidence(diarization), count)


def _count_people(x: np.ndarray, options: DiarizeOptions, *, mfcc: bool) -> SpeakerCount:
    """The number of people (``n_speakers=None``) from the 1.6 s windows' features clustered into 2-4 groups
    (:func:`pipeline.speech.speakercount.estimate_speaker_count`); with MFCC features, whose scale
    ``min_separation`` was not calibrated on, confidence "low"."""
    count = estimate_speaker_count(x, lambda k: _cluster(x, k, options.max_cluster_windows),
                                   min_separation=options.min_separation)
    return replace(count, confidence="low") if mfcc else count


def _speech_frame_path(y: np.ndarray, sr: int, mask: np.ndarray, runs: list[tuple[int, int]],
                       speech_idx: np.ndarray, windows, labels: np.ndarray, k: int,
                       options: DiarizeOptions) -> np.ndarray:
    """A speaker index per speech frame (``speech_idx``): the window labels resegmented frame by frame
    (:func:`_resegment`) when there are several speakers, all zeros for one."""
    if k > 1:
        # Frame labels for training: each speech frame takes the label of the window whose centre is nearest.
        frame_label = np.full(mask.shape[0], -1, dtype=np.int64)
        votes = np.zeros((mask.shape[0], k), dtype=np.float32)
        for w, pieces in enumerate(windows):
            for s, e in pieces:
                votes[s:e, labels[w]] += 1
        v = votes[speech_idx]
        pure = v.max(axis=1) == v.sum(axis=1)  # every window covering the frame agrees
        frame_label[speech_idx] = np.where(pure, np.argmax(v, axis=1), -1)
        del votes, v
        feats = mfcc_frames(y, sr=sr, rows=speech_idx)
        mu, sd = feats.mean(0), feats.std(0) + 1e-6
        feats = (feats - mu) / sd
        starts_in_speech = np.cumsum([0] + [e - s for s, e in runs[:-1]])
        return _resegment(feats, frame_label[speech_idx], k, options, starts_in_speech)
    return np.zeros(len(speech_idx), dtype=np.int32)


def _extra_voice(x: np.ndarray, k: int, separation: float, options: DiarizeOptions) -> bool:
    """True when the windows split into ``k + 1`` groups at least as clearly as into ``k``.

    With one more group than there are voices, two groups share a voice and the
    score drops (sample sessions, k=2 -> 3: 1.45 -> 0.64 and 1.50 -> 1.03); with a
    voice left over it rises (mentor, mentee and a third voice forced into two:
    1.25 -> 1.55). The extra group must also hold at least 10 % of the windows.
    """
    if separation == float("inf"):
        return False
    labels = _cluster(x, k + 1, options.max_cluster_windows)
    sizes = np.bincount(labels, minlength=k + 1)
    if sizes.min() < 0.1 * len(x):
        return False
    more = separation_score(x, labels)
    return more >= separation and more >= 1.3 * options.min_separation


def bridge_pauses(labels: np.ndarray, *, max_gap: int) -> np.ndarray:
    """Fill pauses (-1) shorter than ``max_gap`` frames that lie between two frames of the same speaker.

    A pause between two different speakers stays a pause, so bridging never
    creates overlap or swallows a short turn of the other person.
    """
    out = labels.copy()
    sil = np.concatenate(([False], labels < 0, [False]))
    edges = np.flatnonzero(np.diff(sil.astype(np.int8)))
    for s, e in zip(edges[0::2], edges[1::2], strict=True):
        if 0 < s and e < len(labels) and e - s < max_gap and labels[s - 1] == labels[e]:
            out[s:e] = labels[s - 1]
    return out


def _window_features(y, windows, *, win, encoder, options, sr) -> np.ndarray:
    n_samples = win * _HOP
    feats = []
    step = max(1, options.batch_size)
    for i in range(0, len(windows), step):
        batch = np.stack([_gather(y, p, n_samples) for p in windows[i:i + step]])
        release_pages(y)
        if encoder is not None:
            feats.append(encoder.embed(encoder_mels(batch, sr=sr), batch_size=options.batch_size))
        else:
            m = librosa.feature.mfcc(y=batch, sr=sr, n_mfcc=_N_MFCC, n_fft=400, hop_length=_HOP)
            feats.append(np.concatenate([m.mean(axis=2), m.std(axis=2)], axis=1).astype(np.float32))
    x = np.concatenate(feats)
    if encoder is None:
        x = (x - x.mean(0)) / (x.std(0) + 1e-6)
    return x


def to_rttm(diarization: Diarization, *, file_id: str) -> str:
    """RTTM text (NIST): one ``SPEAKER`` line per segment, times in seconds to 3 decimals.

    ``file_id`` has whitespace replaced by ``_`` (RTTM fields are space-separated).
    """
    fid = "_".join(file_id.split()) or "session"
    lines = [
        f"SPEAKER {fid} 1 {g.start_s:.3f} {g.end_s - g.start_s:.3f} <NA> <NA> {g.speaker} <NA> <NA>"
        for g in diarization.segments
        if g.end_s > g.start_s
    ]
    return "\n".join(lines) + ("\n" if lines else "")
