"""Telehealth rules every page shares: when a session can be launched."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from app.models import Appointment, AppointmentStatus

# A session can be launched from 15 minutes before its start until 15 minutes after its end (help article).
LAUNCH_LEAD = dt.timedelta(minutes=15)
LAUNCH_GRACE = dt.timedelta(minutes=15)


class WindowState(str, enum.Enum):
    not_open = "not_open"  # too early: the button says when it opens
    open = "open"
    closed = "closed"      # too late


@dataclass(frozen=True)
class LaunchWindow:
    opens_at: dt.datetime
    closes_at: dt.datetime

    def state(self, at: dt.datetime) -> WindowState:
        """Both edges are inside: exactly 15 minutes before the start and after the end are open."""
        if at < self.opens_at:
            return WindowState.not_open
        if at <= self.closes_at:
            return WindowState.open
        return WindowState.closed


def launch_window(appointment: Appointment) -> LaunchWindow:
    return LaunchWindow(appointment.starts_at - LAUNCH_LEAD, appointment.ends_at + LAUNCH_GRACE)


def can_launch(appointment: Appointment, at: dt.datetime) -> bool:
    """A scheduled telehealth appointment inside its launch window."""
    return (appointment.is_telehealth and appointment.status == AppointmentStatus.scheduled
            and launch_window(appointment).state(at) == WindowState.open)
