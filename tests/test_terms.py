"""terms: a term of a deal or a law, named by a noun, dropped or put in."""

from __future__ import annotations

from newswatch.context import Context
from newswatch.diff import word_diff
from newswatch.edits import Claim, Pair, Side
from newswatch.terms import term_claim


def _claim(old: str, new: str, old_article: str = "", new_article: str = "") -> Claim | None:
    pair = Pair(Side(old, 0), Side(new, 0), word_diff(old, new))
    return term_claim(pair, Context(old_article or old, new_article or new))


def test_a_term_dropped_that_the_article_no_longer_names() -> None:
    claim = _claim(
        "The plan offers an amnesty to fighters who lay down their weapons.",
        "The plan calls on fighters to lay down their weapons.",
    )
    assert claim is not None and (claim.old_value, claim.new_value) == ("amnesty", None)
    assert claim.severity == "medium" and claim.detail == {"term": "dropped"}


def test_a_term_put_in() -> None:
    claim = _claim("Restrictions start at 8pm.", "A curfew starts at 8pm.")
    assert claim is not None and (claim.old_value, claim.new_value) == (None, "curfew")


def test_a_term_named_by_another_word_of_its_class_is_kept() -> None:
    assert _claim("The ceasefire held overnight.", "The truce held overnight.") is None
    assert _claim("The amnesty applies to all.", "The pardon applies to all.") is None


def test_a_term_the_article_still_names_elsewhere_is_kept() -> None:
    old = "The deal includes a ceasefire and a prisoner swap."
    new = "The deal includes a prisoner swap."
    assert _claim(old, new, old, new + " The ceasefire starts on Monday.") is None


def test_a_capitalised_term_is_a_name_not_a_term() -> None:
    assert (
        _claim("Amnesty International said it was concerned.", "The group said it was concerned.")
        is None
    )
