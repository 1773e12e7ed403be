"""bench.page_edits: edits made in a saved page's markup, extracted and compared."""

from pathlib import Path

import pytest

from bench.page_edits import main, try_page

PAGE = (
    "<html><head><title>Ferry fares rise</title></head><body><article><h1>Ferry fares rise</h1>"
    "<p>Ferry fares on the island routes will rise by 18 per cent from January, the operator "
    "said on Monday, blaming the cost of fuel and of the new harbour dues.</p>"
    "<p>The council said the rise was unfair to islanders and asked the operator to delay it, "
    "a request its leader, Martha Quinn, said she would put in writing this week.</p>"
    '<p>"Islanders cannot afford another increase this winter," said Quinn.</p>'
    "<p>Passengers who travel every day will be offered a season ticket. The operator said "
    "the ticket would be sold from the harbour office and online. Its price has not been "
    "set, and the operator said it would be announced before the end of the month.</p>"
    "<p>Fares on the mainland routes rose by a tenth last year, when the operator said the "
    "cost of fuel was the main reason.</p>"
    "<p>The winter timetable was cut to two sailings a day last year after complaints about "
    "cancelled crossings.</p>"
    "</article></body></html>"
)


def test_each_edit_of_a_page_of_our_own_is_caught_and_the_page_again_gives_no_claim(
    tmp_path: Path,
) -> None:
    page = tmp_path / "fares.html"
    page.write_text(PAGE, "utf-8")
    results = try_page(page)
    assert results == {
        "again": "0",
        "figure": "alerts",
        "negation": "alerts",
        "sentence": "alerts",
        "name": "alerts",
        "quote": "alerts",
        "opposite": "alerts",
        "hedge": "alerts",
        "detail added": "alerts",
        "detail cut": "alerts",
    }


def test_it_prints_the_totals_and_a_page_it_cannot_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "fares.html").write_text(PAGE, "utf-8")
    (tmp_path / "empty.html").write_text("<html><body></body></html>", "utf-8")
    main([str(tmp_path)])
    out = capsys.readouterr().out
    assert "empty.html" in out and "not extracted" in out
    assert "figure    1/1 alert" in out
    assert "unedited, extracted again: 1 pages with no claim" in out
