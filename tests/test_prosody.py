"""Final rise on synthetic voiced tones with known contours: a glide counts, an octave jump does not."""

from __future__ import annotations

import numpy as np
import pytest

from pipeline.measures import prosody
from pipeline.types import MeasureOptions

SR = 16000


def voiced(f0_hz: np.ndarray) -> np.ndarray:
    """A buzz with the pitch contour ``f0_hz`` (one value per sample): five harmonics, like a vowel."""
    phase = 2 * np.pi * np.cumsum(f0_hz) / SR
    return (0.2 * sum(np.sin(k * phase) / k for k in range(1, 6))).astype(np.float32)


def final_rise(f0_hz: np.ndarray) -> float | None:
    y = voiced(f0_hz)
    power, hop = prosody.frame_power(y, sr=SR)
    return prosody.turn_prosody(y, 0.0, y.size / SR, power=power, power_hop_s=hop, sr=SR,
                                options=MeasureOptions()).final_rise_st


def test_final_rise_of_a_glide_an_octave_jump_and_a_flat_tone():
    flat = np.full(2 * SR, 140.0)
    assert final_rise(flat) == pytest.approx(0.0, abs=0.2)
    # The last 0.4 s glides up 6 semitones: the last 300 ms span 1.5-6 st, median 3.75 st above the turn's median
    # (frames straddle the end, so allow 0.75 st).
    glide = flat.copy()
    glide[-int(0.4 * SR):] = 140.0 * 2 ** (np.linspace(0, 6, int(0.4 * SR)) / 12)
    rise = final_rise(glide)
    assert rise == pytest.approx(3.75, abs=0.75) and rise >= 2.0  # counts as a rise (measures.RISE_ST)
    # The same ending as a sudden octave step (what yin's octave errors look like): not intonation, no rise.
    step = flat.copy()
    step[-int(0.15 * SR):] = 280.0
    assert final_rise(step) is None
    assert prosody.RISE_MAX_STEP_ST == 3.0


def test_rates_need_a_real_speaking_time():
    """Five words over 1e-313 s (found by the property test) gave an infinite pace; under 0.1 s there is no rate."""
    from pipeline.types import Turn, Word

    opts = MeasureOptions()
    text = "what what what what what"
    n, speech_s, pace, _, _ = prosody.rates(Turn(0, "S1", "mentor", 0.0, 2.2250738585e-313, text), table=None,
                                            options=opts)
    assert (n, pace) == (5, None) and speech_s > 0
    words = tuple(Word(w, i * 0.3, i * 0.3 + 0.25, 0.9) for i, w in enumerate(text.split()))
    n, speech_s, pace, _, artic = prosody.rates(Turn(0, "S1", "mentor", 0.0, 1.45, text, words), table=None,
                                                options=opts)
    assert speech_s == pytest.approx(1.45) and pace == pytest.approx(5 / 1.45 * 60) and artic is not None
