from newswatch.diff import (
    align,
    aligned_texts,
    compare,
    inline_markdown,
    word_diff,
)


def test_alignment_finds_edits_additions_removals_and_moves() -> None:
    old = [
        "Alpha beta gamma delta.",
        "The cap is 600,000 troops.",
        "An amnesty is granted.",
        "Talks continue next week in the capital.",
        "Closing line here.",
    ]
    new = [
        "Talks continue next week in the capital.",
        "Alpha beta gamma delta.",
        "The cap is 800,000 troops.",
        "A new sentence about the commission.",
        "Closing line here.",
    ]
    units = align(old, new)
    kinds = sorted((u.kind, u.old, u.new) for u in units)
    assert ("edited", (1,), (2,)) in kinds
    assert ("removed", (2,), ()) in kinds
    assert ("added", (), (3,)) in kinds
    assert ("moved", (3,), (0,)) in kinds
    assert sorted(i for u in units for i in u.old) == list(range(len(old)))
    assert sorted(j for u in units for j in u.new) == list(range(len(new)))


def test_split_and_merge_are_recognised() -> None:
    old = ["The minister resigned on Friday and the cabinet met on Saturday to choose a successor."]
    new = ["The minister resigned on Friday.", "The cabinet met on Saturday to choose a successor."]
    (unit,) = align(old, new)
    assert unit.kind == "split" and unit.new == (0, 1)
    (unit,) = align(new, old)
    assert unit.kind == "merged" and unit.old == (0, 1)


def test_word_diff_and_inline_markdown() -> None:
    edits = word_diff("capped at 600,000 troops", "capped at 800,000 troops")
    assert (-1, "600") in edits and (1, "800") in edits
    assert (
        inline_markdown(word_diff("the only path", "a possible path"))
        == "~~the only~~ **a possible** path"
    )


def test_markdown_in_article_text_is_escaped_in_the_inline_diff() -> None:
    out = inline_markdown(word_diff("a [link](javascript:x) here", "a <b>bold</b> here"))
    assert "](javascript" not in out and "<b>" not in out


def test_compare_identical_texts_has_no_claims() -> None:
    text = "One sentence here. Another one there.\nA third."
    result = compare(text, text, old_headline="H", new_headline="H")
    assert result.claims == [] and not result.changed
    assert all(u.kind == "unchanged" for u in result.units)


def test_a_sentence_that_grew_by_a_clause_is_the_same_sentence_edited() -> None:
    old = ["Opening line.", "The ferry ran aground near the harbour.", "Closing line."]
    new = [
        "Opening line.",
        "The ferry, which had left the island at dawn with ninety passengers and a crew of"
        " eleven aboard, ran aground near the harbour.",
        "Closing line.",
    ]
    kinds = [(u.kind, u.old, u.new) for u in align(old, new)]
    assert ("edited", (1,), (1,)) in kinds
    assert [(u.kind, u.old, u.new) for u in align(new, old)][1] == ("edited", (1,), (1,))


def test_a_sentence_recast_around_its_words_is_the_same_sentence_edited() -> None:
    old = ["Opening line.", "The mill shut because of rising energy costs.", "Closing line."]
    new = ["Opening line.", "Rising energy costs led to the mill's shutdown.", "Closing line."]
    kinds = [(u.kind, u.old, u.new) for u in align(old, new)]
    assert ("edited", (1,), (1,)) in kinds


def test_a_short_sentence_is_not_paired_with_a_long_one_for_a_few_shared_words() -> None:
    old = ["Opening line.", "The ferry sank.", "Closing line."]
    new = [
        "Opening line.",
        "A second ferry was ordered by the island council for the summer timetable.",
        "Closing line.",
    ]
    kinds = {u.kind for u in align(old, new)}
    assert "edited" not in kinds and {"added", "removed"} <= kinds


def test_an_added_sentence_among_removed_ones_is_anchored_over_their_whole_stretch() -> None:
    old = (
        "The council met on Monday. It approved the harbour budget. It delayed the ferry"
        " contract. The vote was close. Residents may appeal."
    )
    new = "The council met on Monday. Officials from the port left the meeting early. Residents may appeal."
    result = compare(old, new)
    (added,) = [c for c in result.claims if c.kind == "added"]
    stretch_start = old.index("It approved") - 1
    assert added.old_span is not None
    assert (
        added.old_span[0] <= stretch_start + 1 and added.old_span[1] >= old.index("Residents") - 1
    )


def test_the_alignment_is_reused_and_never_carries_claims() -> None:
    """A change is compared when recorded, then for its review and its email: the second time
    the alignment comes from the cache, without the first call's claims in it."""
    old = "The council approved 600 homes. The vote was close."
    new = "The council approved 800 homes. The vote was close."
    first = compare(old, new, old_headline="Homes plan", new_headline="Homes plan cut")
    aligned = aligned_texts(old, new)
    assert aligned is aligned_texts(old, new)
    assert aligned.claims == [] and first.claims
    assert aligned.units == first.units and aligned.word_edits == first.word_edits


def test_two_short_sentences_sharing_their_content_words_pair() -> None:
    units = align(['"We will appeal," she said.'], ["She said they would not appeal."])
    assert [u.kind for u in units] == ["edited"]
    # a fragment is not a sentence to pair on two words
    units = align(["They were taken to nearby Hartley Bay by boat."], ["Hartley Bay."])
    assert [u.kind for u in units] != ["edited"]


def test_a_sentence_recast_around_its_one_content_word_pairs() -> None:
    units = align(["Nobody was injured."], ["There were no injuries."])
    assert [u.kind for u in units] == ["edited"]
    # another content word is another statement, removed and added
    units = align(["Nobody was injured."], ["Two firefighters were treated for smoke."])
    assert [u.kind for u in units] == ["removed", "added"]


def test_a_sentence_recast_around_its_one_figure_and_two_words_pairs() -> None:
    units = align(
        ["The number of vacancies fell for the 18th month in a row."],
        ["Vacancies have now fallen for 18 consecutive months."],
    )
    assert [u.kind for u in units] == ["edited"]
    # the figure alone is no pairing
    units = align(
        ["The factory employs 300 people."],
        ["Police said 300 protesters gathered outside the town hall."],
    )
    assert [u.kind for u in units] == ["removed", "added"]
