"""Names replaced, brought in or dropped in one edited sentence (newswatch.entities)."""

from newswatch.detectors import Context
from newswatch.diff import word_diff
from newswatch.edits import Claim, Pair, Side
from newswatch.entities import entity_claims


def claims(old: str, new: str) -> list[Claim]:
    pair = Pair(Side(old, 0), Side(new, 0), word_diff(old, new, semantic=False))
    return entity_claims(pair, Context(old, new))


def test_a_name_put_for_another_is_high() -> None:
    found = claims(
        "The talks will be held in Geneva in May.", "The talks will be held in Vienna in May."
    )
    assert [(c.severity, c.old_value, c.new_value) for c in found] == [("high", "Geneva", "Vienna")]


def test_a_name_brought_in_or_dropped_is_medium() -> None:
    came = claims("The talks resume today.", "The talks resume today, said Tove Harlow.")
    assert [(c.severity, c.new_value) for c in came] == [("medium", "Tove Harlow")]
    gone = claims(
        "Police said Lee, Varga and Okoro were held.", "Police said Lee and Okoro were held."
    )
    assert [(c.severity, c.old_value) for c in gone] == [("medium", "Varga")]


def test_a_name_said_more_briefly_is_no_claim() -> None:
    assert claims("President Ann Lee said the talks failed.", "Lee said the talks failed.") == []
    assert (
        claims("Officials in Eastfield, Norland, said so.", "Officials in Eastfield said so.") == []
    )
    assert claims("The deal is worth US$5m.", "The deal is worth $5m in all.") == []
