"""`make serve`: newswatch on one machine, nothing else to start.

Starts a Prefect server (SQLite, under PREFECT_HOME) unless PREFECT_API_URL points at one, then
serves the monitoring, delivery, triage and maintenance flows on the schedules in the settings
(NEWSWATCH_MONITOR_EVERY, NEWSWATCH_DELIVER_EVERY, NEWSWATCH_TRIAGE_EVERY,
NEWSWATCH_MAINTENANCE_CRON). The UI is at the server's address; Ctrl-C stops both.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from typing import Any

import httpx


def start_server(port: int) -> subprocess.Popen[bytes]:
    # the UI must call this server's API, not the default port's
    env = {
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


def deployments() -> list[Any]:
    from flows.deliver import deliver
    from flows.maintenance import maintenance
    from flows.monitor import monitor
    from flows.review import triage
    from newswatch.schedule import parse_duration
    from newswatch.settings import Settings

    settings = Settings()
    every = {
        name: parse_duration(value)
        for name, value in (
            ("monitor", settings.monitor_every),
            ("deliver", settings.deliver_every),
            ("triage", settings.triage_every),
        )
    }
    return [
        monitor.to_deployment(
            name="monitor",
            interval=every["monitor"],
            parameters={"sources_file": str(settings.sources_file)},
        ),
        deliver.to_deployment(name="deliver", interval=every["deliver"]),
        triage.to_deployment(name="triage", interval=every["triage"]),
        maintenance.to_deployment(name="maintenance", cron=settings.maintenance_cron),
    ]


def main() -> int:
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    server = None
    if not os.environ.get("PREFECT_API_URL"):
        port = int(os.environ.get("NEWSWATCH_SERVE_PORT", "4200"))
        server = start_server(port)
        os.environ["PREFECT_API_URL"] = f"http://127.0.0.1:{port}/api"
        print(f"Prefect UI: http://127.0.0.1:{port}", flush=True)
    try:
        from prefect import serve

        serve(*deployments())
    except KeyboardInterrupt:
        pass
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
