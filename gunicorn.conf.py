"""Gunicorn settings for `make serve` (and the benchmark), read from the environment.

| variable | default | meaning |
| --- | --- | --- |
| `GUNICORN_BIND` | `127.0.0.1:8000` | address to listen on; keep it local behind a reverse proxy |
| `WEB_CONCURRENCY` | `3` | worker processes |
| `GUNICORN_THREADS` | `1` | threads per worker (more than 1 switches to the gthread worker) |
| `GUNICORN_TIMEOUT` | `30` | seconds before a stuck worker is restarted |
| `GUNICORN_ACCESS_LOG` | `-` | `-` for stdout, a file path, or empty for none |
"""

from __future__ import annotations

from pathlib import Path

from journal.env import envbool, envint, envstr

bind = [envstr("GUNICORN_BIND", "127.0.0.1:8000")]
# Three sync workers on 2 cores (README, Benchmark): one more process than cores keeps both busy
# while one waits on the database, and with SQLite it keeps at most three writers queueing for
# the lock (threads made the check-in's p99 several times worse). Read pages alone were faster
# with 2 workers x 4 threads: worth trying with PostgreSQL, which has no single write lock.
workers = envint("WEB_CONCURRENCY", 3, minimum=1)
threads = envint("GUNICORN_THREADS", 1, minimum=1)
worker_class = "gthread" if threads > 1 else "sync"
timeout = envint("GUNICORN_TIMEOUT", 30, minimum=1)
graceful_timeout = 20
keepalive = 5
# Load Django once in the master: workers start fast and share the imported code.
preload_app = True
# Restart workers now and then so a slow leak cannot grow without bound.
max_requests = 5000
max_requests_jitter = 500
if Path("/dev/shm").is_dir():
    # The heartbeat file: on a RAM disk so a slow or full disk cannot stall the workers.
    worker_tmp_dir = "/dev/shm"

# gunicorn trusts X-Forwarded-Proto (and friends) from 127.0.0.1 by default, so any local
# process could claim HTTPS. Only a TLS proxy in front, on this machine, earns that trust.
forwarded_allow_ips = "127.0.0.1,::1" if envbool("BEHIND_TLS_PROXY", False) else ""

_access_log = envstr("GUNICORN_ACCESS_LOG", "-")
accesslog = _access_log or None
# Path without the query string (%(U)s), no referrer and no user agent: the timeline's filter
# form is a GET form, and a query string or referrer could carry a person's words.
access_log_format = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'
errorlog = "-"
loglevel = envstr("GUNICORN_LOG_LEVEL", "info")
