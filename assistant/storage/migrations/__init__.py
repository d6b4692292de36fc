"""Alembic migrations, run programmatically by `Database` at its first connection."""
