"""Who is made responsible for each numbered task (责任分解 notices, task lists inside reports).

An assignment is a block of labelled fields written after its task, in one of two forms:

- in brackets at the end of the task, on the task's line:
  ``22.全年争取各类资金30亿元以上。(责任领导:洪金虎;牵头单位:市发改局、市招商和投资促进中心)``,
  ``5.新建改建城市公园12个。(牵头单位:市园林局、市住建局)``;
- on lines of their own under the task (``牵头单位:市扶贫办⏎责任单位:各县(市)区人民政府``), or
  after the task's last sentence on its line (``…事不费事。 牵头单位:市政数局``).

The task is the text from the last item marker (``22.``, ``(三)``, ``一、``) before its block to the
block; the id is that marker as printed (``22``; ``(三)`` under top-level section 一 gives ``1.3``;
``一、`` gives ``1``). Tasks numbered straight through category headings keep their own numbers,
and an annex (附件1) is read like the body. Several blocks in one task (…(牵头单位:A);…(牵头单位:B))
make one responsibility. Labels are in ``data/responsibility.json``; names are split at 、 and ,
except inside quotation marks and brackets.

Every pass is linear in the text: the blocks are found by one scan, each task is read from the
stretch between the previous block and its own, and links (headings, targets, projects) are
found by bisection.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Optional

import regex

from .. import _regex
from ..document import Doc
from ..lang import Lang
from ..lang.patterns import CN_ITEM_DIGITS, alt
from ..model import Check, Official, Responsibility
from ..numbers.numerals import parse_chinese_numeral
from ..text.sections import Heading

# The longest task text kept. A task of a notice is a sentence or a paragraph (the longest in
# the bulk reports' task lists are under 700 characters); a task with no item marker within
# this many characters before its block is cut here and reported (task_text_truncated).
MAX_TASK = 2000
# The longest name a field may give. A unit or a leader is a short noun phrase; a longer
# "name" means the field was not split (responsibility_fields_missing).
MAX_NAME = 80

_SENTENCE_END = "。!?"
_VALUE_END: "regex.Pattern[str]" = _regex.compile(r"[\n。]")
_OPENERS: "regex.Pattern[str]" = _regex.compile(r"[“‘《(]", short=True)
_SEPARATORS: "regex.Pattern[str]" = _regex.compile(r"[、,]", short=True)
_BLANKS = " \t\u3000"


@dataclass(frozen=True)
class _Pats:
    labels: dict[str, str]                 # label word -> field
    by_end: dict[str, tuple[str, ...]]     # the label words by their last character, longest first
    block: "regex.Pattern[str]"            # (LABEL:…) in brackets, matched at its bracket


def _build(lang: Lang) -> _Pats:
    labels = {w: f for f, words in lang.mapping("responsibility.json", "labels").items() for w in words}
    a = alt(labels)
    block = _regex.compile(rf"\((?P<body>(?:{a})\s*+[:;](?:[^()\n]++|\([^()\n]*+\))*+)\)")
    by_end: dict[str, list[str]] = {}
    for w in sorted(labels, key=len, reverse=True):
        by_end.setdefault(w[-1], []).append(w)
    return _Pats(labels, {k: tuple(v) for k, v in by_end.items()}, block)


def _pats(doc: Doc) -> _Pats:
    lang: Lang = doc.vocab.lang
    return lang.cached("responsibilities.patterns", _build)


# Item markers that number tasks: 22. / 22、 / (三) / 三、 (blanks before allowed).
_ITEM: "regex.Pattern[str]" = _regex.compile(rf"[ \t*]*+(?:\((?P<cn>[{CN_ITEM_DIGITS}]{{1,3}})\)|(?P<ar>[0-9]{{1,3}})(?:\.(?![0-9])|、)"
                       rf"|(?P<top>[{CN_ITEM_DIGITS}]{{1,3}})、)[ \t]*+")
_LEADER_ROLE: "regex.Pattern[str]" = _regex.compile(r"^(?P<name>[^()]+?)\((?P<role>[^()]+)\)$")


@dataclass
class _Block:
    start: int                   # normalised offsets of the whole block (brackets included)
    end: int
    body: tuple[int, int]        # where its labels and values are
    on_own_line: bool            # written on lines of its own, under the task
    labels: list[tuple[int, int, str]] = field(default_factory=list)    # label start, value start, field


@dataclass
class _Task:
    rid: str
    start: int                   # normalised: after the item marker
    blocks: list[_Block] = field(default_factory=list)
    truncated: bool = False


# -- blocks -----------------------------------------------------------------------------------
def _own_line(text: str, pos: int) -> bool:
    """Nothing but blanks between the start of its line and ``pos``."""
    k = pos
    while k > 0 and text[k - 1] in _BLANKS + "*":
        k -= 1
    return k == 0 or text[k - 1] == "\n"


def _line_end(text: str, s: int) -> int:
    """The end of a label line's values: the line end or the sentence end (a unit name holds
    neither), at most MAX_TASK characters on; before a closing bracket that has no opening one
    (a typo: ``牵头单位:市政数局)``) and trailing blanks."""
    m = _VALUE_END.search(text, s, min(len(text), s + MAX_TASK))
    e = m.start() if m is not None else min(len(text), s + MAX_TASK)
    while e > s and text[e - 1] in _BLANKS:
        e -= 1
    if text[e - 1:e] == ")" and text.count("(", s, e) < text.count(")", s, e):
        e -= 1
    return e


def _label_hits(text: str, p: _Pats) -> list[tuple[int, int, str]]:
    """Each label word before : or ; (blanks between allowed) as (start, value start, field), the
    longest word where two could (牵头责任单位, not its 责任单位). Found from the colons
    (str.find, at memory speed): a report has a few hundred of them."""
    hits = []
    for mark in (":", ";"):
        k = text.find(mark)
        while k >= 0:
            e = k
            while e > 0 and text[e - 1] in _BLANKS:
                e -= 1
            for w in p.by_end.get(text[e - 1:e], ()):
                if text.startswith(w, e - len(w)):
                    hits.append((e - len(w), k + 1, p.labels[w]))
                    break
            k = text.find(mark, k + 1)
    hits.sort()
    return hits


def _opens_line(text: str, pos: int) -> bool:
    """A label line starts here: only blanks (or Markdown's *) since the line start or since the
    end of a sentence (…不费事。 牵头单位:…)."""
    k = pos
    while k > 0 and text[k - 1] in _BLANKS + "*":
        k -= 1
    return k == 0 or text[k - 1] == "\n" or text[k - 1] in _SENTENCE_END


def _find_blocks(text: str, p: _Pats) -> list[_Block]:
    """Every assignment block, in text order, with its labels; label lines that follow each
    other are one block."""
    blocks: list[_Block] = []
    for hit in _label_hits(text, p):
        s = hit[0]
        last = blocks[-1] if blocks else None
        if last is not None and s < last.body[1]:
            last.labels.append(hit)                    # a later label of the same block
            continue
        m = p.block.match(text, s - 1) if text[s - 1:s] == "(" else None
        if m is not None:
            blocks.append(_Block(m.start(), m.end(), (m.start("body"), m.end("body")), _own_line(text, m.start()), [hit]))
            continue
        if not _opens_line(text, s) and text[s - 1:s] != "(":
            continue                                   # a label word inside a sentence
        e = _line_end(text, s)
        own = _own_line(text, s)
        if last is not None and last.on_own_line and own and not text[last.end:s].strip():
            last.end = e                               # 牵头单位:…⏎⏎责任单位:… : one block
            last.body = (last.body[0], e)
            last.labels.append(hit)
            continue
        blocks.append(_Block(s, e, (s, e), own, [hit]))
    return blocks


# -- tasks ------------------------------------------------------------------------------------
def _marker_in(text: str, lo: int, hi: int, at_lo: bool) -> Optional["regex.Match[str]"]:
    """The last item marker opening a line in text[lo:hi], or opening the stretch itself when
    ``at_lo`` (the stretch starts after the previous task's block: 1.…(…)2.…(…) on one line)."""
    pos = hi
    while pos > lo:
        nl = text.rfind("\n", lo, pos)
        if nl < 0:
            break
        m = _ITEM.match(text, nl + 1, hi)
        if m is not None and m.end() < hi:
            return m
        pos = nl
    if not at_lo:
        return None
    first = lo
    while first < hi and text[first] in _BLANKS + "\n;," + _SENTENCE_END:
        first += 1
    m = _ITEM.match(text, first, hi)
    return m if m is not None and m.end() < hi else None


def _item_id(m: "regex.Match[str]", tops: list[Heading], top_starts: list[int]) -> str:
    if m.group("ar"):
        return str(m.group("ar"))
    if m.group("top"):
        return str(int(parse_chinese_numeral(m.group("top"))))
    n = int(parse_chinese_numeral(m.group("cn")))
    k = bisect.bisect_right(top_starts, m.start()) - 1       # the enclosing 一、 section: "1.n"
    if k >= 0 and m.start() < tops[k].end:
        return f"{tops[k].value}.{n}"
    return str(n)


def _line_start(text: str, lo: int, pos: int, block: _Block) -> int:
    """Where an unnumbered task starts: its line, or for a block on lines of its own the last
    non-blank line above it."""
    if not block.on_own_line:
        return max(lo, text.rfind("\n", lo, pos) + 1)
    e = pos
    while e > lo and text[e - 1] in _BLANKS + "\n":
        e -= 1
    return max(lo, text.rfind("\n", lo, e) + 1)


def _group_tasks(doc: Doc, blocks: list[_Block]) -> list[_Task]:
    text = doc.text
    tops = sorted((h for h in doc.headings if h.level == 1), key=lambda h: h.start)
    top_starts = [h.start for h in tops]
    tasks: list[_Task] = []
    prev_end = 0
    for b in blocks:
        lo = max(prev_end, b.start - MAX_TASK)
        if not b.on_own_line:
            # a bracketed block closes the task written on its own line: a marker on a line
            # above (a heading, another task's number) is not this task's
            lo = max(lo, text.rfind("\n", lo, b.start) + 1)
        m = _marker_in(text, lo, b.start, lo == prev_end or text[lo - 1] == "\n")
        same_line = bool(tasks) and text.find("\n", prev_end, b.start) < 0 and b.start - tasks[-1].start <= MAX_TASK
        if m is None and same_line:
            tasks[-1].blocks.append(b)                 # 6.A(牵头单位:X);B(牵头单位:Y): one task
        elif m is not None:
            tasks.append(_Task(_item_id(m, tops, top_starts), m.end(), [b]))
        else:
            s = _line_start(text, prev_end, b.start, b)
            cut = s < lo
            tasks.append(_Task(str(len(tasks) + 1), lo if cut else s, [b], cut))
        prev_end = b.end
    return tasks


# -- fields -----------------------------------------------------------------------------------
def _cuts(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """text[s:e] cut at 、 and , outside quotation marks and brackets."""
    if _OPENERS.search(text, s, e) is None:        # the common case: nothing to keep together
        out, pos = [], s
        for m in _SEPARATORS.finditer(text, s, e):
            out.append((pos, m.start()))
            pos = m.end()
        out.append((pos, e))
        return out
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
    return out


def _split_names(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Split text[s:e] at 、 and , outside quotation marks and brackets; blanks and marks trimmed."""
    res = []
    for a, b in _cuts(text, s, e):
        while a < b and text[a] in _BLANKS + "\n":
            a += 1
        while b > a and text[b - 1] in _BLANKS + "\n;,。":
            b -= 1
        if b > a:
            res.append((a, b))
    return res


def _fields(text: str, block: _Block, p: _Pats) -> tuple[dict[str, list[tuple[int, int]]], list[tuple[int, int]]]:
    """The names of each field, and the spans of values that gave no usable names."""
    fields: dict[str, list[tuple[int, int]]] = {"leaders": [], "lead_units": [], "units": []}
    bad: list[tuple[int, int]] = []
    labs = block.labels
    for k, (_ls, vs, key) in enumerate(labs):
        ve = labs[k + 1][0] if k + 1 < len(labs) else block.body[1]
        names = _split_names(text, vs, ve)
        if any(b - a > MAX_NAME for a, b in names) or (not names and text[vs:ve].strip(_BLANKS + ";,。)")):
            bad.append((vs, ve))
            names = [(a, b) for a, b in names if b - a <= MAX_NAME]
        fields[key].extend(names)
    return fields, bad


# -- the component ----------------------------------------------------------------------------
def extract_responsibilities(doc: Doc) -> None:
    text = doc.text
    p = _pats(doc)
    report = doc.report
    tasks = _group_tasks(doc, _find_blocks(text, p))
    officials: dict[str, tuple[Official, set[str]]] = {}
    targets = sorted((t.start, k) for k, t in enumerate(report.targets))
    for task in tasks:
        resp = _responsibility(doc, task, p, targets)
        report.responsibilities.append(resp)
        for name in resp.leaders:
            rm = _LEADER_ROLE.match(name)
            key, role = (rm.group("name"), rm.group("role")) if rm else (name, None)
            off, ids = officials.setdefault(key, (Official(key, role), set()))
            if resp.id not in ids:
                ids.add(resp.id)
                off.task_ids.append(resp.id)
    report.officials = [o for o, _ids in officials.values()]
    doc.task_spans = ([t.start for t in tasks], [t.blocks[-1].end for t in tasks], [t.rid for t in tasks])
    _link_projects(doc)


def _names(doc: Doc, task: _Task, p: _Pats) -> tuple[dict[str, list[str]], bool]:
    """The names of each field over the task's blocks (a unit named in two blocks once), and
    whether a field that gave no names was reported."""
    names: dict[str, list[str]] = {"leaders": [], "lead_units": [], "units": []}
    seen: set[tuple[str, str]] = set()
    checked = False
    for b in task.blocks:
        fields, bad = _fields(doc.text, b, p)
        for key, spans in fields.items():
            for a, e in spans:
                oa, ob = doc.norm.orig_span(a, e)
                name = doc.original[oa:ob]
                if len(task.blocks) == 1 or (key, name) not in seen:
                    seen.add((key, name))
                    names[key].append(name)
        for vs, ve in bad:
            checked = True
            s, e = doc.norm.orig_span(vs, ve)
            doc.report.checks.append(Check(
                code="responsibility_fields_missing", severity="warning", start=s, end=e,
                message=f"task {task.rid}: a field of its assignment could not be split into names"))
    return names, checked


def _responsibility(doc: Doc, task: _Task, p: _Pats, targets: list[tuple[int, int]]) -> Responsibility:
    text = doc.text
    names, checked = _names(doc, task, p)
    first, last = task.blocks[0], task.blocks[-1]
    s, e = doc.norm.orig_span(task.start, last.end)
    bs, be = doc.norm.orig_span(first.start, last.end)
    te = last.start if len(task.blocks) > 1 else first.start
    while te > task.start and text[te - 1] in _BLANKS + "\n":
        te -= 1
    ts, te = doc.norm.orig_span(task.start, te)
    if not any(names.values()) and not checked:
        doc.report.checks.append(Check(
            code="responsibility_fields_missing", severity="warning", start=bs, end=be,
            message=f"task {task.rid}: its assignment names no leader and no unit"))
    if task.truncated:
        doc.report.checks.append(Check(
            code="task_text_truncated", severity="warning", start=ts, end=te,
            message=f"task {task.rid}: no start of the task within {MAX_TASK} characters; its text is cut there"))
    resp = Responsibility(id=task.rid, leaders=names["leaders"], lead_units=names["lead_units"], units=names["units"],
                          task=doc.original[ts:te], start=s, end=e, assignment_start=bs, assignment_end=be)
    k = bisect.bisect_left(targets, (s, -1))
    resp.target = targets[k][1] if k < len(targets) and targets[k][0] < e else None
    return resp


def _link_projects(doc: Doc) -> None:
    """``Project.task_id`` for projects and groups written inside a task (one bisection each)."""
    resps = doc.report.responsibilities
    starts = [r.start for r in resps]
    for pr in [*doc.report.projects, *doc.report.project_groups]:
        if pr.task_id is None:
            k = bisect.bisect_right(starts, pr.start) - 1
            if k >= 0 and pr.start < resps[k].end:
                pr.task_id = resps[k].id
