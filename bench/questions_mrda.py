"""Question detection on timed meeting dialogue: the ICSI Meeting Recorder Dialog Act corpus (MRDA).

A second real, labelled corpus beside SwDA (``bench/questions.py``), and the
only one here with **word timings**, so it can test what SwDA cannot: whether
pauses between words, which Whisper's word timestamps give, help find the
sentence boundaries that a transcript without punctuation loses.

It prints precision / recall / F1 of Rapport's classifier (``pipeline.measures.language``)

* per dialogue-act segment (an utterance, as SwDA's figures are), also with
  the annotators' rising-tone mark (``^rt``, heard on the audio) added as a
  question cue: what a perfect final-rise detector could add to the words;
* per speaker turn (consecutive segments of one speaker, as the product meets
  them), three ways: the turn's words as one text (what the product does now),
  the text cut into pieces at pauses of at least ``p`` seconds between words
  (for several ``p``), and cut at the annotators' segment boundaries (an
  upper bound for any way of finding boundaries).

Gold, mapped to SwDA's question tags: a segment is a question when one of
its dialogue acts (MRDA joins several with "|", "fh|qw") has the general tag
``qy``, ``qw``, ``qr``, ``qrr`` or ``qo`` (declarative ``qy^d`` and tag
``qy^g`` questions are under ``qy``) and is not what SwDA tags otherwise:
rhetorical (``qh``), a backchannel or non-understanding signal in question
form ("oh really", "huh": ``^bh``, ``^br``; SwDA ``bh``, ``br``), abandoned
or cut off ("is that" ``.%-``, ``.%--``; SwDA ``%``) or quoted (after ":";
SwDA ``^q``). The line "all MRDA question tags" counts every act with a
question general tag instead. A turn is a question when any of its segments is. Words are lower case and unpunctuated in the corpus;
``o_k`` is written "okay", cut-off fragments ("th-") are dropped as Whisper
drops them. Segments tagged ``z`` (not labelled) or ``x`` (non-verbal) are
left out.

The data is not bundled (licence): fetch ``NathanDuran/MRDA-Corpus`` and point
``--mrda`` at its root (``mrda_archive/database/*.dadb`` and
``mrda_data/metadata/{train,val,test}_split.txt``). The pause threshold is
chosen on ``val``; report ``test``.

    python bench/questions_mrda.py --mrda /path/to/MRDA-Corpus
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.questions import prf  # noqa: E402

QUESTION_GENERAL = frozenset({"qy", "qw", "qr", "qrr", "qo"})
PAUSES_S = (0.2, 0.3, 0.5, 0.75, 1.0)


def _word(token: str) -> str:
    """A corpus token as Whisper would write it: "o_k" -> "okay", "t_c_p" -> "tcp"; "" for fragments and markup."""
    if token == "o_k":
        return "okay"
    if token.endswith("-") or "{" in token or "@" in token:
        return ""
    return token.replace("_", "")


def is_question(label: str) -> tuple[bool, bool]:
    """(a question as SwDA tags them, any act with a question general tag) for an MRDA label; see the docstring."""
    swda_like = as_is = False
    for act in label.split("|"):
        main, _, quoted = act.partition(":")
        for part, is_quote in ((main, False), (quoted, True)):
            general = part.split("^")[0].split(".")[0]
            if general not in QUESTION_GENERAL:
                continue
            as_is = True
            specific = part.split(".")[0].split("^")[1:]
            if not is_quote and not {"bh", "br"} & set(specific) and ".%" not in part:
                swda_like = True
    return swda_like, as_is


def load_meeting(path: Path) -> list[tuple[str, list[tuple[float, float, str]], bool, str, bool]]:
    """(speaker, [(start_s, end_s, word)], is question, tag, any question tag) per labelled segment, by start."""
    rows = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        f = line.split(",")
        if len(f) < 8:
            continue
        tag = f[5]
        general = tag.split("^")[0].split(".")[0].split("|")[0].split(":")[0]
        if general in ("z", "x", ""):
            continue
        words = []
        for w in f[4].split("|"):
            parts = w.split("+")
            if len(parts) == 3 and (text := _word(parts[2])):
                words.append((float(parts[0]), float(parts[1]), text))
        if words:
            swda_like, as_is = is_question(tag)
            rows.append((float(f[0]), f[7], words, swda_like, tag, as_is))
    rows.sort(key=lambda r: r[0])
    return [r[1:] for r in rows]


def turns_of(meeting) -> list[tuple[list[list[tuple[float, float, str]]], bool]]:
    """Consecutive segments of one speaker as a turn: (its segments' words, any segment a question)."""
    turns: list[tuple[str, list, bool]] = []
    for spk, words, gold, *_ in meeting:
        if turns and turns[-1][0] == spk:
            turns[-1][1].append(words)
            turns[-1] = (spk, turns[-1][1], turns[-1][2] or gold)
        else:
            turns.append((spk, [words], gold))
    return [(segs, gold) for _, segs, gold in turns]


def pieces_at_pauses(words: list[tuple[float, float, str]], pause_s: float) -> list[str]:
    """The words cut where the gap from one word's end to the next word's start is at least ``pause_s``."""
    out, cur = [], [words[0][2]]
    for (_, end, _), (start, _, w) in zip(words, words[1:], strict=False):
        if start - end >= pause_s:
            out.append(" ".join(cur))
            cur = []
        cur.append(w)
    out.append(" ".join(cur))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mrda", required=True, help="root of NathanDuran/MRDA-Corpus")
    ap.add_argument("--split", default="val,test")
    args = ap.parse_args(argv)
    root = Path(args.mrda)

    from models import load_nlp
    from pipeline.measures.questions import classify_text

    nlp = load_nlp()

    def is_q(texts: list[str]) -> list[bool]:
        return [classify_text(d)[0].is_question
                for d in nlp.pipe(texts, batch_size=512, disable=["ner", "lemmatizer"])]

    def any_q(groups: list[list[str]]) -> list[bool]:
        flat = is_q([t for g in groups for t in g])
        out, k = [], 0
        for g in groups:
            out.append(any(flat[k:k + len(g)]))
            k += len(g)
        return out

    best_pause = None
    for split in args.split.split(","):
        names = (root / "mrda_data" / "metadata" / f"{split}_split.txt").read_text().split()
        meetings = [load_meeting(root / "mrda_archive" / "database" / f"{n}.dadb") for n in names]
        segs = [s for m in meetings for s in m]
        turns = [t for m in meetings for t in turns_of(m)]
        if not segs:
            print(f"{split}: no segments under {root}", file=sys.stderr)
            return 2
        gold_s = [s[2] for s in segs]
        t0 = time.perf_counter()
        pred_s = is_q([" ".join(w for _, _, w in s[1]) for s in segs])
        dt = time.perf_counter() - t0
        print(f"MRDA {split}: {len(names)} meetings, {len(segs)} segments ({sum(gold_s)} questions), "
              f"{len(turns)} turns ({sum(g for _, g in turns)} with a question)")
        p, r, f = prf(pred_s, gold_s)
        print(f"  per segment (utterance)                      P {p:.3f} R {r:.3f} F1 {f:.3f}  ({dt:.1f} s)")
        p, r, f = prf(pred_s, [s[4] for s in segs])
        print(f"  per segment, all MRDA question tags ({sum(s[4] for s in segs)})    P {p:.3f} R {r:.3f} F1 {f:.3f}")
        # the annotators heard the audio: "^rt" marks a rising tone, an upper bound for a final-rise detector
        rise = [q or "^rt" in s[3] for s, q in zip(segs, pred_s, strict=True)]
        p, r, f = prf(rise, gold_s)
        print(f"  per segment, words OR annotated rising tone  P {p:.3f} R {r:.3f} F1 {f:.3f}")
        by_tag: dict[str, list[int]] = {}
        for s, q in zip(segs, pred_s, strict=True):
            if s[2]:
                act = next(a for a in s[3].split("|") if is_question(a)[0]).split(".")[0]
                key = "qy^d" if "^d" in act else "qy^g" if "^g" in act else act.split("^")[0]
                by_tag.setdefault(key, [0, 0])
                by_tag[key][0] += q
                by_tag[key][1] += 1
        print("    recall by tag: " + ", ".join(f"{t} {a}/{n}" for t, (a, n) in sorted(by_tag.items())))
        gold_t = [g for _, g in turns]
        words_t = [[w for seg in segs_ for w in seg] for segs_, _ in turns]
        rows = [("per turn, one text (the product now)", is_q([" ".join(w for _, _, w in ws) for ws in words_t]))]
        f1_by_pause = {}
        for pause in PAUSES_S:
            pred = any_q([pieces_at_pauses(ws, pause) for ws in words_t])
            rows.append((f"per turn, cut at pauses >= {pause:.2f} s", pred))
            f1_by_pause[pause] = prf(pred, gold_t)[2]
        rows.append(("per turn, cut at the annotated segments", any_q([[" ".join(w for _, _, w in seg) for seg in s]
                                                                      for s, _ in turns])))
        for label, pred in rows:
            p, r, f = prf(pred, gold_t)
            print(f"  {label:<44} P {p:.3f} R {r:.3f} F1 {f:.3f}")
        if best_pause is None:
            best_pause = max(f1_by_pause, key=f1_by_pause.get)
            print(f"  best pause on {split}: {best_pause:.2f} s (use it on the next split)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
