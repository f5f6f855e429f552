"""A throw-away PostgreSQL server for the test suite: ``initdb`` in a temporary folder, loopback only, removed after.

:func:`start` finds the server programs (``PATH``, then ``/usr/lib/postgresql/<version>/bin``), creates a
cluster in a fresh temporary folder (as the ``postgres`` user via ``runuser`` when the tests run as root: the
server refuses to run as root), and starts it listening on 127.0.0.1 at a free port, with its unix socket in the
same folder. A random password is set (scram-sha-256), so even other local users cannot connect. The
server is tuned for tests (no fsync: nothing here must survive a power cut) and is stopped and removed by
:meth:`PgServer.stop`.
"""

from __future__ import annotations

import atexit
import glob
import os
import secrets
import shutil
import socket
import subprocess
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

#: Server settings for a test cluster: loopback only, light on a 2-core machine; crash safety is not needed.
TEST_SETTINGS = ("listen_addresses='127.0.0.1'", "fsync=off", "synchronous_commit=off", "full_page_writes=off",
                 "max_connections=60", "shared_buffers=32MB", "max_wal_size=256MB", "log_min_messages=warning")


class PgUnavailable(RuntimeError):
    """PostgreSQL's server programs are not installed here."""


def find_bin_dir() -> Path | None:
    """Folder holding ``initdb``, ``pg_ctl`` and ``pg_dump``: from ``PATH``, else the newest Debian install."""
    on_path = shutil.which("initdb")
    if on_path and shutil.which("pg_ctl"):
        return Path(on_path).resolve().parent
    found = [Path(p) for p in glob.glob("/usr/lib/postgresql/*/bin") if Path(p, "initdb").is_file()]
    return max(found, key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0) if found else None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass(frozen=True)
class PgServer:
    """A running test cluster.

    Attributes
    ----------
    root : Path
        Temporary folder holding everything (removed by :meth:`stop`).
    data_dir : Path
        The cluster's data directory (tables, ``pg_wal``): where PostgreSQL keeps its bytes.
    bin_dir : Path
        Folder of the server programs used (``pg_ctl``, ``pg_dump``).
    port : int
        TCP port on 127.0.0.1.
    user, password : str
        The superuser and its password.
    run_as : str or None
        System user the server runs as (``postgres`` when the tests run as root), None: the current user.
    """

    root: Path
    data_dir: Path
    bin_dir: Path
    port: int
    user: str
    password: str
    run_as: str | None

    def url(self, database: str = "postgres") -> str:
        """SQLAlchemy URL of ``database`` on this server (psycopg 3 driver)."""
        return f"postgresql+psycopg://{self.user}:{self.password}@127.0.0.1:{self.port}/{database}"

    def _run(self, *args: str | os.PathLike, as_server: bool = True, **kw) -> subprocess.CompletedProcess:
        cmd = [str(a) for a in args]
        if as_server and self.run_as:
            cmd = ["runuser", "-u", self.run_as, "--", *cmd]
        env = {**os.environ, "PGPASSWORD": self.password, "LC_ALL": "C"}
        return subprocess.run(cmd, capture_output=True, check=True, env=env, timeout=120, **kw)

    def sql(self, statement: str, database: str = "postgres") -> None:
        """Run one statement as the superuser (autocommit: CREATE/DROP DATABASE, CHECKPOINT)."""
        import psycopg

        with psycopg.connect(host="127.0.0.1", port=self.port, user=self.user, password=self.password,
                             dbname=database, autocommit=True) as conn:
            conn.execute(statement)

    def create_database(self) -> str:
        """A new empty database with a unique name; returns its name."""
        name = f"t_{uuid.uuid4().hex[:12]}"
        self.sql(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING \'UTF8\'')
        return name

    def drop_database(self, name: str) -> None:
        """Drop ``name``, closing any connection still open to it."""
        self.sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def dump(self, database: str, dest: str | os.PathLike) -> Path:
        """``pg_dump`` of ``database`` (plain SQL) into ``dest``, as it is now; run as the server's user."""
        dest = Path(dest)
        dest.parent.mkdir(parents=True, exist_ok=True)
        out = self._run(self.bin_dir / "pg_dump", "--no-password", "-h", "127.0.0.1", "-p", str(self.port),
                        "-U", self.user, "-d", database)
        dest.write_bytes(out.stdout)
        return dest

    def stop(self) -> None:
        """Stop the server at once and remove its folder (safe to call twice)."""
        if (self.data_dir / "postmaster.pid").exists():
            try:
                self._run(self.bin_dir / "pg_ctl", "-D", self.data_dir, "-m", "immediate", "-w", "stop")
            except subprocess.SubprocessError:
                pass
        shutil.rmtree(self.root, ignore_errors=True)


def start(bin_dir: Path | None = None) -> PgServer:
    """Create and start a test cluster; the caller must :meth:`PgServer.stop` it.

    Raises
    ------
    PgUnavailable
        No ``initdb`` found; the message says what to install.
    subprocess.CalledProcessError
        ``initdb`` or ``pg_ctl`` failed (their output is in the error's ``stderr``).
    """
    bin_dir = bin_dir or find_bin_dir()
    if bin_dir is None:
        raise PgUnavailable("PostgreSQL is not installed (no initdb on PATH or in /usr/lib/postgresql/*/bin): "
                            "run `make system-deps` or `apt-get install postgresql`")
    run_as = "postgres" if os.geteuid() == 0 else None
    root = Path(tempfile.mkdtemp(prefix="rapport-pg-"))
    server = PgServer(root=root, data_dir=root / "data", bin_dir=bin_dir, port=_free_port(),
                      user="rapport_test", password=secrets.token_hex(16), run_as=run_as)
    try:
        if run_as:
            shutil.chown(root, user=run_as)
        pwfile = root / "pw"
        pwfile.write_text(server.password + "\n")
        if run_as:
            shutil.chown(pwfile, user=run_as)
        server._run(bin_dir / "initdb", "-D", server.data_dir, "-U", server.user, f"--pwfile={pwfile}",
                    "--auth=scram-sha-256", "--encoding=UTF8", "--no-sync", "--locale=C")
        pwfile.unlink()
        with open(server.data_dir / "postgresql.conf", "a") as conf:
            conf.write("\n".join(TEST_SETTINGS) + f"\nport={server.port}\nunix_socket_directories='{root}'\n")
        server._run(bin_dir / "pg_ctl", "-D", server.data_dir, "-l", root / "server.log", "-w", "-t", "60", "start")
        atexit.register(server.stop)  # a safety net should the caller's own clean-up not run
    except BaseException:
        log = root / "server.log"
        if log.exists():
            print(log.read_text()[-2000:])
        server.stop()
        raise
    return server
