"""Compact storage: versions' texts compressed; a capture's URL only when it differs.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25
"""

import zlib
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("version", schema=None) as batch_op:
        batch_op.add_column(sa.Column("text_z", sa.LargeBinary(), nullable=True))
    connection = op.get_bind()
    rows = connection.execute(sa.text("SELECT id, text FROM version")).all()
    for version_id, text in rows:
        connection.execute(
            sa.text("UPDATE version SET text_z = :z WHERE id = :id"),
            {"z": zlib.compress(text.encode("utf-8"), 6), "id": version_id},
        )
    with op.batch_alter_table("version", schema=None) as batch_op:
        batch_op.alter_column("text_z", existing_type=sa.LargeBinary(), nullable=False)
        batch_op.drop_column("text")
    with op.batch_alter_table("capture", schema=None) as batch_op:
        batch_op.alter_column("url", existing_type=sa.Text(), nullable=True)


def downgrade() -> None:
    with op.batch_alter_table("version", schema=None) as batch_op:
        batch_op.add_column(sa.Column("text", sa.Text(), nullable=True))
    connection = op.get_bind()
    rows = connection.execute(sa.text("SELECT id, text_z FROM version")).all()
    for version_id, packed in rows:
        connection.execute(
            sa.text("UPDATE version SET text = :t WHERE id = :id"),
            {"t": zlib.decompress(packed).decode("utf-8"), "id": version_id},
        )
    with op.batch_alter_table("version", schema=None) as batch_op:
        batch_op.alter_column("text", existing_type=sa.Text(), nullable=False)
        batch_op.drop_column("text_z")
