"""time_lengths: lengths of time in days, and "a day" after a figure as a rate."""

from __future__ import annotations

from newswatch.time_lengths import lengths, one_long


def _days(text: str) -> list[float]:
    return [round(days, 2) for days, _, _ in lengths(text)]


def test_a_length_of_time_is_counted_in_days() -> None:
    assert _days("It took three weeks.") == [21.0]
    assert _days("It lasted a year and a half.") == [547.5]
    assert _days("The talks ran for two and a half days.") == [2.5]


def test_a_day_after_a_figure_is_what_it_is_counted_per() -> None:
    assert _days("He earns £80,000 a year.") == []
    assert _days("They plan 300,000 homes a year.") == []
    assert _days("He waited a year for the result.") == [365.0]


def test_a_date_an_age_and_an_ordinal_are_no_lengths() -> None:
    assert _days("It happened a week ago.") == []
    assert _days("An 18-year-old was arrested.") == []
    assert _days("He scored a second goal.") == []


def test_one_long_is_its_unit() -> None:
    assert [round(days) for days, _, _ in one_long("a decade-long study")] == [3650]
