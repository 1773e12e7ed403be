"""Pages stored whole are zstd frames from now on (``newswatch.blobs``); those stored before stay
zlib's, and both are read by the frame's first bytes, so nothing is rewritten going up. Going
back, every zstd page is written out as zlib again, as the code of 0011 and the downgrade of
0008 read them.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06
"""

import zlib
from collections.abc import Sequence

import sqlalchemy as sa
import zstandard
from alembic import op

revision: str = "0012"
down_revision: str | Sequence[str] | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"


def upgrade() -> None:
    pass


def downgrade() -> None:
    connection = op.get_bind()
    rows = connection.execute(sa.text("SELECT sha256, data FROM blob WHERE base IS NULL"))
    for sha256, packed in rows.all():
        if bytes(packed).startswith(ZSTD_MAGIC):
            data = zstandard.ZstdDecompressor().decompress(bytes(packed))
            connection.execute(
                sa.text("UPDATE blob SET data = :data WHERE sha256 = :sha256"),
                {"data": zlib.compress(data, 6), "sha256": sha256},
            )
