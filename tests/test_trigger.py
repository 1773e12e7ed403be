"""`newswatch run --served` asks a Prefect server for a run over its REST API (flows/trigger.py).
A server on SQLite answers 503 while its database is busy; that must cost a moment, not the run.
The server here is a local HTTP server answering as Prefect's API does: a real Prefect server
cannot be made busy on demand."""

import json
from collections.abc import Iterator
from typing import Any

import pytest

from flows.trigger import TriggerError, run_deployment
from tests.httpserver import LocalServer, Reply, Route, Seen

DEPLOYMENT = "/api/deployments/name/newswatch-monitor/monitor"
CREATE = "/api/deployments/d-1/create_flow_run"
RUN = "/api/flow_runs/r-1"


def answers(*replies: tuple[int, dict[str, Any]]) -> Route:
    """A route giving ``replies`` in turn, then the last one again."""
    queue = list(replies)

    def route(_seen: Seen) -> Reply:
        status, body = queue.pop(0) if len(queue) > 1 else queue[0]
        return Reply(status, json.dumps(body).encode(), {"Content-Type": "application/json"})

    return route


def run(state: str) -> dict[str, object]:
    return {
        "id": "r-1",
        "name": "quiet-heron",
        "state": {"type": state, "timestamp": "2026-12-03T10:00:05.250000Z", "message": ""},
    }


@pytest.fixture
def api() -> Iterator[LocalServer]:
    with LocalServer() as server:
        server.route(DEPLOYMENT, answers((200, {"id": "d-1", "status": "READY"})))
        yield server


def test_a_busy_server_is_asked_again_when_creating_and_when_polling(api: LocalServer) -> None:
    busy = (503, {"exception_message": "Service Unavailable"})
    api.route(CREATE, answers(busy, busy, (201, run("SCHEDULED"))))
    api.route(RUN, answers(busy, (200, run("RUNNING")), busy, (200, run("COMPLETED"))))
    ended = run_deployment(api.url("/api"), "newswatch-monitor/monitor", {"everything": True})
    assert ended.state == "COMPLETED" and ended.name == "quiet-heron"
    assert ended.ended_at.isoformat() == "2026-12-03T10:00:05.250000+00:00"
    creates = [seen for seen in api.seen if seen.path == CREATE]
    assert len(creates) == 3 and {seen.method for seen in creates} == {"POST"}
    assert json.loads(creates[0].body) == {"parameters": {"everything": True}}
    assert len([seen for seen in api.seen if seen.path == RUN]) == 4


def test_a_server_busy_for_long_is_a_clear_error(
    api: LocalServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("flows.trigger.BUSY_WAITS", (0.01, 0.01))
    api.route(CREATE, answers((503, {"exception_message": "Service Unavailable"})))
    with pytest.raises(TriggerError, match="503"):
        run_deployment(api.url("/api"), "newswatch-monitor/monitor", {})
    assert len([seen for seen in api.seen if seen.path == CREATE]) == 3


def test_a_deployment_nothing_serves_is_named_in_the_error(api: LocalServer) -> None:
    api.route(DEPLOYMENT, answers((200, {"id": "d-1", "status": "NOT_READY"})))
    with pytest.raises(TriggerError, match="nothing serves newswatch-monitor/monitor"):
        run_deployment(api.url("/api"), "newswatch-monitor/monitor", {})
    api.route(DEPLOYMENT, answers((404, {"detail": "Deployment not found"})))
    with pytest.raises(TriggerError, match="has no deployment newswatch-monitor/monitor"):
        run_deployment(api.url("/api"), "newswatch-monitor/monitor", {})
