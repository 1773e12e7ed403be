"""Scan the watchlist's feeds, sitemaps and section pages for articles to track.

Each source is fetched through the same gate as articles (politeness, robots.txt, address
checks), parsed by ``newswatch.discover``, and the articles it lists are added to the store,
due for a first check at once. An article a source announces with a newer lastmod than last time
is pulled forward. A source that cannot be read gets a one-line error of its own; the other
sources carry on.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import UTC, datetime

import requests
from sqlalchemy import select, update

from newswatch import models as m
from newswatch import store as st
from newswatch.decoding import decode_html
from newswatch.discover import Discovery, DiscoveryError, Found, discover
from newswatch.fetch import FetchError, FetchOptions, fetch, make_session
from newswatch.hosts import HostGate
from newswatch.schedule import comes_back, pulled_forward
from newswatch.settings import Settings
from newswatch.sources import Source, Watchlist

MAX_CHILD_SITEMAPS = 5  # of a sitemap index, the newest few


@dataclass(frozen=True)
class ScanResult:
    source: str
    kind: str
    found: int = 0
    new: int = 0
    pulled_forward: int = 0
    error: str | None = None

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def discoverable(watchlist: Watchlist) -> list[Source]:
    return [s for s in watchlist.enabled_sources() if s.kind != "article"]


def scan_sources(
    store: st.Store, watchlist: Watchlist, settings: Settings, names: list[str] | None = None
) -> list[ScanResult]:
    from newswatch.pipeline import fetch_options, politeness

    options = fetch_options(settings)
    gate = HostGate(store, politeness(settings))
    results = []
    with make_session(options) as http:
        for source in discoverable(watchlist):
            if names is None or source.name in names:
                results.append(scan_source(store, source, options, http, gate))
    return results


def read_source(
    source: Source, options: FetchOptions, http: requests.Session, gate: HostGate | None
) -> Discovery:
    """Fetch and parse one source (and the newest children of a sitemap index)."""
    discovery = _fetch_and_parse(source, source.url, options, http, gate)
    for child in discovery.sitemaps[:MAX_CHILD_SITEMAPS]:
        discovery.articles += _fetch_and_parse(source, child, options, http, gate).articles
    discovery.articles = _newest(discovery.articles, source.max_articles)
    return discovery


def _newest(found: list[Found], limit: int) -> list[Found]:
    unique: dict[str, Found] = {}
    for item in found:
        unique.setdefault(item.url, item)
    oldest = datetime.min.replace(tzinfo=UTC)
    # newest first; entries without a date keep the source's own order, after the dated ones
    ordered = sorted(unique.values(), key=lambda f: f.lastmod or oldest, reverse=True)
    return ordered[:limit]


def _fetch_and_parse(
    source: Source, url: str, options: FetchOptions, http: requests.Session, gate: HostGate | None
) -> Discovery:
    if gate is not None:
        if not gate.robots_allows(url, lambda u: fetch(u, options, session=http)):
            raise FetchError("disallowed by robots.txt for the newswatch user agent")
        lease = gate.acquire(url)
    try:
        result = fetch(url, options, session=http)
    finally:
        if gate is not None:
            gate.release(lease)
    if result.error is not None:
        raise FetchError(result.error, transient=result.transient)
    body = result.body or b""
    text = (
        decode_html(body, result.headers.get("content-type")) if source.kind == "section" else None
    )
    return discover(source, body, text, result.final_url)


def scan_source(
    store: st.Store,
    source: Source,
    options: FetchOptions,
    http: requests.Session,
    gate: HostGate | None,
) -> ScanResult:
    try:
        discovery = read_source(source, options, http, gate)
    except (FetchError, DiscoveryError) as exc:
        reason = exc.reason if isinstance(exc, FetchError) else str(exc)
        _record_source(store, source.name, "failing", f"{source.name}: {reason}", 0)
        return ScanResult(source.name, source.kind, error=f"{source.name}: {reason}")
    new, pulled = _track(store, source, discovery.articles)
    _record_source(store, source.name, "ok", None, len(discovery.articles))
    return ScanResult(source.name, source.kind, len(discovery.articles), new, pulled)


def _record_source(store: st.Store, name: str, status: str, error: str | None, found: int) -> None:
    with store.transaction() as session:
        row = session.scalar(select(m.Source).where(m.Source.name == name))
        if row is not None:
            row.status, row.last_error, row.last_checked_at = status, error, m.utcnow()
            if status == "ok":
                row.found = found


def _track(store: st.Store, source: Source, found: list[Found]) -> tuple[int, int]:
    """Add new articles (due now); pull forward known ones with a newer lastmod."""
    now = m.utcnow()
    pulled = 0
    newest: dict[str, Found] = {}  # a URL listed twice counts once, with its latest lastmod
    for item in found:
        seen = newest.get(item.url)
        if seen is None or (item.lastmod and (seen.lastmod is None or item.lastmod > seen.lastmod)):
            newest[item.url] = item
    cadence = source.cadence()
    with store.transaction() as session:
        source_id = session.scalar(select(m.Source.id).where(m.Source.name == source.name))
        known = st.find_articles(session, list(newest))
        changed = []
        for url, item in newest.items():
            article = known.get(url)
            if article is None:
                continue
            next_check = pulled_forward(
                article.next_check_at, item.lastmod, article.lastmod_seen, now
            )
            status, lastmod_seen = article.status, article.lastmod_seen
            if item.lastmod is not None and (lastmod_seen is None or item.lastmod > lastmod_seen):
                lastmod_seen = item.lastmod
                if status == "retired":
                    status = "ok"  # an old story announced as modified: watch it again
                    next_check = now
            if comes_back(status, cadence, now, article.born_at or article.created_at):
                status, next_check = "ok", now  # the source's schedule now covers it again
            if next_check != article.next_check_at:
                pulled += 1
            if (next_check, lastmod_seen, status) != (
                article.next_check_at,
                article.lastmod_seen,
                article.status,
            ):
                changed.append(
                    {
                        "id": article.id,
                        "next_check_at": next_check,
                        "lastmod_seen": lastmod_seen,
                        "status": status,
                    }
                )
        if changed:
            session.execute(update(m.Article), changed)  # by primary key, in one statement
        # another worker scanning the same source at once may add some first: no error
        new = st.insert_ignore_many(
            session,
            m.Article,
            [
                {
                    "url": url,
                    "source_id": source_id,
                    "status": "new",
                    "lastmod_seen": item.lastmod,
                    "created_at": now,
                    "consecutive_failures": 0,
                }
                for url, item in newest.items()
                if url not in known
            ],
        )
    return new, pulled


def preview(store: st.Store, source: Source, settings: Settings) -> Discovery:
    """`newswatch sources check`: what a source would give, without tracking anything (robots.txt
    and politeness still apply)."""
    from newswatch.pipeline import fetch_options, politeness

    options = fetch_options(settings)
    with make_session(options) as http:
        return read_source(source, options, http, HostGate(store, politeness(settings)))
