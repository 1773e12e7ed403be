"""Checks recorded in bulk, a batch at a time: the common case of a page found as it was, and
first versions. Each call is one transaction's worth of multi-row inserts and updates."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import insert, update
from sqlalchemy.orm import Session

from newswatch import models as m
from newswatch import store as st
from newswatch import store_pages
from newswatch.checks import First, Job, Outcome, Quiet, capture_fields
from newswatch.extract import extractor
from newswatch.schedule import Cadence, next_check


def record_quiet(store: st.Store, cycle: str, items: list[Quiet]) -> list[Outcome]:
    """Record many unchanged checks in one transaction: a capture each (a revisit: status,
    headers, the payload's digest), and each article's state and next check."""
    if not items:
        return []
    now = m.utcnow()
    captures = []
    articles = []
    for item in items:
        job, result = item.job, item.result
        fields = capture_fields(result, job.url, cycle, revisit=job)
        captures.append(
            {
                **fields,
                "article_id": job.article_id,
                "outcome": item.outcome,
                "version_id": item.version_id,
                "fetched_at": now,
                "blob_sha256": None,
                "error": None,
            }
        )
        state = _checked(job, now, job.born_at or job.created_at, job.last_changed_at)
        if item.outcome == "unchanged":
            state.update(
                etag=result.etag,
                last_modified=result.last_modified,
                current_version_id=item.version_id,
            )
        articles.append(state)
    with store.transaction() as session:
        session.execute(insert(m.Capture), captures)
        session.execute(update(m.Article), articles)
    return [
        Outcome(i.job.article_id, i.job.url, i.outcome, version=i.version_number) for i in items
    ]


def record_firsts(
    session: Session,
    cycle: str,
    items: list[First],
    now: datetime,
    site_pages: dict[str, str] | None = None,
) -> list[Outcome]:
    """Many first versions in bulk inserts: blobs, captures, versions, the articles' state.
    ``site_pages`` (site -> sha256) are pages stored whole to be their sites' references."""
    if not items:
        return []
    rows = {row["sha256"]: row for i in items for row in i.rows()}
    store_pages.put_blobs(session, list(rows.values()))
    store_pages.remember_site_pages(
        session, {site: sha for site, sha in (site_pages or {}).items() if sha in rows}
    )
    captures = [
        {
            **capture_fields(i.result, i.job.url, cycle),
            "article_id": i.job.article_id,
            "outcome": "new-version",
            "fetched_at": now,
            "error": None,
            "blob_sha256": i.blob["sha256"],
            "version_id": None,
        }
        for i in items
    ]
    capture_ids = list(
        session.scalars(
            insert(m.Capture).returning(m.Capture.id, sort_by_parameter_order=True), captures
        )
    )
    versions = [
        {
            "article_id": i.job.article_id,
            "number": 1,
            "fingerprint": i.page.fingerprint,
            "headline": i.page.headline,
            "byline": i.page.byline,
            "published": i.page.published,
            "modified": i.page.modified,
            "text": i.page.text,
            "live": i.page.live,
            "extractor": extractor(),
            "capture_id": capture_id,
            "created_at": now,
        }
        for i, capture_id in zip(items, capture_ids, strict=True)
    ]
    version_ids = list(
        session.scalars(
            insert(m.Version).returning(m.Version.id, sort_by_parameter_order=True), versions
        )
    )
    session.execute(
        update(m.Capture),
        [{"id": c, "version_id": v} for c, v in zip(capture_ids, version_ids, strict=True)],
    )
    articles = []
    for item, version_id in zip(items, version_ids, strict=True):
        job, page = item.job, item.page
        born = page.published or job.created_at
        articles.append(
            _checked(job, now, born, None)
            | {
                "etag": item.result.etag,
                "last_modified": item.result.last_modified,
                "current_version_id": version_id,
                "born_at": born,
                "canonical_url": job.url if page.canonical_url else None,
            }
        )
    session.execute(update(m.Article), articles)
    return [Outcome(i.job.article_id, i.job.url, "first", version=1) for i in items]


def _checked(
    job: Job, now: datetime, born: datetime, last_changed: datetime | None
) -> dict[str, object]:
    """An article's state after a check that went well: its next check from its source's
    cadence (none past its age: retired), failures cleared, this run's claim on it ended."""
    cadence = job.spec.cadence() if job.spec else Cadence()
    when = next_check(cadence, now, born, last_changed)
    return {
        "id": job.article_id,
        "status": "ok" if when else "retired",
        "consecutive_failures": 0,
        "last_error": None,
        "last_checked_at": now,
        "next_check_at": when,
        "claimed_by": None,
        "claimed_until": None,
    }
