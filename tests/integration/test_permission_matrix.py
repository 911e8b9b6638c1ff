"""Every role against every console page and API endpoint, judged by the role table the app itself uses.

The routes are discovered from the running app (every FAB view and API of ours), and the expected answer comes
from ``app.security.permissions.GRANTS``: a route is allowed exactly when the role holds the permission the route
is guarded by.
"""

from __future__ import annotations

import pytest
from flask_appbuilder.api import BaseApi
from sqlalchemy import select

from app.extensions import db
from app.models import Appointment, Provider
from app.security import permissions as perms
from tests.conftest import jwt_headers, signed_in

ROLE_USERS = {perms.OWNER: "owner", perms.MANAGER: "manager", perms.PROVIDER_ROLE: "dr.rivera",
              perms.FRONT_DESK: "frontdesk", perms.CLIENT_ROLE: "alex.client"}
OUR_RESOURCES = {perms.PRACTICE, perms.STAFF, perms.PROVIDER, perms.CLIENT, perms.APPOINTMENT,
                 perms.AVAILABILITY, perms.HOME, perms.CALENDAR, perms.PROFILE, perms.ZOOM, perms.TELEHEALTH,
                 perms.BILLING, perms.OUTBOX, perms.AUDIT_LOG}
SKIP_METHODS = {"action", "action_post", "download"}  # guarded inside (tenancy tests) / no files


def guarded_routes(app):
    """(kind, rule, method name, resource, access) for every permission-guarded route we own."""
    routes = []
    for view in app.appbuilder.baseviews:
        resource = getattr(view, "class_permission_name", None)
        if resource not in OUR_RESOURCES:
            continue
        kind = "api" if isinstance(view, BaseApi) else "view"
        for rule in app.url_map.iter_rules():
            prefix, _, method_name = rule.endpoint.partition(".")
            if prefix != view.endpoint or method_name in SKIP_METHODS:
                continue
            access = view.method_permission_name.get(method_name)
            if access is None:
                continue  # not guarded by a permission (checked elsewhere)
            routes.append((kind, rule, method_name, resource, access))
    return routes


def build_url(rule, ids):
    values = {}
    for arg in rule.arguments:
        values[arg] = ids.get(arg, ids["pk"])
    path = rule.rule
    for arg, value in values.items():
        path = path.replace(f"<{arg}>", str(value)).replace(f"<int:{arg}>", str(value)).replace(
            f"<string:{arg}>", str(value))
    return path


def request(client, kind, rule, url, headers):
    method = "GET" if "GET" in rule.methods else sorted(rule.methods - {"HEAD", "OPTIONS"})[0]
    if kind == "api":
        return client.open(url, method=method, headers=headers, json={} if method in ("POST", "PUT") else None)
    return client.open(url, method=method, data={} if method == "POST" else None)


@pytest.fixture()
def row_ids(app):
    with app.app_context():
        rivera = db.session.scalar(select(Provider).where(Provider.display_name == "Dr. Maria Rivera"))
        appt = db.session.scalar(select(Appointment).where(Appointment.provider_id == rivera.id))
        return {"pk": appt.id}


def test_the_matrix_covers_every_resource_with_a_route(app):
    resources = {resource for *_, resource, _ in guarded_routes(app)}
    expected = {perms.PRACTICE, perms.STAFF, perms.PROVIDER, perms.CLIENT, perms.APPOINTMENT, perms.AVAILABILITY,
                perms.HOME, perms.PROFILE}
    assert expected <= resources


@pytest.mark.parametrize("role", list(ROLE_USERS))
def test_each_role_reaches_exactly_what_the_role_table_grants(app, row_ids, role):
    username = ROLE_USERS[role]
    browser = signed_in(app, username)
    api_client = app.test_client()
    headers = jwt_headers(api_client, username)
    wrong = []
    for kind, rule, method_name, resource, access in guarded_routes(app):
        url = build_url(rule, row_ids)
        response = request(api_client if kind == "api" else browser, kind, rule, url, headers)
        allowed = perms.may(role, resource, access)
        denied = response.status_code == 403 or (
            response.status_code == 302 and "/login/" in response.headers.get("Location", ""))
        if allowed == denied:
            wrong.append(f"{rule.rule} [{method_name}] -> {response.status_code}, expected "
                         f"{'allowed' if allowed else 'denied'}")
        assert response.status_code < 500, f"{url}: server error {response.status_code}"
    assert not wrong, f"{role}:\n" + "\n".join(wrong)


@pytest.mark.parametrize("role", list(ROLE_USERS))
def test_menus_show_what_the_role_may_read(app, role):
    if role == perms.CLIENT_ROLE:
        return  # clients never see the console's menu
    page = signed_in(app, ROLE_USERS[role]).get("/home/").get_data(as_text=True)
    for menu, resource in perms.MENUS.items():
        if not any(menu == item.name for item in _menu_items(app)):
            continue
        visible = f">{menu}<" in page or f"> {menu}<" in page or f"{menu}</a>" in page
        assert visible == perms.may(role, resource, perms.READ), f"{menu} for {role}"


def _menu_items(app):
    for item in app.appbuilder.menu.get_list():
        yield item
        yield from item.childs or []


def test_clients_never_reach_the_console(app):
    client = signed_in(app, "alex.client")
    for path in ["/home/", "/appointments/list/", "/clients/list/", "/settings/", "/staff/list/", "/profile/"]:
        assert client.get(path).status_code == 403


def test_the_api_refuses_anonymous_callers(app):
    anonymous = app.test_client()
    assert anonymous.get("/api/v1/appointment/").status_code == 401


def test_api_docs_are_for_staff_only(app):
    for role, username in ROLE_USERS.items():
        c = app.test_client()
        status = c.get("/api/v1/_openapi", headers=jwt_headers(c, username)).status_code
        assert (status == 200) == perms.may(role, perms.API_DOCS, perms.READ), role


def test_browser_sessions_cannot_use_the_api(app):
    """The API takes Bearer tokens only, so a cookie cannot drive it without CSRF protection (research G8)."""
    browser = signed_in(app, "owner")
    assert browser.get("/api/v1/appointment/").status_code == 401
