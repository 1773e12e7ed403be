"""The fetching faults of ../shared/docs/faults.md (1 to 13), each against the fault server."""

from __future__ import annotations

import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from newswatch import models as m
from newswatch import pipeline
from newswatch.extract import ExtractionError, extract
from newswatch.fetch import FetchOptions, fetch, make_session
from newswatch.sources import SourcesError, load_watchlist
from newswatch.store import versions_of
from tests.conftest import tracked_article
from tests.faultserver import FaultServer, _bomb

OPTIONS = FetchOptions(
    user_agent="newswatch-test",
    connect_timeout=1,
    read_timeout=1,
    max_bytes=50_000,
    allow_hosts=("127.0.0.1",),
)


@pytest.fixture(scope="module")
def faults() -> Iterator[FaultServer]:
    with FaultServer() as server:
        _bomb("gzip"), _bomb("br")  # built up front: memory is measured in the tests
        yield server


# 1, 4 — refused when the sources are loaded
@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "gopher://example.org/",
        "ftp://e.org/x",
        "http:///nohost",
        "http://internal\\@public.example/",
        "http://user@public.example/",
    ],
)
def test_1_4_bad_urls_are_refused_at_load_time(tmp_path: Path, url: str) -> None:
    path = tmp_path / "s.toml"
    path.write_text(f"[[source]]\nname = 'x'\nurl = '{url}'\n", "utf-8")
    with pytest.raises(SourcesError) as caught:
        load_watchlist(path)
    assert "source #1 ('x'): url:" in str(caught.value)


# 2 — private and loopback addresses, unless allowed
def test_2_loopback_is_blocked_unless_allowed(faults: FaultServer) -> None:
    blocked = fetch(faults.url("ok"), FetchOptions(connect_timeout=1, read_timeout=1))
    assert blocked.error is not None and "non-public address 127.0.0.1" in blocked.error
    assert fetch(faults.url("ok"), OPTIONS).ok


def test_2_the_connection_itself_is_checked(faults: FaultServer) -> None:
    """Even if DNS answered differently when the URL was checked (rebinding), the address the
    socket reached is checked again."""
    from newswatch.fetch import BlockedAddress

    with make_session(FetchOptions()) as http, pytest.raises(BlockedAddress, match="connected to"):
        http.get(faults.url("ok"), timeout=2)


# 3 — a redirect to a blocked address is stopped at that hop
@pytest.mark.parametrize("path", ["to-private", "to-metadata"])
def test_3_redirect_to_a_private_address_is_blocked(faults: FaultServer, path: str) -> None:
    result = fetch(faults.url(path), OPTIONS)
    assert result.error is not None and "non-public address" in result.error
    assert not result.transient


# 5 — redirect loops
def test_5_redirect_loop_is_a_clear_error(faults: FaultServer) -> None:
    result = fetch(faults.url("loop"), OPTIONS)
    assert result.error == "more than 5 redirects"


# 6 — slow servers: bounded time, transient
@pytest.mark.parametrize("path", ["trickle", "hang"])
def test_6_slow_servers_are_bounded_and_transient(faults: FaultServer, path: str) -> None:
    started = time.monotonic()
    result = fetch(faults.url(path), OPTIONS)
    assert time.monotonic() - started < OPTIONS.deadline_seconds + 2
    assert result.error is not None and result.transient and result.body is None


# 7, 8 — oversized bodies and decompression bombs: stopped at the limit, memory flat
@pytest.mark.parametrize("path", ["huge", "gzip-bomb", "br-bomb"])
def test_7_8_big_bodies_stop_at_the_limit_with_flat_memory(faults: FaultServer, path: str) -> None:
    tracemalloc.start()
    result = fetch(faults.url(path), OPTIONS)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert result.error is not None and "limit" in result.error and result.body is None
    assert peak < 20 * OPTIONS.max_bytes  # a 200 MB bomb never gets near memory


def test_7_a_body_shorter_than_announced_is_not_taken_as_complete(faults: FaultServer) -> None:
    result = fetch(faults.url("short-body"), OPTIONS)
    assert result.error is not None and result.body is None and result.transient


# 10 — wrong charset, decoded the way a browser would; same text as the correct one
def test_10_wrong_charset_gives_the_same_text(faults: FaultServer) -> None:
    wrong = fetch(faults.url("wrong-charset"), OPTIONS)
    right = fetch(faults.url("right-charset"), OPTIONS)
    assert wrong.body is not None and right.body is not None
    a = extract(wrong.body, "http://x/", content_type=wrong.headers["content-type"])
    b = extract(right.body, "http://x/", content_type=right.headers["content-type"])
    assert a.headline == 'Caf\u00e9 owners win "right to reply"' == b.headline
    assert a.fingerprint == b.fingerprint


# 11 — empty, no content, soft 404, consent wall: never an article
@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("empty", "empty"),
        ("no-content", "empty"),
        ("soft-404", "soft 404"),
        ("consent", "consent or paywall"),
    ],
)
def test_11_non_articles_are_extraction_errors(faults: FaultServer, path: str, reason: str) -> None:
    result = fetch(faults.url(path), OPTIONS)
    assert result.ok and result.body is not None
    with pytest.raises(ExtractionError, match=reason):
        extract(result.body, faults.url(path))


# 12 — error statuses classified, Retry-After read
@pytest.mark.parametrize(
    ("path", "transient", "wait"),
    [
        ("too-many", True, 120.0),
        ("unavailable", True, 30.0),
        ("error", True, None),
        ("forbidden", False, None),
    ],
)
def test_12_statuses_are_classified(
    faults: FaultServer, path: str, transient: bool, wait: float | None
) -> None:
    result = fetch(faults.url(path), OPTIONS)
    assert result.error is not None and result.transient is transient and result.body is None
    assert result.retry_after == wait


# Through the pipeline: what is recorded, and that nothing stored is lost


@pytest.mark.parametrize("path", ["soft-404", "consent", "empty", "error", "gzip-bomb"])
def test_11_12_failed_captures_are_recorded_never_versions(
    env: dict[str, str], faults: FaultServer, tmp_path: Path, path: str
) -> None:
    store, settings, watchlist, ids = tracked_article(tmp_path, faults.url(path))
    (outcome,) = pipeline.check_batch(store, ids, watchlist, settings, "c1")
    assert outcome.outcome == "failed" and outcome.error
    with store.reading() as s:
        (capture,) = s.scalars(select(m.Capture).where(m.Capture.article_id == ids[0])).all()
        assert capture.outcome == "error" and capture.error == outcome.error
        assert versions_of(s, ids[0]) == []
    store.close()


def test_12_retry_after_is_honoured_for_the_article_and_the_host(
    env: dict[str, str], faults: FaultServer, tmp_path: Path
) -> None:
    store, settings, watchlist, ids = tracked_article(tmp_path, faults.url("too-many"))
    (first,) = pipeline.check_batch(store, ids, watchlist, settings, "c1")
    assert first.outcome == "failed" and first.transient
    asked = len(faults.seen)
    (again,) = pipeline.check_batch(store, ids, watchlist, settings, "c1")  # the batch retried
    assert again.outcome == "deferred" and len(faults.seen) == asked  # no request was sent
    with store.reading() as s:
        article = s.get_one(m.Article, ids[0])
        host = s.get_one(m.Host, f"127.0.0.1:{faults.url('x').split(':')[2].split('/')[0]}")
        assert article.next_check_at is not None and host.next_request_at is not None
        assert (article.next_check_at - m.utcnow()).total_seconds() > 100  # not before it
        assert 100 < (host.next_request_at - m.utcnow()).total_seconds() <= 120
    store.close()


def test_13_a_redesign_that_breaks_extraction_keeps_versions_and_tells_once(
    env: dict[str, str], tmp_path: Path
) -> None:
    from newswatch.demo.site import DemoSite
    from tests.httpserver import LocalServer, Reply

    site = DemoSite()
    pages = {"body": site.render().encode()}
    with LocalServer() as server:
        server.route("/story", lambda _s: Reply(200, pages["body"], {"Content-Type": "text/html"}))
        store, settings, watchlist, ids = tracked_article(tmp_path, server.url("/story"))
        pipeline.check_batch(store, ids, watchlist, settings, "c1")
        redesigned = site.render().replace(
            site.versions[0].body, "<p>" + "Teaser text. " * 12 + "</p>"
        )
        pages["body"] = redesigned.encode()
        for cycle in ("c2", "c3", "c4"):
            (outcome,) = pipeline.check_batch(store, ids, watchlist, settings, cycle)
            assert outcome.outcome == "failed" and "extraction broken" in (outcome.error or "")
        with store.reading() as s:
            assert [v.number for v in versions_of(s, ids[0])] == [1]
            notices = s.scalars(select(m.Notice).where(m.Notice.kind == "extraction-broken")).all()
            assert len(notices) == 1 and "demo" in notices[0].subject
            assert s.scalars(select(m.Change)).all() == []
            assert s.scalars(select(m.Alert)).all() == []
        store.close()
