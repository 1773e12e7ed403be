import pytest

from newswatch.numbers import find_figures


def keys(text: str) -> list[tuple[str, str]]:
    return [f.key for f in find_figures(text)]


@pytest.mark.parametrize(
    "a, b",
    [
        ("600,000 troops", "600 000 troops"),
        ("600,000 troops", "600k troops"),
        ("2m people", "two million people"),
        ("2.5m barrels", "2,500,000 barrels"),
        ("1.5 million people", "1,500,000 people"),
        ("$2bn", "$2 billion"),
        ("12 per cent", "12%"),
        ("fell by a fifth", "fell 20%"),
        ("one and a half years", "18 months"),
        ("two and a half hours", "2.5 hours"),
        ("rose by half", "rose 50%"),
        ("formed in the 1990s", "formed in the nineties"),
        ("at 10:30 a.m.", "at 10.30am"),
        ("at 5pm", "at 17:00"),
        ("at noon", "at 12 p.m."),
        ("at midnight", "at 12am"),
        ("twenty-five people", "25 people"),
        ("several hundred people", "hundreds of people"),
        ("a few thousand people", "thousands of people"),
        ("1.2 million euros", "€1.2m"),
        ("1.2 billion pounds", "£1.2bn"),
        ("two thousand people", "2,000 people"),
        ("the 2019-2020 season", "the 2019–20 season"),
        ("since the 1990s", "since the '90s"),
        ("ten percent", "10%"),
        ("the twenty-first attack", "the 21st attack"),
        ("passed in 1998", "passed in '98"),
        ("half of the residents", "50% of the residents"),
        ("more than half said so", "more than 50% said so"),
        ("a quarter of the staff", "25 per cent of the staff"),
        ("two-thirds of members", "67% of members"),
        ("one in four adults", "25% of adults"),
        ("nine out of 10 voters", "90% of voters"),
        ("a lead of five points", "a lead of 5 percentage points"),
        ("it reached 40C", "it reached 40 degrees Celsius"),
        ("it reached 40 °C", "it reached 40°C"),
        ("at 0900 GMT", "at 09:00 GMT"),
        ("lasted a week", "lasted seven days"),
        ("for 18 months", "for a year and a half"),
        ("began a week ago", "began last week"),
        ("rose a quarter point", "rose 25 basis points"),
        ("rose 0.5 percentage points", "rose 50bp"),
        ("filed on 05/12/2026", "filed on 5/12/2026"),
        ("updated 2026-12-05", "updated December 5, 2026"),
        ("on 5 January", "on January 5"),
        ("profit in Q3", "profit in the third quarter"),
        ("in the three months to September", "in the third quarter"),
        ("at 10.45 local time", "at 10:45 local time"),
        ("fell to minus 5C", "fell to -5C"),
        ("fell to −5C", "fell to -5C"),
        ("half a million people", "500,000 people"),
        ("um 3,5 Prozent", "um 3,5 %"),
        ("12 Millionen Euro", "€12m"),
        ("12 Mio. Euro", "12 Millionen Euro"),
        ("de 3,5 pour cent", "de 3,5 %"),
        ("2 Mrd. Euro", "2 billion euros"),
        ("rose 10 per cent", "rose 10pc"),
        ("on 3 March", "on 3rd March"),
        ("on 3 March", "on the 3rd of March"),
        ("am 5. März 2026", "on 5 March 2026"),
        ("le 5 mars", "on 5 March"),
        ("el 5 de marzo de 2026", "5 March 2026"),
        ("am 5. April", "on 5 April"),
    ],
)
def test_the_same_figure_written_differently_is_equal(a: str, b: str) -> None:
    assert keys(a) == keys(b)


@pytest.mark.parametrize(
    "a, b",
    [
        ("600,000 troops", "800,000 troops"),
        ("5%", "5 dollars"),
        ("$5", "5"),
        ("on Monday", "on Tuesday"),
        ("three people", "four people"),
        ("at 8 a.m.", "at 8 p.m."),
        ("at 10:30am", "at 10:45am"),
        ("at 5pm", "5 people"),
        ("twenty-five people", "twenty-six people"),
        ("5 pounds of fish", "£5"),  # pounds weigh as often as they pay
        ("10-15 people", "10-20 people"),  # a range's end counts
        ("it ended 3-1", "it ended 3-2"),
        ("rose 5%", "rose 5 percentage points"),  # a share is not a share's change
        ("one in three adults", "one in four adults"),
        ("half of the residents", "a third of the residents"),
        ("won 3 in 4 days", "won 75% of games"),  # a count in a span of time is no share
        ("it reached 40C", "it reached 40F"),
        ("within a year", "within two years"),
        ("two days", "two weeks"),
        ("arrested on 5/12", "arrested on 6/12"),
        ("tens of thousands marched", "thousands marched"),
        ("fell to -5C", "fell to 5C"),
        ("shrank 0.3%", "shrank -0.3%"),
        ("am 5. März", "am 5. Mai"),
    ],
)
def test_different_figures_differ(a: str, b: str) -> None:
    assert keys(a) != keys(b)


def test_spans_index_the_text() -> None:
    text = "Troops will be capped at 600,000 from 1 March, a 12% cut, costing $1.5bn."
    for figure in find_figures(text):
        assert text[figure.span[0] : figure.span[1]] == figure.surface
    assert [f.surface for f in find_figures(text)] == ["600,000", "1 March", "12%", "$1.5bn"]


def test_codes_and_verbs_are_not_figures() -> None:
    assert find_figures("COVID-19 hit the G7 states; it may spread") == ()
    assert keys("The probe reached Mars in May") == keys("It landed in May")  # a planet


@pytest.mark.parametrize(
    "text",
    [
        "Residents had asked for one after the floods.",
        "No one was hurt.",
        "No-one was hurt.",
        "She is in her thirties.",
        "This one stays open.",
        "She was one of the judges.",
        "They wanted a ferry, not one that sank.",
    ],
)
def test_one_standing_for_a_thing_is_no_count(text: str) -> None:
    assert [f for f in find_figures(text) if f.kind == "number"] == []


@pytest.mark.parametrize(
    "text", ["One soldier was hurt.", "The attack killed one guard and two drivers."]
)
def test_one_as_a_count_is_a_figure(text: str) -> None:
    assert ("number", "1") in [f.key for f in find_figures(text)]


def test_a_date_keeps_its_year_and_a_year_alone_is_a_number() -> None:
    figures = find_figures("Signed on March 4, 2008 in Oslo; talks began 4 June 2007 and in 2006.")
    assert [f.key for f in figures] == [
        ("date", "m3d4y2008"),
        ("date", "m6d4y2007"),
        ("number", "2006"),
    ]


def test_a_time_of_day_is_its_own_kind_and_scores_are_not_times() -> None:
    assert keys("The polls close at 8pm.") == [("time", "20:00")]
    assert keys("It ended 3:2 after extra time.") == [("number", "3"), ("number", "2")]
    assert keys("Turnout rose 10.30 per cent.") == [("percent", "10.3")]


def test_an_m_after_a_figure_is_metres_unless_people_or_things_are_counted() -> None:
    assert keys("The ship is 300m long.") == [("number", "300")]
    assert keys("a 5m wall") == [("number", "5")]
    assert keys("Nearly 2m people were affected.") == [("number", "2.0000e+06")]
