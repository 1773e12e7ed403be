"""The warm runner of flows/runner.py: due runs of a deployment are claimed and run in this
process, against the session's test server."""

import os
from typing import Any

import pytest
from prefect import flow
from prefect.client.orchestration import get_client

from flows.runner import WarmRunner

pytestmark = pytest.mark.orchestration

seen: list[tuple[int, Any]] = []


@flow(name="newswatch-runner-test")
def remember(value: int = 0) -> int:
    seen.append((os.getpid(), value))
    if value < 0:
        raise ValueError("a negative value fails the run")
    return value


def test_due_runs_run_in_this_process_and_a_failure_does_not_stop_the_runner(
    prefect_harness: None,
) -> None:
    seen.clear()
    runner = WarmRunner([(remember, remember.to_deployment(name="warm-test"))], poll_seconds=0.1)
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
