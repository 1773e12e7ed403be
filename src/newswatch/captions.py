"""Photo captions as part of an article's text.

A caption states facts like any sentence (who is in the picture, where, when), and a corrected
caption is one of the commonest corrections a paper prints ("An earlier version of a caption
misidentified ..."). trafilatura drops figures, so before it reads the page each captioned
picture in the article's body becomes a paragraph of its own, in its place: "Caption: ...".
Only pictures inside the article's own markup count (``<article>``, or the element that holds
the ``articleBody``), never those in asides, teasers or links to other stories, and the photo's
credit ("Photograph: ...", "(AP Photo/...)") is left out, since agencies and sizes rotate.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import lxml.html
from lxml import etree

from newswatch.furniture import is_boilerplate, one_line
from newswatch.served import Served

if TYPE_CHECKING:
    from newswatch.diff import Comparison, Sentence

PREFIX = "Caption: "
# the article's own markup: <article>, the articleBody, or a body by its usual class names
# (many sites set their story in a <div> of one)
BODY_CLASSES = (
    "article-body", "article__body", "articlebody", "story-body", "story__body", "entry-content",
    "post-content", "article-content", "article__content", "story-content",
)  # fmt: skip
_BODY = etree.XPath(
    "//*[@itemprop='articleBody'] | //article | //div["
    + " or ".join(
        f"contains(concat(' ', translate(@class, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', "
        f"'abcdefghijklmnopqrstuvwxyz'), ' '), ' {name} ')"
        for name in BODY_CLASSES
    )
    + "]"
)
_FIGURES = etree.XPath(
    ".//figure[.//figcaption][.//img or .//picture or .//video]"
    "[not(ancestor::aside or ancestor::a or ancestor::nav or ancestor::footer)]"
)
CREDIT_CLASSES = ("credit", "copyright", "source", "byline", "attribution")
_CREDIT_ELEMENTS = etree.XPath(
    ".//*[" + " or ".join(f"contains(@class,'{name}')" for name in CREDIT_CLASSES) + "]"
)
# not the article's: a teaser for another story, a gallery's strip, an ad
_NOT_THE_ARTICLES = re.compile(r"related|promo|teaser|recirc|card|carousel|ad-|advert|sponsor")
_AGENCIES = r"getty images|afp|ap|reuters|epa|shutterstock|alamy|pa(?: media| wire)?"
_TRAILING_CREDIT = re.compile(
    r"\s*(?:[(\[](?:ap|afp|reuters|getty|epa|pa|photo|picture|image|credit|file)\b[^)\]]*[)\]]"
    r"|[(\[][^()\[\]/]{2,60}/[^()\[\]]{2,60}[)\]]"  # "(Ann Lee/The Coast Post)"
    r"|(?:photograph|photo|foto|picture|image|credit|illustration|screenshot)s?\s*(?:by)?\s*"
    r"(?::|\.\.\.|…)\s*[^.]*"
    r"|\bscreenshot\s+(?:by|via|from)\s+[^.]{1,60}"
    rf"|[/|]\s*(?:{_AGENCIES})\b.*"
    rf"|\b(?:{_AGENCIES})\s*/\s*[\w .'’-]{{1,60}})$",  # "... December 3. REUTERS/Ann Lee"
    re.I,
)
# the label a screen reader is given before a caption ("Image caption, ...")
_LABEL = re.compile(r"^(?:(?:image|photo|picture|video)\s+)?caption\s*[,:.]?\s*", re.I)
MIN_CAPTION_WORDS = 3
MAX_CAPTIONS = 12


def caption_text(caption: lxml.html.HtmlElement) -> str:
    """A caption's words without its credit."""
    for credit in _CREDIT_ELEMENTS(caption):
        credit.drop_tree()
    # side by side spans are words apart ("Dock workers<span>at the quay</span>"), as the
    # CSS-selector path reads them
    return clean_caption(" ".join(caption.itertext()))


def clean_caption(text: str) -> str:
    """A caption's text without a credit run into it and without a screen reader's label.
    Spans read with spaces between them leave none before punctuation ("Ann Lee, left")."""
    text = one_line(text)
    for _ in range(2):  # "... on Monday. Photograph: Ann Lee (Getty)"
        text = _TRAILING_CREDIT.sub("", text).strip()
    return _LABEL.sub("", text)


def kept(text: str) -> bool:
    """A caption worth keeping: a few words that are not page furniture."""
    return len(text.split()) >= MIN_CAPTION_WORDS and not is_boilerplate(text)


def _the_articles(figure: lxml.html.HtmlElement, body: lxml.html.HtmlElement) -> bool:
    """No element from the figure up to the article's body is a teaser, a carousel or an ad."""
    for element in (figure, *figure.iterancestors()):
        if element is body:
            return True
        if _NOT_THE_ARTICLES.search(f"{element.get('class', '')} {element.get('id', '')}"):
            return False
    return True


def captions_into_text(tree: lxml.html.HtmlElement) -> int:
    """Replace each captioned picture in the article's body by a paragraph of its caption.
    Returns how many were replaced."""
    if tree.find(".//figcaption") is None:
        return 0  # most pages: nothing to look for
    bodies = _BODY(tree)
    if not bodies:
        return 0  # where the article is, only trafilatura knows: leave its figures alone
    seen: set[str] = set()
    done = 0
    for body, figure in [(b, f) for b in bodies for f in _FIGURES(b)]:
        if done >= MAX_CAPTIONS or figure.getparent() is None:
            continue  # enough, or already replaced (an article inside another)
        if not _the_articles(figure, body):
            continue
        caption = figure.xpath(".//figcaption")[0]
        text = caption_text(caption)
        if not kept(text) or text in seen:
            continue
        seen.add(text)
        paragraph = lxml.html.Element("p")
        paragraph.text = PREFIX + text
        paragraph.tail = figure.tail
        figure.getparent().replace(figure, paragraph)
        done += 1
    return done


# --- how a caption's change ranks ------------------------------------------------------------

CAPTION_EDITED = Served("caption", "edited", "medium")
PICTURE_CHANGED = Served("caption", "picture changed")
PICTURE_ADDED = Served("caption", "picture added")
PICTURE_REMOVED = Served("caption", "picture removed")
# below this word similarity, a caption replaced by another is another picture
SAME_PICTURE = 50.0


def _in_caption(text: str, sentence: Sentence) -> bool:
    line_start = text.rfind("\n", 0, sentence.start) + 1
    return text.startswith(PREFIX, line_start)


def caption_units(comparison: Comparison) -> dict[int, Served]:
    """The units (by index) that are captions, and how far their claims may rank. A caption
    edited (a name put right) alerts, but never above medium: the article's own claims come
    first. A picture put in, taken out or swapped for another is the page's layout: low."""
    from newswatch.diff import similarity  # not at the top: extraction workers import this

    found: dict[int, Served] = {}
    for index, unit in enumerate(comparison.units):
        if unit.kind == "unchanged":
            continue
        old = [_in_caption(comparison.old_text, comparison.old_sentences[i]) for i in unit.old]
        new = [_in_caption(comparison.new_text, comparison.new_sentences[i]) for i in unit.new]
        if not all(old + new) or not (old or new):
            continue  # prose, or a caption merged with prose: ranked as prose
        if old and new:
            before = comparison.old_slice(unit)[0].replace(PREFIX, "")
            after = comparison.new_slice(unit)[0].replace(PREFIX, "")
            same = similarity(before, after) >= SAME_PICTURE
            found[index] = CAPTION_EDITED if same else PICTURE_CHANGED
        else:
            found[index] = PICTURE_ADDED if new else PICTURE_REMOVED
    return found
