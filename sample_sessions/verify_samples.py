#!/usr/bin/env python3
"""Re-measure the sample sessions from the written files and check the truth.

    python sample_sessions/verify_samples.py                 # measurement checks
    python sample_sessions/verify_samples.py --wer DIR       # + Whisper WER (CTranslate2 model dir)

Exit status 1 if any check fails.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import numpy as np
import soundfile as sf

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_samples import HOP, PLANS, SR, TRIM_REL_DB, active_level_db, count_words, frame_power  # noqa: E402

HERE = Path(__file__).resolve().parent
FAILS: list[str] = []


def check(ok: bool, msg: str) -> None:
    if not ok:
        FAILS.append(msg)
        print("  FAIL:", msg)


def norm_text(s: str) -> str:
    s = s.lower().replace("-", " ")
    s = re.sub(r"[^a-z' ]+", " ", s)
    s = re.sub(r"\bok\b", "okay", s)
    s = re.sub(r"\b(mm hmm|mhm|mm hm|mmhm|mmhmm)\b", "mm hm", s)
    return " ".join(s.split())


def verify(name: str, wer_model=None) -> dict:
    truth = json.loads((HERE / f"{name}.truth.json").read_text())
    x, sr = sf.read(HERE / f"{name}.flac", dtype="float64", always_2d=True)
    print(f"{name}: {x.shape[0] / sr:.2f} s, {x.shape[1]} ch, {(HERE / f'{name}.flac').stat().st_size / 1e6:.2f} MB")
    check(sr == truth["sr"] == SR, "sample rate")
    check(x.shape[1] == truth["channels"], "channels")
    check(abs(x.shape[0] / sr - truth["duration_s"]) < 0.01, "duration")
    check(60 <= truth["duration_s"] <= 150, f"duration {truth['duration_s']} outside 60-150 s")
    check(float(np.abs(x).max()) < 0.99, "peak")
    turns = truth["turns"]
    check(all(turns[i]["start_s"] <= turns[i + 1]["start_s"] for i in range(len(turns) - 1)), "turns sorted")
    ref = truth["level"]["ref_level_dbfs"]
    devs, ext_bad, sep = [], 0, []
    meas = {"S1": [], "S2": []}
    gains = {"S1": [], "S2": []}
    for t in turns:
        ch = truth["speakers"][t["speaker"]]["channel"] or 0
        a, b = round(t["start_s"] * SR), round(t["end_s"] * SR)
        seg = x[a:b, ch]
        check(t["n_words"] == count_words(t["text"]), f"n_words {t['text']}")
        check(abs(t["rate_wpm"] - t["n_words"] / (t["end_s"] - t["start_s"]) * 60) < 0.15, f"rate {t}")
        if t["overlap"]:
            continue
        lvl = active_level_db(seg)
        devs.append(lvl - (ref + t["gain_db"]))
        meas[t["speaker"]].append(lvl)
        gains[t["speaker"]].append(t["gain_db"])
        # extent: first/last 10 ms frame of the turn is speech, frame just outside is not
        p = frame_power(seg, HOP)
        thr = p.max() * 10 ** (-TRIM_REL_DB / 10)
        outside = [frame_power(x[a - HOP : a, ch], HOP)[0], frame_power(x[b : b + HOP, ch], HOP)[0]]
        # tolerance: 16-bit quantisation and the noise floor/crosstalk move frames
        # that sit right at the trim threshold
        floor = 10 ** ((truth["noise_floor_dbfs"] + 8) / 10)
        if not (min(p[0], p[-1]) >= thr / 2 and max(outside) < max(2 * thr, floor)):
            ext_bad += 1
        if truth["channels"] == 2:
            other = x[a:b, 1 - ch]
            sep.append(10 * np.log10(np.mean(seg**2) / np.mean(other**2)))
    devs = np.array(devs)
    print(f"  per-turn level vs ref+gain_db: max |dev| {np.abs(devs).max():.3f} dB over {len(devs)} non-overlap turns")
    check(np.abs(devs).max() < 0.2, "per-turn level")
    check(ext_bad == 0, f"{ext_bad} turn extents not tight")
    d_meas = np.mean(meas["S1"]) - np.mean(meas["S2"])
    d_gain = np.mean(gains["S1"]) - np.mean(gains["S2"])
    print(f"  S1-S2 loudness: measured {d_meas:+.3f} dB, gain_db {d_gain:+.3f} dB")
    check(abs(d_meas - d_gain) < 0.2, "speaker loudness difference")
    for spk, s in truth["speakers"].items():
        long = [t for t in turns if t["speaker"] == spk and t["n_words"] >= 5]
        r = sum(t["n_words"] for t in long) / sum(t["end_s"] - t["start_s"] for t in long) * 60
        check(abs(r - s["mean_rate_wpm"]) < 0.2, f"{spk} mean rate")
        print(f"  {spk} ({s['role']}): mean {s['mean_rate_wpm']} wpm, gain {s['gain_db']} dB, {s['n_turns']} turns")
    if sep:
        print(f"  own-vs-other channel energy during non-overlap turns: min {min(sep):.1f} dB, median {np.median(sep):.1f} dB")
        check(min(sep) > 15, "channel separation")
    ov = [t for t in turns if t["overlap"]]
    if ov:
        print(f"  overlapping turns: {[(t['speaker'], t['start_s'], t['end_s'], t['text'][:30]) for t in ov]}")
    for t in turns:
        if "seconds_since_reference" in t:
            print(f"  callback at {t['start_s']} s refers to turn ending {t['seconds_since_reference']} s earlier")
    check_events(truth)
    res = {"name": name}
    if wer_model is not None:
        import jiwer

        segs, _ = wer_model.transcribe(str(HERE / f"{name}.flac"), language="en", beam_size=5)
        hyp = norm_text(" ".join(s.text for s in segs))
        ref_t = norm_text(" ".join(t["text"] for t in turns))
        w = jiwer.wer(ref_t, hyp)
        res["wer"] = w
        (Path("/tmp") / f"{name}.hyp.txt").write_text(hyp + "\n")
        (Path("/tmp") / f"{name}.ref.txt").write_text(ref_t + "\n")
        print(f"  WER {w * 100:.1f}%  (ref {len(ref_t.split())} words)")
    return res


def check_events(truth: dict) -> None:
    """The overlap sample's events: backchannels <= 1 s inside the other's turn, which goes on for >= 1 s;
    interruptions that the other speaker stops within 1 s of; each event is one of the turns."""
    events = truth.get("events") or []
    for e in events:
        mine = [t for t in truth["turns"] if t["speaker"] == e["speaker"] and t["start_s"] == e["start_s"]]
        other = [t for t in truth["turns"] if t["speaker"] == e["other"]
                 and t["start_s"] < e["start_s"] < t["end_s"]]
        check(len(mine) == 1 and len(other) == 1, f"event {e} is not one turn inside another")
        if len(mine) != 1 or len(other) != 1:
            continue
        if e["kind"] == "backchannel":
            check(e["end_s"] == mine[0]["end_s"] and e["end_s"] - e["start_s"] <= 1.0, f"backchannel {e} length")
            check(other[0]["end_s"] - e["end_s"] >= 1.0, f"backchannel {e}: the other does not go on")
        else:
            check(e["end_s"] == other[0]["end_s"] and e["end_s"] - e["start_s"] <= 1.0,
                  f"interruption {e}: the other does not stop within 1 s")
    if events:
        kinds = [e["kind"] for e in events]
        print(f"  events: {kinds.count('backchannel')} backchannels, {kinds.count('interruption')} interruptions, "
              f"at {[e['start_s'] for e in events]} s")


SESSIONS = [p.name for p in PLANS] + ["overlap_mono", "overlap_stereo"]


def main(argv: list[str]) -> int:
    model = None
    if argv[:1] == ["--wer"]:
        from faster_whisper import WhisperModel

        model = WhisperModel(argv[1], device="cpu", compute_type="int8")
        argv = argv[2:]
    for name in SESSIONS:
        if not argv or name in argv:
            verify(name, model)
    print("FAILED:" if FAILS else "all checks passed", *FAILS, sep="\n  " if FAILS else "")
    return 1 if FAILS else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
