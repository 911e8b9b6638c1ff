"""``python -m app.jobs.worker``: an RQ worker with its scheduler, running jobs inside the app."""

from __future__ import annotations

import logging
import sys

from rq import Queue, Worker

from app.extensions import get_redis
from app.jobs.context import worker_app
from app.jobs.queue import QUEUES, relay_pending


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s worker %(levelname)s %(message)s")
    app = worker_app()
    with app.app_context():
        conn = get_redis()
        relay_pending()  # whatever waited while Redis or the worker was down
        queues = [Queue(name, connection=conn) for name in QUEUES]
        worker = Worker(queues, connection=conn)
        worker.work(with_scheduler=True, logging_level="INFO")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
