"""Lengths of time: "a week" is seven days, "18 months" "a year and a half".

A length of time is one figure whatever its unit; ``numbers`` reads these as figures of kind
"duration", in days. "A day" after a figure is no length but what the figure is counted per
("£5 a day"; ``per_units`` reads it), and "a week ago" is a date.
"""

from __future__ import annotations

import re

from newswatch.number_words import WORD_NUMBERS

_DAYS_IN = {
    "second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "day": 1.0, "week": 7.0,
    "fortnight": 14.0, "month": 365 / 12, "year": 365.0, "decade": 3650.0, "century": 36500.0,
}  # fmt: skip
# a count before a unit: the number words figures are read with, and "a"/"half an" hour
_HOW_MANY = {**WORD_NUMBERS, "a": 1, "an": 1, "forty-eight": 48, "half a": 0.5, "half an": 0.5}
_DURATION = re.compile(
    r"\b(\d+(?:\.\d+)?|"
    + "|".join(sorted((w.replace(" ", r"\s+") for w in _HOW_MANY), key=len, reverse=True))
    + r")(\s+and\s+a\s+half)?"  # "two and a half years"
    r"[\s-]+(second|minute|hour|day|week|fortnight|month|year|decade|centur)(?:y|ies|s)?\b"
    r"(\s+and\s+a\s+half\b)?"  # "a year and a half" is 18 months
    r"(?![\w-]*\s*old\b)"  # "an 18-year-old", "45 years old": an age
    r"(?<!second(?=-))",  # "two second-half goals": the second of two, not two seconds
    re.I,
)
_AGO_AFTER = re.compile(r"\s+ago\b", re.I)
_ONE_LONG = re.compile(r"\b(decade|year|month|week|fortnight|day|hour)-long\b", re.I)
NOT_BEFORE_RATE = frozenset("from than since over in for within after before by to of".split())

Length = tuple[float, str, tuple[int, int]]  # days, the words, where they stand


def lengths(text: str) -> list[Length]:
    """The lengths of time ``text`` names ("three weeks", "a year and a half"), in order."""
    out = []
    for match in _DURATION.finditer(text):
        count, unit = " ".join(match.group(1).lower().split()), match.group(3).lower()
        if count in ("a", "an") and (
            unit == "second"
            or _AGO_AFTER.match(text, match.end())
            or _rate_before(text, match.start())
        ):
            continue  # "a second goal" is an ordinal, "a week ago" a date, "£5 a day" a rate
        how_many = float(count) if count[0].isdigit() else float(_HOW_MANY[count])
        how_many += 0.5 if match.group(2) or match.group(4) else 0
        days = how_many * _DAYS_IN["century" if unit == "centur" else unit]
        out.append((days, match.group(0), match.span()))
    return out


def one_long(text: str) -> list[Length]:
    """ "a decade-long study" ran for ten years."""
    return [(_DAYS_IN[m.group(1).lower()], m.group(0), m.span()) for m in _ONE_LONG.finditer(text)]


def _rate_before(text: str, at: int) -> bool:
    """A figure just before ``at``, at most two words before it: "a day" after it says what it
    is counted per ("£80,000 a year", "300,000 homes a year")."""
    for word in reversed(text[max(0, at - 40) : at].split()[-3:]):
        if word.lstrip("£$€")[:1].isdigit():
            return True
        if word.lower() in NOT_BEFORE_RATE:
            return False
    return False
