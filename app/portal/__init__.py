"""The client portal blueprint (``/portal/``): clients sign in on the same /login/ page as staff."""

from flask import Blueprint

bp = Blueprint("portal", __name__, url_prefix="/portal", template_folder="templates")

from app.portal import routes  # noqa: E402,F401  (registers the routes on bp)
