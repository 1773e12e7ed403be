"""Turn the bytes of an article page into its text and metadata.

The main text comes from trafilatura, or from a per-source CSS selector (beautifulsoup4) when the
generic extractor picks the wrong block. The text is normalised so that differences that only
change how a page renders (curly or straight quotes, non-breaking spaces, line wrapping) vanish,
and page furniture that slips through extraction ("Updated 5 minutes ago", share counts) is
dropped. ``fingerprint`` decides whether a fetch is a new version.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import lxml.html

from newswatch import json_ld
from newswatch.walls import WALL, WALL_MAX_CHARS

if TYPE_CHECKING:
    from bs4 import Tag

# trafilatura and BeautifulSoup are imported where a page is extracted, not with this module:
# a run that finds every article unchanged never needs them (a tenth of a second of start-up).

MIN_TEXT_CHARS = 80


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


# --- decoding -------------------------------------------------------------------------------

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _known_codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        codec = codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None
    # Browsers read latin-1 labels as windows-1252 (WHATWG encoding standard).
    return "cp1252" if codec in ("latin-1", "iso8859-1", "ascii") else codec


def decode_html(body: bytes, content_type: str | None = None) -> str:
    """Decode in a browser's order: BOM, HTTP charset, meta charset, then detection."""
    for bom, codec in _BOMS:
        if body.startswith(bom):
            return body[len(bom) :].decode(codec, errors="replace")
    candidates: list[str | None] = []
    if content_type:
        match = re.search(r"charset\s*=\s*([^;\s]+)", content_type, re.I)
        candidates.append(_known_codec(match.group(1)) if match else None)
    meta = _META_CHARSET.search(body[:4096])
    candidates.append(_known_codec(meta.group(1).decode("ascii", "ignore")) if meta else None)
    for candidate in candidates:
        if candidate is not None:
            try:
                return body.decode(candidate)
            except UnicodeDecodeError:
                continue  # a wrong declared charset: fall through to detection, as browsers do
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(body).best()
    return str(best) if best is not None else body.decode("cp1252", errors="replace")


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


# Page furniture that extraction sometimes keeps. Anchored, short lines only, so that an article
# sentence that merely mentions "minutes ago" is never dropped.
_BOILERPLATE = [
    re.compile(p, re.I)
    for p in (
        r"^[·•|\-\s]*(?:last\s+)?(?:updated|posted|published|modified)?:?\s*"
        r"(?:\d+|an?|one|a few)\s+(?:sec(?:ond)?|min(?:ute)?|hr|hour|day|week)s?\s+ago\.?$",
        r"^[·•|\-\s]*(?:last\s+)?updated:?\s+(?:just now|today|yesterday)\b.{0,30}$",
        r"^[\d.,]+\s*[km]?\s+(?:shares?|comments?|views?|reads?|likes?|reactions?)$",
        r"^(?:share|share this (?:story|article)|advertisement|sponsored|read more|"
        r"related (?:stories|articles|coverage|topics)|most (?:read|viewed|popular|shared)|"
        r"trending now|top stories|more stories|more from \w+(?: \w+){0,2}|you may also like|"
        r"recommended for you|sign up.{0,40}):?$",
        # an archive banner whose age moves on by itself ("more than 2 years old")
        r"^this (?:article|story|content|page) is (?:more than|over) (?:a|an|one|\d+|two|three|"
        r"four|five|six|seven|eight|nine|ten) (?:years?|months?|weeks?|days?) old\.?$",
        r"^(?:image|photo|picture|media)\s*(?:source|credit)s?\s*[,:].{1,70}$",
        r"^(?:©|\(c\)|copyright\s*(?:©|\(c\)|\d{4})).{0,76}$",  # a footer that slipped in
        # reading time, audio players, comment and gallery counters: they move with the text
        r"^(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten)[\s-]*"
        r"(?:min(?:ute)?s?|m)\.?\s+read(?:ing)?(?:\s+time)?$",
        r"^(?:estimated\s+)?reading\s+time\s*:?\s*\d+\s*(?:min(?:ute)?s?|m)\.?$",
        r"^listen(?:\s+to\s+(?:this|the)\s+(?:article|story))?[\s,·:|-]*"
        r"(?:\d+(?:[:.]\d+)?\s*(?:min(?:ute)?s?|m|s)?\.?)?$",
        r"^comments?\s*[(\[]?\d+[)\]]?$",
        r"^\d{1,3}\s*(?:/|of)\s*\d{1,3}$",
    )
]
# A link to another story set into the text ("Read more: ...", "Related: ..."): sites rotate
# them between visits, and each would read as a sentence removed and another added.
_PROMO = re.compile(
    r"^(?:read more|read also|also read|read next|related|related stories|related articles|"
    r"more on this story|see also|recommended|don't miss|must read|watch|video|listen)"
    r"\s*(?::|\||\s[-–—])\s*\S.{0,160}$",
    re.I,
)


def is_boilerplate(line: str) -> bool:
    if len(line) > 200:
        return False
    return bool(_PROMO.match(line)) or (
        len(line) <= 80 and any(p.match(line) for p in _BOILERPLATE)
    )


_MONTHS = "january february march april may june july august september october november december"
_DAYS = "monday tuesday wednesday thursday friday saturday sunday"
_STAMP_WORDS = frozenset(
    [
        *_MONTHS.split(),
        *(m[:3] for m in _MONTHS.split()),
        "sept",
        *_DAYS.split(),
        *(d[:3] for d in _DAYS.split()),
        *"tues wed thur thurs am pm a m p at on of the st nd rd th h".split(),
        # time zones news sites print
        *"gmt utc bst cet cest eet eest wet west est edt cst cdt mst mdt".split(),
        *"pst pdt et ct mt pt ist aest aedt jst kst hkt sgt msk sast nzst nzdt wib z".split(),
    ]
)
_STAMP_PREFIX = re.compile(
    r"^[·•|\-\s]*(?:(?:last|first|originally)\s+)?"
    r"(?:updated|modified|published|posted|edited|amended)\b\s*(?:on|at)?\s*:?",
    re.I,
)
_BYLINE = re.compile(r"^by\s+[^\W\d_][^,|•·\d]{1,60}[,|•·]\s*", re.I)
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b")


def is_stamp(line: str) -> bool:
    """A line that only says when the page was published or updated ("Updated: 1 December
    2026, 10:32 GMT", "Published 2:05 PM EST, Mon December 1, 2026"). Kept in the text (it is
    how a page owns up to an update), but a change to it is no change of claim. A date alone,
    without a time or an "Updated" in front, is not taken for one: it may head a timeline."""
    if len(line) > 80 or not any(ch.isdigit() for ch in line):
        return False
    byline = _BYLINE.match(line)  # "By Mira Okafor, 10:32 GMT": the stamp after the name
    if byline:
        line = line[byline.end() :]
    prefix = _STAMP_PREFIX.match(line)
    rest = line[prefix.end() :] if prefix else line
    words = re.findall(r"[^\W\d_]+", rest)
    if not all(word.lower() in _STAMP_WORDS for word in words):
        return False
    return prefix is not None or bool(_CLOCK.search(rest))


def fingerprint(headline: str, text: str) -> str:
    canonical = f"{headline}\n{text}".translate(_DASHES)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


# --- metadata -------------------------------------------------------------------------------


def parse_date(value: str | None) -> datetime | None:
    if not value:
        return None
    text = value.strip().replace("Z", "+00:00")
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def _meta(tree: lxml.html.HtmlElement, *keys: str) -> str | None:
    for key in keys:
        for attr in ("property", "name", "itemprop"):
            found = tree.xpath(f'//meta[@{attr}="{key}"]/@content')
            if found and str(found[0]).strip():
                return str(found[0]).strip()
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


def _first_text(tree: lxml.html.HtmlElement, xpath: str) -> str | None:
    for node in tree.xpath(xpath)[:3]:
        text = " ".join(node.text_content().split())
        text = re.sub(r"^(?:by|von|par|por)\s+", "", text, flags=re.I)
        if 2 < len(text) <= 120:
            return text
    return None


def _canonical(tree: lxml.html.HtmlElement) -> str | None:
    links = tree.xpath('//link[@rel="canonical"]/@href')
    if links and str(links[0]).strip():
        return str(links[0]).strip()
    return _meta(tree, "og:url")


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
        tree = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise ExtractionError(f"the page is not HTML: {exc}") from None
    ld = json_ld.article_object(tree)
    canonical = _canonical(tree)
    published = parse_date(_meta(tree, "article:published_time", "datePublished")) or parse_date(
        str(ld.get("datePublished") or "")
    )
    modified = parse_date(_meta(tree, "article:modified_time", "dateModified")) or parse_date(
        str(ld.get("dateModified") or "")
    )
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
        or _meta(tree, "og:title", "twitter:title")
        or (h1[0].text_content() if h1 else "")
        or re.split(r"\s+[|\u2013\u2014-]\s+", title)[0]
    )
    byline = (
        json_ld.authors(ld.get("author"))
        or _meta(tree, "author", "article:author")
        or _first_text(
            tree, "//*[@rel='author' or @itemprop='author' or contains(@class,'author')]"
        )
    )
    if published is None:
        times = tree.xpath("//time/@datetime")
        published = parse_date(str(times[0])) if times else None
    if not selector:
        import trafilatura

        document = trafilatura.bare_extraction(
            tree, url=url, include_comments=False, include_tables=True
        )
        raw_text = (getattr(document, "text", None) or "") if document is not None else ""
        raw_text = json_ld.with_body(raw_text, ld.get("articleBody"))
    lines = [normalise_line(line) for line in raw_text.splitlines()]
    lines = [line for line in lines if line and not is_boilerplate(line)]
    # trafilatura repeats the headline when the <h1> is inside the article: first as a rule, or
    # after the first <article> of a page of many (a live blog's posts).
    repeated = {headline, normalise_line(h1[0].text_content()) if h1 else ""} - {""}
    lines = _without_first(lines, repeated)
    text = "\n".join(lines)
    if len(text) < MIN_TEXT_CHARS:
        raise ExtractionError(f"only {len(text)} characters of article text found")
    title = " ".join(str(t) for t in tree.xpath("//title/text()"))
    not_an_article(headline, title, text)
    language = tree.get("lang") or None
    return Extracted(
        url=url,
        canonical_url=canonical,
        headline=headline,
        byline=normalise_line(byline) if byline else None,
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
