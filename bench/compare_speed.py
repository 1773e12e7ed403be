"""Time ``compare()`` on a 1,500-word article with a handful of edits.

    python -m bench.compare_speed [--words 1500] [--runs 50]

Prints the time per comparison with a cold sentence cache (each paragraph segmented for the
first time, as after a restart), a warm one (the old version seen before, as in a monitoring
cycle), and for the same pair again (a change's review and email reuse its alignment).
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time

from bench.corpus import DAYS, OBJECTS, ORDINALS, SUBJECTS, TAILS, VERBS
from newswatch import diff, sentences
from newswatch.diff import compare
from newswatch.numbers import find_figures


def make_article(words: int, seed: int = 7) -> str:
    rnd = random.Random(seed)
    paragraphs: list[str] = []
    count = 0
    while count < words:
        sentences = []
        for _ in range(rnd.randint(2, 4)):
            tail = rnd.choice(TAILS).format(
                day=rnd.choice(DAYS),
                n=rnd.randint(2, 900),
                m=rnd.randint(1, 40),
                ordinal=rnd.choice(ORDINALS),
            )
            sentence = (
                f"{rnd.choice(SUBJECTS)} {rnd.choice(VERBS)} that work on "
                f"{rnd.choice(OBJECTS)} would start {tail}."
            )
            sentences.append(sentence)
            count += len(sentence.split())
        paragraphs.append(" ".join(sentences))
    return "\n".join(paragraphs)


def edit(text: str, seed: int = 11) -> str:
    """A handful of edits: a figure, a negation, a removed and an added sentence, a reword."""
    rnd = random.Random(seed)
    lines = text.split("\n")
    picks = rnd.sample(range(len(lines)), 5)
    lines[picks[0]] = lines[picks[0]].replace(" would start", " would not start", 1)
    first, *rest = lines[picks[1]].split(". ")
    lines[picks[1]] = ". ".join(rest) if rest else first
    lines[picks[2]] += " A spokesperson declined to comment on the figures."
    lines[picks[3]] = lines[picks[3]].replace("said", "stated", 1)
    for i, line in enumerate(lines):
        figure = re.search(r"\d+", line)
        if figure and i not in picks:
            lines[i] = line[: figure.start()] + str(int(figure.group()) + 7) + line[figure.end() :]
            break
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=1500)
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args(argv)
    old = make_article(args.words)
    new = edit(old)
    cold, warm, again = [], [], []
    headline = "Council agrees plan"
    for _ in range(args.runs):
        sentences.paragraph_spans.cache_clear()
        find_figures.cache_clear()
        diff.forget_alignments()
        started = time.perf_counter()
        result = compare(old, new, old_headline=headline, new_headline=headline)
        cold.append(time.perf_counter() - started)
        diff.forget_alignments()  # the sentences are known, their pairing is not
        started = time.perf_counter()
        compare(old, new, old_headline=headline, new_headline=headline)
        warm.append(time.perf_counter() - started)
        started = time.perf_counter()  # the same pair again, as for its review and its email
        compare(old, new, old_headline=headline, new_headline=headline)
        again.append(time.perf_counter() - started)
    print(
        f"article: {len(old.split())} words, {len(result.old_sentences)} sentences; "
        f"{len(result.claims)} claims ({', '.join(sorted({c.kind for c in result.claims}))})"
    )
    print(f"compare() cold cache: median {statistics.median(cold) * 1000:.1f} ms")
    print(f"compare() warm cache: median {statistics.median(warm) * 1000:.1f} ms")
    print(f"compare() the same pair again: median {statistics.median(again) * 1000:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
