"""Hunks read wider than the word diff cut them, so that a phrase the lists read as one word is
seen whole: hunks close together joined ("close three libraries" -> "keep three libraries
open"), and a hunk with a word both sides keep beside it ("chief executive" -> "chief financial
officer" diffs as "executive" -> "financial officer").
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from newswatch.edits import WORD, Hunk, Pair
from newswatch.phrases import PHRASAL_VERBS

# the phrases of the lists, longest first
PHRASAL = re.compile(
    r"\b(?:"
    + "|".join(p.replace(" ", r"\s+") for p in sorted(PHRASAL_VERBS, key=len)[::-1])
    + r")\b"
)


# hunks this close (in words kept between them) are read as one phrase changed
PHRASE_GAP = 4


def joined_hunk(pair: Pair) -> Hunk | None:
    """Two or three hunks close together read as one, where a pair has them: the kept words
    between them are left out of both sides, so a swap is looked for among the words that
    changed only."""
    hunks = pair.hunks
    if not 2 <= len(hunks) <= 3 or any(
        len(WORD.findall(pair.old.text[a.old_end : b.old_start])) > PHRASE_GAP
        for a, b in pairwise(hunks)
    ):
        return None
    return Hunk(
        hunks[0].old_start,
        hunks[-1].old_end,
        hunks[0].new_start,
        hunks[-1].new_end,
        " ".join(h.removed for h in hunks),
        " ".join(h.added for h in hunks),
    )


def phrase_hunks(pair: Pair, joined: Hunk | None) -> list[Hunk]:
    """The pair's hunks widened by a word both sides keep, and the ``joined`` hunk read with
    the words it keeps between its parts ("be lifted in stages" -> "remain in place"), each
    only where the wider text makes a phrase the lists read as one (not "in outside
    experts")."""
    spanned = (
        replace(
            joined,
            removed=pair.old.text[joined.old_start : joined.old_end],
            added=pair.new.text[joined.new_start : joined.new_end],
        )
        if joined
        else None
    )
    wider = [w for h in pair.hunks for w in (_with_word_before(pair, h), _with_word_after(pair, h))]
    return [
        w
        for w in [*wider, spanned]
        if w is not None and (PHRASAL.search(w.removed.lower()) or PHRASAL.search(w.added.lower()))
    ]


_PHRASAL_FIRST = frozenset(phrase.split()[0] for phrase in PHRASAL_VERBS)


def _with_word_before(pair: Pair, hunk: Hunk) -> Hunk | None:
    """The hunk with the word both sides keep before it, where that word opens a phrase the
    lists read as one ("chief executive" -> "chief financial officer" diffs as "executive" ->
    "financial officer")."""
    old, new = (
        _word_before(pair.old.text, hunk.old_start),
        _word_before(pair.new.text, hunk.new_start),
    )
    if old is None or new is None or old[0].lower() != new[0].lower():
        return None
    if old[0].lower() not in _PHRASAL_FIRST:
        return None
    return Hunk(
        old[1],
        hunk.old_end,
        new[1],
        hunk.new_end,
        pair.old.text[old[1] : hunk.old_end],
        pair.new.text[new[1] : hunk.new_end],
    )


_PHRASAL_LAST = frozenset(phrase.split()[-1] for phrase in PHRASAL_VERBS)


def _with_word_after(pair: Pair, hunk: Hunk) -> Hunk | None:
    """The hunk with the word both sides keep after it, where that word ends a phrase the lists
    read as one ("world record" -> "championship record" diffs as "world" -> "championship")."""
    old, new = _word_after(pair.old.text, hunk.old_end), _word_after(pair.new.text, hunk.new_end)
    if old is None or new is None or old[0].lower() != new[0].lower():
        return None
    if old[0].lower() not in _PHRASAL_LAST:
        return None
    return Hunk(
        hunk.old_start,
        old[1],
        hunk.new_start,
        new[1],
        pair.old.text[hunk.old_start : old[1]],
        pair.new.text[hunk.new_start : new[1]],
    )


def _word_after(text: str, at: int) -> tuple[str, int] | None:
    """The word that starts right after the spaces after ``at``, and where it ends."""
    found = re.match(r"\s+([\w']+)", text[at:])
    return (found.group(1), at + found.end()) if found else None


def _word_before(text: str, at: int) -> tuple[str, int] | None:
    """The word that ends right before the spaces before ``at``, and where it starts."""
    end = len(text[:at].rstrip())
    if end == at:
        return None  # no space before the hunk: it starts inside a word
    start = end
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
        start -= 1
    return (text[start:end], start) if start < end else None
