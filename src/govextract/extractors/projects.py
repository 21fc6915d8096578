"""Named investment projects with their own amount (SPEC ``investment_projects``).

Two phrase shapes carry a project and its amount:
  (总)?投资 AMOUNT 的 NAME      投资13亿元的华润赤壁日曜…项目, 12.8亿元的新兴非织造产业园
  投资 AMOUNT NAME(项目|工程)   启动投资500亿元长江经济带乡村振兴示范区建设项目
A name ends where the enumeration goes on (、 , ; 等 和 以及) or a verb follows (建成, 开工).
``总投资23.27亿元的38个…项目`` names a batch: it is returned with kind "group" and its count.
"""
from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from .. import _regex
from .._data import load_json
from ..document import Doc
from ..model import Project
from ..numbers.numerals import parse_number

_UNITS = r"(?:万亿元|亿元|万元|亿美元|万美元|元)"
_NAME_STOP = r"、|,|;|:|。|\n|等|和|以及|及|与|建成|开工|竣工|投产|完成|实现|落地|顺利|正式|加快|已经|已|全面|主体|(?<=项目)建设|投入使用"
# Candidates are found by their money phrase; verb and name are read around it.
# An amount starts where no digit precedes and is taken whole (possessive): a long run of
# digits costs one pass, not one pass per position.
_MONEY_DE_AT = _regex.compile(rf"(?P<amt>[0-9]++(?:\.[0-9]++)?+)(?P<unit>{_UNITS})的$")
_MONEY_NO_DE = _regex.compile(rf"(?P<verb>总投资|计划投资|投资)(?P<amt>[0-9]++(?:\.[0-9]++)?+)(?P<unit>{_UNITS})(?!的)",
                              short=True)
_NAME = _regex.compile(rf"(?:(?!{_NAME_STOP}).){{2,60}}?(?={_NAME_STOP}|$)")
_NAME_NO_DE = _regex.compile(r"[^,;。、\n()]{3,40}?(?:项目|工程)")


@lru_cache(maxsize=None)
def _words() -> dict:
    d = load_json("projects.json")
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in d.items() if k != "about"}
_GROUP = _regex.compile(r"(?P<count>[0-9]++)(?:个|项|批)")


@lru_cache(maxsize=None)
def _scale() -> dict[str, Decimal]:
    mags = load_json("units.json")["magnitudes"]
    return {"万亿元": Decimal(mags["万亿"]), "亿元": Decimal(mags["亿"]), "万元": Decimal(mags["万"]),
            "元": Decimal(1), "亿美元": Decimal(mags["亿"]), "万美元": Decimal(mags["万"])}


def _money_no_de(text: str):
    """``_MONEY_NO_DE.finditer(text)``, found from the literal 投资 (a third of the scan's cost)."""
    pos = text.find("投资")
    while pos >= 0:
        # the leftmost reading: 总投资 and 计划投资 start before 投资
        start = pos - 1 if text[pos - 1:pos] == "总" else pos - 2 if text[pos - 2:pos] == "计划" else pos
        m = _MONEY_NO_DE.match(text, start)
        if m:
            yield m
        pos = text.find("投资", m.end() if m else pos + 2)


def _money_de(text: str):
    """Every AMOUNT的: found from the literal 元的, then read back over a short window
    (a scan for digits followed by 元的 would backtrack through long digit runs)."""
    pos = text.find("元的")
    while pos >= 0:
        lo = max(0, pos - 24)
        while lo < pos and text[lo].isdigit() and lo > 0 and text[lo - 1].isdigit():
            lo += 1
        m = _MONEY_DE_AT.search(text, lo, pos + 2)
        if m and (m.start() == 0 or not (text[m.start() - 1].isdigit() or text[m.start() - 1] == ".")):
            yield m
        pos = text.find("元的", pos + 2)


def _bad_name(name: str) -> bool:
    # a bare count or scale word, not a project name ("项目1个", "以上项目", "120亿元的目标")
    w = _words()
    return (name.startswith(("项目", "以上", "左右", "规模", "产值", "资金", "基金")) or name in w["not_names"]
            or name.endswith(("基金", "资金")) or len(name.strip()) < 2)


def _is_project_phrase(text: str, m, verb, name: str) -> bool:
    """AMOUNT的NAME is a project only with an investment verb, inside a list of projects,
    after a construction verb in its clause, or with a name shaped like a project."""
    w = _words()
    before = text[max(0, m.start() - 8):m.start()]
    if verb is None and before.endswith(w["not_investment_before"]):
        return False      # 年产值10亿元的龙头企业: an output value, not an investment
    if verb is None and name.endswith(w["generic_heads"]):
        return False      # 签约30亿元的医药企业: a company, not a named project
    if verb is not None or name.endswith(w["project_heads"]):
        return True
    clause = text[max(0, m.start() - 40):m.start()]
    cut = max(clause.rfind(c) for c in ",;:。\n")
    clause = clause[cut + 1:]
    return clause.endswith("、") or any(v in clause for v in w["construction_verbs"])


def extract_projects(doc: Doc) -> None:
    text = doc.text
    report = doc.report
    found: list = []
    for m in _money_de(text):
        verb = next((v for v in _words()["investment_verbs"] if text.startswith(v, m.start() - len(v))), None)
        if verb is None and text[max(0, m.start() - 2):m.start()].endswith(("超过", "达到", "达")):
            continue   # 达到100亿元的规模: a level reached, not a budget
        nm = _NAME.match(text, m.end())
        if nm and _is_project_phrase(text, m, verb, nm.group().strip()):
            found.append((m.start() - len(verb or ""), m, nm.start(), nm.end()))
    for m in _money_no_de(text):
        nm = _NAME_NO_DE.match(text, m.end())
        if nm:
            found.append((m.start(), m, nm.start(), nm.end()))
    found.sort(key=lambda t: t[0])
    for begin, m, name_s, name_e in found:
        while name_e > name_s and text[name_e - 1] == " ":
            name_e -= 1
        if _bad_name(text[name_s:name_e]):
            continue
        amount = parse_number(m.group("amt"))
        unit = m.group("unit")
        s, e, ev = doc.span(begin, name_e)
        ns, ne = doc.norm.orig_span(name_s, name_e)
        name = doc.original[ns:ne]
        g = _GROUP.match(text, name_s, name_e)
        kind, count = ("group", int(g.group("count"))) if g else ("project", None)
        (report.project_groups if kind == "group" else report.projects).append(Project(
            name=name, amount=float(amount), unit=unit, start=s, end=e, evidence=ev, name_start=ns, name_end=ne,
            amount_yuan=(amount * _scale()[unit]).quantize(Decimal(1)) if "美元" not in unit else None,
            kind=kind, count=count, task_id=_task_id(doc, m.start()),
        ))


def _task_id(doc: Doc, pos: int):
    ids = doc.user_data.get("task_ids")
    if not ids:
        return None
    import bisect
    k = bisect.bisect_right(ids[0], pos) - 1
    if k >= 0 and pos < ids[1][k]:
        return ids[2][k]
    return None
