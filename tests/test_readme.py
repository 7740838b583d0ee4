"""The README's examples are real: every ``$`` line of its ``console`` blocks is run, in order, in
a copy of ``seeds/``, ``docs/examples/`` (and the wars corpus's articles where a block reads them), and each line the README shows must be in what the command prints.

``...`` in a block stands for lines left out: then each shown line must be somewhere in the
output (records may gain keys and pairs may be found in another order without breaking the
README). A block without ``...`` must match the output exactly.
"""
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, SEEDS

README = ROOT / "README.md"


def console_examples(text: str) -> list[list[tuple[str, list[str]]]]:
    """Each console block as a list of (command, shown output lines)."""
    blocks = []
    for body in re.findall(r"```console\n(.*?)```", text, flags=re.S):
        steps: list[tuple[str, list[str]]] = []
        for line in body.splitlines():
            if line.startswith("$ "):
                steps.append((line[2:], []))
            elif steps:
                steps[-1][1].append(line)
        blocks.append(steps)
    return blocks


def test_readme_has_examples():
    blocks = console_examples(README.read_text(encoding="utf-8"))
    commands = [cmd for block in blocks for cmd, _ in block]
    assert any(c.startswith("kursk-claims extract") for c in commands)
    assert any(c.startswith("kursk-claims conflicts") for c in commands)


def test_shown_lines_compare_as_documented():
    assert _missing(["a", "b"], ["a", "b"]) == []
    assert _missing(["a", "b"], ["a", "b", "c"]) == ["(the output goes on: 1 more lines)"]
    assert _missing(["b", "..."], ["a", "b", "c"]) == []
    assert _missing(["d", "..."], ["a", "b", "c"]) == ["d"]


def _missing(shown: list[str], printed: list[str]) -> list[str]:
    shown = [s for s in shown if s.strip()]
    printed = [p for p in printed if p.strip()]
    if "..." in (s.strip() for s in shown):
        return [s for s in shown if s.strip() != "..." and s not in printed]
    if shown == printed:
        return []
    extra = len(printed) - len(shown)
    if extra > 0 and printed[:len(shown)] == shown:
        return [f"(the output goes on: {extra} more lines)"]
    return [s for s in shown if s not in printed] or ["(the lines differ in order or number)"]


@pytest.mark.parametrize("n", range(len(console_examples(README.read_text(encoding="utf-8")))))
def test_readme_example_prints_what_it_shows(n, tmp_path):
    steps = console_examples(README.read_text(encoding="utf-8"))[n]
    if any("jq " in cmd for cmd, _ in steps) and shutil.which("jq") is None:
        pytest.skip("jq is not installed (Debian: apt-get install jq)")
    shutil.copytree(SEEDS, tmp_path / "seeds")
    if (ROOT / "docs" / "examples").is_dir():  # the worked examples' articles
        shutil.copytree(ROOT / "docs" / "examples", tmp_path / "docs" / "examples")
    if any("eval/wars" in cmd for cmd, _ in steps):  # the example from the wars corpus
        shutil.copytree(ROOT / "eval" / "wars" / "articles", tmp_path / "eval" / "wars" / "articles")
    env = dict(os.environ, PATH=str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", ""),
               COLUMNS="80")
    env.pop("KURSK_CLAIMS_DB", None)
    for cmd, shown in steps:
        r = subprocess.run(["bash", "-o", "pipefail", "-c", cmd], cwd=tmp_path, env=env, capture_output=True,
                           text=True, timeout=120)
        assert r.returncode == 0, f"$ {cmd}\n{r.stderr[-500:]}"
        missing = _missing(shown, r.stdout.splitlines())
        assert not missing, f"README.md shows for `$ {cmd}` lines the command does not print:\n" + "\n".join(missing)
