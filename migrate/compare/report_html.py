"""The comparison as one self-contained HTML file: inline CSS, no script, no CDN.

Per endpoint: the latency figures, any difference, a waterfall of the
upstream calls made while serving one request (before above, after below,
then the final version if compared, on one time axis), and the source diff
of the functions involved. Every bar is a ``div.bar.before`` /
``div.bar.after`` (``div.bar.final``) with ``data-start`` and
``data-end`` in milliseconds, so its geometry can be checked in a browser.
"""

from __future__ import annotations

import datetime
import math
import re
from html import escape
from pathlib import Path

from .load import LatencyStats
from .model import CompareResult, EndpointResult
from .replay import Exchange

CSS = """
body { font: 14px/1.45 system-ui, sans-serif; margin: 24px; color: #1d2330; max-width: 1100px; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 0; }
.muted { color: #667085; }
table { border-collapse: collapse; margin: 8px 0 16px; }
th, td { padding: 4px 10px; border-bottom: 1px solid #e4e7ec; text-align: right; }
th:first-child, td:first-child { text-align: left; }
.yes { color: #067647; font-weight: 600; } .no { color: #b42318; font-weight: 700; }
section.endpoint { border: 1px solid #e4e7ec; border-radius: 8px; padding: 14px 16px;
  margin: 18px 0; }
.waterfall { margin: 10px 0; }
.wf-title { font-weight: 600; margin: 8px 0 2px; }
.row { display: flex; align-items: center; min-height: 22px; }
.label { width: 260px; flex: none; font: 12px ui-monospace, monospace;
  overflow-wrap: anywhere; padding-right: 6px; box-sizing: border-box; }
.track { position: relative; width: 720px; height: 16px; flex: none;
  background: repeating-linear-gradient(90deg, #f2f4f7 0 1px, transparent 1px 72px); }
.bar { position: absolute; top: 2px; height: 12px; border-radius: 3px; min-width: 2px;
  box-sizing: border-box; }
.bar.before { background: #f79009; } .bar.after { background: #2e90fa; }
.bar.final { background: #12b76a; }
.bar.request { background: none; border: 2px solid #98a2b3; top: 0; height: 16px; }
.axis { font-size: 11px; color: #667085; margin-left: 260px; width: 720px;
  display: flex; justify-content: space-between; }
pre.diff { background: #f9fafb; border: 1px solid #e4e7ec; padding: 8px; overflow-x: auto;
  font: 12px/1.4 ui-monospace, monospace; }
pre.diff .add { background: #dcfae6; display: block; }
pre.diff .del { background: #fee4e2; display: block; }
pre.diff .hunk { color: #6941c6; display: block; }
details summary { cursor: pointer; margin: 4px 0; }
.diffs td { text-align: left; font: 12px ui-monospace, monospace; }
"""


def _ms(seconds: float) -> str:
    return "-" if math.isnan(seconds) else f"{seconds * 1000:.0f} ms"


def _stats(stats: LatencyStats) -> tuple[str, str]:
    return _ms(stats.p50), _ms(stats.p95)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _waterfall(endpoint: EndpointResult) -> str:
    exchanges: dict[str, Exchange] = {"before": endpoint.before, "after": endpoint.after}
    if endpoint.final is not None:
        exchanges["final"] = endpoint.final
    if not any(e.upstream_calls for e in exchanges.values()):
        return '<p class="muted">No upstream calls recorded (upstreams not started by compare).</p>'
    scale = max(
        max((e.elapsed for e in exchanges.values()), default=0.0),
        max((c.end for e in exchanges.values() for c in e.upstream_calls), default=0.0),
        0.001,
    )
    parts = [f'<div class="waterfall" data-scenario="{escape(endpoint.scenario.name)}">']
    for version, exchange in exchanges.items():
        parts.append(
            f'<div class="wf-title">{version}: {_ms(exchange.elapsed)},'
            f" {len(exchange.upstream_calls)} upstream calls</div>"
        )
        name = endpoint.scenario.name
        parts.append(_bar_row("whole request", "request", 0.0, exchange.elapsed, scale, name))
        for call in exchange.upstream_calls:
            # Wrapped, never cut: the query string often tells two calls apart.
            label = f"{call.service} {call.method} {call.url or call.route}"
            parts.append(_bar_row(label, version, call.start, call.end, scale, name, call.service))
    ticks = "".join(f"<span>{scale * 1000 * i / 5:.0f} ms</span>" for i in range(6))
    parts.append(f'<div class="axis">{ticks}</div></div>')
    return "\n".join(parts)


def _bar_row(
    label: str,
    kind: str,
    start: float,
    end: float,
    scale: float,
    scenario: str,
    service: str = "",
) -> str:
    left = max(start, 0.0) / scale * 100
    width = max(end - max(start, 0.0), 0.0) / scale * 100
    return (
        f'<div class="row"><div class="label" title="{escape(label)}">{escape(label)}</div>'
        f'<div class="track"><div class="bar {kind}" data-scenario="{escape(scenario)}"'
        f' data-service="{escape(service)}"'
        f' data-start="{start * 1000:.1f}" data-end="{end * 1000:.1f}"'
        f' style="left:{left:.3f}%;width:{width:.3f}%"'
        f' title="{escape(label)}: {start * 1000:.0f}-{end * 1000:.0f} ms"></div></div></div>'
    )


def _diff_html(text: str) -> str:
    lines = []
    for line in text.splitlines():
        cls = ""
        if line.startswith(("+++", "---")):
            cls = "hunk"
        elif line.startswith("@@"):
            cls = "hunk"
        elif line.startswith("+"):
            cls = "add"
        elif line.startswith("-"):
            cls = "del"
        body = escape(line) or " "
        lines.append(f'<span class="{cls}">{body}</span>' if cls else body + "\n")
    return '<pre class="diff">' + "".join(lines) + "</pre>"


def _endpoint(endpoint: EndpointResult) -> str:
    s = endpoint.scenario
    verdict = (
        '<span class="yes">identical</span>'
        if endpoint.identical
        else '<span class="no">DIFFERENT</span>'
    )
    b50, b95 = _stats(endpoint.before_latency)
    a50, a95 = _stats(endpoint.after_latency)
    speedup = "-" if math.isnan(endpoint.speedup) else f"{endpoint.speedup:.1f}x"
    out = [
        f'<section class="endpoint" id="{_slug(s.name)}">',
        f"<h2>{escape(s.name)}: <code>{escape(s.label)}</code> {verdict}</h2>",
        "<table><tr><th></th><th>status</th><th>p50</th><th>p95</th><th>samples</th>"
        "<th>upstream calls</th></tr>",
        f"<tr><td>before</td><td>{endpoint.before.status}</td><td>{b50}</td><td>{b95}</td>"
        f"<td>{len(endpoint.before_latency.samples)}</td>"
        f"<td>{len(endpoint.before.upstream_calls)}</td></tr>",
        f"<tr><td>after</td><td>{endpoint.after.status}</td><td>{a50}</td><td>{a95}</td>"
        f"<td>{len(endpoint.after_latency.samples)}</td>"
        f"<td>{len(endpoint.after.upstream_calls)}</td></tr>",
        f"<tr><td>speed-up</td><td></td><td>{speedup}</td><td></td><td></td><td></td></tr>",
    ]
    if endpoint.final is not None and endpoint.final_latency is not None:
        f50, f95 = _stats(endpoint.final_latency)
        fspeed = "-" if math.isnan(endpoint.final_speedup) else f"{endpoint.final_speedup:.1f}x"
        out += [
            f"<tr><td>final</td><td>{endpoint.final.status}</td><td>{f50}</td><td>{f95}</td>"
            f"<td>{len(endpoint.final_latency.samples)}</td>"
            f"<td>{len(endpoint.final.upstream_calls)}</td></tr>",
            f"<tr><td>speed-up (final)</td><td></td><td>{fspeed}</td><td></td><td></td>"
            "<td></td></tr>",
        ]
    out.append("</table>")
    for other, differences in (
        ("after", endpoint.differences),
        ("final", endpoint.final_differences),
    ):
        if not differences:
            continue
        out.append(f'<table class="diffs"><tr><th>where</th><th>before</th><th>{other}</th></tr>')
        for d in differences:
            out.append(
                f"<tr><td>{escape(d.where)}</td><td>{escape(d.before)}</td>"
                f"<td>{escape(d.after)}</td></tr>"
            )
        out.append("</table>")
    out.append(_waterfall(endpoint))
    if endpoint.source:
        out.append(
            f'<p class="muted">Source changes behind this endpoint (view'
            f" <code>{escape(endpoint.before_view)}</code>):</p>"
        )
        for index, change in enumerate(endpoint.source):
            out.append(
                f"<details{' open' if index == 0 else ''}><summary><code>{escape(change.path)}:"
                f" {escape(change.qualname)}</code></summary>{_diff_html(change.diff)}</details>"
            )
    elif endpoint.before_view:
        out.append('<p class="muted">No source change in the functions behind this endpoint.</p>')
    out.append("</section>")
    return "\n".join(out)


def render_html(result: CompareResult) -> str:
    """The report as one HTML document."""
    o = result.options
    verdict = (
        '<span class="yes">same behaviour on every scenario, no errors</span>'
        if result.ok
        else '<span class="no">the versions differ, or a server reported problems</span>'
    )
    where = (
        f"sample upstreams with {o.latency * 1000:.0f} ms latency"
        if result.upstreams_started
        else "upstreams from the app config"
    )
    final_heads = "<th>final p50</th><th>speed-up</th>" if o.final else ""
    summary = [
        "<table><tr><th>endpoint</th><th>before p50</th><th>after p50</th><th>speed-up</th>"
        f"{final_heads}<th>identical?</th></tr>"
    ]
    for e in result.endpoints:
        speedup = "-" if math.isnan(e.speedup) else f"{e.speedup:.1f}x"
        same = '<span class="yes">yes</span>' if e.identical else '<span class="no">NO</span>'
        final_cells = ""
        if o.final:
            fspeed = "-" if math.isnan(e.final_speedup) else f"{e.final_speedup:.1f}x"
            f50 = _ms(e.final_latency.p50) if e.final_latency else "-"
            final_cells = f"<td>{f50}</td><td>{fspeed}</td>"
        summary.append(
            f'<tr><td><a href="#{_slug(e.scenario.name)}">{escape(e.scenario.label)}</a></td>'
            f"<td>{_ms(e.before_latency.p50)}</td><td>{_ms(e.after_latency.p50)}</td>"
            f"<td>{speedup}</td>{final_cells}<td>{same}</td></tr>"
        )
    summary.append("</table>")
    load = []
    if result.load:
        load.append(
            f"<h2>Under load</h2><p class='muted'>{o.clients} clients, at most {o.requests}"
            f" requests or {o.duration:g} s per version, GET scenarios round-robin.</p>"
            "<table><tr><th>version</th><th>requests</th><th>errors</th><th>requests/s</th>"
            "<th>p50</th><th>p95</th></tr>"
        )
        for version, run in result.load.items():
            load.append(
                f"<tr><td>{version}</td><td>{run.sent}</td><td>{run.error_count}</td>"
                f"<td>{run.throughput:.1f}</td><td>{_ms(run.stats.p50)}</td>"
                f"<td>{_ms(run.stats.p95)}</td></tr>"
            )
        load.append("</table>")
    problems = [
        f"<li>{escape(version)}: <code>{escape(line)}</code></li>"
        for version, lines in result.problems.items()
        for line in lines
    ]
    if problems:
        load.append("<h2>Server problems</h2><ul>" + "".join(problems) + "</ul>")
    stamp = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en"><head><meta charset="utf-8">',
            f"<title>migrate compare: {escape(o.before)} vs {escape(o.after)}</title>",
            f"<style>{CSS}</style></head><body>",
            "<h1>migrate compare</h1>",
            f'<p class="muted">before <code>{escape(o.before)}</code>, after'
            f" <code>{escape(o.after)}</code>"
            + (f", final <code>{escape(o.final)}</code>" if o.final else "")
            + f"; a WSGI version under waitress ({o.threads} threads), an ASGI one under"
            f" hypercorn (one worker), one process each; {where}; {stamp}.</p>",
            '<p class="muted">'
            + "; ".join(
                f"{escape(v)} from <code>{escape(r)}</code>" for v, r in result.roots.items()
            )
            + "</p>",
            f"<p>{verdict}</p>",
            *summary,
            *load,
            *(_endpoint(e) for e in result.endpoints),
            "</body></html>",
        ]
    )


def write_report(result: CompareResult, path: Path) -> Path:
    """Write the report to ``path`` (folders created); returns the absolute path."""
    path = path.resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_html(result), encoding="utf-8")
    return path
