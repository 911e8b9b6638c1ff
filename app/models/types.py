"""Column types shared by the models."""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import DateTime, Enum, TypeDecorator


class UTCDateTime(TypeDecorator):
    """A timezone-aware UTC instant on every backend.

    PostgreSQL stores ``timestamptz``; SQLite stores the UTC wall time. Values going in must be aware
    (naive datetimes are a bug and are refused); values coming out are always aware UTC.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given for a UTC column")
        value = value.astimezone(dt.timezone.utc)
        if dialect.name == "sqlite":
            return value.replace(tzinfo=None)
        return value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.timezone.utc)
        return value.astimezone(dt.timezone.utc)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def str_enum(enum_cls: type[enum.Enum], name: str) -> Enum:
    """A VARCHAR column holding an enum (portable, no native enum type to migrate).

    The console's enums name their members after their values (``scheduled = "scheduled"``): SQLAlchemy stores
    names, and FAB's search forms and the API's marshmallow fields read names, so all three agree.
    """
    assert all(m.name == m.value for m in enum_cls), f"{enum_cls.__name__}: member names must equal values"
    return Enum(enum_cls, name=name, native_enum=False, create_constraint=False, validate_strings=True)
