"""Time every module-level regular expression of newswatch on long adversarial lines.

    python -m bench.patterns [--length 1500] [--limit 0.05]

A pattern whose quantifiers can split the same text many ways (a run of capitals read as any
number of names) backtracks for minutes on a line that almost matches; a page can carry such a
line. This prints the slowest patterns and every one slower than ``--limit`` seconds on some
line; a pattern still running after two seconds is reported as a TIMEOUT and left.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import pkgutil
import re
import signal
import sys
import time
from collections.abc import Callable, Iterator

import newswatch

# pieces repeated into lines, each once bare, once with a character no pattern ends on, and
# once after the openings patterns look for
PIECES = (
    "A", "Ab ", "a ", "1", "1 ", "1,", "A. ", "a-", "'s ", " ,", "—", "by ", "and ", "The ",
    "(", "@a ", "http://a.b/", "£1 ", "0900 ", "of ", "Ann Lee ", ". ", "said ", "xxxxx ",
)  # fmt: skip
OPENINGS = ("Reporting by ", "— ", "A post shared by ", "This article contains content ")
TIMEOUT = 2.0


def lines(length: int) -> Iterator[str]:
    for piece in PIECES:
        run = piece * (length // len(piece))
        yield run
        yield run + "!"
        for opening in OPENINGS:
            yield opening + run + "!."


def patterns() -> Iterator[tuple[str, re.Pattern[str]]]:
    for module in pkgutil.iter_modules(newswatch.__path__):
        loaded = importlib.import_module(f"newswatch.{module.name}")
        for name, value in vars(loaded).items():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                yield f"{module.name}.{name}", value


class _TooSlow(Exception):
    pass


def _give_up(signum: int, frame: object) -> None:
    raise _TooSlow


def worst_time(pattern: re.Pattern[str], texts: list[str]) -> float:
    """The longest one call of search, match, fullmatch or findall took on any text (inf when
    one ran past the timeout)."""
    previous = signal.signal(signal.SIGALRM, _give_up)
    # the garbage collector off while timing, as timeit has it: a collection that falls inside
    # one call (findall's lists) is the program's size, not the pattern's cost
    gc.collect()
    gc.disable()
    try:
        return _worst_time(pattern, texts)
    finally:
        gc.enable()
        signal.signal(signal.SIGALRM, previous)


def _worst_time(pattern: re.Pattern[str], texts: list[str]) -> float:
    worst = 0.0
    calls: tuple[Callable[[str], object], ...] = (
        pattern.search,
        pattern.match,
        pattern.fullmatch,
        pattern.findall,
    )
    for text in texts:
        for call in calls:
            signal.setitimer(signal.ITIMER_REAL, TIMEOUT)
            started = time.perf_counter()
            try:
                call(text)
            except _TooSlow:
                return float("inf")
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            worst = max(worst, time.perf_counter() - started)
    return worst


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--length", type=int, default=1500)
    parser.add_argument("--limit", type=float, default=0.05)
    args = parser.parse_args(argv)
    texts = list(lines(args.length))
    timed = sorted(((worst_time(p, texts), name) for name, p in patterns()), reverse=True)
    print(f"{len(timed)} patterns, {len(texts)} lines of about {args.length} characters each")
    for seconds, name in timed[:5]:
        shown = "TIMEOUT" if seconds == float("inf") else f"{seconds * 1000:.1f} ms"
        print(f"  slowest: {name}: {shown}")
    over = [name for seconds, name in timed if seconds > args.limit]
    print(f"over {args.limit * 1000:.0f} ms on some line: {', '.join(over) or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
