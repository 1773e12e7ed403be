"""A local HTTP server for tests, with routes that tests define (and faults to inject)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Self

from newswatch.demo.site import QuietHTTPServer


@dataclass
class Reply:
    status: int = 200
    body: bytes | Iterator[bytes] = b""
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Seen:
    path: str
    headers: dict[str, str]
    peer_port: int = 0  # the client's port: one connection, one port
    method: str = "GET"
    body: bytes = b""


Route = Callable[[Seen], Reply]


def urlset(entries: str) -> Reply:
    """A sitemap of ``entries`` (its ``<url>`` elements)."""
    return Reply(
        200,
        (
            '<?xml version="1.0"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"{entries}</urlset>"
        ).encode(),
    )


class LocalServer:
    def __init__(self, host: str = "127.0.0.1") -> None:
        self.routes: dict[str, Route] = {}
        self.seen: list[Seen] = []
        self._server = QuietHTTPServer((host, 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def route(self, path: str, reply: Reply | Route) -> None:
        if isinstance(reply, Reply):
            fixed = reply
            self.routes[path] = lambda _seen: fixed
        else:
            self.routes[path] = reply

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # headers and body must not wait for ACKs

            def do_GET(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                seen = Seen(
                    self.path,
                    {k.lower(): v for k, v in self.headers.items()},
                    self.client_address[1],
                    self.command,
                    self.rfile.read(length) if length else b"",
                )
                server.seen.append(seen)
                route = server.routes.get(self.path.split("?", 1)[0])
                reply = route(seen) if route else Reply(404, b"not found")
                try:
                    self.send_response(reply.status)
                    body = reply.body
                    headers = {k.lower(): v for k, v in reply.headers.items()}
                    if isinstance(body, bytes) and "content-length" not in headers:
                        headers["content-length"] = str(len(body))
                    if not isinstance(body, bytes) and "content-length" not in headers:
                        headers["connection"] = "close"
                    for name, value in headers.items():
                        self.send_header(name, value)
                    self.end_headers()
                    if isinstance(body, bytes):
                        self.wfile.write(body)
                    else:
                        for chunk in body:
                            self.wfile.write(chunk)
                            self.wfile.flush()
                    if headers.get("connection") == "close":
                        self.close_connection = True
                except (BrokenPipeError, ConnectionResetError):
                    self.close_connection = True

            do_POST = do_GET  # a route answers whatever the method; Seen says which it was

            def log_message(self, format: str, *args: object) -> None:
                pass

        return Handler

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
