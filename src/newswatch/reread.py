"""Changes our own extraction makes, told apart from the site's edits.

Each version records which extractor read its text (``extract.extractor()``: our rules' number
and trafilatura's release). When extraction changes (a furniture rule drops a promo it used to
keep, a new trafilatura reads a layout otherwise), an article's next check finds a text
unlike the stored one although the page did not change, and every watched article would alert at
once. So when a new text differs from a version an older extractor read, that version's stored
page is read again by today's extractor. A claim that the old page, read again, no longer shows
was the extractor's doing: it is kept for the record but ranked cosmetic ("extraction changed").
The claims the old page read again still shows are the site's edits and keep their rank.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Protocol

from sqlalchemy.orm import Session

from newswatch import models as m
from newswatch.diff import Comparison, compare
from newswatch.extract import Extracted, ExtractionError, extract, extractor
from newswatch.served import Served, rank

EXTRACTION_CHANGED = Served("extraction", "changed", "cosmetic")


def read_again(
    session: Session, version: m.Version, url: str, selector: str | None
) -> Extracted | None:
    """The page ``version`` was first seen on, as today's extractor reads it; None when its
    bytes were not kept or no longer give an article."""
    from newswatch.archive import raw_page  # WARC writing comes with it: loaded when needed

    data = raw_page(session, version)
    if data is None:
        return None
    capture = session.get_one(m.Capture, version.capture_id)  # raw_page loaded it already
    content_type = (capture.headers or {}).get("content-type")
    try:
        return extract(data, url, content_type=content_type, selector=selector)
    except ExtractionError:
        return None


class Reading(Protocol):
    """A text as extraction gave it: a page just read, or a stored version."""

    @property
    def text(self) -> str: ...
    @property
    def headline(self) -> str: ...
    @property
    def live(self) -> bool: ...


def site_edits_only(
    comparison: Comparison, old_again: Reading, new: Reading, terms: tuple[str, ...]
) -> Comparison:
    """``comparison`` (the stored text against the new one) with every claim ranked cosmetic
    unless comparing the old page read again with the new text makes it too (matched by the
    sentences it names: the site's edit of a sentence names the same old or new sentence in both
    comparisons)."""
    edits = compare(
        old_again.text,
        new.text,
        old_headline=old_again.headline,
        new_headline=new.headline,
        terms=terms,
        live=new.live,
    ).claims
    olds = {c.old for c in edits if c.old and c.severity != "cosmetic"}
    news = {c.new for c in edits if c.new and c.severity != "cosmetic"}
    claims = [
        c if c.old in olds or c.new in news else rank(c, EXTRACTION_CHANGED)
        for c in comparison.claims
    ]
    return replace(comparison, claims=claims)


def without_extraction_changes(
    session: Session,
    previous: m.Version,
    new: Reading,
    comparison: Comparison,
    *,
    url: str,
    selector: str | None,
    terms: tuple[str, ...],
    new_extractor: str | None = None,
) -> Comparison:
    """The comparison of ``previous`` with a newer text (read by ``new_extractor``, by default
    today's), the extractor's own changes ranked cosmetic when another extractor read
    ``previous`` (and its page is still kept)."""
    read_by = new_extractor or extractor()
    if previous.extractor == read_by or comparison.severity in ("none", "cosmetic"):
        return comparison
    old_again = read_again(session, previous, url, selector)
    if old_again is None:
        return comparison
    return site_edits_only(comparison, old_again, new, terms)
