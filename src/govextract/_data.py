"""Loading of the package's data files (vocabularies live in ``data/``, not in code)."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


def _read(name: str) -> str:
    return resources.files("govextract").joinpath("data", name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def load_json(name: str) -> Any:
    return json.loads(_read(name))


@lru_cache(maxsize=None)
def t2s_table() -> dict[int, int]:
    table: dict[int, int] = {}
    for line in _read("t2s.txt").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        trad, simp = line.split("\t")
        table.update({ord(a): ord(b) for a, b in zip(trad, simp) if a != b})
    return table


def lexicon() -> dict[str, Any]:
    return load_json("lexicon.json")
