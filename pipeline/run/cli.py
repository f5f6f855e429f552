"""The ``rapport`` command line.

Every expected failure (bad audio, bad option, missing model) ends with one
line on stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from pipeline.errors import PipelineError
from pipeline.run.cli_accounts import add_accounts_parser


class _Progress:
    """A tqdm bar on stderr fed by ``(stage, fraction)`` callbacks."""

    def __init__(self, label: str, enabled: bool = True) -> None:
        from tqdm import tqdm

        self._make = lambda: tqdm(total=1000, desc=label, file=sys.stderr, disable=not enabled,
                                  bar_format="{desc}: {percentage:3.0f}%|{bar}| [{elapsed}<{remaining}]")
        self._bar = None
        self._stage = None

    def __call__(self, stage: str, fraction: float) -> None:
        if stage == "decoding" and self._bar is None:
            return  # decoding is quick; a bad file then fails with one clean line
        if self._bar is None:
            self._bar = self._make()
        if stage != self._stage:
            self._stage = stage
            self._bar.set_description_str(stage)
        target = int(round(min(max(fraction, 0.0), 1.0) * 1000))
        if target > self._bar.n:
            self._bar.update(target - self._bar.n)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


def _default_out(file: str) -> Path:
    from pipeline.io.files import safe_stem

    return Path("rapport-out") / safe_stem(file)


def cmd_transcribe(args: argparse.Namespace) -> int:
    from models import load_asr
    from pipeline.run.orchestrate import transcribe_file

    out_dir = Path(args.out) if args.out else _default_out(args.file)
    model = load_asr(args.model, device=args.device)
    bar = _Progress("transcribing", enabled=not args.quiet)
    try:
        transcript = transcribe_file(args.file, model=model, out_dir=out_dir, progress=bar)
    finally:
        bar.close()
    print(f"{len(transcript.words)} words, {transcript.duration_s:.1f} s of audio -> {out_dir}/transcript.json")
    return 0


def _open_store(args: argparse.Namespace):
    from pipeline.library.store import Store

    return Store(args.db, data_dir=args.data_dir)


def _consents(args: argparse.Namespace, allowed=None):
    """The consent records of ``--consent``; in server mode the mentor's names the signed-in account and the
    mentee's ``--mentee-account``."""
    from pipeline.errors import InvalidParameterError
    from pipeline.library.store import consents_from_choices

    people = []
    for spec in args.consent or ():
        name, _, role = spec.rpartition("=")
        if not name.strip():
            raise InvalidParameterError(f"--consent {spec!r}: write it as 'Full Name=mentor' or 'Full Name=mentee'")
        people.append((name, role))
    names = None
    if allowed is not None and allowed.account is not None:
        names = {"mentor": allowed.account.name, "mentee": _mentee_account(args.mentee_account)}
    return consents_from_choices(people, keep=args.keep, recorded_by=args.recorded_by or "",
                                 given_at=args.consent_date, accounts=names)


def _mentee_account(name: str | None) -> str:
    """``--mentee-account`` as stored ("" when not given); raises InvalidParameterError when it is malformed."""
    from pipeline.library.accounts import account_name

    return account_name(name) if name else ""


class _BatchBars:
    """Overall bar (files) plus one bar per file being analysed, on stderr."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.overall = None
        self.bars: dict = {}
        self.free: list[int] = []

    def start(self, n_files: int, n_workers: int) -> None:
        from tqdm import tqdm

        self.overall = tqdm(total=n_files, desc=f"batch ({n_workers} worker{'s' * (n_workers > 1)})", unit="file",
                            file=sys.stderr, disable=not self.enabled, position=0)
        self.free = list(range(1, n_workers + 1))

    def file(self, name: str, stage: str, fraction: float) -> None:
        from tqdm import tqdm

        if stage == "done":
            return
        bar = self.bars.get(name)
        if bar is None:
            bar = self.bars[name] = tqdm(total=1000, desc=name, file=sys.stderr, disable=not self.enabled,
                                         position=self.free.pop(0) if self.free else len(self.bars) + 1,
                                         leave=False, bar_format="{desc}: {percentage:3.0f}%|{bar}| {postfix}")
        bar.set_postfix_str(stage, refresh=False)
        target = int(round(min(max(fraction, 0.0), 1.0) * 1000))
        if target > bar.n:
            bar.update(target - bar.n)

    def done(self, item) -> None:
        name = Path(item.path).name
        bar = self.bars.pop(name, None)
        if bar is not None:
            self.free.append(bar.pos if bar.pos > 0 else abs(bar.pos))
            bar.close()
        if self.overall is not None:
            self.overall.update(1)
            reason = item.reason if item.reason.startswith(name) else f"{name}: {item.reason}"
            self.overall.write(f"{item.status:8s} " + (reason if item.status == "failed" else name), file=sys.stderr)

    def close(self) -> None:
        for bar in self.bars.values():
            bar.close()
        if self.overall is not None:
            self.overall.close()


def cmd_batch(args: argparse.Namespace) -> int:
    from pipeline.run.batch import run_batch, summary_table
    from pipeline.types import AnalyzeOptions, BatchOptions

    batch = BatchOptions(workers=args.workers, engine=args.engine, scheduler=args.scheduler)
    analyze = None
    if args.analyze_fn:
        import importlib

        from pipeline.errors import InvalidParameterError

        module, _, name = args.analyze_fn.partition(":")
        try:
            analyze = getattr(importlib.import_module(module), name)
        except (ImportError, AttributeError, ValueError) as err:
            raise InvalidParameterError(f"--analyze-fn {args.analyze_fn!r} not found ({err}): "
                                        "give MODULE:FUNCTION") from err
    from pipeline.run.cli_accounts import command_grants

    with _open_store(args) as store:
        allowed = command_grants(args, store)
        allowed.check("upload")
        items = run_batch(args.folder, store=store, consent=_consents(args, allowed),
                          options=AnalyzeOptions(model=args.model),
                          batch=batch, analyze=analyze, progress=_BatchBars(enabled=not args.quiet))
    print(summary_table(items))
    failed = sum(i.status == "failed" for i in items)
    return 1 if args.strict and failed else 0


def cmd_delete(args: argparse.Namespace) -> int:
    from pipeline.library.access import delete_session
    from pipeline.run.cli_accounts import command_grants

    with _open_store(args) as store:
        sid = delete_session(store, command_grants(args, store).account, args.session, actor=args.by or "")
    print(f"deleted session {sid} (its report, transcript, audio and measures); the audit log records the deletion")
    return 0


def cmd_limit(args: argparse.Namespace) -> int:
    from pipeline.errors import InvalidParameterError

    if not (args.no_transcript or args.no_audio):
        raise InvalidParameterError("rapport limit: say what is no longer to be kept: --no-audio, --no-transcript "
                                    "or both (to remove the whole session, use rapport delete).")
    from pipeline.library.access import limit_session
    from pipeline.run.cli_accounts import command_grants

    with _open_store(args) as store:
        sid, transcript, audio = limit_session(store, command_grants(args, store).account, args.session,
                                               participant=args.participant, keep_transcript=not args.no_transcript,
                                               keep_audio=not args.no_audio, actor=args.by or "")
    from pipeline.report.downloads import kept_text

    also = " (the recording holds the words said, so it goes too)" if args.no_transcript and not args.no_audio else ""
    print(f"session {sid} now keeps {kept_text(True, transcript, audio)}{also}; the audit log records the change")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from pipeline.library.access import acting_name
    from pipeline.run.cli_accounts import command_grants

    with _open_store(args) as store:
        allowed = command_grants(args, store)
        sid = allowed.resolve(store, args.session, "export_own")
        participant = allowed.export_participant(sid, args.participant)
        redact = None
        if args.redact:
            from models import load_nlp
            from pipeline.library.redact import redactor

            redact = redactor(load_nlp(), known_names=[c.participant for c in store.consents(sid)])
        out = store.export(sid, args.out or f"rapport-export-{sid}.zip", participant=participant,
                           redact=redact, actor=acting_name(allowed.account, args.by))
    print(f"exported session {sid} -> {out}")
    return 0


def cmd_sessions(args: argparse.Namespace) -> int:
    from pipeline.run.cli_accounts import command_grants

    with _open_store(args) as store:
        rows = command_grants(args, store).visible(store.list_sessions())
    print(f"{'session':12s}  {'date':10s}  {'min':>5s}  {'mentor':20s}  {'mentee':20s}  file")
    for r in rows:
        print(f"{r.session_id:12s}  {r.recorded_on:10s}  {r.duration_s / 60:5.1f}  {r.mentor[:20]:20s}  "
              f"{r.mentee[:20]:20s}  {r.source_name}")
    print(f"{len(rows)} sessions in {store.url if '@' not in store.url else '(database)'}")
    return 0


def cmd_compare(args: argparse.Namespace) -> int:
    """Two sessions' indicators side by side, each change with its 95 % interval and whether it is clear of 0."""
    import pandas as pd

    from pipeline.io.reportjson import read_indicators
    from pipeline.report.cards import indicator_cards
    from pipeline.report.compare import CHANGE_DOWN, CHANGE_UP, compare_reports
    from pipeline.run.cli_accounts import command_grants

    sides, names, store, allowed = [], [], None, None
    try:
        for ref in (args.a, args.b):
            if Path(ref).is_file():
                sides.append(read_indicators(ref))
                names.append(ref)
            else:
                store = store or _open_store(args)
                allowed = allowed or command_grants(args, store)
                sid = allowed.resolve(store, ref, "compare")
                sides.append(store.indicators(sid))
                names.append(f"session {sid}")
    finally:
        if store is not None:
            store.close()
    table = compare_reports(*sides)
    a_text, b_text = ({c.id: c.value_text for c in indicator_cards(side)} for side in sides)
    both = [r for r in table.to_dict("records") if pd.notna(r["A"]) and pd.notna(r["B"])]
    cols = [("indicator", [r["indicator"] for r in both]), ("A", [a_text[r["id"]] for r in both]),
            ("B", [b_text[r["id"]] for r in both]), ("B - A, 95 % interval", [r["B - A 95 %"] for r in both]),
            ("change", [r["change"] for r in both]), ("good range", [r["good range"] for r in both])]
    widths = [max(len(head), *(len(v) for v in vals)) for head, vals in cols]
    print(f"A: {names[0]}\nB: {names[1]}")
    for line in zip(*[[head, *vals] for head, vals in cols], strict=True):
        print("  ".join(v.ljust(w) if i in (0, 4, 5) else v.rjust(w)
                        for i, (v, w) in enumerate(zip(line, widths, strict=True))).rstrip())
    clear = [r["indicator"] for r in both if r["change"] in (CHANGE_UP, CHANGE_DOWN)]
    print(f"{len(both)} indicators measured in both; {len(clear)} changed by more than the noise of their turns"
          + (f": {', '.join(clear)}" if clear else ""))
    return 0


def _store_parent() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(add_help=False)
    p.add_argument("--db", help="database URL (default: RAPPORT_DB, else sqlite:///<data dir>/rapport.db)")
    p.add_argument("--data-dir", help="folder for stored audio (default: RAPPORT_DATA_DIR or the user data folder)")
    p.add_argument("--account", help="server mode (RAPPORT_AUTH=accounts): sign in as this account (default: "
                                     "RAPPORT_ACCOUNT); the password from RAPPORT_PASSWORD or a prompt")
    return p


def _print_feedback(report) -> None:
    """What went well and what to try next time, after the summary line."""
    from pipeline.report.glance import feedback, feedback_lines

    print("\n".join(feedback_lines(feedback(report))))


def speaker_count(text: str) -> int | None:
    """``--speakers``: 1-4, or ``auto`` (None: estimated from the voices)."""
    if text.strip().lower() == "auto":
        return None
    if text.strip() in {"1", "2", "3", "4"}:
        return int(text)
    raise argparse.ArgumentTypeError(f"--speakers must be 1, 2, 3, 4 or auto, got {text!r}")


def cmd_analyze(args: argparse.Namespace) -> int:
    from pipeline.errors import InvalidParameterError
    from pipeline.io.files import is_transcript
    from pipeline.report.text import people_counted_text, roles_text
    from pipeline.run.orchestrate import analyze_file, analyze_transcript_file, load_models
    from pipeline.types import MAX_SPEAKERS, AnalyzeOptions

    out_dir = Path(args.out) if args.out else _default_out(args.file)
    if is_transcript(args.file):
        report = analyze_transcript_file(args.file, out_dir=out_dir, options=AnalyzeOptions(mentor=args.mentor))
        print(f"{len(report.turns)} turns, {len(report.indicators)} indicators; {roles_text(report) or 'no speakers'}"
              f" -> {out_dir}/report.json")
        _print_feedback(report)
        for warning in report.warnings:
            print(f"rapport: warning: {warning}", file=sys.stderr)
        return 0

    options = AnalyzeOptions(model=args.model, n_speakers=args.speakers, mentor=args.mentor,
                             speaker_embeddings=not args.no_encoder)
    most = args.speakers or MAX_SPEAKERS  # auto: up to four people
    if args.mentor is not None and args.mentor not in {f"S{i}" for i in range(1, most + 1)}:
        raise InvalidParameterError(
            f"--mentor {args.mentor}: speakers are labelled S1..S{most} in order of first speech;"
            " pick one of those (run once without --mentor to see who is who)"
        )
    loaded = load_models(args.model, device=args.device, speaker_embeddings=options.speaker_embeddings)
    bar = _Progress("transcribing", enabled=not args.quiet)
    try:
        report = analyze_file(args.file, **loaded, out_dir=out_dir, options=options, progress=bar)
    finally:
        bar.close()
    print(f"{len(report.turns)} turns, {len(report.indicators)} indicators, {report.duration_s:.1f} s; "
          f"{roles_text(report) or 'no speech'}; attribution {report.attribution_method}, confidence "
          f"{report.attribution_confidence} -> {out_dir}/report.json")
    if counted := people_counted_text(report):
        print(counted)
    _print_feedback(report)
    for warning in report.warnings:
        print(f"rapport: warning: {warning}", file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="rapport", description="Offline analysis of recorded mentoring sessions.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("transcribe", help="transcribe a recording into transcript.json/.vtt/.srt")
    p.add_argument("file", help="recording (wav, mp3, m4a, flac, ogg, opus, webm, mp4, mov)")
    p.add_argument("--model", choices=("base", "tiny.en"), default="base", help="Whisper model (tiny.en is faster)")
    p.add_argument("--device", choices=("auto", "cpu", "cuda"), default="auto")
    p.add_argument("--out", help="output folder (default: rapport-out/<file name>)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_transcribe)

    store_opts = _store_parent()
    p = sub.add_parser("batch", parents=[store_opts], help="analyse every recording in a folder into the session store")
    p.add_argument("folder")
    p.add_argument("--workers", type=int, default=None, help="worker processes (default: half the CPU cores, min 1)")
    p.add_argument("--model", choices=("base", "tiny.en"), default="base")
    p.add_argument("--consent", action="append", metavar="'NAME=ROLE'",
                   help="a participant who consented (repeat per person); "
                        "a <file>.consent.json beside a recording overrides")
    p.add_argument("--keep", choices=("report", "transcript", "audio"), default="report",
                   help="what the consent allows to keep (each includes the ones before it)")
    p.add_argument("--recorded-by", help="who recorded the consent")
    p.add_argument("--consent-date", help="when consent was given, ISO 8601 (default: now)")
    p.add_argument("--mentee-account", help="server mode: the mentee's account, so they see the session in My data")
    p.add_argument("--engine", choices=("processes", "dask"), default="processes")
    p.add_argument("--scheduler", help="Dask scheduler address (default: a local cluster)")
    p.add_argument("--strict", action="store_true", help="exit 1 if any file failed")
    p.add_argument("--analyze-fn", metavar="MODULE:FUNCTION",
                   help="advanced: another analysis function with analyze_file's signature (plug-ins, tests)")
    p.add_argument("--quiet", action="store_true", help="no progress bars")
    p.set_defaults(func=cmd_batch)

    p = sub.add_parser("delete", parents=[store_opts], help="remove a stored session and everything derived from it")
    p.add_argument("session", help="session id (or a unique prefix)")
    p.add_argument("--by", help="who deletes it (for the audit log)")
    p.set_defaults(func=cmd_delete)

    p = sub.add_parser("limit", parents=[store_opts],
                       help="a participant narrows their consent: stop keeping a session's audio or transcript")
    p.add_argument("session", help="session id (or a unique prefix)")
    p.add_argument("--participant", help="the consenting person's name, as recorded (server mode: yours)")
    p.add_argument("--no-audio", action="store_true", help="remove the recording and stop keeping it")
    p.add_argument("--no-transcript", action="store_true",
                   help="remove the words said (turn text, quotes) and the recording; timings and measures stay")
    p.add_argument("--by", help="who asks (default: the participant), for the audit log")
    p.set_defaults(func=cmd_limit)

    p = sub.add_parser("export", parents=[store_opts], help="everything kept about a session, as a zip")
    p.add_argument("session", help="session id (or a unique prefix)")
    p.add_argument("--out", help="zip file to write (default: rapport-export-<id>.zip)")
    p.add_argument("--participant", help="only this person's turns and measures (name or speaker label)")
    p.add_argument("--redact", action="store_true", help="replace names and places in the text with [NAME]/[PLACE]")
    p.add_argument("--by", help="who exports it (for the audit log)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("compare", parents=[store_opts],
                       help="two sessions side by side: each change with its 95 %% interval and whether it is real")
    p.add_argument("a", help="the earlier session: a report.json, or a stored session id (or a unique prefix)")
    p.add_argument("b", help="the later session, the same way")
    p.set_defaults(func=cmd_compare)

    p = sub.add_parser("sessions", parents=[store_opts], help="list the stored sessions (server mode: yours)")
    p.set_defaults(func=cmd_sessions)
    add_accounts_parser(sub, store_opts)
    p = sub.add_parser("analyze", help="who spoke when + rapport indicators -> report.json, turns.json, RTTM "
                                       "(recordings, or transcripts: .vtt .srt .txt .docx .csv turns.json)")
    p.add_argument("file", help="recording (wav, mp3, m4a, flac, ogg, opus, webm, mp4, mov) or a transcript with "
                                "speakers (.vtt, .srt, .txt, .docx, .csv/.tsv, .json)")
    p.add_argument("--speakers", type=speaker_count, default=2, metavar="{1,2,3,4,auto}",
                   help="number of people (default 2, a mentoring pair); auto: estimated, 1-4, and how sure")
    p.add_argument("--mentor", help="speaker label/name who is the mentor, e.g. S2 (default: guessed, see report)")
    p.add_argument("--model", choices=("base", "tiny.en"), default="base", help="Whisper model (tiny.en is faster)")
    p.add_argument("--device", choices=("auto", "cpu", "cuda"), default="auto")
    p.add_argument("--no-encoder", action="store_true",
                   help="weight-free MFCC speaker features instead of the speaker encoder (less accurate)")
    p.add_argument("--out", help="output folder (default: rapport-out/<file name>)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_analyze)
    return parser


class Terminated(KeyboardInterrupt):
    """SIGTERM, turned into an exception so files and the store are left as after Ctrl-C."""


_received: list[KeyboardInterrupt] = []  # the SIGTERM this process got, if any (a library may swallow the exception)


def _on_sigterm(signum, frame) -> None:
    interrupt = Terminated()
    _received.append(interrupt)
    raise interrupt


def _on_late_sigterm(signum, frame) -> None:
    """SIGTERM after the command returned, while the process shuts down: its work is stored, so end at once with
    the interrupted line and 143, as a SIGTERM during the run does."""
    sys.stdout.flush()
    os._exit(_interrupted(Terminated()))


def _quiet_interrupts(previous_hook: Callable) -> Callable:
    """A ``sys.unraisablehook`` that keeps a Ctrl-C or SIGTERM raised where Python cannot raise it (a garbage
    collector's callback, such as SQLAlchemy's ``_collection_gced``, or a ``__del__``) out of the output: Python would
    print "Exception ignored in ..." with a traceback and go on. It is noted in :data:`_received` instead, and
    :func:`main` ends with the interrupt's exit code once the command returns. Anything else goes to
    ``previous_hook``."""
    def hook(unraisable) -> None:
        if unraisable.exc_type is not None and issubclass(unraisable.exc_type, KeyboardInterrupt):
            if unraisable.exc_value not in _received:
                _received.append(unraisable.exc_value or KeyboardInterrupt())
            return
        previous_hook(unraisable)
    return hook


def _interrupted(interrupt: KeyboardInterrupt) -> int:
    """Say that the run was interrupted (one line on stderr) and give its exit code: 143 for SIGTERM, 130 for Ctrl-C.
    Every write is atomic (temporary file + rename; one transaction per session), so nothing half-done stays."""
    print("rapport: interrupted", file=sys.stderr)
    return 143 if isinstance(interrupt, Terminated) else 130


def _interrupt_behind(err: BaseException) -> KeyboardInterrupt | None:
    """The Ctrl-C or SIGTERM an error was raised while handling (its cause or context chain), or None.

    A SIGTERM received earlier counts even when the chain lost it: SQLAlchemy's pool, for one, catches the exception
    while it returns a connection, and the next statement then fails with an unrelated database error.
    """
    seen: set[int] = set()
    if _received:
        return _received[-1]
    while err is not None and id(err) not in seen:
        if isinstance(err, KeyboardInterrupt):
            return err
        seen.add(id(err))
        err = err.__cause__ or err.__context__
    return None


def main(argv: list[str] | None = None) -> int:
    """Run a command; exit 0, 1 (batch --strict with failures), 2 (bad input), 130 (Ctrl-C) or 143 (SIGTERM)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Callable[[argparse.Namespace], int] = args.func
    main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _on_sigterm) if main_thread else None
    previous_hook = sys.unraisablehook
    if main_thread:
        sys.unraisablehook = _quiet_interrupts(previous_hook)
    _received.clear()
    try:
        code = func(args)
        # swallowed where it was raised (a garbage collector's callback): the command went on to the end
        return _interrupted(_received[-1]) if _received else code
    except PipelineError as err:
        interrupt = _interrupt_behind(err)
        if interrupt is not None:  # e.g. SIGTERM while the store migrated: the rollback's error hid the interrupt
            return _interrupted(interrupt)
        print(f"rapport: error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt as err:
        return _interrupted(err)
    finally:
        if previous is not None:
            # run as the process's own command (argv None): a SIGTERM while the interpreter shuts down (worker pools,
            # native libraries) ends it as any other does, not by the default action's silent -15
            signal.signal(signal.SIGTERM, _on_late_sigterm if argv is None else previous)
        if main_thread:
            sys.unraisablehook = previous_hook


if __name__ == "__main__":
    sys.exit(main())
