"""`make serve`: newswatch on one machine, nothing else to start.

Starts a Prefect server (SQLite, under PREFECT_HOME) unless PREFECT_API_URL points at one, then
serves the monitoring, delivery, triage and maintenance flows on the schedules in the settings
(NEWSWATCH_MONITOR_EVERY, NEWSWATCH_DELIVER_EVERY, NEWSWATCH_TRIAGE_EVERY,
NEWSWATCH_MAINTENANCE_CRON; "off" leaves a flow unscheduled, run only from the UI or
`newswatch run --served`). The runs go to the warm runner (flows/runner.py): every run in this
process, which pays for its start-up once; NEWSWATCH_RUNNER=process hands them to Prefect's
`serve`, which starts a new process for each run (3-5 s and as much CPU every time).
The UI is at the server's address; Ctrl-C stops both (the runs under way stop after their
current batch).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from types import FrameType
from typing import Any

import httpx

# Prefect's server records task runs from their state events one event per database
# transaction (its task-run recorder's batch size is 1): about 0.1 s of the server's CPU per
# task run, taken from the checks when both share a machine. In batches flushed every second it
# spends half as much, and the UI shows a task run's new state at most a second later. Every
# server newswatch starts gets these (`make serve`, `make ui`, the benchmark; deploy/ sets them
# too); the environment overrides them.
PREFECT_SERVER_TUNING = {
    "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_BATCH_SIZE": "50",
    "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_FLUSH_INTERVAL": "1",
}


def start_server(port: int) -> subprocess.Popen[bytes]:
    # the UI must call this server's API, not the default port's
    env = {
        **PREFECT_SERVER_TUNING,
        **os.environ,
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_UI_API_URL": f"http://127.0.0.1:{port}/api",
    }
    env.pop("PREFECT_API_URL", None)
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "prefect",
            "server",
            "start",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        env=env,
    )
    url = f"http://127.0.0.1:{port}/api/health"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the Prefect server exited with code {server.returncode}")
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return server
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    server.terminate()
    raise SystemExit("the Prefect server did not answer within 90 s")


def deployments() -> list[tuple[Any, Any]]:
    """(flow, deployment) for each of the four flows, scheduled as the settings say."""
    from flows.deliver import deliver
    from flows.maintenance import maintenance
    from flows.monitor import monitor
    from flows.review import triage
    from newswatch.schedule import parse_duration
    from newswatch.settings import Settings

    settings = Settings()

    def off(value: str) -> bool:
        return value.strip().lower() == "off"

    def every(value: str) -> dict[str, Any]:
        return {} if off(value) else {"interval": parse_duration(value)}

    cron = settings.maintenance_cron
    maintenance_when: dict[str, Any] = {} if off(cron) else {"cron": cron}
    return [
        (
            monitor,
            monitor.to_deployment(
                name="monitor",
                parameters={"sources_file": str(settings.sources_file)},
                **every(settings.monitor_every),
            ),
        ),
        (deliver, deliver.to_deployment(name="deliver", **every(settings.deliver_every))),
        (triage, triage.to_deployment(name="triage", **every(settings.triage_every))),
        (maintenance, maintenance.to_deployment(name="maintenance", **maintenance_when)),
    ]


def open_database() -> None:
    """Open (and migrate) the database before the first run, which would otherwise pay for
    it; a database that cannot be reached now is tried again by each run, and said here."""
    from flows.common import settings_now, store_for
    from newswatch.store import StoreUnavailable

    try:
        store_for(settings_now())
    except StoreUnavailable as exc:
        print(f"{exc}; each run tries again", flush=True)


def run_warm(served: list[tuple[Any, Any]], poll_seconds: float, extract_workers: int) -> None:
    from flows.runner import WarmRunner
    from newswatch.pipeline import extraction_pool

    runner = WarmRunner(served, poll_seconds=poll_seconds)
    runner.register()
    # started now rather than in the first run: the runs share them for the runner's life
    extraction_pool(extract_workers, preload=True)
    open_database()
    stop = threading.Event()

    def stopping(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, stopping)
    signal.signal(signal.SIGINT, stopping)
    names = ", ".join(s.name for s in runner.served.values())
    runner.run_until(stop, ready=lambda: print(f"serving: {names}", flush=True))


def ui_only() -> int:
    """`make ui`: the Prefect server alone, to read what earlier runs left (Ctrl-C stops it)."""
    port = int(os.environ.get("NEWSWATCH_SERVE_PORT", "4200"))
    server = start_server(port)
    print(f"Prefect UI: http://127.0.0.1:{port}", flush=True)
    signal.signal(signal.SIGTERM, interrupted)  # stopped by a service manager: the server too
    try:
        return server.wait()
    except KeyboardInterrupt:
        server.terminate()
        return server.wait(timeout=30)


def interrupted(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def main() -> int:
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    if sys.argv[1:] == ["--ui"]:
        return ui_only()
    server = None
    if not os.environ.get("PREFECT_API_URL"):
        port = int(os.environ.get("NEWSWATCH_SERVE_PORT", "4200"))
        server = start_server(port)
        os.environ["PREFECT_API_URL"] = f"http://127.0.0.1:{port}/api"
        print(f"Prefect UI: http://127.0.0.1:{port}", flush=True)
    try:
        from newswatch.settings import Settings

        settings = Settings()
        from flows.common import light_tls_for_plain_http, memory_given_back

        light_tls_for_plain_http(settings.home)
        memory_given_back()
        served = deployments()
        if settings.runner == "process":
            from prefect import serve

            serve(*(deployment for _, deployment in served))
        else:
            run_warm(served, settings.runner_poll, settings.extract_workers)
    except KeyboardInterrupt:
        pass
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
