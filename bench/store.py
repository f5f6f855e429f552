"""Time opening a stored 60-minute session the way the trainer page does.

Synthesises a 60-minute session's data (1,200 turns, ~9,600 timed words,
12 indicators with 5 quotes each), stores it in a fresh SQLite store, then
times, from a new Store on the same file: opening the store (migration check),
loading the Report, and building the DataFrames the page shows. Prints
seconds; the issue's target is under 1 s for the whole open.

Run: PYTHONPATH=. python bench/store.py
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from pathlib import Path

import pipeline
from pipeline.library.store import Store
from pipeline.library.trainer import sessions_frame
from pipeline.report.frames import turns_frame
from pipeline.report.glance import ADVICE
from pipeline.types import AnalyzeOptions, ConsentRecord, Evidence, Indicator, Report, SpeakerInfo, Turn, Word

N_TURNS, DURATION_S, N_INDICATORS, REPEATS = 1200, 3600.0, 12, 5


def synth_report(seed: int = 0) -> Report:
    rng = random.Random(seed)
    vocab = "we talked about the quarterly review and how the stakeholder map could help next time".split()
    turns, t = [], 0.0
    slot = DURATION_S / N_TURNS
    for i in range(N_TURNS):
        start = t + rng.uniform(0.1, 0.4)
        end = min(t + slot, DURATION_S)
        n = rng.randint(4, 12)
        step = (end - start) / n
        spk = "S1" if i % 2 == 0 else "S2"
        words = tuple(Word(rng.choice(vocab), start + k * step, start + (k + 1) * step, rng.random(), spk)
                      for k in range(n))
        turns.append(Turn(i, spk, "mentor" if spk == "S1" else "mentee", start, end,
                          " ".join(w.text for w in words), words))
        t = end
    ids = list(ADVICE)  # real indicator ids, so the feedback and follow-up have something to say
    inds = tuple(
        Indicator(ids[k], f"Indicator {k}", rng.uniform(0, 100), "%", 20.0, 60.0, "course guidance",
                  "Synthetic.", "medium",
                  evidence=tuple(Evidence(x.start_s, x.end_s, x.speaker, x.text, "quote")
                                 for x in rng.sample(turns, 5)),
                  category="listening")
        for k in range(N_INDICATORS))
    return Report("bench_60min.wav", "ab" * 32, DURATION_S, "audio", "base", pipeline.__version__, "embedding",
                  "high", (SpeakerInfo("S1", "mentor"), SpeakerInfo("S2", "mentee")), tuple(turns), inds,
                  AnalyzeOptions())


def main() -> None:
    report = synth_report()
    consent = ConsentRecord("Bench Mentor", "mentor", keep_transcript=True, given_at="2025-01-01T00:00:00+00:00",
                            recorded_by="bench")
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        with Store(url, data_dir=tmp) as s:
            t0 = time.perf_counter()
            sid = s.save(report, consents=(consent,))
            write_s = time.perf_counter() - t0
        db_mb = (Path(tmp) / "bench.db").stat().st_size / 1e6
        rows = {"open store": [], "load report": [], "turns + sessions frames": [], "total": []}
        for _ in range(REPEATS):
            t0 = time.perf_counter()
            s = Store(url, data_dir=tmp)
            t1 = time.perf_counter()
            loaded = s.load_report(sid)
            t2 = time.perf_counter()
            turns_frame(loaded)
            sessions_frame(s.list_sessions())
            t3 = time.perf_counter()
            s.close()
            rows["open store"].append(t1 - t0)
            rows["load report"].append(t2 - t1)
            rows["turns + sessions frames"].append(t3 - t2)
            rows["total"].append(t3 - t0)
        assert loaded == report
    n_words = sum(len(t.words) for t in report.turns)
    print(f"60-minute session: {len(report.turns)} turns, {n_words} words, {N_INDICATORS} indicators "
          f"x 5 quotes; database {db_mb:.1f} MB")
    print(f"store (write, one transaction): {write_s:.3f} s")
    print(f"open from a new Store, median (max) of {REPEATS}:")
    for k, v in rows.items():
        print(f"  {k:26s} {statistics.median(v):.3f} s  ({max(v):.3f} s)")
    print(f"target: total < 1 s -> {'OK' if max(rows['total']) < 1.0 else 'TOO SLOW'}")
    followup_bench(report, consent)


def followup_bench(report: Report, consent: ConsentRecord, n_sessions: int = 20) -> None:
    """The trainer's follow-up table over one mentor's sessions: from whole reports vs from the indicators table."""
    from dataclasses import replace

    from pipeline.library.trainer import followup

    with tempfile.TemporaryDirectory() as tmp, Store(f"sqlite:///{Path(tmp) / 'b.db'}", data_dir=tmp) as s:
        ids = [s.save(replace(report, sha256=f"{k:064x}"), consents=(consent,), recorded_on=f"2025-01-{k + 1:02d}")
               for k in range(n_sessions)]
        days = {x.session_id: x.recorded_on for x in s.list_sessions()}
        t0 = time.perf_counter()
        a = followup([(sid, days[sid], s.load_report(sid)) for sid in ids])
        assert len(a), "nothing to try: the follow-up table would be empty"
        t1 = time.perf_counter()
        b = followup([(sid, days[sid], s.indicators(sid)) for sid in ids])
        t2 = time.perf_counter()
    same = a.drop(columns=["advice"]).equals(b.drop(columns=["advice"]))
    print(f"follow-up over {n_sessions} stored 60-minute sessions ({len(a)} rows): from reports {t1 - t0:.2f} s, "
          f"from the indicators table {t2 - t1:.3f} s ({(t1 - t0) / (t2 - t1):.0f}x); same table: {same}")


if __name__ == "__main__":
    main()
