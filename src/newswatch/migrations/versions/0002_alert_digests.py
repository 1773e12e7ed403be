"""Alerts: delivery mode (immediate or digest), the message that carried them, the reply.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("alert", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("mode", sa.String(length=10), nullable=False, server_default="immediate")
        )
        batch_op.add_column(sa.Column("delivered_in", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("reply", sa.Text(), nullable=True))
        batch_op.create_index("ix_alert_due", ["status", "next_attempt_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("alert", schema=None) as batch_op:
        batch_op.drop_index("ix_alert_due")
        batch_op.drop_column("reply")
        batch_op.drop_column("delivered_in")
        batch_op.drop_column("mode")
