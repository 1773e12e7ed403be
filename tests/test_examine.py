from newswatch import diff
from newswatch.examine import Stored, examine
from newswatch.extract import ExtractionError, extract

PAGE = (
    b"<html><head><title>Quay</title></head><body><article><h1>Quay plan approved</h1>"
    b"<p>The harbour council approved the plan for the new quay on Tuesday evening.</p>"
    b"<p>Work starts in March and the council expects it to cost 4 million.</p>"
    b"</article></body></html>"
)
OLD_TEXT = (
    "The harbour council approved the plan for the new quay on Tuesday evening.\n"
    "Work starts in March and the council expects it to cost 3 million."
)


def stored(known: frozenset[str]) -> Stored:
    return Stored(7, OLD_TEXT, "Quay plan approved", known, ("quay",))


def test_a_new_text_is_compared_with_the_stored_version() -> None:
    examined = examine(PAGE, "http://news.test/quay", None, None, stored(frozenset({"f-old"})))
    assert examined.comparison is not None and examined.compared_with == 7
    assert examined.comparison_with(7) is examined.comparison
    assert examined.comparison_with(8) is None  # the store moved on: the recording compares
    figures = {(c.kind, c.old_value, c.new_value) for c in examined.comparison.claims}
    assert ("number", "3 million", "4 million") in figures
    # a worker sends its comparison back and keeps no alignment: the checking process does
    assert (OLD_TEXT, examined.comparison.new_text) not in diff._aligned


def test_a_text_seen_before_and_a_first_version_are_not_compared() -> None:
    fingerprint = extract(PAGE, "http://news.test/quay").fingerprint
    again = examine(PAGE, "http://news.test/quay", None, None, stored(frozenset({fingerprint})))
    first = examine(PAGE, "http://news.test/quay", None, None, None)
    assert again.comparison is None and first.comparison is None
    assert not isinstance(again.page, ExtractionError) and again.page is not None


def test_a_page_without_article_text_comes_back_as_the_error() -> None:
    examined = examine(b"<html><body></body></html>", "http://news.test/x", None, None, None)
    assert isinstance(examined.page, ExtractionError) and examined.comparison is None
