"""Correction notes wherever a page sets them, so that a corrected article is no silent edit."""

from __future__ import annotations

import lxml.html

from newswatch.claims import correction_notes, is_silent
from newswatch.extract import extract
from newswatch.notes import page_classes

URL = "https://coast.test/news/dredging"
NOTE = "Correction: An earlier version of this article gave the wrong volume of silt."
BODY = (
    "<p>The harbour authority approved a plan on Tuesday to dredge the eastern channel, ending "
    "a dispute that had delayed cargo ships for most of the autumn.</p>"
    "<p>Under the plan, contractors will remove about {silt} cubic metres of silt before the "
    "end of March, the authority said in a statement.</p>"
    "<p>The council will vote on the budget for the work next month.</p>"
)


def page(silt: str = "40,000", above: str = "", below: str = "", footer: str = "") -> str:
    return (
        "<html><head><title>Channel to be dredged</title></head><body><main><article>"
        f'<h1>Channel to be dredged</h1>{above}<div class="article-body">'
        f"{BODY.format(silt=silt)}{below}</div></article></main><footer>{footer}</footer>"
        "</body></html>"
    )


def lines_of(html: str) -> list[str]:
    return extract(html, URL).text.splitlines()


def test_a_note_in_a_box_above_the_body_is_in_the_text_once() -> None:
    for box in (
        f'<aside class="correction"><p>{NOTE}</p></aside>',
        f'<div class="editors-note"><h3>Correction</h3><p>{NOTE.split(": ", 1)[1]}</p></div>',
        f"<p><em><strong>Correction</strong>: {NOTE.split(': ', 1)[1]}</em></p>",
    ):
        lines = lines_of(page(above=box))
        notes = [line for line in lines if "earlier version" in line]
        assert len(notes) == 1, (box, lines)


def test_a_note_extraction_keeps_is_not_repeated() -> None:
    lines = lines_of(page(below=f"<p>{NOTE}</p>"))
    assert sum("earlier version" in line for line in lines) == 1


def test_update_stamps_and_the_page_s_chrome_are_no_notes() -> None:
    stamp = "<p>Updated: 3 December 2026, 10:32 GMT</p>"
    lines = lines_of(page(above=stamp, footer=f"<p>{NOTE}</p>"))
    assert not any("earlier version" in line for line in lines)
    assert not any(
        line.startswith("Updated: 3 December") and i == 0 for i, line in enumerate(lines)
    )


def test_a_correction_noted_in_an_aside_is_no_silent_edit() -> None:
    old = extract(page(), URL).text
    new = extract(
        page(silt="30,000", above=f'<aside class="correction"><p>{NOTE}</p></aside>'), URL
    )
    assert correction_notes(new.text) - correction_notes(old)
    assert not is_silent("high", None, None, old, new.text)
    assert is_silent("high", None, None, old, extract(page(silt="30,000"), URL).text)


STANDFIRST = "Authority backs the plan despite the fishing crews' fears for the spawning grounds"


def test_a_standfirst_above_the_body_is_the_text_s_first_line() -> None:
    for marked in (
        f'<p class="standfirst">{STANDFIRST}</p>',
        f'<div class="article__dek"><p>{STANDFIRST}</p></div>',
        f'<h2 data-component="standfirst">{STANDFIRST}</h2>',
        f'<p class="article-deck">{STANDFIRST}</p>',
        f'<h2 class="c-article__subtitle">{STANDFIRST}</h2>',
    ):
        assert lines_of(page(above=marked))[0] == STANDFIRST, marked


def test_a_teaser_s_summary_is_no_standfirst_and_one_in_the_body_is_not_repeated() -> None:
    teaser = (
        '<aside><a href="/other"><h3>Ferry fares to rise</h3>'
        '<p class="dek">Operators blame the cost of fuel for the third rise this year</p></a></aside>'
    )
    assert not any("Operators blame" in line for line in lines_of(page(above=teaser)))
    inside = lines_of(page(below=f'<p class="standfirst">{STANDFIRST}</p>'))
    assert sum(STANDFIRST in line for line in inside) == 1
    microdata = (
        '<div itemscope itemtype="https://schema.org/Product">'
        '<span itemprop="description">A waterproof jacket for the ferry crossing, in four colours'
        "</span></div>"
    )
    assert not any("waterproof" in line for line in lines_of(page(above=microdata)))
    story = (
        '<div itemscope itemtype="https://schema.org/NewsArticle">'
        f'<p itemprop="description">{STANDFIRST}</p></div>'
    )
    assert lines_of(page(above=story))[0] == STANDFIRST


POINTS = (
    "The authority approved dredging of the eastern channel",
    "Contractors will remove 40,000 cubic metres of silt by March",
)
POINT_ITEMS = "".join(f"<li>{point}</li>" for point in POINTS)


def test_a_key_points_box_above_the_body_is_in_the_text() -> None:
    box = f'<div class="article__key-points"><h2>Key points</h2><ul>{POINT_ITEMS}</ul></div>'
    assert lines_of(page(above=box))[:2] == [f"- {point}" for point in POINTS]


def test_a_list_under_a_key_points_heading_is_in_the_text_whatever_its_class() -> None:
    box = f'<div class="summary-box"><h3>Key points:</h3><ul>{POINT_ITEMS}</ul></div>'
    assert lines_of(page(above=box))[:2] == [f"- {point}" for point in POINTS]
    # a box of links under such a heading elsewhere on the page is not the story's
    teasers = (
        "<html><head><title>Channel to be dredged</title></head><body><main><article>"
        f"<h1>Channel to be dredged</h1><div>{BODY.format(silt='40,000')}</div></article></main>"
        "<footer><h3>What we know</h3><ul><li>Storm warning issued for the coast road</li></ul>"
        "</footer></body></html>"
    )
    assert not any("Storm" in line for line in lines_of(teasers))


def test_a_highlights_strip_of_links_is_no_key_points() -> None:
    strip = (
        '<div class="highlights"><ul><li><a href="/v1">Watch: the storm hits the pier</a></li>'
        '<li><a href="/v2">Watch: ferries cancelled</a></li></ul></div>'
    )
    assert not any("Watch" in line for line in lines_of(page(above=strip)))


def test_a_correction_note_put_up_or_taken_down_is_labelled_and_alerts() -> None:
    from newswatch.diff import compare
    from newswatch.review import ClaimView

    text = "The council voted on Tuesday to close two of the city's libraries."
    noted = f"{text}\n\nCorrection: An earlier version of this story said three."
    for old, new, label in (
        (text, noted, "Correction note added"),
        (noted, text, "Correction note removed"),
    ):
        (claim,) = compare(old, new).claims
        view = ClaimView(claim.kind, claim.severity, claim.old_value, claim.new_value, None, None,
                         claim.detail)  # fmt: skip
        assert (view.label, claim.severity) == (label, "medium")
    updated = f"{text}\n\nThis story has been updated."
    (pruned,) = compare(updated, text).claims  # sites prune update notes: shown, not alerted
    assert (pruned.severity, "note" in pruned.detail) == ("low", False)


def test_the_classes_a_box_is_known_by_are_read_in_lower_case() -> None:
    tree = lxml.html.fromstring(
        '<html><body><p class="Story-Standfirst lead">A</p><div data-component="Summary">'
        "B</div><p>class=standfirst in the text is no class</p></body></html>"
    )
    assert page_classes(tree).split() == ["story-standfirst", "lead", "summary"]
