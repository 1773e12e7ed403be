"""Database tables (SQLAlchemy 2, typed). Schema changes go through Alembic migrations in
``newswatch/migrations``; ``store.open_store`` applies them.

Times are stored in UTC. Versions are append-only and numbered per article; nothing that records
what an article said is ever updated or deleted.
"""

from __future__ import annotations

import zlib
from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    false,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in, aware UTC datetimes out, on SQLite as on PostgreSQL."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store; use UTC-aware datetimes")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class CompressedText(TypeDecorator[str]):
    """Text stored zlib-compressed: an article's text takes a third of the room, and a version
    fits in a page of its own instead of spilling over two."""

    impl = LargeBinary
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> bytes | None:
        return None if value is None else zlib.compress(value.encode("utf-8"), 6)

    def process_result_value(self, value: bytes | None, dialect: Dialect) -> str | None:
        return None if value is None else zlib.decompress(value).decode("utf-8")


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime, dict[str, Any]: JSON}


class Source(Base):
    __tablename__ = "source"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    url: Mapped[str] = mapped_column(Text)
    settings: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # discovery state of feeds, sitemaps and section pages
    status: Mapped[str] = mapped_column(String(20), default="new", server_default="new")
    last_error: Mapped[str | None] = mapped_column(Text)
    last_checked_at: Mapped[datetime | None]
    found: Mapped[int] = mapped_column(default=0, server_default="0")


class Article(Base):
    __tablename__ = "article"
    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(Text, unique=True)
    canonical_url: Mapped[str | None] = mapped_column(Text, index=True)  # as the page names itself
    source_id: Mapped[int | None] = mapped_column(ForeignKey("source.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    born_at: Mapped[datetime | None]  # published, or first seen: the schedule's clock
    last_changed_at: Mapped[datetime | None]
    lastmod_seen: Mapped[datetime | None]  # newest lastmod a feed or sitemap announced
    # which monitoring run has this article, until when: two runs never check it twice
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    claimed_until: Mapped[datetime | None]
    # schedule and fetch state: the only mutable columns, none of them evidence
    next_check_at: Mapped[datetime | None]
    last_checked_at: Mapped[datetime | None]
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    # new, ok, failing, retired (past its schedule), duplicate (another URL of one article)
    status: Mapped[str] = mapped_column(String(20), default="new")
    last_error: Mapped[str | None] = mapped_column(Text)
    consecutive_failures: Mapped[int] = mapped_column(default=0)
    # Plain ids, not foreign keys: article, version and capture refer to each other in a cycle.
    current_version_id: Mapped[int | None]

    source: Mapped[Source | None] = relationship()


class Blob(Base):
    """Raw bytes by sha256, written once: zlib-compressed whole, or (``base`` set) a zstd delta
    against the bytes of the blob ``base``, at most two deltas from a whole one (``blobs``)."""

    __tablename__ = "blob"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    base: Mapped[str | None] = mapped_column(String(64), default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class SitePage(Base):
    """A site's reference page: a whole page of the site, recently stored, that the site's
    first versions in later batches are packed against (``blobs.Siblings``). Goes with its
    blob when retention deletes that."""

    __tablename__ = "site_page"
    site: Mapped[str] = mapped_column(String(255), primary_key=True)  # the host name
    blob_sha256: Mapped[str] = mapped_column(ForeignKey("blob.sha256", ondelete="CASCADE"))
    stored_at: Mapped[datetime] = mapped_column(default=utcnow)


class Capture(Base):
    """Every fetch attempt. ``outcome``: new-version, unchanged, not-modified, error."""

    __tablename__ = "capture"
    __table_args__ = (Index("ix_capture_article_time", "article_id", "fetched_at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id"))
    fetched_at: Mapped[datetime] = mapped_column(default=utcnow)
    cycle: Mapped[str | None] = mapped_column(String(64))
    url: Mapped[str | None] = mapped_column(Text)  # where the answer came from, if not the article
    status: Mapped[int | None]
    headers: Mapped[dict[str, Any]] = mapped_column(default=dict)
    blob_sha256: Mapped[str | None] = mapped_column(ForeignKey("blob.sha256"))
    outcome: Mapped[str] = mapped_column(String(20))
    error: Mapped[str | None] = mapped_column(Text)
    version_id: Mapped[int | None] = mapped_column(ForeignKey("version.id"))
    elapsed_ms: Mapped[int | None] = mapped_column(Integer)
    article: Mapped[Article] = relationship(foreign_keys=[article_id])
    # sha256 of the body even when the bytes are not kept (a revisit whose text is unchanged)
    payload_sha256: Mapped[str | None] = mapped_column(String(64))


class Version(Base):
    __tablename__ = "version"
    __table_args__ = (
        UniqueConstraint("article_id", "number", name="uq_version_article_number"),
        UniqueConstraint("article_id", "fingerprint", name="uq_version_article_fingerprint"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id"))
    number: Mapped[int]
    fingerprint: Mapped[str] = mapped_column(String(64))
    headline: Mapped[str] = mapped_column(Text)
    byline: Mapped[str | None] = mapped_column(Text)
    published: Mapped[datetime | None]
    modified: Mapped[datetime | None]
    text: Mapped[str] = mapped_column("text_z", CompressedText)
    # a live page's version: its claims rank new posts and posts scrolled off as low
    live: Mapped[bool] = mapped_column(default=False, server_default=false())
    # which extractor read the text (newswatch.extract.extractor()); rows before it was kept: 1
    extractor: Mapped[str] = mapped_column(String(40), server_default="1")
    capture_id: Mapped[int | None]  # the capture that first showed this text
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    article: Mapped[Article] = relationship(foreign_keys=[article_id])


class Change(Base):
    __tablename__ = "change"
    __table_args__ = (UniqueConstraint("old_version_id", "new_version_id", name="uq_change_pair"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id"), index=True)
    old_version_id: Mapped[int] = mapped_column(ForeignKey("version.id"))
    new_version_id: Mapped[int] = mapped_column(ForeignKey("version.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    severity: Mapped[str] = mapped_column(String(10))  # highest claim severity, or "none"
    stats: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # a reviewer's verdict: confirmed, or dismissed as noise
    verdict: Mapped[str | None] = mapped_column(String(20))
    verdict_note: Mapped[str | None] = mapped_column(Text)
    reviewed_at: Mapped[datetime | None]

    claims: Mapped[list[ClaimChange]] = relationship(
        order_by="ClaimChange.position", cascade="all, delete-orphan"
    )
    old_version: Mapped[Version] = relationship(foreign_keys=[old_version_id])
    new_version: Mapped[Version] = relationship(foreign_keys=[new_version_id])
    article: Mapped[Article] = relationship()


class ClaimChange(Base):
    __tablename__ = "claim_change"
    id: Mapped[int] = mapped_column(primary_key=True)
    change_id: Mapped[int] = mapped_column(ForeignKey("change.id"), index=True)
    position: Mapped[int]
    kind: Mapped[str] = mapped_column(String(20))
    severity: Mapped[str] = mapped_column(String(10))
    old_sentence: Mapped[str | None] = mapped_column(Text)
    new_sentence: Mapped[str | None] = mapped_column(Text)
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    old_start: Mapped[int | None]
    old_end: Mapped[int | None]
    new_start: Mapped[int | None]
    new_end: Mapped[int | None]
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)


class Host(Base):
    """Politeness and robots.txt state of one host, shared by every worker."""

    __tablename__ = "host"
    name: Mapped[str] = mapped_column(String(255), primary_key=True)
    next_request_at: Mapped[datetime | None]
    robots_txt: Mapped[str | None] = mapped_column(Text)
    robots_status: Mapped[int | None]
    robots_fetched_at: Mapped[datetime | None]
    crawl_delay: Mapped[float | None]


class HostLease(Base):
    """One request in flight to a host; expires by itself if its worker dies."""

    __tablename__ = "host_lease"
    __table_args__ = (Index("ix_host_lease_host", "host", "expires_at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    host: Mapped[str] = mapped_column(String(255))
    expires_at: Mapped[datetime]


class Notice(Base):
    """A message for the operator (an article failing, extraction broken), sent once."""

    __tablename__ = "notice"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(40))
    subject: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    article_id: Mapped[int | None] = mapped_column(ForeignKey("article.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    status: Mapped[str] = mapped_column(String(10), default="pending")  # pending, sent, failed
    sent_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)


class IgnoreRule(Base):
    """Sentences a reviewer dismissed as noise for a source: claims in sentences matching the
    pattern are cosmetic from then on."""

    __tablename__ = "ignore_rule"
    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("source.id"), index=True)
    pattern: Mapped[str] = mapped_column(Text)
    from_change_id: Mapped[int | None] = mapped_column(ForeignKey("change.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    note: Mapped[str | None] = mapped_column(Text)


class Alert(Base):
    """The outbox: one row per (change, recipient), written with the change."""

    __tablename__ = "alert"
    __table_args__ = (Index("ix_alert_due", "status", "next_attempt_at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    change_id: Mapped[int] = mapped_column(ForeignKey("change.id"), index=True)
    recipient: Mapped[str] = mapped_column(String(320))
    idempotency_key: Mapped[str] = mapped_column(String(64), unique=True)
    status: Mapped[str] = mapped_column(String(10), default="pending", index=True)
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    message_id: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None]
    # immediate, hourly or daily: a digest alert waits for its window in next_attempt_at
    mode: Mapped[str] = mapped_column(String(10), default="immediate", server_default="immediate")
    delivered_in: Mapped[str | None] = mapped_column(String(200))  # Message-ID that carried it
    reply: Mapped[str | None] = mapped_column(Text)  # the SMTP server's answer when sent

    change: Mapped[Change] = relationship()
