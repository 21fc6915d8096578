#!/usr/bin/env python3
"""Coverage of govextract over a folder of real reports, measured with an independent yardstick.

    .venv/bin/python benchmarks/coverage.py                      # ../shared/bulk/reports, 2000 on
    .venv/bin/python benchmarks/coverage.py DIR --since 2010 --jobs 4 --out results.json

For each report (file names ``<year>-<government>.txt``; ``--since`` keeps the years from that
one on, files without a year are kept) the script asks simple questions of the **raw text**
with its own regular expressions below, not with the library's rules, and then checks
whether ``govextract.extract`` gave what the text holds. A library miss therefore shows as a
failure instead of vanishing with the rule that missed it.

Yardsticks (deliberately plain; see the patterns for the exact forms):

- **has a target lead-in**: ``主要预期目标是``, ``预期目标为``, ``主要预期指标建议为``,
  ``主要目标是`` … anywhere in the text → the library should give targets.
- **opening names a speaker**: in the opening (the text before the first ``各位代表`` when it
  lies in the first 20,000 characters, else the first 3,000; a YAML front matter is skipped),
  a head-of-government title (省长 … 总理, with 代/代理, not 副) next to a name of 2–4
  characters (blanks allowed inside) or a dotted name, on the same line or on the next one,
  or a name before its title (``龚正市长在``), or a line that prints a date and a name only
  (``（2010年1月22日 秦光荣）``); lines longer than 150 characters are body text → the library
  should give a speaker, and the same name. The shape of the first such place is recorded
  (run-in, before-meeting, own-line, two-lines, name-first, glued-to-address, caption,
  dated-name).
  The reports where the library gives a speaker the yardstick did not see are listed for
  reading (``speaker_the_yardstick_did_not_see``), not scored.
- **region and level**: every report should get both; with a ``<year>-<government>.txt``
  file name the region should equal the government named (some bulk file names are wrong:
  the list of differences is for reading, not a score).
- **has a review part**: a short line with ``回顾`` (``一、2023年工作回顾``) or a paragraph
  opening with ``过去的一年`` / ``一年来`` / ``过去五年`` … → the library should give outcomes
  (``report.actuals``), and of those reports the share with a GDP figure (indicator ``gdp``).

It prints a summary and writes it, with the file names failing each check and the count of
each ``report.checks`` code, to a JSON file (``--out``, default
``benchmarks/results/coverage.json``).
"""
from __future__ import annotations

import argparse
import collections
import json
import multiprocessing
import pathlib
import re
import sys
import time
import warnings
from typing import Any, Optional

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import govextract  # noqa: E402

# -- yardsticks (raw text, independent of the library's rules) -----------------------------
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
ADDRESS = "各位代表"
OPENING_IF_ADDRESS, OPENING_ELSE = 20_000, 3_000

LEAD_IN = re.compile(
    r"(?:主要)?预期(?:目标|指标)(?:建议|拟定|初步确定|确定|设定|安排)?(?:是|为)"
    r"|主要(?:目标|指标)(?:建议|拟定|确定)?(?:是|为)")

HAN = r"[\u4e00-\u9fff]"
TITLE = r"(?<![副])(?:代理|代)?(?:省长|市长|区长|县长|州长|盟长|旗长|主席|总理)"
NAME = rf"{HAN}(?:[ \u3000\xa0]{{0,2}}{HAN}){{1,3}}|{HAN}{{1,10}}[·•・]{HAN}{{1,10}}"
SEP = r"[ \u3000\xa0\t*:：—\-?？]{0,6}"
AFTER = r"(?=[ \u3000\xa0]*(?:$|[*）)<。，,\d]|各位代表|作|在|代表|同志|讲话))"
TITLE_NAME = re.compile(rf"{TITLE}{SEP}(?P<name>{NAME}){AFTER}", re.M)
TWO_LINES = re.compile(rf"{TITLE}[ \u3000\xa0*]*\n[ \u3000\xa0*\n]*(?P<name>{NAME})[ \u3000\xa0*]*$", re.M)
NAME_TITLE = re.compile(rf"(?:^|(?<=[\s*，,。>：:日]))(?P<name>{HAN}{{2,3}}){TITLE}(?=在|作|代表)", re.M)
GLUED = re.compile(rf"会议上(?P<name>{HAN}{{2,3}})各位代表")
DATED_NAME = re.compile(rf"^[ \u3000*]*[（(]\d{{4}}年\d{{1,2}}月\d{{1,2}}日[ \u3000]+(?P<name>{NAME})[)）][ \u3000*]*$", re.M)
LINE_MAX = 150
NOT_NAMES = ("政府", "人民", "各位", "代表", "工作", "报告", "会议", "信箱", "热线", "的", "在", "和")
CONGRESS = "人民代表大会"

REVIEW = re.compile(r"^[ \t\u3000*#]*(?:[一二三四五六七八九十]+[、.．]\s*)?[^\n。]{0,30}回顾[^\n。]{0,12}$"
                    r"|^[ \t\u3000*#]*(?:过去的一年|过去一年|一年来|过去五年|五年来|刚刚过去的一年)", re.M)


def opening_of(raw: str) -> str:
    """The opening's short lines (a line of body text is longer than LINE_MAX)."""
    text = FRONT_MATTER.sub("", raw, count=1)
    k = text.find(ADDRESS, 0, OPENING_IF_ADDRESS)
    head = text[:k + len(ADDRESS)] if k >= 0 else text[:OPENING_ELSE]
    return "\n".join(line if len(line) <= LINE_MAX else "" for line in head.split("\n"))


def _clean(name: str) -> str:
    return re.sub(r"[ \u3000\xa0]", "", name)


def speaker_in_opening(opening: str) -> Optional[tuple[str, str]]:
    """(name, shape) of the first place in the opening that prints a speaker, or None."""
    hits = []
    for pat, shape in ((TITLE_NAME, "title-name"), (TWO_LINES, "two-lines"), (NAME_TITLE, "name-first"),
                       (GLUED, "glued-to-address"), (DATED_NAME, "dated-name")):
        for m in pat.finditer(opening):
            name = _clean(m.group("name"))
            if not any(w in name for w in NOT_NAMES):
                hits.append((m.start(), name, shape))
                break
    if not hits:
        return None
    pos, name, shape = min(hits)
    ls = opening.rfind("\n", 0, pos) + 1
    le = opening.find("\n", pos)
    line = opening[ls:le if le >= 0 else len(opening)]
    if "<!--" in line or "报告。" in line and CONGRESS not in line:
        shape = "caption"
    elif CONGRESS in line and shape == "title-name":
        shape = "run-in" if line.find(CONGRESS) < pos - ls else "before-meeting"
    elif shape == "title-name":
        shape = "own-line"
    return name, shape


def region_of_file(name: str) -> Optional[str]:
    m = re.match(r"^[0-9]{4}(?:-[0-9]{1,2})?-(.+)\.txt$", name)
    return m.group(1) if m and re.search(HAN, m.group(1)) else None      # not 1998-national.txt


# -- one report ----------------------------------------------------------------------------
def measure(path: str) -> dict[str, Any]:
    cpu = time.process_time()
    raw = pathlib.Path(path).read_text(encoding="utf-8", errors="replace")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        r = govextract.extract(raw)
    m = r.meta
    lead = LEAD_IN.search(raw)
    spk = speaker_in_opening(opening_of(raw))
    return {
        "file": pathlib.Path(path).name,
        "lead_in": lead.group(0) if lead else None,
        "targets": len(r.targets),
        "opening_speaker": spk[0] if spk else None,
        "opening_shape": spk[1] if spk else None,
        "speaker": m.speaker,
        "title": m.speaker_title,
        "region": m.region,
        "level": m.level,
        "file_region": region_of_file(pathlib.Path(path).name),
        "review": bool(REVIEW.search(raw)),
        "actuals": len(r.actuals),
        "gdp": any(a.indicator == "gdp" for a in r.actuals),
        "checks": sorted({c.code for c in r.checks}),
        "cpu": time.process_time() - cpu,
    }


# -- the summary ---------------------------------------------------------------------------
def _share(a: int, b: int) -> str:
    return f"{a:,} of {b:,} ({100 * a / b:.1f}%)" if b else "0 of 0"


def summarise(rows: list[dict[str, Any]]) -> tuple[dict[str, Any], dict[str, list[str]]]:
    fail: dict[str, list[str]] = collections.defaultdict(list)
    lead = [x for x in rows if x["lead_in"]]
    for x in lead:
        if not x["targets"]:
            fail["lead_in_without_targets"].append(x["file"])
    spk = [x for x in rows if x["opening_speaker"]]
    for x in spk:
        if not x["speaker"]:
            fail["opening_speaker_not_read"].append(x["file"])
        elif x["speaker"] != x["opening_speaker"]:
            fail["speaker_differs_from_opening"].append(f'{x["file"]}: {x["speaker"]} / {x["opening_speaker"]}')
    for x in rows:
        if x["speaker"] and not x["opening_speaker"]:      # for reading: a speaker the yardstick did not see
            fail["speaker_the_yardstick_did_not_see"].append(f'{x["file"]}: {x["title"]} {x["speaker"]}')
        if not (x["region"] and x["level"]):
            fail["region_or_level_missing"].append(x["file"])
        elif x["file_region"] and x["region"] != x["file_region"]:
            fail["region_differs_from_file_name"].append(f'{x["file"]}: {x["region"]}')
    rev = [x for x in rows if x["review"]]
    out = [x for x in rev if x["actuals"]]
    for x in rev:
        if not x["actuals"]:
            fail["review_without_outcomes"].append(x["file"])
        elif not x["gdp"]:
            fail["outcomes_without_gdp"].append(x["file"])
    shapes: dict[str, dict[str, list[int]]] = {"lead_in": {}, "dateline": {}}
    for x in lead:
        shapes["lead_in"].setdefault(x["lead_in"], [0, 0])
        shapes["lead_in"][x["lead_in"]][0] += 1
        shapes["lead_in"][x["lead_in"]][1] += bool(x["targets"])
    for x in spk:
        shapes["dateline"].setdefault(x["opening_shape"], [0, 0])
        shapes["dateline"][x["opening_shape"]][0] += 1
        shapes["dateline"][x["opening_shape"]][1] += bool(x["speaker"])
    checks = collections.Counter(c for x in rows for c in x["checks"])
    named = [x for x in rows if x["file_region"]]
    summary = {
        "reports": len(rows),
        "cpu_seconds": round(sum(x["cpu"] for x in rows), 1),
        "targets": [sum(bool(x["targets"]) for x in lead), len(lead)],
        "speaker": [sum(bool(x["speaker"]) for x in spk), len(spk)],
        "speaker_same_name": [sum(x["speaker"] == x["opening_speaker"] for x in spk), len(spk)],
        "region_and_level": [sum(bool(x["region"] and x["level"]) for x in rows), len(rows)],
        "region_equals_file_name": [sum(x["region"] == x["file_region"] for x in named), len(named)],
        "outcomes": [len(out), len(rev)],
        "outcomes_with_gdp": [sum(x["gdp"] for x in out), len(out)],
        "shapes": {k: dict(sorted(v.items(), key=lambda kv: -kv[1][0])) for k, v in shapes.items()},
        "checks": dict(checks.most_common()),
    }
    return summary, {k: sorted(v) for k, v in sorted(fail.items())}


def render(s: dict[str, Any], folder: str, since: int, seconds: float, jobs: int) -> str:
    lines = [
        f"govextract coverage over {folder} (reports from {since} on: {s['reports']:,}; "
        f"{seconds:.1f} s with {jobs} jobs, {s['cpu_seconds']:.1f} s of CPU in the workers)",
        f"targets   reports with a target lead-in that give targets: {_share(*s['targets'])}",
        f"speaker   reports whose opening names a speaker that give one: {_share(*s['speaker'])}; "
        f"the same name: {_share(*s['speaker_same_name'])}",
        f"region    reports with region and level: {_share(*s['region_and_level'])}; "
        f"region equals the file name: {_share(*s['region_equals_file_name'])}",
        f"outcomes  reports with a review part that give outcomes: {_share(*s['outcomes'])}; "
        f"of those, with a GDP figure: {_share(*s['outcomes_with_gdp'])}",
        "lead-in shapes (met, gave targets): "
        + ", ".join(f"{k} {a}/{b}" for k, (a, b) in list(s["shapes"]["lead_in"].items())[:12]),
        "dateline shapes (met, gave a speaker): "
        + ", ".join(f"{k} {a}/{b}" for k, (a, b) in s["shapes"]["dateline"].items()),
        "checks (reports): " + (", ".join(f"{k} {n}" for k, n in s["checks"].items()) or "none"),
    ]
    return "\n".join(lines)


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folder", nargs="?", default="../shared/bulk/reports")
    ap.add_argument("--since", type=int, default=2000, help="keep reports from this year on (default 2000)")
    ap.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "coverage.json"))
    args = ap.parse_args(argv)
    paths = []
    for p in sorted(pathlib.Path(args.folder).glob("*.txt")):
        y = re.match(r"^([0-9]{4})", p.name)
        if y is None or int(y.group(1)) >= args.since:
            paths.append(str(p))
    t0 = time.perf_counter()
    with multiprocessing.Pool(args.jobs) as pool:
        rows = list(pool.imap_unordered(measure, paths, chunksize=8))
    seconds = time.perf_counter() - t0
    rows.sort(key=lambda x: x["file"])
    summary, failures = summarise(rows)
    text = render(summary, args.folder, args.since, seconds, args.jobs)
    out = pathlib.Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"summary": summary, "text": text, "failures": failures},
                              ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(text)
    print(f"failing reports by check: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
