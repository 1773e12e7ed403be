"""other_units: a temperature in the other scale, a height in feet or in metres."""

from __future__ import annotations

from newswatch.diff import word_diff
from newswatch.edits import Pair, Side
from newswatch.numbers import find_figures
from newswatch.other_units import same_temperature, without_heights_converted


def test_one_temperature_in_two_scales() -> None:
    assert same_temperature("100F", "38C")
    assert not same_temperature("100F", "30C")


def _kept(old: str, new: str) -> tuple[int, int]:
    pair = Pair(Side(old, 0), Side(new, 0), word_diff(old, new))
    lost, got = without_heights_converted(list(find_figures(old)), list(find_figures(new)), pair)
    return len(lost), len(got)


def test_a_height_in_feet_and_inches_given_in_metres_is_no_figure_changed() -> None:
    assert _kept("The 6ft 4in striker scored.", "The 1.93m striker scored.") == (0, 0)
    assert _kept("The wall is 1.8 metres high.", "The wall is 6ft high.") == (0, 0)


def test_another_height_is_a_figure_changed() -> None:
    assert _kept("The 6ft 4in striker scored.", "The 1.73m striker scored.") == (2, 1)
