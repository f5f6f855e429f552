"""Interruptions and listening signals from who spoke when (issue 19): hand-built activity with exact answers,
the overlap sample through the channel attribution, overlapping turns, the report carrying the events, and
two-channel recordings transcribed per channel."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.io.audio import load_audio
from pipeline.io.reportjson import report_from_json, report_json
from pipeline.speech.channels import diarize_channels
from pipeline.speech.evaluation import normalize_text, word_error_rate
from pipeline.speech.events import event_confidence, events_of_diarization, find_events, turn_events
from pipeline.speech.turns import build_turns, with_overlap_marks
from pipeline.types import (
    Diarization,
    EventOptions,
    Report,
    SpeakerInfo,
    SpeakerSegment,
    SpeechEvent,
    Turn,
    Word,
)

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_sessions"


def S(spk, a, b):
    return SpeakerSegment(spk, a, b)


def kinds(events):
    return [(e.kind, e.speaker, e.start_s, e.end_s) for e in events]


def test_events_on_hand_built_activity():
    segs = [
        S("A", 0.0, 4.0),
        S("B", 4.2, 12.0),
        S("A", 6.0, 6.4),     # listening sound inside B's speech: backchannel
        S("A", 11.0, 15.0),   # starts 1 s before B stops, B stops within 2 s, A goes on: interruption
        S("B", 15.5, 18.0),
        S("B", 20.0, 30.0),
        S("A", 22.0, 29.0),   # long overlap, B does not stop within 2 s: neither
        S("A", 30.5, 31.0),   # between B's stretches (one speaker per moment), B goes on: backchannel
        S("B", 31.8, 40.0),
        S("A", 39.5, 40.0),   # B stops with it and A does not go on: neither
        S("A", 42.0, 42.5),   # after a pause, nobody goes on: neither
    ]
    assert kinds(find_events(segs)) == [
        ("backchannel", "A", 6.0, 6.4),
        ("interruption", "A", 11.0, 12.0),
        ("backchannel", "A", 30.5, 31.0),
    ]
    # thresholds: a 0.5 s burst is not a backchannel when at most 0.4 s is allowed; 1 s overlap is not enough
    strict = EventOptions(backchannel_max_s=0.45, interruption_min_overlap_s=1.5)
    assert kinds(find_events(segs, options=strict)) == [("backchannel", "A", 6.0, 6.4)]
    assert find_events(segs[:2]) == () and find_events([]) == ()
    assert all(isinstance(e.start_s, float) and e.confidence == "high" for e in find_events(segs))
    assert {e.confidence for e in find_events(segs, confidence="medium")} == {"medium"}


def test_event_confidence_by_attribution():
    def d(method, conf):
        return Diarization((), (), (), method, conf, 1.0, 1.0)

    assert event_confidence(d("channel", "high")) == "high"
    assert event_confidence(d("embedding", "high")) == "medium"
    assert event_confidence(d("embedding", "low")) == "low"
    assert d("channel", "high").detects_overlaps and not d("embedding", "high").detects_overlaps


def _w(text, a, b, spk):
    return Word(text, a, b, 1.0, speaker=spk)


def test_turns_overlap_where_the_events_are():
    words = (
        _w("I", 4.2, 4.5, "B"), _w("planned", 4.6, 5.5, "B"), _w("the", 5.6, 5.9, "B"),
        _w("mm-hm", 6.0, 6.4, "A"),
        _w("offsite", 6.1, 7.0, "B"), _w("and", 7.1, 7.4, "B"), _w("the", 10.0, 10.4, "B"),
        _w("So", 11.0, 11.3, "A"), _w("budget", 11.2, 11.9, "B"), _w("what", 11.4, 11.8, "A"),
        _w("now", 12.0, 15.0, "A"),
    )
    events = find_events([S("B", 4.2, 12.0), S("A", 6.0, 6.4), S("A", 11.0, 15.0), S("A", 20.0, 20.4)])
    events += (SpeechEvent("backchannel", "B", "A", 13.0, 13.4),)  # a listening sound Whisper wrote nothing for
    turns = build_turns(words, events=events)
    got = [(t.speaker, t.start_s, t.end_s, t.text) for t in turns]
    assert got == [
        ("B", 4.2, 11.9, "I planned the offsite and the budget"),  # not split by the "mm-hm", keeps its last word
        ("A", 6.0, 6.4, "mm-hm"),
        ("A", 11.0, 15.0, "So what now"),
        ("B", 13.0, 13.4, ""),
    ]
    assert [t.index for t in turns] == [0, 1, 2, 3]
    carried = turn_events(turns, events)
    assert [e.kind if e else None for e in carried] == [None, "backchannel", "interruption", "backchannel"]
    # Without events, turns never overlap (as before).
    plain = build_turns(words)
    assert all(b.start_s >= a.end_s for a, b in zip(plain, plain[1:], strict=False))


def _overlap_truth(name):
    return json.loads((SAMPLES / f"{name}.truth.json").read_text())


@pytest.fixture(scope="module")
def stereo():
    rec = load_audio(SAMPLES / "overlap_stereo.flac")
    return rec, diarize_channels(rec)


def test_overlap_sample_events_through_the_channel_attribution(stereo):
    _, d = stereo
    truth = _overlap_truth("overlap_stereo")
    events = events_of_diarization(d)
    mentor = d.speakers[0]  # the mentor speaks first
    for kind in ("interruption", "backchannel"):
        want = [e["start_s"] for e in truth["events"] if e["kind"] == kind]
        got = [e.start_s for e in events if e.kind == kind and e.speaker == mentor]
        assert abs(len(got) - len(want)) <= 1, (kind, want, got)
        # each found event is one of the truth's, within 0.3 s
        assert all(min(abs(g - w) for w in want) < 0.3 for g in got), (kind, want, got)
    assert {e.confidence for e in events} == {"high"}


def test_report_round_trip_with_events():
    events = (SpeechEvent("backchannel", "S1", "S2", 10.61, 10.96, "high"),
              SpeechEvent("interruption", "S1", "S2", 33.96, 34.76, "medium"))
    r = Report(source_name="x.flac", sha256="0" * 64, duration_s=84.6, input_kind="audio", model_name="base",
               pipeline_version="0.5.0", attribution_method="channel", attribution_confidence="high",
               speakers=(SpeakerInfo("S1", "mentor"), SpeakerInfo("S2", "mentee")),
               turns=(Turn(0, "S1", "mentor", 10.61, 10.96, ""),), events=events)
    back = report_from_json(report_json(r))
    assert back == r and back.events == events
    assert json.loads(report_json(r))["events"][1] == {"kind": "interruption", "speaker": "S1", "other": "S2",
                                                       "start_s": 33.96, "end_s": 34.76, "confidence": "medium"}
    old = json.loads(report_json(r))
    del old["events"]  # a report.json before 0.5.0
    assert report_from_json(json.dumps(old)).events == ()


def test_stereo_transcribed_per_channel(stereo, asr_tiny):
    """Each person's words from their own channel: the mentor's listening sounds and interruptions are theirs,
    and the mentor's words come out about as well as the mentee's."""
    from pipeline.speech.perchannel import speaker_channels, transcribe_channels

    rec, d = stereo
    truth = _overlap_truth("overlap_stereo")
    assert speaker_channels(rec, d) == {d.speakers[0]: 0, d.speakers[1]: 1}
    t = transcribe_channels(rec, d, model=asr_tiny)
    words = sorted(t.words, key=lambda w: w.start_s)
    assert all(w.speaker in d.speakers for w in words)
    wer = {}
    for spk, label in zip(("S1", "S2"), d.speakers, strict=True):
        ref = " ".join(x["text"] for x in truth["turns"] if x["speaker"] == spk)
        wer[spk] = 100 * word_error_rate(ref, " ".join(w.text for w in words if w.speaker == label))
    # issue 19's aim: the mentor's words within 2 points of the mentee's (tiny.en: 2.8 % and 1.5 %)
    assert wer["S1"] < 6 and wer["S2"] < 6 and abs(wer["S1"] - wer["S2"]) <= 2, wer
    mentor_text = normalize_text(" ".join(w.text for w in words if w.speaker == d.speakers[0]))
    assert "so the deadline is really the problem here" in mentor_text
    # Turns from these words overlap where the events are: each listening sound and interruption is a mentor turn
    # inside or over a mentee turn, and the mentee's turns are not cut around the listening sounds.
    events = events_of_diarization(d)
    turns = build_turns(with_overlap_marks(tuple(words), d), overlaps=d.overlaps, events=events)
    carried = turn_events(turns, events)
    mentor, mentee = d.speakers
    for kind, n in (("backchannel", 5), ("interruption", 2)):
        mine = [t for t, e in zip(turns, carried, strict=True) if e is not None and e.kind == kind
                and t.speaker == mentor]
        assert abs(len(mine) - n) <= 1, (kind, [(t.start_s, t.text) for t in mine])
        assert all(any(u.speaker == mentee and u.start_s < t.start_s < u.end_s for u in turns) for t in mine)
    assert len([t for t in turns if t.speaker == mentee]) == len(
        [x for x in truth["turns"] if x["speaker"] == "S2"])
    # no word starts before its person's speech on their channel (Whisper put the first word after a pause up to
    # 0.8 s early: "what" at 47.79 for the mentor's 48.47, "right" at 68.29 for 69.09)
    spans = {label: [(g.start_s, g.end_s) for g in d.segments if g.speaker == label] for label in d.speakers}
    for w in words:
        inside = [a for a, b in spans[w.speaker] if a < w.end_s and b > w.start_s]
        assert not inside or w.start_s >= inside[0], w


def test_a_word_starts_no_earlier_than_the_speech_it_overlaps():
    """Onsets: a word Whisper began in the silence before a person's speech starts where that speech starts; a
    word inside, or overlapping no speech, keeps its times."""
    from pipeline.speech.perchannel import onset_within

    spans = [(10.0, 12.0), (20.5, 24.0)]
    assert onset_within(19.8, 20.9, spans) == 20.5  # began 0.7 s early
    assert onset_within(10.2, 10.6, spans) == 10.2  # inside
    assert onset_within(15.0, 15.4, spans) == 15.0  # overlaps no speech: left as is
    assert onset_within(11.8, 20.6, spans) == 11.8  # spans two stretches: the first one decides
    assert onset_within(20.4, 20.5, spans) == 20.4  # touches the start only: overlaps nothing


def test_listening_sounds_whisper_wrote_nothing_for_are_counted(stereo, nlp):
    """The truth's words without the one-word listening sounds (as if Whisper dropped every one): the channel
    attribution's activity still makes each a turn of its own, and the indicators count 5 and 2."""
    from pipeline.measures.roles import assign_roles, with_roles
    from pipeline.measures.session import measure_session

    rec, d = stereo
    truth = _overlap_truth("overlap_stereo")
    words = []
    for x in truth["turns"]:
        said = x["text"].split()
        if len(said) < 2:
            continue
        step = (x["end_s"] - x["start_s"]) / len(said)
        words += [Word(w, x["start_s"] + i * step, x["start_s"] + (i + 0.8) * step, 1.0, speaker=x["speaker"])
                  for i, w in enumerate(said)]
    events = events_of_diarization(d)
    turns = build_turns(tuple(sorted(words, key=lambda w: w.start_s)), events=events, overlaps=d.overlaps)
    speakers = assign_roles(turns, d.speakers, nlp=nlp)
    m = measure_session(with_roles(turns, speakers), speakers, recording=rec, nlp=nlp, events=events)
    got = {i.id: i for i in m.indicators}
    assert got["mentor_interrupting_mentee"].value == 2
    bcs = got["mentor_backchannels"]
    assert len(bcs.evidence) == 5 and {e.quote for e in bcs.evidence} == {"(a listening sound, no word written)"}
    assert [e.start_s for e in bcs.evidence] == pytest.approx(
        [e["start_s"] for e in truth["events"] if e["kind"] == "backchannel"], abs=0.05)
    assert m.events == events
