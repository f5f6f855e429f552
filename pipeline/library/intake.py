"""Bringing an analysis into the session store: an upload from the app, or a file analysed on the spot.

Both keep what the consents allow and no more, and serve a result already stored for the same content and
options instead of storing it twice.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path

from pipeline.errors import AlreadyStoredError, StoreError
from pipeline.library.consent import effective_consent, file_sha256
from pipeline.library.store import Store
from pipeline.types import AnalyzeOptions, ConsentRecord, Report


def save_upload(
    store: Store, report: Report, *, consents: Sequence[ConsentRecord], data: bytes | None, suffix: str = ""
) -> tuple[str, bool]:
    """Keep an analysed upload in the store as the consents allow; the temporary audio file is always removed.

    Returns
    -------
    (session_id, created)
        ``created`` is False when this content and options were already stored (nothing written), also when
        another process stored them while this one was writing.
    """
    existing = store.find(report.sha256, report.options)
    if existing:
        return existing, False
    _, keep_audio = effective_consent(consents)
    tmp: Path | None = None
    try:
        if keep_audio and data is not None:
            fd, name = tempfile.mkstemp(prefix="rapport-upload-", suffix="".join(c for c in suffix if c.isalnum() or c == ".")[:8])
            tmp = Path(name)
            with os.fdopen(fd, "wb") as f:
                f.write(data)
        return store.save(report, consents=consents, audio_path=tmp), True
    except AlreadyStoredError as err:  # stored by another upload or batch in the meantime
        if err.session_id is None:
            raise
        return err.session_id, False
    finally:
        if tmp is not None:
            tmp.unlink(missing_ok=True)


def analyze_and_store(
    path: str | os.PathLike,
    *,
    store: Store,
    consent: ConsentRecord | Iterable[ConsentRecord],
    analyze: Callable[..., Report],
    options: AnalyzeOptions = AnalyzeOptions(),
    recorded_on: date | str | None = None,
    progress: Callable[[str, float], None] | None = None,
) -> tuple[str, Report, bool]:
    """Analyse ``path`` and store the result, or serve it from the store if it is already there.

    Parameters
    ----------
    path : path
        Recording (or transcript) to analyse.
    store : Store
    consent : ConsentRecord or iterable of them
        Checked *before* any analysis: without consent nothing is computed or kept.
    options : AnalyzeOptions
    analyze : callable or None
        ``analyze(path, options=..., progress=...) -> Report``; None uses
        :func:`pipeline.run.orchestrate.analyze_file`. A parameter so a caller can
        pass a model-holding or instrumented function.
    recorded_on : date, ISO string or None
        Date of the session; None: the file's modification date.
    progress : callable or None
        ``progress(stage, fraction)``.

    Returns
    -------
    (session_id, report, reused) : tuple of (str, Report, bool)
        ``reused`` is True when the same file with the same options was already
        stored and no analysis ran.
    """
    consents = (consent,) if isinstance(consent, ConsentRecord) else tuple(consent)
    effective_consent(consents)
    path = Path(path)
    if not path.is_file():
        raise StoreError(f"{path} is not a file: give the path of a recording.")
    sha = file_sha256(path)
    existing = store.find(sha, options)
    if existing is not None:
        return existing, store.load_report(existing), True
    report = analyze(path, options=options, progress=progress)
    if recorded_on is None:
        recorded_on = date.fromtimestamp(path.stat().st_mtime)
    try:
        sid = store.save(report, consents=consents, audio_path=path if report.input_kind == "audio" else None,
                         recorded_on=recorded_on)
    except AlreadyStoredError as err:  # another process stored it while this one analysed
        if err.session_id is None:
            raise
        return err.session_id, store.load_report(err.session_id), True
    return sid, report, False
