"""Presentation helpers shared by views and templates."""

from __future__ import annotations

from app.security.tenancy import current_user
from app.services.clock import format_local

DEFAULT_TZ = "America/Chicago"


def practice_tz() -> str:
    user = current_user()
    practice = getattr(user, "practice", None) if user is not None else None
    return practice.timezone if practice is not None else DEFAULT_TZ


def local_time(value) -> str:
    """A UTC instant shown in the signed-in user's practice zone."""
    return format_local(value, practice_tz()) if value is not None else ""


WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def register_template_filters(app) -> None:
    app.jinja_env.filters["local_time"] = local_time
    app.jinja_env.filters["client_time"] = lambda value, tz: format_local(value, tz)
    app.jinja_env.filters["weekday_name"] = lambda n: WEEKDAYS[n] if n is not None else ""
