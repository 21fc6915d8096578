#!/usr/bin/env python3
"""Peak memory of extraction on large inputs, each measured in a fresh interpreter.

    .venv/bin/python benchmarks/memory.py                 # every input, a table
    .venv/bin/python benchmarks/memory.py report_10mb     # one input, as JSON (run.py calls this)

Inputs, built from the development documents (../shared/corpus, or fixtures/corpus):

- ``report_10mb``: a report made 10 MB long (UTF-8) by repeating its body (one document);
- ``html_8mb``: an 8 MB web page of the same report, one ``<p><span>`` per line, with a head,
  a style sheet, scripts, a menu and a footer;
- ``notice_one_line``: a responsibilities notice (numbered tasks with their 责任领导 blocks)
  scraped onto one line, five times over (about 68,000 characters).

For each: the characters; the peak traced by ``tracemalloc`` during ``extract()`` and during
``extract()`` plus ``to_json()``; the growth of the process's peak resident memory
(VmHWM, or ``ru_maxrss``) over the same calls, in a second interpreter without tracing (tracing costs
memory of its own); both per input character. The budget is 40 bytes per character.
"""
from __future__ import annotations

import gc
import json
import os
import pathlib
import resource
import subprocess
import sys
import time
import tracemalloc
import warnings

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
BUDGET = 40            # bytes per input character


def _doc(name: str) -> str:
    for d in (SHARED / "corpus", ROOT / "fixtures" / "corpus"):
        p = d / name
        if p.exists():
            return p.read_text(encoding="utf-8")
    raise FileNotFoundError(name)


def _repeated_body(base: str) -> str:
    """What follows the report's opening address: copies of it lengthen one report (no title,
    page header or address of their own)."""
    i = base.find("各位代表")
    return base[base.find("\n", i) + 1:].rstrip("\n") + "\n"


def report_10mb() -> str:
    base = _doc("2020-huangshigang.txt")
    body = _repeated_body(base)
    k = -(-(10_000_000 - len(base.encode())) // len(body.encode()))
    return base + body * k


_HEAD = ('<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{title}</title>\n'
         '<style>p {{ text-indent: 2em; line-height: 1.8 }} .nav a {{ margin: 0 1em }}</style>\n'
         '<script type="text/javascript">var _hmt = _hmt || []; (function() {{ var hm = 1; }})();</script>\n'
         '</head><body>\n<div class="nav"><a href="/">home</a><a href="/zwgk/">zwgk</a></div>\n'
         '<div class="content">\n')
_TAIL = '</div>\n<div class="footer">footer</div>\n<script>document.write("");</script>\n</body></html>\n'


def html_8mb() -> str:
    base = _doc("2020-huangshigang.txt")
    lines = [ln.strip() for ln in base.split("\n") if ln.strip()]
    first = "".join(f'<p style="text-indent:2em"><span>{ln}</span></p>\n' for ln in lines)
    body = "".join(f'<p style="text-indent:2em"><span>{ln}</span></p>\n'
                   for ln in _repeated_body("\n".join(lines)).split("\n") if ln)
    head = _HEAD.format(title=lines[0])
    k = -(-(8_000_000 - len((head + first + _TAIL).encode())) // len(body.encode()))
    return head + first + body * k + _TAIL


def notice_one_line() -> str:
    one = " ".join(ln.strip() for ln in _doc("2021-chibi-responsibilities.txt").split("\n") if ln.strip())
    return " ".join([one] * 5)


INPUTS = {"report_10mb": report_10mb, "html_8mb": html_8mb, "notice_one_line": notice_one_line}


def _peak_rss() -> int:
    """This process's peak resident memory in bytes: VmHWM on Linux (``ru_maxrss`` of a child
    started from a large process begins at the parent's size; VmHWM belongs to the new program)."""
    try:
        for line in pathlib.Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024      # kilobytes on Linux


def _run(kind: str, traced: bool) -> dict:
    """In this interpreter: build the input, warm up, then measure one extract() + to_json()."""
    import govextract
    warnings.simplefilter("ignore", govextract.MultipleReportsWarning)
    text = INPUTS[kind]()
    govextract.extract(_doc("2022-xianyang.txt"))          # patterns compiled, data loaded
    gc.collect()
    out: dict = {"input": kind, "chars": len(text), "utf8_bytes": len(text.encode())}
    if traced:
        tracemalloc.start()
        report = govextract.extract(text)
        out["traced_peak_extract"] = tracemalloc.get_traced_memory()[1]
        js = report.to_json()
        out["traced_peak_with_json"] = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    else:
        before = _peak_rss()
        t = time.process_time()
        report = govextract.extract(text)
        out["cpu_seconds"] = time.process_time() - t
        out["rss_growth_extract"] = _peak_rss() - before
        js = report.to_json()
        out["rss_growth_with_json"] = _peak_rss() - before
    out["json_bytes"] = len(js.encode())
    out["quantities"] = len(report.quantities)
    return out


def measure(kind: str) -> dict:
    """Both measurements of one input, each in a fresh interpreter."""
    res: dict = {}
    for mode in ("traced", "rss"):
        proc = subprocess.run([sys.executable, __file__, kind, mode], capture_output=True, text=True, check=True,
                              cwd=ROOT, env=dict(os.environ))
        res.update(json.loads(proc.stdout))
    n = res["chars"]
    for key in ("traced_peak_extract", "traced_peak_with_json", "rss_growth_extract", "rss_growth_with_json"):
        res[key + "_per_char"] = res[key] / n
    return res


def main() -> int:
    if len(sys.argv) == 3:                       # the child: one input, one mode
        print(json.dumps(_run(sys.argv[1], sys.argv[2] == "traced")))
        return 0
    kinds = sys.argv[1:] or list(INPUTS)
    if len(kinds) == 1 and len(sys.argv) == 2:
        print(json.dumps(measure(kinds[0])))
        return 0
    print("| input | characters | peak traced (extract) | peak traced (+ to_json) | RSS growth (extract) | JSON |")
    print("|---|---|---|---|---|---|")
    for kind in kinds:
        r = measure(kind)
        print(f"| {kind} | {r['chars']:,} | {r['traced_peak_extract'] / 2**20:.0f} MB "
              f"({r['traced_peak_extract_per_char']:.1f} B/char) | {r['traced_peak_with_json'] / 2**20:.0f} MB "
              f"({r['traced_peak_with_json_per_char']:.1f} B/char) | {r['rss_growth_extract'] / 2**20:.0f} MB "
              f"({r['rss_growth_extract_per_char']:.1f} B/char) | {r['json_bytes'] / 2**20:.1f} MB |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
