"""Politeness and robots.txt, shared by every worker through the database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from newswatch import models as m
from newswatch import pipeline
from newswatch.demo.mailsink import MailSink
from newswatch.hosts import HostBusy, HostGate, Politeness
from newswatch.store import open_store
from tests.conftest import tracked_article
from tests.httpserver import LocalServer, Reply


class FakeClock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
        self.slept = 0.0

    def __call__(self) -> datetime:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept += seconds
        self.now += timedelta(seconds=seconds)


def two_workers(db_url: str, policy: Politeness, clock: FakeClock) -> tuple[HostGate, HostGate]:
    return (
        HostGate(open_store(db_url), policy, clock, clock.sleep),
        HostGate(open_store(db_url), policy, clock, clock.sleep),
    )


def test_a_minimum_delay_between_requests_to_one_host_holds_across_workers(db_url: str) -> None:
    clock = FakeClock()
    a, b = two_workers(db_url, Politeness(min_delay=2.0, max_concurrent=5), clock)
    a.release(a.acquire("https://news.example.org/a"))
    b.release(b.acquire("https://news.example.org/b"))
    assert clock.slept == pytest.approx(2.0)
    b.release(b.acquire("https://other.example.org/c"))  # another host does not wait
    assert clock.slept == pytest.approx(2.0)


def test_per_host_concurrency_and_leases_that_expire(db_url: str) -> None:
    clock = FakeClock()
    # any delay at all keeps the limits in the database, across workers
    policy = Politeness(min_delay=0.001, max_concurrent=1, lease_seconds=30, max_wait=5)
    a, b = two_workers(db_url, policy, clock)
    held = a.acquire("https://news.example.org/a")
    with pytest.raises(HostBusy, match="busy"):
        b.acquire("https://news.example.org/b")
    a.release(held)
    b.release(b.acquire("https://news.example.org/b"))
    a.acquire("https://news.example.org/a")  # this worker dies holding its lease
    clock.now += timedelta(seconds=31)
    b.acquire("https://news.example.org/b")  # the lease lapsed by itself


def test_without_a_delay_the_concurrency_limit_is_kept_in_the_worker(db_url: str) -> None:
    from sqlalchemy import func

    clock = FakeClock()
    gate = HostGate(
        open_store(db_url),
        Politeness(min_delay=0, max_concurrent=2, max_wait=0.1),
        clock,
        clock.sleep,
    )
    first, second = gate.acquire("https://e.org/a"), gate.acquire("https://e.org/b")
    with pytest.raises(HostBusy):
        gate.acquire("https://e.org/c")
    gate.release(first)
    gate.release(gate.acquire("https://e.org/c"))
    gate.release(second)
    with gate.store.reading() as session:  # no lease rows: nothing went through the database
        assert session.scalar(select(func.count()).select_from(m.HostLease)) == 0


def test_retry_after_defers_the_whole_host(db_url: str) -> None:
    clock = FakeClock()
    a, b = two_workers(db_url, Politeness(min_delay=0), clock)
    a.defer("https://news.example.org/a", 30)
    b.release(b.acquire("https://news.example.org/other"))
    assert clock.slept == pytest.approx(30)
    a.defer("https://news.example.org/a", 600)  # longer than a check may wait: give up now
    with pytest.raises(HostBusy):
        b.acquire("https://news.example.org/other")
    assert clock.slept == pytest.approx(30)


PAGE = (
    b"<html><body><article><h1>Pier closes</h1><p>"
    + b"The old pier will close for repairs in spring, the council said. " * 5
    + b"</p></article></body></html>"
)


def test_robots_txt_is_honoured_and_cached(env: dict[str, str], tmp_path: Path) -> None:
    with LocalServer() as server:
        server.route(
            "/robots.txt",
            Reply(200, b"User-agent: newswatch\nDisallow: /private/\nCrawl-delay: 7\n"),
        )
        server.route("/private/story", Reply(200, PAGE))
        server.route("/public/story", Reply(200, PAGE))
        store, settings, watchlist, ids = tracked_article(tmp_path, server.url("/private/story"))
        (outcome,) = pipeline.check_batch(store, ids, watchlist, settings, "c1")
        assert outcome.outcome == "failed" and "robots.txt" in (outcome.error or "")
        assert not outcome.transient
        assert [s.path for s in server.seen] == ["/robots.txt"]  # the page was never asked for
        with store.reading() as s:
            (host,) = s.scalars(select(m.Host)).all()
            assert host.crawl_delay == 7 and "Disallow: /private/" in (host.robots_txt or "")
        pipeline.check_batch(store, ids, watchlist, settings, "c2")
        assert [s.path for s in server.seen] == ["/robots.txt"]  # cached for a day
        store.close()


def test_an_unreachable_robots_txt_means_wait(env: dict[str, str], tmp_path: Path) -> None:
    with LocalServer() as server:
        server.route("/robots.txt", Reply(503, b"down"))
        server.route("/story", Reply(200, PAGE))
        store, settings, watchlist, ids = tracked_article(tmp_path, server.url("/story"))
        (outcome,) = pipeline.check_batch(store, ids, watchlist, settings, "c1")
        assert outcome.outcome == "failed" and outcome.transient
        assert "/story" not in [s.path for s in server.seen]
        store.close()


def test_failing_after_n_failures_with_one_notice_and_recovery(
    env: dict[str, str], tmp_path: Path, mail_sink: MailSink, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newswatch.alerts import deliver_pending

    monkeypatch.setenv("NEWSWATCH_OPERATOR_EMAIL", "ops@test.invalid")
    with LocalServer() as server:
        server.route("/story", Reply(500, b"broken"))
        store, settings, watchlist, ids = tracked_article(tmp_path, server.url("/story"))
        statuses = []
        for cycle in range(5):
            pipeline.check_batch(store, ids, watchlist, settings, f"c{cycle}")
            with store.reading() as s:
                statuses.append(s.get_one(m.Article, ids[0]).status)
        assert statuses == ["new", "new", "failing", "failing", "failing"]
        server.route("/story", Reply(200, PAGE))
        (back,) = pipeline.check_batch(store, ids, watchlist, settings, "c9")
        assert back.outcome == "first"
        deliver_pending(store, settings)
        subjects = [d.message["Subject"] for d in mail_sink.delivered]
        assert subjects == [
            f"newswatch: {server.url('/story')} is failing",
            f"newswatch: {server.url('/story')} recovered",
        ]
        assert all(d.envelope_to == ["ops@test.invalid"] for d in mail_sink.delivered)
        deliver_pending(store, settings)
        assert len(mail_sink.delivered) == 2  # each notice once
        store.close()


def test_notices_are_listed_for_the_operator(env: dict[str, str], tmp_path: Path) -> None:
    import json

    from typer.testing import CliRunner

    from newswatch.cli import app

    with LocalServer() as server:
        server.route("/story", Reply(500, b"broken"))
        store, settings, watchlist, ids = tracked_article(tmp_path, server.url("/story"))
        for cycle in range(3):
            pipeline.check_batch(store, ids, watchlist, settings, f"c{cycle}")
        store.close()
    result = CliRunner().invoke(app, ["alerts", "notices", "--json"])
    (notice,) = json.loads(result.stdout)
    assert notice["kind"] == "article-failing" and notice["status"] == "pending"
    assert "failed 3 checks in a row" in notice["body"] and "HTTP 500" in notice["body"]
