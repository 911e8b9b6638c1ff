"""Appointments and the availability clients can book into."""

from __future__ import annotations

import datetime as dt
import enum
from typing import TYPE_CHECKING, Optional

from flask_appbuilder import Model
from sqlalchemy import (Boolean, CheckConstraint, Date, ForeignKey, Index, Integer, String, Text, Time)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.types import UTCDateTime, str_enum, utcnow

if TYPE_CHECKING:
    from app.models.people import Client, Provider
    from app.models.zoom import ZoomMeeting


class AppointmentStatus(str, enum.Enum):
    scheduled = "scheduled"
    cancelled = "cancelled"
    completed = "completed"
    no_show = "no_show"


class Appointment(Model):
    """One session between a provider and a client; times are UTC instants."""

    __tablename__ = "appointment"
    __table_args__ = (
        CheckConstraint("ends_at > starts_at", name="ck_appointment_ends_after_start"),
        Index("ix_appointment_provider_start", "provider_id", "starts_at"),
        Index("ix_appointment_practice_start", "practice_id", "starts_at"),
        Index("ix_appointment_client_start", "client_id", "starts_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    practice_id: Mapped[int] = mapped_column(ForeignKey("practice.id"))
    provider_id: Mapped[int] = mapped_column(ForeignKey("provider.id"))
    provider: Mapped["Provider"] = relationship()
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"))
    client: Mapped["Client"] = relationship()
    starts_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    status: Mapped[AppointmentStatus] = mapped_column(str_enum(AppointmentStatus, "appointment_status"),
                                                      default=AppointmentStatus.scheduled)
    is_telehealth: Mapped[bool] = mapped_column(Boolean, default=False)
    pos_code: Mapped[str] = mapped_column(String(2), default="11")  # CMS place-of-service code
    notes: Mapped[Optional[str]] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    meeting: Mapped[Optional["ZoomMeeting"]] = relationship(back_populates="appointment", uselist=False)

    @property
    def duration_minutes(self) -> int:
        return int((self.ends_at - self.starts_at).total_seconds() // 60)

    def __repr__(self) -> str:
        return f"Appointment {self.id}"


class Modality(str, enum.Enum):
    """What an availability section may be booked for."""

    in_person = "in_person"
    telehealth = "telehealth"  # telehealth only
    both = "both"


class AvailabilityBlock(Model):
    """A weekly section of a provider's availability, in wall-clock time of the practice's zone."""

    __tablename__ = "availability_block"
    __table_args__ = (
        CheckConstraint("weekday BETWEEN 0 AND 6", name="ck_availability_weekday"),
        CheckConstraint("end_time > start_time", name="ck_availability_ends_after_start"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    practice_id: Mapped[int] = mapped_column(ForeignKey("practice.id"))
    provider_id: Mapped[int] = mapped_column(ForeignKey("provider.id"), index=True)
    provider: Mapped["Provider"] = relationship()
    weekday: Mapped[int] = mapped_column(Integer)  # Monday = 0, as datetime.date.weekday()
    start_time: Mapped[dt.time] = mapped_column(Time)
    end_time: Mapped[dt.time] = mapped_column(Time)
    modality: Mapped[Modality] = mapped_column(str_enum(Modality, "modality"), default=Modality.both)
    effective_from: Mapped[Optional[dt.date]] = mapped_column(Date)
    effective_until: Mapped[Optional[dt.date]] = mapped_column(Date)  # inclusive; None: open-ended


class AvailabilityException(Model):
    """A day (or part of one) when a provider is away despite their weekly availability."""

    __tablename__ = "availability_exception"

    id: Mapped[int] = mapped_column(primary_key=True)
    practice_id: Mapped[int] = mapped_column(ForeignKey("practice.id"))
    provider_id: Mapped[int] = mapped_column(ForeignKey("provider.id"), index=True)
    provider: Mapped["Provider"] = relationship()
    date: Mapped[dt.date] = mapped_column(Date)
    start_time: Mapped[Optional[dt.time]] = mapped_column(Time)  # both None: the whole day
    end_time: Mapped[Optional[dt.time]] = mapped_column(Time)
    reason: Mapped[Optional[str]] = mapped_column(String(200))
