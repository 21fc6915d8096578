"""Who is made responsible for each numbered task (责任分解 notices).

An assignment is a bracketed block of labelled fields at the end of a task line:
``(责任领导:洪金虎;牵头单位:市发改局、市招商和投资促进中心;责任单位:…)``.
Labels and separators come from ``data/responsibility.json``; names are split at
、 and , except inside quotation marks.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

import regex

from .. import _regex
from .._data import load_json
from ..document import Doc
from ..model import Official, Responsibility


@lru_cache(maxsize=None)
def _labels() -> dict[str, str]:
    d = load_json("responsibility.json")["labels"]
    return {w: field for field, words in d.items() for w in words}


@lru_cache(maxsize=None)
def _patterns() -> tuple["regex.Pattern[str]", "regex.Pattern[str]"]:
    alt = "|".join(regex.escape(w) for w in sorted(_labels(), key=len, reverse=True))
    block = _regex.compile(rf"\((?P<body>(?:{alt})\s*+[:;](?:[^()\n]++|\([^()\n]*+\))*+)\)")
    label = _regex.compile(rf"(?P<label>{alt})\s*+[:;]")
    return block, label


_ITEM = _regex.compile(r"\s*+(?:\((?P<cn>[一二三四五六七八九十]{1,3})\)|(?P<ar>[0-9]{1,3})(?:\.(?![0-9])|、))")
_LEADER_ROLE = _regex.compile(r"^(?P<name>[^()]+?)\((?P<role>[^()]+)\)$")


def _split_names(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Split text[s:e] at 、 and , outside quotation marks."""
    out = []
    depth = 0
    pos = s
    for i in range(s, e):
        c = text[i]
        if c in "“‘《(":
            depth += 1
        elif c in "”’》)" and depth:
            depth -= 1
        elif c in "、," and depth == 0:
            out.append((pos, i))
            pos = i + 1
    out.append((pos, e))
    res = []
    for a, b in out:
        while a < b and text[a] in " \t":
            a += 1
        while b > a and text[b - 1] in " \t;,。":
            b -= 1
        if b > a:
            res.append((a, b))
    return res


def _item_id(doc: Doc, line_start: int, m: "regex.Match[str]", seq: int) -> str:
    if m.group("ar"):
        return m.group("ar")
    from ..numbers.numerals import parse_chinese_numeral
    n = int(parse_chinese_numeral(m.group("cn")))
    top = None
    for h in doc.headings:               # the enclosing top-level section: 一、… -> "1.n"
        if h.start <= line_start < h.end and h.level == 1:
            top = h
    return f"{top.value}.{n}" if top is not None else str(n) if n else str(seq)


def extract_responsibilities(doc: Doc) -> None:
    text = doc.text
    block_re, label_re = _patterns()
    labels = _labels()
    report = doc.report
    officials: dict[str, Official] = {}
    task_starts: list[int] = []
    task_ends: list[int] = []
    task_ids: list[str] = []
    seq = 0
    for m in block_re.finditer(text):
        seq += 1
        ls = text.rfind("\n", 0, m.start()) + 1
        im = _ITEM.match(text, ls, m.start())
        rid = _item_id(doc, ls, im, seq) if im else str(seq)
        task_s = im.end() if im else ls
        fields: dict[str, list[tuple[int, int]]] = {"leaders": [], "lead_units": [], "units": []}
        labs = list(label_re.finditer(text, m.start("body"), m.end("body")))
        for k, lm in enumerate(labs):
            vs = lm.end()
            ve = labs[k + 1].start() if k + 1 < len(labs) else m.end("body")
            fields[labels[lm.group("label")]].extend(_split_names(text, vs, ve))

        def names(key: str) -> list[str]:
            out = []
            for a, b in fields[key]:
                oa, ob = doc.norm.orig_span(a, b)
                out.append(doc.original[oa:ob])
            return out

        s, e = doc.norm.orig_span(task_s, m.end())
        bs, be = doc.norm.orig_span(m.start(), m.end())
        ts, te = doc.norm.orig_span(task_s, m.start())
        resp = Responsibility(id=rid, leaders=names("leaders"), lead_units=names("lead_units"), units=names("units"),
                              task=doc.original[ts:te], start=s, end=e, assignment_start=bs, assignment_end=be)
        resp.target = _linked_target(doc, s, e)
        report.responsibilities.append(resp)
        task_starts.append(task_s)
        task_ends.append(m.end())
        task_ids.append(rid)
        for name in resp.leaders:
            rm = _LEADER_ROLE.match(name)
            key, role = (rm.group("name"), rm.group("role")) if rm else (name, None)
            off = officials.setdefault(key, Official(key, role))
            if rid not in off.task_ids:
                off.task_ids.append(rid)
    report.officials = list(officials.values())
    doc.user_data["task_ids"] = (task_starts, task_ends, task_ids)
    for p in [*report.projects, *report.project_groups]:
        if p.task_id is None:
            p.task_id = _find(doc, p.start)


def _find(doc: Doc, orig_pos: int) -> Optional[str]:
    for r in doc.report.responsibilities:
        if r.start <= orig_pos < r.end:
            return r.id
    return None


def _linked_target(doc: Doc, s: int, e: int) -> Optional[int]:
    for k, t in enumerate(doc.report.targets):
        if s <= t.start < e:
            return k
    return None
