"""Report metadata: region, level, years, speaker, session date, document kind."""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

from .. import _regex
from .._data import load_json
from ..document import Doc
from ..model import Span

_ADMIN = r"(?:特别行政区|自治区|自治州|自治县|自治旗|地区|省|市|区|县|州|盟|旗)"
_UNIT = _regex.compile(rf"\p{{Han}}{{1,12}}?{_ADMIN}")
_SESSION = _regex.compile(
    r"(?P<y>(?:19|20)[0-9]{2})年(?P<m>[0-9]{1,2})月(?P<d>[0-9]{1,2})日\s*+在(?P<body>[^。\n]{0,40}?)"
    r"(?:第[一二三四五六七八九十]{1,3}届)?(?P<nat>全国)?人民代表大会")
_DATE = _regex.compile(r"(?P<y>(?:19|20)[0-9]{2})年(?P<m>[0-9]{1,2})月(?P<d>[0-9]{1,2})日")
_TITLE = _regex.compile(
    rf"(?:(?P<y>(?:19|20)[0-9]{{2}})年)?+(?P<region>中华人民共和国国务院|国务院|\p{{Han}}{{2,14}}?{_ADMIN})?(?:人民)?政府工作报告")
_ISSUER = _regex.compile(rf"(?:发文单位|发布机构|来源|发文机关|制发机关)\s*+:\s*+(?P<region>\p{{Han}}{{2,14}}?{_ADMIN})(?:人民)?政府")
_GOV = _regex.compile(rf"(?<![代我本全])(?P<region>\p{{Han}}{{2,10}}?{_ADMIN})人民政府")
_EXCERPT = _regex.compile(rf"摘自(?:(?:19|20)[0-9]{{2}}年)?(?P<region>\p{{Han}}{{2,14}}?{_ADMIN})(?:人民)?政府工作报告")
_SPEAKER = _regex.compile(
    r"(?<![副])(?P<title>代理?(?:省长|市长|区长|县长|州长|盟长|旗长|主席|总理)|省长|市长|区长|县长|州长|盟长|旗长|主席|总理)"
    r"[ \t]*+(?P<name>[\p{Han}·]{2,4}?)(?=[ \t]*+(?:\n|各位代表|同志|$|\(|\s{2}))")
_ASSIGN_WORDS = ("责任领导", "牵头单位", "牵头领导")     # counted with str.count: memory speed
_YEAR_IN = _regex.compile(r"(?:19|20)[0-9]{2}(?=年)")


@lru_cache(maxsize=None)
def _regions() -> dict:
    d = load_json("regions.json")
    return {
        "province": set(d.get("provinces", [])) | set(d.get("municipalities", [])),
        "city": set(d.get("prefecture_level_cities", [])) | set(d.get("prefecture_level_other", [])),
        "county": set(d.get("county_level_cities", [])),
    }


def level_of(region: Optional[str]) -> Optional[str]:
    """Administrative level from a government's name (data in ``data/regions.json``)."""
    if not region:
        return None
    if region in ("中华人民共和国", "国务院"):
        return "national"
    r = _regions()
    for lvl in ("province", "city", "county"):
        if region in r[lvl]:
            return lvl
    if region.endswith(("自治区", "省", "特别行政区")):
        return "province"
    if region.endswith(("自治州", "地区", "盟", "州")):
        return "city"
    if region.endswith(("县", "旗")):
        return "county"
    if region.endswith("区"):
        return "district"
    if region.endswith("市"):
        return "city"
    return None


def _last_unit(body: str) -> Optional[str]:
    """``天津市蓟州区`` -> ``蓟州区``: the reporting government without its parent."""
    units = []
    pos = 0
    while True:
        m = _UNIT.search(body, pos)
        if not m:
            break
        e = m.end()
        # 蓟州区, 杭州市: a 州 closing a name is followed by the real suffix
        if body[e - 1] == "州" and e < len(body) and body[e] in "市区县":
            e += 1
        units.append(body[m.start():e])
        pos = e
    return units[-1] if units else None


def extract_meta(doc: Doc) -> None:
    text = doc.text
    meta = doc.report.meta
    head = text[:4000]

    def ev(name: str, s: int, e: int) -> None:
        os_, oe, t = doc.span(s, e)
        meta.evidence[name] = Span(os_, oe, t)

    # title: the first line naming a work report, else the first non-empty line
    tm = _TITLE.search(head, 0, 1500)
    if tm:
        ls = head.rfind("\n", 0, tm.start()) + 1
        le = head.find("\n", tm.end())
        le = le if le >= 0 else min(len(head), tm.end())
        meta.title = head[ls:le].strip() or None
    else:
        for line in head.splitlines():
            if line.strip():
                meta.title = line.strip()[:80]
                break

    region = None
    sm = _SESSION.search(head)
    if sm:
        y, mo, d = int(sm["y"]), int(sm["m"]), int(sm["d"])
        meta.session_date = f"{y:04d}-{mo:02d}-{d:02d}"
        meta.report_year = y
        ev("session_date", sm.start(), sm.start("body") - 1)
        if sm["nat"]:
            region = "中华人民共和国"
            ev("region", sm.start("nat"), sm.end())
        else:
            region = _last_unit(sm["body"])
            if region:
                s = sm.start("body") + sm["body"].rfind(region)
                ev("region", s, s + len(region))
    if region is None and tm and tm["region"]:
        region = "中华人民共和国" if "国务院" in tm["region"] else _last_unit(tm["region"])
        if region:
            ev("region", tm.start("region"), tm.end("region"))
    if region is None:
        for pat in (_ISSUER, _EXCERPT, _GOV):
            m = pat.search(text, 0, min(len(text), 6000) if pat is not _EXCERPT else len(text))
            if m:
                region = _last_unit(m["region"])
                ev("region", m.start("region"), m.end("region"))
                break
    meta.region = region
    meta.level = level_of(region)

    if meta.report_year is None:
        # a date printed right under the title: "(2020年12月27日)"
        dm = _DATE.search(head, 0, 300)
        if dm and tm and dm.start() - tm.end() < 40:
            meta.report_year = int(dm["y"])
            meta.session_date = f"{int(dm['y']):04d}-{int(dm['m']):02d}-{int(dm['d']):02d}"
            ev("session_date", dm.start(), dm.end())

    sp = _SPEAKER.search(head)
    if sp and (sm is None or abs(sp.start() - sm.end()) < 400 or sp.start() < 1500):
        meta.speaker = sp["name"]
        meta.speaker_title = sp["title"]
        ev("speaker", sp.start("name"), sp.end("name"))
        ev("speaker_title", sp.start("title"), sp.end("title"))

    n_assign = sum(text.count(w, 0, 200000) for w in _ASSIGN_WORDS)
    if n_assign >= 3:
        meta.doc_type = "responsibility_notice"
    elif "各位代表" in text[:6000]:
        meta.doc_type = "report"
    elif "预期目标" in text or "工作思路" in head or "摘自" in text:
        meta.doc_type = "plan_excerpt"
    else:
        meta.doc_type = "unknown"


def infer_years(doc: Doc, lead_year: Optional[int]) -> None:
    """Plan year and report year from the lead-in, section headings, the session date or the title."""
    meta = doc.report.meta
    review_years = [h.year for h in doc.headings if h.part == "review" and h.year and h.level == 1]
    plan_years = [h.year for h in doc.headings if h.part == "plan" and h.year and h.level == 1
                  and h.horizon != "multi_year"]
    plan = lead_year or (plan_years[0] if plan_years else None)
    if plan is None and review_years:
        plan = max(review_years) + 1
    if plan is None and meta.session_date:
        y, m = int(meta.session_date[:4]), int(meta.session_date[5:7])
        plan = y + 1 if m >= 11 else y
    title_year = None
    if meta.title:
        ys = _YEAR_IN.findall(meta.title)
        title_year = int(ys[0]) if ys else None
    if meta.report_year is None:
        if review_years:
            meta.report_year = max(review_years) + 1
        elif plan is not None:
            meta.report_year = plan
        else:
            meta.report_year = title_year
    meta.plan_year = plan if plan is not None else meta.report_year
