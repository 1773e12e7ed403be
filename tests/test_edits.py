"""A pair's positions map from one side to the other: a kept character lands on itself, and a
position inside text only one side has lands where that text would be on the other."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newswatch.diff import word_diff
from newswatch.edits import Pair, Side, misspelt_in

words = st.lists(st.sampled_from(["the", "cap", "is", "600,000", "not", "troops", "Monday"]))
text = words.map(" ".join)


def pair(old: str, new: str) -> Pair:
    return Pair(Side(old, 0), Side(new, 0), word_diff(old, new, semantic=False))


def test_a_position_inside_an_insertion_maps_to_where_it_went_in() -> None:
    edited = pair("The cap is 600,000 troops.", "The cap is not 600,000 troops.")
    inserted = edited.new.text.index("not")
    assert edited.to_old(inserted + 1) == edited.old.text.index("600,000")
    figure = edited.old.text.index("600,000") + 1
    assert edited.to_new(figure) == edited.new.text.index("600,000") + 1
    assert edited.old_span_for_new(inserted, inserted + 3) == (10, 11)  # the space it went into


@given(text, text)
def test_kept_characters_map_onto_themselves_both_ways(old: str, new: str) -> None:
    edited = pair(old, new)
    old_at = new_at = 0
    for op, part in edited.edits:
        if op == 0:
            # from just after its first character to its end (its very start is also the end
            # of the text before it, and maps with that)
            for offset in range(1, len(part) + 1):
                assert edited.to_new(old_at + offset) == new_at + offset
                assert edited.to_old(new_at + offset) == old_at + offset
        old_at += len(part) if op <= 0 else 0
        new_at += len(part) if op >= 0 else 0
    mapped = [edited.to_new(p) for p in range(len(old) + 1)]
    assert mapped == sorted(mapped) and all(0 <= p <= len(new) for p in mapped)


@pytest.mark.parametrize(
    ("word", "other", "typo"),
    [
        ("thousands", "Htousands of fans came.", True),  # two letters traded
        ("generally", "It was generlaly calm.", True),
        ("government", "The goverment fell.", True),  # a letter left out of a long word
        ("three", "A tree fell.", False),  # a short word one letter from another
        ("million", "Millions watched.", False),  # an inflection
        ("eight", "Weight limits apply.", False),  # another first letter
        ("former", "The former mayor.", False),  # the word itself
    ],
)
def test_a_word_misspelt_in_the_other_sentence(word: str, other: str, typo: bool) -> None:
    assert misspelt_in(word, other) is typo
