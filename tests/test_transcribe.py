"""Transcription of the sample sessions with both models, checked against the text and turn times used to make them."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from pipeline.errors import InvalidParameterError
from pipeline.speech.evaluation import word_error_rate
from pipeline.speech.regions import SharedVad, find_speech, speech_regions
from pipeline.speech.transcribe import CHUNK_S, decode_chunks, transcribe, window_bounds
from pipeline.types import Recording, TranscribeOptions

from .conftest import CT2_INT8_DRIFT, SAMPLE_NAMES

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


@pytest.mark.parametrize("name", [pytest.param(n, marks=CT2_INT8_DRIFT) if n == "unmatched" else n for n in SAMPLE_NAMES])
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
    assert dataclasses.replace(windowed.options, batch_size=0, cpu_threads=0, device="", compute_type="") == opts
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


@pytest.mark.parametrize(("field", "value"), [("decoding", "parallel"), ("batch_size", -1), ("batch_size", 65),
                                              ("cpu_threads", -2)])
def test_decoding_options_rejected(field, value):
    with pytest.raises(InvalidParameterError, match=field):
        TranscribeOptions(**{field: value})


def test_default_decoding_is_batched_and_states_how_it_ran(transcripts_tiny, asr_tiny):
    opts = transcripts_tiny["matched"].options
    assert opts.decoding == "batched" and TranscribeOptions().decoding == "batched"
    assert opts.batch_size == asr_tiny.batch_size >= 1  # 0 asks for the model's choice; the transcript says which
    assert (opts.cpu_threads, opts.device, opts.compute_type) == (asr_tiny.cpu_threads, "cpu", "int8")


def test_speech_regions_and_chunks():
    probs = np.zeros(6000, np.float32)  # 60 s of 10 ms frames
    probs[100:400] = 0.9  # 1-4 s
    probs[410:420] = 0.9  # a 100 ms pause (under 160 ms): bridged
    probs[1000:5000] = 0.9  # 10-50 s: longer than a chunk
    probs[3000] = 0.4  # the least speech-like frame: where the long stretch is cut
    regions = speech_regions(probs)
    assert regions[0] == (0.6, 4.6)  # 1.0-4.2 s padded by 0.4 s
    assert all(b - a <= 30.0 + 1e-9 for a, b in regions)
    assert all(a[1] <= b[0] for a, b in zip(regions, regions[1:], strict=False))  # in order, not overlapping
    assert any(abs(b - 30.0) < 0.5 for _, b in regions[1:-1])  # cut near the dip at 30 s
    chunks = decode_chunks(regions)
    assert chunks[0][0] == regions[0][0] and chunks[-1][1] == regions[-1][1]
    assert all(b - a <= CHUNK_S for a, b in chunks)
    assert decode_chunks(((0.0, 70.0),)) == ((0.0, CHUNK_S), (CHUNK_S, 2 * CHUNK_S), (2 * CHUNK_S, 70.0))
    assert speech_regions(np.zeros(0, np.float32)) == () and decode_chunks(()) == ()


def test_batched_and_sequential_give_word_timed_transcripts(asr_base, vad, recordings, truths):
    """Both ways of decoding on a real 40 s clip: words with times inside the true turns, the same words."""
    rec = recordings["unmatched"]
    clip = dataclasses.replace(rec, samples=rec.samples[:, : 40 * rec.sr])
    shared = SharedVad(vad)
    _, speech = find_speech(clip, vad=shared)
    assert speech and shared.calls >= 1
    out = {mode: transcribe(clip, model=asr_base, options=TranscribeOptions(decoding=mode), speech=speech)
           for mode in ("batched", "sequential")}
    truth = {**truths["unmatched"], "turns": [t for t in truths["unmatched"]["turns"] if t["start_s"] < 40.0]}
    for mode, tr in out.items():
        assert tr.options.decoding == mode
        _check_words(tr, truth)
    assert word_error_rate(out["sequential"].text, out["batched"].text) < 0.1
    assert out["batched"].detected_language is not None and out["batched"].detected_language[0] == "en"
    assert out["sequential"].detected_language is None


def test_the_diarizer_reuses_the_vad_pass(vad, recordings):
    """One VAD pass: the diarizer's speech probabilities of the same audio come from memory."""
    from pipeline.speech.diarize import speech_probabilities

    rec = recordings["matched"]
    clip = dataclasses.replace(rec, samples=rec.samples[:, : 30 * rec.sr])
    shared = SharedVad(vad)
    probs, _ = find_speech(clip, vad=shared)
    calls = shared.calls
    again = speech_probabilities(clip.mono(), sr=clip.sr, vad=shared)
    assert shared.hits == shared.calls - calls > 0
    np.testing.assert_array_equal(again, probs)


def test_the_vad_pass_is_shared_between_threads(vad, recordings):
    """Attribution runs in a second thread: asked for the same audio from two threads at once, the VAD runs once
    and both get its answer."""
    import threading
    from concurrent.futures import ThreadPoolExecutor

    from pipeline.speech.diarize import speech_probabilities

    rec = recordings["matched"]
    clip = dataclasses.replace(rec, samples=rec.samples[:, : 20 * rec.sr])
    runs, started = [], threading.Barrier(2)

    def counted(piece):
        runs.append(len(piece))
        return vad(piece)

    shared = SharedVad(counted)

    def ask(_):
        started.wait()
        return speech_probabilities(clip.mono(), sr=clip.sr, vad=shared)

    with ThreadPoolExecutor(2) as pool:
        first, second = pool.map(ask, range(2))
    np.testing.assert_array_equal(first, second)
    assert shared.calls == 2 * len(runs) and shared.hits == len(runs) > 0


def test_no_network_during_load_and_transcription(no_sockets, recordings, truths):
    from models import load_asr

    model = load_asr("tiny.en", device="cpu")  # loading happens with sockets blocked too
    rec = recordings["unmatched"]
    clip = dataclasses.replace(rec, samples=rec.samples[:, : 20 * rec.sr])
    out = transcribe(clip, model=model)
    assert len(out.words) > 10


def test_a_chunk_whose_words_stop_early_has_its_tail_decoded_again():
    """Batched decoding without timestamps can end a chunk's text early (tiny.en on a clip cut mid-word): the
    speech after the last word is found and decoded again; a chunk ending in silence, or with no words, is not."""
    from pipeline.speech.transcribe import _dropped_tails
    from pipeline.types import Segment, Word

    said = [Segment(0.5, 3.3, "How are things?", (Word("How", 0.5, 1.0, 0.9), Word("things?", 2.9, 3.3, 0.9)))]
    speech = ((0.5, 3.5), (3.6, 12.6))
    assert _dropped_tails(said, [(0.5, 12.6)], speech) == ((3.3, 12.6),)
    assert _dropped_tails(said, [(0.5, 4.0)], ((0.5, 3.5),)) == ()  # silence after the last word
    assert _dropped_tails([], [(0.5, 12.6)], speech) == ()  # nothing heard: decoding again says the same
