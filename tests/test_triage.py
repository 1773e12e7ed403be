"""Reviewers' verdicts and the ignore rules they leave: in code, on the CLI and in the UI flow."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from newswatch import models as m
from newswatch import pipeline
from newswatch.cli import app
from newswatch.demo.mailsink import MailSink
from newswatch.edits import Claim
from newswatch.settings import Settings
from newswatch.sources import load_watchlist
from newswatch.store import open_store, sync_watchlist
from newswatch.triage import apply_ignore_rules, sentence_pattern
from tests.conftest import DemoChange, write_sources
from tests.httpserver import LocalServer, Reply

PAGE = """<html><head><title>Lighthouse to be restored</title></head><body><article>
<h1>Lighthouse to be restored</h1>
<p>The council approved a plan to restore the old lighthouse on the north pier next spring.</p>
<p>Work will cost 2.4 million euros and take about eight months, the harbour engineer said.</p>
<p>There are {readers} readers looking at this story right now.</p>
</article></body></html>"""


def test_patterns_match_the_sentence_with_any_figures() -> None:
    pattern = sentence_pattern("There are 1,204 readers looking at this story right now.")
    claims = [
        Claim(
            "number",
            "high",
            "There are 1,204 readers looking at this story right now.",
            "There are 877 readers looking at this story  right now.",
            "1,204",
            "877",
        ),
        Claim(
            "number", "high", "Work will cost 2.4 million euros.", "Work will cost 3 million euros."
        ),
    ]
    kept = apply_ignore_rules(claims, [pattern])
    assert kept[0].severity == "cosmetic" and kept[0].detail["ignored"] is True
    assert kept[1].severity == "high"


def test_a_dismissal_with_ignore_silences_that_noise_later(
    env: dict[str, str], tmp_path: Path, mail_sink: MailSink
) -> None:
    from newswatch.alerts import deliver_pending

    readers = {"n": "1,204"}
    with LocalServer() as server:
        server.route(
            "/story",
            lambda _s: Reply(
                200, PAGE.format(readers=readers["n"]).encode(), {"Content-Type": "text/html"}
            ),
        )
        settings = Settings()
        watchlist = load_watchlist(write_sources(tmp_path / "s.toml", server.url("/story")))
        store = open_store(settings.resolved_database_url)
        with store.transaction() as session:
            ids = sync_watchlist(session, watchlist)
        pipeline.check_batch(store, ids, watchlist, settings, "c1")
        readers["n"] = "877"
        (noisy,) = pipeline.check_batch(store, ids, watchlist, settings, "c2")
        assert noisy.outcome == "changed" and noisy.severity == "high" and noisy.alerts == 1
        result = CliRunner().invoke(
            app,
            [
                "review",
                str(noisy.change_id),
                "dismiss",
                "--ignore",
                "--note",
                "a live reader counter",
            ],
        )
        assert result.exit_code == 0 and "1 ignore rule(s) added" in result.stdout
        readers["n"] = "2,310"
        (quiet,) = pipeline.check_batch(store, ids, watchlist, settings, "c3")
        assert quiet.outcome == "changed" and quiet.severity == "cosmetic" and quiet.alerts == 0
        deliver_pending(store, settings)
        assert len(mail_sink.delivered) == 1  # only the alert from before the dismissal
        changes = json.loads(CliRunner().invoke(app, ["changes", "--json"]).stdout)
        assert [c["verdict"] for c in changes] == ["dismissed", None]
        assert changes[0]["verdict_note"] == "a live reader counter"
        human = CliRunner().invoke(app, ["changes"]).stdout
        assert "dismissed (a live reader counter)" in human
        store.close()


def test_unknown_change_is_a_clear_error(env: dict[str, str]) -> None:
    result = CliRunner().invoke(app, ["review", "999", "confirm"])
    assert result.exit_code == 1 and "no change 999" in result.stderr


@pytest.mark.orchestration
def test_the_triage_flow_waits_for_a_reviewer_in_the_ui(
    prefect_harness: None, demo_change: DemoChange
) -> None:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import (
        FlowRunFilter,
        FlowRunFilterState,
        FlowRunFilterStateType,
    )
    from prefect.client.schemas.objects import StateType
    from prefect.flow_runs import resume_flow_run

    from flows.review import triage

    store, _settings, _w, outcome = demo_change
    results: list[object] = []
    runner = threading.Thread(target=lambda: results.append(triage(limit=5, timeout_seconds=60)))
    runner.start()
    paused = None
    deadline = time.monotonic() + 45
    while paused is None and time.monotonic() < deadline:
        time.sleep(0.5)
        with get_client(sync_client=True) as client:
            runs = client.read_flow_runs(
                flow_run_filter=FlowRunFilter(
                    state=FlowRunFilterState(type=FlowRunFilterStateType(any_=[StateType.PAUSED]))
                )
            )
        paused = next((r for r in runs if r.name and r.flow_id), None)
    assert paused is not None, "the triage run never paused for input"
    resume_flow_run(
        paused.id,
        run_input={
            "verdict": "confirm",
            "ignore_in_future": False,
            "note": "checked against the minister's statement",
        },
    )
    runner.join(timeout=60)
    assert results and results[0] == [
        {
            "change_id": outcome.change_id,
            "verdict": "confirmed",
            "ignore_rules": 0,
            "note": "checked against the minister's statement",
        }
    ]
    with store.reading() as session:
        change = session.get_one(m.Change, outcome.change_id)
        assert change.verdict == "confirmed" and change.reviewed_at is not None
        assert session.scalars(select(m.IgnoreRule)).all() == []
