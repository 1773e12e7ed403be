"""The word lists behind opposite and contrast claims, and re-dated day words."""

from __future__ import annotations

import pytest

from newswatch.contrasts import contrast, opposite, redated


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
    ("old", "new", "differ"),
    [
        ("killed", "injured", True),
        ("killed", "died", False),
        ("arrested", "charged", True),
        ("arrested", "detained", False),
        ("approved", "postponed", True),
        ("most", "few", True),
        ("woman", "man", True),
        ("woman", "suspect", False),  # different kinds of fact: the other rules judge it
        ("town", "city", False),
    ],
)
def test_words_of_one_kind_state_different_facts(old: str, new: str, differ: bool) -> None:
    assert contrast(old, new) is differ


@pytest.mark.parametrize(
    ("old", "new", "aged"),
    [
        ("today", "tuesday", True),
        ("tuesday", "yesterday", True),
        ("today", "m12d3", True),
        ("today", "yesterday", True),
        ("tonight", "last night", True),
        ("yesterday", "today", False),  # back in time: a correction
        ("monday", "tuesday", False),
        ("m12d3", "m12d4", False),
    ],
)
def test_day_words_re_dated_as_a_story_ages(old: str, new: str, aged: bool) -> None:
    assert redated(old, new) is aged
