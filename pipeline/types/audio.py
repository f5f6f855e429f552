"""Decoded audio: the recording every stage reads."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from pipeline.errors import InvalidParameterError

#: Sample rate every stage works at, in Hz. Whisper, Silero VAD and the
#: speaker encoder all expect 16 kHz.
SAMPLE_RATE_HZ = 16_000


@dataclass(frozen=True, eq=False)
class Recording:
    """Decoded audio of one session.

    Attributes
    ----------
    samples : np.ndarray
        float32, shape ``(n_channels, n_samples)``, values in [-1, 1].
        Stereo files keep both channels (one person per channel in
        dual-channel set-ups); files with more than two channels are mixed
        down to mono.
    sr : int
        Sample rate in Hz (always :data:`SAMPLE_RATE_HZ` from the loader).
    source_name : str
        File name the audio came from (no directory part), for display.
    sha256 : str
        Hex SHA-256 of the source file's bytes: identifies the session.
    source_sr : int
        Sample rate of the file before resampling, Hz (0: unknown, e.g. built
        in memory). Below 16000 the recording carries less than Whisper expects.
    mono_samples : np.ndarray or None
        The channel mean, shape ``(n_samples,)``, when the loader made it while
        decoding (stereo files); None lets :meth:`mono` compute it.
    """

    samples: np.ndarray
    sr: int
    source_name: str
    sha256: str
    source_sr: int = 0
    mono_samples: np.ndarray | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.samples.ndim != 2:
            raise InvalidParameterError(
                f"Recording.samples must have shape (n_channels, n_samples), got {self.samples.shape}"
            )
        if self.sr <= 0:
            raise InvalidParameterError(f"Recording.sr must be positive, got {self.sr}")

    @property
    def n_channels(self) -> int:
        """Number of channels kept (1 or 2)."""
        return int(self.samples.shape[0])

    @property
    def n_samples(self) -> int:
        """Samples per channel."""
        return int(self.samples.shape[1])

    @property
    def duration_s(self) -> float:
        """Duration in seconds."""
        return self.n_samples / self.sr

    def mono(self) -> np.ndarray:
        """Channel mean, float32, shape ``(n_samples,)`` (a view when the loader made it or there is one channel)."""
        if self.n_channels == 1:
            return self.samples[0]
        # only the loader's own mix: same length and the same buffer (a ``replace(samples=...)`` drops it)
        if (self.mono_samples is not None and self.mono_samples.shape == (self.n_samples,)
                and root_buffer(self.mono_samples) is root_buffer(self.samples)):
            return self.mono_samples
        return self.samples.mean(axis=0, dtype=np.float32)


def root_buffer(a: np.ndarray):
    """The object at the bottom of an array's chain of views (itself when it owns its data)."""
    while isinstance(a.base, np.ndarray):
        a = a.base
    return a.base if a.base is not None else a
