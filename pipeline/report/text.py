"""Small text formatters shared by every output: times, values with units, ranges, bands, status, names."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.types import (
    Indicator,
    Report,
)

#: What the report is for, said once: the app shows it under its title, the HTML report under its heading, the README
#: in its opening.
REPORT_PURPOSE = ("This report is feedback for the mentor's own development. It is not an assessment of the mentor or "
                  "of the mentee, and must not be used for employment decisions (hiring, promotion, appraisal, "
                  "discipline). The mentee may see it.")

CATEGORY_ORDER = ("matching", "questions", "listening", "remembering", "sharing", "confidentiality", "safety")

#: Plain-language heading of each theme.
CATEGORY_TITLES = {
    "matching": "Matching pace, volume and words",
    "questions": "Asking questions",
    "listening": "Listening",
    "remembering": "Remembering",
    "sharing": "Sharing own mistakes",
    "confidentiality": "Confidentiality",
    "safety": "Psychological safety",
    "": "Other",
}

#: Colour of each role on every chart (colour-blind-safe pair).
ROLE_COLOURS = {"mentor": "#1f6fb4", "mentee": "#e8710a", "other": "#7f7f7f"}

#: Streamlit markdown colour names matching :data:`ROLE_COLOURS`.
ROLE_MD_COLOURS = {"mentor": "blue", "mentee": "orange", "other": "gray"}

#: What the per-turn prosody charts show: measure id -> (title, unit, what good looks like).
PROSODY_MEASURES = {
    "pace_wpm": (
        "Speaking pace",
        "words/min",
        "Good matching: the mentor's line moves toward the mentee's, gradually (a sudden jump reads as mimicry).",
    ),
    "rms_db": (
        "Loudness",
        "dB",
        "Good matching: the mentor speaks about as loudly as the mentee and follows their changes.",
    ),
    "f0_hz": (
        "Pitch",
        "Hz",
        "Pitch differs between voices; good matching shows as the two lines rising and falling together.",
    ),
}


WORD_RE = re.compile(r"[a-z0-9']+")


# --------------------------------------------------------------------------
# Small formatters
# --------------------------------------------------------------------------


def fmt_clock(seconds: float) -> str:
    """``m:ss`` (or ``h:mm:ss``) for a time in seconds >= 0."""
    s = int(round(max(0.0, float(seconds))))
    h, rem = divmod(s, 3600)
    m, s = divmod(rem, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def fmt_duration(seconds: float) -> str:
    """Human duration, e.g. ``"2 min 32 s"`` or ``"45 s"``."""
    s = int(round(max(0.0, float(seconds))))
    m, s = divmod(s, 60)
    return f"{m} min {s:02d} s" if m else f"{s} s"


def md_escape(text: str) -> str:
    """Escape ``text`` so Streamlit markdown shows it literally (no links, HTML, LaTeX or formatting)."""
    text = " ".join(str(text).split())
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|<>~:$&=])", r"\\\1", text)


def num_text(value: float, unit: str) -> str:
    if unit == "yes/no":
        return "yes" if value >= 0.5 else "no"
    if unit == "count":  # "2", "at least 1": the indicator's name says what is counted
        return f"{value:.0f}"
    if unit.startswith("score"):  # "score 0-1": the range is in the band text
        unit = ""
    if unit in ("%",):
        return f"{value:.0f} %"
    if abs(value) >= 100 or float(value).is_integer():
        text = f"{value:.0f}"
    elif abs(value) >= 10:
        text = f"{value:.1f}"
    else:
        text = f"{value:.2f}"
    return f"{text} {unit}".strip()


def speaker_names(report: Report) -> dict[str, str]:
    """Label -> name shown in the report (display name, else the label)."""
    return {s.label: (s.display_name or s.label) for s in report.speakers}


def speaker_roles(report: Report) -> dict[str, str]:
    """Label -> role; labels found only in turns get the turn's role."""
    roles = {t.speaker: t.role for t in report.turns}
    roles.update({s.label: s.role for s in report.speakers})
    return roles



def roles_text(report: Report) -> str:
    """"mentor T, mentee C (guessed)": who the report reads as whom, and whether Rapport guessed it, read it from the
    speakers' names ("Therapist", "Client": "from their names") or the user set it; the one wording of the command
    line and the app's role editor. "" without speakers."""
    names = speaker_names(report)
    parts = []
    for role, many in (("mentor", "mentors"), ("mentee", "mentees"), ("other", "others")):
        who = [names[s.label] for s in report.speakers if s.role == role]
        if who:
            parts.append(f"{role if len(who) == 1 else many} {', '.join(who)}")
    if not parts:
        return ""
    sources = {s.role_source for s in report.speakers}
    how = "set" if sources == {"set"} else "from their names" if sources == {"named"} else "guessed"
    return f"{', '.join(parts)} ({how})"


def people_counted_text(report: Report) -> str:
    """"2 people estimated from the voices (confidence medium)" when the number of people was estimated (issue 19),
    else "": the one wording of the summary line, the HTML report and the command line."""
    count = report.attribution.speaker_count if report.attribution is not None else None
    if count is None:
        return ""
    return (f"{count.n_speakers} {'person' if count.n_speakers == 1 else 'people'} estimated from the voices "
            f"(confidence {count.confidence})")


def band_text(ind: Indicator) -> str:
    lo, hi, unit = ind.band_low, ind.band_high, ind.unit
    if lo is None and hi is None:
        return ""
    if lo is not None and lo == hi:
        return f"good: {num_text(lo, unit)}"
    if lo is not None and hi is not None:
        return f"good: {range_text(lo, hi, unit)}"
    if lo is not None:
        return f"good: at least {num_text(lo, unit)}"
    if hi == 0 and unit == "count":  # "good: none", not "at most 0"
        return "good: none"
    return f"good: at most {num_text(hi, unit)}"


def range_text(lo: float, hi: float, unit: str) -> str:
    """ "20–45 %", "-10 to 10 %" ("-10–10 %" reads badly), "0.44–0.96 r": the unit said once, after the high end."""
    lo_text, hi_text = num_text(lo, unit), num_text(hi, unit)
    suffix = hi_text[len(hi_text.split(" ")[0]):]  # " %", " r", " per 10 min"; "" for counts and scores
    return f"{lo_text.removesuffix(suffix) if suffix else lo_text}{' to ' if lo < 0 else '–'}{hi_text}"


def interval_text(ind: Indicator) -> str:
    """ "95 % interval: 38–60 %" for an available indicator with an interval, else ""."""
    if ind.ci95 is None or not ind.available or ind.value is None:
        return ""
    return f"95 % interval: {range_text(*ind.ci95, ind.unit)}"


def status_of(ind: Indicator) -> str:
    if not ind.available or ind.value is None:
        return "not available"
    if ind.band_low is None and ind.band_high is None:
        return "no band"
    if ind.band_low is not None and ind.value < ind.band_low:
        return "below"
    if ind.band_high is not None and ind.value > ind.band_high:
        return "above"
    return "in band"


def category_rank(category: str) -> int:
    return CATEGORY_ORDER.index(category) if category in CATEGORY_ORDER else len(CATEGORY_ORDER)


def indicators_of(report: Report | Sequence[Indicator]) -> tuple[Indicator, ...]:
    """A report's indicators, or the indicators themselves (functions here take either)."""
    return report.indicators if isinstance(report, Report) else tuple(report)
