"""Claims turned round without a "not" of their own coming or going.

A rewrite can turn a fact round with the negation inside a word, or moved to another word:
"returned them unopened" -> "opened some of them before realising" (the prefix went, in another
stretch of the rewrite), "no school will lose money" -> "most schools will not lose money" (a
claim about every one made one about some, with as many negations). The negation rule of
``detectors`` counts negations, so it sees neither.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise
from typing import TYPE_CHECKING

from newswatch.context import stem
from newswatch.contrasts import opposite, word_swap
from newswatch.detectors import NEGATION
from newswatch.edits import FUNCTION_WORDS, LEVELS, WORD, Claim, Hunk, Pair

if TYPE_CHECKING:
    from newswatch.diff import Comparison


def prefix_turned_claim(pair: Pair) -> Claim | None:
    """A word with its negative prefix taken out of one stretch of a rewrite and the bare word
    put in another, or the other way round: "said she had returned them unopened" -> "said she
    had opened some of them before realising" turns the fact round, however long the rewrite.
    Neither sentence may have the other's word, and no negation may come or go besides (which
    the negation rule judges)."""
    # negations other than the prefixed word, as many each side: "not likely" -> "unlikely"
    # only moved the "not" into the word
    negations = [
        [m.group(0).lower() for m in NEGATION.finditer(side.text)] for side in (pair.old, pair.new)
    ]
    old_words = {w.lower() for w in WORD.findall(pair.old.text)}
    new_words = {w.lower() for w in WORD.findall(pair.new.text)}
    for out in pair.hunks:
        for taken in WORD.findall(out.removed):
            for came in pair.hunks:
                put = next(
                    (
                        w
                        for w in WORD.findall(came.added)
                        if w.lower() not in old_words
                        and taken.lower() not in new_words
                        # "as expected" -> "unexpectedly": the adverb of the word turned
                        and opposite(taken.lower().removesuffix("ly"), w.lower().removesuffix("ly"))
                        and _prefixed_pair(taken.lower(), w.lower())
                        and _others(negations[0], taken, w) == _others(negations[1], taken, w)
                    ),
                    None,
                )
                if put is not None:
                    hunk = Hunk(out.old_start, out.old_end, came.new_start, came.new_end, "", "")
                    return word_swap(
                        "negation", "high", pair, hunk, (taken, put), {"opposite": True}
                    )
    return None


def _prefixed_pair(a: str, b: str) -> bool:
    """One word is the other with "un-" or "non-" before it ("unopened", "opened"), the bare
    word of five letters or more: "in-" and "dis-" begin too many words that are no negation
    ("informed", "disclosed"), and "unless" is no "less" turned round."""
    shorter, longer = sorted((a, b), key=len)
    plain = longer.removesuffix("ly") if not shorter.endswith("ly") else longer
    return len(shorter) >= 5 and plain in (f"un{shorter}", f"non-{shorter}", f"non{shorter}")


def _others(negations: list[str], *words: str) -> int:
    return sum(n not in {w.lower() for w in words} for n in negations)


# "no school will lose money" says every school keeps it; "most schools will not lose money"
# leaves some that do, with as many negations
_NONE_OF = re.compile(
    r"\b(?:(?:no|none of(?: the)?|not one|not a single)\s+(?!one\b)([a-z]{3,})|no one|nobody)\b",
    re.I,
)
_SOME_OF = re.compile(
    r"\b(?:most|many|some|few|several|a few|the majority of|nearly all|almost all|half of|"
    r"not all|not every)\s+(?:of\s+)?(?:the\s+|its\s+|their\s+)?([a-z]{3,})\b",
    re.I,
)


def none_made_some_claim(pair: Pair) -> Claim | None:
    """ "No school" said as "most schools ... not" (or back): a claim about every one of a kind
    made one about some of them, the negation moved to the verb."""
    for none_side, some_side, hunk_side in ((pair.old, pair.new, 0), (pair.new, pair.old, 1)):
        none = _NONE_OF.search(none_side.text)
        some = _SOME_OF.search(some_side.text)
        if none is None or some is None or _NONE_OF.search(some_side.text):
            continue
        # "no one" and "nobody" are any people: "most residents will not ..."
        kind = none.group(1)
        if (kind and stem(kind) != stem(some.group(1))) or not re.search(
            r"\b(?:not|never)\b|n't\b", some_side.text, re.I
        ):
            continue
        for hunk in pair.hunks:
            start, end = hunk.old_start, hunk.old_end
            if hunk_side == 1:
                start, end = hunk.new_start, hunk.new_end
            if start < none.end() and none.start() < end:
                values = (none.group(0), some.group(0))
                return word_swap(
                    "fact", "high", pair, hunk, values if hunk_side == 0 else values[::-1], {}
                )
    return None


# A sentence taken out and one put in its place that tell of the same things, one denying what
# the other says ("Fuel has leaked into the sea." -> "There is no sign of a fuel leak."): the
# aligner cannot pair them, and each alone says little new to the article (low)
SHARED_FOR_DENIAL = 2


def denied_units(comparison: Comparison) -> set[int]:
    """The indexes of a sentence removed and one added beside it that share two content words
    or more and not as many negations: a claim denied, or a denial withdrawn."""
    found: set[int] = set()
    for index, (first, second) in enumerate(pairwise(comparison.units)):
        if {first.kind, second.kind} != {"removed", "added"}:
            continue
        removed, added = (first, second) if first.kind == "removed" else (second, first)
        old, new = comparison.old_slice(removed)[0], comparison.new_slice(added)[0]
        if len(NEGATION.findall(old)) == len(NEGATION.findall(new)):
            continue
        if len(_stems(old) & _stems(new)) >= SHARED_FOR_DENIAL:
            found |= {index, index + 1}
    return found


def at_least_medium(claims: list[Claim]) -> list[Claim]:
    return [
        replace(c, severity="medium") if LEVELS.index(c.severity) < LEVELS.index("medium") else c
        for c in claims
    ]


def _stems(text: str) -> set[str]:
    return {stem(w) for w in WORD.findall(text) if len(w) > 2 and w.lower() not in FUNCTION_WORDS}
