"""Security by default: headers, CSRF on every state-changing route, safe redirects, readable errors, the audit
log for owners only."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.conftest import csrf_token, login, signed_in

# Routes allowed to take requests without a CSRF token, each for a stated reason. A route exempted in the code but
# missing here fails the sweep, so every exemption is deliberate.
CSRF_EXEMPT = {
    "/login/": "checked separately below (FAB's form carries the token)",
    "/zoom/webhook": "called by Zoom, authenticated by the x-zm-signature HMAC instead",
    "/twilio/inbound": "called by Twilio, authenticated by the X-Twilio-Signature instead",
}


def test_security_headers_on_every_page(client):
    response = client.get("/login/")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self' 'nonce-" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert "frame-ancestors 'none'" in csp
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    cookie = next(v for k, v in response.headers.items() if k == "Set-Cookie" and v.startswith("session="))
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_fab_inline_scripts_carry_the_nonce(app):
    page = signed_in(app, "owner").get("/appointments/list/")
    nonce = page.headers["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
    html = page.get_data(as_text=True)
    inline = [chunk for chunk in html.split("<script")[1:] if "src=" not in chunk.split(">")[0]]
    assert all(f'nonce="{nonce}"' in chunk.split(">")[0] for chunk in inline)


@pytest.fixture()
def csrf_app(app):
    app.config["WTF_CSRF_ENABLED"] = True
    yield app
    app.config["WTF_CSRF_ENABLED"] = False


def _exempted_in_code(app, rule) -> bool:
    csrf = app.extensions["csrf"]
    view = app.view_functions[rule.endpoint]
    blueprint = rule.endpoint.rpartition(".")[0]
    return f"{view.__module__}.{view.__name__}" in csrf._exempt_views or blueprint in csrf._exempt_blueprints


def state_changing_routes(app):
    for rule in app.url_map.iter_rules():
        methods = rule.methods & {"POST", "PUT", "PATCH", "DELETE"}
        if not methods or rule.rule.startswith("/api/"):
            continue  # the REST API takes Bearer tokens only (no cookies), so CSRF cannot ride on it
        if _exempted_in_code(app, rule):
            assert rule.rule in CSRF_EXEMPT, f"{rule.rule} is CSRF-exempt without a stated reason"
            continue
        if rule.rule in CSRF_EXEMPT:
            continue
        yield rule, sorted(methods)[0]


def test_every_state_changing_route_refuses_a_request_without_the_csrf_token(csrf_app):
    owner = csrf_app.test_client()
    page = owner.get("/login/").get_data(as_text=True)
    assert owner.post("/login/", data={"username": "owner", "password": "Demo-Password-2026",
                                       "csrf_token": csrf_token(page)}).status_code == 302
    checked = []
    for rule, method in state_changing_routes(csrf_app):
        url = rule.rule
        for arg in rule.arguments:
            url = url.replace(f"<int:{arg}>", "1").replace(f"<string:{arg}>", "x").replace(f"<{arg}>", "1")
        response = owner.open(url, method=method, data={"x": "1"})
        assert response.status_code == 400, f"{method} {url} answered {response.status_code} without a CSRF token"
        assert "expired" in response.get_data(as_text=True)
        checked.append(url)
    assert len(checked) >= 10


def test_sign_in_itself_needs_the_token(csrf_app):
    c = csrf_app.test_client()
    assert login(c, "owner").status_code == 400


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "/\\evil.example",
                                    "javascript:alert(1)"])
def test_no_open_redirect_through_next(client, target):
    response = login(client, "owner", next_url=target)
    location = response.headers["Location"]
    parts = urlsplit(location)
    assert parts.scheme in ("", "http") and parts.netloc in ("", "localhost")  # stays on this site
    assert not location.startswith(("//", "/\\", "javascript"))


def test_errors_are_pages_not_stack_traces(app):
    owner = signed_in(app, "owner")
    page = owner.get("/appointments/show/999999")
    assert page.status_code == 404 and "Not found" in page.get_data(as_text=True)
    assert "Traceback" not in page.get_data(as_text=True)
    assert app.test_client().get("/nothing-here", headers={"Accept": "application/json"}).json == {
        "message": "Not found"}


def test_only_owners_read_the_audit_log(app):
    owner = signed_in(app, "owner")
    page = owner.get("/audit/list/").get_data(as_text=True)
    assert "owner signed in" in page
    assert "Pat" not in page and "owner.lakeside" not in page  # another practice's trail stays there
    for username in ("manager", "frontdesk", "dr.rivera"):
        assert signed_in(app, username).get("/audit/list/").status_code == 403


@pytest.mark.parametrize("pk", ["99999999999", "abc", "0", "-1"])
def test_ids_no_row_can_have_are_404_everywhere(app, pk):
    owner = signed_in(app, "owner")
    assert owner.get(f"/appointments/show/{pk}").status_code == 404
    assert owner.post(f"/clients/delete/{pk}").status_code == 404
    api = app.test_client()
    from tests.conftest import jwt_headers

    # The API's routes take integer ids: text does not match a route at all (405), numbers no row has are 404.
    assert api.get(f"/api/v1/appointment/{pk}", headers=jwt_headers(api, "owner")).status_code in (404, 405)
