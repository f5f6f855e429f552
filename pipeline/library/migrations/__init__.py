"""Alembic migrations of the session store; run by :func:`pipeline.library.store.upgrade` on every open."""
