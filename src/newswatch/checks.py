"""What one check of an article carries through a batch: the job (what the store knew of the
article beforehand), the outcome, the checks that wait for a bulk write, and a capture's
columns."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from newswatch import blobs
from newswatch.extract import Extracted
from newswatch.fetch import FetchResult
from newswatch.sources import Source

# Headers a revisit keeps (the capture holding the bytes has them all).
REVISIT_HEADERS = ("etag", "last-modified", "retry-after")


@dataclass(frozen=True)
class Outcome:
    article_id: int
    url: str
    # first, changed, unchanged, not-modified, failed, deferred, skipped, duplicate
    outcome: str
    version: int | None = None
    change_id: int | None = None
    severity: str | None = None
    alerts: int = 0
    error: str | None = None
    transient: bool = False

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass
class Job:
    """One article to check in this batch, with what the store knew of it beforehand."""

    article_id: int
    url: str
    etag: str | None
    last_modified: str | None
    status: str
    spec: Source | None
    created_at: datetime
    born_at: datetime | None
    last_changed_at: datetime | None
    current_version_id: int | None
    current_version_number: int | None = None
    canonical_url: str | None = None
    result: FetchResult | None = None
    error: str | None = None  # refused before any request (robots.txt, politeness)
    transient: bool = False

    @property
    def terms(self) -> tuple[str, ...]:
        """The source's watch terms: claims that touch them rank higher."""
        return tuple(self.spec.terms) if self.spec else ()


@dataclass(frozen=True)
class Quiet:
    """A check that found the page as it was: recorded with others in one transaction."""

    job: Job
    result: FetchResult
    version_id: int | None
    version_number: int | None
    outcome: str  # not-modified or unchanged


@dataclass(frozen=True)
class First:
    """A first version waiting for the batch's bulk write, its page's bytes held compressed:
    whole, or as a delta against a sibling, a page of the same site in the batch."""

    job: Job
    result: FetchResult  # without its body
    page: Extracted
    blob: dict[str, Any]  # the Blob row (store_pages.pack_blob)
    sibling: blobs.Sibling | None = None  # the page the blob is a delta against

    @classmethod
    def of(cls, job: Job, result: FetchResult, page: Extracted, siblings: blobs.Siblings) -> First:
        assert result.body is not None
        site = urlsplit(result.final_url or job.url).hostname or ""
        row, sibling = siblings.pack(site, result.body)
        return cls(job, result.without_body(row["sha256"]), page, row, sibling)  # the same bytes

    def rows(self) -> list[dict[str, Any]]:
        """The blob rows to store: the page's, and its sibling's whole page if it needs it."""
        if self.sibling is None or self.sibling.row is None:  # none, or one stored before
            return [self.blob]
        return [self.blob, self.sibling.row]

    def whole(self) -> FetchResult:
        """The answer with its bytes again, for the one-by-one path."""
        reference = self.sibling.reference.data if self.sibling is not None else None
        return replace(self.result, body=blobs.unpack(self.blob["data"], reference))


def capture_fields(
    result: FetchResult | None, url: str, cycle: str, revisit: Job | None = None
) -> dict[str, object]:
    """A capture's columns. Its URL is kept only when the answer came from elsewhere (a
    redirect). A revisit keeps only the validators and Retry-After among the headers, and a
    validator only when it differs from the one sent: the full set is on the capture that
    holds the bytes, so the chain of captures still says what the server answered."""
    if result is None:
        return {"url": None, "status": None, "headers": {}, "cycle": cycle}
    digest = result.payload_sha256
    headers = result.headers
    if revisit is not None:
        sent = {"etag": revisit.etag, "last-modified": revisit.last_modified}
        headers = {k: v for k, v in headers.items() if k in REVISIT_HEADERS and sent.get(k) != v}
    return {
        "url": result.final_url if result.final_url != url else None,
        "status": result.status,
        "headers": headers,
        "cycle": cycle,
        "elapsed_ms": int(result.elapsed * 1000),
        "payload_sha256": digest,
    }
