import random
from datetime import UTC, datetime, timedelta

import pytest

from newswatch.schedule import (
    Cadence,
    comes_back,
    interval,
    next_check,
    parse_duration,
    pulled_forward,
)
from newswatch.sources import SourcesError, parse_watchlist

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
H = timedelta(hours=1)


@pytest.mark.parametrize(
    ("age", "expected"),
    [
        (timedelta(minutes=5), timedelta(minutes=15)),
        (5 * H, timedelta(minutes=15)),
        (7 * H, H),
        (71 * H, H),
        (4 * 24 * H, 24 * H),
        (13 * 24 * H, 24 * H),
        (15 * 24 * H, None),
    ],
)
def test_the_cadence_decays_with_age_then_stops(age: timedelta, expected: timedelta | None) -> None:
    assert interval(Cadence(), age, None) == expected


def test_a_recent_change_makes_an_article_young_again() -> None:
    assert interval(Cadence(), 48 * H, timedelta(minutes=30)) == timedelta(minutes=15)
    assert interval(Cadence(), 48 * H, 3 * H) == H


def test_next_check_has_jitter_within_bounds() -> None:
    rng = random.Random(4)
    times = {next_check(Cadence(), NOW, NOW - 10 * H, rng=rng) for _ in range(50)}
    assert len(times) > 40  # spread out, not all at once
    for when in times:
        assert when is not None
        assert H * 0.9 <= when - NOW <= H * 1.1


def test_next_check_uses_the_clock_given() -> None:
    born = NOW - 2 * H
    assert next_check(Cadence(jitter=0), NOW, born) == NOW + timedelta(minutes=15)
    later = NOW + 30 * 24 * H
    assert next_check(Cadence(jitter=0), later, born) is None
    assert next_check(Cadence(jitter=0, stop_after=None), later, born) == later + 24 * H


def test_source_overrides() -> None:
    (source,) = parse_watchlist(
        {
            "source": [
                {
                    "name": "wire",
                    "url": "https://e.org/a",
                    "schedule": {"young_every": "5m", "stop_after": "never"},
                }
            ]
        }
    ).sources
    cadence = source.cadence()
    assert cadence.young_every == timedelta(minutes=5) and cadence.stop_after is None
    (fixed,) = parse_watchlist(
        {"source": [{"name": "w", "url": "https://e.org/a", "every": "30m"}]}
    ).sources
    assert interval(fixed.cadence(), 100 * 24 * H, None) == timedelta(minutes=30)


@pytest.mark.parametrize(
    ("entry", "reason"),
    [
        ({"schedule": {"young_every": "soon"}}, "not a duration"),
        ({"schedule": {"weekly": "1w"}}, "unknown schedule keys"),
        ({"every": "fast"}, "not a duration"),
    ],
)
def test_bad_schedules_are_clear_errors(entry: dict[str, object], reason: str) -> None:
    with pytest.raises(SourcesError, match=reason):
        parse_watchlist({"source": [{"name": "w", "url": "https://e.org/a", **entry}]})


def test_a_newer_lastmod_pulls_the_check_forward() -> None:
    due_later = NOW + 5 * H
    assert pulled_forward(due_later, NOW - H, NOW - 2 * H, NOW) == NOW
    assert pulled_forward(due_later, NOW - 2 * H, NOW - 2 * H, NOW) == due_later  # not newer
    assert pulled_forward(due_later, None, None, NOW) == due_later
    assert parse_duration("90s") == timedelta(seconds=90)


def test_an_article_listed_by_hand_is_not_retired_unless_its_source_says_when() -> None:
    sources = parse_watchlist(
        {
            "source": [
                {"name": "listed", "kind": "article", "url": "https://e.org/a"},
                {"name": "wire", "kind": "feed", "url": "https://e.org/feed"},
                {
                    "name": "short",
                    "kind": "article",
                    "url": "https://e.org/b",
                    "schedule": {"stop_after": "30d"},
                },
            ]
        }
    ).sources
    listed, wire, short = (source.cadence() for source in sources)
    a_year_old = NOW - 365 * 24 * H
    assert interval(listed, 365 * 24 * H, None) == 24 * H  # daily once old, for good
    assert comes_back("retired", listed, NOW, a_year_old)
    assert not comes_back("retired", wire, NOW, a_year_old)  # found by a feed: 14 days
    assert comes_back("retired", short, NOW, NOW - 20 * 24 * H)
    assert not comes_back("retired", short, NOW, NOW - 31 * 24 * H)
    assert not comes_back("duplicate", listed, NOW, a_year_old)  # only retired ones return


def test_jitter_leaves_the_global_random_generator_alone() -> None:
    """Other threads of the process (and Hypothesis) own the global generator's state."""
    random.seed(7)
    before = random.getstate()
    times = {next_check(Cadence(), NOW, NOW - 10 * H) for _ in range(20)}
    assert len(times) > 1  # jittered all the same
    assert random.getstate() == before
