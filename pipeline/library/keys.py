"""The key store: one random 256-bit key per session and purpose, kept apart from the session database.

Each stored session's words (report.json, turn text, evidence quotes and notes) are sealed with its *words* key
and its recording with its *audio* key (:mod:`pipeline.library.sealing`). Destroying a key makes every copy of
what it sealed unreadable: dead row versions and the write-ahead log of PostgreSQL, SQLite's free pages, and a
backup of the database taken before ("crypto-shredding"). So the keys must never live in the database or its
backups: they are in their own SQLite file, ``keys.db``, in a key folder (``RAPPORT_KEYS``, default
``<data dir>/keys``), mode 0600 in a 0700 folder, written with ``secure_delete`` and checkpointed after a key is
destroyed, so the destroyed key is overwritten in the file and no write-ahead log keeps it.

With ``RAPPORT_MASTER_KEY`` set, every key is stored wrapped (AES-GCM) under a key-encryption key derived from it
with scrypt (salt in the key file): a stolen key file alone opens nothing. The master key is then needed to read
any session; a key file made without it is wrapped the first time a store opens it with one.

Several processes may use one key store at once (batch workers, the app): each operation opens its own
connection, waits up to 30 s for another writer, and writes in one transaction.
"""

from __future__ import annotations

import os
import sqlite3
import time
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from pipeline.errors import StoreError
from pipeline.library.consent import now_iso

KEY_FILE = "keys.db"
#: What a session's keys seal: the words said (report.json, turn text, evidence) and the recording.
PURPOSES = ("words", "audio")
_CHECK = b"rapport key store"
_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS keys (key_id TEXT PRIMARY KEY, library_id TEXT NOT NULL, session_id TEXT NOT NULL,"
    " purpose TEXT NOT NULL, wrapped BLOB NOT NULL, created_at TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS ix_keys_session ON keys (library_id, session_id)",
    "CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value BLOB NOT NULL)",
)


#: AES-GCM's nonce and tag lengths, bytes: a sealed value is ``nonce + ciphertext + tag``.
NONCE_BYTES, TAG_BYTES = 12, 16


def aead_seal(key: bytes, data: bytes, aad: bytes) -> bytes:
    """``data`` sealed with AES-GCM under ``key`` and a fresh random nonce, bound to ``aad``:
    ``nonce + ciphertext + tag`` (``len(data) + 28`` bytes). Every sealed value of the store is made here."""
    nonce = os.urandom(NONCE_BYTES)
    return nonce + AESGCM(key).encrypt(nonce, data, aad)


def aead_open(key: bytes, sealed: bytes, aad: bytes) -> bytes:
    """What :func:`aead_seal` sealed; raises ``cryptography.exceptions.InvalidTag`` when ``key`` or ``aad`` is not
    the one it was sealed with, or ``sealed`` was altered."""
    return AESGCM(key).decrypt(sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], aad)


def default_keys_dir(data_dir: Path) -> Path:
    """``RAPPORT_KEYS`` or ``<data_dir>/keys``."""
    env = os.environ.get("RAPPORT_KEYS")
    return Path(env).expanduser() if env else data_dir / "keys"


@lru_cache(maxsize=8)
def _kek(secret: str, salt: bytes) -> bytes:
    """The key-encryption key derived from the master key (scrypt, n=2**14, r=8, p=1)."""
    return Scrypt(salt=salt, length=32, n=2**14, r=8, p=1).derive(secret.encode())


@dataclass(frozen=True)
class SessionKey:
    """A session's key for one purpose: its id (stored in the sessions table) and its 32 bytes."""

    key_id: str
    purpose: str
    key: bytes


class KeyStore:
    """The keys of a session library, in ``<folder>/keys.db``.

    Parameters
    ----------
    folder : path
        The key folder; created (mode 0700) with the key file when missing.
    library_id : str
        The library's id (its ``library_info`` row): keys of other libraries sharing the folder are never swept.
    master_key : str or None
        ``RAPPORT_MASTER_KEY`` when None; empty: the keys are stored unwrapped.

    Raises
    ------
    StoreError
        The key file cannot be opened, or the master key is missing or does not open it.
    """

    def __init__(self, folder: str | os.PathLike, *, library_id: str, master_key: str | None = None):
        self.folder = Path(folder)
        self.path = self.folder / KEY_FILE
        self.library_id = library_id
        secret = os.environ.get("RAPPORT_MASTER_KEY", "") if master_key is None else master_key
        try:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            if not self.path.exists():
                _create_key_file(self.path)
            with self._connect() as conn:
                _use_wal(conn)
                for statement in _SCHEMA:
                    conn.execute(statement)
        except (OSError, sqlite3.Error) as err:
            raise StoreError(f"Cannot open the key store at {self.path}: {err}. Check RAPPORT_KEYS and that the "
                             "folder is writable by this user.") from err
        self._kek = self._open_master(secret)

    def __repr__(self) -> str:
        return f"KeyStore({str(self.path)!r}, wrapped={self._kek is not None})"

    def _connect(self) -> _Closing:
        conn = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        conn.execute("PRAGMA busy_timeout=30000")
        conn.execute("PRAGMA secure_delete=ON")  # a destroyed key is overwritten, not left in a free page
        return _Closing(conn)

    def _open_master(self, secret: str) -> bytes | None:
        """The key-encryption key, checked against the key file; wraps a key file made without one."""
        with self._connect() as conn:
            meta = dict(conn.execute("SELECT name, value FROM meta").fetchall())
        if not secret:
            if "check" in meta:
                raise StoreError(f"The key store at {self.path} is protected by a master key: set "
                                 "RAPPORT_MASTER_KEY to it (from the service manager's secret store).")
            return None
        if "check" not in meta:
            return self._wrap_all(secret)
        kek = _kek(secret, meta["salt"])
        try:
            aead_open(kek, meta["check"], b"check")
        except InvalidTag:
            raise StoreError(f"RAPPORT_MASTER_KEY does not open the key store at {self.path}: set it to the "
                             "master key the store was made with.") from None
        return kek

    def _wrap_all(self, secret: str) -> bytes:
        """Wrap every key of a key file made without a master key under ``secret``; returns the new KEK."""
        salt = os.urandom(16)
        kek = _kek(secret, salt)
        with self._connect() as conn:
            conn.execute("BEGIN IMMEDIATE")
            if conn.execute("SELECT 1 FROM meta WHERE name = 'check'").fetchone():  # another process did it
                conn.execute("ROLLBACK")
                return self._open_master(secret)
            rows = conn.execute("SELECT key_id, session_id, purpose, wrapped FROM keys").fetchall()
            conn.executemany("UPDATE keys SET wrapped = ? WHERE key_id = ?", [
                (_wrap(kek, raw, kid, sid, purpose), kid) for kid, sid, purpose, raw in rows])
            conn.executemany("INSERT INTO meta (name, value) VALUES (?, ?)", [
                ("salt", salt), ("check", aead_seal(kek, _CHECK, b"check"))])
            conn.execute("COMMIT")
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return kek

    # ---- keys ------------------------------------------------------------

    def create(self, session_id: str, purposes: Sequence[str]) -> dict[str, SessionKey]:
        """New random keys for ``session_id``, one per purpose, committed to the key file."""
        keys = {p: SessionKey(uuid.uuid4().hex, p, AESGCM.generate_key(bit_length=256)) for p in purposes}
        rows = [(k.key_id, self.library_id, session_id, p, self._wrapped(k.key, k.key_id, session_id, p), now_iso())
                for p, k in keys.items()]
        with self._connect() as conn:
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany("INSERT INTO keys (key_id, library_id, session_id, purpose, wrapped, created_at) "
                             "VALUES (?, ?, ?, ?, ?, ?)", rows)
            conn.execute("COMMIT")
        return keys

    def _wrapped(self, key: bytes, key_id: str, session_id: str, purpose: str) -> bytes:
        return key if self._kek is None else _wrap(self._kek, key, key_id, session_id, purpose)

    def get(self, key_id: str, *, session_id: str, purpose: str) -> bytes:
        """The 32 bytes of key ``key_id`` of ``session_id``.

        Raises
        ------
        StoreError
            The key is not in this key store (destroyed, or another key folder), or was not made for this session.
        """
        with self._connect() as conn:
            row = conn.execute("SELECT session_id, purpose, wrapped FROM keys WHERE key_id = ?", (key_id,)).fetchone()
        if row is None or row[:2] != (session_id, purpose):
            raise StoreError(f"The {purpose} key of session {session_id} is not in the key store at {self.path}: "
                             "point RAPPORT_KEYS at the key folder this library was stored with, or restore that "
                             "folder from its own backup (without it the session's words cannot be read).")
        if self._kek is None:
            return row[2]
        return aead_open(self._kek, row[2], _key_aad(key_id, session_id, purpose))

    def destroy(self, key_ids: Iterable[str | None]) -> int:
        """Destroy keys (overwritten in the file, the write-ahead log truncated); returns how many there were."""
        ids = [(k,) for k in key_ids if k]
        if not ids:
            return 0
        with self._connect() as conn:
            conn.execute("BEGIN IMMEDIATE")
            gone = sum(conn.execute("DELETE FROM keys WHERE key_id = ?", k).rowcount for k in ids)
            conn.execute("COMMIT")
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return gone

    def destroy_session(self, session_id: str) -> int:
        """Destroy every key of ``session_id`` in this library; returns how many."""
        with self._connect() as conn:
            ids = [k for (k,) in conn.execute("SELECT key_id FROM keys WHERE library_id = ? AND session_id = ?",
                                              (self.library_id, session_id))]
        return self.destroy(ids)

    def key_ages(self) -> dict[str, str]:
        """``key_id -> created_at`` of every key of this library (for sweeping keys no session uses)."""
        with self._connect() as conn:
            return dict(conn.execute("SELECT key_id, created_at FROM keys WHERE library_id = ?",
                                     (self.library_id,)).fetchall())


class _Closing:
    """A sqlite3 connection as a context manager that closes it (sqlite3's own only ends a transaction)."""

    def __init__(self, conn: sqlite3.Connection):
        self._conn = conn

    def __enter__(self) -> sqlite3.Connection:
        return self._conn

    def __exit__(self, *exc) -> None:
        if self._conn.in_transaction:
            self._conn.rollback()
        self._conn.close()


def _create_key_file(path: Path) -> None:
    """Make an empty key file at ``path`` (mode 0600, WAL mode, the schema), unless another process or thread does.

    It is built under a private name and linked into place, so the live key file is never opened outside SQLite:
    closing any other descriptor of a file drops every POSIX lock this process holds on it, and SQLite's locks are
    POSIX locks. A thread that did ``os.close(os.open(keys.db))`` while another thread's connection wrote released
    that connection's locks; another process then checkpointed and removed the write-ahead log under it, and keys
    just written were lost or the file was corrupted (two app sessions opening the library as batch workers wrote).
    """
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.new")
    try:
        os.close(os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_RDWR, 0o600))  # private: no one else has it open
        with _Closing(sqlite3.connect(tmp, isolation_level=None)) as conn:
            conn.execute("PRAGMA journal_mode=WAL")  # kept in the file's header
            for statement in _SCHEMA:
                conn.execute(statement)
        try:
            os.link(tmp, path)  # atomic; refused when the key file exists
        except FileExistsError:
            pass  # made meanwhile by another process or thread: use that one
        except OSError:  # a file system without hard links: let SQLite make it, then close it to others
            with _Closing(sqlite3.connect(path, isolation_level=None)):
                pass
            path.chmod(0o600)
    finally:
        for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
            leftover.unlink(missing_ok=True)


def _use_wal(conn: sqlite3.Connection, *, wait_s: float = 30.0) -> None:
    """Put the key file in WAL mode (kept in the file: done once, by whichever process comes first).

    Several processes opening a new key store at the same moment (batch workers) may each be refused the switch at
    once with "database is locked": the busy timeout does not cover a change of journal mode. So the mode is read
    first, and the switch retried every 50 ms until it is made (here or by another process), for up to ``wait_s``.
    """
    deadline = time.monotonic() + wait_s
    while True:
        try:
            if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as err:
            if "locked" not in str(err) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _key_aad(key_id: str, session_id: str, purpose: str) -> bytes:
    return f"rapport/key/{key_id}/{session_id}/{purpose}".encode()


def _wrap(kek: bytes, key: bytes, key_id: str, session_id: str, purpose: str) -> bytes:
    return aead_seal(kek, key, _key_aad(key_id, session_id, purpose))
