"""Every check code the library can emit is documented in docs/checks.md, and the reverse."""
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent
_EMIT = re.compile(r"""(?:Check\(|_check\(doc,\s*)\s*(?:code=)?["']([a-z_]+)["']""")


def _emitted() -> set[str]:
    codes: set[str] = set()
    for p in (ROOT / "src" / "govextract").rglob("*.py"):
        codes.update(_EMIT.findall(p.read_text(encoding="utf-8")))
    return codes


def _documented() -> set[str]:
    page = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")
    heads = re.findall(r"^###? `?([a-z_, `]+?)`?$", page, flags=re.M)
    return {c.strip(" `") for h in heads for c in h.split(",")}


def test_every_emitted_code_is_documented():
    missing = _emitted() - _documented()
    assert not missing, f"codes emitted but not documented in docs/checks.md: {sorted(missing)}"


def test_every_documented_code_is_emitted():
    assert _emitted(), "the pattern found no code: it no longer matches how checks are made"
    stale = _documented() - _emitted()
    assert not stale, f"documented but never emitted: {sorted(stale)}"
