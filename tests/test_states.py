"""states: a state told again in a sentence recast around it."""

import pytest

from newswatch.diff import compare
from newswatch.states import headline_state, swapped_against_text


def _states(old: str, new: str) -> list[tuple[str | None, str | None]]:
    return [(c.old_value, c.new_value) for c in compare(old, new).claims if c.detail.get("state")]


@pytest.mark.parametrize(
    ("old", "new", "values"),
    [
        (
            "Firefighters are tackling a large blaze at a warehouse in Kells.",
            "A large fire at a warehouse in Kells has been brought under control, firefighters "
            "said.",
            ("tackling", "under control"),
        ),
        (
            "The suspect was arrested at his home in Leeds on Friday, police said.",
            "The suspect, who lives in Leeds, has been charged over the attack, police said.",
            ("arrested", "charged"),
        ),
    ],
)
def test_another_state_in_a_recast_sentence_is_a_fact(
    old: str, new: str, values: tuple[str, str]
) -> None:
    assert _states(old, new) == [values]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # one state said with a "not"
        ("The council rejected the plan on Monday.", "On Monday the plan was not approved."),
        # both states told on one side: the story tells both, not one for the other
        (
            "Police arrested the man on Friday and released him on Saturday.",
            "The man, who was arrested on Friday, was released on Saturday.",
        ),
        # the same state in other words
        ("Three people died in the crash on the bypass.", "The crash on the bypass killed three."),
    ],
)
def test_no_state_claim_for_the_same_state_or_both(old: str, new: str) -> None:
    assert _states(old, new) == []


@pytest.mark.parametrize(
    ("old", "new", "text", "severity"),
    [
        # the text says the walkout goes ahead and tells no fate: a new state, untold
        (
            "University staff to strike",
            "University strike called off",
            "Lecturers are to stage a five-day walkout later this month.",
            "medium",
        ),
        # the text tells another fate of the plan: the headline contradicts it
        (
            "Council votes on housing plan",
            "Housing plan suspended",
            "The council approved the plan on Tuesday night.",
            "high",
        ),
        # the text tells the same fate
        (
            "Council votes on housing plan",
            "Housing plan approved",
            "The council approved the plan on Tuesday night.",
            None,
        ),
        # the old headline told a state of the kind: a swap, which the swap rules judge
        (
            "Brookfield sign Amadi",
            "Brookfield complete Amadi signing",
            "Brookfield have signed Dele Amadi.",
            None,
        ),
    ],
)
def test_a_headline_state_the_text_does_not_tell(
    old: str, new: str, text: str, severity: str | None
) -> None:
    assert headline_state(old, new, text) == severity


@pytest.mark.parametrize(
    ("old", "new", "swapped"),
    [
        # the words stand in other places; the text says he was sacked
        ("Rovers sack manager Baird", "Baird resigns as Rovers manager", True),
        # the text's own word
        ("Rovers sack manager Baird", "Baird sacked by Rovers", False),
        # a word said again in another form is not traded
        ("Brookfield sign Amadi", "Brookfield complete Amadi signing", False),
    ],
)
def test_a_headline_word_traded_against_the_text(old: str, new: str, swapped: bool) -> None:
    text = "Harlow Rovers have sacked manager Tom Baird. Brookfield have signed Dele Amadi."
    assert swapped_against_text(old, new, text) is swapped
