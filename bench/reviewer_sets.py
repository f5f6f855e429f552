"""The helping-skills coder and the report's overall reading against hand-coded sessions written for this project.

``bench/data/reviewer_sets/setNN/`` each hold 8-10 invented helping sessions (MI counselling, coaching, workplace
and academic mentoring), half written as good practice and half as poor, by writers who saw neither the code nor
the other sets, in the style of real transcripts (fillers, false starts, about one question in four without "?").
Every helper line carries the writer's MITI 4.2.1 codes (``key.json``; each set's ``README.md`` gives its coding
choices). Each session is analysed as a user would analyse a transcript (``analyze_transcript``: roles found by
Rapport, no times), and the bench prints, per set:

- precision, recall and F1 of each behaviour over the helper's turns (a turn counts as coded with a behaviour when
  any of its lines carries the code);
- whether Rapport found the helper as the mentor;
- per session, the share of banded indicators in their good range and the glance's share of "went well"; and the
  AUC of both between the good and the poor sessions.

Sets 9-13 were tuned on (their rules are in the coder); sets 14 and 15 were held out until version 0.5.11, sets 16 and 17 until 0.5.12,
sets 18 and 19 until 0.5.13,
sets 20-27 until 0.5.14, and each later set until the version ``data/reviewer_sets/README.md`` names (``docs/indicators.md``
gives the figures before and after). A new set belongs in a new folder, scored once before any
rule is written from it.

    python bench/reviewer_sets.py [--sets DIR] [--only set14] [--errors advice] [--unpunctuated]

``--unpunctuated`` reads every transcript lower-cased and without punctuation (speaker labels kept), as automatic
captions write it: questions must then be found from word order alone.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: Each row: the reviewer's codes that make a turn positive, and the coder's reading that makes it positive.
ROWS = {
    "question": ({"Q_open", "Q_closed"}, lambda c: c.has("question")),
    "reflection": ({"SR", "CR"}, lambda c: c.has("reflection")),
    "affirmation": ({"AF"}, lambda c: c.has("affirmation")),
    "advice without permission": ({"PERSUADE"}, lambda c: c.has("advice") and not c.permission),
    "advice or information unasked": ({"PERSUADE", "GI"},
                                      lambda c: (c.has("advice") or c.has("information")) and not c.permission),
    "sharing the decision": ({"SEEK", "AUTONOMY"}, lambda c: bool(c.partnership)),
    "judging": ({"CONFRONT"}, lambda c: bool(c.confronting)),
    "self-disclosure": ({"SELF"}, lambda c: c.has("self_disclosure")),
}


def auc(pos: list[float], neg: list[float]) -> float:
    """P(a value of ``pos`` > one of ``neg``), ties counted half; nan when either is empty."""
    if not pos or not neg:
        return float("nan")
    return sum(1.0 if p > q else 0.5 if p == q else 0.0 for p in pos for q in neg) / (len(pos) * len(neg))


def gold_by_turn(lines: list[str], turns, codes: dict[int, set[str]]) -> tuple[dict[int, set[str]], int]:
    """The reviewer's codes of each turn, and how many coded lines found no turn: line ``n`` (1-based, "Name: text")
    goes to the first turn from the last one matched on that speaks as that name and holds the line's first words
    (consecutive lines may form one turn)."""
    out: dict[int, set[str]] = {}
    missed = 0
    ti = 0
    for n, line in enumerate(lines, 1):
        speaker, _, text = line.partition(":")
        head = " ".join(text.split())[:20]
        j = ti
        while j < len(turns) and (turns[j].speaker != speaker.strip() or head not in " ".join(turns[j].text.split())):
            j += 1
        if j == len(turns):
            missed += n in codes  # not found (a line the transcript reader dropped): its codes are left out
            continue
        ti = j
        out.setdefault(j, set()).update(codes.get(n, set()))
    return out, missed


def unpunctuate(text: str) -> str:
    """Each "Name: text" line with the text lower-cased and without punctuation (apostrophes and hyphens kept), as
    automatic captions and some transcribers write it."""
    out = []
    for line in text.splitlines():
        name, sep, said = line.partition(":")
        said = re.sub(r"[^\w\s'\-\[\]]", " ", said.lower())
        out.append(f"{name}{sep} {' '.join(said.split())}" if sep else line)
    return "\n".join(out) + "\n"


def score_set(folder: Path, *, nlp, syllable_table, errors: str = "", plain: bool = False) -> dict:
    """Counts per row, sessions' readings, and whether the mentor was found, for one set's folder (``plain``: read
    with the transcripts unpunctuated and lower-cased)."""
    from pipeline.report.glance import feedback
    from pipeline.report.text import status_of
    from pipeline.run.orchestrate import analyze_transcript

    key = json.loads((folder / "key.json").read_text(encoding="utf-8"))["sessions"]
    tp, fp, fn = Counter(), Counter(), Counter()
    sessions, unmatched, missed_mentor = [], 0, []
    for name, info in sorted(key.items()):
        text = (folder / f"{name}.txt").read_text(encoding="utf-8")
        text = unpunctuate(text) if plain else text
        lines = [ln for ln in text.splitlines() if ln.strip()]
        codes = {n: set(c) for n, c in info["codes"]}
        report = analyze_transcript(text, source_name=f"{folder.name}-{name}.txt", nlp=nlp,
                                    syllable_table=syllable_table)
        turns = report.turn_measures
        gold, missed = gold_by_turn(lines, turns, codes)
        unmatched += missed
        helper = {lines[n - 1].partition(":")[0].strip() for n in codes}
        if not any(s.label in helper and s.role == "mentor" for s in report.speakers):
            missed_mentor.append(name)
        for i, tm in enumerate(turns):
            if tm.speaker not in helper:
                continue
            g = gold.get(i, set())
            for row, (gset, coded) in ROWS.items():
                is_gold, is_coded = bool(g & gset), bool(coded(tm.code))
                tp[row] += is_gold and is_coded
                fp[row] += is_coded and not is_gold
                fn[row] += is_gold and not is_coded
                if errors and errors == row and is_gold != is_coded:
                    print(f"   {'FP' if is_coded else 'FN'} {folder.name}/{name} {sorted(g)} "
                          f"[{tm.code.behaviour}: {tm.code.cue}] {' '.join(tm.text.split())[:110]}")
        banded = [s for s in map(status_of, report.indicators) if s in ("in band", "below", "above")]
        fb = feedback(report)  # as the report shows it
        glance = len(fb.went_well) / max(len(fb.went_well) + len(fb.to_try), 1)
        sessions.append((name, info["quality"], banded.count("in band") / max(len(banded), 1), glance))
    return {"tp": tp, "fp": fp, "fn": fn, "sessions": sessions,
            "mentor_found": len(key) - len(missed_mentor), "n": len(key),
            "unmatched": unmatched, "mentor_missed": tuple(missed_mentor)}


def print_set(name: str, s: dict) -> None:
    print(f"\n{name}: {s['n']} sessions, the helper found as the mentor in {s['mentor_found']}"
          + (f" (not in {', '.join(s['mentor_missed'])})" if s["mentor_missed"] else "")
          + (f"; {s['unmatched']} coded lines found no turn" if s["unmatched"] else ""))
    print(f"  {'behaviour':32s}   tp   fp   fn  precision  recall    F1")
    for row in ROWS:
        t, f, n = s["tp"][row], s["fp"][row], s["fn"][row]
        p = t / (t + f) if t + f else 0.0
        r = t / (t + n) if t + n else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"  {row:32s} {t:4d} {f:4d} {n:4d}      {p:.2f}    {r:.2f}  {f1:.2f}")
    good = [x for x in s["sessions"] if x[1] == "high"]
    poor = [x for x in s["sessions"] if x[1] == "low"]
    print("  in range: good " + " ".join(f"{x[2]:.2f}" for x in good) + " | poor " + " ".join(f"{x[2]:.2f}" for x in poor))
    print("  glance:   good " + " ".join(f"{x[3]:.2f}" for x in good) + " | poor " + " ".join(f"{x[3]:.2f}" for x in poor))
    print(f"  AUC good vs poor: share in range {auc([x[2] for x in good], [x[2] for x in poor]):.2f}, "
          f"glance {auc([x[3] for x in good], [x[3] for x in poor]):.2f}")
    if s["mentor_missed"]:  # the reading of a session whose helper was taken for the one helped means nothing
        good, poor = ([x for x in group if x[0] not in s["mentor_missed"]] for group in (good, poor))
        print(f"  AUC where the helper was found: share in range {auc([x[2] for x in good], [x[2] for x in poor]):.2f}, "
              f"glance {auc([x[3] for x in good], [x[3] for x in poor]):.2f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default=str(ROOT / "bench" / "data" / "reviewer_sets"), help="folder of setNN folders")
    ap.add_argument("--only", default="", help="one set's folder name (e.g. set14)")
    ap.add_argument("--errors", default="", choices=("", *ROWS), help="list the turns where this row disagrees")
    ap.add_argument("--unpunctuated", action="store_true",
                    help="read every transcript lower-cased and without punctuation, as automatic captions write it")
    args = ap.parse_args(argv)
    folders = sorted(p for p in Path(args.sets).iterdir() if (p / "key.json").exists()
                     and (not args.only or p.name == args.only))
    if not folders:
        print(f"no sets (folders with key.json) under {args.sets}", file=sys.stderr)
        return 2
    from models import load_nlp, load_syllable_table

    nlp, table = load_nlp(), load_syllable_table()
    for folder in folders:
        print_set(folder.name, score_set(folder, nlp=nlp, syllable_table=table, errors=args.errors,
                                               plain=args.unpunctuated))
    return 0


if __name__ == "__main__":
    sys.exit(main())
