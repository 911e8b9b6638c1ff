"""Appointments in the console's FAB views: entered in the practice's time, stored in UTC, audited."""

import datetime as dt

from sqlalchemy import select

from app.extensions import db
from app.models import Appointment, AuditEvent, Client, Provider
from tests.conftest import signed_in


def _ids(app):
    with app.app_context():
        return (db.session.scalar(select(Provider.id).where(Provider.display_name == "Dr. Maria Rivera")),
                db.session.scalar(select(Client.id).where(Client.first_name == "Alex")))


def form(provider, client, **kw):
    data = {"provider": provider, "client": client, "start_local": "2026-12-01 10:00", "duration": 50,
            "status": "scheduled", "pos_code": "", "notes": ""}
    data.update(kw)
    return data


def test_front_desk_books_a_telehealth_session_with_the_default_pos(app):
    provider, client = _ids(app)
    desk = signed_in(app, "frontdesk")
    assert desk.post("/appointments/add", data=form(provider, client, is_telehealth="y")).status_code == 302
    with app.app_context():
        appt = db.session.scalar(select(Appointment).order_by(Appointment.id.desc()))
        assert appt.starts_at == dt.datetime(2026, 12, 1, 16, 0, tzinfo=dt.timezone.utc)  # 10:00 CST
        assert appt.duration_minutes == 50 and appt.is_telehealth and appt.pos_code == "10"
        assert db.session.scalar(select(AuditEvent.action).where(AuditEvent.target_id == appt.id)) == \
            "appointment.telehealth_on"


def test_in_person_gets_pos_11_and_a_typed_pos_is_kept(app):
    provider, client = _ids(app)
    desk = signed_in(app, "frontdesk")
    desk.post("/appointments/add", data=form(provider, client))
    desk.post("/appointments/add", data=form(provider, client, start_local="2026-12-02 10:00", is_telehealth="y",
                                             pos_code="02"))
    with app.app_context():
        codes = db.session.scalars(select(Appointment.pos_code).order_by(Appointment.id.desc()).limit(2)).all()
    assert codes == ["02", "11"]


def test_switching_an_existing_appointment_to_telehealth_is_audited(app):
    provider, client = _ids(app)
    desk = signed_in(app, "frontdesk")
    desk.post("/appointments/add", data=form(provider, client))
    with app.app_context():
        appt_id = db.session.scalar(select(Appointment.id).order_by(Appointment.id.desc()))
    response = desk.post(f"/appointments/edit/{appt_id}", data=form(provider, client, is_telehealth="y",
                                                                     pos_code="10"))
    assert response.status_code == 302
    with app.app_context():
        actions = db.session.scalars(select(AuditEvent.action).where(AuditEvent.target_id == appt_id)).all()
        assert "appointment.telehealth_on" in actions


def test_a_time_skipped_by_daylight_saving_is_refused_and_the_form_kept(app):
    provider, client = _ids(app)
    response = signed_in(app, "frontdesk").post(
        "/appointments/add", data=form(provider, client, start_local="2026-03-08 02:30", notes="keep me"))
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "does not exist in America/Chicago" in page
    assert "keep me" in page


def test_bad_pos_codes_and_durations_get_clear_messages(app):
    provider, client = _ids(app)
    desk = signed_in(app, "frontdesk")
    page = desk.post("/appointments/add", data=form(provider, client, pos_code="1x")).get_data(as_text=True)
    assert "two digits" in page
    page = desk.post("/appointments/add", data=form(provider, client, duration=0)).get_data(as_text=True)
    assert "5 to 480 minutes" in page
    page = desk.post("/appointments/add", data=form(provider, client, start_local="tomorrow")).get_data(as_text=True)
    assert "Enter the date and time" in page or "Not a valid datetime" in page
