"""The practice (the tenant) and the console's user, FAB's user with a practice."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Optional

from flask_appbuilder import Model
from flask_appbuilder.security.sqla.models import User
from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.types import UTCDateTime, utcnow

if TYPE_CHECKING:
    from app.models.people import Client, Provider


class Practice(Model):
    """A therapy practice: every other row belongs to exactly one."""

    __tablename__ = "practice"
    __table_args__ = (
        CheckConstraint("telehealth_reminder_minutes BETWEEN 15 AND 30", name="ck_practice_th_reminder"),
        CheckConstraint("slot_step_minutes IN (15, 30, 60)", name="ck_practice_slot_step"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    timezone: Mapped[str] = mapped_column(String(64), default="America/Chicago")
    allow_zoom_integration: Mapped[bool] = mapped_column(Boolean, default=False)
    default_telehealth_pos: Mapped[str] = mapped_column(String(2), default="10")
    default_in_person_pos: Mapped[str] = mapped_column(String(2), default="11")
    zoom_fee_cents: Mapped[int] = mapped_column(Integer, default=500)  # per connected provider per month
    # Reminders: the telehealth reminder goes this many minutes before the start (15-30).
    telehealth_reminder_minutes: Mapped[int] = mapped_column(Integer, default=20)
    # Client self-scheduling
    self_scheduling_enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    session_minutes: Mapped[int] = mapped_column(Integer, default=50)
    slot_step_minutes: Mapped[int] = mapped_column(Integer, default=60)
    min_notice_hours: Mapped[int] = mapped_column(Integer, default=24)
    booking_horizon_days: Mapped[int] = mapped_column(Integer, default=60)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    def __repr__(self) -> str:
        return self.name


class AppUser(User):
    """FAB's user, belonging to one practice (staff and portal clients alike)."""

    __tablename__ = "ab_user"
    __table_args__ = {"extend_existing": True}

    practice_id: Mapped[Optional[int]] = mapped_column(ForeignKey("practice.id"), index=True)
    practice: Mapped[Optional[Practice]] = relationship(foreign_keys=[practice_id])
    provider: Mapped[Optional["Provider"]] = relationship(back_populates="user", uselist=False,
                                                          foreign_keys="Provider.user_id")
    client: Mapped[Optional["Client"]] = relationship(back_populates="user", uselist=False,
                                                      foreign_keys="Client.user_id")
