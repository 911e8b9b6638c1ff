"""What follows when an appointment is created or changed, whichever door it came through (console form, calendar,
REST API, portal booking): call ``after_save`` in the same transaction as the change."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Optional

from sqlalchemy import inspect

from app.models import Appointment, AppointmentStatus
from app.services import audit


@dataclass(frozen=True)
class Snapshot:
    """The fields of an appointment whose change matters to what follows (meetings, reminders, audit)."""

    provider_id: int
    starts_at: dt.datetime
    ends_at: dt.datetime
    status: AppointmentStatus
    is_telehealth: bool


def snapshot(appointment: Appointment) -> Snapshot:
    return Snapshot(appointment.provider_id, appointment.starts_at, appointment.ends_at, appointment.status,
                    bool(appointment.is_telehealth))


def snapshot_before_changes(appointment: Appointment) -> Snapshot:
    """The appointment as stored, before the unflushed changes made to it (from SQLAlchemy's history)."""
    state = inspect(appointment)

    def old(name):
        history = state.attrs[name].history
        return history.deleted[0] if history.deleted else getattr(appointment, name)

    provider = state.attrs["provider"].history
    provider_id = provider.deleted[0].id if provider.deleted and provider.deleted[0] is not None else old(
        "provider_id")
    return Snapshot(provider_id, old("starts_at"), old("ends_at"), old("status"), bool(old("is_telehealth")))


def after_save(appointment: Appointment, before: Optional[Snapshot], *, actor: Any = None,
               ip: Optional[str] = None) -> None:
    """Record what changed. ``before`` is None for a new appointment. Does not commit."""
    now = snapshot(appointment)
    was_telehealth = before.is_telehealth if before is not None else False
    if now.is_telehealth and not was_telehealth:
        audit.record("appointment.telehealth_on", f"Appointment {appointment.id} is a telehealth session",
                     practice_id=appointment.practice_id, actor=actor, target=appointment, ip=ip)
    elif was_telehealth and not now.is_telehealth:
        audit.record("appointment.telehealth_off", f"Appointment {appointment.id} is no longer telehealth",
                     practice_id=appointment.practice_id, actor=actor, target=appointment, ip=ip)
