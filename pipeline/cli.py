"""The ``rapport`` command line.

Every expected failure (bad audio, bad option, missing model) ends with one
line on stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from pipeline.errors import PipelineError


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
    from pipeline.orchestrate import safe_stem

    return Path("rapport-out") / safe_stem(file)


def cmd_transcribe(args: argparse.Namespace) -> int:
    from models import load_asr
    from pipeline.orchestrate import transcribe_file

    out_dir = Path(args.out) if args.out else _default_out(args.file)
    model = load_asr(args.model, device=args.device)
    bar = _Progress("transcribing", enabled=not args.quiet)
    try:
        transcript = transcribe_file(args.file, model=model, out_dir=out_dir, progress=bar)
    finally:
        bar.close()
    print(f"{len(transcript.words)} words, {transcript.duration_s:.1f} s of audio -> {out_dir}/transcript.json")
    return 0


def cmd_analyze(args: argparse.Namespace) -> int:
    from models import load_asr, load_speaker_encoder, load_vad
    from pipeline.errors import InvalidParameterError
    from pipeline.orchestrate import analyze_file
    from pipeline.types import AnalyzeOptions

    options = AnalyzeOptions(model=args.model, n_speakers=args.speakers, mentor=args.mentor)
    if args.mentor is not None and args.mentor not in {f"S{i}" for i in range(1, args.speakers + 1)}:
        raise InvalidParameterError(
            f"--mentor {args.mentor}: speakers are labelled S1..S{args.speakers} in order of first speech;"
            " pick one of those (run once without --mentor to see who is who)"
        )
    out_dir = Path(args.out) if args.out else _default_out(args.file)
    asr = load_asr(args.model, device=args.device)
    encoder = None if args.no_encoder else load_speaker_encoder()
    vad = load_vad()
    bar = _Progress("transcribing", enabled=not args.quiet)
    try:
        report = analyze_file(args.file, asr=asr, vad=vad, encoder=encoder, out_dir=out_dir, options=options,
                              progress=bar)
    finally:
        bar.close()
    roles = ", ".join(f"{s.label}={s.role} ({s.role_source})" for s in report.speakers) or "no speech"
    print(f"{len(report.turns)} turns, {report.duration_s:.1f} s; speakers: {roles}; attribution "
          f"{report.attribution_method}, confidence {report.attribution_confidence} -> {out_dir}/report.json")
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

    p = sub.add_parser("analyze", help="transcribe, attribute words to speakers, write report.json/turns.json/RTTM")
    p.add_argument("file", help="recording (wav, mp3, m4a, flac, ogg, opus, webm, mp4, mov)")
    p.add_argument("--speakers", type=int, default=2, choices=(1, 2, 3, 4),
                   help="number of people (default 2, a mentoring pair); never guessed")
    p.add_argument("--mentor", help="speaker label to treat as mentor, e.g. S2 (default: guessed, see report)")
    p.add_argument("--model", choices=("base", "tiny.en"), default="base", help="Whisper model (tiny.en is faster)")
    p.add_argument("--device", choices=("auto", "cpu", "cuda"), default="auto")
    p.add_argument("--no-encoder", action="store_true",
                   help="weight-free MFCC speaker features instead of the speaker encoder (less accurate)")
    p.add_argument("--out", help="output folder (default: rapport-out/<file name>)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_analyze)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except PipelineError as err:
        print(f"rapport: error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("rapport: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
