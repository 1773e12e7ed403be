"""What a page says about itself (newswatch.metadata)."""

from datetime import UTC, datetime

import lxml.html
import pytest

from newswatch.metadata import meta, meta_tags, microdata_date, page_canonical, parse_date

AT = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    "value",
    ["2026-11-24T09:30:00Z", "2026-11-24T10:30:00+01:00", "2026/11/24 09:30", "1795512600000"],
)
def test_publication_times_as_pages_write_them(value: str) -> None:
    assert parse_date(value) == AT


@pytest.mark.parametrize("value", [None, "", "Saturday", "24 November", "8003098"])
def test_what_is_no_time_is_none(value: str | None) -> None:
    assert parse_date(value) is None


def test_meta_names_match_in_any_case_and_a_canonical_must_be_an_address() -> None:
    tree = lxml.html.fromstring(
        '<html><head><meta name="DC.date.issued" content="x"><link rel="canonical" '
        'href="/news/fares"></head><body></body></html>'
    )
    tags = meta_tags(tree)
    assert meta(tags, "dc.date.issued") == "x"
    assert page_canonical(tree, tags, "https://n.example/a?x=1") == "https://n.example/news/fares"


def test_a_date_given_as_microdata_on_any_element_is_read() -> None:
    tree = lxml.html.fromstring(
        "<html><body><header><span itemprop='datePublished' content='2026-11-18T13:15:00+01:00'>"
        "18.11.2026 13:15</span><time itemprop='dateModified' datetime='2026-11-19T08:00:00Z'>"
        "19 Nov</time></header><aside><span itemprop='datePublished' content='2026-10-01'>"
        "</span></aside></body></html>"
    )
    assert microdata_date(tree, "datePublished") == datetime(2026, 11, 18, 12, 15, tzinfo=UTC)
    assert microdata_date(tree, "dateModified") == datetime(2026, 11, 19, 8, 0, tzinfo=UTC)
    assert microdata_date(tree, "dateCreated") is None
