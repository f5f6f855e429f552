"""The audio loader: every supported format decodes to the same 16 kHz signal; bad input raises InvalidAudioError."""

from __future__ import annotations

import io
from pathlib import Path

import av
import numpy as np
import pytest

from pipeline.errors import InvalidAudioError, InvalidParameterError
from pipeline.io.audio import load_audio
from pipeline.types import Recording

from .conftest import SAMPLES

CLIP_S = 4.0


@pytest.fixture(scope="module")
def clip() -> np.ndarray:
    """Four seconds of real speech from the stereo sample session, shape (2, n)."""
    rec = load_audio(SAMPLES / "dual_channel.flac")
    start = int(5.0 * rec.sr)
    return rec.samples[:, start : start + int(CLIP_S * rec.sr)].copy()


def encode(path: Path, samples: np.ndarray, *, sr: int, codec: str, video: str | None = None) -> Path:
    """Write ``samples`` (channels, n) with PyAV using ``codec``; optionally add a video stream first."""
    layout = "stereo" if samples.shape[0] == 2 else "mono"
    with av.open(str(path), mode="w") as out:
        if video:
            vs = out.add_stream(video, rate=10)
            vs.width, vs.height, vs.pix_fmt = 64, 48, "yuv420p"
        stream = out.add_stream(codec, rate=sr, layout=layout)
        fmt = stream.codec_context.codec.audio_formats[0].name
        frame_len = 1024
        pcm = (np.clip(samples, -1, 1) * 32767).astype(np.int16)
        pts = 0
        for i in range(0, pcm.shape[1], frame_len):
            chunk = pcm[:, i : i + frame_len]
            frame = av.AudioFrame.from_ndarray(chunk.reshape(1, -1, order="F"), format="s16", layout=layout)
            frame.sample_rate = sr
            frame.pts = pts
            pts += chunk.shape[1]
            if video and i % (frame_len * 16) == 0:
                img = av.VideoFrame.from_ndarray(np.zeros((48, 64, 3), np.uint8), format="rgb24")
                for pkt in vs.encode(img):
                    out.mux(pkt)
            for pkt in stream.encode(frame if fmt == "s16" else frame):
                out.mux(pkt)
        for pkt in stream.encode(None):
            out.mux(pkt)
        if video:
            for pkt in vs.encode(None):
                out.mux(pkt)
    return path


FORMATS = [
    ("wav", "pcm_s16le", None),
    ("mp3", "libmp3lame", None),
    ("m4a", "aac", None),
    ("flac", "flac", None),
    ("ogg", "libopus", None),
    ("opus", "libopus", None),
    ("webm", "libopus", None),
    ("mp4", "aac", "mpeg4"),
    ("mov", "aac", "mpeg4"),
]


@pytest.mark.parametrize("ext,codec,video", FORMATS, ids=[f[0] for f in FORMATS])
def test_formats_decode_to_same_signal(tmp_path, clip, ext, codec, video):
    sr_in = 48000 if codec == "libopus" else 44100 if codec in ("libmp3lame", "aac") else 16000
    import librosa

    src = librosa.resample(clip, orig_sr=16000, target_sr=sr_in) if sr_in != 16000 else clip
    path = encode(tmp_path / f"clip.{ext}", src, sr=sr_in, codec=codec, video=video)
    rec = load_audio(path)
    assert isinstance(rec, Recording)
    assert rec.sr == 16000
    assert rec.n_channels == 2, "stereo must keep both channels"
    assert rec.samples.dtype == np.float32
    assert rec.duration_s == pytest.approx(CLIP_S, abs=0.12)  # codec priming/padding
    assert len(rec.sha256) == 64 and rec.source_name == f"clip.{ext}"
    # Same content: per-channel RMS within 1 dB of the original (lossy codecs included).
    for ch in range(2):
        a = 20 * np.log10(np.sqrt(np.mean(clip[ch] ** 2)))
        b = 20 * np.log10(np.sqrt(np.mean(rec.samples[ch] ** 2)))
        assert b == pytest.approx(a, abs=1.0)


def test_mono_and_multichannel(tmp_path, clip):
    mono = load_audio(encode(tmp_path / "m.wav", clip[:1], sr=16000, codec="pcm_s16le"))
    assert mono.n_channels == 1 and mono.mono().shape == (mono.n_samples,)
    np.testing.assert_allclose(mono.samples[0], clip[0], atol=1e-4)


def test_stereo_channels_kept_distinct(recordings, truths):
    rec = recordings["dual_channel"]
    assert rec.n_channels == 2
    assert not np.allclose(rec.samples[0], rec.samples[1])
    assert rec.duration_s == pytest.approx(truths["dual_channel"]["duration_s"], abs=0.05)


def test_bytes_and_file_objects(clip, tmp_path):
    path = encode(tmp_path / "c.flac", clip, sr=16000, codec="flac")
    data = path.read_bytes()
    a = load_audio(data, source_name="../../etc/evil name.flac")
    b = load_audio(io.BytesIO(data), source_name="x.flac")
    c = load_audio(path)
    assert a.source_name == "evil name.flac"  # no directory part survives
    assert a.sha256 == b.sha256 == c.sha256
    np.testing.assert_array_equal(a.samples, c.samples)


def test_empty_file(tmp_path):
    p = tmp_path / "empty.wav"
    p.write_bytes(b"")
    with pytest.raises(InvalidAudioError, match="empty"):
        load_audio(p)


def test_text_renamed_wav(tmp_path):
    p = tmp_path / "notes.wav"
    p.write_text("These are my meeting notes, not a recording.\n" * 20)
    with pytest.raises(InvalidAudioError, match="not a recording"):
        load_audio(p)


def test_missing_file(tmp_path):
    with pytest.raises(InvalidAudioError, match="no such file"):
        load_audio(tmp_path / "nope.wav")


def test_zero_length_wav(tmp_path):
    import soundfile as sf

    p = tmp_path / "zero.wav"
    sf.write(p, np.zeros(0, np.float32), 16000)  # a valid WAV header with no samples
    assert p.stat().st_size > 0
    with pytest.raises(InvalidAudioError, match="no audio"):
        load_audio(p)


def test_video_without_audio(tmp_path):
    p = tmp_path / "silent_video.mp4"
    with av.open(str(p), mode="w") as out:
        vs = out.add_stream("mpeg4", rate=10)
        vs.width, vs.height, vs.pix_fmt = 64, 48, "yuv420p"
        for _ in range(10):
            for pkt in vs.encode(av.VideoFrame.from_ndarray(np.zeros((48, 64, 3), np.uint8), format="rgb24")):
                out.mux(pkt)
        for pkt in vs.encode(None):
            out.mux(pkt)
    with pytest.raises(InvalidAudioError, match="no audio track"):
        load_audio(p)


def test_truncated_flac_keeps_what_decodes(tmp_path, clip):
    full = encode(tmp_path / "full.flac", clip, sr=16000, codec="flac").read_bytes()
    p = tmp_path / "cut.flac"
    p.write_bytes(full[: len(full) // 2])
    rec = load_audio(p)
    assert 0.5 < rec.duration_s < CLIP_S


def test_bad_sample_rate_parameter(tmp_path, clip):
    p = encode(tmp_path / "c.wav", clip, sr=16000, codec="pcm_s16le")
    with pytest.raises(InvalidParameterError, match="sr must be"):
        load_audio(p, sr=100)


# --------------------------------------------------------------------------
# Decoded audio lives in an unlinked temporary file, mapped read-only
# --------------------------------------------------------------------------


def test_decoded_audio_is_read_only_mapped_and_leaves_no_file(tmp_path, monkeypatch, clip):
    import tempfile

    src = encode(tmp_path / "c.flac", clip, sr=16000, codec="flac")
    spool = tmp_path / "spool"
    spool.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spool))
    rec = load_audio(src)
    assert list(spool.iterdir()) == []  # unlinked from the start: nothing to clean up, even after SIGKILL
    assert not rec.samples.flags.writeable
    with pytest.raises(ValueError):
        rec.samples[0, 0] = 0.5
    # stereo keeps both channels and the loader's own mix, equal to the channel mean
    assert rec.samples.shape == clip.shape
    np.testing.assert_allclose(rec.samples, clip, atol=1e-4)
    assert rec.mono() is rec.mono_samples
    np.testing.assert_allclose(rec.mono(), clip.mean(axis=0), atol=1e-4)
    # replacing the samples drops the stale mix
    other = __import__("dataclasses").replace(rec, samples=np.ascontiguousarray(rec.samples[::-1] * 0.5))
    np.testing.assert_allclose(other.mono(), other.samples.mean(axis=0), atol=1e-6)


def test_sample_buffer_grows_past_an_understated_length():
    from pipeline.io.audio import _SampleBuffer

    rng = np.random.default_rng(0)
    chunks = [rng.uniform(-1.2, 1.2, size=(2, n)).astype(np.float32) for n in (1000, 70_000, 300_000, 5)]
    buf = _SampleBuffer(2, capacity=50_000)  # the "header" said 50,000 samples; 371,005 arrive
    buf._STAGE = 4096  # small staging buffer: many writes and two moves into bigger files
    buf.stage = np.empty((3, buf._STAGE), np.float32)
    for c in chunks:
        buf.append(c)
    samples, mono = buf.collect()
    want = np.clip(np.concatenate(chunks, axis=1), -1.0, 1.0)
    assert samples.shape == (2, 371_005) and buf.capacity >= 371_005
    np.testing.assert_array_equal(samples, want)
    np.testing.assert_allclose(mono, want.mean(axis=0), atol=1e-7)


def _rss_file_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("RssFile:"):
            return int(line.split()[1])
    raise LookupError


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads Linux /proc")
def test_iter_blocks_walks_a_long_recording_without_keeping_its_pages(tmp_path):
    """Three minutes of audio: a plain pass maps all of it into the process, iter_blocks keeps ~one block."""
    from pipeline.io.audio import iter_blocks, release_pages

    n = 180 * 16000  # 11.5 MB of float32
    noise = np.random.default_rng(1).uniform(-0.5, 0.5, size=(1, n)).astype(np.float32)
    rec = load_audio(encode(tmp_path / "long.flac", noise, sr=16000, codec="flac"))
    y = rec.mono()
    release_pages(y)
    before = _rss_file_kb()
    total, covered = 0.0, 0
    for start, block in iter_blocks(y, block_length=1 << 16):
        assert start == covered
        covered += block.shape[-1]
        total += float(block.sum(dtype=np.float64))
    assert covered == n
    walked = _rss_file_kb() - before
    assert total == pytest.approx(float(y.sum(dtype=np.float64)), abs=1e-3)  # this pass maps everything
    mapped_all = _rss_file_kb() - before
    assert mapped_all > 9_000  # KB: the plain pass really does keep the whole recording resident ...
    assert walked < 1_000  # ... and the block walk did not
    release_pages(y)
    assert _rss_file_kb() - before < 1_000
    with pytest.raises(InvalidParameterError, match="block_length"):
        next(iter_blocks(y, block_length=0))


def test_full_temporary_disk_is_one_clear_error(tmp_path, monkeypatch, clip):
    import errno

    from pipeline.errors import WorkspaceError
    from pipeline.io import audio

    src = encode(tmp_path / "c.flac", clip, sr=16000, codec="flac")

    def full(*_args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(audio.os, "pwrite", full)
    with pytest.raises(WorkspaceError, match="No space left on device.*TMPDIR"):
        load_audio(src)
    monkeypatch.undo()
    assert load_audio(src).n_samples == clip.shape[1]  # room again: it works


def test_metadata_in_a_wrong_encoding_is_no_reason_to_refuse(clip, tmp_path):
    """A WAV whose title tag is Latin-1, not UTF-8 (old recorders write such tags): PyAV 18 needs
    metadata_errors="ignore" to open it, PyAV 19 (Python >= 3.12) no longer takes that argument."""
    import struct

    import soundfile as sf

    buf = io.BytesIO()
    sf.write(buf, clip[0], 16_000, format="WAV", subtype="PCM_16")
    title = "été café".encode("latin-1")
    inam = b"INAM" + struct.pack("<I", len(title)) + title + b"\x00" * (len(title) % 2)
    data = bytearray(buf.getvalue()) + b"LIST" + struct.pack("<I", 4 + len(inam)) + b"INFO" + inam
    struct.pack_into("<I", data, 4, len(data) - 8)  # the RIFF size covers the new chunk
    path = tmp_path / "latin1_title.wav"
    path.write_bytes(bytes(data))
    rec = load_audio(path)
    assert rec.duration_s == pytest.approx(CLIP_S, abs=1e-3)
    assert np.allclose(rec.samples[0], clip[0], atol=1e-4)  # 16-bit rounding
