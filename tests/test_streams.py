"""Inputs that can be read only once (a named pipe, ``<(cmd)``, ``/dev/stdin``), a web server
that drips, and a second writer waiting for the store."""
import os
import subprocess
import sys
import threading

import pytest

from .conftest import jsonl


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "kursk_claims", *args]


ARTICLE = "Ukraine said 1,200 soldiers were killed near Sudzha on Monday.\n"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
@pytest.mark.parametrize("content, figure", [(ARTICLE, 1200), ('{"id": "a1", "text": "Russia said 300 tanks were destroyed."}\n', 300),
                                             ("<html><body><article><p>" + ARTICLE * 3 + "</p></article></body></html>", 1200)])
def test_a_named_pipe_with_a_writer_is_read_once(in_tmp, content, figure):
    fifo = in_tmp / "pipe"
    os.mkfifo(fifo)

    def write():
        with open(fifo, "w", encoding="utf-8") as f:
            for i in range(0, len(content), 7):  # in pieces, as a slow writer would
                f.write(content[i:i + 7])
                f.flush()

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    r = subprocess.run(_cli("extract", str(fifo), "--no-store", "-f", "jsonl"), capture_output=True, text=True, timeout=60)
    writer.join(5)
    assert r.returncode == 0, r.stderr
    assert figure in [c["value"] for c in jsonl(r.stdout)]
    assert "empty" not in r.stderr


def test_dev_stdin_is_read_as_a_stream(in_tmp):
    for given in (ARTICLE, '{"id": "a1", "text": "Russia said 300 tanks were destroyed."}\n'):
        r = subprocess.run(_cli("extract", "/dev/stdin", "--no-store", "-f", "jsonl"), input=given, capture_output=True,
                           text=True, timeout=60)
        assert r.returncode == 0, r.stderr
        assert jsonl(r.stdout), r.stderr
        assert "empty" not in r.stderr


@pytest.mark.skipif(not os.path.exists("/bin/bash"), reason="needs bash for <(cmd)")
def test_process_substitution_is_read(in_tmp):
    script = f"{' '.join(_cli())} extract <(printf '%s' '{ARTICLE.strip()}') --no-store -f jsonl"
    r = subprocess.run(["/bin/bash", "-c", script], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert [c["value"] for c in jsonl(r.stdout)] == [1200]


def test_an_empty_pipe_says_nothing_was_written(in_tmp):
    r = subprocess.run(_cli("extract", "/dev/stdin", "--no-store"), input="", capture_output=True, text=True, timeout=60)
    assert r.returncode != 0
    assert "nothing was written" in r.stderr


@pytest.mark.parametrize("compress", [False, True])
def test_a_warc_archive_on_standard_input_is_read_as_a_stream(in_tmp, compress):
    from .test_web import build_warc

    build_warc(in_tmp / "crawl.warc", "https://pages.example", compress)
    with open(in_tmp / "crawl.warc", "rb") as f:
        r = subprocess.run(_cli("extract", "/dev/stdin", "--no-store", "-f", "jsonl"),
                           input=f.read(), capture_output=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert {c["article"] for c in jsonl(r.stdout.decode())} >= {"https://pages.example/gzipped"}


# --- a second writer ------------------------------------------------------------------------

def test_a_writer_waiting_for_the_store_says_so_then_goes_on(in_tmp):
    import sqlite3

    (in_tmp / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert subprocess.run(_cli("extract", "a.txt", "--db", "s.db"), capture_output=True, timeout=120).returncode == 0
    (in_tmp / "a.txt").write_text(ARTICLE.replace("1,200", "1,300"), encoding="utf-8")
    holder = sqlite3.connect(in_tmp / "s.db", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another run writing
    p = subprocess.Popen(_cli("extract", "a.txt", "--db", "s.db", "-f", "jsonl"), stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
    release = threading.Timer(90, lambda: p.kill())
    release.start()
    try:
        line = p.stderr.readline()
        assert line.startswith("waiting for the store s.db: another kursk-claims run is writing to it"), line
        assert p.poll() is None  # still waiting
        holder.execute("COMMIT")
        out, rest = p.communicate(timeout=60)
    finally:
        release.cancel()
        holder.close()
    assert p.returncode == 0, rest
    assert [c["value"] for c in jsonl(out)] == [1300]
    assert "waiting" not in rest  # said once
