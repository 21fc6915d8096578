"""``why``: every rule name in the code is documented with an example, and every example fires its rule."""
import ast
import json
import pathlib
import re

import pytest

import govextract
from govextract.pipeline import registered
from govextract.why import RULES

ROOT = pathlib.Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "extractors.md"
SRC = ROOT / "src" / "govextract"
HEAD = "2024年某市政府工作报告\n各位代表:\n"
# the places an example may stand in: as it is, in a one-year or five-year review, in the plan
PLACES = [
    ("", ""),
    (HEAD + "一、2023年工作回顾\n", "\n二、2024年工作安排\n今年主要预期目标是:地区生产总值增长6%左右。\n"),
    (HEAD + "一、过去五年工作回顾\n", "\n二、2024年工作安排\n"),
    (HEAD + "一、2023年工作回顾\n全市地区生产总值增长5%。\n二、2024年工作安排\n今年主要预期目标是:", "\n"),
    (HEAD + "一、2023年工作回顾\n全市地区生产总值增长5%[1]。\n", "\n"),
    # places for the rules of target lists and outcomes (their sections, their item lines)
    (HEAD + "二、2024年工作任务\n", "\n"),
    (HEAD + "二、做好开局工作\n", "\n"),
    (HEAD + "二、“十五五”时期主要目标\n", "\n"),
    (HEAD + "二、2024年工作安排\n今年主要预期目标是:地区生产总值增长6%左右。\n", "\n"),
    (HEAD + "二、2024年工作安排\n今年主要预期目标是:地区生产总值增长6%左右;\n", "\n"),
    (HEAD + "二、2024年工作安排\n今年主要预期目标是:\n", "\n"),
    (HEAD + "二、2024年工作安排\n(一)主要预期目标\n", "\n(二)重点任务\n"),
    (HEAD + "一、2023年工作回顾\n我们坚持稳中求进。\n(一)抗疫\n我们坚持人民至上。\n(二)经济\n", "\n二、2024年工作安排\n"),
]


def documented() -> dict[str, str]:
    text = DOC.read_text(encoding="utf-8")
    section = text[text.index("## Rule names (`why`)"):]
    section = section[:section.index("\n## ", 4)]
    return {m.group(1): m.group(2) for m in re.finditer(r"^\| `([a-z0-9_]+)` \| [a-z_]+ \| `([^`]+)` \|", section, re.M)}


def declared() -> set[str]:
    registered()                      # imports every built-in component, so every rule is declared
    return set(RULES)


def test_every_rule_in_the_code_is_documented_and_every_documented_rule_exists():
    docs, code = set(documented()), declared()
    assert code - docs == set(), "rules without a line in docs/extractors.md"
    assert docs - code == set(), "documented rules the code does not declare"


def test_every_declared_rule_is_used():
    """A rule constant (``NAME = rule("name")``) is read somewhere after its declaration."""
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        consts = {t.id for node in ast.walk(tree) if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call)
                  and getattr(node.value.func, "id", None) == "rule" for t in node.targets if isinstance(t, ast.Name)}
        if not consts:
            continue
        loads = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
        used_elsewhere = set()
        for other in SRC.rglob("*.py"):
            if other != path:
                used_elsewhere |= {n.id for n in ast.walk(ast.parse(other.read_text(encoding="utf-8")))
                                   if isinstance(n, ast.Name) and n.id in consts}
        assert consts <= loads | used_elsewhere, (path.name, consts - loads - used_elsewhere)


def test_no_rule_name_is_written_as_a_bare_string():
    """Rule names are appended through their declared constants, so a typo is a NameError."""
    names = declared()
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "append" \
                    and isinstance(node.func.value, ast.Attribute) and node.func.value.attr == "why":
                for arg in node.args:
                    assert not (isinstance(arg, ast.Constant) and arg.value in names), (path.name, arg.value)


def _why_of(text: str) -> set[str]:
    r = govextract.extract(text)
    return {w for obj in [*r.quantities, *r.targets, *r.actuals] for w in obj.why}


@pytest.mark.parametrize("name,example", sorted(documented().items()))
def test_each_documented_example_fires_its_rule(name, example):
    fired = set()
    for before, after in PLACES:
        if name == "note_line_is_other" and not before.endswith("[1]。\n"):
            continue
        fired |= _why_of(before + example + after)
        if name in fired:
            return
    assert name in fired, fired


def test_why_travels_to_targets_and_actuals_and_round_trips():
    text = (HEAD + "一、2023年工作回顾\n城镇居民人均可支配收入35600元,农村居民人均可支配收入18900元,扣除价格因素,"
            "分别实际增长5.1%和7.3%。地区生产总值增长6%,固定资产投资增长8%。\n二、2024年工作安排\n今年主要预期目标是:"
            "城镇常住居民人均可支配收入、农村常住居民人均可支配收入均增长7%。\n")
    r = govextract.extract(text)
    rural = next(a for a in r.actuals if a.value == 7.3)
    assert rural.indicator == "rural_disposable_income"
    assert "respectively_refers_to_earlier_subjects" in rural.why
    assert rural.why[:len(r.quantities[rural.quantity].why)] == r.quantities[rural.quantity].why
    assert [t.text for t in r.targets] == ["城镇常住居民人均可支配收入", "农村常住居民人均可支配收入"]
    assert all("each_listed_subject" in t.why for t in r.targets)
    back = govextract.Report.from_dict(json.loads(r.to_json()))
    assert back == r and back.targets[0].why == r.targets[0].why


def test_build_adds_the_callers_rules():
    from govextract.extractors.figures import build
    from govextract.model import Target
    nlp = govextract.Pipeline()
    doc = nlp.make_doc("今年主要预期目标是:地区生产总值增长6%左右。")
    for _name, fn in nlp.components:
        fn(doc)
    figures = build(doc, list(enumerate(doc.qinfo)), Target, lambda q: 2024,
                    lambda q: {"tier": 2, "why": ["plan_target"]}, why=["kind_level"])
    assert figures[0].tier == 2
    assert figures[0].why == [*doc.qinfo[0].why, "kind_level", "plan_target"]
