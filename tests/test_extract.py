from datetime import UTC, datetime, timedelta

import pytest

from newswatch.demo.site import DemoSite
from newswatch.extract import (
    ExtractionError,
    extract,
    extract_or_error,
    normalise_text,
)

ARTICLE = """<!DOCTYPE html><html lang="en"><head>
<meta charset="{charset}"><title>Ferry strike ends after talks | Coast Courier</title>
<meta property="og:title" content="Ferry strike ends after talks">
<meta property="article:published_time" content="2026-03-02T09:15:00+01:00">
</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<main><article><h1>Ferry strike ends after talks</h1>
<p class="by">By Tomas Brandt</p>
<div class="body">
<p>Crews on the island ferries returned to work on Monday after a {dash} day strike over rosters.</p>
<p>The union said its members had accepted a pay rise of {pct} per cent and a cap on night shifts.</p>
<p>{quote}We got most of what we asked for,{quote_end} said the union's regional secretary, who added that talks on pensions would continue next month.</p>
</div></article>
<aside><h2>Most read</h2><ul><li><a href="/x">Harbour dredging begins</a></li></ul></aside>
</main><footer>Coast Courier</footer></body></html>"""


def page(
    charset: str = "utf-8",
    dash: str = "nine",
    pct: str = "4",
    quote: str = "\u201c",
    quote_end: str = "\u201d",
) -> str:
    return ARTICLE.format(charset=charset, dash=dash, pct=pct, quote=quote, quote_end=quote_end)


def test_demo_page_yields_text_and_metadata_without_page_noise() -> None:
    site = DemoSite(now=datetime(2026, 11, 19, 12, 0, tzinfo=UTC))
    html = site.render()
    got = extract(html.encode(), "http://127.0.0.1/world/peace")
    assert got.headline == "Veloria and Kastan agree outline of draft peace plan"
    assert got.byline == "Mira Okafor"
    assert got.published == datetime(2026, 11, 19, 8, 0, tzinfo=UTC)
    assert got.canonical_url is not None and got.canonical_url.endswith(site.path)
    assert got.text.startswith("Negotiators from Veloria and Kastan")
    assert "- Clause 7: The Kastani armed forces will be capped at 600,000 troops." in got.text
    for noise in ("minutes ago", "Related stories", "shares", "adSlots", site.headline):
        assert noise not in got.text


def test_the_demo_article_is_always_young() -> None:
    """Its dates follow the site's start, so the schedule never retires it whatever the date."""
    now = datetime.now(UTC)
    site = DemoSite()
    published = extract(site.render().encode(), "http://x/a").published
    assert published is not None and timedelta(hours=3) < now - published < timedelta(hours=5)
    for number in (1, 2, 3):
        site.publish(number)
        modified = extract(site.render().encode(), "http://x/a").modified
        assert modified is not None and published <= modified <= now


def test_page_noise_and_typography_do_not_change_the_fingerprint() -> None:
    site = DemoSite()
    site.publish(2)
    second = extract(site.render().encode(), "http://x/a")
    again = extract(site.render().encode(), "http://x/a")  # new noise on every request
    site.publish(3)  # typography, wrapping and modified date only
    third = extract(site.render().encode(), "http://x/a")
    assert second.fingerprint == again.fingerprint == third.fingerprint
    assert third.modified != second.modified
    site.publish(1)
    assert extract(site.render().encode(), "http://x/a").fingerprint != second.fingerprint


def test_straight_and_curly_quotes_are_one_text() -> None:
    curly = extract(page().encode(), "http://x/a")
    straight = extract(page(quote='"', quote_end='"').encode(), "http://x/a")
    assert curly.fingerprint == straight.fingerprint
    assert '"We got most of what we asked for," said' in curly.text
    assert extract(page(pct="5").encode(), "http://x/a").fingerprint != curly.fingerprint


def test_a_page_that_only_changed_its_encoding_is_the_same_text() -> None:
    text = page(charset="windows-1252", dash="nine", quote="\u201c", quote_end="\u201d")
    as_1252 = extract(text.encode("cp1252"), "http://x/a")
    as_utf8 = extract(page().encode("utf-8"), "http://x/a", content_type="text/html; charset=utf-8")
    assert as_1252.text == as_utf8.text and as_1252.fingerprint == as_utf8.fingerprint


def test_an_xhtml_page_with_an_xml_declaration_is_read() -> None:
    xhtml = (
        '<?xml version="1.0" encoding="{enc}"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 '
        'Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n'
        '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Caf\u00e9 fares rise</title>'
        "</head><body><article><h1>Caf\u00e9 fares rise</h1><p>Ferry caf\u00e9 prices on the "
        "island routes will rise by eight per cent from January, the operator said on Monday.</p>"
        "<p>The council said it would ask the operator to delay the rise until spring.</p>"
        "</article></body></html>"
    )
    for encoding in ("utf-8", "iso-8859-1"):
        page_bytes = xhtml.format(enc=encoding).encode(encoding)
        extracted = extract(page_bytes, "http://x/xhtml")
        assert extracted.headline == "Caf\u00e9 fares rise"
        assert "Ferry caf\u00e9 prices" in extracted.text


def test_utf16_without_a_bom_and_nul_bytes_are_read_as_text() -> None:
    body = (
        "<html><body><article><h1>Fares rise</h1><p>Ferry fares on the island routes will rise "
        "by eight per cent from January, the operator said on Monday.</p></article></body></html>"
    )
    for encoding in ("utf-16-le", "utf-16-be"):
        text = extract(
            body.encode(encoding), "http://x/wide", content_type="text/html; charset=utf-8"
        ).text
        assert text.startswith("Ferry fares on the island routes"), encoding
    with_nul = extract(body.replace("island", "isl\x00and").encode(), "http://x/nul").text
    assert "island routes" in with_nul


def test_selector_picks_the_body_block() -> None:
    got = extract(page().encode(), "http://x/a", selector="div.body")
    lines = got.text.splitlines()
    assert lines[0].startswith("Crews on the island ferries") and len(lines) == 3
    assert got.headline == "Ferry strike ends after talks"


def test_selector_matching_nothing_is_an_extraction_error() -> None:
    with pytest.raises(ExtractionError, match="matched no text"):
        extract(page().encode(), "http://x/a", selector="div.missing")


@pytest.mark.parametrize(
    "body", [b"", b"   ", b"<html><body><p>Please accept cookies.</p></body></html>"]
)
def test_empty_pages_and_walls_are_extraction_errors(body: bytes) -> None:
    with pytest.raises(ExtractionError):
        extract(body, "http://x/a")


def test_normalisation_removes_rendering_only_differences() -> None:
    raw = "A\u00a0cap of\u2009600,000 \u201ctroops\u201d \u2014 it\u2019s co\u00adordinated\u2026  \n\n  next"
    assert normalise_text(raw) == 'A cap of 600,000 "troops" \u2014 it\'s coordinated...\nnext'


TEASER_PAGE = """<!DOCTYPE html><html lang="en"><head><title>Dam inquiry widens | Valley Post</title>
<script type="application/ld+json">"a bare value some site left here"</script>
<script type="application/ld+json">[{{"@context": "https://schema.org", "@graph": [
 {{"@type": "WebSite", "name": "Valley Post"}},
 {{"@type": ["NewsArticle"], "headline": "Dam inquiry widens to cover the 2019 repairs",
  "datePublished": "2026-11-30T07:00:00Z", "author": {{"name": "Ines Varga"}},
  "articleBody": "{body}"}}]}}]</script>
</head><body><div id="app"><h1>Dam inquiry widens to cover the 2019 repairs</h1>
<p>The regional inquiry into the Lesno dam will now examine the repairs of 2019.</p>
</div><script>window.render()</script></body></html>"""

INQUIRY = [
    "The regional inquiry into the Lesno dam will now examine the repairs of 2019, its chair "
    "said on Monday, after engineers found cracks in two of the spillway's five gates.",
    "The contractor that carried out the repairs said it had followed the approved plans and "
    "would cooperate with the inquiry.",
    "Residents downstream asked for the reservoir to be kept 3 metres below its usual level "
    "until the gates are inspected again.",
]


def test_a_page_that_ships_only_a_teaser_is_read_from_its_json_ld_body() -> None:
    # raw line breaks inside the JSON string: invalid strictly, common on real sites
    got = extract(TEASER_PAGE.format(body="\n".join(INQUIRY)).encode(), "http://x/dam")
    assert got.text.splitlines() == INQUIRY
    assert got.headline == "Dam inquiry widens to cover the 2019 repairs"
    assert got.byline == "Ines Varga"
    assert got.published == datetime(2026, 11, 30, 7, 0, tzinfo=UTC)


def test_a_json_ld_body_written_as_html_becomes_lines() -> None:
    body = "".join(f"<p>{p.replace('2019', '2019 &amp; 2021')}</p>" for p in INQUIRY)
    got = extract(TEASER_PAGE.format(body=body.replace('"', '\\"')).encode(), "http://x/dam")
    assert len(got.text.splitlines()) == 3
    assert got.text.startswith(
        "The regional inquiry into the Lesno dam will now examine the repairs of 2019 & 2021"
    )


def test_a_page_with_its_whole_text_in_the_html_is_read_from_the_html() -> None:
    """Its JSON-LD body (a shorter run-on string here) is not taken: the page reads the same
    way on every visit, so a change of source never shows up as an edit."""
    html = page().replace(
        "</head>",
        '<script type="application/ld+json">{"@type": "NewsArticle", "articleBody": '
        '"Crews on the island ferries returned to work on Monday after a nine day strike over '
        'rosters. The union said its members had accepted a pay rise."}</script></head>',
    )
    assert extract(html.encode(), "http://x/a").text == extract(page().encode(), "http://x/a").text


def test_a_parser_failing_on_one_page_is_that_page_s_extraction_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Stands in for a bug in lxml or trafilatura on some odd page (none is known to us)."""
    import newswatch.extract

    def trips(*args: object, **kwargs: object) -> None:
        raise ValueError("no @type here\nsecond line")

    monkeypatch.setattr(newswatch.extract, "extract", trips)
    error = extract_or_error(page().encode(), "http://x/a", None, None)
    assert isinstance(error, ExtractionError)
    assert str(error) == "the page could not be read (ValueError: no @type here)"


@pytest.mark.parametrize(
    ("ld_type", "url", "live"),
    [
        ('"LiveBlogPosting"', "http://x/news/storm-coast", True),
        ('["LiveBlogPosting", "NewsArticle"]', "http://x/a", True),
        ('"https://schema.org/LiveBlogPosting"', "http://x/a", True),
        ('"NewsArticle"', "http://x/news/live/storm-coast", True),
        ('"NewsArticle"', "http://x/world/live-news/storm-12-05", True),
        ('"NewsArticle"', "http://x/politics/live-blog/vote-count", True),
        ('"NewsArticle"', "http://x/news/storm-coast", False),
        ('"NewsArticle"', "http://x/news/live-music-venue-closes", False),
        ('"NewsArticle"', "http://x/news/olive/harvest", False),
        ('"NewsArticle"', "http://x/news/storm?view=live", False),
    ],
)
def test_live_coverage_is_known_by_its_json_ld_type_or_its_path(
    ld_type: str, url: str, live: bool
) -> None:
    html = page().replace(
        "</head>", f'<script type="application/ld+json">{{"@type": {ld_type}}}</script></head>'
    )
    assert extract(html.encode(), url).live is live


def test_a_page_whose_canonical_url_is_a_live_path_is_live() -> None:
    html = page().replace("</head>", '<link rel="canonical" href="/news/live/ferry"></head>')
    assert extract(html.encode(), "http://x/amp/ferry").live


def test_the_headline_repeated_among_a_live_page_s_posts_is_not_text() -> None:
    """trafilatura reads a page of many <article>s (a live blog's posts) with the <h1> after the
    first of them; left there, the headline would be a sentence that moves with every new post."""
    posts = [
        "Crews reopened the northern line at noon after the flooding.",
        "The southern line stays shut until a bridge has been inspected.",
        "Buses replace trains between the two river towns until Friday.",
    ]
    feed = "".join(f'<article class="post"><p>{p}</p></article>' for p in posts)
    html = (
        "<html><head><title>Rail floods: live | Valley Post</title></head><body><main>"
        f'<h1>Rail floods: live</h1><div class="feed">{feed}</div></main></body></html>'
    )
    got = extract(html.encode(), "http://x/news/live/rail-floods")
    assert got.headline == "Rail floods: live"
    assert got.text.split("\n") == posts


PROMO_PAGE = """<!DOCTYPE html><html lang="en"><head><title>Channel to be dredged | Coast Post</title>
</head><body><main><article><h1>Channel to be dredged</h1>
<p>The harbour board approved a plan on Tuesday to dredge the northern channel, ending a dispute
that had kept the larger ferries out of the port for two winters.</p>
<p><strong><a href="/news/{first}">{first_title}</a></strong></p>
<p>The plan sets aside 14 million euros for the work, which is due to start in March and take
about eight months, the board's chair said.</p>
<h3><a href="/news/{second}">{second_title}</a></h3>
<p>Fishing groups had objected to dredging in the spawning season, so the work will pause between
April and June.</p></article></main></body></html>"""


def test_promos_for_other_stories_set_between_paragraphs_are_not_article_text() -> None:
    """Sites rotate them between visits; as text each rotation would be an edit."""
    monday = PROMO_PAGE.format(
        first="a",
        first_title="Council votes to close two libraries",
        second="b",
        second_title="Storm warning issued for the weekend",
    )
    tuesday = PROMO_PAGE.format(
        first="c",
        first_title="New school opens with 400 pupils",
        second="d",
        second_title="Mayor steps down after nine years",
    )
    url = "https://coast.example/news/channel"
    seen = extract(monday.encode(), url)
    assert "libraries" not in seen.text and "Storm" not in seen.text
    assert "14 million euros" in seen.text and "April and June" in seen.text
    assert extract(tuesday.encode(), url).fingerprint == seen.fingerprint


def test_a_byline_in_an_element_of_class_byline_is_the_byline() -> None:
    html = (
        "<html><head><title>Channel to be dredged | Coast Post</title></head><body><article>"
        '<h1>Channel to be dredged</h1><p class="byline">By Tom Elling</p>'
        f"<p>{'The harbour board approved the plan on Tuesday after two winters of talks. ' * 3}"
        "</p></article></body></html>"
    )
    assert extract(html.encode(), "https://coast.example/news/channel").byline == "Tom Elling"


def test_a_byline_block_of_spans_is_read_with_spaces_between_them() -> None:
    html = (
        "<html><head><title>Channel to be dredged | Coast Post</title></head><body><article>"
        '<h1>Channel to be dredged</h1><div data-component="byline-block"><span>By Tom Elling'
        "</span><span>Harbour reporter</span></div>"
        f"<p>{'The harbour board approved the plan on Tuesday after two winters of talks. ' * 3}"
        "</p></article></body></html>"
    )
    got = extract(html.encode(), "https://coast.example/news/channel").byline
    assert got == "Tom Elling Harbour reporter"


def test_a_link_to_the_author_s_page_is_the_byline() -> None:
    html = (
        "<html><head><title>Channel to be dredged | Coast Post</title></head><body><article>"
        '<h1>Channel to be dredged</h1><div class="entry-meta">Posted on <time>December 3'
        '</time> by <a href="/author/tom-elling/">Tom Elling</a></div>'
        f"<p>{'The harbour board approved the plan on Tuesday after two winters of talks. ' * 3}"
        "</p></article></body></html>"
    )
    assert extract(html.encode(), "https://coast.example/news/channel").byline == "Tom Elling"


def test_the_site_s_name_after_an_og_title_is_not_the_headline() -> None:
    body = f"<p>{'The harbour board approved the plan on Tuesday after two winters of talks. ' * 3}"
    html = (
        '<html><head><meta property="og:title" content="Channel to be dredged | Coast Post">'
        '<meta property="og:site_name" content="Coast Post"><title>Channel</title></head>'
        f"<body><article>{body}</p></article></body></html>"
    )
    page = extract(html.encode(), "https://coast.example/news/channel")
    assert page.headline == "Channel to be dredged"


def test_the_author_s_bio_at_the_end_is_not_article_text() -> None:
    body = (
        "<p>The harbour board approved the plan on Tuesday after two winters of talks.</p>"
        "<p>Contractors will start on the eastern channel in January, the board said.</p>"
        "<p>Fishing crews said they would watch the spawning grounds near the breakwater.</p>"
        "<p>The council will vote on the budget for the work at its meeting next month.</p>"
        "<p>Ferries will keep to the western channel while the work goes on, the operator said."
        "</p>"
    )
    bio = "<p><em>Tom Elling is the Coast Post's harbour correspondent.</em></p>"
    html = (
        "<html><head><title>Channel to be dredged</title></head><body><article>"
        '<h1>Channel to be dredged</h1><p class="byline">By Tom Elling</p>'
        f"{body}{{bio}}</article></body></html>"
    )
    with_bio = extract(html.format(bio=bio).encode(), "https://coast.example/news/channel")
    without = extract(html.format(bio="").encode(), "https://coast.example/news/channel")
    assert "correspondent" not in with_bio.text
    assert with_bio.fingerprint == without.fingerprint


EMBED_PAGE = """<html><head><title>Harbour wall to be rebuilt</title></head><body><article>
<h1>Harbour wall to be rebuilt</h1>
<p>The council agreed on Tuesday to rebuild the old harbour wall at a cost of 14 million euros,
after two winters of storms left deep cracks along its length.</p>
{embed}
<p>Work is due to start in April and to finish before the autumn gales, the council said.</p>
<p>Fishing crews will moor at the north quay while the wall is closed to boats.</p>
</article></body></html>"""


def test_what_a_social_embed_leaves_or_its_consent_box_is_not_article_text() -> None:
    """A page shows the embed on one visit and the consent box on the next."""
    consent = (
        "<p>Allow Twitter content?</p><p>This article contains content provided by Twitter. We"
        " ask for your permission before anything is loaded, as they may be using cookies.</p>"
        "<p>Skip Twitter post</p><p>End of Twitter post</p>"
    )
    shown = (
        "<p>Skip Twitter post</p><p>&mdash; Ann Lee (@annlee) December 5, 2026</p>"
        "<p>End of Twitter post</p>"
    )
    url = "https://coast.example/news/wall"
    with_consent = extract(EMBED_PAGE.format(embed=consent).encode(), url)
    with_embed = extract(EMBED_PAGE.format(embed=shown).encode(), url)
    assert "Twitter" not in with_consent.text and "@annlee" not in with_embed.text
    assert "14 million euros" in with_consent.text and "north quay" in with_consent.text
    assert with_consent.fingerprint == with_embed.fingerprint


def test_a_canonical_that_is_no_address_and_an_author_that_is_a_url_are_left_out() -> None:
    story = (
        "<p>Ferry fares on the island routes will rise by eight per cent from January, the "
        "operator said on Monday, blaming higher fuel costs.</p>"
    )
    page = (
        '<html><head><title>Fares rise</title><link rel="canonical" href="{canonical}">'
        '<meta property="article:author" content="https://social.example/coastpost"></head>'
        "<body><article><h1>Fares rise</h1>{story}</article>"
        "<div id='comments'><span class='comment-author'>Reader Ann</span><p>Too dear!</p>"
        "</div></body></html>"
    )
    bogus = extract(page.format(canonical="8003098", story=story).encode(), "https://n.example/a")
    assert bogus.canonical_url is None and bogus.byline is None  # not the URL, not the reader
    rooted = extract(
        page.format(canonical="/news/fares", story=story).encode(), "https://n.example/a"
    )
    assert rooted.canonical_url == "https://n.example/news/fares"


@pytest.mark.parametrize(
    "meta",
    [
        '<meta name="parsely-pub-date" content="2026-11-24T09:30:00Z">',
        '<meta name="DC.date.issued" content="2026-11-24T09:30:00Z">',
        '<meta name="cXenseParse:recs:publishtime" content="2026-11-24T09:30:00.000Z">',
        '<meta name="epoch-publish-date" content="1795512600000">',
        '<meta name="pubdate" content="2026/11/24 09:30">',
        """<meta name="parsely-page" content='{"pub_date": "2026-11-24T09:30:00Z"}'>""",
        '<meta itemprop="dateCreated" content="2026-11-24T09:30:00Z">',
        '<span itemprop="datePublished" content="2026-11-24T09:30:00Z">24.11.2026</span>',
    ],
)
def test_a_publication_time_is_read_under_the_names_sites_give_it(meta: str) -> None:
    page = (
        f"<html><head><title>Fares rise</title>{meta}</head><body><article><h1>Fares rise</h1>"
        "<p>Ferry fares on the island routes will rise by eight per cent from January, the "
        "operator said on Monday.</p></article></body></html>"
    )
    published = extract(page.encode(), "https://n.example/fares").published
    assert published is not None and published.isoformat().startswith("2026-11-24T09:30")
