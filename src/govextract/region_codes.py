"""Administrative-division codes (GB/T 2260) for the region that delivers a report.

The data file ``data/region_codes.json`` lists every (six-digit code, name) pair of a
province-, prefecture- or county-level unit with the first and last year whose year-end code
list of the Ministry of Civil Affairs holds it (source and date in its ``about``; rebuilt by
``scripts/build_region_codes.py``). A name is looked up for a year, so a county that became a
district gets the code it had that year (蓟县 120225 until 2015, 蓟州区 120119 from 2016).

A name that more than one unit bears in that year (朝阳区 in Beijing and in Changchun) is
resolved by the context: the parent province or prefecture named in the text. When the context
names none or several of the candidates' parents, the code is left ``None``: never guessed.

The pipeline component ``region_code`` (registered by :mod:`govextract.pipeline`, run after
``quantities``, which completes the report's year) reads ``meta.region``, ``meta.level``, ``meta.report_year`` (else the year of
``meta.session_date``, else ``meta.plan_year``) and the head of the text, and sets
``meta.region_code`` and ``meta.province``.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from ._data import load_json
from .document import Doc
from .lang import default_lang

__all__ = ["Division", "region_code", "divisions", "province_of", "set_region_code"]

# the head of a report where its title, header block and session line stand: the parent
# province or prefecture that disambiguates a name is written there when at all
CONTEXT_CHARS = 3000



@dataclass(frozen=True)
class Division:
    """One (code, name) pair and the years (year-end lists) that hold it."""
    code: str
    name: str
    first: int
    last: int

    @property
    def level(self) -> str:
        """``province``, ``prefecture`` or ``county`` from the code's shape."""
        if self.code.endswith("0000"):
            return "province"
        return "prefecture" if self.code.endswith("00") else "county"

    def valid_in(self, year: int) -> bool:
        return self.first <= year <= self.last


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, list[Division]], dict[str, list[Division]]]:
    """(name -> divisions, code -> divisions), loaded on first use."""
    by_name: dict[str, list[Division]] = {}
    by_code: dict[str, list[Division]] = {}
    for code, name, first, last in load_json("region_codes.json")["units"]:
        d = Division(code, name, first, last)
        by_name.setdefault(name, []).append(d)
        by_code.setdefault(code, []).append(d)
    return by_name, by_code


def divisions(name: str) -> list[Division]:
    """Every unit that bore ``name`` in any year of the data; for a short form (恩施州), the
    units whose full name has its stem and the long suffix (恩施土家族苗族自治州)."""
    by_name = _table()[0]
    if name in by_name:
        return list(by_name[name])
    return [d for full in _short_form_names(name) for d in by_name[full]]


@lru_cache(maxsize=4096)
def _short_form_names(name: str) -> tuple[str, ...]:
    long_suffix = load_json("region_codes.json")["short_forms"].get(name[-1:])
    stem = name[:-1]
    if not long_suffix or len(stem) < 2:
        return ()
    return tuple(n for n in _table()[0] if n.startswith(stem) and n.endswith(long_suffix))


def _name_in(code: str, year: Optional[int]) -> Optional[str]:
    """The name a code had in ``year`` (the latest name when ``year`` is None)."""
    ds = _table()[1].get(code, [])
    if year is not None:
        ds = [d for d in ds if d.valid_in(year)] or ds
    return max(ds, key=lambda d: d.last).name if ds else None


def province_of(code: str, year: Optional[int] = None) -> Optional[str]:
    """The name of the province (省, 自治区, 直辖市) a code belongs to."""
    return _name_in(code[:2] + "0000", year)


def _parents(d: Division, year: Optional[int]) -> list[str]:
    """Names of the province and prefecture above a unit."""
    names = []
    for code in (d.code[:2] + "0000", d.code[:4] + "00"):
        if code != d.code:
            n = _name_in(code, year)
            if n:
                names.append(n)
    return names


_LEVELS = {"province": ("province",), "city": ("prefecture", "county"),
           "county": ("county",), "district": ("county",)}


def _in_year(cands: list[Division], year: Optional[int]) -> list[Division]:
    """The candidates in force for a report of ``year``: the list at the end of the year
    before (when the report is delivered), else the list at the end of the year itself."""
    if year is None:
        return cands
    for y in (year - 1, year):
        hit = [d for d in cands if d.valid_in(y)]
        if hit:
            return hit
    return []


def _by_level(cands: list[Division], level: Optional[str]) -> list[Division]:
    """Prefer the candidates of the report's level (a county-level 咸阳市 before 1983 and the
    prefecture-level one after share the name); the level only narrows, never empties."""
    if not level or level not in _LEVELS or len(cands) < 2:
        return cands
    order = _LEVELS[level]
    for lvl in order:
        hit = [d for d in cands if d.level == lvl]
        if hit:
            return hit
    return cands


def _by_context(cands: list[Division], year: Optional[int], context: str) -> list[Division]:
    """Keep the one candidate whose prefecture (else province) is named in ``context``."""
    if len({d.code for d in cands}) < 2 or not context:
        return cands
    for depth in (1, 0):            # the prefecture first: two 鼓楼区 of 江苏省 differ by it
        hit = [d for d in cands if len(_parents(d, year)) > depth and _parents(d, year)[depth] in context]
        if len({d.code for d in hit}) == 1:
            return hit
    return cands


def resolve(name: Optional[str], year: Optional[int] = None, level: Optional[str] = None,
            context: str = "") -> Optional[Division]:
    """The unit named ``name`` for a report of ``year``, or None when unknown or ambiguous."""
    if not name or name in default_lang().words("admin_units.json", "national_names"):
        return None
    cands = _in_year(divisions(name), year)
    cands = _by_level(cands, level)
    cands = _by_context(cands, year, context)
    codes = {d.code for d in cands}
    if len(codes) != 1:
        return None
    return max(cands, key=lambda d: d.last)


def region_code(name: str, year: Optional[int] = None, *, level: Optional[str] = None,
                context: str = "") -> Optional[str]:
    """The six-digit GB/T 2260 code of the unit called ``name`` in ``year``.

    ``level`` (``province``, ``city``, ``county``, ``district``: :attr:`Meta.level`) and
    ``context`` (text naming the parent province or prefecture) resolve a name borne by
    several units; ``None`` when the name is unknown or stays ambiguous.
    """
    d = resolve(name, year, level, context)
    return d.code if d else None


def _year(doc: Doc) -> Optional[int]:
    m = doc.report.meta
    if m.report_year is not None:
        return m.report_year
    if m.session_date:
        return int(m.session_date[:4])
    return m.plan_year


def set_region_code(doc: Doc) -> None:
    """Pipeline component ``region_code``: sets ``meta.region_code`` and ``meta.province``.

    Reads ``meta.region``, ``meta.level``, the report's year and the first ``CONTEXT_CHARS``
    characters of the normalised text; writes nothing when the region is national, unknown
    or ambiguous.
    """
    meta = doc.report.meta
    year = _year(doc)
    d = resolve(meta.region, year, meta.level, doc.text[:CONTEXT_CHARS])
    if d is None:
        return
    meta.region_code = d.code
    meta.province = province_of(d.code, year)
