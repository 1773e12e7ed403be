"""Sentences and their offsets: the segmenter, titles, and the shortcut for plain sentences."""

import pytest

from newswatch import sentences
from newswatch.sentences import split_sentences


def test_sentences_keep_offsets_and_handle_abbreviations() -> None:
    text = (
        "Dr. J. R. Lind said on Jan. 5 that the U.S. plan would cost $1.5 billion. "
        '"We will not agree," he said.\nNext paragraph.'
    )
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Dr. J. R. Lind said on Jan. 5 that the U.S. plan would cost $1.5 billion.",
        '"We will not agree," he said.',
        "Next paragraph.",
    ]
    for s in sentences:
        assert text[s.start : s.end] == s.text
    assert [s.paragraph for s in sentences] == [0, 0, 1]


def test_an_abbreviated_title_opens_a_name_not_a_sentence_end() -> None:
    text = "The bill passed. Gov. Ann Cole signed it, and Det. Sgt. Mark Hale was there. Rep. Lee left."
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "The bill passed.",
        "Gov. Ann Cole signed it, and Det. Sgt. Mark Hale was there.",
        "Rep. Lee left.",
    ]
    for s in sentences:
        assert text[s.start : s.end] == s.text


# Paragraphs of our own, plain and not: each is split by the segmenter and by the shortcut for
# plain sentences, which must agree wherever it answers
PARAGRAPHS = [
    "The council voted to close the library on Tuesday.",
    "The council voted to close the library. Residents said they would appeal the decision.",
    "Ministers met on Tuesday. The talks ended without a deal, officials said.",
    'She said: "We will appeal." The court has not set a date.',
    '"We will not give up," the mayor told reporters. "The town deserves better."',
    "Turnout rose to 64.5 per cent in 2024. Officials expect more next year!",
    "Did the plan work? Nobody at the ministry would say.",
    "The fire spread quickly; crews arrived within minutes.",
    "The agency (which runs the port) said the berth would reopen. It gave no date.",
    "The U.S. envoy arrived on Monday. She met the prime minister.",
    "Gov. Ann Cole signed the bill. Det. Sgt. Mark Hale was there.",
    "Prices rose by approx. 40 per cent. Traders blamed the weather.",
    "Die Stadt plant den Umbau bzw. Neubau der Brücke. Der Rat entscheidet im Mai.",
    "Die Sitzung beginnt am 4. Mai um neun Uhr.",
    "2. Die Feuerwehr war schnell vor Ort.",
    "The storm reached the coast at 5 p.m. on Friday. Ferries were cancelled.",
    "Work will start in 2027. The budget is 40 million euros.",
    "The company was founded by Tom Hale. Hale ran it until 2019.",
    "Le conseil a voté la fermeture. Les habitants ont protesté.",
    "The vote passed by 12 votes to 4. The mayor thanked the council.",
    'He shouted "Stop!" and ran. The car did not stop.',
    "The talks ended at midnight.  Both sides will meet again in spring.",
    "Officials at NATO. The alliance said nothing more.",
]


@pytest.mark.parametrize("paragraph", PARAGRAPHS)
def test_plain_sentences_are_split_as_the_segmenter_splits_them(
    paragraph: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = sentences.plain_spans(paragraph)
    monkeypatch.setattr(sentences, "plain_spans", lambda _paragraph: None)
    segmented = sentences.paragraph_spans.__wrapped__(paragraph)
    assert plain is None or plain == segmented


def test_most_plain_paragraphs_skip_the_segmenter() -> None:
    def plain(number: int) -> list[str] | None:
        paragraph = PARAGRAPHS[number]
        spans = sentences.plain_spans(paragraph)
        return None if spans is None else [paragraph[a:b] for a, b in spans]

    assert plain(0) == [PARAGRAPHS[0]]
    assert plain(1) == [
        "The council voted to close the library.",
        "Residents said they would appeal the decision.",
    ]
    # a number's point is no stop; a stop after a number is
    assert plain(5) == [
        "Turnout rose to 64.5 per cent in 2024.",
        "Officials expect more next year!",
    ]
    assert plain(19) == ["The vote passed by 12 votes to 4.", "The mayor thanked the council."]
    assert plain(21) == ["The talks ended at midnight.", "Both sides will meet again in spring."]
    # colons, brackets, abbreviations, titles, a list's number: the segmenter's
    for unplain in (3, 7, 8, 9, 10, 11, 12, 14, 15):
        assert plain(unplain) is None, PARAGRAPHS[unplain]


def test_a_bracket_closed_after_a_space_opens_no_sentence() -> None:
    # the segmenter breaks before "(" here; no sentence ended before it
    text = "Readers mourned the closure of Hai Bao (Sea Wave ), a weekly magazine, last year."
    assert [s.text for s in split_sentences(text)] == [text]


def test_a_bracketed_sentence_after_a_stop_stays_a_sentence() -> None:
    text = "The magazine closed last year. (It had run for a decade.) Then its editor left."
    assert len(split_sentences(text)) == 3
