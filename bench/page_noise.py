"""Page furniture that changes between visits, on saved pages: ``python -m bench.page_noise DIR``.

For every ``NAME.html`` in the folders: extract it, then change what a site changes between two
visits and leave the article alone (the texts of its navigation, asides, footer and the boxes
a class or an id names as a menu, "most read", related stories or sharing: their words
in another order, their digits moved on, their list items shuffled, as menus, "most read" boxes
and counters rotate), extract the changed page and compare the two, as a monitoring cycle
would. Each page should give no claim at all, and must give none at medium or above: that would
be a false alert. Prints each page that gave a claim, and the totals.

A box inside the article (``<article>``, ``<main>``), holding a paragraph of more than 25 words
or with fewer of its words in links than outside them is left alone: some sites put the story
itself, or a front page's lead story, in one. No pages ship with
newswatch (they are other people's writing); point it at saved pages, as ``bench.pages``.
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

from lxml import html as lxml_html

from bench.pages import saved_pages
from newswatch.decoding import decode_html
from newswatch.diff import compare
from newswatch.edits import LEVELS
from newswatch.extract import ExtractionError, extract

URL = "https://pages.invalid/article"
# boxes sites rotate, known by a class or an id: menus, "most read", related stories, sharing
_FURNITURE = ("menu", "sidebar", "related", "most-read", "mostread", "popular", "trending",
              "share", "social", "newsletter", "footer", "breadcrumb")  # fmt: skip
_FURNITURE_XPATH = "|".join(
    f"//*[contains(@class, '{token}') or contains(@id, '{token}')]" for token in _FURNITURE
)
LONG_PARAGRAPH_WORDS = 25
FURNITURE_LINK_SHARE = 0.5  # a box with more words outside links than in them may be the story
_DIGIT = re.compile(r"\d")


def _furniture(box: lxml_html.HtmlElement) -> bool:
    """Not the story: outside the article, no long paragraph, mostly links."""
    return not (
        box.xpath("ancestor-or-self::article|ancestor::main|.//article|.//main")
        or any(len(p.text_content().split()) > LONG_PARAGRAPH_WORDS for p in box.iter("p"))
        or _link_share(box) < FURNITURE_LINK_SHARE
    )


def _link_share(box: lxml_html.HtmlElement) -> float:
    """The share of a box's words that are link texts: furniture is mostly links."""
    words = len(box.text_content().split())
    linked = sum(len(a.text_content().split()) for a in box.iter("a"))
    return linked / words if words else 1.0


def _churned(text: str) -> str:
    """A furniture text as it might read on the next visit: words reordered, counts moved on."""
    text = _DIGIT.sub(lambda m: str((int(m.group(0)) + 3) % 10), text)
    words = text.split()
    return " ".join(reversed(words)) if len(words) > 1 else text


def noisy(page: str, seed: int = 5) -> tuple[str, int] | None:
    """The page with its furniture churned, and how many of its texts changed; None where the
    page does not parse."""
    try:
        doc = lxml_html.fromstring(page)
    except (ValueError, lxml_html.etree.ParserError):
        return None
    rnd = random.Random(seed)
    changed = 0
    found = dict.fromkeys([*doc.iter("nav", "aside", "footer"), *doc.xpath(_FURNITURE_XPATH)])
    chosen = {box for box in found if _furniture(box)}
    # each text churned once: a box inside another chosen box is churned with it
    for box in [
        b for b in found if b in chosen and not any(a in chosen for a in b.iterancestors())
    ]:
        for element in box.iter():
            if isinstance(element.tag, str) and element.text and element.text.strip():
                element.text = _churned(element.text)
                changed += 1
        items = [li for li in box.iter("li")]
        if len(items) > 2:
            parent = items[0].getparent()
            siblings = [li for li in parent if li.tag == "li"]
            rnd.shuffle(siblings)
            for li in siblings:
                parent.remove(li)
                parent.append(li)
    return lxml_html.tostring(doc, encoding="unicode"), changed


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    args = parser.parse_args(argv)
    pages = saved_pages(args.folders)
    compared = churned = shown = alerts = 0
    for page in pages:
        html = decode_html(page.read_bytes())
        made = noisy(html)
        if made is None:
            continue
        changed_html, changed = made
        try:
            before, after = extract(html, URL), extract(changed_html, URL)
        except ExtractionError:
            continue
        compared += 1
        churned += changed > 0
        result = compare(
            before.text, after.text, old_headline=before.headline, new_headline=after.headline
        )
        claims = [c for c in result.claims if c.severity != "cosmetic"]
        if not claims:
            continue
        loud = [c for c in claims if LEVELS.index(c.severity) >= LEVELS.index("medium")]
        shown += not loud
        alerts += bool(loud)
        first = (loud or claims)[0]
        print(
            f"{page.name[:40]:40} {'ALERT' if loud else 'shown'}: {first.kind}/{first.severity}"
            f" {(first.old_value or '')[:50]!r} -> {(first.new_value or '')[:50]!r}"
        )
    print(
        f"{compared} pages compared ({churned} with furniture churned): {alerts} false alerts,"
        f" {shown} shown below medium, {compared - alerts - shown} quiet"
    )


if __name__ == "__main__":
    main()
