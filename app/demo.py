"""The demo practices of CONTRACT.md, loaded by ``flask --app run seed-demo`` (idempotent) and by the tests."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from flask import current_app
from sqlalchemy import select

from app.extensions import db
from app.models import (Appointment, AppointmentStatus, AppUser, AvailabilityBlock, Client, Modality, PhoneReminder,
                        Practice, Provider)
from app.security import permissions as perms
from app.services.clock import local_to_utc, now, to_local

DEMO_PASSWORD = "Demo-Password-2026"


@dataclass
class StaffSpec:
    username: str
    first: str
    last: str
    role: str
    display_name: str | None = None  # providers


@dataclass
class ClientSpec:
    first: str
    last: str
    email: str | None
    phone: str | None
    provider: str                      # username of their provider
    username: str | None = None        # portal sign-in, if any
    dob: dt.date = dt.date(1990, 1, 1)


@dataclass
class PracticeSpec:
    name: str
    timezone: str
    allow_zoom: bool
    domain: str
    staff: list[StaffSpec] = field(default_factory=list)
    clients: list[ClientSpec] = field(default_factory=list)


PRACTICES = [
    PracticeSpec(
        "Riverside Counseling", "America/Chicago", True, "riverside.example.com",
        staff=[
            StaffSpec("owner", "Morgan", "Owens", perms.OWNER),
            StaffSpec("manager", "Casey", "Manning", perms.MANAGER),
            StaffSpec("dr.rivera", "Maria", "Rivera", perms.PROVIDER_ROLE, "Dr. Maria Rivera"),
            StaffSpec("dr.chen", "David", "Chen", perms.PROVIDER_ROLE, "Dr. David Chen"),
            StaffSpec("frontdesk", "Jamie", "Frost", perms.FRONT_DESK),
        ],
        clients=[
            ClientSpec("Alex", "Kim", "alex.kim@example.com", "+13125550101", "dr.rivera", "alex.client",
                       dt.date(1988, 4, 12)),
            ClientSpec("Sam", "Patel", "sam.patel@example.com", "+13125550102", "dr.rivera", "sam.client",
                       dt.date(1979, 9, 30)),
            ClientSpec("Jo", "Lee", "jo.lee@example.com", "+13125550103", "dr.chen", None, dt.date(2001, 2, 3)),
            ClientSpec("Riley", "Brooks", None, "+13125550104", "dr.chen", None, dt.date(1995, 7, 21)),
        ],
    ),
    PracticeSpec(
        "Lakeside Therapy", "America/New_York", False, "lakeside.example.com",
        staff=[
            StaffSpec("owner.lakeside", "Lee", "Harbor", perms.OWNER),
            StaffSpec("dr.lake", "Dana", "Lake", perms.PROVIDER_ROLE, "Dr. Dana Lake"),
        ],
        clients=[
            ClientSpec("Pat", "Morgan", "pat.morgan@example.com", "+16175550105", "dr.lake", "pat.client",
                       dt.date(1984, 11, 5)),
        ],
    ),
]

# Weekly availability for every demo provider (weekday, start, end, modality): a mix the portal shows as
# blue (telehealth) and orange (in-person) circles.
AVAILABILITY = [
    (0, dt.time(9), dt.time(17), Modality.both),
    (1, dt.time(9), dt.time(17), Modality.telehealth),
    (2, dt.time(9), dt.time(17), Modality.both),
    (3, dt.time(9), dt.time(12), Modality.in_person),
    (3, dt.time(13), dt.time(17), Modality.telehealth),
    (4, dt.time(9), dt.time(13), Modality.telehealth),
]

# Appointments per provider, relative to today in the practice's zone: (day offset, hour, telehealth).
SCHEDULE = [(-3, 10, False), (-2, 14, True), (-1, 9, False), (0, 11, True), (0, 15, False), (1, 10, True),
            (2, 13, False), (3, 16, True)]


def seed_demo(password: str = DEMO_PASSWORD) -> list[tuple[str, str, str]]:
    """Create the demo practices, people and a week of appointments; return (practice, username, role) rows."""
    sm = current_app.appbuilder.sm
    sign_ins: list[tuple[str, str, str]] = []
    for spec in PRACTICES:
        practice = db.session.scalar(select(Practice).where(Practice.name == spec.name))
        if practice is None:
            practice = Practice(name=spec.name, timezone=spec.timezone, allow_zoom_integration=spec.allow_zoom)
            db.session.add(practice)
            db.session.commit()
        providers: dict[str, Provider] = {}
        for staff in spec.staff:
            user = _ensure_user(sm, practice, staff.username, staff.first, staff.last,
                                f"{staff.username}@{spec.domain}", staff.role, password)
            sign_ins.append((spec.name, staff.username, staff.role))
            if staff.role == perms.PROVIDER_ROLE:
                providers[staff.username] = _ensure_provider(practice, user, staff.display_name)
        for c in spec.clients:
            client = _ensure_client(practice, c, providers[c.provider])
            if c.username:
                user = _ensure_user(sm, practice, c.username, c.first, c.last, c.email, perms.CLIENT_ROLE, password)
                if client.user_id is None:
                    client.user_id = user.id
                sign_ins.append((spec.name, c.username, perms.CLIENT_ROLE))
        db.session.commit()
        for provider in providers.values():
            _ensure_availability(practice, provider)
            _ensure_week(practice, provider)
        db.session.commit()
    return sign_ins


def _ensure_user(sm, practice, username, first, last, email, role_name, password) -> AppUser:
    user = sm.find_user(username=username)
    if user is None:
        user = sm.add_user(username=username, first_name=first, last_name=last, email=email,
                           role=sm.find_role(role_name), password=password)
        if not user:
            raise RuntimeError(f"could not create demo user {username}")
    if user.practice_id != practice.id:
        user.practice_id = practice.id
        db.session.commit()
    return user


def _ensure_provider(practice, user, display_name) -> Provider:
    provider = db.session.scalar(select(Provider).where(Provider.user_id == user.id))
    if provider is None:
        provider = Provider(practice_id=practice.id, user_id=user.id, display_name=display_name)
        db.session.add(provider)
        db.session.commit()
    return provider


def _ensure_client(practice, spec: ClientSpec, provider: Provider) -> Client:
    client = db.session.scalar(select(Client).where(Client.practice_id == practice.id,
                                                    Client.first_name == spec.first, Client.last_name == spec.last))
    if client is None:
        client = Client(practice_id=practice.id, first_name=spec.first, last_name=spec.last, email=spec.email,
                        mobile_phone=spec.phone, date_of_birth=spec.dob, reminder_phone=PhoneReminder.text,
                        reminder_lead_days=provider.default_reminder_lead_days, providers=[provider])
        db.session.add(client)
        db.session.flush()
    return client


def _ensure_availability(practice, provider) -> None:
    if db.session.scalar(select(AvailabilityBlock.id).where(AvailabilityBlock.provider_id == provider.id)):
        return
    for weekday, start, end, modality in AVAILABILITY:
        db.session.add(AvailabilityBlock(practice_id=practice.id, provider_id=provider.id, weekday=weekday,
                                         start_time=start, end_time=end, modality=modality))


def _ensure_week(practice, provider) -> None:
    today = to_local(now(), practice.timezone).date()
    window_start = local_to_utc(dt.datetime.combine(today - dt.timedelta(days=3), dt.time(0)), practice.timezone)
    if db.session.scalar(select(Appointment.id).where(Appointment.provider_id == provider.id,
                                                      Appointment.starts_at >= window_start)):
        return
    clients = sorted(provider.clients, key=lambda c: c.id)
    for index, (offset, hour, telehealth) in enumerate(SCHEDULE):
        starts = local_to_utc(dt.datetime.combine(today + dt.timedelta(days=offset), dt.time(hour)),
                              practice.timezone)
        client = clients[index % len(clients)]
        past = offset < 0
        db.session.add(Appointment(
            practice_id=practice.id, provider_id=provider.id, client_id=client.id, starts_at=starts,
            ends_at=starts + dt.timedelta(minutes=50),
            status=AppointmentStatus.completed if past else AppointmentStatus.scheduled,
            is_telehealth=telehealth,
            pos_code=practice.default_telehealth_pos if telehealth else practice.default_in_person_pos,
        ))
