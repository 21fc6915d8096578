"""Projects and responsibilities stay linear whatever the structure (the red team's quadratic passes).

For each structure the cost of the two components is measured on n and 4n repetitions, in CPU
time, best of several rounds (never a wall-clock threshold): four times the text must cost less
than 6 times as much (linear gives about 4, quadratic 16). A factor of four rather than two
keeps the verdict clear of the noise of a shared machine, where a 50 ms measure can vary by a
third. The structures are the ones that were quadratic: projects inside many
tasks, one official on every task, many top-level headings with (一) items, a notice scraped
onto one line, label lines under numbered tasks, and many amounts in one sentence.
"""
import gc
import time

import pytest

import govextract
from govextract.extractors import projects, responsibilities

N = 1500           # repetitions: each measurement is tens of milliseconds
GROWTH = 4         # the larger text has GROWTH * N repetitions
ROUNDS = 5
MAX_RATIO = 6.0    # linear ~4, quadratic ~16

STRUCTURES = {
    "projects_in_tasks": lambda n: "".join(
        f"{i + 1}.推进投资{i % 9 + 1}亿元的滨江大道改造工程建设。(责任领导:张三;牵头单位:市发改局)\n" for i in range(n)),
    "one_official_on_every_task": lambda n: "".join(
        f"{i + 1}.加强统计。(责任领导:张三、李四;牵头单位:市统计局)\n" for i in range(n)),
    "item_headings": lambda n: "一、重点工作\n(一)地区生产总值增长8%。(责任领导:张三;牵头单位:市发改局)\n" * n,
    "notice_on_one_line": lambda n: "".join(
        f"{i % 900 + 1}.新建改建城市公园12个。(牵头单位:市园林局、市住建局)" for i in range(n)),
    "label_lines": lambda n: "".join(
        f"{i % 900 + 1}.新建改建城市公园12个。\n牵头单位:市园林局\n责任单位:各区人民政府\n" for i in range(n)),
    "amounts_in_one_sentence": lambda n: "加快建设" + "、".join(
        f"投资{i % 9 + 1}亿元的滨江大道改造工程" for i in range(n)) + "。",
}


def _prepared(text):
    nlp = govextract.Pipeline()
    doc = nlp.make_doc(text)
    for name, fn in nlp.components:
        if name not in ("projects", "responsibilities"):
            fn(doc)
    return doc


def _once(doc):
    r = doc.report
    r.projects, r.project_groups, r.responsibilities, r.officials, r.checks = [], [], [], [], []
    doc.task_spans = None
    t = time.process_time()
    projects.extract_projects(doc)
    responsibilities.extract_responsibilities(doc)
    return time.process_time() - t


def _costs(small, large):
    """Best CPU time of each, rounds alternating (so that both meet the same machine), the
    garbage collector off while a round runs (a collection is not the pass's own cost)."""
    best_small = best_large = float("inf")
    for _ in range(ROUNDS):
        gc.collect()
        gc.disable()
        try:
            best_small = min(best_small, _once(small))
            best_large = min(best_large, _once(large))
        finally:
            gc.enable()
    return best_small, best_large


@pytest.mark.parametrize("name", list(STRUCTURES))
def test_doubling_the_structure_at_most_doubles_the_cost(name):
    make = STRUCTURES[name]
    small, large = _prepared(make(N)), _prepared(make(GROWTH * N))
    _once(small)                                     # warm-up: patterns compiled, caches filled
    c1, c2 = _costs(small, large)
    found = len(large.report.projects) + len(large.report.responsibilities)
    assert found >= GROWTH * N * 0.9, f"{name}: the structure was not read ({found} objects)"
    assert c2 / c1 < MAX_RATIO, f"{name}: {c1:.3f}s -> {c2:.3f}s for {GROWTH} times the text"


def test_task_texts_are_bounded_slices():
    """A notice on one line: the tasks' texts together are never longer than the text."""
    text = STRUCTURES["notice_on_one_line"](N)
    r = govextract.extract(text)
    assert len(r.responsibilities) == N
    assert sum(len(x.task) for x in r.responsibilities) < len(text)
    assert max(len(x.task) for x in r.responsibilities) <= responsibilities.MAX_TASK
