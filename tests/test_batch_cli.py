"""extract_many and the command line: order, error records, formats, resume, closed pipes, exit codes."""
import csv
import io
import json
import pathlib
import shutil
import subprocess
import sys

import pytest

import govextract
from govextract.cli import EXIT_CODES, main
from conftest import FIXTURES, ROOT

CORPUS = FIXTURES / "corpus"
EXE = [sys.executable, "-m", "govextract.cli"]


@pytest.fixture()
def folder(tmp_path):
    """Three real reports and two bad files in a folder."""
    d = tmp_path / "docs"
    d.mkdir()
    for name in ("2022-xianyang", "2022-jizhou", "2020-huangshigang"):
        shutil.copy(CORPUS / f"{name}.txt", d / f"{name}.txt")
    (d / "broken.txt").write_bytes(b"%PDF-1.7 not text")
    (d / "gbk.txt").write_bytes("今年主要预期目标是:地区生产总值增长6%左右。".encode("gb18030"))
    (d / "ignored.pdf").write_bytes(b"%PDF")
    return d


def test_extract_many_in_order_with_errors(folder):
    results = list(govextract.extract_many(folder))
    assert [pathlib.Path(r.source).name for r in results] == \
        ["2020-huangshigang.txt", "2022-jizhou.txt", "2022-xianyang.txt", "broken.txt", "gbk.txt"]
    bad = results[3]
    assert bad.report is None and bad.error.startswith("BinaryInputError:") and not bad.ok
    assert results[2].report == govextract.extract((folder / "2022-xianyang.txt").read_text(encoding="utf-8"))
    assert results[4].report.targets[0].value == 6.0          # GB18030 bytes decoded


def test_parallel_equals_serial(folder):
    serial = list(govextract.extract_many(sorted(folder.iterdir())))
    parallel = list(govextract.extract_many(sorted(folder.iterdir()), n_process=2))
    assert [(r.source, r.error, r.report) for r in serial] == [(r.source, r.error, r.report) for r in parallel]


def test_texts_pairs_and_missing_files(tmp_path):
    results = list(govextract.extract_many([("mine", "地区生产总值增长7%左右。"), b"\x81\x30",
                                            tmp_path / "nope.txt"]))
    assert results[0].source == "mine" and results[1].source == "<1>"
    assert results[1].error.startswith("DecodingError:")
    assert results[2].error.startswith("FileNotFoundError:")


def test_all_reports_and_warnings():
    both = (CORPUS / "2022-qinghai.txt").read_text(encoding="utf-8") + "\n" + \
        (CORPUS / "2022-xianyang.txt").read_text(encoding="utf-8")
    first = list(govextract.extract_many([both]))
    assert len(first) == 1 and "2 reports" in first[0].warnings[0]
    every = list(govextract.extract_many([both], all_reports=True))
    assert [(r.index, r.report.meta.region) for r in every] == [(0, "青海省"), (1, "咸阳市")]


def run_cli(*args, **kw):
    return subprocess.run(EXE + list(args), capture_output=True, text=True, cwd=ROOT, timeout=300, **kw)


def test_cli_jsonl_folder_records_failures(folder, tmp_path):
    p = run_cli("extract", str(folder), "--jobs", "2")
    assert p.returncode == 1, p.stderr                      # some documents failed
    recs = [json.loads(line) for line in p.stdout.splitlines()]
    assert len(recs) == 5
    assert recs[3] == {"source": str(folder / "broken.txt"),
                       "error": "BinaryInputError: the input is a binary file (PDF, image, archive or Office file), not text"}
    assert recs[2]["report"]["meta"]["region_code"] == "610400"
    assert govextract.Report.from_dict(recs[2]["report"]) == \
        govextract.extract((folder / "2022-xianyang.txt").read_bytes())
    assert "Traceback" not in p.stderr


def test_cli_layer_json_array_and_csv(folder, tmp_path):
    p = run_cli("extract", str(folder / "2022-xianyang.txt"), "--format", "json", "--layer", "targets")
    rows = json.loads(p.stdout)
    report = govextract.extract((folder / "2022-xianyang.txt").read_bytes())
    assert p.returncode == 0 and len(rows) == len(report.targets)
    assert rows[0]["region"] == "咸阳市" and rows[0]["evidence"] == report.targets[0].evidence
    out = tmp_path / "t.csv"
    p = run_cli("extract", str(folder), "--out", str(out))      # format from the suffix, layer targets
    assert p.returncode == 1
    table = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert {r["source"] for r in table if r["error"]} == {str(folder / "broken.txt")}
    xian = [r for r in table if r["source"].endswith("xianyang.txt")]
    assert [r["evidence"] for r in xian] == [t.evidence for t in report.targets]


def test_cli_resumes_after_an_interrupted_run(folder, tmp_path):
    out = tmp_path / "x.jsonl"
    assert run_cli("extract", str(folder), "--out", str(out)).returncode == 1
    full = out.read_text(encoding="utf-8").splitlines()
    # a run killed while writing its third record: two whole lines and a torn one
    out.write_text("\n".join(full[:2]) + "\n" + full[2][:50], encoding="utf-8")
    p = run_cli("extract", str(folder), "--out", str(out))
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(x)["source"] for x in lines] == [json.loads(x)["source"] for x in full]
    assert lines == full and p.returncode == 1
    # nothing left to do: nothing written, no failure in this run
    p = run_cli("extract", str(folder), "--out", str(out))
    assert p.returncode == 0 and out.read_text(encoding="utf-8").splitlines() == full


def test_cli_quiet_on_a_closed_pipe(folder):
    cmd = " ".join(EXE) + f" extract {folder} {folder} {folder} --format table | head -n 2"
    p = subprocess.run(["bash", "-o", "pipefail", "-c", cmd], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert p.stdout.count("\n") == 2 and p.stderr == "" and p.returncode == 0


def test_cli_summary_form_and_stdin():
    p = run_cli("fixtures/corpus/2022-xianyang.txt")
    assert p.returncode == 0 and p.stdout.startswith("== fixtures/corpus/2022-xianyang.txt\n咸阳市 (city)")
    assert "targets:" in p.stdout and "actuals:" in p.stdout and "7%左右" in p.stdout
    p = run_cli("extract", "-", "--format", "table", input=(CORPUS / "2022-jizhou.txt").read_text(encoding="utf-8"))
    assert p.returncode == 0 and p.stdout.startswith("== -\n蓟州区 (district)")
    p = run_cli("fixtures/corpus/missing.txt")
    assert p.returncode == 2 and "FileNotFoundError" in p.stderr and "Traceback" not in p.stderr


def test_cli_help_has_examples_and_exit_codes():
    for args in (["--help"], ["extract", "--help"], ["view", "--help"], ["schema", "--help"]):
        p = run_cli(*args)
        assert p.returncode == 0 and "example" in p.stdout, args
    assert all(str(code) in run_cli("extract", "--help").stdout for code in EXIT_CODES)


def test_cli_usage_errors():
    assert run_cli("extract", "--jobs").returncode == 2
    assert run_cli("extract", "x", "--format", "xml").returncode == 2
    assert run_cli().returncode == 2                          # no command


def test_cli_view_writes_a_page(tmp_path):
    page = tmp_path / "p.html"
    assert main(["view", "fixtures/corpus/2022-xianyang.txt", "-o", str(page)]) == 0
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and 'data-label="TARGET:gdp"' in html


def test_cli_schema_matches_docs():
    p = run_cli("schema")
    assert json.loads(p.stdout) == json.loads((ROOT / "docs" / "schema.json").read_text(encoding="utf-8"))


def test_progress_bar(folder, capsys):
    list(govextract.extract_many(folder, progress=True))
    err = capsys.readouterr().err
    assert "5/5" in err and "100%" in err                    # tqdm's bar on standard error
    list(govextract.extract_many(folder))                     # not a terminal: no bar
    assert capsys.readouterr().err == ""
    p = run_cli("extract", str(folder), "--progress", "--out", str(folder.parent / "o.jsonl"))
    assert "5/5" in p.stderr and p.returncode == 1
