"""Altair charts (offline in Streamlit and, inlined, in the HTML report)."""

from __future__ import annotations

import altair as alt

from pipeline.errors import InvalidParameterError
from pipeline.report.frames import prosody_frame, talk_share_frame, turns_frame
from pipeline.report.text import PROSODY_MEASURES, ROLE_COLOURS, fmt_clock, speaker_names, speaker_roles
from pipeline.types import (
    Report,
)

# Charts (Altair; render offline in Streamlit and, inlined, in the HTML report)
# --------------------------------------------------------------------------


def _colour_scale(report: Report) -> alt.Scale:
    roles = speaker_roles(report)
    names = speaker_names(report)
    order = {"mentor": 0, "mentee": 1}
    labels = sorted(roles, key=lambda s: (order.get(roles[s], 2), s))
    domain = [names.get(s, s) for s in labels]
    return alt.Scale(domain=domain, range=[ROLE_COLOURS.get(roles[s], ROLE_COLOURS["other"]) for s in labels])


#: Vega expression showing seconds as m:ss on a time axis.
CLOCK_LABEL = "floor(datum.value / 60) + ':' + format(floor(datum.value % 60), '02d')"


def _time_x(field: str) -> alt.X:
    axis = alt.Axis(labelExpr=CLOCK_LABEL, tickCount=12, labelOverlap=True)
    return alt.X(field, title="Session time (min:s)", scale=alt.Scale(domainMin=0, nice=False), axis=axis)


def timeline_chart(report: Report, *, width: int | str = "container") -> alt.LayerChart:
    """Who spoke when: one bar per turn, questions (●) and overlaps (▲ red) marked.

    The x axis is session time (labels m:ss); the y axis the people.
    """
    frame = turns_frame(report)
    frame["mid_s"] = (frame["start_s"] + frame["end_s"]) / 2.0
    frame["at"] = frame["start_s"].map(fmt_clock)
    colour = alt.Color("name:N", scale=_colour_scale(report), title="Speaker")
    y = alt.Y("name:N", title=None, sort=list(_colour_scale(report).domain))
    tooltip = [alt.Tooltip("name:N", title="Speaker"), alt.Tooltip("at:N", title="At"), alt.Tooltip("text:N", title="Said")]
    base = alt.Chart(frame)
    bars = base.mark_bar(height=22).encode(
        x=_time_x("start_s:Q"), x2="end_s:Q", y=y, color=colour, tooltip=tooltip
    )
    questions = (
        base.transform_filter("datum.question")
        .mark_point(shape="circle", filled=True, size=45, color="#222", yOffset=-16)
        .encode(x="mid_s:Q", y=y, tooltip=tooltip)
    )
    overlaps = (
        base.transform_filter("datum.overlap")
        .mark_point(shape="triangle-down", filled=True, size=70, color="#d62728", yOffset=-16)
        .encode(x="start_s:Q", y=y, tooltip=tooltip)
    )
    return (bars + questions + overlaps).properties(width=width, height=alt.Step(44))


def talk_share_chart(report: Report, *, width: int | str = "container") -> alt.LayerChart:
    """Share of speaking time per person: one bar each, in percent, labelled."""
    frame = talk_share_frame(report)
    frame["label"] = frame["share_pct"].map(lambda v: f"{v:.0f} %")
    scale = _colour_scale(report)
    base = alt.Chart(frame).encode(
        y=alt.Y("name:N", title=None, sort=list(scale.domain)),
        x=alt.X("share_pct:Q", title="Share of speaking time (%)", scale=alt.Scale(domain=[0, 100])),
    )
    bars = base.mark_bar(height=24).encode(
        color=alt.Color("name:N", scale=scale, title="Speaker", legend=None),
        tooltip=[alt.Tooltip("name:N", title="Speaker"), alt.Tooltip("share_pct:Q", title="%"), alt.Tooltip("talk_s:Q", title="seconds")],
    )
    labels = base.mark_text(align="left", dx=6, fontWeight="bold").encode(text="label:N")
    return (bars + labels).properties(width=width, height=alt.Step(36))


def prosody_chart(
    report: Report, measure: str, *, width: int | str = "container"
) -> alt.Chart | None:
    """One line per person over the session for ``measure`` (a key of :data:`PROSODY_MEASURES`).

    Returns
    -------
    Chart or None
        None when there is no value of that measure (e.g. loudness of a transcript).
    """
    if measure not in PROSODY_MEASURES:
        raise InvalidParameterError(f"measure must be one of {sorted(PROSODY_MEASURES)}, got {measure!r}")
    frame = prosody_frame(report)
    frame = frame[frame["measure"] == measure]
    if frame.empty:
        return None
    title, unit, _ = PROSODY_MEASURES[measure]
    return (
        alt.Chart(frame)
        .mark_line(point=True, interpolate="monotone")
        .encode(
            x=_time_x("time_s:Q"),
            y=alt.Y("value:Q", title=f"{title.split()[-1].capitalize()} ({unit})", scale=alt.Scale(zero=False)),
            color=alt.Color("name:N", scale=_colour_scale(report), title="Speaker"),
            tooltip=[alt.Tooltip("name:N", title="Speaker"), alt.Tooltip("value:Q", title=unit, format=".1f")],
        )
        .properties(width=width, height=220)
    )


#: Caption of each chart: what it shows and what good looks like.
CHART_CAPTIONS = {
    "timeline": "Bars: who spoke when. ● marks a question, ▼ (red) talking over the other person. "
    "Good: the mentee has long bars, the mentor's are short, with questions spread through the session and few red marks.",
    "talk_share": "Good: the mentee talks at least as much as the mentor (the mentor listens more than talks).",
    **{m: caption for m, (_, _, caption) in PROSODY_MEASURES.items()},
}


# --------------------------------------------------------------------------
