"""bench.wording_edits: copy edits made to a saved page's text change no claim."""

from pathlib import Path

import pytest

from bench.wording_edits import EDITS, main, try_page, verdict
from newswatch.edits import Claim

PAGE = (
    "<html><head><title>Ferry fares rise</title></head><body><article><h1>Ferry fares rise</h1>"
    "<p>Ferry fares on the island routes will rise by 18% from January, the operator said on "
    "Monday, and it blamed the cost of fuel and of the new harbour dues for the increase.</p>"
    "<p>The council said that the rise was unfair to islanders, and it asked the operator to delay "
    "it until the summer, a request its leader said she would put in writing this week.</p>"
    '<p>"Islanders can\'t afford another increase this winter," said Mr Quinn, who chairs the '
    "harbour board. The operator started selling season tickets for ferries, buses and trains "
    "in March, and it was reported that most were bought by commuters.</p>"
    "<p>Its price has been criticised by the islanders' association.</p>"
    "<p>The operator runs two ferries on the route. But the council wants a third before the "
    "summer, its leader said.</p>"
    "</article></body></html>"
)


def test_every_copy_edit_of_a_page_of_our_own_is_quiet(tmp_path: Path) -> None:
    page = tmp_path / "fares.html"
    page.write_text(PAGE, "utf-8")
    found = try_page(page)
    assert not isinstance(found, str)
    results, alerts = found
    assert alerts == []
    assert set(results) == set(EDITS)
    # the contraction inside the quote is left alone: a quote's words are the speaker's
    assert results["contraction"] == "n/a"
    assert {k for k, v in results.items() if v != "n/a"} == set(EDITS) - {"contraction"}
    # where it was said put in is shown in the review (low), never an alert
    assert results.pop("statement") == "shown"
    assert set(results.values()) <= {"quiet", "n/a"}


def test_an_edit_that_changes_a_claim_is_a_false_alert() -> None:
    claim = Claim("number", "high", "18%", "19%", "18%", "19%", None, None)
    assert verdict([claim]) == "false alert"
    assert verdict([]) == "quiet"


def test_it_prints_the_totals_and_a_page_it_cannot_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "fares.html").write_text(PAGE, "utf-8")
    (tmp_path / "empty.html").write_text("<html><body></body></html>", "utf-8")
    main([str(tmp_path)])
    out = capsys.readouterr().out
    assert "empty.html" in out and "not extracted" in out
    assert "typo        1/1 quiet, 0 shown (low), 0 false alerts" in out
