"""Benchmark settings: production-like (DEBUG off) but on plain HTTP, with floor views."""

import os

os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-not-for-production-0123456789")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
# The benchmarks measure the app against its sandbox, in production mode: allowed explicitly.
os.environ.setdefault("TENDLC_ALLOW_SANDBOX_IN_PRODUCTION", "1")

from compliance.settings import *  # noqa: E402,F403

ROOT_URLCONF = "bench.urls"
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
# No mail server on a benchmark machine: notifications are made, their emails dropped.
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.dummy.EmailBackend"}}
# Every task logs its start and end at INFO: on a benchmark that is noise (and time).
LOGGING["loggers"]["django.tasks"] = {"level": "WARNING"}  # noqa: F405
