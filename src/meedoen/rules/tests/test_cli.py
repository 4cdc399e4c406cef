"""CLI exit codes and output."""

import json

from meedoen.rules.cli import main

SITUATION = {"period": "2026-01", "applicant": {"birth_date": "1990-05-01"}}
HEADER = "period,applicant_birth_date,applicant_income_work,assets"


def test_calculate_prints_json_and_exits_0(tmp_path, capsys):
    path = tmp_path / "s.json"
    path.write_text(json.dumps(SITUATION))
    assert main(["calculate", str(path)]) == 0
    assert json.loads(capsys.readouterr().out)["benefit"] == "1401.50"


def test_calculate_reads_stdin(monkeypatch, capsys):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(SITUATION)))
    assert main(["calculate", "-", "--lang", "en"]) == 0
    assert json.loads(capsys.readouterr().out)["norm"] == "1401.50"


def test_invalid_situation_exits_2_with_message(tmp_path, capsys):
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"period": "2026-01", "applicant": {}}))
    assert main(["calculate", str(path)]) == 2
    assert "applicant.birth_date" in capsys.readouterr().err


def test_bad_json_and_unknown_reform_exit_2(tmp_path):
    path = tmp_path / "s.json"
    path.write_text("{nope")
    assert main(["calculate", str(path)]) == 2
    path.write_text(json.dumps(SITUATION))
    assert main(["calculate", str(path), "--reform", "onbekend"]) == 2


def test_missing_parameter_exits_3(tmp_path, capsys):
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"period": "2025-07", "applicant": {"birth_date": "2006-01-01"}}))
    assert main(["calculate", str(path)]) == 3
    assert "normen.art20.alleenstaande_18_20" in capsys.readouterr().err


def test_batch_exit_0_when_all_rows_valid_and_1_otherwise(tmp_path, capsys):
    good = tmp_path / "good.csv"
    good.write_text(f"{HEADER}\n2026-01,1990-05-01,800.00,0\n")
    assert main(["calculate-batch", str(good), str(tmp_path / "out.csv"), "--no-progress"]) == 0
    out = (tmp_path / "out.csv").read_text()
    assert "801.50" in out  # 1,401.50 - (800 - 25%)
    bad = tmp_path / "bad.csv"
    bad.write_text(f"{HEADER}\n2026-01,1990-05-01,800.00,0\n2026-01,,1.999,0\n")
    assert main(["calculate-batch", str(bad), str(tmp_path / "out.parquet"), "--no-progress"]) == 1
    assert "rij 2" in capsys.readouterr().err


def test_batch_unknown_column_exits_2(tmp_path):
    path = tmp_path / "in.csv"
    path.write_text("period,applicant_birth_date,shoe_size\n2026-01,1990-05-01,44\n")
    assert main(["calculate-batch", str(path), str(tmp_path / "o.csv"), "--no-progress"]) == 2
