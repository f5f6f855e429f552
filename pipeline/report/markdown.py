"""Streamlit markdown and progress text for the app: summary line, card status, transcript lines."""

from __future__ import annotations

from pipeline.report.text import (
    ROLE_MD_COLOURS,
    fmt_clock,
    fmt_duration,
    md_escape,
    people_counted_text,
    speaker_names,
)
from pipeline.types import (
    IndicatorCard,
    Report,
)


def summary_line(report: Report) -> str:
    """One line above the report: file, length, people, how speakers were told apart (markdown-escaped)."""
    names = speaker_names(report)
    people = ", ".join(f"{names[s.label]} ({s.role})" for s in report.speakers)
    how = "from the transcript" if report.input_kind == "transcript" else f"transcribed with Whisper {report.model_name}"
    counted = people_counted_text(report)
    counted = f"{counted}; " if counted else ""
    return md_escape(
        f"{report.source_name}: {fmt_duration(report.duration_s)}, {len(report.turns)} turns; {people}; {how}; "
        f"{counted}speakers told apart by {report.attribution_method} (confidence {report.attribution_confidence})."
    )


_STATUS_MD = {"in band": ":green[in the good range]", "below": ":orange[below the good range]",
              "above": ":orange[above the good range]", "no band": ":gray[no reference range]",
              "not available": ":gray[not available for this input]"}


#: Shown on a card whose indicator has low confidence (short session, weak attribution, too few turns to tell).
LOW_CONFIDENCE = "low confidence"


def status_markdown(card: IndicatorCard) -> str:
    """The card's band and status as Streamlit markdown (coloured status, escaped band), then "low confidence" if so."""
    status = _STATUS_MD.get(card.status, md_escape(card.status))
    text = f"{md_escape(card.band_text)} · {status}" if card.band_text else status
    return f"{text} · :gray[{LOW_CONFIDENCE}]" if shows_low_confidence(card) else text


def shows_low_confidence(card: IndicatorCard) -> bool:
    """True when the card should say "low confidence": a measured value held with low confidence."""
    return card.confidence == "low" and card.status != "not available"


def turn_markdown(row) -> str:
    """One transcript line as Streamlit markdown: coloured speaker name, question highlighted, and after the words
    what a mentor's turn did ("— complex reflection + open question").

    ``row`` is a row of :func:`turns_frame` (attribute access).
    """
    colour = ROLE_MD_COLOURS.get(row.role, "gray")
    text = md_escape(row.text)
    if row.question:
        text = f":orange-background[{text}]"
    flag = " :red[(over the other speaker)]" if row.overlap else ""
    did = f"  :gray[— {md_escape(row.mentor_did)}]" if getattr(row, "mentor_did", "") else ""
    return f":{colour}[**{md_escape(row.name)}**]{flag}  {text}{did}"


def progress_text(stage: str, fraction: float, elapsed_s: float) -> tuple[float, str]:
    """Overall progress and the line shown under the bar.

    Parameters
    ----------
    stage : str
        ``"decoding"``, ``"transcribing"``, ``"attributing"`` (speakers),
        ``"measuring"`` or ``"done"``; other names count as the last stage.
    fraction : float
        Progress within the stage, clipped to [0, 1].
    elapsed_s : float
        Seconds since the analysis started.

    Returns
    -------
    (float, str)
        Overall fraction in [0, 1] and e.g. ``"Transcribing 40% · 0:12 elapsed, about 0:18 left"``.
    """
    spans = {"decoding": (0.0, 0.05), "transcribing": (0.05, 0.80), "attributing": (0.80, 0.90), "measuring": (0.90, 1.0)}
    labels = {"decoding": "Decoding audio", "transcribing": "Transcribing", "attributing": "Attributing speakers",
              "measuring": "Measuring", "done": "Done"}
    f = min(1.0, max(0.0, float(fraction)))
    stage = stage.split()[0].lower() if stage.strip() else "measuring"  # "attributing speakers" -> "attributing"
    lo, hi = spans.get(stage, (1.0, 1.0) if stage == "done" else (0.90, 1.0))
    overall = lo + (hi - lo) * f
    label = labels.get(stage, stage.capitalize())
    if stage == "transcribing":
        label = f"{label} {f * 100:.0f}%"
    text = f"{label} · {fmt_clock(elapsed_s)} elapsed"
    if 0.05 < overall < 1.0:
        text += f", about {fmt_clock(elapsed_s * (1 - overall) / overall)} left"
    return overall, text


# --------------------------------------------------------------------------
