"""The corpus view of the checks: check_many, summarize_checks and `govextract check`."""
import json
import pathlib

import govextract
from govextract import cli

FIXTURES = pathlib.Path(__file__).resolve().parent.parent / "fixtures"
BROKEN_LIST = ("2022年江城市政府工作报告\n——2022年1月9日在江城市第七届人民代表大会第三次会议上\n市长 林志强\n各位代表:\n"
               "一、2021年工作回顾\n全年地区生产总值增长6%。\n二、2022年工作安排\n"
               "今年全市发展的年度工作指向是:地区生产总值增长6%左右,固定资产投资增长8%,一般公共预算收入增长5%。\n")


def test_check_many_gives_one_row_per_report(tmp_path):
    (tmp_path / "a.txt").write_text(BROKEN_LIST, encoding="utf-8")
    (tmp_path / "b.txt").write_text((FIXTURES / "corpus" / "2022-qinghai.txt").read_text("utf-8"), encoding="utf-8")
    rows = govextract.check_many([tmp_path])
    assert [pathlib.Path(r.source).name for r in rows] == ["a.txt", "b.txt"]
    a, b = rows
    assert a.needs_review and "target_list_missing" in a.codes and a.targets == 0
    assert not b.needs_review and b.targets == 8 and b.speaker == "信长星"
    s = govextract.summarize_checks(rows)
    assert (s.reports, s.needing_review, s.failed) == (2, 1, 0)
    assert s.reports_per_code["target_list_missing"] == 1 and s.severity["target_list_missing"] == "error"


def test_a_missing_file_is_a_row_not_a_crash(tmp_path):
    rows = govextract.check_many([tmp_path / "missing.txt"])
    assert rows[0].error and rows[0].needs_review


def test_the_command_prints_a_line_per_report_and_the_summary(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(BROKEN_LIST, encoding="utf-8")
    assert cli.main(["check", str(tmp_path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("REVIEW") and "target_list_missing!" in out[0]
    assert out[1] == "1 reports, 1 need review (100.0%), 0 could not be read"
    assert any(line.split()[:2] == ["target_list_missing", "error"] for line in out[2:])


def test_the_command_writes_json_lines(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(BROKEN_LIST, encoding="utf-8")
    cli.main(["check", str(tmp_path), "--json"])
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert lines[0]["needs_review"] is True and lines[0]["checks"][0]["code"]
    assert lines[-1]["summary"]["needing_review"] == 1
    c = lines[0]["checks"][0]
    assert BROKEN_LIST[c["start"]:c["end"]]      # the span is text of the report
