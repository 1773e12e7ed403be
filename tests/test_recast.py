"""recast: the doer of a sentence recast between active and passive."""

import pytest

from newswatch.diff import compare
from newswatch.recast import recast_agent_claim


def _doer_claims(old: str, new: str) -> list[tuple[str | None, str | None]]:
    return [
        (c.old_value, c.new_value)
        for c in compare(old, new).claims
        if c.kind == "fact" and c.severity in ("medium", "high")
    ]


@pytest.mark.parametrize(
    ("old", "new", "doers"),
    [
        (
            "Rebels shot down the helicopter on Tuesday.",
            "The helicopter was shot down by government troops on Tuesday.",
            ("Rebels", "government troops"),
        ),
        (
            "The helicopter was shot down by rebels on Tuesday.",
            "Government troops shot down the helicopter on Tuesday.",
            ("rebels", "Government troops"),
        ),
        (
            "The council approved the plan on Monday.",
            "The plan was approved by the mayor on Monday.",
            ("The council", "the mayor"),
        ),
        (
            "Ann Lee found the body.",
            "The body was found by Ann Lee's husband.",
            ("Ann Lee", "Ann Lee's husband"),
        ),
    ],
)
def test_another_doer_in_a_recast_sentence(old: str, new: str, doers: tuple[str, str]) -> None:
    assert _doer_claims(old, new) == [doers]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Rebels shot down the helicopter.", "The helicopter was shot down by rebels."),
        ("The council approved the plan.", "The plan was approved by councillors."),
        ("The UN approved the deal.", "The deal was approved by the United Nations."),
        ("They shot down the helicopter.", "The helicopter was shot down by rebels."),
        ("He was arrested by police on Friday.", "Police arrested him on Friday."),
    ],
)
def test_the_same_doer_recast_is_no_claim(old: str, new: str) -> None:
    assert _doer_claims(old, new) == []


def test_both_sides_passive_is_left_to_the_slot_rules() -> None:
    from newswatch.diff import word_diff
    from newswatch.edits import Pair, Side

    old = "The plan was approved by the council."
    new = "The plan was approved by the mayor."
    pair = Pair(Side(old, 0), Side(new, 0), word_diff(old, new, semantic=False))
    assert recast_agent_claim(pair) is None
