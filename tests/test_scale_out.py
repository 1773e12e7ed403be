"""Scale-out, for real: `prefect server start` on the local PostgreSQL, a process work pool, the
deployments of deploy/prefect.yaml, and two workers sharing the monitoring runs.

Every due article must be checked exactly once per wave of runs, and every change stored once.
Runs only when NEWSWATCH_TEST_DATABASE_URL points at PostgreSQL (as in CI).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, func, select, text, update

from newswatch import models as m
from newswatch.demo.mailsink import MailSink, free_port
from newswatch.demo.site import DemoSite
from newswatch.store import open_store
from tests.conftest import POSTGRES_URL
from tests.httpserver import LocalServer, Reply

pytestmark = [pytest.mark.postgres, pytest.mark.deploy]
REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
ARTICLES = 24


def _prefect_database() -> Iterator[str]:
    assert POSTGRES_URL is not None
    name = f"nw_prefect_{uuid.uuid4().hex[:10]}"
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name}"))
    base = POSTGRES_URL.split("://", 1)[1].rsplit("/", 1)[0]
    try:
        yield f"postgresql+asyncpg://{base}/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(
                text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n"),
                {"n": name},
            )
            conn.execute(text(f"DROP DATABASE IF EXISTS {name}"))
        admin.dispose()


@pytest.fixture
def prefect_on_postgres(tmp_path: Path) -> Iterator[dict[str, str]]:
    if not POSTGRES_URL:
        pytest.skip("NEWSWATCH_TEST_DATABASE_URL is not set")
    for database in _prefect_database():
        port = free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
        env.update(
            {
                "PREFECT_HOME": str(tmp_path / "prefect-home"),
                "PREFECT_SERVER_DATABASE_CONNECTION_URL": database,
                "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
                "PREFECT_UI_API_URL": f"http://127.0.0.1:{port}/api",
            }
        )
        log = (tmp_path / "server.log").open("wb")
        server = subprocess.Popen(
            [str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
            env={**env, "PREFECT_LOGGING_LEVEL": "WARNING"},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + 120
            while True:
                try:
                    if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2).is_success:
                        break
                except httpx.HTTPError:
                    pass
                assert server.poll() is None, (tmp_path / "server.log").read_text()[-2000:]
                assert time.monotonic() < deadline, "the Prefect server did not start"
                time.sleep(0.5)
            env["PREFECT_API_URL"] = f"http://127.0.0.1:{port}/api"
            yield env
        finally:
            server.terminate()
            server.wait(timeout=30)
            log.close()


def _cli(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [str(BIN / "prefect"), *args],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def _wait_for_runs(env: dict[str, str], run_ids: list[str], timeout: float = 240) -> None:
    api = env["PREFECT_API_URL"]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        states = [
            httpx.get(f"{api}/flow_runs/{rid}", timeout=10).json()["state"]["type"]
            for rid in run_ids
        ]
        if all(s in ("COMPLETED", "FAILED", "CRASHED", "CANCELLED") for s in states):
            assert set(states) == {"COMPLETED"}, states
            return
        time.sleep(1)
    raise AssertionError(f"runs did not finish: {states}")


def _workers_of(env: dict[str, str], run_ids: list[str]) -> set[str]:
    """Which workers picked these runs up, from the runs' own logs."""
    found: set[str] = set()
    for run_id in run_ids:
        logs = httpx.post(
            f"{env['PREFECT_API_URL']}/logs/filter",
            timeout=10,
            json={"logs": {"flow_run_id": {"any_": [run_id]}}, "limit": 200},
        ).json()
        for entry in logs:
            match = re.search(r"Worker '([^']+)' submitting", entry["message"])
            if match:
                found.add(match.group(1))
    return found


def _trigger(env: dict[str, str], deployment_id: str, count: int) -> list[str]:
    api = env["PREFECT_API_URL"]
    return [
        httpx.post(
            f"{api}/deployments/{deployment_id}/create_flow_run", json={}, timeout=10
        ).json()["id"]
        for _ in range(count)
    ]


def test_two_workers_share_the_runs_and_check_each_due_article_once(
    prefect_on_postgres: dict[str, str],
    db_url: str,
    tmp_path: Path,
    mail_sink: MailSink,
) -> None:
    if not db_url.startswith("postgresql"):
        pytest.skip("scale-out runs on PostgreSQL")
    site = DemoSite()
    pages = {"body": site.render().encode()}
    with LocalServer() as server:
        # many articles, each a page of its own (own canonical URL), listed by one feed
        for i in range(ARTICLES):
            server.route(
                f"/world/2026/11/25/story-{i}",
                lambda s: Reply(
                    200,
                    pages["body"].replace(site.article_url.encode(), server.url(s.path).encode()),
                    {"Content-Type": "text/html"},
                ),
            )
        items = "".join(
            f"<item><title>Story {i}</title><link>{server.url(f'/world/2026/11/25/story-{i}')}"
            "</link></item>"
            for i in range(ARTICLES)
        )
        server.route(
            "/feed.xml",
            Reply(
                200, f"<rss version='2.0'><channel><title>t</title>{items}</channel></rss>".encode()
            ),
        )
        sources = tmp_path / "sources.toml"
        sources.write_text(
            f'[[source]]\nname = "wire"\nkind = "feed"\nurl = "{server.url("/feed.xml")}"\n'
            f'max_articles = {ARTICLES}\n\n[[subscription]]\naddress = "desk@test.invalid"\n',
            "utf-8",
        )
        env = {
            **prefect_on_postgres,
            "NEWSWATCH_DATABASE_URL": db_url,
            "NEWSWATCH_HOME": str(tmp_path / "home"),
            "NEWSWATCH_ALLOW_HOSTS": "127.0.0.1",
            "NEWSWATCH_HOST_DELAY": "0",
            "NEWSWATCH_HOST_CONCURRENCY": "8",
            "NEWSWATCH_MAX_PER_CYCLE": "8",
            "NEWSWATCH_BATCH_SIZE": "4",
            "NEWSWATCH_SMTP_HOST": mail_sink.host,
            "NEWSWATCH_SMTP_PORT": str(mail_sink.port),
            "NEWSWATCH_ARTIFACTS": "true",
            "NEWSWATCH_SOURCES_FILE": str(sources),
            "NEWSWATCH_CODE_DIR": str(REPO),
            # schedules far from now: the test triggers the runs itself
            "NEWSWATCH_MONITOR_CRON": "0 0 1 1 *",
            "NEWSWATCH_DELIVER_CRON": "0 0 1 1 *",
            "NEWSWATCH_TRIAGE_CRON": "0 0 1 1 *",
            "NEWSWATCH_MAINTENANCE_CRON": "0 0 1 1 *",
        }
        _cli(env, "work-pool", "create", "newswatch", "--type", "process")
        _cli(env, "deploy", "--all", "--prefect-file", "deploy/prefect.yaml")
        deployment = httpx.get(
            f"{env['PREFECT_API_URL']}/deployments/name/newswatch-monitor/monitor", timeout=10
        ).json()
        workers = [
            subprocess.Popen(
                [
                    str(BIN / "prefect"),
                    "worker",
                    "start",
                    "--pool",
                    "newswatch",
                    "--limit",
                    "2",
                    "--name",
                    f"worker-{n}",
                ],
                env=env,
                cwd=REPO,
                stdout=(tmp_path / f"worker-{n}.log").open("wb"),
                stderr=subprocess.STDOUT,
            )
            for n in (1, 2)
        ]
        try:
            # wave 1: every article is new; three runs of at most 8 articles each share them
            first_wave = _trigger(env, deployment["id"], 3)
            _wait_for_runs(env, first_wave)
            store = open_store(db_url)
            with store.reading() as s:
                per_article = dict(
                    s.execute(
                        select(m.Capture.article_id, func.count()).group_by(m.Capture.article_id)
                    ).all()
                )
                cycles = set(s.scalars(select(m.Capture.cycle)))
                assert s.scalar(select(func.count()).select_from(m.Article)) == ARTICLES
            assert len(per_article) == ARTICLES and set(per_article.values()) == {1}
            assert len(cycles) == 3  # each run took its share
            # wave 2: every page revised, every article due again
            site.publish(2)
            pages["body"] = site.render().encode()
            with store.transaction() as s:
                s.execute(update(m.Article).values(next_check_at=None))
            second_wave = _trigger(env, deployment["id"], 3)
            _wait_for_runs(env, second_wave)
            assert _workers_of(env, first_wave + second_wave) == {"worker-1", "worker-2"}
            with store.reading() as s:
                per_article = dict(
                    s.execute(
                        select(m.Capture.article_id, func.count()).group_by(m.Capture.article_id)
                    ).all()
                )
                changes = s.scalar(select(func.count()).select_from(m.Change))
                pairs = s.scalar(select(func.count(func.distinct(m.Change.article_id))))
                alerts = s.scalar(select(func.count()).select_from(m.Alert))
            assert set(per_article.values()) == {2}
            assert changes == pairs == ARTICLES and alerts == ARTICLES
            store.close()
            logs = "".join(
                (tmp_path / f"worker-{n}.log").read_text(errors="replace") for n in (1, 2)
            )
            assert "Traceback" not in logs, logs[-3000:]
        finally:
            for worker in workers:
                worker.terminate()
            for worker in workers:
                try:
                    worker.wait(timeout=30)
                except subprocess.TimeoutExpired:  # a loaded machine can slow its shutdown
                    worker.kill()
                    worker.wait(timeout=10)
