"""Transcript parsing: Teams VTT, Zoom-style Name: prefixes, SRT, text, turns.json."""

from __future__ import annotations

import json

import pytest

from pipeline.errors import TranscriptFormatError
from pipeline.export import cues_from_turns, to_srt, to_vtt
from pipeline.transcript_io import detect_format, parse_transcript
from pipeline.types import Turn

TEAMS = """WEBVTT

1a2b-3
00:00:01.000 --> 00:00:04.500
<v Ann Lee>Hi Sam what would you like to focus on today</v>

00:00:05.000 --> 00:00:09.000
<v Sam>Mostly the quarterly review</v>

00:00:09.500 --> 00:00:10.000
<v Sam>and the budget</v>
"""


def test_teams_vtt_voice_tags_and_merge():
    turns = parse_transcript(TEAMS, source_name="t.vtt")
    assert [(t.speaker, t.start_s, t.end_s) for t in turns] == [("Ann Lee", 1.0, 4.5), ("Sam", 5.0, 10.0)]
    assert turns[1].text == "Mostly the quarterly review and the budget"
    assert [t.index for t in turns] == [0, 1]


def test_zoom_vtt_srt_and_text_prefixes():
    zoom = "WEBVTT\n\n1\n00:00:01.000 --> 00:00:03.000\nAnn: hello there\n\n2\n00:00:04.000 --> 00:00:06.000\nSam: hi\n"
    srt = "1\n00:00:01,000 --> 00:00:03,000\nAnn: hello there\n\n2\n00:00:04,000 --> 00:00:06,000\nSam: hi\n"
    txt = "[00:00:01] Ann: hello there\n[00:00:04] Sam: hi\n"
    for text, fmt in ((zoom, "vtt"), (srt, "srt"), (txt, "text")):
        assert detect_format(text) == fmt
        turns = parse_transcript(text, source_name="x")
        assert [(t.speaker, t.text, t.start_s) for t in turns] == [("Ann", "hello there", 1.0), ("Sam", "hi", 4.0)]


def test_untimed_text_gets_increasing_times():
    turns = parse_transcript("Ann: what brings you here today\nSam: my project\n", source_name="x")
    assert [t.speaker for t in turns] == ["Ann", "Sam"]
    assert turns[0].end_s <= turns[1].start_s


def test_roundtrip_own_exports_and_turns_json():
    turns = (Turn(0, "S1", "mentor", 0.5, 2.0, "how are you"), Turn(1, "S2", "mentee", 2.4, 5.0, "fine thanks"))
    for text in (to_vtt(cues_from_turns(turns)), to_srt(cues_from_turns(turns))):
        got = parse_transcript(text, source_name="x")
        assert [(t.speaker, t.start_s, t.end_s, t.text) for t in got] == [
            (t.speaker, t.start_s, t.end_s, t.text) for t in turns]
    js = json.dumps({"turns": [{"speaker": t.speaker, "role": t.role, "start_s": t.start_s, "end_s": t.end_s,
                                "text": t.text, "words": []} for t in turns]})
    assert parse_transcript(js, source_name="turns.json") == turns


def test_errors_and_empty():
    assert parse_transcript("", source_name="x") == ()
    with pytest.raises(TranscriptFormatError, match="names no speakers"):
        parse_transcript("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhello\n", source_name="x")
    with pytest.raises(TranscriptFormatError):
        parse_transcript('{"turns": [{"text": "no times"}]}', source_name="turns.json")


@pytest.mark.parametrize("timing", ["00:00:01.000 --> 00:00:0x.500", "1:99:99,000 --> banana",
                                    "00:00:01.000 --> 00:00:02.000junk", "00:61:00.000 --> 00:62:00.000"])
def test_malformed_cue_timing_is_an_error_not_a_silent_misparse(timing):
    # Before the fix "00:00:0x.500" was read as "00:00" (the cue ended at 0 s) and "banana" cues vanished.
    text = f"WEBVTT\n\n{timing}\n<v Ann>How is the project going?\n\n00:00:05.000 --> 00:00:06.000\n<v Bo>Fine.\n"
    with pytest.raises(TranscriptFormatError, match="malformed cue timing") as err:
        parse_transcript(text, source_name="talk.vtt")
    assert str(err.value).startswith("talk.vtt: ")
