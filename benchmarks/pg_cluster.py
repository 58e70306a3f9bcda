"""A throwaway PostgreSQL 15 cluster for the library tests and benchmarks.

The server refuses to run as root, so when run as root the cluster (data and socket
directory in a temporary folder) belongs to the ``postgres`` user and every server
command runs through ``runuser -u postgres``. It listens on 127.0.0.1 and a unix socket
only, with password (scram) login over TCP; the passwords of the superuser and of the
test users go into a temporary PostgreSQL password file named by ``PGPASSFILE``, as
users keep theirs.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

PG_BIN = Path(os.environ.get("JOURNEYMAP_PG_BIN", "/usr/lib/postgresql/15/bin"))
SUPERUSER_PASSWORD = "admin-secret"
# alice and bob become editors, victor a viewer; carol is never granted a library role.
USERS = {"alice": "alice-pw", "bob": "bob-pw", "victor": "victor-pw", "carol": "carol-pw"}


@dataclass
class Cluster:
    data: Path
    port: int
    run_as: list[str]

    def url(self, user: str = "postgres", db: str = "library") -> str:
        return f"postgresql://{user}@127.0.0.1:{self.port}/{db}"

    def pg_ctl(self, *args: str) -> None:
        subprocess.run([*self.run_as, str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-w",
                        "-t", "30", *args], check=True, capture_output=True, timeout=60)

    def start(self) -> None:
        self.pg_ctl("-l", str(self.data.parent / "server.log"), "-o",
                    f"-k {self.data.parent} -c listen_addresses=127.0.0.1 -p {self.port}",
                    "start")

    def stop(self) -> None:
        self.pg_ctl("-m", "fast", "stop")

    def restart(self) -> None:
        # stop + start rather than `pg_ctl restart`, which would give the new server
        # pg_ctl's output pipe instead of the log file (and never close it).
        self.pg_ctl("-m", "fast", "stop")
        self.start()

    def psql(self, sql: str, db: str = "postgres") -> str:
        out = subprocess.run(
            [*self.run_as, str(PG_BIN / "psql"), "-h", str(self.data.parent), "-p",
             str(self.port), "-d", db, "-v", "ON_ERROR_STOP=1", "-tAc", sql],
            check=True, capture_output=True, text=True, timeout=60)
        return out.stdout.strip()

    def fresh_db(self, name: str) -> str:
        self.psql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        self.psql(f"CREATE DATABASE {name}")
        return name


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]



class ClusterError(RuntimeError):
    pass


@contextlib.contextmanager
def throwaway_cluster() -> Iterator[Cluster]:
    """Start a new cluster in a temporary folder, yield it, stop it and remove it."""
    if not (PG_BIN / "initdb").exists():
        raise ClusterError(f"PostgreSQL 15 is not installed ({PG_BIN}/initdb missing); "
                           "scripts/setup.sh installs it (apt-get install postgresql)")
    root = Path(tempfile.mkdtemp(prefix="jm-pg-"))
    data = root / "data"
    run_as: list[str] = []
    pwfile = root / "pw"
    pwfile.write_text(SUPERUSER_PASSWORD + "\n")
    if os.geteuid() == 0:
        user = pwd.getpwnam("postgres")
        os.chown(root, user.pw_uid, user.pw_gid)
        os.chown(pwfile, user.pw_uid, -1)
        run_as = ["runuser", "-u", "postgres", "--"]
    passfile = Path(tempfile.mkdtemp(prefix="jm-pgpass-")) / "pgpass"
    old = os.environ.get("PGPASSFILE")
    cluster = Cluster(data, _free_port(), run_as)
    try:
        try:
            subprocess.run([*run_as, str(PG_BIN / "initdb"), "-D", str(data), "-U",
                            "postgres", "--auth-local=trust", "--auth-host=scram-sha-256",
                            f"--pwfile={pwfile}", "-E", "UTF8", "--locale=C.UTF-8"],
                           check=True, capture_output=True, timeout=120)
            cluster.start()
        except subprocess.CalledProcessError as e:
            log = root / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise ClusterError(f"the PostgreSQL server did not start: {e.stderr!r} {tail}"
                               ) from None
        for name, password in USERS.items():
            cluster.psql(f"CREATE ROLE {name} LOGIN PASSWORD '{password}'")
        lines = [f"127.0.0.1:{cluster.port}:*:postgres:{SUPERUSER_PASSWORD}"]
        lines += [f"127.0.0.1:{cluster.port}:*:{u}:{p}" for u, p in USERS.items()]
        passfile.write_text("\n".join(lines) + "\n")
        passfile.chmod(0o600)
        os.environ["PGPASSFILE"] = str(passfile)
        yield cluster
    finally:
        if old is None:
            os.environ.pop("PGPASSFILE", None)
        else:
            os.environ["PGPASSFILE"] = old
        with contextlib.suppress(Exception):
            cluster.pg_ctl("-m", "immediate", "stop")
        shutil.rmtree(root, ignore_errors=True)
        shutil.rmtree(passfile.parent, ignore_errors=True)
