"""How often a thing happens, written the ways news writes it: "every 15 minutes" is "four
times an hour", "every 30 minutes" "two trains an hour", "seven days a week" "every day" and
"daily". Each rate is read as how many times a day, so two spellings of one rate compare equal.
"""

from __future__ import annotations

import math
import re

# The length of each unit, in days (a month and a year on average)
_UNIT_DAYS = {
    "second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "day": 1.0, "week": 7.0,
    "fortnight": 14.0, "month": 30.4375, "year": 365.25,
}  # fmt: skip
_UNITS = r"(?:second|minute|hour|day|week|fortnight|month|year)"
_COUNT_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "sixty": 60,
}  # fmt: skip
_TIMES = {"once": 1, "twice": 2, "thrice": 3}
# a count before its rate, not after a currency sign or inside a figure ("£5 a day")
_COUNT = rf"(?<![£$€¥\w.,])(?P<count>\d[\d,]*(?:\.\d+)?|{'|'.join([*_COUNT_WORDS, *_TIMES])})"
# words that make "50 miles an hour" a speed or "5 percent a year" a share, not how often
_MEASURES = (
    r"(?:miles?|kilometres?|kilometers?|km|metres?|meters?|feet|foot|inches|yards?|litres?|"
    r"liters?|gallons?|tonnes?|tons?|kg|kilos?|pounds?|dollars?|euros?|pence|cents?|percent|"
    r"degrees?|points?|per)"
)
_ALWAYS = (
    r"(?:24|twenty-four)\s+hours\s+a\s+day(?:,?\s+(?:7|seven)\s+days\s+a\s+week)?|24/7|"
    r"(?:a)?round\s+the\s+clock"
)
_YEAR_ROUND = r"(?:12|twelve)\s+months\s+a\s+year|(?:all|the\s+whole)\s+year\s+round|year-round"
_ADVERBS = {
    "half-hourly": 48.0, "hourly": 24.0, "daily": 1.0, "nightly": 1.0, "weekly": 1 / 7,
    "fortnightly": 1 / 14, "monthly": 1 / 30.4375, "quarterly": 4 / 365.25,
    "yearly": 1 / 365.25, "annually": 1 / 365.25,
}  # fmt: skip
_RATE = re.compile(
    rf"\b(?:(?P<always>{_ALWAYS})|(?P<round>{_YEAR_ROUND})"
    # "every 15 minutes", "every other day", "every half hour", "each week"
    rf"|(?:every|each)\s+(?:(?P<other>other)\s+|(?P<half>half)[\s-]+|"
    rf"(?P<every>\d[\d,]*|{'|'.join(_COUNT_WORDS)})\s+)?(?P<unit>{_UNITS})s?"
    # "four times an hour", "two trains an hour", "once a week", "200 a day"
    rf"|{_COUNT}\s+(?:(?!{_MEASURES}\b)[a-z]+\s+)?(?:a|an|per|each)\s+(?P<per>{_UNITS})\b"
    rf"|(?P<adverb>{'|'.join(_ADVERBS)}))\b",
    re.I,
)


def _number(word: str) -> float:
    word = word.lower()
    return float(_COUNT_WORDS.get(word) or _TIMES.get(word) or word.replace(",", ""))


def _per_day(match: re.Match[str]) -> float:
    if match.group("always"):
        return math.inf
    if match.group("round"):
        return 1 / 365.25  # open all year round, as "every year" was read before
    if match.group("adverb"):
        return _ADVERBS[match.group("adverb").lower()]
    if match.group("count"):
        return _number(match.group("count")) / _UNIT_DAYS[match.group("per").lower()]
    days = _UNIT_DAYS[match.group("unit").lower()]
    if match.group("other"):
        days *= 2
    elif match.group("half"):
        days /= 2
    elif match.group("every"):
        days *= _number(match.group("every"))
    return 1 / days


def rates(text: str) -> tuple[list[float], list[tuple[int, int]]]:
    """How many times a day each rate in ``text`` says a thing happens, in order of size, and
    where the rates are."""
    found = list(_RATE.finditer(text))
    return sorted(_per_day(m) for m in found), [m.span() for m in found]


def same_rates(old: list[float], new: list[float]) -> bool:
    """Two texts' rates are the same, each written its own way."""
    return (
        bool(old)
        and len(old) == len(new)
        and all(a == b or math.isclose(a, b, rel_tol=1e-6) for a, b in zip(old, new, strict=True))
    )
