import lxml.html
import pytest

from newswatch.furniture import (
    dateline_length,
    drop_link_only_blocks,
    is_author_bio,
    is_boilerplate,
    is_credit,
    is_dateline,
)


@pytest.mark.parametrize(
    "line",
    [
        "Updated 12 minutes ago",
        "· Updated 3 minutes ago",
        "Write to Ann Lee at ann.lee@coastpost.example",
        "Write to",
        "™ & © 2026 Coast Post Media Group, Inc. All rights reserved.",
        "Loading weather data ...",
        "Foto: Coast Post / Ann Lee",
        "Screenshot: Harbour Board",
        "Last updated: 2 hours ago",
        "1,204 shares",
        "Advertisement",
        "Read more",
        "Posted an hour ago",
        "Read more: Harbour dredging begins after two-year delay",
        "RELATED: Ferry operator names new chief executive",
        "Watch: Crowds gather outside the parliament as the vote is counted",
        "See also | The council's budget in six charts",
        "Image source, Coast Courier photo desk",
        "Photo credit: T. Brandt",
        "© 2026 Coast Courier. All rights reserved.",
        "Copyright 2026 Valley Post Ltd",
        "5 min read",
        "Reading time: 4 minutes",
        "Listen to this article, 4 min",
        "Comments (12)",
        "3 of 12",
        "This article is more than 2 years old",
        "Most viewed",
        "More from Coast Courier:",
        "Story continues below advertisement",
        "Continue reading the main story",
        "Skip past newsletter promotion",
        "Advertisement - scroll to continue",
        "Share on WhatsApp",
        "Copy link",
        "toggle caption",
        "This article was published 3 hours ago",
        "2h ago",
        "Updated 35m ago",
        "Just now",
        "Getty Images",
        "AP Photo/Ines Korver",
        "Photo: Getty Images for the Coast Post",
        "Photograph: Tom Elling",
        "Duration 1:42",
        "Video duration: 02:15",
        "Sponsored: Find the best mortgage rates in Harbourtown today",
        "Paid content | Ten ways to insulate your loft this winter",
        "A version of this article appears in print on December 4, 2026, Section A, Page 6 with "
        "the headline: Channel to Be Dredged.",
        "This article appeared in the Saturday print edition of the Coast Post.",
        "4 min listen",
        "Listen (4 min)",
        "Read 45 comments",
        "Gift this article",
        "Back to top",
        "Click to share on Facebook (Opens in new window)",
        "Yes 54%",
        "No – 46%",
        "1,203 votes",
        "This story will be updated.",
        "This is a developing story.",
        "Check back later for updates.",
        "All rights reserved.",
        "Have you been affected by the issues in this story?",
        "Do you have information about this story? Email us at tips@example.org.",
        "Skip Twitter post",
        "End of YouTube post, 1",
        "Allow Twitter content?",
        "— Ann Lee (@annlee) December 5, 2026",
        "A post shared by Coast Post (@coastpost)",
        "View this post on Instagram",
        "This article contains content provided by Twitter. We ask for your permission before "
        "anything is loaded, as they may be using cookies.",
        "Enable JavaScript to view this content.",
        "Share page",
        "About sharing",
        "Explore more on these topics",
        "Reuse this content",
        "Next article",
        "As a subscriber, you have 10 gift articles to give each month. Anyone can read what "
        "you share.",
        "Our Standards: The Coast Wire Trust Principles.",
        "Follow Coast Wire's coverage of the storm at https://wire.example/hub/storms",
        "Coast Wire receives support from several private foundations to improve its coverage.",
        "This story was originally published by The Coast Post.",
        "See more photos:",
        "Spotted a mistake? Select the words and press Ctrl+Enter to tell the editors.",
        "Iezīmējiet tekstu un spiediet Ctrl+Enter, lai nosūtītu labojamo fragmentu redaktoram!",
    ],
)
def test_page_furniture_lines_are_boilerplate(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "The council said the vote was held 40 minutes ago and the result would be announced soon.",
        "Shares in the company fell 5 per cent.",
        "Write to your MP before Friday, the campaign urged.",
        "Contact the police on 101 if you saw the crash.",
        "Loading the ferry took three hours.",
        "The rights of tenants are all reserved to the court, the judge said.",
        "Read more about the plan in the full document, the ministry said.",
        "Related talks on pensions will resume in March, the union said.",
        "Watch crews will stay on the bridge until the storm passes.",
        "Photo evidence was shown to the court on Tuesday: three images of the lorry.",
        "Copyright law was changed in 2019, the minister said.",
        "Listen to the full interview with the mayor below.",
        "3 of 12 councillors voted against the plan.",
        "This article is more than a summary of the report, the editor said.",
        "Most viewed the decision as a defeat for the mayor.",
        "More from the minister came later",
        "AFP reported that 12 people died in the flooding.",
        "Reuters said the figures could not be checked.",
        "The story continues to change as more ferries are cancelled.",
        "Continue reading to the last page of the report, the minister told MPs.",
        "Share prices fell 4 percent after the vote.",
        "The duration of the closure is not known.",
        "Sponsored by the council, the festival drew 4,000 people.",
        "Promoted to captain in March, Lindqvist led the side to the title.",
        "Residents should read 45 comments before voting, the clerk said.",
        "Back to top of the league went Eastfield after the win.",
        "Yes, 54% of members backed the strike.",
        "The motion passed by 1,203 votes to 988.",
        "This story will be updated in the next edition of the plan, the council said.",
        "Have you been affected by the closures, the survey asked 4,000 residents.",
        "Get in touch with your local councillor, the leaflet urged. The vote is in March.",
        "A video shared by police shows the van leaving the quay.",
        "Skip the queue, officials said.",
        "Twitter posts by the minister were deleted on Monday.",
        "End of an era for the harbour, the mayor said.",
        "Accept cookies and the site tracks you, the regulator warned.",
        "Share prices fell on the news.",
        "Search teams found the boat on Tuesday.",
        "Published in March, the report was never debated.",
        "The hospital receives support from the council and two charities.",
        "This story was reported by residents before police arrived, the inquiry heard.",
    ],
)
def test_article_sentences_are_not_boilerplate(line: str) -> None:
    assert not is_boilerplate(line)


def blocks_left(body: str) -> list[str]:
    tree = lxml.html.fromstring(f"<html><body><article>{body}</article></body></html>")
    drop_link_only_blocks(tree)
    return [" ".join(b.text_content().split()) for b in tree.xpath("//p | //h2 | //h3 | //li")]


@pytest.mark.parametrize(
    "block",
    [
        '<p><a href="/a">Storm warning issued for the weekend</a></p>',
        '<p><strong><a href="/b">Council votes to close two libraries</a></strong></p>',
        '<p>» <a href="/c">Mayor steps down after nine years</a></p>',
        '<h3><a href="/d">Is the harbour ready for winter?</a></h3>',
        '<p><a href="/e">Ferries</a> | <a href="/f">Harbours</a></p>',
        # a list of other stories, each with its format, age or reading time beside the link
        '<ul><li><a href="/g">Ferry fares to rise in spring</a> <span>3 min read</span></li>'
        '<li>Video · <a href="/h">Lifeboat crew rescues two walkers</a></li>'
        '<li><a href="/i">School roof repairs finished early</a> 3 Dec 2026</li></ul>',
        # a heading beside the link, in English or another language
        '<p><strong>Related</strong><br><a href="/m">Harbour fees to rise in spring</a></p>',
        '<p><strong>Lesen Sie auch</strong><br><a href="/n">Hafengebühren steigen</a></p>',
        '<p>Lire aussi : <a href="/o">Les tarifs du port augmentent</a></p>',
        '<p><b>Leggi anche</b> <a href="/p">Il porto alza le tariffe</a></p>',
    ],
)
def test_a_block_that_is_only_a_link_to_another_story_is_dropped(block: str) -> None:
    assert blocks_left(f"<p>The council met on Monday.</p>{block}") == [
        "The council met on Monday."
    ]


@pytest.mark.parametrize(
    "block",
    [
        '<p>The plan was <a href="/plan">published on Monday</a> after a long delay.</p>',
        '<p><a href="/report">The ministry published its response on Monday.</a></p>',
        '<p>Read the <a href="/doc">full ruling</a></p>',
        '<p><a href="/x">' + "A very long linked passage " * 10 + "</a></p>",
        '<p><a href="/j">The ministry</a> said 3 December was the deadline</p>',
        '<ul><li><a href="/k">The ministry</a> will publish its response</li></ul>',
        '<ul><li><a href="/l">The full ruling of the court of appeal.</a></li></ul>',
    ],
)
def test_text_with_words_outside_its_links_or_a_linked_sentence_stays(block: str) -> None:
    assert len(blocks_left(block)) == 1


def test_the_text_after_a_dropped_block_stays() -> None:
    tree = lxml.html.fromstring(
        '<div><p>First.</p><p><a href="/a">Other story</a></p>tail words<p>Last.</p></div>'
    )
    assert drop_link_only_blocks(tree) == 1
    assert " ".join(tree.text_content().split()) == "First.tail wordsLast."


@pytest.mark.parametrize(
    "line",
    [
        "Get the best of the Coast Post in your inbox every morning. Sign up for our free "
        "newsletter.",
        "Never miss a story: get our weekend briefing with the five biggest stories, free.",
        "Follow us on Instagram for pictures from the coast.",
        "Download our app for breaking news alerts.",
        "Sign up for the morning briefing.",
        "You can now listen to this article in our app.",
        "Subscribe to our YouTube channel.",
        "Follow him on X @tomelling.",
        "Follow us on social media for the latest updates.",
        "Subscribe for £1 a week. Cancel anytime.",
        "Support independent journalism. Give to the Coast Post today.",
        "Follow Coast Post Dunmore on Facebook, X and Instagram.",
        "Follow Coast Post Dunmore on Facebook. Send your story ideas to news@coastpost.example.",
        "Send your story ideas to news@coastpost.example.",
        "Related topics: Dunmore, Fires",
        "Topics: Harbour, Council",
    ],
)
def test_calls_to_sign_up_or_follow_are_boilerplate(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "Download the contact-tracing app, the ministry urged residents on Friday.",
        '"Sign up for our newsletter," the campaign\'s flyers read.',
        "More than 3 million people have signed up for the ministry's flood alerts.",
        "Get tested if you have symptoms, the health board said. Clinics open at 8am.",
        "Sign up for our free newsletter. The board will vote on the plan in March.",
        "Follow the river north for two kilometres to reach the new crossing.",
        "Give the money back, the judge told the firm. Subscribers were owed £40 a month.",
        "Donations to the flood fund reached £2 a day per household, the charity said.",
        "The story appeared in print on Monday, and the company denied it within hours.",
        "Follow Coast Police on Facebook for updates on the search, the force said.",
        "Follow the advice of police on social media, the council urged.",
        "Send your pictures and the council will judge them in March.",
    ],
)
def test_article_sentences_about_apps_and_newsletters_are_not_calls_to_action(
    line: str,
) -> None:
    assert not is_boilerplate(line)


@pytest.mark.parametrize(
    ("sentence", "dateline"),
    [
        ("LONDON, Dec 3 (Reuters) - The board raised fees.", "LONDON, Dec 3 (Reuters) - "),
        ("KYIV, Ukraine (AP) — The board raised fees.", "KYIV, Ukraine (AP) — "),
        ("RIO DE JANEIRO — The board raised fees.", "RIO DE JANEIRO — "),
        ("US officials - who asked not to be named - said so.", ""),
        ("The board (Reuters) - said so.", ""),
        ("NATO — the alliance's chief said the talks would go on.", ""),
        ("NATO — The alliance's chief said the talks would go on.", ""),
        ("UNITED NATIONS (AP) — The council met.", "UNITED NATIONS (AP) — "),
    ],
)
def test_a_dateline_is_the_capitals_and_agency_before_the_dash(
    sentence: str, dateline: str
) -> None:
    assert dateline_length(sentence) == len(dateline)


@pytest.mark.parametrize(
    ("sentence", "alone"),
    [("LONDON (Reuters)", True), ("LONDON, Dec 3", True), ("PARIS —", True), ("NATO", False)],
)
def test_a_dateline_left_a_sentence_of_its_own_is_known(sentence: str, alone: bool) -> None:
    assert is_dateline(sentence) is alone


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("Reporting by Tom Elling; Editing by Ines Korver", True),
        ("(Additional reporting by Mira Okafor in Lisbon)", True),
        ("Mira Okafor contributed to this report.", True),
        ("Contributing: Tom Elling", True),
        ("Additional reporting by Mira Okafor.", True),
        ("Reporting by Tom Elling and Mira Okafor in Lisbon.", True),
        ("By Tom Elling", True),
        ("By Tom Elling and Mira Okafor, Harbour Correspondents", True),
        ("By Friday, officials said the road would reopen.", False),
        ("By the end of the year the channel will be nine metres deep", False),
        ("By Monday evening the water had receded", False),
        ("Reporting by local media suggested the toll was higher.", False),
        ("Editing errors led to the wrong figure being printed, the paper said.", False),
        ("The drought contributed to a fall in exports.", False),
    ],
)
def test_credits_are_told_from_sentences(line: str, credit: bool) -> None:
    assert is_credit(line) is credit


def test_a_link_standing_alone_between_paragraphs_or_quoted_is_dropped() -> None:
    tree = lxml.html.fromstring(
        "<article><p>First.</p>"
        '<a href="/a">Storm warning issued for the weekend</a>'
        '<blockquote><a href="/b">Council votes to close two libraries</a></blockquote>'
        '<div>The plan was <a href="/plan">published</a> on Monday.</div>'
        '<div><a href="/c">Bridge repairs delayed</a> again, the council said on Friday.</div>'
        "<p>Last.</p></article>"
    )
    assert drop_link_only_blocks(tree) == 2
    text = " ".join(tree.text_content().split())
    assert "Storm" not in text and "libraries" not in text
    assert "The plan was published on Monday." in text
    assert "Bridge repairs delayed again, the council said on Friday." in text


@pytest.mark.parametrize(
    ("line", "bio"),
    [
        ("Tom Elling is the Coast Post's harbour correspondent. Follow him on X.", True),
        ("Mira Okafor covers transport and the ports for the Coast Post.", True),
        ("Tom Elling was a reporter at the Valley Post for ten years.", True),
        ("Tom Elling said the council had not replied.", False),
        ("Jane Doe is the authority's chair and a former reporter.", False),  # not the byline's
    ],
)
def test_a_bio_of_the_byline_s_author_is_told_from_sentences(line: str, bio: bool) -> None:
    assert is_author_bio(line, "Tom Elling and Mira Okafor") is bio


def test_a_credit_line_of_one_long_run_of_capitals_is_read_at_once() -> None:
    """Each name word after the first needs a space or a comma before it: a pattern that let a
    run of capitals split into words any way it liked took minutes on such a line."""
    import signal

    def give_up(signum: int, frame: object) -> None:
        raise TimeoutError("the credit pattern backtracked")

    previous = signal.signal(signal.SIGALRM, give_up)
    signal.setitimer(signal.ITIMER_REAL, 5.0)
    try:
        assert not is_credit("Reporting by " + "A" * 60 + "!.")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
