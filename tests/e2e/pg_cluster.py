"""A throwaway PostgreSQL cluster for the tests and the bench: initdb into a temporary folder,
a unix socket in that folder and a loopback port, stopped and removed afterwards.

The binaries come from Debian's postgresql packages (installed by ./dev.sh's set-up). initdb
refuses to run as root, so as root the cluster runs as the packages' ``postgres`` user.
"""

from __future__ import annotations

import atexit
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

SUPERUSER = "postgres"


class PostgresMissing(RuntimeError):
    """PostgreSQL's server binaries are not installed."""


def bin_dir() -> Path:
    """The newest installed server binaries folder; a clear error when there is none."""
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if candidates:
        return Path(candidates[-1]).parent
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    raise PostgresMissing("PostgreSQL is not installed (no initdb): run ./dev.sh test, whose set-up installs "
                          "Debian's postgresql packages, or apt-get install postgresql")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    """One cluster: ``start()``, ``admin_url`` (superuser over the socket), ``url(user, password)``."""

    def __init__(self, settings: dict[str, str] | None = None) -> None:
        self.bin = bin_dir()
        self.root = Path(tempfile.mkdtemp(prefix="cw-pg-"))
        self.data = self.root / "data"
        self.port = free_port()
        self.settings = {"fsync": "off", "full_page_writes": "off", "synchronous_commit": "off",
                         "shared_buffers": "64MB", "max_connections": "60", **(settings or {})}
        self._as_user: list[str] = []
        if os.geteuid() == 0:
            owner = pwd.getpwnam(SUPERUSER)
            os.chown(self.root, owner.pw_uid, owner.pw_gid)
            self._as_user = ["runuser", "-u", SUPERUSER, "--"]

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run([*self._as_user, *args], capture_output=True, text=True, check=check, timeout=120)

    def start(self) -> "Cluster":
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", SUPERUSER, "-E", "UTF8",
                  "--auth-local=trust", "--auth-host=scram-sha-256", "--no-sync")
        self._options = " ".join(f"-c {k}={v}" for k, v in {"listen_addresses": "127.0.0.1", "port": str(self.port),
                                                       "unix_socket_directories": str(self.root),
                                                       **self.settings}.items())
        atexit.register(self.remove)  # also when a run stops before its fixtures' teardown
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.root / "log"), "-w",
                  "-t", "60", "-o", self._options, "start")
        return self

    def stop(self, mode: str = "fast") -> None:
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop", check=False)

    def restart(self) -> None:
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.root / "log"), "-w", "-t", "60",
                  "-o", self._options, "start")

    def remove(self) -> None:
        if self.root.exists():
            self.stop("immediate")
            shutil.rmtree(self.root, ignore_errors=True)

    @property
    def admin_url(self) -> str:
        return f"postgresql://{SUPERUSER}@/postgres?host={self.root}&port={self.port}"

    def url(self, user: str, database: str = "postgres") -> str:
        """A loopback URL without the password (given by PGPASSWORD or a pgpass file)."""
        return f"postgresql://{user}@127.0.0.1:{self.port}/{database}"

    def sql(self, statement: str, database: str = "postgres") -> str:
        """Run SQL as the superuser (psql over the socket); returns its output."""
        done = self._run(str(self.bin / "psql"), "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1",
                         "-h", str(self.root), "-p", str(self.port), "-U", SUPERUSER, "-d", database,
                         "-c", statement)
        return done.stdout.strip()

    def create_database(self, name: str, writer: str, reader: str) -> None:
        """A database the writer owns and builds, whose tables the reader may only read."""
        self.sql(f"CREATE DATABASE {name} OWNER {writer}")
        self.sql(f"ALTER DEFAULT PRIVILEGES FOR ROLE {writer} IN SCHEMA public GRANT SELECT ON TABLES TO {reader}",
                 name)

    def write_pgpass(self, path: Path, passwords: dict[str, str]) -> Path:
        """A pgpass file (mode 0600) with a line per user; point PGPASSFILE at it."""
        path.write_text("".join(f"127.0.0.1:*:*:{user}:{pw}\n" for user, pw in passwords.items()))
        path.chmod(0o600)
        return path

    def create_role(self, name: str, password: str) -> None:
        self.sql(f"CREATE ROLE {name} LOGIN PASSWORD '{password}'")
