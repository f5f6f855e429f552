"""Real Reports for store and batch tests, built from the sample sessions' ground truth.

``truth_analyze`` is an analysis function with the signature of
``pipeline.run.orchestrate.analyze_file`` that reads ``<name>.truth.json`` beside the
recording instead of listening to it: the turns, roles and times are the known
answers, so the store can be tested on real session data without a model. It is
a top-level function so worker processes can unpickle it.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pipeline
from pipeline.errors import InvalidAudioError
from pipeline.library.store import file_sha256
from pipeline.types import AnalyzeOptions, ConsentRecord, Evidence, Indicator, Report, SpeakerInfo, Turn, Word


def words_for(text: str, start_s: float, end_s: float, speaker: str) -> tuple[Word, ...]:
    """Evenly spaced word timings over a turn (the truth has turn times, not word times)."""
    toks = text.split()
    step = (end_s - start_s) / max(len(toks), 1)
    return tuple(Word(w, round(start_s + i * step, 3), round(start_s + (i + 1) * step, 3), 0.9, speaker)
                 for i, w in enumerate(toks))


@functools.lru_cache(maxsize=1)
def _nlp():
    from models import load_nlp

    return load_nlp()


def turn_measures_of(turns: tuple[Turn, ...], speakers: tuple[SpeakerInfo, ...]):
    """The real per-turn measures of the truth's turns (words only: pace, gaps, questions), as a report holds them."""
    from pipeline.measures.session import measure_session

    return measure_session(turns, speakers, nlp=_nlp()).turn_measures


def indicators_from_turns(turns: tuple[Turn, ...]) -> tuple[Indicator, ...]:
    mentor = [t for t in turns if t.role == "mentor"]
    total = sum(t.duration_s for t in turns) or 1.0
    share = 100.0 * sum(t.duration_s for t in mentor) / total
    longest = max(mentor, key=lambda t: t.duration_s, default=None)
    questions = [t for t in turns if t.role == "mentee" and t.text.rstrip().endswith("?")]
    return (
        Indicator("mentor_talk_share", "Mentor talk share", share, "%", 30.0, 50.0, "course guidance",
                  "How much of the talking the mentor did.", "high",
                  evidence=(Evidence(longest.start_s, longest.end_s, longest.speaker, longest.text,
                                     "longest mentor turn"),) if longest else (),
                  category="listening"),
        Indicator("mentee_questions", "Mentee questions", float(len(questions)), "count", 2.0, None,
                  "course guidance", "A safe mentee asks.", "medium",
                  evidence=tuple(Evidence(t.start_s, t.end_s, t.speaker, t.text) for t in questions[:3]),
                  category="safety"),
        Indicator("pitch_match", "Pitch matching", None, "score 0-1", None, None, "", "Not measured here.",
                  "low", available=False, category="matching"),
    )


def report_from_truth(truth: dict, *, source_name: str, sha256: str, options: AnalyzeOptions = AnalyzeOptions(),
                      model_name: str | None = None) -> Report:
    turns = tuple(
        Turn(i, t["speaker"], t["role"], t["start_s"], t["end_s"], t["text"],
             words_for(t["text"], t["start_s"], t["end_s"], t["speaker"]), bool(t.get("overlap")))
        for i, t in enumerate(truth["turns"])
    )
    # display name = label, as pipeline.measures.roles.assign_roles leaves it: the consent's names must still reach the store
    speakers = tuple(SpeakerInfo(label, s["role"], "guessed", label) for label, s in sorted(truth["speakers"].items()))
    return Report(
        source_name=source_name, sha256=sha256, duration_s=truth["duration_s"], input_kind="audio",
        model_name=model_name or options.model, pipeline_version=pipeline.__version__,
        attribution_method="channel" if truth.get("channels") == 2 else "embedding",
        attribution_confidence="high", speakers=speakers, turns=turns, indicators=indicators_from_turns(turns),
        options=options, turn_measures=turn_measures_of(turns, speakers),
    )


def truth_analyze(path, *, options: AnalyzeOptions = AnalyzeOptions(), progress=None, out_dir=None) -> Report:
    """``analyze_file`` stand-in: decodes ``path`` for real, then takes turns from the truth file beside it."""
    from pipeline.io.audio import load_audio

    path = Path(path)
    load_audio(path)  # really decode: a corrupt file fails here as it would in the pipeline
    truth_file = path.with_name(path.name.rsplit(".", 1)[0] + ".truth.json")
    if not truth_file.exists():  # a worker's private copy of a sample session
        truth_file = Path(__file__).resolve().parent.parent / "sample_sessions" / truth_file.name
    if not truth_file.exists():
        raise InvalidAudioError(f"{path.name}: not a sample session (no {truth_file.name})")
    if progress:
        progress("transcribing", 0.5)
    report = report_from_truth(json.loads(truth_file.read_text()), source_name=path.name,
                               sha256=file_sha256(path), options=options)
    if progress:
        progress("transcribing", 1.0)
    return report


def consent_pair(*, transcript: bool = True, audio: bool = True,
                 mentor: str = "Alex Morgan", mentee: str = "Sam Lee") -> tuple[ConsentRecord, ConsentRecord]:
    kw = dict(keep_transcript=transcript, keep_audio=audio, given_at="2025-03-01T10:00:00+00:00",
              recorded_by="Programme coordinator")
    return ConsentRecord(mentor, "mentor", **kw), ConsentRecord(mentee, "mentee", **kw)


def store_samples(tmp_path, monkeypatch, truths, rows, *, with_audio: bool = False):
    """For a page fixture (``yield from``): a private store (RAPPORT_DB, RAPPORT_DATA_DIR, Streamlit caches cleared
    before and after) holding sample sessions from their truth, ``rows`` of ``(sample name, date, consents)``;
    yields name -> session id."""
    import streamlit as st

    from pipeline.library.store import Store

    monkeypatch.setenv("RAPPORT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("RAPPORT_DB", f"sqlite:///{tmp_path / 'lib.db'}")
    st.cache_resource.clear()
    st.cache_data.clear()
    ids = {}
    with Store() as s:
        for name, day, consents in rows:
            path = Path(__file__).resolve().parent.parent / "sample_sessions" / f"{name}.flac"
            r = report_from_truth(truths[name], source_name=path.name, sha256=file_sha256(path))
            ids[name] = s.save(r, consents=consents, audio_path=path if with_audio else None, recorded_on=day)
    yield ids
    st.cache_resource.clear()
    st.cache_data.clear()


def readable_copies(paths, phrase: bytes) -> list[Path]:
    """The files under ``paths`` (files or folders, walked; missing ones ignored) whose bytes contain ``phrase``."""
    found = []
    for p in map(Path, paths):
        files = [p] if p.is_file() else sorted(f for f in p.rglob("*") if f.is_file()) if p.is_dir() else []
        for f in files:
            try:
                if phrase in f.read_bytes():
                    found.append(f)
            except (FileNotFoundError, PermissionError):  # a server's temporary file came and went
                continue
    return found
