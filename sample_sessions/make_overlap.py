#!/usr/bin/env python3
"""Generate the overlap sample session: listening sounds and interruptions at known times.

Deterministic, like ``make_samples.py`` (whose synthesis, trimming, levels and noise floor it reuses):

    python sample_sessions/make_overlap.py

writes ``overlap_mono.flac`` (one channel: both people mixed, as a phone on the table hears them) and
``overlap_stereo.flac`` (mentor on channel 0, mentee on channel 1, -20 dB crosstalk 2 ms later, as in
``dual_channel``), each with its ``.truth.json``. The two files hold the same speech at the same times.

The dialogue: the mentee talks in long turns; the mentor says "Uh-huh.", "Yeah." or "Right." five times
*inside* a mentee turn (the mentee goes on, so these turns overlap the mentee's), and twice starts talking
``INTERRUPT_OVERLAP_S`` before the mentee's sentence ends (the mentee stops within a second). The truth's
``events`` list every one of them:

* ``backchannel``: ``start_s``/``end_s`` the extent of the listening sound; ``other`` the speaker talking.
* ``interruption``: ``start_s`` the interrupter's start, ``end_s`` the end of the interrupted turn (the
  overlap runs from ``start_s`` to ``end_s``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import soundfile as sf

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_samples as ms  # noqa: E402

SEED = 404
INTERRUPT_OVERLAP_S = 0.8
GAIN_DB = {"S1": -4.0, "S2": -6.0}
TARGET_WPM = {"S1": 155.0, "S2": 150.0}
KEY_PHRASES = ["team offsite", "venue manager"]

# (speaker, text, tags, placement): placement None = after the floor with a 0.2-0.8 s gap;
# ("inside", s) = a listening sound s seconds after the start of the current mentee turn (which goes on);
# ("interrupt", s) = starts s seconds before the end of the current mentee turn.
DIALOGUE = [
    ("S1", "Hi Priya, thanks for coming in. What would you like to talk about today?", ["open_question"], None),
    ("S2", "The team offsite next month. I offered to plan the whole thing, and now I have three weeks left, "
           "no budget approved, and two people who still have not answered my emails.", ["concern"], None),
    ("S1", "Uh-huh.", ["acknowledgement", "overlap_backchannel"], ("inside", 3.6)),
    ("S1", "That sounds like a lot. Who decides on the budget?", ["closed_question"], None),
    ("S2", "My director does, but she is travelling until Friday, so everything is waiting on her, "
           "and the venue wants a deposit by Wednesday.", [], None),
    ("S1", "Right.", ["acknowledgement", "overlap_backchannel"], ("inside", 2.9)),
    ("S1", "So the deadline is really the problem here, not your plan.", ["interruption"],
     ("interrupt", INTERRUPT_OVERLAP_S)),
    ("S2", "Yes, exactly. I keep thinking that I did something wrong, but honestly I just started "
           "too late and nobody told me about the deposit.", ["concern"], None),
    ("S1", "Yeah.", ["acknowledgement", "overlap_backchannel"], ("inside", 3.4)),
    ("S1", "What could you ask the venue for?", ["open_question"], None),
    ("S2", "Maybe a few extra days. They were flexible last year when we booked the training room, "
           "and the venue manager there knows our team quite well.", [], None),
    ("S1", "Uh-huh.", ["acknowledgement", "overlap_backchannel"], ("inside", 2.6)),
    ("S1", "Then call the venue manager tomorrow and ask for one more week.", ["interruption", "shared_phrase"],
     ("interrupt", INTERRUPT_OVERLAP_S)),
    ("S2", "Okay, I can do that. And I will write to the two people again, this time with a clear date "
           "for their answer.", [], None),
    ("S1", "Right.", ["acknowledgement", "overlap_backchannel"], ("inside", 2.7)),
    ("S1", "Good. Let's check in next Monday and see where the team offsite stands.", ["shared_phrase"], None),
    ("S2", "Sounds good. Thank you.", [], None),
]


def synth_turn(synth, spk: str, text: str, rng, hist: list) -> tuple[float, np.ndarray]:
    """(length_scale, level-set audio) of one turn, paced like make_samples (short turns reuse the setting)."""
    target = TARGET_WPM[spk] + rng.uniform(-6, 6)
    cents = ms.PITCH_SHIFT_CENTS[spk]
    if ms.count_words(text) >= 5:
        ls, y, _ = synth.turn_at_rate(text, target, cents, ms.ls_guess(hist, spk, target))
    else:
        prev = [h for h in hist if h["speaker"] == spk and h["n_words"] >= 5]
        ls = prev[-1]["rate_setting"] if prev else round(ms.ls_guess(hist, spk, target), 3)
        y = synth.turn(text, ls, cents)
    return ls, y * 10 ** ((ms.REF_LEVEL_DBFS + GAIN_DB[spk] - ms.active_level_db(y)) / 20)


def place(hist: list, placement, cursor: int, n: int, rng) -> int:
    """Start sample of a turn of ``n`` samples (see DIALOGUE for the placements)."""
    gap = int(rng.integers(20, 81)) * ms.HOP
    if placement is None:
        return cursor + gap
    floor = next(h for h in reversed(hist) if h["speaker"] == "S2" and "backchannel" not in h["kind"])
    f_start, f_end = round(floor["start_s"] * ms.SR), round(floor["end_s"] * ms.SR)
    if placement[0] == "inside":
        start = f_start + round(placement[1] * 100) * ms.HOP
        assert start + n + ms.SR <= f_end, "a listening sound must end at least 1 s before the mentee's turn"
        return start
    start = f_end - round(placement[1] * 100) * ms.HOP
    assert start > f_start
    return start


def build(synth) -> tuple[np.ndarray, dict]:
    """Own-voice signals (2, n) and the truth (turns, events) of the session."""
    rng = np.random.default_rng(SEED)
    hist: list[dict] = []
    audio: list[tuple[int, np.ndarray, str]] = []
    cursor = int(ms.LEAD_IN_S * ms.SR)
    for spk, text, tags, placement in DIALOGUE:
        ls, y = synth_turn(synth, spk, text, rng, hist)
        start = place(hist, placement, cursor, len(y), rng)
        end = start + len(y)
        audio.append((start, y, spk))
        kind = {None: "turn", "inside": "backchannel", "interrupt": "interruption"}[placement and placement[0]]
        n = ms.count_words(text)
        hist.append({"speaker": spk, "role": ms.ROLES[spk], "start_s": round(start / ms.SR, 2),
                     "end_s": round(end / ms.SR, 2), "text": text, "n_words": n,
                     "rate_wpm": round(n / (len(y) / ms.SR) * 60, 1), "rate_setting": ls, "gain_db": GAIN_DB[spk],
                     "level_dbfs": round(ms.REF_LEVEL_DBFS + GAIN_DB[spk], 2), "overlap": False,
                     "tags": list(tags), "kind": kind})
        cursor = max(cursor, end)
    total = -(-(cursor + int(ms.TAIL_S * ms.SR)) // ms.HOP) * ms.HOP
    own = np.zeros((2, total))
    for start, y, spk in audio:
        own[0 if spk == "S1" else 1, start:start + len(y)] += y
    return own, truth_of(hist, total)


def truth_of(hist: list, total: int) -> dict:
    """Turns sorted by start with their overlaps, the events, and the speakers' summary."""
    turns = sorted(hist, key=lambda t: t["start_s"])
    for a, ta in enumerate(turns):
        for b, tb in enumerate(turns):
            if a != b and ta["start_s"] < tb["end_s"] and tb["start_s"] < ta["end_s"]:
                ta["overlap"] = True
                ta.setdefault("overlaps_with", []).append(b)
    events = []
    for t in turns:
        if t["kind"] == "turn":
            continue
        other = turns[t["overlaps_with"][0]]
        end_s = t["end_s"] if t["kind"] == "backchannel" else other["end_s"]
        events.append({"kind": t["kind"], "speaker": t["speaker"], "role": t["role"], "other": other["speaker"],
                       "start_s": t["start_s"], "end_s": end_s, "text": t["text"]})
    for t in turns:
        t["rate_setting"] = {"engine": "piper", "length_scale": t["rate_setting"]}
        t.pop("kind")
    speakers = {}
    for spk in ("S1", "S2"):
        mine = [t for t in turns if t["speaker"] == spk]
        long = [t for t in mine if t["n_words"] >= 5]
        speakers[spk] = {
            "role": ms.ROLES[spk],
            "voice": f"piper {ms.VOICE}" + (f", sox pitch +{ms.PITCH_SHIFT_CENTS[spk]} cents"
                                            if ms.PITCH_SHIFT_CENTS[spk] else ""),
            "pitch_shift_cents": ms.PITCH_SHIFT_CENTS[spk], "channel": None,
            "mean_rate_wpm": round(sum(t["n_words"] for t in long)
                                   / sum(t["end_s"] - t["start_s"] for t in long) * 60, 1),
            "gain_db": GAIN_DB[spk], "gain_db_constant": True, "n_turns": len(mine),
        }
    return {"duration_s": round(total / ms.SR, 2), "key_phrases": KEY_PHRASES, "speakers": speakers,
            "turns": turns, "events": events}


def mix(own: np.ndarray, channels: int) -> np.ndarray:
    """The file's samples (n, channels): mono sum at -80 dBFS floor, or stereo with crosstalk at -60 dBFS."""
    total = own.shape[1]
    noise_rng = np.random.default_rng(SEED + channels)
    if channels == 1:
        return (own[0] + own[1] + ms.noise_floor(noise_rng, total, ms.NOISE_DBFS[1]))[:, None]
    d = int(round(ms.BLEED_DELAY_S * ms.SR))
    bleed = np.zeros_like(own)
    bleed[:, d:] = own[::-1, :-d] * 10 ** (ms.BLEED_DB / 20)
    out = own + bleed + np.stack([ms.noise_floor(noise_rng, total, ms.NOISE_DBFS[2]) for _ in range(2)])
    return out.T


def write(own: np.ndarray, base: dict, channels: int) -> dict:
    name = "overlap_mono" if channels == 1 else "overlap_stereo"
    out = mix(own, channels)
    assert float(np.abs(out).max()) < 0.99
    speakers = json.loads(json.dumps(base["speakers"]))
    if channels == 2:
        speakers["S1"]["channel"], speakers["S2"]["channel"] = 0, 1
    truth = {
        "session": name, "sr": ms.SR, "channels": channels, "duration_s": base["duration_s"],
        "voice_engine": f"piper {ms.VOICE}",
        "description": "A mentee talks in long turns; the mentor says 'Uh-huh.', 'Yeah.' or 'Right.' five times "
        "inside them (the mentee goes on) and twice starts talking 0.8 s before the mentee's sentence ends. "
        + ("One channel: both voices mixed." if channels == 1 else
           "Stereo: mentor on channel 0, mentee on channel 1, -20 dB crosstalk 2 ms later."),
        "generator": "sample_sessions/make_overlap.py",
        "tts": {"engine": "piper-tts", "voice": ms.VOICE, "noise_scale": 0.0, "noise_w": 0.0,
                "sentence_pause_s": "0.18 * length_scale", "resampler": "sox rate -v"},
        "level": {"ref_level_dbfs": ms.REF_LEVEL_DBFS, "frame_s": ms.LEVEL_FRAME / ms.SR,
                  "active_threshold_db_below_max_frame": ms.ACTIVE_REL_DB},
        "trim": {"frame_s": ms.HOP / ms.SR, "threshold_db_below_max_frame": ms.TRIM_REL_DB},
        "noise_floor_dbfs": ms.NOISE_DBFS[channels],
        "noise_floor_shape": f"white noise through a one-pole low-pass (pole {ms.NOISE_POLE}), RMS as given",
        "crosstalk": {"bleed_db": ms.BLEED_DB, "delay_s": ms.BLEED_DELAY_S} if channels == 2 else None,
        "key_phrases": base["key_phrases"], "speakers": speakers, "turns": base["turns"], "events": base["events"],
    }
    sf.write(ms.HERE / f"{name}.flac", out.astype(np.float32), ms.SR, format="FLAC", subtype="PCM_16",
             compression_level=1.0)
    (ms.HERE / f"{name}.truth.json").write_text(json.dumps(truth, indent=1) + "\n")
    return truth


def main() -> int:
    own, base = build(ms.Synth())
    for channels in (1, 2):
        t = write(own, base, channels)
        kinds = [e["kind"] for e in t["events"]]
        print(f"{t['session']}: {t['duration_s']:.2f} s, {len(t['turns'])} turns, "
              f"{kinds.count('backchannel')} backchannels, {kinds.count('interruption')} interruptions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
