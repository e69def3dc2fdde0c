"""Settings, read from the environment with offline defaults: a fresh clone runs as it is.

Production mode is DEBUG=0: then SECRET_KEY is required and the secure settings are on.
Switching from the local sandbox to real Telnyx is setting TELNYX_API_KEY and TELNYX_PUBLIC_KEY.
"""

import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.getenv(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_bool("DEBUG", True)

SECRET_KEY = os.getenv("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "dev-only-" + secrets.token_urlsafe(40)

ALLOWED_HOSTS = [h.strip() for h in os.getenv("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")]
if DEBUG:
    ALLOWED_HOSTS += ["testserver", "[::1]"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",  # allauth.usersessions: "signed in 2 hours ago"
    "django_htmx",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "compliance",
    "registration",
    "sandbox",
]

MIDDLEWARE = [
    # First: every request, even a redirect to HTTPS, gets its id, access line and latency.
    "compliance.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "allauth.usersessions.middleware.UserSessionsMiddleware",
    # Reviewers and staff set up two-factor sign-in before /review/ or /admin/ open.
    "compliance.middleware.TwoFactorRequiredMiddleware",
    "compliance.middleware.PrivatePagesMiddleware",
]

# The reverse proxies (IP addresses or networks) in front of the app, e.g. "10.0.0.0/8": only
# through them is X-Forwarded-For believed when rate limits key on the client's address.
TRUSTED_PROXIES = [p.strip() for p in os.getenv("TRUSTED_PROXIES", "").split(",") if p.strip()]

ROOT_URLCONF = "compliance.urls"
WSGI_APPLICATION = "compliance.wsgi.application"
ASGI_APPLICATION = "compliance.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "compliance.tenancy.organisation_context",
                "compliance.roles.role_context",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        os.getenv("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.getenv("CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and a busy timeout let the web server and the task worker share the file.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }

# The cache is a database table: rate-limit counters are shared by every process.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "tendlc_cache",
    }
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Sign-in is django-allauth's (log in by e-mail or username), under the backend name sessions
# already carry (compliance/auth_backend.py).
AUTHENTICATION_BACKENDS = ["compliance.auth_backend.OrganisationModelBackend"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "account_login"

# Accounts (django-allauth): sign-up verifies the e-mail address that receives every rejection
# notice before the account can sign in; the organisation is created with its owner at sign-up
# (compliance/allauth_adapter.py). Rate limits are allauth's, keyed on the proxy-aware client
# address (compliance.ratelimit.client_ip, through the adapter) and kept in the shared cache.
ACCOUNT_ADAPTER = "compliance.allauth_adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email", "username"}
ACCOUNT_SIGNUP_FIELDS = ["username*", "email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "registration.forms.SignUpForm"
ACCOUNT_FORMS = {"login": "registration.forms.LoginForm"}
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CHANGE_EMAIL = True  # a new address is verified before it replaces the old one
ACCOUNT_EMAIL_NOTIFICATIONS = True  # "your password/e-mail changed" to the account
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_PRESERVE_USERNAME_CASING = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "Tendlc: "
ACCOUNT_RATE_LIMITS = {
    # Failed sign-ins: 5 per account and 20 per client address in 15 minutes.
    "login_failed": "20/15m/ip,5/15m/key",
    "signup": "10/h/ip",
    "reset_password": "5/h/ip,5/h/key",  # each one sends an e-mail
    "reset_password_from_key": "20/h/ip",
    "change_password": "5/m/user,10/h/user",
    "manage_email": "10/m/user",
    "confirm_email": "1/3m/key",
    "reauthenticate": "10/m/ip",
}
MFA_ADAPTER = "allauth.mfa.adapter.DefaultMFAAdapter"
# Security keys and passkeys (WebAuthn) beside the authenticator app: they work offline, in
# the browser. WebAuthn needs HTTPS, except on a development server (DEBUG).
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = DEBUG
MFA_TOTP_ISSUER = "Tendlc"
USERSESSIONS_TRACK_ACTIVITY = True

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.getenv("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Email: Django 6.1's MAILERS. Console in development; SMTP in production or when EMAIL_HOST
# is set.
DEFAULT_FROM_EMAIL = os.getenv("DEFAULT_FROM_EMAIL", "10dlc@localhost")
if os.getenv("EMAIL_HOST") or not DEBUG:
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": os.getenv("EMAIL_HOST", "localhost"),
                "port": int(os.getenv("EMAIL_PORT", "587")),
                "username": os.getenv("EMAIL_HOST_USER", ""),
                "password": os.getenv("EMAIL_HOST_PASSWORD", ""),
                "use_tls": True,
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}

# Background work: django.tasks with django-tasks-db's database backend (`manage.py db_worker`).
# Tests switch to the immediate backend (tests/conftest.py).
TASKS = {
    "default": {
        "BACKEND": os.getenv("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        # Fair queues: webhook applies, user-facing work and slow work (site checks) are
        # served by separate db_worker processes (`make run`), so a burst of one
        # organisation's site checks never delays anyone's webhooks.
        "QUEUES": ["default", "webhooks", "slow"],
    }
}
TASK_QUEUES = TASKS["default"]["QUEUES"]
# /healthz answers 503 when a queue's oldest due task waited longer than this (no worker).
HEALTH_QUEUE_MAX_AGE_SECONDS = int(os.getenv("HEALTH_QUEUE_MAX_AGE_SECONDS", "300"))

# Telnyx. Without TELNYX_API_KEY the app talks to the local sandbox (sandbox/), which this
# same server serves under /sandbox/telnyx/v2/, and verifies webhooks with the sandbox's key.
TELNYX_API_KEY = os.getenv("TELNYX_API_KEY", "")
TELNYX_PUBLIC_KEY = os.getenv("TELNYX_PUBLIC_KEY", "")
SANDBOX_MODE = not TELNYX_API_KEY
TELNYX_BASE_URL = os.getenv(
    "TELNYX_BASE_URL",
    "http://127.0.0.1:8000/sandbox/telnyx/v2" if SANDBOX_MODE else "https://api.telnyx.com/v2",
)
# The sandbox is a development tool: with DEBUG off (production) sandbox mode refuses to
# start unless TENDLC_ALLOW_SANDBOX_IN_PRODUCTION=1 says so (a demo on a production-like host).
# Its bearer token is random per installation (sandbox.models.ApiKey), never configured here.
ALLOW_SANDBOX_IN_PRODUCTION = env_bool("TENDLC_ALLOW_SANDBOX_IN_PRODUCTION", False)
if SANDBOX_MODE and not DEBUG and not ALLOW_SANDBOX_IN_PRODUCTION:
    raise ImproperlyConfigured(
        "TELNYX_API_KEY must be set when DEBUG is off: without it the app runs its "
        "development sandbox. Set TENDLC_ALLOW_SANDBOX_IN_PRODUCTION=1 to run the sandbox "
        "with DEBUG off anyway."
    )
# Organisations may connect their own Telnyx account (compliance.models.TelnyxAccount): its API
# key is stored encrypted (PyNaCl SecretBox) with a key derived from this secret. Changing it
# makes the stored keys unreadable (each organisation connects again). In development a fixed
# key is used, so the web server and the workers agree; with DEBUG off connecting an account
# is refused until it is set.
TELNYX_ACCOUNTS_SECRET = os.getenv(
    "TELNYX_ACCOUNTS_SECRET", "" if not DEBUG else "dev-only-accounts"
)
TELNYX_TIMEOUT_SECONDS = float(os.getenv("TELNYX_TIMEOUT_SECONDS", "10"))
# A person waiting on a Refresh button: one try this long, then the read-back goes to the
# background (pages themselves never call Telnyx: issue 20, finding 13).
TELNYX_QUICK_TIMEOUT_SECONDS = float(os.getenv("TELNYX_QUICK_TIMEOUT_SECONDS", "4"))
# Brands created as Telnyx test brands (`mock: true`: no TCR fee, no real vetting).
TELNYX_MOCK_BRANDS = env_bool("TELNYX_MOCK_BRANDS", SANDBOX_MODE)
# Reviewer console: a submission waiting longer than this appears in the review queue.
REVIEW_STUCK_AFTER_HOURS = float(os.getenv("REVIEW_STUCK_AFTER_HOURS", "24"))
# Members: an e-mailed invitation to join an organisation works for this many days (resending
# starts the count again).
INVITATION_EXPIRY_DAYS = float(os.getenv("INVITATION_EXPIRY_DAYS", "7"))
# Where Telnyx sends webhooks: this app's public base URL.
APP_BASE_URL = os.getenv("APP_BASE_URL", "http://127.0.0.1:8000")
# Sandbox lifecycle pace: seconds between steps in demo mode; 0 means immediate (tests).
SANDBOX_STEP_SECONDS = float(os.getenv("SANDBOX_STEP_SECONDS", "3"))
# Sandbox rate limit of the number-assignment endpoints, in requests per second (0 = off);
# over it the sandbox answers 429 with Retry-After, as Telnyx does.
SANDBOX_RATE_LIMIT = float(os.getenv("SANDBOX_RATE_LIMIT", "0"))
# Bulk number assignment: Telnyx calls in flight at once, and at most this many call starts
# per second (0: no pacing; a 429 then pauses the job for its Retry-After). Set the rate to
# the account's limit and a job of N numbers takes about N / rate seconds with no 429.
NUMBERS_BULK_CONCURRENCY = int(os.getenv("NUMBERS_BULK_CONCURRENCY", "4"))
NUMBERS_BULK_RATE = float(os.getenv("NUMBERS_BULK_RATE", "0"))
# A bulk job's worker holds a lease on the job and on each number in flight, renewed as it
# goes; a worker that stops (killed, crashed) loses them this many seconds later and another
# worker takes the job up (a check-back scheduled when the job started, or reconciliation).
NUMBERS_BULK_LEASE_SECONDS = float(os.getenv("NUMBERS_BULK_LEASE_SECONDS", "120"))
# Following an assign-by-profile task at Telnyx: each turn queues the next before it polls and
# holds this lease while it does, so a killed worker's turn is followed by another within
# about this long, and two workers never poll one task at once.
NUMBERS_PROFILE_LEASE_SECONDS = float(os.getenv("NUMBERS_PROFILE_LEASE_SECONDS", "120"))

# Website and privacy-policy checks (compliance/sitecheck.py) each fetch a customer-named page
# from this server: at most this many per organisation in an hour (a sliding hour).
SITECHECK_PER_ORGANISATION_PER_HOUR = int(os.getenv("SITECHECK_PER_ORGANISATION_PER_HOUR", "30"))

# Reconciliation (compliance.tasks.reconcile): read unsettled brands and campaigns back
# from Telnyx every RECONCILE_EVERY_SECONDS, at most one call per RECONCILE_MIN_INTERVAL seconds.
RECONCILE_EVERY_SECONDS = int(os.getenv("RECONCILE_EVERY_SECONDS", "600"))
# A run holds the reconciliation lease, renewed a third of this often, so two runs never
# overlap; a run still marked running after this long has lost its worker (killed, crashed):
# the next run takes the lease over and `reconcile --loop` no longer counts on the dead run.
RECONCILE_LEASE_SECONDS = int(os.getenv("RECONCILE_LEASE_SECONDS", "120"))
# Daily digests of notifications (compliance.tasks.digests): a run every DIGEST_EVERY_SECONDS
# sends the digests that fell due; one still marked running after DIGEST_STALE_SECONDS lost
# its worker, and `digests --loop` no longer counts on it.
DIGEST_EVERY_SECONDS = int(os.getenv("DIGEST_EVERY_SECONDS", "3600"))
DIGEST_STALE_SECONDS = int(os.getenv("DIGEST_STALE_SECONDS", "600"))
RECONCILE_MIN_INTERVAL = float(os.getenv("RECONCILE_MIN_INTERVAL", "0.2"))
# Importing an existing Telnyx account (services/adoption.py): Telnyx calls started per second,
# kept below the per-account limit the app's other work shares.
TELNYX_IMPORT_CALLS_PER_SECOND = float(os.getenv("TELNYX_IMPORT_CALLS_PER_SECOND", "10"))
# GETs in flight at once (their starts still RECONCILE_MIN_INTERVAL apart).
RECONCILE_CONCURRENCY = int(os.getenv("RECONCILE_CONCURRENCY", "2"))
# The fee ledger's monthly fees (compliance.tasks.ledger): a schedule of its own, every
# FEES_EVERY_SECONDS, started with the reconciliation by `manage.py reconcile --loop`; it
# survives a killed worker like reconciliation does, and its lease (also taken by the
# reconciliation's own pass over the fees) means they are never recorded twice at once.
FEES_EVERY_SECONDS = int(os.getenv("FEES_EVERY_SECONDS", "3600"))
FEES_LEASE_SECONDS = int(os.getenv("FEES_LEASE_SECONDS", "120"))

# Security headers. Production (DEBUG off) turns on HTTPS-only settings.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
SESSION_COOKIE_HTTPONLY = True
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.getenv("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    CSRF_TRUSTED_ORIGINS = [f"https://{h}" for h in ALLOWED_HOSTS if h and h != "*"]

# /metrics (compliance/metrics.py) answers the Prometheus scraper only: a request with
# "Authorization: Bearer $METRICS_TOKEN", or from an address in METRICS_ALLOWED_NETWORKS (the
# client's address past TRUSTED_PROXIES). Neither set: /metrics answers 404.
METRICS_TOKEN = os.getenv("METRICS_TOKEN", "")
METRICS_ALLOWED_NETWORKS = [
    n.strip() for n in os.getenv("METRICS_ALLOWED_NETWORKS", "").split(",") if n.strip()
]

# Logs go to standard error, one JSON object per line (time, level, logger, message,
# request_id, exception: compliance/logs.py), for journald or any log shipper. LOG_FORMAT=text
# gives plain lines (the default with DEBUG on, for a developer's terminal).
LOG_FORMAT = os.getenv("LOG_FORMAT", "text" if DEBUG else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "compliance.logs.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "filters": {"request_id": {"()": "compliance.logs.RequestIdFilter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json" if LOG_FORMAT == "json" else "text",
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": os.getenv("LOG_LEVEL", "INFO")},
    "loggers": {
        "httpx": {"level": "WARNING"},
        "httpcore": {"level": "WARNING"},
        # Django's own request logger repeats what compliance.requests and the exception say.
        "django.request": {"level": "ERROR"},
    },
}

# The hosted opt-in: a consent request is confirmed only by the subscriber's reply to the
# confirmation text; one nobody confirms expires after this many hours (issue 20, finding 14).
OPT_IN_CONFIRM_HOURS = float(os.getenv("OPT_IN_CONFIRM_HOURS", "24"))
