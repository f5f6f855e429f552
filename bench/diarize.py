"""Speaker attribution: accuracy on real speech and cost on a 60-minute session, printed side by side.

Run from the repository root (needs `make test-data` for pyannote's sample, and
the AMI excerpts in /work/shared/data/ami, skipped when absent)::

    python bench/diarize.py            # 60-minute timing/memory + accuracy table
    python bench/diarize.py --minutes 180 --skip-accuracy --method segmentation   # memory at 3 hours
    python bench/diarize.py --skip-timing --method segmentation   # accuracy of the new method only
    python bench/diarize.py --skip-timing --method segmentation --precision float32   # the float model
    python bench/diarize.py --skip-timing --method segmentation --seg-step 7.5   # another window step

Accuracy, before (``DiarizeOptions(method="vad")``) and after (``method="segmentation"``)
side by side, with the true speaker count, on the pyannote phone call, the nine
AMI excerpts (grouped by speaker count) and the three sample sessions (mixed to
mono): DER (pyannote.metrics, overlapping speech scored) with a 0.25 s collar on
each side and with none; overlap precision/recall over 10 ms frames against the
reference's overlap; the share of Whisper base words given to the right person
(not for AMI); and the recordings' DER grouped by the confidence the report states (honest when it falls as
confidence rises).

Cost: a 60-minute mono session is synthesised in memory by looping the sample
sessions; attribution (who-spoke-when + word attribution + turns) runs on all
of it for real, with each model on ``--threads`` onnxruntime threads, and is
printed in seconds per minute of audio. Transcribing 60 minutes here would take
too long, so transcription time is Whisper base int8's real-time factor
measured on one sample session, extrapolated linearly (said so in the output).
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
import warnings
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from models import load_asr, load_segmentation, load_speaker_encoder, load_vad  # noqa: E402
from pipeline.io.audio import load_audio  # noqa: E402
from pipeline.speech.channels import diarize_channels  # noqa: E402
from pipeline.speech.evaluation import (  # noqa: E402
    _annotation,
    diarization_error_rate,
    word_attribution_accuracy,
)
from pipeline.speech.overlap import attribute_speakers  # noqa: E402
from pipeline.speech.transcribe import transcribe  # noqa: E402
from pipeline.speech.turns import attribute_words, build_turns  # noqa: E402
from pipeline.types import Diarization, DiarizeOptions, Recording, SpeakerSegment, Word  # noqa: E402

SAMPLES = ROOT / "sample_sessions"
NAMES = ("matched", "unmatched", "dual_channel")
PYANNOTE = ROOT / "tests" / "data" / "pyannote"


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def truth_of(name: str) -> list[SpeakerSegment]:
    t = json.loads((SAMPLES / f"{name}.truth.json").read_text())
    return [SpeakerSegment(x["speaker"], x["start_s"], x["end_s"]) for x in t["turns"]]


def mono(rec: Recording) -> Recording:
    return Recording(rec.samples.mean(axis=0, keepdims=True), rec.sr, rec.source_name, rec.sha256)


AMI = Path("/work/shared/data/ami")  # nine 30 s AMI excerpts (CC BY 4.0), see README.md there
AMI_SPEAKERS = {"trn01": 4, "trn02": 1, "trn03": 2, "trn04": 3, "trn05": 4, "trn06": 3, "trn07": 4, "trn08": 4,
                "trn09": 3}
_GRID_S = 0.01


def read_rttm(path: Path) -> dict[str, list[SpeakerSegment]]:
    out: dict[str, list[SpeakerSegment]] = {}
    for line in path.read_text().splitlines():
        f = line.split()
        if f and f[0] == "SPEAKER":
            out.setdefault(f[1], []).append(SpeakerSegment(f[7], float(f[3]), float(f[3]) + float(f[4])))
    return out


def _overlap_mask(segments, duration_s: float) -> np.ndarray:
    """10 ms frames where two or more different speakers are active."""
    n = int(np.ceil(duration_s / _GRID_S))
    per: dict[str, np.ndarray] = {}
    for g in segments:
        m = per.setdefault(g.speaker, np.zeros(n, dtype=bool))
        m[int(round(g.start_s / _GRID_S)):int(round(g.end_s / _GRID_S))] = True
    return (sum(m.astype(int) for m in per.values()) >= 2) if per else np.zeros(n, dtype=bool)


def overlap_counts(ref, d: Diarization, duration_s: float) -> tuple[int, int, int]:
    """(frames overlapped in both, in the reference, in the hypothesis), 10 ms frames."""
    r = _overlap_mask(ref, duration_s)
    h = np.zeros(len(r), dtype=bool)
    for a, b in d.overlaps:
        h[int(round(a / _GRID_S)):int(round(b / _GRID_S))] = True
    return int((r & h).sum()), int(r.sum()), int(h.sum())


def cases() -> list[tuple[str, str, Recording, list[SpeakerSegment]]]:
    """(name, group, recording, reference turns) for every scored recording that is present."""
    out = []
    if (PYANNOTE / "sample.wav").is_file():
        ref = next(iter(read_rttm(PYANNOTE / "sample.rttm").values()))
        out.append(("pyannote call", "pyannote call (2)", load_audio(PYANNOTE / "sample.wav"), ref))
    else:
        print("(pyannote sample missing: run `make test-data`)")
    if (AMI / "train.rttm").is_file():
        refs = read_rttm(AMI / "train.rttm")
        for name in sorted(AMI_SPEAKERS):
            out.append((f"AMI {name}", f"AMI, {AMI_SPEAKERS[name]} speaker(s)", load_audio(AMI / f"{name}.wav"),
                        refs.get(name, [])))
    else:
        print(f"(AMI excerpts missing: {AMI})")
    for n in NAMES:
        out.append((n, "sample sessions", mono(load_audio(SAMPLES / f"{n}.flac")), truth_of(n)))
    return out


def der_parts(ref, d: Diarization) -> tuple[float, float, float]:
    """(missed speech, false alarm, confusion) in % of reference speech, 0.25 s collar, overlap scored."""
    from pyannote.metrics.diarization import DiarizationErrorRate

    r, h = _annotation(ref), _annotation(d.segments)
    if not r.labels():
        return 0.0, 0.0, 0.0
    c = DiarizationErrorRate(collar=0.5, skip_overlap=False)(r, h, detailed=True)
    total = max(c["total"], 1e-9)
    return (100 * c["missed detection"] / total, 100 * c["false alarm"] / total, 100 * c["confusion"] / total)


def score(name, rec, ref, d: Diarization, words) -> dict:
    both, in_ref, in_hyp = overlap_counts(ref, d, rec.duration_s)
    row = {"der": 100 * diarization_error_rate(ref, d.segments), "parts": der_parts(ref, d),
           "der0": 100 * diarization_error_rate(ref, d.segments, collar_s=0.0),
           "ov": (both, in_ref, in_hyp), "words": None, "conf": d.confidence}
    if words is not None:
        row["words"] = 100 * word_attribution_accuracy(attribute_words(words, d), ref)
    return row


#: A method that was not run: every figure prints as "-".
_NOT_RUN = {"der": float("nan"), "der0": float("nan"), "parts": (float("nan"),) * 3, "ov": (0, 0, 0), "words": None,
            "conf": "-"}


def _pr(both: int, in_ref: int, in_hyp: int) -> str:
    p = f"{both / in_hyp:.2f}" if in_hyp else "  - "
    r = f"{both / in_ref:.2f}" if in_ref else "  - "
    return f"{p}/{r}"


def accuracy_table(asr, vad, encoder, segmenter, methods=("vad", "segmentation"), **extra) -> dict[str, float]:
    """Before (``"vad"``) and after (``"segmentation"``) side by side on every scored recording (a method left
    out of ``methods`` is printed as ``-``)."""
    rows, asr_rtf, spent = [], {}, {"vad": 0.0, "segmentation": 0.0}
    for name, group, rec, ref in cases():
        k = max(1, len({g.speaker for g in ref}))
        words = None
        if not name.startswith("AMI"):  # word share where truth words exist (skipped for AMI)
            t0 = time.perf_counter()
            words = transcribe(rec, model=asr).words
            asr_rtf[name] = (time.perf_counter() - t0) / rec.duration_s
        res = dict.fromkeys(("vad", "segmentation"), _NOT_RUN)
        for method in methods:
            t0 = time.perf_counter()
            d = attribute_speakers(rec, vad=vad, encoder=encoder, segmenter=segmenter,
                                   options=DiarizeOptions(n_speakers=k, method=method, **extra))
            spent[method] += time.perf_counter() - t0
            res[method] = score(name, rec, ref, d, words)
        rows.append((name, group, k, rec.duration_s, res))
    _print_rows(rows)
    _print_groups(rows)
    print("\nWhere the errors are (collar 0.25 s; % of reference speech: missed / false alarm / confusion)")
    for name, _, k, _, res in rows:
        b, a = res["vad"]["parts"], res["segmentation"]["parts"]
        print(f"  {name:16s} {k} spk | before {b[0]:5.1f} / {b[1]:5.1f} / {b[2]:5.1f} | after {a[0]:5.1f} / {a[1]:5.1f}"
              f" / {a[2]:5.1f}")
    total_min = sum(r[3] for r in rows) / 60
    print(f"\nTime on these {total_min:.1f} min (30 s clips, warm-up included): before {spent['vad'] / total_min:.2f} s"
          f" per minute of audio, after {spent['segmentation'] / total_min:.2f} s per minute")
    return asr_rtf


def _print_rows(rows) -> None:
    print(f"{'recording':16s} {'spk':>3s} | {'DER .25 %':>15s} | {'DER 0 %':>15s} | {'overlap P/R':>19s} |"
          f" {'words ok %':>13s} | conf")
    print(f"{'':16s} {'':>3s} | {'before   after':>15s} | {'before   after':>15s} | {'before     after':>19s} |"
          f" {'before  after':>13s} |")
    for name, _, k, _, res in rows:
        b, a = res["vad"], res["segmentation"]
        w = " ".join(f"{x['words']:6.1f}" if x["words"] is not None else f"{'-':>6s}" for x in (b, a))
        print(f"{name:16s} {k:3d} | {b['der']:6.1f}  {a['der']:6.1f} | {b['der0']:6.1f}  {a['der0']:6.1f} |"
              f" {_pr(*b['ov']):>9s} {_pr(*a['ov']):>9s} | {w} | {b['conf']}/{a['conf']}")


def _print_groups(rows) -> None:
    print("\nBy group (DER: mean over recordings; overlap P/R: pooled over frames)")
    for group in dict.fromkeys(r[1] for r in rows):
        sel = [r for r in rows if r[1] == group]
        line = f"{group:24s} n={len(sel)}"
        for method in ("vad", "segmentation"):
            der = np.mean([r[4][method]["der"] for r in sel])
            der0 = np.mean([r[4][method]["der0"] for r in sel])
            ov = np.sum([r[4][method]["ov"] for r in sel], axis=0)
            line += f" | {'before' if method == 'vad' else 'after'}: DER {der:5.1f} / {der0:5.1f}, overlap P/R {_pr(*ov)}"
        print(line)
    ami = [r for r in rows if r[0].startswith("AMI")]
    if ami:
        for method in ("vad", "segmentation"):
            ov = np.sum([r[4][method]["ov"] for r in ami], axis=0)
            print(f"AMI all, {method:12s}: overlap P/R {_pr(*ov)} ({ov[1] * _GRID_S:.1f} s of reference overlap)")
    _print_by_confidence(rows)


def _print_by_confidence(rows) -> None:
    """Whether the confidence the report states is honest: recordings and their DER (0.25 s collar) per level."""
    print("\nBy stated confidence (recordings: DER .25 %, highest first; the report is honest when DER falls as"
          " confidence rises)")
    for method in ("vad", "segmentation"):
        line = f"  {'before' if method == 'vad' else 'after':6s}"
        for level in ("high", "medium", "low"):
            ders = sorted((r[4][method]["der"] for r in rows if r[4][method]["conf"] == level), reverse=True)
            shown = ", ".join(f"{d:.1f}" for d in ders) or "-"
            line += f" | {level}: n={len(ders)} [{shown}]"
        print(line)


def long_session(minutes: float) -> tuple[Recording, list[Word]]:
    """Loop the mono mixes of the sample sessions (and their Whisper-free truth words) to ``minutes``."""
    pieces, words, t = [], [], 0.0
    base = []
    for n in NAMES:
        rec = load_audio(SAMPLES / f"{n}.flac")
        truth = json.loads((SAMPLES / f"{n}.truth.json").read_text())
        # Stand-in words: each truth turn's words spread evenly over the turn (timing only matters here).
        ws = []
        for turn in truth["turns"]:
            k = max(1, turn["n_words"])
            step = (turn["end_s"] - turn["start_s"]) / k
            ws += [Word("w", turn["start_s"] + i * step, turn["start_s"] + (i + 0.8) * step, 1.0) for i in range(k)]
        base.append((rec.mono(), ws, rec.duration_s))
    target = minutes * 60
    i = 0
    while t < target:
        y, ws, dur = base[i % len(base)]
        pieces.append(y)
        words += [replace(w, start_s=w.start_s + t, end_s=w.end_s + t) for w in ws]
        t += dur
        i += 1
    y = np.concatenate(pieces)[: int(target * 16_000)]
    words = [w for w in words if w.end_s <= target]
    return Recording(y[None], 16_000, f"looped-{minutes:g}min", "0" * 64), words


def cpu_s() -> float:
    """CPU seconds of this process so far (user + system, all threads): less sensitive to a shared machine."""
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def time_attribution(rec: Recording, words, *, method: str, vad, encoder,
                     segmenter, **extra) -> tuple[float, float, Diarization, int]:
    """Wall and CPU seconds for who-spoke-when + words + turns on ``rec`` with ``method``; the diarization;
    the turn count."""
    opts = DiarizeOptions(method=method, **extra)
    warm = Recording(rec.samples[:, : 20 * 16_000], 16_000, "warm", "0" * 64)
    attribute_speakers(warm, vad=vad, encoder=encoder, segmenter=segmenter, options=opts)  # lazy imports, first runs
    t0, c0 = time.perf_counter(), cpu_s()
    d = attribute_speakers(rec, vad=vad, encoder=encoder, segmenter=segmenter, options=opts)
    attributed = attribute_words(tuple(words), d)
    turns = build_turns(attributed, overlaps=d.overlaps)
    return time.perf_counter() - t0, cpu_s() - c0, d, len(turns)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--minutes", type=float, default=60.0)
    ap.add_argument("--threads", type=int, default=2, help="onnxruntime threads per model (default 2)")
    ap.add_argument("--skip-accuracy", action="store_true")
    ap.add_argument("--skip-timing", action="store_true", help="accuracy table only (no long looped session)")
    ap.add_argument("--method", choices=("vad", "segmentation", "both"), default="both",
                    help="which method runs (the timing, and with --skip-timing the accuracy table)")
    ap.add_argument("--precision", choices=("int8", "float32"), default="int8",
                    help="which bundled segmentation model (default int8, as Rapport runs; float32: the original)")
    ap.add_argument("--encoder-precision", choices=("int8", "float32"), default="int8",
                    help="which bundled speaker encoder (default int8, as Rapport runs; float32: the original)")
    ap.add_argument("--seg-step", type=float, default=None,
                    help="seconds between segmentation windows (default: DiarizeOptions' own, 5 s)")
    args = ap.parse_args()
    extra = {} if args.seg_step is None else {"seg_step_s": args.seg_step}
    warnings.filterwarnings("ignore")
    vad, encoder = load_vad(threads=args.threads), load_speaker_encoder(threads=args.threads, precision=args.encoder_precision)
    segmenter = load_segmentation(threads=args.threads, precision=args.precision)
    methods = ("vad", "segmentation") if args.method == "both" else (args.method,)
    if args.skip_timing:
        accuracy_table(load_asr("base", device="cpu"), vad, encoder, segmenter, methods, **extra)
        return

    # Cost first, before Whisper is loaded, so the peak memory is attribution's own.
    rec, words = long_session(args.minutes)
    print(f"Long session: {rec.duration_s / 60:.1f} min mono (sample sessions looped), {len(words)} words,"
          f" {args.threads} onnxruntime threads")
    spent = {}
    for method in methods:
        spent[method], cpu, d, n_turns = time_attribution(rec, words, method=method, vad=vad, encoder=encoder,
                                                          segmenter=segmenter, **extra)
        print(f"  {method:12s} {spent[method]:7.1f} s = {60 * spent[method] / rec.duration_s:.2f} s per minute of"
              f" audio (RTF {spent[method] / rec.duration_s:.4f}; CPU {60 * cpu / rec.duration_s:.2f} s per minute);"
              f" {len(d.speakers)} speakers, {len(d.segments)}"
              f" segments, {len(d.overlaps)} overlaps, {n_turns} turns, confidence {d.confidence};"
              f" peak RSS so far {peak_rss_mb():.0f} MB")
    rss = peak_rss_mb()
    stereo = Recording(np.stack([rec.samples[0], np.roll(rec.samples[0], 16_000) * 0.1]), 16_000, "st", "0" * 64)
    t0 = time.perf_counter()
    diarize_channels(stereo)
    t_chan = time.perf_counter() - t0
    del stereo

    asr = load_asr("base", device="cpu")
    if args.skip_accuracy:
        r = load_audio(SAMPLES / "matched.flac")
        t0, c0 = time.perf_counter(), cpu_s()
        transcribe(r, model=asr)
        rtf = (time.perf_counter() - t0) / r.duration_s
        print(f"Whisper base on matched.flac: RTF {rtf:.4f} wall, CPU {60 * (cpu_s() - c0) / r.duration_s:.2f} s"
              " per minute")
    else:
        print("\nAccuracy, before (method \"vad\": Silero VAD + embedding windows + GMM/Viterbi) and after (method"
              " \"segmentation\": pyannote segmentation-3.0 windows + embeddings + clustering), true speaker count."
              "\nDER: pyannote.metrics, overlap scored, collar 0.25 s each side and 0; overlap P/R: 10 ms frames"
              " against the reference's overlap; words ok: Whisper base words given to the right person.")
        rtf = accuracy_table(asr, vad, encoder, segmenter, **extra)["matched"]
    t_asr = rtf * rec.duration_s
    print(f"\nCost on {rec.duration_s / 60:.0f} minutes ({asr.compute_type} Whisper base, {asr.device}):")
    print(f"  transcription  {t_asr:8.1f} s  (EXTRAPOLATED: RTF {rtf:.4f} measured on matched.flac x duration)")
    for method, t in spent.items():
        print(f"  attribution    {t:8.1f} s  {method:12s} = {100 * t / t_asr:5.1f} % of transcription time"
              f" (aim: <= 15 %)")
    print(f"  dual-channel   {t_chan:8.1f} s  (channel attribution of a 2-channel version)")
    print(f"  memory         peak RSS {rss:.0f} MB before Whisper was loaded (audio {rec.samples.nbytes / 2**20:.0f} MB"
          f" incl.); budget 1536 MB")


if __name__ == "__main__":
    main()
