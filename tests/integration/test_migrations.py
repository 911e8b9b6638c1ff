"""Alembic owns the schema: ``db upgrade`` on an empty database, then ``flask db check`` finds no drift."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parents[2]
FLASK = str(Path(sys.executable).parent / "flask")


def flask(env, *args):
    result = subprocess.run([FLASK, "--app", "run", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout + result.stderr


def migrate_and_check(database_url, tmp_path):
    env = {**os.environ, "DATABASE_URL": database_url, "INSTANCE_PATH": str(tmp_path), "APP_ENV": "development"}
    flask(env, "db", "upgrade")
    assert "No new upgrade operations detected" in flask(env, "db", "check")
    return env


def test_upgrade_on_an_empty_sqlite_database_has_no_drift(tmp_path):
    env = migrate_and_check(f"sqlite:///{tmp_path / 'fresh.db'}", tmp_path)
    out = flask(env, "seed-demo")
    assert "alex.client" in out


@pytest.fixture()
def empty_postgres():
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgresql"):
        pytest.skip("PostgreSQL run only: DATABASE_URL is not a PostgreSQL URL (CI's second run sets it)")
    name = f"migcheck_{uuid.uuid4().hex[:8]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(url).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def test_upgrade_on_an_empty_postgres_database_has_no_drift(empty_postgres, tmp_path):
    migrate_and_check(empty_postgres, tmp_path)


def test_there_is_one_migration_head():
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(ROOT / "migrations"))
    assert len(ScriptDirectory.from_config(config).get_heads()) == 1
