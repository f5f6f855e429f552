"""Errors raised by Rapport's pipeline.

Every error derives from :class:`PipelineError`, so a caller (the CLI, the app)
can catch one type and show ``str(err)``: each message names the bad value and
says what to do about it.
"""

from __future__ import annotations


class PipelineError(Exception):
    """Base class of every error the pipeline raises on purpose."""


class InvalidAudioError(PipelineError):
    """The input is not audio Rapport can read (not audio, no audio track, empty, unreadable)."""


class InvalidParameterError(PipelineError, ValueError):
    """An option or argument is outside its valid range."""


class ModelLoadError(PipelineError):
    """A model's weights are missing or damaged; the message names the pip command that fixes it."""


class TranscriptFormatError(PipelineError):
    """A transcript file (VTT, SRT, text, turns.json), or a report.json read back, could not be parsed."""


class WorkspaceError(PipelineError):
    """The machine lacks room to work: the temporary disk for decoded audio is full or not writable."""


class StoreError(PipelineError):
    """The session store refused an operation (no consent, unknown session, bad database)."""


class AlreadyStoredError(StoreError):
    """The same recording with the same options is already in the session store: ``session_id`` is that session.

    Raised when another process stored it between the check and the write; callers serve the stored session.
    """

    def __init__(self, message: str, *, session_id: str | None = None):
        super().__init__(message)
        self.session_id = session_id


class AuthError(PipelineError):
    """Sign-in failed (wrong name or password, a disabled account, or too many failed attempts): server mode only.

    The message never says whether the name exists.
    """


class AccessError(PipelineError):
    """The signed-in account may not do this (see a session, delete it, manage accounts): server mode only."""
