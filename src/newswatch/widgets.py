"""Parts of a page around a story that extraction may take for its text: readers' comments,
cookie and consent notices, sign-up forms, share bars, and lists of other stories under a
heading ("More must-reads", "Related stories").

Each changes from visit to visit (a new comment, another list of stories, a consent notice
shown or not), and would read as sentences added or removed on every check. They are known by
their markup, not their words, so this holds for a page in any language: an element whose class
or id names such a widget, or a list of links under a heading that introduces other stories.
An element that holds the story itself (its ``<h1>``, its ``<article>`` or ``articleBody``) is
never one, whatever its class: a site may mark its opinion pages "comment".
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from newswatch.other_languages import OTHER_STORIES_ELSEWHERE

# parts of a class or id ("sf_comment_list" -> sf, comment, list) that name a widget
COMMENT_PARTS = frozenset({"comment", "comments", "commentlist", "disqus", "replies"})
NOTICE_PARTS = frozenset(
    {
        "cookie", "cookies", "cookiemsg", "cookiebanner", "consent", "gdpr", "newsletter",
        "subscribe", "signup", "share", "sharing", "sharebar", "sharetools", "socialshare",
    }
)  # fmt: skip
_PARTS = re.compile(r"[^\W_]+")
# what every part above holds: a class or id without any of these names no widget
WIDGET_STEMS = (
    "comment", "disqus", "repl", "cookie", "consent", "gdpr", "newsletter", "subscri", "signup",
    "shar",
)  # fmt: skip
# a notice or a form is short; a longer element with such a class is more than a widget
MAX_NOTICE_CHARS = 1500
_HOLDS_STORY = etree.XPath(
    "descendant-or-self::h1 | descendant-or-self::article"
    " | descendant-or-self::*[@itemprop='articleBody']"
)
_MARKED = etree.XPath("//*[@class or @id]")
_FORMS = etree.XPath("//form")
_LISTS = etree.XPath("//ul | //ol")
# a heading that introduces other stories: "More Must-Reads From TIME", "Related", "Most read"
_OTHER_STORIES = re.compile(
    r"^(?:more\s+(?:from|on|in|stories|news|articles|headlines|coverage|reading|top|great|"
    r"popular|must[- ]reads?|like this|to (?:read|explore|watch))(?:\s+\S+){0,5}|"
    r"related(?:\s+\S+){0,3}|read (?:more|next|also)(?:\s+\S+){0,3}|"
    r"(?:also|further|recommended) reading|must[- ]reads?(?:\s+\S+){0,3}|"
    r"most (?:read|popular|viewed|shared|watched)(?:\s+\S+){0,3}|recommended(?:\s+\S+){0,3}|"
    r"you (?:may|might) (?:also )?(?:like|be interested in)|top stories|trending(?:\s+\S+){0,2}|"
    r"editor'?s picks|what to read next|in other news|elsewhere(?:\s+\S+){0,3}|"
    # the same in the languages news sites most often write in
    + OTHER_STORIES_ELSEWHERE
    + r")\s*:?$",
    re.I,
)
MAX_HEADING_CHARS = 60


def drop_widgets(tree: lxml.html.HtmlElement) -> int:
    """Remove readers' comments, notices, forms, share bars and lists of other stories from
    ``tree``; returns how many elements were removed."""
    found: list[lxml.html.HtmlElement] = []
    for element in _MARKED(tree):
        marks = f"{element.get('class', '')} {element.get('id', '')}".lower()
        if not any(stem in marks for stem in WIDGET_STEMS):
            continue  # most elements: a few searches, not a split into parts
        parts = set(_PARTS.findall(marks))
        if parts & COMMENT_PARTS or (parts & NOTICE_PARTS and _short(element)):
            found.append(element)
    found += [form for form in _FORMS(tree) if _short(form)]
    for listing in _LISTS(tree):
        heading = _heading_before(listing)
        if heading is not None and _all_links(listing):
            found += [heading, listing]
        elif _comment_teasers(listing):
            found.append(listing)  # "Ann on <another post>: Great piece..." in a sidebar
    removed = 0
    for element in found:
        if (
            element.getparent() is not None
            and not _HOLDS_STORY(element)
            and _attached(element, tree)
        ):
            element.drop_tree()
            removed += 1
    return removed


def _short(element: lxml.html.HtmlElement) -> bool:
    return len(" ".join(element.text_content().split())) <= MAX_NOTICE_CHARS


def _attached(element: lxml.html.HtmlElement, tree: lxml.html.HtmlElement) -> bool:
    """Still in the tree: an element inside one already dropped is gone with it."""
    return element.getroottree().getroot() is tree


def _heading_before(listing: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    """The element just before a list, when it is a short heading that introduces other
    stories."""
    before = listing.getprevious()
    while before is not None and not isinstance(before.tag, str):
        before = before.getprevious()  # a comment between them
    if before is None:
        return None
    text = " ".join(before.text_content().split())
    if len(text) > MAX_HEADING_CHARS or not _OTHER_STORIES.match(text):
        return None
    return before


_TO_A_COMMENT = re.compile(r"#(?:comment|comments|respond)\b|[?&]replytocom=", re.I)


def _comment_teasers(listing: lxml.html.HtmlElement) -> bool:
    """A list of readers' latest comments: each of its items links to a comment, in whatever
    language it says who commented on what."""
    items = [li for li in listing if isinstance(li.tag, str) and li.tag == "li"]
    return len(items) >= 2 and all(
        any(_TO_A_COMMENT.search(a.get("href", "")) for a in li.iter("a")) for li in items
    )


def _all_links(listing: lxml.html.HtmlElement) -> bool:
    """Every item of the list holds a link."""
    items = [li for li in listing if isinstance(li.tag, str) and li.tag == "li"]
    return bool(items) and all(li.xpath(".//a[@href]") for li in items)
