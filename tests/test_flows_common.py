"""What every flow run's process shares: start-up cost and the garbage collector's freeze."""

import gc
import json
import subprocess
import sys
from pathlib import Path

from flows.common import freeze_imports, settings_now

REPO = Path(__file__).resolve().parents[1]


def test_the_imports_are_frozen_once_per_process() -> None:
    freeze_imports()
    frozen = gc.get_freeze_count()
    assert frozen > 0
    garbage_later = [[] for _ in range(1000)]
    freeze_imports()  # a second flow run in the same process freezes nothing more
    assert gc.get_freeze_count() == frozen
    del garbage_later


def test_a_run_with_nothing_changed_loads_no_comparison_or_extraction_library() -> None:
    """Start-up is most of a small run's cost: what only a change, a new page or a migration
    needs is loaded when that happens, not by `newswatch run` itself."""
    heavy = ["alembic", "trafilatura", "bs4", "feedparser", "rapidfuzz", "syntok", "jinja2"]
    probe = (
        "import json, sys\n"
        "import newswatch.cli, flows.monitor, newswatch.pipeline\n"
        f"print(json.dumps([name for name in {heavy!r} if name in sys.modules]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []


def test_settings_are_read_again_only_when_the_environment_changed(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("NEWSWATCH_BATCH_SIZE", "17")
    first = settings_now()
    assert first.batch_size == 17 and settings_now() is first
    monkeypatch.setenv("NEWSWATCH_BATCH_SIZE", "18")
    assert settings_now().batch_size == 18
    monkeypatch.setenv("newswatch_fetch_workers", "3")  # the prefix is read in any case
    assert settings_now().fetch_workers == 3
