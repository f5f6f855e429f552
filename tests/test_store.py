"""The session store on a real SQLite file and a real PostgreSQL database: migrations, consent, round trip, delete,
export, rollback, reuse.

Most tests take the ``library`` fixture (tests/conftest.py) and run once per backend. Checks of the raw SQLite file
(words gone from the bytes after delete or limit) run on SQLite only: on PostgreSQL dead rows and the WAL still
hold them until the crypto-shredding work lands (PostgreSQL: see crypto-shredding).
"""

from __future__ import annotations

import dataclasses
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
import zipfile

import pytest
import sqlalchemy as sa

from pipeline.errors import StoreError
from pipeline.io.export import report_from_dict, to_jsonable
from pipeline.library.intake import analyze_and_store
from pipeline.library.store import SESSION_TABLES, Store, file_sha256, metadata, sessions_t
from pipeline.types import AnalyzeOptions, ConsentRecord, Evidence, Indicator, TranscribeOptions

from .conftest import ROOT, SAMPLES
from .storehelp import consent_pair, readable_copies, report_from_truth, truth_analyze


@pytest.fixture
def store(library):
    s = library.store()
    yield s
    s.close()


@pytest.fixture
def sqlite_store(tmp_path):
    """A store on SQLite only, for tests about the analysis (which run a model) rather than the database."""
    s = Store(f"sqlite:///{tmp_path / 'lib.db'}", data_dir=tmp_path / "data")
    yield s
    s.close()


def _report(truths, name, options=AnalyzeOptions()):
    path = SAMPLES / f"{name}.flac"
    return report_from_truth(truths[name], source_name=path.name, sha256=file_sha256(path), options=options)


def _row_counts(store: Store, session_id: str | None = None) -> dict[str, int]:
    with store.engine.connect() as conn:
        out = {}
        for t in SESSION_TABLES:
            col = t.c.id if t is sessions_t else t.c.session_id
            q = sa.select(sa.func.count()).select_from(t)
            if session_id is not None:
                q = q.where(col == session_id)
            out[t.name] = conn.execute(q).scalar()
        return out


def _files(root):
    return sorted(p.relative_to(root) for p in root.rglob("*") if p.is_file())


def test_migrations_from_empty_database_match_the_schema(library):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    if library.backend == "sqlite":
        library.sqlite_file.touch()
        assert library.sqlite_file.stat().st_size == 0
    engine = sa.create_engine(library.url)
    with engine.connect() as conn:
        assert sa.inspect(conn).get_table_names() == []  # an empty database
    library.store().close()
    with engine.connect() as conn:
        tables = set(sa.inspect(conn).get_table_names())
        assert {t.name for t in metadata.sorted_tables} | {"alembic_version"} == tables
        assert conn.execute(sa.text("select version_num from alembic_version")).scalar() == "0006"
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    engine.dispose()
    assert diff == [], f"migrations and pipeline.library.store.metadata disagree: {diff}"
    # Opening again is a no-op upgrade, not an error.
    library.store().close()


def _with_talk_share_interval(report, ci):
    return dataclasses.replace(report, indicators=tuple(
        dataclasses.replace(i, ci95=ci) if i.id == "mentor_talk_share" else i for i in report.indicators))


def _downgrade(engine: sa.Engine, revision: str, data_dir) -> None:
    """Take a store back to the schema of ``revision``, as a store made by an older version (data stays, opened
    from its seals with the key store in ``data_dir``)."""
    from alembic import command

    from pipeline.library.store import alembic_config

    cfg = alembic_config()
    with Store(engine.url.render_as_string(hide_password=False), data_dir=data_dir, migrate=False) as s:
        cfg.attributes.update(key_store=s.keys, audio_dir=s.audio_dir)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)


def test_migration_0002_fills_intervals_of_sessions_stored_before_it(library, truths):
    """A store at 0001 has no interval columns; upgrading fills them from each session's report.json."""
    from pipeline.library.store import upgrade

    db, data = library.url, library.data_dir
    with Store(db, data_dir=data) as s:
        sid = s.save(_with_talk_share_interval(_report(truths, "matched"), (38.25, 60.5)), consents=consent_pair())
    engine = sa.create_engine(db)
    _downgrade(engine, "0001", data)  # back to the schema of a store made before intervals were kept
    with engine.connect() as conn:
        assert "ci_low" not in {c["name"] for c in sa.inspect(conn).get_columns("indicators")}
    upgrade(engine)
    with engine.connect() as conn:
        rows = conn.execute(sa.text("select indicator_id, ci_low, ci_high from indicators "
                                    "where session_id = :s order by indicator_id"), {"s": sid}).all()
    engine.dispose()
    assert rows == [("mentee_questions", None, None), ("mentor_talk_share", 38.25, 60.5), ("pitch_match", None, None)]
    with Store(db, data_dir=data) as s:
        share = {i.id: i for i in s.indicators(sid)}["mentor_talk_share"]
        assert share.ci95 == (38.25, 60.5)


def test_migration_0003_scrubs_words_older_versions_left_in_notes(library, truths):
    """Notes in the shapes versions before 0.2.6 wrote lose their words where no transcript is kept, not elsewhere."""
    from pipeline.library.store import upgrade

    legacy = {  # note as an older version wrote it -> as it must read after the upgrade
        "'quarterly review' first said by the mentee at 6 s, taken up after 90 s":
            "“…” first said by the mentee at 6 s, taken up after 90 s",
        "'You mentioned'; the mentee said 'deadline' at 6 s (127 s before)":
            "“…”; the mentee said “…” at 6 s (127 s before)",
        "reuses the mentee's words; the mentee said 'budget number' at 60 s (150 s before)":
            "reuses the mentee's words; the mentee said “…” at 60 s (150 s before)",
        "'I'm worried'": "“…”",
        "wh question (how did)": "wh question “…”",
        "open (what would)": "open “…”",
        "declarative question (final rising pitch)": "declarative question (final rising pitch)",
        "gap 0.76 s": "gap 0.76 s",
    }
    r = _report(truths, "matched")
    ev = tuple(Evidence(1.0, 2.0, "S1", "", note) for note in legacy)
    r = dataclasses.replace(r, indicators=tuple(dataclasses.replace(i, evidence=ev) for i in r.indicators[:1]))
    db, data = library.url, library.data_dir
    mentor, mentee = consent_pair()
    with Store(db, data_dir=data) as s:
        no_words = s.save(r, consents=(mentor, dataclasses.replace(mentee, keep_transcript=False, keep_audio=False)))
        words = s.save(dataclasses.replace(r, sha256="0" * 64), consents=(mentor, mentee))
    engine = sa.create_engine(db)
    _downgrade(engine, "0002", data)
    upgrade(engine)
    with engine.connect() as conn:  # before a store opens it again and seals them
        rows = conn.execute(sa.text("select session_id, note from evidence order by rank")).all()
    engine.dispose()
    with Store(db, data_dir=data) as s:
        assert [e.note for e in s.load_report(no_words).indicators[0].evidence] == list(legacy.values())
        assert [e.note for e in s.load_report(words).indicators[0].evidence] == list(legacy)
    assert [n for sid, n in rows if sid == no_words] == list(legacy.values())
    assert [n for sid, n in rows if sid == words] == list(legacy)


def test_migration_0004_names_people_stored_under_their_label(library, truths):
    """A mentor stored as "S1" by an older version gets the name of the one mentor consent of that session."""
    db, data = library.url, library.data_dir
    with Store(db, data_dir=data) as s:
        sid = s.save(_report(truths, "matched"), consents=consent_pair())
    engine = sa.create_engine(db)
    with engine.begin() as conn:  # as older versions stored it: the labels for names
        conn.execute(sa.text("update participants set name = label"))
    _downgrade(engine, "0003", data)
    with Store(db, data_dir=data) as s:  # opening upgrades
        (summary,) = s.list_sessions()
        assert (summary.session_id, summary.mentor, summary.mentee) == (sid, "Alex Morgan", "Sam Lee")
    engine.dispose()


def test_report_json_round_trips_exactly(truths):
    for name in truths:
        r = _report(truths, name, AnalyzeOptions(model="tiny.en", mentor="S1"))
        data = json.loads(json.dumps(to_jsonable(r)))
        assert report_from_dict(data) == r
    # Keys a later version adds are ignored; missing ones take defaults.
    data["future_field"] = 1
    del data["indicators"]
    assert report_from_dict(data) == dataclasses.replace(r, indicators=())


def test_store_reopen_list_load(library, truths):
    url = library.url
    reports = {n: _report(truths, n) for n in ("matched", "unmatched")}
    with Store(url, data_dir=library.data_dir) as s:
        ids = {n: s.save(r, consents=consent_pair(), audio_path=SAMPLES / f"{n}.flac",
                         recorded_on="2025-03-0" + ("1" if n == "matched" else "8"))
               for n, r in reports.items()}
    with Store(url, data_dir=library.data_dir) as s:  # reopened: a new engine on the same file
        listed = s.list_sessions()
        assert [x.session_id for x in listed] == [ids["unmatched"], ids["matched"]]  # newest first
        for x in listed:
            assert (x.mentor, x.mentee) == ("Alex Morgan", "Sam Lee")
            assert x.keeps_transcript and x.keeps_audio
            assert dict(x.indicators)["mentor_talk_share"] == pytest.approx(
                dict((i.id, i.value) for i in reports[x.source_name.split(".")[0]].indicators)["mentor_talk_share"])
        for n, sid in ids.items():
            assert s.load_report(sid) == reports[n]
            assert s.load_report(sid[:6]) == reports[n]  # unique prefix works
            assert s.audio_bytes(sid) == (SAMPLES / f"{n}.flac").read_bytes()
        assert s.consents(ids["matched"]) == consent_pair()
        # Per-turn measures of the mentee across both sessions: one row per mentee turn and measure.
        m = s.participant_turn_measures("Sam Lee", role="mentee")
        n_mentee_turns = sum(1 for n in reports for t in truths[n]["turns"] if t["role"] == "mentee")
        assert len(m[m.measure == "pace_wpm"]) == n_mentee_turns
        assert s.find(reports["matched"].sha256, AnalyzeOptions()) == ids["matched"]
        assert s.find(reports["matched"].sha256, AnalyzeOptions(model="tiny.en")) is None
        with pytest.raises(StoreError, match="No stored session"):
            s.load_report("ffffffffffff")


def test_consent_is_required(store, truths):
    r = _report(truths, "matched")
    with pytest.raises(StoreError, match="without one"):
        store.save(r, consents=())
    refusing = dataclasses.replace(consent_pair()[1], keep_report=False)
    with pytest.raises(StoreError, match="Sam Lee did not consent"):
        store.save(r, consents=(consent_pair()[0], refusing))
    with pytest.raises(StoreError, match="without one"):
        analyze_and_store(SAMPLES / "matched.flac", store=store, consent=(), analyze=truth_analyze)
    assert sum(_row_counts(store).values()) == 0
    with pytest.raises(Exception, match="recorded_by"):
        ConsentRecord("Sam", "mentee", given_at="2025-01-01")


def test_consent_limits_what_is_kept(store, truths, library):
    r = _report(truths, "matched")
    mentor, mentee = consent_pair()
    no_words = dataclasses.replace(mentee, keep_transcript=False, keep_audio=False)
    sid = store.save(r, consents=(mentor, no_words), audio_path=SAMPLES / "matched.flac")
    kept = store.load_report(sid)
    assert all(t.text == "" and t.words == () for t in kept.turns)
    assert [(t.start_s, t.end_s, t.speaker) for t in kept.turns] == [(t.start_s, t.end_s, t.speaker) for t in r.turns]
    assert all(e.quote == "" for i in kept.indicators for e in i.evidence)
    assert [i.value for i in kept.indicators] == [i.value for i in r.indicators]
    assert store.audio_path(sid) is None
    assert [f for f in _files(store.data_dir) if f.suffix == ".flac"] == []
    with store.engine.connect() as conn:
        assert conn.execute(sa.text("select count(*) from turns where text is not null")).scalar() == 0
    longest = max(r.turns, key=lambda t: len(t.text)).text
    if library.backend == "sqlite":  # the suite's PostgreSQL WAL holds other tests' copies of these words
        assert readable_copies(library.files(), longest.encode()) == []


def test_words_said_leave_with_the_transcript(store, truths, nlp, library):
    """Evidence notes that quote the session and the shared key phrases go where the transcript may not be kept:
    at once when stored so, and from the database file when a participant limits it later."""
    from models import load_syllable_table
    from pipeline.measures.session import measure_session

    r = _report(truths, "matched")
    m = measure_session(r.turns, r.speakers, nlp=nlp, syllable_table=load_syllable_table())
    r = dataclasses.replace(r, indicators=m.indicators, shared_phrases=m.shared_phrases)
    quoted = ["quarterly review", "stakeholder map", "stays between us", "When I started", "I'm worried"]
    notes = " ".join(e.note for i in r.indicators for e in i.evidence)
    assert all(q in notes for q in quoted)  # the notes do quote the session
    assert {p.phrase for p in r.shared_phrases} >= {"quarterly review", "stakeholder map"}
    on_disk = library.backend == "sqlite"  # raw-file checks: PostgreSQL: see crypto-shredding
    mentor, mentee = consent_pair()

    def in_file(q):
        return bool(readable_copies(library.files(), q.encode()))

    def words_gone(sid):
        kept = store.load_report(sid)
        kept_notes = [e.note for i in kept.indicators for e in i.evidence]
        assert kept.shared_phrases == () and not any(q in n for q in quoted for n in kept_notes)
        # what the moment shows stays, the words go
        assert "“…” first said by the mentee at 6 s, taken up after 90 s" in kept_notes
        assert [i.value for i in kept.indicators] == [i.value for i in r.indicators]
        with store.engine.connect() as conn:
            stored_notes = conn.execute(sa.text("select note from evidence where session_id = :s"), {"s": sid})
            assert not any(q in n for q in quoted for (n,) in stored_notes)

    first = store.save(r, consents=(mentor, dataclasses.replace(mentee, keep_transcript=False, keep_audio=False)))
    words_gone(first)
    assert not (on_disk and any(in_file(q) for q in quoted))

    later = store.save(dataclasses.replace(r, sha256="0" * 64), consents=(mentor, mentee))
    assert store.load_report(later).shared_phrases == r.shared_phrases
    assert not (on_disk and any(in_file(q) for q in quoted))  # kept, but sealed (tests/test_shredding.py)
    store.limit(later, participant="Sam Lee", keep_transcript=False, keep_audio=False)
    words_gone(later)
    assert not (on_disk and any(in_file(q) for q in quoted)), "words said are still in the database file"


def test_a_participant_limits_what_is_kept(store, truths, library):
    """The mentee stops the audio being kept, then the transcript: each goes at once, words from the file too."""
    r = _report(truths, "matched")
    sid = store.save(r, consents=consent_pair(), audio_path=SAMPLES / "matched.flac")
    audio = store.audio_path(sid)
    longest = max(r.turns, key=lambda t: len(t.text)).text
    library.checkpoint()
    assert audio.exists() and not (library.backend == "sqlite" and readable_copies(library.files(), longest.encode()))  # sealed
    before = _row_counts(store, sid)

    assert store.limit(sid[:6], participant="Sam Lee", keep_transcript=True, keep_audio=False) == (True, False)
    assert not audio.exists() and store.audio_path(sid) is None
    assert store.load_report(sid) == r  # words kept: the transcript is still allowed
    (summary,) = store.list_sessions()
    assert (summary.keeps_transcript, summary.keeps_audio) == (True, False)

    assert store.limit(sid, participant="Sam Lee", keep_transcript=False, keep_audio=False) == (False, False)
    kept = store.load_report(sid)
    assert all(t.text == "" and t.words == () for t in kept.turns)
    assert all(e.quote == "" for i in kept.indicators for e in i.evidence)
    assert [i.value for i in kept.indicators] == [i.value for i in r.indicators]  # the measures stay
    if library.backend == "sqlite":  # PostgreSQL: see crypto-shredding (dead rows and WAL still hold them)
        assert readable_copies(library.files(), longest.encode()) == [], "dropped words are still in the database"
    assert _row_counts(store, sid) == before  # nothing but the words and the recording went
    consents = {c.participant: (c.keep_report, c.keep_transcript, c.keep_audio) for c in store.consents(sid)}
    assert consents == {"Alex Morgan": (True, True, True), "Sam Lee": (True, False, False)}

    # Narrowing only: asking for the audio back does not bring it back.
    assert store.limit(sid, participant="Sam Lee", keep_transcript=True, keep_audio=True) == (False, False)
    assert store.consents(sid)[1].keep_audio is False
    actions = [(a, s, who) for _, a, s, who in store.audit_log()]
    assert actions == [("stored", sid, "Programme coordinator")] + [("limited", sid, "Sam Lee")] * 3
    with pytest.raises(StoreError, match="No consent of 'Sam' in session .*Alex Morgan, Sam Lee"):
        store.limit(sid, participant="Sam", keep_transcript=False, keep_audio=False)


def test_limit_keeps_a_recording_another_session_uses(store, truths):
    a = store.save(_report(truths, "matched"), consents=consent_pair(), audio_path=SAMPLES / "matched.flac")
    b = store.save(_report(truths, "matched", AnalyzeOptions(model="tiny.en")), consents=consent_pair(),
                   audio_path=SAMPLES / "matched.flac")
    store.limit(a, participant="Alex Morgan", keep_transcript=True, keep_audio=False)
    assert store.audio_path(a) is None and store.audio_path(b).exists()


def test_delete_leaves_nothing(store, truths, library):
    keep_r, gone_r = _report(truths, "unmatched"), _report(truths, "matched")
    keep_id = store.save(keep_r, consents=consent_pair(), audio_path=SAMPLES / "unmatched.flac")
    gone_id = store.save(gone_r, consents=consent_pair(), audio_path=SAMPLES / "matched.flac")
    # A phrase only the deleted session contains, to look for in the raw database file.
    other_text = " ".join(t.text for t in keep_r.turns)
    phrase = max((t.text for t in gone_r.turns if t.text not in other_text), key=len)
    library.checkpoint()
    assert phrase in {t.text for t in store.load_report(gone_id).turns}
    assert not (library.backend == "sqlite" and readable_copies(library.files(), phrase.encode()))  # sealed; tests/test_shredding.py opens the seals
    audio = store.audio_path(gone_id)
    assert audio.exists()

    assert store.delete(gone_id[:8], actor="trainer") == gone_id

    assert all(v == 0 for v in _row_counts(store, gone_id).values()), _row_counts(store, gone_id)
    assert not audio.exists()
    if library.backend == "sqlite":  # PostgreSQL: see crypto-shredding (dead rows and WAL still hold them)
        assert readable_copies(library.files(), phrase.encode()) == [], "deleted words are still in the database"
        assert library.files() == [library.sqlite_file], "journal files left"
    # The other session is intact; the audit log says what happened and holds no content.
    assert store.load_report(keep_id) == keep_r and store.audio_path(keep_id).exists()
    assert [x.session_id for x in store.list_sessions()] == [keep_id]
    actions = [(a, s) for _, a, s, _ in store.audit_log()]
    assert actions == [("stored", keep_id), ("stored", gone_id), ("deleted", gone_id)]
    with store.engine.connect() as conn:
        cols = [c["name"] for c in sa.inspect(conn).get_columns("audit")]
    assert cols == ["id", "at", "action", "session_id", "actor"]
    with pytest.raises(StoreError):
        store.load_report(gone_id)
    with pytest.raises(StoreError):
        store.delete(gone_id)


def test_same_audio_two_option_sets_delete_keeps_the_others_file(store, truths):
    a = store.save(_report(truths, "matched"), consents=consent_pair(), audio_path=SAMPLES / "matched.flac")
    b = store.save(_report(truths, "matched", AnalyzeOptions(model="tiny.en")), consents=consent_pair(),
                   audio_path=SAMPLES / "matched.flac")
    assert store.audio_path(a) != store.audio_path(b)  # each session's recording sealed with its own key
    assert store.audio_bytes(a) == store.audio_bytes(b) == (SAMPLES / "matched.flac").read_bytes()
    store.delete(a)
    assert store.audio_path(b).exists()
    store.delete(b)
    assert not any(p.is_file() for p in (store.data_dir / "audio").rglob("*"))


def test_write_failing_halfway_rolls_back(store, truths):
    r = _report(truths, "matched")
    ind = r.indicators[0]
    # Same indicator id twice: the insert fails after the session, participants, turns and measures were written.
    bad = dataclasses.replace(r, indicators=(ind, dataclasses.replace(ind, name="again")))
    with pytest.raises(StoreError, match="nothing was kept"):
        store.save(bad, consents=consent_pair(), audio_path=SAMPLES / "matched.flac")
    assert sum(_row_counts(store).values()) == 0
    assert not any(p.is_file() for p in store.data_dir.rglob("*.flac"))
    assert store.audit_log() == ()
    # The store still works afterwards.
    sid = store.save(r, consents=consent_pair(), audio_path=SAMPLES / "matched.flac")
    assert store.load_report(sid) == r


class _CountingWhisper:
    """Wraps a faster-whisper model and counts transcribe() calls."""

    def __init__(self, whisper):
        self.whisper, self.calls = whisper, 0

    def transcribe(self, *args, **kwargs):
        self.calls += 1
        return self.whisper.transcribe(*args, **kwargs)


class _RealAnalysis:
    """Real decoding and transcription (tiny.en), then the known turns: an analysis that really uses the model."""

    def __init__(self, asr, fail_after_transcribe: bool = False):
        self.whisper = _CountingWhisper(asr.whisper)
        self.model = dataclasses.replace(asr, whisper=self.whisper)
        self.fail = fail_after_transcribe
        self.runs = 0

    def __call__(self, path, *, options=AnalyzeOptions(), progress=None):
        from pipeline.io.audio import load_audio
        from pipeline.speech.transcribe import transcribe

        self.runs += 1
        # sequential decoding calls WhisperModel.transcribe, which the wrapper counts (batched decoding drives the
        # model's parts through faster-whisper's BatchedInferencePipeline instead)
        transcript = transcribe(load_audio(path), model=self.model, options=TranscribeOptions(decoding="sequential"))
        assert transcript.words
        if self.fail:
            raise RuntimeError("simulated crash between transcription and indicators")
        return truth_analyze(path, options=options)


def test_rerun_is_served_from_store_without_transcribing(sqlite_store, asr_tiny):
    store = sqlite_store
    analysis = _RealAnalysis(asr_tiny)
    opts = AnalyzeOptions(model="tiny.en")
    path = SAMPLES / "unmatched.flac"
    sid, report, reused = analyze_and_store(path, store=store, consent=consent_pair(), options=opts, analyze=analysis)
    assert not reused and analysis.runs == 1 and analysis.whisper.calls >= 1
    calls = analysis.whisper.calls
    sid2, report2, reused2 = analyze_and_store(path, store=store, consent=consent_pair(), options=opts,
                                               analyze=analysis)
    assert (sid2, reused2) == (sid, True) and report2 == report
    assert analysis.whisper.calls == calls and analysis.runs == 1, "the model ran again"
    # Other options are another result: analysed again.
    sid3, _, reused3 = analyze_and_store(path, store=store, consent=consent_pair(),
                                         options=AnalyzeOptions(model="tiny.en", mentor="S1"), analyze=analysis)
    assert not reused3 and sid3 != sid and analysis.runs == 2


def test_pipeline_failing_halfway_stores_nothing(sqlite_store, asr_tiny):
    store = sqlite_store
    analysis = _RealAnalysis(asr_tiny, fail_after_transcribe=True)
    with pytest.raises(RuntimeError, match="simulated crash"):
        analyze_and_store(SAMPLES / "matched.flac", store=store, consent=consent_pair(),
                          options=AnalyzeOptions(model="tiny.en"), analyze=analysis)
    assert analysis.whisper.calls >= 1
    assert sum(_row_counts(store).values()) == 0 and store.audit_log() == ()
    assert not any(p.is_file() for p in store.data_dir.rglob("*.flac"))


KILLED_WRITER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from pipeline.library.intake import analyze_and_store
    from pipeline.library.store import Store
    from tests.storehelp import consent_pair, truth_analyze

    def slow(path, **kw):
        report = truth_analyze(path, **kw)
        Path(sys.argv[3]).write_text("analysing")
        time.sleep(60)
        return report

    store = Store(sys.argv[1], data_dir=sys.argv[2])
    analyze_and_store("sample_sessions/matched.flac", store=store, consent=consent_pair(), analyze=slow)
""")


def test_killed_mid_analysis_leaves_no_half_session(library, tmp_path):
    url, data, marker = library.url, library.data_dir, tmp_path / "marker"
    proc = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, url, str(data), str(marker)], cwd=ROOT,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        deadline = time.monotonic() + 120
        while not marker.exists():
            assert proc.poll() is None, "writer exited early"
            assert time.monotonic() < deadline
            time.sleep(0.1)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    with Store(url, data_dir=data) as s:
        assert s.list_sessions() == () and sum(_row_counts(s).values()) == 0


def test_export_gives_everything_kept(store, truths, tmp_path):
    r = _report(truths, "matched")
    sid = store.save(r, consents=consent_pair(), audio_path=SAMPLES / "matched.flac", recorded_on="2025-03-01")
    out = store.export(sid, tmp_path / "out" / "export.zip", actor="Sam Lee")
    with zipfile.ZipFile(out) as z:
        assert sorted(z.namelist()) == ["recording.flac", "session.json", "transcript.vtt"]
        data = json.loads(z.read("session.json"))
        assert z.read("recording.flac") == (SAMPLES / "matched.flac").read_bytes()
        assert z.read("transcript.vtt").decode().startswith("WEBVTT")
    assert report_from_dict(data["report"]) == r
    assert data["session"]["id"] == sid and data["session"]["recorded_on"] == "2025-03-01"
    assert [c["participant"] for c in data["consents"]] == ["Alex Morgan", "Sam Lee"]
    assert len(data["turn_measures"]) == 4 * len(r.turns)
    assert store.audit_log()[-1][1:] == ("exported", sid, "Sam Lee")

    # One participant: only their turns and quotes, no recording (it holds the other person's voice).
    mine = store.export(sid, tmp_path / "sam.zip", participant="Sam Lee")
    with zipfile.ZipFile(mine) as z:
        assert "recording.flac" not in z.namelist()
        data = json.loads(z.read("session.json"))
    rep = report_from_dict(data["report"])
    assert {t.speaker for t in rep.turns} == {"S2"} and len(rep.turns) == sum(t.role == "mentee" for t in r.turns)
    assert all(e.speaker == "S2" for i in rep.indicators for e in i.evidence)
    assert {m["speaker"] for m in data["turn_measures"]} == {"S2"}
    with pytest.raises(StoreError, match="No participant"):
        store.export(sid, tmp_path / "x.zip", participant="Nobody")


def test_turn_measures_are_known_values(store, truths):
    r = _report(truths, "matched")
    sid = store.save(r, consents=consent_pair())
    with store.engine.connect() as conn:
        rows = conn.execute(sa.text("select turn_idx, measure, value from turn_measures where session_id=:s"),
                            {"s": sid}).all()
    m = {(i, k): v for i, k, v in rows}
    for i, t in enumerate(truths["matched"]["turns"]):
        assert m[(i, "n_words")] == len(t["text"].split())
        assert m[(i, "duration_s")] == pytest.approx(t["end_s"] - t["start_s"])
        if i:
            assert m[(i, "pause_before_s")] == pytest.approx(
                t["start_s"] - max(x["end_s"] for x in truths["matched"]["turns"][:i]))
    assert m[(0, "pause_before_s")] is None


def test_indicator_without_value_and_bands_is_stored(store, truths):
    r = _report(truths, "dual_channel")
    assert any(isinstance(i, Indicator) and i.value is None for i in r.indicators)
    sid = store.save(r, consents=consent_pair())
    assert store.load_report(sid) == r


def test_orphan_audio_from_a_killed_write_is_swept(store):
    # A file written just before a crash, never committed: kept while young (a writer may be about to commit).
    orphan = store.audio_dir / "ab" / ("ab" * 32 + ".flac")
    orphan.parent.mkdir(parents=True)
    orphan.write_bytes(b"x")
    assert store.sweep_orphans() == 0 and orphan.exists()
    old = time.time() - 3600
    os.utime(orphan, (old, old))
    assert store.sweep_orphans() == 1 and not orphan.exists()


def test_indicators_table_gives_the_reports_indicators_without_words(store, truths):
    r = _report(truths, "matched")
    sid = store.save(r, consents=consent_pair())
    got = store.indicators(sid)
    want = sorted((dataclasses.replace(i, evidence=(), band_source="", explanation="") for i in r.indicators),
                  key=lambda i: i.id)
    assert list(got) == want and len(got) == len(r.indicators) >= 2
