"""A reference page per site, so that a site's first versions are stored as deltas against a
recent page of the site in every batch, not only against one of the same batch.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "site_page",
        sa.Column("site", sa.String(length=255), nullable=False),
        sa.Column("blob_sha256", sa.String(length=64), nullable=False),
        sa.Column("stored_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["blob_sha256"],
            ["blob.sha256"],
            name=op.f("fk_site_page_blob_sha256_blob"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("site", name=op.f("pk_site_page")),
    )


def downgrade() -> None:
    # Nothing else refers to it: the deltas packed against a site's page name their base blob.
    op.drop_table("site_page")
