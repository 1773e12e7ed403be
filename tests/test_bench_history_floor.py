"""bench.history and bench.floor, run for real at a small size: what they time must be what
they say they time."""

from __future__ import annotations

import gc
import json
import sys
from pathlib import Path

import pytest
from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import FlowFilter, FlowFilterName
from sqlalchemy import func, select

from bench import floor, history
from bench.corpus import CorpusServer, make_corpus
from newswatch import models as m
from newswatch.store import open_store


def versions_in(database: Path) -> int:
    store = open_store(f"sqlite:///{database}")
    with store.reading() as s:
        count = int(s.scalar(select(func.count()).select_from(m.Version)) or 0)
    store.close()
    return count


def test_history_times_unchanged_checks_of_a_short_and_a_long_history(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(history, "CHECKS", 3)
    with CorpusServer(make_corpus(1)) as server:
        monkeypatch.setattr(sys, "argv", ["history", server.base, str(tmp_path)])
        assert history.main() == 0
    two, hundred = json.loads(capsys.readouterr().out)
    assert two > 0 and hundred > 0
    # the histories it compares are really 2 and 100 versions long (each check found the page
    # unchanged, or timed_checks would have stopped)
    assert versions_in(tmp_path / "history-2.db") == 2
    assert versions_in(tmp_path / "history-100.db") == 100


def test_floor_runs_one_flow_that_does_nothing(prefect_harness: None) -> None:
    def runs() -> list[str]:
        with get_client(sync_client=True) as client:
            found = client.read_flow_runs(
                flow_filter=FlowFilter(name=FlowFilterName(any_=["newswatch-bench-floor"]))
            )
        return [str(r.state_type) for r in found]

    before = runs()
    try:
        assert floor.main() == 0
    finally:
        gc.unfreeze()  # floor.main freezes what exists, as `newswatch run` does; not the suite's
    after = runs()
    assert len(after) == len(before) + 1 and after.count("StateType.COMPLETED") == len(after)
