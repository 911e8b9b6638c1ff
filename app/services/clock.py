"""Time-zone conversions at the edges (the database holds UTC; people see their own zone)."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from zoneinfo import ZoneInfo, available_timezones

UTC = dt.timezone.utc


@lru_cache(maxsize=None)
def zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


@lru_cache(maxsize=1)
def known_zones() -> frozenset[str]:
    return frozenset(available_timezones())


def is_valid_zone(name: str | None) -> bool:
    return bool(name) and name in known_zones()


def now() -> dt.datetime:
    return dt.datetime.now(UTC)


def to_local(instant: dt.datetime, tz: str) -> dt.datetime:
    return instant.astimezone(zone(tz))


def local_to_utc(wall: dt.datetime, tz: str) -> dt.datetime:
    """Interpret a naive wall-clock time in ``tz`` as a UTC instant.

    Raises ValueError for a time that does not exist (skipped by a DST change) and picks the first occurrence
    of an ambiguous one.
    """
    if wall.tzinfo is not None:
        return wall.astimezone(UTC)
    local = wall.replace(tzinfo=zone(tz), fold=0)
    round_trip = local.astimezone(UTC).astimezone(zone(tz)).replace(tzinfo=None)
    if round_trip != wall:
        raise ValueError(f"{wall:%Y-%m-%d %H:%M} does not exist in {tz} (the clocks change that night)")
    return local.astimezone(UTC)


def local_day_bounds(day: dt.date, tz: str) -> tuple[dt.datetime, dt.datetime]:
    """The UTC instants where a local calendar day starts and ends."""
    start = dt.datetime.combine(day, dt.time(0), tzinfo=zone(tz))
    end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0), tzinfo=zone(tz))
    return start.astimezone(UTC), end.astimezone(UTC)


def format_local(instant: dt.datetime | None, tz: str, fmt: str = "%a %b %-d, %Y %-I:%M %p") -> str:
    """E.g. 'Mon Nov 23, 2026 2:00 PM CST'."""
    if instant is None:
        return ""
    local = to_local(instant, tz)
    return f"{local.strftime(fmt)} {local.tzname()}"
