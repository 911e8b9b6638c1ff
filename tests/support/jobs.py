"""Running queued jobs in the test process with a real RQ worker against the test Redis."""

from __future__ import annotations

from rq import Queue, SimpleWorker

from app.extensions import get_redis
from app.jobs.queue import QUEUES


def run_jobs(app, with_scheduler: bool = False) -> bool:
    """Drain the queues with an in-process worker (inside an app context); True when any job ran."""
    with app.app_context():
        conn = get_redis()
        worker = SimpleWorker([Queue(name, connection=conn) for name in QUEUES], connection=conn)
        return worker.work(burst=True, with_scheduler=with_scheduler, logging_level="WARNING")


def queued_job_names(app) -> list[str]:
    with app.app_context():
        conn = get_redis()
        names = []
        for name in QUEUES:
            for job in Queue(name, connection=conn).get_jobs():
                names.append(job.func_name)
        return names
