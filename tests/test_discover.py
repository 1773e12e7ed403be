import gzip
from datetime import UTC, datetime

import pytest

from newswatch.discover import (
    DiscoveryError,
    canonical_url,
    parse_feed,
    parse_section,
    parse_sitemap,
)

BASE = "https://news.example.org/"


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (
            "HTTPS://News.Example.org:443/World/Story-1?utm_source=rss&id=5&fbclid=x#top",
            "https://news.example.org/World/Story-1?id=5",
        ),
        ("http://news.example.org:80/a", "http://news.example.org/a"),
        ("https://news.example.org:8443/a?gclid=1&ref=home", "https://news.example.org:8443/a"),
        ("/world/a-b-c?utm_medium=x", "https://news.example.org/world/a-b-c"),
        ("http://[::1]:8080/a?mc_cid=4", "http://[::1]:8080/a"),
        # a home page's slot and a newsletter's tag: one article, however it was linked
        (
            "/2026/11/24/world/ferry/index.html?hpt=hp_t1",
            "https://news.example.org/2026/11/24/world/ferry/index.html",
        ),
        (
            "/articles/ferry-fares-123?mod=hp_lead_pos1",
            "https://news.example.org/articles/ferry-fares-123",
        ),
    ],
)
def test_canonical_urls(given: str, expected: str) -> None:
    assert canonical_url(given, BASE) == expected


RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Coast Courier</title>
<item><title>Harbour board closes terminal</title>
<link>https://news.example.org/local/2026/11/harbour-board-closes-terminal?utm_source=rss</link>
<pubDate>Tue, 24 Nov 2026 09:30:00 GMT</pubDate></item>
<item><title>Storm warning lifted</title><link>/weather/storm-warning-lifted</link></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Coast Courier</title>
<entry><title>Ferry fares frozen</title>
<link href="https://news.example.org/transport/ferry-fares-frozen"/>
<updated>2026-11-24T10:00:00Z</updated></entry></feed>"""


def test_rss_and_atom_feeds() -> None:
    rss = parse_feed(RSS, BASE).articles
    assert [f.url for f in rss] == [
        "https://news.example.org/local/2026/11/harbour-board-closes-terminal",
        "https://news.example.org/weather/storm-warning-lifted",
    ]
    assert rss[0].lastmod == datetime(2026, 11, 24, 9, 30, tzinfo=UTC)
    assert rss[0].title == "Harbour board closes terminal"
    (atom,) = parse_feed(ATOM, BASE).articles
    assert atom.url.endswith("/ferry-fares-frozen")
    assert atom.lastmod == datetime(2026, 11, 24, 10, 0, tzinfo=UTC)


LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<rss version="2.0"><channel><item><title>&lol3;</title><link>https://e.org/a</link></item></channel></rss>"""
EXTERNAL = b"""<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>&x;</loc></url></urlset>"""


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"   \n", "empty"),
        (b"<!DOCTYPE html><html><body><h1>Welcome</h1></body></html>", "HTML page came back"),
        (b"<rss><channel><item><title>broken", "no article links|not a usable"),
        (b"just some text", "not a usable RSS or Atom feed"),
        (LAUGHS, "declares XML entities"),
    ],
)
def test_bad_feeds_are_clear_errors(data: bytes, reason: str) -> None:
    with pytest.raises(DiscoveryError, match=reason):
        parse_feed(data, BASE)


SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://news.example.org/a/older-story</loc><lastmod>2026-11-20T08:00:00Z</lastmod></url>
<url><loc>https://news.example.org/a/newer-story?utm_campaign=x</loc>
<news:news><news:publication_date>2026-11-24T08:00:00+01:00</news:publication_date>
<news:title>Newer story</news:title></news:news></url>
</urlset>"""
INDEX = b"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://news.example.org/sitemap-news.xml</loc></sitemap>
<sitemap><loc>/sitemap-2026-11.xml.gz</loc></sitemap></sitemapindex>"""


def test_news_sitemaps_and_indexes() -> None:
    found = parse_sitemap(SITEMAP, BASE).articles
    assert [f.url for f in found] == [
        "https://news.example.org/a/newer-story",
        "https://news.example.org/a/older-story",
    ]
    assert found[0].lastmod == datetime(2026, 11, 24, 7, 0, tzinfo=UTC)
    assert found[0].title == "Newer story"
    index = parse_sitemap(INDEX, BASE)
    assert index.articles == []
    assert index.sitemaps == [
        "https://news.example.org/sitemap-news.xml",
        "https://news.example.org/sitemap-2026-11.xml.gz",
    ]
    zipped = parse_sitemap(gzip.compress(SITEMAP), BASE).articles
    assert [f.url for f in zipped] == [f.url for f in found]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (EXTERNAL, "declares XML entities"),
        (b"<urlset><url><loc>x</loc>", "malformed sitemap XML"),
        (b"<html><body>hi</body></html>", "HTML page came back"),
        (b"<?xml version='1.0'?><feed/>", "not a sitemap"),
        (gzip.compress(b"\0" * 30_000_000), "inflates past"),
    ],
)
def test_bad_sitemaps_are_clear_errors(data: bytes, reason: str) -> None:
    with pytest.raises(DiscoveryError, match=reason):
        parse_sitemap(data, BASE, max_bytes=20_000_000)


SECTION = """<html><body><nav><a href="/">Home</a><a href="/world/">World</a>
<a href="/about">About us</a></nav>
<main><a class="story" href="/world/2026/11/24/talks-resume-in-orsk">Talks resume</a>
<a class="story" href="https://news.example.org/world/2026/11/24/ceasefire-holds?utm_source=home">Ceasefire holds</a>
<a href="https://elsewhere.example.com/world/2026/11/24/other-site-story">Elsewhere</a>
<div class="teaser"><a href="/live/12345678">Live</a></div>
<a href="/category/harbour-news/">Harbour news</a><a href="/tag/ferry-fares/">Ferry fares</a>
<a href="/world/2026/11/24/talks-resume-in-orsk?hpt=hp_t2">Talks resume</a></main></body></html>"""


def test_section_pages() -> None:
    default = [f.url for f in parse_section(SECTION, BASE + "world/").articles]
    assert default == [
        "https://news.example.org/world/2026/11/24/talks-resume-in-orsk",
        "https://news.example.org/world/2026/11/24/ceasefire-holds",
        "https://news.example.org/live/12345678",
    ]
    by_pattern = parse_section(SECTION, BASE, link_pattern=r"/live/").articles
    assert [f.url for f in by_pattern] == ["https://news.example.org/live/12345678"]
    by_selector = parse_section(SECTION, BASE, link_selector="a.story").articles
    assert [f.title for f in by_selector] == ["Talks resume", "Ceasefire holds"]
    with pytest.raises(DiscoveryError, match="no article links"):
        parse_section(SECTION, BASE, link_pattern=r"/sport/")


JSON_FEED = b"""\xef\xbb\xbf{"version": "https://jsonfeed.org/version/1.1", "title": "Coast Courier",
 "items": [
  {"id": "1", "url": "https://news.example.org/local/harbour-board-closes-terminal?utm_source=x",
   "title": "Harbour board closes terminal", "date_published": "2026-11-24T09:30:00Z"},
  {"id": "2", "external_url": "/weather/storm-warning-lifted",
   "date_modified": "2026-11-24T11:00:00+01:00"},
  {"id": "3", "content_text": "An item without a link is skipped."}
 ]}"""


def test_a_json_feed_lists_its_items() -> None:
    found = parse_feed(JSON_FEED, BASE).articles
    assert [f.url for f in found] == [
        "https://news.example.org/local/harbour-board-closes-terminal",
        "https://news.example.org/weather/storm-warning-lifted",
    ]
    assert found[0].title == "Harbour board closes terminal"
    assert found[0].lastmod == datetime(2026, 11, 24, 9, 30, tzinfo=UTC)
    assert found[1].lastmod == datetime(2026, 11, 24, 10, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b'{"version": "https://jsonfeed.org/version/1.1", "items": [', "not a usable JSON Feed"),
        (b'{"items": [{"url": "https://e.org/a"}]}', "no version from jsonfeed.org"),
        (b'{"version": "https://jsonfeed.org/version/1", "items": []}', "no article links"),
    ],
)
def test_bad_json_feeds_are_clear_errors(data: bytes, reason: str) -> None:
    with pytest.raises(DiscoveryError, match=reason):
        parse_feed(data, BASE)
