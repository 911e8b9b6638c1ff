"""An app context for job functions run by an RQ worker (none is needed when one is active, as in tests)."""

from __future__ import annotations

import functools
import os
from typing import Callable

from flask import Flask, has_app_context

_worker_app: Flask | None = None


def worker_app() -> Flask:
    """The app a worker process runs jobs in, built once per process (without FAB's permission sync)."""
    global _worker_app
    if _worker_app is None:
        from app import create_app

        _worker_app = create_app()
        os.register_at_fork(after_in_child=_dispose_inherited_pool)
    return _worker_app


def _dispose_inherited_pool() -> None:
    # A forked work-horse must not reuse its parent's database connections.
    from app.extensions import db

    if _worker_app is not None:
        with _worker_app.app_context():
            db.engine.dispose(close=False)


def with_app_context(func: Callable) -> Callable:
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        if has_app_context():
            return func(*args, **kwargs)
        from app.extensions import db

        with worker_app().app_context():
            try:
                return func(*args, **kwargs)
            finally:
                db.session.remove()

    return wrapper
