"""What the store keeps of a report: per-turn measures, and the report without the words said."""

from __future__ import annotations

from dataclasses import replace

from pipeline.types import Report


def turn_measures(report: Report) -> list[tuple[int, str, float | None]]:
    """Per-turn measures kept in the store's ``turn_measures`` table: ``(turn index, measure, value)`` rows.

    Each is the report's own per-turn measure (:class:`~pipeline.types.TurnMeasures`), so the Trainer's
    baselines use the pace and pauses the report's indicators use (one definition of each).

    Measures
    --------
    n_words : words in the turn.
    duration_s : turn length, s.
    pace_wpm : the measures' pace of the turn, words per minute (None under ``rate_min_words`` words, or
        where the transcript gives no end times).
    pause_before_s : the gap since the other person's previous turn ended, s (negative: overlap; None for the
        first turn, after the same speaker, or without end times).
    """
    rows: list[tuple[int, str, float | None]] = []
    for m in report.turn_measures:
        rows += [
            (m.index, "n_words", float(m.n_words)),
            (m.index, "duration_s", m.end_s - m.start_s),
            (m.index, "pace_wpm", m.pace_wpm),
            (m.index, "pause_before_s", m.gap_before_s),
        ]
    return rows


def strip_transcript(report: Report) -> Report:
    """The report without words said: turn text and word timings, evidence quotes, words said in evidence notes
    (:meth:`~pipeline.types.Evidence.without_words`), the per-turn measures' text, question cues and behaviour cues, each
    speaker's key phrases and the shared key phrases go; timings and values stay."""
    turns = tuple(replace(t, text="", words=()) for t in report.turns)
    indicators = tuple(
        replace(i, evidence=tuple(e.without_words() for e in i.evidence)) for i in report.indicators
    )
    measured = tuple(replace(m, text="", question=replace(m.question, cue=""), code=replace(m.code, cue=""))
                     for m in report.turn_measures)
    summaries = tuple(replace(s, key_phrases=()) for s in report.speaker_summaries)
    return replace(report, turns=turns, indicators=indicators, shared_phrases=(), turn_measures=measured,
                   speaker_summaries=summaries)
