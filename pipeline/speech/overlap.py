"""Who spoke when in one channel, overlaps kept: segmentation windows linked into the session's people.

Steps (pyannote's recipe, on Rapport's own encoder and clustering):

1. **Local segmentation** (:func:`pipeline.speech.segmentation.segment_windows`):
   10 s windows every ``seg_step_s``; in each, up to three local speakers,
   two at most at once, every 16.875 ms.
2. **Embeddings** of each local speaker from the frames where it talks alone
   (:func:`pipeline.speech.segmentation.local_embeddings`).
3. **Clustering**: the local speakers with at least ``seg_min_cluster_s`` of
   clean speech are clustered into ``n_speakers`` groups (Ward, then k-means
   steps, as :mod:`pipeline.speech.diarize`); then, window by window, each
   local speaker goes to its nearest centroid, except that two local speakers active at the same time
   are never one person: a short one (a "mm-hm" of 0.3 s over the other's
   speech) then takes the next nearest.
4. **Reconstruction**: each window's activity, relabelled, is averaged over
   the windows covering a frame; the number of people talking in a frame is
   the rounded average of the windows' local counts; the frame goes to that
   many people, the most active first. Two people can thus be active at once.
5. **Re-segmentation** (``seg_resegment``): where one person talks, the
   person is re-decided on 10 ms MFCC frames by per-person GMMs and a Viterbi
   pass (:func:`resegment`), which places turn changes more finely than the
   windows do.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from pipeline.errors import InvalidParameterError
from pipeline.speech.channels import _label_runs, diarize_channels, is_dual_channel, runs_from_mask
from pipeline.speech.diarize import (
    FRAME_S,
    _cluster,
    _extra_voice,
    _resegment,
    diarize,
    mfcc_frames,
)
from pipeline.speech.segmentation import N_LOCAL, LocalSegmentation, local_embeddings, segment_windows
from pipeline.speech.speakercount import (
    asked_speakers,
    estimate_speaker_count,
    local_overlap_s,
    separation_score,
    split_confidence,
    with_count,
    with_evidence,
)
from pipeline.types import ChannelOptions, Diarization, DiarizeOptions, Recording, SpeakerCount


def assign_local_speakers(emb: np.ndarray, clean_s: np.ndarray, activity: np.ndarray, *, k: int,
                          min_cluster_s: float, max_cluster: int) -> tuple[np.ndarray, float, np.ndarray]:
    """Global speaker of each local speaker of each window.

    Parameters
    ----------
    emb : np.ndarray
        float32, shape ``(n_windows, 3, d)``, unit rows (zeros: not embedded).
    clean_s : np.ndarray
        float32, shape ``(n_windows, 3)``, seconds behind each embedding.
    activity : np.ndarray
        0/1, shape ``(n_windows, n_frames, 3)`` (:class:`LocalSegmentation` ``activity``).
    k : int
        Number of people, >= 1.
    min_cluster_s : float
        Only embeddings of at least this much speech train the clusters.
    max_cluster : int
        Ward clustering runs on at most this many embeddings.

    Returns
    -------
    labels : np.ndarray
        int64, shape ``(n_windows, 3)``: 0..k-1, or -1 for a local speaker
        that was not embedded (silent in that window).
    separation : float
        :func:`pipeline.speech.speakercount.separation_score` of the clustered
        embeddings (``inf`` for k = 1 or too few).
    train : np.ndarray
        The clustered embeddings, shape ``(n, d)`` (for the extra-voice check).
    """
    labels = np.full(clean_s.shape, -1, dtype=np.int64)
    present = clean_s > 0
    if k == 1 or not present.any():
        labels[present] = 0
        return labels, float("inf"), emb[present]
    strong = clean_s >= min_cluster_s
    if strong.sum() < k:
        strong = present
    train = emb[strong]
    lab = _cluster(train, k, max_cluster)
    separation = separation_score(train, lab)
    cents = np.stack([train[lab == c].mean(0) if (lab == c).any() else np.zeros(train.shape[1])
                      for c in range(k)])
    cents /= np.maximum(np.linalg.norm(cents, axis=1, keepdims=True), 1e-9)
    for w in range(len(clean_s)):
        local = np.flatnonzero(present[w])
        if len(local) > 0:
            labels[w, local] = _match_window(emb[w], clean_s[w], activity[w], local, cents)
    return labels, separation, train


def _match_window(emb: np.ndarray, clean_s: np.ndarray, act: np.ndarray, local: np.ndarray,
                  cents: np.ndarray, *, min_together: int = 6) -> np.ndarray:
    """People of one window's local speakers: the nearest centroid, except that two local speakers
    active together (at least ``min_together`` frames, 0.1 s) are never the same person.

    Local speakers are placed longest first (most reliable embedding); one that was never active together
    with another may join it (the model split one voice in two). Returns labels aligned with ``local``.
    """
    order = local[np.argsort(-clean_s[local], kind="stable")]
    chosen: dict[int, int] = {}
    for j in order:
        prefs = np.argsort(-(cents @ emb[j]), kind="stable")
        pick = int(prefs[0])
        for c in prefs:
            clash = any(chosen[i] == c and int((act[:, i] & act[:, j]).sum()) >= min_together for i in chosen)
            if not clash:
                pick = int(c)
                break
        chosen[int(j)] = pick
    return np.array([chosen[int(j)] for j in local], dtype=np.int64)


def reconstruct(seg: LocalSegmentation, labels: np.ndarray, k: int, *, decoding: str = "soft",
                overlap_threshold: float = 0.5) -> np.ndarray:
    """Per-frame activity of each person, overlaps kept.

    Parameters
    ----------
    seg : LocalSegmentation
    labels : np.ndarray
        int, shape ``(n_windows, 3)``, from :func:`assign_local_speakers`.
    k : int
        Number of people.
    decoding : {"soft", "hard"}
        ``"hard"`` (pyannote's): the number of people talking is the rounded
        mean of the windows' counts under their most probable class.
        ``"soft"``: speech where the mean p(speech) >= 0.5, two people where
        the mean p(two people) >= ``overlap_threshold`` as well.
    overlap_threshold : float
        See ``decoding``, in (0, 1].

    Returns
    -------
    np.ndarray
        bool, shape ``(n_frames, k)`` on the model's frame grid (frame ``i`` =
        ``[i*270, (i+1)*270)`` samples): who talks in each frame.
    """
    step = seg.frame_step
    n_frames = -(-seg.n_samples // step)
    nf = seg.activity.shape[1]
    agg = np.zeros((n_frames + nf, k), dtype=np.float32)
    count = np.zeros(n_frames + nf, dtype=np.float32)
    speech = np.zeros(n_frames + nf, dtype=np.float32)
    cover = np.zeros(n_frames + nf, dtype=np.float32)
    for w, start in enumerate(seg.starts):
        off = int(round(start / step))
        act = seg.activity[w] if decoding == "hard" else seg.marginal[w].astype(np.float32)
        glob = np.zeros((nf, k), dtype=np.float32)
        for j in range(N_LOCAL):
            if labels[w, j] >= 0:
                glob[:, labels[w, j]] = np.maximum(glob[:, labels[w, j]], act[:, j])
        agg[off:off + nf] += glob
        count[off:off + nf] += seg.activity[w].sum(axis=1) if decoding == "hard" else seg.overlap_p[w]
        speech[off:off + nf] += seg.speech_p[w]
        cover[off:off + nf] += 1
    agg, count, cover = agg[:n_frames], count[:n_frames], np.maximum(cover[:n_frames], 1)
    agg /= cover[:, None]
    if decoding == "hard":
        n_active = np.floor(count / cover + 0.5).astype(np.int64)
    else:
        n_active = (speech[:n_frames] / cover >= 0.5).astype(np.int64) + (count / cover >= overlap_threshold)
    n_active = np.minimum(n_active, min(k, 2))
    order = np.argsort(-agg, axis=1, kind="stable")
    out = np.zeros((n_frames, k), dtype=bool)
    for r in range(min(k, 2)):
        pick = (n_active > r) & (agg[np.arange(n_frames), order[:, r]] > 0)
        out[np.flatnonzero(pick), order[pick, r]] = True
    return out


def resegment(y: np.ndarray, active: np.ndarray, *, sr: int, frame_step: int,
              options: DiarizeOptions) -> np.ndarray:
    """Re-decide who talks where one person talks, on 10 ms MFCC frames (GMM per person + Viterbi).

    The segmentation's clean one-person frames train one diagonal GMM per
    person (as :func:`pipeline.speech.diarize.diarize` does with its window
    labels); a Viterbi pass with a speaker-change cost then relabels every
    one-person frame. Frames with two people are left as they are.

    Parameters
    ----------
    y : np.ndarray
        Mono float32 signal, 16 kHz.
    active : np.ndarray
        bool, shape ``(n_frames, k)`` on the model's frame grid, from :func:`reconstruct`.
    sr : int
        16000.
    frame_step : int
        Samples per frame of ``active`` (270).
    options : DiarizeOptions
        ``n_gmm_components``, ``switch_penalty``, ``smooth_s``.

    Returns
    -------
    np.ndarray
        bool, shape ``(ceil(n_samples / 160), k)``: who talks in each 10 ms frame.
    """
    hop = int(round(FRAME_S * sr))
    n10 = -(-len(y) // hop)
    idx = np.minimum((np.arange(n10) * hop + hop // 2) // frame_step, len(active) - 1)
    act = active[idx]
    k = act.shape[1]
    n_on = act.sum(axis=1)
    single = np.flatnonzero(n_on == 1)
    if k < 2 or len(single) == 0:
        return act
    labels = np.argmax(act[single], axis=1)
    feats = mfcc_frames(y, sr=sr, rows=single)  # only the one-person frames are stored
    mu, sd = feats.mean(0), feats.std(0) + 1e-6
    feats -= mu  # in place: no further copies of a (frames, 20) array (86 MB at 3 hours)
    feats /= sd
    gaps = np.flatnonzero(np.diff(single) > 1) + 1  # a new stretch of one-person speech starts here
    path = _resegment(feats, labels, k, options, np.concatenate(([0], gaps)))
    act[single] = False
    act[single, path] = True
    return act


def person_runs(active: np.ndarray, *, frame_s: float, min_silence_s: float,
                min_speech_s: float) -> list[list[tuple[float, float]]]:
    """Each person's speech runs, pauses bridged only where nobody else talks.

    A person's blips under ``min_speech_s`` are dropped and pauses under
    ``min_silence_s`` bridged (:func:`pipeline.speech.channels.runs_from_mask`),
    but a bridged pause never covers a stretch of ``min_speech_s`` or more
    where another person talks: a pause with someone else's words in it is
    the other's turn (or a backchannel), not two people at once. Bridging
    would otherwise invent overlap there (measured with ``bench/diarize.py``:
    AMI pooled overlap precision 0.92 -> 1.00, the unmatched sample's 2.1 s
    of false overlap gone). A shorter sliver (a turn change placed a few
    frames early) is bridged over, so a start over the other's speech stays
    one (an interruption).

    Parameters
    ----------
    active : np.ndarray
        bool, shape ``(n_frames, k)``: who talks in each frame.
    frame_s : float
        Seconds per frame.
    min_silence_s, min_speech_s : float
        Seconds, as :func:`pipeline.speech.channels.runs_from_mask`.

    Returns
    -------
    list of list of (float, float)
        Per person, (start_s, end_s) runs; a person's runs never overlap each other.
    """
    def mask(min_silence: float) -> np.ndarray:
        out = np.zeros(active.shape, dtype=bool)
        for c in range(active.shape[1]):
            for a, b in runs_from_mask(active[:, c], frame_s=frame_s, min_silence_s=min_silence,
                                       min_speech_s=min_speech_s):
                out[int(round(a / frame_s)):int(round(b / frame_s)), c] = True
        return out

    talks = mask(0.0)  # blips dropped, nothing bridged
    bridged = mask(min_silence_s)
    others = talks.sum(axis=1, keepdims=True) - talks > 0  # someone else talks in the frame
    cut = bridged & ~talks & others  # bridged frames where another person talks
    for c in range(cut.shape[1]):  # slivers under min_speech_s are the frame rules' noise, not the other's turn
        for a, b in runs_from_mask(cut[:, c], frame_s=frame_s, min_silence_s=0.0, min_speech_s=0.0):
            if b - a < min_speech_s - 1e-9:
                cut[int(round(a / frame_s)):int(round(b / frame_s)), c] = False
    kept = bridged & ~cut
    return [runs_from_mask(kept[:, c], frame_s=frame_s, min_silence_s=0.0, min_speech_s=min_speech_s)
            for c in range(active.shape[1])]


def diarize_overlap(recording: Recording, *, segmenter, encoder,
                    options: DiarizeOptions = DiarizeOptions()) -> Diarization:
    """Who spoke when in a mono (or mixed-down) recording, two people at once where they overlap.

    Parameters
    ----------
    recording : Recording
        16 kHz audio; stereo is mixed to mono.
    segmenter : models.Segmenter
        From :func:`models.load_segmentation`.
    encoder : models.SpeakerEncoder
        From :func:`models.load_speaker_encoder`.
    options : DiarizeOptions
        ``n_speakers`` (1-4), ``seg_step_s``, ``seg_min_cluster_s``,
        ``min_speech_s``, ``seg_min_silence_s``, ``min_separation``; echoed in the result.

    Returns
    -------
    Diarization
        ``method`` ``"segmentation"``; a person's segments never overlap each
        other, two people's may; ``overlaps`` = where two or more talk. When
        a forced second voice does not separate, one speaker and confidence
        ``"low"``, as :func:`pipeline.speech.diarize.diarize`.
    """
    if recording.sr != 16_000:
        raise InvalidParameterError(f"diarize_overlap needs 16000 Hz audio, got sr={recording.sr}; "
                                    "load it with load_audio")
    y = recording.mono()
    duration = recording.duration_s
    if len(y) < 1600:
        return Diarization.no_speech("segmentation", duration, options)
    seg = segment_windows(y, sr=recording.sr, segmenter=segmenter, step_s=options.seg_step_s)
    emb, clean_s, (piece_emb, piece_owner) = local_embeddings(y, seg, sr=recording.sr, encoder=encoder)
    count = None if options.n_speakers else _count_people(seg, emb, clean_s, piece_emb, piece_owner, options)
    k = options.n_speakers or count.n_speakers
    labels, _, _ = assign_local_speakers(emb, clean_s, seg.activity, k=k, min_cluster_s=options.seg_min_cluster_s,
                                         max_cluster=options.max_cluster_windows)
    # Separation on the 1.6 s pieces, each labelled with its local speaker's person: the scale the
    # min_separation bar was calibrated on (1.6 s windows), which averaged embeddings would inflate.
    piece_label = labels[piece_owner[:, 0], piece_owner[:, 1]] if len(piece_owner) else np.zeros(0, np.int64)
    separation = separation_score(piece_emb, piece_label) if k > 1 else float("inf")
    # Every embedded local speaker has pieces, so the pieces' people are the local speakers' people.
    confidence = split_confidence(piece_label, k, separation, min_separation=options.min_separation)
    if confidence is None:
        labels = np.where(labels >= 0, 0, -1)
        confidence, k = "low", 1
    extra_voice = (k == options.n_speakers and 1 < k < 4 and len(piece_emb) > 10 * (k + 1)
                   and _extra_voice(piece_emb, k, separation, options))
    if extra_voice:
        confidence = "low"
    active = reconstruct(seg, labels, k, decoding=options.seg_decoding,
                         overlap_threshold=overlap_threshold(k, options=options))
    frame_s = seg.frame_step / recording.sr
    if options.seg_resegment and k > 1:
        active = resegment(y, active, sr=recording.sr, frame_step=seg.frame_step, options=options)
        frame_s = FRAME_S
    per_speaker = person_runs(active, frame_s=frame_s, min_silence_s=options.seg_min_silence_s,
                              min_speech_s=options.min_speech_s)
    d = _label_runs(per_speaker, duration, "segmentation", confidence, separation, options)
    if len(d.speakers) < min(2, options.n_speakers or count.n_speakers):  # two or more wanted, one found: say so
        d = replace(d, confidence="low")
    return with_count(with_evidence(replace(d, extra_voice=True) if extra_voice else d), count)


def overlap_threshold(n_speakers: int, *, options: DiarizeOptions) -> float:
    """The mean p(two people) at which a frame holds two people: ``options.seg_overlap_threshold`` for one or two
    people, ``options.seg_group_overlap_threshold`` for three or more (see :class:`pipeline.types.DiarizeOptions`)."""
    return options.seg_group_overlap_threshold if n_speakers >= 3 else options.seg_overlap_threshold


def _count_people(seg: LocalSegmentation, emb: np.ndarray, clean_s: np.ndarray, piece_emb: np.ndarray,
                  piece_owner: np.ndarray, options: DiarizeOptions) -> SpeakerCount:
    """The number of people (``n_speakers=None``): the 1.6 s pieces as :func:`assign_local_speakers` would give
    them to 2-4 people, and the windows' overlapping local speakers
    (:func:`pipeline.speech.speakercount.estimate_speaker_count`)."""
    def labels_for(k: int) -> np.ndarray:
        labels, _, _ = assign_local_speakers(emb, clean_s, seg.activity, k=k, min_cluster_s=options.seg_min_cluster_s,
                                             max_cluster=options.max_cluster_windows)
        return labels[piece_owner[:, 0], piece_owner[:, 1]] if len(piece_owner) else np.zeros(0, np.int64)

    return estimate_speaker_count(piece_emb, labels_for, min_separation=options.min_separation,
                                  overlap_s=local_overlap_s(seg.activity, frame_s=seg.frame_step / 16_000))


def attribute_speakers(
    recording: Recording,
    *,
    vad,
    encoder=None,
    segmenter=None,
    options: DiarizeOptions = DiarizeOptions(),
    channel_options=None,
) -> Diarization:
    """Who spoke when, choosing the method from the recording itself.

    A stereo recording whose channels really differ (:func:`pipeline.speech.channels.is_dual_channel`)
    is attributed by channel energy (one person per channel, no model; the
    speaker count is then the channels that speak); anything else is
    diarized with :func:`pipeline.speech.overlap.diarize_overlap` (overlaps
    kept) when ``options.method`` is ``"segmentation"`` and both the
    segmenter and the encoder are given, else with
    :func:`pipeline.speech.diarize.diarize`
    (embeddings, or MFCC without an encoder). When the segmentation method
    finds fewer voices than asked for, the earlier method is asked too and
    the one that tells more voices apart is kept (its ``method`` says which).

    Parameters
    ----------
    recording : Recording
    vad, encoder
        Models, see :func:`pipeline.speech.diarize.diarize`.
    segmenter : models.Segmenter, optional
        From :func:`models.load_segmentation`.
    options : DiarizeOptions
        Used for mono recordings.
    channel_options : ChannelOptions, optional
        Used for dual-channel recordings (defaults when None).

    Returns
    -------
    Diarization
    """
    channel_options = channel_options or ChannelOptions()
    if is_dual_channel(recording, options=channel_options):
        return diarize_channels(recording, options=channel_options)
    if options.method == "segmentation" and segmenter is not None and encoder is not None:
        found = diarize_overlap(recording, segmenter=segmenter, encoder=encoder, options=options)
        if len(found.speakers) >= min(2, asked_speakers(found)):
            return found
        # Fewer voices than asked for (a short clip whose few 10 s windows hold too little of one person alone):
        # the earlier method, which needs less of each voice, is asked too; it keeps its own separation check,
        # so one voice forced into two still gives one speaker.
        earlier = diarize(recording, vad=vad, encoder=encoder, options=options)
        return earlier if len(earlier.speakers) > len(found.speakers) else found
    return diarize(recording, vad=vad, encoder=encoder, options=options)
