"""Housekeeping jobs run from the cron table."""

from __future__ import annotations

from app.jobs.queue import background_job, relay_pending


@background_job(timeout=60)
def relay_pending_jobs() -> int:
    """Queue jobs whose push to Redis did not happen at commit time."""
    return relay_pending()
