"""gunicorn for the HNP portal: `gunicorn -c deploy/gunicorn.conf.py` from any folder.

The site's own settings come from the environment (`.env.example`); these are the
server's. Four can be changed without editing this file: GUNICORN_BIND, GUNICORN_WORKERS,
GUNICORN_TIMEOUT and GUNICORN_LOG_LEVEL, empty meaning the default (command-line options
such as `--bind` win over all of them).
"""

import multiprocessing
import os
from pathlib import Path

# The project folder, wherever gunicorn is started from (systemd, a shell, CI).
chdir = str(Path(__file__).resolve().parent.parent)
wsgi_app = "hnp.wsgi:application"

# nginx on the same machine: 127.0.0.1:8000. Behind a load balancer on another machine: the
# server's private address (never a public one: only the proxy may reach gunicorn).
bind = os.environ.get("GUNICORN_BIND") or "127.0.0.1:8000"

# Sync workers: a request is short (a cached page is one Redis round trip, a cold one a few
# queries) and nothing is held open. Two per CPU and one more keeps the CPUs busy while
# some workers wait for PostgreSQL; each takes about 80 MB.
workers = int(os.environ.get("GUNICORN_WORKERS") or multiprocessing.cpu_count() * 2 + 1)
worker_class = "sync"

# A request that takes longer than this is stuck (a query the database never answers):
# its worker is replaced. Uploads of 10 MiB reach the app whole, buffered by nginx.
timeout = int(os.environ.get("GUNICORN_TIMEOUT") or 30)
# On stop or reload, a worker finishes its request and hands on its buffered views.
graceful_timeout = 30
# nginx keeps connections to the app open between requests (a few seconds is enough).
keepalive = 5
# Replace each worker after this many requests (jittered, so not all at once): memory a
# library holds on to is given back, without any pause for readers.
max_requests = 5000
max_requests_jitter = 500
# Workers' heartbeat files in memory, not on a disk that may stall.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108

# Headers and request lines no browser needs beyond these sizes.
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190

# Access log on standard output (journald), one line per request: time, method, path
# without the query string (searches and comment links can carry what a reader typed),
# status, size and milliseconds. No client address, user agent or referrer: personal
# data stays out of the logs (the site's own log lines follow the same rule).
accesslog = "-"
access_log_format = '%(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL") or "info"
# Python's own output (the app logs to standard output too) is not buffered.
capture_output = False
proc_name = "hnp"
