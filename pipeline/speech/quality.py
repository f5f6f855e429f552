"""Is this recording one Rapport can analyse well? Warnings for the report.

Rapport is built for two people speaking English in a reasonably clean
recording. Silence, music, noise, another language, clipping and telephone-band
audio still give a report (a crash or a refusal would help nobody), but the
report must say that it is unreliable. :func:`check_quality` says so in plain
sentences and tells the orchestrator when the words themselves are doubtful, so
every indicator's confidence is capped at "low".
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from pipeline.io.audio import BLOCK_SAMPLES, iter_blocks
from pipeline.speech.regions import speech_audio
from pipeline.speech.speakercount import SPEECH_PER_PERSON_S, asked_speakers, evidence_cap, speech_per_person_s
from pipeline.types import Diarization, QualityCheck, QualityOptions, Recording, SpeakerSegment, Transcript


def clipped_share(samples: np.ndarray, *, level: float = 0.99) -> float:
    """Share of samples with ``|x| >= level``.

    Parameters
    ----------
    samples : np.ndarray
        float, any shape, values in [-1, 1].
    level : float, keyword-only
        Clipping threshold, 0.5-1.0.

    Returns
    -------
    float
        In [0, 1]; 0 for an empty array.
    """
    if samples.size == 0:
        return 0.0
    # in blocks: np.abs of a whole 3-hour recording would be a second copy of it
    clipped = sum(int(np.count_nonzero(np.abs(block) >= level))
                  for _, block in iter_blocks(samples, block_length=BLOCK_SAMPLES))
    return float(clipped / samples.size)


def speech_seconds(segments: tuple[SpeakerSegment, ...]) -> float:
    """Length of the union of the segments, seconds (overlapping speech counted once)."""
    total, end = 0.0, float("-inf")
    for s in sorted(segments, key=lambda s: s.start_s):
        if s.end_s <= end:
            continue
        total += s.end_s - max(s.start_s, end)
        end = s.end_s
    return total


_LANGUAGE_PROBE_S = 300.0  # seconds of audio searched for the first 30 s of speech
_LANGUAGE_SPEECH_S = 30.0  # seconds of speech Whisper's language detection hears (one 30 s window)


def detect_language(recording: Recording, *, model, speech: tuple[tuple[float, float], ...] | None = None
                    ) -> tuple[str, float] | None:
    """Whisper's language guess on the first 30 s of speech, or None when the model cannot tell.

    Parameters
    ----------
    recording : Recording
        16 kHz audio.
    model : models.AsrModel
        A loaded Whisper model; English-only models (``tiny.en``) return None.
    speech : tuple of (start_s, end_s), optional, keyword-only
        The recording's speech regions (:func:`pipeline.speech.regions.find_speech`): their first 30 s are
        what Whisper listens to, with no VAD pass of its own. None runs faster-whisper's VAD over the
        opening minutes instead.

    Returns
    -------
    (language, probability) or None
        ISO code and its probability in [0, 1].
    """
    whisper = getattr(model, "whisper", None)
    if whisper is None or not getattr(getattr(whisper, "model", None), "is_multilingual", False):
        return None
    if recording.n_samples < recording.sr:  # under a second: nothing to judge
        return None
    try:
        if speech is not None:
            head = speech_audio(recording.mono(), speech, sr=recording.sr, max_s=_LANGUAGE_SPEECH_S)
            if len(head) < recording.sr:  # under a second of speech: nothing to judge
                return None
            language, probability, _ = whisper.detect_language(audio=head, vad_filter=False)
            return str(language), float(probability)
        # Only the opening minutes: faster-whisper runs its VAD over, and copies, all the audio it is given.
        head = recording.mono()[: int(_LANGUAGE_PROBE_S * recording.sr)]
        language, probability, _ = whisper.detect_language(audio=head, vad_filter=True)
    except (ValueError, RuntimeError, IndexError):  # no speech left after the VAD
        return None
    return str(language), float(probability)


def repeated_phrase(words: Sequence[str], *, min_words: int = 5, max_words: int = 12) -> tuple[str, int]:
    """The phrase said most times in a row, and how many times (("", 0) when none of ``min_words`` words repeats).

    Parameters
    ----------
    words : sequence of str
        The transcript's words in order (case and punctuation are ignored).
    min_words, max_words : int, keyword-only
        Length of the phrases looked for, words, 1 <= min_words <= max_words.

    Returns
    -------
    (str, int)
        The phrase (lower case, words joined by spaces) and its count of consecutive repeats (>= 2), or ("", 0).
    """
    toks = [t for t in ("".join(ch for ch in w.lower() if ch.isalnum() or ch == "'") for w in words) if t]
    best, best_n = "", 0
    for n in range(min_words, max_words + 1):
        i = 0
        while i + 2 * n <= len(toks):
            times = 1
            while i + (times + 1) * n <= len(toks) and toks[i + times * n:i + (times + 1) * n] == toks[i:i + n]:
                times += 1
            if times > best_n and times >= 2:
                best, best_n = " ".join(toks[i:i + n]), times
            i += n * times if times > 1 else 1
    return best, best_n


def check_quality(
    recording: Recording,
    transcript: Transcript,
    diarization: Diarization,
    *,
    language: tuple[str, float] | None = None,
    options: QualityOptions = QualityOptions(),
) -> QualityCheck:
    """Warnings about a recording and its transcript that make the analysis unreliable.

    Parameters
    ----------
    recording : Recording
        The decoded audio (``source_sr`` is the file's own rate).
    transcript : Transcript
        Whisper's words with their probabilities.
    diarization : Diarization
        Who spoke when; its segments are the detected speech.
    language : (str, float) or None, keyword-only
        :func:`detect_language`'s result; None when not detected (English-only model).
    options : QualityOptions

    Returns
    -------
    QualityCheck
        ``warnings`` in a fixed order: speech found, language, recognition,
        number of voices, clipping, sample rate.
    """
    o = options
    warnings: list[str] = []
    unreliable = False
    speech_s = speech_seconds(diarization.segments)
    words = transcript.words
    mean_p = float(np.mean([w.probability for w in words])) if words else None
    wpm = len(words) / speech_s * 60.0 if speech_s >= 1.0 else None

    if not words:
        warnings.append("No speech was recognised: the recording seems to hold silence, music or noise only. "
                        "There is nothing to measure.")
        unreliable = True
    elif speech_s < o.min_speech_s:
        warnings.append(f"Almost no speech was found ({speech_s:.0f} s): the measures rest on very little.")
        unreliable = True
    foreign = language is not None and bool(words) and (language[0] != "en"
                                                         or language[1] < o.min_language_probability)
    unsure = mean_p is not None and mean_p < o.min_word_probability
    # Whisper's loop on what it cannot make out, looked for where the words are not already doubted
    loop = ("", 0) if foreign or unsure or not words else repeated_phrase([w.text for w in words],
                                                                           min_words=o.loop_min_words)
    looped = loop[1] > o.max_phrase_repeats
    if foreign:
        warnings.append(f"The speech does not sound like English (detected: {language[0]}, probability "
                        f"{language[1]:.2f}). Rapport's transcription and language measures are for English: "
                        "treat this report as unreliable.")
        unreliable = True
    elif unsure or looped:
        said = f'; "{loop[0]}" {loop[1]} times in a row' if looped else ""
        warnings.append(f"Speech recognition was unsure of the words (mean word probability {mean_p:.2f}{said}): "
                        "the recording may be in another language, music, noise or very poor audio. Treat the "
                        "transcript and the measures as unreliable.")
        unreliable = True
    elif wpm is not None and words and wpm < o.min_words_per_speech_min:
        warnings.append(f"Few words were recognised in the detected sound ({wpm:.0f} words per minute of it): it "
                        "may be music or noise rather than conversation. Treat the measures as unreliable.")
        unreliable = True
    warnings += voice_warnings(diarization, has_words=bool(words), little_speech=speech_s < o.min_speech_s)
    share = clipped_share(recording.samples, level=o.clip_level)
    if share > o.max_clipped_share:
        warnings.append(f"The recording is clipped ({share:.1%} of samples at full scale): it was recorded too "
                        "loud, so volume measures are unreliable. Record with lower input gain next time.")
    if 0 < recording.source_sr < o.min_source_sr:
        warnings.append(f"The recording's sample rate is {recording.source_sr} Hz (telephone quality; 16000 Hz or "
                        "more is expected): recognition and voice measures are less accurate.")
    return QualityCheck(
        warnings=tuple(warnings), transcript_unreliable=unreliable, clipped_share=share,
        source_sr=recording.source_sr, language=language[0] if language else "",
        language_probability=language[1] if language else None, mean_word_probability=mean_p,
        speech_s=speech_s, words_per_speech_min=wpm, options=o,
    )


def voice_warnings(diarization: Diarization, *, has_words: bool, little_speech: bool = False) -> list[str]:
    """The quality check's warnings about the number of voices, in order: an estimated count that is not sure;
    more voices than asked for, or fewer found; too little speech per voice to tell them apart (voices told
    apart by their sound only, :func:`pipeline.speech.speakercount.evidence_cap`; not said again where
    ``little_speech``, the recording's own warning, already says it); a group (three people or more), whose
    pair indicators leave out the others (docs/indicators.md)."""
    out = []
    asked, count = asked_speakers(diarization), diarization.speaker_count
    if count is not None and count.confidence != "high":
        out.append(f"The number of people was estimated: {count.n_speakers}, confidence {count.confidence} "
                   f"({count.n_pieces} pieces of speech to go on). If you know how many took part, run again "
                   "with --speakers and that number.")
    if diarization.extra_voice:
        out.append(f"There seem to be more than {asked} voices: who said what (and every per-person measure) "
                   f"is unreliable. If more people took part, run again with --speakers {asked + 1}.")
    elif has_words and asked > 1 and len(diarization.speakers) < asked:
        expected = "estimated" if count is not None else "expected"
        out.append(f"Only {len(diarization.speakers)} voice could be told apart although {asked} were {expected}: "
                   "the talk shares and matching measures are unreliable.")
    if has_words and not little_speech and evidence_cap(diarization) == "low":
        out.append(f"Too little speech per person to be sure who said what ({speech_per_person_s(diarization):.1f} s "
                   f"each on average, under {SPEECH_PER_PERSON_S / 2:.0f} s): the talk shares and every per-person "
                   "measure are unreliable.")
    if has_words and len(diarization.speakers) >= 3:
        out.append(f"A group of {len(diarization.speakers)} people: the indicators that compare the mentor with the "
                   "mentee (matching, interruptions of the mentee) use those two people only and leave the "
                   "others out; talk shares, the talk-to-listen ratio and turns per minute count everyone; "
                   "how evenly the group shares the talking is measured, at low confidence from one recording.")
    return out
