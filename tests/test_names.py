"""Names: telling one written two ways from two, and which capitalised words are names."""

from __future__ import annotations

import pytest

from newswatch.names import names, proper_words, same_name


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Zoe Brand", "Zoë Brand", True),  # an accent
        ("U.S. Senate", "US Senate", True),  # a dotted acronym
        ("Quay St", "Quay Street", True),  # a street word cut short
        ("Gen Ann Marsh", "General Ann Marsh", True),
        ("Quay St", "Mill Street", False),
        ("Jo Harlow", "John Harlow", False),  # a first name is not an abbreviation
        ("Kharkov", "Kharkiv", True),  # a place spelt anew
        ("Burma", "Myanmar", True),
        ("Turkey", "Greece", False),
        ("Ministry of Defence", "MoD", True),  # an acronym whose small letter is left out
        ("Department for Education", "DfE", True),
        ("Ministry of Defence", "MoJ", False),
        ("McDonald", "Managing Director", False),
        ("Tom Harlow", "Thomas Harlow", True),  # a first name's usual short form
        ("Bill Marsh", "William Marsh", True),
        ("Tom Harlow", "Tim Harlow", False),
        ("Redding, Calif", "Redding, California", True),  # a state as news style cuts it
        ("Portland, Ore", "Portland, Maine", False),
        ("R-Texas", "Texas Republican", True),  # a member's party and state, two styles
        ("R-Texas", "Texas Democrat", False),
        ("D-New York", "New York Democrat", True),
    ],
)
def test_one_name_written_two_ways(a: str, b: str, same: bool) -> None:
    assert same_name(a, b) is same


def test_a_middle_initial_and_a_dotted_acronym_do_not_end_a_name() -> None:
    found = [n for n, _ in names("Officials named her as Zoe A. Brand of the U.S. Senate staff.")]
    assert found == ["Zoe A. Brand", "U.S. Senate"]


def test_proper_words_are_names_inside_a_sentence_not_its_first_words() -> None:
    text = "Talks resumed in Geneva, said Tove Harlow. Scholarship winners met the Harbour Board."
    assert proper_words(text) == {"Geneva", "Harlow", "Board"}
    assert proper_words(text, alone=True) == {"Geneva"}


def test_a_german_text_s_nouns_after_an_article_are_no_names() -> None:
    from newswatch.names import common_nouns

    german = (
        "Der Minister sagte am Montag, die neue Firma werde zum Beispiel Stellen schaffen. "
        "Angela Weber ist nicht überzeugt und will mit der Stadt auch über den Plan reden."
    )
    nouns = common_nouns(german)
    assert {"Firma", "Beispiel", "Stadt", "Plan", "Minister"} <= nouns
    assert "Weber" not in nouns and "Angela" not in nouns
    english = "The minister said on Monday that the Firm would create jobs in the city."
    assert common_nouns(english) == frozenset()


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Wales", "Welsh", True),
        ("the Netherlands", "Dutch", True),
        ("Sri Lanka", "Sri Lankan", True),
        ("France", "French", True),
        ("Wales", "Scottish", False),
        ("French", "Spanish", False),
    ],
)
def test_a_place_and_its_peoples_word(a: str, b: str, same: bool) -> None:
    assert same_name(a, b) is same
