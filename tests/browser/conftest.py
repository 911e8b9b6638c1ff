"""The product, started the way ``make run`` starts it, for Playwright driving Debian's Chromium.

``python run.py`` runs on a free loopback port with a fresh database (a SQLite file, or a new PostgreSQL
database when ``DATABASE_URL`` points at PostgreSQL) and its own embedded Redis.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import requests
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from devtools.redis_server import free_port

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: `make test` installs Debian's chromium package")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def product_database(tmp_path_factory):
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgresql"):
        yield f"sqlite:///{tmp_path_factory.mktemp('product') / 'console.db'}"
        return
    name = f"browser_{uuid.uuid4().hex[:8]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(url).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(scope="session")
def product(product_database, tmp_path_factory):
    """Base URL of the running product (web, worker, cron, Redis and what run.py adds)."""
    port = free_port()
    instance = tmp_path_factory.mktemp("product-instance")
    env = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "APP_ENV", "PUBLIC_BASE_URL"}}
    env.update({"PORT": str(port), "INSTANCE_PATH": str(instance), "DATABASE_URL": product_database,
                "PYTHONUNBUFFERED": "1"})
    log = open(instance / "product.log", "w")
    proc = subprocess.Popen([sys.executable, "run.py"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        try:
            if requests.get(base + "/health", timeout=2).status_code == 200:
                break
        except requests.RequestException:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            log.flush()
            raise RuntimeError("the product did not start:\n" + (instance / "product.log").read_text()[-4000:])
        time.sleep(0.3)
    yield base
    os.killpg(proc.pid, signal.SIGINT)
    try:
        proc.wait(30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(10)
    log.close()


@pytest.fixture()
def shoot(page, request):
    """``shoot("step name")`` saves a screenshot under test-artifacts/ (git-ignored) for people to look at."""
    folder = ARTIFACTS / request.node.name
    counter = iter(range(1, 1000))

    def take(step: str):
        folder.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(folder / f"{next(counter):02d}-{step.replace(' ', '-')}.png"), full_page=True)

    return take


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    page = item.funcargs.get("page") if hasattr(item, "funcargs") else None
    if report.when == "call" and report.failed and page is not None:
        ARTIFACTS.mkdir(exist_ok=True)
        try:
            page.screenshot(path=str(ARTIFACTS / f"{item.name}-failed.png"), full_page=True)
        except Exception:  # noqa: BLE001 - the page may be gone; the failure itself matters more
            pass


def sign_in(page, base, username, password="Demo-Password-2026"):
    page.goto(base + "/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
