"""Alterations a real report could have, applied to the development reports (issue 11).

Each alteration finds its place by a pattern over the raw text and rewrites it as another
report might have written it: an unknown synonym for the lead-in, items joined by an unusual
separator, the speaker line in another shape, the review's title renamed, a figure split by a
line break, an item removed from the middle of the numbering, … An alteration that finds no
place returns None. ``measure()`` runs the library on every report and every alteration and
counts, among the alterations that change what the library extracts, those after which a new
check appears (the library says that something could not be read).
"""
from __future__ import annotations

import collections
import re
import warnings
from typing import Callable, Optional

import govextract

Alteration = Callable[[str], Optional[str]]

_LEAD = re.compile(r"(主要)?预期(目标|指标)")
_HEADLINE_LIST = re.compile(r"(主要)?预期(目标|指标)[^:：\n]{0,8}[:：](?P<list>[^\n]{20,600}?)(?:\n|$)")
_REVIEW_TITLE = re.compile(r"(?m)^(?P<pre>[\s　*#]*[一二三四五六七八九十]、[^\n]{0,20}?)(?:工作)?回顾")
_PLAN_TITLE = re.compile(r"(?m)^(?P<pre>[\s　*#]*[一二三四五六七八九十]、)(?P<title>\d{4}年[^\n]{0,12}?(?:工作|任务|安排)[^\n]{0,12})$")
_FIGURE = re.compile(r"(?<=增长)(?P<num>\d+(?:\.\d+)?)(?P<unit>%|％)")
_NUMBERED_ITEM = re.compile(r"(?m)^[\s　]*[（(]?(?P<n>[一二三四五六七八九十]|\d{1,2})[)）.、][^\n]*\n")
_DATELINE_YEAR = re.compile(r"(?P<y>(?:19|20)\d{2})(?P<rest>年\d{1,2}月\d{1,2}日[^\n]{0,12}在)")


def unknown_lead_in(text: str) -> Optional[str]:
    """主要预期目标是: → 年度工作指向是: (a lead-in the vocabulary does not know)."""
    return _LEAD.sub("年度工作指向", text) if _LEAD.search(text) else None


def unusual_separator(text: str) -> Optional[str]:
    """The headline list's items joined by ／ instead of ，and ；."""
    m = _HEADLINE_LIST.search(text)
    if not m:
        return None
    items = re.sub(r"[，,；;]", "／", m.group("list"))
    return text[:m.start("list")] + items + text[m.end("list"):]


def list_items_as_sentences(text: str) -> Optional[str]:
    """The headline list's items each closed by 。 instead of ；/，."""
    m = _HEADLINE_LIST.search(text)
    if not m or not re.search(r"[；;]", m.group("list")):
        return None
    items = re.sub(r"[；;]", "。", m.group("list"))
    return text[:m.start("list")] + items + text[m.end("list"):]


def lead_colon_removed(text: str) -> Optional[str]:
    """主要预期目标是: → 主要预期目标是 (the colon lost in a scrape)."""
    m = _HEADLINE_LIST.search(text)
    if not m:
        return None
    colon = text.rfind("：", m.start(), m.start("list"))
    colon = colon if colon >= 0 else text.rfind(":", m.start(), m.start("list"))
    return text[:colon] + text[colon + 1:] if colon >= 0 else None


def speaker_other_shape(text: str) -> Optional[str]:
    """市长 冷劲松 → 市长：冷劲松（以下简称报告人） (title, colon, name and an aside). The
    speaker is located where the unaltered report read it."""
    ev = _extract(text).meta.evidence
    title, name = ev.get("speaker_title"), ev.get("speaker")
    if title is None or name is None or not title.end <= name.start:
        return None
    return (text[:title.start] + title.text + "：" + name.text.replace("\u3000", "").replace(" ", "")
            + "（以下简称报告人）" + text[name.end:])


def review_title_renamed(text: str) -> Optional[str]:
    """一、2021年工作回顾 → 一、2021年的奋斗足迹."""
    m = _REVIEW_TITLE.search(text)
    if not m:
        return None
    return text[:m.start()] + m.group("pre") + "的奋斗足迹" + text[m.end():]


def plan_title_renamed(text: str) -> Optional[str]:
    """二、2022年工作安排 → 二、奋力谱写新篇章."""
    m = _PLAN_TITLE.search(text)
    if not m:
        return None
    return text[:m.start("title")] + "奋力谱写新篇章" + text[m.end("title"):]


def figure_split_by_line_break(text: str) -> Optional[str]:
    """A figure of the headline list split from its unit by a line break (增长6.5⏎%)."""
    m = _HEADLINE_LIST.search(text)
    if not m:
        return None
    f = _FIGURE.search(text, m.start("list"), m.end("list"))
    if not f:
        return None
    return text[:f.end("num")] + "\n" + text[f.end("num"):]


def numbered_item_removed(text: str) -> Optional[str]:
    """An item removed from the middle of a numbered list (1. 2. 4.)."""
    items = list(_NUMBERED_ITEM.finditer(text))
    for a, b, c in zip(items, items[1:], items[2:]):
        if _value(b.group("n")) == _value(a.group("n")) + 1 == _value(c.group("n")) - 1 and re.search(r"\d", b.group()):
            return text[:b.start()] + text[b.end():]
    return None


def _value(s: str) -> int:
    cn = "一二三四五六七八九十"
    return int(s) if s.isdigit() else cn.index(s) + 1


def dateline_year_changed(text: str) -> Optional[str]:
    """The session date in the dateline two years off (a typo of the source)."""
    m = _DATELINE_YEAR.search(text[:2000])
    if not m:
        return None
    y = int(m.group("y")) - 2
    return text[:m.start("y")] + str(y) + text[m.end("y"):]


def address_removed(text: str) -> Optional[str]:
    """各位代表: removed (a scrape that dropped the address line)."""
    return text.replace("各位代表：", "", 1).replace("各位代表:", "", 1) if "各位代表" in text else None


def summing_up_title_words(text: str) -> Optional[str]:
    """The review's opening 过去一年/一年来 replaced by a phrase of no time (这段时间)."""
    for w in ("过去一年", "一年来", "刚刚过去的一年"):
        if w in text:
            return text.replace(w, "这段时间", 1)
    return None


def lead_in_verb_form(text: str) -> Optional[str]:
    """主要预期目标是: → 主要预期目标拟定为: (a verb form of the lead-in)."""
    m = re.search(r"(主要预期目标|预期目标)(是|为)([:：])", text)
    return text[:m.start(2)] + "拟定为" + text[m.end(2):] if m else None


def blank_lines_doubled(text: str) -> Optional[str]:
    """A blank line between paragraphs (as a Markdown or web export writes them)."""
    return text.replace("\n", "\n\n") if "\n" in text else None


def paragraphs_indented(text: str) -> Optional[str]:
    """Each paragraph indented by two full-width blanks (a docx dump)."""
    return re.sub(r"(?m)^(?=\S)", "\u3000\u3000", text) if "\n" in text else None


def html_paragraphs(text: str) -> Optional[str]:
    """Each paragraph in <p>…</p> (a web page's body)."""
    lines = text.split("\n")
    return "".join(f"<p>{line}</p>\n" for line in lines) if len(lines) > 3 else None


def full_width_digits(text: str) -> Optional[str]:
    """The figures of the headline list in full-width digits (１２.５％)."""
    m = _HEADLINE_LIST.search(text)
    if not m:
        return None
    items = m.group("list").translate(str.maketrans("0123456789%", "０１２３４５６７８９％"))
    return text[:m.start("list")] + items + text[m.end("list"):]


def scraped_onto_one_line(text: str) -> Optional[str]:
    """The whole report on one line, paragraphs joined by a blank (a web scrape)."""
    return re.sub(r"\s*\n\s*", " ", text) if "\n" in text else None


def punctuation_swapped(text: str) -> Optional[str]:
    """Full-width marks written as ASCII ones and the reverse (，↔, ：↔: ；↔;)."""
    table = str.maketrans({"，": ",", ",": "，", "：": ":", ":": "：", "；": ";", ";": "；"})
    return text.translate(table)


def page_chrome_around(text: str) -> Optional[str]:
    """A web page's navigation before the report and its footer after it."""
    head = "首页 > 政务公开 > 政府工作报告\n【字体：大 中 小】 打印本页\n"
    foot = "\n返回顶部 | 打印本页 | 关闭窗口\n版权所有：人民政府办公室 网站标识码：1234567890\n"
    return head + text + foot


def windows_line_ends(text: str) -> Optional[str]:
    """CR LF line ends (a file saved on Windows)."""
    return text.replace("\n", "\r\n") if "\n" in text else text + "\r\n"


def bom_and_nbsp(text: str) -> Optional[str]:
    """A byte-order mark before the text and no-break spaces after each full stop (a docx dump)."""
    return "\ufeff" + text.replace("。", "。\xa0")


ALTERATIONS: dict[str, Alteration] = {f.__name__: f for f in (
    unknown_lead_in, unusual_separator, list_items_as_sentences, lead_colon_removed, speaker_other_shape,
    review_title_renamed, plan_title_renamed, figure_split_by_line_break, numbered_item_removed,
    dateline_year_changed, address_removed, summing_up_title_words, lead_in_verb_form, blank_lines_doubled,
    paragraphs_indented, html_paragraphs, full_width_digits, scraped_onto_one_line, punctuation_swapped,
    page_chrome_around, windows_line_ends, bom_and_nbsp)}


def signature(report: govextract.Report) -> tuple[object, ...]:
    """What a researcher codes from a report: targets, outcomes, meta, projects, tasks."""
    m = report.meta
    return (
        tuple(sorted(repr((t.indicator, t.value, t.unit, t.qualifier, t.kind, t.tier, t.year, t.headline))
                     for t in report.targets)),
        tuple(sorted(repr((a.indicator, a.value, a.unit, a.qualifier, a.kind, a.year)) for a in report.actuals)),
        (m.region, m.level, m.report_year, m.plan_year, m.speaker, m.speaker_title),
        tuple(sorted(repr((p.name, p.amount)) for p in report.projects)),
        tuple(sorted(repr((r.id, r.lead_units)) for r in report.responsibilities)),
    )


def _extract(text: str) -> govextract.Report:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return govextract.extract(text)


def measure(texts: dict[str, str]) -> dict[str, object]:
    """Counts over ``texts`` (name -> report text): clean reports with an error check, and the
    alterations that change the output, caught (a new check) or not."""
    changed = caught = 0
    per_report: dict[str, int] = {}
    missed: list[tuple[str, str]] = []
    clean_errors: list[str] = []
    applied = 0
    for name, text in texts.items():
        base = _extract(text)
        if base.needs_review:
            clean_errors.append(name)
        base_sig, base_codes = signature(base), collections.Counter(c.code for c in base.checks)
        for alt_name, alter in ALTERATIONS.items():
            altered = alter(text)
            if altered is None or altered == text:
                continue
            applied += 1
            per_report[name] = per_report.get(name, 0) + 1
            after = _extract(altered)
            if signature(after) == base_sig:
                continue
            changed += 1
            new = collections.Counter(c.code for c in after.checks) - base_codes
            if new:
                caught += 1
            else:
                missed.append((name, alt_name))
    return {"reports": len(texts), "applied": applied, "per_report": per_report, "changed": changed, "caught": caught,
            "caught_share": caught / changed if changed else 1.0, "missed": missed,
            "clean_with_error": clean_errors, "clean_error_share": len(clean_errors) / max(1, len(texts))}
