"""The audit trail: who did what, when."""

from __future__ import annotations

import datetime as dt
from typing import Optional

from flask_appbuilder import Model
from sqlalchemy import JSON, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.types import UTCDateTime, utcnow


class AuditEvent(Model):
    __tablename__ = "audit_event"
    __table_args__ = (Index("ix_audit_event_practice_at", "practice_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    practice_id: Mapped[Optional[int]] = mapped_column(ForeignKey("practice.id"))
    actor_user_id: Mapped[Optional[int]] = mapped_column(ForeignKey("ab_user.id", ondelete="SET NULL"))
    actor: Mapped[Optional[str]] = mapped_column(String(128))  # username at the time, or "system"
    action: Mapped[str] = mapped_column(String(64))            # e.g. sign_in, settings.changed
    target_type: Mapped[Optional[str]] = mapped_column(String(40))
    target_id: Mapped[Optional[int]] = mapped_column()
    summary: Mapped[str] = mapped_column(String(500))
    details: Mapped[Optional[dict]] = mapped_column(JSON)
    ip: Mapped[Optional[str]] = mapped_column(String(45))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
