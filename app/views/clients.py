"""Clients: their contact details, reminder preference and providers."""

from __future__ import annotations

from flask_appbuilder.models.sqla.interface import SQLAInterface
from sqlalchemy import func, select
from wtforms import IntegerField, SelectField, StringField
from wtforms.validators import InputRequired, Length, NumberRange, Optional

from app.extensions import db
from app.models import Appointment, Client, PhoneReminder, Provider
from app.security import permissions as perms
from app.security.tenancy import current_provider_id
from app.services.clock import known_zones
from app.views import validators as v
from app.views.base import TenantModelView, boolean_field, enum_select

PHONE_LABELS = {PhoneReminder.none: "No phone reminders", PhoneReminder.text: "Text message",
                PhoneReminder.voice: "Voice call"}


def _zone_choices():
    return [("", "The practice's time zone")] + [(z, z) for z in sorted(known_zones()) if "/" in z]


class ClientView(TenantModelView):
    datamodel = SQLAInterface(Client)
    class_permission_name = perms.CLIENT
    route_base = "/clients"
    related_fields = ("providers",)
    list_title = "Clients"
    show_title = edit_title = "Client"
    add_title = "Add client"
    list_columns = ["first_name", "last_name", "email", "mobile_phone", "providers"]
    show_columns = ["first_name", "last_name", "email", "mobile_phone", "date_of_birth", "timezone", "providers",
                    "reminder_email", "reminder_phone", "reminder_lead_days", "texts_opted_out"]
    add_columns = edit_columns = ["first_name", "last_name", "email", "mobile_phone", "date_of_birth", "timezone",
                                  "providers", "reminder_email", "reminder_phone", "reminder_lead_days"]
    search_columns = ["first_name", "last_name", "email", "providers"]
    order_columns = ["first_name", "last_name", "email"]
    base_order = ("last_name", "asc")
    label_columns = {
        "first_name": "First name", "last_name": "Last name", "email": "Email", "mobile_phone": "Mobile phone",
        "date_of_birth": "Date of birth", "timezone": "Time zone", "providers": "Providers",
        "reminder_email": "Email reminders", "reminder_phone": "Phone reminders",
        "reminder_lead_days": "Standard reminder (days before)", "texts_opted_out": "Replied STOP to texts",
    }
    description_columns = {
        "email": "Needed for the client portal and telehealth.",
        "mobile_phone": "For text or voice reminders, e.g. (312) 555-0123.",
        "timezone": "Reminders and the portal show times in this zone.",
    }
    validators_columns = {
        "first_name": [InputRequired(), Length(max=64)],
        "last_name": [InputRequired(), Length(max=64)],
    }
    add_form_extra_fields = edit_form_extra_fields = {
        "reminder_email": boolean_field("Email reminders"),
        "email": StringField("Email", validators=[Length(max=254), v.email()]),
        "mobile_phone": StringField("Mobile phone", validators=[Length(max=32), v.phone()]),
        "timezone": SelectField("Time zone", choices=_zone_choices, validators=[Optional(), v.time_zone(True)]),
        "reminder_phone": enum_select(PhoneReminder, "Phone reminders", PHONE_LABELS, default=PhoneReminder.text),
        "reminder_lead_days": IntegerField("Standard reminder (days before)", default=2, validators=[
            InputRequired(), NumberRange(min=1, max=5, message="Choose 1 to 5 days.")]),
    }

    def pre_add(self, item):
        super().pre_add(item)
        self._keep_own_provider(item)
        item.timezone = item.timezone or None

    def pre_update(self, item):
        super().pre_update(item)
        self._keep_own_provider(item)
        item.timezone = item.timezone or None

    @staticmethod
    def _keep_own_provider(item):
        """A provider's clients stay theirs: they cannot drop themselves from a client they edit or add."""
        provider_id = current_provider_id()
        if provider_id is not None and provider_id not in {p.id for p in item.providers}:
            item.providers.append(db.session.get(Provider, provider_id))

    def delete_blocker(self, item):
        count = db.session.scalar(select(func.count()).where(Appointment.client_id == item.id))
        if count:
            return f"{item.full_name} has {count} appointment(s) and cannot be deleted."
        return None
