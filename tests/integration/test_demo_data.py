"""seed-demo loads exactly what CONTRACT.md describes, and loading it again changes nothing."""

from sqlalchemy import func, select

from app.demo import seed_demo
from app.extensions import db
from app.models import Appointment, AppUser, Client, Practice


def roles_of(username):
    user = db.session.scalar(select(AppUser).where(AppUser.username == username))
    return user.practice.name, sorted(r.name for r in user.roles)


def test_the_practices_and_their_settings(ctx):
    riverside = db.session.scalar(select(Practice).where(Practice.name == "Riverside Counseling"))
    lakeside = db.session.scalar(select(Practice).where(Practice.name == "Lakeside Therapy"))
    assert (riverside.timezone, riverside.allow_zoom_integration) == ("America/Chicago", True)
    assert (lakeside.timezone, lakeside.allow_zoom_integration) == ("America/New_York", False)


def test_the_people_and_their_roles(ctx):
    assert roles_of("owner") == ("Riverside Counseling", ["Owner"])
    assert roles_of("manager") == ("Riverside Counseling", ["Manager"])
    assert roles_of("dr.rivera") == ("Riverside Counseling", ["Provider"])
    assert roles_of("dr.chen") == ("Riverside Counseling", ["Provider"])
    assert roles_of("frontdesk") == ("Riverside Counseling", ["FrontDesk"])
    assert roles_of("alex.client") == ("Riverside Counseling", ["Client"])
    assert roles_of("sam.client") == ("Riverside Counseling", ["Client"])
    assert roles_of("owner.lakeside") == ("Lakeside Therapy", ["Owner"])
    assert roles_of("dr.lake") == ("Lakeside Therapy", ["Provider"])
    assert roles_of("pat.client") == ("Lakeside Therapy", ["Client"])


def test_clients_of_dr_rivera_have_portal_accounts_and_jo_does_not(ctx):
    alex = db.session.scalar(select(Client).where(Client.first_name == "Alex"))
    sam = db.session.scalar(select(Client).where(Client.first_name == "Sam"))
    jo = db.session.scalar(select(Client).where(Client.first_name == "Jo"))
    for client in (alex, sam):
        assert client.email and client.user.username.endswith(".client")
        assert [p.display_name for p in client.providers] == ["Dr. Maria Rivera"]
    assert jo.email and jo.user is None


def test_a_week_of_appointments_for_each_provider_some_telehealth(ctx):
    rows = db.session.execute(select(Appointment.provider_id, func.count(), func.sum(
        func.cast(Appointment.is_telehealth, db.Integer))).group_by(Appointment.provider_id)).all()
    assert len(rows) == 3
    for _provider, count, telehealth in rows:
        assert count >= 7 and 0 < telehealth < count


def test_seeding_twice_changes_nothing(ctx):
    before = [db.session.scalar(select(func.count()).select_from(m)) for m in (AppUser, Client, Appointment)]
    seed_demo()
    after = [db.session.scalar(select(func.count()).select_from(m)) for m in (AppUser, Client, Appointment)]
    assert before == after
