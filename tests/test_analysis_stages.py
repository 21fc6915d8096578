"""The per-number analysis, stage by stage: one table of sentences per stage (tests/data/analysis).

Each row gives a sentence, the number it is about (its evidence as written), the fields the
analysis must give it and the rules that must have fired (``why``). A row may place the
sentence in the review part (``review``: a one-year review of 2023; ``review5``: a five-year
review) or in the plan part (``plan``: the 2024 plan) of a small report.
"""
import json
import pathlib

import pytest

import govextract

TABLES = pathlib.Path(__file__).parent / "data" / "analysis"
HEAD = "2024年某市政府工作报告\n各位代表:\n"
CONTEXTS = {
    None: ("", ""),
    "review": (HEAD + "一、2023年工作回顾\n", "\n二、2024年工作安排\n今年主要预期目标是:地区生产总值增长6%左右。\n"),
    "review5": (HEAD + "一、过去五年工作回顾\n", "\n二、2024年工作安排\n今年主要预期目标是:地区生产总值增长6%左右。\n"),
    "plan": (HEAD + "一、2023年工作回顾\n全市地区生产总值增长5%。\n二、2024年工作安排\n", "\n"),
}
# fields read from the analysis (doc.qinfo); the others from Report.quantities
ANALYSIS_FIELDS = {"subject", "relation", "kind", "direction", "indicator", "inherited", "post_subject", "compare_year",
                   "explicit_year", "by_year", "multi_year", "estimated", "stretch", "start_point", "duration"}


def rows():
    for path in sorted(TABLES.glob("*.json")):
        for k, row in enumerate(json.loads(path.read_text(encoding="utf-8"))):
            yield pytest.param(row, id=f"{path.stem}-{k}-{row['number']}")


def analyse(text: str):
    """The analysis and the quantities of a text (the default pipeline's components, in order)."""
    nlp = govextract.Pipeline()
    doc = nlp.make_doc(text)
    for _name, fn in nlp.components:
        fn(doc)
    return doc


@pytest.mark.parametrize("row", list(rows()))
def test_stage_table(row):
    before, after = CONTEXTS[row.get("context")]
    text = before + row["text"] + after
    doc = analyse(text)
    hits = [i for i, q in enumerate(doc.report.quantities)
            if q.evidence == row["number"] and q.start >= len(before)]
    if row.get("absent"):       # a number that is no quantity (80年代)
        assert not any(row["number"] in q.evidence or q.evidence in row["number"] for q in doc.report.quantities
                       if q.start >= len(before)), [q.evidence for q in doc.report.quantities]
        return
    assert hits, [q.evidence for q in doc.report.quantities]
    i = hits[0]
    info, quantity = doc.qinfo[i], doc.report.quantities[i]
    for field, want in row["expect"].items():
        if field == "subject":
            got = quantity.subject          # as written in the caller's text
        else:
            got = getattr(info, field) if field in ANALYSIS_FIELDS else getattr(quantity, field)
        assert got == want, (field, got, want, quantity.why)
    for rule in row["why"]:
        assert rule in quantity.why, (rule, quantity.why)


def test_every_stage_has_a_table():
    stages = {p.stem for p in TABLES.glob("*.json")}
    assert {"relation", "boundary", "verbs", "subject", "kind", "time", "lists", "change", "roles", "scan"} <= stages
