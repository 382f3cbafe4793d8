"""The report page: one self-contained HTML file (inline CSS, JS and SVG, no network).

Plain string building in small functions, every corpus string through
`html.escape`; the only script sorts tables when a header is clicked.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

from cleaner.document import is_html
from cleaner.explain import removal_runs
from cleaner.report.chart import share_histogram
from cleaner.report.collect import CorpusFigures, RuleFigures, Sample

#: The documents table lists at most this many rows (the chart and counts cover all).
_MAX_DOCUMENT_ROWS = 1000

_STYLE = """
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:1200px;color:#222;
padding:0 1rem}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse;margin:.5rem 0}th,td{padding:.25rem .6rem;border:1px solid #ddd;
text-align:left;vertical-align:top}th{background:#f4f4f4;cursor:pointer}td.n{text-align:right}
.bar{fill:#4a7bd0}.axis{stroke:#888}.count,.tick,.caption{font-size:11px;text-anchor:middle;
fill:#444}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:1rem;margin-bottom:1.5rem}
.pair pre{white-space:pre-wrap;word-break:break-word;background:#fafafa;border:1px solid #ddd;
padding:.5rem;max-height:28rem;overflow:auto;margin:0}
mark{background:#ffd5d5;text-decoration:line-through}
mark b{font-size:10px;background:#d33;color:#fff;text-decoration:none;padding:0 3px;
margin-left:2px;border-radius:2px}
"""

_SCRIPT = """
document.querySelectorAll("table.sortable th").forEach(function (th) {
  th.addEventListener("click", function () {
    var column = th.cellIndex;
    var body = th.closest("table").tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var numeric = rows.every(function (r) {
      return !isNaN(parseFloat(r.cells[column].dataset.v));
    });
    var down = th.dataset.down !== "1";
    th.dataset.down = down ? "1" : "0";
    rows.sort(function (a, b) {
      var x = a.cells[column].dataset.v, y = b.cells[column].dataset.v;
      var order = numeric ? parseFloat(x) - parseFloat(y) : x.localeCompare(y);
      return down ? -order : order;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  });
});
"""


def render_page(figures: CorpusFigures, title: str) -> str:
    """The whole report page."""
    sections = [
        _summary(figures),
        _status_section(figures),
        _rule_section(figures.rules),
        _site_section(figures),
        _chart_section(figures),
        _documents_section(figures),
        _samples_section(figures.samples),
    ]
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>"
        f"<h1>{escape(title)}</h1>{''.join(sections)}<script>{_SCRIPT}</script></body></html>\n"
    )


def _summary(figures: CorpusFigures) -> str:
    removals = sum(f.removals for f in figures.rules.values())
    return (
        f'<p id="summary">{len(figures.rows)} documents, {removals} removals by '
        f"{len(figures.rules)} rules, {len(figures.site_documents)} sites.</p>"
    )


def _status_section(figures: CorpusFigures) -> str:
    rows = [[(status, status), (count, str(count))] for status, count in figures.statuses.items()]
    return "<h2>Documents by status</h2>" + _table("status-table", ["status", "documents"], rows)


def _rule_section(rules: dict[str, RuleFigures]) -> str:
    ordered = sorted(rules.items(), key=lambda item: (-item[1].removals, item[0]))
    rows = [_figure_cells(rule, figures) for rule, figures in ordered]
    headers = ["rule", "removals", "documents", "characters"]
    return "<h2>Removals per rule</h2>" + _table("rule-table", headers, rows)


def _site_section(figures: CorpusFigures) -> str:
    rows = []
    for site, documents in sorted(figures.site_documents.items()):
        counted = figures.sites.get(site, RuleFigures())
        rows.append([(site, site), (documents, str(documents)), *_figure_cells(site, counted)[1:]])
    headers = ["site", "documents", "removals", "documents with removals", "characters"]
    return "<h2>Removals per site</h2>" + _table("site-table", headers, rows)


def _chart_section(figures: CorpusFigures) -> str:
    chart = share_histogram([row.removed_share for row in figures.rows])
    note = "<p>Share removed = removed characters / (removed + kept body characters).</p>"
    return f"<h2>Share of text removed per document</h2>{note}{chart}"


def _documents_section(figures: CorpusFigures) -> str:
    rows = [
        [
            (row.name, row.name),
            (row.site or "", row.site or "-"),
            (row.status, row.status + (f" ({row.reason})" if row.reason else "")),
            (row.format, row.format),
            (row.removals, str(row.removals)),
            (round(row.removed_share, 4), f"{row.removed_share:.0%}"),
        ]
        for row in figures.rows[:_MAX_DOCUMENT_ROWS]
    ]
    headers = ["document", "site", "status", "format", "removals", "removed"]
    shown = len(figures.rows)
    note = f"<p>The first {len(rows)} of {shown} documents.</p>" if shown > len(rows) else ""
    return "<h2>Documents</h2>" + note + _table("document-table", headers, rows)


def _samples_section(samples: Sequence[Sample]) -> str:
    parts = ["<h2>Sampled documents, before and after</h2>"]
    for sample in samples:
        parts.append(f'<h3>{escape(sample.name)}</h3><div class="pair">')
        parts.append(f'<pre class="before">{_before(sample)}</pre>')
        parts.append(f'<pre class="after">{escape(sample.document.text)}</pre></div>')
    return "".join(parts)


def _before(sample: Sample) -> str:
    """The input with removals marked; for HTML (no offsets) the removed pieces by rule."""
    removals = sample.document.removed
    if is_html(sample.document.format) or any(r.start is None for r in removals):
        pieces = [_mark(r.rule, " ".join(r.text.split())) + "\n" for r in removals]
        return "".join(pieces) or "(nothing removed)"
    return "".join(
        escape(text) if rule is None else _mark(rule, text)
        for rule, text in removal_runs(sample.raw_text, removals)
    )


def _mark(rule: str, text: str) -> str:
    return f'<mark title="{escape(rule)}">{escape(text)}<b>{escape(rule)}</b></mark>'


def _figure_cells(name: str, figures: RuleFigures) -> list[tuple[object, str]]:
    return [
        (name, name),
        (figures.removals, str(figures.removals)),
        (figures.documents, str(figures.documents)),
        (figures.chars, str(figures.chars)),
    ]


def _table(
    table_id: str, headers: Sequence[str], rows: Iterable[Sequence[tuple[object, str]]]
) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td data-v="{escape(str(value))}"'
            + (' class="n"' if isinstance(value, (int, float)) else "")
            + f">{escape(shown)}</td>"
            for value, shown in row
        )
        + "</tr>"
        for row in rows
    )
    return (
        f'<table id="{table_id}" class="sortable"><thead><tr>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table>"
    )
