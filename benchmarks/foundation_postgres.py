"""A throw-away PostgreSQL cluster for a benchmark: initdb into a temporary folder, start on a
free loopback port, remove everything afterwards. As root, the server runs as the `postgres`
OS user (PostgreSQL refuses to run as root)."""

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

PG_BIN = Path(os.environ.get("MEEDOEN_PG_BIN", "/usr/lib/postgresql/15/bin"))
DATABASE = "meedoen"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def throwaway_cluster() -> Iterator[str]:
    """Yields a DATABASE_URL for an empty database in a fresh cluster."""
    as_root = os.geteuid() == 0
    run_as = ["runuser", "-u", "postgres", "--"] if as_root else []
    folder = Path(tempfile.mkdtemp(prefix="meedoen-pg-"))
    if as_root:
        shutil.chown(folder, "postgres", "postgres")
    data = folder / "data"
    port = free_port()

    def pg(*args: str) -> None:
        subprocess.run([*run_as, *args], check=True, capture_output=True, text=True)

    try:
        pg(
            str(PG_BIN / "initdb"),
            "-D", str(data),
            "-U", "postgres",
            "--auth=trust",
            "-E", "UTF8",
            "--locale=C.UTF-8",
        )  # fmt: skip
        options = f"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={folder}"
        pg(str(PG_BIN / "pg_ctl"), "-D", str(data), "-l", str(folder / "log"), "-w",
           "-o", options, "start")  # fmt: skip
        try:
            pg(str(PG_BIN / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "postgres",
               DATABASE)  # fmt: skip
            yield f"postgres://postgres@127.0.0.1:{port}/{DATABASE}"
        finally:
            pg(str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop")
    except subprocess.CalledProcessError as exc:
        raise SystemExit(f"PostgreSQL could not be started: {exc.stderr or exc}") from exc
    finally:
        shutil.rmtree(folder, ignore_errors=True)
