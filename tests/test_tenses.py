"""tenses: a thing done made a thing to come, or the other way round."""

from __future__ import annotations

import pytest

from newswatch.diff import word_diff
from newswatch.edits import Pair, Side
from newswatch.tenses import tense_claim


def _pair(old: str, new: str) -> Pair:
    return Pair(Side(old, 0), Side(new, 0), word_diff(old, new))


@pytest.mark.parametrize(
    ("old", "new", "tense"),
    [
        ("He has been charged.", "He will be charged.", "to come"),
        ("The bridge will reopen on Monday.", "The bridge reopened on Monday.", "done"),
        (
            "The man was deported on Thursday.",
            "The man was due to be deported on Thursday.",
            "to come",
        ),
        ("The firm was sold last year.", "The firm was to be sold last year.", "to come"),
    ],
)
def test_a_thing_done_made_a_thing_to_come_or_back(old: str, new: str, tense: str) -> None:
    claim = tense_claim(_pair(old, new))
    assert claim is not None and claim.detail == {"tense": tense}


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("He said he would resign.", "He said he will resign."),  # reported speech
        ("No decision has been made.", "A decision is yet to be made."),
    ],
)
def test_the_same_tense_said_another_way_is_no_claim(old: str, new: str) -> None:
    assert tense_claim(_pair(old, new)) is None


@pytest.mark.parametrize(
    ("old", "new", "tense"),
    [
        ("Engineers have restored power.", "Engineers are working to restore power.", "under way"),
        ("It said it had fixed the flaw.", "It said it was fixing the flaw.", "under way"),
        ("Crews are repairing the line.", "Crews have repaired the line.", "done"),
    ],
)
def test_a_deed_under_way_or_tried_made_done_or_back(old: str, new: str, tense: str) -> None:
    claim = tense_claim(_pair(old, new))
    assert claim is not None and claim.detail["tense"] == tense


def test_an_open_ended_effort_is_no_deed() -> None:
    assert (
        tense_claim(_pair("Officers are appealing for help.", "Officers have appealed for help."))
        is None
    )
