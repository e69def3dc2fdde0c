"""gunicorn's configuration under `manage.py serve` (`--config python:compliance.gunicorn_conf`).

Its own lines (start, worker boots, timeouts) in the app's JSON format on standard error; no
access log of its own: RequestIdMiddleware writes one line per request with its request id.
A worker that exits has its live Prometheus figures marked dead (multiprocess mode).
"""

import os

from prometheus_client import multiprocess

_JSON = {"()": "compliance.logs.JsonFormatter"}
_STDERR = {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr"}

logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": _JSON},
    "handlers": {"stderr": _STDERR},
    "root": {"level": "INFO", "handlers": ["stderr"]},
    "loggers": {
        "gunicorn.error": {"level": "INFO", "handlers": ["stderr"], "propagate": False},
        "gunicorn.access": {"level": "WARNING", "handlers": [], "propagate": False},
    },
}

# A stopping worker finishes the requests in flight within this many seconds.
graceful_timeout = 20
# `serve` supervises gunicorn; no control socket in $HOME (two instances would share it).
control_socket_disable = True


def child_exit(server, worker) -> None:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        multiprocess.mark_process_dead(worker.pid)
