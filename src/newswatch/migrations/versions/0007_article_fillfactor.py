"""PostgreSQL: room in the article table's pages for the rows' next versions.

Every check updates its article's row twice (claimed, then its schedule). With full pages
(PostgreSQL's default) each update writes the new row version to another page and a new entry
into every index of the table; with nearly a third of each page left free the update stays on
its page and leaves the indexes alone (a heap-only update), so a cycle that finds nothing
changed grows the database by little more than its capture rows. SQLite rewrites rows in
place: nothing to do.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE article SET (fillfactor = 70)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE article RESET (fillfactor)")
