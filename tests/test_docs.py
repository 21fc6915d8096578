"""The documentation's examples are doctests: docs/ shows what the code does today."""
import doctest
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
PAGES = sorted((ROOT / "docs").glob("*.md"))


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_doc_examples(page, monkeypatch):
    monkeypatch.chdir(ROOT)      # examples open fixtures/ relative to the project root
    failures, _tried = doctest.testfile(str(page), module_relative=False, report=True,
                                        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert failures == 0, f"{failures} example(s) in {page.name} no longer match the code"
