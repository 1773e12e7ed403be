"""one_or_many: one of a kind made several (or several made one), the verb agreeing."""

import pytest

from newswatch.diff import word_diff
from newswatch.edits import Pair, Side
from newswatch.one_or_many import one_or_many_claim


def _count(old: str, new: str) -> tuple[str | None, str | None] | None:
    claim = one_or_many_claim(Pair(Side(old, 0), Side(new, 0), word_diff(old, new)))
    return None if claim is None else (claim.old_value, claim.new_value)


@pytest.mark.parametrize(
    ("old", "new", "values"),
    [
        ("A man was arrested.", "Men were arrested.", ("A man", "Men")),
        ("A woman has been charged.", "Women have been charged.", ("A woman", "Women")),
        ("One lorry was stuck.", "Lorries were stuck.", ("One lorry", "Lorries")),
        (
            "Several police officers were hurt.",
            "A police officer was hurt.",
            ("Several police officers", "A police officer"),
        ),
    ],
)
def test_a_count_changed_by_the_noun_alone(old: str, new: str, values: tuple[str, str]) -> None:
    assert _count(old, new) == values


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # advice and general statements: no event counted
        ("A driver should check the tyres.", "Drivers should check their tyres."),
        ("A spokesman said it would comment.", "Spokesmen said it would comment."),
        # the noun differs beyond its number
        ("A young man was arrested.", "Men were arrested."),
        # both sides say both
        (
            "A man was arrested and other men were questioned.",
            "Men were questioned and a man was arrested.",
        ),
        ("One of the men was arrested.", "The men were arrested."),
    ],
)
def test_no_count_changed(old: str, new: str) -> None:
    assert _count(old, new) is None
