"""Readers' comments, notices, forms, share bars and lists of other stories are not the story."""

import lxml.html

from newswatch.extract import extract
from newswatch.widgets import COMMENT_PARTS, NOTICE_PARTS, WIDGET_STEMS, drop_widgets

STORY = (
    "<p>The harbour board voted on Tuesday to dredge the eastern channel before the spring "
    "tides, ending a dispute with ferry operators that had run for two years.</p>"
    "<p>Board chair Ines Korver said the work would begin in March and cost about four million "
    "euros, shared between the port and the regional government.</p>"
    "<p>Ferry operators had warned that larger vessels could not use the channel at low tide, "
    "forcing them to cancel early morning sailings through the winter.</p>"
)


def page(article_extra: str = "", after: str = "", article_class: str = "") -> bytes:
    return (
        "<!DOCTYPE html><html><head><title>Harbour board backs channel dredging</title></head>"
        f"<body><main><article class='{article_class}'><h1>Harbour board backs channel dredging"
        f"</h1>{STORY}{article_extra}</article>{after}</main></body></html>"
    ).encode()


COMMENTS = (
    "<div id='comment_list' class='box'><h2>Comments</h2>"
    "<div class='user_comment'><p>Reader One: This should have happened years ago, and the "
    "board knows it.</p><span>2 hours ago</span></div>"
    "<div class='user_comment'><p>Reader Two: Who pays when the silt comes back next "
    "winter?</p></div></div>"
)


def test_readers_comments_are_dropped_in_and_after_the_article() -> None:
    for extra, after in ((COMMENTS, ""), ("", COMMENTS)):
        text = extract(page(extra, after), "https://news.example/harbour").text
        assert "Ines Korver" in text
        assert "Reader One" not in text and "silt comes back" not in text


def test_notices_forms_and_share_bars_are_dropped() -> None:
    extra = (
        "<div class='cookie-notice'><p>We use cookies to improve the site. By continuing you "
        "accept them.</p></div>"
        "<div class='article__share'><span>Share this story</span><a href='/s'>Facebook</a></div>"
        "<form action='/signup'><p>Get the harbour news every morning, free to your inbox.</p>"
        "<input name='email'></form>"
    )
    text = extract(page(extra), "https://news.example/harbour").text
    assert "dredge the eastern channel" in text
    for gone in ("cookies", "Share this story", "every morning"):
        assert gone not in text


def test_a_list_of_other_stories_under_its_heading_is_dropped() -> None:
    extra = (
        "<h2>More Must-Reads From The Coast Post</h2><ul>"
        "<li><span>Why the </span><a href='/a'>ferry fares rose again</a></li>"
        "<li><a href='/b'>A night on the pilot boat</a><span> with the harbour crew</span></li>"
        "</ul>"
    )
    text = extract(page(extra), "https://news.example/harbour").text
    assert "ferry fares rose" not in text and "More Must-Reads" not in text
    assert "Ines Korver" in text


def test_a_list_of_other_stories_under_a_heading_in_another_language_is_dropped() -> None:
    extra = (
        "<h2>Das könnte Sie auch interessieren</h2><ul>"
        "<li><a href='/a'>Fähre fährt wieder nach Plan</a></li>"
        "<li><a href='/b'>Eine Nacht auf dem Lotsenboot</a></li></ul>"
    )
    text = extract(page(extra), "https://news.example/harbour").text
    assert "Lotsenboot" not in text and "interessieren" not in text
    assert "Ines Korver" in text


def test_a_list_of_links_that_is_part_of_the_story_stays() -> None:
    # a whole document: drop_widgets removes only what is attached to the root it is given
    tree = lxml.html.document_fromstring(
        "<div><h2>The documents the board published</h2><ul>"
        "<li><a href='/d1'>The dredging survey</a></li><li><a href='/d2'>The cost plan</a></li>"
        "</ul><p>More than forty ferries use it:</p><ul>"
        "<li><a href='/f'>Island routes</a></li></ul></div>"
    )
    assert drop_widgets(tree) == 0


def test_a_list_of_readers_latest_comments_is_dropped_in_any_language() -> None:
    # a blog's sidebar: "<reader> meinte zu <post>: <the comment's start>", each a comment link
    tree = lxml.html.document_fromstring(
        "<div><p>The board voted to dredge the channel.</p><div class='textwidget'><ul>"
        "<li><a href='/2019/ferries/#comment-6739'>Jo</a> meinte zu <b>Fares</b>: Danke!</li>"
        "<li><a href='/2019/dredge/?replytocom=6738'>Kai</a> meinte zu <b>Silt</b>: Gut.</li>"
        "</ul></div></div>"
    )
    assert drop_widgets(tree) == 1
    assert "meinte zu" not in tree.text_content()
    assert "dredge the channel" in tree.text_content()


def test_an_element_holding_the_story_stays_whatever_its_class() -> None:
    # sites mark opinion pages "comment": the article itself must never go
    text = extract(page(article_class="content--type-comment"), "https://news.example/o").text
    assert "dredge the eastern channel" in text


def test_a_long_element_named_share_is_more_than_a_share_bar() -> None:
    long_text = "<p>" + "The port's share of the cost was debated at length. " * 40 + "</p>"
    tree = lxml.html.document_fromstring(
        f"<div><section class='cost-share'>{long_text}</section></div>"
    )
    assert drop_widgets(tree) == 0


def test_every_widget_part_passes_the_first_search() -> None:
    # a part added to the lists must pass the cheap search that comes before them
    for part in COMMENT_PARTS | NOTICE_PARTS:
        assert any(stem in part for stem in WIDGET_STEMS), part
