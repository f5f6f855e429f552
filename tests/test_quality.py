"""The quality check: clipping, speech length, language, recognition and voice-count warnings, on real audio."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from pipeline.errors import InvalidParameterError
from pipeline.speech.quality import check_quality, clipped_share, detect_language, repeated_phrase, speech_seconds
from pipeline.types import (
    Diarization,
    DiarizeOptions,
    QualityOptions,
    Recording,
    Segment,
    SpeakerSegment,
    Transcript,
    Word,
)


def test_clipped_share_counts_samples_at_full_scale():
    y = np.array([[0.0, 0.5, 0.99, -1.0, 0.2, -0.995, 0.1, 0.98]], np.float32)
    assert clipped_share(y, level=0.99) == 3 / 8
    assert clipped_share(np.zeros((1, 0), np.float32)) == 0.0


def test_speech_seconds_is_the_union():
    segs = (SpeakerSegment("S1", 0.0, 2.0), SpeakerSegment("S2", 1.5, 3.0), SpeakerSegment("S1", 5.0, 6.0),
            SpeakerSegment("S2", 5.2, 5.8))
    assert speech_seconds(segs) == pytest.approx(4.0)
    assert speech_seconds(()) == 0.0


def _transcript(n_words: int, p: float, span_s: float) -> Transcript:
    words = tuple(Word(f"w{i}", i * span_s / max(n_words, 1), i * span_s / max(n_words, 1) + 0.2, p)
                  for i in range(n_words))
    segs = (Segment(0.0, span_s, " ".join(w.text for w in words), words),) if words else ()
    return Transcript(segs, "en", span_s, "tiny.en")


def _diar(speech_s: float, speakers=("S1", "S2"), **kw) -> Diarization:
    half = speech_s / 2
    segs = () if not speakers else (SpeakerSegment(speakers[0], 0.0, half),
                                    SpeakerSegment(speakers[-1], half, speech_s))
    return Diarization(segs, (), tuple(speakers), "embedding", "high", 1.4, speech_s, DiarizeOptions(), **kw)


def _rec(y: np.ndarray, source_sr: int = 16_000) -> Recording:
    return Recording(y[None].astype(np.float32), 16_000, "x.wav", "0" * 64, source_sr=source_sr)


def test_a_phrase_looped_is_found_and_ordinary_repetition_is_not():
    """Whisper loops on audio it cannot make out (tiny.en on espeak-ng's German, as test_reliability builds it: "I'm
    going to go to the mountain, and ..." five times, with a mean word probability of 0.60): the phrase and its count;
    people's own repeats of short phrases ("I don't know, I don't know, I don't know") are not a loop."""
    loop = "I'm going to go to the mountain, and I'm going to go to the mountain, and I'm going to go to the mountain."
    assert repeated_phrase(loop.split()) == ("i'm going to go to the mountain and", 2)
    assert repeated_phrase((loop + " and " + loop).split()) == ("i'm going to go to the mountain and", 5)
    assert repeated_phrase("I don't know, I don't know, I don't know what to do.".split()) == ("", 0)
    assert repeated_phrase("So what would you do next? So what would you do next?".split()) == \
        ("so what would you do next", 2)
    assert repeated_phrase([]) == ("", 0)
    said = tuple(Word(w, i * 0.4, i * 0.4 + 0.3, 0.9) for i, w in enumerate((loop + " and " + loop).split() * 6))
    looped = Transcript((Segment(0.0, 60.0, " ".join(w.text for w in said), said),), "en", 60.0, "tiny.en")
    q = check_quality(_rec(np.full(16_000 * 60, 0.1)), looped, _diar(60.0))
    assert q.transcript_unreliable and len(q.warnings) == 1
    assert q.warnings[0].startswith('Speech recognition was unsure of the words (mean word probability 0.90; "i\'m '
                                    'going to go to the mountain and"'), q.warnings
    relaxed = check_quality(_rec(np.full(16_000 * 60, 0.1)), looped, _diar(60.0),
                            options=QualityOptions(max_phrase_repeats=20))
    assert relaxed.warnings == ()
    with pytest.raises(InvalidParameterError, match="loop_min_words"):
        QualityOptions(loop_min_words=1)


def test_ordinary_input_gives_no_warning():
    q = check_quality(_rec(np.full(16_000 * 60, 0.1)), _transcript(140, 0.93, 60.0), _diar(60.0),
                      language=("en", 0.99))
    assert q.warnings == () and not q.transcript_unreliable
    assert q.words_per_speech_min == pytest.approx(140.0) and q.mean_word_probability == pytest.approx(0.93)


def test_each_problem_gives_its_warning():
    ok_rec, ok_tr, ok_d = _rec(np.full(16_000 * 60, 0.1)), _transcript(140, 0.93, 60.0), _diar(60.0)
    cases = {
        "No speech was recognised": (ok_rec, _transcript(0, 0.0, 60.0), _diar(0.0, speakers=()), None, True),
        "Almost no speech": (ok_rec, _transcript(10, 0.9, 4.0), _diar(4.0), None, True),
        "does not sound like English (detected: de": (ok_rec, ok_tr, ok_d, ("de", 0.95), True),
        "unsure of the words (mean word probability 0.45)": (ok_rec, _transcript(140, 0.45, 60.0), ok_d, None,
                                                             True),
        "Few words were recognised": (ok_rec, _transcript(20, 0.9, 60.0), ok_d, None, True),
        "more than 2 voices": (ok_rec, ok_tr, replace(ok_d, extra_voice=True), None, False),
        "Only 1 voice could be told apart": (ok_rec, ok_tr, _diar(60.0, speakers=("S1",)), None, False),
        "Too little speech per person to be sure who said what (7.5 s each on average, under 8 s)":
            (ok_rec, _transcript(40, 0.93, 15.0), _diar(15.0), None, False),
        "clipped (50.0% of samples": (_rec(np.tile([1.0, 0.1], 16_000 * 30)), ok_tr, ok_d, None, False),
        "sample rate is 8000 Hz": (_rec(np.full(16_000 * 60, 0.1), source_sr=8000), ok_tr, ok_d, None, False),
    }
    for expected, (rec, tr, d, lang, unreliable) in cases.items():
        q = check_quality(rec, tr, d, language=lang)
        assert len(q.warnings) == 1 and expected in q.warnings[0], (expected, q.warnings)
        assert q.transcript_unreliable is unreliable, expected


def test_too_little_speech_per_voice_is_said_once():
    """Voices told apart by their sound with under 8 s each: said; not for channels or a transcript's names (the
    voices are not guessed), nor beside "Almost no speech" (said once), nor at 8 s each or more."""
    rec, tr = _rec(np.full(16_000 * 60, 0.1)), _transcript(40, 0.93, 15.0)
    assert check_quality(rec, tr, replace(_diar(15.0), method="channel")).warnings == ()
    assert check_quality(rec, tr, replace(_diar(15.0), method="transcript")).warnings == ()
    assert check_quality(rec, tr, _diar(16.0)).warnings == ()
    (w,) = check_quality(rec, _transcript(10, 0.9, 4.0), _diar(4.0)).warnings
    assert w.startswith("Almost no speech was found")


def test_options_are_validated():
    with pytest.raises(InvalidParameterError, match="clip_level"):
        QualityOptions(clip_level=1.5)
    with pytest.raises(InvalidParameterError, match="min_word_probability"):
        QualityOptions(min_word_probability=-0.1)


def test_english_only_model_cannot_detect_language(asr_tiny, recordings):
    assert detect_language(recordings["matched"], model=asr_tiny) is None


@pytest.mark.slow
def test_base_model_tells_english_from_german(asr_base, recordings, tmp_path):
    from tests.make_bad_inputs import GERMAN, dialogue

    lang, p = detect_language(recordings["matched"], model=asr_base)
    assert lang == "en" and p > 0.9
    german = dialogue(GERMAN[:3], ("de", "de+f3"), tmp_path / "de.wav")
    lang, p = detect_language(Recording(german[None], 16_000, "de.wav", "0" * 64), model=asr_base)
    assert lang == "de" and p > 0.8


def test_estimated_counts_and_groups_are_said():
    """An estimated count that is not sure says so; a sure one does not; three people or more: the pair indicators
    say whom they leave out; fewer than estimated found says "estimated"."""
    from pipeline.types import SpeakerCount

    rec, tr = _rec(np.full(16_000 * 60, 0.1)), _transcript(140, 0.93, 60.0)
    est = DiarizeOptions(n_speakers=None)
    sure = replace(_diar(60.0), options=est, speaker_count=SpeakerCount(2, "high", (1.5, None, None), 80))
    assert check_quality(rec, tr, sure).warnings == ()
    unsure = replace(sure, speaker_count=SpeakerCount(2, "low", (0.96, 0.98, 1.09), 16))
    (w,) = check_quality(rec, tr, unsure).warnings
    assert w.startswith("The number of people was estimated: 2, confidence low (16 pieces")
    group = replace(_diar(60.0, speakers=("S1", "S2", "S3")), options=DiarizeOptions(n_speakers=3))
    (w,) = check_quality(rec, tr, group).warnings
    assert w.startswith("A group of 3 people: the indicators that compare the mentor with the mentee")
    assert "talk shares, the talk-to-listen ratio and turns per minute count everyone" in w
    assert w.endswith("how evenly the group shares the talking is measured, at low confidence from one recording.")
    fewer = replace(_diar(60.0, speakers=("S1",)), options=est, speaker_count=SpeakerCount(3, "high", (), 90))
    (w,) = check_quality(rec, tr, fewer).warnings
    assert w.startswith("Only 1 voice could be told apart although 3 were estimated")
