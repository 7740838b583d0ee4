"""What the help says (exit statuses, placeholders, brackets) and what a narrow table keeps."""
import pytest

from kursk_claims.cli import app

from .conftest import SEEDS
from .test_hostile import invoke


# --- exit statuses ---------------------------------------------------------------------------

def test_conflicts_check_tells_an_error_from_conflicts_found(runner, in_tmp):
    claims = invoke(runner, ["extract", str(SEEDS), "-f", "jsonl", "--no-store"]).stdout
    (in_tmp / "claims.jsonl").write_text(claims)
    (in_tmp / "calm.jsonl").write_text("")
    (in_tmp / "bad.jsonl").write_text("not json\n")
    assert invoke(runner, ["conflicts", "claims.jsonl", "--check", "-f", "jsonl"]).exit_code == 1  # conflicts found
    assert invoke(runner, ["conflicts", "calm.jsonl", "--check", "-f", "jsonl"]).exit_code == 0  # none
    for args in (["bad.jsonl"], ["missing.jsonl"], [], ["--db", "nowhere.db"]):  # errors: 2, as diff and grep say them
        r = invoke(runner, ["conflicts", *args, "--check", "-f", "jsonl"])
        assert r.exit_code == 2 and "Error:" in r.stderr, (args, r.stderr)
    assert invoke(runner, ["conflicts", "bad.jsonl", "-f", "jsonl"]).exit_code == 1  # without --check, as before


@pytest.mark.parametrize("command", ["extract", "conflicts", "report", "show"])
def test_each_command_says_its_exit_statuses(runner, command):
    text = " ".join(invoke(runner, [command, "--help"], input=None).stdout.split())
    assert "Exit status: 0" in text and "2 a wrong option" in text
    if command == "conflicts":
        assert "With --check, as diff and grep do: 0 no conflict found, 1 conflicts found, 2 an error." in text
