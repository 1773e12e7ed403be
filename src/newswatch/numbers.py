"""Figures in a sentence, in a form where equal amounts compare equal.

"600,000", "600 000" and "600k" are one figure; "1.5 million" and "1,500,000" too. Percentages,
money and dates are kept apart from plain counts so that "5 %" and "$5" are never the same claim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MULTIPLIERS = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "million": 1e6,
    "millions": 1e6,
    "bn": 1e9,
    "b": 1e9,
    "billion": 1e9,
    "billions": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
WORD_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "dozen": 12,
    "dozens": 24,
    "hundreds": 200,
    "thousands": 2000,
    "half": 0.5,
    "once": 1,
    "twice": 2,
    "first": 1.001,
    "second": 2.001,
    "third": 3.001,
}
MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
DAY_WORDS = (
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tomorrow|"
    "tonight|this morning|this afternoon|this evening|last night|last week|next week|"
    "last month|next month|last year|next year|(?:earlier |later )?this (?:week|month|year)"
)
_DAY_PATTERN = DAY_WORDS.replace(" ", r"\s+")  # verbose regexes ignore bare spaces
_MONTH_NAMES = (
    r"jan(?:uary)?\.?|feb(?:ruary)?\.?|mar(?:ch)?\.?|apr(?:il)?\.?|may|june?\.?|july?\.?|"
    r"aug(?:ust)?\.?|sep(?:t(?:ember)?)?\.?|oct(?:ober)?\.?|nov(?:ember)?\.?|dec(?:ember)?\.?"
)

FIGURE = re.compile(
    rf"""
    (?P<date>\b(?:{_DAY_PATTERN})\b
      | \b(?:\d{{1,2}}\s+)?(?P<month>{_MONTH_NAMES})(?![\w])(?:\s+\d{{1,2}}(?:st|nd|rd|th)?\b)?
    )
    | (?P<cur>[$€£¥]|\b(?:US\$|USD|EUR|GBP)\s?)?
      (?<![\w.\-/])(?P<num>\d{{1,3}}(?:(?:,|\u202f|\u2009|\ (?=\d{{3}}(?!\d)))\d{{3}})+(?:\.\d+)?
                |\d+(?:[.,]\d+)?)
      (?![\w/]*\d)
      (?:\s?(?P<mult>k|m|mn|bn|b|tn|thousand|million|billion|trillion)\b)?
      (?P<pct>\s?(?:%|per\s?cent\b|percent\b|percentage\ points?\b))?
    | \b(?P<word>{"|".join(sorted(WORD_NUMBERS, key=len, reverse=True))})\b
      (?:\s+(?P<wmult>thousand|million|billion|trillion)\b)?
    """,
    re.X | re.I,
)


@dataclass(frozen=True)
class Figure:
    kind: str  # number, percent, money, date
    value: str  # canonical, comparable
    surface: str
    span: tuple[int, int]

    @property
    def key(self) -> tuple[str, str]:
        return (self.kind, self.value)


def _canonical_number(text: str) -> float:
    digits = re.sub(r"[,\u202f\u2009 ](?=\d{3}(?!\d))", "", text)
    if re.fullmatch(r"\d+,\d{1,2}", digits):  # a European decimal comma: 2,5
        digits = digits.replace(",", ".")
    return float(digits.replace(",", ""))


def _fmt(value: float) -> str:
    return f"{value:.6g}" if value < 1e6 else f"{value:.4e}"


def find_figures(text: str) -> list[Figure]:
    figures: list[Figure] = []
    for match in FIGURE.finditer(text):
        surface = match.group(0).strip()
        start = match.start() + (len(match.group(0)) - len(match.group(0).lstrip()))
        span = (start, start + len(surface))
        if match.group("date"):
            month = match.group("month")
            if month == "may" and not re.search(r"\d", surface):
                continue  # "may" the verb, not the month
            value = re.sub(r"\s+", " ", surface.lower().rstrip("."))
            if month:
                day = re.search(r"\d+", surface)
                value = f"m{MONTHS[month.lower()[:3]]}"
                value += f"d{day.group(0)}" if day else ""
            figures.append(Figure("date", value, surface, span))
            continue
        if match.group("word"):
            word = match.group("word").lower()
            if word in ("one", "first", "second", "once") and not match.group("wmult"):
                # "one of", "a second" and "at once" are rarely counts; keep them when a noun
                # of quantity follows ("one person", "second round") — left to context.
                following = text[match.end() : match.end() + 4].lower()
                if following.startswith((" of", " ano", " who")) or word in ("second", "once"):
                    continue
            amount = WORD_NUMBERS[word] * MULTIPLIERS.get((match.group("wmult") or "").lower(), 1)
            figures.append(Figure("number", _fmt(amount), surface, span))
            continue
        number = match.group("num")
        if number is None:
            continue
        amount = _canonical_number(number)
        mult = (match.group("mult") or "").lower()
        if mult in ("m", "b") and not match.group("cur"):
            mult = ""  # "5 m" is more often metres than millions
            surface = (
                surface[: surface.lower().rfind(match.group("mult").lower())].strip() or surface
            )
            span = (span[0], span[0] + len(surface))
        amount *= MULTIPLIERS.get(mult, 1)
        if match.group("pct"):
            kind = "percent"
        elif match.group("cur"):
            kind = "money"
        else:
            kind = "number"
        figures.append(Figure(kind, _fmt(amount), surface, span))
    return figures
