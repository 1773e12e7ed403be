"""Lines at the top of an article that trafilatura often leaves out: the correction and update
notes, the standfirst and a box of key points.

A note ("Correction: An earlier version of this article ...", "This article was amended on
...") is the difference between a correction and a silent edit, so it must be part of the text.
Sites set it where trafilatura does not look: in a box above the article's body, in an
``<aside>``, in an editor's-note block. ``notes_in`` finds them anywhere in the page's article
markup. The standfirst (the summary under the headline) is edited with the headline and read
like one, but is often set in the article's header, outside its body (``standfirst_in``).
Extraction puts the ones trafilatura left out at the top of the text.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from newswatch.furniture import is_link_only, one_line

# A line that is a correction or update note. "Updated:" opening a line counts, as pages put
# both their update stamps and their update notes that way.
CORRECTION_NOTE = re.compile(
    r"^\W*(?:correction|clarification|editor'?s note|update[sd]?\s*[:(]|"
    r"this (?:article|story|report) (?:has been|was) (?:updated|amended|corrected|changed)|"
    r"an earlier version of this (?:article|story|report))|"
    # a wire service's note on a new take: "(Corrects spelling of name in paragraph 3)"
    r"^\s*\((?:corrects|updates with|adds|recasts|refiles|fixes)\b",
    re.I,
)
# A note that only says the story was updated, with no claim of its own: "This story has been
# updated with comment from the council.", "(Updates with police statement)"
UPDATE_NOTE = re.compile(
    r"^\W*(?:this (?:article|story|report|page) (?:has been|was) (?:updated|changed)\b[^:]*|"
    r"\((?:updates with|adds|recasts|refiles)\b[^)]*\))\s*$",
    re.I,
)
# A note that owns up to an error, not only to an update: what a standards desk tracks
CORRECTION = re.compile(
    r"^\W*(?:correction|clarification|an earlier version of this (?:article|story|report)|"
    r"this (?:article|story|report) (?:has been|was) (?:amended|corrected))",
    re.I,
)
# What is looked for in the page: a note, not an update stamp ("Updated: 3 December 2026").
_NOTE = re.compile(
    r"^\W*(?:corrections?|clarifications?|editor'?s note)\b\W*\w|"
    r"^\W*(?:this (?:article|story|report) (?:has been|was) (?:updated|amended|corrected|changed)|"
    r"an earlier version of this (?:article|story|report))\b",
    re.I,
)
# what every note has somewhere in its markup: plain substrings, as a regex over a whole page
# costs more than the rest of extraction's own passes together, and no word a footer's
# "Corrections" link or an "Editor's picks" box also has
_ANYWHERE = (
    "earlier version", "amended", "corrected", "updated to", "correction:", "correction</",
    "clarification:", "clarification</", "s note:", "s note</",
)  # fmt: skip
# text nodes that may open a note
_CANDIDATES = etree.XPath(
    "//text()[not(parent::script or parent::style)][contains(., 'orrect') or contains(., 'larif')"
    " or contains(., 'ditor') or contains(., 'arlier version') or contains(., 'mended')"
    " or contains(., 'pdated')]"
)
_BLOCKS = frozenset(["p", "div", "aside", "section", "li", "blockquote", "dd", "figure"])
_NOT_THE_ARTICLE = frozenset(["nav", "footer", "header", "script", "style", "noscript", "form"])
_ARTICLE = frozenset(["article", "main"])
MIN_NOTE_CHARS = 30
MAX_NOTE_CHARS = 600


def _block(element: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    """The nearest block around ``element``; None when it sits in the page's chrome."""
    block = None
    for node in (element, *element.iterancestors()):
        if not isinstance(node.tag, str) or node.tag in _NOT_THE_ARTICLE:
            return None
        if block is None and node.tag in _BLOCKS:
            block = node
    return block


def _line_of(element: lxml.html.HtmlElement) -> str:
    """An element's text as one line, its spans joined with spaces ("By Tom Elling Harbour
    reporter", not "Tom EllingHarbour"), without a space before punctuation."""
    return one_line(" ".join(element.itertext()))


def _in_the_article(
    element: lxml.html.HtmlElement, has_article: bool, chrome: frozenset[str]
) -> bool:
    """``element`` is in no part of the page's ``chrome``, and inside its ``<article>`` or
    ``<main>`` when the page has one (``has_article``): a teaser's summary elsewhere rotates
    with the teasers."""
    above = {a.tag for a in element.iterancestors()}
    return not above & chrome and (not has_article or bool(above & _ARTICLE))


def _has_article(tree: lxml.html.HtmlElement) -> bool:
    return tree.find(".//article") is not None or tree.find(".//main") is not None


def page_markup(html: str) -> str:
    """The page's markup from its ``<body>`` on, in lower case: what the cheap checks below
    scan (a page's head is mostly scripts, and often most of its bytes)."""
    start = html.find("<body")
    if start < 0:
        start = html.find("<BODY")
    return html[max(start, 0) :].lower()


# (two paths, not their union, which sorts the values into page order; plain strings, not
# lxml's, which know their element)
_CLASSES = etree.XPath("//@class", smart_strings=False)
_COMPONENTS = etree.XPath("//@data-component", smart_strings=False)


def page_classes(tree: lxml.html.HtmlElement) -> str:
    """The page's class and data-component values, in lower case: what the checks for a box
    known by its class scan (a small part of the markup)."""
    return " ".join([*_CLASSES(tree), *_COMPONENTS(tree)]).lower()


def notes_in(tree: lxml.html.HtmlElement, markup: str) -> list[str]:
    """The correction and update notes of the page (``tree``; ``markup`` is its
    ``page_markup``), one line each, in page order."""
    if not any(word in markup for word in _ANYWHERE):
        return []  # most pages: a scan of the markup is cheaper than one of its text nodes
    found: list[str] = []
    for text in _CANDIDATES(tree):
        owner = text.getparent()  # a tail's is the element before it: its container is above
        if owner is not None and text.is_tail:
            owner = owner.getparent()
        block = _block(owner) if owner is not None else None
        if block is None:
            continue
        line = _line_of(block)
        if (
            MIN_NOTE_CHARS <= len(line) <= MAX_NOTE_CHARS
            and _NOTE.match(line)
            and line not in found
        ):
            found.append(line)
    # a box holding a note and its heading gives both: keep the inner one
    return [line for line in found if not any(o != line and line.endswith(o) for o in found)]


def _squashed(line: str) -> str:
    return re.sub(r"\W+", "", line.lower())


def missing_notes(notes: list[str], lines: list[str]) -> list[str]:
    """The notes that are not already among (or inside) the text's lines."""
    if not notes:
        return []
    keys = [_squashed(line) for line in lines]
    return [note for note in notes if not any(_squashed(note) in key for key in keys)]


# --- the standfirst --------------------------------------------------------------------------

# The summary a page sets under its headline (the standfirst, dek or subheadline): edited with
# the headline and read like one, but often outside the body trafilatura reads.
_STANDFIRST_CLASS = re.compile(
    r"(?:^|[\s_-])(?:standfirst|dek|deck|subheadline|sub-headline|subtitle|sub-title|strapline)"
    r"(?:$|[\s_-])"
)
_STANDFIRST_TAGS = frozenset(["p", "div", "h2", "span"])
_STANDFIRST_CHROME = frozenset(["nav", "footer", "aside", "a"])
MIN_STANDFIRST_CHARS = 30
MAX_STANDFIRST_CHARS = 400
_STANDFIRST_MARKS = (
    "standfirst", "dek", "deck", "subheadline", "sub-headline", "subtitle", "sub-title",
    "strapline",
)  # fmt: skip


def standfirst_in(tree: lxml.html.HtmlElement, markup: str, classes: str) -> str | None:
    """The page's standfirst, if it marks one (``markup``: the page's ``page_markup``;
    ``classes``: its ``page_classes``)."""
    if not any(mark in classes for mark in _STANDFIRST_MARKS) and (
        'itemprop="description"' not in markup
    ):
        return None  # most pages: a scan of the markup is cheaper than one of its elements
    has_article = _has_article(tree)
    for element in tree.iter(*_STANDFIRST_TAGS):  # quicker than an XPath over every element
        described = element.get("itemprop") == "description"
        marked = (
            _STANDFIRST_CLASS.search(element.get("class") or "")
            or element.get("data-component") == "standfirst"
            or described
        )
        if not marked:
            continue
        if not _in_the_article(element, has_article, _STANDFIRST_CHROME):
            continue
        if described and not any(
            "Article" in (a.get("itemtype") or "") for a in element.iterancestors()
        ):
            continue  # the description of a teaser's or a product's microdata, not the story's
        line = _line_of(element)
        return line if MIN_STANDFIRST_CHARS <= len(line) <= MAX_STANDFIRST_CHARS else None
    return None


# --- key points ------------------------------------------------------------------------------

# A box of the story's key points above its body ("Key points", "At a glance", "Highlights"):
# claims in a list, and left out with the rest of the header.
_KEY_POINTS_CLASS = re.compile(
    r"(?:^|[\s_-])(?:key[-_]?points|key[-_]?facts|highlights|takeaways|tldr|at[-_]a[-_]glance"
    r"|(?:article|story)[-_]summary)(?:$|[\s_-])"
)
_KEY_POINTS_MARKS = (
    "key-points", "keypoints", "key_points", "key-facts", "highlights", "takeaways", "tldr",
    "at-a-glance", "article-summary", "story-summary",
)  # fmt: skip
_KEY_POINTS_TAGS = frozenset(["div", "section", "aside", "ul", "ol"])
_KEY_POINTS_CHROME = frozenset(["nav", "footer", "a"])  # a key-points box may be an <aside>
MAX_KEY_POINTS = 10
MAX_KEY_POINT_CHARS = 300


# ... or a list under a heading that names it, whatever the box's class
_KEY_POINTS_HEADING = re.compile(
    r"(?:the )?(?:key (?:points|facts|takeaways)|at a glance|what we know(?: so far)?)[:.]?",
    re.I,
)
_KEY_POINTS_HEADING_MARKS = (
    "key points",
    "key facts",
    "key takeaways",
    "at a glance",
    "what we know",
)
# text nodes that may be such a heading (a scan of the text, not of every element's line)
_HEADING_TEXTS = etree.XPath(
    "//text()[not(parent::script or parent::style)][string-length(normalize-space(.)) < 40]"
    "[contains(., 'ey points') or contains(., 'ey facts') or contains(., 'ey takeaways')"
    " or contains(., 't a glance') or contains(., 'hat we know')]"
)


def key_points_in(tree: lxml.html.HtmlElement, markup: str, classes: str) -> list[str]:
    """The page's key points box, one line a point ("- ..."), if it marks one by its class or
    by a heading over its list (``classes``: the page's ``page_classes``)."""
    # (whether the page has an <article> is looked up only past a check: most pages have no box)
    if any(mark in classes for mark in _KEY_POINTS_MARKS):
        has_article = _has_article(tree)
        for element in tree.iter(*_KEY_POINTS_TAGS):
            if not _KEY_POINTS_CLASS.search(element.get("class") or ""):
                continue
            if _in_the_article(element, has_article, _KEY_POINTS_CHROME):
                return _points(element.findall(".//li") or element.findall(".//p"))
    if any(mark in markup for mark in _KEY_POINTS_HEADING_MARKS):
        has_article = _has_article(tree)
        for text in _HEADING_TEXTS(tree):
            element = text.getparent()
            if text.is_tail or element is None:
                continue  # a heading is an element's own text
            if not _KEY_POINTS_HEADING.fullmatch(" ".join(str(text).split())):
                continue
            listed = _list_after(element)
            if listed is not None and _in_the_article(listed, has_article, _KEY_POINTS_CHROME):
                return _points(listed.findall("li"))
    return []


def _list_after(heading: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    """The list right after a heading, or after the element the heading sits in ("<h3><strong>
    Key points</strong></h3>")."""
    parent = heading.getparent()
    for element in (heading, parent, parent.getparent() if parent is not None else None):
        following = element.getnext() if element is not None else None
        if following is not None and following.tag in ("ul", "ol"):
            return following
    return None


def _points(items: list[lxml.html.HtmlElement]) -> list[str]:
    # a point that is only a link is a teaser (a "highlights" strip of videos)
    items = [item for item in items if not is_link_only(item)]
    bullet = "- " if items and items[0].tag == "li" else ""
    lines = [bullet + _line_of(item) for item in items[:MAX_KEY_POINTS]]
    return [line for line in lines if len(line) > len(bullet) and len(line) <= MAX_KEY_POINT_CHARS]
