"""Settings for the HNP portal, read from the environment.

Every value has a default that is safe on a laptop: SQLite, a database-backed cache,
console e-mail. Production states what it wants through environment variables (see
`.env.example` and the README).
"""

import secrets
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
# A local `.env` is a convenience for development; real deployments set the environment.
if (BASE_DIR / ".env").is_file():
    env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DEBUG", default=False)


def _local_secret_key() -> str:
    """A per-checkout key, so sessions survive restarts of the development server."""
    path = BASE_DIR / ".local_secret_key"
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        key = secrets.token_urlsafe(50)
        path.write_text(key)
        path.chmod(0o600)
        return key


SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off "
            "(for example: python -c 'import secrets; print(secrets.token_urlsafe(50))')."
        )
    SECRET_KEY = _local_secret_key()

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# Where the site lives, for absolute links in feeds and e-mails when no request is at hand.
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
SITE_NAME = env.str("SITE_NAME", default="Cổng thông tin HNP")
# The prefix of every lead on the article page ("HNP - ..."), never typed by journalists.
SITE_DATELINE = env.str("SITE_DATELINE", default="HNP")
# Shown in the footer and the privacy notice: where readers write to the editorial office.
SITE_CONTACT_EMAIL = env.str("SITE_CONTACT_EMAIL", default="toasoan@example.vn")
# The legal lines every Vietnamese official portal carries in its footer: the governing body,
# the licence, the person responsible, the office's address and phone. Empty hides a line.
SITE_OWNER = env.str("SITE_OWNER", default="Văn phòng HNP")
SITE_LICENCE = env.str(
    "SITE_LICENCE", default="Giấy phép số 00/GP-TTĐT do Sở Thông tin và Truyền thông cấp"
)
SITE_RESPONSIBLE = env.str("SITE_RESPONSIBLE", default="Nguyễn Văn A")
SITE_ADDRESS = env.str("SITE_ADDRESS", default="Số 1 phố Ví Dụ, phường Mẫu, Hà Nội")
SITE_PHONE = env.str("SITE_PHONE", default="024 0000 0000")

INSTALLED_APPS = [
    "hnp.apps.HnpAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "django_ckeditor_5",
    "captcha",
    "imagekit",
    "django_ratelimit",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "simple_history",
    "hnp.apps.HnpConfig",
    "accounts",
    "articles",
    "comments",
]
# Demo content (`manage.py load_demo`): a development tool, not part of the product.
if env.bool("DEMO_CONTENT", default=DEBUG):
    INSTALLED_APPS.append("demo")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "core.pagecache.PageCacheMiddleware",
    # Oversized bodies are refused from their Content-Length, before CSRF parses them.
    "core.requestsize.RequestSizeLimitMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Ends sessions that are idle, too old or (when required) lack the second factor; before
    # django-otp's middleware, which then tells whether the session passed the second factor.
    "accounts.middleware.StaffSessionMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # django-csp's, with the site's policy header built once per process.
    "core.csp.CSPMiddleware",
    # Last, as django-axes asks: turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "hnp.urls"
WSGI_APPLICATION = "hnp.wsgi.application"
ASGI_APPLICATION = "hnp.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "hnp.context_processors.site",
                "articles.context_processors.navigation",
                "core.context_processors.page_cache",
            ],
            "builtins": ["core.templatetags.extends"],
        },
    },
]

# --- Database -------------------------------------------------------------------------

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several gunicorn workers may share the file: WAL lets readers run beside a writer,
    # IMMEDIATE takes the write lock up front instead of failing half-way, and the timeout
    # makes a writer wait for its turn rather than raise "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # The site's queries are short; PostgreSQL's JIT compiles those it estimates costly
    # (a search suggestion's check of 500 words: 170 ms of compiling for 60 ms of work).
    options = DATABASES["default"].setdefault("OPTIONS", {})
    options["options"] = (options.get("options", "") + " -c jit=off").strip()
    # The same backend, with a health check that reads the socket instead of running
    # `SELECT 1` on every request (core/postgresql/base.py).
    DATABASES["default"]["ENGINE"] = "core.postgresql"
# A connection is kept for the worker's next requests (opening one, and on SQLite running
# its PRAGMAs, costs more than many a cached page), checked before reuse.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------------------
# Rate limits, captchas and cached pages must hold across every worker process, so the
# cache is never per-process memory: Redis when REDIS_URL is set, else a database table
# (created by `manage.py createcachetable`).

REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", default="hnp"),
            # Short: a hanging Redis must not tie up workers (see CACHE_RETRY_SECONDS).
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": env.float("REDIS_CONNECT_TIMEOUT", default=0.25),
                "SOCKET_TIMEOUT": env.float("REDIS_TIMEOUT", default=0.5),
            },
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "core.cache.ResilientDatabaseCache",
            "LOCATION": "hnp_cache",
            "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", default="hnp"),
            # Whole pages live here too: room for every page readers open in a while.
            "OPTIONS": {"MAX_ENTRIES": env.int("CACHE_MAX_ENTRIES", default=20_000)},
        }
    }
    # django-ratelimit wants atomic increments, which only Redis or memcached give. The
    # database cache is still shared by all workers, so limits hold; under a burst of
    # simultaneous requests a few may slip through. Production should set REDIS_URL.
# `{% cache %}` fragments (menu, most read, an article's story and related lists) are keyed
# by what they were built from (the site's version, the article's last edit), so a change
# makes new keys everywhere at once: each worker keeps them in its own memory
# (core/fragments.py), up to this many bytes, where reading one costs no round trip.
CACHES["template_fragments"] = {
    "BACKEND": "core.fragments.LocalFragmentCache",
    "OPTIONS": {"MAX_BYTES": env.int("FRAGMENT_CACHE_BYTES", default=16 * 1024 * 1024)},
}
# Our backends subclass django-redis's RedisCache and Django's DatabaseCache, adding only
# failure handling; django-ratelimit knows them by their original class paths only.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001"]

# The cache is an accelerator, never a dependency (core/cache.py): when it fails, operations
# are misses, the cache is skipped for CACHE_RETRY_SECONDS, and the failure is logged at
# most once per CACHE_LOG_SECONDS in each process.
CACHE_RETRY_SECONDS = env.int("CACHE_RETRY_SECONDS", default=10)
CACHE_LOG_SECONDS = 60
# Whole reader pages for anonymous readers (core/pagecache.py), invalidated explicitly on
# every change; this is only the longest a page is kept unseen. 0 turns the cache off.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)
# An article's page is stored once a worker has built it this many times (as nginx's
# proxy_cache_min_uses): an old article a crawler opens once costs neither a round trip to
# store it nor room in the cache. Lists and search results are stored at once. 1: every
# page at once.
PAGE_CACHE_MIN_USES = env.int("PAGE_CACHE_MIN_USES", default=2)
# Each worker also keeps the pages it served in its own memory, up to this many bytes,
# trusted only while it hears of every change at once (core/localpages.py); 0: never.
PAGE_CACHE_LOCAL_BYTES = env.int("PAGE_CACHE_LOCAL_BYTES", default=32 * 1024 * 1024)
# Names the running code in page and fragment keys (e.g. the deployed commit); empty: a
# hash of the project's files, so a deployment never serves pages of the previous templates.
PAGE_CACHE_RELEASE = env.str("PAGE_CACHE_RELEASE", default="")
# How long a reverse proxy (nginx's micro-cache) or a browser may reuse anonymous pages.
PAGE_PROXY_SECONDS = env.int("PAGE_PROXY_SECONDS", default=5)
# Views wait in the cache (or a table) and are added to articles at most this often
# (seconds), also from a reader's request; 0: only `manage.py flush_view_counts` does it.
VIEW_COUNT_FLUSH_SECONDS = env.int("VIEW_COUNT_FLUSH_SECONDS", default=60)
# Views wait this long in a worker's memory and are then handed on together.
VIEW_BUFFER_SECONDS = env.float("VIEW_BUFFER_SECONDS", default=1.0)

RATELIMIT_USE_CACHE = "default"
# Limits live in the cache; while it is down they do not apply (decided in README: the
# captcha and the moderation queue still stand between a flood and the readers).
RATELIMIT_FAIL_OPEN = True
RATELIMIT_IP_META_KEY = "core.net.client_ip"
# How many reverse proxies (load balancer, nginx) stand in front of the app and append to
# X-Forwarded-For. 0 means the client address is REMOTE_ADDR and the header is ignored.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)

# --- Sessions, security ---------------------------------------------------------------

SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

# Behind a TLS-terminating proxy: trust its X-Forwarded-Proto, send cookies over HTTPS
# only, and ask browsers to stick to HTTPS.
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
# The load balancer probes plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"

# Content Security Policy (django-csp). CKEditor 5 sets inline styles on its own widgets,
# hence 'unsafe-inline' for styles only; no inline script runs anywhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"] + env.list("CSP_IMG_SRC", default=[]),
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    # The words an attacker tries first against this site: its name (and SITE_NAME,
    # SITE_DATELINE), also without diacritics.
    {"NAME": "core.passwords.SiteWordsValidator", "OPTIONS": {"words": ["HNP"]}},
]

# --- Staff sign-in: throttle, second factor, session limits ---------------------------
# Only staff have accounts; they sign in at the admin's login page (accounts/).

AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out username and address before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# django-axes: 5 failed logins of one username from one address lock that pair for 15
# minutes (another address, or another username, is not affected). Wrong second-factor
# codes count as failures too. A superuser unlocks early by deleting the attempt in the admin.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# The address the comment rate limits see too: REMOTE_ADDR, or X-Forwarded-For as far as
# TRUSTED_PROXY_COUNT proxies vouch for it.
AXES_CLIENT_IP_CALLABLE = "core.net.client_ip"
AXES_LOCKOUT_CALLABLE = "accounts.views.locked_out"
# A lockout lasts AXES_COOLOFF_TIME from the failure that caused it; tries during it do not
# prolong it. A successful login forgets the pair's earlier failures.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
# Masked in what axes stores of a refused form (passwords always are): a mistyped recovery
# code is nearly a valid one.
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "code"]
# Logins, failures and lockouts are logged by accounts.audit, one line each.
AXES_VERBOSE = False

# A second factor (TOTP app, or a one-time recovery code) for every staff account; set up
# at the first login. Off by default only for development.
STAFF_2FA_REQUIRED = env.bool("STAFF_2FA_REQUIRED", default=not DEBUG)
OTP_TOTP_ISSUER = SITE_NAME
# The admin pages of devices show neither secrets nor recovery codes.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

# A signed-in session ends after this many seconds without a request, and this many
# seconds after the login whatever happens.
STAFF_SESSION_IDLE_SECONDS = env.int("STAFF_SESSION_IDLE_SECONDS", default=30 * 60)
STAFF_SESSION_MAX_SECONDS = env.int("STAFF_SESSION_MAX_SECONDS", default=12 * 60 * 60)
# Sessions are only for staff: the cookie and the stored session last no longer either.
SESSION_COOKIE_AGE = STAFF_SESSION_MAX_SECONDS
# After a login without a (safe) `next`: the admin, never Django's /accounts/profile/.
LOGIN_REDIRECT_URL = "admin:index"

# A comment form with 3,000 characters fits easily; anything far larger is refused early.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# --- Language and time ----------------------------------------------------------------

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt")]
LOCALE_PATHS = [BASE_DIR / "hnp" / "locale"]
USE_I18N = True
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_TZ = True
FORMAT_MODULE_PATH = ["hnp.formats"]

# --- Static files and uploads ---------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = env.str("MEDIA_URL", default="/media/")
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
# Let the app serve uploads itself (development, or a small site without a web server in
# front). Otherwise the reverse proxy serves MEDIA_ROOT, or uploads go to object storage.
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=DEBUG)
# Pictures uploaded by the newsroom (covers, images in the body) are re-encoded within these.
IMAGE_UPLOAD_MAX_BYTES = env.int("IMAGE_UPLOAD_MAX_BYTES", default=10 * 1024 * 1024)
IMAGE_UPLOAD_MAX_PIXELS = env.int("IMAGE_UPLOAD_MAX_PIXELS", default=40_000_000)
IMAGE_UPLOAD_MAX_SIDE = env.int("IMAGE_UPLOAD_MAX_SIDE", default=2400)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Uploads on S3-compatible object storage (django-storages) once a bucket is named, so that
# every app server writes and reads the same files: the editor's pictures, covers and their
# renditions. Credentials are read from the environment as boto3 reads them
# (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY) or from the machine's role, never from here.
AWS_STORAGE_BUCKET_NAME = env.str("AWS_STORAGE_BUCKET_NAME", default="")
AWS_S3_ENDPOINT_URL = env.str("AWS_S3_ENDPOINT_URL", default="")  # empty: Amazon S3
AWS_S3_REGION_NAME = env.str("AWS_S3_REGION_NAME", default="")
# Readers fetch media from this host (a CDN in front of the bucket) instead of the bucket's.
AWS_S3_CUSTOM_DOMAIN = env.str("AWS_S3_CUSTOM_DOMAIN", default="")
AWS_S3_URL_PROTOCOL = env.str("AWS_S3_URL_PROTOCOL", default="https:")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": AWS_S3_ENDPOINT_URL or None,
            "region_name": AWS_S3_REGION_NAME or None,
            "custom_domain": AWS_S3_CUSTOM_DOMAIN or None,
            "url_protocol": AWS_S3_URL_PROTOCOL,
            # "path" for most S3-compatible servers (MinIO, Ceph); empty lets boto3 choose.
            "addressing_style": env.str("AWS_S3_ADDRESSING_STYLE", default="") or None,
            # e.g. "public-read" where the bucket has no public-read policy of its own.
            "default_acl": env.str("AWS_DEFAULT_ACL", default="") or None,
            # Plain public addresses, the same for every reader: pages stay cacheable.
            "querystring_auth": False,
            # Names are generated (a UUID, or a rendition's hash): a file never changes, so
            # browsers and a CDN keep it, and a name is never reused.
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
        },
    }


def _media_origins() -> list[str]:
    """Where readers' browsers fetch uploaded pictures from, when not from this site."""
    if not AWS_STORAGE_BUCKET_NAME:
        return []
    if AWS_S3_CUSTOM_DOMAIN:
        return [f"{AWS_S3_URL_PROTOCOL}//{AWS_S3_CUSTOM_DOMAIN.split('/')[0]}"]
    if AWS_S3_ENDPOINT_URL:
        endpoint = urlsplit(AWS_S3_ENDPOINT_URL)
        return [
            f"{endpoint.scheme}://{endpoint.netloc}",
            f"{endpoint.scheme}://{AWS_STORAGE_BUCKET_NAME}.{endpoint.netloc}",
        ]
    hosts = [f"{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com"]
    if AWS_S3_REGION_NAME:
        hosts.append(f"{AWS_STORAGE_BUCKET_NAME}.s3.{AWS_S3_REGION_NAME}.amazonaws.com")
    return [f"https://{host}" for host in hosts]


# Pages show uploaded pictures from the bucket (or its CDN): the policy allows that origin.
CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"] += _media_origins()

# --- Rich text editor (CKEditor 5) ----------------------------------------------------
# What a journalist needs, nothing that lets raw HTML in: source editing, HTML embed,
# general HTML support, Markdown and styles are removed from the bundled build.

CK_EDITOR_5_UPLOAD_FILE_VIEW_NAME = "articles:image_upload"
CKEDITOR_5_UPLOAD_FILE_TYPES = ["jpeg", "png", "gif", "webp"]
CKEDITOR_5_FILE_UPLOAD_PERMISSION = "staff"
CKEDITOR_5_CUSTOM_CSS = "css/editor.css"
CKEDITOR_5_CONFIGS = {
    "default": {
        "language": "vi",
        "toolbar": {
            "items": [
                "heading", "|", "bold", "italic", "link", "|",
                "bulletedList", "numberedList", "blockQuote", "insertTable", "|",
                "uploadImage", "|", "undo", "redo",
            ],
            "shouldNotGroupWhenFull": False,
        },
        "heading": {
            "options": [
                {"model": "paragraph", "title": _("Paragraph"), "class": "ck-heading_paragraph"},
                {"model": "heading2", "view": "h2", "title": _("Heading"), "class": "ck-heading_heading2"},
                {"model": "heading3", "view": "h3", "title": _("Subheading"), "class": "ck-heading_heading3"},
            ]
        },
        "image": {
            "toolbar": [
                "imageTextAlternative", "toggleImageCaption", "|",
                "imageStyle:inline", "imageStyle:block", "imageStyle:side",
            ],
        },
        "table": {"contentToolbar": ["tableColumn", "tableRow", "mergeTableCells", "toggleTableCaption"]},
        "link": {"defaultProtocol": "https://", "addTargetToExternalLinks": False},
        "removePlugins": [
            "SourceEditing", "GeneralHtmlSupport", "HtmlEmbed", "FullPage", "Style",
            "Markdown", "MediaEmbed", "CKFinderUploadAdapter", "Mention", "CodeBlock",
            "Font", "Highlight", "TodoList", "Autosave", "TableProperties",
            "TableCellProperties", "ImageResize",
        ],
    }
}  # fmt: skip

# --- E-mail and admin -----------------------------------------------------------------

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="HNP <no-reply@localhost>")
# Seconds before a silent mail server counts as down: moderators' mail is sent while a
# reader waits for their comment to be taken.
EMAIL_TIMEOUT = env.float("EMAIL_TIMEOUT", default=5)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

ADMIN_URL = env.str("ADMIN_URL", default="admin/")
if not ADMIN_URL.endswith("/") or ADMIN_URL.startswith("/"):
    raise ImproperlyConfigured("ADMIN_URL must look like 'admin/': no leading, one trailing slash.")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    # Refused requests (4xx) in one line each, tracebacks only for server errors.
    "filters": {"client_errors_one_line": {"()": "core.logs.ClientErrorsOneLine"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["client_errors_one_line"],
        }
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        # accounts.audit logs each login, failure and lockout in one line; axes's own lines
        # would repeat them (with the username and address masked).
        "axes": {"level": "ERROR"},
    },
}

# --- Comments and personal data -------------------------------------------------------

# Bump when the privacy notice changes: each comment records the version it consented to.
PRIVACY_NOTICE_VERSION = env.str("PRIVACY_NOTICE_VERSION", default="2026-01")
# Phone numbers and IP hashes are erased this many days after moderation ended.
COMMENT_PERSONAL_DATA_DAYS = env.int("COMMENT_PERSONAL_DATA_DAYS", default=90)

LOGIN_URL = "admin:login"
# Where new pending comments are announced (comma-separated); empty: no mail.
COMMENT_NOTIFY_EMAILS = env.list("COMMENT_NOTIFY_EMAILS", default=[])
# At most one notification mail per this many seconds; the rest goes in the next digest.
COMMENT_NOTIFY_INTERVAL = env.int("COMMENT_NOTIFY_INTERVAL", default=600)
# A comment sent sooner than this after the form was shown is flagged as automated.
COMMENT_MIN_SECONDS = env.int("COMMENT_MIN_SECONDS", default=3)
# More links than this flags a comment.
COMMENT_MAX_LINKS = 2
COMMENTS_PER_PAGE = 20
# Comments close this many days after an article's publication; 0: they stay open (editors
# can still close an article's comments by hand).
COMMENTS_CLOSE_AFTER_DAYS = env.int("COMMENTS_CLOSE_AFTER_DAYS", default=0)
COMMENT_MAX_REQUEST_BYTES = 64 * 1024
# The largest request body each part of the site accepts (URL names, or namespaces), refused
# with 413 from its Content-Length before anything reads it (core/requestsize.py). Pictures
# come with a multipart envelope; the admin's article form with a cover and its text fields.
REQUEST_MAX_BYTES = {
    "comments:page": COMMENT_MAX_REQUEST_BYTES,
    "comments:session": COMMENT_MAX_REQUEST_BYTES,
    "comments:report": 4 * 1024,
    "articles:image_upload": IMAGE_UPLOAD_MAX_BYTES + 64 * 1024,
    "admin": IMAGE_UPLOAD_MAX_BYTES + DATA_UPLOAD_MAX_MEMORY_SIZE,
}
REQUEST_MAX_BYTES_DEFAULT = DATA_UPLOAD_MAX_MEMORY_SIZE
# Per source (IP fingerprint), kept in the shared cache: django-ratelimit rate strings.
COMMENT_RATE_SHORT = env.str("COMMENT_RATE_SHORT", default="1/15s")
COMMENT_RATE_LONG = env.str("COMMENT_RATE_LONG", default="5/10m")
CAPTCHA_RATE = env.str("CAPTCHA_RATE", default="20/m")
# Readers' reports of approved comments: per source, and how many hide a comment until a
# moderator restores or rejects it.
COMMENT_REPORT_RATE = env.str("COMMENT_REPORT_RATE", default="10/h")
COMMENT_REPORTS_TO_HIDE = env.int("COMMENT_REPORTS_TO_HIDE", default=3)

# django-simple-captcha: five digits, readable, valid for ten minutes.
CAPTCHA_CHALLENGE_FUNCT = "comments.captcha.five_digits"
CAPTCHA_TIMEOUT = 10
CAPTCHA_FONT_SIZE = 30
CAPTCHA_IMAGE_SIZE = (140, 48)
CAPTCHA_LETTER_ROTATION = (-20, 20)
CAPTCHA_FOREGROUND_COLOR = "#1d1d1f"
CAPTCHA_NOISE_FUNCTIONS = ("captcha.helpers.noise_arcs", "captcha.helpers.noise_dots")
CAPTCHA_TEST_MODE = env.bool("CAPTCHA_TEST_MODE", default=False)
if CAPTCHA_TEST_MODE and not DEBUG:
    raise ImproperlyConfigured(
        "CAPTCHA_TEST_MODE accepts any answer: it is refused when DEBUG is off."
    )
