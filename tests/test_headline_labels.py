"""What a headline wears around itself: labels, coverage marks and the site's name."""

from __future__ import annotations

import pytest

from newswatch.headline_labels import bare_headline, without_site_name


@pytest.mark.parametrize(
    ("headline", "bare"),
    [
        ("Channel to be dredged | Coast Post", "Channel to be dredged"),
        ("Ferry firm drops route – Coast Post", "Ferry firm drops route"),
        ("LIVE: Channel to be dredged (video)", "Channel to be dredged"),
        ("Analysis: why the channel matters", "why the channel matters"),
        ("Storm hits coast - 3 dead", "Storm hits coast - 3 dead"),
        ("Storm hits coast - three dead", "Storm hits coast - three dead"),
        ("Live music returns to the harbour", "Live music returns to the harbour"),
        ("UPDATE 2-Ferry firm drops route", "Ferry firm drops route"),
        ("REFILE-Ferry firm drops route", "Ferry firm drops route"),
        ("WATCH LIVE: Ferry firm drops route", "Ferry firm drops route"),
        ("Live-music nights return to the harbour", "Live-music nights return to the harbour"),
        ("Ferry Firm Drops Route - The Harbour Times", "Ferry Firm Drops Route"),
        ("Ferry firm drops route - CPN", "Ferry firm drops route"),
        ("Ferry firm drops route - Bloomberg", "Ferry firm drops route"),
        ("Ferry firm drops route - Coastpost.com", "Ferry firm drops route"),
        ("Ferry firm drops route -- Coastpost.net", "Ferry firm drops route"),
        # Title Case after a dash is a second headline unless it reads as a site's name
        ("Storm Hits Coast - Minister Resigns", "Storm Hits Coast - Minister Resigns"),
        # a label before a bar: the headline is what follows it
        ("Breaking | Ferry firm drops route", "Ferry firm drops route"),
        # a label with a figure after it in the headline is still only a label
        ("LIVE: Ferry crash leaves 3 hurt", "Ferry crash leaves 3 hurt"),
        # labels and coverage marks in other languages
        ("EN DIRECTO | Tormenta en la costa", "Tormenta en la costa"),
        ("EN DIRECT - Tempête : des vents à 150 km/h", "Tempête : des vents à 150 km/h"),
        ("Liveticker: Sturm an der Küste", "Sturm an der Küste"),
        ("+++ Eilmeldung +++ Sturm an der Küste", "Sturm an der Küste"),
        ("Sturm an der Küste im Liveticker", "Sturm an der Küste"),
        ("Tempête sur la côte : ce que l'on sait", "Tempête sur la côte"),
        ("+++ 3 Tote +++ Sturm an der Küste", "+++ 3 Tote +++ Sturm an der Küste"),
    ],
)
def test_a_headline_s_labels_and_site_name_are_not_the_headline(headline: str, bare: str) -> None:
    assert bare_headline(headline) == bare


@pytest.mark.parametrize(
    "headline",
    ["Storm batters coast - live updates", "Storm batters coast: what we know",
     "LIVE: Storm batters coast", "Storm batters coast - and what comes next",
     "Storm batters coast: why it matters", "Storm batters coast: what it means for you"],
)  # fmt: skip
def test_coverage_marks_are_not_the_headline(headline: str) -> None:
    assert bare_headline(headline) == "Storm batters coast"


def test_a_headline_that_asks_what_comes_next_keeps_its_words() -> None:
    assert bare_headline("What comes next for the coast") == "What comes next for the coast"


def test_the_site_s_name_is_taken_off_the_title_tag() -> None:
    assert (
        without_site_name("Storm batters coast | Coast Post", "Coast Post") == "Storm batters coast"
    )
    assert without_site_name("Coast Post", "Coast Post") == "Coast Post"
    for separator in (" -- ", " // ", " » "):
        titled = f"Storm batters coast{separator}Coast Post"
        assert without_site_name(titled, "Coast Post") == "Storm batters coast"


@pytest.mark.parametrize("label", ["Interview", "Poll", "Review", "Q&A", "Comment", "Audio"])
def test_a_front_label_is_no_headline_and_no_source(label: str) -> None:
    from newswatch.sourcing import COLON_SOURCE

    headline = f"{label}: Ferry crews vote to strike"
    assert bare_headline(headline) == "Ferry crews vote to strike"
    assert COLON_SOURCE.match(headline) is None
    assert COLON_SOURCE.match("Coastguard: Ferry crews vote to strike") is not None
