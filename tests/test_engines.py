"""Both regular-expression engines give the same extraction.

Patterns called per number run on the standard library's ``re`` (cheaper per call), the
rest on ``regex`` (see govextract/_regex.py). ``GOVEXTRACT_REGEX_ENGINE=regex`` puts every
pattern on ``regex``, as on Python 3.10 where ``re`` lacks possessive quantifiers: the
whole output on the fixture documents must not change.
"""
import json
import os
import subprocess
import sys

import pytest

import govextract
from govextract import _regex

from conftest import FIXTURES

_DUMP = """
import json, pathlib, sys, warnings
warnings.simplefilter("ignore")
import govextract
from govextract import _regex
assert _regex._FORCE_REGEX
out = {}
for p in sorted(pathlib.Path(sys.argv[1]).glob("*/*.txt")):
    out[p.name] = [r.to_dict() for r in govextract.extract_all(p.read_text(encoding="utf-8"))]
print(json.dumps(out, ensure_ascii=False, default=str))
"""


def test_short_patterns_run_on_re_when_it_can():
    import re
    if not _regex._FORCE_REGEX:
        assert isinstance(_regex.compile(r"增长|下降", short=True), re.Pattern)
    assert not isinstance(_regex.compile(r"\p{Han}+", short=True), re.Pattern)   # re has no \p{}
    assert not isinstance(_regex.compile(r"增长|下降"), re.Pattern)
    assert _regex.compile(r"\p{Han}+", short=True).match("增长6%").group() == "增长"


def test_regex_engine_alone_gives_the_same_output():
    env = dict(os.environ, GOVEXTRACT_REGEX_ENGINE="regex")
    proc = subprocess.run([sys.executable, "-c", _DUMP, str(FIXTURES)], capture_output=True, text=True,
                          env=env, check=True, encoding="utf-8")
    theirs = json.loads(proc.stdout)
    ours = {}
    for p in sorted(FIXTURES.glob("*/*.txt")):
        ours[p.name] = [r.to_dict() for r in govextract.extract_all(p.read_text(encoding="utf-8"))]
    ours = json.loads(json.dumps(ours, ensure_ascii=False, default=str))
    assert len(ours) >= 12
    assert sum(len(r["quantities"]) for rs in ours.values() for r in rs) > 1000
    for name in ours:
        assert ours[name] == theirs[name], name


def test_find_all_gives_every_literal_in_text_order_within_bounds():
    text = "索引号:1 发布日期:2 索引号:3 百分之五百分之"
    assert _regex.find_all(text, ("发布日期", "索引号")) == [0, 6, 13]
    assert _regex.find_all(text, ("索引号",), 1) == [13]
    assert _regex.find_all(text, ("百分之",)) == [19, 23]
    assert _regex.find_all(text, ("百分之",), 0, len(text) - 1) == [19]   # the last one is cut by end
    assert _regex.find_all("aaaa", ("aa",)) == [0, 2]                      # one word's hits do not overlap


def test_the_han_class_is_the_han_script():
    """``HAN_CLASS`` (for patterns that run on ``re``) holds exactly the code points ``regex``
    reads as ``\\p{Han}``: when a new Unicode version adds Han characters, this fails and
    ``HAN_RANGES`` takes them."""
    import re

    import regex

    from govextract.lang.patterns import HAN_CLASS
    ours, theirs = re.compile(f"[{HAN_CLASS}]+"), regex.compile(r"\p{Han}+")
    text = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    assert [m.span() for m in ours.finditer(text)] == [m.span() for m in theirs.finditer(text)]


@pytest.mark.parametrize("text", [
    "各位代表:\n今年主要预期目标是:增长6%\n五年来,目标任务全面完成\n主要目标是\n",
    "主要目标是",                                   # no line break, a match at the end of the text
    "无关的一行\n\n指标\n主要指标为:5%;主要目标是:7%\n",
])
def test_finditer_in_lines_gives_the_matches_of_one_pass(text):
    pat = _regex.compile(r"主要(?:目标|指标)(?:是|为)(?::|$|(?=\n))")
    whole = [m.span() for m in pat.finditer(text)]
    assert [m.span() for m in _regex.finditer_in_lines(pat, text, ("目标", "指标"))] == whole
    assert whole     # the table holds matches
    cut = whole[-1][0]
    assert [m.span() for m in _regex.finditer_in_lines(pat, text, ("目标", "指标"), cut)] == \
        [m.span() for m in pat.finditer(text, 0, cut)]
