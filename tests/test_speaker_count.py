"""The number of people estimated when it is not given (issue 19, part 5: ``n_speakers=None``, ``--speakers auto``).

Known answers measured with ``bench/speaker_count.py`` (docs/attribution.md): pyannote's real call is two people
(estimated 2, confidence low: 16 pieces of speech in 30 s), the matched sample's mentor alone is one (high), the
matched sample mixed to mono is two (high); AMI trn09 (three people, 30 s) is never over-counted.
"""

from __future__ import annotations

import argparse
from dataclasses import replace

import numpy as np
import pytest

from pipeline.errors import InvalidParameterError
from pipeline.io.audio import load_audio
from pipeline.io.export import report_from_dict, to_jsonable
from pipeline.speech.diarize import _cluster
from pipeline.speech.evaluation import diarization_error_rate
from pipeline.speech.overlap import diarize_overlap
from pipeline.speech.speakercount import (
    asked_speakers,
    estimate_speaker_count,
    local_overlap_s,
    separation_score,
    split_confidence,
    unsupported_group,
    with_evidence,
)
from pipeline.types import (
    AnalyzeOptions,
    AttributionSummary,
    Diarization,
    DiarizeOptions,
    Recording,
    SpeakerCount,
    SpeakerSegment,
)

from .conftest import ROOT
from .test_overlap import mentor_alone, read_rttm


@pytest.fixture(scope="module")
def segmenter():
    from models import load_segmentation

    return load_segmentation()


def _mono(rec: Recording) -> Recording:
    return Recording(rec.samples.mean(axis=0, keepdims=True), rec.sr, rec.source_name, rec.sha256)


def _voices(n_people: int, per_person: int, *, spread: float, seed: int = 0) -> np.ndarray:
    """Unit vectors around ``n_people`` random directions in 256 dimensions (a stand-in for embeddings)."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(n_people, 256))
    centres /= np.linalg.norm(centres, axis=1, keepdims=True)
    x = np.repeat(centres, per_person, axis=0) + spread * rng.normal(size=(n_people * per_person, 256)) / 16
    return (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32)


@pytest.mark.parametrize("n_people", [1, 2, 3, 4])
def test_clearly_separate_voices_are_counted(n_people):
    x = _voices(n_people, 30, spread=0.3)
    count = estimate_speaker_count(x, lambda k: _cluster(x, k, 2000), min_separation=0.85)
    assert count.n_speakers == n_people, count
    assert count.confidence == "high" and count.n_pieces == 30 * n_people


def test_too_few_pieces_or_overlap_alone_give_low_confidence():
    x = _voices(2, 5, spread=0.3)  # 10 pieces: under ten per group for the split tried after two
    count = estimate_speaker_count(x, lambda k: _cluster(x, k, 2000), min_separation=0.85)
    assert count.n_speakers == 2 and count.confidence == "low"
    one = _voices(1, 40, spread=0.3)
    by_overlap = estimate_speaker_count(one, lambda k: _cluster(one, k, 2000), min_separation=0.85, overlap_s=0.6)
    assert by_overlap.n_speakers == 2 and by_overlap.confidence == "low"  # two people at once: never one
    assert estimate_speaker_count(one, lambda k: _cluster(one, k, 2000), min_separation=0.85,
                                  overlap_s=0.4).n_speakers == 1
    empty = np.zeros((0, 256), np.float32)
    nothing = estimate_speaker_count(empty, lambda k: np.zeros(0, np.int64), min_separation=0.85)
    assert nothing.n_speakers == 1 and nothing.confidence == "low" and nothing.separations == (None, None, None)


def test_a_group_of_one_piece_is_no_evidence_of_a_person():
    """28 pieces and 1 (the int8 model's split of one voice forced into two): separation cannot be measured
    (``inf``) and the group is unsupported; 23 and 6 is measured; a short recording (under 5 pieces per group)
    and pieces given to nobody (-1) do not count."""
    rng = np.random.default_rng(0)
    x = rng.normal(size=(29, 8))
    lone = np.array([0] * 28 + [1])
    assert separation_score(x, lone) == float("inf") and unsupported_group(lone, 2)
    assert not unsupported_group(np.array([0] * 23 + [1] * 6), 2)
    assert not unsupported_group(np.array([0] * 8 + [1]), 2)  # 9 pieces < 5 * 2: too short to tell
    assert unsupported_group(np.array([0] * 12 + [1] + [-1] * 5), 2)
    assert not unsupported_group(np.array([0] * 12 + [1, 1] + [-1] * 5), 2)
    assert unsupported_group(np.array([0] * 10 + [1] * 10), 3)  # the third of three forced groups holds nothing
    assert not unsupported_group(lone, 1)


def test_split_confidence_from_separation_and_support():
    """One rule for both one-channel methods: groups that do not separate are one voice (None), a group of one
    piece is kept but not trusted, and a separation under 1.3 times the bar is medium."""
    two = np.array([0] * 12 + [1] * 12)
    assert split_confidence(two, 2, 0.84, min_separation=0.85) is None
    assert split_confidence(two, 2, 0.85, min_separation=0.85) == "medium"
    assert split_confidence(two, 2, 1.10, min_separation=0.85) == "medium"
    assert split_confidence(two, 2, 1.105, min_separation=0.85) == "high"
    assert split_confidence(np.array([0] * 12 + [1]), 2, float("inf"), min_separation=0.85) == "low"
    assert split_confidence(np.array([0] * 12 + [-1] * 4), 2, float("inf"), min_separation=0.85) is None
    assert split_confidence(np.zeros(0, np.int64), 2, float("inf"), min_separation=0.85) is None
    assert split_confidence(np.zeros(5, np.int64), 1, float("inf"), min_separation=0.85) == "high"


def _diarization(seconds: dict[str, float], confidence: str = "high") -> Diarization:
    segments, t = [], 0.0
    for who, s in seconds.items():
        segments.append(SpeakerSegment(who, t, t + s))
        t += s
    return Diarization(tuple(segments), (), tuple(seconds), "segmentation", confidence, 2.0, t, DiarizeOptions())


def test_few_seconds_per_voice_are_not_sure():
    """Confidence capped by the mean speech per person: under 16 s medium, under 8 s low; one person is not
    capped (who spoke when is trivial), nor are one microphone each or a transcript's names, and a lower
    confidence is never raised."""
    assert with_evidence(_diarization({"S1": 20.0, "S2": 12.0})).confidence == "high"  # 16 s each
    assert with_evidence(_diarization({"S1": 20.0, "S2": 11.9})).confidence == "medium"
    assert with_evidence(_diarization({"S1": 24.0, "S2": 0.5, "S3": 0.5, "S4": 0.5})).confidence == "low"  # 6.4 s
    assert with_evidence(_diarization({"S1": 24.0, "S2": 4.0, "S3": 4.0, "S4": 0.0})).confidence == "medium"  # 8 s
    assert with_evidence(_diarization({"S1": 3.0})).confidence == "high"
    assert with_evidence(_diarization({"S1": 60.0, "S2": 60.0}, "low")).confidence == "low"
    few = _diarization({"S1": 3.0, "S2": 3.0})  # not capped where the voices are not told apart by their sound
    assert [with_evidence(replace(few, method=m)).confidence for m in ("segmentation", "embedding", "mfcc",
                                                                       "channel", "transcript")] == \
        ["low", "low", "low", "high", "high"]


def test_three_people_in_thirty_seconds_are_not_sure(recordings, segmenter, speaker_encoder):
    """AMI trn09 with the count given: three people in 30 s (about 13 s of speech each) is at most medium; the
    matched sample (two people, over a minute each) stays high."""
    rec = load_audio(ROOT / "tests" / "data" / "ami" / "trn09.flac")
    d = diarize_overlap(rec, segmenter=segmenter, encoder=speaker_encoder, options=DiarizeOptions(n_speakers=3))
    per_person = sum(g.end_s - g.start_s for g in d.segments) / len(d.speakers)
    assert len(d.speakers) == 3 and 8.0 <= per_person < 16.0 and d.confidence == "medium", (per_person, d.confidence)
    pair = diarize_overlap(_mono(recordings["matched"]), segmenter=segmenter, encoder=speaker_encoder)
    assert pair.confidence == "high"


def test_local_overlap_is_the_most_in_one_window():
    act = np.zeros((2, 100, 3), np.uint8)
    act[0, 10:40, 0] = act[0, 20:40, 1] = 1  # 20 frames of two at once
    act[1, 0:50, 2] = act[1, 0:30, 0] = 1  # 30 frames
    assert local_overlap_s(act, frame_s=0.01) == pytest.approx(0.30)
    assert local_overlap_s(np.zeros((0, 589, 3), np.uint8), frame_s=0.01) == 0.0


def test_pyannote_call_estimated_as_two(pyannote_sample, segmenter, speaker_encoder):
    rec, ref = pyannote_sample
    d = diarize_overlap(rec, segmenter=segmenter, encoder=speaker_encoder, options=DiarizeOptions(n_speakers=None))
    assert d.speaker_count.n_speakers == 2 and d.speakers == ("S1", "S2")
    assert d.speaker_count.confidence == "low" and d.confidence == "low"  # 16 pieces: a guess, said so
    assert d.options.n_speakers is None and asked_speakers(d) == 2
    assert diarization_error_rate(ref, d.segments) <= 0.06  # as with the count given (measured 0.020)


def test_one_voice_estimated_as_one(recordings, truths, segmenter, speaker_encoder):
    """The matched sample's mentor turns alone: one person, sure of it."""
    one = mentor_alone(recordings["matched"], truths["matched"])
    d = diarize_overlap(one, segmenter=segmenter, encoder=speaker_encoder, options=DiarizeOptions(n_speakers=None))
    assert d.speaker_count.n_speakers == 1 and d.speakers == ("S1",)
    assert d.speaker_count.confidence == "high", d.speaker_count


def test_sample_session_estimated_as_two_and_as_if_given(recordings, segmenter, speaker_encoder):
    rec = _mono(recordings["matched"])
    est = diarize_overlap(rec, segmenter=segmenter, encoder=speaker_encoder, options=DiarizeOptions(n_speakers=None))
    given = diarize_overlap(rec, segmenter=segmenter, encoder=speaker_encoder)
    assert est.speaker_count.n_speakers == 2 and est.speaker_count.confidence == "high"
    assert est.segments == given.segments and est.confidence == given.confidence
    assert given.speaker_count is None  # given: nothing estimated


def test_three_person_meeting_not_over_counted(segmenter, speaker_encoder):
    rec, ref = load_audio(ROOT / "tests" / "data" / "ami" / "trn09.flac"), read_rttm(ROOT / "tests/data/ami/trn09.rttm")
    d = diarize_overlap(rec, segmenter=segmenter, encoder=speaker_encoder, options=DiarizeOptions(n_speakers=None))
    assert len({g.speaker for g in ref}) == 3
    assert 2 <= d.speaker_count.n_speakers <= 3 and d.speaker_count.confidence == "low"


@pytest.mark.parametrize("bad", [0, 5, True, 2.0, "2"])
def test_speaker_count_options_checked(bad):
    for make in (lambda: DiarizeOptions(n_speakers=bad), lambda: AnalyzeOptions(n_speakers=bad),
                 lambda: SpeakerCount(n_speakers=bad, confidence="low")):
        with pytest.raises(InvalidParameterError, match=f"n_speakers must be 1-4, or None to estimate it, got {bad!r}"):
            make()
    assert DiarizeOptions(n_speakers=None).n_speakers is None and AnalyzeOptions().n_speakers == 2


def test_estimated_count_round_trips_in_report_json():
    count = SpeakerCount(3, "medium", (1.2, 1.4, None), 42, 0.7)
    summary = AttributionSummary("segmentation", "medium", 1.4, 3, options=DiarizeOptions(n_speakers=None),
                                 speaker_count=count)
    from pipeline.types import Report

    report = Report(source_name="x.wav", sha256="0" * 64, duration_s=1.0, input_kind="audio", model_name="base",
                    pipeline_version="0", attribution_method="segmentation", attribution_confidence="medium",
                    speakers=(), turns=(), indicators=(), options=AnalyzeOptions(n_speakers=None),
                    attribution=summary)
    data = to_jsonable(report)
    assert data["options"]["n_speakers"] is None and data["attribution"]["speaker_count"]["n_speakers"] == 3
    assert report_from_dict(data) == report
    del data["attribution"]["speaker_count"]  # a report.json from before: the count was given
    assert report_from_dict(data).attribution.speaker_count is None
    # one wording wherever the estimate is told: the app's summary line, the HTML report, the command line
    from pipeline.report.htmlpage import html_report
    from pipeline.report.markdown import summary_line
    from pipeline.report.text import md_escape, people_counted_text

    said = "3 people estimated from the voices (confidence medium)"
    assert people_counted_text(report) == said and md_escape(said) in summary_line(report) and said in html_report(report)
    assert people_counted_text(report_from_dict(data)) == ""


def test_reuse_key_tells_estimated_from_given():
    from pipeline.library.consent import reuse_key

    assert reuse_key(AnalyzeOptions(n_speakers=None)) != reuse_key(AnalyzeOptions())
    assert reuse_key(AnalyzeOptions(n_speakers=2)) == reuse_key(AnalyzeOptions())


def test_cli_speakers_auto(tmp_path, capsys):
    from pipeline.run.cli import build_parser, main, speaker_count

    assert speaker_count("auto") is None and speaker_count("AUTO") is None and speaker_count("3") == 3
    with pytest.raises(argparse.ArgumentTypeError, match="'5'"):
        speaker_count("5")
    args = build_parser().parse_args(["analyze", "x.wav", "--speakers", "auto"])
    assert args.speakers is None
    assert build_parser().parse_args(["analyze", "x.wav"]).speakers == 2
    with pytest.raises(SystemExit):
        build_parser().parse_args(["analyze", "x.wav", "--speakers", "five"])
    # auto: up to four people, so S4 may be the mentor but S5 may not (checked before any model loads)
    assert main(["analyze", str(tmp_path / "x.wav"), "--speakers", "auto", "--mentor", "S5"]) == 2
    assert "S1..S4" in capsys.readouterr().err
