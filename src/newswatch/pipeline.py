"""One check of a batch of articles, stage by stage: fetch, extract, store, diff, claims, alerts.

Plain functions, no Prefect: the monitoring flow runs ``check_batch`` as a task, and tests and
benchmarks call it directly. For each article everything that is stored (the raw page, the
capture, a new version, the change with its claims and its alert rows) is written in one
transaction, so a crash leaves either all of it or none of it.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, replace
from datetime import timedelta
from urllib.parse import urlsplit

import requests
from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from newswatch import models as m
from newswatch import store as st
from newswatch.alerts import queue_alerts, recipients_for
from newswatch.claims import is_silent
from newswatch.diff import Comparison, compare
from newswatch.discover import canonical_url
from newswatch.extract import Extracted, ExtractionError, extract
from newswatch.fetch import FetchError, FetchOptions, FetchResult, fetch, make_session
from newswatch.hosts import HostGate, Politeness
from newswatch.mailer import mail_domain
from newswatch.schedule import Cadence, next_check
from newswatch.settings import Settings
from newswatch.sources import Source, Watchlist
from newswatch.triage import apply_ignore_rules, rules_for

# A new text shorter than this share of the stored one is an extraction failure (a redesign, a
# consent wall), never a mass deletion.
MIN_KEPT_SHARE = 0.3
MIN_TEXT_FOR_SHRINK_CHECK = 400


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


def fetch_options(settings: Settings) -> FetchOptions:
    return FetchOptions(
        user_agent=settings.full_user_agent,
        connect_timeout=settings.connect_timeout,
        read_timeout=settings.read_timeout,
        max_bytes=settings.max_bytes,
        allow_hosts=tuple(settings.allow_hosts),
    )


def politeness(settings: Settings) -> Politeness:
    return Politeness(
        min_delay=settings.host_delay,
        max_concurrent=settings.host_concurrency,
        obey_robots=settings.obey_robots,
    )


def check_batch(
    store: st.Store, article_ids: list[int], watchlist: Watchlist, settings: Settings, cycle: str
) -> list[Outcome]:
    """Check each article once in this cycle; an article already checked in it is skipped, so a
    retried batch only repeats what failed."""
    options = fetch_options(settings)
    with make_session(options) as http:
        checker = Checker(
            store, watchlist, settings, cycle, options, http, HostGate(store, politeness(settings))
        )
        return [checker.check(article_id) for article_id in article_ids]


def _source_spec(watchlist: Watchlist, article: m.Article) -> Source | None:
    if article.source is None:
        return None
    try:
        return watchlist.by_name(article.source.name)
    except KeyError:
        return None


@dataclass
class Checker:
    store: st.Store
    watchlist: Watchlist
    settings: Settings
    cycle: str
    options: FetchOptions
    http: requests.Session
    gate: HostGate
    spec: Source | None = field(default=None, init=False)

    def check(self, article_id: int) -> Outcome:
        with self.store.reading() as session:
            article = session.get_one(m.Article, article_id)
            url, etag, last_modified = article.url, article.etag, article.last_modified
            self.spec = _source_spec(self.watchlist, article)
            tried = session.execute(
                select(m.Capture.outcome, m.Capture.headers).where(
                    m.Capture.article_id == article_id, m.Capture.cycle == self.cycle
                )
            ).all()
            wait_until = article.next_check_at
            taken = (
                article.claimed_by not in (None, self.cycle)
                and article.claimed_until is not None
                and article.claimed_until > m.utcnow()
            )
        if taken or any(outcome != "error" for outcome, _ in tried):
            return Outcome(article_id, url, "skipped")  # done in this run, or another run has it
        asked_to_wait = any("retry-after" in (headers or {}) for _, headers in tried)
        if asked_to_wait and wait_until is not None and wait_until > m.utcnow():
            # the site asked for a pause (Retry-After): not again in this cycle
            return Outcome(article_id, url, "deferred", error="waiting for Retry-After")
        try:
            if not self.gate.robots_allows(url, self._fetch_robots):
                return self._failure(
                    article_id,
                    url,
                    None,
                    "disallowed by robots.txt for the newswatch user agent",
                    transient=False,
                )
            lease = self.gate.acquire(url)
        except FetchError as exc:
            return self._failure(article_id, url, None, exc.reason, exc.transient)
        try:
            result = fetch(
                url, self.options, etag=etag, last_modified=last_modified, session=self.http
            )
        finally:
            self.gate.release(lease)
        if result.error is not None:
            if result.retry_after:
                self.gate.defer(url, result.retry_after)
            return self._failure(article_id, url, result, result.error, result.transient)
        if result.not_modified:
            return self._not_modified(article_id, url, result)
        assert result.body is not None
        try:
            page = extract(
                result.body,
                url,
                content_type=result.headers.get("content-type"),
                selector=self.spec.selector if self.spec else None,
            )
        except ExtractionError as exc:
            return self._failure(
                article_id, url, result, f"no article text: {exc}", False, keep_body=True
            )
        for attempt in range(2):
            try:
                return self._page(article_id, url, result, page)
            except IntegrityError:
                # Another worker stored the same version first: the retry finds it as a revisit.
                if attempt == 1:
                    raise
        raise AssertionError("unreachable")

    def _fetch_robots(self, robots_url: str) -> FetchResult:
        return fetch(robots_url, self.options, session=self.http)

    def _capture_fields(self, result: FetchResult | None, url: str) -> dict[str, object]:
        if result is None:
            return {"url": url, "status": None, "headers": {}, "cycle": self.cycle}
        digest = hashlib.sha256(result.body).hexdigest() if result.body is not None else None
        return {
            "url": result.final_url,
            "status": result.status,
            "headers": result.headers,
            "cycle": self.cycle,
            "elapsed_ms": int(result.elapsed * 1000),
            "payload_sha256": digest,
        }

    def _failure(
        self,
        article_id: int,
        url: str,
        result: FetchResult | None,
        error: str,
        transient: bool,
        *,
        keep_body: bool = False,
    ) -> Outcome:
        with self.store.transaction() as session:
            body = result.body if result is not None else None
            blob = st.put_blob(session, body) if keep_body and body else None
            st.add_capture(
                session,
                article_id=article_id,
                outcome="error",
                error=error,
                blob_sha256=blob,
                **self._capture_fields(result, url),
            )
            article = session.get_one(m.Article, article_id)
            self._failed(session, article, error)
            if result is not None and result.retry_after:
                later = m.utcnow() + timedelta(seconds=result.retry_after)
                if article.next_check_at is None or article.next_check_at < later:
                    article.next_check_at = later
        return Outcome(article_id, url, "failed", error=error, transient=transient)

    def _schedule(self, article: m.Article) -> None:
        """Set the next check from the source's cadence; past its age the article retires.
        Called when a check is recorded, which also ends this run's claim on the article."""
        st.release_article(article)
        now = m.utcnow()
        cadence = self.spec.cadence() if self.spec else Cadence()
        born = article.born_at or article.created_at
        article.next_check_at = next_check(cadence, now, born, article.last_changed_at)
        if article.next_check_at is None:
            article.status = "retired"

    def _failed(self, session: Session, article: m.Article, error: str) -> None:
        """Count a failure; at the threshold the article is failing and the operator told once."""
        article.consecutive_failures += 1
        article.last_error = error
        article.last_checked_at = m.utcnow()
        self._schedule(article)
        threshold = max(1, self.settings.failure_threshold)
        if article.consecutive_failures >= threshold:
            if article.status != "failing":
                st.add_notice(
                    session,
                    key=f"failing:{article.id}:{m.utcnow():%Y%m%d%H%M%S%f}",
                    kind="article-failing",
                    article_id=article.id,
                    subject=f"newswatch: {article.url} is failing",
                    body=f"{article.url} failed {article.consecutive_failures} checks in a row."
                    f"\nLast error: {error}\nIt is still checked and recovers by itself.",
                )
            article.status = "failing"

    def _ok(self, session: Session, article: m.Article, result: FetchResult | None) -> None:
        if article.status == "failing":
            st.add_notice(
                session,
                key=f"recovered:{article.id}:{m.utcnow():%Y%m%d%H%M%S%f}",
                kind="article-recovered",
                article_id=article.id,
                subject=f"newswatch: {article.url} recovered",
                body=f"{article.url} is answering again after "
                f"{article.consecutive_failures} failed checks.",
            )
        article.status = "ok"
        article.consecutive_failures = 0
        article.last_error = None
        article.last_checked_at = m.utcnow()
        self._schedule(article)
        if result is not None:
            article.etag = result.etag
            article.last_modified = result.last_modified

    def _not_modified(self, article_id: int, url: str, result: FetchResult) -> Outcome:
        with self.store.transaction() as session:
            article = session.get_one(m.Article, article_id)
            st.add_capture(
                session,
                article_id=article_id,
                outcome="not-modified",
                version_id=article.current_version_id,
                **self._capture_fields(result, url),
            )
            self._ok(session, article, None)
            current = (
                session.get(m.Version, article.current_version_id)
                if article.current_version_id
                else None
            )
        return Outcome(article_id, url, "not-modified", version=current.number if current else None)

    def _page(self, article_id: int, url: str, result: FetchResult, page: Extracted) -> Outcome:
        assert result.body is not None
        with self.store.transaction() as session:
            article = session.get_one(m.Article, article_id)
            fields = self._capture_fields(result, url)
            twin = self._same_article_elsewhere(session, article, page, result)
            if twin is not None:
                error = f"the same article as {twin.url} (its canonical URL); not tracked twice"
                st.add_capture(
                    session, article_id=article_id, outcome="duplicate", error=error, **fields
                )
                article.status, article.last_error = "duplicate", error
                article.next_check_at = None
                st.release_article(article)
                return Outcome(article_id, url, "duplicate", error=error)
            known = st.version_by_fingerprint(session, article_id, page.fingerprint)
            if known is not None:
                # The text of a stored version (perhaps an older one the page flipped back to):
                # a cheap revisit that keeps the payload's digest, status and headers.
                st.add_capture(
                    session,
                    article_id=article_id,
                    outcome="unchanged",
                    version_id=known.id,
                    **fields,
                )
                article.current_version_id = known.id
                self._ok(session, article, result)
                return Outcome(article_id, url, "unchanged", version=known.number)
            blob = st.put_blob(session, result.body)
            previous = (
                session.get(m.Version, article.current_version_id)
                if article.current_version_id
                else None
            )
            if previous is not None and _lost_most_text(previous.text, page.text):
                return self._extraction_broken(session, article, previous, page, blob, fields)
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
            if previous is None:
                article.born_at = page.published or article.created_at
            else:
                article.last_changed_at = m.utcnow()
            self._ok(session, article, result)
            if previous is None:
                return Outcome(article_id, url, "first", version=version.number)
            terms = tuple(self.spec.terms) if self.spec else ()
            comparison = self._compare(session, article, previous, page, terms)
            change = _store_change(session, article, previous, version, comparison)
            recipients = recipients_for(self.watchlist, self.settings, self.spec, comparison.claims)
            queued = queue_alerts(
                session, change, recipients, mail_domain(self.settings), self.settings.digest_hour
            )
            return Outcome(
                article_id,
                url,
                "changed",
                version=version.number,
                change_id=change.id,
                severity=change.severity,
                alerts=queued,
            )

    def _compare(
        self,
        session: Session,
        article: m.Article,
        previous: m.Version,
        page: Extracted,
        terms: tuple[str, ...],
    ) -> Comparison:
        """The claim engine, then the source's ignore rules (noise a reviewer dismissed)."""
        comparison = compare(
            previous.text,
            page.text,
            old_headline=previous.headline,
            new_headline=page.headline,
            terms=terms,
        )
        rules = rules_for(session, article.source_id)
        if rules:
            comparison = replace(comparison, claims=apply_ignore_rules(comparison.claims, rules))
        return comparison

    def _same_article_elsewhere(
        self, session: Session, article: m.Article, page: Extracted, result: FetchResult
    ) -> m.Article | None:
        """The page names a canonical URL: remember it, and if another tracked article is that
        page, say so (one article is tracked once however it is linked)."""
        if not page.canonical_url:
            return None
        try:
            canonical = canonical_url(page.canonical_url, result.final_url)
        except ValueError:
            return None
        if urlsplit(canonical).netloc != urlsplit(canonical_url(result.final_url)).netloc:
            return None  # a canonical on another site is not evidence of the same page here
        if canonical == article.url:
            article.canonical_url = canonical
            return None
        twin = session.scalar(
            select(m.Article)
            .where(
                m.Article.id != article.id,
                or_(m.Article.url == canonical, m.Article.canonical_url == canonical),
            )
            .limit(1)
        )
        if twin is None:
            article.canonical_url = canonical
        return twin

    def _extraction_broken(
        self,
        session: Session,
        article: m.Article,
        previous: m.Version,
        page: Extracted,
        blob: str,
        fields: dict[str, object],
    ) -> Outcome:
        error = (
            f"extraction broken: text shrank from {len(previous.text)} to "
            f"{len(page.text)} characters; stored versions kept"
        )
        st.add_capture(
            session, article_id=article.id, outcome="error", error=error, blob_sha256=blob, **fields
        )
        source = self.spec.name if self.spec else article.url
        st.add_notice(
            session,
            key=f"extraction-broken:{source}:{m.utcnow():%Y-%m-%d}",
            kind="extraction-broken",
            article_id=article.id,
            subject=f"newswatch: extraction looks broken for {source}",
            body=f"{article.url}: {error}.\nThe site may have changed its layout; set or fix the "
            "source's CSS selector. No deletion was recorded and no alert was sent.",
        )
        self._failed(session, article, error)
        return Outcome(article.id, article.url, "failed", error=error)


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
        counts["checked"] += outcome.outcome not in ("skipped", "deferred")
        if outcome.outcome in ("unchanged", "not-modified"):
            counts["unchanged"] += 1
        elif outcome.outcome == "deferred":
            counts["failed"] += 1
        elif outcome.outcome in counts:
            counts[outcome.outcome] += 1
        counts["alerts queued"] += outcome.alerts
    return counts
