"""What an extraction process does with one fetched page: extract its text and, when the text is
not the stored version's, compare the two with the claim engine.

Both are CPU work, which the checking process cannot share between its threads; done here, in a
pool of processes, they run beside the fetching and recording instead of after them. A worker
imports this module, ``newswatch.extract`` and the claim engine, never the store.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newswatch.extract import Extracted, ExtractionError, extract_or_error

if TYPE_CHECKING:
    from newswatch.diff import Comparison


@dataclass(frozen=True)
class Stored:
    """The article's current version, as far as a comparison needs it, and the fingerprints of
    all its versions (a page back to an earlier text is a revisit, nothing to compare)."""

    version_id: int
    text: str
    headline: str
    known: frozenset[str]
    terms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Examined:
    page: Extracted | ExtractionError | None
    comparison: Comparison | None = None
    compared_with: int | None = None  # the id of the stored version compared

    def comparison_with(self, version_id: int) -> Comparison | None:
        """The comparison, if it was made against this version (the store may have moved on)."""
        return self.comparison if self.compared_with == version_id else None


def examine(
    body: bytes, url: str, content_type: str | None, selector: str | None, stored: Stored | None
) -> Examined:
    page = extract_or_error(body, url, content_type, selector)
    if stored is None or isinstance(page, ExtractionError):
        return Examined(page)
    if page.fingerprint in stored.known:
        return Examined(page)  # a text stored before: nothing to compare
    from newswatch.diff import compare, forget_alignments

    comparison = compare(
        stored.text,
        page.text,
        old_headline=stored.headline,
        new_headline=page.headline,
        terms=stored.terms,
        live=page.live,
    )
    # The checking process keeps this alignment for the change's review; a worker of a
    # long-lived runner would only hoard them (256 of about 50 KB each).
    forget_alignments()
    return Examined(page, comparison, stored.version_id)


def preload() -> int:
    """Import what extracting and comparing need, for a worker of a long-lived process: its first
    page then costs what every other page does. Returns the worker's process id."""
    import diff_match_patch  # noqa: F401
    import syntok.segmenter  # noqa: F401
    import trafilatura  # noqa: F401

    from newswatch import claims, diff  # noqa: F401

    return os.getpid()
