"""Security headers (Flask-Talisman): a nonce-based CSP with no inline script, no framing, HSTS and secure cookies
in production."""

from __future__ import annotations

from flask import Flask
from flask_talisman import Talisman

talisman = Talisman()


def content_security_policy(app: Flask) -> dict:
    """Scripts only from this origin (FAB's own inline scripts carry the per-request nonce); no framing.

    Inline *styles* stay allowed: FAB's templates and FullCalendar set style attributes.
    """
    return {
        "default-src": "'self'",
        "script-src": "'self'",
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'", "data:"],
        "connect-src": "'self'",
        "object-src": "'none'",
        "base-uri": "'self'",
        "frame-ancestors": "'none'",
        # Forms post here; the Zoom connect flow then redirects to Zoom's sign-in page.
        "form-action": ["'self'", app.config["ZOOM_OAUTH_BASE_URL"]],
    }


def init_headers(app: Flask) -> None:
    production = app.config.get("APP_ENV") == "production"
    talisman.init_app(
        app,
        content_security_policy=content_security_policy(app),
        content_security_policy_nonce_in=["script-src"],
        frame_options="DENY",
        force_https=production,
        strict_transport_security=production,
        session_cookie_secure=production,
        session_cookie_http_only=True,
        session_cookie_samesite="Lax",
        referrer_policy="same-origin",
        permissions_policy={"camera": "()", "microphone": "()", "geolocation": "()"},
    )
