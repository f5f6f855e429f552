"""Sealing a session's words and recording with its own keys (AES-GCM), and sealing sessions stored before.

What is sealed with a session's *words* key: ``sessions.report_json`` (the report: transcript, word timings,
evidence, key phrases), ``turns.text``, ``evidence.quote`` and ``evidence.note``. Each value gets a random 96-bit
nonce, and its associated data names the session and the field (``turns.text/3``): a sealed value copied to another
row or session does not open. With its *audio* key: the recording, in its own file
``audio/<id[:2]>/<id><ext>.sealed``, in 1 MiB chunks, each bound to the session, its place and the file's length
(a chunk moved, dropped or cut off does not open). Names, timings, measures and indicator values stay plain: the
trainer's queries read them with SQL. Keys are in :mod:`pipeline.library.keys`.

A session stored before sealing existed (``words_key`` NULL) is sealed by :func:`seal_old_sessions` when a store
opens it; its plaintext recording is overwritten and removed once no unsealed session refers to it.
"""

from __future__ import annotations

import base64
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import sqlalchemy as sa
from cryptography.exceptions import InvalidTag

from pipeline.errors import StoreError
from pipeline.library.keys import KEY_FILE, KeyStore, aead_open, aead_seal
from pipeline.library.recordings import legacy_audio_file, open_audio, seal_audio, sealed_audio_file, shred
from pipeline.library.schema import evidence_t, library_info_t, sessions_t, turns_t


@dataclass(frozen=True)
class Sealer:
    """Seals and opens the text values of one session with its words key (``key`` None: values are plain)."""

    session_id: str
    key: bytes | None

    def _aad(self, field: str) -> bytes:
        return f"rapport/v1/{self.session_id}/{field}".encode()

    def seal(self, field: str, text: str | None) -> str | None:
        """``text`` sealed for ``field`` as ASCII (base64 of nonce + ciphertext); None stays None."""
        if text is None or self.key is None:
            return text
        return base64.b64encode(aead_seal(self.key, text.encode(), self._aad(field))).decode()

    def open(self, field: str, value: str | None) -> str | None:
        """The text :meth:`seal` sealed for ``field``; None stays None.

        Raises
        ------
        StoreError
            The value does not open with this key for this session and field (altered, or moved from elsewhere).
        """
        if value is None or self.key is None:
            return value
        try:
            return aead_open(self.key, base64.b64decode(value, validate=True), self._aad(field)).decode()
        except (ValueError, InvalidTag) as err:
            raise StoreError(f"The stored {field} of session {self.session_id} does not open with its key: it was "
                             "altered or copied from another session. Restore the database from a backup.") from err


def turn_field(idx: int) -> str:
    return f"turns.text/{idx}"


def evidence_field(column: str, indicator_id: str, rank: int) -> str:
    return f"evidence.{column}/{indicator_id}/{rank}"


# ---- rows -------------------------------------------------------------------

def reseal_rows(conn, session_id: str, old: Sealer, new: Sealer) -> None:
    """Open a session's report.json, turn text and evidence with ``old`` and seal them again with ``new``."""
    s, t, e = sessions_t.c, turns_t.c, evidence_t.c
    report = conn.execute(sa.select(s.report_json).where(s.id == session_id)).scalar_one()
    conn.execute(sessions_t.update().where(s.id == session_id).values(
        report_json=new.seal("report_json", old.open("report_json", report))))
    turns = [dict(b_sid=session_id, b_idx=i, b_text=new.seal(turn_field(i), old.open(turn_field(i), text)))
             for i, text in conn.execute(sa.select(t.idx, t.text).where(t.session_id == session_id,
                                                                         t.text.is_not(None)))]
    if turns:
        conn.execute(turns_t.update().where(t.session_id == sa.bindparam("b_sid"), t.idx == sa.bindparam("b_idx"))
                     .values(text=sa.bindparam("b_text")), turns)
    ev = []
    for iid, rank, quote, note in conn.execute(sa.select(e.indicator_id, e.rank, e.quote, e.note)
                                               .where(e.session_id == session_id)):
        q, n = evidence_field("quote", iid, rank), evidence_field("note", iid, rank)
        ev.append(dict(b_sid=session_id, b_iid=iid, b_rank=rank, b_quote=new.seal(q, old.open(q, quote)),
                       b_note=new.seal(n, old.open(n, note))))
    if ev:
        conn.execute(evidence_t.update().where(e.session_id == sa.bindparam("b_sid"),
                                               e.indicator_id == sa.bindparam("b_iid"),
                                               e.rank == sa.bindparam("b_rank"))
                     .values(quote=sa.bindparam("b_quote"), note=sa.bindparam("b_note")), ev)


class _SealedMeanwhile(Exception):
    """Another process sealed the session first."""


def seal_old_sessions(engine: sa.Engine, keys: KeyStore, audio_dir: Path) -> int:
    """Seal every session stored before sealing existed (``words_key`` NULL); returns how many were sealed.

    Each session in its own transaction, with new keys; a session another process seals at the same time is
    left to it. Afterwards the plain recordings that were sealed are overwritten and removed, unless a session
    not yet sealed still refers to them.
    """
    s = sessions_t.c
    with engine.connect() as conn:
        old = conn.execute(sa.select(s.id, s.audio_sha256, s.audio_ext).where(s.words_key.is_(None))).all()
    sealed, plain_files = 0, set()
    for sid, sha, ext in old:
        new = keys.create(sid, ("words", "audio") if sha else ("words",))
        src = legacy_audio_file(audio_dir, sha, ext) if sha else None
        dest = sealed_audio_file(audio_dir, sid, ext) if src is not None and src.exists() else None
        try:
            if dest is not None:
                seal_audio(src, dest, new["audio"].key, sid, sha256=None)
            with engine.begin() as conn:
                done = conn.execute(sessions_t.update().where(s.id == sid, s.words_key.is_(None)).values(
                    words_key=new["words"].key_id, audio_key=new["audio"].key_id if dest else None)).rowcount
                if done != 1:
                    raise _SealedMeanwhile(sid)
                reseal_rows(conn, sid, Sealer(sid, None), Sealer(sid, new["words"].key))
        except BaseException as err:
            if dest is not None:
                dest.unlink(missing_ok=True)
            keys.destroy(k.key_id for k in new.values())
            if isinstance(err, _SealedMeanwhile):
                continue
            raise
        if dest is None and "audio" in new:
            keys.destroy([new["audio"].key_id])  # the recording was already gone: nothing to seal
        sealed += 1
        if dest is not None:
            plain_files.add(src)
    if plain_files:
        with engine.connect() as conn:
            still = {legacy_audio_file(audio_dir, sha, ext) for sha, ext in conn.execute(
                sa.select(s.audio_sha256, s.audio_ext).where(s.audio_sha256.is_not(None), s.audio_key.is_(None)))}
        for f in plain_files - still:
            shred(f)
    return sealed


def unseal_all(conn, keys: KeyStore | None, audio_dir: Path | None) -> int:
    """Open every sealed session into plain rows and plain recordings (for a downgrade); returns how many.

    The keys stay in the key store (a store opened again seals the sessions anew and sweeps them).

    Raises
    ------
    StoreError
        There are sealed sessions and no key store (or no audio folder) was given.
    """
    s = sessions_t.c
    rows = conn.execute(sa.select(s.id, s.words_key, s.audio_key, s.audio_sha256, s.audio_ext)
                        .where(s.words_key.is_not(None))).all()
    if rows and (keys is None or audio_dir is None):
        raise StoreError(f"{len(rows)} stored sessions are sealed: downgrading needs their key store, given as "
                         "the Alembic config attributes 'key_store' and 'audio_dir' (see docs/security.md).")
    for sid, words_key, audio_key, sha, ext in rows:
        key = keys.get(words_key, session_id=sid, purpose="words")
        reseal_rows(conn, sid, Sealer(sid, key), Sealer(sid, None))
        plain = legacy_audio_file(audio_dir, sha, ext) if audio_key else None
        if plain is not None and not plain.exists():
            plain.parent.mkdir(parents=True, exist_ok=True)
            with open(plain, "wb") as out:
                open_audio(sealed_audio_file(audio_dir, sid, ext),
                           keys.get(audio_key, session_id=sid, purpose="audio"), sid, out)
    return len(rows)


# ---- the library's key store ------------------------------------------------------

def open_keys(engine: sa.Engine, folder: Path, *, master_key: str | None = None) -> KeyStore:
    """The key store of the library on ``engine``, in ``folder``.

    Raises
    ------
    StoreError
        The database was not migrated (no library id), or sessions are sealed and the key file is missing.
    """
    s = sessions_t.c
    with engine.connect() as conn:
        library_id = conn.execute(sa.select(library_info_t.c.value)
                                  .where(library_info_t.c.name == "library_id")).scalar()
        sealed = conn.execute(sa.select(sa.func.count()).where(s.words_key.is_not(None))).scalar()
    if library_id is None:
        raise StoreError("The session database has no library id: open it once with migrations (Store(...) "
                         "without migrate=False, or `alembic upgrade head`).")
    if sealed and not (folder / KEY_FILE).exists():
        raise StoreError(f"The key store at {folder / KEY_FILE} is missing, and {sealed} stored sessions are sealed "
                         "with keys in it: restore the key folder from its own backup, or set RAPPORT_KEYS to where "
                         "it is. Without it their words and recordings cannot be read.")
    return KeyStore(folder, library_id=library_id, master_key=master_key)


def sweep_keys(engine: sa.Engine, keys: KeyStore, *, min_age_s: float) -> int:
    """Destroy the library's keys no stored session uses, older than ``min_age_s`` seconds; returns how many.

    They are left when a process died between a delete's commit and destroying the keys, between making a
    session's keys and committing it, or after a limit replaced the words key. Younger keys may belong to a
    session another process is about to commit.
    """
    s = sessions_t.c
    with engine.connect() as conn:
        used = {k for row in conn.execute(sa.select(s.words_key, s.audio_key)) for k in row if k}
    cutoff = time.time() - min_age_s
    return keys.destroy(k for k, at in keys.key_ages().items()
                        if k not in used and datetime.fromisoformat(at).timestamp() < cutoff)
