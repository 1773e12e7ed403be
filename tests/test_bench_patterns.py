"""bench.patterns times every module pattern on adversarial lines; here it must find none that
runs away (a pattern that backtracks for minutes on one line would stall a whole batch)."""

from __future__ import annotations

import re

from bench import patterns


def test_no_pattern_of_newswatch_runs_away_on_an_adversarial_line() -> None:
    texts = list(patterns.lines(600))
    runaway = [
        name for name, p in patterns.patterns() if patterns.worst_time(p, texts) == float("inf")
    ]
    assert runaway == []


def test_a_pattern_that_backtracks_is_reported_as_a_timeout() -> None:
    # the shape of the credit pattern that did run away: words with optional separators
    bad = re.compile(r"(?:\s*(?:,|and)?\s*[A-Z][\w.-]*){1,12}\s*\.?")
    assert patterns.worst_time(bad, ["A" * 60 + "!."]) == float("inf")
