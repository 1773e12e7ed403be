import socket
import time
from collections.abc import Iterator
from typing import Any

import pytest

from newswatch import fetch as fetch_module
from newswatch.fetch import BlockedAddress, FetchOptions, check_destination, fetch, make_session
from tests.httpserver import LocalServer, Reply, Seen

LOCAL = FetchOptions(
    user_agent="newswatch-test/1 (+contact)",
    connect_timeout=2,
    read_timeout=1,
    max_bytes=50_000,
    allow_hosts=("127.0.0.1",),
)


@pytest.fixture
def server() -> Iterator[LocalServer]:
    with LocalServer() as running:
        yield running


def test_get_sends_user_agent_and_keeps_validators(server: LocalServer) -> None:
    server.route(
        "/a",
        Reply(
            200,
            b"<html>hello</html>",
            {
                "Content-Type": "text/html; charset=utf-8",
                "ETag": '"v1"',
                "Last-Modified": "Wed, 18 Nov 2026 10:00:00 GMT",
                "Set-Cookie": "x=1",
            },
        ),
    )
    result = fetch(server.url("/a"), LOCAL)
    assert result.ok and result.body == b"<html>hello</html>"
    assert result.etag == '"v1"' and result.last_modified == "Wed, 18 Nov 2026 10:00:00 GMT"
    assert "set-cookie" not in result.headers
    assert server.seen[0].headers["user-agent"] == "newswatch-test/1 (+contact)"


def test_a_session_sends_back_the_cookies_a_site_set_and_accepts_compression(
    server: LocalServer,
) -> None:
    """Some sites set a cookie on the first answer and expect it on the next requests."""
    server.route("/first", Reply(200, b"<html>one</html>", {"Set-Cookie": "visitor=abc; Path=/"}))
    server.route("/second", Reply(200, b"<html>two</html>"))
    with make_session(LOCAL, pool_maxsize=1) as http:
        fetch(server.url("/first"), LOCAL, session=http)
        fetch(server.url("/second"), LOCAL, session=http)
    first, second = server.seen
    assert "cookie" not in first.headers
    assert second.headers["cookie"] == "visitor=abc"
    assert "gzip" in second.headers["accept-encoding"]
    assert second.headers["user-agent"] == LOCAL.user_agent


def test_conditional_get_sends_validators_back_and_understands_304(server: LocalServer) -> None:
    def conditional(seen: Seen) -> Reply:
        if seen.headers.get("if-none-match") == '"v1"':
            return Reply(304, b"", {"ETag": '"v1"'})
        return Reply(200, b"<html>full</html>", {"ETag": '"v1"'})

    server.route("/c", conditional)
    result = fetch(
        server.url("/c"), LOCAL, etag='"v1"', last_modified="Wed, 18 Nov 2026 10:00:00 GMT"
    )
    assert result.not_modified and result.error is None and result.body is None
    assert server.seen[0].headers["if-modified-since"] == "Wed, 18 Nov 2026 10:00:00 GMT"


def test_unchanged_checks_and_small_errors_keep_the_connection_for_the_next_request(
    server: LocalServer,
) -> None:
    server.route("/same", Reply(304, b"", {"ETag": '"v1"'}))
    server.route("/gone", Reply(410, b"gone for good"))
    server.route("/page", Reply(200, b"<html>page</html>"))
    with make_session(LOCAL, pool_maxsize=1) as http:
        results = [
            fetch(server.url(path), LOCAL, session=http, etag='"v1"')
            for path in ("/same", "/same", "/gone", "/same", "/page", "/same")
        ]
    assert [r.status for r in results] == [304, 304, 410, 304, 200, 304]
    assert len({seen.peer_port for seen in server.seen}) == 1  # one connection for all six


def test_proxy_variables_are_not_used_so_the_address_check_sees_the_site(
    server: LocalServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a proxy that answers nothing: a request sent through it would fail
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")
    monkeypatch.setenv("http_proxy", "http://127.0.0.1:9")
    server.route("/p", Reply(200, b"<html>direct</html>"))
    result = fetch(server.url("/p"), LOCAL)
    assert result.ok and result.body == b"<html>direct</html>"


def test_loopback_is_refused_unless_allowed(server: LocalServer) -> None:
    server.route("/a", Reply(200, b"secret"))
    result = fetch(server.url("/a"), FetchOptions())
    assert result.error is not None and "non-public address 127.0.0.1" in result.error
    assert not result.transient
    assert server.seen == []  # nothing was sent


@pytest.mark.parametrize(
    "url",
    [
        "http://10.0.0.1/",
        "http://192.168.1.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://100.64.0.1/",
        "http://[::1]/",
        "http://[fc00::1]/",
        "http://[::ffff:10.0.0.1]/",
        "http://[64:ff9b::a00:1]/",
        "http://0.0.0.0/",
        "http://localhost/",
    ],
)
def test_private_and_reserved_addresses_are_blocked(url: str) -> None:
    with pytest.raises(BlockedAddress, match="non-public address"):
        check_destination(url)


def test_a_public_host_is_looked_up_once_a_minute(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each check of a site's articles used to resolve its name again; the connection's own
    address check still guards every new connection."""
    lookups: list[str] = []
    real = socket.getaddrinfo

    def counting(host: str, *args: Any, **kwargs: Any) -> Any:
        lookups.append(host)
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", counting)
    monkeypatch.setattr(fetch_module, "_PUBLIC_HOSTS", {})
    for path in ("a", "b", "c"):
        check_destination(f"http://8.8.8.8/{path}")  # a public address: resolved, no network
    assert lookups == ["8.8.8.8"]
    with pytest.raises(BlockedAddress):  # a refusal is never remembered as a pass
        check_destination("http://10.0.0.1/")
    with pytest.raises(BlockedAddress):
        check_destination("http://10.0.0.1/")
    assert lookups == ["8.8.8.8", "10.0.0.1", "10.0.0.1"]


@pytest.mark.parametrize("url", ["file:///etc/passwd", "gopher://x/", "http://a\\@b/"])
def test_other_schemes_and_tricks_are_refused(url: str) -> None:
    with pytest.raises(BlockedAddress, match="refused URL"):
        check_destination(url)


def test_redirect_to_a_blocked_address_is_stopped_at_that_hop(server: LocalServer) -> None:
    server.route("/go", Reply(302, b"", {"Location": "http://169.254.169.254/latest/"}))
    result = fetch(server.url("/go"), LOCAL)
    assert result.error is not None and "169.254.169.254" in result.error
    assert result.final_url == "http://169.254.169.254/latest/"


def test_redirects_are_followed_and_loops_are_cut(server: LocalServer) -> None:
    server.route("/old", Reply(301, b"", {"Location": "/new"}))
    server.route("/new", Reply(200, b"<p>moved here</p>"))
    moved = fetch(server.url("/old"), LOCAL)
    assert moved.ok and moved.final_url == server.url("/new")
    server.route("/loop", Reply(302, b"", {"Location": "/loop"}))
    looped = fetch(server.url("/loop"), LOCAL)
    assert looped.error is not None and "redirects" in looped.error


def test_body_over_the_limit_is_cut_off_even_without_content_length(server: LocalServer) -> None:
    def endless() -> Iterator[bytes]:
        for _ in range(1000):
            yield b"x" * 10_000

    server.route("/huge", lambda _s: Reply(200, endless()))
    result = fetch(server.url("/huge"), LOCAL)
    assert result.error is not None and "limit" in result.error and result.body is None


def test_declared_oversize_is_refused_before_reading(server: LocalServer) -> None:
    server.route("/big", Reply(200, b"x" * 60_000))
    result = fetch(server.url("/big"), LOCAL)
    assert result.error is not None and "exceeds the limit" in result.error


def test_trickling_server_is_bounded_by_the_total_deadline(server: LocalServer) -> None:
    def trickle() -> Iterator[bytes]:
        for _ in range(100):
            time.sleep(0.5)
            yield b"x"

    server.route("/slow", lambda _s: Reply(200, trickle()))
    options = FetchOptions(connect_timeout=0.5, read_timeout=1, allow_hosts=("127.0.0.1",))
    started = time.monotonic()
    result = fetch(server.url("/slow"), options)
    assert time.monotonic() - started < options.deadline_seconds + 1.5
    assert result.error is not None and result.transient


@pytest.mark.parametrize(
    ("status", "transient"), [(500, True), (503, True), (429, True), (404, False), (403, False)]
)
def test_error_statuses_are_classified(server: LocalServer, status: int, transient: bool) -> None:
    server.route("/e", Reply(status, b"error page"))
    result = fetch(server.url("/e"), LOCAL)
    assert result.error == result.error and f"HTTP {status}" in (result.error or "")
    assert result.transient is transient and result.body is None


def test_connection_refused_is_transient() -> None:
    from newswatch.demo.mailsink import free_port

    result = fetch(f"http://127.0.0.1:{free_port()}/", LOCAL)
    assert result.error is not None and result.error.startswith("connection failed")
    assert result.transient
