"""Question detection on real dialogue: Switchboard Dialog Act corpus (SwDA), punctuation stripped.

Prints precision / recall / F1 of Rapport's word-order classifier and of the
"contains ?" baseline, on punctuated and on punctuation-stripped utterances.
The line "rapport OR '?'" adds the transcribers' question marks, written by
people who heard the audio, to the rules: an estimate of what words plus a
listener's sense of intonation reach against SwDA's labels.

The data is not bundled (licence): fetch ``NathanDuran/Switchboard-Corpus``
and point ``--swda`` at its ``swda_data`` folder (with ``train/``, ``val/``,
``test/`` of ``Speaker|Text|Tag`` lines). Rules were tuned on ``train``; report
``val`` and ``test`` (held out).

    python bench/questions.py --swda /path/to/swda_data --split test
    python bench/questions.py --swda /path/to/swda_data --ceiling
    python bench/questions.py --samples

``--samples`` measures questions the way the product meets them: the bundled
sample sessions' audio, transcribed by Whisper base, on their true turns, each
turn a question when its script line has a "?"; with and without the final
rising-pitch cue (which needs audio, so SwDA cannot test it).

``--ceiling`` estimates how far words alone can go: a logistic regression
trained on all of ``train`` (word 1-3-grams of the unpunctuated utterance, the
rule classifier's answer, and optionally the first words of the other
speaker's next utterance, i.e. the reply), its threshold chosen on ``val``, F1
reported on ``test``. It is a measurement only: the model is not shipped (SwDA
is licensed for non-commercial use).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

QUESTION_TAGS = frozenset({"qy", "qw", "qo", "qrr", "qy^d", "qw^d", "^g"})

#: Transcribers' notes left in the text ("*listen--one utt?", "*why no slash?"): up to their first "?" or the end.
_NOTE_RE = re.compile(r"\*[^*?]*\??")


def clean_text(text: str) -> str:
    """An utterance as speech: transcribers' ``*`` notes removed (they are not said, and some hold a "?").

    The NathanDuran export already drops SwDA's disfluency markup (``{F uh}``,
    ``[ ... + ... ]``, ``<laughter>``, ``--``, ``/``), drops non-verbal
    utterances and joins utterances continued over several lines (tag ``+``) to
    their first part, whose tag they share; fillers ("uh", "um") stay, as
    spoken.
    """
    return " ".join(_NOTE_RE.sub(" ", text).split())


def conversations(root: Path, split: str) -> list[list[tuple[str, str, str]]]:
    """Each conversation file of a split as (speaker, cleaned text, tag) rows in order; empty utterances dropped."""
    convs = []
    for f in sorted((root / split).glob("*.txt")):
        rows = []
        for line in f.read_text(encoding="utf-8", errors="replace").splitlines():
            parts = line.split("|")
            if len(parts) >= 3 and (text := clean_text(parts[1])):
                rows.append((parts[0], text, parts[2].strip()))
        convs.append(rows)
    return convs


def load_split(root: Path, split: str) -> list[tuple[str, bool, str]]:
    """(text, is question, tag) for every utterance of a split."""
    return [(text, tag in QUESTION_TAGS, tag) for conv in conversations(root, split) for _, text, tag in conv]


def load_dialogues(root: Path, split: str) -> list[tuple[str, str, bool]]:
    """(unpunctuated utterance, unpunctuated reply, is question) in conversation order.

    The reply is the next utterance, within three, by the other speaker ("" when none).
    """
    from pipeline.measures.questions import strip_punctuation

    out = []
    for conv in conversations(root, split):
        conv = [(spk, strip_punctuation(text), tag in QUESTION_TAGS) for spk, text, tag in conv]
        for i, (spk, text, gold) in enumerate(conv):
            reply = next((c[1] for c in conv[i + 1:i + 4] if c[0] != spk), "")
            out.append((text, reply, gold))
    return out


def _features(split_data, vecs, *, fit: bool = False):
    """Sparse features (word n-grams, the rules' answer, optionally the reply's first words) and labels."""
    import numpy as np
    from scipy.sparse import csr_matrix, hstack

    rows, rules = split_data
    words, reply = vecs
    text = ["<s> " + r[0].lower() + " </s>" for r in rows]
    parts = [words.fit_transform(text) if fit else words.transform(text),
             csr_matrix(np.array(rules, dtype=float)[:, None] * 3)]
    if reply is not None:
        first = ["R_" + " R_".join(r[1].lower().split()[:3]) for r in rows]
        parts.append(reply.fit_transform(first) if fit else reply.transform(first))
    return hstack(parts).tocsr(), [r[2] for r in rows]


def ceiling(root: Path, nlp) -> None:
    """Print the learned-model estimate of what words (and the reply) can reach; see the module docstring."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    from pipeline.measures.questions import classify_text

    data = {}
    for split in ("train", "val", "test"):
        rows = load_dialogues(root, split)
        rules = [classify_text(d)[0].is_question
                 for d in nlp.pipe([r[0] for r in rows], batch_size=512, disable=["ner", "lemmatizer"])]
        data[split] = (rows, rules)
    print(f"learned ceiling: logistic regression on SwDA train ({len(data['train'][0])} utterances), "
          "threshold chosen on val, F1 on test")
    for with_reply in (False, True):
        words = TfidfVectorizer(ngram_range=(1, 3), min_df=2, sublinear_tf=True, token_pattern=r"[^ ]+")
        reply = TfidfVectorizer(ngram_range=(1, 2), token_pattern=r"[^ ]+")
        vecs = (words, reply if with_reply else None)
        x, y = _features(data["train"], vecs, fit=True)
        clf = LogisticRegression(C=4, max_iter=3000).fit(x, y)
        xv, yv = _features(data["val"], vecs)
        pv = clf.predict_proba(xv)[:, 1]
        best = max(np.arange(0.2, 0.71, 0.05), key=lambda th: prf(list(pv >= th), yv)[2])
        xt, yt = _features(data["test"], vecs)
        p, r, f = prf(list(clf.predict_proba(xt)[:, 1] >= best), yt)
        rf = prf(data["test"][1], yt)[2]
        name = "words + rules + reply" if with_reply else "words + rules"
        print(f"  {name:<24} threshold {best:.2f}: test P {p:.3f} R {r:.3f} F1 {f:.3f}  (rules alone F1 {rf:.3f})")


def samples() -> None:
    """Print turn-level question precision/recall/F1 on the sample sessions, with and without the rise cue."""
    from models import load_asr, load_nlp, load_syllable_table
    from pipeline.io.audio import load_audio
    from pipeline.measures.session import measure_session
    from pipeline.speech.transcribe import transcribe
    from tests.truth_turns import turns_from_truth

    root = Path(__file__).resolve().parent.parent / "sample_sessions"
    asr, nlp, table = load_asr("base", device="cpu"), load_nlp(), load_syllable_table()
    gold, with_rise, words_only = [], [], []
    for name in ("matched", "unmatched", "dual_channel"):
        rec = load_audio(root / f"{name}.flac")
        truth = json.loads((root / f"{name}.truth.json").read_text())
        turns, speakers = turns_from_truth(transcribe(rec, model=asr), truth)
        m = measure_session(turns, speakers, recording=rec, nlp=nlp, syllable_table=table)
        for tm in m.turn_measures:
            line = min(truth["turns"], key=lambda x: abs(x["start_s"] - tm.start_s) + abs(x["end_s"] - tm.end_s))
            gold.append("?" in line["text"])
            with_rise.append(tm.question.is_question)
            words_only.append(tm.question.is_question and tm.question.cue != "final rising pitch")
    print(f"sample sessions: {len(gold)} turns, {sum(gold)} questions (Whisper base words, true turns)")
    for label, pred in (("words + final rise (the product)", with_rise), ("words only", words_only)):
        p, r, f = prf(pred, gold)
        print(f"  {label:<34} P {p:.3f} R {r:.3f} F1 {f:.3f}")


#: Declarative questions: a statement's word order, a question only by intonation or context.
DECLARATIVE_TAGS = frozenset({"qy^d", "qw^d"})
#: Non-questions in SwDA that are questions in form: rhetorical (qh), quoted (^q), "what did you say?" (br),
#: "oh, do you?" as a backchannel (bh). No word-order rule can tell them from asked questions.
QUESTION_FORM_TAGS = frozenset({"qh", "^q", "br", "bh"})


def error_budget(rows: list[tuple[str, bool, str]], pred: list[bool]) -> None:
    """Where the errors are: false positives by SwDA tag, and F1 with each kind of error that words cannot settle
    taken away (every declarative question found; no question-form non-question counted)."""
    fp_tags: dict[str, int] = {}
    for (_, g, tag), p in zip(rows, pred, strict=True):
        if p and not g:
            fp_tags[tag] = fp_tags.get(tag, 0) + 1
    gold = [g for _, g, _ in rows]
    print("  false positives by tag: " + ", ".join(f"{t} {n}" for t, n in sorted(fp_tags.items(), key=lambda x: -x[1])))
    found_decl = [p or tag in DECLARATIVE_TAGS for (_, _, tag), p in zip(rows, pred, strict=True)]
    no_form_fp = [p and tag not in QUESTION_FORM_TAGS for (_, _, tag), p in zip(rows, pred, strict=True)]
    both = [a and tag not in QUESTION_FORM_TAGS or tag in DECLARATIVE_TAGS
            for (_, _, tag), a in zip(rows, pred, strict=True)]
    for name, alt in (("if every declarative question (qy^d, qw^d) were found", found_decl),
                      ("if no question in form (qh ^q br bh) were counted", no_form_fp),
                      ("both", both)):
        p, r, f = prf(alt, gold)
        print(f"  {name:<58} P {p:.3f} R {r:.3f} F1 {f:.3f}")


def prf(pred: list[bool], gold: list[bool]) -> tuple[float, float, float]:
    tp = sum(p and g for p, g in zip(pred, gold, strict=True))
    fp = sum(p and not g for p, g in zip(pred, gold, strict=True))
    fn = sum(g and not p for p, g in zip(pred, gold, strict=True))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--swda", help="folder with train/ val/ test/ (swda_data)")
    ap.add_argument("--samples", action="store_true", help="questions on the sample sessions' audio instead")
    ap.add_argument("--split", default="test", help="comma-separated splits (train, val, test)")
    ap.add_argument("--errors", type=int, default=0, help="print this many misclassified examples")
    ap.add_argument("--ceiling", action="store_true",
                    help="also train a logistic regression on train as an estimate of what words can reach")
    args = ap.parse_args(argv)
    if args.samples:
        samples()
        return 0
    if not args.swda:
        ap.error("--swda is needed (or --samples)")

    from models import load_nlp
    from pipeline.measures.questions import classify_text, strip_punctuation

    nlp = load_nlp()
    for split in args.split.split(","):
        rows = load_split(Path(args.swda), split)
        if not rows:
            print(f"{split}: no utterances found under {args.swda}/{split}", file=sys.stderr)
            return 2
        gold = [g for _, g, _ in rows]
        baseline = [("?" in t) for t, _, _ in rows]
        t0 = time.perf_counter()
        stripped = [strip_punctuation(t) for t, _, _ in rows]
        ours_stripped = [classify_text(d)[0].is_question for d in nlp.pipe(stripped, batch_size=256, disable=["ner", "lemmatizer"])]
        dt = time.perf_counter() - t0
        ours_punct = [classify_text(d)[0].is_question for d in nlp.pipe([t for t, _, _ in rows], batch_size=256, disable=["ner", "lemmatizer"])]
        print(f"SwDA {split}: {len(rows)} utterances, {sum(gold)} questions (tags {' '.join(sorted(QUESTION_TAGS))})")
        print(f"  {'method':<42} {'precision':>9} {'recall':>7} {'F1':>6}")
        for name, pred in (
            ("baseline: contains '?' (punctuated)", baseline),
            ("baseline: contains '?' (punct. stripped)", [False] * len(rows)),
            ("rapport word order (punct. stripped)", ours_stripped),
            ("rapport word order (punctuated)", ours_punct),
            ("rapport OR '?' (punctuated: the ear's cue)", [a or b for a, b in zip(ours_stripped, baseline, strict=True)]),
        ):
            p, r, f = prf(pred, gold)
            print(f"  {name:<42} {p:9.3f} {r:7.3f} {f:6.3f}")
        print(f"  classifier time: {dt:.1f} s ({dt / len(rows) * 1000:.2f} ms per utterance, spaCy included)")
        by_tag: dict[str, list[int]] = {}
        for (_, g, tag), p in zip(rows, ours_stripped, strict=True):
            if g:
                by_tag.setdefault(tag, [0, 0])
                by_tag[tag][0] += p
                by_tag[tag][1] += 1
        print("  recall by tag: " + ", ".join(f"{t} {a}/{n}" for t, (a, n) in sorted(by_tag.items())))
        error_budget(rows, ours_stripped)
        if args.errors:
            fps = [(t, tag) for (t, g, tag), p in zip(rows, ours_stripped, strict=True) if p and not g]
            fns = [(t, tag) for (t, g, tag), p in zip(rows, ours_stripped, strict=True) if g and not p]
            print("  false positives:", *[f"    [{tag}] {t}" for t, tag in fps[: args.errors]], sep="\n")
            print("  false negatives:", *[f"    [{tag}] {t}" for t, tag in fns[: args.errors]], sep="\n")
    if args.ceiling:
        ceiling(Path(args.swda), nlp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
