"""When to check each article again: often while it is young, less as it ages, then never.

Stories change most in their first hours (updates, corrections, softened quotes) and rarely
after a few days. The default cadence: every 15 minutes for the first 6 hours, hourly until it
is 3 days old, daily until 14 days, then the article is no longer checked (an article listed
by hand in the watchlist is checked daily from then on instead). An article that just
changed is treated as young again for a while. A feed or sitemap announcing a newer lastmod pulls
the next check forward to now. Every interval gets a little jitter so that checks of articles
found together do not all fire at once. Sources can override any of it.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d|w)\s*$", re.I)
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


def parse_duration(text: str) -> timedelta:
    """'15m', '6h', '3d', '90s', '2w'."""
    match = _DURATION.match(text)
    if not match:
        raise ValueError(f"{text!r} is not a duration such as 15m, 6h or 3d")
    return timedelta(seconds=float(match.group(1)) * _UNITS[match.group(2).lower()])


@dataclass(frozen=True)
class Cadence:
    young_every: timedelta = timedelta(minutes=15)
    young_for: timedelta = timedelta(hours=6)
    adult_every: timedelta = timedelta(hours=1)
    adult_for: timedelta = timedelta(days=3)
    old_every: timedelta = timedelta(days=1)
    stop_after: timedelta | None = timedelta(days=14)  # None: never stop
    every: timedelta | None = None  # a fixed interval instead of the decay
    jitter: float = 0.1  # +/- this share of the interval
    after_change: timedelta = timedelta(hours=2)  # young again this long after a change

    def with_overrides(self, overrides: dict[str, str]) -> Cadence:
        values: dict[str, object] = {}
        for key, text in overrides.items():
            if key == "stop_after" and text.strip().lower() == "never":
                values[key] = None
            elif key == "jitter":
                values[key] = float(text)
            else:
                values[key] = parse_duration(text)
        return replace(self, **values)  # type: ignore[arg-type]


OVERRIDABLE = (
    "young_every",
    "young_for",
    "adult_every",
    "adult_for",
    "old_every",
    "stop_after",
    "every",
    "jitter",
    "after_change",
)


def interval(cadence: Cadence, age: timedelta, since_change: timedelta | None) -> timedelta | None:
    """How long until the next check of an article this old; None once it is retired."""
    if cadence.every is not None:
        return cadence.every
    if cadence.stop_after is not None and age >= cadence.stop_after:
        return None
    if age < cadence.young_for or (
        since_change is not None and since_change < cadence.after_change
    ):
        return cadence.young_every
    if age < cadence.adult_for:
        return cadence.adult_every
    return cadence.old_every


def comes_back(status: str, cadence: Cadence, now: datetime, born: datetime) -> bool:
    """A retired article that this cadence still checks at its age (the source's schedule was
    lengthened, or an article listed by hand retired under an older default): due again."""
    return (
        status == "retired" and interval(cadence, max(timedelta(0), now - born), None) is not None
    )


# Its own generator: a process's threads jittering checks leave the global one to its owners.
_JITTER = random.Random()


def next_check(
    cadence: Cadence,
    now: datetime,
    born: datetime,
    last_change: datetime | None = None,
    rng: random.Random | None = None,
) -> datetime | None:
    """The time of the next check; ``born`` is the publication time, or when the article was
    first seen if the page does not say."""
    wait = interval(
        cadence,
        max(timedelta(0), now - born),
        now - last_change if last_change is not None else None,
    )
    if wait is None:
        return None
    spread = wait.total_seconds() * cadence.jitter
    offset = (rng or _JITTER).uniform(-spread, spread) if spread else 0.0
    return now + wait + timedelta(seconds=offset)


def pulled_forward(
    current: datetime | None, announced: datetime | None, seen: datetime | None, now: datetime
) -> datetime | None:
    """A source announced a lastmod newer than what was last seen: check now."""
    if announced is not None and (seen is None or announced > seen):
        return now if current is None or current > now else current
    return current
