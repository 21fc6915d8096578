import json
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
DOCS = sorted(p.stem for p in (FIXTURES / "corpus").glob("*.txt"))


def read_doc(name: str) -> str:
    return (FIXTURES / "corpus" / f"{name}.txt").read_text(encoding="utf-8")


def read_gold(name: str) -> dict:
    return json.loads((FIXTURES / "gold" / f"{name}.json").read_text(encoding="utf-8"))


_cache: dict = {}


def extracted(name: str):
    """The report of a fixture document (extracted once per test session)."""
    import govextract
    if name not in _cache:
        _cache[name] = govextract.extract(read_doc(name))
    return _cache[name]


@pytest.fixture(params=DOCS)
def doc_name(request):
    return request.param
