"""The scorecard printer of `make reliability`: "–" for what was not measured, failure on a nonzero must-be-0."""

import json

from tests.reliability import report


def write(folder, name, figures):
    (folder / name).write_text(json.dumps(figures))


def row(output, name):
    return next(line for line in output.splitlines() if line.startswith(name + " ") or line == name).split()


def test_figures_not_measured_print_a_dash(tmp_path, capsys):
    write(tmp_path, "scorecard-sqlite.json", {"forms": 40, "server errors": 0})
    write(tmp_path, "scanners.json", {"sqlmap findings": 0})

    assert report.main([str(tmp_path)]) == 0
    output = capsys.readouterr().out
    assert row(output, "forms")[-2:] == ["40", "–"]  # PostgreSQL's card is missing
    assert row(output, "kill -9 trials")[-2:] == ["–", "–"]
    assert row(output, "wapiti findings")[-1] == "–"
    assert row(output, "sqlmap findings")[-1] == "0"


def test_a_nonzero_must_be_zero_figure_fails(tmp_path, capsys):
    write(tmp_path, "scorecard-sqlite.json", {"lost updates": 0})
    write(tmp_path, "scorecard-postgresql.json", {"lost updates": 2, "concurrent conflicting updates": 30})

    assert report.main([str(tmp_path)]) == 1
    output = capsys.readouterr().out
    assert row(output, "lost updates")[-2:] == ["0", "2"]
    assert "lost updates (PostgreSQL): 2" in output


def test_a_scanner_finding_fails(tmp_path, capsys):
    write(tmp_path, "scanners.json", {"sqlmap findings": 0, "wapiti findings": 1})

    assert report.main([str(tmp_path)]) == 1
    assert "wapiti findings: 1" in capsys.readouterr().out


def test_a_figure_outside_the_card_is_printed_but_not_judged(tmp_path, capsys):
    write(tmp_path, "scorecard-sqlite.json", {"login timing cases": 3})

    assert report.main([str(tmp_path)]) == 0
    assert row(capsys.readouterr().out, "login timing cases")[-2:] == ["3", "–"]
