"""Generate the bad-input corpus the reliability tests run through Rapport (nothing here is committed data).

Every case is made from the committed sample sessions, synthesised signals or
espeak-ng speech, so the corpus is reproducible on any machine with the test
dependencies. Run ``python tests/make_bad_inputs.py DIR`` to look at the files.

Each case is a :class:`Case`: the file, what it exercises, and what Rapport
should do with it (``"error"``: one clean line, exit code 2; ``"weak"``: a report
that says it is unreliable; ``"report"``: an ordinary report).
"""

from __future__ import annotations

import json
import shutil
import struct
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import av
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_sessions"
SR = 16_000


@dataclass(frozen=True)
class Case:
    """One bad input: ``name`` (table row), ``path``, ``expect`` ("error", "weak" or "report"), ``about``."""

    name: str
    path: Path
    expect: str
    about: str
    speakers: int = 2


# --------------------------------------------------------------------------
# Signals
# --------------------------------------------------------------------------


def sample_audio(name: str = "matched") -> np.ndarray:
    """A sample session as mono float32 at 16 kHz."""
    from pipeline.io.audio import load_audio

    return load_audio(SAMPLES / f"{name}.flac").mono()


def truth_turns(name: str = "matched") -> list[dict]:
    return json.loads((SAMPLES / f"{name}.truth.json").read_text())["turns"]


def cut(y: np.ndarray, start_s: float, end_s: float, *, sr: int = SR) -> np.ndarray:
    return y[int(start_s * sr) : int(end_s * sr)]


def gap(seconds: float, *, sr: int = SR) -> np.ndarray:
    return np.zeros(int(seconds * sr), np.float32)


def one_speaker(y: np.ndarray, turns: list[dict], *, role: str = "mentor", limit_s: float = 60.0) -> np.ndarray:
    """Only ``role``'s turns, in order, with 0.6 s pauses, up to about ``limit_s`` seconds."""
    parts: list[np.ndarray] = []
    total = 0.0
    for t in turns:
        if t["role"] != role or t["end_s"] - t["start_s"] < 1.0:
            continue
        parts += [cut(y, t["start_s"], t["end_s"]), gap(0.6)]
        total += t["end_s"] - t["start_s"] + 0.6
        if total >= limit_s:
            break
    return np.concatenate(parts)


def three_speakers(y: np.ndarray, turns: list[dict], *, limit_s: float = 60.0) -> np.ndarray:
    """The mentor, the mentee and a third voice (the mentor's voice 5 semitones down) taking turns."""
    import librosa

    parts: list[np.ndarray] = []
    total = 0.0
    n_mentor = 0
    for t in turns:
        if t["end_s"] - t["start_s"] < 1.0:
            continue
        seg = cut(y, t["start_s"], t["end_s"])
        if t["role"] == "mentor":
            n_mentor += 1
            if n_mentor % 2 == 0:
                seg = librosa.effects.pitch_shift(seg, sr=SR, n_steps=-5).astype(np.float32)
        parts += [seg, gap(0.5)]
        total += len(seg) / SR + 0.5
        if total >= limit_s:
            break
    return np.concatenate(parts)


def music(seconds: float, *, sr: int = 48_000, seed: int = 7) -> np.ndarray:
    """Chords (a I-vi-IV-V progression of harmonic tones, 2 s each) over soft noise: no speech at all."""
    rng = np.random.default_rng(seed)
    roots = [261.63, 220.0, 174.61, 196.0]
    chord_s = 2.0
    t = np.arange(int(chord_s * sr)) / sr
    env = np.minimum(1.0, t / 0.05) * np.exp(-t / 1.5)
    blocks = []
    for i in range(int(np.ceil(seconds / chord_s))):
        root = roots[i % 4]
        block = np.zeros_like(t)
        for ratio in (1.0, 1.26, 1.5, 2.0):
            for h in (1, 2, 3):
                block += np.sin(2 * np.pi * root * ratio * h * t) / (h * 4)
        blocks.append(block * env)
    y = np.concatenate(blocks)[: int(seconds * sr)]
    y = 0.3 * y / np.max(np.abs(y)) + 0.01 * rng.standard_normal(len(y))
    return y.astype(np.float32)


def espeak(text: str, voice: str, path: Path) -> np.ndarray:
    """Speech from espeak-ng (``voice`` e.g. "de", "es"), as mono float32 at 16 kHz."""
    from pipeline.io.audio import load_audio

    wav = path.with_suffix(".espeak.wav")
    subprocess.run(["espeak-ng", "-v", voice, "-s", "150", "-w", str(wav), text], check=True, capture_output=True)
    y = load_audio(wav).mono()
    wav.unlink()
    return y


GERMAN = [
    "Guten Morgen, schön, dass du Zeit hast. Wie geht es dir mit dem neuen Projekt?",
    "Ehrlich gesagt bin ich unsicher. Die Frist ist Ende nächsten Monats und ich weiß nicht, ob wir das schaffen.",
    "Das verstehe ich gut. Mir ist im ersten Jahr genau das passiert, ich habe zu spät um Hilfe gebeten.",
    "Was würdest du an meiner Stelle als Erstes tun? Soll ich mit der Teamleitung sprechen?",
    "Ja, sprich mit ihr diese Woche. Alles, was wir hier besprechen, bleibt natürlich unter uns.",
    "Danke, das hilft mir sehr. Ich schreibe ihr heute noch eine Nachricht.",
]
SPANISH = [
    "Buenos días, gracias por venir. ¿Cómo te va con el nuevo proyecto?",
    "La verdad es que estoy preocupada. La fecha límite es a finales del mes que viene.",
    "Te entiendo perfectamente. A mí me pasó lo mismo el primer año, pedí ayuda demasiado tarde.",
    "¿Qué harías tú en mi lugar? ¿Debería hablar con la jefa del equipo?",
]


def dialogue(lines: list[str], voices: tuple[str, str], path: Path) -> np.ndarray:
    """Alternating lines in two espeak-ng voices (a male and a female variant), 0.7 s apart."""
    parts = []
    for i, line in enumerate(lines):
        parts += [espeak(line, voices[i % 2], path), gap(0.7)]
    return np.concatenate(parts)


# --------------------------------------------------------------------------
# Encoding (PyAV)
# --------------------------------------------------------------------------

_LAYOUTS = {1: "mono", 2: "stereo", 6: "5.1"}


def encode(path: Path, samples: np.ndarray, *, sr: int, codec: str, video: str | None = None,
           bit_rate: int | None = None) -> Path:
    """Write ``samples`` (shape (n,) or (channels, n), float in [-1, 1]) with PyAV's ``codec``."""
    samples = np.atleast_2d(samples)
    layout = _LAYOUTS[samples.shape[0]]
    pcm = (np.clip(samples, -1, 1) * 32767).astype(np.int16)
    with av.open(str(path), mode="w") as out:
        stream = out.add_stream(codec, rate=sr, layout=layout)
        if bit_rate:
            stream.bit_rate = bit_rate
        fmt = stream.codec_context.codec.audio_formats[0].name
        resampler = av.AudioResampler(format=fmt, layout=layout, rate=sr)
        frame_len = 960 if codec in ("libopus", "opus") else 1024
        for i in range(0, pcm.shape[1], frame_len * 64):
            chunk = np.ascontiguousarray(pcm[:, i : i + frame_len * 64])
            frame = av.AudioFrame.from_ndarray(chunk.reshape(1, -1, order="F"), format="s16", layout=layout)
            frame.sample_rate = sr
            for f in resampler.resample(frame):
                for pkt in stream.encode(f):
                    out.mux(pkt)
        for f in resampler.resample(None):
            for pkt in stream.encode(f):
                out.mux(pkt)
        for pkt in stream.encode(None):
            out.mux(pkt)
    return path


def video_without_audio(path: Path, *, seconds: float = 3.0) -> Path:
    """An MP4 holding only a video stream (grey frames, 10 fps)."""
    with av.open(str(path), mode="w") as out:
        vs = out.add_stream("mpeg4", rate=10)
        vs.width, vs.height, vs.pix_fmt = 64, 48, "yuv420p"
        for i in range(int(seconds * 10)):
            img = av.VideoFrame.from_ndarray(np.full((48, 64, 3), 100 + i, np.uint8), format="rgb24")
            for pkt in vs.encode(img):
                out.mux(pkt)
        for pkt in vs.encode(None):
            out.mux(pkt)
    return path


def wav_bytes(pcm16: np.ndarray, *, sr: int, data_size: int | None = None) -> bytes:
    """A PCM WAV file; ``data_size`` overrides the declared data length (and RIFF size) in the header."""
    body = np.asarray(pcm16, "<i2").tobytes()
    size = len(body) if data_size is None else data_size
    riff = min(36 + size, 0xFFFFFFFF)
    return (b"RIFF" + struct.pack("<I", riff) + b"WAVEfmt " + struct.pack("<IHHIIHH", 16, 1, 1, sr, sr * 2, 2, 16)
            + b"data" + struct.pack("<I", size) + body)


def truncate(path: Path, fraction: float) -> Path:
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * fraction)])
    return path


# --------------------------------------------------------------------------
# The corpus
# --------------------------------------------------------------------------

TRANSCRIPT_BAD_TIMES = """WEBVTT

00:00:01.000 --> 00:00:0x.500
<v Alex>How are things going with the project?

1:99:99,000 --> banana
<v Sam>Busy, the deadline is next month.
"""

TRANSCRIPT_BACKWARDS = """WEBVTT

00:00:01.000 --> 00:00:04.000
<v Alex>How are things going with the project?

00:00:09.000 --> 00:00:05.000
<v Sam>Busy, the deadline is next month and I am worried.

00:00:07.000 --> 00:00:08.000
<v Alex>What worries you most?

99:00:00.000 --> 99:00:04.000
<v Sam>That the demo breaks while everyone is watching.
"""

TRANSCRIPT_TYPO = """Alex: How are things going with the project?
Sam: Busy, the deadline is next month and I am worried.
Alex: What worries you most?
Sma: That the demo breaks while everyone is watching.
Alex: That sounds stressful. What would help?
Sam: Maybe I could rehearse with my team on Friday.
"""

TRANSCRIPT_NO_SPEAKERS = """WEBVTT

00:00:01.000 --> 00:00:04.000
How are things going with the project?

00:00:04.500 --> 00:00:08.000
Busy, the deadline is next month and I am worried.
"""


def make_bad_inputs(out: str | Path) -> list[Case]:
    """Write every bad input into ``out`` (created) and return the cases, in table order."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    y = sample_audio("matched")
    turns = truth_turns("matched")
    speech25 = cut(y, 0.0, 25.0)
    cases: list[Case] = []

    def add(name: str, filename: str, expect: str, about: str, **kw) -> Path:
        p = out / filename
        cases.append(Case(name, p, expect, about, **kw))
        return p

    add("empty file", "empty.wav", "error", "0 bytes").write_bytes(b"")
    add("1-sample audio", "one_sample.wav", "weak", "a valid WAV holding a single sample").write_bytes(
        wav_bytes(np.array([1000], np.int16), sr=SR))
    add("0-sample audio", "zero_samples.wav", "error", "a valid WAV header, no samples").write_bytes(
        wav_bytes(np.array([], np.int16), sr=SR))
    add("text renamed .wav", "notes.wav", "error", "a UTF-8 text file named .wav").write_text(
        "Meeting notes: ask Sam about the deadline.\n" * 20)
    for codec, ext, frac in (("libmp3lame", "mp3", 0.5), ("aac", "m4a", 0.5), ("flac", "flac", 0.5)):
        # 12.5 s of two people is too little to be sure who spoke when: a weak report (attribution confidence low)
        p = add(f"truncated {ext}", f"truncated.{ext}", "weak" if ext != "m4a" else "error",
                f"25 s of the sample, file cut at {frac:.0%} of its bytes")
        truncate(encode(p, speech25, sr=SR, codec=codec), frac)
    video_without_audio(add("video without audio", "no_audio.mp4", "error", "MP4 with a video stream only"))
    tel = np.asarray(__import__("librosa").resample(cut(y, 0.0, 60.0), orig_sr=SR, target_sr=8000), np.float32)
    encode(add("8 kHz telephone audio", "telephone_8k.wav", "weak", "60 s of the sample at 8 kHz, mu-law"),
           tel, sr=8000, codec="pcm_mulaw")
    y48 = np.asarray(__import__("librosa").resample(cut(y, 0.0, 25.0), orig_sr=SR, target_sr=48000), np.float32)
    six = np.stack([y48 * g for g in (0.9, 0.9, 1.0, 0.05, 0.5, 0.5)])
    encode(add("48 kHz 6-channel audio", "surround_48k_6ch.flac", "report",
               "25 s of the sample in 5.1 at 48 kHz (mixed down to mono)"), six, sr=48000, codec="flac")
    one_s = (np.sin(2 * np.pi * 220 * np.arange(SR) / SR) * 8000).astype(np.int16)
    add("header claims 2 GB", "huge_header.wav", "weak",
        "WAV header declares 2 GB of data, holds 1 s of a tone").write_bytes(wav_bytes(one_s, sr=SR, data_size=2_000_000_000))
    encode(add("10 min of silence", "silence_10min.flac", "weak", "600 s of digital silence"),
           np.zeros(600 * SR, np.float32), sr=SR, codec="flac")
    encode(add("10 min of music", "music_10min.opus", "weak", "600 s of synthesised chords over soft noise"),
           music(600.0), sr=48000, codec="libopus", bit_rate=24000)
    encode(add("one speaker only", "one_speaker.flac", "weak", "the mentor's turns of the sample only, ~60 s"),
           one_speaker(y, turns), sr=SR, codec="flac")
    encode(add("three speakers forced to two", "three_speakers.flac", "weak",
               "mentor, mentee and the mentor pitched 5 semitones down, ~60 s"),
           three_speakers(y, turns), sr=SR, codec="flac")
    p = add("German speech", "german.flac", "weak", "espeak-ng de, two voices")
    encode(p, dialogue(GERMAN, ("de", "de+f3"), p), sr=SR, codec="flac")
    p = add("Spanish speech", "spanish.flac", "weak", "espeak-ng es, two voices")
    encode(p, dialogue(SPANISH, ("es", "es+f3"), p), sr=SR, codec="flac")
    clipped = np.clip(speech25 * 30.0, -1.0, 1.0)
    encode(add("clipped audio", "clipped.flac", "weak", "25 s of the sample driven 30x (+30 dB) into clipping"),
           clipped, sr=SR, codec="flac")
    add("transcript, malformed timestamps", "bad_times.vtt", "error",
        "WebVTT with '00:00:0x.500' and 'banana' as times").write_text(TRANSCRIPT_BAD_TIMES)
    add("transcript, no speakers", "no_speakers.vtt", "error", "WebVTT cues without voice tags").write_text(
        TRANSCRIPT_NO_SPEAKERS)
    add("transcript, empty", "empty.txt", "error", "a text transcript of 0 bytes").write_text("")
    add("transcript, times broken", "backwards.vtt", "weak",
        "WebVTT with a cue ending before it starts, times going back, a cue at 99 hours").write_text(
        TRANSCRIPT_BACKWARDS)
    add("transcript, a name mistyped", "typo.txt", "weak", "'Sma' once among 'Sam''s turns").write_text(
        TRANSCRIPT_TYPO)
    encode(add("name with spaces and unicode", "Séance de mentorat — Zoë 日本 01.flac", "report",
               "25 s of the sample under a name with spaces, accents, CJK and an em dash"),
           speech25, sr=SR, codec="flac")
    shutil.copyfile(out / "Séance de mentorat — Zoë 日本 01.flac", add(
        "name starting with '..'", "..%2F..%2Fetc%2Fpasswd .flac", "report",
        "a file whose name imitates a path escape (a real '/' cannot be in a file name)"))
    return cases


if __name__ == "__main__":
    for c in make_bad_inputs(sys.argv[1] if len(sys.argv) > 1 else "bad-inputs"):
        print(f"{c.expect:6s}  {c.path.stat().st_size:>10,d}  {c.path.name}  ({c.about})")
