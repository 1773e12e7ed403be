"""Finding articles: RSS, Atom and JSON feeds, news sitemaps and sitemap indexes, section pages.

Pure parsing of bytes already fetched through the gate; each function returns the article URLs
found, in canonical form, with the last-modified time the source gives when it gives one.
Feeds and sitemaps are parsed with entity expansion off: a document that declares entities is
refused outright (no feed or sitemap needs them; a "billion laughs" does).
"""

from __future__ import annotations

import gzip
import io
import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from lxml import etree

if TYPE_CHECKING:
    import feedparser

# feedparser and BeautifulSoup are imported by the parser that needs them: most runs read
# sitemaps only, or nothing at all.

from newswatch.metadata import parse_date
from newswatch.sources import Source

MAX_FOUND = 500  # article links taken from one source in one pass

TRACKING = re.compile(
    r"^(?:utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|yclid|_ga|_gl|"
    r"ocid|cmpid|cmp|at_medium|at_campaign|at_custom\d*|xtor|smid|sr_share|ito|intcmp|"
    r"ref|ref_src|ref_url|share|src|ns_mchannel|ns_source|ns_campaign|ns_linkname|ns_fee|"
    r"ftag|mbid|guccounter|guce_referrer\w*|soc_src|soc_trk|__twitter_impression|"
    # a home page's slot ("?hpt=hp_t1"), a syndicator's or a newsletter's tag
    r"hpt|ncid|mod|s_cid|traffic_source|emc|spm)$",
    re.I,
)


def looks_like_story(url: str) -> bool:
    """Without a pattern or selector, a section page's article links are the ones whose path
    looks like a story: at least two segments deep, ending in a slug with a dash, or carrying a
    date or a long id."""
    segments = [s for s in urlsplit(url).path.split("/") if s]
    if len(segments) < 2 or any(s.lower() in _LISTINGS for s in segments):
        return False
    return "-" in segments[-1] or any(re.fullmatch(r"\d{4,}", s) for s in segments)


# pages that list stories, not stories: "/category/artificial-intelligence/", "/tag/video-games/"
_LISTINGS = frozenset(
    "category categories tag tags topic topics author authors profile profiles search".split()
)


class DiscoveryError(ValueError):
    """The source's document could not be read as what it claims to be."""


@dataclass(frozen=True)
class Found:
    url: str
    lastmod: datetime | None = None
    title: str | None = None


@dataclass
class Discovery:
    articles: list[Found] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)  # child sitemaps of an index, to fetch


_ABSOLUTE = ("http://", "https://")


def canonical_url(url: str, base: str | None = None) -> str:
    """One spelling per article: scheme and host lower-cased, default port, fragment and
    tracking parameters dropped, the rest of the query kept in order."""
    url = url.strip()
    # a sitemap's or feed's URLs are absolute as a rule: joining them changes nothing
    absolute = urljoin(base, url) if base and not url.lower().startswith(_ABSOLUTE) else url
    parts = urlsplit(absolute)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    netloc = f"[{host}]" if ":" in host else host  # an IPv6 literal keeps its brackets
    if parts.port is not None and (scheme, parts.port) not in (("http", 80), ("https", 443)):
        netloc += f":{parts.port}"
    query = urlencode(
        [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not TRACKING.match(k)]
    )
    path = parts.path or "/"
    return urlunsplit((scheme, netloc, path, query, ""))


def _refuse_entities(data: bytes, source: str) -> None:
    if re.search(rb"<!ENTITY", data[:200_000], re.I):
        raise DiscoveryError(f"{source}: the document declares XML entities; refused")


def _looks_like_html(data: bytes) -> bool:
    head = data[:2000].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head[:500]


# --- feeds ------------------------------------------------------------------------------------


def _entry_time(entry: feedparser.FeedParserDict) -> datetime | None:
    for key in ("updated_parsed", "published_parsed"):
        value = entry.get(key)
        if value:
            return datetime(*value[:6]).replace(tzinfo=UTC)
    return None


def parse_json_feed(data: bytes, base_url: str) -> Discovery:
    """A JSON Feed (jsonfeed.org): its items' ``url`` (or ``external_url``), title and dates."""
    try:
        feed = json.loads(data)
    except (ValueError, UnicodeDecodeError) as exc:
        raise DiscoveryError(f"not a usable JSON Feed: {exc}") from None
    items = feed.get("items") if isinstance(feed, dict) else None
    if not isinstance(items, list) or "jsonfeed.org" not in str(feed.get("version", "")):
        raise DiscoveryError("not a usable JSON Feed: no version from jsonfeed.org or no items")
    found = []
    for item in items[:MAX_FOUND]:
        if not isinstance(item, dict):
            continue
        link = item.get("url") or item.get("external_url")
        if not isinstance(link, str) or not link.strip():
            continue
        url = canonical_url(link.strip(), base_url)
        when = parse_date(str(item.get("date_modified") or item.get("date_published") or ""))
        title = item.get("title")
        if url.startswith(("http://", "https://")):
            found.append(Found(url, when, title if isinstance(title, str) else None))
    if not found:
        raise DiscoveryError("the feed lists no article links")
    return Discovery(articles=found)


def parse_feed(data: bytes, base_url: str) -> Discovery:
    if not data.strip():
        raise DiscoveryError("the feed is empty")
    body = data.lstrip(b"\xef\xbb\xbf \t\r\n")  # a BOM, then white space
    if body[:1] == b"{":  # feedparser reads RSS and Atom, not JSON Feed
        return parse_json_feed(body, base_url)
    _refuse_entities(data, "feed")
    if _looks_like_html(data):
        raise DiscoveryError("an HTML page came back instead of a feed")
    import feedparser

    parsed = feedparser.parse(io.BytesIO(data), sanitize_html=False, resolve_relative_uris=False)
    if not parsed.entries:
        reason = str(parsed.get("bozo_exception") or "no entries").splitlines()[0][:200]
        raise DiscoveryError(f"not a usable RSS or Atom feed: {reason}")
    found = []
    for entry in parsed.entries[:MAX_FOUND]:
        link = entry.get("link") or next(
            (link.get("href") for link in entry.get("links", []) if link.get("href")), None
        )
        if not link:
            continue
        url = canonical_url(link, base_url)
        if url.startswith(("http://", "https://")):
            found.append(Found(url, _entry_time(entry), entry.get("title")))
    if not found:
        raise DiscoveryError("the feed lists no article links")
    return Discovery(articles=found)


# --- sitemaps ---------------------------------------------------------------------------------

_SAFE_XML = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    huge_tree=False,
    load_dtd=False,
    dtd_validation=False,
    recover=False,
)


def _local(tag: object) -> str:
    return str(tag).rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def parse_sitemap(data: bytes, base_url: str, max_bytes: int = 20_000_000) -> Discovery:
    if data[:2] == b"\x1f\x8b":  # a .xml.gz sitemap served as a file, not as an encoding
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as unzipped:
            data = unzipped.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise DiscoveryError(f"the sitemap inflates past {max_bytes} bytes")
    if not data.strip():
        raise DiscoveryError("the sitemap is empty")
    _refuse_entities(data, "sitemap")
    if _looks_like_html(data):
        raise DiscoveryError("an HTML page came back instead of a sitemap")
    try:
        root = etree.fromstring(data, _SAFE_XML)
    except etree.XMLSyntaxError as exc:
        raise DiscoveryError(f"malformed sitemap XML: {exc}") from None
    kind = _local(root.tag)
    discovery = Discovery()
    if kind == "sitemapindex":
        for node in root:
            loc = next((c.text for c in node if _local(c.tag) == "loc" and c.text), None)
            if loc:
                discovery.sitemaps.append(canonical_url(loc, base_url))
        return discovery
    if kind != "urlset":
        raise DiscoveryError(f"not a sitemap: the root element is <{kind or '?'}>")
    for node in root:
        if _local(node.tag) != "url":
            continue
        loc = lastmod = title = None
        for child in node.iter():
            name = _local(child.tag)
            if name == "loc" and child.text and loc is None:
                loc = child.text
            elif name in ("lastmod", "publication_date") and child.text:
                lastmod = max(filter(None, (lastmod, parse_date(child.text.strip()))), default=None)
            elif name == "title" and child.text:
                title = child.text.strip()
        if loc:
            discovery.articles.append(Found(canonical_url(loc, base_url), lastmod, title))
    discovery.articles.sort(
        key=lambda f: f.lastmod or datetime.min.replace(tzinfo=UTC), reverse=True
    )
    discovery.articles = discovery.articles[:MAX_FOUND]
    return discovery


# --- section pages ----------------------------------------------------------------------------


def parse_section(
    html: str, base_url: str, *, link_pattern: str | None = None, link_selector: str | None = None
) -> Discovery:
    """Article links on a home or section page: those matching the source's URL pattern or
    CSS selector, on the same site."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    anchors = soup.select(link_selector) if link_selector else soup.find_all("a", href=True)
    pattern = re.compile(link_pattern) if link_pattern else None
    site = urlsplit(base_url).hostname
    seen: set[str] = set()
    found = []
    for anchor in anchors:
        href = anchor.get("href") if anchor.name == "a" else None
        if href is None:
            inner = anchor.find("a", href=True)
            href = inner.get("href") if inner else None
        if not isinstance(href, str) or href.startswith(("#", "mailto:", "javascript:")):
            continue
        url = canonical_url(href, base_url)
        if urlsplit(url).hostname != site or url in seen:
            continue
        if pattern is not None and not pattern.search(url):
            continue
        if pattern is None and link_selector is None and not looks_like_story(url):
            continue
        seen.add(url)
        title = " ".join(anchor.get_text(" ").split()) or None
        found.append(Found(url, None, title))
        if len(found) >= MAX_FOUND:
            break
    if not found:
        raise DiscoveryError("no article links matched on the page")
    return Discovery(articles=found)


def discover(source: Source, data: bytes, text: str | None, base_url: str) -> Discovery:
    """Dispatch on the source's kind; ``text`` is the decoded page for section sources."""
    if source.kind == "feed":
        return parse_feed(data, base_url)
    if source.kind == "sitemap":
        return parse_sitemap(data, base_url)
    if source.kind == "section":
        return parse_section(
            text or "",
            base_url,
            link_pattern=source.link_pattern,
            link_selector=source.link_selector,
        )
    raise DiscoveryError(f"kind {source.kind!r} has nothing to discover")
