"""scope: a word put before, or cut from before, the noun a rule, a ban or an offer reaches."""

import pytest

from newswatch.diff import compare


def _scope(old: str, new: str) -> list[tuple[str | None, str | None, object]]:
    return [
        (c.old_value, c.new_value, c.detail.get("scope"))
        for c in compare(old, new).claims
        if "scope" in c.detail
    ]


@pytest.mark.parametrize(
    ("old", "new", "claim"),
    [
        (
            "The ban applies to all new cars from 2030.",
            "The ban applies to all new petrol cars from 2030.",
            (None, "petrol", "narrowed"),
        ),
        (
            "The discount is open to all students.",
            "The discount is open to first-year students.",
            (None, "first-year", "narrowed"),
        ),
        (
            "Free parking is available for disabled residents.",
            "Free parking is available for residents.",
            ("disabled", None, "widened"),
        ),
        (
            "The tax applies to homes worth more than £1m.",
            "The tax applies to second homes worth more than £1m.",
            (None, "second", "narrowed"),
        ),
        (
            "All staff will receive a pay rise.",
            "All nursing staff will receive a pay rise.",
            (None, "nursing", "narrowed"),
        ),
    ],
)
def test_a_word_that_narrows_or_widens_a_reach_is_a_claim(
    old: str, new: str, claim: tuple[str | None, str | None, str]
) -> None:
    assert _scope(old, new) == [claim]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # a figure, which the figure rules read
        ("All men were released.", "All three men were released."),
        # words that stress or point back
        ("All options are on the table.", "All possible options are on the table."),
        ("Every year tourists visit.", "Every single year tourists visit."),
        # no reach in the sentence: a word put in is colour
        ("The council approved the plan.", "The council approved the ambitious plan."),
        # a name or a capitalised word is no modifier of reach
        ("Tickets are available for the match.", "Tickets are available for Saturday's match."),
        # a word swapped, not put in: the swap rules judge it
        ("The ban applies to diesel cars.", "The ban applies to petrol cars."),
        # the word must stand before a noun
        ("The offer is open to all.", "The offer is open to all residents."),
    ],
)
def test_no_scope_claim_without_a_reach_or_a_modifier(old: str, new: str) -> None:
    assert _scope(old, new) == []


def _only(old: str, new: str) -> list[tuple[str | None, str | None, str]]:
    return [
        (c.old_value, c.new_value, c.severity)
        for c in compare(old, new).claims
        if "scope" in c.detail and "only" in (c.old_value, c.new_value)
    ]


@pytest.mark.parametrize(
    ("old", "new", "claims"),
    [
        ("Only residents can apply.", "Anyone can apply.", [("only", None, "medium")]),
        ("Tickets are for members only.", "Tickets are for members.", [("only", None, "medium")]),
        (
            "Schools stay open.",
            "Schools stay open for key workers only.",
            [(None, "only", "medium")],
        ),
        # stress on an amount or a time, not a limit on whom
        (
            "Only 12% of homes are affordable.",
            "12% of homes are affordable.",
            [("only", None, "low")],
        ),
        (
            "It only learned of it on Monday.",
            "It learned of it on Monday.",
            [("only", None, "low")],
        ),
        # the other sentence limits it another way
        ("Only 12% of homes are affordable.", "Just 12% of homes are affordable.", []),
        # "not only ... but also", "only just"
        ("She only just survived.", "She survived.", []),
    ],
)
def test_only_put_in_or_taken_out_is_a_limit(
    old: str, new: str, claims: list[tuple[str | None, str | None, str]]
) -> None:
    assert _only(old, new) == claims


@pytest.mark.parametrize(
    ("old", "new", "claim"),
    [
        (
            "The bill would ban smoking in cars.",
            "The bill would ban smoking in cars carrying children.",
            (None, "carrying children", "narrowed"),
        ),
        (
            "The discount is open to residents aged over 65.",
            "The discount is open to residents.",
            ("aged over 65", None, "widened"),
        ),
    ],
)
def test_a_phrase_after_the_noun_a_rule_reaches_is_a_claim(
    old: str, new: str, claim: tuple[str | None, str | None, str]
) -> None:
    assert claim in _scope(old, new)


def test_a_phrase_after_a_noun_no_rule_reaches_is_none() -> None:
    assert _scope("Police stopped the cars.", "Police stopped the cars carrying protesters.") == []


def test_whom_a_rule_reaches_made_all_of_them_or_some() -> None:
    from newswatch.diff import word_diff
    from newswatch.edits import Pair, Side
    from newswatch.scope import scope_claim

    def claim(old: str, new: str) -> object:
        return scope_claim(Pair(Side(old, 0), Side(new, 0), word_diff(old, new)))

    assert claim("It is available to all users.", "It is available to paying subscribers.")
    assert claim("It is open to local charities.", "It is open to everyone.")
    assert not claim("It is open to all.", "It is open to everyone.")
