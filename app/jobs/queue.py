"""Enqueueing through a transactional outbox.

``enqueue()`` records a ``PendingJob`` row in the caller's transaction, so the job exists exactly when the change
that caused it does. After the commit the row is pushed to RQ; if Redis is unreachable the row waits and
``relay_pending_jobs`` (a cron job, also run at worker start) pushes it when Redis is back. The RQ job id is the
row's ``job_id``, and jobs are idempotent, so a row pushed twice does no harm.
"""

from __future__ import annotations

import datetime as dt
import importlib
import logging
import re
import uuid
from dataclasses import dataclass
from typing import Any, Callable, Optional

import redis
from rq import Queue, Retry
from sqlalchemy import event, select, update
from sqlalchemy.orm import Session

from app.extensions import db, get_redis
from app.models import PendingJob, utcnow

log = logging.getLogger(__name__)

QUEUES = ("default",)
RELAY_GRACE = dt.timedelta(seconds=5)  # leave fresh rows to the after-commit push


@dataclass(frozen=True)
class JobOptions:
    retry: Optional[Retry] = None
    timeout: int = 120
    queue: str = "default"


_REGISTRY: dict[str, tuple[Callable, JobOptions]] = {}


def background_job(*, retry: Optional[Retry] = None, timeout: int = 120, queue: str = "default"):
    """Declare a job function: its retry policy and timeout, and an app context when run by a worker.

    Job functions take plain ids (DESIGN rule 3) and must be idempotent (rule 5).
    """

    def decorate(func: Callable) -> Callable:
        from app.jobs.context import with_app_context

        wrapped = with_app_context(func)
        name = f"{func.__module__}.{func.__name__}"
        _REGISTRY[name] = (wrapped, JobOptions(retry=retry, timeout=timeout, queue=queue))
        wrapped.job_name = name
        return wrapped

    return decorate


def job_name(func: Callable | str) -> str:
    return func if isinstance(func, str) else func.job_name


def _lookup(name: str) -> tuple[Callable, JobOptions]:
    if name not in _REGISTRY:
        importlib.import_module(name.rsplit(".", 1)[0])
    return _REGISTRY[name]


def enqueue(func: Callable | str, *args: Any, run_at: Optional[dt.datetime] = None,
            key: Optional[str] = None, session: Optional[Session] = None) -> PendingJob:
    """Record a job in the current transaction; it is queued in Redis once the transaction commits.

    ``key`` names the job for logs and the RQ dashboard (a unique suffix is always added).
    """
    name = job_name(func)
    _lookup(name)  # fail now, not in the worker, on a typo
    session = session or db.session
    readable = re.sub(r"[^A-Za-z0-9_-]+", "-", key or name.rsplit(".", 1)[-1])[:150]
    row = PendingJob(job_id=f"{readable}-{uuid.uuid4().hex[:12]}", func=name, args=list(args),
                     queue=_REGISTRY[name][1].queue, run_at=run_at)
    session.add(row)
    session.info.setdefault("pending_jobs", []).append(row)
    return row


def _push(conn: redis.Redis, row: PendingJob) -> None:
    func, options = _lookup(row.func)
    queue = Queue(options.queue, connection=conn)
    kwargs = dict(job_id=row.job_id, job_timeout=options.timeout, retry=options.retry,
                  result_ttl=3600, failure_ttl=7 * 24 * 3600)
    if row.run_at is not None and row.run_at > utcnow():
        queue.enqueue_at(row.run_at, func, *row.args, **kwargs)
    else:
        queue.enqueue(func, *row.args, **kwargs)


def dispatch(rows: list[PendingJob]) -> int:
    """Push committed rows to Redis and mark them dispatched. Returns how many were pushed."""
    pushed: list[int] = []
    try:
        conn = get_redis()
        for row in rows:
            _push(conn, row)
            pushed.append(row.id)
    except (redis.RedisError, OSError) as exc:
        log.warning("Redis unavailable, %d job(s) left for the relay: %s", len(rows) - len(pushed),
                    exc.__class__.__name__)
    if pushed:
        with db.engine.begin() as conn:
            conn.execute(update(PendingJob).where(PendingJob.id.in_(pushed)).values(dispatched_at=utcnow()))
    return len(pushed)


def relay_pending(limit: int = 500) -> int:
    """Push rows the after-commit step could not (Redis was down, or the process died in between)."""
    cutoff = utcnow() - RELAY_GRACE
    stmt = (select(PendingJob).where(PendingJob.dispatched_at.is_(None), PendingJob.created_at < cutoff)
            .order_by(PendingJob.id).limit(limit))
    if db.engine.dialect.name == "postgresql":
        stmt = stmt.with_for_update(skip_locked=True)
    rows = list(db.session.scalars(stmt))
    count = 0
    try:
        conn = get_redis()
        for row in rows:
            _push(conn, row)
            row.dispatched_at = utcnow()
            count += 1
    except (redis.RedisError, OSError) as exc:
        log.warning("relay: Redis unavailable after %d job(s): %s", count, exc.__class__.__name__)
    db.session.commit()
    return count


_installed = False


def install() -> None:
    """Push each committed transaction's jobs to Redis right after the commit (once per process)."""
    global _installed
    if _installed:
        return
    _installed = True

    @event.listens_for(db.session, "after_commit")
    def _after_commit(session):
        rows = session.info.pop("pending_jobs", None)
        if rows:
            ids = [row.id for row in rows]
            # A fresh read: the committed rows' attributes are expired after commit.
            with db.engine.connect() as conn:
                fresh = [PendingJob(**dict(r._mapping)) for r in conn.execute(
                    select(*PendingJob.__table__.columns).where(PendingJob.id.in_(ids)))]
            dispatch(fresh)

    @event.listens_for(db.session, "after_rollback")
    def _after_rollback(session):
        session.info.pop("pending_jobs", None)
