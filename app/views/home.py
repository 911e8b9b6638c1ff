"""The landing page: clients go to the portal, staff to Home (today's appointments)."""

from __future__ import annotations

from flask import redirect, url_for
from flask_appbuilder import BaseView, IndexView, expose, has_access
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from app.extensions import db
from app.models import Appointment, AppointmentStatus
from app.security import permissions as perms
from app.security.tenancy import current_user, has_role, scoped
from app.services.clock import local_day_bounds, now, to_local
from app.views.formatting import practice_tz


class RoleAwareIndexView(IndexView):
    """``/``: anonymous people sign in; clients land on the portal; staff on Home."""

    @expose("/")
    def index(self):
        user = current_user()
        if user is None:
            return redirect(url_for("AuthDBView.login"))
        if has_role(perms.CLIENT_ROLE, user):
            return redirect(url_for("portal.home"))
        return redirect(url_for("HomeView.index"))


class HomeView(BaseView):
    route_base = "/home"
    default_view = "index"
    class_permission_name = perms.HOME
    method_permission_name = {"index": perms.READ}

    @expose("/")
    @has_access
    def index(self):
        tz = practice_tz()
        today = to_local(now(), tz).date()
        start, end = local_day_bounds(today, tz)
        appointments = db.session.scalars(
            scoped(select(Appointment), Appointment)
            .where(Appointment.starts_at >= start, Appointment.starts_at < end,
                   Appointment.status != AppointmentStatus.cancelled)
            .options(joinedload(Appointment.client), joinedload(Appointment.provider))
            .order_by(Appointment.starts_at)
        ).all()
        return self.render_template("home.html", appointments=appointments, today=today, tz=tz)
