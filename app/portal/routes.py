"""Portal pages."""

from __future__ import annotations

from flask import render_template
from sqlalchemy import select

from app.extensions import db
from app.models import Appointment, AppointmentStatus
from app.portal import bp
from app.portal.access import client_required, current_client
from app.security.tenancy import scoped
from app.services.clock import now


@bp.route("/")
@client_required
def home():
    client = current_client()
    tz = client.timezone or client.practice.timezone
    upcoming = db.session.scalars(
        scoped(select(Appointment), Appointment)
        .where(Appointment.ends_at >= now(), Appointment.status == AppointmentStatus.scheduled)
        .order_by(Appointment.starts_at).limit(50)
    ).all()
    return render_template("portal/home.html", client=client, tz=tz, appointments=upcoming)
