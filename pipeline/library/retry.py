"""Write transactions that hold up when several processes use one library at once (SQLite or PostgreSQL).

Two things keep a busy database from surfacing to a user as an error:

* :func:`write_transaction` takes SQLite's write lock when the transaction begins (``BEGIN IMMEDIATE``), so a
  writer waits its turn (up to the connection's busy timeout) instead of failing at once with "database is
  locked" when it first read and then wanted to write while another process was writing;
* :func:`retry_transient` runs an operation again, a few times with a growing, jittered pause, when the database
  refused it for a reason that passes: SQLite still locked after the busy timeout, or a PostgreSQL
  serialization failure, deadlock or lock timeout. Every other error goes up at once.

An operation wrapped by :func:`retry_transient` must leave nothing behind when it fails (one transaction, files
removed again), so running it again is safe.
"""

from __future__ import annotations

import functools
import logging
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

import sqlalchemy as sa

log = logging.getLogger(__name__)

#: PostgreSQL SQLSTATEs worth a retry: serialization failure, deadlock detected, lock not available.
TRANSIENT_SQLSTATES = frozenset({"40001", "40P01", "55P03"})
#: SQLite messages worth a retry (the busy timeout ran out).
SQLITE_BUSY_MESSAGES = ("database is locked", "database is busy", "database table is locked")

T = TypeVar("T")
_retries_seen = 0


def retries_seen() -> int:
    """How many times this process ran an operation again after a transient database error (for load tests)."""
    return _retries_seen


def is_transient(err: BaseException | None) -> bool:
    """Whether ``err`` (or an error it was raised from) is a database refusal that passes if tried again."""
    seen: set[int] = set()
    while err is not None and id(err) not in seen:
        seen.add(id(err))
        if isinstance(err, sa.exc.DBAPIError):
            if getattr(err.orig, "sqlstate", None) in TRANSIENT_SQLSTATES:
                return True
            if isinstance(err, sa.exc.OperationalError) and any(m in str(err.orig) for m in SQLITE_BUSY_MESSAGES):
                return True
        err = err.__cause__ or err.__context__
    return False


@contextmanager
def write_transaction(engine: sa.Engine) -> Iterator[sa.Connection]:
    """``engine.begin()`` for a transaction that writes: on SQLite the write lock is taken at once."""
    with engine.begin() as conn:
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        yield conn


def retry_transient(fn: Callable[..., T] | None = None, *, attempts: int = 5,
                    first_pause_s: float = 0.05) -> Callable[..., T]:
    """Decorator: call ``fn`` again (at most ``attempts`` calls in all) while it fails with a transient error.

    Pauses ``first_pause_s`` × 2**k, jittered by ±50 %, between calls; the last error goes up unchanged.
    """
    if fn is None:
        return functools.partial(retry_transient, attempts=attempts, first_pause_s=first_pause_s)

    @functools.wraps(fn)
    def call(*args, **kwargs):
        global _retries_seen
        for attempt in range(attempts):
            try:
                return fn(*args, **kwargs)
            except Exception as err:
                if attempt == attempts - 1 or not is_transient(err):
                    raise
                _retries_seen += 1
                pause_s = first_pause_s * 2 ** attempt * random.uniform(0.5, 1.5)
                log.info("%s: the database was busy (%s); trying again in %.2f s",
                         fn.__qualname__, type(err).__name__, pause_s)
                time.sleep(pause_s)
        raise AssertionError("unreachable")

    return call
