"""Alembic environment: migrations run on the connection ``store.open_store`` hands over."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine, text

from newswatch.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations() -> None:
    connection = config.attributes.get("connection")
    if connection is None:  # the alembic command line: build an engine from the ini URL
        engine = create_engine(config.get_main_option("sqlalchemy.url") or "")
        with engine.begin() as conn:
            _run(conn)
        return
    _run(connection)


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    if connection.dialect.name == "postgresql":
        # Two workers starting at once must not both migrate: one waits for the other.
        connection.execute(text("SELECT pg_advisory_xact_lock(727271)"))
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
