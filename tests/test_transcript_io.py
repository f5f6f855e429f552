"""Transcript parsing: Teams VTT, Zoom-style Name: prefixes, SRT, text, turns.json."""

from __future__ import annotations

import json

import pytest

from pipeline.errors import TranscriptFormatError
from pipeline.io.export import cues_from_turns, to_srt, to_vtt
from pipeline.io.transcripts import detect_format, parse_transcript, read_transcript
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


# ---------------------------------------------------------------------------
# Real export formats: a heading line per turn, several speakers in one cue, other encodings, Word
# ---------------------------------------------------------------------------

def _summary(turns):
    return [(t.speaker, t.start_s, t.text) for t in turns]


def test_heading_line_formats_teams_docx_otter_rev():
    teams = "Ann Lee   0:03\nHi Sam, how are you today?\n\nSam   0:07\nGood, thanks.\nA bit tired.\n"
    otter = "Ann Lee  0:03\nHi Sam, how are you today?\n\nSam  1:00:07\nGood, thanks.\nA bit tired.\n"
    rev = "Ann Lee (00:03):\nHi Sam, how are you today?\n\nSam (01:00:07): Good, thanks.\nA bit tired.\n"
    expected = [("Ann Lee", 3.0, "Hi Sam, how are you today?"), ("Sam", 7.0, "Good, thanks. A bit tired.")]
    assert _summary(parse_transcript(teams, source_name="x")) == expected
    assert _summary(parse_transcript(otter, source_name="x"))[1][1] == 3607.0
    assert _summary(parse_transcript(rev, source_name="x")) == [expected[0], ("Sam", 3607.0, expected[1][2])]
    # "Speaker 1" (Otter's unnamed speakers) is a name; ends are the next start or the words at 150 wpm
    turns = parse_transcript("Speaker 1  0:00\nso what brings you here\nSpeaker 2  0:10\nmy manager\n",
                             source_name="x")
    assert [(t.speaker, t.start_s, t.end_s) for t in turns] == [("Speaker 1", 0.0, 2.0), ("Speaker 2", 10.0, 10.8)]
    # a transcriber's note opening a line of words is said by the speaker above it, not by a speaker "laughs"
    noted = "Ann Lee  0:03\nHow was the week?\n\nSam  0:07\n[laughs] Long.\n[long pause] Really long.\n"
    assert _summary(parse_transcript(noted, source_name="x")) == [
        ("Ann Lee", 3.0, "How was the week?"), ("Sam", 7.0, "[laughs] Long. [long pause] Really long.")]
    assert _summary(parse_transcript("Ann Lee  0:03\nHi\n\nSam  0:07\n[ ] ok\n", source_name="x"))[1] == (
        "Sam", 7.0, "ok")  # a blank bracket names no one and is no note


def test_zoom_saved_captions_count_clock_times_from_the_first_even_past_midnight():
    zoom = ("[Ann Lee] 23:59:50\nHi Sam, how are you today?\n\n[Sam] 23:59:58\nGood thanks.\n\n"
            "[Ann Lee] 00:00:31\nWhat is on your mind?\n")
    assert _summary(parse_transcript(zoom, source_name="x")) == [
        ("Ann Lee", 0.0, "Hi Sam, how are you today?"), ("Sam", 8.0, "Good thanks."),
        ("Ann Lee", 41.0, "What is on your mind?")]


def test_google_meet_title_lines_are_left_out_and_time_lines_date_the_next_turn():
    meet = ("Mentoring - Transcript\nAttendees\nAnn Lee, Sam\nTranscript\n00:00:00\n \n"
            "Ann Lee: Hi Sam, how are you today?\nSam: Good, thanks.\n00:05:00\n \nAnn Lee: What is on your mind?\n")
    turns = parse_transcript(meet, source_name="x")
    assert _summary(turns) == [("Ann Lee", 0.0, "Hi Sam, how are you today?"), ("Sam", 2.7, "Good, thanks."),
                               ("Ann Lee", 300.0, "What is on your mind?")]
    # one heading-like line inside a 'Name: text' transcript is a sentence, not a new speaker
    turns = parse_transcript("Ann: when shall we meet\nNext Tuesday 10:30\nSam: fine\n", source_name="x")
    assert [(t.speaker, t.text) for t in turns] == [("Ann", "when shall we meet Next Tuesday 10:30"), ("Sam", "fine")]
    # text that names nobody is still refused with the reason
    with pytest.raises(TranscriptFormatError, match="names no speakers"):
        parse_transcript("Just a title\nand a line\n", source_name="x")


def test_a_cue_with_a_line_per_speaker_is_split_by_their_words():
    dash = "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n- Ann: Hi Sam\n- Sam: Hello\n"
    voices = "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Ann>Hi Sam</v>\n<v Sam>Hello</v>\n"
    named = "1\n00:00:01,000 --> 00:00:04,000\nAnn: Hi Sam\nSam: Hello\n"
    for text in (dash, voices, named):
        turns = parse_transcript(text, source_name="x")
        assert [(t.speaker, t.start_s, t.end_s, t.text) for t in turns] == [
            ("Ann", 1.0, 3.0, "Hi Sam"), ("Sam", 3.0, 4.0, "Hello")], text
    # a second line without its own name continues the first speaker
    turns = parse_transcript("WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nAnn: so the plan\n- is: fine\n",
                             source_name="x")
    assert [(t.speaker, t.text) for t in turns] == [("Ann", "so the plan - is: fine")]
    # old Teams / Stream files write times without padding
    stream = "WEBVTT\n\n0:0:0.0 --> 0:0:5.130\n<v Ann Lee>Hello everyone</v>\n"
    assert [(t.start_s, t.end_s) for t in parse_transcript(stream, source_name="x")] == [(0.0, 5.13)]


def _docx_bytes(paragraphs):
    import io

    import docx

    document = docx.Document()
    for text in paragraphs:
        head, _, rest = text.partition("\n")
        paragraph = document.add_paragraph(head)
        if rest:  # a line break inside the paragraph, as Teams writes heading and words
            paragraph.add_run().add_break()
            paragraph.add_run(rest)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def test_transcript_text_reads_word_and_windows_encodings():
    from pipeline.io.transcripts import transcript_text

    raw = _docx_bytes(["Mentoring", "Ann Lee   0:03", "Hi Sam, how are you?", "Sam   0:07\nGood, thanks."])
    text = transcript_text(raw, source_name="t.docx")
    assert text == "Mentoring\nAnn Lee   0:03\nHi Sam, how are you?\nSam   0:07\nGood, thanks."
    assert _summary(parse_transcript(text, source_name="t.docx")) == [
        ("Ann Lee", 3.0, "Hi Sam, how are you?"), ("Sam", 7.0, "Good, thanks.")]
    line = "Élodie: ça va\n"
    assert transcript_text(line.encode("utf-16"), source_name="x") == line  # Notepad's "Unicode", with its mark
    assert transcript_text(line.encode("cp1252"), source_name="x") == line  # "ANSI"
    assert transcript_text(b"\xef\xbb\xbf" + line.encode("utf-8"), source_name="x") == line
    with pytest.raises(TranscriptFormatError, match=r"^x\.bin: not a text file"):
        transcript_text(b"RIFF\x00\x00WAVE", source_name="x.bin")
    with pytest.raises(TranscriptFormatError, match=r"^t\.docx: not a Word \.docx file that can be opened"):
        transcript_text(raw[: len(raw) // 2], source_name="t.docx")


def test_transcript_text_refuses_a_docx_that_unpacks_too_large(monkeypatch):
    from pipeline.io import transcripts as transcript_io

    raw = _docx_bytes(["Ann Lee   0:03", "Hi"])
    assert transcript_io.transcript_text(raw, source_name="t.docx")
    monkeypatch.setattr(transcript_io, "MAX_DOCX_UNPACKED_BYTES", 1000)
    with pytest.raises(TranscriptFormatError, match="unpacks to"):
        transcript_io.transcript_text(raw, source_name="t.docx")


def test_old_teams_and_stream_word_transcripts_name_line_under_the_timing():
    # Word keeps no blank lines between cues: each timing line starts a cue, an SRT number goes with it
    old = "0:0:0.0 --> 0:0:3.720\nAnn Lee\nHi everyone.\n0:0:3.720 --> 0:0:5.130\nSam\nHello.\nHow are you\n"
    assert [(t.speaker, t.start_s, t.end_s, t.text) for t in parse_transcript(old, source_name="x")] == [
        ("Ann Lee", 0.0, 3.72, "Hi everyone."), ("Sam", 3.72, 5.13, "Hello. How are you")]
    srt = "1\n00:00:01,000 --> 00:00:03,000\nAnn: hello there\n2\n00:00:04,000 --> 00:00:06,000\nSam: hi\n"
    assert _summary(parse_transcript(srt, source_name="x")) == [("Ann", 1.0, "hello there"), ("Sam", 4.0, "hi")]
    # two-line subtitles without speakers are not read as names
    subtitles = ("WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nSo what brings you\nhere today\n\n"
                 "00:00:04.000 --> 00:00:06.000\nMy manager\nsent me\n")
    with pytest.raises(TranscriptFormatError, match="names no speakers"):
        parse_transcript(subtitles, source_name="x")


@pytest.mark.parametrize(("text", "turn_times"), [
    (TEAMS, "measured"),
    ("1\n00:00:01,000 --> 00:00:03,000\nAnn: hello there\n", "measured"),
    ('{"turns": [{"speaker": "Ann", "start_s": 0, "end_s": 1, "text": "hi"}]}', "measured"),
    ("Ann: what brings you here today\nSam: my project\n", "none"),
    ("[00:00:01] Ann: hello there\n[00:00:04] Sam: hi\n", "starts"),
    ("Ann Lee   0:03\nHi Sam\nSam   0:07\nGood\n", "starts"),
    ("Transcript\n00:00:00\nAnn: hi\nSam: hello\n00:05:00\nAnn: so\n", "starts"),  # Google Meet: some dated
])
def test_read_transcript_says_where_the_times_come_from(text, turn_times):
    parsed = read_transcript(text, source_name="x")
    assert parsed.turn_times == turn_times
    assert parsed.turns == parse_transcript(text, source_name="x")


def test_speaker_names_in_lower_case_are_read_where_the_transcript_writes_them_so():
    """Exports and coded transcripts that write roles in lower case ("therapist:", "client:"), with or without
    times, name their speakers; a stray lower-case "note:" in a transcript with capitalised names does not."""
    lower = ("[00:00:13] therapist: Hi, how are you today?\n[00:00:16] client: Fine, I guess. My doctor sent me.\n"
             "[00:00:21] therapist: Tell me more about that.\n[00:00:24] client: Well: he thinks I drink too much.\n")
    turns = parse_transcript(lower, source_name="t.txt")
    assert [(t.speaker, t.start_s) for t in turns] == [("therapist", 13.0), ("client", 16.0), ("therapist", 21.0),
                                                     ("client", 24.0)]
    assert turns[3].text == "Well: he thinks I drink too much."
    short = parse_transcript("therapist: Hi.\nclient: Hello, I was told to come.\ntherapist: Tell me more.\n",
                             source_name="t.txt")
    assert [t.speaker for t in short] == ["therapist", "client", "therapist"]
    mixed = parse_transcript("Ann: Hi.\nnote: this goes on\nBob: Fine.\nnote: and again\nBob: Yes.\n",
                             source_name="t.txt")
    assert [(t.speaker, t.text) for t in mixed] == [("Ann", "Hi. note: this goes on"),
                                                   ("Bob", "Fine. note: and again Yes.")]
    with pytest.raises(TranscriptFormatError, match="names no speakers"):
        parse_transcript("so: here it is\nand more of it\n", source_name="t.txt")


def test_table_transcripts_csv_and_tsv_with_a_header_row():
    """Spreadsheet and research exports: one row per utterance, columns found by their header names."""
    annotated = ("transcript_id,utterance_id,interlocutor,timestamp,utterance_text\n"
                 '7,0,therapist,00:00:13,"Hi, how are you today?"\n'
                 '7,1,client,00:00:16,"Fine, I guess; my doctor sent me."\n'
                 "7,2,client,00:00:18,He thinks I drink too much.\n"
                 "7,3,therapist,00:00:25,So it was his idea to come.\n")
    assert detect_format(annotated) == "table"
    parsed = read_transcript(annotated, source_name="t.csv")
    assert parsed.turn_times == "starts"
    assert [(t.speaker, t.start_s, t.text) for t in parsed.turns] == [
        ("therapist", 13.0, "Hi, how are you today?"),
        ("client", 16.0, "Fine, I guess; my doctor sent me. He thinks I drink too much."),
        ("therapist", 25.0, "So it was his idea to come.")]
    per_annotator = annotated.replace("\n7,1,", "\n7,0,therapist,00:00:13,\"Hi, how are you today?\"\n7,1,", 1)
    assert [t.text for t in read_transcript(per_annotator, source_name="t.csv").turns] == [
        t.text for t in parsed.turns]
    timed = "Speaker\tStart\tEnd\tText\nAnn\t0.5\t3.2\tHello there\nBob\t3.4\t0:06\tHi Ann, good to see you\n\n"
    parsed = read_transcript(timed, source_name="t.tsv")
    assert parsed.turn_times == "measured"
    assert [(t.speaker, t.start_s, t.end_s) for t in parsed.turns] == [("Ann", 0.5, 3.2), ("Bob", 3.4, 6.0)]
    untimed = read_transcript("Name;Message\nMentor;What brings you here?\nMentee;Work, mostly.\n",
                              source_name="t.csv")
    assert untimed.turn_times == "none" and [t.speaker for t in untimed.turns] == ["Mentor", "Mentee"]
    with pytest.raises(TranscriptFormatError, match="2 conversations"):
        read_transcript("transcript_id,interlocutor,utterance_text\n1,therapist,hi\n2,client,hello\n",
                        source_name="t.csv")
    with pytest.raises(TranscriptFormatError, match=r"row 2, column 'Start' holds 'soon'"):
        read_transcript("Speaker,Start,Text\nAnn,soon,hi\n", source_name="t.csv")
    # a text transcript whose first line has a comma is still text
    assert detect_format("Ann: Hi, Bob.\nBob: Hello.\n") == "text"


def test_listening_signals_counted_only_where_the_transcript_writes_them(nlp):
    """A transcript that writes no "mm-hm" for anyone (as many exports leave them out) cannot say the mentor gave
    none: not available, saying why. One that writes them (a turn that is only "Mm-hm.") counts the mentor's."""
    from pipeline.run.orchestrate import analyze_transcript

    plain = ("[00:00:01] Mentor: What would you like to work on today?\n"
             "[00:00:05] Mentee: My presentation next week. I keep putting it off.\n"
             "[00:00:12] Mentor: You keep putting it off.\n"
             "[00:00:15] Mentee: Yes, because I am worried the demo will break.\n")
    report = analyze_transcript(plain, source_name="plain.txt", nlp=nlp)
    bcs = next(i for i in report.indicators if i.id == "mentor_backchannels")
    assert (bcs.available, bcs.value) == (False, None)
    assert "writes no listening sounds" in bcs.explanation
    written = plain.replace("next week. I keep", "next week.\n[00:00:08] Mentor: Mm-hm.\n[00:00:09] Mentee: I keep")
    bcs = next(i for i in analyze_transcript(written, source_name="w.txt", nlp=nlp).indicators
               if i.id == "mentor_backchannels")
    assert bcs.available and bcs.value > 0 and [e.quote for e in bcs.evidence] == ["Mm-hm."]


# --------------------------------------------------------------------------- what a transcript's checks say

#: Told after each timing warning: what it does to the measures, and what to do.
TIMING_FIX = ("every measure rests on these times (talk shares, pauses, rates per minute, the order of the turns), "
              "so all are shown at low confidence: correct the times in the transcript, or export it again.")
BROKEN_TIMES = """WEBVTT

00:00:05.000 --> 00:00:02.000
<v Ann>Welcome back.

00:00:03.000 --> 00:00:08.000
<v Sam>My manager keeps moving my deadlines.

00:00:09.000 --> 00:00:10.500
<v Ann>That sounds hard.

10:00:00.000 --> 10:00:02.000
<v Sam>Yes it is.
"""


def test_broken_times_are_warned_by_cue_and_mark_the_times_unreliable():
    # Before the fix: no warning, a zero-length turn re-sorted silently, and a 10-hour session measured as medium.
    parsed = read_transcript(BROKEN_TIMES, source_name="odd.vtt")
    assert parsed.warnings == (
        "Cues end before they start: cue 1 (Ann) ends at 0:02, before it starts at 0:05. Such a cue is kept as "
        f"taking no time, and {TIMING_FIX}",
        "The times go backwards: cue 2 (Sam) starts at 0:03, before cue 1 (Ann) at 0:05. The turns are put in "
        f"time order, and {TIMING_FIX}",
        "A gap of 9:59:49.5 between cue 3 (Ann) and cue 4 (Sam) at 10:00:00, in a transcript spanning 9:59:59: "
        f"a time may be mistyped, and {TIMING_FIX}",
    )
    assert parsed.times_unreliable
    # no text is dropped: every cue is a turn, in time order
    assert [(t.speaker, t.start_s, t.end_s, t.text) for t in parsed.turns] == [
        ("Sam", 3.0, 8.0, "My manager keeps moving my deadlines."), ("Ann", 5.0, 5.0, "Welcome back."),
        ("Ann", 9.0, 10.5, "That sounds hard."), ("Sam", 36000.0, 36002.0, "Yes it is.")]


def test_times_going_backwards_in_text_lines_name_the_lines():
    parsed = read_transcript("[00:00:10] Ann: hi there\n\n[00:00:04] Sam: hello\n[00:02:00] Ann: so\n",
                             source_name="x.txt")
    # line numbers of the file (the blank line counts); 1:50 from one start to the next is a turn, not a gap
    assert parsed.warnings == (f"The times go backwards: line 3 (Sam) starts at 0:04, before line 1 (Ann) at 0:10. "
                               f"The turns are put in time order, and {TIMING_FIX}",)
    assert parsed.times_unreliable


@pytest.mark.parametrize("second,said", [
    ("00:00:50.000 --> 00:00:55.000", ()),  # 45 s of 55: a pause
    ("00:01:40.000 --> 00:01:45.000", ("A gap of 1:35 between cue 1 (Ann) and cue 2 (Sam) at 1:40, in a transcript "
                                       "spanning 1:45",)),  # more than half the span
    ("00:11:40.000 --> 00:30:00.000", ("A gap of 11:35 between cue 1 (Ann) and cue 2 (Sam) at 11:40, in a "
                                       "transcript spanning 30:00",)),  # more than 10 minutes
])
def test_a_gap_is_implausible_over_ten_minutes_or_half_the_span(second, said):
    text = f"WEBVTT\n\n00:00:00.000 --> 00:00:05.000\n<v Ann>hello\n\n{second}\n<v Sam>hi\n"
    parsed = read_transcript(text, source_name="x.vtt")
    assert parsed.warnings == tuple(f"{w}: a time may be mistyped, and {TIMING_FIX}" for w in said)
    assert parsed.times_unreliable is bool(said)


def test_sound_times_give_no_warning():
    parsed = read_transcript(TEAMS, source_name="t.vtt")
    assert parsed.warnings == () and not parsed.times_unreliable


def test_a_name_one_letter_from_another_is_warned_and_not_merged():
    # Before the fix "Sma" (once, for Sam) made a group of three without a word.
    text = "Sam: a\nAlex: b\nSam: c\nAlex: d\nSma: e\nAlex: f\nSam: g\n"
    parsed = read_transcript(text, source_name="x.txt")
    assert parsed.warnings == ("'Sma' speaks once and is one letter from 'Sam': if they are the same person, correct "
                               "the transcript (or rename in the app); until then they count as two people.",)
    assert not parsed.times_unreliable
    assert [t.speaker for t in parsed.turns] == ["Sam", "Alex", "Sam", "Alex", "Sma", "Alex", "Sam"]
    # a swap of two letters is one edit too; twice is still few; a short name is named with a longer one
    text = "Priya: a\nTom: b\nPryia: c\nTom: d\nPryia: e\nTom: f\nPriya: g\nTom: h\nPriya: i\nBo: j\nTom: k\nBob: l\n"
    assert read_transcript(text, source_name="x.txt").warnings == (
        "'Pryia' speaks twice and is one letter from 'Priya': if they are the same person, correct the transcript "
        "(or rename in the app); until then they count as two people.",
        "'Bo' speaks once and is one letter from 'Bob': if they are the same person, correct the transcript "
        "(or rename in the app); until then they count as two people.")


@pytest.mark.parametrize("text", [
    "Speaker 1: a\nSpeaker 2: b\nSpeaker 1: c\nSpeaker 3: d\nSpeaker 2: e\n",  # numbered labels differ by design
    "Ann: a\nAnne: b\nAnn: c\nAnne: d\nAnn: e\nAnne: f\n",  # both speak often: two people
    "S1: a\nS2: b\nS1: c\nS3: d\n",  # labels under three letters
    "Sam: a\nAlex: b\nSam: c\nAlex: d\nKim: e\n",  # two letters apart
])
def test_names_that_are_not_typos_give_no_warning(text):
    assert read_transcript(text, source_name="x.txt").warnings == ()


def test_damerau_distance_counts_a_swap_as_one_edit():
    from pipeline.io.transcript_checks import damerau_distance

    assert [damerau_distance(a, b) for a, b in (("sma", "sam"), ("pryia", "priya"), ("sam", "sam"), ("bo", "bob"),
                                                ("kim", "sam"), ("", "ann"))] == [1, 1, 0, 1, 2, 3]


BADCOLS_MESSAGE = (
    "a table transcript needs a header row naming a speaker column (one of speaker, speakername, speakerlabel, name, "
    "interlocutor, role, participant, who, author, sender, person) and a text column (one of text, utterance, "
    "utterancetext, transcript, content, message, words, sentence, dialogue, turn); this file's columns are 'who', "
    "'said'. Rename its columns (case, spaces and '_' do not matter), or give a .vtt, .srt or .txt transcript.")


@pytest.mark.parametrize("name", ["badcols.csv", "badcols.txt"])
def test_a_table_without_known_columns_says_which_it_needs_and_which_it_has(name):
    # Before the fix: "the transcript names no speakers; Rapport needs '<v Name>' tags...", about a CSV.
    with pytest.raises(TranscriptFormatError) as err:
        read_transcript("who,said\nA,hello\nB,hi\n", source_name=name)
    assert str(err.value) == f"{name}: {BADCOLS_MESSAGE}"
    with pytest.raises(TranscriptFormatError, match="^x.txt: the transcript names no speakers"):
        read_transcript("Meeting notes, 3 May\nwe talked\n", source_name="x.txt")  # a title, not a header
