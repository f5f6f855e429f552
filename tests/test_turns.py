"""Words to speakers, turns and roles on the sample sessions (Whisper base words, real attribution)."""

from __future__ import annotations

import json

import pytest

from pipeline.errors import InvalidParameterError
from pipeline.measures.roles import assign_roles, count_questions, with_roles
from pipeline.speech.channels import diarize_channels
from pipeline.speech.diarize import diarize
from pipeline.speech.evaluation import speaker_mapping, talk_share_error, word_attribution_accuracy
from pipeline.speech.turns import attribute_words, build_turns
from pipeline.types import AttributionOptions, Diarization, RoleOptions, SpeakerSegment, Turn, Word

from .conftest import SAMPLES
from .test_cli import run_cli
from .test_diarize import as_mono, truth_segments


@pytest.fixture(scope="session")
def attributed(recordings, transcripts_base, vad, speaker_encoder):
    """Words attributed per session and mode: mono embedding diarization, and channels for the stereo one."""
    out = {}
    for name, rec in recordings.items():
        d = diarize(as_mono(rec), vad=vad, encoder=speaker_encoder)
        out[(name, "mono")] = (d, attribute_words(transcripts_base[name].words, d))
        if rec.n_channels == 2:
            d = diarize_channels(rec)
            out[(name, "channel")] = (d, attribute_words(transcripts_base[name].words, d))
    return out


def _word_segments(words):
    return [SpeakerSegment(w.speaker, w.start_s, max(w.end_s, w.start_s + 0.01)) for w in words if w.speaker]


def test_word_attribution_accuracy_and_talk_share(attributed, truths):
    for (name, mode), (_, words) in attributed.items():
        ref = truth_segments(truths[name])
        acc = word_attribution_accuracy(words, ref)
        assert acc >= 0.97, (name, mode, acc)
        # Talk share by words: the truth's attribution of the same words vs ours.
        truth_d = Diarization(tuple(sorted(ref, key=lambda g: g.start_s)), (), ("S1", "S2"), "truth", "high", 0.0, 0.0)
        true_words = attribute_words(words, truth_d)
        assert talk_share_error(_word_segments(true_words), _word_segments(words)) <= 3.0, (name, mode)


def test_short_turns_attributed_correctly(attributed, truths):
    """Backchannels ("yeah", "uh-huh", "okay") that Whisper transcribed go to the person who said them."""
    checked = 0
    for (name, mode), (d, words) in attributed.items():
        mapping = speaker_mapping(truth_segments(truths[name]), d.segments)
        for t in truths[name]["turns"]:
            if t["n_words"] > 2 or t["overlap"]:
                continue
            # The diarization itself finds the short turn (independent of Whisper).
            mid = (t["start_s"] + t["end_s"]) / 2
            covering = [g.speaker for g in d.segments if g.start_s <= mid <= g.end_s]
            assert [mapping.get(s) for s in covering] == [t["speaker"]], (name, mode, t["text"], t["start_s"])
            inside = [w for w in words if t["start_s"] <= (w.start_s + w.end_s) / 2 <= t["end_s"]]
            for w in inside:
                assert mapping.get(w.speaker) == t["speaker"], (name, mode, t["text"], t["start_s"], w)
                checked += 1
    assert checked >= 5, "too few backchannels transcribed to test anything"


def test_turns_invariants_and_roles(attributed, truths):
    for (name, mode), (d, words) in attributed.items():
        turns = build_turns(words)
        assert turns and [t.index for t in turns] == list(range(len(turns)))
        for a, b in zip(turns, turns[1:], strict=False):
            assert a.end_s <= b.start_s
        for t in turns:
            assert t.start_s <= t.end_s and t.words and t.text
            assert all(w.speaker == t.speaker for w in t.words)
        assert sum(len(t.words) for t in turns) == len(words)
        speakers = assign_roles(turns, d.speakers)
        mapping = speaker_mapping(truth_segments(truths[name]), d.segments)
        mentor = next(s.label for s in speakers if s.role == "mentor")
        assert truths[name]["speakers"][mapping[mentor]]["role"] == "mentor", (name, mode)
        assert {s.role for s in speakers} == {"mentor", "mentee"}
        assert all(s.role_source == "guessed" for s in speakers)
        forced = assign_roles(turns, d.speakers, options=RoleOptions(mentor="S2"))
        assert [(s.label, s.role, s.role_source) for s in forced] == [("S1", "mentee", "set"), ("S2", "mentor", "set")]
        assert {t.role for t in with_roles(turns, forced) if t.speaker == "S2"} == {"mentor"}


def test_dual_channel_overlap_marked_on_turns(attributed):
    d, words = attributed[("dual_channel", "channel")]
    assert d.overlaps
    turns = build_turns(words)
    overlapping = [t for t in turns if t.overlap]
    assert overlapping
    for t in overlapping:
        assert any(s < t.end_s and e > t.start_s for s, e in d.overlaps)


def test_count_questions_without_punctuation():
    assert count_questions("what would you like to focus on today") == 1
    assert count_questions("How did it go. Could you tell me more?") == 2
    assert count_questions("I think so. That helps.") == 0


def test_roles_rule_and_errors():
    turns = (
        Turn(0, "S2", "", 0, 2, "Hi there."),
        Turn(1, "S1", "", 2, 4, "What brings you here? How is the project going?"),
        Turn(2, "S2", "", 4, 9, "It is going fine but I am worried about the deadline."),
    )
    sp = assign_roles(turns, ("S2", "S1"))
    assert [(s.label, s.role) for s in sp] == [("S2", "mentee"), ("S1", "mentor")]
    assert assign_roles((Turn(0, "S1", "", 0, 1, "Hello."),), ("S1",))[0].role == "mentor"
    assert assign_roles((), ()) == ()
    with pytest.raises(InvalidParameterError, match="S3"):
        assign_roles(turns, ("S1", "S2"), options=RoleOptions(mentor="S3"))


def test_attribute_words_nearest_option_and_overlap():
    d = Diarization(
        segments=(SpeakerSegment("S1", 0.0, 2.0), SpeakerSegment("S2", 1.8, 4.0), SpeakerSegment("S1", 6.0, 7.0)),
        overlaps=((1.8, 2.0),), speakers=("S1", "S2"), method="channel", confidence="high", separation=0.0,
        duration_s=10.0,
    )
    words = (Word("a", 0.1, 0.5, 0.9), Word("b", 1.85, 1.95, 0.9), Word("c", 2.5, 3.0, 0.9),
             Word("d", 4.3, 4.6, 0.9), Word("e", 9.5, 9.8, 0.9))
    out = attribute_words(words, d)
    assert [w.speaker for w in out] == ["S1", "S1", "S2", "S2", None]  # e: nearest is 2.5 s away (> 2 s)
    assert [w.overlap for w in out] == [False, True, False, False, False]
    strict = attribute_words(words, d, options=AttributionOptions(nearest_when_unmatched=False))
    assert [w.speaker for w in strict] == ["S1", "S1", "S2", None, None]
    assert attribute_words((), d) == ()
    turns = build_turns(strict)
    assert [t.speaker for t in turns] == ["S1", "S2", "unknown", "unknown"]  # 4.9 s apart: two turns
    assert [t.overlap for t in turns] == [True, False, False, False]
    spans = build_turns(strict, overlaps=d.overlaps)  # S2 turn (2.5-3.0 s) does not meet the 1.8-2.0 s stretch
    assert [t.overlap for t in spans] == [True, False, False, False]
    late = build_turns(strict, overlaps=((2.9, 3.1),))
    assert [t.overlap for t in late] == [True, True, False, False]


def test_cli_analyze_dual_channel(tmp_path, truths):
    out = tmp_path / "out"
    res = run_cli("analyze", str(SAMPLES / "dual_channel.flac"), "--model", "tiny.en", "--mentor", "S1",
                  "--out", str(out), "--quiet")
    assert res.returncode == 0, res.stderr
    for f in ("report.json", "turns.json", "diarization.rttm", "transcript.vtt", "transcript.srt", "transcript.json"):
        assert (out / f).is_file(), f
    report = json.loads((out / "report.json").read_text())
    assert report["attribution_method"] == "channel"
    assert [(s["label"], s["role"], s["role_source"]) for s in report["speakers"]] == [
        ("S1", "mentor", "set"), ("S2", "mentee", "set")]
    assert report["options"]["n_speakers"] == 2 and report["options"]["mentor"] == "S1"
    turns = report["turns"]
    assert turns and {"speaker", "role", "start_s", "end_s", "text", "overlap", "words"} <= set(turns[0])
    assert any(t["overlap"] for t in turns)
    assert json.loads((out / "turns.json").read_text()) == turns
    rttm = (out / "diarization.rttm").read_text().splitlines()
    assert rttm and all(line.startswith("SPEAKER dual_channel 1 ") for line in rttm)
    assert "<v S1 (mentor)>" in (out / "transcript.vtt").read_text()
    assert "S2 (mentee): " in (out / "transcript.srt").read_text()


def test_cli_analyze_bad_mentor_fails_fast(tmp_path):
    res = run_cli("analyze", str(SAMPLES / "matched.flac"), "--mentor", "S3", "--out", str(tmp_path / "o"))
    assert res.returncode == 2
    assert res.stderr.strip().splitlines() == [
        "rapport: error: --mentor S3: speakers are labelled S1..S2 in order of first speech; pick one of those"
        " (run once without --mentor to see who is who)"
    ]
