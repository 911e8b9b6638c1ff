"""UTC in the database, wall-clock time at the edges, across daylight-saving changes."""

import datetime as dt

import pytest

from app.services.clock import format_local, local_day_bounds, local_to_utc

UTC = dt.timezone.utc


def test_wall_time_to_utc_in_winter_and_summer():
    assert local_to_utc(dt.datetime(2026, 1, 15, 9), "America/Chicago") == dt.datetime(2026, 1, 15, 15, tzinfo=UTC)
    assert local_to_utc(dt.datetime(2026, 7, 15, 9), "America/Chicago") == dt.datetime(2026, 7, 15, 14, tzinfo=UTC)


def test_a_time_skipped_by_the_spring_change_is_refused():
    with pytest.raises(ValueError, match="does not exist"):
        local_to_utc(dt.datetime(2026, 3, 8, 2, 30), "America/Chicago")


def test_an_ambiguous_fall_time_takes_the_first_occurrence():
    assert local_to_utc(dt.datetime(2026, 11, 1, 1, 30), "America/Chicago") == dt.datetime(
        2026, 11, 1, 6, 30, tzinfo=UTC)


def test_day_bounds_on_a_23_hour_day():
    start, end = local_day_bounds(dt.date(2026, 3, 8), "America/New_York")
    assert (end - start) == dt.timedelta(hours=23)


def test_format_local_names_the_zone():
    assert format_local(dt.datetime(2026, 11, 23, 20, tzinfo=UTC), "America/Chicago") == "Mon Nov 23, 2026 2:00 PM CST"
