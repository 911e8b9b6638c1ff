"""The transactional outbox of background jobs (see app/jobs/queue.py)."""

from __future__ import annotations

import datetime as dt
from typing import Optional

from flask_appbuilder import Model
from sqlalchemy import JSON, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.types import UTCDateTime, utcnow


class PendingJob(Model):
    """A job recorded in the same transaction as the change that caused it.

    It is pushed to Redis after the commit; if Redis was down, the relay pushes it later.
    """

    __tablename__ = "pending_job"
    __table_args__ = (Index("ix_pending_job_undispatched", "dispatched_at", "run_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    job_id: Mapped[str] = mapped_column(String(200), unique=True)  # also the RQ job id
    func: Mapped[str] = mapped_column(String(200))                  # dotted path in app.jobs
    args: Mapped[list] = mapped_column(JSON, default=list)
    queue: Mapped[str] = mapped_column(String(40), default="default")
    run_at: Mapped[Optional[dt.datetime]] = mapped_column(UTCDateTime)  # None: now
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    dispatched_at: Mapped[Optional[dt.datetime]] = mapped_column(UTCDateTime)
