"""Edits made to saved pages, caught or not: ``python -m bench.page_edits DIR [DIR ...]``.

For every ``NAME.html`` in the folders: extract it, then make in the page's own markup each of
nine edits a site makes to an article (a figure changed, a "not" put in, a sentence taken out,
a name replaced, a word of a quote changed, a word swapped for its opposite, "will" made "may",
a detail put at the end of a sentence, and one that says why or when cut from the end of one),
extract the edited page and compare the two texts,
as a monitoring cycle would. An edit is *caught* when a claim of the kind expected comes out,
and *alerts* when that claim is medium or above (what a subscription gets by default). The page
extracted a second time, unedited, must give no claim at all. Prints each page's results and
the totals per edit.

An edit is made only where its words stand verbatim and once in the page's markup (not split
by tags or written as entities); elsewhere it is "n/a" for that page. No pages ship with
newswatch (they are other people's writing); point it at saved pages, as ``bench.pages``.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench.pages import saved_pages
from newswatch.decoding import decode_html
from newswatch.diff import Claim, compare
from newswatch.edits import LEVELS
from newswatch.extract import ExtractionError, extract
from newswatch.sourcing import QUOTE

URL = "https://pages.invalid/article"
# the verbs a "not" goes after, per language: (verb, verb negated)
NEGATABLE = (
    (" was ", " was not "), (" is ", " is not "), (" were ", " were not "), (" are ", " are not "),
    (" ist ", " ist nicht "), (" war ", " war nicht "), (" est ", " n'est pas "),
    (" es ", " no es "), (" is ", " is niet "),
)  # fmt: skip
# the claim kinds that catch each edit; a sentence cut may be read as a sentence removed or,
# where the page's sentence ends elsewhere than ours, as a passage cut from one (any kind)
EXPECTED: dict[str, tuple[str, ...] | None] = {
    "figure": ("number",),
    "negation": ("negation",),
    "sentence": None,
    "name": ("entity", "attribution", "quote"),
    "quote": ("quote",),
    "opposite": ("negation", "fact"),
    "hedge": ("hedge",),
    "detail added": ("reworded", "fact"),
    # the passage cut may hold a figure or a name, which then carries the change
    "detail cut": None,
}
_NUMBER = re.compile(r"(?<![\d.,:/])(\d{2,4})(?![\d.,:/])")
_NAME = re.compile(r"(?<=[a-z,] )([A-Z][a-z]+) ([A-Z][a-z]{3,})\b")
_SENTENCE = re.compile(r"[^.!?]{60,300}[.!?]")


@dataclass(frozen=True)
class Edit:
    old: str  # words as the page's markup has them, once
    new: str


def _once(html: str, old: str, new: str) -> Edit | None:
    return Edit(old, new) if len(old) > 15 and html.count(old) == 1 else None


def figure_edit(text: str, html: str) -> Edit | None:
    for line in (line for line in text.splitlines() if len(line) > 80):
        for match in _NUMBER.finditer(line):
            old = line[max(0, match.start() - 20) : match.end()]
            number = str(int(match.group(1)) + 7)
            edit = _once(html, old, old[: len(old) - len(match.group(1))] + number)
            if edit:
                return edit
    return None


def negation_edit(text: str, html: str) -> Edit | None:
    for verb, negated in NEGATABLE:
        for line in (line for line in text.splitlines() if verb in line and len(line) > 80):
            at = line.find(verb)
            old = line[max(0, at - 25) : at + len(verb) + 12]
            edit = _once(html, old, old.replace(verb, negated, 1))
            if edit:
                return edit
    return None


def sentence_edit(text: str, html: str) -> Edit | None:
    lines = [line for line in text.splitlines() if len(line) > 120]
    for line in lines[len(lines) // 3 :]:  # not the opening: a lede cut is rarer
        for match in _SENTENCE.finditer(line):
            sentence = match.group().strip()
            edit = _once(html, sentence, "")
            if edit:
                return edit
    return None


_LONG_WORD = re.compile(r"\b[a-zäöüéèà]{6,}\b")


def quote_edit(text: str, html: str) -> Edit | None:
    """A word inside quotation marks swapped for another: the quote changed. Quotes are read
    from the extracted text's lines whose marks pair up (the text has straight quotes only)."""
    for line in (line for line in text.splitlines() if line.count('"') % 2 == 0):
        for match in QUOTE.finditer(line):
            inside = match.group(1)
            word = _LONG_WORD.search(inside, len(inside) // 3)
            if word is None or len(inside) < 30:
                continue
            old = inside[max(0, word.start() - 20) : word.end()]
            edit = _once(html, old, old[: len(old) - len(word.group())] + "somewhat")
            if edit:
                return edit
    return None


def name_edit(text: str, html: str) -> Edit | None:
    if "Morgan" in text:
        return None
    for line in text.splitlines()[1:]:
        for match in _NAME.finditer(line):
            old = line[max(0, match.start() - 20) : match.end()]
            edit = _once(html, old, old[: len(old) - len(match.group(2))] + "Morgan")
            if edit:
                return edit
    return None


# a word swapped for its opposite, and a certainty made a possibility
OPPOSITE_WORDS = (
    (" rose ", " fell "), (" fell ", " rose "), (" increased ", " decreased "), (" won ", " lost "),
    (" higher ", " lower "), (" more ", " fewer "), (" before ", " after "),
)  # fmt: skip
HEDGED = ((" will ", " may "), (" would ", " might "))


def _swap_edit(pairs: tuple[tuple[str, str], ...]) -> Callable[[str, str], Edit | None]:
    """The edit that swaps the first of ``pairs`` found, outside quotes, in a long line."""

    def edit(text: str, html: str) -> Edit | None:
        for word, other in pairs:
            for line in (line for line in text.splitlines() if word in line and len(line) > 80):
                at = line.find(word)
                if line.count('"', 0, at) % 2:
                    continue  # inside a quote: a quote changed, another edit's
                old = line[max(0, at - 25) : at + len(word) + 12]
                found = _once(html, old, old.replace(word, other, 1))
                if found:
                    return found
        return None

    return edit


# a detail put at the end of a sentence, and one that says why or when cut from the end of one
DETAIL = " despite objections from regional officials"
_SENTENCE_END = re.compile(r"(?<=[a-z]{3})\.(?= [A-Z])")
_DETAIL_AT_END = re.compile(
    r"(?<=[a-z]) (?:after|despite|because of|over|following|amid|unless|until) "
    r"[a-z][^,.;:\"()]{12,60}(?=\.)"
)


def detail_added_edit(text: str, html: str) -> Edit | None:
    for line in (line for line in text.splitlines() if len(line) > 80 and '"' not in line):
        for match in _SENTENCE_END.finditer(line):
            old = line[max(0, match.start() - 25) : match.end()]
            edit = _once(html, old, old[:-1] + DETAIL + ".")
            if edit:
                return edit
    return None


def detail_cut_edit(text: str, html: str) -> Edit | None:
    for line in (line for line in text.splitlines() if len(line) > 80 and '"' not in line):
        for match in _DETAIL_AT_END.finditer(line):
            old = line[max(0, match.start() - 20) : match.end() + 1]
            edit = _once(html, old, old.replace(match.group(), "", 1))
            if edit:
                return edit
    return None


EDITS: dict[str, Callable[[str, str], Edit | None]] = {
    "figure": figure_edit,
    "negation": negation_edit,
    "sentence": sentence_edit,
    "name": name_edit,
    "quote": quote_edit,
    "opposite": _swap_edit(OPPOSITE_WORDS),
    "hedge": _swap_edit(HEDGED),
    "detail added": detail_added_edit,
    "detail cut": detail_cut_edit,
}


def outcome(claims: list[Claim], expected: tuple[str, ...] | None) -> str:
    """ "alerts", "caught" (shown, below medium) or "missed"."""
    found = [
        c for c in claims if (expected is None or c.kind in expected) and c.severity != "cosmetic"
    ]
    if any(LEVELS.index(c.severity) >= LEVELS.index("medium") for c in found):
        return "alerts"
    return "caught" if found else "missed"


def try_page(page: Path) -> dict[str, str] | str:
    """Each edit's outcome for one page ("n/a" where it could not be made, "text unchanged"
    where the edited words are not in the text extracted), and "again" for the page extracted
    a second time (the number of claims); or why the page could not be read."""
    html = decode_html(page.read_bytes(), None)  # as the extractor reads the bytes
    try:
        first = extract(html, URL)
    except ExtractionError as exc:
        return f"not extracted: {exc}"
    results = {"again": str(len(compare(first.text, extract(html, URL).text).claims))}
    for name, make in EDITS.items():
        edit = make(first.text, html)
        if edit is None:
            results[name] = "n/a"
            continue
        edited = extract(html.replace(edit.old, edit.new, 1), URL)
        if edited.text == first.text:
            results[name] = "text unchanged"
            continue
        results[name] = outcome(compare(first.text, edited.text).claims, EXPECTED[name])
    return results


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    args = parser.parse_args(argv)
    pages = saved_pages(args.folders)
    totals: dict[str, Counter[str]] = {name: Counter() for name in [*EDITS, "again"]}
    for page in pages:
        results = try_page(page)
        if isinstance(results, str):
            print(f"{page.name:40} {results}")
            continue
        print(f"{page.name:40} " + "  ".join(f"{k}: {v}" for k, v in results.items()))
        for name, result in results.items():
            totals[name][result if name != "again" else ("none" if result == "0" else "some")] += 1
    print("totals (pages where the edit could be made):")
    for name in EDITS:
        made = sum(n for r, n in totals[name].items() if r in ("alerts", "caught", "missed"))
        print(
            f"  {name:9} {totals[name]['alerts']}/{made} alert, {totals[name]['caught']} shown "
            f"below medium, {totals[name]['missed']} missed"
        )
    print(f"  unedited, extracted again: {totals['again']['none']} pages with no claim, "
          f"{totals['again']['some']} with claims")  # fmt: skip


if __name__ == "__main__":
    main()
