"""The cron table, read by RQ's own scheduler: ``rq cron app/jobs/cron.py --url $REDIS_URL``."""

from rq import cron

from app.jobs.maintenance import relay_pending_jobs

cron.register(relay_pending_jobs, "default", interval=15)
