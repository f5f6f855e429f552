"""Helping skills coded turn by turn, against ESConv's helper strategies and SwDA's questions.

Prints, in one run:

1. On an ESConv split (``test`` by default: the split never tuned on; ``dev`` is
   for tuning the rules), precision / recall / F1 per behaviour of the coder
   (``pipeline.measures.helping.code_turn``): question, reflection
   (Restatement or Paraphrasing + Reflection of feelings), affirmation
   (Affirmation and Reassurance), advice/information (Providing Suggestions +
   Information, and each alone), self-disclosure; on the typed text and with
   its punctuation stripped (as Whisper may give it); the "contains ?"
   baseline and Rapport's earlier word-order question rule beside the question
   row; and the confusion matrix of ESConv's strategy (rows) against the coded
   behaviour (columns), which shows how reflections and questions are mixed up; and the MITI codes ESConv
   does not label (sharing the decision, judging): how often each fires, with every turn where it does.
2. Question F1 on SwDA test, punctuated and not, against "contains ?"
   (loaders and scoring imported from ``bench/questions.py``).
3. The coder's time per turn and its estimated cost on a 60-minute session
   (about 800 turns) against transcribing 60 minutes of audio (Whisper base,
   RTF 0.118 on this machine per ``bench/asr.py``: about 425 s). Aim: < 2 %.
4. Where the errors are: for each behaviour, the commonest false negatives
   (by what they were coded as and their first words) and false positives (by
   their ESConv strategy and first words), with examples.

The data is not bundled (ESConv is CC BY-NC 4.0, SwDA non-commercial; research
use only: measure and tune on them, ship nothing trained on them). Fetch
``thu-coai/Emotional-Support-Conversation`` and point ``--esconv`` at a folder
holding its ``codes/dataset/{dev,test}WithStrategy_short.tsv``; fetch
``NathanDuran/Switchboard-Corpus`` and point ``--swda`` at its ``swda_data``.

    python bench/helping_skills.py --esconv DIR --swda DIR [--split dev|test] [--limit N] [--examples 3]
    python bench/helping_skills.py --esconv DIR --stand-in   # the harness with a "contains ?" coder

ESConv's file format: one line per supporter turn, ``" EOS "``-separated
segments ``<flag> <speaker> <turn index> [Strategy] text`` (speaker 1 the
supporter, 0 the seeker; up to four turns of context, then the labelled
supporter turn last). The coder is given the seeker's utterances of that
context, most recent last, as ``previous``.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: ESConv strategy -> the coder's behaviour.
STRATEGY_BEHAVIOUR = {
    "Questions": "question",
    "Restatement or Paraphrasing": "reflection",
    "Reflection of feelings": "reflection",
    "Affirmation and Reassurance": "affirmation",
    "Providing Suggestions": "advice",
    "Information": "information",
    "Self-disclosure": "self_disclosure",
    "Other": "other",
    "Others": "other",
}
STRATEGIES = ("Questions", "Restatement or Paraphrasing", "Reflection of feelings", "Affirmation and Reassurance",
              "Providing Suggestions", "Information", "Self-disclosure", "Other")
BEHAVIOURS = ("question", "reflection", "affirmation", "advice", "information", "self_disclosure", "other")
SHORT = {"question": "quest", "reflection": "refl", "affirmation": "affirm", "advice": "advice",
         "information": "info", "self_disclosure": "disclo", "other": "other"}

#: The rows of the scores: name, the behaviours that count as it (gold and predicted alike).
SCORED = (
    ("question", {"question"}),
    ("reflection", {"reflection"}),
    ("affirmation", {"affirmation"}),
    ("advice/information", {"advice", "information"}),
    ("  advice (suggestions)", {"advice"}),
    ("  information", {"information"}),
    ("self-disclosure", {"self_disclosure"}),
    ("other", {"other"}),
)

#: Transcription time of 60 minutes of audio: Whisper base, RTF 0.118 on this machine (bench/asr.py, README).
ASR_RTF = 0.118
SESSION_TURNS = 800

_SEG_RE = re.compile(r"^(\S+) ([01]) (\d+) (?:\[([^\]]*)\] ?)?(.*)$", re.S)


@dataclass(frozen=True)
class Example:
    """One labelled supporter turn of ESConv."""

    text: str
    strategy: str
    previous: tuple[str, ...]  # the seeker's utterances in the context, most recent last
    context: tuple[tuple[int, str], ...]  # (speaker, text) of the context, in order

    @property
    def gold(self) -> str:
        return STRATEGY_BEHAVIOUR[self.strategy]


def load_esconv(root: Path, split: str) -> list[Example]:
    """The labelled supporter turns of ``{split}WithStrategy_short.tsv`` (found under ``root``, at any depth)."""
    name = f"{split}WithStrategy_short.tsv"
    path = root / name if (root / name).exists() else next(iter(sorted(root.rglob(name))), None)
    if path is None:
        raise FileNotFoundError(f"{name} not found under {root}")
    out = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if not line.strip():
            continue
        segs = []
        for seg in line.split(" EOS "):
            m = _SEG_RE.match(seg.strip())
            if m is None:
                raise ValueError(f"{path.name}: unexpected segment {seg[:80]!r}")
            segs.append((int(m.group(2)), m.group(4), " ".join(m.group(5).split())))
        speaker, strategy, text = segs[-1]
        if speaker != 1 or strategy is None or not text:
            continue
        context = tuple((s, t) for s, _, t in segs[:-1] if t)
        out.append(Example(text, strategy, tuple(t for s, t in context if s == 0), context))
    return out


# ----------------------------------------------------------------------------------------------------- coders


@dataclass(frozen=True)
class _StandInCode:
    behaviour: str
    open: bool = False
    complex: bool = False
    permission: bool = False


def stand_in_code_turn(text, *, previous=(), nlp=None, asked_permission=False, final_rise_st=None):
    """The trivial coder the harness was built against: "question" when the text holds "?", else "other"."""
    return _StandInCode("question" if "?" in text else "other")


def load_coder(stand_in: bool):
    """``code_turn`` of ``pipeline.measures.helping``, or the stand-in (asked for, or when the module is missing)."""
    if not stand_in:
        try:
            from pipeline.measures.helping import code_turn
            return code_turn, "pipeline.measures.helping.code_turn"
        except ImportError as e:
            print(f"(pipeline.measures.helping not importable: {e}; using the stand-in coder)")
    return stand_in_code_turn, "stand-in: contains '?' -> question, else other"


def run_coder(code_turn, nlp, items: list[tuple[str, tuple[str, ...]]]) -> tuple[list, float]:
    """Code each (text, previous); returns the codes and the seconds taken."""
    t0 = time.perf_counter()
    codes = [code_turn(text, previous=prev, nlp=nlp) for text, prev in items]
    return codes, time.perf_counter() - t0


# ----------------------------------------------------------------------------------------------------- scoring


def prf(pred: list[bool], gold: list[bool]) -> tuple[float, float, float]:
    from bench.questions import prf as _prf
    return _prf(pred, gold)


def score_rows(gold: list[str], preds: dict[str, list[str]]) -> None:
    """P / R / F1 per scored behaviour, one column group per condition."""
    conds = list(preds)
    head = "".join(f" | {c:^22}" for c in conds)
    print(f"  {'behaviour':<24} {'n':>5}{head}")
    print(f"  {'':<24} {'':>5}" + " | {:>6} {:>6} {:>6}  ".format("P", "R", "F1") * len(conds))
    for name, kinds in SCORED:
        g = [x in kinds for x in gold]
        cells = ""
        for c in conds:
            p, r, f = prf([x in kinds for x in preds[c]], g)
            cells += f" | {p:6.3f} {r:6.3f} {f:6.3f}  "
        print(f"  {name:<24} {sum(g):5d}{cells}")
    accs = "".join(f" | accuracy {sum(a == b for a, b in zip(gold, preds[c], strict=True)) / len(gold):6.3f}     "
                   for c in conds)
    print(f"  {'all 7 behaviours':<24} {len(gold):5d}{accs}")


def confusion(examples: list[Example], pred: list[str], title: str) -> None:
    """ESConv strategy (rows) against the coded behaviour (columns), counts; the reflection/question cells named."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for ex, p in zip(examples, pred, strict=True):
        counts[ex.strategy][p] += 1
    print(f"  confusion, {title}: ESConv strategy (rows) x coded behaviour (columns)")
    print(f"    {'':<30}" + "".join(f"{SHORT[b]:>7}" for b in BEHAVIOURS) + f"{'n':>7}")
    for s in STRATEGIES:
        if s in counts:
            print(f"    {s:<30}" + "".join(f"{counts[s][b]:7d}" for b in BEHAVIOURS) + f"{sum(counts[s].values()):7d}")
    ref = counts["Restatement or Paraphrasing"] + counts["Reflection of feelings"]
    nref, nq = sum(ref.values()), sum(counts["Questions"].values())
    refl_pred = sum(c["reflection"] for c in counts.values())
    print(f"    reflection <-> question: gold reflections coded question {ref['question']}/{nref}"
          f" ({ref['question'] / max(nref, 1):.0%}); gold questions coded reflection"
          f" {counts['Questions']['reflection']}/{nq} ({counts['Questions']['reflection'] / max(nq, 1):.0%});"
          f" of {refl_pred} turns coded reflection, {counts['Questions']['reflection']} are ESConv questions")


def attributes(examples: list[Example], codes: list) -> None:
    """The coder's open / complex / permission flags by ESConv strategy (a sanity check; ESConv does not label them)."""
    by: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0, 0])
    for ex, c in zip(examples, codes, strict=True):
        row = by[ex.strategy]
        if c.behaviour == "question":
            row[0] += 1
            row[1] += bool(getattr(c, "open", False))
        if c.behaviour == "reflection":
            row[2] += 1
            row[3] += bool(getattr(c, "complex", False))
        if c.behaviour in ("advice", "information"):
            row[4] += 1
            row[5] += bool(getattr(c, "permission", False))
    print("  flags (punctuated): open share of turns coded question, complex share of turns coded reflection,"
          " permission share of turns coded advice/information, by ESConv strategy")
    for s in STRATEGIES:
        if s in by:
            r = by[s]
            print(f"    {s:<30} open {r[1]:4d}/{r[0]:<4d} complex {r[3]:4d}/{r[2]:<4d} permission {r[5]:4d}/{r[4]:<4d}")


# ----------------------------------------------------------------------------------------------------- errors


def unlabelled(examples: list[Example], codes: list) -> None:
    """MITI 4.2.1 codes ESConv does not label (sharing the decision, judging): how often each fires on its
    supporters' turns, and every turn where it does, to be read by hand (ESConv's helpers were asked to support, so
    a judging hit there is most likely a false one)."""
    for field, label in (("partnership", "sharing the decision (Seek/Emphasize)"), ("confronting", "judging (Confront)")):
        hits = [(ex, getattr(c, field, "")) for ex, c in zip(examples, codes, strict=True) if getattr(c, field, "")]
        print(f"  {label}, not labelled in ESConv: {len(hits)} of {len(examples)} turns"
              + (": " + ", ".join(f"'{w}' {n}" for w, n in Counter(cue for _, cue in hits).most_common(6)) if hits else ""))
        for ex, cue in hits:
            print(f"    [{ex.strategy}] {cue!r}: {_clip(ex.text, 110)}")


def _first_words(text: str, n: int = 2) -> str:
    from pipeline.measures.questions import strip_punctuation
    return " ".join(strip_punctuation(text).lower().split()[:n]) or "(empty)"


def _clip(text: str, n: int = 150) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _cue(code) -> str:
    """" cue 'x'; also y" for an example line: why the coder decided, and what else it saw."""
    cue = getattr(code, "cue", "")
    also = getattr(code, "also", ())
    return (f" cue '{cue}'" if cue else "") + (f" also {'+'.join(also)}" if also else "")


def errors(examples: list[Example], codes: list, *, top: int, n_examples: int) -> None:
    """For each behaviour, false negatives by (coded as, first words) and false positives by (strategy, first words)."""
    for name, kinds in SCORED:
        if name.startswith(" ") or name == "other":
            continue
        fn = [(ex, c) for ex, c in zip(examples, codes, strict=True) if ex.gold in kinds and c.behaviour not in kinds]
        fp = [(ex, c) for ex, c in zip(examples, codes, strict=True) if c.behaviour in kinds and ex.gold not in kinds]
        print(f"  {name}: {len(fn)} false negatives, {len(fp)} false positives")
        for label, rows, key in (
            ("missed (coded as)", fn, lambda ex, c: c.behaviour),
            ("wrongly coded (ESConv says)", fp, lambda ex, c: ex.strategy),
        ):
            if not rows:
                continue
            by_kind = Counter(key(ex, c) for ex, c in rows)
            print(f"    {label}: " + ", ".join(f"{k} {v}" for k, v in by_kind.most_common()))
            by_start = Counter((key(ex, c), _first_words(ex.text)) for ex, c in rows)
            print("    commonest (kind, first words): " +
                  ", ".join(f"{k} '{w}' {v}" for (k, w), v in by_start.most_common(top)))
            cues = Counter(re.sub(r"^\d+ words", "N words", c.cue) for _, c in rows if getattr(c, "cue", ""))
            if cues:
                print("    commonest cues: " + ", ".join(f"'{k}' {v}" for k, v in cues.most_common(top)))
            shown: Counter = Counter()
            for ex, code in rows:
                k = key(ex, code)
                if shown[k] >= n_examples or by_kind[k] < 2 and sum(shown.values()) >= 3 * n_examples:
                    continue
                shown[k] += 1
                prev = f"   <- seeker: {_clip(ex.previous[-1], 90)}" if ex.previous else ""
                print(f"      [{k}{_cue(code)}] {_clip(ex.text)}{prev}")


# ----------------------------------------------------------------------------------------------------- runs


def esconv(root: Path, split: str, code_turn, nlp, *, limit: int | None, top: int,
           n_examples: int) -> tuple[float, float]:
    """Print sections 1 and 4 for one split; return the coder's seconds per punctuated turn, and words per turn."""
    from pipeline.measures.questions import classify_text, strip_punctuation

    examples = load_esconv(root, split)[:limit]
    gold = [ex.gold for ex in examples]
    codes, dt = run_coder(code_turn, nlp, [(ex.text, ex.previous) for ex in examples])
    codes_s, _ = run_coder(code_turn, nlp, [(strip_punctuation(ex.text), tuple(strip_punctuation(p) for p in ex.previous))
                                            for ex in examples])
    pred = [c.behaviour for c in codes]
    pred_s = [c.behaviour for c in codes_s]
    strat = Counter(ex.strategy for ex in examples)
    print(f"\nESConv {split}: {len(examples)} supporter turns ("
          + ", ".join(f"{s} {strat[s]}" for s in STRATEGIES if strat[s]) + ")")
    score_rows(gold, {"punctuated": pred, "punctuation stripped": pred_s})
    seen = sum(ex.gold == c.behaviour or ex.gold in getattr(c, "also", ()) for ex, c in zip(examples, codes, strict=True))
    print(f"  ESConv's strategy among the coder's behaviours (main or 'also'), punctuated: {seen}/{len(examples)}"
          f" ({seen / max(len(examples), 1):.1%}; main alone {sum(a == b for a, b in zip(gold, pred, strict=True))})")
    gq = [g == "question" for g in gold]
    print("  question baselines:")
    old = [classify_text(d)[0].is_question
           for d in nlp.pipe([ex.text for ex in examples], batch_size=256, disable=["ner", "lemmatizer"])]
    old_s = [classify_text(d)[0].is_question
             for d in nlp.pipe([strip_punctuation(ex.text) for ex in examples], batch_size=256,
                               disable=["ner", "lemmatizer"])]
    for name, p in (("contains '?' (punctuated)", ["?" in ex.text for ex in examples]),
                    ("word-order rule classify_text (punctuated)", old),
                    ("word-order rule classify_text (stripped)", old_s),
                    ("coder (punctuated)", [x == "question" for x in pred]),
                    ("coder (stripped)", [x == "question" for x in pred_s])):
        pp, r, f = prf(p, gq)
        print(f"    {name:<46} P {pp:.3f} R {r:.3f} F1 {f:.3f}")
    confusion(examples, pred, "punctuated")
    confusion(examples, pred_s, "punctuation stripped")
    attributes(examples, codes)
    unlabelled(examples, codes)
    print(f"\n  where the errors are (ESConv {split}, punctuated):")
    errors(examples, codes, top=top, n_examples=n_examples)
    print(f"\n  where the errors are (ESConv {split}, punctuation stripped; only what differs from punctuated):")
    differ = [(ex, ps) for ex, p, ps in zip(examples, pred, pred_s, strict=True) if p != ps]
    moves = Counter((p, ps) for p, ps in zip(pred, pred_s, strict=True) if p != ps)
    print(f"    {len(differ)} turns change behaviour without punctuation: "
          + ", ".join(f"{a}->{b} {n}" for (a, b), n in moves.most_common(8)))
    lost_q = [ex for ex, p, ps in zip(examples, pred, pred_s, strict=True)
              if ex.gold == "question" and p == "question" and ps != "question"]
    if lost_q:
        print(f"    ESConv questions found with punctuation, lost without ({len(lost_q)}); first words: "
              + ", ".join(f"'{w}' {n}" for w, n in Counter(_first_words(ex.text) for ex in lost_q).most_common(top)))
        for ex in lost_q[:n_examples * 2]:
            print(f"      {_clip(strip_punctuation(ex.text))}")
    return dt / max(len(examples), 1), sum(len(ex.text.split()) for ex in examples) / max(len(examples), 1)


def _asks(code) -> bool:
    """The turn asks: its main behaviour is a question or a question is among its other behaviours."""
    return code.behaviour == "question" or "question" in getattr(code, "also", ())


def swda(root: Path, code_turn, nlp, *, limit: int | None, n_examples: int, split: str = "test") -> None:
    """Print section 2: question F1 on SwDA ``split`` (test: held out; train: where rules are tuned), each utterance
    coded with the other speaker's preceding ones."""
    from bench.questions import QUESTION_TAGS, conversations
    from pipeline.measures.questions import strip_punctuation

    items, gold, tags = [], [], []
    for conv in conversations(root, split):
        for i, (spk, text, tag) in enumerate(conv):
            prev: list[str] = []
            for s, t, _ in reversed(conv[max(0, i - 6):i]):
                if s == spk:
                    if prev:
                        break
                    continue
                prev.insert(0, t)
            items.append((text, tuple(prev)))
            gold.append(tag in QUESTION_TAGS)
            tags.append(tag)
    items, gold, tags = items[:limit], gold[:limit], tags[:limit]
    codes, _ = run_coder(code_turn, nlp, items)
    codes_s, _ = run_coder(code_turn, nlp, [(strip_punctuation(t), tuple(strip_punctuation(x) for x in p))
                                            for t, p in items])
    from pipeline.measures.questions import classify_text

    before = {k: [classify_text(d)[0].is_question for d in nlp.pipe(texts, batch_size=256, disable=["ner", "lemmatizer"])]
              for k, texts in (("p", [t for t, _ in items]), ("s", [strip_punctuation(t) for t, _ in items]))}
    print(f"\nSwDA {split}: {len(items)} utterances, {sum(gold)} questions (tags {' '.join(sorted(QUESTION_TAGS))});"
          " each coded with the other speaker's preceding utterances as previous")
    print(f"  {'method':<46} {'precision':>9} {'recall':>7} {'F1':>6}")
    for name, pred in (("baseline: contains '?' (punctuated)", ["?" in t for t, _ in items]),
                       ("baseline: contains '?' (punct. stripped)", [False] * len(items)),
                       ("word-order rule classify_text (punctuated)", before["p"]),
                       ("word-order rule classify_text (stripped)", before["s"]),
                       ("coder: behaviour question (punctuated)", [c.behaviour == "question" for c in codes]),
                       ("coder: behaviour question (punct. stripped)", [c.behaviour == "question" for c in codes_s]),
                       ("coder: asks (main or also) (punctuated)", [_asks(c) for c in codes]),
                       ("coder: asks (main or also) (punct. stripped)", [_asks(c) for c in codes_s])):
        p, r, f = prf(pred, gold)
        print(f"  {name:<46} {p:9.3f} {r:7.3f} {f:6.3f}")
    for label, cs in (("punctuated", codes), ("stripped", codes_s)):
        fp = Counter(tag for tag, g, c in zip(tags, gold, cs, strict=True) if not g and c.behaviour == "question")
        fn = Counter(f"{tag}->{c.behaviour}" for tag, g, c in zip(tags, gold, cs, strict=True)
                     if g and c.behaviour != "question")
        print(f"  {label}: false positives by tag: " + ", ".join(f"{t} {n}" for t, n in fp.most_common(8)))
        print(f"  {label}: false negatives by tag->coded: " + ", ".join(f"{t} {n}" for t, n in fn.most_common(8)))
    if n_examples:
        fns = [(t, tag, c.behaviour) for (t, _), tag, g, c in zip(items, tags, gold, codes_s, strict=True)
               if g and c.behaviour != "question"]
        fps = [(t, tag, c.behaviour) for (t, _), tag, g, c in zip(items, tags, gold, codes_s, strict=True)
               if not g and c.behaviour == "question"]
        print("  stripped, missed questions:", *[f"    [{tag}->{b}] {_clip(strip_punctuation(t))}"
                                               for t, tag, b in fns[: n_examples * 2]], sep="\n")
        print("  stripped, false questions:", *[f"    [{tag}] {_clip(strip_punctuation(t))}"
                                              for t, tag, b in fps[: n_examples * 2]], sep="\n")


def session_time(root: Path | None, nlp, *, per_turn: float | None, words: float | None, asr_rtf: float) -> None:
    """Print section 3: the coder's time per turn and its cost on a 60-minute session against transcription.

    Two measures: ``code_turn`` alone on ESConv turns (it parses the turn and the seeker's context each call: an
    upper bound), and ``code_turns`` as the pipeline calls it on a session of :data:`SESSION_TURNS` spoken turns
    (SwDA test conversations, consecutive utterances of a speaker joined into turns, everyone coded fully), given
    the turns' parses that the measures stage makes anyway; the parse itself is printed beside it.
    """
    asr_s = asr_rtf * 3600
    print(f"\nrun time against transcribing 60 minutes ({asr_s:.0f} s at Whisper base RTF {asr_rtf}); aim < 2 %:")
    if per_turn is not None:
        cost = per_turn * SESSION_TURNS
        print(f"  code_turn on ESConv turns: {per_turn * 1000:.2f} ms per turn ({words:.0f} words on average; parses"
              f" the turn and the seeker's context each call) -> {SESSION_TURNS} turns {cost:.1f} s,"
              f" {cost / asr_s:.2%}")
    if root is None:
        return
    try:
        from pipeline.measures.helping import code_turns
    except ImportError:
        print("  (code_turns not importable: session timing skipped)")
        return
    from bench.questions import conversations
    from pipeline.types import Turn

    turns: list[Turn] = []
    for conv in conversations(root, "test"):
        t0 = turns[-1].end_s + 5.0 if turns else 0.0
        merged: list[list[str]] = []
        for spk, text, _ in conv:
            if merged and merged[-1][0] == spk:
                merged[-1][1] += " " + text
            else:
                merged.append([spk, text])
        for spk, text in merged:
            n = len(turns)
            dur = len(text.split()) / 2.7  # about 160 words a minute
            turns.append(Turn(n, spk, "mentor" if spk == "A" else "mentee", t0, t0 + dur, text))
            t0 += dur + 0.3
            if len(turns) == SESSION_TURNS:
                break
        if len(turns) == SESSION_TURNS:
            break
    t0 = time.perf_counter()
    docs = list(nlp.pipe([t.text for t in turns], disable=["ner"]))
    parse_s = time.perf_counter() - t0
    best = float("inf")
    for _ in range(2):
        t0 = time.perf_counter()
        code_turns(turns, docs)
        best = min(best, time.perf_counter() - t0)
    words_per_turn = sum(len(t.text.split()) for t in turns) / len(turns)
    print(f"  code_turns on a session of {len(turns)} spoken turns (SwDA test, {words_per_turn:.0f} words a turn,"
          f" {turns[-1].end_s / 60:.0f} min of talk at 160 words/min), parses given: {best:.2f} s"
          f" ({best / len(turns) * 1000:.2f} ms a turn), {best / asr_s:.2%} of transcription;"
          f" the spaCy parse of those turns (made once for all language measures): {parse_s:.2f} s;"
          f" both: {(best + parse_s) / asr_s:.2%}")


def ceiling(root: Path, *, train: str = "dev", test: str = "test") -> None:
    """How far words alone go on ESConv's labels: a logistic regression on word 1-2-grams trained on ``train``,
    scored on ``test`` per behaviour. A measurement only, never shipped (ESConv is CC BY-NC, research use)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    from pipeline.measures.questions import strip_punctuation

    tr, te = load_esconv(root, train), load_esconv(root, test)
    print(f"\nlearned ceiling: logistic regression on word 1-2-grams of ESConv {train} ({len(tr)} turns), scored on"
          f" {test} (measurement only, not shipped)")
    for label, prep in (("punctuated", lambda t: t), ("stripped", strip_punctuation)):
        vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, token_pattern=r"[^ ]+")
        tr_text = [" ".join(re.findall(r"[\w']+|[?!.]", prep(e.text).lower())) for e in tr]
        te_text = [" ".join(re.findall(r"[\w']+|[?!.]", prep(e.text).lower())) for e in te]
        x = vec.fit_transform(tr_text)
        clf = LogisticRegression(C=4, max_iter=3000, class_weight="balanced").fit(x, [e.gold for e in tr])
        pred = list(clf.predict(vec.transform(te_text)))
        gold = [e.gold for e in te]
        cells = []
        for name, kinds in SCORED:
            if not name.startswith(" ") and name != "other":
                cells.append(f"{name} {prf([p in kinds for p in pred], [g in kinds for g in gold])[2]:.3f}")
        acc = sum(a == b for a, b in zip(pred, gold, strict=True)) / len(gold)
        print(f"  {label:<11} F1: " + ", ".join(cells) + f"; accuracy {acc:.3f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--esconv", help="folder holding {dev,test}WithStrategy_short.tsv (searched below it)")
    ap.add_argument("--swda", help="SwDA swda_data folder (train/ val/ test/), for the question figures")
    ap.add_argument("--split", default="test", help="ESConv split(s), comma-separated: dev (tuning), test (held out)")
    ap.add_argument("--limit", type=int, default=None, help="first N turns / utterances of each set only")
    ap.add_argument("--examples", type=int, default=3, help="examples per error pattern")
    ap.add_argument("--top", type=int, default=8, help="error patterns per behaviour")
    ap.add_argument("--swda-split", default="test", help="SwDA split for the question figures: test (held out) or "
                    "train (tuning)")
    ap.add_argument("--stand-in", action="store_true", help="score a 'contains ?' stand-in instead of the coder")
    ap.add_argument("--ceiling", action="store_true",
                    help="also train a word n-gram logistic regression on dev, scored on test: what words can reach")
    ap.add_argument("--asr-rtf", type=float, default=ASR_RTF, help="transcription real-time factor (bench/asr.py)")
    args = ap.parse_args(argv)
    if not args.esconv and not args.swda:
        ap.error("give --esconv DIR and/or --swda DIR")

    from models import load_nlp

    code_turn, coder_name = load_coder(args.stand_in)
    nlp = load_nlp()
    print(f"coder: {coder_name}")
    per_turn = words = None
    if args.esconv:
        for split in args.split.split(","):
            try:
                per_turn, words = esconv(Path(args.esconv), split.strip(), code_turn, nlp, limit=args.limit,
                                         top=args.top, n_examples=args.examples)
            except FileNotFoundError as e:
                print(str(e), file=sys.stderr)
                return 2
    if args.swda:
        if not (Path(args.swda) / args.swda_split).is_dir():
            print(f"no {args.swda_split}/ folder under {args.swda}", file=sys.stderr)
            return 2
        swda(Path(args.swda), code_turn, nlp, limit=args.limit, n_examples=args.examples, split=args.swda_split)
    if args.ceiling and args.esconv:
        ceiling(Path(args.esconv))
    if not args.stand_in:
        session_time(Path(args.swda) if args.swda else None, nlp, per_turn=per_turn, words=words,
                     asr_rtf=args.asr_rtf)
    return 0


if __name__ == "__main__":
    sys.exit(main())
