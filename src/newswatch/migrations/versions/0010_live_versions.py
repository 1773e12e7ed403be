"""A version remembers whether its page was live coverage (a live blog), so that comparing it
again (``newswatch diff``) ranks its new posts as its recording did.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | Sequence[str] | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A constant default: an ALTER TABLE on both databases, not a copy of the version table.
    with op.batch_alter_table("version", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("live", sa.Boolean(), server_default=sa.false(), nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("version", schema=None) as batch_op:
        batch_op.drop_column("live")
