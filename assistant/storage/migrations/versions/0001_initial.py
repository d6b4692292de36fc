"""Interviews, plans and change counters.

Tables that a data folder from before migrations already holds (same columns, created by the
old embedded schema) are adopted as they are.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create what is missing."""
    existing = set(sa.inspect(op.get_bind()).get_table_names())
    if "interviews" not in existing:
        op.create_table(
            "interviews",
            sa.Column("id", sa.String, primary_key=True),
            sa.Column("owner", sa.String, nullable=False),
            sa.Column("lang", sa.String, nullable=False),
            sa.Column("status", sa.String, nullable=False),
            sa.Column("state", sa.Text, nullable=False),
            sa.Column("created_at", sa.Double, nullable=False),
            sa.Column("updated_at", sa.Double, nullable=False),
        )
        op.create_index("interviews_owner", "interviews", ["owner", "updated_at"])
    if "plans" not in existing:
        op.create_table(
            "plans",
            sa.Column("id", sa.String, primary_key=True),
            sa.Column("owner", sa.String, nullable=False),
            sa.Column("interview_id", sa.String),
            sa.Column("lang", sa.String, nullable=False),
            sa.Column("title", sa.Text, nullable=False),
            sa.Column("answers", sa.Text, nullable=False),
            sa.Column("plan", sa.Text, nullable=False),
            sa.Column("created_at", sa.Double, nullable=False),
            sa.Column("updated_at", sa.Double, nullable=False),
        )
        op.create_index("plans_owner", "plans", ["owner", "updated_at"])
    if "changes" not in existing:
        op.create_table(
            "changes",
            sa.Column("name", sa.String, primary_key=True),
            sa.Column("value", sa.BigInteger, nullable=False),
        )


def downgrade() -> None:
    """Drop everything (a test or a clean uninstall)."""
    op.drop_table("changes")
    op.drop_table("plans")
    op.drop_table("interviews")
