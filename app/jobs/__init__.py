"""Background jobs on RQ. Job functions live in the modules of this package; see queue.py for enqueueing."""

from app.jobs.queue import background_job, enqueue

__all__ = ["background_job", "enqueue"]
