"""An item put into or taken out of a series (newswatch.lists), through ``compare``."""

from __future__ import annotations

import pytest

from newswatch.diff import compare


def _items(old: str, new: str) -> list[tuple[str, str | None, str | None]]:
    return [
        (str(c.detail["item"]), c.old_value, c.new_value)
        for c in compare(old, new).claims
        if "item" in c.detail
    ]


@pytest.mark.parametrize(
    ("old", "new", "item"),
    [
        (
            "She is accused of theft, burglary and assault.",
            "She is accused of theft and assault.",
            ("removed", "burglary", None),
        ),
        (
            "The victims were killed or injured by shelling.",
            "The victims were killed by shelling.",
            ("removed", "injured", None),
        ),
        (
            "He was charged with fraud and appeared in court.",
            "He was charged with fraud and false accounting and appeared in court.",
            ("added", None, "false accounting"),
        ),
        (  # the word diff reads this as a plum put in and a plum turned into a cherry
            "Apples, pears and plums were affected.",
            "Apples, pears, plums and cherries were affected.",
            ("added", None, "cherries"),
        ),
        (  # and as vans turned into lorries, a swap of vehicles, had the vans not stayed
            "The ban covers cars and vans.",
            "The ban covers cars, vans and lorries.",
            ("added", None, "lorries"),
        ),
    ],
)
def test_an_item_put_in_or_taken_out_of_a_series_is_a_claim(
    old: str, new: str, item: tuple[str, str | None, str | None]
) -> None:
    assert _items(old, new) == [item]
    assert compare(old, new).severity == "medium"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # an aside between commas is no series
        ("Ann Lee, a lawyer, said the ruling was wrong.", "Ann Lee said the ruling was wrong."),
        # a clause cut from the sentence is prose, not an item
        (
            "The mayor resigned and said she would not stand again.",
            "The mayor resigned.",
        ),
        # a series reordered
        (
            "Talks involve Eastland, Norland and Westmark.",
            "Talks involve Westmark, Eastland and Norland.",
        ),
        # the item is still in the article: merged into another sentence, not dropped
        (
            "Theft, burglary and assault were alleged. Burglary carries the longest sentence.",
            "Theft and assault were alleged. Burglary carries the longest sentence.",
        ),
    ],
)
def test_no_item_claim_without_a_series_or_with_the_item_kept(old: str, new: str) -> None:
    assert _items(old, new) == []
