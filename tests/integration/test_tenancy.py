"""Nobody sees another practice's rows, or (for providers and clients) other people's: a foreign id is a 404
on every view, API, action, dropdown and search form."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import (Appointment, AppUser, AvailabilityBlock, AvailabilityException, Client, Practice,
                        Provider)
from tests.conftest import jwt_headers, signed_in

# (console route base, REST resource or None, model)
RESOURCES = [
    ("/appointments", "appointment", Appointment),
    ("/clients", "client", Client),
    ("/providers", "provider", Provider),
    ("/availability", "availability", AvailabilityBlock),
    ("/days-off", None, AvailabilityException),
    ("/staff", None, AppUser),
]


@pytest.fixture()
def lakeside(app):
    """Ids of rows in Lakeside Therapy, the practice the Riverside users must never see."""
    with app.app_context():
        practice = db.session.scalar(select(Practice).where(Practice.name == "Lakeside Therapy"))
        provider = db.session.scalar(select(Provider).where(Provider.practice_id == practice.id))
        exception = AvailabilityException(practice_id=practice.id, provider_id=provider.id,
                                          date=__import__("datetime").date(2026, 12, 24), reason="Holiday")
        db.session.add(exception)
        db.session.commit()
        return {
            Appointment: db.session.scalar(select(Appointment.id).where(Appointment.practice_id == practice.id)),
            Client: db.session.scalar(select(Client.id).where(Client.practice_id == practice.id)),
            Provider: provider.id,
            AvailabilityBlock: db.session.scalar(select(AvailabilityBlock.id)
                                                 .where(AvailabilityBlock.practice_id == practice.id)),
            AvailabilityException: exception.id,
            AppUser: db.session.scalar(select(AppUser.id).where(AppUser.username == "owner.lakeside")),
            "names": ["Pat Morgan", "pat.morgan@example.com", "Dana Lake", "owner.lakeside", "lakeside.example.com"],
        }


@pytest.mark.parametrize("base,resource,model", RESOURCES)
def test_foreign_rows_are_404_in_every_console_view(app, lakeside, base, resource, model):
    owner = signed_in(app, "owner")
    foreign = lakeside[model]
    assert owner.get(f"{base}/show/{foreign}").status_code == 404
    assert owner.get(f"{base}/edit/{foreign}").status_code == 404
    assert owner.post(f"{base}/edit/{foreign}", data={}).status_code == 404
    assert owner.post(f"{base}/delete/{foreign}").status_code == 404
    assert owner.post(f"{base}/action_post", data={"action": "any", "rowid": [foreign]}).status_code == 404
    with app.app_context():
        assert db.session.get(model, foreign) is not None  # nothing was deleted


@pytest.mark.parametrize("base,resource,model", [r for r in RESOURCES if r[1]])
def test_foreign_rows_are_404_in_the_api(app, lakeside, base, resource, model):
    c = app.test_client()
    headers = jwt_headers(c, "owner")
    foreign = lakeside[model]
    assert c.get(f"/api/v1/{resource}/{foreign}", headers=headers).status_code == 404
    assert c.put(f"/api/v1/{resource}/{foreign}", headers=headers, json={}).status_code in (400, 404, 405)
    assert c.delete(f"/api/v1/{resource}/{foreign}", headers=headers).status_code in (404, 405)
    listing = c.get(f"/api/v1/{resource}/", headers=headers).json
    assert foreign not in listing["ids"]
    with app.app_context():
        assert db.session.get(model, foreign) is not None


@pytest.mark.parametrize("base,resource,model", RESOURCES)
def test_lists_add_forms_and_search_forms_show_no_foreign_names(app, lakeside, base, resource, model):
    owner = signed_in(app, "owner")
    for path in (f"{base}/list/", f"{base}/add"):
        page = owner.get(path).get_data(as_text=True)
        for name in lakeside["names"]:
            assert name not in page, f"{name} leaked on {path}"


def test_actions_refuse_foreign_rows(app, lakeside):
    owner = signed_in(app, "owner")
    foreign = lakeside[Appointment]
    with app.app_context():
        before = db.session.get(Appointment, foreign).status
    assert owner.post("/appointments/action_post", data={"action": "cancel", "rowid": [foreign]}).status_code == 404
    assert owner.post(f"/appointments/action/cancel/{foreign}").status_code == 404
    assert signed_in(app, "dr.chen").post(
        "/appointments/action_post", data={"action": "cancel", "rowid": [_rivera_and_chen_rows(app)["rivera_appt"]]}
    ).status_code == 404
    with app.app_context():
        assert db.session.get(Appointment, foreign).status == before


def test_actions_work_on_ones_own_rows(app):
    rows = _rivera_and_chen_rows(app)
    response = signed_in(app, "dr.rivera").post("/appointments/action_post",
                                                data={"action": "cancel", "rowid": [rows["rivera_appt"]]})
    assert response.status_code == 302
    with app.app_context():
        assert db.session.get(Appointment, rows["rivera_appt"]).status.value == "cancelled"


def test_list_filters_naming_a_foreign_provider_show_nothing(app, lakeside):
    owner = signed_in(app, "owner")
    page = owner.get(f"/appointments/list/?_flt_0_provider={lakeside[Provider]}").get_data(as_text=True)
    assert "Pat Morgan" not in page and "Dana Lake" not in page


def test_a_forged_foreign_provider_in_a_form_is_refused(app, lakeside):
    owner = signed_in(app, "owner")
    with app.app_context():
        client_id = db.session.scalar(select(Client.id).where(Client.first_name == "Alex"))
    response = owner.post("/appointments/add", data={
        "provider": lakeside[Provider], "client": client_id, "start_local": "2026-12-01 10:00",
        "duration": 50, "status": "scheduled", "pos_code": "11"})
    assert response.status_code == 200  # the form again, with an error
    with app.app_context():
        assert db.session.scalar(select(Appointment).where(Appointment.provider_id == lakeside[Provider],
                                                           Appointment.client_id == client_id)) is None


def test_the_api_refuses_foreign_related_ids_in_a_body(app, lakeside):
    c = app.test_client()
    headers = jwt_headers(c, "owner")
    with app.app_context():
        client_id = db.session.scalar(select(Client.id).where(Client.first_name == "Alex"))
    body = {"provider": lakeside[Provider], "client": client_id, "starts_at": "2026-12-01T16:00:00+00:00",
            "ends_at": "2026-12-01T16:50:00+00:00", "status": "scheduled", "pos_code": "11",
            "is_telehealth": False}
    response = c.post("/api/v1/appointment/", headers=headers, json=body)
    assert response.status_code in (400, 422)
    with app.app_context():
        assert db.session.scalar(select(Appointment).where(Appointment.provider_id == lakeside[Provider],
                                                           Appointment.client_id == client_id)) is None


def test_api_related_choices_are_scoped(app, lakeside):
    c = app.test_client()
    info = c.get("/api/v1/appointment/_info?q=(keys:!(add_columns))", headers=jwt_headers(c, "owner")).json
    text = str(info)
    assert "Dana Lake" not in text and "Pat Morgan" not in text
    assert "Dr. Maria Rivera" in text


def test_rows_are_created_in_the_signed_in_users_practice(app):
    c = app.test_client()
    headers = jwt_headers(c, "owner")
    response = c.post("/api/v1/client/", headers=headers, json={"first_name": "New", "last_name": "Person"})
    assert response.status_code == 201, response.json
    with app.app_context():
        client = db.session.get(Client, response.json["id"])
        assert client.practice.name == "Riverside Counseling"


# --- providers see their own; clients their own ---------------------------------------------------------

def _rivera_and_chen_rows(app):
    with app.app_context():
        rivera = db.session.scalar(select(Provider).where(Provider.display_name == "Dr. Maria Rivera"))
        chen = db.session.scalar(select(Provider).where(Provider.display_name == "Dr. David Chen"))
        return {
            "rivera_appt": db.session.scalar(select(Appointment.id).where(Appointment.provider_id == rivera.id)),
            "chen_appt": db.session.scalar(select(Appointment.id).where(Appointment.provider_id == chen.id)),
            "chen_client": db.session.scalar(select(Client.id).where(Client.first_name == "Jo")),
            "chen_block": db.session.scalar(select(AvailabilityBlock.id)
                                            .where(AvailabilityBlock.provider_id == chen.id)),
        }


def test_a_provider_sees_only_their_own_appointments_clients_and_availability(app):
    rows = _rivera_and_chen_rows(app)
    rivera = signed_in(app, "dr.rivera")
    assert rivera.get(f"/appointments/show/{rows['rivera_appt']}").status_code == 200
    assert rivera.get(f"/appointments/show/{rows['chen_appt']}").status_code == 404
    assert rivera.get(f"/clients/show/{rows['chen_client']}").status_code == 404
    assert rivera.get(f"/availability/edit/{rows['chen_block']}").status_code == 404
    page = rivera.get("/clients/list/").get_data(as_text=True)
    assert "Alex" in page and "Jo" not in page.replace("Jo ", "")


def test_front_desk_sees_every_provider_of_their_practice(app):
    rows = _rivera_and_chen_rows(app)
    desk = signed_in(app, "frontdesk")
    assert desk.get(f"/appointments/show/{rows['chen_appt']}").status_code == 200
    assert desk.get(f"/clients/show/{rows['chen_client']}").status_code == 200


def test_a_provider_editing_a_shared_client_keeps_the_other_providers(app):
    with app.app_context():
        alex = db.session.scalar(select(Client).where(Client.first_name == "Alex"))
        chen = db.session.scalar(select(Provider).where(Provider.display_name == "Dr. David Chen"))
        alex.providers.append(chen)
        db.session.commit()
        alex_id, rivera_id = alex.id, alex.providers[0].id
    rivera = signed_in(app, "dr.rivera")
    response = rivera.post(f"/clients/edit/{alex_id}", data={
        "first_name": "Alex", "last_name": "Kim", "email": "alex.kim@example.com", "mobile_phone": "",
        "providers": [rivera_id], "reminder_email": "y", "reminder_phone": "text", "reminder_lead_days": 2,
        "timezone": ""})
    assert response.status_code == 302
    with app.app_context():
        names = {p.display_name for p in db.session.get(Client, alex_id).providers}
    assert names == {"Dr. Maria Rivera", "Dr. David Chen"}


def test_a_client_sees_only_their_own_appointments_in_the_portal(app):
    with app.app_context():
        sam_appts = db.session.scalars(select(Appointment.id).join(Client)
                                       .where(Client.first_name == "Sam")).all()
    page = signed_in(app, "alex.client").get("/portal/").get_data(as_text=True)
    for appt_id in sam_appts:
        assert f'data-appointment-id="{appt_id}"' not in page
