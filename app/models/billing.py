"""Billing events: a provider's Zoom integration is billable from the month they connect."""

from __future__ import annotations

import datetime as dt
import enum

from flask_appbuilder import Model
from sqlalchemy import ForeignKey, Index
from sqlalchemy.orm import Mapped, mapped_column

from app.models.types import UTCDateTime, str_enum, utcnow


class BillingEventKind(str, enum.Enum):
    zoom_connected = "zoom_connected"
    zoom_disconnected = "zoom_disconnected"


class BillingEvent(Model):
    __tablename__ = "billing_event"
    __table_args__ = (Index("ix_billing_event_practice_at", "practice_id", "occurred_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    practice_id: Mapped[int] = mapped_column(ForeignKey("practice.id"))
    provider_id: Mapped[int] = mapped_column(ForeignKey("provider.id"))
    kind: Mapped[BillingEventKind] = mapped_column(str_enum(BillingEventKind, "billing_event_kind"))
    occurred_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
