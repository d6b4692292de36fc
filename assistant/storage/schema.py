"""The tables, declared once for SQLite and PostgreSQL (migrations create them)."""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

interviews = sa.Table(
    "interviews", metadata,
    sa.Column("id", sa.String, primary_key=True),
    sa.Column("owner", sa.String, nullable=False),
    sa.Column("lang", sa.String, nullable=False),
    sa.Column("status", sa.String, nullable=False),
    sa.Column("state", sa.Text, nullable=False),
    sa.Column("created_at", sa.Double, nullable=False),
    sa.Column("updated_at", sa.Double, nullable=False),
    sa.Index("interviews_owner", "owner", "updated_at"),
)

plans = sa.Table(
    "plans", metadata,
    sa.Column("id", sa.String, primary_key=True),
    sa.Column("owner", sa.String, nullable=False),
    sa.Column("interview_id", sa.String),
    sa.Column("lang", sa.String, nullable=False),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("answers", sa.Text, nullable=False),
    sa.Column("plan", sa.Text, nullable=False),
    sa.Column("created_at", sa.Double, nullable=False),
    sa.Column("updated_at", sa.Double, nullable=False),
    sa.Index("plans_owner", "owner", "updated_at"),
)

# Named counters that replicas poll cheaply, e.g. "index": bumped whenever a document is added
# or removed, so every replica knows its lexical index must catch up.
changes = sa.Table(
    "changes", metadata,
    sa.Column("name", sa.String, primary_key=True),
    sa.Column("value", sa.BigInteger, nullable=False),
)
