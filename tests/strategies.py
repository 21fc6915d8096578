"""Shared hypothesis strategies and invariant checks for govextract's property and fuzz tests.

Strategies build report-like text *together with what a correct extraction returns*:
``report_with_targets()`` draws a text holding one headline target list
(``主要预期目标是:`` followed by 2-8 items) and the list of expected targets, so a
property can compare the two exactly.

``check_invariants(text, report)`` asserts the offset contract every extracted
object promises (``text[o.start:o.end] == o.evidence`` and its relatives).
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from typing import Optional

from hypothesis import strategies as st

import govextract

# --------------------------------------------------------------------------------------------
# Indicators of the generated lists
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Ind:
    name: str            # as written in the text
    id: str              # canonical indicator id
    relation: str        # 增长 for amounts, 控制在 for rates
    kind: str            # the kind a correct extraction gives


INDICATORS = (
    Ind("地区生产总值", "gdp", "增长", "growth"),
    Ind("固定资产投资", "fixed_asset_investment", "增长", "growth"),
    Ind("社会消费品零售总额", "retail_sales", "增长", "growth"),
    Ind("一般公共预算收入", "public_budget_revenue", "增长", "growth"),
    Ind("规模以上工业增加值", "industrial_value_added", "增长", "growth"),
    Ind("城镇调查失业率", "unemployment_surveyed", "控制在", "level"),
    Ind("居民消费价格涨幅", "cpi", "控制在", "growth"),      # 涨幅 is itself a rate of change
)

# qualifier word after the number -> qualifier, per relation (SPEC.md "qualifier")
AFTER_QUALIFIERS = {
    "增长": {"": "exact", "左右": "about", "以上": "at_least"},
    # a bare 控制在 before the number is at_most; the word after the number wins
    "控制在": {"": "at_most", "以内": "at_most", "左右": "about"},
}
BEFORE_QUALIFIERS = {"不低于": "at_least", "超过": "at_least", "不超过": "at_most"}

_FULLWIDTH = str.maketrans("0123456789.%", "０１２３４５６７８９．％")


def fullwidth(s: str) -> str:
    """Digits, '.' and '%' as full-width characters (８．５％)."""
    return s.translate(_FULLWIDTH)


def fmt(v: float) -> str:
    return str(int(v)) if v == int(v) else f"{v:.1f}"


@dataclass
class Expected:
    """What a correct extraction gives for one number of a generated list."""
    indicator: str
    text: str
    value: float
    qualifier: str
    value_high: Optional[float] = None
    kind: Optional[str] = None
    unit: str = "%"
    direction: Optional[str] = None

    def key(self) -> tuple:
        return (self.indicator, self.text, self.value, self.qualifier, self.value_high)


def target_key(t) -> tuple:
    return (t.indicator, t.text, t.value, t.qualifier, t.value_high)


# values: ints and one-decimal floats, as a correct reader would see them
values = st.one_of(
    st.integers(min_value=1, max_value=30).map(float),
    st.integers(min_value=1, max_value=199).map(lambda n: n / 10),
)


@st.composite
def number_text(draw, v: float) -> str:
    s = fmt(v) + "%"
    return fullwidth(s) if draw(st.integers(0, 4)) == 0 else s


@st.composite
def range_item(draw, ind: Ind):
    lo = draw(st.integers(min_value=1, max_value=14))
    hi = draw(st.integers(min_value=lo + 1, max_value=15))
    sep = draw(st.sampled_from(["-", "~", "至"]))
    both = draw(st.booleans())        # 6%-7% or 6-7%
    s = f"{lo}%{sep}{hi}%" if both else f"{lo}{sep}{hi}%"
    if draw(st.integers(0, 4)) == 0:
        s = fullwidth(s)
    return f"{ind.name}{ind.relation}{s}", [Expected(ind.id, ind.name, float(lo), "range", float(hi), ind.kind)]


@st.composite
def single_item(draw, ind: Ind):
    v = draw(values)
    num = draw(number_text(v))
    if ind.relation == "增长" and draw(st.integers(0, 5)) == 0:
        before, qual = draw(st.sampled_from(sorted(BEFORE_QUALIFIERS.items())))
        return f"{ind.name}增长{before}{num}", [Expected(ind.id, ind.name, v, qual, None, ind.kind)]
    after, qual = draw(st.sampled_from(sorted(AFTER_QUALIFIERS[ind.relation].items())))
    return f"{ind.name}{ind.relation}{num}{after}", [Expected(ind.id, ind.name, v, qual, None, ind.kind)]


@st.composite
def fenbie_item(draw):
    """城乡居民人均可支配收入分别增长7%、8%左右: two targets, the trailing qualifier shared."""
    a, b = draw(values), draw(values)
    after, qual = draw(st.sampled_from(sorted(AFTER_QUALIFIERS["增长"].items())))
    joiner = draw(st.sampled_from(["、", "和"]))
    name = "城乡居民人均可支配收入"
    text = f"{name}分别增长{draw(number_text(a))}{joiner}{draw(number_text(b))}{after}"
    return text, [Expected("urban_disposable_income", name, a, qual, None, "growth"),
                  Expected("rural_disposable_income", name, b, qual, None, "growth")]


@st.composite
def target_item(draw, ind: Ind):
    if draw(st.integers(0, 5)) == 0:
        return draw(range_item(ind))
    return draw(single_item(ind))


@st.composite
def other_item(draw):
    """Items of other shapes, with what SPEC.md says they give: levels with units, a fall,
    a change in points, and a 分别 pair under 控制在."""
    v = draw(values)
    n = fmt(v)
    kind = draw(st.integers(0, 4))
    if kind == 0:
        t = draw(st.integers(min_value=10, max_value=2000))
        return f"粮食产量稳定在{t}万吨以上", [Expected("grain_output", "粮食产量", float(t), "at_least", None, "level", "万吨")]
    if kind == 1:
        return f"单位地区生产总值能耗下降{n}%", [
            Expected("energy_intensity", "单位地区生产总值能耗", v, "exact", None, "growth", "%", "down")]
    if kind == 2:
        return f"城镇化率提高{n}个百分点", [
            Expected("urbanization_rate", "城镇化率", v, "exact", None, "change_points", "个百分点")]
    if kind == 3:
        return f"城镇新增就业{n}万人", [Expected("new_urban_jobs", "城镇新增就业", v, "exact", None, "level", "万人")]
    a, b = draw(values), draw(values)
    return (f"城镇调查失业率、城镇登记失业率分别控制在{fmt(a)}%和{fmt(b)}%以内",
            [Expected("unemployment_surveyed", "城镇调查失业率", a, "at_most", None, "level"),
             Expected("unemployment_registered", "城镇登记失业率", b, "at_most", None, "level")])


# sentences around the list; the ones with numbers are plan or review statements, never headline targets
NOISE_SENTENCES = (
    "坚持稳中求进工作总基调,完整准确全面贯彻新发展理念。",
    "我们深入推进改革开放,经济运行总体平稳。",
    "回顾过去一年,成绩来之不易。",
    "扎实做好民生保障,守牢安全底线。",
    "新建5G基站1200个,改造老旧小区36个。",
    "全年新增城镇就业2.1万人。",
    "实施重点项目156个,完成投资320亿元。",
    "办好十件民生实事。",
)
_NOISE_ALPHABET = "推进高质量发展坚持改革开放深化创新驱动建设生态文明城乡统筹民生保障稳中求进全面落实各项政策工作"

noise_sentence = st.one_of(
    st.sampled_from(NOISE_SENTENCES),
    st.text(alphabet=_NOISE_ALPHABET, min_size=4, max_size=40).map(lambda s: s + "。"),
)
noise = st.lists(noise_sentence, max_size=4).map("".join)


@st.composite
def target_list(draw):
    """``(list_text, expected)``: 2-8 items after the lead-in, joined by , or ;."""
    n = draw(st.integers(min_value=2, max_value=8))
    inds = draw(st.lists(st.sampled_from(INDICATORS), min_size=n, max_size=n))
    items: list[tuple[str, list[Expected]]] = [draw(target_item(ind)) for ind in inds]
    if draw(st.integers(0, 3)) == 0:
        items.insert(draw(st.integers(min_value=0, max_value=len(items))), draw(fenbie_item()))
    if draw(st.integers(0, 2)) == 0:
        items.insert(draw(st.integers(min_value=0, max_value=len(items))), draw(other_item()))
    joiner = draw(st.sampled_from([",", ";", "，", "；"]))
    text = joiner.join(t for t, _ in items) + "。"
    expected = [e for _, es in items for e in es]
    return text, expected


@st.composite
def report_with_targets(draw):
    """``(text, expected, year)``: a short report-like text with one headline target list."""
    year = draw(st.one_of(st.none(), st.integers(min_value=2015, max_value=2030)))
    lead_year = f"{year}年" if year is not None else "今年"
    lead = draw(st.sampled_from([
        f"{lead_year}经济社会发展的主要预期目标是:",
        f"{lead_year}经济社会发展的主要预期目标是：",
        f"{lead_year}全市经济社会发展主要预期目标为:",
    ]))
    body, expected = draw(target_list())
    before, after = draw(noise), draw(noise)
    nl = draw(st.sampled_from(["\n", "\r\n"]))
    text = (before + nl if before else "") + lead + body + (nl + after if after else "") + nl
    return text, expected, year


# --------------------------------------------------------------------------------------------
# Arbitrary text: a Chinese-heavy alphabet with the characters the rules care about
# --------------------------------------------------------------------------------------------

_HAN = ("地区生产总值增长固定资产投资社会消费品零售总额一般公共预算收入城镇调查失业率控制在居民消费价格涨幅"
        "规模以上工业增加值主要预期目标是为左右以内以上不低于超过力争分别城乡人均可支配亿元万吨个项目"
        "一二三四五六七八九十百千万零两百分之点年月日工作报告各位代表市长区县省政府回顾安排今年")
_PUNCT = "0123456789０１２３４５６７８９.%％、()（）:：;；,，。\n\r \u3000-~[]①"
CHINESE_HEAVY = _HAN + _PUNCT

chinese_text = st.text(alphabet=st.sampled_from(CHINESE_HEAVY), max_size=400)

# --------------------------------------------------------------------------------------------
# Invariants
# --------------------------------------------------------------------------------------------


_MARKER = re.compile(r"[\[［][0-9０-９]{1,3}[\]］]")


def _walk(sections):
    for s in sections:
        yield s
        yield from _walk(s.children)


def check_invariants(text: str, r: "govextract.Report") -> None:
    """The offset contract: every object's offsets slice ``text`` to what it claims."""
    n = len(text)
    assert 0 <= r.start <= r.end <= n
    for kind, objs in (("target", r.targets), ("actual", r.actuals)):
        for o in objs:
            assert 0 <= o.start <= o.end <= n, (kind, o)
            assert text[o.start:o.end] == o.evidence, (kind, o)
            assert o.evidence, (kind, "empty evidence", o)
            assert o.text_start is not None and o.text_end is not None, (kind, o)
            assert text[o.text_start:o.text_end] == o.text, (kind, o)
            assert o.sentence_start <= o.start <= o.end <= o.sentence_end <= n, (kind, o)
            assert math.isfinite(o.value), (kind, o)
            if o.value_high is not None:
                assert o.value <= o.value_high, (kind, o)
            if o.quantity is not None:
                assert 0 <= o.quantity < len(r.quantities), (kind, o)
                q = r.quantities[o.quantity]
                assert (q.start, q.end) == (o.start, o.end), (kind, o, q)
    for q in r.quantities:
        assert 0 <= q.start <= q.end <= n, q
        assert text[q.start:q.end] == q.evidence, q
        assert math.isfinite(q.value), q
        if q.subject is not None:
            assert text[q.subject_start:q.subject_end] == q.subject, q
        assert q.sentence_start <= q.start <= q.end <= q.sentence_end <= n, q
        if q.value_high is not None:
            assert q.value <= q.value_high, q
    for p in r.projects + r.project_groups:
        assert text[p.start:p.end] == p.evidence, p
        assert text[p.name_start:p.name_end] == p.name, p
    for u in r.unquantified_targets:
        assert text[u.start:u.end] == u.text, u
    for note in r.notes:
        assert 0 <= note.start <= note.end <= n, note
        assert note.text in text[note.start:note.end], note
        if note.anchor_start is not None:
            # an inline footnote is anchored to its term, an endnote line to its marker "[2]"
            assert 0 <= note.anchor_start <= note.anchor_end <= note.start, note
            anchor = text[note.anchor_start:note.anchor_end]
            assert anchor == note.term or _MARKER.fullmatch(anchor), (anchor, note)
    for s in _walk(r.sections):
        assert 0 <= s.start <= s.title_start <= s.title_end <= n, s
        assert s.start <= s.end <= n, s
        assert text[s.title_start:s.title_end] == s.title, s
    for rs in r.responsibilities:
        assert 0 <= rs.start <= rs.end <= n, rs
        assert rs.start <= rs.assignment_start <= rs.assignment_end <= rs.end, rs
        if rs.target is not None:
            assert 0 <= rs.target < len(r.targets), rs
    for field_name, span in r.meta.evidence.items():
        assert 0 <= span.start <= span.end <= n, (field_name, span)
        assert text[span.start:span.end] == span.text, (field_name, span)


def check_sections_nested(r: "govextract.Report") -> None:
    """A section's title lies inside the section (``title_end <= end``)."""
    for s in _walk(r.sections):
        assert s.title_end <= s.end, (s.number, s.title, s.start, s.title_end, s.end)


# --------------------------------------------------------------------------------------------
# Structured fuzz: report fragments with figures of any length (the red team's generator)
# --------------------------------------------------------------------------------------------

_FULLWIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")
_CN_DIGITS = "零一二三四五六七八九"
_UNITS = ("%", "％", "亿元", "万元", "元", "千亿", "千亿元", "万亿元", "万吨", "万人", "个百分点", "个", "倍", "")
_QUALS = ("", "左右", "以上", "以内", "以下")


@st.composite
def digit_run(draw, max_len: int) -> str:
    """Arabic digits, 1 to ``max_len`` of them (hundreds allowed), ASCII or full-width, maybe a decimal."""
    n = draw(st.integers(min_value=1, max_value=max_len))
    whole = draw(st.text(alphabet="0123456789", min_size=n, max_size=n))
    if draw(st.booleans()):
        whole += "." + draw(st.text(alphabet="0123456789", min_size=1, max_size=max(1, min(max_len, 40))))
    return whole.translate(_FULLWIDTH_DIGITS) if draw(st.integers(0, 3)) == 0 else whole


@st.composite
def chinese_numeral(draw, max_len: int) -> str:
    """Chinese numerals: a run of digits (百分之九九九…), or a numeral with units (一千二百万)."""
    kind = draw(st.integers(0, 2))
    if kind == 0:
        n = draw(st.integers(min_value=1, max_value=max_len))
        return draw(st.text(alphabet=_CN_DIGITS, min_size=n, max_size=n))
    if kind == 1:
        return draw(st.text(alphabet=_CN_DIGITS + "十百千万亿两点", min_size=1, max_size=max(1, min(max_len, 30))))
    return draw(st.sampled_from(["一", "十五", "一千二百万", "三点五", "二〇二一", "两", "九" * min(309, max_len)]))


@st.composite
def figure(draw, max_len: int) -> str:
    """A figure as a report writes it: number, unit, qualifier (百分之… for a Chinese percentage)."""
    if draw(st.integers(0, 3)) == 0:
        return "百分之" + draw(chinese_numeral(max_len))
    num = draw(digit_run(max_len)) if draw(st.integers(0, 2)) else draw(chinese_numeral(max_len))
    return num + draw(st.sampled_from(_UNITS)) + draw(st.sampled_from(_QUALS))


_SUBJECTS = ("地区生产总值", "一般公共预算收入", "固定资产投资", "城镇新增就业", "粮食产量", "城乡居民人均可支配收入")


@st.composite
def report_fragment(draw, max_len: int) -> str:
    """One piece of a report: a sentence with a figure, a project, a heading, a note, a tag, a task line."""
    fig = draw(figure(max_len))
    subject = draw(st.sampled_from(_SUBJECTS))
    k = draw(st.integers(0, 11))
    if k == 0:
        return f"{subject}增长{fig},"
    if k == 1:
        return f"投资{fig}建设新兴产业园项目。"
    if k == 2:
        return f"总投资{fig}的{draw(st.integers(1, 99))}个重点项目,"
    if k == 3:
        return draw(st.sampled_from(["今年主要预期目标是:", "2021年工作回顾\n", "\n一、", "\n(二)", "\n1.", "二、今年工作安排\n"]))
    if k == 4:
        return f"[[[]术语:是指{subject}达到{fig}]]"
    if k == 5:
        return f"\n[{draw(st.integers(1, 999))}]术语:是指{fig}的目标。\n"
    if k == 6:
        return draw(st.sampled_from(["<p>", "</p>", "<br>", "<script>var x=9.9;</script>", "&nbsp;", "&#37;",
                                     "<div class=\"a\">", "</div>"]))
    if k == 7:
        return (f"{draw(st.integers(1, 999))}.{subject}达到{fig}"
                "(责任领导:张三;牵头单位:市发改局;责任单位:市商务局)\n")
    if k == 8:
        return f"{subject}控制在{fig}。"
    if k == 9:
        return draw(st.sampled_from(["\n", "\r\n", "\r", "\u2028", "。", ",", "、", " ", "\u3000", "各位代表:\n"]))
    if k == 10:
        return f"{subject}由{fig}提高到{draw(figure(max_len))}。"
    return f"全年{subject}{fig}、{draw(figure(max_len))}。"


@st.composite
def structured_report(draw, max_len: int = 400) -> str:
    """A report-like text of 1-30 fragments, figures up to ``max_len`` digits long."""
    head = draw(st.sampled_from(["", "2022年某市政府工作报告\n各位代表:\n"]))
    return head + "".join(draw(st.lists(report_fragment(max_len), min_size=1, max_size=30)))


def _reject_constant(name: str) -> None:
    raise ValueError(f"non-finite number {name} in JSON")


def strict_json(s: str):
    """``json.loads`` refusing NaN and Infinity (which ``json.dumps`` writes and JSON forbids)."""
    return json.loads(s, parse_constant=_reject_constant)
