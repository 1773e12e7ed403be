"""Dates written another way as a story ages, told from dates that move."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from newswatch.diff import compare
from newswatch.redating import redated, same_year

TODAY = date(2026, 12, 6)  # a Sunday; 1 December 2026 was a Tuesday


@pytest.mark.parametrize(
    ("old", "new", "aged"),
    [
        ("today", "tuesday", True),
        ("tuesday", "yesterday", True),
        ("today", "m12d3", True),
        ("today", "yesterday", True),
        ("tonight", "last night", True),
        ("tuesday", "m12d1", True),  # a weekday turned into its date a week on
        ("m12d1", "tuesday", True),
        ("wednesday", "m12d1", False),  # another day
        ("tuesday", "m12d1y2021", False),  # 1 December 2021 was a Wednesday
        ("last week", "monday", True),
        ("last week", "m11d30", True),
        ("last week", "m8d3", False),
        ("earlier this month", "m12d3", True),
        ("earlier this month", "m8d3", False),
        ("next month", "m1", True),
        ("next month", "m3", False),
        ("next year", "this year", False),  # more often a new plan than a year gone by
        ("yesterday", "today", False),  # back in time: a correction
        ("monday", "tuesday", False),
        ("m12d3", "m12d4", False),
    ],
)
def test_a_date_re_dated_as_a_story_ages(old: str, new: str, aged: bool) -> None:
    assert redated(old, new, TODAY) is aged


@pytest.mark.parametrize(
    ("word", "year", "same"),
    [
        ("this year", 2026, True),
        ("last year", 2025, True),
        ("next year", 2027, True),
        ("last year", 2019, False),
        ("this year", 2024, False),
        ("tuesday", 2026, False),
    ],
)
def test_a_year_word_and_its_year(word: str, year: int, same: bool) -> None:
    assert same_year(word, year, TODAY) is same


def test_a_year_word_written_as_this_year_is_low_and_another_year_high() -> None:
    this_year = date.today().year
    old = "Ferry fares will rise this year, the operator said."
    written_out = compare(old, old.replace("this year", f"in {this_year}"))
    assert {(c.kind, c.severity) for c in written_out.claims} == {("number", "low")}
    moved = compare(old, old.replace("this year", f"in {this_year - 5}"))
    assert ("number", "high") in {(c.kind, c.severity) for c in moved.claims}


def test_a_date_added_to_its_weekday_is_low_and_another_day_high() -> None:
    day = date.today() - timedelta(days=3)
    weekday, other = day.strftime("%A"), (day + timedelta(days=1))
    old = f"The board met on {weekday} to discuss the ferry timetable."
    added = compare(old, old.replace(weekday, f"{weekday}, {day:%B} {day.day}"))
    assert {(c.kind, c.severity) for c in added.claims} == {("number", "low")}
    wrong = compare(old, old.replace(weekday, f"{weekday}, {other:%B} {other.day}"))
    assert ("number", "high") in {(c.kind, c.severity) for c in wrong.claims}


def _date_claims(old: str, new: str) -> list[tuple[str | None, str | None, str]]:
    return [
        (c.old_value, c.new_value, c.severity)
        for c in compare(old, new).claims
        if c.detail.get("figure") == "date"
    ]


def test_the_month_named_is_low_and_a_day_dropped_medium() -> None:
    before = "The list fell in September. It stood at 612,000 at the end of "
    assert _date_claims(before + "the month.", before + "September.") == [
        (None, "September", "low")
    ]
    assert _date_claims(before + "September.", before + "the month.") == [
        ("September", None, "low")
    ]
    # "when" no longer told: medium, not the high of another day told
    assert _date_claims("The toll rose to 12 on Tuesday.", "The toll has risen to 12.") == [
        ("Tuesday", None, "medium")
    ]
