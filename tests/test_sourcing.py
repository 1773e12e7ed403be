"""Sourcing: where a claim comes from, a source moved between sentences, a headline's colon."""

from __future__ import annotations

import pytest

from newswatch.edits import Claim
from newswatch.sourcing import COLON_SOURCE, sourcing_moved


def _sourcing(kind: str, value: str) -> Claim:
    old, new = (value, None) if kind == "removed" else (None, value)
    return Claim("attribution", "medium", old_value=old, new_value=new, detail={"sourcing": kind})


def test_a_source_given_to_another_sentence_is_low_on_both() -> None:
    claims = [_sourcing("removed", "police said"), _sourcing("added", ", police said")]
    assert [c.severity for c in sourcing_moved(claims)] == ["low", "low"]


def test_another_source_put_in_elsewhere_keeps_both_medium() -> None:
    claims = [_sourcing("removed", "police said"), _sourcing("added", "the operator said")]
    assert [c.severity for c in sourcing_moved(claims)] == ["medium", "medium"]


@pytest.mark.parametrize(
    ("headline", "source"),
    [
        ("Police: driver was drunk", True),
        ("UN chief: war must end", True),
        ("Rate rise: Bank lifts rates to 4.5%", False),
        ("Rail strike: talks fail", False),
        ("Analysis: what the vote means", False),
        ("Storm Elin: thousands without power", False),
        ("Election 2026: polls open", False),
    ],
)
def test_a_headline_s_colon_names_a_source_not_a_topic(headline: str, source: bool) -> None:
    assert bool(COLON_SOURCE.match(headline)) is source
