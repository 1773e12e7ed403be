"""Start a run of a served deployment and wait for its end, over the Prefect server's REST API.

`newswatch run --served` uses this to run a monitoring cycle in the runner of `make serve`
instead of in its own process. It talks plain HTTP on purpose: importing Prefect's client would
cost the command two seconds of start-up, as much as the run it asks for saves.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import httpx

ENDED = ("COMPLETED", "FAILED", "CRASHED", "CANCELLED")
MAX_POLL_SECONDS = 1.0


class TriggerError(Exception):
    """The server could not be reached, has no such deployment, or the run did not end."""


@dataclass(frozen=True)
class EndedRun:
    id: str
    name: str
    state: str  # COMPLETED, FAILED, CRASHED or CANCELLED
    message: str
    ui_url: str
    ended_at: datetime  # when the run reached its final state, by the server's clock

    @property
    def cycle(self) -> str:
        """The cycle id the monitoring flow writes on each capture of this run."""
        return self.id.replace("-", "")[:16]


def run_deployment(
    api_url: str,
    deployment: str,
    parameters: dict[str, Any],
    *,
    timeout: float = 3600.0,
    poll_seconds: float = 0.1,
    ui_url: str = "",
) -> EndedRun:
    """Create a run of ``deployment`` ("flow-name/deployment-name") and wait until it ends.

    The run's state is asked for after ``poll_seconds``, then less and less often, up to once
    a second: a long run is not slowed by a server answering a client many times a second."""
    api = api_url.rstrip("/")
    try:
        with httpx.Client(base_url=api, timeout=30) as http:
            found = http.get(f"/deployments/name/{deployment}")
            if found.status_code == 404:
                raise TriggerError(
                    f"{api} has no deployment {deployment}: is `make serve` running there?"
                )
            found.raise_for_status()
            described = found.json()
            if described.get("status") == "NOT_READY":
                raise TriggerError(
                    f"nothing serves {deployment} on {api} (the deployment is not ready): "
                    "start `make serve`"
                )
            created = _patiently(
                lambda: http.post(
                    f"/deployments/{described['id']}/create_flow_run",
                    json={"parameters": parameters},
                )
            )
            created.raise_for_status()
            run = created.json()
            run_path = f"/flow_runs/{run['id']}"
            deadline = time.monotonic() + timeout
            while True:
                state = run.get("state") or {}
                if state.get("type") in ENDED:
                    return EndedRun(
                        id=run["id"],
                        name=run["name"],
                        state=state["type"],
                        message=state.get("message") or "",
                        ui_url=f"{ui_url.rstrip('/')}/runs/flow-run/{run['id']}",
                        ended_at=datetime.fromisoformat(state["timestamp"]),
                    )
                if time.monotonic() > deadline:
                    raise TriggerError(
                        f"flow run {run['name']} of {deployment} did not end within {timeout:g} s"
                    )
                time.sleep(poll_seconds)
                poll_seconds = min(MAX_POLL_SECONDS, poll_seconds * 1.5)
                answer = _patiently(lambda: http.get(run_path))
                answer.raise_for_status()
                run = answer.json()
    except httpx.HTTPError as exc:
        raise TriggerError(f"the Prefect server at {api}: {exc}") from None


# A Prefect server on SQLite answers 503 while its database is locked by another writer, which
# passes within milliseconds as a rule: ask again soon, then less and less soon (6 s in all).
BUSY_WAITS = (0.05, 0.1, 0.2, 0.4, 0.8, 1.6, 3.2)


def _patiently(request: Callable[[], httpx.Response]) -> httpx.Response:
    """``request``'s answer, asked again while the server answers 503."""
    answer = request()
    for wait in BUSY_WAITS:
        if answer.status_code != 503:
            break
        time.sleep(wait)
        answer = request()
    return answer
