"""A figure the other sentence says in words: "both" for "the two", a multiple ("doubled" for
"rose 100%", "triple" for "three times"), an article ("a point" for "one point"), an ordinal
("the second seed" for "the No. 2 seed"), a count of times ("twice" for "the second time") or a
decade ("sixties" for "60s"). The figure rules read such a figure as kept, not lost.
"""

from __future__ import annotations

import re

from newswatch.context import stem
from newswatch.edits import WORD
from newswatch.numbers import Figure, find_figures


def said_as_both(figure: Figure, text: str, other: str) -> bool:
    """ "the two sides" where the other sentence says "both sides" (or "each side ... the
    other"); "the two" where it says "the pair" (or "the duo")."""
    if re.search(r"\bthe\s+$", text[: figure.span[0]], re.I) and re.search(
        r"\bthe\s+(?:pair|duo)\b", other, re.I
    ):
        return True
    noun = re.match(r"\s+(\w+)", text[figure.span[1] :])
    if noun is None:
        return False
    plural = re.escape(noun.group(1))
    single = re.escape(noun.group(1)[:-1]) if noun.group(1).endswith("s") else plural
    # "the two sides" for "both sides", or for "each side ... the other"
    return bool(
        re.search(rf"\bboth\s+(?:(?:of\s+)?the\s+)?{plural}\b", other, re.I)
        or re.search(
            rf"\b(?:each|either)\s+{single}\b[^.]*\b(?:the\s+other|each\s+other)\b", other, re.I
        )
    )


# a change said as a multiple, and the per cent it comes to: "doubled" is "rose 100%"
_MULTIPLES = re.compile(r"\b(doubl|tripl|quadrupl|halv)(?:ed|es|e|ing)\b", re.I)
_MULTIPLE_PER_CENT = {"doubl": 100.0, "tripl": 200.0, "quadrupl": 300.0, "halv": 50.0}


def as_multiple(figure: Figure, other: str) -> bool:
    """A percentage the other sentence gives as a multiple: "rose 100%" and "doubled"."""
    if figure.kind != "percent":
        return False
    try:
        value = float(figure.value)
    except ValueError:
        return False
    return any(_MULTIPLE_PER_CENT[m.group(1).lower()] == value for m in _MULTIPLES.finditer(other))


# a multiple said in one word: "three times the target" is "triple the target"
_TIMES_WORDS = re.compile(
    r"\b(twice|double|doubled|triple|tripled|treble|trebled|quadruple)\b", re.I
)
_TIMES_VALUE = {"twice": 2, "doubl": 2, "tripl": 3, "trebl": 3, "quadru": 4}


def times_as_word(figure: Figure, text: str, other: str) -> bool:
    """ "three times the target" where the other sentence says "triple the target"."""
    if figure.kind != "number" or not re.match(r"\s+times\b", text[figure.span[1] :], re.I):
        return False
    values = {
        value
        for m in _TIMES_WORDS.finditer(other)
        for stem, value in _TIMES_VALUE.items()
        if m.group(1).lower().startswith(stem)
    }
    return figure.value in {str(v) for v in values}


def one_as_article(figure: Figure, text: str, other: str) -> bool:
    """ "one point ahead" where the other sentence says "a point clear": one thing, counted
    with the article."""
    surface = figure.surface.lower()
    if surface.startswith("one ") and figure.value != "1":  # "one million" and "a million"
        return re.search(rf"\ban?\s+{re.escape(surface[4:])}\b", other, re.I) is not None
    if figure.value != "1" or not figure.surface[:1].isalpha():
        return False
    unit = re.match(r"\s+(\w+)", text[figure.span[1] :]) if figure.kind == "number" else None
    noun = unit.group(1) if unit else figure.surface.split()[-1]
    # "by one vote" where the other says "by a single vote"
    return re.search(rf"\ban?\s+(?:single\s+)?{re.escape(noun)}\b", other, re.I) is not None


_NUMBER_SIGN = re.compile(r"\b(?:no|number|#)\.?\s*$", re.I)


def numbered_as_ordinal(figure: Figure, text: str, other: str) -> bool:
    """ "the No. 2 seed" where the other sentence says "the second seed"."""
    if figure.kind != "number" or not _NUMBER_SIGN.search(
        text[max(0, figure.span[0] - 8) : figure.span[0]]
    ):
        return False
    return any(f.kind == "ordinal" and f.value == figure.value for f in find_figures(other))


_DECADE_WORDS = {
    20: "twenties", 30: "thirties", 40: "forties", 50: "fifties", 60: "sixties", 70: "seventies",
    80: "eighties", 90: "nineties",
}  # fmt: skip


def decade_in_words(figure: Figure, text: str, other: str) -> bool:
    """ "in her 60s" where the other sentence says "in her sixties"."""
    if text[figure.span[1] : figure.span[1] + 1] != "s":
        return False
    try:
        word = _DECADE_WORDS.get(int(float(figure.value)))
    except ValueError:
        return False
    return word is not None and re.search(rf"\b{word}\b", other, re.I) is not None


def said_in_words(figure: Figure, text: str, other: str) -> bool:
    """``figure`` of ``text`` is one the other sentence (``other``) says in words: "both sides"
    for "the two sides", "doubled" for "rose 100%", "triple" for "three times", "a point" for
    "one point", "the second seed" for "the No. 2 seed", "sixties" for "60s"."""
    return (
        (figure.key == ("number", "2") and said_as_both(figure, text, other))
        or as_multiple(figure, other)
        or times_as_word(figure, text, other)
        or one_as_article(figure, text, other)
        or numbered_as_ordinal(figure, text, other)
        or decade_in_words(figure, text, other)
        or times_as_ordinal(figure, text, other)
    )


def times_as_ordinal(figure: Figure, text: str, other: str) -> bool:
    """A count of times the other sentence says as its ordinal: "robbed twice this year" for
    "the second robbery this year", "three times" for "the third time"."""
    if figure.kind != "number":
        return False
    times = figure.surface.lower() in ("twice", "thrice") or re.match(
        r"\s+times\b", text[figure.span[1] :], re.I
    )
    ordinals = [f for f in find_figures(other) if f.kind == "ordinal" and f.value == figure.value]
    if times:
        return bool(ordinals)
    # "three critical reports in five years" for "the third critical report in five years"
    counted = {stem(w) for w in WORD.findall(text[figure.span[1] :])[:2]}
    return any(
        counted & {stem(w) for w in WORD.findall(other[f.span[1] :])[:3]} - {"in", "of"}
        for f in ordinals
    )
