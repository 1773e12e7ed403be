"""Daily upkeep of the store: retention of raw pages when configured, and the database's own
housekeeping. Versions, captures, changes and alerts are never deleted."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime, timedelta

from sqlalchemy import Exists, delete, exists, or_, select, text, update
from sqlalchemy.orm import aliased

from newswatch import models as m
from newswatch.store import Store


@dataclass
class UpkeepReport:
    raw_pages_dropped: int = 0
    blobs_deleted: int = 0
    leases_cleared: int = 0
    database: str = ""

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def prune_raw_pages(
    store: Store, older_than: timedelta, now: datetime | None = None
) -> tuple[int, int]:
    """Drop the raw bytes of captures older than ``older_than`` (their digest, status and
    headers stay, as do the versions' texts); returns (captures touched, blobs deleted)."""
    cutoff = (now or m.utcnow()) - older_than
    with store.transaction() as session:
        touched = session.execute(
            update(m.Capture)
            .where(m.Capture.fetched_at < cutoff, m.Capture.blob_sha256.is_not(None))
            .values(payload_sha256=m.Capture.blob_sha256, blob_sha256=None)
        ).rowcount  # type: ignore[attr-defined]

        # A page no capture shows any more stays while a kept page is packed against it, as a
        # delta of it or of a delta of it (chains are at most two long).
        def captured(blob: type[m.Blob]) -> Exists:
            return exists(select(m.Capture.id).where(m.Capture.blob_sha256 == blob.sha256))

        delta, delta_of_delta = aliased(m.Blob), aliased(m.Blob)
        needed = exists(
            select(delta.sha256).where(
                delta.base == m.Blob.sha256,
                or_(
                    captured(delta),
                    exists(
                        select(delta_of_delta.sha256).where(
                            delta_of_delta.base == delta.sha256, captured(delta_of_delta)
                        )
                    ),
                ),
            )
        )
        deleted = session.execute(delete(m.Blob).where(~captured(m.Blob), ~needed)).rowcount  # type: ignore[attr-defined]
    return int(touched or 0), int(deleted or 0)


def clear_expired_leases(store: Store, now: datetime | None = None) -> int:
    with store.transaction() as session:
        result = session.execute(
            delete(m.HostLease).where(m.HostLease.expires_at < (now or m.utcnow()))
        )
        return int(result.rowcount or 0)  # type: ignore[attr-defined]


def database_upkeep(store: Store) -> str:
    """ANALYZE on PostgreSQL; PRAGMA optimize and an incremental checkpoint on SQLite."""
    dialect = store.engine.dialect.name
    with store.engine.connect() as connection:
        if dialect == "postgresql":
            connection.execution_options(isolation_level="AUTOCOMMIT").execute(text("ANALYZE"))
            return "postgresql: analyzed"
        connection.execute(text("PRAGMA optimize"))
        connection.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
        return "sqlite: optimized, write-ahead log checkpointed"


def upkeep(store: Store, raw_retention_days: int | None) -> UpkeepReport:
    report = UpkeepReport()
    if raw_retention_days:
        report.raw_pages_dropped, report.blobs_deleted = prune_raw_pages(
            store, timedelta(days=raw_retention_days)
        )
    report.leases_cleared = clear_expired_leases(store)
    report.database = database_upkeep(store)
    return report
