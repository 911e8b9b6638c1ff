"""``GET /health``: database and Redis reachability for operators (200 when both answer, else 503)."""

from __future__ import annotations

from flask import Blueprint, jsonify
from sqlalchemy import text

from app.extensions import db, get_redis

bp = Blueprint("health", __name__)


@bp.route("/health")
def health():
    checks = {"database": _check(lambda: db.session.execute(text("SELECT 1")).scalar() == 1),
              "redis": _check(lambda: bool(get_redis().ping()))}
    db.session.rollback()
    ok = all(value == "ok" for value in checks.values())
    return jsonify(status="ok" if ok else "degraded", **checks), (200 if ok else 503)


def _check(probe) -> str:
    try:
        return "ok" if probe() else "down"
    except Exception:  # noqa: BLE001 - any failure means "down" to an operator
        return "down"
