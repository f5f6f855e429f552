"""Transcription of the sample sessions with both models, checked against the text and turn times used to make them."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from pipeline.errors import InvalidParameterError
from pipeline.speech.evaluation import word_error_rate
from pipeline.speech.transcribe import transcribe, window_bounds
from pipeline.types import Recording, TranscribeOptions

from .conftest import SAMPLE_NAMES

# Bounds: clear synthetic speech, measured WER (bench/asr.py) is well below these; the margin covers
# int8 kernels differing across CPUs. tiny.en is the fast mode and is allowed to be worse.
WER_BOUND = {"base": 0.10, "tiny.en": 0.15}
TIME_TOLERANCE_S = 0.5


def truth_text(truth: dict) -> str:
    return " ".join(t["text"] for t in truth["turns"])


def _check_words(transcript, truth):
    words = transcript.words
    assert words, "speech must give words"
    starts = [w.start_s for w in words]
    assert starts == sorted(starts), "word start times never go backwards"
    assert all(w.start_s <= w.end_s for w in words)
    assert all(0 <= w.probability <= 1 for w in words)
    turns = [(t["start_s"] - TIME_TOLERANCE_S, t["end_s"] + TIME_TOLERANCE_S) for t in truth["turns"]]
    outside = [w for w in words if not any(a <= (w.start_s + w.end_s) / 2 <= b for a, b in turns)]
    assert len(outside) <= 0.02 * len(words), f"words outside every true turn: {outside[:5]}"


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_base_words_match_truth(name, transcripts_base, truths):
    tr = transcripts_base[name]
    wer = word_error_rate(truth_text(truths[name]), tr.text)
    assert wer < WER_BOUND["base"], f"{name}: WER {wer:.3f}"
    _check_words(tr, truths[name])
    assert tr.model_name == "base" and tr.language == "en"
    assert tr.duration_s == pytest.approx(truths[name]["duration_s"], abs=0.05)


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_tiny_words_match_truth(name, transcripts_tiny, truths):
    tr = transcripts_tiny[name]
    wer = word_error_rate(truth_text(truths[name]), tr.text)
    assert wer < WER_BOUND["tiny.en"], f"{name}: WER {wer:.3f}"
    _check_words(tr, truths[name])


def test_windows_cut_at_silence_and_offset_times(asr_tiny, recordings, truths, transcripts_tiny):
    rec = recordings["matched"]
    opts = TranscribeOptions(window_s=30.0, cut_search_s=10.0)
    bounds = window_bounds(rec.mono(), sr=rec.sr, options=opts)
    assert len(bounds) >= 3
    assert bounds[0][0] == 0 and bounds[-1][1] == rec.n_samples
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:], strict=False))
    # Every cut falls in a pause (Whisper's word ends often run into the following silence, so judge by energy).
    y = rec.mono()
    speech_db = 10 * np.log10(np.mean(y**2))
    for _, cut in bounds[:-1]:
        t = cut / rec.sr
        around = y[cut - 800 : cut + 800]
        assert 10 * np.log10(np.mean(around**2) + 1e-12) < speech_db - 20, t
    progress = []
    windowed = transcribe(rec, model=asr_tiny, options=opts, progress=progress.append)
    assert windowed.options == opts
    assert progress == sorted(progress) and progress[-1] == 1.0
    wer = word_error_rate(truth_text(truths["matched"]), windowed.text)
    assert wer < WER_BOUND["tiny.en"]
    _check_words(windowed, truths["matched"])


def test_empty_and_silent_audio(asr_tiny):
    empty = Recording(np.zeros((1, 0), np.float32), 16000, "empty.wav", "0" * 64)
    out = transcribe(empty, model=asr_tiny)
    assert out.segments == () and out.words == () and out.duration_s == 0
    silent = dataclasses.replace(empty, samples=np.zeros((1, 16000 * 10), np.float32))
    assert transcribe(silent, model=asr_tiny).words == ()


def test_wrong_rate_and_options_rejected(asr_tiny):
    rec = Recording(np.zeros((1, 8000), np.float32), 8000, "x.wav", "0" * 64)
    with pytest.raises(InvalidParameterError, match="16000"):
        transcribe(rec, model=asr_tiny)
    with pytest.raises(InvalidParameterError, match="window_s"):
        TranscribeOptions(window_s=5)
    with pytest.raises(InvalidParameterError, match="beam_size"):
        TranscribeOptions(beam_size=0)


def test_no_network_during_load_and_transcription(no_sockets, recordings, truths):
    from models import load_asr

    model = load_asr("tiny.en", device="cpu")  # loading happens with sockets blocked too
    rec = recordings["unmatched"]
    clip = dataclasses.replace(rec, samples=rec.samples[:, : 20 * rec.sr])
    out = transcribe(clip, model=model)
    assert len(out.words) > 10
