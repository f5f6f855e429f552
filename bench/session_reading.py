"""The report's overall reading against expert turn codes, session by session (ESConv, rebuilt conversations).

Issue 18 asks the report's overall reading (the share of its banded indicators in their good range, and what its
at-a-glance section puts under "what went well" / "what to try") to separate good from poor helping conversations.
The expert quality ratings that will judge it are kept apart; what this bench can check is weaker but honest: do
the report's readings follow what expert *turn codes* say of a conversation? In issue 18's rated sessions the share
of the helper's turns that reflect (AUC 0.92) and the share that advise or inform (0.92, the other way) told good
from poor. Here:

1. ESConv's labelled supporter turns (``{split}WithStrategy_short.tsv``; each line holds up to four turns of
   context) are stitched back into whole conversations by their turn numbers;
2. each conversation, as ``Helper:`` / ``Seeker:`` lines (no times: 150 words per minute), is analysed by
   ``pipeline.run.orchestrate.analyze_transcript`` with the helper as the mentor;
3. conversations are ranked by the gold share of reflections minus the gold share of advice and information, and
   the upper third is compared with the lower third: AUC of the share of banded indicators in their good range,
   of (went well - to try), and, per indicator, of its value and of its being in its good range; and Spearman's
   rho between the coded and the gold share of each behaviour per conversation.

ESConv's conversations are short (about 13 supporter turns) and typed; treat the figures as a floor for what the
report sees in a spoken session. Research use only: the data is not bundled (see ``bench/helping_skills.py``).

    python bench/session_reading.py --esconv DIR [--split test] [--min-turns 6] [--hide-names]
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from helping_skills import _SEG_RE, STRATEGY_BEHAVIOUR  # noqa: E402

#: Gold behaviours whose share per conversation defines its upper and lower third (reflect up, tell down).
UP, DOWN = ("reflection",), ("advice", "information")
#: Coded behaviours compared with the gold ones per conversation.
COMPARED = ("question", "reflection", "affirmation", "advice", "self_disclosure")


def conversations(path: Path) -> list[list[tuple[int, str | None, str]]]:
    """Whole conversations, each a list of (speaker 1 helper / 0 seeker, strategy or None, text) in order."""
    convs, cur, last = [], {}, -1
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        segs = []
        for seg in line.split(" EOS "):
            m = _SEG_RE.match(seg.strip())
            if m:
                segs.append((int(m.group(3)), int(m.group(2)), m.group(4), " ".join(m.group(5).split())))
        if not segs:
            continue
        if segs[-1][0] <= last and segs[0][0] <= 1 and cur:  # the turn numbers start again: a new conversation
            convs.append(cur)
            cur = {}
        for idx, speaker, strategy, text in segs:
            if idx not in cur or (strategy and not cur[idx][1]):
                cur[idx] = (speaker, strategy, text)
        last = segs[-1][0]
    if cur:
        convs.append(cur)
    return [[c[i] for i in sorted(c)] for c in convs]


def auc(pos: list[float], neg: list[float]) -> float:
    """P(a value of ``pos`` > one of ``neg``), ties counted half; nan when either is empty."""
    if not pos or not neg:
        return float("nan")
    return sum(1.0 if p > q else 0.5 if p == q else 0.0 for p in pos for q in neg) / (len(pos) * len(neg))


def session_rows(convs, *, min_turns: int, nlp, syllable_table, hide_names: bool = False) -> list[dict]:
    """Per conversation: gold and coded shares, the share of banded indicators in band, the feedback's counts.

    ``hide_names``: the two speakers are "A" and "B" (the helper at random) and Rapport guesses the mentor, as for a
    recording or an unlabelled transcript; a wrong guess reads the conversation the wrong way round.
    """
    from pipeline.report.glance import feedback
    from pipeline.report.text import status_of
    from pipeline.run.orchestrate import analyze_transcript
    from pipeline.types import AnalyzeOptions

    rows = []
    for k, conv in enumerate(convs):
        gold = [STRATEGY_BEHAVIOUR[s] for sp, s, _ in conv if sp == 1 and s in STRATEGY_BEHAVIOUR]
        if len(gold) < min_turns:
            continue
        names = ("Helper", "Seeker") if not hide_names else ("A", "B") if k % 2 else ("B", "A")
        text = "\n".join(names[0 if sp == 1 else 1] + ": " + t for sp, _, t in conv if t)
        report = analyze_transcript(text, source_name=f"esconv-{k}.txt", nlp=nlp, syllable_table=syllable_table,
                                    options=AnalyzeOptions(mentor=None if hide_names else "Helper"))
        mentor_right = any(s.label == names[0] and s.role == "mentor" for s in report.speakers)
        status = {i.id: (status_of(i), i.value) for i in report.indicators}
        banded = [s for s, _ in status.values() if s in ("in band", "below", "above")]
        mentor = [m for m in report.turn_measures if m.role == "mentor"]
        fb = feedback(report, min_confidence="low")
        rows.append({
            "key": sum(g in UP for g in gold) / len(gold) - sum(g in DOWN for g in gold) / len(gold),
            "gold": {b: sum(g == b for g in gold) / len(gold) for b in COMPARED + ("information",)},
            "coded": {b: sum(m.code.has(b) for m in mentor) / max(len(mentor), 1) for b in COMPARED},
            "share": banded.count("in band") / len(banded) if banded else float("nan"),
            "net": len(fb.went_well) - len(fb.to_try),
            "status": status,
            "mentor_right": mentor_right,
        })
    return rows


def report(rows: list[dict]) -> None:
    """Print the upper-third / lower-third AUCs and the per-conversation agreement of coded and gold shares."""
    from scipy.stats import spearmanr

    rows = sorted(rows, key=lambda r: r["key"])
    third = len(rows) // 3
    low, high = rows[:third], rows[-third:]
    print(f"mentor {'given' if all(r['mentor_right'] for r in rows) else 'guessed'}: the helper in "
          f"{sum(r['mentor_right'] for r in rows)} of {len(rows)} conversations")
    print(f"{len(rows)} conversations; thirds of {third} by gold share of reflections - share of advice/information "
          f"(lower <= {low[-1]['key']:+.2f}, upper >= {high[0]['key']:+.2f})")
    print(f"  share of banded indicators in their good range: mean {statistics.mean(r['share'] for r in high):.2f} "
          f"upper / {statistics.mean(r['share'] for r in low):.2f} lower, "
          f"AUC {auc([r['share'] for r in high], [r['share'] for r in low]):.3f}")
    print(f"  went well - to try (low confidence included): AUC "
          f"{auc([r['net'] for r in high], [r['net'] for r in low]):.3f}")
    print(f"  {'indicator':42s} {'in band upper/lower':>20s} {'AUC in band':>12s} {'AUC value':>10s}")
    for ind in sorted({i for r in rows for i in r["status"]}):
        def banded(group, ind=ind):
            return [float(r["status"][ind][0] == "in band") for r in group
                    if r["status"].get(ind, ("",))[0] in ("in band", "below", "above")]

        def values(group, ind=ind):
            return [float(r["status"][ind][1]) for r in group
                    if ind in r["status"] and r["status"][ind][1] is not None
                    and r["status"][ind][0] != "not available"]

        hb, lb = banded(high), banded(low)
        if not hb or not lb:
            continue
        print(f"  {ind:42s} {100 * statistics.mean(hb):8.0f} % / {100 * statistics.mean(lb):3.0f} % "
              f"{auc(hb, lb):12.3f} {auc(values(high), values(low)):10.3f}")
    print("  coded vs gold share of the helper's turns, per conversation (Spearman rho):")
    for b in COMPARED:
        gold = [r["gold"][b] + (r["gold"]["information"] if b == "advice" else 0.0) for r in rows]
        coded = [r["coded"][b] for r in rows]
        print(f"    {b:16s} gold mean {statistics.mean(gold):.2f}, coded {statistics.mean(coded):.2f}, "
              f"rho {spearmanr(gold, coded).statistic:.3f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--esconv", required=True, help="folder holding {split}WithStrategy_short.tsv (searched below it)")
    ap.add_argument("--split", default="test", help="dev (tuning) or test (held out)")
    ap.add_argument("--min-turns", type=int, default=6, help="leave out conversations with fewer labelled helper turns")
    ap.add_argument("--hide-names", action="store_true",
                    help="speakers 'A' and 'B', the mentor guessed by Rapport (as for a recording)")
    args = ap.parse_args(argv)
    root, name = Path(args.esconv), f"{args.split}WithStrategy_short.tsv"
    path = root / name if (root / name).exists() else next(iter(sorted(root.rglob(name))), None)
    if path is None:
        print(f"{name} not found under {root}", file=sys.stderr)
        return 2
    from models import load_nlp, load_syllable_table

    convs = conversations(path)
    print(f"ESConv {args.split}: {len(convs)} conversations rebuilt from {path.name}")
    report(session_rows(convs, min_turns=args.min_turns, nlp=load_nlp(), syllable_table=load_syllable_table(),
                        hide_names=args.hide_names))
    return 0


if __name__ == "__main__":
    sys.exit(main())
