"""Start a run of a served deployment and wait for its end, over the Prefect server's REST API.

`newswatch run --served` uses this to run a monitoring cycle in the runner of `make serve`
instead of in its own process. It talks plain HTTP on purpose: importing Prefect's client would
cost the command two seconds of start-up, as much as the run it asks for saves.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import httpx

ENDED = ("COMPLETED", "FAILED", "CRASHED", "CANCELLED")


class TriggerError(Exception):
    """The server could not be reached, has no such deployment, or the run did not end."""


@dataclass(frozen=True)
class EndedRun:
    id: str
    name: str
    state: str  # COMPLETED, FAILED, CRASHED or CANCELLED
    message: str
    ui_url: str

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
    """Create a run of ``deployment`` ("flow-name/deployment-name") and wait until it ends."""
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
            for attempt in range(4):  # a busy SQLite server answers 503 for a moment
                created = http.post(
                    f"/deployments/{described['id']}/create_flow_run",
                    json={"parameters": parameters},
                )
                if created.status_code != 503 or attempt == 3:
                    break
                time.sleep(1.0 + attempt)
            created.raise_for_status()
            run = created.json()
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
                    )
                if time.monotonic() > deadline:
                    raise TriggerError(
                        f"flow run {run['name']} of {deployment} did not end within {timeout:g} s"
                    )
                time.sleep(poll_seconds)
                answer = http.get(f"/flow_runs/{run['id']}")
                answer.raise_for_status()
                run = answer.json()
    except httpx.HTTPError as exc:
        raise TriggerError(f"the Prefect server at {api}: {exc}") from None
