"""Loading of the package's data files (vocabularies live in ``data/``, not in code)."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

from .lang import load_file


def load_json(name: str) -> Any:
    """A shipped data file, parsed (shared: copy before changing it)."""
    return load_file(name)


@lru_cache(maxsize=None)
def t2s_table() -> dict[int, int]:
    text = resources.files("govextract").joinpath("data").joinpath("t2s.txt").read_text(encoding="utf-8")
    table: dict[int, int] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        trad, simp = line.split("\t")
        table.update({ord(a): ord(b) for a, b in zip(trad, simp) if a != b})
    return table
