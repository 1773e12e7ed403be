"""The warm runner of flows/runner.py: due runs of a deployment are claimed and run in this
process, against the session's test server."""

import json
import os
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from prefect import Flow, flow
from prefect.client.orchestration import get_client
from prefect.client.schemas.objects import StateType
from prefect.deployments.runner import RunnerDeployment
from prefect.settings import PREFECT_API_URL
from prefect.states import Cancelling
from sqlalchemy import func, select
from typer.testing import CliRunner

from flows.monitor import monitor
from flows.runner import WarmRunner
from flows.serve import deployments
from newswatch import models as m
from newswatch.cli import app
from newswatch.demo.site import DemoSite
from newswatch.store import open_store
from tests.conftest import write_sources
from tests.httpserver import LocalServer, Reply, Seen

pytestmark = pytest.mark.orchestration

seen: list[tuple[int, Any]] = []


@flow(name="newswatch-runner-test")
def remember(value: int = 0) -> int:
    seen.append((os.getpid(), value))
    if value < 0:
        raise ValueError("a negative value fails the run")
    return value


def deployed(served: Flow[..., Any], name: str) -> tuple[Flow[..., Any], RunnerDeployment]:
    deployment = served.to_deployment(name=name)
    assert isinstance(deployment, RunnerDeployment)  # called synchronously: not a coroutine
    return served, deployment


def test_due_runs_run_in_this_process_and_a_failure_does_not_stop_the_runner(
    prefect_harness: None,
) -> None:
    seen.clear()
    runner = WarmRunner([deployed(remember, "warm-test")], poll_seconds=0.1)
    (served,) = runner.register()
    with get_client(sync_client=True) as client:
        failing = client.create_flow_run_from_deployment(
            served.deployment_id, parameters={"value": -1}
        )
        assert runner.poll(client) == [failing.id]
        runner.wait()
        passing = client.create_flow_run_from_deployment(
            served.deployment_id, parameters={"value": 7}
        )
        assert runner.poll(client) == [passing.id]
        runner.wait()
        assert runner.poll(client) == []  # nothing is due any more
        states = [client.read_flow_run(r.id).state for r in (failing, passing)]
    assert [s.type.value if s else None for s in states] == ["FAILED", "COMPLETED"]
    assert seen == [(os.getpid(), -1), (os.getpid(), 7)]
    assert runner.finished == 2


def test_newswatch_run_served_runs_a_cycle_in_the_warm_runner(
    prefect_harness: None,
    env: dict[str, str],
    demo_site: DemoSite,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The whole path of `newswatch run --served`: the CLI asks the server for a run of the
    monitoring deployment, the warm runner (as `make serve` starts it) takes it and runs it
    here, and the CLI reports what the run captured."""
    for name in ("MONITOR_EVERY", "DELIVER_EVERY", "TRIAGE_EVERY", "MAINTENANCE_CRON"):
        monkeypatch.setenv(f"NEWSWATCH_{name}", "off")
    monkeypatch.setenv("PREFECT_API_URL", str(PREFECT_API_URL.value()))
    sources = write_sources(tmp_path / "sources.toml", demo_site.article_url)
    runner = WarmRunner(deployments(), poll_seconds=0.2)
    runner.register()
    stop, ready = threading.Event(), threading.Event()
    serving = threading.Thread(target=runner.run_until, args=(stop, ready.set))
    serving.start()
    try:
        assert ready.wait(60), "the server never showed the deployments as ready"
        result = CliRunner().invoke(app, ["run", "--served", "--sources", str(sources), "--json"])
    finally:
        stop.set()
        serving.join(60)
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["state"] == "COMPLETED" and report["captures"] == {"new-version": 1}
    assert runner.finished == 1
    with open_store(env["NEWSWATCH_DATABASE_URL"]).reading() as session:
        (article,) = session.scalars(select(m.Article)).all()
        assert article.url == demo_site.article_url and article.current_version_id is not None


def test_a_run_cancelled_while_it_runs_stops_after_its_batches_and_frees_its_articles(
    prefect_harness: None, env: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A thread cannot be killed as Prefect kills a run's process: the runner sees the run
    Cancelling, the flow starts no further batch, gives its unchecked articles back at once
    (not when their claim expires, an hour later) and ends Cancelled."""
    monkeypatch.setenv("NEWSWATCH_BATCH_SIZE", "1")
    monkeypatch.setenv("NEWSWATCH_ARTIFACTS", "false")
    page = DemoSite().render().encode()

    def slowly(_seen: Seen) -> Reply:
        time.sleep(0.4)
        return Reply(200, page, {"Content-Type": "text/html"})

    with LocalServer() as server:
        sources = tmp_path / "slow.toml"
        sources.write_text(
            "".join(
                f'[[source]]\nname = "s{i}"\nurl = "{server.url(f"/story-{i}")}"\n\n'
                for i in range(12)
            ),
            "utf-8",
        )
        for i in range(12):
            server.route(f"/story-{i}", slowly)
        runner = WarmRunner([deployed(monitor, "cancel-test")], 0.1, cancel_check_seconds=0.1)
        (served,) = runner.register()
        with get_client(sync_client=True) as client:
            run = client.create_flow_run_from_deployment(
                served.deployment_id, parameters={"sources_file": str(sources)}
            )
            assert runner.poll(client) == [run.id]
            while not server.seen:  # the first batch is fetching
                time.sleep(0.05)
            client.set_flow_run_state(run.id, Cancelling())  # what the UI's Cancel button does
            while runner.running():
                runner.poll(client)
                time.sleep(0.1)
            ended = client.read_flow_run(run.id).state
    assert ended is not None and ended.type == StateType.CANCELLED, ended
    assert "left for the next run" in (ended.message or "")
    with open_store(env["NEWSWATCH_DATABASE_URL"]).reading() as session:
        checked = session.scalar(select(func.count()).select_from(m.Capture))
        claimed = session.scalar(
            select(func.count()).select_from(m.Article).where(m.Article.claimed_by.is_not(None))
        )
    assert checked is not None and 1 <= checked < 12
    assert claimed == 0
