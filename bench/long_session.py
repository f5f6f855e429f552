"""Long sessions end to end: time, real-time factor and peak memory for 30, 60 and 180 minutes, one run.

Usage: python bench/long_session.py [--minutes 30 60 180] [--model tiny.en|base] [--stereo]

Each length is a synthetic session made by looping the three bundled sample sessions (mixed to mono; with
``--stereo``, the dual-channel session as a stereo file, so channel attribution runs) into a temporary FLAC
(generated, never committed), analysed by ``pipeline.run.orchestrate.analyze_file`` in its own
process, so the peak RSS printed is that run's own. Progress callbacks are counted and checked to be in order.
Growth should be linear in time and flat in memory.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def make_session(minutes: float, path: Path, *, stereo: bool = False) -> None:
    """Loop the sample sessions (mixed to mono), or the dual-channel one as stereo, to ``minutes``."""
    import numpy as np
    import soundfile as sf

    sys.path.insert(0, str(ROOT))
    from pipeline.io.audio import load_audio

    if stereo:
        parts = [np.array(load_audio(ROOT / "sample_sessions" / "dual_channel.flac").samples).T]
    else:
        parts = [load_audio(ROOT / "sample_sessions" / f"{n}.flac").mono()[:, None]
                 for n in ("matched", "unmatched", "dual_channel")]
    channels = parts[0].shape[1]
    gap = np.zeros((16000, channels), np.float32)
    n_total = int(minutes * 60 * 16000)
    with sf.SoundFile(path, "w", samplerate=16000, channels=channels, format="FLAC", subtype="PCM_16") as f:
        written, i = 0, 0
        while written < n_total:
            chunk = np.concatenate([parts[i % len(parts)], gap])[: n_total - written]
            f.write(chunk)
            written += len(chunk)
            i += 1


def one(path: str, model_name: str) -> dict:
    sys.path.insert(0, str(ROOT))
    from models import load_asr, load_speaker_encoder, load_vad
    from pipeline.run.orchestrate import analyze_file
    from pipeline.types import AnalyzeOptions

    asr, vad, enc = load_asr(model_name, device="cpu"), load_vad(), load_speaker_encoder()
    calls: list[tuple[str, float]] = []
    stage_t: dict[str, float] = {}
    stage_peak: dict[str, float] = {"models": _rss_mb()}
    current = ["models"]
    done = threading.Event()

    def sample() -> None:  # resident memory every 50 ms, kept as the peak of the stage running at the time
        while not done.wait(0.05):
            rss = _rss_mb()
            stage_peak[current[0]] = max(stage_peak.get(current[0], 0.0), rss)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    t0 = time.perf_counter()

    def progress(stage: str, fraction: float) -> None:
        calls.append((stage, fraction))
        stage_t.setdefault(stage, time.perf_counter() - t0)
        current[0] = stage

    report = analyze_file(path, model=asr, vad=vad, encoder=enc, options=AnalyzeOptions(model=model_name),
                          progress=progress)
    elapsed = time.perf_counter() - t0
    done.set()
    sampler.join()
    by_stage: dict[str, list[float]] = {}
    for stage, frac in calls:
        by_stage.setdefault(stage, []).append(frac)
    ordered = all(v == sorted(v) for v in by_stage.values())
    return {"audio_s": report.duration_s, "seconds": elapsed, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "turns": len(report.turns), "progress_calls": len(calls), "progress_in_order": ordered,
            "stage_start_s": stage_t, "stage_peak_mb": stage_peak}


def _rss_mb() -> float:
    """Resident memory now, MB (Linux /proc; 0 elsewhere)."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--minutes", type=float, nargs="+", default=[30, 60, 180])
    ap.add_argument("--model", default="tiny.en", choices=("tiny.en", "base"))
    ap.add_argument("--stereo", action="store_true",
                    help="loop the dual-channel sample as a stereo file (channel attribution) instead of mono")
    ap.add_argument("--one", nargs=2, metavar=("PATH", "MODEL"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(one(*args.one)))
        return
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for minutes in args.minutes:
            path = Path(tmp) / f"long_{minutes:g}min.flac"
            make_session(minutes, path, stereo=args.stereo)
            out = subprocess.run([sys.executable, __file__, "--one", str(path), args.model], capture_output=True,
                                 text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
            if out.returncode:
                print(out.stderr[-2000:], file=sys.stderr)
                raise SystemExit(f"{minutes} min run failed")
            r = json.loads(out.stdout.strip().splitlines()[-1])
            r["minutes"] = minutes
            rows.append(r)
            path.unlink()
            print(f"... {minutes:g} min done in {r['seconds']:.0f} s", file=sys.stderr, flush=True)
    print(f"model {args.model} int8, {os.cpu_count()} CPU cores, {'stereo (dual-channel)' if args.stereo else 'mono'}; "
          "full pipeline (decode, transcribe, attribute, measure)")
    print(f"{'minutes':>7} {'seconds':>8} {'RTF':>6} {'peak MB':>8} {'turns':>6} {'progress calls':>15} {'in order':>8}")
    for r in rows:
        print(f"{r['minutes']:7g} {r['seconds']:8.0f} {r['seconds'] / r['audio_s']:6.3f} {r['peak_mb']:8.0f} "
              f"{r['turns']:6d} {r['progress_calls']:15d} {str(r['progress_in_order']):>8}")
    print("peak resident MB by stage (sampled every 50 ms):")
    for r in rows:
        print(f"{r['minutes']:7g} min: " + ", ".join(f"{k} {v:.0f}" for k, v in r["stage_peak_mb"].items()))
    if len(rows) > 1:
        a, b = rows[0], rows[-1]
        print(f"time ratio {b['minutes'] / a['minutes']:g}x audio -> {b['seconds'] / a['seconds']:.2f}x time; "
              f"peak memory {a['peak_mb']:.0f} -> {b['peak_mb']:.0f} MB")


if __name__ == "__main__":
    main()
