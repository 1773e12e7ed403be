"""Extraction on saved pages: ``python -m bench.pages DIR [DIR ...]``.

For every ``NAME.html`` in the folders, runs ``extract()`` and prints its time, the words it
kept and, where a reference text ``NAME.txt`` sits beside the page (or in a ``txt`` folder next
to an ``html`` one, as some extractors' test suites keep them), the share of words the two have
in common: precision (of ours, how many the reference has) and recall (of the reference's, how
many we kept). ``--lines`` prints the lines we kept that the reference lacks, and the reverse,
which is where page furniture that slipped in shows.

No pages ship with newswatch (they are other people's writing); point it at saved pages, or at
the test pages of an extraction library's source distribution (``pip download --no-binary``).
"""

from __future__ import annotations

import argparse
import re
import time
from collections import Counter
from pathlib import Path

from newswatch.extract import ExtractionError, extract

_WORD = re.compile(r"\w+")


def saved_pages(folders: list[Path]) -> list[Path]:
    """The ``NAME.html`` pages of the folders, in name order: what every page bench reads."""
    return sorted(p for folder in folders for p in folder.glob("*.html"))


def reference_for(page: Path) -> Path | None:
    for candidate in (page.with_suffix(".txt"), page.parent.parent / "txt" / f"{page.stem}.txt"):
        if candidate.exists():
            return candidate
    return None


def overlap(ours: str, reference: str) -> tuple[float, float]:
    """Precision and recall of ``ours`` against ``reference``, counted in words."""
    a, b = Counter(_WORD.findall(ours.lower())), Counter(_WORD.findall(reference.lower()))
    common = sum((a & b).values())
    return common / max(1, sum(a.values())), common / max(1, sum(b.values()))


def lines_apart(ours: str, reference: str, share: float = 0.3) -> list[str]:
    """The lines of ``ours`` with more than ``share`` of their words missing from
    ``reference``."""
    known = set(_WORD.findall(reference.lower()))
    out = []
    for line in ours.splitlines():
        words = _WORD.findall(line.lower())
        if words and sum(w not in known for w in words) / len(words) > share:
            out.append(line)
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--lines", action="store_true", help="print the lines that differ")
    args = parser.parse_args(argv)
    pages = saved_pages(args.folders)
    times = []
    for page in pages:
        body = page.read_bytes()
        started = time.perf_counter()
        try:
            text = extract(body, f"https://pages.invalid/{page.stem}").text
        except ExtractionError as exc:
            print(f"{page.name:40} not extracted: {exc}")
            continue
        took = (time.perf_counter() - started) * 1000
        times.append(took)
        reference = reference_for(page)
        words = len(_WORD.findall(text))
        if reference is None:
            print(f"{page.name:40} {took:7.1f} ms  {words:6} words")
            continue
        ref_text = reference.read_text("utf-8", errors="replace")
        precision, recall = overlap(text, ref_text)
        print(
            f"{page.name:40} {took:7.1f} ms  {words:6} words  precision {precision:.2f}"
            f"  recall {recall:.2f}"
        )
        if args.lines:
            for line in lines_apart(text, ref_text):
                print(f"    + {line[:150]}")
            for line in lines_apart(ref_text, text):
                print(f"    - {line[:150]}")
    if times:
        print(f"{len(times)} pages, {sum(times) / len(times):.1f} ms per page on average")


if __name__ == "__main__":
    main()
