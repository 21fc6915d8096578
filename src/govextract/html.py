"""An HTML view of a report: metadata, targets, outcomes and checks as tables, and the source
text with every extraction highlighted (labels in the style of displaCy's span view).

``govextract.render_html(report, text)`` returns a standalone page; ``Report._repr_html_()``
(what Jupyter shows) returns the same body as a fragment. The text is the one the report was
extracted from: ``govextract.extract`` keeps it on the report (not in its JSON); for a report
loaded from JSON, pass it.
"""
from __future__ import annotations

import html
from typing import Any, Iterable, Optional

from .model import Report

__all__ = ["render_html", "report_fragment", "highlights", "attach_text", "source_text"]

_TEXT_ATTR = "_govextract_text"

# labels of highlighted spans, by priority: a span overlapping a higher one is not marked again
_KINDS = ("target", "outcome", "project", "quantity")

_CSS = """
.gx{font-family:system-ui,sans-serif;font-size:14px;line-height:1.5;color:#222}
.gx table{border-collapse:collapse;margin:.4em 0 1em}
.gx th,.gx td{border:1px solid #ccc;padding:2px 6px;text-align:left;vertical-align:top}
.gx th{background:#f3f3f3}
.gx .gx-text{white-space:pre-wrap;border:1px solid #ddd;padding:8px;max-height:40em;overflow:auto;line-height:2.2}
.gx mark{padding:1px 2px;border-radius:3px;position:relative}
.gx mark::after{content:attr(data-label);font-size:9px;font-weight:bold;margin-left:3px;
  padding:0 3px;border-radius:2px;background:#fff;color:#333;vertical-align:middle}
.gx mark.gx-target{background:#ffd27f}.gx mark.gx-outcome{background:#a8e6a3}
.gx mark.gx-project{background:#b5d8ff}.gx mark.gx-quantity{background:#e8e8e8}
.gx mark.gx-flash{outline:3px solid #d00}
.gx .sev-error{color:#b00;font-weight:bold}.gx .sev-warning{color:#a60}
"""

# clicking an evidence link scrolls the text to the mark and outlines it; the counts in the
# summary line are filled from the marks actually present
_JS = """
(function(){
  var root=document.currentScript?document.currentScript.parentNode:document;
  var marks=root.querySelectorAll('mark[data-kind]'),n={};
  marks.forEach(function(m){n[m.dataset.kind]=(n[m.dataset.kind]||0)+1;});
  var s=root.querySelector('.gx-counts');
  if(s){s.textContent=Object.keys(n).sort().map(function(k){return k+': '+n[k];}).join(', ');}
  root.querySelectorAll('a.gx-ref').forEach(function(a){a.addEventListener('click',function(){
    var m=document.getElementById(a.getAttribute('href').slice(1));
    if(m){m.classList.add('gx-flash');setTimeout(function(){m.classList.remove('gx-flash');},1500);}
  });});
  document.body.setAttribute('data-govextract','ready');
})();
"""


def attach_text(report: Report, text: str) -> Report:
    """Keep ``text`` on ``report`` for the HTML view (not a field: not in JSON, not in ``==``)."""
    report.__dict__[_TEXT_ATTR] = text
    return report


def source_text(report: Report) -> Optional[str]:
    text = report.__dict__.get(_TEXT_ATTR)
    return text if isinstance(text, str) else None


def _esc(v: Any) -> str:
    return "" if v is None else html.escape(str(v))


def highlights(report: Report) -> list[tuple[int, int, str, str, str]]:
    """Non-overlapping ``(start, end, kind, label, anchor id)`` spans, sorted by start.

    Labels say what a span is: ``TARGET:gdp``, ``OUTCOME:retail_sales``, ``PROJECT``,
    ``QUANTITY`` (``TARGET`` alone when the indicator is unknown)."""
    cands: list[tuple[int, int, str, str, str]] = []
    for i, t in enumerate(report.targets):
        cands.append((t.start, t.end, "target", "TARGET" + (f":{t.indicator}" if t.indicator else ""), f"gx-t{i}"))
    for i, a in enumerate(report.actuals):
        cands.append((a.start, a.end, "outcome", "OUTCOME" + (f":{a.indicator}" if a.indicator else ""), f"gx-a{i}"))
    for i, p in enumerate(report.projects):
        cands.append((p.name_start, p.name_end, "project", "PROJECT", f"gx-p{i}"))
    for i, q in enumerate(report.quantities):
        cands.append((q.start, q.end, "quantity", "QUANTITY", f"gx-q{i}"))
    taken: list[tuple[int, int, str, str, str]] = []
    occupied: set[int] = set()
    for span in sorted(cands, key=lambda c: _KINDS.index(c[2])):   # stable: priority, then order
        s, e = span[0], span[1]
        if e > s and not any(p in occupied for p in range(s, e)):
            taken.append(span)
            occupied.update(range(s, e))
    return sorted(taken)


def _marked_text(text: str, spans: Iterable[tuple[int, int, str, str, str]]) -> str:
    out, pos = [], 0
    for s, e, kind, label, anchor in spans:
        if s < pos or e > len(text):
            continue
        out.append(html.escape(text[pos:s]))
        out.append(f'<mark class="gx-{kind}" data-kind="{kind}" data-label="{_esc(label)}" id="{anchor}">'
                   f"{html.escape(text[s:e])}</mark>")
        pos = e
    out.append(html.escape(text[pos:]))
    return "".join(out)


def _table(headers: list[str], rows: list[list[str]], cls: str) -> str:
    head = "".join(f"<th>{h}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    return f'<table class="{cls}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _meta_table(report: Report) -> str:
    m = report.meta
    rows = [[k, _esc(getattr(m, k))] for k in ("region", "region_code", "province", "level", "report_year",
                                               "plan_year", "speaker_title", "speaker", "session_date",
                                               "doc_type", "title")]
    return _table(["field", "value"], rows, "gx-meta")


def _figure_rows(objs: list[Any], prefix: str, linked: set[str]) -> list[list[str]]:
    rows = []
    for i, o in enumerate(objs):
        anchor = f"gx-{prefix}{i}"
        ev = _esc(o.evidence)
        ref = f'<a class="gx-ref" href="#{anchor}">{ev}</a>' if anchor in linked else ev
        value = f"{o.value:g}" + (f"–{o.value_high:g}" if o.value_high is not None else "")
        rows.append([_esc(o.year), _esc(o.indicator), _esc(o.text), _esc(o.kind), value, _esc(o.unit),
                     _esc(o.qualifier), _esc("down" if o.direction == "down" else ""), ref, f"{o.start}:{o.end}"])
    return rows


_FIG_HEAD = ["year", "indicator", "text", "kind", "value", "unit", "qualifier", "direction", "evidence", "offsets"]


def report_fragment(report: Report, text: Optional[str] = None) -> str:
    """The view as an HTML fragment (a ``<div class="gx">`` with its style and script)."""
    text = text if text is not None else source_text(report)
    spans = highlights(report) if text is not None else []
    linked = {s[4] for s in spans}
    m = report.meta
    parts = [f"<style>{_CSS}</style>", '<div class="gx">',
             f"<h2>{_esc(m.region or '?')} {_esc(m.plan_year or '')} "
             f"<small>({_esc(m.doc_type)})</small></h2>",
             f'<p class="gx-summary">{len(report.targets)} targets, {len(report.actuals)} outcomes, '
             f"{len(report.quantities)} quantities, {len(report.projects)} projects, "
             f'{len(report.checks)} checks. Highlighted: <span class="gx-counts">{len(spans)}</span></p>',
             "<h3>Metadata</h3>", _meta_table(report),
             "<h3>Targets</h3>", _table(_FIG_HEAD, _figure_rows(report.targets, "t", linked), "gx-targets"),
             "<h3>Outcomes</h3>", _table(_FIG_HEAD, _figure_rows(report.actuals, "a", linked), "gx-outcomes"),
             "<h3>Checks</h3>",
             _table(["severity", "code", "message", "offsets"],
                    [[f'<span class="sev-{_esc(c.severity)}">{_esc(c.severity)}</span>', _esc(c.code),
                      _esc(c.message), f"{c.start}:{c.end}"] for c in report.checks], "gx-checks"),
             "<h3>Text</h3>"]
    if text is None:
        parts.append("<p><em>The source text is not kept on this report (it was loaded from JSON): "
                     "pass it, <code>render_html(report, text)</code>.</em></p>")
    else:
        parts.append(f'<div class="gx-text">{_marked_text(text, spans)}</div>')
    parts.append(f"<script>{_JS}</script></div>")
    return "".join(parts)


def render_html(report: Report, text: Optional[str] = None, *, title: Optional[str] = None) -> str:
    """A standalone HTML page of the report (see :func:`report_fragment`)."""
    t = title or f"govextract: {report.meta.region or ''} {report.meta.plan_year or ''}".strip()
    return ('<!DOCTYPE html>\n<html lang="zh"><head><meta charset="utf-8">'
            f"<title>{_esc(t)}</title></head><body>{report_fragment(report, text)}</body></html>\n")
