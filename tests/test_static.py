"""Static checks of ``src/``: ``mypy --strict``, ruff (complexity 15 and more), function length.

mypy and ruff run as subprocesses with the settings in pyproject.toml (``[tool.mypy]``,
``[tool.ruff.lint]``), so the README's test command (and ``.ci/run``) runs them; both come
with the ``[test]`` extra. Run them alone with ``.venv/bin/mypy`` and ``.venv/bin/ruff check src``.
"""
from __future__ import annotations

import ast
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "govextract"

# The per-number analysis and the number scan are read one stage at a time: no function of
# theirs is longer than this many lines (decorators, signature and docstring included).
MAX_STAGE_LINES = 60
STAGE_MODULES = sorted((SRC / "analysis").glob("*.py")) + [SRC / "numbers" / "scan.py"]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_mypy_strict_passes():
    p = _run("mypy")
    assert p.returncode == 0, p.stdout + p.stderr


def test_ruff_passes_with_complexity_at_most_15():
    p = _run("ruff", "check", "src")
    assert p.returncode == 0, p.stdout + p.stderr


def function_lengths(source: str) -> dict[str, int]:
    """Lines of each function of ``source`` (nested ones by their dotted name), decorators included."""
    out: dict[str, int] = {}

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                first = min([child.lineno] + [d.lineno for d in child.decorator_list])
                out[prefix + child.name] = (child.end_lineno or child.lineno) - first + 1
                visit(child, f"{prefix}{child.name}.")
            elif isinstance(child, ast.ClassDef):
                visit(child, f"{prefix}{child.name}.")
            else:
                visit(child, prefix)

    visit(ast.parse(source), "")
    return out


def test_function_lengths_are_counted():
    src = "def a():\n    x = 1\n    return x\n\nclass B:\n    @staticmethod\n    def c():\n        def d():\n            pass\n"
    assert function_lengths(src) == {"a": 3, "B.c": 4, "B.c.d": 2}


def test_no_stage_of_the_analysis_or_the_scan_is_over_60_lines():
    assert STAGE_MODULES[-1].exists() and len(STAGE_MODULES) > 5
    long = {f"{p.relative_to(SRC)}:{name}": n for p in STAGE_MODULES
            for name, n in function_lengths(p.read_text(encoding="utf-8")).items() if n > MAX_STAGE_LINES}
    assert not long, long
