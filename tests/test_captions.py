"""Photo captions kept in an article's text, without their credits, and how their changes rank."""

from __future__ import annotations

from newswatch.diff import compare
from newswatch.extract import extract
from newswatch.walls import ends_at_wall

URL = "https://coast.test/news/ferry-strike"
PROSE = (
    "<p>Crews on the island ferries returned to work on Monday after a nine day strike.</p>"
    "<p>The union said its members had accepted a pay rise and a cap on night shifts.</p>"
)
CLOSE = "<p>Talks on pensions will continue next month, the operator said.</p>"


def figure(caption: str, credit: str = "Photograph: Ann Lee/Getty Images") -> str:
    return (
        '<figure><img src="/img/quay.jpg" alt="">'
        f'<figcaption>{caption} <span class="credit">{credit}</span></figcaption></figure>'
    )


def page(middle: str, *, wrapper: str = "article", after: str = "") -> str:
    return (
        "<html><head><title>Ferry strike ends</title></head><body>"
        f"<{wrapper}><h1>Ferry strike ends</h1>{PROSE}{middle}{CLOSE}</{wrapper.split()[0]}>"
        f"{after}</body></html>"
    )


def text_of(html: str) -> str:
    return extract(html, URL).text


def test_a_caption_in_the_article_is_a_paragraph_in_its_place_without_its_credit() -> None:
    lines = text_of(page(figure("Dock workers at the quay on Monday."))).splitlines()
    assert lines[2] == "Caption: Dock workers at the quay on Monday."
    assert not any("Ann Lee" in line for line in lines)


def test_a_credit_written_into_the_caption_is_left_out() -> None:
    for caption in (
        "Dock workers at the quay on Monday. Photograph: Ann Lee/Getty Images",
        "Dock workers at the quay on Monday. (AP Photo/Tom Elling)",
        "Dock workers at the quay on Monday. / Reuters",
        "Dock workers at the quay on Monday. REUTERS/Ann Lee",
        "Dock workers at the quay on Monday. (Ann Lee/The Coast Post)",
        "Dock workers at the quay on Monday. Credit...Ann Lee for the Coast Post",
        "Image caption, Dock workers at the quay on Monday.",
        "Dock workers at the quay on Monday. Screenshot by Ann Lee/Coast Post",
        "Dock workers at the quay on Monday. Foto: Ann Lee",
    ):
        text = text_of(page(figure(caption, credit="")))
        assert "Caption: Dock workers at the quay on Monday." in text.splitlines(), caption


def test_captions_outside_the_article_or_of_other_stories_are_not_its_text() -> None:
    teaser = (
        '<div class="related-stories"><figure><img src="/t.jpg">'
        "<figcaption>Storm warning issued for the weekend</figcaption></figure></div>"
    )
    aside = (
        '<aside><figure><img src="/a.jpg">'
        "<figcaption>Council leader resigns after the vote</figcaption></figure></aside>"
    )
    assert "Caption" not in text_of(page(teaser + aside))
    outside = page("", after=figure("Dock workers at the quay on Monday."))
    assert "Caption" not in text_of(outside)
    # without <article>, an articleBody or a body's class, where the article is is
    # trafilatura's to say
    assert "Caption" not in text_of(page(figure("Dock workers at the quay."), wrapper="div"))


def test_a_story_set_in_a_body_div_keeps_its_captions() -> None:
    html = page(figure("Dock workers at the quay on Monday."), wrapper='div class="story-body"')
    assert "Caption: Dock workers at the quay on Monday." in text_of(html).splitlines()


def test_a_new_credit_is_no_new_version() -> None:
    first = extract(page(figure("Dock workers at the quay on Monday.")), URL)
    again = extract(page(figure("Dock workers at the quay on Monday.", "Photo: Reuters")), URL)
    assert first.fingerprint == again.fingerprint


def claims(old_html: str, new_html: str) -> list[tuple[str, str, object]]:
    result = compare(text_of(old_html), text_of(new_html))
    return [(c.kind, c.severity, c.detail.get("caption")) for c in result.claims]


def test_a_name_put_right_in_a_caption_alerts_at_medium() -> None:
    found = claims(
        page(figure("Union secretary Mara Lindqvist at the quay on Monday.")),
        page(figure("Union secretary Ines Korver at the quay on Monday.")),
    )
    assert ("entity", "medium", "edited") in found
    assert all(severity in ("cosmetic", "low", "medium") for _, severity, _ in found)


def test_a_picture_swapped_added_or_removed_is_ranked_low() -> None:
    before = page(figure("Dock workers at the quay on Monday."))
    swapped = page(figure("The eastern channel at low tide, seen from the pier."))
    assert {s for _, s, _ in claims(before, swapped)} <= {"cosmetic", "low"}
    added = claims(page(""), before)
    assert added and all(s == "low" and why == "picture added" for _, s, why in added)
    removed = claims(before, page(""))
    assert removed and all(s == "low" and why == "picture removed" for _, s, why in removed)


def test_a_text_cut_by_a_paywall_still_ends_at_its_prompt() -> None:
    more = (
        "<p>The operator said the timetable would return to normal by Wednesday, and that "
        "tickets bought for cancelled crossings would be refunded in full within a month.</p>"
        "<p>Island businesses said the strike had cost them most of the autumn's trade, and "
        "the council said it would ask the ministry for help with the losses.</p>"
        "<p>Passengers queued at the terminal from early morning, and the first crossing left "
        "twenty minutes late, carrying lorries that had waited on the quay for a week.</p>"
    )
    walled = page(
        more
        + figure("Dock workers at the quay on Monday.")
        + "<p>Subscribe to continue reading.</p>"
    ).replace(CLOSE, "")
    assert ends_at_wall(text_of(walled))


def test_a_source_read_by_selector_keeps_its_captions_the_same_way() -> None:
    html = page(figure("Dock workers at the quay on Monday."))
    lines = extract(html, URL, selector="article").text.splitlines()
    assert "Caption: Dock workers at the quay on Monday." in lines
    assert not any("Ann Lee" in line for line in lines)


def test_a_caption_built_of_spans_reads_alike_on_both_paths() -> None:
    caption = "<span>Dock workers</span><span>at the quay</span><span>, on Monday.</span>"
    html = page(figure(caption))
    wanted = "Caption: Dock workers at the quay, on Monday."
    assert wanted in text_of(html).splitlines()
    assert wanted in extract(html, URL, selector="article").text.splitlines()
