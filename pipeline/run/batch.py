"""Analyse every recording in a folder into the session store.

Files already stored (same content hash and options) are skipped; a file that
fails is recorded with its reason and the run goes on. Analysis runs in worker
processes that each load the model once; the parent process is the only writer
to the store, so a batch works the same on SQLite and PostgreSQL. The same run
can use a Dask cluster instead of local processes (``BatchOptions(engine="dask")``,
the ``distributed`` extra; see docs/scaling.md) without any change to the
analysis code.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import json
import multiprocessing
import os
import queue
import signal
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pipeline.errors import AlreadyStoredError, InvalidParameterError, PipelineError, StoreError
from pipeline.library.store import Store, effective_consent, file_sha256
from pipeline.run.orchestrate import analyze_path, applicable_options, load_models
from pipeline.types import AnalyzeOptions, BatchItem, BatchOptions, ConsentRecord, Report

Analyze = Callable[..., Report]


class BatchProgress:
    """Callbacks a batch run reports to (all no-ops here; the CLI draws bars with them)."""

    def start(self, n_files: int, n_workers: int) -> None:
        """The run starts: ``n_files`` recordings found."""

    def file(self, name: str, stage: str, fraction: float) -> None:
        """A worker reports ``fraction`` (0-1) of ``stage`` for file ``name``."""

    def done(self, item: BatchItem) -> None:
        """One file is finished (stored, skipped or failed)."""

    def close(self) -> None:
        """The run is over."""


def default_workers() -> int:
    """Half the CPU cores, at least one: a 2-core machine gets one worker."""
    return max(1, (os.cpu_count() or 1) // 2)


def find_recordings(folder: str | os.PathLike, *, extensions: Sequence[str]) -> list[Path]:
    """Recordings directly inside ``folder`` (not sub-folders), sorted by name."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InvalidParameterError(f"{folder} is not a folder: give the folder that holds the recordings.")
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in extensions
                  and not p.name.startswith("."))


def consent_for_file(path: Path, default: Sequence[ConsentRecord]) -> tuple[ConsentRecord, ...]:
    """Consents for one recording: ``<stem>.consent.json`` beside it if present, else ``default``.

    The JSON file is a list of objects with :class:`ConsentRecord`'s fields.
    """
    sidecar = path.with_name(path.name.rsplit(".", 1)[0] + ".consent.json")
    if sidecar.exists():
        try:
            return tuple(ConsentRecord(**rec) for rec in json.loads(sidecar.read_text()))
        except (ValueError, TypeError) as err:
            raise StoreError(f"{sidecar.name} is not a valid consent file: {err}") from err
    return tuple(default)


# --------------------------------------------------------------------------
# Worker side (runs in a worker process or on a Dask worker)
# --------------------------------------------------------------------------

_progress_queue = None


def _init_worker(progress_queue, parent_pid: int) -> None:
    global _progress_queue
    _progress_queue = progress_queue
    _end_with_parent(parent_pid)


def _end_with_parent(parent_pid: int) -> None:
    """Ask Linux to SIGTERM this worker when the batch process dies, even by SIGKILL (no-op elsewhere).

    Without it a killed ``rapport batch`` leaves its workers running: each
    finishes the recording it holds (minutes of CPU) before noticing that
    nobody reads its result.
    """
    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
    except OSError:  # not glibc Linux
        return
    pr_set_pdeathsig = 1
    libc.prctl(pr_set_pdeathsig, signal.SIGTERM)
    if os.getppid() != parent_pid:  # the parent died before the request was in place
        os._exit(1)


@functools.lru_cache(maxsize=2)
def _worker_models(name: str) -> dict:
    """Whisper (``name``), the VAD, the speaker encoder and segmenter, spaCy and the syllable table, loaded once
    per worker."""
    # cpu_threads=0: CTranslate2's own default, as before; a worker shares the machine with the others, so the
    # single-analysis default (every core, models.machine_threads) would oversubscribe it.
    return load_models(name, cpu_threads=0)


def _default_analyze(path, *, options: AnalyzeOptions, progress=None) -> Report:
    """The analysis ``rapport analyze`` runs (a recording or a transcript), with the worker's models."""
    return analyze_path(path, options=options, progress=progress, **_worker_models(options.model))


@dataclass(frozen=True)
class _Outcome:
    path: str
    report: Report | None
    reason: str
    seconds: float


def _analyze_one(path: str, options: AnalyzeOptions, analyze: Analyze | None) -> _Outcome:
    name = Path(path).name
    q = _progress_queue

    def progress(stage: str, fraction: float) -> None:
        if q is not None:
            q.put((name, stage, fraction))

    t0 = time.perf_counter()
    try:
        report = (analyze or _default_analyze)(path, options=options, progress=progress)
        return _Outcome(path, report, "", time.perf_counter() - t0)
    except PipelineError as err:
        return _Outcome(path, None, str(err), time.perf_counter() - t0)
    except Exception as err:  # a bug or a library failure on one file must not stop the batch
        return _Outcome(path, None, f"{type(err).__name__}: {err}", time.perf_counter() - t0)
    finally:
        progress("done", 1.0)


def _analyze_bytes(name: str, data: bytes, options: AnalyzeOptions, analyze: Analyze | None) -> _Outcome:
    """For cluster workers that do not share the file system: analyse a copy of the bytes."""
    with tempfile.TemporaryDirectory(prefix="rapport-") as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        out = _analyze_one(str(path), options, analyze)
    return _Outcome(name, out.report, out.reason, out.seconds)


# --------------------------------------------------------------------------
# Parent side
# --------------------------------------------------------------------------


def run_batch(
    folder: str | os.PathLike,
    *,
    store: Store,
    consent: Sequence[ConsentRecord] = (),
    options: AnalyzeOptions = AnalyzeOptions(),
    batch: BatchOptions = BatchOptions(),
    analyze: Analyze | None = None,
    progress: BatchProgress | None = None,
) -> tuple[BatchItem, ...]:
    """Analyse every recording in ``folder`` and store each result.

    Parameters
    ----------
    folder : path
        Folder of recordings (see ``BatchOptions.extensions``).
    store : Store
        Where results go; files already in it with the same options are skipped.
    consent : sequence of ConsentRecord
        Consent for files without a ``<stem>.consent.json`` beside them. A file
        with neither fails with that reason (nothing is analysed for it).
    options : AnalyzeOptions
    batch : BatchOptions
    analyze : callable or None
        ``analyze(path, options=..., progress=...) -> Report``, picklable (a
        module-level function); None uses :func:`pipeline.run.orchestrate.analyze_file`
        with the model loaded once per worker.
    progress : BatchProgress or None

    Returns
    -------
    tuple of BatchItem
        One per file, in file-name order.
    """
    progress = progress or BatchProgress()
    files = find_recordings(folder, extensions=batch.extensions)
    n_workers = batch.workers or default_workers()
    progress.start(len(files), n_workers)
    items: dict[str, BatchItem] = {}

    def finish(item: BatchItem) -> None:
        items[item.path] = item
        progress.done(item)

    todo = _files_to_analyse(files, consent, store, options, finish)
    consents_by_path = {str(p): c for p, c in todo}

    def store_outcome(out: _Outcome, path: str) -> None:
        if out.report is None:
            finish(BatchItem(path, "failed", reason=out.reason, seconds=out.seconds))
            return
        try:
            p = Path(path)
            sid = store.save(out.report, consents=consents_by_path[path],
                             audio_path=p if out.report.input_kind == "audio" else None,
                             recorded_on=date.fromtimestamp(p.stat().st_mtime))
            finish(BatchItem(path, "stored", sid, seconds=out.seconds))
        except AlreadyStoredError as err:  # another batch or upload stored it while this one analysed
            finish(BatchItem(path, "skipped", err.session_id or "", "already stored", seconds=out.seconds))
        except PipelineError as err:
            finish(BatchItem(path, "failed", reason=str(err), seconds=out.seconds))

    try:
        if todo and batch.engine == "dask":
            _run_dask([str(p) for p, _ in todo], options, analyze, batch, n_workers, store_outcome)
        elif todo:
            _run_processes([str(p) for p, _ in todo], options, analyze, n_workers, progress, store_outcome)
    finally:
        progress.close()
    return tuple(items[str(p)] for p in files)


def _files_to_analyse(
    files: Sequence[Path],
    consent: Sequence[ConsentRecord],
    store: Store,
    options: AnalyzeOptions,
    finish: Callable[[BatchItem], None],
) -> list[tuple[Path, tuple[ConsentRecord, ...]]]:
    """The recordings of a batch to analyse, each with its consents, in file-name order.

    A file already stored with these options, or the same recording as an earlier file, goes to ``finish`` as
    skipped; a file without a usable consent (or with a consent file that cannot be used) as failed.
    """
    todo: list[tuple[Path, tuple[ConsentRecord, ...]]] = []
    seen: dict[str, str] = {}
    for path in files:
        try:
            consents = consent_for_file(path, consent)
            sha = file_sha256(path)
            existing = store.find(sha, applicable_options(path.name, options))
            if existing is not None:
                finish(BatchItem(str(path), "skipped", existing, "already stored"))
                continue
            if sha in seen:
                finish(BatchItem(str(path), "skipped", "", f"same recording as {seen[sha]}"))
                continue
            effective_consent(consents)
        except PipelineError as err:
            finish(BatchItem(str(path), "failed", reason=str(err)))
            continue
        seen[sha] = path.name
        todo.append((path, consents))
    return todo


@contextlib.contextmanager
def _stop_workers_on_interrupt(pool: ProcessPoolExecutor):
    """On Ctrl-C or SIGTERM, cancel the queued files and end the workers now.

    Without this the pool's exit waits for every queued file to be analysed
    (results that are then thrown away) before the interruption takes effect.
    """
    try:
        yield
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        _end_children(pool)
        manager = getattr(pool, "_executor_manager_thread", None)
        if manager is not None:  # it may be starting one more worker right now: let it finish, then end that one too
            manager.join(timeout=5)
        _end_children(pool)
        raise


@contextlib.contextmanager
def _interrupts_deferred(signals: tuple[signal.Signals, ...] = (signal.SIGINT, signal.SIGTERM)):
    """Hold Ctrl-C and SIGTERM until the block ends, then deliver them to the handlers in place before it.

    Starting a spawned worker is two steps: the child is exec'd, then the parent writes the child's instructions down
    a pipe. An interrupt raised between the two leaves a child that is not yet the pool's (nothing to terminate) and
    that reads an empty pipe: it prints an ``EOFError`` traceback. Held here, the interrupt comes once every worker
    is started and registered, and :func:`_stop_workers_on_interrupt` ends them. A no-op outside the main thread,
    where Python runs no signal handler.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    held: list[int] = []
    previous = {sig: signal.signal(sig, lambda signum, frame: held.append(signum)) for sig in signals}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        for signum in dict.fromkeys(held):
            signal.raise_signal(signum)


def _end_children(pool: ProcessPoolExecutor) -> None:
    """Terminate and join every child: the pool's, and one whose start was interrupted before the pool registered
    it (a worker still starting up must not outlive the pipes it reads from: it would print an EOFError)."""
    procs = {*(getattr(pool, "_processes", None) or {}).values(), *multiprocessing.active_children()}
    for proc in procs:
        proc.terminate()
    for proc in procs:
        proc.join(timeout=10)


def _run_processes(paths, options, analyze, n_workers, progress: BatchProgress, on_outcome) -> None:
    import multiprocessing as mp

    ctx = mp.get_context("spawn")  # no fork of a process that holds model threads
    q = ctx.Queue()
    stop = threading.Event()

    def drain() -> None:
        while not stop.is_set() or not q.empty():
            try:
                progress.file(*q.get(timeout=0.1))
            except queue.Empty:
                continue
            except (EOFError, OSError):
                return

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    try:
        with ProcessPoolExecutor(max_workers=min(n_workers, len(paths)), mp_context=ctx,
                                 initializer=_init_worker, initargs=(q, os.getpid())) as pool, _stop_workers_on_interrupt(pool):
            with _interrupts_deferred():  # submit starts the workers
                pending = {pool.submit(_analyze_one, p, options, analyze): p for p in paths}
            while pending:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for fut in done:
                    path = pending.pop(fut)
                    try:
                        out = fut.result()
                    except BrokenProcessPool:
                        out = _Outcome(path, None, "the worker process died (out of memory or a crash in a "
                                       "library); try again with fewer --workers", 0.0)
                    on_outcome(out, path)
    finally:
        stop.set()
        reader.join(timeout=5)
        q.close()


def _run_dask(paths, options, analyze, batch: BatchOptions, n_workers, on_outcome) -> None:
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError as err:
        raise InvalidParameterError(
            "engine='dask' needs the distributed extra: pip install 'rapport[distributed]'") from err
    cluster = None
    if batch.scheduler:
        client = Client(batch.scheduler)
    else:
        cluster = LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, host="127.0.0.1")
        client = Client(cluster)
    try:
        futures = {}
        for p in paths:
            if batch.shared_files:
                fut = client.submit(_analyze_one, p, options, analyze, pure=False)
            else:
                fut = client.submit(_analyze_bytes, Path(p).name, Path(p).read_bytes(), options, analyze, pure=False)
            futures[fut] = p
        for fut in as_completed(futures):
            path = futures[fut]
            try:
                out = fut.result()
            except Exception as err:  # the worker was lost
                out = _Outcome(path, None, f"Dask worker failed: {type(err).__name__}: {err}", 0.0)
            on_outcome(out, path)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def summary_table(items: Sequence[BatchItem]) -> str:
    """A plain-text table of a batch run: file, status, session id, seconds, reason; then the counts."""
    rows = [("file", "status", "session", "seconds", "reason")]
    rows += [(Path(i.path).name, i.status, i.session_id, f"{i.seconds:.1f}" if i.seconds else "",
              i.reason.replace("\n", " ")[:100]) for i in items]
    widths = [max(len(r[c]) for r in rows) for c in range(4)]
    lines = ["  ".join(r[c].ljust(widths[c]) for c in range(4)) + "  " + r[4] for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths) + "  " + "-" * 6)
    counts = {s: sum(i.status == s for i in items) for s in ("stored", "skipped", "failed")}
    lines.append(f"{len(items)} files: {counts['stored']} stored, {counts['skipped']} skipped, "
                 f"{counts['failed']} failed")
    return "\n".join(line.rstrip() for line in lines)
