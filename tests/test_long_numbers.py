"""Figures of any length: no crash, evidence equal to its offsets, finite JSON, no dependence on
the caller's decimal context (issue 13, item 1). The projects component is left out here: its
own amounts are checked by its own tests."""
import decimal
import json
import math
import random

import pytest

import govextract
from govextract.numbers.scan import MAX_SIGNIFICANT_DIGITS, scan_numbers

LAYERS = ["meta", "structure", "target_lists", "quantities", "targets", "actuals"]
CN = "零〇一二两三四五六七八九十百千"
FULL_WIDTH = "０１２３４５６７８９"


def strict_json(report) -> dict:
    def refuse(constant):
        raise ValueError(f"non-finite number in JSON: {constant}")
    return json.loads(report.to_json(), parse_constant=refuse)


def check(text: str) -> govextract.Report:
    r = govextract.Pipeline(components=LAYERS)(text)
    for obj in [*r.quantities, *r.targets, *r.actuals]:
        assert text[obj.start:obj.end] == obj.evidence
        assert math.isfinite(obj.value) and (obj.value_high is None or math.isfinite(obj.value_high))
    strict_json(r)
    return r


@pytest.mark.parametrize("text", [
    "投资增长百分之" + "九" * 309 + "。",
    "居民收入增长百分之" + "四一七一八三五九二六" * 40 + "。",
    "完成投资" + "１２３４５６７８９０" * 3 + "千亿元。",
    "总投资" + "９" * 400 + "千亿元的项目。",
    "投资349461200595158128344339697912288元建设新兴产业园项目。",
    "增长" + "一二三四五六七八九" * 30 + "万吨。",
    "地区生产总值增长" + "9" * 16 + ".5%。",
])
def test_a_figure_longer_than_any_statistic_is_no_quantity(text):
    assert check(text).quantities == []


def test_the_bound_is_on_significant_digits():
    ok = "1" * MAX_SIGNIFICANT_DIGITS
    assert [n.value for n in scan_numbers(f"增长{ok}%")] == [decimal.Decimal(ok)]
    assert scan_numbers(f"增长{ok}1%") == []
    assert [float(n.value) for n in scan_numbers("增长0.000001%")] == [0.000001]


def test_results_do_not_depend_on_the_callers_decimal_context():
    text = "全年完成一般公共预算收入16.4亿元,固定资产投资1.2345678万亿元,利用外资增长百分之六点五。"
    plain = govextract.extract(text).to_dict()
    with decimal.localcontext() as ctx:
        ctx.prec = 6
        ctx.traps[decimal.Inexact] = True
        ctx.traps[decimal.Rounded] = True
        tight = govextract.extract(text).to_dict()
    assert tight == plain
    assert plain["quantities"][1]["amount"] == "1234567800000"


def _figure(rng: random.Random) -> str:
    n = rng.choice([1, 3, 12, 16, 19, 40, 120, 400])
    kind = rng.choice(["ar", "cn", "fw", "pct", "mix"])
    if kind == "pct":
        return "百分之" + "".join(rng.choice(CN) for _ in range(n))
    alphabet = {"ar": "0123456789", "cn": CN, "fw": FULL_WIDTH, "mix": "0123456789." + CN + FULL_WIDTH + "点"}[kind]
    digits = "".join(rng.choice(alphabet) for _ in range(n)) + rng.choice(["", ".5", "." + "9" * n])
    return digits + rng.choice(["亿元", "千亿元", "万吨", "%", "％", "个百分点", "倍", "年", "元", "万亿", "", "多万人"])


FRAMES = ["地区生产总值增长{}左右,", "完成{}。", "由{}增加到{}。", "{}、{}和{}", "分别增长{}和{}。",
          "一般公共预算收入突破{}。", "连续{}增产。"]


def test_structured_fuzz_with_figures_of_any_length():
    """Report fragments with figures of every length and shape (fixed seed): 0 crashes,
    0 offset violations, 0 non-finite numbers in JSON."""
    rng = random.Random(13)
    for _ in range(300):
        text = "".join(f.format(*[_figure(rng) for _ in range(f.count("{}"))])
                       for f in rng.choices(FRAMES, k=rng.randint(1, 4)))
        check(text)
