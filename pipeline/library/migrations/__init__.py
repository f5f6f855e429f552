"""Alembic migrations of the session store; run by :func:`pipeline.store.upgrade` on every open."""
