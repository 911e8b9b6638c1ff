"""Providers (therapists). Their sign-ins are made on the Staff page; this edits how they appear."""

from __future__ import annotations

from flask_appbuilder.models.sqla.interface import SQLAInterface
from sqlalchemy import func, select
from wtforms import IntegerField
from wtforms.validators import InputRequired, Length, NumberRange

from app.extensions import db
from app.models import Appointment, Provider
from app.security import permissions as perms
from app.views.base import TenantModelView, boolean_field


class ProviderView(TenantModelView):
    datamodel = SQLAInterface(Provider)
    class_permission_name = perms.PROVIDER
    route_base = "/providers"
    related_fields = ("user",)
    list_title = "Providers"
    show_title = edit_title = "Provider"
    add_title = "Add provider"
    list_columns = ["display_name", "user", "default_reminder_lead_days", "active"]
    show_columns = ["display_name", "user", "default_reminder_lead_days", "active"]
    add_columns = edit_columns = ["display_name", "user", "default_reminder_lead_days", "active"]
    search_columns = ["display_name", "active"]
    order_columns = ["display_name"]
    base_order = ("display_name", "asc")
    label_columns = {
        "display_name": "Name", "user": "Sign-in",
        "default_reminder_lead_days": "Reminder lead for new clients (days)", "active": "Active",
    }
    description_columns = {
        "default_reminder_lead_days": "New clients get their standard reminder this many days ahead (1-5).",
    }
    validators_columns = {"display_name": [InputRequired(), Length(max=120)]}
    add_form_extra_fields = edit_form_extra_fields = {
        "active": boolean_field("Active"),
        "default_reminder_lead_days": IntegerField(
            "Reminder lead for new clients (days)", default=2,
            validators=[InputRequired(), NumberRange(min=1, max=5, message="Choose 1 to 5 days.")]),
    }

    def delete_blocker(self, item):
        count = db.session.scalar(select(func.count()).where(Appointment.provider_id == item.id))
        if count:
            return f"{item.display_name} has {count} appointment(s); mark them inactive instead of deleting."
        return None
