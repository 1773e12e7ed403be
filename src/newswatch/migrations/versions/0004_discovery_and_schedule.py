"""Discovery state of sources; schedule and canonical URL of articles

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table("article", schema=None) as batch_op:
        batch_op.add_column(sa.Column("canonical_url", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("born_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("last_changed_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("lastmod_seen", sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_article_canonical_url"), ["canonical_url"], unique=False
        )

    with op.batch_alter_table("source", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("status", sa.String(length=20), server_default="new", nullable=False)
        )
        batch_op.add_column(sa.Column("last_error", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("last_checked_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("found", sa.Integer(), server_default="0", nullable=False))


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table("source", schema=None) as batch_op:
        batch_op.drop_column("found")
        batch_op.drop_column("last_checked_at")
        batch_op.drop_column("last_error")
        batch_op.drop_column("status")

    with op.batch_alter_table("article", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_article_canonical_url"))
        batch_op.drop_column("lastmod_seen")
        batch_op.drop_column("last_changed_at")
        batch_op.drop_column("born_at")
        batch_op.drop_column("canonical_url")
