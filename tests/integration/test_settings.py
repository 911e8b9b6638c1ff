"""Set up Zoom Telehealth: owners and managers allow Zoom integration in Settings → Other Settings."""

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import AuditEvent, Practice
from tests.conftest import signed_in

GREEN_CHECK = "Zoom integration is allowed for anyone at the practice"


def settings_form(practice: Practice, **changes):
    data = {
        "name": practice.name, "timezone": practice.timezone,
        "default_telehealth_pos": practice.default_telehealth_pos,
        "telehealth_reminder_minutes": practice.telehealth_reminder_minutes,
        "self_scheduling_enabled": "yes" if practice.self_scheduling_enabled else "no",
        "session_minutes": practice.session_minutes, "slot_step_minutes": practice.slot_step_minutes,
        "min_notice_hours": practice.min_notice_hours, "booking_horizon_days": practice.booking_horizon_days,
        "allow_zoom_integration": "yes" if practice.allow_zoom_integration else "no",
    }
    data.update(changes)
    return data


def practice_named(app, name):
    with app.app_context():
        practice = db.session.scalar(select(Practice).where(Practice.name == name))
        db.session.expunge(practice)
        return practice


def test_other_settings_holds_allow_zoom_integration(app):
    page = signed_in(app, "owner.lakeside").get("/settings/").get_data(as_text=True)
    assert "Other Settings" in page
    assert "Allow Zoom Integration?" in page
    assert GREEN_CHECK not in page  # Lakeside has not allowed it


def test_an_owner_allows_zoom_and_sees_the_green_check(app):
    owner = signed_in(app, "owner.lakeside")
    practice = practice_named(app, "Lakeside Therapy")
    response = owner.post("/settings/", data=settings_form(practice, allow_zoom_integration="yes"))
    assert response.status_code == 302
    page = owner.get("/settings/").get_data(as_text=True)
    assert GREEN_CHECK in page
    assert practice_named(app, "Lakeside Therapy").allow_zoom_integration is True
    with app.app_context():
        event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "settings.changed"))
        assert event.details["allow_zoom_integration"] == {"from": False, "to": True}
        assert event.actor == "owner.lakeside"


def test_a_manager_can_turn_it_off_again(app):
    manager = signed_in(app, "manager")
    practice = practice_named(app, "Riverside Counseling")
    manager.post("/settings/", data=settings_form(practice, allow_zoom_integration="no"))
    assert practice_named(app, "Riverside Counseling").allow_zoom_integration is False
    assert GREEN_CHECK not in manager.get("/settings/").get_data(as_text=True)


@pytest.mark.parametrize("username", ["dr.rivera", "frontdesk", "alex.client"])
def test_others_cannot_open_or_change_settings(app, username):
    user = signed_in(app, username)
    assert user.get("/settings/").status_code == 403
    practice = practice_named(app, "Riverside Counseling")
    assert user.post("/settings/", data=settings_form(practice, allow_zoom_integration="no")).status_code == 403
    assert practice_named(app, "Riverside Counseling").allow_zoom_integration is True


@pytest.mark.parametrize("field,value,message", [
    ("default_telehealth_pos", "1O", "two digits"),
    ("timezone", "Mars/Olympus", "time zone"),
    ("telehealth_reminder_minutes", "45", "15 to 30"),
    ("name", "x" * 200, "120"),
    ("allow_zoom_integration", "maybe", "Not a valid choice"),
])
def test_bad_settings_are_refused_with_a_clear_message_and_nothing_saved(app, field, value, message):
    owner = signed_in(app, "owner")
    practice = practice_named(app, "Riverside Counseling")
    typed = {"session_minutes": "75", field: value}
    response = owner.post("/settings/", data=settings_form(practice, **typed))
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert message in page
    assert 'value="75"' in page  # what was typed is kept
    assert practice_named(app, "Riverside Counseling").session_minutes == 50


def test_the_gear_icon_leads_to_settings_for_owners_only(app):
    assert 'aria-label="Settings"' in signed_in(app, "owner").get("/home/").get_data(as_text=True)
    assert 'aria-label="Settings"' not in signed_in(app, "frontdesk").get("/home/").get_data(as_text=True)
