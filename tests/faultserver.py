"""A local HTTP server that misbehaves on purpose, one path per fault of ../shared/docs/faults.md.

Every fault is served from 127.0.0.1 only; ``FaultServer.url(name)`` gives its address.
"""

from __future__ import annotations

import time
import zlib
from collections.abc import Iterator
from functools import cache

import brotli

from tests.httpserver import LocalServer, Reply

ARTICLE = (
    "<!DOCTYPE html><html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
    "<p>The harbour board voted on Tuesday to close the old ferry terminal by the end of the "
    "year, after a survey found cracks in two of its piers.</p>"
    "<p>Repairs would cost more than a new terminal, the board's engineer told the meeting, "
    "and the ferries will move to the north quay in December.</p></article></body></html>"
)


@cache
def _bomb(kind: str, megabytes: int = 200) -> bytes:
    """A small body that inflates to ``megabytes`` of zeros."""
    if kind == "br":
        return bytes(brotli.compress(b"\0" * (megabytes << 20), quality=1))
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = b"\0" * (1 << 20)
    return b"".join(packer.compress(chunk) for _ in range(megabytes)) + packer.flush()


def _trickle(seconds: float, per_byte: float = 0.25) -> Iterator[bytes]:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        time.sleep(per_byte)
        yield b" "


def _endless() -> Iterator[bytes]:
    chunk = b"<p>" + b"more text " * 1000 + b"</p>"
    for _ in range(100_000):
        yield chunk


class FaultServer(LocalServer):
    def __init__(self) -> None:
        super().__init__()
        ok = ARTICLE.format(title="Old ferry terminal to close").encode()
        self.route("/ok", Reply(200, ok, {"Content-Type": "text/html; charset=utf-8"}))
        self.route("/trickle", lambda _s: Reply(200, _trickle(30)))
        self.route("/hang", lambda _s: Reply(200, _trickle(30, per_byte=30)))
        self.route("/loop", Reply(302, b"", {"Location": "/loop"}))
        self.route("/to-private", Reply(302, b"", {"Location": "http://10.0.0.7/admin"}))
        self.route("/to-metadata", Reply(301, b"", {"Location": "http://169.254.169.254/latest/"}))
        self.route("/huge", lambda _s: Reply(200, _endless(), {"Content-Type": "text/html"}))
        self.route(
            "/short-body",
            Reply(200, ok[:200], {"Content-Type": "text/html", "Content-Length": str(len(ok) * 3)}),
        )
        self.route(
            "/gzip-bomb",
            lambda _s: Reply(
                200, _bomb("gzip"), {"Content-Type": "text/html", "Content-Encoding": "gzip"}
            ),
        )
        self.route(
            "/br-bomb",
            lambda _s: Reply(
                200, _bomb("br"), {"Content-Type": "text/html", "Content-Encoding": "br"}
            ),
        )
        cp1252 = ARTICLE.format(title="Caf\u00e9 owners win \u201cright to reply\u201d")
        self.route(
            "/wrong-charset",
            Reply(200, cp1252.encode("cp1252"), {"Content-Type": "text/html; charset=utf-8"}),
        )
        self.route(
            "/right-charset",
            Reply(200, cp1252.encode("utf-8"), {"Content-Type": "text/html; charset=utf-8"}),
        )
        self.route("/too-many", Reply(429, b"slow down", {"Retry-After": "120"}))
        self.route("/unavailable", Reply(503, b"maintenance", {"Retry-After": "30"}))
        self.route("/error", Reply(500, b"<h1>Internal Server Error</h1>"))
        self.route("/forbidden", Reply(403, b"<h1>Forbidden</h1>"))
        self.route(
            "/soft-404",
            Reply(
                200,
                (
                    b"<html><head><title>Page not found | Coast Courier</title></head><body>"
                    b"<h1>Page not found</h1><p>Sorry, the page you were looking for could not be "
                    b"found. It may have been moved, or the address may be wrong. Try our home page "
                    b"or the search box above to find what you need.</p></body></html>"
                ),
                {"Content-Type": "text/html"},
            ),
        )
        self.route(
            "/consent",
            Reply(
                200,
                (
                    b"<html><head><title>Before you continue</title></head><body><h1>Before you "
                    b"continue</h1><p>We and our partners use cookies to run this site. Select accept "
                    b"all cookies to continue, or manage your consent choices at any time from the "
                    b"settings page.</p><button>Accept all cookies</button></body></html>"
                ),
                {"Content-Type": "text/html"},
            ),
        )
        self.route("/empty", Reply(200, b"", {"Content-Type": "text/html"}))
        self.route("/no-content", Reply(204, b""))

    def url(self, name: str) -> str:
        return super().url(name if name.startswith("/") else f"/{name}")
