"""The claim rules' word stem and word pairs (newswatch.context)."""

from __future__ import annotations

import pytest

from newswatch.context import same_verb, stem


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


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        ("opens", "opened", True),
        ("go", "went", True),
        ("Sells", "sold", True),
        ("went", "gone", True),
        ("go", "sold", False),
        ("opened", "closed", False),
    ],
)
def test_same_verb(one: str, other: str, same: bool) -> None:
    assert same_verb(one, other) is same
