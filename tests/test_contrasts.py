"""The word lists behind opposite and contrast claims, and lengths of time written two ways."""

from __future__ import annotations

import pytest

from newswatch.contrasts import contrast, opposite
from newswatch.duration_forms import same_duration


@pytest.mark.parametrize(
    ("old", "new"),
    [("rose", "fell"), ("armed", "unarmed"), ("unable", "able"), ("independent", "dependent")],
)
def test_a_word_and_its_opposite_or_negative(old: str, new: str) -> None:
    assert opposite(old, new)


@pytest.mark.parametrize(
    ("old", "new"), [("do", "undo"), ("form", "inform"), ("ease", "disease"), ("rose", "rise")]
)
def test_words_that_only_look_negated_are_not_opposites(old: str, new: str) -> None:
    assert not opposite(old, new)


@pytest.mark.parametrize(
    ("old", "new", "severity"),
    [
        ("killed", "injured", "high"),
        ("killed", "died", None),
        ("arrested", "charged", "high"),
        ("arrested", "detained", None),
        ("approved", "postponed", "high"),
        ("most", "few", "high"),
        ("woman", "man", "high"),
        ("days", "weeks", "high"),
        ("pounds", "kilograms", "high"),
        ("pounds", "euros", "high"),
        ("about", "more", "medium"),
        ("about", "around", None),
        ("woman", "suspect", None),  # different kinds of fact: the other rules judge it
        ("town", "city", "medium"),
        ("road", "street", None),
        ("children", "adults", "high"),
        ("stable", "critical", "high"),
        ("police", "neighbour", "high"),
        ("army", "troops", None),
        ("terrorists", "militants", "medium"),
        ("confirmed", "claimed", "medium"),
        ("government", "administration", None),
    ],
)
def test_words_of_one_kind_state_different_facts(old: str, new: str, severity: str | None) -> None:
    assert contrast(old, new) == severity


@pytest.mark.parametrize(
    ("removed", "added", "same"),
    [
        ("a week", "seven days", True),
        ("24 hours", "a day", True),
        ("12 months", "a year", True),
        ("two weeks", "a fortnight", True),
        ("half an hour", "30 minutes", True),
        ("a 48-hour strike", "a two-day strike", True),
        ("a week", "eight days", False),
        ("four weeks", "a month", False),
        ("a week", "seven", False),
    ],
)
def test_one_length_of_time_written_two_ways(removed: str, added: str, same: bool) -> None:
    assert same_duration(removed, added) is same
