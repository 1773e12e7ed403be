"""What a figure is counted per (each, a head, a year), what it counts in or leaves out, and
what a change is measured against (year on year, quarter on quarter).

"The couple were fined £500 each" and "... £500 between them" keep the figure and tell two sums;
"300,000 homes a year" and "300,000 homes by 2030" two promises; "values the firm at £2.1bn
including debt" and "... at £2.1bn" two prices. ``per_claim`` reads the words right after a
figure that say what it is counted per or what it includes, and finds them taken out, put in or
changed where the other sentence does not say them some other way ("annual", "each" before the
verb, "every year", "debt" elsewhere).
"""

from __future__ import annotations

import re

from newswatch.contrasts import opposite
from newswatch.edits import Claim, Pair
from newswatch.figure_forms import RATE_WORDS
from newswatch.numbers import Figure, find_figures
from newswatch.time_lengths import NOT_BEFORE_RATE

# the unit a figure is counted per, as news writes it after "a", "per", "each" or "every"
_UNITS = {
    "year": "year", "annum": "year", "month": "month", "week": "week", "day": "day",
    "night": "night", "hour": "hour", "minute": "minute", "head": "person", "person": "person",
    "capita": "person", "pupil": "pupil", "student": "pupil", "patient": "patient",
    "dose": "dose", "household": "household", "home": "household", "share": "share",
    "ticket": "ticket", "litre": "litre", "liter": "litre", "gallon": "gallon", "barrel": "barrel",
    "tonne": "tonne", "ton": "tonne", "mile": "mile", "game": "game", "match": "game",
    "season": "season", "employee": "employee", "worker": "employee", "child": "child",
    "adult": "adult", "passenger": "passenger", "trip": "trip", "journey": "trip",
    "visit": "visit", "unit": "unit", "item": "unit",
}  # fmt: skip
# words that may stand between a figure and its unit ("300,000 homes a year", "£2 a head"), but
# not the words of a time a figure is compared with ("5% from a year earlier")
_NOT_BETWEEN = NOT_BEFORE_RATE | frozenset(
    "on at with and or the last next this that compared up down".split()
)
_PER = re.compile(
    # ("each time" is "at a time", no share)
    r"(?P<between>(?:\s+[\w'-]+){0,2}?)\s+(?:(?P<each>each|apiece)\b(?!\s+(?:time|times|one)\b)|"
    r"(?P<per>(?:a|an|per|every|each)\s+(?P<unit>[a-z]+))\b"
    r"(?!\s+(?:ago|earlier|before|later|after|on|from|since|in|or)\b))",
    re.I,
)
_TIMES = frozenset({"year", "month", "week", "day", "night", "hour", "minute"})
# the same unit said another way anywhere in a sentence: "a year" or "annual", "each" or "per
# head"
_SAID = {
    **{
        unit: rf"\b(?:a|an|per|each|every)\s+{unit}\b|\b(?:{words})\b"
        for unit, words in RATE_WORDS.items()
    },
    "person": r"\beach\b|\bapiece\b|\bper\s+(?:head|person|capita)\b|\ba\s+(?:head|person)\b|"
    r"\bevery(?:one|body)\b",
}


# a sentence counted per charge, a few words on: "faces up to 20 years in prison on each count"
_PER_COUNT = re.compile(
    r"(?:\s+[\w'-]+){0,3}?\s+(?P<per>(?:on|for|per)\s+(?:each|every)\s+(?:count|charge|offence|"
    r"offense)|per\s+(?:count|charge|offence|offense))\b",
    re.I,
)


def _per(figure: Figure, text: str) -> tuple[str, str] | None:
    """The unit ``figure`` is counted per and the words that say it, or None."""
    counted = _PER_COUNT.match(text, figure.span[1])
    if counted is not None:
        return "count", counted.group("per")
    found = _PER.match(text, figure.span[1])
    if found is None:
        return None
    if any(w.lower() in _NOT_BETWEEN for w in found.group("between").split()):
        return None
    if found.group("each"):
        return "person", found.group("each")
    unit = _UNITS.get((found.group("unit") or "").lower().removesuffix("s"))
    if unit is None:
        return None
    return unit, found.group("per")


# what a sum counts in or leaves out, right after it: "£2.1bn including debt", "£40m before tax"
_SCOPE = re.compile(
    r"\s*,?\s*(?P<scope>(?:including|excluding|inclusive\s+of|exclusive\s+of|net\s+of|"
    r"plus|minus)\s+(?P<what>[a-z]+)|(?:before|after)\s+(?P<tax>tax(?:es)?|inflation))\b",
    re.I,
)


def _scope(figure: Figure, text: str) -> tuple[str, str] | None:
    """What ``figure`` counts in or leaves out (the word for it, by which the other sentence may
    tell it too) and the words that say it."""
    found = _SCOPE.match(text, figure.span[1])
    if found is None:
        return None
    return (found.group("what") or found.group("tax")).lower(), found.group("scope")


def _said_elsewhere(unit: str, text: str) -> bool:
    said = _SAID.get(unit, rf"\b(?:a|an|per|each|every)\s+{unit}\b")
    return re.search(said, text, re.I) is not None


# what a change is measured against: "fell 3% year on year", "quarter-on-quarter growth"
_BASIS = re.compile(r"\b(year|quarter|month|week)[\s-]+(?:on|over)[\s-]+\1\b", re.I)


def _basis_claim(pair: Pair) -> Claim | None:
    """ "fell 3% year on year" -> "fell 3% quarter on quarter": another change altogether."""
    was, now = list(_BASIS.finditer(pair.old.text)), list(_BASIS.finditer(pair.new.text))
    if len(was) != 1 or len(now) != 1 or was[0].group(1).lower() == now[0].group(1).lower():
        return None
    return Claim(
        "number",
        "high",
        pair.old.text,
        pair.new.text,
        was[0].group(0),
        now[0].group(0),
        pair.old.span(*was[0].span()),
        pair.new.span(*now[0].span()),
        {"per": True},
    )


def per_claim(pair: Pair) -> Claim | None:
    """A figure both sentences give once, counted per something on one side only, or per
    something else: "fined £500 each" -> "fined £500 between them"; or a change measured
    against another period ("year on year" -> "quarter on quarter")."""
    basis = _basis_claim(pair)
    if basis is not None:
        return basis
    olds, news = find_figures(pair.old.text), find_figures(pair.new.text)
    for old in olds:
        same = [f for f in news if f.key == old.key]
        if len(same) != 1 or sum(f.key == old.key for f in olds) != 1:
            continue
        new = same[0]
        claim = _per_claim(pair, old, new) or _scope_claim(pair, old, new)
        if claim is not None:
            return claim
    return None


def _scope_claim(pair: Pair, old: Figure, new: Figure) -> Claim | None:
    """ "£2.1bn including debt" -> "£2.1bn": what the sum counts in taken out or put in."""
    was, now = _scope(old, pair.old.text), _scope(new, pair.new.text)
    if (was and was[1].lower()) == (now and now[1].lower()):
        return None
    if (
        was
        and now
        and was[0] == now[0]
        and opposite(*(w[1].split()[0].lower() for w in (was, now)))
    ):
        return None  # "before tax" -> "after tax": the word turned round, the opposites' claim
    if was and not now and re.search(rf"\b{was[0]}", pair.new.text, re.I):
        return None  # "£2.1bn including debt" -> "£2.1bn, a figure that includes its debt"
    if now and not was and re.search(rf"\b{now[0]}", pair.old.text, re.I):
        return None
    return _claim(pair, (old, new), (was, now), "medium", {"scope": True})


def _per_claim(pair: Pair, old: Figure, new: Figure) -> Claim | None:
    """ "fined £500 each" -> "fined £500 between them": what the figure is counted per."""
    was, now = _per(old, pair.old.text), _per(new, pair.new.text)
    if (was and was[0]) == (now and now[0]):
        return None
    if was and not now and _said_elsewhere(was[0], pair.new.text):
        return None  # "£5m a year" -> "an annual £5m"
    if now and not was and _said_elsewhere(now[0], pair.old.text):
        return None  # "were each fined £500" -> "were fined £500 each"
    # "£15 a day" -> "£15", "a week" -> "a month": another figure; "£500 each" -> "£500"
    # another sum, which a clause elsewhere may still share out
    high = bool(was and now) or (was or now or ("", ""))[0] in _TIMES
    return _claim(pair, (old, new), (was, now), "high" if high else "medium", {"per": True})


Said = tuple[str, str] | None  # what a figure's words name, and the words


def _claim(
    pair: Pair,
    figures: tuple[Figure, Figure],
    said: tuple[Said, Said],
    severity: str,
    detail: dict[str, object],
) -> Claim:
    (old, new), (was, now) = figures, said
    return Claim(
        "number",
        severity,
        pair.old.text,
        pair.new.text,
        was[1] if was else None,
        now[1] if now else None,
        pair.old.span(*old.span),
        pair.new.span(*new.span),
        detail,
    )
