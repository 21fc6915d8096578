"""Each word list is defined once: no word of the language data is typed again in ``src/``.

The check parses every module of ``src/govextract`` with :mod:`ast` and collects its string
constants that hold a Han character (docstrings aside; comments are not in the AST). What may
stay in code (docs/vocabularies.md, "What stays in code"):

- ``lang/patterns.py``, the grammar of dates and numbers that no report varies: the Chinese
  digits and numeral characters (〇零一二两三四五六七八九十百千万亿, the decimal point 点), the
  year, month and day characters (年月日) and the end or start of a year (底末初). Every rule that
  needs them imports them from there.
- ``numbers/numerals.py``'s numeral table (the value of each numeral character), written with the
  same characters.

Everywhere else no string constant holds a Han character at all, which is stronger than "no
word of a data file": a word a rule reads comes from the language data (``doc.vocab.lang`` or
``default_lang()``). In the two grammar modules, a Han character must belong to the grammar
alphabet, no word of two or more characters of any data file may appear, and the one-character
data words they share with the data are exactly the documented ``SHARED`` set (a different
reading of the same character).

The data words are every entry of every list, every mapping key (and every string value, as
``short_forms``) of the files ``govextract.lang.data_files()`` lists, ``indicators.json`` names,
aliases, growth aliases and split markers included; ``about`` texts are prose, not words. That
each file fits its schema is ``tests/test_lang.py::test_every_shipped_file_is_valid``.
"""
from __future__ import annotations

import ast
import collections
import pathlib
from typing import Any, Iterator

import regex

from govextract.lang import data_files, load_file
from govextract.lang.schema import ABOUT, SCHEMAS

SRC = pathlib.Path(__file__).resolve().parents[1] / "src" / "govextract"
HAN = regex.compile(r"\p{Han}")

GRAMMAR_MODULES = {"lang/patterns.py", "numbers/numerals.py"}
GRAMMAR_CHARS = frozenset("〇零一二两三四五六七八九十百千万亿点年月日底末初")
# One-character data words the grammar also writes, each with another reading in the data:
# 年 a year of a date here, a unit of duration in units.json (5年过渡期); 千 万 亿 parts of a
# numeral here (三千), magnitudes after an Arabic number in units.json (3万吨); 两 the numeral
# two here, a stem that makes no name in admin_units.json.
SHARED = frozenset("年千万亿两")

# Han literals of modules still being moved to the data: module -> its literals (none left).
PENDING: dict[str, list[str]] = {}


def han_literals(source: str) -> list[str]:
    """String constants of ``source`` that hold a Han character, docstrings excluded."""
    tree = ast.parse(source)
    docstrings: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) \
                    and isinstance(first.value.value, str):
                docstrings.add(id(first.value))
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in docstrings and HAN.search(node.value)]


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)
    elif isinstance(value, dict):
        for k, v in value.items():
            yield k
            yield from _strings(v)


def file_words(name: str) -> dict[str, str]:
    """The words of data file ``name`` with Han characters in them -> the key that lists them."""
    data = load_file(name)
    if isinstance(data, list):        # indicators.json
        parts = [(f"{ind['id']}.{key}", ind[key]) for ind in data
                 for key in ("zh", "aliases", "growth_aliases", "split") if key in ind]
    else:
        parts = [(key, value) for key, value in data.items() if SCHEMAS[name].get(key) is not ABOUT]
    words: dict[str, str] = {}
    for where, value in parts:
        for w in _strings(value):
            if HAN.search(w):
                words.setdefault(w, f"{name}:{where}")
    return words


def data_words() -> dict[str, str]:
    """Every word of the language data -> where it is first listed."""
    words: dict[str, str] = {}
    for name in data_files():
        for w, where in file_words(name).items():
            words.setdefault(w, where)
    return words


def _modules() -> dict[str, list[str]]:
    return {p.relative_to(SRC).as_posix(): han_literals(p.read_text(encoding="utf-8"))
            for p in sorted(SRC.rglob("*.py"))}


def test_the_collector_sees_literals_not_docstrings_or_comments():
    source = ('"""模块说明"""\n'
              'def f(x):\n    """函数说明"""\n    # 注释\n    return x == "增长" or f"{x}年" or "ascii"\n'
              'class C:\n    """类说明"""\n    WORDS = ("以来",)\n')
    assert sorted(han_literals(source)) == sorted(["以来", "年", "增长"])


def test_the_data_words_cover_every_file_and_the_indicator_names():
    words = data_words()
    assert words["地区生产总值"].startswith("indicators.json:gdp")
    assert words["经济增速"].startswith("indicators.json:gdp")          # a growth alias
    assert words["各位代表"] == "clauses.json:address"
    assert "索引号" in file_words("debris.json") and "北京市" in file_words("regions.json")
    assert all(file_words(name) for name in data_files())


def test_no_han_literal_outside_the_grammar_modules():
    found = {mod: lits for mod, lits in _modules().items() if mod not in GRAMMAR_MODULES}
    words = data_words()
    for mod, lits in found.items():
        pending = collections.Counter(PENDING.get(mod, []))
        extra = collections.Counter(lits) - pending
        assert not extra, (
            f"{mod}: Han string literals {sorted(extra)} (data words among them: "
            f"{sorted({w: words[w] for lit in extra for w in words if w in lit}.items())[:10]}); "
            "read the words from the language data (doc.vocab.lang / default_lang()) or the "
            "grammar from govextract.lang.patterns")
        gone = pending - collections.Counter(lits)
        assert not gone, f"{mod}: {sorted(gone)} moved to the data: delete them from PENDING"
    assert set(PENDING) <= set(found), "PENDING names a module that does not exist"


def test_the_grammar_modules_hold_only_the_grammar():
    mods = _modules()
    words = data_words()
    long_words = [w for w in words if len(w) > 1]
    used: set[str] = set()
    for mod in sorted(GRAMMAR_MODULES):
        for lit in mods[mod]:
            chars = set(HAN.findall(lit))
            assert chars <= GRAMMAR_CHARS, f"{mod}: {lit!r} holds {sorted(chars - GRAMMAR_CHARS)}, no grammar"
            used |= chars
            assert not [w for w in long_words if w in lit], f"{mod}: {lit!r} holds data words"
    assert {c for c in used if c in words} == SHARED
