"""The benchmark's databases: made for a run (a SQLite file, or a PostgreSQL schema of its
own), checked after each cycle (what it stored, how big it grew) and settled between cycles
(VACUUM and a checkpoint), so that a cycle is not charged for the last one's writes."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import create_engine, text

from bench import report


def database_size(url: str) -> int:
    if url.startswith("sqlite"):
        import sqlite3

        path = Path(url.split("///", 1)[1])
        with sqlite3.connect(path) as conn:  # fold the write-ahead log into the file first
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return path.stat().st_size
    engine = create_engine(url)
    with engine.connect() as conn:
        size = conn.execute(
            text(
                "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c "
                "JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname = current_schema() AND c.relkind = 'r'"
            )
        ).scalar()
    engine.dispose()
    return int(size or 0)


def stored(url: str) -> tuple[int, int]:
    """Versions and changes in the run's database."""
    engine = create_engine(url)
    with engine.connect() as conn:
        versions = conn.execute(text("SELECT count(*) FROM version")).scalar_one()
        changes = conn.execute(text("SELECT count(*) FROM change")).scalar_one()
    engine.dispose()
    return int(versions), int(changes)


def expect_stored(url: str, count: int, cycle: int, label: str) -> None:
    """Stop when a cycle did not store what the corpus did: figures of a run that missed its
    edits (or stored a version of an unchanged page) would look better than the truth."""
    edited = max(1, int(count * report.EDITED)) if cycle >= 3 else 0
    expected = (count + edited, edited)
    found = stored(url)
    if found != expected:
        raise SystemExit(
            f"cycle {cycle} ({label}) left {found[0]} versions and {found[1]} changes; the"
            f" corpus calls for {expected[0]} and {expected[1]}"
        )


def settle(url: str) -> None:
    """On PostgreSQL, VACUUM the tables between cycles, as autovacuum does on a server between
    runs: the old row versions an update leaves behind become reusable space, so the growth
    measured is what the data takes, not what is waiting to be reclaimed."""
    if url.startswith("sqlite"):
        return
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        tables = conn.execute(
            text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
        ).scalars()
        for table in list(tables):
            conn.execute(text(f'VACUUM "{table}"'))
    engine.dispose()


def quiesce(url: str) -> None:
    """Let the last cycle's writes reach the disk before the next measured cycle starts: the
    file system's dirty pages, and on PostgreSQL a checkpoint (otherwise the checkpointer writes
    one cycle's pages, tens of MB on heavy pages, during the next one and is charged to it)."""
    if not url.startswith("sqlite"):
        engine = create_engine(url, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.execute(text("CHECKPOINT"))
        engine.dispose()
    os.sync()


def admin_url() -> str:
    return (
        os.environ.get("NEWSWATCH_TEST_DATABASE_URL")
        or "postgresql+psycopg://postgres@127.0.0.1:5432/test"
    )


def bench_schema(label: str) -> str:
    return f"bench_{label}_{os.getpid()}"


def drop_schemas() -> None:
    """The PostgreSQL schemas this run made: dropped when it ends."""
    engine = create_engine(admin_url())
    with engine.begin() as conn:
        names = conn.execute(
            text("SELECT nspname FROM pg_namespace WHERE nspname LIKE :pattern"),
            {"pattern": bench_schema("%")},
        ).scalars()
        for name in list(names):
            conn.execute(text(f'DROP SCHEMA "{name}" CASCADE'))
    engine.dispose()


def prepare_database(kind: str, folder: Path, label: str) -> str:
    if kind == "sqlite":
        return f"sqlite:///{folder / f'{label}.db'}"
    admin = admin_url()
    schema = bench_schema(label)
    engine = create_engine(admin)
    with engine.begin() as conn:
        conn.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    engine.dispose()
    separator = "&" if "?" in admin else "?"
    return f"{admin}{separator}options=-csearch_path%3D{schema}"
