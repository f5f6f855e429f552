"""Decode recordings into :class:`~pipeline.types.Recording`.

PyAV (the FFmpeg bindings faster-whisper itself uses) decodes wav, mp3,
m4a/aac, flac, ogg/opus, webm and the audio track of mp4/mov, so no system
ffmpeg is needed. This module is one of the few that touch files.
"""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path
from typing import BinaryIO

import av
import numpy as np

from pipeline.errors import InvalidAudioError, InvalidParameterError
from pipeline.types import SAMPLE_RATE_HZ, Recording

_CHUNK_BYTES = 1 << 20
_MAX_PREALLOC_S = 6 * 3600  # the decode buffer never reserves more than this up front, seconds


def _sha256_of(source: str | os.PathLike | BinaryIO) -> str:
    h = hashlib.sha256()
    if isinstance(source, (str, os.PathLike)):
        with open(source, "rb") as f:
            for chunk in iter(lambda: f.read(_CHUNK_BYTES), b""):
                h.update(chunk)
    else:
        pos = source.tell()
        for chunk in iter(lambda: source.read(_CHUNK_BYTES), b""):
            h.update(chunk)
        source.seek(pos)
    return h.hexdigest()


def _describe(source: str | os.PathLike | BinaryIO, name: str | None) -> str:
    if name:
        return name
    if isinstance(source, (str, os.PathLike)):
        return Path(source).name
    return getattr(source, "name", None) or "upload"


def load_audio(
    source: str | os.PathLike | BinaryIO | bytes,
    *,
    sr: int = SAMPLE_RATE_HZ,
    source_name: str | None = None,
) -> Recording:
    """Decode an audio or video file into a 16 kHz float32 :class:`Recording`.

    Parameters
    ----------
    source : path, binary file object or bytes
        The recording. Any container/codec FFmpeg reads; for video only the
        first audio stream is used.
    sr : int, keyword-only
        Target sample rate in Hz, 8000-48000. Keep the default 16000 for the
        pipeline.
    source_name : str, optional
        Name to record (defaults to the file name). Only the final path
        component is kept, so an upload name cannot smuggle a directory.

    Returns
    -------
    Recording
        Mono files give shape ``(1, n)``; stereo files keep both channels
        ``(2, n)``; more than two channels are mixed down to ``(1, n)``.

    Raises
    ------
    InvalidAudioError
        The file is empty, not audio, has no audio track, holds zero samples
        or cannot be decoded.
    """
    if not 8000 <= sr <= 48000:
        raise InvalidParameterError(f"sr must be 8000-48000 Hz, got {sr}")
    if isinstance(source, (bytes, bytearray)):
        source = io.BytesIO(bytes(source))
    name = Path(_describe(source, source_name)).name or "upload"

    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        if not path.is_file():
            raise InvalidAudioError(f"{name}: no such file. Check the path and try again.")
        if path.stat().st_size == 0:
            raise InvalidAudioError(f"{name}: the file is empty (0 bytes). Choose the recording itself.")
    digest = _sha256_of(source)
    samples, source_sr = _decode(source, sr=sr, name=name)
    return Recording(samples=samples, sr=sr, source_name=name, sha256=digest, source_sr=source_sr)


def _decode(source: str | os.PathLike | BinaryIO, *, sr: int, name: str) -> tuple[np.ndarray, int]:
    hint = "Rapport reads wav, mp3, m4a, flac, ogg, opus, webm, mp4 and mov recordings."
    try:
        container = av.open(source if not isinstance(source, os.PathLike) else os.fspath(source),
                            mode="r", metadata_errors="ignore")
    except (av.error.FFmpegError, OSError, ValueError) as err:
        raise InvalidAudioError(f"{name}: not a recording Rapport can read ({err.__class__.__name__}). {hint}") from None
    with container:
        if not container.streams.audio:
            raise InvalidAudioError(f"{name}: the file has no audio track. {hint}")
        stream = container.streams.audio[0]
        if stream.codec_context is None:  # e.g. a WAV header naming an unknown format code
            raise InvalidAudioError(f"{name}: the audio track uses a codec FFmpeg cannot decode. {hint}")
        in_channels = stream.codec_context.channels or 1
        source_sr = int(stream.codec_context.sample_rate or 0)
        layout = "stereo" if in_channels == 2 else "mono"
        resampler = av.AudioResampler(format="fltp", layout=layout, rate=sr)
        n_out = 2 if layout == "stereo" else 1
        buf = _SampleBuffer(n_out, capacity=_expected_samples(container, stream, sr=sr))
        try:
            for frame in container.decode(stream):
                for out in resampler.resample(frame):
                    buf.append(out.to_ndarray())
            for out in resampler.resample(None):
                buf.append(out.to_ndarray())
        except av.error.InvalidDataError:
            # A truncated file: keep what decoded before the damage.
            pass
        except (av.error.FFmpegError, ValueError) as err:
            raise InvalidAudioError(f"{name}: the audio could not be decoded ({err}). {hint}") from None
    if buf.n_samples == 0:
        raise InvalidAudioError(f"{name}: the recording holds no audio (zero length).")
    samples = buf.collect()
    np.clip(samples, -1.0, 1.0, out=samples)
    return samples, source_sr


def _expected_samples(container, stream, *, sr: int) -> int:
    """Samples per channel the file says it holds at ``sr`` (capped at 6 hours; 60 s when it does not say)."""
    seconds = None
    if stream.duration is not None and stream.time_base is not None:
        seconds = float(stream.duration * stream.time_base)
    elif container.duration is not None:
        seconds = container.duration / av.time_base
    if not seconds or seconds <= 0:
        seconds = 60.0
    return int(min(seconds, _MAX_PREALLOC_S) * sr * 1.01) + sr


class _SampleBuffer:
    """Decoded samples written straight into one array sized from the file's stated duration.

    Frames-major ``(capacity, n_channels)`` so the array can grow or shrink in
    place (``ndarray.resize``): peak memory is the audio once, not a list of
    frames plus a joined copy. Pages past the end are never touched, so a
    header that overstates the length costs address space, not memory.
    """

    def __init__(self, n_channels: int, *, capacity: int) -> None:
        self.buf = np.empty((max(capacity, 1), n_channels), np.float32)
        self.n_samples = 0

    def append(self, chunk: np.ndarray) -> None:
        c = self.buf.shape[1]
        chunk = chunk[:c]
        need = self.n_samples + chunk.shape[1]
        if need > self.buf.shape[0]:
            self.buf.resize((max(need, 2 * self.buf.shape[0]), c), refcheck=False)
        self.buf[self.n_samples:need] = chunk.T
        self.n_samples = need

    def collect(self) -> np.ndarray:
        """Shape ``(n_channels, n_samples)``, C-contiguous (mono without a copy)."""
        self.buf.resize((self.n_samples, self.buf.shape[1]), refcheck=False)
        out = np.ascontiguousarray(self.buf.T)
        self.buf = np.empty((0, 0), np.float32)
        return out
