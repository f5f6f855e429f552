"""The report page on a long session: script time and elements sent per rerun, tab by tab, in one run.

Usage: python bench/app_pages.py [--minutes 60]

A transcript of ``--minutes`` is made by repeating the matched sample session's true turns (a VTT
with speaker names, so no transcription is needed), analysed once through the app with
``streamlit.testing.v1.AppTest``, then each tab is opened and the rerun timed (best of three) and
its elements counted. "Before tabs" is what one rerun built before the report had tabs and pages:
every section, with the whole transcript (a play button per turn), on every click; it is measured
here by summing the other tabs and the transcript with one page as long as the session. The
session library goes to a temporary folder.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TABS = ("Overview", "Matching", "Moments", "Transcript", "Downloads")


def long_vtt(minutes: float) -> tuple[str, int]:
    """The matched sample's true turns repeated to ``minutes``: (VTT text, number of turns)."""
    from pipeline.io.export import Cue, to_vtt

    turns = json.loads((ROOT / "sample_sessions" / "matched.truth.json").read_text())["turns"]
    period_s = turns[-1]["end_s"] + 2.0
    names = {"mentor": "Alex Mentor", "mentee": "Sam Mentee"}
    cues = [Cue(t["start_s"] + k * period_s, t["end_s"] + k * period_s, t["text"], names[t["role"]])
            for k in range(max(1, round(minutes * 60 / period_s))) for t in turns]
    return to_vtt(cues), len(cues)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--minutes", type=float, default=60.0)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["RAPPORT_DATA_DIR"] = tmp
        os.environ["RAPPORT_DB"] = f"sqlite:///{Path(tmp) / 'library.db'}"
        from streamlit.testing.v1 import AppTest

        vtt, n_turns = long_vtt(args.minutes)
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=900).run()
        at.file_uploader(key="upload").upload("long.vtt", vtt.encode(), "text/vtt")
        at.run()
        at.checkbox(key="agreed").set_value(True)
        at.text_input(key="mentor_name").set_value("Alex")
        at.text_input(key="mentee_name").set_value("Sam")
        at.button[-1].click()
        t0 = time.perf_counter()
        at.run()
        if at.exception:
            print(at.exception, file=sys.stderr)
            return 1
        print(f"{args.minutes:g}-minute transcript, {n_turns} turns: analysed through the app in "
              f"{time.perf_counter() - t0:.1f} s")
        print(f"  {'tab':<12} {'rerun s':>8} {'elements':>9} {'buttons':>8}")
        rows = {}
        for tab in TABS:
            at.session_state["report_tab"] = tab
            times = []
            for _ in range(3):
                t0 = time.perf_counter()
                at.run()
                times.append(time.perf_counter() - t0)
            rows[tab] = (min(times), sum(1 for _ in at.main), len(at.button))
            print(f"  {tab:<12} {rows[tab][0]:8.2f} {rows[tab][1]:9d} {rows[tab][2]:8d}")
        # Before: every section built on every rerun, the transcript unpaged (one page as long as the session).
        from pipeline.report import frames
        per_page = frames.TRANSCRIPT_PAGE_TURNS
        frames.TRANSCRIPT_PAGE_TURNS = n_turns
        at.session_state["report_tab"] = "Transcript"
        times = []
        for _ in range(3):
            t0 = time.perf_counter()
            at.run()
            times.append(time.perf_counter() - t0)
        frames.TRANSCRIPT_PAGE_TURNS = per_page
        whole = (min(times), sum(1 for _ in at.main), len(at.button))
        before = [sum(r[i] for tab, r in rows.items() if tab != "Transcript") + whole[i] for i in range(3)]
        print(f"  {'before tabs':<12} {before[0]:8.2f} {before[1]:9d} {before[2]:8d}   "
              f"(every section and all {n_turns} turns, on every rerun)")
        s, n, _ = rows["Transcript"]
        print(f"  a play button in the transcript: {before[0] / s:.1f}x less script time, "
              f"{before[1] / n:.1f}x fewer elements than before")
    return 0


if __name__ == "__main__":
    sys.exit(main())
