"""Redis down: the console and portal keep serving, and work that would have been queued waits in the database
until Redis is back (the transactional job outbox)."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from sqlalchemy import select

from app.extensions import db
from app.jobs.maintenance import relay_pending_jobs
from app.jobs.queue import enqueue, relay_pending
from app.models import PendingJob
from devtools.redis_server import free_port
from tests.conftest import login
from tests.support.jobs import queued_job_names


@pytest.fixture(scope="module")
def redisless(_app):
    """A second app over the same database whose Redis never answers, with sign-in rate limiting on."""
    from app import create_app
    from config import TestConfig

    config = TestConfig()
    dead = f"redis://127.0.0.1:{free_port()}/0"
    config.REDIS_URL = config.RATELIMIT_STORAGE_URI = dead
    config.RATELIMIT_ENABLED = True
    return create_app(config)


def test_staff_and_clients_sign_in_and_work_while_redis_is_down(app, redisless):
    staff = redisless.test_client()
    assert login(staff, "frontdesk").status_code == 302
    assert staff.get("/home/").status_code == 200
    assert staff.get("/appointments/list/").status_code == 200
    client = redisless.test_client()
    assert login(client, "alex.client").status_code == 302
    assert client.get("/portal/").status_code == 200


def test_health_reports_redis_down(app, redisless):
    response = redisless.test_client().get("/health")
    assert response.status_code == 503 and response.json["redis"] == "down"


def test_jobs_recorded_while_redis_is_down_are_queued_once_it_is_back(app, redisless):
    with redisless.app_context():
        enqueue(relay_pending_jobs)
        db.session.commit()
        assert db.session.scalar(select(PendingJob.dispatched_at)) is None
    with app.app_context(), time_machine.travel(dt.datetime.now(dt.timezone.utc) + dt.timedelta(minutes=1)):
        assert relay_pending() == 1
    assert queued_job_names(app) == ["app.jobs.maintenance.relay_pending_jobs"]
