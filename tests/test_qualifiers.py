"""Words put in or taken out that change a claim: a charge, an office, a death, a narrowing."""

from __future__ import annotations

import pytest

from newswatch.diff import compare
from newswatch.edits import Claim


def _qualifiers(old: str, new: str) -> list[Claim]:
    return [c for c in compare(old, new).claims if c.detail.get("qualifier")]


@pytest.mark.parametrize(
    ("old", "new", "severity", "values"),
    [
        ("The man faces a murder charge.", "The man faces an attempted murder charge.", "high",
         (None, "attempted")),
        ("The vice president will attend.", "The president will attend.", "high", ("vice", None)),
        ("An ex-minister led the march.", "A minister led the march.", "high", ("ex", None)),
        ("A man was fatally stabbed.", "A man was stabbed.", "high", ("fatally", None)),
        ("The roof collapsed in the storm.", "The roof partly collapsed in the storm.", "medium",
         (None, "partly")),
        ("The interim leader spoke.", "The leader spoke.", "medium", ("interim", None)),
    ],
)  # fmt: skip
def test_a_word_put_in_or_taken_out_is_a_key_fact(
    old: str, new: str, severity: str, values: tuple[str | None, str | None]
) -> None:
    (claim,) = _qualifiers(old, new)
    assert (claim.kind, claim.severity) == ("fact", severity)
    assert (claim.old_value, claim.new_value) == values


def test_a_death_still_in_the_article_only_moved() -> None:
    old = "The woman was shot dead outside her home. Police are looking for a car."
    new = (
        "The woman was shot outside her home. She died at the scene. Police are looking for a car."
    )
    assert _qualifiers(old, new) == []


def test_a_qualifier_already_in_the_sentence_is_not_put_in() -> None:
    old = "The former minister, a critic of the plan, spoke."
    new = "The former minister, a former critic of the plan, spoke."
    assert _qualifiers(old, new) == []


def test_a_long_rewrite_is_left_to_the_other_rules() -> None:
    old = "The talks ended without a deal on Friday."
    new = "The talks were largely seen by both delegations as a failure on Friday."
    assert _qualifiers(old, new) == []


@pytest.mark.parametrize(
    ("old", "new", "values"),
    [
        ("Up to 40 homes were flooded.", "40 homes were flooded.", ("up to", None)),
        ("The fire destroyed 40 homes.", "The fire destroyed at least 40 homes.",
         (None, "at least")),
    ],
)  # fmt: skip
def test_a_bound_on_a_figure_put_in_or_taken_out_is_medium(
    old: str, new: str, values: tuple[str | None, str | None]
) -> None:
    (claim,) = _qualifiers(old, new)
    assert (claim.severity, claim.old_value, claim.new_value) == ("medium", *values)


def test_a_preposition_before_no_figure_is_no_bound() -> None:
    assert _qualifiers("The car stopped under a bridge.", "The car stopped under the bridge.") == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("He was acting on advice from lawyers.", "He acted on advice from lawyers."),
        ("The road was a dead end.", "The road was a cul-de-sac."),
    ],
)
def test_words_that_only_look_like_qualifiers(old: str, new: str) -> None:
    assert _qualifiers(old, new) == []


def test_a_legal_step_told_again_elsewhere_is_not_put_in() -> None:
    old = "He was jailed for four years. The judge spoke of betrayal."
    new = "He was jailed for four years. Sentencing him, the judge spoke of betrayal."
    assert _qualifiers(old, new) == []
    charged = "He was arrested and charged. The judge spoke of betrayal."
    assert _qualifiers("He was arrested. The judge spoke of betrayal.", charged) != []


def test_a_qualifier_moved_whole_to_a_sentence_of_its_own_is_not_cut() -> None:
    old = "Mr Hale, a former teacher, was elected in 2019."
    new = "Mr Hale was elected in 2019. He is a former teacher."
    assert _qualifiers(old, new) == []
