"""One figure written another way: rounded, as its decade, as "both", in the other scale."""

from __future__ import annotations

from newswatch.edits import Pair, Side
from newswatch.figure_forms import (
    in_decade,
    less_exact,
    one_count,
    period_in_months,
    rounded,
    split_of_whole,
    streak_counted,
    year_before,
)
from newswatch.numbers import Figure, find_figures


def _figure(text: str) -> Figure:
    return find_figures(text)[0]


def test_a_figure_rounded_to_fewer_decimals_is_the_same_figure() -> None:
    assert rounded(_figure("64.2% of voters"), _figure("64% of voters"))
    assert not rounded(_figure("64 voters"), _figure("60 voters"))
    assert not rounded(_figure("£1.5bn"), _figure("£1.5m"))


def test_an_age_given_as_its_decade() -> None:
    old, new = "a 45-year-old man", "a man in his 40s"
    pair = Pair(Side(old, 0), Side(new, 0), [])
    assert in_decade(_figure(old), _figure(new), pair)
    later = "a man in his 50s"
    assert not in_decade(_figure(old), _figure(later), Pair(Side(old, 0), Side(later, 0), []))


def test_a_count_with_its_unit_after_it_is_the_same_count() -> None:
    old, new = "rose for five consecutive weeks", "rose for five weeks in a row"
    assert one_count(_figure(old), _figure(new), old, new)
    assert one_count(_figure(new), _figure(old), new, old)
    later = "rose for six weeks in a row"
    assert not one_count(_figure(old), _figure(later), old, later)
    days = "rose for five days in a row"
    assert not one_count(_figure(old), _figure(days), old, days)


def test_the_third_time_is_three_times() -> None:
    old, new = "the third time this year", "shut three times this year"
    assert one_count(_figure(old), _figure(new), old, new)
    again = "shut three more people this year"
    assert not one_count(_figure(old), _figure(again), old, again)


def test_a_part_of_the_year_in_months() -> None:
    assert period_in_months(_figure("six months to June"), "in the first half")
    assert not period_in_months(_figure("nine months to June"), "in the first half")
    assert not period_in_months(_figure("six months to June"), "half of the staff")


def test_a_change_on_a_year_ago_is_one_over_the_past_year() -> None:
    text = "Rents are up 9% on a year ago."
    date = find_figures(text)[1]
    assert year_before(date, text, "Rents have risen by 9% over the past year.")
    assert not year_before(date, text, "Rents rose 9% last month.")


def test_a_part_of_a_whole_told_as_a_split() -> None:
    old, new = "Seven of the nine members voted to hold.", "The committee voted 7-2 to hold."
    nine, two = find_figures(old)[1], find_figures(new)[1]
    assert split_of_whole(nine, two, (old, new))
    wrong = "The committee voted 7-3 to hold."
    assert not split_of_whole(nine, find_figures(wrong)[1], (old, wrong))


def test_a_streak_told_by_its_last_one_or_its_length() -> None:
    old, new = (
        "Prices rose for the fourth month in a row.",
        "Prices rose for four consecutive months.",
    )
    assert streak_counted(_figure(old), _figure(new), old, new)
    weeks = "Prices rose for four consecutive weeks."
    assert not streak_counted(_figure(old), _figure(weeks), old, weeks)
    plain = "Prices rose for four months."
    assert not streak_counted(_figure(old), _figure(plain), old, plain)


def _pair_of(old: str, new: str) -> tuple[Figure, Figure, Pair]:
    from newswatch.diff import word_diff

    pair = Pair(Side(old, 0), Side(new, 0), word_diff(old, new))
    return find_figures(old)[0], find_figures(new)[0], pair


def test_an_exact_figure_given_roughly_or_as_a_vague_count_is_less_exact() -> None:
    assert less_exact(*_pair_of("It costs £4.2bn.", "It costs about £4bn."))
    assert less_exact(*_pair_of("It costs £9.7m.", "It costs nearly £10m."))
    assert less_exact(*_pair_of("About 60 came.", "Dozens came."))
    assert not less_exact(*_pair_of("It costs £10.3m.", "It costs nearly £10m."))
    assert not less_exact(*_pair_of("About 40 came.", "About 50 came."))
    assert not less_exact(*_pair_of("About 30 came.", "Hundreds came."))
