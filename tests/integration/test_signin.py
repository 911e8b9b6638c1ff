"""One sign-in page for staff and clients; each lands where the contract says."""

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import AuditEvent
from tests.conftest import PASSWORD, login

STAFF = ["owner", "manager", "dr.rivera", "dr.chen", "frontdesk", "owner.lakeside", "dr.lake"]
CLIENTS = ["alex.client", "sam.client", "pat.client"]


@pytest.mark.parametrize("username", STAFF)
def test_staff_land_on_home(client, username):
    assert login(client, username).status_code == 302
    page = client.get("/", follow_redirects=True)
    assert page.request.path == "/home/"
    assert "Today," in page.get_data(as_text=True)


@pytest.mark.parametrize("username", CLIENTS)
def test_clients_land_on_the_portal(client, username):
    assert login(client, username).status_code == 302
    page = client.get("/", follow_redirects=True)
    assert page.request.path == "/portal/"
    assert "Welcome," in page.get_data(as_text=True)


def test_the_sign_in_page_serves_staff_and_clients(client):
    page = client.get("/login/").get_data(as_text=True)
    assert "<h1>Sign in</h1>" in page
    assert "Staff and clients sign in here." in page


def test_a_wrong_password_stays_on_the_sign_in_page(client):
    response = login(client, "owner", "not-the-password")
    assert response.headers["Location"].startswith("/login/")
    assert client.get("/home/").status_code in (302, 401)


def test_anonymous_visitors_are_sent_to_sign_in(client):
    assert client.get("/").headers["Location"].startswith("/login/")
    assert client.get("/portal/").headers["Location"].startswith("/login/")


def test_next_is_obeyed_after_sign_in(client):
    response = login(client, "owner", next_url="/clients/list/")
    assert response.headers["Location"] == "/clients/list/"


def test_sign_ins_and_failures_are_audited(app, client):
    login(client, "owner")
    login(app.test_client(), "manager", "wrong")
    with app.app_context():
        actions = db.session.execute(select(AuditEvent.action, AuditEvent.actor)).all()
    assert ("sign_in", "owner") in actions
    assert ("sign_in.failed", "system") in actions


def test_staff_on_the_portal_go_to_their_console(client):
    login(client, "frontdesk")
    assert client.get("/portal/").headers["Location"].endswith("/home/")


def test_the_session_expires_after_inactivity(app, client):
    login(client, "owner")
    with client.session_transaction() as session:
        assert session.permanent
    assert app.permanent_session_lifetime.total_seconds() == 30 * 60


def test_every_demo_password_works(client):
    for username in STAFF + CLIENTS:
        assert login(client, username, PASSWORD).status_code == 302
        client.get("/logout/")
