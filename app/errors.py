"""Error answers people can read: a page for browsers, JSON for JSON callers; never a stack trace."""

from __future__ import annotations

import logging

from flask import Flask, current_app, g, jsonify, render_template, request
from flask_login import current_user
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

log = logging.getLogger(__name__)

MESSAGES = {
    400: ("Something in the request was not right", "Please go back, check what you entered and try again."),
    401: ("Please sign in", "Your session has ended. Sign in again to continue."),
    403: ("Not allowed", "Your role does not give access to this page. Ask an owner or manager if you need it."),
    404: ("Not found", "There is nothing here, or it is not yours to see."),
    405: ("Not allowed", "That action is not available here."),
    429: ("Too many attempts", "Please wait a minute before trying again."),
    500: ("Something went wrong on our side", "Nothing you entered was lost by us. Please try again in a moment."),
    503: ("Temporarily unavailable", "A service we depend on is not answering. Please try again in a moment."),
}


def _wants_json() -> bool:
    if request.path.startswith("/api/") or request.is_json:
        return True
    best = request.accept_mimetypes.best_match(["application/json", "text/html"])
    return best == "application/json" and request.accept_mimetypes[best] > request.accept_mimetypes["text/html"]


def _answer(status: int, detail: str | None = None):
    title, hint = MESSAGES.get(status, MESSAGES[500 if status >= 500 else 400])
    if _wants_json():
        return jsonify(message=detail or title), status
    if not hasattr(g, "user"):  # errors raised before FAB's before_request (e.g. CSRF) still render the navbar
        g.user = current_user
    appbuilder = getattr(current_app, "appbuilder", None)
    console = appbuilder is not None and not request.path.startswith("/portal")
    return render_template("error.html", status=status, title=title, hint=detail or hint,
                           appbuilder=appbuilder if console else None,
                           base_template=appbuilder.base_template if console else "error_plain.html"), status


def register_error_handlers(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(_exc):
        return _answer(400, "This form has expired or was sent from elsewhere. Reload the page and try again; "
                            "what you typed may need entering again.")

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        if exc.code is None or exc.code < 400 or exc.code in (301, 302):
            return exc
        if request.path.startswith("/api/") and exc.code in (400, 404, 405, 422) and exc.response is not None:
            return exc
        detail = exc.description if exc.code == 400 and exc.description and not exc.description.startswith(
            "The browser (or proxy)") else None
        return _answer(exc.code, detail)

    @app.errorhandler(Exception)
    def unexpected(exc: Exception):
        if isinstance(exc, HTTPException):
            return http_error(exc)
        log.exception("Unhandled error on %s %s", request.method, request.path)
        return _answer(InternalServerError.code)
