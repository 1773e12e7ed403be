"""Changes a page's serving makes (here: a paywall lifted) are kept but ranked down; an edit in
the text both versions show keeps its rank. Live pages and the headline line: test_claims."""

from newswatch.diff import compare

PARAGRAPHS = [
    "The harbour authority approved a new ferry timetable on Wednesday after a month of talks.",
    "Crossings to the outer islands will run every ninety minutes from March.",
    "The change will cost about 2.4 million a year, paid from the port levy.",
    "Union representatives said their members had accepted the new rosters.",
    "Island councils had asked for a later last crossing on Fridays.",
]
PROMPT = "Subscribe to continue reading."


def text(paragraphs: list[str]) -> str:
    return "\n".join(paragraphs)


def test_the_rest_of_an_article_first_seen_behind_a_paywall_does_not_alert() -> None:
    behind = text([*PARAGRAPHS[:2], PROMPT])
    whole = text(PARAGRAPHS)
    lifted = compare(behind, whole)
    assert lifted.severity == "low"
    ranked = {(c.kind, c.severity, str(c.detail.get("paywall"))) for c in lifted.claims}
    assert ("added", "low", "shown in full") in ranked
    assert ("removed", "cosmetic", "prompt") in ranked
    # without the prompt in the old text, the same additions are new reporting
    assert compare(text(PARAGRAPHS[:2]), whole).severity in ("medium", "high")


def test_an_edit_in_the_text_shown_before_the_wall_still_alerts() -> None:
    behind = text([*PARAGRAPHS[:2], PROMPT])
    edited = [PARAGRAPHS[0], PARAGRAPHS[1].replace("ninety", "sixty"), *PARAGRAPHS[2:]]
    change = compare(behind, text(edited))
    assert change.severity == "high"
    assert any(c.kind == "number" and "paywall" not in c.detail for c in change.claims)


def test_a_live_post_scrolled_off_beside_a_new_one_that_denies_it_stays_low() -> None:
    # beside each other, a removed and an added sentence with a "no" between them are a claim
    # denied (medium) on an article; on a live page they are a post gone and a post come
    posts = ["Ferry services to the islands resumed at dawn after the storm.", *PARAGRAPHS[1:]]
    newer = ["Officials say there will be no island ferry services until Friday.", *PARAGRAPHS[1:]]
    for live, added in ((True, "low"), (False, "medium")):
        claims = compare(text(posts), text(newer), live=live).claims
        assert [c.severity for c in claims if c.kind == "added"] == [added]
