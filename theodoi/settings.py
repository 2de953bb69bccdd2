"""theodoi settings: ONE file, driven by environment variables (all listed in .env.example).

With no configuration at all it runs on an embedded SQLite database in ./var with DEBUG on,
which is what `make demo` uses. Production sets DATABASE_URL (PostgreSQL), REDIS_URL,
SECRET_KEY and DEBUG=0.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("THEODOI_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    """Read a boolean; fail loudly on anything that is not clearly yes or no."""
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ValueError(f"{name} must be a boolean (1/0, true/false), got {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ValueError(f"{name} must be an integer, got {raw!r}") from exc


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_proxy_ssl_header(name: str) -> tuple[str, str] | None:
    """The header a TLS-terminating proxy sets, as "Header-Name,value" (e.g. X-Forwarded-Proto,https).

    Only set it behind a proxy that always overwrites that header: otherwise a client can claim
    HTTPS. Accepts the HTTP header name or Django's META key (HTTP_X_FORWARDED_PROTO).
    """
    raw = os.environ.get(name, "").strip()
    if not raw:
        return None
    header, sep, value = raw.partition(",")
    header, value = header.strip(), value.strip()
    if not sep or not header or not value:
        raise ValueError(f"{name} must be 'Header-Name,value' (e.g. X-Forwarded-Proto,https), got {raw!r}")
    key = header.upper().replace("-", "_")
    return (key if key.startswith("HTTP_") else f"HTTP_{key}", value)


DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ValueError("SECRET_KEY must be set when DEBUG is off")
    SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
SITE_NAME = os.environ.get("SITE_NAME", "theodoi")
PROVINCE_NAME = os.environ.get("PROVINCE_NAME", "Kon Tum")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "theodoi.core",
    "theodoi.accounts",
    "theodoi.documents",
    "theodoi.plans",
    "theodoi.reporting",
    "theodoi.evaluation",
    "theodoi.investment",
    "theodoi.geo",
    "theodoi.exports",
    "theodoi.notifications",
    "theodoi.jobs",
    "theodoi.trail",
    # The top app (home page, search, loaddemo, /readyz, /metrics): it imports every app, none imports it.
    "theodoi.home",
    # Failed web logins counted per username and address; locks out after AXES_FAILURE_LIMIT.
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "theodoi.core.middleware.LanguageChoiceMiddleware",
    # Refuses a body larger than the upload limit from its Content-Length, before it is read.
    "theodoi.core.middleware.RequestSizeLimitMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # Django's, with the user read together with their roles (theodoi/accounts/backends.py).
    "theodoi.accounts.backends.RoleAuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "theodoi.core.middleware.RefusalMiddleware",
    # Last, as django-axes requires: turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "theodoi.urls"
WSGI_APPLICATION = "theodoi.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "theodoi" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "theodoi.home.context_processors.site",
                "theodoi.trail.context_processors.trail",
            ],
        },
    },
]

DATABASE_URL = os.environ.get("DATABASE_URL", "")
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL or f"sqlite:///{VAR_DIR / 'theodoi.sqlite3'}",
        # Reusing PostgreSQL connections saves a connect per request; health checks drop dead ones.
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60 if DATABASE_URL else 0),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A fresh clone has no ./var yet: SQLite cannot create its file in a missing folder.
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # WAL + a busy timeout let the background extraction thread and the web requests share the file.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        # Writes take the lock when their transaction starts, so two writers wait for each other
        # (busy timeout) instead of one failing with "database is locked" on lock upgrade.
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Django turns psycopg's prepared statements off (prepare_threshold None). Only the plain SQL of
    # the hot paths (theodoi/core/rawsql.py) binds on the server and can be prepared; the ORM's
    # client-side-binding cursors never are. Prepared after 2 runs on a connection, the autosave's
    # statements cost PostgreSQL no parse or plan (docs/performance.md). 0 or less: never prepare
    # (a PgBouncer before 1.21 in transaction mode).
    _prepare = env_int("DB_PREPARE_THRESHOLD", 2)
    DATABASES["default"].setdefault("OPTIONS", {})["prepare_threshold"] = _prepare if _prepare > 0 else None

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
]
# django-axes checks every login first: a locked-out username is refused even with the right password.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # Django's ModelBackend, whose user lookup brings the memberships in the same statement.
    "theodoi.accounts.backends.RoleModelBackend",
]
# Django's database sessions, read with one plain SQL statement (theodoi/accounts/backends.py).
SESSION_ENGINE = "theodoi.accounts.backends"
# Login lockout: AXES_FAILURE_LIMIT wrong passwords for one username from one address lock that
# username there for LOGIN_LOCKOUT_MINUTES after the last failure (a failure during the lockout
# restarts it). LOGIN_LOCKOUT_BY=username locks the username from every address (stops a spread-out
# guesser, but lets anyone lock an official out). Attempts are kept in the database (/admin shows them).
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 20)
LOGIN_LOCKOUT_MINUTES = env_int("LOGIN_LOCKOUT_MINUTES", 15)
AXES_COOLOFF_TIME = timedelta(minutes=LOGIN_LOCKOUT_MINUTES)
AXES_LOCKOUT_PARAMETERS: list[str | list[str]] = (
    ["username"] if os.environ.get("LOGIN_LOCKOUT_BY", "username_ip") == "username" else [["username", "ip_address"]]
)
AXES_LOCKOUT_CALLABLE = "theodoi.accounts.lockout.lockout_response"
AXES_RESET_ON_SUCCESS = True
# Failed API token attempts per client address: this many within API_TOKEN_WINDOW_SECONDS block
# token checks from that address for the rest of the window (theodoi/accounts/throttle.py).
API_TOKEN_FAILURE_LIMIT = env_int("API_TOKEN_FAILURE_LIMIT", 20)
API_TOKEN_WINDOW_SECONDS = env_int("API_TOKEN_WINDOW_SECONDS", 15 * 60)
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "core:home"

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "theodoi" / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Asia/Ho_Chi_Minh")
USE_I18N = True
USE_TZ = True
# Django's vi locale lacks NUMBER_GROUPING; ours (theodoi.formats) groups as 1.234.567,5 where a
# number is formatted on purpose (core.vnformat and its template filters). Not for every {{ int }}:
# ids and text offsets go into names, ids and links ("value-1563", "?hl=1234-1250"), and a grouped
# "1.563" there breaks saving and highlighting as soon as a table passes 999 rows.
FORMAT_MODULE_PATH = ["theodoi.formats"]
USE_THOUSAND_SEPARATOR = False

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "theodoi" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES: dict[str, dict[str, object]] = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# Uploaded and generated files: the local disk (MEDIA_ROOT, the embedded default) or an S3-compatible
# bucket shared by every app server and worker (django-storages).
THEODOI_STORAGE = os.environ.get("THEODOI_STORAGE", "local").strip().lower() or "local"
if THEODOI_STORAGE == "s3":
    if not os.environ.get("THEODOI_S3_BUCKET"):
        raise ValueError("THEODOI_S3_BUCKET must be set when THEODOI_STORAGE=s3")
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["THEODOI_S3_BUCKET"],
            "endpoint_url": os.environ.get("THEODOI_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("THEODOI_S3_REGION") or None,
            # Empty keys: boto3's own chain (instance role, ~/.aws, AWS_* variables).
            "access_key": os.environ.get("THEODOI_S3_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("THEODOI_S3_SECRET_ACCESS_KEY") or None,
            "location": os.environ.get("THEODOI_S3_PREFIX", ""),
            # Two uploads named alike must not overwrite each other (as on the local disk).
            "file_overwrite": False,
            "default_acl": None,
            "querystring_auth": True,
        },
    }
elif THEODOI_STORAGE != "local":
    raise ValueError(f"THEODOI_STORAGE must be local or s3, got {THEODOI_STORAGE!r}")
# How the permission-checked download views hand a file over (theodoi/core/files.py): stream (Django
# streams it), x-accel (nginx, internal location at the prefix below) or x-sendfile (Apache).
THEODOI_PROTECTED_DOWNLOADS = os.environ.get("THEODOI_PROTECTED_DOWNLOADS", "stream").strip().lower() or "stream"
if THEODOI_PROTECTED_DOWNLOADS not in ("stream", "x-accel", "x-sendfile"):
    raise ValueError(
        f"THEODOI_PROTECTED_DOWNLOADS must be stream, x-accel or x-sendfile, got {THEODOI_PROTECTED_DOWNLOADS!r}"
    )
if THEODOI_PROTECTED_DOWNLOADS == "x-sendfile" and THEODOI_STORAGE != "local":
    raise ValueError("THEODOI_PROTECTED_DOWNLOADS=x-sendfile needs THEODOI_STORAGE=local (the web server reads the files)")
THEODOI_PROTECTED_DOWNLOADS_PREFIX = os.environ.get("THEODOI_PROTECTED_DOWNLOADS_PREFIX", "/protected-files/")
THEODOI_X_SENDFILE_ROOT = os.environ.get("THEODOI_X_SENDFILE_ROOT", "") or str(MEDIA_ROOT)

# Uploads: documents above this size are refused with a clear message (bytes).
UPLOAD_MAX_BYTES = env_int("UPLOAD_MAX_BYTES", 20 * 1024 * 1024)
# Any request body above this (uploads plus form overhead) is refused from its Content-Length
# before a byte of it is read (theodoi/core/middleware.py): 413 with a Vietnamese page or JSON.
REQUEST_BODY_MAX_BYTES = env_int("REQUEST_BODY_MAX_BYTES", UPLOAD_MAX_BYTES + 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Background jobs: Celery with Redis in production; with no broker, jobs run in a thread.
REDIS_URL = os.environ.get("REDIS_URL", "")
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", REDIS_URL)
CELERY_RESULT_BACKEND = os.environ.get("CELERY_RESULT_BACKEND", "")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TIMEZONE = TIME_ZONE
# A job is acknowledged only when it has finished, and re-queued when its worker dies, so a worker
# killed mid-job loses nothing; each worker reserves one job at a time so a dead one holds no
# others. Redis redelivers an unacknowledged job after visibility_timeout: it must exceed the
# longest job (the hard time limit below).
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = env_int("CELERY_TASK_SOFT_TIME_LIMIT", 25 * 60)
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 30 * 60)
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": CELERY_TASK_TIME_LIMIT + 10 * 60}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True

if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "theodoi@localhost")
# Short messages (SMS / chat) for reminders: a gateway class (see theodoi/notifications/gateways.py),
# empty to send none.
THEODOI_MESSAGE_GATEWAY = os.environ.get("THEODOI_MESSAGE_GATEWAY", "")
THEODOI_MESSAGE_FILE = os.environ.get("THEODOI_MESSAGE_FILE", str(VAR_DIR / "messages.jsonl"))
THEODOI_MESSAGE_WEBHOOK_URL = os.environ.get("THEODOI_MESSAGE_WEBHOOK_URL", "")
THEODOI_MESSAGE_WEBHOOK_TOKEN = os.environ.get("THEODOI_MESSAGE_WEBHOOK_TOKEN", "")

# Separation of duties in the report workflow: whoever submitted a form cannot approve it, whoever
# approved it cannot accept it (theodoi/reporting/services/workflow.py). Off only for a one-person trial.
THEODOI_SEPARATION_OF_DUTIES = env_bool("THEODOI_SEPARATION_OF_DUTIES", True)

# LibreOffice binary for DOCX -> PDF.
SOFFICE_BINARY = os.environ.get("SOFFICE_BINARY", "soffice")

# HTTPS. Production (the block at the end of .env.example, which `manage.py check --deploy` passes
# cleanly) serves only HTTPS behind a TLS-terminating reverse proxy. Everything is off by default so
# `make demo` and the tests keep working over plain HTTP; nothing is guessed from DEBUG except the
# cookies, since a redirect to HTTPS without a proxy that speaks it would lock everyone out.
# Cookies travel only over HTTPS when DEBUG is off (SECURE_COOKIES, or each one on its own).
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", env_bool("SECURE_COOKIES", not DEBUG))
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", env_bool("SECURE_COOKIES", not DEBUG))
# Redirect every plain-HTTP request to HTTPS, except the health check that load balancers probe.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# HTTP Strict Transport Security: browsers refuse plain HTTP for this long once they have seen it.
# Start small (3600) and raise to a year (31536000) once HTTPS is known to work everywhere.
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)


SECURE_PROXY_SSL_HEADER = env_proxy_ssl_header("SECURE_PROXY_SSL_HEADER")
# Trust the proxy's X-Forwarded-Host for building absolute links (only behind a proxy that sets it).
USE_X_FORWARDED_HOST = env_bool("USE_X_FORWARDED_HOST", False)

# Logs: one line per request with its id, user and duration (core/observability.py), and the
# request id and user on every line logged while answering it. LOG_FORMAT=json in production
# (one JSON object per line for the log collector); plain text by default.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "plain")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request": {"()": "theodoi.core.observability.RequestContextFilter"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s %(user)s]: %(message)s"},
        "json": {"()": "theodoi.core.observability.JsonLogFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json" if LOG_FORMAT == "json" else "plain",
            "filters": ["request"],
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
MIDDLEWARE.insert(0, "theodoi.core.observability.RequestLogMiddleware")
# /metrics answers a bearer of this token; with none set, only requests from the machine itself.
THEODOI_METRICS_TOKEN = os.environ.get("THEODOI_METRICS_TOKEN", "")

# "celery" | "thread" | "inline" (tests); empty = celery when a broker is set, else thread.
BACKGROUND_JOBS = os.environ.get("BACKGROUND_JOBS", "")
# Job rows (theodoi/jobs): a running job touches its heartbeat every JOBS_HEARTBEAT_SECONDS; the
# sweeper (every JOBS_SWEEP_SECONDS: beat, or the embedded server's own loop; `theodoi sweep_jobs`) re-queues or fails one silent for
# JOBS_STALE_SECONDS, and sends again one queued for JOBS_QUEUED_STALE_SECONDS; database errors
# are retried after JOBS_RETRY_BACKOFF_SECONDS, doubling. Three missed beats (45 s) plus the
# beat's minute keep a killed job's recovery under two minutes.
JOBS_HEARTBEAT_SECONDS = float(os.environ.get("JOBS_HEARTBEAT_SECONDS", "15"))
JOBS_STALE_SECONDS = float(os.environ.get("JOBS_STALE_SECONDS", "45"))
JOBS_QUEUED_STALE_SECONDS = float(os.environ.get("JOBS_QUEUED_STALE_SECONDS", "600"))
JOBS_RETRY_BACKOFF_SECONDS = float(os.environ.get("JOBS_RETRY_BACKOFF_SECONDS", "5"))
JOBS_SWEEP_SECONDS = float(os.environ.get("JOBS_SWEEP_SECONDS", "60"))

# A folder with the province's own report templates (.docx); empty = the packaged ones.
REPORT_TEMPLATE_DIR = os.environ.get("REPORT_TEMPLATE_DIR", "")

# django-ninja serves Swagger UI from its own static files (offline /api/docs) only when installed as an app.
INSTALLED_APPS += ["ninja"]

# API list endpoints answer one page, {"items": [...], "count": N}: ?limit= defaults to 100 rows and a
# larger one than 1000 is capped (theodoi/core/pagination.py). Fixed, not per deployment.
NINJA_PAGINATION_CLASS = "theodoi.core.pagination.Pagination"
NINJA_PAGINATION_PER_PAGE = 100
NINJA_PAGINATION_MAX_LIMIT = 1000

# Content-Security-Policy (django-csp): scripts only from this server, plus inline ones carrying the
# per-response nonce (none today). Data reaches JavaScript through `json_script` and is written into
# the page as text, so a name taken from an uploaded document can never run as code even if an
# escaping mistake slips in. Inline `style` attributes stay allowed: they cannot run script, and
# the templates and ECharts use them. Report-only mode for a trial: THEODOI_CSP_REPORT_ONLY=1.
from csp.constants import NONCE, NONE, SELF  # noqa: E402

INSTALLED_APPS += ["csp"]
MIDDLEWARE.insert(MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1, "csp.middleware.CSPMiddleware")
_CSP = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
if os.environ.get("THEODOI_CSP_REPORT_ONLY") == "1":
    CONTENT_SECURITY_POLICY_REPORT_ONLY = _CSP
else:
    CONTENT_SECURITY_POLICY = _CSP
