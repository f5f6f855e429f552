"""A session's recording in the data directory: sealed with its audio key, one file per session.

The file ``audio/<id[:2]>/<id><ext>.sealed`` holds a header (``AUDIO_MAGIC`` and the plain length) and the
recording in 1 MiB chunks, each sealed with AES-GCM under a random nonce and bound to the session, its place and
the length (a chunk moved, dropped or cut off does not open). Versions before sealing kept the recording plain,
named by content hash and shared between sessions (:func:`legacy_audio_file`); those are sealed when a store
opens the library (:func:`pipeline.library.sealing.seal_old_sessions`).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from pathlib import Path
from typing import BinaryIO

import sqlalchemy as sa
from cryptography.exceptions import InvalidTag

from pipeline.errors import StoreError
from pipeline.library.keys import NONCE_BYTES, TAG_BYTES, KeyStore, aead_open, aead_seal
from pipeline.library.schema import sessions_t

AUDIO_MAGIC = b"RAPPORT-SEALED-AUDIO-1\n"
CHUNK_BYTES = 1 << 20


def sealed_audio_file(audio_dir: Path, session_id: str, ext: str) -> Path:
    """Where a session's sealed recording lives (one file per session)."""
    return audio_dir / session_id[:2] / f"{session_id}{ext or ''}.sealed"


def legacy_audio_file(audio_dir: Path, sha256: str, ext: str) -> Path:
    """Where versions before sealing kept a recording in plain (named by content hash, shared between sessions)."""
    return audio_dir / sha256[:2] / f"{sha256}{ext or ''}"


def _chunk_aad(session_id: str, index: int, size: int) -> bytes:
    return f"rapport/v1/{session_id}/audio/{index}/{size}".encode()


def seal_audio(src: Path, dest: Path, key: bytes, session_id: str, *, sha256: str | None) -> None:
    """Write ``src`` sealed to ``dest`` atomically (fsynced); checks the plain bytes' hash against ``sha256``."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=dest.parent, prefix=".", suffix=".tmp")
    h = hashlib.sha256()
    try:
        with os.fdopen(fd, "wb") as out, open(src, "rb") as f:
            size = os.fstat(f.fileno()).st_size
            out.write(AUDIO_MAGIC + size.to_bytes(8, "big"))
            done, index = 0, 0
            while done < size or index == 0:
                block = f.read(min(CHUNK_BYTES, size - done))
                h.update(block)
                out.write(aead_seal(key, block, _chunk_aad(session_id, index, size)))
                done, index = done + len(block), index + 1
                if not block:
                    break
            if done != size or f.read(1) or (sha256 is not None and h.hexdigest() != sha256):
                raise StoreError(f"{src.name} changed while it was being stored: run again.")
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, dest)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def open_audio(path: Path, key: bytes, session_id: str, out: BinaryIO) -> int:
    """Write the plain recording sealed in ``path`` to ``out``; returns its length in bytes.

    Raises
    ------
    StoreError
        The file is not a sealed recording of this session, or was altered or cut short.
    """
    with open(path, "rb") as f:
        head = f.read(len(AUDIO_MAGIC) + 8)
        if head[:len(AUDIO_MAGIC)] != AUDIO_MAGIC or len(head) != len(AUDIO_MAGIC) + 8:
            raise StoreError(f"{path} is not a sealed recording: restore the audio folder from a backup.")
        size = int.from_bytes(head[len(AUDIO_MAGIC):], "big")
        done, index = 0, 0
        while done < size or index == 0:
            want = min(CHUNK_BYTES, size - done)
            raw = f.read(NONCE_BYTES + want + TAG_BYTES)
            try:
                block = aead_open(key, raw, _chunk_aad(session_id, index, size))
            except (InvalidTag, ValueError) as err:
                raise StoreError(f"The recording of session {session_id} in {path} does not open with its key: it "
                                 "was altered, cut short or copied from another session.") from err
            out.write(block)
            done, index = done + len(block), index + 1
            if not block:
                break
        if f.read(1):
            raise StoreError(f"{path} holds more than the recording of session {session_id}: it was altered.")
    return size


def shred(path: Path) -> None:
    """Overwrite a plain file with zeros (fsynced), then remove it; a missing file is fine.

    Best effort: a copy-on-write file system or a snapshot may still hold the old blocks.
    """
    try:
        with open(path, "r+b") as f:
            size = os.fstat(f.fileno()).st_size
            for _ in range(0, size, CHUNK_BYTES):
                f.write(b"\0" * min(CHUNK_BYTES, size - f.tell()))
            f.flush()
            os.fsync(f.fileno())
    except FileNotFoundError:
        return
    path.unlink(missing_ok=True)


# ---- a store's files ----------------------------------------------------------

def audio_file(audio_dir: Path, row) -> Path | None:
    """The file of a sessions row's recording: sealed, or (stored before sealing, not yet sealed) plain; None:
    no recording kept."""
    if row["audio_key"]:
        return sealed_audio_file(audio_dir, row["id"], row["audio_ext"])
    return legacy_audio_file(audio_dir, row["audio_sha256"], row["audio_ext"]) if row["audio_sha256"] else None


def referenced_audio(conn, audio_dir: Path) -> set[str]:
    """Names of the audio files the stored sessions refer to."""
    c = sessions_t.c
    rows = conn.execute(sa.select(c.id, c.audio_sha256, c.audio_ext, c.audio_key)
                        .where(c.audio_sha256.is_not(None))).mappings()
    return {audio_file(audio_dir, r).name for r in rows}


def sweep_audio(engine: sa.Engine, audio_dir: Path, *, min_age_s: float) -> int:
    """Remove files in ``audio_dir`` no stored session refers to, older than ``min_age_s`` s; returns how many."""
    if not audio_dir.exists():
        return 0
    with engine.connect() as conn:
        keep = referenced_audio(conn, audio_dir)
    removed, now = 0, time.time()
    for f in audio_dir.glob("*/*"):
        if f.is_file() and f.name not in keep and now - f.stat().st_mtime >= min_age_s:
            f.unlink(missing_ok=True)
            removed += 1
    return removed


def write_audio(audio_dir: Path, keys: KeyStore, row, out: BinaryIO) -> str | None:
    """Write a sessions row's recording, opened, to ``out``; returns its extension, or None when none is kept.

    Raises
    ------
    StoreError
        The recording's file or key is missing, or the file was altered.
    """
    path = audio_file(audio_dir, row)
    if path is None:
        return None
    if not path.exists():
        raise StoreError(f"The recording of session {row['id']} is missing from {path}: restore the audio folder "
                         "from a backup.")
    if not row["audio_key"]:  # stored before sealing, not yet sealed
        out.write(path.read_bytes())
    else:
        open_audio(path, keys.get(row["audio_key"], session_id=row["id"], purpose="audio"), row["id"], out)
    return row["audio_ext"] or ""
