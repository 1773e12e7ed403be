"""What a page says about itself besides its text: its publication and update times, its
canonical address, whether it is live coverage, read from its meta tags, its JSON-LD and its
markup (``newswatch.extract`` reads them before it prunes the page for its text)."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml import etree

from newswatch import json_ld

_SLASHED = re.compile(r"^(\d{4})/(\d{2})/(\d{2})(?=$|[ T])")
_EPOCH = re.compile(r"^\d{10}(?:\d{3})?$")  # seconds or milliseconds since 1970


def parse_date(value: str | None) -> datetime | None:
    """An ISO date and time as most pages write it; "2018/06/18" and an epoch count as some
    do. A date without a zone is read as UTC."""
    if not value:
        return None
    text = value.strip().replace("Z", "+00:00")
    if _EPOCH.match(text):
        return datetime.fromtimestamp(int(text[:10]), UTC)
    text = _SLASHED.sub(r"\1-\2-\3", text)
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


_META_TAGS = etree.XPath("//meta[@content]")
_META_KEYS = ("property", "name", "itemprop")


def meta_tags(tree: lxml.html.HtmlElement) -> dict[str, str]:
    """The page's meta tags by their property, name or itemprop (the first of each): read
    once, as a page is asked for a dozen keys and most are missing."""
    found: dict[str, str] = {}
    for meta in _META_TAGS(tree):
        content = (meta.get("content") or "").strip()
        if not content:
            continue
        for attr in _META_KEYS:
            key = meta.get(attr)
            if key is not None:
                found.setdefault(f"{attr}={key}", content)
                found.setdefault(f"{attr}={key.lower()}", content)  # "DC.date.issued"
    return found


PUBLISHED_NAMES = (
    "og:published_time", "parsely-pub-date", "sailthru.date", "pubdate", "publishdate",
    "publish-date", "publish_date", "dc.date.issued", "dcterms.created", "dc.date",
    "cxenseparse:recs:publishtime", "epoch-publish-date", "date", "datecreated",
)  # fmt: skip


def microdata_date(tree: lxml.html.HtmlElement, *props: str) -> datetime | None:
    """A schema.org date given as microdata on an element of the page ("<span
    itemprop=datePublished content=...>", "<time itemprop=dateModified datetime=...>"): its
    content or datetime attribute, else its text. The first such element is the article's;
    later ones are usually teasers of other stories."""
    for element in tree.xpath(
        "//*[not(self::meta)][" + " or ".join(f"@itemprop='{p}'" for p in props) + "]"
    )[:1]:
        value = element.get("content") or element.get("datetime") or element.text_content()
        return parse_date(value.strip())
    return None


def json_field(value: str | None, key: str) -> str | None:
    """One field of a meta tag that holds a JSON object (Parse.ly's "parsely-page")."""
    try:
        found = json.loads(value or "").get(key)
    except (ValueError, AttributeError):
        return None
    return found if isinstance(found, str) else None


def meta(tags: dict[str, str], *keys: str) -> str | None:
    for key in keys:
        for attr in _META_KEYS:
            value = tags.get(f"{attr}={key}")
            if value:
                return value
    return None


# News sites put live coverage under a path segment of its own ("/live/", "/live-news/"...).
_LIVE_PATH = re.compile(
    r"/(?:live|live-?news|live-?blog|live-?updates|live-?coverage)(?:/|$)", re.I
)


def is_live(ld: dict[str, object], url: str, canonical: str | None = None) -> bool:
    """Whether the page is live coverage: a JSON-LD ``LiveBlogPosting``, or a live path."""
    if "LiveBlogPosting" in json_ld.kinds(ld):
        return True
    return any(u and _LIVE_PATH.search(urlsplit(u).path) for u in (url, canonical))


def first_text(tree: lxml.html.HtmlElement, xpath: str) -> str | None:
    for node in tree.xpath(xpath)[:3]:
        text = " ".join(" ".join(node.itertext()).split())  # spans set side by side
        text = re.sub(r"^(?:by|von|par|por)\s+", "", text, flags=re.I)
        if 2 < len(text) <= 120:
            return text
    return None


def not_a_url(value: str | None) -> str | None:
    return None if value is None or re.match(r"(?:https?:)?//", value.strip()) else value


def page_canonical(tree: lxml.html.HtmlElement, tags: dict[str, str], url: str) -> str | None:
    """The page's own address for itself: absolute, or joined to the page's URL when it starts
    at the site's root; anything else ("8003098", seen on a real page) is no address."""
    links = tree.xpath('//link[@rel="canonical"]/@href')
    found = str(links[0]).strip() if links and str(links[0]).strip() else meta(tags, "og:url")
    if not found:
        return None
    if found.lower().startswith(("http://", "https://")):
        return found
    return urljoin(url, found) if found.startswith("/") and not found.startswith("//") else None
