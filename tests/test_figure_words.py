"""A figure the other sentence says in words: both, a multiple, an article, an ordinal, a decade."""

from __future__ import annotations

from newswatch.figure_words import (
    as_multiple,
    decade_in_words,
    numbered_as_ordinal,
    one_as_article,
    said_as_both,
    said_in_words,
    times_as_word,
)
from newswatch.numbers import Figure, find_figures


def _figure(text: str) -> Figure:
    return find_figures(text)[0]


def test_the_two_sides_are_both_sides_only_for_the_same_noun() -> None:
    text = "The two sides agreed."
    assert said_as_both(_figure(text), text, "Both sides agreed.")
    assert not said_as_both(_figure(text), text, "Both, a man and a woman, agreed.")


def test_a_percentage_said_as_a_multiple() -> None:
    assert as_multiple(_figure("rose 100%"), "Profits doubled.")
    assert as_multiple(_figure("fell 50%"), "Prices halved.")
    assert not as_multiple(_figure("rose 50%"), "Profits doubled.")
    assert not as_multiple(_figure("100 people"), "Profits doubled.")


def test_a_multiple_said_in_one_word() -> None:
    text = "more than three times the target"
    assert times_as_word(_figure(text), text, "more than triple the target")
    assert not times_as_word(_figure(text), text, "more than double the target")
    count = "three people and the target"
    assert not times_as_word(_figure(count), count, "triple the target")


def test_one_thing_counted_with_the_article() -> None:
    text = "City are one point ahead"
    assert one_as_article(_figure(text), text, "City are a point clear")
    assert not one_as_article(_figure(text), text, "City are a goal clear")
    digits = "City are 1 point ahead"
    assert not one_as_article(_figure(digits), digits, "City are a point clear")


def test_a_number_sign_is_an_ordinal() -> None:
    text = "the No. 2 seed"
    assert numbered_as_ordinal(_figure(text), text, "the second seed")
    assert not numbered_as_ordinal(_figure(text), text, "the third seed")
    plain = "2 seeds"
    assert not numbered_as_ordinal(_figure(plain), plain, "the second seed")


def test_a_decade_of_age_in_words() -> None:
    text = "a woman in her 60s"
    assert decade_in_words(_figure(text), text, "a woman in her sixties")
    assert not decade_in_words(_figure(text), text, "a woman in her seventies")


def test_any_of_the_ways_in_words_keeps_the_figure() -> None:
    text = "The vote was won by one seat."
    assert said_in_words(_figure(text), text, "The vote was won by a single seat.")
    assert not said_in_words(_figure(text), text, "The vote was won by two seats.")
