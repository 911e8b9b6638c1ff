"""A provider's Zoom connection and the Zoom meeting behind a telehealth appointment."""

from __future__ import annotations

import datetime as dt
import enum
from typing import TYPE_CHECKING, Optional

from flask_appbuilder import Model
from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.types import UTCDateTime, str_enum, utcnow

if TYPE_CHECKING:
    from app.models.people import Provider
    from app.models.scheduling import Appointment


class ConnectionStatus(str, enum.Enum):
    connected = "connected"
    needs_reconnect = "needs_reconnect"


class ZoomConnection(Model):
    """One provider's link to their own Zoom user. Tokens are encrypted (app/zoom/tokens.py)."""

    __tablename__ = "zoom_connection"

    id: Mapped[int] = mapped_column(primary_key=True)
    practice_id: Mapped[int] = mapped_column(ForeignKey("practice.id"), index=True)
    provider_id: Mapped[int] = mapped_column(ForeignKey("provider.id"), unique=True)
    provider: Mapped["Provider"] = relationship()
    zoom_user_id: Mapped[str] = mapped_column(String(64), unique=True)
    zoom_account_id: Mapped[Optional[str]] = mapped_column(String(64))
    zoom_email: Mapped[Optional[str]] = mapped_column(String(320))
    access_token_enc: Mapped[Optional[str]] = mapped_column(Text)
    refresh_token_enc: Mapped[Optional[str]] = mapped_column(Text)
    access_token_expires_at: Mapped[Optional[dt.datetime]] = mapped_column(UTCDateTime)
    scopes: Mapped[Optional[str]] = mapped_column(String(1000))
    # Bumped on every token rotation: a compare-and-swap guard for the single-flight refresh.
    token_generation: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[ConnectionStatus] = mapped_column(str_enum(ConnectionStatus, "zoom_connection_status"),
                                                     default=ConnectionStatus.connected)
    status_reason: Mapped[Optional[str]] = mapped_column(String(500))
    reconnect_notified_at: Mapped[Optional[dt.datetime]] = mapped_column(UTCDateTime)
    connected_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    refreshed_at: Mapped[Optional[dt.datetime]] = mapped_column(UTCDateTime)

    @property
    def needs_reconnect(self) -> bool:
        return self.status == ConnectionStatus.needs_reconnect


class MeetingState(str, enum.Enum):
    pending = "pending"   # the create/update job has not finished yet
    ready = "ready"       # the meeting exists at Zoom and matches the appointment
    failed = "failed"     # see error_message; retried unless the cause is permanent
    deleted = "deleted"   # the appointment is no longer telehealth (or was cancelled)


class ZoomMeeting(Model):
    """The Zoom meeting of one telehealth appointment, and its live state."""

    __tablename__ = "zoom_meeting"

    id: Mapped[int] = mapped_column(primary_key=True)
    practice_id: Mapped[int] = mapped_column(ForeignKey("practice.id"), index=True)
    appointment_id: Mapped[int] = mapped_column(ForeignKey("appointment.id", ondelete="CASCADE"), unique=True)
    appointment: Mapped["Appointment"] = relationship(back_populates="meeting")
    provider_id: Mapped[int] = mapped_column(ForeignKey("provider.id"))  # the host
    zoom_meeting_id: Mapped[Optional[str]] = mapped_column(String(32), index=True)  # int64 as text
    zoom_uuid: Mapped[Optional[str]] = mapped_column(String(64))
    join_url_enc: Mapped[Optional[str]] = mapped_column(Text)  # carries the passcode: encrypted
    state: Mapped[MeetingState] = mapped_column(str_enum(MeetingState, "meeting_state"),
                                                default=MeetingState.pending)
    error_code: Mapped[Optional[str]] = mapped_column(String(40))
    error_message: Mapped[Optional[str]] = mapped_column(String(500))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    synced_start: Mapped[Optional[dt.datetime]] = mapped_column(UTCDateTime)
    synced_duration: Mapped[Optional[int]] = mapped_column(Integer)
    host_joined_at: Mapped[Optional[dt.datetime]] = mapped_column(UTCDateTime)
    started_at: Mapped[Optional[dt.datetime]] = mapped_column(UTCDateTime)
    ended_at: Mapped[Optional[dt.datetime]] = mapped_column(UTCDateTime)
    client_waiting_since: Mapped[Optional[dt.datetime]] = mapped_column(UTCDateTime)
    client_last_seen_at: Mapped[Optional[dt.datetime]] = mapped_column(UTCDateTime)
    client_joined_at: Mapped[Optional[dt.datetime]] = mapped_column(UTCDateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class ZoomWebhookEvent(Model):
    """A webhook delivery already handled, so Zoom's retries change nothing."""

    __tablename__ = "zoom_webhook_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    dedupe_key: Mapped[str] = mapped_column(String(255), unique=True)
    event: Mapped[str] = mapped_column(String(64))
    received_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
