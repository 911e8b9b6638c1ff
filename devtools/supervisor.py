"""``python run.py`` (what ``make run`` runs): the whole product in the foreground on embedded defaults.

It upgrades the database, loads the demo data, and starts as child processes: Redis (when ``REDIS_URL`` is
unset), the web console (gunicorn on 127.0.0.1:$PORT), an RQ worker with its scheduler, RQ's cron, and the
services registered in ``EXTRA_SERVICES`` (the Zoom simulator). A child that dies is restarted with backoff.
Ctrl-C (or SIGTERM) stops every child it started.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


@dataclass
class Service:
    name: str
    argv: list[str]
    proc: subprocess.Popen | None = None
    restarts: int = 0
    next_start: float = 0.0
    env_extra: dict = field(default_factory=dict)


# Hooks that add services and settings before the children start: (env) -> list[Service].
EXTRA_SERVICES: list[Callable[[dict], list[Service]]] = []


def _log(message: str) -> None:
    print(f"[run] {message}", flush=True)


def _flask(env: dict, *args: str) -> None:
    subprocess.run([str(BIN / "flask"), "--app", "run", *args], cwd=ROOT, env=env, check=True)


def main(argv: list[str]) -> int:
    env = dict(os.environ)
    port = int(env.get("PORT") or 5000)
    env.setdefault("PUBLIC_BASE_URL", f"http://127.0.0.1:{port}")
    instance = Path(env.get("INSTANCE_PATH") or ROOT / "instance")
    instance.mkdir(parents=True, exist_ok=True)

    redis_server = None
    if not env.get("REDIS_URL"):
        from devtools.redis_server import RedisServer

        redis_server = RedisServer(instance / "redis").start()
        env["REDIS_URL"] = redis_server.url
        _log(f"embedded Redis on {redis_server.url}")

    services: list[Service] = []
    for hook in EXTRA_SERVICES:
        services.extend(hook(env))

    try:
        _log("upgrading the database")
        _flask(env, "db", "upgrade")
        _log("loading the demo data")
        _flask(env, "seed-demo")
    except subprocess.CalledProcessError as exc:
        _log(f"setup failed ({exc}); stopping")
        if redis_server:
            redis_server.stop()
        return 1

    services += [
        Service("web", [str(BIN / "gunicorn"), "--bind", f"127.0.0.1:{port}", "--workers", "2",
                        "--threads", "4", "--timeout", "60", "--access-logfile", "-", "run:app"]),
        Service("worker", [sys.executable, "-m", "app.jobs.worker"]),
        Service("cron", [str(BIN / "rq"), "cron", "app/jobs/cron.py", "--url", env["REDIS_URL"],
                         "--path", str(ROOT)]),
    ]

    stopping = False

    def request_stop(signum, _frame):
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGTERM, request_stop)

    for service in services:
        _start(service, env)
    _log(f"console ready on http://127.0.0.1:{port}/  (Ctrl-C stops everything)")
    _log("demo sign-ins (password Demo-Password-2026): owner, manager, dr.rivera, dr.chen, frontdesk, "
         "alex.client, sam.client (Riverside Counseling); owner.lakeside, dr.lake, pat.client (Lakeside Therapy)")

    try:
        while not stopping:
            now = time.monotonic()
            for service in services:
                if service.proc is not None and service.proc.poll() is not None:
                    code = service.proc.returncode
                    service.proc = None
                    service.restarts += 1
                    delay = min(30.0, 2 ** min(service.restarts, 5))
                    service.next_start = now + delay
                    _log(f"{service.name} exited with {code}; restarting in {delay:.0f}s")
                if service.proc is None and now >= service.next_start:
                    _start(service, env)
            time.sleep(0.5)
    finally:
        _log("stopping")
        for service in services:
            _stop(service)
        if redis_server:
            redis_server.stop()
        _log("stopped")
    return 0


def _start(service: Service, env: dict) -> None:
    service.proc = subprocess.Popen(service.argv, cwd=ROOT, env={**env, **service.env_extra},
                                    start_new_session=True)


def _stop(service: Service) -> None:
    proc = service.proc
    if proc is None or proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(10)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(5)
    except ProcessLookupError:
        pass
