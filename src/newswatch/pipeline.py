"""One check of a batch of articles, stage by stage: fetch, extract, store, diff, claims, alerts.

Plain functions, no Prefect: the monitoring flow runs ``check_batch`` as a task, and tests and
benchmarks call it directly. For each article everything that is stored (the raw page, the
capture, a new version, the change with its claims and its alert rows) is written in one
transaction, so a crash leaves either all of it or none of it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from email.utils import parseaddr

import requests
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from newswatch import models as m
from newswatch import store as st
from newswatch.alerts import queue_alerts, recipients_for
from newswatch.claims import is_silent
from newswatch.diff import Comparison, compare
from newswatch.extract import Extracted, ExtractionError, extract
from newswatch.fetch import FetchOptions, FetchResult, fetch
from newswatch.settings import Settings
from newswatch.sources import Source, Watchlist

# A new text shorter than this share of the stored one is an extraction failure (a redesign, a
# consent wall), never a mass deletion.
MIN_KEPT_SHARE = 0.3
MIN_TEXT_FOR_SHRINK_CHECK = 400


@dataclass(frozen=True)
class Outcome:
    article_id: int
    url: str
    outcome: str  # first, changed, unchanged, not-modified, failed, skipped
    version: int | None = None
    change_id: int | None = None
    severity: str | None = None
    alerts: int = 0
    error: str | None = None
    transient: bool = False

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def fetch_options(settings: Settings) -> FetchOptions:
    return FetchOptions(
        user_agent=settings.full_user_agent,
        connect_timeout=settings.connect_timeout,
        read_timeout=settings.read_timeout,
        max_bytes=settings.max_bytes,
        allow_hosts=tuple(settings.allow_hosts),
    )


def check_batch(
    store: st.Store,
    article_ids: list[int],
    watchlist: Watchlist,
    settings: Settings,
    cycle: str,
) -> list[Outcome]:
    """Check each article once in this cycle; an article already checked in it is skipped, so a
    retried batch only repeats what failed."""
    options = fetch_options(settings)
    outcomes: list[Outcome] = []
    with requests.Session() as http:
        for article_id in article_ids:
            outcomes.append(
                check_article(store, article_id, watchlist, settings, options, cycle, http)
            )
    return outcomes


def _source_spec(watchlist: Watchlist, article: m.Article) -> Source | None:
    if article.source is None:
        return None
    try:
        return watchlist.by_name(article.source.name)
    except KeyError:
        return None


def check_article(
    store: st.Store,
    article_id: int,
    watchlist: Watchlist,
    settings: Settings,
    options: FetchOptions,
    cycle: str,
    http: requests.Session | None = None,
) -> Outcome:
    with store.reading() as session:
        article = session.get_one(m.Article, article_id)
        url, etag, last_modified = article.url, article.etag, article.last_modified
        spec = _source_spec(watchlist, article)
        done = session.scalar(
            select(m.Capture.id)
            .where(
                m.Capture.article_id == article_id,
                m.Capture.cycle == cycle,
                m.Capture.outcome != "error",
            )
            .limit(1)
        )
    if done is not None:
        return Outcome(article_id, url, "skipped")
    result = fetch(url, options, etag=etag, last_modified=last_modified, session=http)
    if result.error is not None:
        return _record_failure(
            store, article_id, url, result, cycle, result.error, result.transient
        )
    if result.not_modified:
        return _record_not_modified(store, article_id, url, result, cycle)
    assert result.body is not None
    try:
        page = extract(
            result.body,
            url,
            content_type=result.headers.get("content-type"),
            selector=spec.selector if spec else None,
        )
    except ExtractionError as exc:
        return _record_failure(
            store, article_id, url, result, cycle, f"no article text: {exc}", False, keep_body=True
        )
    for attempt in range(2):
        try:
            return _record_page(
                store, article_id, url, result, page, cycle, watchlist, settings, spec
            )
        except IntegrityError:
            # Another worker stored the same version first: the second pass finds it as a revisit.
            if attempt == 1:
                raise
    raise AssertionError("unreachable")


def _capture_fields(result: FetchResult, cycle: str) -> dict[str, object]:
    return {
        "url": result.final_url,
        "status": result.status,
        "headers": result.headers,
        "cycle": cycle,
        "elapsed_ms": int(result.elapsed * 1000),
    }


def _record_failure(
    store: st.Store,
    article_id: int,
    url: str,
    result: FetchResult,
    cycle: str,
    error: str,
    transient: bool,
    *,
    keep_body: bool = False,
) -> Outcome:
    with store.transaction() as session:
        blob = st.put_blob(session, result.body) if keep_body and result.body else None
        st.add_capture(
            session,
            article_id=article_id,
            outcome="error",
            error=error,
            blob_sha256=blob,
            **_capture_fields(result, cycle),
        )
        article = session.get_one(m.Article, article_id)
        article.consecutive_failures += 1
        article.status = "failing"
        article.last_error = error
        article.last_checked_at = m.utcnow()
    return Outcome(article_id, url, "failed", error=error, transient=transient)


def _record_not_modified(
    store: st.Store, article_id: int, url: str, result: FetchResult, cycle: str
) -> Outcome:
    with store.transaction() as session:
        article = session.get_one(m.Article, article_id)
        st.add_capture(
            session,
            article_id=article_id,
            outcome="not-modified",
            version_id=article.current_version_id,
            **_capture_fields(result, cycle),
        )
        _mark_ok(article)
        number = (
            session.get(m.Version, article.current_version_id)
            if article.current_version_id
            else None
        )
    return Outcome(article_id, url, "not-modified", version=number.number if number else None)


def _mark_ok(article: m.Article, result: FetchResult | None = None) -> None:
    article.status = "ok"
    article.consecutive_failures = 0
    article.last_error = None
    article.last_checked_at = m.utcnow()
    if result is not None:
        article.etag = result.etag
        article.last_modified = result.last_modified


def _record_page(
    store: st.Store,
    article_id: int,
    url: str,
    result: FetchResult,
    page: Extracted,
    cycle: str,
    watchlist: Watchlist,
    settings: Settings,
    spec: Source | None,
) -> Outcome:
    assert result.body is not None
    with store.transaction() as session:
        article = session.get_one(m.Article, article_id)
        blob = st.put_blob(session, result.body)
        fields = _capture_fields(result, cycle)
        known = st.version_by_fingerprint(session, article_id, page.fingerprint)
        if known is not None:
            # The same text as a stored version (perhaps an older one the page flipped back to).
            st.add_capture(
                session,
                article_id=article_id,
                outcome="unchanged",
                blob_sha256=blob,
                version_id=known.id,
                **fields,
            )
            article.current_version_id = known.id
            _mark_ok(article, result)
            return Outcome(article_id, url, "unchanged", version=known.number)
        previous = (
            session.get(m.Version, article.current_version_id)
            if article.current_version_id
            else None
        )
        if previous is not None and _lost_most_text(previous.text, page.text):
            error = (
                f"extraction broken: text shrank from {len(previous.text)} to "
                f"{len(page.text)} characters; stored versions kept"
            )
            st.add_capture(
                session,
                article_id=article_id,
                outcome="error",
                error=error,
                blob_sha256=blob,
                **fields,
            )
            article.status, article.last_error = "failing", error
            article.consecutive_failures += 1
            return Outcome(article_id, url, "failed", error=error)
        capture = st.add_capture(
            session, article_id=article_id, outcome="new-version", blob_sha256=blob, **fields
        )
        version = st.add_version(
            session,
            article_id,
            fingerprint=page.fingerprint,
            headline=page.headline,
            byline=page.byline,
            published=page.published,
            modified=page.modified,
            text=page.text,
            capture_id=capture.id,
        )
        capture.version_id = version.id
        article.current_version_id = version.id
        _mark_ok(article, result)
        if previous is None:
            return Outcome(article_id, url, "first", version=version.number)
        terms = spec.terms if spec else ()
        comparison = compare(
            previous.text,
            page.text,
            old_headline=previous.headline,
            new_headline=page.headline,
            terms=tuple(terms),
        )
        change = _store_change(session, article, previous, version, comparison)
        recipients = recipients_for(watchlist, settings, spec, comparison.claims)
        domain = parseaddr(settings.mail_from)[1].rpartition("@")[2] or "newswatch"
        queued = queue_alerts(session, change, recipients, domain, settings.digest_hour)
        return Outcome(
            article_id,
            url,
            "changed",
            version=version.number,
            change_id=change.id,
            severity=change.severity,
            alerts=queued,
        )


def _lost_most_text(old: str, new: str) -> bool:
    return len(old) >= MIN_TEXT_FOR_SHRINK_CHECK and len(new) < MIN_KEPT_SHARE * len(old)


def _store_change(
    session: Session, article: m.Article, old: m.Version, new: m.Version, comparison: Comparison
) -> m.Change:
    stats: dict[str, object] = dict(comparison.stats())
    stats["silent"] = is_silent(comparison.severity, old.modified, new.modified, old.text, new.text)
    change = m.Change(
        article_id=article.id,
        old_version_id=old.id,
        new_version_id=new.id,
        severity=comparison.severity,
        stats=stats,
    )
    change.old_version, change.new_version, change.article = old, new, article
    for position, claim in enumerate(comparison.claims):
        change.claims.append(
            m.ClaimChange(
                position=position,
                kind=claim.kind,
                severity=claim.severity,
                old_sentence=claim.old,
                new_sentence=claim.new,
                old_value=claim.old_value,
                new_value=claim.new_value,
                old_start=claim.old_span[0] if claim.old_span else None,
                old_end=claim.old_span[1] if claim.old_span else None,
                new_start=claim.new_span[0] if claim.new_span else None,
                new_end=claim.new_span[1] if claim.new_span else None,
                detail={k: v for k, v in claim.detail.items() if v is not None},
            )
        )
    session.add(change)
    session.flush()
    return change


def cycle_outcomes(outcomes: list[Outcome]) -> dict[str, int]:
    counts: dict[str, int] = {
        "checked": 0,
        "changed": 0,
        "unchanged": 0,
        "failed": 0,
        "first": 0,
        "alerts queued": 0,
    }
    for outcome in outcomes:
        counts["checked"] += outcome.outcome != "skipped"
        if outcome.outcome in ("unchanged", "not-modified"):
            counts["unchanged"] += 1
        elif outcome.outcome in counts:
            counts[outcome.outcome] += 1
        counts["alerts queued"] += outcome.alerts
    return counts
