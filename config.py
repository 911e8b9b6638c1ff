"""Configuration read from the environment.

Development generates its secrets once per instance (kept under ``instance/``) so that
``make run`` needs nothing set; production refuses to start without them.
"""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path

from flask_appbuilder.const import AUTH_DB

BASE_DIR = Path(__file__).resolve().parent
INSTANCE_DIR = Path(os.environ.get("INSTANCE_PATH", BASE_DIR / "instance"))

# The local Zoom simulator's credentials (devtools/zoomsim). Only used when ZOOM_CLIENT_ID is unset
# outside production; they are not secrets, and production rejects them.
SIMULATOR_CLIENT_ID = "zoomsim-client-id"
SIMULATOR_CLIENT_SECRET = "zoomsim-client-secret"
SIMULATOR_WEBHOOK_SECRET = "zoomsim-webhook-secret"


def _env(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return value if value not in (None, "") else default


def _env_bool(name: str, default: bool) -> bool:
    value = _env(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _instance_secret(filename: str, make) -> str:
    """Read a development secret from instance/, creating it on first use."""
    INSTANCE_DIR.mkdir(parents=True, exist_ok=True)
    path = INSTANCE_DIR / filename
    if not path.exists():
        tmp = path.with_suffix(".tmp")
        tmp.write_text(make())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    return path.read_text().strip()


def _new_fernet_key() -> str:
    from cryptography.fernet import Fernet

    return Fernet.generate_key().decode()


class Config:
    """Settings shared by every environment; env-dependent values are read in __init__."""

    APP_ENV = "development"
    TESTING = False
    DEBUG = False

    # Flask-AppBuilder
    APP_NAME = "Practice Console"
    AUTH_TYPE = AUTH_DB
    AUTH_USER_REGISTRATION = False
    AUTH_ROLE_PUBLIC = "Public"
    AUTH_ROLE_ADMIN = "Admin"  # no practice user holds it; practice roles live in app/security/permissions.py
    FAB_ADD_SECURITY_API = False
    FAB_CREATE_DB = False  # Alembic owns the schema
    FAB_UPDATE_PERMS = False  # every role is a builtin role checked in code: no permission rows needed
    FAB_API_SWAGGER_UI = True  # registers /api/v1/_openapi (and the Swagger UI at /swagger/v1)
    FAB_PASSWORD_HASH_METHOD = "scrypt"
    FAB_SECURITY_MANAGER_CLASS = "app.security.manager.AppSecurityManager"
    FAB_INDEX_VIEW = "app.views.home.RoleAwareIndexView"
    FAB_BASE_TEMPLATE = "console_base.html"
    FAB_API_MAX_PAGE_SIZE = 100

    # Sign-in throttling (Flask-Limiter through FAB; both switches are needed, research G12)
    AUTH_RATE_LIMITED = True
    AUTH_RATE_LIMIT = "10 per minute"
    RATELIMIT_ENABLED = True
    RATELIMIT_IN_MEMORY_FALLBACK_ENABLED = True  # keep signing people in while Redis is down

    SESSION_REFRESH_EACH_REQUEST = True
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    WTF_CSRF_TIME_LIMIT = None  # the token lives as long as the session
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}

    def __init__(self) -> None:
        self.validate()
        self.PUBLIC_BASE_URL = _env("PUBLIC_BASE_URL", "http://127.0.0.1:5000").rstrip("/")
        self.SECRET_KEY = _env("SECRET_KEY") or _instance_secret("secret_key", lambda: secrets.token_urlsafe(48))
        self.TOKEN_ENCRYPTION_KEYS = _env("TOKEN_ENCRYPTION_KEYS") or _instance_secret("token_keys", _new_fernet_key)
        self.SQLALCHEMY_DATABASE_URI = _env("DATABASE_URL") or f"sqlite:///{INSTANCE_DIR / 'console.db'}"
        self.REDIS_URL = _env("REDIS_URL")  # run.py starts an embedded server and sets this when unset
        self.RATELIMIT_STORAGE_URI = self.REDIS_URL or "memory://"

        # Zoom: the simulator's values when unset (production refuses that in validate()).
        self.ZOOM_CLIENT_ID = _env("ZOOM_CLIENT_ID", SIMULATOR_CLIENT_ID)
        self.ZOOM_CLIENT_SECRET = _env("ZOOM_CLIENT_SECRET", SIMULATOR_CLIENT_SECRET)
        self.ZOOM_WEBHOOK_SECRET_TOKEN = _env("ZOOM_WEBHOOK_SECRET_TOKEN", SIMULATOR_WEBHOOK_SECRET)
        self.ZOOM_OAUTH_BASE_URL = _env("ZOOM_OAUTH_BASE_URL", "https://zoom.us").rstrip("/")
        self.ZOOM_API_BASE_URL = _env("ZOOM_API_BASE_URL", "https://api.zoom.us/v2").rstrip("/")
        self.ZOOM_HTTP_TIMEOUT = float(_env("ZOOM_HTTP_TIMEOUT", "10"))

        # Outgoing messages: unset transports leave messages in the outbox table.
        self.SMTP_HOST = _env("SMTP_HOST")
        self.SMTP_PORT = int(_env("SMTP_PORT", "587"))
        self.SMTP_USERNAME = _env("SMTP_USERNAME")
        self.SMTP_PASSWORD = _env("SMTP_PASSWORD")
        self.SMTP_USE_TLS = _env_bool("SMTP_USE_TLS", False)
        self.SMTP_TIMEOUT = float(_env("SMTP_TIMEOUT", "10"))
        self.MAIL_SENDER = _env("MAIL_SENDER", "no-reply@console.invalid")
        self.TWILIO_ACCOUNT_SID = _env("TWILIO_ACCOUNT_SID")
        self.TWILIO_AUTH_TOKEN = _env("TWILIO_AUTH_TOKEN")
        self.TWILIO_FROM_NUMBER = _env("TWILIO_FROM_NUMBER")

        # Sessions expire after this many minutes without a request.
        self.PERMANENT_SESSION_LIFETIME = timedelta(minutes=int(_env("SESSION_IDLE_MINUTES", "30")))

    def validate(self) -> None:
        """Raise when the configuration cannot run safely."""


class DevelopmentConfig(Config):
    pass


class TestConfig(Config):
    APP_ENV = "test"
    TESTING = True
    WTF_CSRF_ENABLED = False
    RATELIMIT_ENABLED = False
    FAB_PASSWORD_HASH_METHOD = "pbkdf2:sha256:1000"


class ProductionConfig(Config):
    APP_ENV = "production"
    SESSION_COOKIE_SECURE = True
    REQUIRED = ("SECRET_KEY", "TOKEN_ENCRYPTION_KEYS", "DATABASE_URL", "REDIS_URL",
                "ZOOM_CLIENT_ID", "ZOOM_CLIENT_SECRET", "ZOOM_WEBHOOK_SECRET_TOKEN")

    def validate(self) -> None:
        missing = [name for name in self.REQUIRED if not _env(name)]
        if missing:
            raise RuntimeError("production needs these settings: " + ", ".join(missing))
        if _env("ZOOM_CLIENT_ID") == SIMULATOR_CLIENT_ID:
            raise RuntimeError("production cannot use the Zoom simulator's credentials")


def config_for_env() -> str:
    """The dotted path of the config class that APP_ENV names."""
    return {
        "production": "config.ProductionConfig",
        "test": "config.TestConfig",
    }.get(_env("APP_ENV", "development"), "config.DevelopmentConfig")
