"""Copy edits that change no claim, made to saved pages: ``python -m bench.wording_edits DIR``.

The other side of ``bench.page_edits``: a standards desk wants every edit of a claim, and no
alert for the edits a copy editor makes every day. For every ``NAME.html`` in the folders, the
page's text is extracted once, then each of these edits is made to it, outside quotation marks
(a word changed inside a quote is a quote changed, which alerts by design), and the two texts
are compared as a monitoring cycle would:

- a typo put right (two letters of a long word had traded places in the old version),
- a plain word swapped for its synonym ("bought" -> "purchased", "began" for "started"),
- a contraction spelt out ("didn't" -> "did not"),
- a per cent sign written as a word ("45%" -> "45 per cent"),
- a long sentence split in two at ", and",
- an "also" put in after "has", "was" or the like,
- a courtesy title dropped before a name ("Mr Tate" -> "Tate"),
- a serial comma put in ("ferries, buses and trains" -> "ferries, buses, and trains"),
- a source's "said" made "says" ("..., the mayor said." -> "..., the mayor says."),
- a small number written in figures ("three people" -> "3 people"),
- a British spelling made American ("organised" -> "organized"),
- a sentence's "But" made "However," ("But the plan ..." -> "However, the plan ..."),
- where it was said put in ("said that" -> "said in a statement that").

Each edit is *quiet* (no claim above cosmetic), *shown* (low: in the review, no alert) or a
*false alert* (medium or above). Prints each page's results, the totals per edit, and the false
alerts' claims. No pages ship with newswatch (they are other people's writing); point it at saved
pages, as ``bench.pages``.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from bench.pages import saved_pages
from newswatch.decoding import decode_html
from newswatch.diff import Claim, compare
from newswatch.edits import LEVELS
from newswatch.extract import ExtractionError, extract

URL = "https://pages.invalid/article"
SYNONYMS = {
    "bought": "purchased", "started": "began", "helped": "assisted", "quickly": "rapidly",
    "shows": "indicates", "showed": "indicated", "big": "large", "needs": "requires",
    "tried": "attempted", "enough": "sufficient", "chose": "selected", "about": "regarding",
    "kept": "retained", "ended": "finished", "often": "frequently", "usually": "typically",
}  # fmt: skip
CONTRACTIONS = {
    "didn't": "did not", "doesn't": "does not", "don't": "do not", "won't": "will not",
    "can't": "cannot", "isn't": "is not", "wasn't": "was not", "it's": "it is",
}  # fmt: skip


def _outside_quotes(text: str, at: int) -> bool:
    """``at`` lies outside quotation marks on its line (an even number of marks before it)."""
    line_start = text.rfind("\n", 0, at) + 1
    return text.count('"', line_start, at) % 2 == 0


def _first(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    return next((m for m in pattern.finditer(text) if _outside_quotes(text, m.start())), None)


_LONG_WORD = re.compile(r"\b[a-z]{8,}\b")
_SYNONYM = re.compile(r"\b(?:" + "|".join(SYNONYMS) + r")\b")
_CONTRACTION = re.compile(r"\b(?:" + "|".join(re.escape(c) for c in CONTRACTIONS) + r")")
_PER_CENT = re.compile(r"(?<=\d)\s?%")
_AND = re.compile(r", and ([a-z])(?=[^.!?\n]{30,})")
_AUXILIARY = re.compile(r"\b(?:has|have|had|was|were|is|are) (?=[a-z]{4,}ed\b)")
_TITLE = re.compile(r"\b(?:Mr|Mrs|Ms)\.? (?=[A-Z][a-z])")
_SERIES = re.compile(r"\b[a-z]+, [a-z]+(?= and [a-z]+\b)")
_SAID = re.compile(r"(?<=[a-z] )said(?=[.,])")
_SMALL_NUMBER = re.compile(r"\b(?:two|three|four|five|six|seven|eight|nine)(?= [a-z]{3,})")
SMALL_NUMBERS = {
    w: str(i) for i, w in enumerate("two three four five six seven eight nine".split(), 2)
}
SPELLINGS = {
    "organised": "organized", "recognised": "recognized", "criticised": "criticized",
    "apologised": "apologized", "emphasised": "emphasized", "realised": "realized",
    "organisation": "organization", "centre": "center", "programme": "program",
    "defence": "defense", "labour": "labor", "favour": "favor", "neighbours": "neighbors",
}  # fmt: skip
_SPELLING = re.compile(r"\b(?:" + "|".join(SPELLINGS) + r")\b")
_BUT = re.compile(r"(?<=[.!?] )But (?=[a-z])")
_SAID_THAT = re.compile(r"(?<=[a-z] )said(?= that\b)")


def typo(text: str) -> tuple[str, str] | None:
    """The old text with two letters of a long word swapped; the new is the page's."""
    match = _first(_LONG_WORD, text)
    if match is None:
        return None
    word = match.group()
    misspelt = word[0] + word[2] + word[1] + word[3:]
    return text[: match.start()] + misspelt + text[match.end() :], text


def _replacing(
    pattern: re.Pattern[str], replacement: Callable[[re.Match[str]], str]
) -> Callable[[str], tuple[str, str] | None]:
    """The edit that replaces the first match of ``pattern`` outside quotes."""

    def edit(text: str) -> tuple[str, str] | None:
        match = _first(pattern, text)
        if match is None:
            return None
        new = text[: match.start()] + replacement(match) + text[match.end() :]
        return None if new == text else (text, new)

    return edit


EDITS: dict[str, Callable[[str], tuple[str, str] | None]] = {
    "typo": typo,
    "synonym": _replacing(_SYNONYM, lambda m: SYNONYMS[m.group()]),
    "contraction": _replacing(_CONTRACTION, lambda m: CONTRACTIONS[m.group()]),
    "per cent": _replacing(_PER_CENT, lambda m: " per cent"),
    "split": _replacing(_AND, lambda m: ". " + m.group(1).upper()),
    "also": _replacing(_AUXILIARY, lambda m: m.group() + "also "),
    "title": _replacing(_TITLE, lambda m: ""),
    "comma": _replacing(_SERIES, lambda m: m.group() + ","),
    "says": _replacing(_SAID, lambda m: "says"),
    "digits": _replacing(_SMALL_NUMBER, lambda m: SMALL_NUMBERS[m.group()]),
    "spelling": _replacing(_SPELLING, lambda m: SPELLINGS[m.group()]),
    "however": _replacing(_BUT, lambda m: "However, "),
    "statement": _replacing(_SAID_THAT, lambda m: "said in a statement"),
}


def verdict(claims: list[Claim]) -> str:
    worst = max((LEVELS.index(c.severity) for c in claims), default=0)
    if worst >= LEVELS.index("medium"):
        return "false alert"
    return "shown" if worst >= LEVELS.index("low") else "quiet"


def try_page(page: Path) -> tuple[dict[str, str], list[str]] | str:
    """Each edit's verdict for one page ("n/a" where it could not be made) and the claims of
    its false alerts; or why the page could not be read."""
    html = decode_html(page.read_bytes(), None)
    try:
        text = extract(html, URL).text
    except ExtractionError as exc:
        return f"not extracted: {exc}"
    results: dict[str, str] = {}
    alerts: list[str] = []
    for name, make in EDITS.items():
        made = make(text)
        if made is None:
            results[name] = "n/a"
            continue
        claims = compare(*made).claims
        results[name] = verdict(claims)
        alerts += [
            f"{name}: {c.kind}/{c.severity} {c.old_value!r} -> {c.new_value!r}"
            for c in claims
            if LEVELS.index(c.severity) >= LEVELS.index("medium")
        ]
    return results, alerts


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    args = parser.parse_args(argv)
    pages = saved_pages(args.folders)
    totals: dict[str, Counter[str]] = {name: Counter() for name in EDITS}
    false_alerts: list[str] = []
    for page in pages:
        found = try_page(page)
        if isinstance(found, str):
            print(f"{page.name:40} {found}")
            continue
        results, alerts = found
        print(f"{page.name:40} " + "  ".join(f"{k}: {v}" for k, v in results.items()))
        false_alerts += [f"{page.name}: {alert}" for alert in alerts]
        for name, result in results.items():
            totals[name][result] += 1
    print("totals (pages where the edit could be made):")
    for name, counts in totals.items():
        made = counts["quiet"] + counts["shown"] + counts["false alert"]
        print(
            f"  {name:11} {counts['quiet']}/{made} quiet, {counts['shown']} shown (low), "
            f"{counts['false alert']} false alerts"
        )
    for alert in false_alerts:
        print(f"  false alert: {alert}")


if __name__ == "__main__":
    main()
