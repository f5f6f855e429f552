"""Prosody per turn: speaking and articulation rate, loudness, pitch.

Definitions
-----------
* **Speaking rate** (``pace_wpm``): words / (last word end - first word start) * 60.
* **Articulation rate** (``articulation_sps``): syllables / (the same span minus
  every gap between words longer than ``pause_min_s``).
* **Loudness** (``rms_db``): 10 log10 of the mean frame power over the turn's
  voiced frames (25 ms frames within 30 dB of the turn's loudest frame), dBFS.
  On a stereo file the channel mean is used: the downmix lowers both speakers
  alike, so the *difference* between speakers is what to read.
* **Pitch**: ``librosa.yin`` on each turn's samples (speech only), at ``pitch_hop_length``
  (20 ms by default), frames kept only where voiced (within 25 dB of the turn's
  loudest frame, inside the search range); median and 10th-90th percentile range
  in Hz and semitones (median re 55 Hz). ``final_rise_st`` = median pitch of the
  last 300 ms of voiced frames minus the turn median; None when the pitch track
  in that window jumps by more than :data:`RISE_MAX_STEP_ST` between consecutive
  voiced frames (an octave error or creak at the end of a turn, not intonation).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import librosa
import numpy as np

from pipeline.io.audio import frame_rms
from pipeline.types import MeasureOptions, ProsodyFeatures, Turn, Word

FRAME_S = 0.025
ACTIVE_DB = 30.0
PITCH_ACTIVE_DB = 25.0
PITCH_FRAME_LENGTH = 1024
#: Largest pitch step (semitones) between consecutive voiced 20 ms frames in a turn's last 300 ms for its final
#: rise to count: a real rising contour glides (a 6-semitone rise over 300 ms is 0.4 st a frame); yin's octave
#: errors jump 12. On the sample sessions every spurious "rise" on a statement (6 of 63 statements, up to 12.5 st)
#: came with a step of 15-25 st.
RISE_MAX_STEP_ST = 3.0

_ALPHA_RE = re.compile(r"[a-z]+")


def count_syllables(word: str, *, table: Mapping[str, int] | None = None) -> int:
    """Syllables in one word: CMU dictionary ``table`` when it knows the word, else ``syllables.estimate``.

    Parameters
    ----------
    word : str
        A word as transcribed, punctuation allowed ("Uh-huh.", "don't").
    table : mapping or None
        Lower-case word -> syllable count (:func:`models.load_syllable_table`).

    Returns
    -------
    int
        >= 1 for a word with letters, 0 for none ("--", "42").
    """
    import syllables

    w = word.lower().strip(".,!?;:\"()[]").replace("\u2019", "'")
    if not _ALPHA_RE.search(w):
        return 0
    if table is not None and w in table:
        return table[w]
    parts = [p for p in re.split(r"[-\s]+", w) if _ALPHA_RE.search(p)]
    total = 0
    for p in parts:
        if table is not None and p in table:
            total += table[p]
        else:
            total += max(1, syllables.estimate(p.replace("'", "")))
    return max(total, 1)


def turn_words(turn: Turn) -> list[str]:
    """Word strings of a turn (from timings when present, else the text)."""
    if turn.words:
        return [w.text for w in turn.words if w.text.strip()]
    return turn.text.split()


#: Shortest speaking time (s) a rate is computed over: no one says ``rate_min_words`` words in less, so a shorter
#: span is a timing error (and a vanishing one would make the rate overflow to infinity).
MIN_RATE_SPAN_S = 0.1


def rates(turn: Turn, *, table: Mapping[str, int] | None, options: MeasureOptions,
          span_s: tuple[float, float] | None = None) -> tuple[int, float, float | None, int, float | None]:
    """(n_words, speech_s, pace_wpm, n_syllables, articulation_sps) of one turn.

    ``speech_s`` is first word start to last word end (the turn span when the
    turn has no word timings), or ``span_s`` when given (the speech edges found
    in the audio, see :func:`speech_edges`). Pace is None under
    ``options.rate_min_words`` words or :data:`MIN_RATE_SPAN_S` seconds;
    articulation rate also needs word timings.
    """
    words = turn_words(turn)
    n = len(words)
    n_syl = sum(count_syllables(w, table=table) for w in words)
    timed: Sequence[Word] = turn.words
    if span_s is not None:
        speech_s = max(0.0, span_s[1] - span_s[0])
    elif timed:
        speech_s = max(0.0, timed[-1].end_s - timed[0].start_s)
    else:
        speech_s = max(0.0, turn.end_s - turn.start_s)
    pace = n / speech_s * 60.0 if n >= options.rate_min_words and speech_s >= MIN_RATE_SPAN_S else None
    artic = None
    if timed and n >= options.rate_min_words:
        pauses = sum(max(0.0, b.start_s - a.end_s) for a, b in zip(timed, timed[1:], strict=False)
                     if b.start_s - a.end_s > options.pause_min_s)
        t = speech_s - pauses
        artic = n_syl / t if t >= MIN_RATE_SPAN_S else None
    return n, speech_s, pace, n_syl, artic


def frame_power(mono: np.ndarray, *, sr: int) -> tuple[np.ndarray, float]:
    """Mean-square power of 25 ms frames at a 10 ms hop over a whole signal.

    Returns
    -------
    power : np.ndarray
        Shape (n_frames,), linear (not dB).
    power_hop_s : float
        Hop between frames, seconds.
    """
    frame_length = int(round(FRAME_S * sr))
    hop_length = int(round(0.010 * sr))
    rms = frame_rms(np.asarray(mono, dtype=np.float32), frame_length=frame_length, hop_length=hop_length)
    return rms.astype(np.float64) ** 2, hop_length / sr


def speech_edges(power: np.ndarray, start_s: float, end_s: float, *, power_hop_s: float,
                 lo_s: float, hi_s: float, noise_power: float = 0.0,
                 threshold_db: float = 40.0) -> tuple[float, float] | None:
    """Speech extent of a turn found in the audio, refining Whisper's word edges.

    Whisper's first word often starts in the silence before it and its last
    word often runs on into the pause after it. This looks at 25 ms frames from
    ``lo_s`` to ``hi_s`` (the neighbouring turns' edges, so the other person is
    not included) and returns the first and last frame within ``threshold_db``
    of the loudest frame of the word span ``[start_s, end_s]`` and at least
    10 dB above the recording's noise floor.

    Parameters
    ----------
    power : np.ndarray
        Frame power from :func:`frame_power`, shape (n_frames,).
    start_s, end_s : float
        First word start and last word end, seconds.
    power_hop_s : float, keyword-only
        Hop between power frames, seconds.
    lo_s, hi_s : float, keyword-only
        Search limits, seconds, ``lo_s <= start_s <= end_s <= hi_s``.
    noise_power : float, keyword-only
        The recording's noise floor (linear power, e.g. the 10th percentile of
        ``power``); frames must be 10 dB above it.
    threshold_db : float, keyword-only
        Frames within this many dB of the span's loudest frame are speech.

    Returns
    -------
    (start_s, end_s) or None
        None when the span holds no energy.
    """
    a, b = max(int(start_s / power_hop_s), 0), int(np.ceil(end_s / power_hop_s)) + 1
    core = power[a:b]
    if core.size == 0 or core.max() <= 1e-12:
        return None
    floor = max(core.max() * 10 ** (-threshold_db / 10), noise_power * 10.0)
    la, hb = max(int(lo_s / power_hop_s), 0), min(int(np.ceil(hi_s / power_hop_s)) + 1, power.size)
    active = np.flatnonzero(power[la:hb] >= floor)
    if active.size == 0:
        return None
    return (la + active[0]) * power_hop_s, (la + active[-1]) * power_hop_s + FRAME_S


def turn_prosody(y: np.ndarray, start_s: float, end_s: float, *, power: np.ndarray, power_hop_s: float, sr: int,
                 options: MeasureOptions) -> ProsodyFeatures:
    """Loudness and pitch of the span ``[start_s, end_s]`` of the mono signal ``y``.

    Pitch (``librosa.yin``) runs on the turn's samples only, so the cost grows
    with speech time, not with the recording; ``power`` comes from :func:`frame_power`.
    """
    a, b = int(start_s / power_hop_s), int(np.ceil(max(end_s - FRAME_S, start_s) / power_hop_s)) + 1
    p = power[max(a, 0):max(b, 0)]
    if p.size == 0 or p.max() <= 1e-12:
        return ProsodyFeatures()
    top = p.max()
    active = p[p >= top * 10 ** (-ACTIVE_DB / 10)]
    rms_db = float(10 * np.log10(active.mean()))
    f0_hop_s = options.pitch_hop_length / sr
    i0, i1 = max(int(start_s * sr), 0), min(int(end_s * sr), y.size)
    seg = np.asarray(y[i0:i1], dtype=np.float32)
    if seg.size < PITCH_FRAME_LENGTH:
        return ProsodyFeatures(rms_db=rms_db)
    f0 = librosa.yin(seg, fmin=options.pitch_fmin_hz, fmax=options.pitch_fmax_hz, sr=sr,
                     frame_length=PITCH_FRAME_LENGTH, hop_length=options.pitch_hop_length, center=False)
    # voiced = the power frame under the pitch frame's centre is within PITCH_ACTIVE_DB of the turn's loudest
    centres = (i0 + np.arange(f0.size) * options.pitch_hop_length + PITCH_FRAME_LENGTH / 2) / sr
    idx = np.clip((centres / power_hop_s).astype(int), 0, power.size - 1)
    voiced = (power[idx] >= top * 10 ** (-PITCH_ACTIVE_DB / 10)) & (f0 > options.pitch_fmin_hz * 1.05) & \
        (f0 < options.pitch_fmax_hz * 0.95)
    voiced_s = float(voiced.sum() * f0_hop_s)
    fv = f0[voiced]
    if fv.size < 5:
        return ProsodyFeatures(rms_db=rms_db, voiced_s=voiced_s)
    med = float(np.median(fv))
    lo, hi = np.percentile(fv, [10, 90])
    last = fv[-max(3, int(0.3 / f0_hop_s)):]
    smooth = float(np.abs(np.diff(12 * np.log2(last))).max()) <= RISE_MAX_STEP_ST
    return ProsodyFeatures(
        rms_db=rms_db,
        f0_median_hz=med,
        f0_range_hz=float(hi - lo),
        f0_median_st=float(12 * np.log2(med / 55.0)),
        f0_range_st=float(12 * np.log2(hi / lo)) if lo > 0 else None,
        final_rise_st=float(12 * np.log2(np.median(last) / med)) if smooth else None,
        voiced_s=voiced_s,
    )
