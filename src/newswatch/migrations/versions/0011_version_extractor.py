"""A version remembers which extractor read its text, so that the first change after extraction
improves can be told from an edit by the site (``newswatch.reread``).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | Sequence[str] | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A constant default (every text stored so far was read by extractor 1): an ALTER TABLE on
    # both databases, not a copy of the version table.
    with op.batch_alter_table("version", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("extractor", sa.String(length=40), server_default="1", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("version", schema=None) as batch_op:
        batch_op.drop_column("extractor")
