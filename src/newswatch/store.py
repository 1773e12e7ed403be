"""The store: append-only versions of articles, every capture, changes and the alert outbox.

``open_store(url)`` connects and applies the Alembic migrations. The write helpers take a
``Session`` so that the pipeline can put one article's capture, version, change, claims and alert
rows in a single transaction: all of it is stored or none of it.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from sqlalchemy import Engine, create_engine, event, func, or_, select, text, update
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, selectinload, sessionmaker

from newswatch import models as m
from newswatch.schedule import comes_back
from newswatch.sources import Watchlist

if TYPE_CHECKING:
    from newswatch.diff import Comparison

MIGRATIONS = Path(__file__).parent / "migrations"
# The newest migration's revision; a test checks it against the migrations folder. Knowing it
# lets a store whose schema is current open without importing Alembic (a third of a second).
SCHEMA_HEAD = "0012"


class StoreUnavailable(RuntimeError):
    """The database cannot be reached or opened; the message names the URL and the reason."""


def _safe_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return "<unparseable database URL>"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")  # readers do not block the writer
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


_MIGRATING = threading.Lock()  # Alembic keeps its context in module globals: one at a time


def schema_revision(engine: Engine) -> str | None:
    """The revision Alembic last recorded in this database, None for a database without one."""
    try:
        with engine.connect() as connection:
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except OperationalError as exc:
        if "no such table" in str(exc.orig):  # SQLite's answer for a new database
            return None
        raise  # the database itself is unusable: open_store says so
    except DBAPIError:
        return None  # PostgreSQL's answer for a new schema (undefined table)


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest migration; a no-op (one query) when it is there."""
    if schema_revision(engine) == SCHEMA_HEAD:
        return
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with _MIGRATING:
        if schema_revision(engine) == SCHEMA_HEAD:  # another thread migrated it meanwhile
            return
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")


@dataclass
class Store:
    engine: Engine
    sessions: sessionmaker[Session]

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back on any exception."""
        with self.sessions.begin() as session:
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with self.sessions() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()


def open_store(url: str) -> Store:
    """Connect and migrate; fails fast with one clear line if the database is unusable."""
    engine = make_engine(url)
    try:
        migrate(engine)
    except OperationalError as exc:
        engine.dispose()
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise StoreUnavailable(f"database {_safe_url(url)} is unavailable: {reason}") from None
    return Store(engine, sessionmaker(engine, expire_on_commit=False))


# --- sources and articles -------------------------------------------------------------------


def sync_watchlist(session: Session, watchlist: Watchlist) -> list[int]:
    """Make the database know every enabled source; return the ids of their articles."""
    article_ids: list[int] = []
    for spec in watchlist.enabled_sources():
        settings = spec.model_dump(exclude={"name", "kind", "url"}, mode="json")
        insert_ignore(
            session,
            m.Source,
            name=spec.name,
            kind=spec.kind,
            url=spec.url,
            settings=settings,
            created_at=m.utcnow(),
        )
        source = session.scalar(select(m.Source).where(m.Source.name == spec.name))
        assert source is not None
        if (source.kind, source.url, source.settings) != (spec.kind, spec.url, settings):
            source.kind, source.url, source.settings = spec.kind, spec.url, settings
        if spec.kind == "article":
            article = ensure_article(session, spec.url, source.id)
            now = m.utcnow()
            if comes_back(
                article.status, spec.cadence(), now, article.born_at or article.created_at
            ):
                article.status, article.next_check_at = "ok", now
            article_ids.append(article.id)
    return article_ids


def insert_ignore(session: Session, model: type[m.Base], **values: Any) -> bool:
    """INSERT that quietly does nothing when a unique key is taken: two workers adding the same
    source or article at once both succeed, and one row results. True when this one inserted."""
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    result = session.execute(insert(model).values(**values).on_conflict_do_nothing())
    return bool(result.rowcount)  # type: ignore[attr-defined]


def insert_ignore_many(session: Session, model: type[m.Base], rows: list[dict[str, Any]]) -> int:
    """``insert_ignore`` for many rows in one statement; how many were inserted."""
    if not rows:
        return 0
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    key = sa_inspect(model).primary_key[0]
    return len(session.execute(insert(model).on_conflict_do_nothing().returning(key), rows).all())


def ensure_article(session: Session, url: str, source_id: int | None) -> m.Article:
    article = find_article(session, url)
    if article is None:
        insert_ignore(
            session,
            m.Article,
            url=url,
            source_id=source_id,
            status="new",
            created_at=m.utcnow(),
            consecutive_failures=0,
        )
        article = session.scalar(select(m.Article).where(m.Article.url == url))
        assert article is not None
    return article


def find_article(session: Session, url: str) -> m.Article | None:
    """The article at this URL, or the one whose page names this URL as its canonical."""
    found = session.scalar(select(m.Article).where(m.Article.url == url))
    if found is None:
        found = session.scalar(select(m.Article).where(m.Article.canonical_url == url).limit(1))
    return found


class KnownArticle(NamedTuple):
    """What a scan needs of a tracked article: plain values, not an ORM object (a sitemap's
    worth of those cost a tenth of a second to load and as much again to commit untouched)."""

    id: int
    url: str
    canonical_url: str | None
    next_check_at: datetime | None
    lastmod_seen: datetime | None
    status: str
    born_at: datetime | None
    created_at: datetime


def find_articles(session: Session, urls: Sequence[str]) -> dict[str, KnownArticle]:
    """``find_article`` for many URLs at once (a sitemap's worth): a few queries, not one per
    URL. URLs that match nothing are absent from the answer."""
    columns = select(
        m.Article.id,
        m.Article.url,
        m.Article.canonical_url,
        m.Article.next_check_at,
        m.Article.lastmod_seen,
        m.Article.status,
        m.Article.born_at,
        m.Article.created_at,
    )
    wanted = list(dict.fromkeys(urls))
    found: dict[str, KnownArticle] = {}
    for chunk in _chunks(wanted):
        for row in session.execute(columns.where(m.Article.url.in_(chunk))):
            found[row.url] = KnownArticle(*row)
    missing = [url for url in wanted if url not in found]
    for chunk in _chunks(missing):
        query = columns.where(m.Article.canonical_url.in_(chunk)).order_by(m.Article.id)
        for row in session.execute(query):
            if row.canonical_url is not None:
                found.setdefault(row.canonical_url, KnownArticle(*row))
    return found


def _chunks(items: list[str], size: int = 500) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def source_ids(session: Session) -> dict[str, int]:
    return {name: id_ for id_, name in session.execute(select(m.Source.id, m.Source.name))}


def first_captures_claimed(session: Session, cycle: str) -> int:
    """How many of the articles ``cycle`` claimed have no version yet."""
    fresh = session.scalar(
        select(func.count()).where(
            m.Article.claimed_by == cycle, m.Article.current_version_id.is_(None)
        )
    )
    return int(fresh or 0)


def claim_due_articles(
    session: Session,
    cycle: str,
    now: datetime,
    limit: int,
    everything: bool = False,
    sources: Sequence[int] | None = None,
    lease: timedelta = timedelta(hours=1),
) -> list[int]:
    """Take the due articles for one monitoring run, so that runs on other workers skip them.

    PostgreSQL locks the candidate rows with FOR UPDATE SKIP LOCKED, so a concurrent run takes
    others instead of waiting; SQLite runs the single UPDATE under its database write lock.
    An article stays claimed until its check is recorded, or the lease lapses (a crashed run).
    """
    free = or_(
        m.Article.claimed_until.is_(None),
        m.Article.claimed_until < now,
        m.Article.claimed_by == cycle,
    )
    candidates = (
        _due_query(now, everything, sources)
        .where(free)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    result = session.execute(
        update(m.Article)
        .where(m.Article.id.in_(candidates.scalar_subquery()))
        .values(claimed_by=cycle, claimed_until=now + lease)
        .returning(m.Article.id)
        .execution_options(synchronize_session=False)
    )
    claimed = set(result.scalars())
    # keep the due order (the UPDATE returns rows in storage order)
    ordered = session.scalars(_due_query(now, True, None).where(m.Article.id.in_(claimed)))
    return list(ordered)


def release_article(article: m.Article) -> None:
    article.claimed_by = None
    article.claimed_until = None


def release_claims(session: Session, cycle: str) -> int:
    """Give back the articles a run claimed and did not check (it was cancelled); returns how
    many. Checked articles were released as their checks were recorded."""
    result = session.execute(
        update(m.Article)
        .where(m.Article.claimed_by == cycle)
        .values(claimed_by=None, claimed_until=None)
        .execution_options(synchronize_session=False)
    )
    return int(getattr(result, "rowcount", 0) or 0)


def _due_query(now: datetime, everything: bool, sources: Sequence[int] | None) -> Any:
    query = select(m.Article.id).where(m.Article.status.not_in(("retired", "duplicate")))
    if sources is not None:
        query = query.where(m.Article.source_id.in_(list(sources)))
    if not everything:
        query = query.where(or_(m.Article.next_check_at.is_(None), m.Article.next_check_at <= now))
    return query.order_by(
        m.Article.next_check_at.is_not(None), m.Article.next_check_at, m.Article.id
    )


def due_articles(
    session: Session,
    now: datetime,
    limit: int,
    everything: bool = False,
    sources: Sequence[int] | None = None,
) -> list[int]:
    """Articles whose next check has come, oldest due first (new ones first of all), from the
    given sources when they are named."""
    return list(session.scalars(_due_query(now, everything, sources).limit(limit)))


# --- evidence -------------------------------------------------------------------------------


def add_capture(session: Session, **fields: Any) -> m.Capture:
    capture = m.Capture(**fields)
    session.add(capture)
    session.flush()
    return capture


def version_by_fingerprint(session: Session, article_id: int, fingerprint: str) -> m.Version | None:
    return session.scalar(
        select(m.Version).where(
            m.Version.article_id == article_id, m.Version.fingerprint == fingerprint
        )
    )


def add_version(session: Session, article_id: int, **fields: Any) -> m.Version:
    """Append the next numbered version. A concurrent writer makes the flush fail on the unique
    constraints, never a duplicate."""
    last = session.scalar(
        select(func.max(m.Version.number)).where(m.Version.article_id == article_id)
    )
    version = m.Version(article_id=article_id, number=(last or 0) + 1, **fields)
    session.add(version)
    session.flush()
    return version


def add_change(
    session: Session,
    article: m.Article,
    old: m.Version,
    new: m.Version,
    comparison: Comparison,
    silent: bool,
) -> m.Change:
    """A change from ``old`` to ``new`` with its claims (``silent``: the page owned up to it
    neither by its modified date nor by a correction note)."""
    stats: dict[str, object] = {**comparison.stats(), "silent": silent}
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


def add_notice(
    session: Session, *, key: str, kind: str, subject: str, body: str, article_id: int | None = None
) -> None:
    """Queue a message for the operator; a second notice with the same key is dropped."""
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    session.execute(
        insert(m.Notice)
        .values(
            key=key[:200],
            kind=kind,
            subject=subject,
            body=body,
            article_id=article_id,
            created_at=m.utcnow(),
            status="pending",
        )
        .on_conflict_do_nothing()
    )


# --- reading --------------------------------------------------------------------------------


def versions_of(session: Session, article_id: int) -> Sequence[m.Version]:
    return session.scalars(
        select(m.Version).where(m.Version.article_id == article_id).order_by(m.Version.number)
    ).all()


def version_number(session: Session, article_id: int, number: int) -> m.Version | None:
    return session.scalar(
        select(m.Version).where(m.Version.article_id == article_id, m.Version.number == number)
    )


def captures_of(session: Session, article_id: int, limit: int = 50) -> Sequence[m.Capture]:
    return session.scalars(
        select(m.Capture)
        .where(m.Capture.article_id == article_id)
        .order_by(m.Capture.fetched_at.desc(), m.Capture.id.desc())
        .limit(limit)
    ).all()


def capture_outcomes(session: Session, cycle: str, since: datetime) -> dict[str, int]:
    """How many captures of each outcome one cycle wrote (``since``: when it started, which
    spares the database the older captures' rows)."""
    rows = session.execute(
        select(m.Capture.outcome, func.count())
        .where(m.Capture.fetched_at >= since, m.Capture.cycle == cycle)
        .group_by(m.Capture.outcome)
    ).all()
    return {outcome: int(count) for outcome, count in rows}


def changes_since(session: Session, since: datetime | None) -> Sequence[m.Change]:
    query = select(m.Change).order_by(m.Change.created_at, m.Change.id)
    if since is not None:
        query = query.where(m.Change.created_at >= since)
    return session.scalars(query).all()


def changes_by_id(session: Session, ids: Sequence[int]) -> Sequence[m.Change]:
    """The changes with what their reviews read (both versions, the article and its source, the
    claims), loaded in a few queries for all of them instead of five per change."""
    if not ids:
        return []
    return session.scalars(
        select(m.Change)
        .where(m.Change.id.in_(ids))
        .options(
            selectinload(m.Change.old_version),
            selectinload(m.Change.new_version),
            selectinload(m.Change.article).selectinload(m.Article.source),
            selectinload(m.Change.claims),
        )
        .order_by(m.Change.id)
    ).all()
