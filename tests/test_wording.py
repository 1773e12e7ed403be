"""What is left after the detectors (newswatch.wording): information or presentation."""

from __future__ import annotations

import pytest

from newswatch.detectors import Context
from newswatch.diff import word_diff
from newswatch.edits import Pair, Side
from newswatch.wording import hunk_claim, wording_changed, words_changed


@pytest.mark.parametrize(
    ("removed", "added"),
    [
        ("organisation", "organization"),  # spelling
        ("said", "stated"),  # a word for one of the same weight
        ("on Monday the mayor", "the mayor on Monday"),  # order
        ("", "the"),  # a function word
        ("well-known", "well known"),  # hyphenation
    ],
)
def test_presentation_is_no_change_of_wording(removed: str, added: str) -> None:
    assert wording_changed(removed, added) is False


@pytest.mark.parametrize(
    ("removed", "added"),
    [
        ("", "flood defences"),  # content put in where nothing was taken out
        ("said", "said after a closed meeting with union leaders"),  # clearly expanded
    ],
)
def test_information_brought_in_changes_the_wording(removed: str, added: str) -> None:
    assert wording_changed(removed, added) is True


def test_quoted_words_count_every_word_but_spelling() -> None:
    assert words_changed("we are sorry", "we are deeply sorry") is True
    assert words_changed("we are sory", "we are sorry") is False


def _claim(old: str, new: str) -> tuple[str, str]:
    pair = Pair(Side(old, 0), Side(new, 0), word_diff(old, new))
    claim = hunk_claim(pair, pair.hunks[0], False, Context(old, new))
    return claim.kind, claim.severity


def test_digits_no_figure_rule_reads_are_a_number_when_they_change() -> None:
    assert _claim(
        "Files over 51,200 KB/50 MB are skipped.", "Files over 51,200 KB/57 MB are skipped."
    ) == (
        "number",
        "medium",
    )
    assert _claim("The firm will invest £1.5bn.", "The firm will invest £1,500m.") == (
        "cosmetic",
        "cosmetic",
    )
