"""Pure helpers of the session store: where it lives, what identifies a result, and what the consents allow.

Locations
---------
* data directory: ``RAPPORT_DATA_DIR`` or ``platformdirs.user_data_dir("rapport")``;
* database: ``RAPPORT_DB`` (any SQLAlchemy URL) or ``sqlite:///<data dir>/rapport.db``.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path

import pipeline
from pipeline.errors import StoreError
from pipeline.io.export import to_jsonable
from pipeline.types import KEEP_LEVELS, AnalyzeOptions, ConsentRecord, Report


def default_data_dir() -> Path:
    """``RAPPORT_DATA_DIR`` or the platform's user data folder for ``rapport``."""
    env = os.environ.get("RAPPORT_DATA_DIR")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("rapport", appauthor=False))


def default_url(data_dir: Path | None = None) -> str:
    """``RAPPORT_DB`` or ``sqlite:///<data dir>/rapport.db``."""
    env = os.environ.get("RAPPORT_DB")
    if env:
        return env
    return f"sqlite:///{(data_dir or default_data_dir()) / 'rapport.db'}"


def reuse_key(options: AnalyzeOptions, *, pipeline_version: str = pipeline.__version__) -> str:
    """Hex SHA-256 of the analysis options, model name and pipeline version.

    Together with the input's content hash it identifies a result: the same file
    analysed with the same options by the same version is served from the store.
    """
    payload = {"options": to_jsonable(options), "model": options.model, "pipeline_version": pipeline_version}
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


def file_sha256(path: str | os.PathLike) -> str:
    """Hex SHA-256 of a file's bytes (read in 1 MiB blocks); same as ``Recording.sha256``."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def effective_consent(consents: Sequence[ConsentRecord]) -> tuple[bool, bool]:
    """``(keep_transcript, keep_audio)`` allowed by every consent; raises StoreError without a usable one."""
    if not consents:
        raise StoreError("No consent record: a session cannot be stored without one. Record who consented "
                         "to what (ConsentRecord, or --consent-by/--recorded-by on the command line).")
    refused = [c.participant for c in consents if not c.keep_report]
    if refused:
        raise StoreError(f"{', '.join(refused)} did not consent to keeping the report: the session cannot be stored.")
    return all(c.keep_transcript for c in consents), all(c.keep_audio for c in consents)


def same_person(a: str, b: str) -> bool:
    """Whether two names, as typed, name the same person: case and runs of spaces ignored."""
    return " ".join(a.split()).lower() == " ".join(b.split()).lower()


def now_iso(timespec: str = "seconds") -> str:
    """The time now (UTC) in ISO 8601, to ``timespec``."""
    return datetime.now(UTC).isoformat(timespec=timespec)


def participant_names(report: Report, consents: Sequence[ConsentRecord]) -> dict[str, str]:
    """Speaker label -> name: a display name the user gave, else the consenting person of that role, else the label.

    A display name equal to the label is no name: :func:`pipeline.measures.roles.assign_roles` sets it so.
    """
    by_role: dict[str, list[str]] = {}
    for c in consents:
        by_role.setdefault(c.role, []).append(c.participant)
    speakers_by_role: dict[str, list[str]] = {}
    for s in report.speakers:
        speakers_by_role.setdefault(s.role, []).append(s.label)
    names = {}
    for s in report.speakers:
        same_role = speakers_by_role[s.role]
        candidates = by_role.get(s.role, [])
        if s.display_name and s.display_name != s.label:
            names[s.label] = s.display_name
        elif len(same_role) == len(candidates) and s.role != "other":
            names[s.label] = candidates[same_role.index(s.label)]
        else:
            names[s.label] = s.label
    return names


def login_name() -> str:
    """Who is logged in, for the audit log."""
    try:
        return os.getlogin()
    except OSError:
        return os.environ.get("USER", "unknown")


def consents_from_choices(
    participants: Iterable[tuple[str, str]], *, keep: str, recorded_by: str, given_at: str | None = None,
    accounts: Mapping[str, str] | None = None,
) -> tuple[ConsentRecord, ...]:
    """Consent records from the app's consent form or ``rapport batch --consent``.

    Parameters
    ----------
    participants : iterable of (name, role)
        Who consented, e.g. ``[("Alex", "mentor"), ("Sam", "mentee")]``; empty names are skipped.
    keep : {"report", "transcript", "audio"}
        What may be kept; each level includes the ones before it.
    recorded_by : str
        Who recorded the consent (the person uploading).
    given_at : str, optional
        ISO 8601 time; default now (UTC).
    accounts : mapping of role to account name, optional
        Server mode: the account of the person of each role (e.g. ``{"mentor": "alex", "mentee": "sam"}``); it
        decides who sees the session (:mod:`pipeline.library.access`). Default: no accounts.
    """
    if keep not in KEEP_LEVELS:
        raise StoreError(f"keep must be one of {', '.join(KEEP_LEVELS)}, got {keep!r}")
    level = KEEP_LEVELS.index(keep)
    when = given_at or now_iso()
    return tuple(
        ConsentRecord(name.strip(), role.strip(), keep_report=True, keep_transcript=level >= 1, keep_audio=level >= 2,
                      given_at=when, recorded_by=recorded_by, account=(accounts or {}).get(role.strip(), ""))
        for name, role in participants if name and name.strip()
    )
