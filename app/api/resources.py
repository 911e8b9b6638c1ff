"""REST resources under /api/v1/."""

from __future__ import annotations

import datetime as dt

from flask import request
from flask_appbuilder.models.sqla.interface import SQLAInterface
from marshmallow import validate
from werkzeug.exceptions import BadRequest

from app.api.base import TenantModelRestApi
from app.models import Appointment, AvailabilityBlock, Client, Provider
from app.security import permissions as perms
from app.extensions import db
from app.security.tenancy import current_user
from app.services import appointments, validation


class ProviderApi(TenantModelRestApi):
    resource_name = "provider"
    datamodel = SQLAInterface(Provider)
    class_permission_name = perms.PROVIDER
    list_columns = show_columns = ["id", "display_name", "active", "default_reminder_lead_days"]
    edit_columns = ["display_name", "active", "default_reminder_lead_days"]
    add_columns = []
    include_route_methods = {"get", "get_list", "put", "info"}
    validators_columns = {"default_reminder_lead_days": validate.Range(min=1, max=5),
                          "display_name": validate.Length(min=1, max=120)}


class ClientApi(TenantModelRestApi):
    resource_name = "client"
    datamodel = SQLAInterface(Client)
    class_permission_name = perms.CLIENT
    related_fields = ("providers",)
    list_columns = show_columns = ["id", "first_name", "last_name", "email", "mobile_phone", "date_of_birth",
                                   "timezone", "reminder_email", "reminder_lead_days", "providers.id",
                                   "providers.display_name"]
    add_columns = edit_columns = ["first_name", "last_name", "email", "mobile_phone", "date_of_birth", "timezone",
                                  "reminder_email", "reminder_lead_days", "providers"]
    search_columns = ["first_name", "last_name", "email"]
    validators_columns = {"first_name": validate.Length(min=1, max=64),
                          "last_name": validate.Length(min=1, max=64),
                          "reminder_lead_days": validate.Range(min=1, max=5)}

    def pre_add(self, item):
        super().pre_add(item)
        _normalise_client(item)

    def pre_update(self, item):
        super().pre_update(item)
        _normalise_client(item)


def _normalise_client(item):
    try:
        item.email = validation.email_address(item.email)
        item.mobile_phone = validation.phone_e164(item.mobile_phone)
        item.timezone = validation.time_zone(item.timezone) if item.timezone else None
    except ValueError as exc:
        raise BadRequest(str(exc)) from None


class AppointmentApi(TenantModelRestApi):
    resource_name = "appointment"
    datamodel = SQLAInterface(Appointment)
    class_permission_name = perms.APPOINTMENT
    related_fields = ("provider", "client")
    list_columns = show_columns = ["id", "starts_at", "ends_at", "status", "is_telehealth", "pos_code",
                                   "provider.id", "provider.display_name", "client.id", "client.first_name",
                                   "client.last_name"]
    add_columns = edit_columns = ["provider", "client", "starts_at", "ends_at", "status", "is_telehealth",
                                  "pos_code", "notes"]
    search_columns = ["starts_at", "status", "is_telehealth", "provider", "client"]
    order_columns = ["starts_at"]
    validators_columns = {"notes": validate.Length(max=validation.MAX_NOTES),
                          "pos_code": validate.Regexp(r"^(0[1-9]|[1-9]\d)$",
                                                      error="A POS code is two digits from 01 to 99.")}

    def pre_add(self, item):
        super().pre_add(item)
        _check_times(item)

    def post_add(self, item):
        appointments.after_save(item, None, actor=current_user(), ip=request.remote_addr)
        db.session.commit()

    def pre_update(self, item):
        super().pre_update(item)
        _check_times(item)
        item._snapshot_before = appointments.snapshot_before_changes(item)

    def post_update(self, item):
        appointments.after_save(item, getattr(item, "_snapshot_before", None), actor=current_user(),
                                ip=request.remote_addr)
        db.session.commit()


def _check_times(item):
    for name in ("starts_at", "ends_at"):
        value = getattr(item, name)
        if value is None:
            raise BadRequest(f"{name} is required.")
        if value.tzinfo is None:
            raise BadRequest(f"{name} needs a UTC offset, e.g. 2026-11-23T20:00:00Z.")
    if item.ends_at <= item.starts_at:
        raise BadRequest("ends_at must be after starts_at.")
    if item.ends_at - item.starts_at > dt.timedelta(hours=8):
        raise BadRequest("An appointment lasts at most 8 hours.")


class AvailabilityApi(TenantModelRestApi):
    resource_name = "availability"
    datamodel = SQLAInterface(AvailabilityBlock)
    class_permission_name = perms.AVAILABILITY
    related_fields = ("provider",)
    list_columns = show_columns = ["id", "provider.id", "provider.display_name", "weekday", "start_time",
                                   "end_time", "modality", "effective_from", "effective_until"]
    add_columns = edit_columns = ["provider", "weekday", "start_time", "end_time", "modality", "effective_from",
                                  "effective_until"]
    search_columns = ["provider", "weekday", "modality", "effective_from", "effective_until"]
    validators_columns = {"weekday": validate.Range(min=0, max=6)}

    def pre_add(self, item):
        super().pre_add(item)
        _check_block(item)

    def pre_update(self, item):
        super().pre_update(item)
        _check_block(item)


def _check_block(item):
    if item.start_time is None or item.end_time is None or item.end_time <= item.start_time:
        raise BadRequest("end_time must be after start_time.")
    if item.effective_from and item.effective_until and item.effective_until < item.effective_from:
        raise BadRequest("effective_until must not be before effective_from.")


__all__ = ["ProviderApi", "ClientApi", "AppointmentApi", "AvailabilityApi"]
