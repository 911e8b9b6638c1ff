"""Jobs are recorded with the change that causes them and reach Redis after the commit, or later if Redis was
down: nothing is lost."""

from __future__ import annotations

import datetime as dt

import time_machine
from rq import Queue
from sqlalchemy import select

from app.extensions import db, get_redis
from app.jobs.maintenance import relay_pending_jobs
from app.jobs.queue import enqueue, relay_pending
from app.models import PendingJob
from devtools.redis_server import free_port
from tests.support.jobs import queued_job_names, run_jobs


def test_a_job_reaches_redis_only_when_its_transaction_commits(ctx):
    enqueue(relay_pending_jobs)
    assert Queue("default", connection=get_redis()).count == 0  # not before the commit
    db.session.commit()
    assert Queue("default", connection=get_redis()).count == 1
    row = db.session.scalar(select(PendingJob))
    assert row.dispatched_at is not None


def test_a_rolled_back_change_enqueues_nothing(ctx):
    enqueue(relay_pending_jobs)
    db.session.rollback()
    assert Queue("default", connection=get_redis()).count == 0
    assert db.session.scalar(select(PendingJob)) is None


def test_jobs_recorded_while_redis_is_down_are_queued_when_it_is_back(app, ctx):
    saved = app.config["REDIS_URL"], app.extensions.pop("console_redis")
    app.config["REDIS_URL"] = f"redis://127.0.0.1:{free_port()}/0"
    try:
        enqueue(relay_pending_jobs)
        db.session.commit()  # the push fails quietly; the row waits
    finally:
        app.config["REDIS_URL"] = saved[0]
        app.extensions["console_redis"] = saved[1]
    row = db.session.scalar(select(PendingJob))
    assert row.dispatched_at is None
    assert queued_job_names(app) == []
    with time_machine.travel(dt.datetime.now(dt.timezone.utc) + dt.timedelta(seconds=30)):
        assert relay_pending() == 1
    assert queued_job_names(app) == ["app.jobs.maintenance.relay_pending_jobs"]
    db.session.refresh(row)
    assert row.dispatched_at is not None
    assert run_jobs(app)


def test_the_relay_leaves_fresh_rows_to_the_after_commit_push(ctx, app):
    saved = app.config["REDIS_URL"], app.extensions.pop("console_redis")
    app.config["REDIS_URL"] = f"redis://127.0.0.1:{free_port()}/0"
    try:
        enqueue(relay_pending_jobs)
        db.session.commit()
    finally:
        app.config["REDIS_URL"] = saved[0]
        app.extensions["console_redis"] = saved[1]
    assert relay_pending() == 0  # younger than the grace period


def test_an_unknown_job_name_fails_at_enqueue_time(ctx):
    import pytest

    with pytest.raises((KeyError, ModuleNotFoundError)):
        enqueue("app.jobs.nowhere.nothing")
