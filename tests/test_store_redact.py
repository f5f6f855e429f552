"""Redaction of names and places (spaCy entities) in exports."""

from __future__ import annotations

import dataclasses
import json
import zipfile

from pipeline.library.redact import redact_text
from pipeline.library.store import Store, file_sha256
from pipeline.types import Evidence, RedactOptions, SharedPhrase, said

from .conftest import SAMPLES
from .storehelp import consent_pair, report_from_truth


def test_redacts_known_names_and_places(nlp):
    text = "I moved from Chicago to London last year and Maria Lopez helped me."
    assert redact_text(text, nlp=nlp) == "I moved from [PLACE] to [PLACE] last year and [NAME] helped me."
    assert redact_text("Tom's manager in Berlin said no.", nlp=nlp) == "[NAME]'s manager in [PLACE] said no."
    # Nothing to redact: unchanged, and empty stays empty.
    plain = "what we talk about stays between us"
    assert redact_text(plain, nlp=nlp) == plain and redact_text("", nlp=nlp) == ""
    # Whisper's lower-case names escape the recogniser; participants' names are still caught.
    lower = "the review with brook went well"
    assert redact_text(lower, nlp=nlp) == lower, "the recogniser misses this lower-case name"
    assert redact_text(lower, nlp=nlp, known_names=["Brook Adeyemi"]) == "the review with [NAME] went well"
    # Options choose labels and tokens.
    opts = RedactOptions(place_labels=(), name_token="<person>")
    assert redact_text(text, nlp=nlp, options=opts) == "I moved from Chicago to London last year and <person> helped me."


def test_export_redacts_transcript_and_quotes(tmp_path, truths, nlp):
    from pipeline.library.redact import redactor

    path = SAMPLES / "matched.flac"
    r = report_from_truth(truths["matched"], source_name=path.name, sha256=file_sha256(path))
    assert "Sam" in r.turns[0].text
    # words said also stand in evidence notes and shared phrases: those are redacted too
    first = r.indicators[0]
    noted = dataclasses.replace(first, evidence=(Evidence(0.96, 6.0, "S1", r.turns[0].text,
                                                          f"{said('Hi Sam')} opens the session"),))
    r = dataclasses.replace(r, indicators=(noted, *r.indicators[1:]),
                            shared_phrases=(SharedPhrase("sam lee", "S1", 0.96, "S2", 6.0, 2),))
    with Store(f"sqlite:///{tmp_path / 'lib.db'}", data_dir=tmp_path / "d") as s:
        sid = s.save(r, consents=consent_pair(), audio_path=path)
        out = s.export(sid, tmp_path / "e.zip", redact=redactor(nlp, known_names=["Sam Lee", "Alex Morgan"]))
    with zipfile.ZipFile(out) as z:
        data = json.loads(z.read("session.json"))
        names = z.namelist()
        vtt = z.read("transcript.vtt").decode()
    assert data["redacted"] and "recording.flac" not in names, "a redacted export never ships the raw voice"
    turns = data["report"]["turns"]
    assert turns[0]["text"].startswith("Hi [NAME],")
    assert "Sam" not in json.dumps(data["report"]) and "Sam" not in vtt
    quotes = [e["quote"] for i in data["report"]["indicators"] for e in i["evidence"]]
    assert quotes and all("Sam" not in q for q in quotes)
    assert data["report"]["indicators"][0]["evidence"][0]["note"] == "“Hi [NAME]” opens the session"
    assert [p["phrase"] for p in data["report"]["shared_phrases"]] == ["[NAME]"]
    # Unredacted turns are untouched.
    assert sum(t["text"] != o.text for t, o in zip(turns, r.turns, strict=True)) == sum(
        "Sam" in o.text for o in r.turns)
