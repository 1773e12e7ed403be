"""Properties of compare() that must hold for any pair of texts."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newswatch.diff import compare

WORDS = [
    "the",
    "plan",
    "army",
    "troops",
    "said",
    "not",
    "will",
    "may",
    "Reyes",
    "Orsk",
    "council",
    "600,000",
    "12%",
    "$5bn",
    "Monday",
    "amnesty",
    "clause",
    "never",
    "reportedly",
]
word = st.one_of(st.sampled_from(WORDS), st.text(alphabet="abcdefghij", min_size=1, max_size=8))
sentence = st.lists(word, min_size=1, max_size=12).map(lambda ws: " ".join(ws).capitalize() + ".")
quoted = sentence.map(lambda s: f'"{s[:-1]}," Reyes said.')
paragraph = st.lists(st.one_of(sentence, quoted), min_size=1, max_size=4).map(" ".join)
text = st.lists(paragraph, min_size=0, max_size=5).map("\n".join)
fast = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@fast
@given(text)
def test_a_text_compared_with_itself_has_no_claims(a: str) -> None:
    result = compare(a, a, old_headline="Headline", new_headline="Headline")
    assert result.claims == []
    assert all(unit.kind == "unchanged" for unit in result.units)


@fast
@given(text, text)
def test_spans_always_index_the_inputs(a: str, b: str) -> None:
    result = compare(a, b, old_headline="Cap at 600,000", new_headline="Cap at 800,000")
    for claim in result.claims:
        old_text, new_text = (
            ("Cap at 600,000", "Cap at 800,000") if claim.kind == "headline" else (a, b)
        )
        for span, source in ((claim.old_span, old_text), (claim.new_span, new_text)):
            assert span is not None
            start, end = span
            assert 0 <= start <= end <= len(source), (claim, span)
        if claim.old_value and claim.kind in ("number", "removed"):
            assert old_text[claim.old_span[0] : claim.old_span[1]] == claim.old_value  # type: ignore[index]
        if claim.new_value and claim.kind in ("number", "added"):
            assert new_text[claim.new_span[0] : claim.new_span[1]] == claim.new_value  # type: ignore[index]


@fast
@given(text, text)
def test_every_sentence_belongs_to_exactly_one_unit(a: str, b: str) -> None:
    result = compare(a, b)
    old_seen = sorted(i for unit in result.units for i in unit.old)
    new_seen = sorted(j for unit in result.units for j in unit.new)
    assert old_seen == list(range(len(result.old_sentences)))
    assert new_seen == list(range(len(result.new_sentences)))


@fast
@given(text, st.data())
def test_an_edit_of_one_sentence_is_found(a: str, data: st.DataObject) -> None:
    lines = a.split("\n") if a else []
    extra = data.draw(sentence)
    b = "\n".join([*lines, extra])
    result = compare(a, b)
    if extra.strip() and extra not in a:
        assert result.changed
