"""A corpus of article pages of our own, and a local server that serves them.

Pages are realistic in shape: 300 to 3,000 words of body, a masthead and navigation, related
links, scripts and styles, JSON-LD, a footer. The server answers with ETag and Last-Modified
and honours If-None-Match, like a news CDN; ``edit()`` revises a share of the articles.
"""

from __future__ import annotations

import hashlib
import random
import sys
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler

from newswatch.demo.site import QuietHTTPServer

SUBJECTS = [
    "The council",
    "The ministry",
    "Negotiators",
    "The harbour authority",
    "Officials",
    "The union",
    "Residents",
    "The commission",
    "Investigators",
    "The mayor",
    "A spokesperson",
    "The regional court",
    "Shipping firms",
    "The weather service",
]
VERBS = [
    "said",
    "announced",
    "confirmed",
    "warned",
    "reported",
    "agreed",
    "denied",
    "argued",
    "estimated",
    "promised",
]
OBJECTS = [
    "the ferry timetable",
    "a new bridge over the river",
    "the flood defences",
    "a review of the budget",
    "the ceasefire line",
    "the tram extension",
    "the fishing quota",
    "a plan for the old docks",
    "the water supply",
    "the night buses",
    "the hospital wing",
    "the school year",
    "the port tariffs",
    "the coastal road",
]
TAILS = [
    "after a long meeting on {day}",
    "in a statement to reporters",
    "by {n} votes to {m}",
    "at a cost of {n} million euros",
    "despite objections from {n} residents",
    "before the end of the year",
    "according to a copy seen by this newspaper",
    "with {n} jobs at stake",
    "in the {ordinal} week of talks",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
ORDINALS = ["first", "second", "third", "fourth", "fifth"]
SCRIPT = "window.__cfg=" + "{" + ",".join(f'"k{i}":"{"v" * 40}"' for i in range(80)) + "};"
NAV = "".join(f'<a href="/section/{i}">Section {i}</a>' for i in range(30))


def _sentence(rnd: random.Random) -> str:
    tail = rnd.choice(TAILS).format(
        day=rnd.choice(DAYS),
        n=rnd.randint(2, 900),
        m=rnd.randint(1, 40),
        ordinal=rnd.choice(ORDINALS),
    )
    return (
        f"{rnd.choice(SUBJECTS)} {rnd.choice(VERBS)} that work on {rnd.choice(OBJECTS)} "
        f"would start {tail}."
    )


@dataclass
class Article:
    number: int
    headline: str
    paragraphs: list[str]
    revision: int = 0
    modified: float = 1_764_000_000.0

    def edit(self, rnd: random.Random) -> None:
        """A small, real edit: one figure or one sentence changes."""
        index = rnd.randrange(len(self.paragraphs))
        paragraph = self.paragraphs[index]
        if any(ch.isdigit() for ch in paragraph):
            digits = [i for i, ch in enumerate(paragraph) if ch.isdigit()]
            at = rnd.choice(digits)
            self.paragraphs[index] = (
                paragraph[:at] + str((int(paragraph[at]) + 3) % 10) + paragraph[at + 1 :]
            )
        else:
            self.paragraphs[index] = paragraph + " " + _sentence(rnd)
        self.revision += 1
        self.modified += 3600


def make_corpus(count: int, seed: int = 7) -> list[Article]:
    rnd = random.Random(seed)
    articles = []
    for number in range(count):
        words = rnd.randint(300, 3000)
        paragraphs: list[str] = []
        total = 0
        while total < words:
            paragraph = " ".join(_sentence(rnd) for _ in range(rnd.randint(2, 4)))
            paragraphs.append(paragraph)
            total += len(paragraph.split())
        headline = f"{rnd.choice(SUBJECTS)} {rnd.choice(VERBS)} plan for {rnd.choice(OBJECTS)}"
        articles.append(Article(number, headline, paragraphs))
    return articles


def page_state(number: int, size: int) -> str:
    """An inline script of about ``size`` bytes, like the state blob (teasers, menus, ad slots)
    that makes a real news page weigh 100 to 500 KB around a 20 KB article. ``number`` -1 is the
    site's own (a seed of its own: ``random`` seeds -1 as it seeds 1, which made article 1's
    state the site's)."""
    rnd = random.Random("site-state" if number < 0 else number)
    items: list[str] = []
    total = 0
    while total < size:
        story = rnd.randrange(100_000)
        item = (
            f'{{"id":{story},"kicker":"{rnd.choice(SUBJECTS)}","title":"{rnd.choice(SUBJECTS)} '
            f'{rnd.choice(VERBS)} {rnd.choice(OBJECTS)}",'
            f'"href":"/news/2026/11/{rnd.randint(1, 30)}/story-{story}",'
            f'"image":{{"src":"/img/{story:x}.jpg","w":{rnd.choice((320, 640))},'
            f'"h":{rnd.choice((180, 360))}}},"slot":"ad-{rnd.randrange(40)}"}}'
        )
        items.append(item)
        total += len(item) + 1
    return 'window.__state={"teasers":[' + ",".join(items) + "]};"


def render(
    article: Article, base: str, published: str, weight_kb: int = 0, site_share: float = 0.0
) -> bytes:
    """The page of one article; ``weight_kb`` > 0 adds an inline state script until the page
    weighs about that much, ``site_share`` of it the same on every page of the site (its
    latest and most-read teasers, its settings) and the rest the page's own (its related
    stories). With none shared, two pages have only their template in common: the worst case
    for storage."""
    body = "\n".join(f"<p>{p}</p>" for p in article.paragraphs)
    url = f"{base}/news/2026/11/25/story-{article.number}"
    related = "".join(
        f'<li><a href="/news/2026/11/24/other-{i}">Other story {i}</a></li>'
        for i in range(article.number % 7, article.number % 7 + 6)
    )
    bare = len(body) + len(related) + len(SCRIPT) + len(NAV) + 1200
    extra = weight_kb * 1024 - bare
    shared = int(extra * site_share)
    state = (
        f"<script>{page_state(-1, shared)}</script><script>"
        f"{page_state(article.number, extra - shared)}</script>"
        if extra > 0
        else ""
    )
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{article.headline} | The Bench Gazette</title>
<link rel="canonical" href="{url}"><meta property="og:title" content="{article.headline}">
<meta property="article:published_time" content="{published}">
<script type="application/ld+json">{{"@type":"NewsArticle","headline":"{article.headline}",
"author":{{"@type":"Person","name":"Bench Reporter"}}}}</script>
<script>{SCRIPT}</script>{state}
<style>body{{font:16px Georgia}} nav a{{margin:0 4px}}</style></head>
<body><header><a href="/">The Bench Gazette</a><nav>{NAV}</nav></header>
<main><article><h1>{article.headline}</h1><p class="byline">By Bench Reporter</p>
<div class="body">{body}</div></article>
<aside><h2>Related</h2><ul>{related}</ul></aside></main>
<footer><p>The Bench Gazette. All rights reserved.</p><script>track({article.number});</script>
</footer></body></html>""".encode()


@dataclass
class CorpusServer:
    articles: list[Article]
    host: str = "127.0.0.1"
    # a day before the server starts: a fixed date would age past the schedule's retirement
    published: str = field(
        default_factory=lambda: f"{datetime.now(UTC) - timedelta(days=1):%Y-%m-%dT%H:%M:%SZ}"
    )
    requests: int = 0
    weight_kb: int = 0  # 0: pages as light as their text allows (about 18 KB on average)
    site_share: float = 0.0  # of the weight added, the share that is the same on every page
    _cache: dict[tuple[int, int], tuple[bytes, str]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self._server = QuietHTTPServer((self.host, 0), self._handler())
        self._server.daemon_threads = True
        self._server.request_queue_size = 128
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://{self.host}:{self._server.server_address[1]}"

    def url(self, number: int) -> str:
        return f"{self.base}/news/2026/11/25/story-{number}"

    def page(self, number: int) -> tuple[bytes, str]:
        article = self.articles[number]
        key = (number, article.revision)
        with self._lock:
            if key not in self._cache:
                data = render(article, self.base, self.published, self.weight_kb, self.site_share)
                self._cache[key] = (data, '"' + hashlib.sha1(data).hexdigest()[:16] + '"')
            return self._cache[key]

    def edit(self, share: float, seed: int = 11) -> list[int]:
        rnd = random.Random(seed)
        chosen = rnd.sample(range(len(self.articles)), max(1, int(len(self.articles) * share)))
        for number in chosen:
            self.articles[number].edit(rnd)
        return chosen

    def sitemap(self, start: int, stop: int) -> bytes:
        urls = "".join(f"<url><loc>{self.url(i)}</loc></url>" for i in range(start, stop))
        return (
            '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/'
            f'0.9">{urls}</urlset>'
        ).encode()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        corpus = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # headers and body must not wait for ACKs

            def do_GET(self) -> None:
                corpus.requests += 1
                path = self.path.split("?", 1)[0]
                if path.startswith("/news/2026/11/25/story-"):
                    number = int(path.rsplit("-", 1)[1])
                    data, etag = corpus.page(number)
                    modified = formatdate(corpus.articles[number].modified, usegmt=True)
                    if self.headers.get("If-None-Match") == etag:
                        self.send_response(304)
                        self.send_header("ETag", etag)
                        self.send_header("Content-Length", "0")
                        self.end_headers()
                        return
                    self._reply(200, data, "text/html; charset=utf-8", etag, modified)
                elif path.startswith("/sitemap-"):
                    start, stop = (int(x) for x in path[len("/sitemap-") : -4].split("-"))
                    self._reply(200, corpus.sitemap(start, stop), "application/xml")
                else:
                    self._reply(404, b"not found", "text/plain")

            def _reply(
                self,
                status: int,
                data: bytes,
                kind: str,
                etag: str | None = None,
                modified: str | None = None,
            ) -> None:
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(data)))
                if etag:
                    self.send_header("ETag", etag)
                if modified:
                    self.send_header("Last-Modified", modified)
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format: str, *args: object) -> None:
                pass

        return Handler

    def __enter__(self) -> CorpusServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()


def serve_forever(count: int, port_file: str, weight_kb: int = 0, site_share: float = 0.0) -> None:
    """Run the corpus server in a process of its own (so that it does not share a GIL with the
    process being measured). Writes its base URL to ``port_file``; stdin lines control it:
    ``edit SHARE`` revises a share of the articles."""

    corpus = make_corpus(count)
    with CorpusServer(corpus, weight_kb=weight_kb, site_share=site_share) as server:
        with open(port_file, "w", encoding="utf-8") as out:
            out.write(server.base)
        for line in sys.stdin:
            command = line.split()
            if command[:1] == ["edit"]:
                server.edit(float(command[1]))
                print("edited", flush=True)
            elif command[:1] == ["requests"]:
                print(server.requests, flush=True)


if __name__ == "__main__":
    weight, share = [*sys.argv[3:], "0", "0"][:2]
    serve_forever(int(sys.argv[1]), sys.argv[2], int(weight), float(share))
