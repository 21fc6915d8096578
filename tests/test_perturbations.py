"""Checks point at what an alteration makes the library lose (issue 11).

Every development report (``fixtures/corpus``, ``fixtures/provinces2025``) is altered in the
ways ``tests/perturb.py`` lists — the forms other reports use. Among the alterations that change
what the library extracts, at least 90% must be followed by a new check; and at most 10% of the
unaltered reports may carry an ``error`` check.
"""
import pathlib

import pytest

import perturb

FIXTURES = pathlib.Path(__file__).resolve().parent.parent / "fixtures"


@pytest.fixture(scope="module")
def measured():
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted((FIXTURES / "corpus").glob("*.txt"))}
    texts.update({p.stem: p.read_text(encoding="utf-8")
                  for p in sorted((FIXTURES / "provinces2025" / "docs").glob("*.txt"))})
    return perturb.measure(texts)


def test_every_report_is_altered_at_least_ten_ways(measured):
    assert measured["reports"] == 39
    assert min(measured["per_report"].values()) >= 10


def test_alterations_that_change_the_output_are_caught(measured):
    assert measured["changed"] >= 50, "the alterations must exercise the library"
    assert measured["caught_share"] >= 0.90, measured["missed"]


def test_clean_reports_rarely_need_review(measured):
    assert measured["clean_error_share"] <= 0.10, measured["clean_with_error"]


def test_each_alteration_finds_its_place_somewhere():
    texts = [p.read_text(encoding="utf-8") for p in sorted((FIXTURES / "provinces2025" / "docs").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((FIXTURES / "corpus").glob("*.txt"))]
    for name, alter in perturb.ALTERATIONS.items():
        assert any(alter(t) not in (None, t) for t in texts), name
