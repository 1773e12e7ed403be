"""Dates written another way as a story ages: the same day, not a new one.

An article updated the next day says "on Tuesday" where it said "today"; a week later style
guides turn "Tuesday" into "December 1", "last week" into the day itself and "this year" into
"2026". None of these moves the date, so they rank low: shown in the review, not alerted. A date
that does move (one weekday for another, "next year" -> "this year", a weekday for a date that
fell on another day) stays high.

Whether a weekday and a date are one day, or a date falls in "last week", is read against the
day of the comparison (``today``): a story is re-dated around the time it is updated.

``same_when`` reads the little words before a date the same way: "since 2019" told as the start
"in 2019" ("has been in charge since" -> "took charge in") is the same date.

A day can also say when, not what: when a source spoke (``when_said``), when a running count was
taken (``as_of``), a day put on an account the story has left behind (``pinned``), or "the
month" named ("at the end of the month" -> "of September", ``named_for_then``). The figure rules
rank those low, and so a price read again at a later clock (``as_reread``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from newswatch.edits import Claim, Hunk, Pair
from newswatch.numbers import Figure

RELATIVE_DAYS = frozenset(
    [
        "today",
        "yesterday",
        "tomorrow",
        "tonight",
        "this morning",
        "this afternoon",
        "this evening",
        "last night",
    ]
)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# a day word as it reads a day later, and a week's or a month's as it reads when the story is
# updated after one ("next year" -> "this year" is more often a new plan than the year turning)
AGED = frozenset(
    [
        ("tomorrow", "today"),
        ("today", "yesterday"),
        ("tonight", "last night"),
        ("this morning", "yesterday"),
        ("this afternoon", "yesterday"),
        ("this evening", "last night"),
        ("this evening", "yesterday"),
        ("tonight", "yesterday"),
        # ("announced this week" -> "last week": shown in the review, not alerted)
        ("this week", "last week"),
        ("earlier this week", "last week"),
        ("next week", "this week"),
        ("this month", "last month"),
        ("earlier this month", "last month"),
        ("next month", "this month"),
    ]
)
# the days a week word may stand for, before (-) and after (+) today, with room for an update
# that comes a week after the words were written
WEEKS = {
    "this week": (-14, 7),
    "earlier this week": (-14, 0),
    "later this week": (0, 14),
    "last week": (-21, 0),
    "next week": (0, 21),
}
# the months a month word may stand for, counted back from today's (0 this month, 1 the last)
MONTHS = {
    "this month": (0, 1),
    "earlier this month": (0, 1),
    "later this month": (0, 1),
    "last month": (1, 2),
    "next month": (-1, 0),
}
# the years a year word may stand for, counted back from today's
YEARS = {
    "this year": (0, 1),
    "earlier this year": (0, 1),
    "later this year": (0, 1),
    "last year": (1, 2),
    "next year": (-1, 0),
}
_CALENDAR = re.compile(r"m(\d+)(?:d(\d+))?(?:y(\d+))?")


def redated(old: str, new: str, today: date | None = None) -> bool:
    """Two date figures' values (``numbers.Figure.value``) name the same day or period, one of
    them as it reads at a later time, either way round."""
    if (old, new) in AGED:
        return True
    today = today or date.today()
    return _same_when(old, new, today) or _same_when(new, old, today)


def _same_when(word: str, other: str, today: date) -> bool:
    calendar = _CALENDAR.fullmatch(other)
    if word in RELATIVE_DAYS:  # "today" -> "on Tuesday" / "on December 1"
        return other in WEEKDAYS or (calendar is not None and calendar.group(2) is not None)
    if word in WEEKDAYS and calendar is not None and calendar.group(2):
        return any(d.weekday() == WEEKDAYS.index(word) for d in _days(calendar, today))
    if word in WEEKS:
        if other in WEEKDAYS:
            return True
        low, high = WEEKS[word]
        first, last = today + timedelta(days=low), today + timedelta(days=high)
        return calendar is not None and any(first <= d <= last for d in _days(calendar, today))
    if word in MONTHS and calendar is not None:
        back = range(MONTHS[word][0], MONTHS[word][1] + 1)
        return int(calendar.group(1)) in {_month_back(today, n) for n in back}
    return False


def same_year(word: str, year: float, today: date | None = None) -> bool:
    """A year word ("this year", "last year") and the year it stands for (2026)."""
    if word not in YEARS:
        return False
    today = today or date.today()
    low, high = YEARS[word]
    return any(year == today.year - back for back in range(low, high + 1))


# how far ahead a date without its year may lie and still be this year's (an event announced)
AHEAD = timedelta(days=60)


def _days(calendar: re.Match[str], today: date) -> list[date]:
    """The day a calendar value names: in its year, or else the nearest such day, this year's
    unless it lies more than two months ahead."""
    month, day = int(calendar.group(1)), int(calendar.group(2) or 1)
    try:
        if calendar.group(3):
            return [date(int(calendar.group(3)), month, day)]
        this_year = date(today.year, month, day)
        return [this_year if this_year <= today + AHEAD else date(today.year - 1, month, day)]
    except ValueError:  # "February 30", or the 29th in a year without one
        return []


def _month_back(today: date, months: int) -> int:
    return (today.month - 1 - months) % 12 + 1


def years_written_out(lost: list[Figure], got: list[Figure]) -> list[tuple[Figure, Figure]]:
    """Pairs of a figure gone and one come where one is a year word ("this year") and the
    other the year it stands for, either way round."""
    pairs: list[tuple[Figure, Figure]] = []
    for old in lost:
        new = next(
            (n for n in got if _year_and_its_word(old, n) and all(n is not p for _, p in pairs)),
            None,
        )
        if new is not None:
            pairs.append((old, new))
    return pairs


def _year_and_its_word(a: Figure, b: Figure) -> bool:
    if a.kind == "date" and b.kind == "number":
        return same_year(a.value, float(b.value))
    if a.kind == "number" and b.kind == "date":
        return same_year(b.value, float(a.value))
    return False


_THIS = re.compile(r"this (year|month|week)", re.I)


def this_for_the(figure: Figure, other: str) -> bool:
    """ "this year" where the other sentence says "the year" or "year to date": the year meant
    is the same."""
    found = _THIS.fullmatch(figure.surface)
    if found is None:
        return False
    the = rf"\bthe {found.group(1)}\b(?!\s+(?:before|earlier|after|ago|ahead|previous|prior))"
    # "so far this year" is "year to date", as markets news writes it
    to_date = rf"\b{found.group(1)}[\s-]to[\s-]date\b"
    return re.search(the, other, re.I) is not None or re.search(to_date, other, re.I) is not None


_WHEN_WORDS = frozenset({"in", "since", "until", "till"})
# a state held since a date, and its start told at that date
_HELD = re.compile(r"\b(?:has|have|had)\s+(?:been\s+)?\w+", re.I)
_STARTED = re.compile(
    r"\b(?:took|became|joined|started|began|arrived|moved|opened|founded|launched|"
    r"(?:was|were)\s+(?:first\s+)?(?:appointed|elected|named|founded|opened|launched|hired))\b",
    re.I,
)


def _began_then(pair: Pair, in_old: bool) -> bool:
    started, held = (pair.old, pair.new) if in_old else (pair.new, pair.old)
    return bool(_STARTED.search(started.text) and _HELD.search(held.text))


# a date or a time after "in", "since" or "until": "since 2019", "until early March"
_WHEN_AFTER = re.compile(
    r"\s+(?:(?:early|late|mid|the)[\s-]+)?(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|"
    r"dec)[a-z]*\b|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|last\b|spring|summer|autumn|"
    r"winter)",
    re.I,
)


def same_when(pair: Pair, hunk: Hunk, old: str, new: str) -> bool:
    """ "in", "since" or "until" swapped for another where no date follows both ("have since
    eased" -> "easing in recent months"), or a state held since a date told as its start at
    that date ("has been in charge since 2019" -> "took charge in 2019")."""
    if not {old, new} <= _WHEN_WORDS:
        return False
    if not (
        _WHEN_AFTER.match(pair.old.text, hunk.old_end)
        and _WHEN_AFTER.match(pair.new.text, hunk.new_end)
    ):
        return True
    return {old, new} == {"since", "in"} and _began_then(pair, old == "in")


# the day a source spoke, after its verb: "the company said on Monday", "told reporters on
# Tuesday", "said in a statement late on Friday", "declined to comment on Monday"
_SPOKE = re.compile(
    r"\b(?:said|says|told \w+|announced|added|stated|confirmed|wrote|reported|warned|"
    r"insisted|denied|argued|tweeted|posted|showed|show|"
    # a source that would not speak: "declined to comment on Tuesday"
    r"(?:declined|refused) to comment|would not comment|did not (?:immediately )?(?:comment|"
    r"respond to (?:a )?requests? for comment))(?:\s+(?:in|at|to|during|after)\s+(?:a|an|the)?"
    r"\s*[\w-]+(?:\s+[\w-]+)?)?\s*,?\s+(?:(?:late|early)\s+)?(?:on\s+|last\s+)?$",
    re.I,
)


def when_said(figure: Figure, figures: tuple[Figure, ...], text: str) -> bool:
    """A day put after a verb of saying, or taken from it: when the source spoke, not a claim of
    the story's ("the ministry said" -> "the ministry said on Monday"). Any of the sentence's
    days equal to ``figure`` will do: which of two "Thursday"s is the new one is not known."""
    return figure.kind == "date" and any(
        f.key == figure.key and _SPOKE.search(text[max(0, f.span[0] - 60) : f.span[0]])
        for f in figures
    )


_PRESENT = frozenset({"is", "are", "has", "have"})
_PAST = frozenset({"was", "were", "had"})
_WEEKDAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday".split()
)


def pinned(figure: Figure, pair: Pair) -> bool:
    """A day put on a present that the story has left behind: "Rescuers are still searching"
    -> "Rescuers were still searching on Tuesday evening". The account is the same, dated."""
    if figure.kind != "date" or figure.value.split()[0] not in _WEEKDAYS:
        return False
    return any(
        h.removed.strip().lower() in _PRESENT and h.added.strip().lower() in _PAST
        for h in pair.hunks
    )


# a time told by the sentence before: "at the end of the month" (the one the story is about)
_THEN = re.compile(r"(?:the|that|this|the same)\s+(month|year|week|day|date|time)|then", re.I)


def named_for_then(figure: Figure, pair: Pair, vanished: bool) -> bool:
    """A date put for "the month" or "that day", or back: "at the end of the month" -> "at the
    end of September" names the month the story is about (low)."""
    if figure.kind != "date":
        return False
    for hunk in pair.hunks:
        inside = hunk.touches_old(figure.span) if vanished else hunk.touches_new(figure.span)
        if inside:
            other = hunk.added if vanished else hunk.removed
            then = _THEN.fullmatch(" ".join(other.split()))
            return then is not None and _names(figure.value, then.group(1))
    return False


def _names(value: str, unit: str | None) -> bool:
    """A date of ``value`` can be what "the <unit>" names: a month "the month" ("the end of
    January" -> "the end of the year" moved it), a day "that day"; "then" any."""
    calendar = _CALENDAR.fullmatch(value)
    if unit is None or unit == "time" or (calendar is None and value not in WEEKDAYS):
        return True
    if calendar is not None and calendar.group(2) is None:
        return unit == "month"
    return unit in ("day", "date")


# when a running count was taken: "the toll stood at 12 as of 0900 GMT"
_AS_OF = re.compile(
    r"\b(?:as of|as at|correct (?:as of|at)|accurate as of|at the time of (?:writing|publication),?"
    r"(?: at)?)\s*(?:about |around )?$",
    re.I,
)


# a market report's clock: "at $76.20 a barrel by 0930 GMT" (a deadline rarely names its zone)
_BY_CLOCK = re.compile(r"\bby\s*$", re.I)
_ZONE_AFTER = re.compile(r"\s*(?:GMT|UTC|BST|CET|CEST|ET|EST|EDT|PT|PST|PDT|JST|local time)\b")


def as_of(figure: Figure, text: str) -> bool:
    """A time or a day that only says when a running count was taken."""
    before = text[max(0, figure.span[0] - 40) : figure.span[0]]
    if figure.kind == "time" and _BY_CLOCK.search(before):
        return bool(_ZONE_AFTER.match(text, figure.span[1]))
    return figure.kind in ("time", "date") and bool(_AS_OF.search(before))


def as_reread(claim: Claim) -> Claim:
    """A price read again at a later clock: the same market, another reading (low)."""
    return replace(claim, severity="low", detail={**claim.detail, "reread": True})


_PRICES = frozenset({"money", "percent", "points"})


def reread_price(claim: Claim) -> Claim:
    """A price in the sentence after one whose market was read again at a later time: the same
    reading (low)."""
    if claim.kind != "number" or claim.detail.get("figure") not in _PRICES:
        return claim
    return as_reread(claim)
