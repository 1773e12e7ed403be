"""One length of time written two ways: "a week" is "seven days", "24 hours" "a day", "the
year to October" "the 12 months to October". The figure and swap rules would each read such a
rewrite as a figure or a unit changed; these say it is the same length.
"""

from __future__ import annotations

import re

from newswatch.edits import Claim, Hunk, Pair
from newswatch.numbers import durations, find_figures
from newswatch.rates import rates, same_rates


def same_duration(removed: str, added: str) -> bool:
    """``added`` names the same lengths of time as ``removed``, written another way ("a week"
    -> "seven days", "24 hours" -> "a day", "12 months" -> "a year")."""
    old, new = durations(_one_unit(removed)), durations(_one_unit(added))
    if not old or not new:
        return False
    if len(old) != len(new):  # "95 minutes" -> "an hour and 35 minutes": one length in parts
        return abs(sum(old) - sum(new)) <= 1e-4 * max(sum(old), sum(new))  # values rounded
    return all(
        abs(a - b) <= 1e-6 * max(a, b) for a, b in zip(sorted(old), sorted(new), strict=True)
    )


# a unit alone is one of it: "in the year to October" -> "in the 12 months to October"
_UNIT_ALONE = re.compile(r"\s*(decade|century|year|month|week|fortnight|day|hour)\s*", re.I)


def _one_unit(text: str) -> str:
    return f"one {text.strip()}" if _UNIT_ALONE.fullmatch(text) else text


_NEXT_WORD = re.compile(r"\s*[\w'-]*")


def with_next_word(text: str, start: int, end: int) -> str:
    """A hunk's text and the word after it: "has" before a kept "cut" is "has cut", "95" before
    a kept "minutes" is "95 minutes"."""
    following = _NEXT_WORD.match(text, end)
    return text[start : following.end() if following else end]


def without_restated_durations(pair: Pair, claims: list[Claim]) -> list[Claim]:
    """Drop the figure and unit claims of a length of time written another way ("a week" ->
    "seven days"); a hunk with other figures besides keeps them all."""
    same = [
        h
        for h in pair.hunks
        for removed, added in (
            (h.removed, h.added),
            # with the unit both sides keep after it: "95" -> "an hour and 35" before "minutes"
            (
                with_next_word(pair.old.text, h.old_start, h.old_end),
                with_next_word(pair.new.text, h.new_start, h.new_end),
            ),
        )
        if same_duration(removed, added)
        and len(find_figures(removed)) <= len(durations(removed))
        and len(find_figures(added)) <= len(durations(added))
    ]
    same += _restated_rates(pair)
    if not same:
        return claims
    return [
        c
        for c in claims
        if c.kind not in ("number", "fact") or not any(pair.touches(h, c) for h in same)
    ]


def _restated_rates(pair: Pair) -> list[Hunk]:
    """The hunks inside a rate said another way, the sentence's rates the same: "open seven
    days a week" -> "open every day", "every 15 minutes" -> "four times an hour"."""
    (old_rates, old_spans), (new_rates, new_spans) = rates(pair.old.text), rates(pair.new.text)
    if not same_rates(old_rates, new_rates):
        return []
    return [
        h
        for h in pair.hunks
        if any(h.touches_old(s) for s in old_spans) or any(h.touches_new(s) for s in new_spans)
    ]
