"""The self-contained offline HTML report, built from the same cards, feedback and charts as the app."""

from __future__ import annotations

import functools
import html
import json

from pipeline.report.cards import cards_by_category, indicator_cards, matching_indicators, moments
from pipeline.report.charts import CHART_CAPTIONS, prosody_chart, talk_share_chart, timeline_chart
from pipeline.report.frames import shared_phrases_frame, turns_frame
from pipeline.report.glance import FEEDBACK_TITLES, feedback, feedback_caption, value_and_band
from pipeline.report.markdown import LOW_CONFIDENCE, shows_low_confidence
from pipeline.report.text import (
    PROSODY_MEASURES,
    REPORT_PURPOSE,
    band_text,
    fmt_clock,
    fmt_duration,
    num_text,
    people_counted_text,
    speaker_names,
    speaker_roles,
)
from pipeline.types import (
    Report,
)

# Self-contained HTML report
# --------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def vega_javascript() -> str:
    """Vega, Vega-Lite and vega-embed as one inline script (from ``vl-convert-python``; no CDN)."""
    import vl_convert

    return vl_convert.javascript_bundle()


def _script_json(obj) -> str:
    # JSON inside <script>: "</" and "<!--" must not appear literally.
    return json.dumps(obj).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


_HTML_STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
h1{margin-bottom:.2em} .meta{color:#666} .warn{background:#fff4e5;border-left:4px solid #e69500;padding:.4em .8em} h2{border-bottom:1px solid #ddd;padding-bottom:.2em;margin-top:1.6em}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(240px,1fr));gap:12px}
.card{border:1px solid #ddd;border-radius:8px;padding:10px 12px} .card .v{font-size:1.5em;font-weight:600}
.card .n{font-weight:600} .card .b{color:#555;font-size:.9em} .card .i{color:#555;font-size:.85em} .card .m{font-size:.9em;margin-top:.3em}
.s-in{border-left:6px solid #2ca02c} .s-below,.s-above{border-left:6px solid #e8710a} .s-no,.s-not{border-left:6px solid #bbb}
.chart{width:100%} .cap{color:#555;font-size:.9em;margin:.2em 0 1em}
table{border-collapse:collapse;width:100%} td,th{border-bottom:1px solid #eee;padding:4px 6px;text-align:left;vertical-align:top}
.t{color:#666;white-space:nowrap} .did{color:#666;font-size:.85em} .q{background:#fff3c4} .mentor{color:#1f6fb4;font-weight:600} .mentee{color:#e8710a;font-weight:600}
.other{color:#555;font-weight:600} blockquote{margin:.3em 0 .8em;padding-left:.8em;border-left:3px solid #ccc}
"""


def html_report(report: Report) -> str:
    """The report as one self-contained HTML page: cards, charts, phrases, moments, transcript.

    Charts are Vega-Lite specs rendered by the Vega libraries inlined in the page, so
    the file opens with no network. Every piece of text from the input (names, file
    name, transcript) is HTML-escaped.
    """
    names = speaker_names(report)
    roles = speaker_roles(report)
    charts: list[tuple[str, dict]] = []
    parts = _head(report, names)
    parts += _at_a_glance(report)
    parts += _cards(report)
    parts += _who_spoke_when(report, charts)
    parts += _matching(report, charts)
    parts += _phrases(report)
    parts += _moments(report, names, roles)
    parts += _transcript(report)
    parts += _chart_script(charts)
    parts.append("</body></html>")
    return "".join(parts)


def _head(report: Report, names: dict[str, str]) -> list[str]:
    """From the doctype to the title line and the report's warnings."""
    e = html.escape
    parts = [
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
        "<meta name='viewport' content='width=device-width, initial-scale=1'>",
        f"<title>Rapport report: {e(report.source_name)}</title><style>{_HTML_STYLE}</style>",
        f"<script>{vega_javascript()}</script></head><body>",
        f"<h1>Rapport report</h1><p class='meta'>{e(report.source_name)} · {fmt_duration(report.duration_s)} · "
        f"{e(', '.join(f'{names[s.label]} ({s.role})' for s in report.speakers))} · "
        + (f"{e(counted)} · " if (counted := people_counted_text(report)) else "")
        + f"{'transcribed with ' + e(report.model_name) if report.model_name else 'from a transcript'} · "
        f"Rapport {e(report.pipeline_version)}</p>",
        f"<p class='purpose'>{e(REPORT_PURPOSE)}</p>",
    ]
    parts += [f"<p class='warn'>&#9888; {e(w)}</p>" for w in report.warnings]
    return parts


def _at_a_glance(report: Report) -> list[str]:
    """What went well and what to try next time, with the caption saying what it is drawn from."""
    e = html.escape
    fb = feedback(report)
    parts = ["<h2>At a glance</h2>"]
    for key in ("went_well", "to_try"):
        if points := getattr(fb, key):
            parts.append(f"<h3>{FEEDBACK_TITLES[key]}</h3><ul>")
            parts += [f"<li><b>{e(p.name)}</b>: {e(value_and_band(p))}. {e(p.advice)}"
                      f"{' <span class=cap>at ' + fmt_clock(p.moment.start_s) + '</span>' if p.moment else ''}</li>"
                      for p in points]
            parts.append("</ul>")
    parts.append(f"<p class='cap'>{e(feedback_caption(fb))}</p>")
    return parts


def _cards(report: Report) -> list[str]:
    """The indicator cards, by category."""
    e = html.escape
    parts = ["<h2>Rapport indicators</h2>"]
    cards = indicator_cards(report)
    if not cards:
        parts.append("<p>Indicators are not available for this input.</p>")
    for title, group in cards_by_category(report):
        parts.append(f"<h3>{e(title)}</h3><div class='cards'>")
        for c in group:
            interval = f"<div class='i'>{e(c.interval_text)}</div>" if c.interval_text else ""
            parts.append(
                f"<div class='card s-{e(c.status.split()[0])}'><div class='n'>{e(c.name)}</div>"
                f"<div class='v'>{e(c.value_text)}</div>{interval}"
                f"<div class='b'>{e(c.band_text)} {('· ' + e(c.status)) if c.band_text else ''}"
                f"{(' · ' + LOW_CONFIDENCE) if shows_low_confidence(c) else ''}</div>"
                f"<div class='m'>{e(c.meaning)}</div></div>"
            )
        parts.append("</div>")
    return parts


def _chart(key: str, chart, charts: list[tuple[str, dict]]) -> list[str]:
    """The place of one chart on the page and its caption; the chart's spec joins ``charts`` (None: nothing)."""
    if chart is None:
        return []
    div = f"chart{len(charts)}"
    charts.append((div, chart.to_dict()))
    return [f"<div id='{div}' class='chart'></div><p class='cap'>{html.escape(CHART_CAPTIONS[key])}</p>"]


def _who_spoke_when(report: Report, charts: list[tuple[str, dict]]) -> list[str]:
    """The timeline and talk-share charts."""
    parts = ["<h2>Who spoke when</h2>"]
    if report.turns:
        parts += _chart("timeline", timeline_chart(report), charts)
        parts += _chart("talk_share", talk_share_chart(report), charts)
    else:
        parts.append("<p>No speech was found in this input.</p>")
    return parts


def _matching(report: Report, charts: list[tuple[str, dict]]) -> list[str]:
    """The matching indicators, and a chart of each prosody measure over the session."""
    e = html.escape
    parts = ["<h2>Matching over the session</h2>"]
    for ind in matching_indicators(report):
        value = "n/a" if (not ind.available or ind.value is None) else num_text(float(ind.value), ind.unit)
        parts.append(f"<p><b>{e(ind.name)}</b>: {e(value)} {e(band_text(ind))}. {e(ind.explanation)}</p>")
    for measure in PROSODY_MEASURES:
        chart = prosody_chart(report, measure)
        parts.append(f"<h3>{e(PROSODY_MEASURES[measure][0])}</h3>")
        if chart is None:
            parts.append("<p>Not available for this input.</p>")
        parts += _chart(measure, chart, charts)
    return parts


def _phrases(report: Report) -> list[str]:
    """The key phrases one person took up from the other, as a table."""
    parts = ["<h2>Shared key phrases</h2>"]
    phrases = shared_phrases_frame(report)
    if phrases.empty:
        parts.append("<p>No phrase was taken up by the other person.</p>")
    else:
        parts.append(phrases.to_html(index=False, escape=True, border=0))
    return parts


def _moments(report: Report, names: dict[str, str], roles: dict[str, str]) -> list[str]:
    """The moments worth a look, each with its quote."""
    e = html.escape
    parts = ["<h2>Moments worth a look</h2>"]
    ms = moments(report)
    if not ms:
        parts.append("<p>Not available for this input.</p>")
    for m in ms:
        who = names.get(m.speaker, m.speaker)
        parts.append(
            f"<p><b>{e(m.indicator_name)}</b> <span class='t'>{fmt_clock(m.start_s)}</span> · "
            f"<span class='{e(roles.get(m.speaker, 'other'))}'>{e(who)}</span> {e(m.note)}</p>"
            f"<blockquote>{e(m.quote)}</blockquote>"
        )
    return parts


def _transcript(report: Report) -> list[str]:
    """The transcript as a table, questions marked, with what each of the mentor's turns did."""
    e = html.escape
    parts = ["<h2>Transcript</h2><table><tr><th>At</th><th>Who</th><th>Said</th><th>Mentor did</th></tr>"]
    for row in turns_frame(report).itertuples(index=False):
        cls = " class='q'" if row.question else ""
        parts.append(
            f"<tr><td class='t'>{fmt_clock(row.start_s)}</td><td class='{e(row.role)}'>{e(row.name)}</td>"
            f"<td{cls}>{e(row.text)}</td><td class='did'>{e(row.mentor_did)}</td></tr>"
        )
    parts.append("</table>")
    return parts


def _chart_script(charts: list[tuple[str, dict]]) -> list[str]:
    """The script that draws every chart into its place (or says there why it failed)."""
    return [
        "<script>const specs=" + _script_json(dict(charts)) + ";",
        "for (const [id, spec] of Object.entries(specs)) { vegaEmbed('#' + id, spec, {actions: false, renderer: 'svg'})"
        ".catch(err => { document.getElementById(id).textContent = 'Chart failed: ' + err; }); }</script>",
    ]
