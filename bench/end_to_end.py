"""The whole analysis against plain transcription: time, real-time factor, peak memory and WER, one run.

Usage: python bench/end_to_end.py [--minutes 9 60 (default)] [--repeats 1] [--no-bare-batched] [--baseline /path/to/checkout]
       python bench/end_to_end.py --device cuda --rapport-batches 8 16 32   # on a GPU: float16, batch sizes
       python bench/end_to_end.py --minutes 180 --rapport-only   # peak memory of a 3-hour session
       python bench/end_to_end.py --startup-only [--baseline /path/to/checkout]

For each length a two-person session is made from the sample sessions (``matched``, ``unmatched``,
``dual_channel`` mixed to mono, one second of silence between, repeated, whole samples only, so the truth text
is known) as a temporary FLAC (never committed). Then, each in its own process so that the peak RSS is its own,
interleaved when repeated (A, B, C, A, B, C):

* ``rapport analyze``: :func:`pipeline.run.orchestrate.analyze_file` with every model (Whisper base, VAD,
  speaker encoder, segmentation, spaCy) loaded as the command loads them (:func:`~pipeline.run.orchestrate.load_models`),
  writing every output file;
* bare sequential faster-whisper: ``WhisperModel.transcribe`` of the same file, the same weights (loaded by
  :func:`models.load_asr`), int8 (float16 on a GPU), beam 5, VAD, word timestamps, the same threads;
* (reference) bare batched faster-whisper: ``BatchedInferencePipeline.transcribe``, same settings, at the
  batch size Rapport chooses for the machine (:func:`models.asr.machine_batch_size`: 8 on a 2-core CPU, 16 on a GPU);
* with ``--baseline DIR``: ``rapport analyze`` of another checkout (e.g. ``main`` before this change), "before";
* with ``--rapport-batches N ...``: ``rapport analyze`` again with its batched decoding at ``N`` chunks at once
  (``rapport@N``), to choose the batch size for a machine.

``--device cuda`` runs every configuration on the GPU (float16, as ``rapport analyze --device cuda`` does; the
bare runs the same), ``cpu`` (default) on the CPU with int8.

Printed: processing seconds (decoding the file included, model loading excluded), RTF, the CPU seconds of that
processing (user + system, every thread: steadier than wall time on a machine shared with other work), the
process's wall time (start-up and model loading included), peak RSS, WER against the truth, and the ratios of
each configuration's wall, CPU and process seconds to bare sequential's. Then the start-up of a transcript-file analysis: ``rapport analyze session.vtt`` (the
9-minute session's turns as WebVTT), wall seconds, median of 5. ``--startup-only`` times only that, on a
9.5-minute WebVTT made from the sample sessions' true turns (matched and unmatched, repeated), for this checkout
and the baseline.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ("matched", "unmatched", "dual_channel")


def make_session(minutes: float, path: Path) -> str:
    """Write the session (whole samples until ``minutes`` is reached) to ``path``; return its truth text."""
    import numpy as np
    import soundfile as sf

    sys.path.insert(0, str(ROOT))
    from pipeline.io.audio import load_audio

    parts = [load_audio(ROOT / "sample_sessions" / f"{n}.flac").mono() for n in SAMPLES]
    truths = [" ".join(t["text"] for t in json.loads((ROOT / "sample_sessions" / f"{n}.truth.json").read_text())
                       ["turns"]) for n in SAMPLES]
    gap = np.zeros(16000, np.float32)
    texts, written, i = [], 0, 0
    with sf.SoundFile(path, "w", samplerate=16000, channels=1, format="FLAC", subtype="PCM_16") as f:
        while written < minutes * 60 * 16000:
            f.write(np.concatenate([parts[i % 3], gap]))
            written += len(parts[i % 3]) + len(gap)
            texts.append(truths[i % 3])
            i += 1
    return " ".join(texts)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu_s() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def run_one(kind: str, path: str, out: str, tree: str, device: str = "cpu") -> dict:
    """One configuration in this process (the bench runs each in a subprocess); ``tree``: the checkout to run;
    ``kind`` ``rapport@N``: ``rapport analyze`` decoding ``N`` chunks at once."""
    sys.path.insert(0, tree)
    import models
    from pipeline.io.audio import load_audio

    if kind.split("@")[0] in ("rapport", "before"):
        from pipeline.run import orchestrate
        from pipeline.run.orchestrate import analyze_file
        from pipeline.types import TranscribeOptions

        if hasattr(orchestrate, "load_models"):  # as `rapport analyze` loads them
            loaded = orchestrate.load_models("base", device=device)
        else:  # an older checkout: each model by hand (the segmentation model where it has one)
            loaded = {"model": models.load_asr("base", device=device), "vad": models.load_vad(),
                      "encoder": models.load_speaker_encoder(), "nlp": models.load_nlp(),
                      "syllable_table": models.load_syllable_table()}
            if hasattr(models, "load_segmentation"):
                loaded["segmenter"] = models.load_segmentation()
        batch = {"transcribe_options": TranscribeOptions(batch_size=int(kind.split("@")[1]))} if "@" in kind else {}
        t0, c0 = time.perf_counter(), _cpu_s()
        report = analyze_file(path, **loaded, out_dir=out, **batch)
        seconds, cpu = time.perf_counter() - t0, _cpu_s() - c0
        data = json.loads((Path(out) / "transcript.json").read_text(encoding="utf-8"))
        text = " ".join(s["text"] for s in data["segments"])
        how = getattr(report, "transcription", None)
        extra = {"options": json.loads(json.dumps(how.__dict__)) if how else None}
    else:
        asr = models.load_asr("base", device=device)
        opts = dict(language="en", beam_size=5, word_timestamps=True, vad_filter=True,
                    condition_on_previous_text=False)
        t0, c0 = time.perf_counter(), _cpu_s()
        audio = load_audio(path).mono()  # the same decoding Rapport does, counted in both
        if kind == "bare-batched":
            from faster_whisper import BatchedInferencePipeline

            segs, _ = BatchedInferencePipeline(asr.whisper).transcribe(audio, batch_size=asr.batch_size, **opts)
        else:
            segs, _ = asr.whisper.transcribe(audio, **opts)
        text = " ".join(s.text for s in segs)
        seconds, cpu = time.perf_counter() - t0, _cpu_s() - c0
        extra = {"threads": getattr(asr, "cpu_threads", None), "batch": asr.batch_size}
    return {"kind": kind, "seconds": seconds, "cpu_s": cpu, "peak_mb": _peak_mb(), "text": text, **extra}


def _child(kind: str, path: str, out: str, tree: str = str(ROOT), device: str = "cpu") -> dict:
    t0 = time.perf_counter()
    res = subprocess.run([sys.executable, __file__, "--one", kind, path, out, tree, device], capture_output=True,
                         text=True, env={**os.environ, "PYTHONPATH": tree}, cwd=tree)
    if res.returncode != 0:
        raise SystemExit(f"{kind} failed:\n{res.stderr[-3000:]}")
    row = json.loads(res.stdout.strip().splitlines()[-1])
    row["process_s"] = time.perf_counter() - t0
    return row


def transcript_startup(report_dir: Path, tmp: Path, n: int = 5, tree: str = str(ROOT)) -> list[float]:
    """Wall seconds of ``rapport analyze session.vtt`` (``n`` runs), the VTT made from a report's turns."""
    sys.path.insert(0, str(ROOT))
    from pipeline.io.export import cues_from_turns, to_vtt
    from pipeline.io.reportjson import read_report

    vtt = tmp / "session.vtt"
    vtt.write_text(to_vtt(cues_from_turns(read_report(report_dir / "report.json").turns)), encoding="utf-8")
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "pipeline.run.cli", "analyze", str(vtt), "--out", str(tmp / "vtt-out")],
                       check=True, capture_output=True, cwd=tree, env={**os.environ, "PYTHONPATH": tree})
        times.append(time.perf_counter() - t0)
    return times


def startup_only(baseline: str | None) -> None:
    """Transcript-file start-up alone: this checkout and ``baseline``, on the samples' true turns (9.5 minutes)."""
    import dataclasses

    sys.path.insert(0, str(ROOT))
    from pipeline.io.export import cues_from_turns, to_vtt
    from tests.conftest import load_truth
    from tests.storehelp import report_from_truth

    turns, offset_s = [], 0.0
    while offset_s < 540:
        for name in ("matched", "unmatched"):
            r = report_from_truth(load_truth(name), source_name=f"{name}.flac", sha256="0" * 64)
            turns += [dataclasses.replace(t, start_s=t.start_s + offset_s, end_s=t.end_s + offset_s, words=())
                      for t in r.turns]
            offset_s += r.turns[-1].end_s + 1.0
    with tempfile.TemporaryDirectory(prefix="rapport-startup-") as tmp_name:
        tmp = Path(tmp_name)
        vtt = tmp / "session.vtt"
        vtt.write_text(to_vtt(cues_from_turns(tuple(turns))), encoding="utf-8")
        for kind, tree in [("rapport", str(ROOT))] + ([("before", str(Path(baseline).resolve()))] if baseline else []):
            times = []
            for _ in range(5):
                t0 = time.perf_counter()
                subprocess.run([sys.executable, "-m", "pipeline.run.cli", "analyze", str(vtt), "--out",
                                str(tmp / f"out-{kind}")], check=True, capture_output=True, cwd=tree,
                               env={**os.environ, "PYTHONPATH": tree})
                times.append(time.perf_counter() - t0)
            print(f"transcript-file analysis ({kind}: rapport analyze session.vtt, {len(turns)} turns, "
                  f"{offset_s / 60:.1f} min): median {statistics.median(times):.2f} s of {len(times)} "
                  f"({', '.join(f'{t:.2f}' for t in times)})")


def _print_table(kinds: list[str], rows: dict[str, list[dict]], truth: str, audio_s: float,
                 word_error_rate) -> list[str]:
    """Print one session's table (medians of each configuration's runs); return the rapport summary line."""
    summary: list[str] = []
    print(f"{'configuration':16} {'seconds':>8} {'RTF':>6} {'CPU s':>7} {'process s':>9} {'peak MB':>8}"
          f" {'WER %':>6} {'ratio':>6} {'CPU ratio':>9} {'process ratio':>13}")
    bare_rows = rows.get("bare-sequential") or [{"seconds": float("nan"), "cpu_s": float("nan")}]
    bare = statistics.median(r["seconds"] for r in bare_rows)
    bare_cpu = statistics.median(r["cpu_s"] for r in bare_rows)
    bare_proc = statistics.median(r.get("process_s", float("nan")) for r in bare_rows)
    for kind in kinds:
        sec = statistics.median(r["seconds"] for r in rows[kind])
        cpu = statistics.median(r["cpu_s"] for r in rows[kind])
        proc = statistics.median(r["process_s"] for r in rows[kind])
        peak = max(r["peak_mb"] for r in rows[kind])
        try:
            wer = 100 * word_error_rate(truth, rows[kind][0]["text"])
        except ModuleNotFoundError:  # jiwer is a development dependency; --save-rows keeps the texts
            wer = float("nan")
        print(f"{kind:16} {sec:8.1f} {sec / audio_s:6.3f} {cpu:7.1f} {proc:9.1f} {peak:8.0f} {wer:6.2f} "
              f"{sec / bare:6.2f} {cpu / bare_cpu:9.2f} {proc / bare_proc:13.2f}")
        if kind == "rapport":
            summary.append(f"{audio_s / 60:.1f} min: ratio {sec / bare:.2f} (CPU {cpu / bare_cpu:.2f}), "
                           f"peak {peak:.0f} MB, WER {wer:.2f} %")
    return summary


def main() -> None:
    if len(sys.argv) >= 2 and sys.argv[1] == "--one":
        print(json.dumps(run_one(*sys.argv[2:7])))
        return
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--minutes", type=float, nargs="+", default=[9.0, 60.0],
                    help="session lengths (default 9 and 60, as issue 20 asks: about 25 minutes on 2 cores)")
    ap.add_argument("--repeats", type=int, default=1, help="interleaved runs of each configuration")
    ap.add_argument("--no-bare-batched", action="store_true", help="skip the bare batched reference")
    ap.add_argument("--baseline", help="another checkout whose rapport analyze runs too, as 'before'")
    ap.add_argument("--startup-only", action="store_true", help="time only a transcript file's analysis")
    ap.add_argument("--device", choices=("cpu", "cuda"), default="cpu",
                    help="where Whisper runs in every configuration (cuda: float16; cpu: int8)")
    ap.add_argument("--rapport-batches", type=int, nargs="*", default=[],
                    help="rapport analyze again at these batch sizes of its batched decoding (rapport@N)")
    ap.add_argument("--save-rows", help="write every run's row (its text included) and the truth to this JSON file")
    ap.add_argument("--rapport-only", action="store_true",
                    help="run only rapport analyze (memory at 180 minutes: no bare run, no ratio)")
    args = ap.parse_args()
    if args.startup_only:
        startup_only(args.baseline)
        return
    sys.path.insert(0, str(ROOT))
    from pipeline.speech.evaluation import word_error_rate

    kinds = ["rapport"] if args.rapport_only else ["rapport", "bare-sequential"] \
        + ([] if args.no_bare_batched else ["bare-batched"]) + (["before"] if args.baseline else []) \
        + [f"rapport@{n}" for n in args.rapport_batches]
    trees = {k: str(ROOT) for k in kinds} | ({"before": str(Path(args.baseline).resolve())} if args.baseline else {})
    how = "float16 on the GPU" if args.device == "cuda" else "int8"
    print(f"{os.cpu_count()} CPU cores ({len(os.sched_getaffinity(0))} usable), Whisper base {how}, beam 5, "
          "VAD, word timestamps")
    summary: list[str] = []
    with tempfile.TemporaryDirectory(prefix="rapport-e2e-") as tmp_name:
        tmp = Path(tmp_name)
        for minutes in args.minutes:
            path = tmp / f"session_{minutes:g}min.flac"
            truth = make_session(minutes, path)
            import soundfile as sf

            audio_s = sf.info(str(path)).duration
            rows: dict[str, list[dict]] = {k: [] for k in kinds}
            if args.device == "cuda":  # the first CUDA process on a machine compiles kernels (~12 s, cached after)
                _child("bare-batched", str(path), str(tmp / "warm-up"), trees["rapport"], args.device)
            for rep in range(args.repeats):
                for kind in kinds:
                    row = _child(kind, str(path), str(tmp / f"out-{kind}-{rep}"), trees[kind], args.device)
                    rows[kind].append(row)
                    print(f"... {minutes:g} min {kind} run {rep + 1}: {row['seconds']:.1f} s", file=sys.stderr,
                          flush=True)
            print(f"\nsession: {audio_s / 60:.1f} min ({audio_s:.0f} s), {args.repeats} run(s) each, interleaved")
            summary.extend(_print_table(kinds, rows, truth, audio_s, word_error_rate))
            if args.save_rows:
                saved = json.loads(Path(args.save_rows).read_text()) if Path(args.save_rows).is_file() else {}
                saved[f"{minutes:g}"] = {"truth": truth, "audio_s": audio_s, "rows": rows}
                Path(args.save_rows).write_text(json.dumps(saved))
            print("each run (wall s): " + "; ".join(f"{k} " + ", ".join(f"{r['seconds']:.1f}" for r in rows[k])
                                                   for k in kinds))
            if rows["rapport"][0].get("options"):
                o = rows["rapport"][0]["options"]
                print(f"rapport transcription: {o['decoding']}, batch {o['batch_size']}, {o['cpu_threads']} threads, "
                      f"{o['device']} {o['compute_type']}")
            if minutes == args.minutes[0]:
                for kind in kinds if args.baseline else ["rapport"]:
                    if kind not in ("rapport", "before"):
                        continue
                    times = transcript_startup(tmp / "out-rapport-0", tmp, tree=trees[kind])
                    print(f"transcript-file analysis ({kind}: rapport analyze session.vtt): median "
                          f"{statistics.median(times):.2f} s of {len(times)} ({', '.join(f'{t:.2f}' for t in times)})"
                          f"; aim < 2 s")
    if len(summary) > 1 and not args.rapport_only:
        print("\nrapport analyze / bare sequential, side by side (aim: ratio <= 0.65, peak <= 1536 MB):\n  "
              + "\n  ".join(summary))


if __name__ == "__main__":
    main()
