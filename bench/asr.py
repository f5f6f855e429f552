"""Real-time factor and peak memory of transcription: Rapport vs bare faster-whisper, both models, one run.

Usage: python bench/asr.py [FILE]   (default: sample_sessions/matched.flac)

Each configuration runs in its own process so its peak RSS is its own. RTF = processing seconds / audio seconds
(model loading excluded, decoding included).
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "sample_sessions" / "matched.flac"


def one(model_name: str, impl: str, path: str) -> dict:
    sys.path.insert(0, str(ROOT))
    from models import load_asr
    from pipeline.io.audio import load_audio
    from pipeline.speech.evaluation import word_error_rate
    from pipeline.speech.transcribe import transcribe
    from pipeline.types import TranscribeOptions

    model = load_asr(model_name, device="cpu")
    opts = TranscribeOptions()
    t0 = time.perf_counter()
    if impl == "rapport":
        rec = load_audio(path)
        tr = transcribe(rec, model=model, options=opts)
        text, duration = tr.text, rec.duration_s
    else:
        segs, info = model.whisper.transcribe(path, language=opts.language, beam_size=opts.beam_size,
                                              word_timestamps=True, vad_filter=opts.vad_filter,
                                              condition_on_previous_text=False)
        text = " ".join(s.text for s in segs)
        duration = info.duration
    elapsed = time.perf_counter() - t0
    truth = Path(path).with_suffix("").with_suffix(".truth.json")
    wer = None
    if truth.is_file():
        ref = " ".join(t["text"] for t in json.loads(truth.read_text())["turns"])
        wer = word_error_rate(ref, text)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"model": model_name, "impl": impl, "audio_s": duration, "seconds": elapsed,
            "rtf": elapsed / duration, "peak_mb": peak_mb, "wer": wer}


def main() -> None:
    if len(sys.argv) >= 2 and sys.argv[1] == "--one":
        print(json.dumps(one(sys.argv[2], sys.argv[3], sys.argv[4])))
        return
    path = sys.argv[1] if len(sys.argv) > 1 else str(DEFAULT)
    rows = []
    for model in ("base", "tiny.en"):
        for impl in ("rapport", "faster-whisper"):
            out = subprocess.run([sys.executable, __file__, "--one", model, impl, path], capture_output=True,
                                 text=True, check=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
            rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
    print(f"file: {Path(path).name}  ({rows[0]['audio_s']:.1f} s audio, {os.cpu_count()} CPU cores, int8)")
    print(f"{'model':8} {'implementation':15} {'seconds':>8} {'RTF':>7} {'peak MB':>8} {'WER':>6}")
    for r in rows:
        wer = f"{r['wer']:.3f}" if r["wer"] is not None else "-"
        print(f"{r['model']:8} {r['impl']:15} {r['seconds']:8.2f} {r['rtf']:7.3f} {r['peak_mb']:8.0f} {wer:>6}")
    for model in ("base", "tiny.en"):
        ours, bare = (r for r in rows if r["model"] == model)
        print(f"{model}: Rapport / bare faster-whisper time ratio = {ours['seconds'] / bare['seconds']:.2f}")


if __name__ == "__main__":
    main()
