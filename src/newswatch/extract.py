"""Turn the bytes of an article page into its text and metadata.

The main text comes from trafilatura, or from a per-source CSS selector (beautifulsoup4) when the
generic extractor picks the wrong block. The text is normalised so that differences that only
change how a page renders (curly or straight quotes, non-breaking spaces, line wrapping) vanish,
and page furniture that slips through extraction ("Updated 5 minutes ago", share counts) is
dropped. ``fingerprint`` decides whether a fetch is a new version.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from copy import copy
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import TYPE_CHECKING

import lxml.html

from newswatch import json_ld
from newswatch.captions import CREDIT_CLASSES, PREFIX, captions_into_text, clean_caption, kept
from newswatch.decoding import decode_html
from newswatch.furniture import drop_link_only_blocks, is_author_bio, is_boilerplate
from newswatch.headline_labels import without_site_name
from newswatch.metadata import (
    PUBLISHED_NAMES,
    first_text,
    is_live,
    json_field,
    meta,
    meta_tags,
    microdata_date,
    not_a_url,
    page_canonical,
    parse_date,
)
from newswatch.notes import (
    key_points_in,
    missing_notes,
    notes_in,
    page_classes,
    page_markup,
    standfirst_in,
)
from newswatch.walls import WALL, WALL_MAX_CHARS
from newswatch.widgets import drop_widgets

if TYPE_CHECKING:
    from bs4 import Tag
    from trafilatura.settings import Extractor

# trafilatura and BeautifulSoup are imported where a page is extracted, not with this module:
# a run that finds every article unchanged never needs them (a tenth of a second of start-up).

MIN_TEXT_CHARS = 80
# The version of our own extraction rules. Raise it with any change that makes the same page
# bytes give another text (a furniture rule, a headline rule).
# 1: up to 2026-12-05.
# 2: link-only blocks, calls to sign up or follow, ad and gallery markers, photo credits and
#    short relative ages ("2h ago") dropped; the site's name (og:site_name) taken off the
#    headline.
# 3: lists of links to other stories (with their labels, ages and reading times), sponsored
#    lines, players' running times, calls to follow the author, subscription offers and
#    appeals, print-edition notes and the author's bio at the end dropped; photo captions in
#    the article's body kept as "Caption: ..." paragraphs; the standfirst, key points and
#    correction notes trafilatura left out put at the top of the text.
# 4: a caption's spans read with spaces between them on the generic path too; a standfirst
#    marked "deck" or "subtitle" found; captions in a story's body <div> (story-body,
#    entry-content ...) kept as in <article>; a byline read from a link to the author's page
#    (so an author's bio at the end may now be known and dropped); a list under a "Key points"
#    or "What we know" heading found as a key-points box; listening times, comment counts
#    ("Read 45 comments"), article tools ("Gift this article", "Back to top") and a readers'
#    poll's running count ("Yes 54%", "1,203 votes") dropped.
# 5: a story's "developing" flag ("This story will be updated"), "All rights reserved", calls
#    for readers' stories ("Have you been affected ...?"), a call to follow the site on social
#    media, a credit line ending in a full stop ("Additional reporting by Ann Lee.") and what a
#    social-media embed leaves in the text or the consent box standing in for it ("Skip Twitter
#    post", "Allow Twitter content?", a tweet's signature line) dropped; so are the page's
#    controls and section labels as lines of their own ("Share page", "Reuse this content",
#    "Next article"), a subscriber's gift-article offer and the tails a wire or a syndicating
#    site puts on a story (a standards line, a link to its coverage, a funding note, "This
#    story was originally published by ...").
# 6: readers' comments, cookie and consent notices, sign-up forms and share bars known by
#    their markup (class or id), and a list of links under a heading that introduces other
#    stories ("More Must-Reads From ...", "Related"), dropped before extraction, in any
#    language; the author's address under a story ("Write to ... at ...@..."), a copyright line
#    ending "All rights reserved", a loading placeholder ("Loading weather data ...") and a
#    "Foto:" or "Screenshot:" credit dropped as lines; an XHTML page's XML declaration, a
#    UTF-16 page without a byte-order mark and NUL bytes read as a browser would.
# 7: a heading that introduces other stories in the languages news sites most often write in
#    ("Lesen Sie auch", "Lire aussi", "Leer más", "Leggi anche", "Читайте также", "関連記事",
#    "相关新闻", Thai, Arabic), over a list of links, beside a link in a paragraph or before
#    one on its line ("Lire aussi : ..."), dropped with it; so is an English "Related" or
#    "See also" over a link in a paragraph. A "report a typo" box (its "Ctrl+Enter" in any
#    language) and "See more photos" dropped as lines; publication stamps in German, French,
#    Spanish, Italian, Portuguese and Dutch known as stamps (so also as a link's label), and
#    their relative ages ("vor 2 Stunden", "il y a 3 heures"), ad and share labels ("Anzeige",
#    "Publicité", "Teilen") and reading times ("3 Min. Lesezeit") dropped as lines.
EXTRACTOR_RULES = 7


@cache
def extractor() -> str:
    """Which extractor reads pages here: our rules and trafilatura's release, whose heuristics
    change between releases too. Each version records it, so that the first change of an
    article after either changed is told from the site's edits (``reread``)."""
    from importlib.metadata import version

    return f"{EXTRACTOR_RULES}/trafilatura-{version('trafilatura')}"


@cache
def _trafilatura_options() -> Extractor:
    """trafilatura's options, built once a process: building them reads its configuration
    afresh each time (about 1 % of a page's extraction)."""
    from trafilatura.settings import Extractor

    return Extractor(output_format="python", comments=False, tables=True)


def _options_for(url: str) -> Extractor:
    options = copy(_trafilatura_options())  # a copy: extraction may run in threads
    options.url = options.source = url
    return options


class ExtractionError(ValueError):
    """The page holds no article text (empty, a consent wall, an error page...)."""


@dataclass(frozen=True)
class Extracted:
    url: str
    canonical_url: str | None
    headline: str
    byline: str | None
    published: datetime | None
    modified: datetime | None
    text: str
    fingerprint: str
    language: str | None = None
    live: bool = False  # a live page (a live blog): it gains posts and drops old ones by design


# an XHTML page may open with an XML declaration, which lxml refuses in a decoded string
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


# --- normalisation --------------------------------------------------------------------------

_TYPOGRAPHY = str.maketrans(
    {
        "\u00a0": " ",
        "\u2007": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u200a": " ",
        "\u3000": " ",
        "\u200b": None,
        "\u200c": None,
        "\u200d": None,
        "\u2060": None,
        "\ufeff": None,
        "\u00ad": None,  # soft hyphen
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2026": "...",
    }
)
# Only for the fingerprint: dashes of any width count as the same dash.
_DASHES = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"})


def normalise_line(line: str) -> str:
    # split() and the regular expression \s+ agree on what whitespace is; split() is faster
    return " ".join(unicodedata.normalize("NFC", line).translate(_TYPOGRAPHY).split())


def normalise_text(text: str) -> str:
    lines = (normalise_line(line) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def fingerprint(headline: str, text: str) -> str:
    canonical = f"{headline}\n{text}".translate(_DASHES)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


# --- body text ------------------------------------------------------------------------------

_BLOCKS = {
    "p",
    "div",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "tr",
    "section",
    "article",
    "figcaption",
    "dd",
    "dt",
    "ul",
    "ol",
    "table",
    "header",
}


def text_by_selector(html: str, selector: str) -> str:
    """The text of the elements matching ``selector``, one line per block, lists as ``- item``."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    for junk in soup(["script", "style", "noscript", "template", "iframe"]):
        junk.decompose()
    for caption in soup("figcaption"):  # as the generic path keeps them (newswatch.captions)
        for credit in caption.select(",".join(f"[class*={c}]" for c in CREDIT_CLASSES)):
            credit.decompose()
        text = clean_caption(caption.get_text(" "))
        if kept(text):
            caption.clear()
            caption.string = PREFIX + text
        else:
            caption.decompose()
    lines: list[str] = []
    for element in soup.select(selector):
        lines.extend(_block_lines(element))
    return "\n".join(lines)


def _block_lines(element: Tag) -> list[str]:
    from bs4 import Tag

    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        text = "".join(current).strip()
        if text:
            lines.append(text)
        current.clear()

    def walk(node: Tag) -> None:
        for child in node.children:
            if isinstance(child, Tag):
                if child.name == "br":
                    flush()
                elif child.name in _BLOCKS:
                    flush()
                    if child.name == "li":
                        current.append("- ")
                    walk(child)
                    flush()
                else:
                    walk(child)
            else:
                current.append(str(child))

    walk(element)
    flush()
    return lines


_SOFT_404 = re.compile(
    r"\b(?:404|page not found|not found|page (?:could not|cannot|can't) be found|"
    r"no longer (?:available|exists)|page (?:is )?unavailable|article (?:was )?removed)\b",
    re.I,
)


def not_an_article(headline: str, title: str, text: str) -> None:
    """A 200 that is really an error page (soft 404), a consent or a paywall: never a version,
    so it can never look like "the article lost all its text"."""
    if len(text) < 1500 and (_SOFT_404.search(headline) or _SOFT_404.search(title)):
        raise ExtractionError(f"soft 404: the page says {headline or title!r}")
    if len(text) < WALL_MAX_CHARS and WALL.search(text):
        raise ExtractionError("consent or paywall page instead of the article")


def _without_first(lines: list[str], repeated: set[str]) -> list[str]:
    """``lines`` without the first that is one of ``repeated``."""
    for index, line in enumerate(lines):
        if line in repeated:
            return lines[:index] + lines[index + 1 :]
    return lines


def extract(
    body: bytes | str, url: str, *, content_type: str | None = None, selector: str | None = None
) -> Extracted:
    html = body if isinstance(body, str) else decode_html(body, content_type)
    if not html.strip():
        raise ExtractionError("the page is empty")
    try:
        # a NUL is no character of the page (lxml would read it as U+FFFD inside a word)
        tree = lxml.html.fromstring(_XML_DECLARATION.sub("", html, count=1).replace("\x00", ""))
    except (lxml.etree.ParserError, ValueError) as exc:
        raise ExtractionError(f"the page is not HTML: {exc}") from None
    ld = json_ld.article_object(tree)
    tags = meta_tags(tree)
    canonical = page_canonical(tree, tags, url)
    published = parse_date(meta(tags, "article:published_time", "datePublished")) or parse_date(
        str(ld.get("datePublished") or "")
    )
    if published is None:  # the other names sites and their analytics give it
        published = next(
            filter(None, (parse_date(meta(tags, key)) for key in PUBLISHED_NAMES)), None
        )
    if published is None and meta(tags, "parsely-page"):
        published = parse_date(json_field(meta(tags, "parsely-page"), "pub_date"))
    modified = parse_date(meta(tags, "article:modified_time", "dateModified")) or parse_date(
        str(ld.get("dateModified") or "")
    )
    # the standfirst, key points and correction notes, which trafilatura leaves out when they
    # sit above the body or aside (read before its passes change the tree)
    markup, classes = page_markup(html), page_classes(tree)
    standfirst = normalise_line(standfirst_in(tree, markup, classes) or "")
    key_points = [normalise_line(point) for point in key_points_in(tree, markup, classes)]
    notes = [normalise_line(note) for note in notes_in(tree, markup)]
    if selector:
        raw_text = text_by_selector(html, selector)
        if not raw_text.strip():
            raise ExtractionError(f"the selector {selector!r} matched no text")
    # Metadata comes from the page's own markup (JSON-LD, meta tags, <h1>, <time>), read before
    # trafilatura prunes the tree; its own metadata pass (date guessing) would double the cost.
    h1 = tree.xpath("//h1")
    title = " ".join(str(t) for t in tree.xpath("//title/text()"))
    headline = normalise_line(
        json_ld.text_of(ld.get("headline"))
        or meta(tags, "og:title", "twitter:title")
        or (h1[0].text_content() if h1 else "")
        or re.split(r"\s+[|\u2013\u2014-]\s+", title)[0]
    )
    site_name = meta(tags, "og:site_name", "application-name")
    headline = without_site_name(headline, normalise_line(site_name) if site_name else None)
    found_byline = (
        json_ld.authors(ld.get("author"))
        or not_a_url(meta(tags, "author", "article:author"))  # article:author may be a URL
        or first_text(
            tree,
            "//*[(@rel='author' or @itemprop='author' or contains(@class,'author')"
            " or contains(@class,'byline') or contains(@class,'Byline')"
            " or contains(@data-component,'byline') or contains(@data-testid,'byline')"
            " or (self::a and contains(@href,'/author/')))"  # a blog's "by <a href=/author/..>"
            # not a reader's name on their comment
            " and not(ancestor-or-self::*[contains(@class,'comment') or contains(@id,'comment')])]",
        )
    )
    byline = normalise_line(found_byline) if found_byline else None
    if published is None:
        published = microdata_date(tree, "datePublished", "dateCreated")
    if modified is None:
        modified = microdata_date(tree, "dateModified")
    if published is None:
        times = tree.xpath("//time/@datetime")
        published = parse_date(str(times[0])) if times else None
    if not selector:
        import trafilatura

        drop_widgets(tree)  # after the headline and metadata were read from it
        drop_link_only_blocks(tree)
        captions_into_text(tree)
        document = trafilatura.bare_extraction(tree, options=_options_for(url))
        raw_text = (getattr(document, "text", None) or "") if document is not None else ""
        raw_text = json_ld.with_body(raw_text, ld.get("articleBody"))
    lines = [normalise_line(line) for line in raw_text.splitlines()]
    lines = [line for line in lines if line and not is_boilerplate(line)]
    while lines and is_author_bio(lines[-1], byline):
        lines.pop()  # at the end only: a bio the site adds or drops after publication
    # trafilatura repeats the headline when the <h1> is inside the article: first as a rule, or
    # after the first <article> of a page of many (a live blog's posts).
    repeated = {headline, normalise_line(h1[0].text_content()) if h1 else ""} - {""}
    lines = _without_first(lines, repeated)
    top = [standfirst] if standfirst and standfirst != headline else []
    lines = missing_notes(top + key_points + notes, lines) + lines
    text = "\n".join(lines)
    if len(text) < MIN_TEXT_CHARS:
        raise ExtractionError(f"only {len(text)} characters of article text found")
    not_an_article(headline, title, text)
    language = tree.get("lang") or None
    return Extracted(
        url=url,
        canonical_url=canonical,
        headline=headline,
        byline=byline,
        published=published,
        modified=modified,
        text=text,
        fingerprint=fingerprint(headline, text),
        language=language,
        live=is_live(ld, url, canonical),
    )


def extract_or_error(
    body: bytes, url: str, content_type: str | None, selector: str | None
) -> Extracted | ExtractionError:
    """``extract`` for a pool of processes: the error is returned, not raised (any error: one
    page that trips a parser must not take its batch down), and the worker needs only this light
    module (not the pipeline, the store and SQLAlchemy) to run it."""
    try:
        return extract(body, url, content_type=content_type, selector=selector)
    except ExtractionError as exc:
        return exc
    except Exception as exc:  # a parser's bug on one odd page fails that page only
        reason = (str(exc).strip().splitlines() or [""])[0][:200]
        return ExtractionError(f"the page could not be read ({type(exc).__name__}: {reason})")
