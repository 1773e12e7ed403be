"""JSON-LD: the schema.org object a news page describes itself with (headline, authors, dates,
type, sometimes the whole text as ``articleBody``). Sites write it carelessly, so everything
here reads leniently and gives up quietly on what it cannot read.
"""

from __future__ import annotations

import json
import re
from html import unescape

import lxml.etree
import lxml.html

ARTICLE_KINDS = ("BlogPosting", "LiveBlogPosting", "Report")


def article_object(tree: lxml.html.HtmlElement) -> dict[str, object]:
    """The first NewsArticle-like JSON-LD object, or {}. Sites' JSON-LD is often sloppy (raw
    line breaks inside strings, a bare value, a list of graphs): what cannot be read is skipped."""
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            data = json.loads(str(script), strict=False)
        except ValueError:
            continue
        for item in items(data):
            if any(k.endswith("Article") or k in ARTICLE_KINDS for k in kinds(item)):
                return item
    return {}


def kinds(item: dict[str, object]) -> list[str]:
    """An object's ``@type``s (one or a list; schema.org URLs reduced to the name)."""
    kind = item.get("@type")
    return [
        k.rsplit("/", 1)[-1]
        for k in (kind if isinstance(kind, list) else [kind])
        if isinstance(k, str)
    ]


def items(data: object, depth: int = 0) -> list[dict[str, object]]:
    """The objects of a JSON-LD document: itself, a list's members, an ``@graph``'s members."""
    if depth > 3:
        return []
    if isinstance(data, list):
        return [found for member in data for found in items(member, depth + 1)]
    if not isinstance(data, dict):
        return []
    graph = data.get("@graph")
    if isinstance(graph, list):
        return [found for member in graph for found in items(member, depth + 1)]
    return [data]


def body_lines(value: object) -> str:
    """A JSON-LD ``articleBody`` as lines of text; some sites put HTML in it."""
    if not isinstance(value, str) or not value.strip():
        return ""
    if re.search(r"<(?:p|br|div|h[1-6]|li)\b", value, re.I):
        value = re.sub(r"(?i)<br\s*/?>|</(?:p|div|h[1-6]|li)>", "\n", value)
        try:
            value = str(lxml.html.fromstring(f"<div>{value}</div>").text_content())
        except (lxml.etree.ParserError, ValueError):
            return ""
        return value
    return unescape(value)  # "&amp;" and the like, written into the JSON string


# Pages that build their text in the browser often ship only a teaser in the HTML but the
# whole text in their JSON-LD. Taken only when extraction found less than this share of it (or
# the same words: trafilatura falls back to it too, but joins its paragraphs into one), so that
# an ordinary page always reads the same way (switching sources would show as an edit).
BODY_WHEN_BELOW = 0.5


def with_body(text: str, value: object) -> str:
    """The extracted text, or the JSON-LD body in its place (see BODY_WHEN_BELOW)."""
    text_chars, one_line = len(text.strip()), "\n" not in text.strip()
    if not isinstance(value, str) or (
        # the body read out is never longer than the string: most pages stop here, unparsed
        not one_line and text_chars >= BODY_WHEN_BELOW * len(value)
    ):
        return text
    body = body_lines(value)
    if body and (
        text_chars < BODY_WHEN_BELOW * len(body.strip())
        # trafilatura's own fallback to it: the same words, its paragraphs run into one
        or (one_line and text.split() == body.split())
    ):
        return body
    return text


def text_of(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def authors(value: object) -> str | None:
    """JSON-LD authors come as a string, an object with a name, or a list of either."""
    values = value if isinstance(value, list) else [value]
    names = [
        v.strip() if isinstance(v, str) else text_of(v.get("name")) if isinstance(v, dict) else ""
        for v in values
    ]
    joined = ", ".join(n for n in names if n)
    return joined or None
