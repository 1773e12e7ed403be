"""moves: a figure in a move, the level reached or how far it moved."""

from __future__ import annotations

import pytest

from newswatch.diff import word_diff
from newswatch.edits import Pair, Side
from newswatch.moves import role_claim, share_move_restated
from newswatch.numbers import find_figures


def _pair(old: str, new: str) -> Pair:
    return Pair(Side(old, 0), Side(new, 0), word_diff(old, new))


@pytest.mark.parametrize(
    ("old", "new", "values"),
    [
        ("Unemployment rose to 5%.", "Unemployment rose by 5%.", ("to 5%", "by 5%")),
        ("Prices rose £5.", "Prices rose to £5.", ("by £5", "to £5")),
        ("Shares rose 5%.", "Shares rose by 5%.", None),  # a rise by it, either way
        ("Unemployment rose to 5%.", "Unemployment stood at 5%.", None),  # no move now
    ],
)
def test_a_level_made_a_move_s_size(old: str, new: str, values: tuple[str, str] | None) -> None:
    claim = role_claim(_pair(old, new))
    assert (claim and (claim.old_value, claim.new_value)) == values


@pytest.mark.parametrize(
    ("old", "new", "same"),
    [
        ("Sales fell 10% to £90m.", "Sales fell £10m to £90m.", True),
        ("Profit rose 25% to £50m.", "Profit rose £10m to £50m.", True),
        ("Profit rose 25% to £50m.", "Profit rose £12.5m to £50m.", False),
        ("Sales fell 10% to £90m.", "Sales fell £10m to £80m.", False),  # another end
    ],
)
def test_a_move_told_as_a_share_then_a_sum(old: str, new: str, same: bool) -> None:
    share = next(f for f in find_figures(old) if f.kind == "percent")
    size = find_figures(new)[0]
    assert share_move_restated(share, size, _pair(old, new)) is same
