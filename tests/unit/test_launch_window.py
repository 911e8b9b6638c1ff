"""Launch opens 15 minutes before the start and stays open until 15 minutes after the end."""

import datetime as dt

import pytest

from app.models import Appointment, AppointmentStatus
from app.services.telehealth import WindowState, can_launch, launch_window

START = dt.datetime(2026, 11, 23, 20, 0, tzinfo=dt.timezone.utc)
END = START + dt.timedelta(minutes=50)


def appointment(**kw):
    return Appointment(starts_at=START, ends_at=END, is_telehealth=kw.get("telehealth", True),
                       status=kw.get("status", AppointmentStatus.scheduled))


@pytest.mark.parametrize("at,state", [
    (START - dt.timedelta(minutes=15, seconds=1), WindowState.not_open),
    (START - dt.timedelta(minutes=15), WindowState.open),
    (START, WindowState.open),
    (END, WindowState.open),
    (END + dt.timedelta(minutes=15), WindowState.open),
    (END + dt.timedelta(minutes=15, seconds=1), WindowState.closed),
])
def test_window_edges(at, state):
    assert launch_window(appointment()).state(at) == state


def test_only_scheduled_telehealth_sessions_launch():
    assert can_launch(appointment(), START)
    assert not can_launch(appointment(telehealth=False), START)
    assert not can_launch(appointment(status=AppointmentStatus.cancelled), START)
