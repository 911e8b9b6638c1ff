"""Every message the console sends (or holds in the outbox when no transport is set)."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Optional

from flask_appbuilder import Model
from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.types import UTCDateTime, str_enum, utcnow


class Channel(str, enum.Enum):
    email = "email"
    sms = "sms"
    voice = "voice"


class MessageStatus(str, enum.Enum):
    queued = "queued"     # recorded, waiting for the send job
    sending = "sending"   # a worker has claimed it
    sent = "sent"         # handed to SMTP / Twilio
    held = "held"         # no transport configured: kept in the outbox for people to read
    failed = "failed"     # permanent failure, or retries exhausted; see error
    skipped = "skipped"   # no longer due when it came to be sent (cancelled, moved, opted out)


class Message(Model):
    """One outgoing email, text or call, recorded before it is sent (idempotency_key is unique)."""

    __tablename__ = "message"
    __table_args__ = (Index("ix_message_practice_created", "practice_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    practice_id: Mapped[Optional[int]] = mapped_column(ForeignKey("practice.id"))
    appointment_id: Mapped[Optional[int]] = mapped_column(ForeignKey("appointment.id", ondelete="SET NULL"),
                                                          index=True)
    client_id: Mapped[Optional[int]] = mapped_column(ForeignKey("client.id", ondelete="SET NULL"))
    user_id: Mapped[Optional[int]] = mapped_column(ForeignKey("ab_user.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(40))  # e.g. reminder_standard, portal_invite
    channel: Mapped[Channel] = mapped_column(str_enum(Channel, "message_channel"))
    recipient: Mapped[str] = mapped_column(String(320))
    subject: Mapped[Optional[str]] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    attachments: Mapped[Optional[list]] = mapped_column(JSON)  # [{"filename","content_type","content"}]
    idempotency_key: Mapped[str] = mapped_column(String(200), unique=True)
    status: Mapped[MessageStatus] = mapped_column(str_enum(MessageStatus, "message_status"),
                                                  default=MessageStatus.queued)
    error: Mapped[Optional[str]] = mapped_column(String(500))
    transport_id: Mapped[Optional[str]] = mapped_column(String(100))  # SMTP Message-ID, Twilio SID
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[Optional[dt.datetime]] = mapped_column(UTCDateTime)
