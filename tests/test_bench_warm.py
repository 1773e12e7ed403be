"""bench.warm: what it reads from /proc, and its yardstick process (the stages without Prefect in
one long-lived process) running real cycles against the corpus server and SQLite."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bench import cycles, warm
from bench.corpus import CorpusServer, make_corpus
from newswatch import models as m
from newswatch.store import open_store

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")

ROOT = Path(__file__).resolve().parents[1]

# A parent that starts a child; the child takes about 64 MB and spends CPU, then both wait.
PARENT = """
import subprocess, sys
child = subprocess.Popen([sys.executable, "-c", sys.argv[1]], stdin=subprocess.PIPE)
print(child.pid, flush=True)
sys.stdin.readline()
child.communicate(b"")
"""
CHILD = """
import sys
held = bytearray(64 * 1024 * 1024)
total = sum(range(3_000_000))
print("busy", flush=True)
sys.stdin.readline()
"""


def test_a_process_tree_counts_its_children_s_cpu_and_their_peak_memory() -> None:
    parent = subprocess.Popen(
        [sys.executable, "-c", PARENT, CHILD],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert parent.stdout is not None and parent.stdin is not None
    try:
        tree = warm.ProcessTree(parent.pid)
        with warm.Measured(tree) as measured:
            child = int(parent.stdout.readline())
            assert parent.stdout.readline().strip() == "busy"  # the child's own stdout is ours
        assert set(tree.pids()) == {parent.pid, child}
        wall, cpu, peak = measured.figures()
        assert cpu > 0.02 and wall >= cpu / 2  # two processes may share two cores
        assert peak >= 64
    finally:
        parent.stdin.write("\n")
        parent.stdin.close()
        parent.wait(timeout=30)


def test_the_yardstick_process_runs_cycles_on_its_warm_stages(tmp_path: Path) -> None:
    """``WarmDirect`` (``bench.direct --serve``): each sources file written to it is a whole
    cycle, first capture, nothing changed, an edit, in the same process."""
    database = f"sqlite:///{tmp_path / 'direct.db'}"
    with CorpusServer(make_corpus(6)) as server:
        sources = tmp_path / "sources.toml"
        cycles.write_sources(sources, server.base, 6)
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "src")]),
            "NEWSWATCH_DATABASE_URL": database,
            "NEWSWATCH_HOME": str(tmp_path / "home"),
            "NEWSWATCH_ALLOW_HOSTS": "127.0.0.1",
            "NEWSWATCH_HOST_DELAY": "0",
            "NEWSWATCH_EXTRACT_WORKERS": "0",
            "NEWSWATCH_SMTP_PORT": "1",
        }
        direct = warm.WarmDirect(env)
        try:
            first = direct.cycle(sources)
            direct.cycle(sources)
            (edited,) = server.edit(0.1)
            direct.cycle(sources)
        finally:
            direct.close()
    assert direct.process.returncode == 0
    wall, cpu, peak = first
    assert wall > 0 and cpu > 0 and peak > 0
    store = open_store(database)
    with store.reading() as session:
        assert session.scalar(select(func.count()).select_from(m.Version)) == 7
        changed = session.scalars(select(m.Change)).all()
        assert [c.article.url for c in changed] == [server.url(edited)]
    store.close()
