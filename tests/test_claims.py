"""Data-driven checks of the claim engine: tests/data/claim_cases.json, pairs we wrote."""

import json
from pathlib import Path
from typing import Any

import pytest

from newswatch.claims import clause_label, correction_notes, is_silent
from newswatch.demo.site import DemoSite
from newswatch.diff import Comparison, compare
from newswatch.extract import extract
from newswatch.sources import severity_rank

CASES = json.loads((Path(__file__).parent / "data" / "claim_cases.json").read_text("utf-8"))


def demo_text(version: int) -> tuple[str, str]:
    site = DemoSite()
    site.publish(version)
    page = extract(site.render().encode(), "http://127.0.0.1/demo")
    return page.headline, page.text


def run(case: dict[str, Any]) -> Comparison:
    old_h: str | None
    new_h: str | None
    if "demo" in case:
        (old_h, old), (new_h, new) = (demo_text(v) for v in case["demo"])
    else:
        old, new = case["old"], case["new"]
        old_h, new_h = case.get("old_headline"), case.get("new_headline")
    return compare(
        old, new, old_headline=old_h, new_headline=new_h, terms=tuple(case.get("terms", ()))
    )


def matches(claim: Any, wanted: dict[str, Any]) -> bool:
    for key, value in wanted.items():
        if key == "speaker":
            if claim.detail.get("speaker") != value:
                return False
        elif key in ("clause", "terms"):
            if claim.detail.get(key) != value:
                return False
        elif getattr(claim, key) != value:
            return False
    return True


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_claim_case(case: dict[str, Any]) -> None:
    result = run(case)
    described = [(c.kind, c.severity, c.old_value, c.new_value, c.detail) for c in result.claims]
    for wanted in case.get("expect", []):
        assert any(matches(c, wanted) for c in result.claims), (wanted, described)
    kinds = {c.kind for c in result.claims if c.severity != "cosmetic"}
    for kind in case.get("forbid", []):
        assert kind not in kinds, (kind, described)
    if "alert" in case:
        worthy = severity_rank(result.severity) >= severity_rank("medium")
        assert worthy is case["alert"], described
    if "forbid_detail" in case:  # no claim may carry this detail ("tense")
        assert not any(case["forbid_detail"] in c.detail for c in result.claims), described
    if "max_claims" in case:
        assert len(result.claims) <= case["max_claims"], described
    for unit_kind in case.get("units", []):
        assert any(u.kind == unit_kind for u in result.units), result.units


def test_every_kind_is_covered_by_a_case() -> None:
    covered = {w["kind"] for case in CASES for w in case.get("expect", [])}
    covered |= {k for case in CASES for k in case.get("forbid", [])}
    assert {
        "number",
        "negation",
        "fact",
        "quote",
        "entity",
        "attribution",
        "hedge",
        "added",
        "removed",
        "moved",
        "headline",
        "cosmetic",
        "reworded",
    } <= covered


def test_clause_labels() -> None:
    assert clause_label("- Clause 12: All combatants...") == "Clause 12"
    assert clause_label("Point 7 of the plan says") == "Point 7"
    assert clause_label("Article IV: borders") == "Article iv"
    assert clause_label("The clause 7 debate") is None


def test_silent_edits_and_correction_notes() -> None:
    plain = "The cap is 800,000."
    noted = plain + "\nCorrection: an earlier version of this article gave the wrong figure."
    assert correction_notes(noted) and not correction_notes(plain)
    assert is_silent("high", None, None, "The cap is 600,000.", plain)
    assert not is_silent("high", None, None, "The cap is 600,000.", noted)
    assert not is_silent("high", "2026-11-19", "2026-11-20", "a", "b")
    assert not is_silent("low", None, None, "a", "b")


LIVE_POSTS = [
    "Power has been cut to about 4,000 homes in the eastern districts, the grid operator said.",
    "Police asked drivers to stay off the coastal road until the evening.",
    "The council has opened three shelters in the north of the city.",
    "Winds of 90 km/h were measured at the harbour, the weather office said.",
    "Schools will stay closed on Tuesday, the education board announced.",
]


def live(posts: list[str]) -> str:
    return "\n".join(posts)


def test_a_live_page_s_new_posts_and_posts_scrolled_off_do_not_alert() -> None:
    """A live blog gains posts at the top and drops the oldest off its end on every visit:
    recorded, ranked low, never above the alerting floor."""
    old, new = live(LIVE_POSTS[1:]), live(LIVE_POSTS[:4])
    plain = compare(old, new)
    assert plain.severity in ("medium", "high")  # an ordinary article: real additions, losses
    moved_on = compare(old, new, live=True)
    assert {(c.kind, c.severity, c.detail["live"]) for c in moved_on.claims} == {
        ("added", "low", "new post"),
        ("removed", "low", "scrolled off"),
    }


def test_a_live_page_that_adds_at_its_end_drops_from_its_start() -> None:
    moved_on = compare(live(LIVE_POSTS[:4]), live(LIVE_POSTS[1:]), live=True)
    assert moved_on.severity == "low"
    assert {c.detail["live"] for c in moved_on.claims} == {"new post", "scrolled off"}


def test_a_live_post_edited_or_taken_out_from_the_middle_still_alerts() -> None:
    edited = [p.replace("three shelters", "five shelters") for p in LIVE_POSTS]
    figure = compare(live(LIVE_POSTS), live(edited), live=True)
    assert [(c.kind, c.severity) for c in figure.claims] == [("number", "high")]
    taken_out = compare(live(LIVE_POSTS), live(LIVE_POSTS[:3] + LIVE_POSTS[4:]), live=True)
    assert [(c.kind, c.severity) for c in taken_out.claims] == [("removed", "high")]
    assert "live" not in taken_out.claims[0].detail


def test_a_watch_term_in_a_new_live_post_alerts() -> None:
    old, new = live(LIVE_POSTS[1:]), live(LIVE_POSTS)
    plain = compare(old, new, live=True)
    watched = compare(old, new, live=True, terms=("grid operator",))
    assert plain.severity == "low" and watched.severity == "medium"


def test_a_sentence_added_to_or_cut_from_a_live_post_is_an_edit_not_a_new_post() -> None:
    """A post is a paragraph of its own: a sentence that joins or leaves a paragraph which
    stays is an edit of that post, and keeps its rank even at the page's ends."""
    grown = [*LIVE_POSTS[:1], LIVE_POSTS[1] + " The ferry to the islands will not sail."]
    added = compare(live(LIVE_POSTS[:2]), live(grown), live=True)
    assert [c.kind for c in added.claims] == ["added"]
    assert added.claims[0].severity != "low" and "live" not in added.claims[0].detail
    cut = compare(live(grown), live(LIVE_POSTS[:2]), live=True)
    assert [c.kind for c in cut.claims] == ["removed"]
    assert cut.claims[0].severity != "low" and "live" not in cut.claims[0].detail


def test_a_live_page_that_kept_nothing_is_not_read_as_posts_scrolling_off() -> None:
    """Every old sentence gone: a different page (an error page's text, a new layout), so its
    losses keep their rank."""
    replaced = compare(live(LIVE_POSTS[3:]), live(LIVE_POSTS[:2]), live=True)
    assert any(c.kind == "removed" and c.severity != "low" for c in replaced.claims)


def test_the_headline_coming_into_or_leaving_the_text_is_cosmetic() -> None:
    """Extraction takes a page's <h1> into its text on some layouts and not on others; a line
    that is only the headline changes nothing the article claims."""
    headline = "Storm on the coast: live"
    body = live(LIVE_POSTS[:3])
    with_headline = live([LIVE_POSTS[0], headline, *LIVE_POSTS[1:3]])
    for old, new in ((with_headline, body), (body, with_headline)):
        change = compare(old, new, old_headline=headline, new_headline=headline)
        assert change.severity == "cosmetic" and change.claims[0].detail["headline"]
    # without the headline to compare with, the same line is an ordinary sentence
    assert compare(with_headline, body).severity != "cosmetic"
