"""A private PostgreSQL server for tests and benchmarks that stop and start their database.

Never the shared server: a new cluster in a temporary folder, on a free loopback port, made with
Debian's initdb and pg_ctl. As root (CI), the server runs as the `postgres` user via runuser.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

PG_BIN_GLOB = "/usr/lib/postgresql/*/bin"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _bin_dir() -> Path:
    found = sorted(glob.glob(PG_BIN_GLOB), key=lambda path: int(Path(path).parent.name))
    if not found:
        raise RuntimeError(
            "PostgreSQL's server programs are missing (no initdb in /usr/lib/postgresql/*/bin): "
            "install Debian's 'postgresql' package (scripts/system-deps.sh --browser does)."
        )
    return Path(found[-1])


class PrivateCluster:
    """initdb on start(), pg_ctl stop/start to take it down and up, remove() when done."""

    def __init__(self) -> None:
        self.bin = _bin_dir()
        self.workdir = Path(tempfile.mkdtemp(prefix="notices-pg-"))
        self.datadir = self.workdir / "data"
        self.logfile = self.workdir / "server.log"
        self.port = free_port()
        self.as_root = os.geteuid() == 0

    def _run(self, *args: str) -> None:
        command = [str(self.bin / args[0]), *args[1:]]
        if self.as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=120)

    def init(self) -> PrivateCluster:
        if self.as_root:
            postgres = pwd.getpwnam("postgres")
            os.chmod(self.workdir, 0o755)  # noqa: S103 (the server's user must reach its data)
            self.datadir.mkdir()
            self.logfile.touch()
            for path in (self.datadir, self.logfile):
                os.chown(path, postgres.pw_uid, postgres.pw_gid)
        self._run("initdb", "-D", str(self.datadir), "-A", "trust", "-U", "postgres", "--no-sync")
        return self

    def start(self) -> None:
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.datadir} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        self._run("pg_ctl", "-D", str(self.datadir), "-l", str(self.logfile), "-o", options,
                  "-w", "-t", "60", "start")  # fmt: skip

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.datadir), "-m", "fast", "-w", "-t", "60", "stop")

    def create_database(self, name: str) -> str:
        self._run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", name)
        return self.url(name)

    def url(self, name: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def remove(self) -> None:
        try:
            if (self.datadir / "postmaster.pid").exists():
                self.stop()
        finally:
            shutil.rmtree(self.workdir, ignore_errors=True)
