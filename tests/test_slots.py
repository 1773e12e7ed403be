"""The fact a phrase names after its cue (a cause, a charge, an illness, a substance), swapped."""

from __future__ import annotations

import pytest

from newswatch.diff import word_diff
from newswatch.edits import Pair, Side
from newswatch.slots import post_before_name_claim, slot_claim


def _slot(old: str, new: str) -> tuple[str | None, str | None, bool] | None:
    claim = slot_claim(Pair(Side(old, 0), Side(new, 0), word_diff(old, new)))
    return None if claim is None else (claim.old_value, claim.new_value, "cause" in claim.detail)


@pytest.mark.parametrize(
    ("old", "new", "found"),
    [
        ("The outage was caused by a cyber attack.", "The outage was caused by a power cut.",
         ("cyber attack", "power cut", True)),
        ("The man died of a heart attack.", "The man died of a stroke.",
         ("heart attack", "stroke", False)),
        ("She was arrested on suspicion of arson, police said.",
         "She was arrested on suspicion of burglary, police said.", ("arson", "burglary", False)),
        ("The drug cut the risk of death by 20%.",
         "The drug cut the risk of hospital admission by 20%.",
         ("death", "hospital admission", False)),
        ("The strike is over pay.", "The strike is over pensions.", ("pay", "pensions", False)),
        ("The money will be spent on schools.", "The money will be spent on hospitals.",
         ("schools", "hospitals", False)),
        ("The fire started in the kitchen.", "The fire started in a bedroom.",
         ("the kitchen", "a bedroom", False)),
        ("The helicopter was shot down by rebels.",
         "The helicopter was shot down by government troops.",
         ("rebels", "government troops", False)),
        # a name for a name is the entity rules' ("Russian" -> "Ukrainian")
        ("The raid was carried out by Russian troops.",
         "The raid was carried out by Ukrainian troops.", None),
        # a word news uses for the other
        ("The firm was bought by a rival.", "The firm was bought by a competitor.", None),
        ("The deal was awarded to a local firm.", "The deal was awarded to a local company.",
         None),
        # the same fact said more strongly, respelt or named more fully
        ("Play stopped due to heavy rain.", "Play stopped due to torrential rain.", None),
        ("The outage was caused by a cyber atack.", "The outage was caused by a cyber attack.",
         None),
        ("The man died of cancer.", "The man died of lung cancer.", None),
        # no cue before the change: "is due to" is a schedule
        ("The ferry is due to arrive at noon.", "The ferry is due to depart at noon.", None),
        ("The ferry carried cars.", "The ferry carried lorries.", None),
    ],
)  # fmt: skip
def test_another_fact_after_the_same_cue(
    old: str, new: str, found: tuple[str, str, bool] | None
) -> None:
    assert _slot(old, new) == found


def test_no_word_is_in_two_groups_of_words_for_one_thing() -> None:
    from collections import Counter

    from newswatch.slots import _SAME

    counts = Counter(word for line in _SAME for word in line.split())
    assert [word for word, n in counts.items() if n > 1] == []


@pytest.mark.parametrize(
    ("old", "new", "values"),
    [
        ("said union leader Mary Cole.", "said council leader Mary Cole.", ("union", "council")),
        (
            "finance director Ann Lee quit.",
            "operations director Ann Lee quit.",
            ("finance", "operations"),
        ),
        ("said union leader Mary Cole.", "said union boss Mary Cole.", None),  # the same post
        ("the union leader said.", "the council leader said.", None),  # no name after the post
    ],
)
def test_whose_post_a_named_person_holds(
    old: str, new: str, values: tuple[str, str] | None
) -> None:
    claim = post_before_name_claim(Pair(Side(old, 0), Side(new, 0), word_diff(old, new)))
    assert (claim and (claim.old_value, claim.new_value)) == values


def test_one_of_the_public_named_made_an_office_holder() -> None:
    from newswatch.diff import word_diff
    from newswatch.edits import Pair, Side
    from newswatch.slots import post_before_name_claim

    def claim(old: str, new: str) -> object:
        return post_before_name_claim(Pair(Side(old, 0), Side(new, 0), word_diff(old, new)))

    assert claim("It is bad, said local resident Tom Hale.", "It is bad, said councillor Tom Hale.")
    assert not claim("It is bad, said local man Tom Hale.", "It is bad, said resident Tom Hale.")
