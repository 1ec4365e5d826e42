"""Static checks run with the suite: ruff's lint rules and bandit's medium and high findings.

Each finding bandit is told to accept carries a ``# nosec`` with the reason beside it."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def _run(*command):
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)


def test_ruff_finds_nothing():
    result = _run(str(BIN / "ruff"), "check", "--output-format", "concise", "portfolio", "tests")
    assert result.returncode == 0, result.stdout + result.stderr


def test_bandit_finds_nothing_of_medium_or_high_severity():
    result = _run(str(BIN / "bandit"), "--quiet", "--recursive", "--severity-level", "medium", "portfolio")
    assert result.returncode == 0, result.stdout + result.stderr
