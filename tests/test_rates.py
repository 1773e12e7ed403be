"""rates: how often a thing happens, read as times a day whichever way it is written."""

import math

import pytest

from newswatch.rates import rates, same_rates


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("every 15 minutes", "four times an hour"),
        ("every 30 minutes", "two trains an hour"),
        ("every half hour", "twice an hour"),
        ("seven days a week", "every day"),
        ("every day", "daily"),
        ("once a week", "weekly"),
        ("every two weeks", "fortnightly"),
        ("twice a year", "every six months"),
        ("200 visitors a day", "1,400 visitors a week"),
        ("24 hours a day", "round the clock"),
    ],
)
def test_one_rate_written_two_ways(old: str, new: str) -> None:
    assert same_rates(rates(old)[0], rates(new)[0])


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("every 15 minutes", "every 30 minutes"),
        ("four times an hour", "four times a day"),
        ("every other day", "every day"),
        ("every four weeks", "monthly"),
        ("24 hours a day", "24 times a day"),
    ],
)
def test_two_rates(old: str, new: str) -> None:
    assert not same_rates(rates(old)[0], rates(new)[0])


@pytest.mark.parametrize(
    "text", ["at 50 miles an hour", "by 5 percent a year", "costs £5 a day", "in a day or two"]
)
def test_a_speed_a_share_or_a_price_is_no_rate(text: str) -> None:
    assert rates(text)[0] == []


def test_always_is_more_often_than_any_count() -> None:
    assert rates("open 24/7")[0] == [math.inf]
    assert not same_rates([], [])
