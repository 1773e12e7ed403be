"""What a check leaves in the store: captures, versions, changes with their claims and alerts,
the article's state and its next check.

Every article's records are written in one transaction. Checks whose page did not change (a 304,
or the same text again) are the common case and are recorded in bulk, a batch at a time
(``recording_bulk``), as are first versions; the rest (a new version, a failure) one article
at a time, here.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from urllib.parse import urlsplit

from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from newswatch import blobs, store_pages
from newswatch import models as m
from newswatch import store as st
from newswatch.alerts import queue_alerts, recipients_for
from newswatch.checks import First, Job, Outcome, Quiet, capture_fields
from newswatch.diff import Comparison, compare, remember_alignment
from newswatch.discover import canonical_url
from newswatch.examine import Examined, Stored
from newswatch.extract import Extracted, extractor
from newswatch.fetch import FetchResult
from newswatch.mailer import mail_domain
from newswatch.recording_bulk import record_firsts, record_quiet
from newswatch.reread import without_extraction_changes
from newswatch.schedule import Cadence, next_check
from newswatch.settings import Settings
from newswatch.sources import Watchlist
from newswatch.triage import apply_ignore_rules, rules_for
from newswatch.walls import cut_short

# A new text shorter than this share of the stored one is an extraction failure (a redesign, a
# consent wall), never a mass deletion.
MIN_KEPT_SHARE = 0.3
MIN_TEXT_FOR_SHRINK_CHECK = 400


class Recorder:
    def __init__(
        self, store: st.Store, watchlist: Watchlist, settings: Settings, cycle: str
    ) -> None:
        self.store = store
        self.watchlist = watchlist
        self.settings = settings
        self.cycle = cycle
        self.siblings = blobs.Siblings(store_pages.pack_blob, self._site_page)  # for first versions

    def _site_page(self, site: str) -> blobs.Reference | None:
        with self.store.reading() as session:
            return store_pages.site_reference(session, site)

    def stored(self, job: Job) -> Stored | None:
        """The current version a new text of this article would be compared with, for the
        extraction process that reads the page (none before the first version)."""
        if job.current_version_id is None:
            return None
        with self.store.reading() as session:
            row = session.execute(
                select(m.Version.text, m.Version.headline).where(
                    m.Version.id == job.current_version_id
                )
            ).first()
            known = frozenset(
                session.scalars(
                    select(m.Version.fingerprint).where(m.Version.article_id == job.article_id)
                )
            )
        if row is None:
            return None
        return Stored(job.current_version_id, row[0], row[1], known, job.terms)

    def known_version(self, article_id: int, fingerprint: str) -> tuple[int, int] | None:
        """(id, number) of the stored version with this text, if any."""
        with self.store.reading() as session:
            row = session.execute(
                select(m.Version.id, m.Version.number).where(
                    m.Version.article_id == article_id, m.Version.fingerprint == fingerprint
                )
            ).first()
        return (int(row[0]), int(row[1])) if row else None

    def quiet(self, items: list[Quiet]) -> list[Outcome]:
        """Record many unchanged checks in one transaction: a capture each (a revisit: status,
        headers, the payload's digest), and each article's state and next check."""
        return record_quiet(self.store, self.cycle, items)

    def firsts(self, items: list[First]) -> list[Outcome]:
        """Record many first versions in one transaction (bulk inserts). Pages whose canonical
        URL needs a look, and any batch a concurrent worker collides with, go one by one."""
        if not items:
            return []
        simple: list[First] = []
        singles: list[First] = []
        for item in items:  # one pass: "not in simple" compared whole pages, n² times
            fits = _canonical_is_self(item.page.canonical_url, item.result.final_url, item.job.url)
            (simple if fits else singles).append(item)
        now = m.utcnow()
        try:
            with self.store.transaction() as session:
                outcomes = record_firsts(session, self.cycle, simple, now, self.siblings.made)
        except IntegrityError:
            singles = items  # another worker stored some of them: the careful path sorts it out
            outcomes = []
        return outcomes + [self.page(i.job, i.whole(), i.page) for i in singles]

    def _capture_fields(
        self, result: FetchResult | None, url: str, revisit: Job | None = None
    ) -> dict[str, object]:
        return capture_fields(result, url, self.cycle, revisit)

    def failure(
        self,
        job: Job,
        result: FetchResult | None,
        error: str,
        transient: bool,
        *,
        keep_body: bool = False,
    ) -> Outcome:
        """A check that produced no page: recorded, counted, scheduled again."""
        article_id, url = job.article_id, job.url
        with self.store.transaction() as session:
            body = result.body if result is not None else None
            blob = store_pages.put_blob(session, body) if keep_body and body else None
            st.add_capture(
                session,
                article_id=article_id,
                outcome="error",
                error=error,
                blob_sha256=blob,
                **self._capture_fields(result, url),
            )
            article = session.get_one(m.Article, article_id)
            self._failed(session, article, error, job)
            if result is not None and result.retry_after:
                later = m.utcnow() + timedelta(seconds=result.retry_after)
                if article.next_check_at is None or article.next_check_at < later:
                    article.next_check_at = later
        return Outcome(article_id, url, "failed", error=error, transient=transient)

    def _schedule(self, article: m.Article, job: Job) -> None:
        """Set the next check from the source's cadence; past its age the article retires.
        Called when a check is recorded, which also ends this run's claim on the article."""
        st.release_article(article)
        now = m.utcnow()
        cadence = job.spec.cadence() if job.spec else Cadence()
        born = article.born_at or article.created_at
        article.next_check_at = next_check(cadence, now, born, article.last_changed_at)
        if article.next_check_at is None:
            article.status = "retired"

    def _failed(self, session: Session, article: m.Article, error: str, job: Job) -> None:
        """Count a failure; at the threshold the article is failing and the operator told once."""
        article.consecutive_failures += 1
        article.last_error = error
        article.last_checked_at = m.utcnow()
        self._schedule(article, job)
        threshold = max(1, self.settings.failure_threshold)
        if article.consecutive_failures >= threshold:
            if article.status != "failing":
                _article_notice(
                    session,
                    article,
                    "failing",
                    f"{article.url} is failing",
                    f"{article.url} failed {article.consecutive_failures} checks in a row."
                    f"\nLast error: {error}\nIt is still checked and recovers by itself.",
                )
            article.status = "failing"

    def _ok(
        self, session: Session, article: m.Article, result: FetchResult | None, job: Job
    ) -> None:
        if article.status == "failing":
            _article_notice(
                session,
                article,
                "recovered",
                f"{article.url} recovered",
                f"{article.url} is answering again after "
                f"{article.consecutive_failures} failed checks.",
            )
        article.status = "ok"
        article.consecutive_failures = 0
        article.last_error = None
        article.last_checked_at = m.utcnow()
        self._schedule(article, job)
        if result is not None:
            article.etag = result.etag
            article.last_modified = result.last_modified

    def not_modified(self, job: Job, result: FetchResult) -> Outcome:
        article_id, url = job.article_id, job.url
        with self.store.transaction() as session:
            article = session.get_one(m.Article, article_id)
            st.add_capture(
                session,
                article_id=article_id,
                outcome="not-modified",
                version_id=article.current_version_id,
                **self._capture_fields(result, url, revisit=job),
            )
            self._ok(session, article, None, job)
            current = (
                session.get(m.Version, article.current_version_id)
                if article.current_version_id
                else None
            )
        return Outcome(article_id, url, "not-modified", version=current.number if current else None)

    def page(
        self,
        job: Job,
        result: FetchResult,
        page: Extracted,
        looked_up: bool = False,
        examined: Examined | None = None,
    ) -> Outcome:
        """A page with article text: a revisit of a known version, or a new version (and then
        a change, its claims and its alerts), all in one transaction. ``examined`` may hold the
        comparison an extraction process already made."""
        for attempt in range(2):
            try:
                return self._page(job, result, page, looked_up and attempt == 0, examined)
            except IntegrityError:
                # Another worker stored the same version first: the retry finds it as a revisit.
                if attempt == 1:
                    raise
        raise AssertionError("unreachable")

    def _page(
        self,
        job: Job,
        result: FetchResult,
        page: Extracted,
        looked_up: bool,
        examined: Examined | None,
    ) -> Outcome:
        article_id, url = job.article_id, job.url
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
            # (skipped when the caller has just looked: a version stored meanwhile by another
            # worker still fails the unique constraint, and the retry looks here)
            known = (
                None
                if looked_up
                else st.version_by_fingerprint(session, article_id, page.fingerprint)
            )
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
                self._ok(session, article, result, job)
                return Outcome(article_id, url, "unchanged", version=known.number)
            previous = (
                session.get(m.Version, article.current_version_id)
                if article.current_version_id
                else None
            )
            # Stored as a delta against the page of the version it follows where that is small.
            blob = store_pages.put_blob(session, result.body, _page_of(session, previous))
            cut = cut_short(previous.text, page.text) if previous is not None else None
            if cut is not None:  # a paywall this time: the article's second half was not deleted
                return self._not_a_version(session, article, job, blob, fields, cut)
            if previous is not None and _lost_most_text(previous.text, page.text):
                return self._extraction_broken(session, article, previous, page, blob, fields, job)
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
                live=page.live,
                extractor=extractor(),
                capture_id=capture.id,
            )
            capture.version_id = version.id
            article.current_version_id = version.id
            if previous is None:
                article.born_at = page.published or article.created_at
            else:
                article.last_changed_at = m.utcnow()
            self._ok(session, article, result, job)
            if previous is None:
                return Outcome(article_id, url, "first", version=version.number)
            made = examined.comparison_with(previous.id) if examined is not None else None
            comparison = self._compare(session, article, previous, page, job.terms, made)
            selector = job.spec.selector if job.spec else None
            comparison = without_extraction_changes(
                session, previous, page, comparison, url=url, selector=selector, terms=job.terms
            )
            from newswatch.claims import is_silent  # loaded when there is a change to judge

            silent = is_silent(
                comparison.severity, previous.modified, page.modified, previous.text, page.text
            )
            change = st.add_change(session, article, previous, version, comparison, silent)
            recipients = recipients_for(self.watchlist, self.settings, job.spec, comparison.claims)
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
        made: Comparison | None = None,
    ) -> Comparison:
        """The claim engine (unless an extraction process ran it already), then the source's
        ignore rules (noise a reviewer dismissed)."""
        if made is not None:
            comparison = made
            remember_alignment(made)  # for the review and the email of this change
        else:
            comparison = compare(
                previous.text,
                page.text,
                old_headline=previous.headline,
                new_headline=page.headline,
                terms=terms,
                live=page.live,
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

    def _not_a_version(
        self,
        session: Session,
        article: m.Article,
        job: Job,
        blob: str,
        fields: dict[str, object],
        error: str,
    ) -> Outcome:
        """A page that must not become a version: kept as the capture's evidence, a failed
        check like any other."""
        st.add_capture(
            session, article_id=article.id, outcome="error", error=error, blob_sha256=blob, **fields
        )
        self._failed(session, article, error, job)
        return Outcome(article.id, article.url, "failed", error=error)

    def _extraction_broken(
        self,
        session: Session,
        article: m.Article,
        previous: m.Version,
        page: Extracted,
        blob: str,
        fields: dict[str, object],
        job: Job,
    ) -> Outcome:
        error = (
            f"extraction broken: text shrank from {len(previous.text)} to "
            f"{len(page.text)} characters; stored versions kept"
        )
        source = job.spec.name if job.spec else article.url
        st.add_notice(
            session,
            key=f"extraction-broken:{source}:{m.utcnow():%Y-%m-%d}",
            kind="extraction-broken",
            article_id=article.id,
            subject=f"newswatch: extraction looks broken for {source}",
            body=f"{article.url}: {error}.\nThe site may have changed its layout; set or fix the "
            "source's CSS selector. No deletion was recorded and no alert was sent.",
        )
        return self._not_a_version(session, article, job, blob, fields, error)


def _article_notice(
    session: Session, article: m.Article, state: str, subject: str, body: str
) -> None:
    """Tell the operator an article went failing or recovered (each occasion its own notice)."""
    st.add_notice(
        session,
        key=f"{state}:{article.id}:{m.utcnow():%Y%m%d%H%M%S%f}",
        kind=f"article-{state}",
        article_id=article.id,
        subject=f"newswatch: {subject}",
        body=body,
    )


def _canonical_is_self(named: str | None, final_url: str, url: str) -> bool:
    """The page names no canonical URL, or its own: no other article can be this one."""
    if not named:
        return True
    try:
        return canonical_url(named, final_url) == url
    except ValueError:
        return False


def _page_of(session: Session, version: m.Version | None) -> str | None:
    """The sha256 of the page a version was captured from, if its bytes are still kept."""
    if version is None or version.capture_id is None:
        return None
    return session.scalar(select(m.Capture.blob_sha256).where(m.Capture.id == version.capture_id))


def _lost_most_text(old: str, new: str) -> bool:
    return len(old) >= MIN_TEXT_FOR_SHRINK_CHECK and len(new) < MIN_KEPT_SHARE * len(old)
