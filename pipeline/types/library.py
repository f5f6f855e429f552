"""The session library: consent, stored-session summaries, batch runs, redaction, baselines."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from pipeline.errors import InvalidParameterError
from pipeline.types.base import ROLES, Role
from pipeline.types.inputs import AUDIO_SUFFIXES, BATCH_TRANSCRIPT_SUFFIXES

#: What a consent can allow to be kept, from least to most.
KEEP_LEVELS = ("report", "transcript", "audio")
#: What a signed-in account is, in server mode (docs/security.md has the table of who may do what).
AccountRole = Literal["mentor", "trainer", "mentee", "admin"]
#: Every :data:`AccountRole`, in that order (the choices the admin page offers).
ACCOUNT_ROLES: tuple[AccountRole, ...] = get_args(AccountRole)


@dataclass(frozen=True)
class ConsentRecord:
    """One person's consent to keeping data about a session.

    Attributes
    ----------
    participant : str
        Who consented (a name, as it should appear in the store).
    role : str
        Their role in the session: ``"mentor"``, ``"mentee"`` or ``"other"``.
    keep_report : bool
        The report (indicators, turn timings, per-turn measures) may be kept.
        Must be True: a session is never stored without it.
    keep_transcript : bool
        The words said (turn text, quotes) may be kept.
    keep_audio : bool
        The recording itself may be kept.
    given_at : str
        When consent was given, ISO 8601 (``"2025-03-01T10:00:00+00:00"``).
    recorded_by : str
        Who recorded the consent (e.g. the programme coordinator).
    account : str
        The account of the person who consented, in server mode ("" on one person's machine, or when the person
        has no account): it decides who sees the session (:mod:`pipeline.library.access`).
    """

    participant: str
    role: Role
    keep_report: bool = True
    keep_transcript: bool = False
    keep_audio: bool = False
    given_at: str = ""
    recorded_by: str = ""
    account: str = ""

    def __post_init__(self) -> None:
        if not self.participant.strip():
            raise InvalidParameterError("ConsentRecord.participant is empty: name the person who consented")
        if self.role not in ROLES:
            raise InvalidParameterError(f"ConsentRecord.role must be mentor, mentee or other, got {self.role!r}")
        if not self.recorded_by.strip():
            raise InvalidParameterError("ConsentRecord.recorded_by is empty: name who recorded the consent")
        if not self.given_at:
            raise InvalidParameterError("ConsentRecord.given_at is empty: give the date and time of consent")
        if self.keep_audio and not self.keep_transcript:
            # Audio contains everything the transcript does.
            raise InvalidParameterError(f"{self.participant}'s consent keeps the audio but not the transcript: the "
                                        "recording holds the words said, so allow both or neither")


@dataclass(frozen=True)
class Account:
    """A sign-in account of server mode (never its password or hash).

    Attributes
    ----------
    name : str
        The sign-in name: lower case letters, digits and ``. _ @ -``, 1-64 characters.
    role : AccountRole
        ``"mentor"`` (their own sessions, upload), ``"trainer"`` (the sessions of the mentors assigned to them),
        ``"mentee"`` (the sessions they consented to), ``"admin"`` (accounts and assignments, no session content).
    created_at : str
        When it was made, ISO 8601 UTC.
    disabled : bool
        A disabled account cannot sign in; its consents and sessions stay.
    """

    name: str
    role: AccountRole
    created_at: str = ""
    disabled: bool = False

    def __post_init__(self) -> None:
        if self.role not in ACCOUNT_ROLES:
            raise InvalidParameterError(f"account role must be one of {', '.join(ACCOUNT_ROLES)}, got {self.role!r}")


@dataclass(frozen=True)
class SessionSummary:
    """One stored session as listed by :meth:`pipeline.library.store.Store.list_sessions`.

    Attributes
    ----------
    session_id : str
        Store identifier (12 hex characters).
    source_name, sha256 : str
        Input file name and content hash.
    recorded_on : str
        Date of the session, ISO ``YYYY-MM-DD``.
    stored_at : str
        When it was stored, ISO 8601 UTC.
    duration_s : float
        Length of the session, seconds.
    mentor, mentee : str
        Names (display name, consenting person, or speaker label).
    model_name, pipeline_version : str
        What produced it.
    keeps_transcript, keeps_audio : bool
        What the consents allowed to keep.
    indicators : tuple of (str, float or None)
        ``(indicator id, value)`` pairs.
    intervals : tuple of (str, float, float)
        ``(indicator id, low, high)``: the 95 % interval of each indicator
        that has one (``Indicator.ci95``), in its unit.
    """

    session_id: str
    source_name: str
    sha256: str
    recorded_on: str
    stored_at: str
    duration_s: float
    mentor: str
    mentee: str
    model_name: str
    pipeline_version: str
    keeps_transcript: bool
    keeps_audio: bool
    indicators: tuple[tuple[str, float | None], ...] = ()
    intervals: tuple[tuple[str, float, float], ...] = ()


@dataclass(frozen=True)
class BatchItem:
    """Outcome for one file of a batch run.

    Attributes
    ----------
    path : str
        The file.
    status : str
        ``"stored"``, ``"skipped"`` (already in the store) or ``"failed"``.
    session_id : str
        Store id ("" when failed).
    reason : str
        Why it failed ("" otherwise).
    seconds : float
        Wall time spent on it in its worker, s (0 when skipped).
    """

    path: str
    status: str
    session_id: str = ""
    reason: str = ""
    seconds: float = 0.0


@dataclass(frozen=True)
class BatchOptions:
    """Options of :func:`pipeline.run.batch.run_batch`.

    Attributes
    ----------
    workers : int or None
        Worker processes, 1-64. None: half the CPU cores, at least one (a
        2-core machine gets one worker: each Whisper worker uses several threads).
    engine : str
        ``"processes"`` (local process pool) or ``"dask"`` (a Dask cluster;
        needs the ``distributed`` extra).
    scheduler : str or None
        Dask scheduler address (``"tcp://host:8786"``); None starts a local cluster.
    shared_files : bool
        Dask workers read each recording at its path (a file system they all
        see). False sends the file's bytes to the worker instead.
    extensions : tuple of str
        File name endings analysed, lower case, with the dot: every audio suffix and the transcripts of
        :data:`pipeline.types.inputs.BATCH_TRANSCRIPT_SUFFIXES` (a transcript is analysed as `rapport analyze` does).
    """

    workers: int | None = None
    engine: str = "processes"
    scheduler: str | None = None
    shared_files: bool = True
    extensions: tuple[str, ...] = AUDIO_SUFFIXES + BATCH_TRANSCRIPT_SUFFIXES

    def __post_init__(self) -> None:
        if self.workers is not None and not 1 <= self.workers <= 64:
            raise InvalidParameterError(f"workers must be 1-64, got {self.workers}")
        if self.engine not in ("processes", "dask"):
            raise InvalidParameterError(f"engine must be 'processes' or 'dask', got {self.engine!r}")


@dataclass(frozen=True)
class RedactOptions:
    """Options of :func:`pipeline.library.redact.redact_text`.

    Attributes
    ----------
    name_labels : tuple of str
        spaCy entity labels replaced by ``name_token``.
    place_labels : tuple of str
        spaCy entity labels replaced by ``place_token``.
    name_token, place_token : str
        Replacement text.
    """

    name_labels: tuple[str, ...] = ("PERSON",)
    place_labels: tuple[str, ...] = ("GPE", "LOC", "FAC", "NORP")
    name_token: str = "[NAME]"
    place_token: str = "[PLACE]"


@dataclass(frozen=True)
class Baseline:
    """A person's usual pace and pauses, from their own stored sessions or population norms.

    Attributes
    ----------
    person : str
        Whose baseline ("" for population norms).
    source : str
        ``"own"`` (from their stored sessions) or ``"population"``.
    n_sessions, n_turns : int
        How much of their speech it rests on (0 for population norms).
    pace_wpm : float
        Median words per minute over their turns.
    pause_s : float
        Median gap before their turns, s (turn-taking gaps; overlaps excluded).
    """

    person: str
    source: str
    n_sessions: int
    n_turns: int
    pace_wpm: float
    pause_s: float
