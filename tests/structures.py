"""Inputs that repeat one structure n times: the families of the red team's growth findings.

Each family is a function ``build(n) -> str`` returning a report-like text in which one
structure (endnote lines, attachment headings, responsibility lines …) occurs about ``n``
times. Doubling ``n`` doubles the text; an extraction that stays linear in the size of its
input costs about twice as much, whatever the structure. ``tests/test_growth.py`` checks
that, and ``benchmarks/`` may reuse the same inputs.

Nothing here is one report's wording: each unit is the generic shape of the structure
(numbers vary with the repetition so that no two units are identical).
"""
from __future__ import annotations

from typing import Callable

# A report's frame: title, opening address, a review part and a plan part.
_HEAD = "2022年某市政府工作报告\n各位代表:\n"
_REVIEW = "一、2021年工作回顾\n"
_PLAN = "二、2022年工作安排\n"
_CN = "一二三四五六七八九"


def _cn(k: int) -> str:
    """1..99 as a Chinese numeral (一, 十二, 九十九): item numbers in parentheses."""
    k = k % 99 + 1
    tens, ones = divmod(k, 10)
    return ("" if tens == 0 else ("十" if tens == 1 else _CN[tens - 1] + "十")) + ("" if ones == 0 else _CN[ones - 1])


def endnote_lines(n: int) -> str:
    """Notes gathered at the end of a report: ``[k]术语:是指…`` lines, their markers rarely in the body."""
    body = _HEAD + _PLAN + "推进重点工作[1],落实各项政策[2]。\n"
    notes = "".join(f"[{k % 999 + 1}]术语{k}:是指某项工作的一种说法。\n" for k in range(n))
    return body + notes


def notes_and_quantities(n: int) -> str:
    """Many numbers and many endnote lines in one report (each number is checked against the notes)."""
    figures = "".join(f"新增就业{k % 90 + 1}万人,投资{k % 50 + 2}亿元。\n" for k in range(n))
    notes = "".join(f"[{k % 999 + 1}]术语{k}:是指某项工作。\n" for k in range(n))
    return _HEAD + _REVIEW + figures + notes


def attachment_headings(n: int) -> str:
    """A compilation of attachments, each restarting its own numbering (附件 / 一、…)."""
    unit = "附件{k}：名词解释\n一、工作目标\n推进各项工作。\n二、主要任务\n落实各项政策。\n"
    return _HEAD + _PLAN + "".join(unit.format(k=k % 9 + 1) for k in range(n))


def projects_and_responsibilities(n: int) -> str:
    """A notice listing projects and, separately, numbered tasks with their responsible people."""
    projects = "".join(f"开工建设投资{k % 90 + 10}亿元的新材料产业园项目{k},建成投产。\n" for k in range(n))
    tasks = "".join(f"{k % 999 + 1}.推进重点工作(责任领导:张三;牵头单位:市发改局;责任单位:市商务局)\n"
                    for k in range(n))
    return _HEAD + _PLAN + tasks + projects


def official_task_ids(n: int) -> str:
    """One official made responsible for many tasks (an official's task ids grow with n)."""
    return _HEAD + _PLAN + "".join("推进重点工作(责任领导:张三;牵头单位:市发改局;责任单位:市商务局)\n"
                                   for _k in range(n))


def responsibility_item_headings(n: int) -> str:
    """Attachments, each a section 一、 opening with a task numbered (一) that carries its
    assignment block (the task's id names its section: 1.1); top-level sections grow with n."""
    unit = "附件{k}：任务分解\n一、重点工作\n(一)推进重点工作(责任领导:张三;牵头单位:市发改局)\n"
    return _HEAD + "".join(unit.format(k=k % 9 + 1) for k in range(n))


def headline_list_one_sentence(n: int) -> str:
    """The expected-targets list written as one long sentence of comma-separated figures."""
    items = ",".join(f"指标{k}增长{k % 9 + 1}%左右" for k in range(n))
    return _HEAD + _PLAN + "今年经济社会发展的主要预期目标是:" + items + "。\n"


def unquantified_list_pieces(n: int) -> str:
    """A headline list mixing figures and items without a number (each piece is checked)."""
    items = ",".join(f"地区生产总值增长{k % 9 + 1}%,居民收入增长与经济增长基本同步" for k in range(n))
    return _HEAD + _PLAN + "今年经济社会发展的主要预期目标是:" + items + "。\n"


def item_numbers_one_line(n: int) -> str:
    """Numbered items 1. 2. 3. scraped onto one line (no line breaks at all)."""
    return _HEAD.replace("\n", " ") + "".join(f"{k % 999 + 1}.推进重点工作。" for k in range(n))


def page_header_words_one_line(n: int) -> str:
    """Web-page metadata blocks (索引号, 发布机构 …) of many pages scraped onto one line."""
    unit = "某市人民政府 索引号:{k} 发布机构:某市人民政府 发布日期:2022-01-{d:02d} 推进重点工作。"
    return "".join(unit.format(k=k, d=k % 28 + 1) for k in range(n))


def addresses_and_titles_one_line(n: int) -> str:
    """Titles and opening addresses of many reports on one line."""
    unit = "{y}年某市政府工作报告 各位代表:推进重点工作,地区生产总值增长{k}%。"
    return "".join(unit.format(y=2000 + k % 25, k=k % 9 + 1) for k in range(n))


def blank_runs(n: int) -> str:
    """A review part with long runs of blanks between its sentences (a badly converted page)."""
    unit = "2021年地区生产总值增长6%,一般公共预算收入增长5%。" + " " * 40 + "\t" * 10 + "\u3000" * 10
    return _HEAD + "一、过去五年工作回顾\n" + unit * n + "\n" + _PLAN


def reports_with_decimal_dot(n: int) -> str:
    """A file of n reports, each writing one decimal with a middle dot (14·1%): for extract_all."""
    unit = "{y}年某市政府工作报告\n各位代表:\n现在,我代表市人民政府作报告。\n地区生产总值增长7·{k}%。\n"
    return "".join(unit.format(y=1980 + k % 40, k=k % 9 + 1) for k in range(n))


# name -> (build, n): n is large enough that a cost growing with n² would dominate the run
FAMILIES: dict[str, tuple[Callable[[int], str], int]] = {
    "endnote_lines": (endnote_lines, 6000),
    "notes_and_quantities": (notes_and_quantities, 1500),
    "attachment_headings": (attachment_headings, 4000),
    "projects_and_responsibilities": (projects_and_responsibilities, 2500),
    "official_task_ids": (official_task_ids, 4000),
    "responsibility_item_headings": (responsibility_item_headings, 2000),
    "headline_list_one_sentence": (headline_list_one_sentence, 2000),
    "unquantified_list_pieces": (unquantified_list_pieces, 1500),
    "item_numbers_one_line": (item_numbers_one_line, 20000),
    "page_header_words_one_line": (page_header_words_one_line, 8000),
    "addresses_and_titles_one_line": (addresses_and_titles_one_line, 32000),
    "blank_runs": (blank_runs, 1000),
}
