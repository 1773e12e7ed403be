"""The raw pages in the store: each written once under its sha256, compressed whole or as a
delta against a page it resembles (``blobs``), and read back exactly; and each site's reference
page, that the site's new pages are packed against.
"""

from __future__ import annotations

import zlib
from datetime import timedelta
from typing import Any

from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from newswatch import blobs
from newswatch import models as m


def pack_blob(data: bytes, reference: blobs.Reference | None = None) -> dict[str, Any]:
    """The blob row of raw bytes: their sha256, size and the bytes compressed, whole or as a
    delta against ``reference`` (see ``blobs``)."""
    return blobs.pack(data, reference) | {"created_at": m.utcnow()}


def put_blobs(session: Session, rows: list[dict[str, Any]]) -> None:
    """Store packed blobs (``pack_blob``); one already stored is left as it is, unless it was
    stored as a delta and comes now whole: a sibling (see ``blobs``) is then always stored
    whole, which keeps every chain of deltas at most two long."""
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    whole = [r for r in rows if r["base"] is None]
    if whole:
        statement = insert(m.Blob)
        session.execute(
            statement.on_conflict_do_update(
                index_elements=[m.Blob.sha256],
                set_={"data": statement.excluded.data, "base": None},
                where=m.Blob.base.is_not(None),
            ),
            whole,
        )
    deltas = [r for r in rows if r["base"] is not None]
    if deltas:
        session.execute(insert(m.Blob).on_conflict_do_nothing(), deltas)


def put_blob(session: Session, data: bytes, earlier: str | None = None) -> str:
    """Store raw bytes once under their sha256; a repeat is a no-op. ``earlier`` names a stored
    page these bytes are likely to resemble (the article's previous version): they are stored
    as a delta against it where that is clearly smaller (see ``reference_page``)."""
    row = pack_blob(data, reference_page(session, earlier) if earlier else None)
    put_blobs(session, [row])
    return str(row["sha256"])


def reference_page(session: Session, sha256: str) -> blobs.Reference | None:
    """The page a delta against ``sha256`` may refer to, with its bytes: that page itself, unless
    it is a delta of a delta, then the page it was packed against. No page is more than two
    deltas from one stored whole: a first version may be a delta against a sibling, and the
    article's next version a delta against it."""
    blob = session.get(m.Blob, sha256)
    if blob is not None and blob.base is not None:
        base = session.get(m.Blob, blob.base)
        if base is None:
            return None
        if base.base is not None:  # a delta of a delta: refer to the delta it was packed against
            blob = base
    if blob is None:
        return None
    try:
        data = get_blob(session, blob.sha256)
    except PageLostError:
        return None  # the new page is stored whole, as if nothing resembled it
    if data is None:
        return None
    ratio = len(blob.data) / max(1, blob.size) if blob.base is None else None
    return blobs.Reference(blob.sha256, data, ratio)


# A site's reference page is used for this long after it was stored: long enough to serve a
# day's new articles in two pages, short enough to follow a site's new layout, and well inside
# the shortest raw retention (a day), so that upkeep never deletes a page being packed against.
SITE_PAGE_MAX_AGE = timedelta(hours=12)


def site_reference(session: Session, site: str) -> blobs.Reference | None:
    """The site's reference page with its bytes, if one was stored recently and whole."""
    named = session.get(m.SitePage, site)
    if named is None or named.stored_at < m.utcnow() - SITE_PAGE_MAX_AGE:
        return None
    blob = session.get(m.Blob, named.blob_sha256)
    if blob is None or blob.base is not None:
        return None
    try:
        data = blobs.unpack(blob.data)
    except zlib.error:  # damaged: the site's pages are stored whole until a new reference
        return None
    return blobs.Reference(blob.sha256, data, len(blob.data) / max(1, blob.size))


def remember_site_pages(session: Session, pages: dict[str, str]) -> None:
    """Make these pages (site -> sha256, stored whole) their sites' reference pages."""
    if not pages:
        return
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    statement = insert(m.SitePage)
    now = m.utcnow()
    session.execute(
        statement.on_conflict_do_update(
            index_elements=[m.SitePage.site],
            set_={"blob_sha256": statement.excluded.blob_sha256, "stored_at": now},
        ),
        # in one order: two batches naming the same sites wait for each other, never deadlock
        [
            {"site": site, "blob_sha256": sha, "stored_at": now}
            for site, sha in sorted(pages.items())
        ],
    )


class PageLostError(LookupError):
    """A stored page is a delta whose base page is no longer in the store (rows deleted by
    hand: the writers and ``upkeep`` keep every base a kept page needs)."""


def get_blob(session: Session, sha256: str, _depth: int = 0) -> bytes | None:
    """The raw bytes stored under ``sha256``, or None when they are not (or no longer) kept."""
    blob = session.get(m.Blob, sha256)
    if blob is None:
        return None
    if blob.base is None:
        return blobs.unpack(blob.data)
    # Writers keep chains at most two deltas long; the limit only guards against a loop.
    base = get_blob(session, blob.base, _depth + 1) if _depth < 4 else None
    if base is None:
        raise PageLostError(
            f"stored page {sha256[:12]} cannot be read: the page it was stored against "
            f"({blob.base[:12]}) is gone from the database"
        )
    return blobs.unpack(blob.data, base)
