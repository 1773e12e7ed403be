"""The runner of `make serve`: it executes the runs of newswatch's deployments in its own process.

Prefect's runners (``serve`` and the process workers) start a new Python process for every flow
run. Each run then pays for the imports, Prefect's start-up, opening the store and a new pool of
extraction processes: 3 to 5 s and about as much CPU on a two-core machine, more than checking
2,000 unchanged articles takes. This runner keeps one process warm instead: it registers the
deployments (their schedules, the UI's "Run" button), polls the server for their runs that are
due, claims each one by moving it to Pending (the server refuses a second claim, so several
runners can share the deployments) and runs it in a thread of this process.

A run cancelled in the UI while it runs cannot be killed as Prefect kills a run's process (a
thread cannot be stopped from outside): the runner sees it Cancelling (it asks every 5 s) and
asks it to stop, and the monitoring flow starts no further batch, gives its unchecked articles
back and ends Cancelled. Stopping the runner stops its runs the same way. What it gives up: a
run is not isolated in a process of its own, so a run that crashes the interpreter takes the
runner with it (systemd or ``make serve`` starts it again, and the articles a crashed run had
claimed are claimed again when their claim expires, within the hour).
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from prefect.client.orchestration import SyncPrefectClient, get_client
from prefect.client.schemas.filters import (
    DeploymentFilter,
    DeploymentFilterId,
    FlowRunFilter,
    FlowRunFilterId,
    FlowRunFilterNextScheduledStartTime,
    FlowRunFilterState,
    FlowRunFilterStateType,
)
from prefect.client.schemas.objects import DeploymentStatus, FlowRun, StateType
from prefect.client.schemas.responses import (
    FlowRunResponse,
    OrchestrationResult,
    SetStateStatus,
)
from prefect.deployments.runner import RunnerDeployment
from prefect.flow_engine import run_flow
from prefect.flows import Flow
from prefect.states import Crashed, Pending

from flows.common import forget_stop, freeze_imports, request_stop

log = logging.getLogger("newswatch.runner")

# The server marks a deployment not ready when no runner has asked for its runs for 60 s.
HEARTBEAT_SECONDS = 15.0
# How often the server is asked whether a run under way was cancelled: every query costs the
# server CPU that the checks on the same machine could use, and a cancelled run stops only
# after its batches under way anyway.
CANCEL_CHECK_SECONDS = 5.0


@dataclass(frozen=True)
class Served:
    """A deployment this runner executes, and the flow object its runs call."""

    deployment_id: UUID
    name: str
    flow: Flow[..., Any]


class WarmRunner:
    """Polls for due runs of ``deployments`` (each with the flow it was made from) and runs
    them here: one at a time per deployment (a monitoring cycle never overlaps the previous
    one) and at most ``limit`` at once."""

    def __init__(
        self,
        deployments: Sequence[tuple[Flow[..., Any], RunnerDeployment]],
        poll_seconds: float = 5.0,
        limit: int = 4,
        cancel_check_seconds: float = CANCEL_CHECK_SECONDS,
    ) -> None:
        self.deployments = list(deployments)
        self.poll_seconds = poll_seconds
        self.cancel_check_seconds = cancel_check_seconds
        self._cancel_check_due = 0.0
        self.limit = limit
        self.served: dict[UUID, Served] = {}
        self._running: dict[UUID, tuple[UUID, threading.Thread]] = {}  # run id → deployment
        self._lock = threading.Lock()
        self.finished = 0  # runs this runner has executed, whatever their end
        self._heartbeat_due = 0.0  # when to tell the server again that the deployments are served

    def register(self) -> list[Served]:
        """Create or update the deployments on the server (schedules included)."""
        for flow, deployment in self.deployments:
            deployment_id = deployment.apply()  # a UUID when called outside an event loop
            assert isinstance(deployment_id, UUID)
            self.served[deployment_id] = Served(deployment_id, deployment.name, flow)
        freeze_imports()  # the runs' garbage is collected as usual; the imports are not
        return list(self.served.values())

    def poll(self, client: SyncPrefectClient) -> list[UUID]:
        """Claim and start the runs that are due now; returns their ids."""
        now = datetime.now(UTC)
        due: list[FlowRun | FlowRunResponse]
        if time.monotonic() >= self._heartbeat_due:
            # this query also tells the server the deployments are served (ready in the UI),
            # and so writes to its database: not at every poll
            due = [
                *client.get_scheduled_flow_runs_for_deployments(
                    list(self.served), scheduled_before=now, limit=20
                )
            ]
            self._heartbeat_due = time.monotonic() + HEARTBEAT_SECONDS
        else:
            scheduled = FlowRunFilterState(type=FlowRunFilterStateType(any_=[StateType.SCHEDULED]))
            due = [
                *client.read_flow_runs(
                    flow_run_filter=FlowRunFilter(
                        state=scheduled,
                        next_scheduled_start_time=FlowRunFilterNextScheduledStartTime(before_=now),
                    ),
                    deployment_filter=DeploymentFilter(
                        id=DeploymentFilterId(any_=list(self.served))
                    ),
                    limit=20,
                )
            ]
        due.sort(key=lambda run: run.next_scheduled_start_time or run.expected_start_time or 0)
        self._watch_cancellations(client)
        started = []
        for flow_run in due:
            deployment_id = flow_run.deployment_id
            if deployment_id not in self.served or not self._has_room(deployment_id):
                continue
            claimed: OrchestrationResult[Any] = client.set_flow_run_state(flow_run.id, Pending())
            if claimed.status != SetStateStatus.ACCEPT:
                continue  # another runner took it, or it was cancelled meanwhile
            self._start(self.served[deployment_id], client.read_flow_run(flow_run.id))
            started.append(flow_run.id)
        return started

    def _watch_cancellations(self, client: SyncPrefectClient) -> None:
        """A run cancelled in the UI (or by `prefect flow-run cancel`) is Cancelling on the
        server: ask it to stop. A thread cannot be stopped from outside, so the flow checks
        between its batches and ends Cancelled by itself."""
        running = self.running()
        if not running or time.monotonic() < self._cancel_check_due:
            return
        self._cancel_check_due = time.monotonic() + self.cancel_check_seconds
        for flow_run in client.read_flow_runs(
            flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=running))
        ):
            if flow_run.state is not None and flow_run.state.type == StateType.CANCELLING:
                request_stop(str(flow_run.id))

    def run_until(self, stop: threading.Event, ready: Callable[[], object] | None = None) -> None:
        """Poll every ``poll_seconds`` until ``stop`` is set, then wait for the runs started.
        ``ready`` is called once the server shows every deployment as ready (it marks them so
        a moment after a poll): from then on, `newswatch run --served` finds them served."""
        with get_client(sync_client=True) as client:
            while not stop.is_set():
                try:
                    self.poll(client)
                    if ready is not None and self._all_ready(client):
                        ready()
                        ready = None
                except Exception as exc:  # the server restarting, a network blip: poll again
                    log.warning("polling the Prefect server failed: %s", exc)
                stop.wait(self.poll_seconds)
        for flow_run_id in self.running():  # stopping: the runs under way end after their batch
            request_stop(str(flow_run_id))
        self.wait()

    def _all_ready(self, client: SyncPrefectClient) -> bool:
        return all(
            client.read_deployment(deployment_id).status == DeploymentStatus.READY
            for deployment_id in self.served
        )

    def wait(self) -> None:
        while True:
            with self._lock:
                threads = [thread for _, thread in self._running.values()]
            if not threads:
                return
            for thread in threads:
                thread.join()

    def running(self) -> list[UUID]:
        with self._lock:
            return list(self._running)

    def _has_room(self, deployment_id: UUID | None) -> bool:
        with self._lock:
            busy = {deployment for deployment, _ in self._running.values()}
            return len(self._running) < self.limit and deployment_id not in busy

    def _start(self, served: Served, flow_run: FlowRun) -> None:
        thread = threading.Thread(
            target=self._execute,
            args=(served, flow_run),
            name=f"run-{served.name}-{flow_run.name}",
            daemon=True,
        )
        with self._lock:
            self._running[flow_run.id] = (served.deployment_id, thread)
        thread.start()

    def _execute(self, served: Served, flow_run: FlowRun) -> None:
        """One flow run, as Prefect's engine runs it in a process of its own: it moves the run
        to Running, runs the tasks, records the final state and sends the run's logs."""
        try:
            outcome = run_flow(served.flow, flow_run=flow_run, return_type="state")
            if inspect.isawaitable(outcome):
                asyncio.run(_awaited(outcome))
        except BaseException as exc:  # a failing flow is Failed already; this is the engine's own
            log.exception("flow run %s of %s crashed", flow_run.name, served.name)
            _mark_crashed(flow_run.id, exc)
        finally:
            forget_stop(str(flow_run.id))
            with self._lock:
                self._running.pop(flow_run.id, None)
                self.finished += 1


async def _awaited(outcome: Any) -> Any:
    return await outcome


def _mark_crashed(flow_run_id: UUID, exc: BaseException) -> None:
    """A run the engine could not finish must not stay Running in the UI forever."""
    try:
        with get_client(sync_client=True) as client:
            run = client.read_flow_run(flow_run_id)
            if run.state is not None and run.state.type in (StateType.PENDING, StateType.RUNNING):
                client.set_flow_run_state(
                    flow_run_id, Crashed(message=f"the runner's engine failed: {exc!r}"[:500])
                )
    except Exception as error:
        log.warning("could not mark flow run %s crashed: %s", flow_run_id, error)
