"""Golden values: every indicator of the three sample sessions, pinned.

``tests/data/golden/<name>.report.json`` is what ``rapport analyze`` wrote for each sample session
(Whisper base, default options) just before ``pipeline/`` was rebuilt in folders by job (issue 17). The
test measures the stored turns again, with the sample's audio, and asserts every indicator comes out as it was:
value, interval, confidence, band, availability, evidence. A value may change only where a twin was wrong;
then this file is regenerated and the commit names the change.

Re-measuring the stored turns pins the measures (what the move touched) and not Whisper's words, which
differ a little between CTranslate2 builds; the transcription and attribution have accuracy tests of their own.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.io.audio import load_audio
from pipeline.io.export import report_from_dict
from pipeline.measures.session import measure_session

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "data" / "golden"
NAMES = ("matched", "unmatched", "dual_channel")


@pytest.fixture(scope="module")
def syllable_table():
    from models import load_syllable_table

    return load_syllable_table()


def _golden(name: str) -> dict:
    return json.loads((GOLDEN / f"{name}.report.json").read_text(encoding="utf-8"))


def _stored(name: str):
    """The golden report of ``name`` read back, and its sample's audio."""
    data = _golden(name)
    for turn in data["turns"]:  # report.json before the move wrote words without Whisper's probability
        for w in turn["words"]:
            w.setdefault("probability", 1.0)
    return report_from_dict(data), load_audio(ROOT / "sample_sessions" / f"{name}.flac")


def _remeasured(name: str, nlp, syllable_table):
    report, recording = _stored(name)
    return measure_session(report.turns, report.speakers, recording=recording, nlp=nlp,
                           syllable_table=syllable_table, attribution_confidence=report.attribution_confidence,
                           overlaps_observable=report.attribution_method == "channel")


@pytest.mark.parametrize("name", NAMES)
def test_every_indicator_as_before_the_move(name, nlp, syllable_table):
    golden = _golden(name)
    measures = _remeasured(name, nlp, syllable_table)
    got = {i.id: i for i in measures.indicators}
    assert list(got) == [g["id"] for g in golden["indicators"]]  # same indicators, same order
    for g in golden["indicators"]:
        ind = got[g["id"]]
        assert ind.value == pytest.approx(g["value"], abs=1e-9) if g["value"] is not None else ind.value is None, g["id"]
        assert (list(ind.ci95) if ind.ci95 is not None else None) == pytest.approx(g["ci95"], abs=1e-9) \
            if g["ci95"] is not None else ind.ci95 is None, g["id"]
        assert (ind.confidence, ind.available, ind.band_low, ind.band_high, ind.unit, ind.category) == (
            g["confidence"], g["available"], g["band_low"], g["band_high"], g["unit"], g["category"]), g["id"]
        assert ind.explanation == g["explanation"], g["id"]
        assert [(e.start_s, e.end_s, e.speaker, e.quote, e.note) for e in ind.evidence] == [
            (e["start_s"], e["end_s"], e["speaker"], e["quote"], e["note"]) for e in g["evidence"]], g["id"]


@pytest.mark.parametrize("name", NAMES)
def test_speaker_summaries_and_matching_as_before_the_move(name, nlp, syllable_table):
    from pipeline.io.export import to_jsonable

    golden = _golden(name)
    measures = _remeasured(name, nlp, syllable_table)
    assert _same(json.loads(json.dumps(to_jsonable(measures.speakers))), golden["speaker_summaries"])
    assert _same(json.loads(json.dumps(to_jsonable(measures.entrainment))), golden["entrainment"])
    assert _same(json.loads(json.dumps(to_jsonable(measures.shared_phrases))), golden["shared_phrases"])


def _same(got, want) -> bool:
    """Equal, floats to 1e-9 (the last digit of a correlation differs between numpy/scipy releases and BLAS builds),
    everything else exactly; dicts by key, lists in order."""
    if isinstance(want, dict):
        return isinstance(got, dict) and got.keys() == want.keys() and all(_same(got[k], want[k]) for k in want)
    if isinstance(want, list):
        return isinstance(got, list) and len(got) == len(want) and all(map(_same, got, want))
    if isinstance(want, float) and not isinstance(got, bool) and isinstance(got, (int, float)):
        return got == pytest.approx(want, rel=1e-9, abs=1e-9)
    return type(got) is type(want) and got == want


def _swapped(speakers):
    """The speakers with mentor and mentee swapped."""
    from dataclasses import replace

    swap = {"mentor": "mentee", "mentee": "mentor"}
    return tuple(replace(s, role=swap.get(s.role, s.role)) for s in speakers)


@pytest.mark.parametrize("name", NAMES)
def test_measuring_again_from_stored_turn_acoustics_needs_no_audio(name, nlp, syllable_table):
    """The per-turn audio values of a first run give every indicator back without the audio, roles swapped too.

    A change of roles measures the session again: with the turn measures stored from the first run
    (``turn_acoustics``) and no recording, everything comes out as a run on the audio with the same roles.
    """
    from dataclasses import replace

    from pipeline.errors import InvalidParameterError

    first = _remeasured(name, nlp, syllable_table)
    report, recording = _stored(name)
    kw = {"nlp": nlp, "syllable_table": syllable_table, "attribution_confidence": report.attribution_confidence,
          "overlaps_observable": report.attribution_method == "channel"}

    again = measure_session(report.turns, report.speakers, turn_acoustics=first.turn_measures, **kw)
    assert again.acoustic and again.indicators == first.indicators
    assert (again.turn_measures, again.speakers, again.entrainment) == (
        first.turn_measures, first.speakers, first.entrainment)
    assert any(i.id == "loudness_difference" and i.available and i.value is not None for i in again.indicators)

    swapped = _swapped(report.speakers)
    on_audio = measure_session(report.turns, swapped, recording=recording, **kw)
    from_stored = measure_session(report.turns, swapped, turn_acoustics=first.turn_measures, **kw)
    assert from_stored.indicators == on_audio.indicators
    assert (from_stored.turn_measures, from_stored.speakers, from_stored.entrainment) == (
        on_audio.turn_measures, on_audio.speakers, on_audio.entrainment)
    assert on_audio.indicators != first.indicators  # the swap did change what is measured
    # stored measures of other turns are refused, not silently misread
    with pytest.raises(InvalidParameterError, match="turn_acoustics"):
        measure_session(report.turns, swapped, turn_acoustics=first.turn_measures[1:], **kw)
    shifted = (replace(first.turn_measures[0], start_s=first.turn_measures[0].start_s + 1.0),
               *first.turn_measures[1:])
    with pytest.raises(InvalidParameterError, match="does not belong"):
        measure_session(report.turns, swapped, turn_acoustics=shifted, **kw)
