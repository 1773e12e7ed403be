"""The claim rules' word stem and word pairs (newswatch.context)."""

from __future__ import annotations

import pytest

from newswatch.context import stem


@pytest.mark.parametrize(
    "forms",
    [
        ("charge", "charges", "charged"),
        ("injury", "injuries", "injured"),
        ("century", "centuries"),
        ("city", "cities"),
        ("release", "released", "releases"),
        ("drop", "dropped", "drops"),
        ("troop", "troops"),
        ("job", "jobs"),
        ("cut", "cuts"),
        ("family", "families"),
        ("supply", "supplies", "supplied"),
        ("study", "studies", "studied"),
    ],
)
def test_forms_of_one_word_share_a_stem(forms: tuple[str, ...]) -> None:
    assert len({stem(f) for f in forms}) == 1


@pytest.mark.parametrize(
    ("a", "b"), [("fall", "fail"), ("agree", "agent"), ("miss", "mist"), ("news", "new")]
)
def test_other_words_keep_other_stems(a: str, b: str) -> None:
    assert stem(a) != stem(b)


def test_word_pairs_are_neighbouring_content_words_stemmed() -> None:
    from newswatch.context import word_pairs

    assert word_pairs("The crews brought water to the village.") == {
        ("crew", "brought"),
        ("brought", "water"),
        ("water", "villag"),
    }
