"""Article claims by monitoring runs, reviewers' verdicts on changes, ignore rules

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "ignore_rule",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("pattern", sa.Text(), nullable=False),
        sa.Column("from_change_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["from_change_id"], ["change.id"], name=op.f("fk_ignore_rule_from_change_id_change")
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["source.id"], name=op.f("fk_ignore_rule_source_id_source")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ignore_rule")),
    )
    with op.batch_alter_table("ignore_rule", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ignore_rule_source_id"), ["source_id"], unique=False)

    with op.batch_alter_table("article", schema=None) as batch_op:
        batch_op.add_column(sa.Column("claimed_by", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("claimed_until", sa.DateTime(timezone=True), nullable=True))

    with op.batch_alter_table("change", schema=None) as batch_op:
        batch_op.add_column(sa.Column("verdict", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("verdict_note", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table("change", schema=None) as batch_op:
        batch_op.drop_column("reviewed_at")
        batch_op.drop_column("verdict_note")
        batch_op.drop_column("verdict")

    with op.batch_alter_table("article", schema=None) as batch_op:
        batch_op.drop_column("claimed_until")
        batch_op.drop_column("claimed_by")

    with op.batch_alter_table("ignore_rule", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ignore_rule_source_id"))

    op.drop_table("ignore_rule")
