"""Alembic environment: runs on the connection `Database` hands over (already in a transaction
that holds the migration lock), never from an ini file."""

from alembic import context

from assistant.storage.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
