"""Monitoring cycles in warm processes: the runner `make serve` starts with NEWSWATCH_RUNNER=warm,
and, as its yardstick, the same stages called directly in a long-lived process.

A cold run (``--runner cold``) is a process per cycle, so each cycle pays for the interpreter,
the imports, Prefect's start and a new pool of extraction processes. A server that runs the warm
runner pays those once; this module measures the cycles such a server runs. A cycle is asked for
over the Prefect server's REST API, as a schedule or `newswatch run --served` would, and timed
from the moment the runner takes it (its next poll) to its end, as the server records them; the
wait for that poll is kept apart. Its CPU time is
that of the runner and of every process under it (the extraction workers live through the
cycles, so they are read from /proc), and its peak memory the highest resident size any of those
processes reached in the cycle (the kernel's high-water mark, reset before each cycle).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from datetime import UTC, datetime
from pathlib import Path

import httpx

from flows.trigger import run_deployment

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
MONITOR = "newswatch-monitor/monitor"
NOT_READY_AFTER = 60.0  # seconds without a poll before the server marks a deployment not ready


class ProcessTree:
    """A process and everything it started, read from /proc."""

    def __init__(self, pid: int) -> None:
        self.pid = pid

    def pids(self) -> list[int]:
        found, pending = [], [self.pid]
        while pending:
            pid = pending.pop()
            found.append(pid)
            for task in Path(f"/proc/{pid}/task").glob("*/children"):
                try:
                    pending.extend(int(child) for child in task.read_text().split())
                except OSError:
                    continue  # the thread ended meanwhile
        return found

    def cpu_seconds(self) -> float:
        ticks = 0
        for pid in self.pids():
            try:
                stat = Path(f"/proc/{pid}/stat").read_text()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[1].split()  # the command name may hold spaces
            ticks += int(fields[11]) + int(fields[12])  # utime, stime
        return ticks / CLOCK_TICKS

    def reset_peaks(self) -> None:
        for pid in self.pids():
            try:
                Path(f"/proc/{pid}/clear_refs").write_text("5")  # 5: reset the peak RSS
            except OSError:
                continue

    def peak_mb(self) -> float:
        """The highest peak resident size of any one of the processes, in MB."""
        peaks = [0.0]
        for pid in self.pids():
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            for line in status.splitlines():
                if line.startswith("VmHWM:"):
                    peaks.append(int(line.split()[1]) / 1024)
        return max(peaks)


class Measured:
    """Wall seconds, CPU seconds and peak MB of one piece of work done by ``tree``."""

    def __init__(self, tree: ProcessTree) -> None:
        self.tree = tree

    def __enter__(self) -> Measured:
        self.tree.reset_peaks()
        self.cpu = self.tree.cpu_seconds()
        self.started = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall = time.perf_counter() - self.started
        self.cpu = self.tree.cpu_seconds() - self.cpu
        self.peak = self.tree.peak_mb()

    def figures(self) -> tuple[float, float, float]:
        return self.wall, self.cpu, self.peak


class WarmRunner:
    """`python -m flows.serve` with the warm runner and no schedules, on the benchmark's Prefect
    server; each cycle is a run of its monitoring deployment."""

    def __init__(self, api: str, env: dict[str, str]) -> None:
        self.api = api
        self.waited: list[float] = []  # seconds each run waited for the runner to take it
        self.process = subprocess.Popen(
            [sys.executable, "-m", "flows.serve"],
            env={
                **env,
                "PREFECT_API_URL": api,
                "NEWSWATCH_RUNNER": "warm",
                "NEWSWATCH_MONITOR_EVERY": "off",
                "NEWSWATCH_DELIVER_EVERY": "off",
                "NEWSWATCH_TRIAGE_EVERY": "off",
                "NEWSWATCH_MAINTENANCE_CRON": "off",
            },
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        for line in self.process.stdout:  # the runner prints this once it polls
            if line.startswith("serving:"):
                break
        else:
            raise SystemExit(f"the warm runner exited with code {self.process.wait()}")
        # whatever it prints later is read and dropped: a full pipe would stop the runner
        threading.Thread(target=self.process.stdout.read, daemon=True).start()
        self.tree = ProcessTree(self.process.pid)

    def cycle(self, sources: Path) -> tuple[float, float, float]:
        """A run is timed as the server recorded it: from the moment the runner took it
        (Pending) to its end. Before that it waits for the runner's next poll (once a second,
        as `make serve` polls), which is when it starts, not what it costs; ``waited`` keeps
        it. Asking the server for the end many times a second would slow the run down."""
        with Measured(self.tree) as measured:
            asked = datetime.now(UTC)
            ended = run_deployment(
                self.api,
                MONITOR,
                {"sources_file": str(sources), "everything": True},
            )
        if ended.state != "COMPLETED":
            raise SystemExit(f"warm run {ended.name} ended {ended.state}: {ended.message}")
        taken = self._taken_at(ended.id)
        self.waited.append((taken - asked).total_seconds())
        measured.wall = (ended.ended_at - taken).total_seconds()
        return measured.figures()

    def _taken_at(self, flow_run_id: str) -> datetime:
        states = httpx.get(
            f"{self.api}/flow_run_states/", params={"flow_run_id": flow_run_id}, timeout=30
        ).json()
        return min(
            datetime.fromisoformat(state["timestamp"])
            for state in states
            if state["type"] == "PENDING"
        )

    @contextmanager
    def asleep(self) -> Iterator[None]:
        """The runner and its extraction processes stopped (SIGSTOP) until the block ends."""
        pids = self.tree.pids()
        for pid in pids:
            os.kill(pid, signal.SIGSTOP)
        stopped = time.monotonic()
        try:
            yield
        finally:
            for pid in pids:
                os.kill(pid, signal.SIGCONT)
            if time.monotonic() - stopped > NOT_READY_AFTER / 2:
                self._served_again(datetime.now(UTC))

    def _served_again(self, resumed: datetime) -> None:
        """A runner that has not polled for a minute has its deployments marked not ready (and
        runs of them refused) until it polls again: at N = 10,000 the yardstick takes longer."""
        deadline = time.monotonic() + NOT_READY_AFTER
        while time.monotonic() < deadline:
            found = httpx.get(f"{self.api}/deployments/name/{MONITOR}", timeout=30).json()
            polled = found.get("last_polled")
            if (
                found.get("status") == "READY"
                and polled
                and datetime.fromisoformat(polled) >= resumed
            ):
                return
            time.sleep(0.1)
        raise SystemExit("the warm runner did not poll again after it was stopped")

    def close(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=120)


class WarmDirect:
    """``bench.direct --serve``: cycles of the stages without Prefect, in one process."""

    def __init__(self, env: dict[str, str]) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bench.direct", "--serve"],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self._answer()  # "ready": imports done, extraction processes started
        self.tree = ProcessTree(self.process.pid)

    def cycle(self, sources: Path) -> tuple[float, float, float]:
        assert self.process.stdin is not None
        with Measured(self.tree) as measured:
            self.process.stdin.write(f"{sources}\n")
            self.process.stdin.flush()
            self._answer()
        return measured.figures()

    def asleep(self) -> AbstractContextManager[object]:
        """Idle between its cycles (it waits on stdin): nothing to stop."""
        return nullcontext()

    def _answer(self) -> str:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            raise SystemExit(f"bench.direct --serve exited with code {self.process.wait()}")
        return line.strip()

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(timeout=120)
