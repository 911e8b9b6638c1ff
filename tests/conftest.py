"""Fixtures that build the practice: one app per session, a fresh database state and Redis per test.

``DATABASE_URL`` / ``REDIS_URL`` are used when set (CI runs the suite once on SQLite with a Redis it starts,
once on PostgreSQL and the machine's Redis); otherwise a SQLite file and a private redis-server are used.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from devtools.redis_server import RedisServer  # noqa: E402
from tests.support import database  # noqa: E402

PASSWORD = "Demo-Password-2026"


def pytest_configure(config):
    config.addinivalue_line("markers", "postgres_only: needs PostgreSQL (skipped with a reason on SQLite)")


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory):
    if os.environ.get("REDIS_URL"):
        yield os.environ["REDIS_URL"]
        return
    server = RedisServer(tmp_path_factory.mktemp("redis")).start()
    yield server.url
    server.stop()


@pytest.fixture(scope="session")
def database_url(tmp_path_factory):
    url = os.environ.get("DATABASE_URL")
    if url:
        database.reset_postgres_schema(url)
        return url
    return f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"


@pytest.fixture(scope="session")
def _app(database_url, redis_url, tmp_path_factory):
    os.environ.update({
        "APP_ENV": "test",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "INSTANCE_PATH": str(tmp_path_factory.mktemp("instance")),
        "PUBLIC_BASE_URL": "http://console.test",
    })
    from app import create_app

    app = create_app("config.TestConfig")
    database.upgrade(app)
    return app


@pytest.fixture()
def app(_app, redis_url):
    """The session app over a fresh copy of the demo data (CONTRACT.md) and an empty Redis."""
    import redis

    database.reset(_app)
    with _app.app_context():
        from app.demo import seed_demo

        seed_demo()
    redis.Redis.from_url(redis_url).flushdb()
    yield _app  # outside the app context (research G14)


@pytest.fixture()
def client(app):
    return app.test_client()


@pytest.fixture()
def ctx(app):
    """An app context for tests that use models and services directly."""
    with app.app_context():
        yield app


def login(client, username, password=PASSWORD, next_url=None):
    url = "/login/" + (f"?next={next_url}" if next_url else "")
    return client.post(url, data={"username": username, "password": password})


def signed_in(app, username):
    """A fresh test client signed in as ``username``."""
    c = app.test_client()
    response = login(c, username)
    assert response.status_code == 302, f"sign-in failed for {username}"
    return c


def jwt_headers(client, username, password=PASSWORD):
    response = client.post("/api/v1/security/login",
                           json={"username": username, "password": password, "provider": "db"})
    assert response.status_code == 200, response.get_data(as_text=True)
    return {"Authorization": f"Bearer {response.json['access_token']}"}


def csrf_token(html: str) -> str:
    match = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html)
    assert match, "no CSRF token in the page"
    return match.group(1)
