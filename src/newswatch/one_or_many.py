"""One of them or more than one, said by the noun alone: "A child was among those injured" ->
"Children were among those injured". No figure changed, so the figure rules see nothing, and
the rewording rules read "A child was" -> "Children were" as grammar. The verb agrees with the
count ("was" -> "were", "has been" -> "have been"), which is how a past event tells the count
apart from a general statement ("A driver should check ..." -> "Drivers should check ...": the
same advice).
"""

from __future__ import annotations

import re

from newswatch.edits import Claim, Pair

# "a [police] officer was", "one [young] man has been": one, and the verb that agrees
_ONE = re.compile(
    r"\b(?:an?|one)\s+((?:[a-z][a-z-]*\s+){0,2}?)([a-z]{3,})\s+(?:was|has\s+been)\b", re.I
)
# "[several] [police] officers were", "men have been": more than one
_MANY = re.compile(
    r"(?:\b(?:several|some|many|a\s+number\s+of|a\s+few|dozens\s+of|hundreds\s+of|"
    r"other)\s+)?\b((?:[a-z][a-z-]*\s+){0,2}?)([a-z]{3,})\s+(?:were|have\s+been)\b",
    re.I,
)
_IRREGULAR = {"man": "men", "woman": "women", "child": "children", "person": "people"}
# words before a noun that make the phrase no count of people or things
_NOT_COUNTED = frozenset("there it this that which who what".split())


def _plural(noun: str) -> set[str]:
    noun = noun.lower()
    if noun in _IRREGULAR:
        return {_IRREGULAR[noun]}
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return {noun[:-1] + "ies"}
    if noun.endswith(("s", "x", "ch", "sh")):
        return {noun + "es"}
    return {noun + "s"}


def _found(pattern: re.Pattern[str], text: str) -> list[tuple[str, str, tuple[int, int]]]:
    """(words before the noun, noun, span) for each match of ``pattern``."""
    return [
        (m.group(1).strip().lower(), m.group(2).lower(), (m.start(), m.start(2) + len(m.group(2))))
        for m in pattern.finditer(text)
        if m.group(2).lower() not in _NOT_COUNTED
    ]


def one_or_many_claim(pair: Pair) -> Claim | None:
    """One of a kind made several, or several made one, with the verb agreeing ("A man was
    arrested" -> "Men were arrested"): a count changed without a figure. Medium: the count is
    vague on the plural side."""
    ones = [_found(_ONE, pair.old.text), _found(_ONE, pair.new.text)]
    manys = [_found(_MANY, pair.old.text), _found(_MANY, pair.new.text)]
    for one, one_side, many_side, one_first in ((0, pair.old, pair.new, True),
                                                (1, pair.new, pair.old, False)):  # fmt: skip
        for before, noun, one_span in ones[one]:
            for before_many, plural, many_span in manys[1 - one]:
                if plural not in _plural(noun) or before.split()[-1:] != before_many.split()[-1:]:
                    continue
                # the one is gone from its side and the many new to theirs
                if any(p == plural for _, p, _ in manys[one]) or any(
                    n == noun for _, n, _ in ones[1 - one]
                ):
                    continue
                one_words = one_side.text[one_span[0] : one_span[1]]
                many_words = many_side.text[many_span[0] : many_span[1]]
                old_v, new_v = (one_words, many_words) if one_first else (many_words, one_words)
                old_s, new_s = (one_span, many_span) if one_first else (many_span, one_span)
                return Claim(
                    "number",
                    "medium",
                    pair.old.text,
                    pair.new.text,
                    old_v,
                    new_v,
                    pair.old.span(*old_s),
                    pair.new.span(*new_s),
                    {"count": "one or many"},
                )
    return None
