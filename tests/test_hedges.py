"""Hedges: one cue for each hedge however it is worded, and a claim where the cues differ."""

from __future__ import annotations

import pytest

from newswatch.diff import word_diff
from newswatch.edits import Pair, Side
from newswatch.hedges import hedge_claim


def _pair(old: str, new: str) -> Pair:
    return Pair(Side(old, 0), Side(new, 0), word_diff(old, new))


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("The firm plans to hire 500 people.", "The firm intends to hire 500 people."),
        ("The fire is believed to have started.", "The fire is thought to have started."),
        ("The plane is reported to have crashed.", "The plane reportedly crashed."),
        ("The talks are expected to resume.", "The talks are likely to resume."),
        ("It is unclear why he left.", "Police did not say why he left."),
        ("The virus may spread.", "The virus could spread."),
    ],
)
def test_one_hedge_said_another_way_is_no_claim(old: str, new: str) -> None:
    assert hedge_claim(_pair(old, new)) is None


@pytest.mark.parametrize(
    ("old", "new", "cue"),
    [
        ("The firm plans to close the plant.", "The firm will close the plant.", "plans to"),
        ("The fire is believed to have started.", "The fire started.", "is believed to"),
        ("Officials expect the toll to rise.", "The toll will rise.", "expect the toll to"),
    ],
)
def test_a_hedge_taken_out_is_shown_as_written(old: str, new: str, cue: str) -> None:
    claim = hedge_claim(_pair(old, new))
    assert claim is not None and claim.old_value == cue and claim.new_value is None


def test_a_hedge_put_in() -> None:
    claim = hedge_claim(_pair("The drug cuts deaths.", "The drug may cut deaths."))
    assert claim is not None and claim.new_value == "may" and claim.severity == "medium"
