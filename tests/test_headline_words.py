"""headline_words: which words of a headline its article's text tells."""

from __future__ import annotations

import pytest

from newswatch import detectors as d
from newswatch.diff import word_diff
from newswatch.edits import Pair, Side
from newswatch.headline_words import content, denied_in_text, untold

TEXT = (
    "A man has died after his car collided with a lorry on the A40 near Witney on Monday. "
    "The council approved the road's new speed limit last year. The lorry driver was not hurt."
)


def _pair(old: str, new: str) -> Pair:
    return Pair(Side(old, 0), Side(new, 0), word_diff(old, new))


@pytest.mark.parametrize(
    ("old", "new", "left"),
    [
        # "killed" told by "died", "collision" by "collided", "tragedy" is the headline's feeling
        ("Man dies after crash", "Tragedy as man killed in collision", set()),
        # "green light" is "approved"; "gives" a light verb
        ("Speed limit approved", "Council gives green light to speed limit", set()),
        # a word the text does not have at all
        ("Man dies after crash", "Man dies after police chase", {"police", "chase"}),
    ],
)
def test_untold_words_are_the_headline_s_own(old: str, new: str, left: set[str]) -> None:
    found = untold(_pair(old, new), d.Context(TEXT, TEXT))
    assert found == {d.stem(w) for w in left}


def test_a_word_the_text_only_denies() -> None:
    context = d.Context(TEXT, TEXT)
    assert denied_in_text(_pair("Man dies in crash", "Man dies and driver hurt"), context) == "hurt"
    # the text tells it plainly: no denial
    assert denied_in_text(_pair("Man dies in crash", "Man dies in collision"), context) is None
    # a headline that denies it itself is the negation rules'
    assert denied_in_text(_pair("Man dies in crash", "Lorry driver not hurt"), context) is None


def test_content_leaves_out_framing_and_light_verbs() -> None:
    assert content("Why Rovers get a new stadium") == ["rovers", "new", "stadium"]


def test_a_word_the_text_denies_with_a_contraction() -> None:
    text = "A man died in the crash. The lorry driver wasn't hurt."
    pair = _pair("Man dies in crash", "Man dies and driver hurt")
    assert denied_in_text(pair, d.Context(text, text)) == "hurt"


def test_a_wrong_the_headline_lays_that_the_text_does_not_tell() -> None:
    from newswatch import detectors as d
    from newswatch.diff import word_diff
    from newswatch.edits import Pair, Side
    from newswatch.headline_words import alleges_untold

    text = "The head teacher has been suspended while the council investigates complaints."
    old, new = "Head suspended over complaints", "Head suspended over abuse claims"
    pair = Pair(Side(old, 0), Side(new, 0), word_diff(old, new))
    assert alleges_untold(pair, d.Context(text, text))
    told = text + " The complaints allege abuse."
    assert not alleges_untold(pair, d.Context(told, told))
