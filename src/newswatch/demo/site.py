"""A small local news site for the demo and the tests (an HTTP server on 127.0.0.1).

It serves one article from ``seeds/demo`` in whichever version is published, wrapped in page
chrome whose noise changes on every request: an "Updated N minutes ago" line, a rotating list of
related stories, an ad token in a script and a share count. newswatch must see through all of it.
"""

from __future__ import annotations

import html
import random
import secrets
import string
import sys
import threading
import tomllib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

SEEDS = Path(__file__).resolve().parents[3] / "seeds" / "demo"


def seeds_dir() -> Path:
    """``seeds/demo`` of the checkout (an editable install, as ``make`` sets up)."""
    if not SEEDS.is_dir():
        raise FileNotFoundError(f"demo seeds not found at {SEEDS}; run from a newswatch checkout")
    return SEEDS


class QuietHTTPServer(ThreadingHTTPServer):
    """A threaded HTTP server for local pages (the demo, tests, benchmarks). A client that
    drops a kept-alive connection as it goes is normal, not an error worth a traceback."""

    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@dataclass(frozen=True)
class DemoVersion:
    body: str
    modified: str
    describe: str


# How long before the site starts its article was published: young enough to be checked often,
# old enough that every version's modified date is in the past.
AGE = timedelta(hours=4)


def _parse(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp.replace("Z", "+00:00"))


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class DemoSite:
    """The demo article's dates in ``site.toml`` are moved together so that it was published
    ``AGE`` before ``now`` (the site's start by default): a fixed date would age past the
    schedule's retirement, and the demo and the tests with it."""

    def __init__(
        self,
        seeds: Path | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        now: datetime | None = None,
    ) -> None:
        folder = seeds or seeds_dir()
        spec = tomllib.loads((folder / "site.toml").read_text("utf-8"))
        self.name: str = spec["name"]
        self.path: str = spec["path"]
        self.headline: str = spec["headline"]
        self.author: str = spec["author"]
        written = _parse(spec["published"])
        shift = ((now or datetime.now(UTC)) - AGE - written) // timedelta(minutes=1)
        moved = timedelta(minutes=shift)
        self.published: str = _stamp(written + moved)
        self.related: list[str] = spec["related"]
        self.template = string.Template((folder / "page.html").read_text("utf-8"))
        self.versions = [
            DemoVersion(
                (folder / v["body"]).read_text("utf-8"),
                _stamp(_parse(v["modified"]) + moved),
                v["describe"],
            )
            for v in spec["version"]
        ]
        self.version = 1
        self.requests = 0
        self._random = random.Random()
        self._server = QuietHTTPServer((host, port), self._handler())
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def article_url(self) -> str:
        return self.base_url + self.path

    def publish(self, version: int) -> DemoVersion:
        if not 1 <= version <= len(self.versions):
            raise ValueError(f"the demo article has versions 1 to {len(self.versions)}")
        self.version = version
        return self.versions[version - 1]

    def render(self) -> str:
        current = self.versions[self.version - 1]
        related = self._random.sample(self.related, 3)
        published = _parse(self.published)
        return self.template.substitute(
            headline=html.escape(self.headline),
            canonical=html.escape(self.article_url),
            author=html.escape(self.author),
            published=self.published,
            modified=current.modified,
            published_human=f"{published.day} {published:%B %Y}",
            ad_token=secrets.token_hex(8),
            body=current.body,
            related="\n".join(
                f'    <li><a href="/story/{i}">{html.escape(title)}</a></li>'
                for i, title in enumerate(related)
            ),
            updated_minutes=self._random.randint(2, 59),
            share_count=self._random.randint(100, 9000),
        )

    def feed(self) -> str:
        """An RSS feed listing the article, with its last modification."""
        current = self.versions[self.version - 1]
        modified = _parse(current.modified)
        return (
            '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
            f"<title>{html.escape(self.name)}</title><link>{html.escape(self.base_url)}/</link>"
            "<description>World news</description><item>"
            f"<title>{html.escape(self.headline)}</title>"
            f"<link>{html.escape(self.article_url)}?utm_source=rss&amp;utm_medium=feed</link>"
            f"<guid>{html.escape(self.article_url)}</guid>"
            f"<pubDate>{format_datetime(modified, usegmt=True)}</pubDate>"
            "</item></channel></rss>\n"
        )

    def sitemap(self) -> str:
        """A news sitemap with the article and its lastmod."""
        current = self.versions[self.version - 1]
        return (
            '<?xml version="1.0" encoding="utf-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url>'
            f"<loc>{html.escape(self.article_url)}</loc><lastmod>{current.modified}</lastmod>"
            f"<news:news><news:publication_date>{self.published}</news:publication_date>"
            f"<news:title>{html.escape(self.headline)}</news:title></news:news>"
            "</url></urlset>\n"
        )

    def home(self) -> str:
        return (
            f"<!DOCTYPE html><html><head><title>{html.escape(self.name)}</title></head><body>"
            f'<h1>{html.escape(self.name)}</h1><ul><li><a href="{html.escape(self.path)}">'
            f"{html.escape(self.headline)}</a></li></ul></body></html>"
        )

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            disable_nagle_algorithm = True  # headers and body must not wait for ACKs

            def do_GET(self) -> None:
                site.requests += 1
                path = self.path.split("?", 1)[0]
                if path == site.path:
                    self._send(200, site.render())
                elif path == "/":
                    self._send(200, site.home())
                elif path == "/feed.xml":
                    self._send(200, site.feed(), "application/rss+xml; charset=utf-8")
                elif path == "/sitemap.xml":
                    self._send(200, site.sitemap(), "application/xml; charset=utf-8")
                else:
                    self._send(404, "<html><body><h1>Not found</h1></body></html>")

            def _send(
                self, status: int, body: str, content_type: str = "text/html; charset=utf-8"
            ) -> None:
                data = body.encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
                self.send_header("Cache-Control", "max-age=60")
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format: str, *args: object) -> None:
                pass

        return Handler

    def start(self) -> DemoSite:
        self._thread = threading.Thread(
            target=self._server.serve_forever, daemon=True, name="demo-site"
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> DemoSite:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
