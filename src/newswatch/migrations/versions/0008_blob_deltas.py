"""Blobs stored as deltas: a later version of a page refers to the whole page it was packed
against (``blob.base``); blobs stored before keep NULL there and stay as they are.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04
"""

import zlib
from collections.abc import Sequence

import sqlalchemy as sa
import zstandard
from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("blob", schema=None) as batch_op:
        batch_op.add_column(sa.Column("base", sa.String(length=64), nullable=True))


def downgrade() -> None:
    # Every delta is written out whole again before the column that names its base goes.
    connection = op.get_bind()
    deltas = sa.text(
        "SELECT d.sha256, d.data, b.data FROM blob d JOIN blob b ON b.sha256 = d.base"
        " WHERE b.base IS NULL"
    )
    while rows := connection.execute(deltas).all():  # a chain, if any, one link per pass
        for sha256, packed, base in rows:
            reference = zstandard.ZstdCompressionDict(
                zlib.decompress(base), dict_type=zstandard.DICT_TYPE_RAWCONTENT
            )
            data = zstandard.ZstdDecompressor(dict_data=reference).decompress(packed)
            connection.execute(
                sa.text("UPDATE blob SET data = :data, base = NULL WHERE sha256 = :sha256"),
                {"data": zlib.compress(data, 6), "sha256": sha256},
            )
    with op.batch_alter_table("blob", schema=None) as batch_op:
        batch_op.drop_column("base")
