"""The practice's people: providers (therapists) and clients."""

from __future__ import annotations

import datetime as dt
import enum
from typing import TYPE_CHECKING, Optional

from flask_appbuilder import Model
from sqlalchemy import (Boolean, CheckConstraint, Column, Date, ForeignKey, Integer, String, Table,
                        UniqueConstraint)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.types import UTCDateTime, str_enum, utcnow

if TYPE_CHECKING:
    from app.models.practice import AppUser, Practice


client_provider = Table(
    "client_provider",
    Model.metadata,
    Column("client_id", ForeignKey("client.id", ondelete="CASCADE"), primary_key=True),
    Column("provider_id", ForeignKey("provider.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class Provider(Model):
    """A therapist, signing in as a FAB user with the Provider role."""

    __tablename__ = "provider"
    __table_args__ = (
        CheckConstraint("default_reminder_lead_days BETWEEN 1 AND 5", name="ck_provider_lead_days"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    practice_id: Mapped[int] = mapped_column(ForeignKey("practice.id"), index=True)
    practice: Mapped["Practice"] = relationship()
    user_id: Mapped[Optional[int]] = mapped_column(ForeignKey("ab_user.id"), unique=True)
    user: Mapped[Optional["AppUser"]] = relationship(back_populates="provider", foreign_keys=[user_id])
    display_name: Mapped[str] = mapped_column(String(120))
    # The standard reminder's lead that new clients of this provider start with (1-5 days).
    default_reminder_lead_days: Mapped[int] = mapped_column(Integer, default=2)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    clients: Mapped[list["Client"]] = relationship(secondary=client_provider, back_populates="providers")

    def __repr__(self) -> str:
        return self.display_name


class PhoneReminder(str, enum.Enum):
    """How a client's phone is used for reminders."""

    none = "none"
    text = "text"
    voice = "voice"


class Client(Model):
    """A therapy client. A portal account (a FAB user with the Client role) is optional."""

    __tablename__ = "client"
    __table_args__ = (
        CheckConstraint("reminder_lead_days BETWEEN 1 AND 5", name="ck_client_lead_days"),
        UniqueConstraint("user_id", name="uq_client_user"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    practice_id: Mapped[int] = mapped_column(ForeignKey("practice.id"), index=True)
    practice: Mapped["Practice"] = relationship()
    first_name: Mapped[str] = mapped_column(String(64))
    last_name: Mapped[str] = mapped_column(String(64))
    email: Mapped[Optional[str]] = mapped_column(String(254))
    mobile_phone: Mapped[Optional[str]] = mapped_column(String(16))  # E.164, e.g. +13125550123
    date_of_birth: Mapped[Optional[dt.date]] = mapped_column(Date)
    timezone: Mapped[Optional[str]] = mapped_column(String(64))  # None: the practice's
    # Reminder preference: email on or off, and the phone as text, voice call or nothing.
    reminder_email: Mapped[bool] = mapped_column(Boolean, default=True)
    reminder_phone: Mapped[PhoneReminder] = mapped_column(str_enum(PhoneReminder, "phone_reminder"),
                                                          default=PhoneReminder.text)
    reminder_lead_days: Mapped[int] = mapped_column(Integer, default=2)
    texts_opted_out: Mapped[bool] = mapped_column(Boolean, default=False)  # replied STOP
    user_id: Mapped[Optional[int]] = mapped_column(ForeignKey("ab_user.id"))
    user: Mapped[Optional["AppUser"]] = relationship(back_populates="client", foreign_keys=[user_id])
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    providers: Mapped[list[Provider]] = relationship(secondary=client_provider, back_populates="clients")

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    def __repr__(self) -> str:
        return self.full_name
