"""Decode recordings into :class:`~pipeline.types.Recording`.

PyAV (the FFmpeg bindings faster-whisper itself uses) decodes wav, mp3,
m4a/aac, flac, ogg/opus, webm and the audio track of mp4/mov, so no system
ffmpeg is needed. This module is one of the few that touch files: decoded
audio goes to an unlinked temporary file mapped read-only, so a long
recording does not sit on the heap, and :func:`iter_blocks` lets a stage walk
it in blocks without its pages piling up in resident memory.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import mmap
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import librosa
import numpy as np

from pipeline.errors import InvalidAudioError, InvalidParameterError, WorkspaceError
from pipeline.types import SAMPLE_RATE_HZ, Recording, root_buffer

_CHUNK_BYTES = 1 << 20
#: Samples per block when a stage walks a whole recording (about 65 s at 16 kHz).
BLOCK_SAMPLES = 1 << 20
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
        ``(2, n)`` (and their mix, for :meth:`Recording.mono`); more than two
        channels are mixed down to ``(1, n)``. The samples are read-only and
        live in an unlinked temporary file mapped into memory (under
        ``TMPDIR``), not on the heap: a 3-hour stereo session costs about
        2 GB of temporary disk, and resident memory only for the blocks a
        stage is working on (see :func:`iter_blocks`).

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
    samples, mono, source_sr = _decode(source, sr=sr, name=name)
    return Recording(samples=samples, sr=sr, source_name=name, sha256=digest, source_sr=source_sr, mono_samples=mono)


def _open_for_reading(source: str | BinaryIO):
    """``av.open`` for reading, tolerant of undecodable metadata (a tag in a wrong encoding is no reason to refuse).

    PyAV up to 18 needs ``metadata_errors="ignore"`` for that; PyAV 19 (the one pip installs on Python >= 3.12)
    dropped the argument. The TypeError comes from binding the arguments, before the source is read.
    """
    import av  # here and below, not at the top: a transcript's analysis never loads FFmpeg (0.16 s of start-up)

    try:
        return av.open(source, mode="r", metadata_errors="ignore")
    except TypeError:
        return av.open(source, mode="r")


def _decode(source: str | os.PathLike | BinaryIO, *, sr: int, name: str) -> tuple[np.ndarray, np.ndarray, int]:
    import av

    hint = "Rapport reads wav, mp3, m4a, flac, ogg, opus, webm, mp4 and mov recordings."
    try:
        container = _open_for_reading(source if not isinstance(source, os.PathLike) else os.fspath(source))
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
    if buf.n_samples + buf.n_staged == 0:
        raise InvalidAudioError(f"{name}: the recording holds no audio (zero length).")
    samples, mono = buf.collect()
    return samples, mono, source_sr


def _expected_samples(container, stream, *, sr: int) -> int:
    """Samples per channel the file says it holds at ``sr`` (capped at 6 hours; 60 s when it does not say)."""
    import av

    seconds = None
    if stream.duration is not None and stream.time_base is not None:
        seconds = float(stream.duration * stream.time_base)
    elif container.duration is not None:
        seconds = container.duration / av.time_base
    if not seconds or seconds <= 0:
        seconds = 60.0
    return int(min(seconds, _MAX_PREALLOC_S) * sr * 1.01) + sr


class _SampleBuffer:
    """Decoded samples written to an anonymous temporary file and mapped read-only: audio stays off the heap.

    The file holds one row per channel (plus, for stereo, a row for the mono
    mix the recogniser and the diarizer use), each ``capacity`` samples long,
    sized from the file's stated duration; unwritten pages are holes, so a
    header that overstates the length costs address space, not disk or
    memory. Samples are staged in a small buffer, clipped to [-1, 1] and
    written with ``pwrite``; when the file runs past ``capacity`` the rows are
    moved into a file twice the size. The file is unlinked from the moment it
    is made (``tempfile.TemporaryFile``), so nothing is left on disk after the
    process ends, however it ends. Pages the stages touch stay in the page
    cache, not in the process: :func:`iter_blocks` drops them after each block.
    """

    _STAGE = 1 << 18  # samples per channel staged before a write (1 MB per row)

    def __init__(self, n_channels: int, *, capacity: int) -> None:
        self.n_channels = n_channels
        self.rows = n_channels + (1 if n_channels == 2 else 0)
        self.capacity = max(int(capacity), 1)
        with self._disk():
            self.file = tempfile.TemporaryFile()
            self.file.truncate(self.rows * self.capacity * 4)
        self.stage = np.empty((self.rows, self._STAGE), np.float32)
        self.n_staged = 0
        self.n_samples = 0  # written to the file

    def append(self, chunk: np.ndarray) -> None:
        chunk = chunk[: self.n_channels]
        pos = 0
        while pos < chunk.shape[1]:
            k = min(chunk.shape[1] - pos, self._STAGE - self.n_staged)
            self.stage[: self.n_channels, self.n_staged:self.n_staged + k] = chunk[:, pos:pos + k]
            self.n_staged += k
            pos += k
            if self.n_staged == self._STAGE:
                self._flush()

    def _flush(self) -> None:
        k = self.n_staged
        if k == 0:
            return
        block = self.stage[:, :k]
        np.clip(block[: self.n_channels], -1.0, 1.0, out=block[: self.n_channels])
        if self.rows > self.n_channels:
            np.mean(block[: self.n_channels], axis=0, out=block[self.n_channels])
        if self.n_samples + k > self.capacity:
            self._grow(max(self.n_samples + k, 2 * self.capacity))
        fd = self.file.fileno()
        with self._disk():
            for r in range(self.rows):
                os.pwrite(fd, np.ascontiguousarray(block[r]).tobytes(), (r * self.capacity + self.n_samples) * 4)
        self.n_samples += k
        self.n_staged = 0

    def _grow(self, capacity: int) -> None:
        """Move the rows into a new file of ``capacity`` samples per row (the header understated the length)."""
        with self._disk():
            new = tempfile.TemporaryFile()
            new.truncate(self.rows * capacity * 4)
            src, dst = self.file.fileno(), new.fileno()
            step = self._STAGE * 4
            for r in range(self.rows):
                for off in range(0, self.n_samples * 4, step):
                    data = os.pread(src, min(step, self.n_samples * 4 - off), r * self.capacity * 4 + off)
                    os.pwrite(dst, data, r * capacity * 4 + off)
        self.file.close()
        self.file, self.capacity = new, capacity

    @contextlib.contextmanager
    def _disk(self) -> Iterator[None]:
        """Turn a full or unwritable temporary disk into a :class:`WorkspaceError` that says what to do."""
        try:
            yield
        except OSError as err:
            where = tempfile.gettempdir()
            need_mb = (self.n_samples + self._STAGE) * self.rows * 4 / 1e6
            raise WorkspaceError(
                f"No room for the decoded audio in {where} ({err.strerror or err}; at least {need_mb:.0f} MB, "
                "about 0.25 GB per hour per channel, are needed). Free disk space there or set TMPDIR to a "
                "folder with room, then try again."
            ) from None

    def collect(self) -> tuple[np.ndarray, np.ndarray]:
        """(samples, mono): read-only views of shape ``(n_channels, n_samples)`` and ``(n_samples,)``."""
        self._flush()
        self.stage = np.empty((0, 0), np.float32)
        mapped = mmap.mmap(self.file.fileno(), self.rows * self.capacity * 4, access=mmap.ACCESS_READ)
        self.file.close()  # the mapping keeps the (already unlinked) file alive until it is garbage
        root = np.frombuffer(mapped, dtype=np.float32).reshape(self.rows, self.capacity)
        samples = root[: self.n_channels, : self.n_samples]
        return samples, root[self.rows - 1, : self.n_samples]


def _mapping_of(y: np.ndarray) -> mmap.mmap | None:
    base = root_buffer(y)
    if isinstance(base, memoryview):  # np.frombuffer keeps a memoryview of the mapping
        base = base.obj
    return base if isinstance(base, mmap.mmap) else None


def release_pages(y: np.ndarray) -> None:
    """Drop the file pages a disk-backed signal has mapped into this process (no-op for in-memory arrays).

    The samples stay in the page cache and come back on the next access, so
    this only stops resident memory from growing as a stage walks a long
    recording. Safe at any time: the mapping is read-only.
    """
    mapped = _mapping_of(y)
    if mapped is not None and hasattr(mapped, "madvise") and hasattr(mmap, "MADV_DONTNEED"):
        try:
            mapped.madvise(mmap.MADV_DONTNEED)
        except (OSError, ValueError):  # a closed mapping or an OS that refuses: nothing to release
            pass


def iter_blocks(y: np.ndarray, *, block_length: int) -> Iterator[tuple[int, np.ndarray]]:
    """Walk a signal in blocks, releasing a disk-backed signal's pages after each one.

    Parameters
    ----------
    y : np.ndarray
        Signal, shape ``(..., n_samples)``.
    block_length : int, keyword-only
        Samples per block, at least 1.

    Yields
    ------
    (start, block)
        ``block`` is the view ``y[..., start:start + block_length]``; copy it
        to keep it past the next step.
    """
    if block_length < 1:
        raise InvalidParameterError(f"block_length must be at least 1 sample, got {block_length}")
    n = y.shape[-1]
    for start in range(0, n, block_length):
        yield start, y[..., start:start + block_length]
        release_pages(y)


def frame_rms(y: np.ndarray, *, frame_length: int, hop_length: int) -> np.ndarray:
    """RMS of each frame (librosa's ``center=False`` framing), computed in blocks of frames.

    librosa frames and squares a whole signal at once (``frame_length`` x
    ``n_frames`` values: about 290 MB per 30 minutes at a 10 ms hop); blocks of
    :data:`BLOCK_SAMPLES` keep memory flat in the recording's length, and a
    disk-backed signal's pages are released after each block.

    Parameters
    ----------
    y : np.ndarray
        float32 signal, shape ``(..., n_samples)``.
    frame_length, hop_length : int, keyword-only
        Frame and hop in samples.

    Returns
    -------
    np.ndarray
        float32, shape ``(..., n_frames)`` with ``n_frames = 1 + (n_samples -
        frame_length) // hop_length`` (0 when the signal is shorter than a
        frame); frame ``i`` covers ``[i*hop_length, i*hop_length + frame_length)``.
    """
    if y.shape[-1] < frame_length:
        return np.zeros(y.shape[:-1] + (0,), dtype=np.float32)
    n_frames = 1 + (y.shape[-1] - frame_length) // hop_length
    out = np.empty(y.shape[:-1] + (n_frames,), dtype=np.float32)
    block = max(1, BLOCK_SAMPLES // hop_length)
    for f0 in range(0, n_frames, block):
        f1 = min(f0 + block, n_frames)
        seg = y[..., f0 * hop_length:(f1 - 1) * hop_length + frame_length]
        out[..., f0:f1] = librosa.feature.rms(y=seg, frame_length=frame_length, hop_length=hop_length,
                                              center=False)[..., 0, : f1 - f0]
        release_pages(y)
    return out
