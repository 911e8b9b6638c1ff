"""Appointments in FAB's list/show/add/edit views; times are entered and shown in the practice's zone."""

from __future__ import annotations

import datetime as dt

from flask import flash, redirect, request
from flask_appbuilder.actions import action
from flask_appbuilder.fieldwidgets import DateTimePickerWidget
from flask_appbuilder.models.sqla.interface import SQLAInterface
from wtforms import DateTimeField, IntegerField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length, NumberRange, Optional, ValidationError

from app.extensions import db
from app.models import Appointment, AppointmentStatus, Practice
from app.security import permissions as perms
from app.security.tenancy import current_user
from app.services import appointments, validation
from app.services.clock import local_to_utc, to_local
from app.views import validators as v
from app.views.base import TenantModelView, boolean_field, enum_select
from app.views.formatting import local_time, practice_tz

STATUS_LABELS = {AppointmentStatus.scheduled: "Scheduled", AppointmentStatus.cancelled: "Cancelled",
                 AppointmentStatus.completed: "Completed", AppointmentStatus.no_show: "No-show"}
WALL_FORMAT = "%Y-%m-%d %H:%M"


def _exists_locally(form, field):
    """The start must be a real wall-clock time in the practice's zone (not one skipped by DST)."""
    if field.data is None:
        return
    try:
        local_to_utc(field.data, practice_tz())
    except ValueError as exc:
        raise ValidationError(str(exc)) from None


def _pos_or_blank(form, field):
    if field.data and field.data.strip():
        try:
            field.data = validation.pos_code(field.data)
        except ValueError as exc:
            raise ValidationError(str(exc)) from None
    else:
        field.data = None


class AppointmentView(TenantModelView):
    datamodel = SQLAInterface(Appointment)
    class_permission_name = perms.APPOINTMENT
    route_base = "/appointments"
    related_fields = ("provider", "client")
    list_title = "Appointments"
    show_title = edit_title = "Appointment"
    add_title = "New appointment"
    list_columns = ["starts_at", "provider", "client", "status", "is_telehealth", "pos_code"]
    show_columns = ["starts_at", "ends_at", "provider", "client", "status", "is_telehealth", "pos_code", "notes"]
    add_columns = edit_columns = ["provider", "client", "start_local", "duration", "status", "is_telehealth",
                                  "pos_code", "notes"]
    search_columns = ["provider", "client", "status", "is_telehealth", "starts_at"]
    order_columns = ["starts_at", "status"]
    base_order = ("starts_at", "desc")
    label_columns = {
        "starts_at": "Starts", "ends_at": "Ends", "provider": "Provider", "client": "Client", "status": "Status",
        "is_telehealth": "Telehealth Session?", "pos_code": "POS code", "notes": "Notes",
        "start_local": "Starts (practice time)", "duration": "Duration (minutes)",
    }
    formatters_columns = {
        "starts_at": local_time,
        "ends_at": local_time,
        "status": lambda s: STATUS_LABELS.get(s, s),
    }
    add_form_extra_fields = edit_form_extra_fields = {
        "start_local": DateTimeField("Starts (practice time)", format=WALL_FORMAT, widget=DateTimePickerWidget(),
                                     validators=[InputRequired(message="Enter the date and time, e.g. "
                                                                       "2026-11-23 14:00."), _exists_locally]),
        "duration": IntegerField("Duration (minutes)", default=50, validators=[
            InputRequired(), NumberRange(min=5, max=480, message="A session lasts 5 to 480 minutes.")]),
        "status": enum_select(AppointmentStatus, "Status", STATUS_LABELS, default=AppointmentStatus.scheduled),
        "pos_code": StringField("POS code", validators=[Optional(), Length(max=2), _pos_or_blank],
                                description="Leave empty for the practice default: its telehealth POS (10 unless "
                                            "changed) for telehealth, 11 in person."),
        "notes": TextAreaField("Notes", validators=[Optional(), Length(max=validation.MAX_NOTES)]),
        "is_telehealth": boolean_field("Telehealth Session?"),
    }

    method_permission_name = {**TenantModelView.method_permission_name, "cancel": perms.WRITE}

    @action("cancel", "Cancel", "Cancel the selected appointment(s)?", "fa-ban")
    def cancel(self, items):
        items = items if isinstance(items, list) else [items]
        for item in items:
            item.status = AppointmentStatus.cancelled
        db.session.commit()
        flash(f"Cancelled {len(items)} appointment(s).", "success")
        return redirect(self.get_redirect())

    def pre_add(self, item):
        super().pre_add(item)
        self._apply_form_values(item)

    def post_add(self, item):
        appointments.after_save(item, None, actor=current_user(), ip=request.remote_addr)
        db.session.commit()

    def pre_update(self, item):
        super().pre_update(item)
        self._apply_form_values(item)
        item._snapshot_before = appointments.snapshot_before_changes(item)

    def post_update(self, item):
        appointments.after_save(item, getattr(item, "_snapshot_before", None), actor=current_user(),
                                ip=request.remote_addr)
        db.session.commit()

    def prefill_form(self, form, pk):
        item = self.datamodel.get(pk, self._base_filters)
        if item is not None:
            form.start_local.data = to_local(item.starts_at, practice_tz()).replace(tzinfo=None)
            form.duration.data = item.duration_minutes

    @staticmethod
    def _apply_form_values(item):
        practice = db.session.get(Practice, item.practice_id)
        start: dt.datetime = item.start_local
        item.starts_at = local_to_utc(start, practice.timezone)
        item.ends_at = item.starts_at + dt.timedelta(minutes=item.duration)
        if not item.pos_code:
            item.pos_code = practice.default_telehealth_pos if item.is_telehealth else practice.default_in_person_pos
