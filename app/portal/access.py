"""Who may use the portal, and fetching a client's own rows (flaskr's get-or-404 helper, per client)."""

from __future__ import annotations

import functools

from flask import abort, redirect, url_for
from flask_login import current_user as login_user

from app.models import Client
from app.security import permissions as perms
from app.security.tenancy import current_client_id, current_user, get_or_404, has_role


def client_required(view):
    """Signed-in clients only: anonymous people go to /login/, staff to their console."""

    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        if not login_user.is_authenticated or current_user() is None:
            return redirect(url_for("AuthDBView.login", next=url_for("portal.home")))
        if not has_role(perms.CLIENT_ROLE):
            return redirect(url_for("HomeView.index"))
        if current_client_id() is None:
            abort(404)
        return view(*args, **kwargs)

    return wrapper


def current_client() -> Client:
    return get_or_404(Client, current_client_id())
