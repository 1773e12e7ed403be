"""per_units: what a figure is counted per, and what a sum includes."""

from __future__ import annotations

import pytest

from newswatch.diff import word_diff
from newswatch.edits import Pair, Side
from newswatch.per_units import per_claim


def _pair(old: str, new: str) -> Pair:
    return Pair(Side(old, 0), Side(new, 0), word_diff(old, new))


@pytest.mark.parametrize(
    ("old", "new", "found"),
    [
        ("They were fined £500 each.", "They were fined £500 between them.", ("each", None)),
        ("Staff work 40 hours a week.", "Staff work 40 hours a month.", ("a week", "a month")),
        (
            "The drug costs £30 per patient.",
            "The drug costs £30 per dose.",
            ("per patient", "per dose"),
        ),
        (
            "It will build 300,000 homes a year.",
            "It will build 300,000 homes by 2030.",
            ("a year", None),
        ),
        ("Fares will rise by £2.", "Fares will rise by £2 a day.", (None, "a day")),
    ],
)
def test_a_figure_counted_per_something_else(
    old: str, new: str, found: tuple[str | None, str | None]
) -> None:
    claim = per_claim(_pair(old, new))
    assert claim is not None and (claim.old_value, claim.new_value) == found


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("They were each fined £500.", "They were fined £500 each."),  # "each" moved
        ("The scheme costs £5m a year.", "The scheme has an annual cost of £5m."),
        ("He earns £80,000 a year.", "He earns £80,000 per year."),
        ("They paid £3 a head.", "They paid £3 per person."),
        ("Sales rose 5% from a year earlier.", "Sales rose 5% compared with a year earlier."),
        ("Tickets cost £12 each.", "Tickets cost £12 apiece."),
    ],
)
def test_the_same_unit_said_another_way_is_no_claim(old: str, new: str) -> None:
    assert per_claim(_pair(old, new)) is None


def test_a_per_unit_changed_is_high_and_a_share_dropped_medium() -> None:
    changed = per_claim(_pair("Staff work 40 hours a week.", "Staff work 40 hours a month."))
    each = per_claim(_pair("They were fined £500 each.", "They were fined £500."))
    daily = per_claim(_pair("Drivers pay £15 a day.", "Drivers pay £15."))
    assert changed is not None and changed.severity == "high"
    assert each is not None and each.severity == "medium"
    assert daily is not None and daily.severity == "high"  # a daily charge made a one-off


@pytest.mark.parametrize(
    ("old", "new", "found"),
    [
        (
            "It values the firm at £2.1bn including debt.",
            "It values the firm at £2.1bn.",
            ("including debt", None),
        ),
        ("Profit was £40m.", "Profit was £40m before tax.", (None, "before tax")),
    ],
)
def test_what_a_sum_includes_put_in_or_taken_out(
    old: str, new: str, found: tuple[str | None, str | None]
) -> None:
    claim = per_claim(_pair(old, new))
    assert claim is not None and (claim.old_value, claim.new_value) == found
    assert claim.detail == {"scope": True}


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Profit was £40m before tax.", "Profit was £40m after tax."),  # the opposites' claim
        (
            "It values the firm at £2.1bn including debt.",
            "Including debt, it values the firm at £2.1bn.",
        ),
    ],
)
def test_a_scope_turned_round_or_told_elsewhere_is_not_this_rule_s(old: str, new: str) -> None:
    assert per_claim(_pair(old, new)) is None


def test_a_change_measured_against_another_period() -> None:
    claim = per_claim(_pair("Revenue fell 3% year on year.", "Revenue fell 3% quarter on quarter."))
    assert claim is not None and (claim.old_value, claim.new_value) == (
        "year on year",
        "quarter on quarter",
    )
    assert (
        per_claim(_pair("Revenue fell 3% year-on-year.", "Revenue fell 3% year on year.")) is None
    )
