"""The HTML view, loaded in a real headless Chromium (Debian's package; scripts/ci-setup.sh installs it)."""
import html as htmlmod
import re
import shutil
import subprocess

import pytest

import govextract
from conftest import read_doc

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def dump_dom(page, tmp_path):
    """The DOM after the page's script ran, as Chromium serialises it."""
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    profile = tmp_path / "profile"
    p = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run",
                        f"--user-data-dir={profile}", "--dump-dom", path.as_uri()],
                       capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr[-2000:]
    return p.stdout


@pytest.fixture(scope="module")
def xianyang():
    text = read_doc("2022-xianyang")
    return text, govextract.extract(text)


def test_page_in_chromium_has_tables_and_highlights(xianyang, tmp_path):
    text, report = xianyang
    dom = dump_dom(govextract.render_html(report), tmp_path)
    assert 'data-govextract="ready"' in dom                      # the page's script ran
    targets = re.search(r'<table class="gx-targets">.*?</table>', dom, re.S).group(0)
    assert targets.count("<tr>") == len(report.targets) + 1     # header + one row per target
    outcomes = re.search(r'<table class="gx-outcomes">.*?</table>', dom, re.S).group(0)
    assert outcomes.count("<tr>") == len(report.actuals) + 1
    assert "610400" in dom and "陕西省" in dom
    marks = re.findall(r'<mark class="gx-(\w+)" data-kind="\w+" data-label="([^"]+)" id="([^"]+)">([^<]*)</mark>', dom)
    by_id = {m[2]: m for m in marks}
    for i, t in enumerate(report.targets):                      # every target is highlighted with its label
        kind, label, _id, shown = by_id[f"gx-t{i}"]
        assert (kind, shown) == ("target", htmlmod.escape(t.evidence, quote=False))
        assert label == "TARGET" + (f":{t.indicator}" if t.indicator else "")
    assert sum(m[0] == "outcome" for m in marks) == len(report.actuals)
    counts = re.search(r'<span class="gx-counts">([^<]*)</span>', dom).group(1)
    assert counts == f"outcome: {len(report.actuals)}, quantity: {sum(m[0] == 'quantity' for m in marks)}, " \
                     f"target: {len(report.targets)}"                 # filled in by the script


def test_text_between_marks_is_the_source(xianyang):
    text, report = xianyang
    body = re.search(r'<div class="gx-text">(.*?)</div>', govextract.render_html(report), re.S).group(1)
    assert htmlmod.unescape(re.sub(r"</?mark[^>]*>", "", body)) == text


def test_repr_html_and_reports_loaded_from_json(xianyang):
    text, report = xianyang
    frag = report._repr_html_()
    assert frag.startswith("<style>") and 'data-label="OUTCOME:gdp"' in frag and "<html" not in frag
    loaded = govextract.Report.from_json(report.to_json())
    assert "not kept" in loaded._repr_html_() and "<mark" not in loaded._repr_html_()
    assert 'data-label="TARGET:gdp"' in govextract.render_html(loaded, text)


def test_checks_table(xianyang):
    _, report = xianyang
    r = govextract.Report.from_dict(report.to_dict())
    r.checks.append(govextract.Check("no_targets", "error", "no <target> list", 0, 0))
    page = govextract.render_html(r)
    assert '<span class="sev-error">error</span>' in page and "no &lt;target&gt; list" in page
