"""Load: gunicorn started as in production, and wrk driving it from a separate process."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LUA = Path(__file__).with_name("wrk.lua")
PORTS = range(8100, 8200)


class BenchError(RuntimeError):
    """Something the benchmark needs is missing or broken; the message says what."""


def wrk_path() -> str:
    found = shutil.which("wrk")
    if found is None:
        raise BenchError(
            "wrk is not installed: run `scripts/system-deps.sh bench` (Debian package wrk)."
        )
    return found


def free_port() -> int:
    for port in PORTS:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise BenchError(f"No free port between {PORTS.start} and {PORTS.stop - 1} on 127.0.0.1.")


@contextmanager
def gunicorn(*, env: Mapping[str, str], port: int, workers: int, threads: int) -> Iterator[str]:
    """Runs gunicorn with the project's gunicorn.conf.py; yields its base URL."""
    server_env = {
        **env,
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": str(workers),
        "GUNICORN_THREADS": str(threads),
        "GUNICORN_ACCESS_LOG": "",
        "GUNICORN_LOG_LEVEL": "warning",
    }
    command = [
        str(Path(sys.executable).with_name("gunicorn")),
        "--config",
        str(ROOT / "gunicorn.conf.py"),
        "journal.wsgi",
    ]
    process = subprocess.Popen(command, cwd=ROOT, env=server_env)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base, process)
        yield base
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_until_up(base: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise BenchError(f"gunicorn stopped at start-up (exit code {process.returncode}).")
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    raise BenchError("gunicorn did not answer /healthz within 30 s.")


@dataclass(frozen=True)
class Run:
    requests: int
    seconds: float
    p50_ms: float
    p90_ms: float
    p99_ms: float
    max_ms: float
    status_errors: int
    socket_errors: int

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def wrk(
    url: str,
    *,
    connections: int,
    seconds: float,
    threads: int,
    method: str = "GET",
    cookie: str = "",
    body: str = "",
) -> Run:
    """One wrk run at a fixed number of connections."""
    env = {
        **os.environ,
        "BENCH_METHOD": method,
        "BENCH_COOKIE": cookie,
        "BENCH_BODY": body,
    }
    command = [
        wrk_path(),
        f"--threads={threads}",
        f"--connections={connections}",
        f"--duration={max(1, round(seconds))}s",
        "--timeout=10s",
        f"--script={LUA}",
        url,
    ]
    finished = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    for line in finished.stdout.splitlines():
        if line.startswith("BENCH_JSON "):
            raw = json.loads(line.removeprefix("BENCH_JSON "))
            break
    else:
        raise BenchError(f"wrk gave no result for {url}: {finished.stderr.strip()[:500]}")
    return Run(
        requests=raw["requests"],
        seconds=raw["duration_us"] / 1e6,
        p50_ms=raw["p50_us"] / 1000,
        p90_ms=raw["p90_us"] / 1000,
        p99_ms=raw["p99_us"] / 1000,
        max_ms=raw["max_us"] / 1000,
        status_errors=raw["status_errors"],
        socket_errors=(
            raw["connect_errors"] + raw["read_errors"] + raw["write_errors"] + raw["timeouts"]
        ),
    )


def drain(base: str, *, probes: int) -> None:
    """Waits until the server has worked off the requests wrk left behind when it stopped.

    wrk abandons its in-flight requests at the end of a run, and the workers still answer them;
    without this the next target would be measured behind that queue. Health checks sent as
    many at once as wrk had connections go to the back of that queue: their answers mean it is
    empty.
    """
    with ThreadPoolExecutor(max_workers=probes) as pool:
        list(pool.map(lambda _: fetch(f"{base}/healthz"), range(probes)))


def fetch(
    url: str, *, method: str = "GET", cookie: str = "", body: bytes | None = None
) -> tuple[int, bytes]:
    """One request without following redirects: (status, body)."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: object, **kwargs: object) -> None:
            return None

    request = urllib.request.Request(url, data=body, method=method)
    if cookie:
        request.add_header("Cookie", cookie)
    if body is not None:
        request.add_header("Content-Type", "application/x-www-form-urlencoded")
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=60) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()
