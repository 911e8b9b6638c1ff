"""Extension singletons, bound to the app in create_app(). No AppBuilder here (research G2)."""

from __future__ import annotations

import redis
from authlib.integrations.flask_client import OAuth
from flask import current_app
from flask_appbuilder import Model
from flask_appbuilder.utils.legacy import get_sqla_class
from flask_migrate import Migrate
from flask_wtf.csrf import CSRFProtect

db = get_sqla_class()(metadata=Model.metadata)
csrf = CSRFProtect()
migrate = Migrate()
oauth = OAuth()


def configure_engine(app) -> None:
    """SQLite: foreign keys on, WAL and a busy timeout so web, worker and cron can share the file."""
    from sqlalchemy import event

    with app.app_context():
        engine = db.engine
    if engine.dialect.name != "sqlite":
        return

    @event.listens_for(engine, "connect")
    def _sqlite_pragmas(dbapi_connection, _record):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=15000")
        cursor.close()


def get_redis() -> redis.Redis:
    """A plain redis.Redis for the app's REDIS_URL (one connection pool per app)."""
    app = current_app._get_current_object()
    client = app.extensions.get("console_redis")
    if client is None:
        url = app.config.get("REDIS_URL")
        if not url:
            raise RuntimeError("REDIS_URL is not set (run.py starts an embedded Redis for development)")
        client = redis.Redis.from_url(url, socket_connect_timeout=2, socket_timeout=5,
                                      health_check_interval=30)
        app.extensions["console_redis"] = client
    return client
