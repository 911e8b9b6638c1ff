"""A provider's weekly availability sections and days off, in the practice's wall-clock time."""

from __future__ import annotations

from flask_appbuilder.models.sqla.interface import SQLAInterface
from wtforms import SelectField, StringField, TimeField
from wtforms.validators import InputRequired, Length, Optional, ValidationError

from app.models import AvailabilityBlock, AvailabilityException, Modality
from app.security import permissions as perms
from app.views.base import TenantModelView, enum_select
from app.views.formatting import WEEKDAYS

MODALITY_LABELS = {Modality.in_person: "In person", Modality.telehealth: "Telehealth only", Modality.both: "Both"}


def _after(other: str, what: str):
    def check(form, field):
        start = form[other].data
        if field.data is not None and start is not None and field.data <= start:
            raise ValidationError(f"{what} must be after the start.")
    return check


def _until_after_from(form, field):
    if field.data and form.effective_from.data and field.data < form.effective_from.data:
        raise ValidationError("The last day must not be before the first day.")


def _both_or_neither(form, field):
    if (form.start_time.data is None) != (field.data is None):
        raise ValidationError("Give both times for part of a day, or neither for the whole day.")


class AvailabilityView(TenantModelView):
    datamodel = SQLAInterface(AvailabilityBlock)
    class_permission_name = perms.AVAILABILITY
    route_base = "/availability"
    related_fields = ("provider",)
    list_title = "Availability"
    show_title = edit_title = "Availability section"
    add_title = "Add availability section"
    list_columns = ["provider", "weekday", "start_time", "end_time", "modality", "effective_from", "effective_until"]
    show_columns = list_columns
    add_columns = edit_columns = list_columns
    search_columns = ["provider", "weekday"]
    order_columns = ["weekday", "start_time"]
    base_order = ("weekday", "asc")
    label_columns = {"provider": "Provider", "weekday": "Day", "start_time": "From", "end_time": "Until",
                     "modality": "Offered as", "effective_from": "First day", "effective_until": "Last day"}
    formatters_columns = {"weekday": lambda n: WEEKDAYS[n], "modality": lambda m: MODALITY_LABELS.get(m, m),
                          "start_time": lambda t: t.strftime("%-I:%M %p"),
                          "end_time": lambda t: t.strftime("%-I:%M %p")}
    add_form_extra_fields = edit_form_extra_fields = {
        "weekday": SelectField("Day", choices=list(enumerate(WEEKDAYS)), coerce=int, validators=[InputRequired()]),
        "start_time": TimeField("From", validators=[InputRequired(message="Enter a time, e.g. 09:00.")]),
        "end_time": TimeField("Until", validators=[InputRequired(message="Enter a time, e.g. 17:00."),
                                                   _after("start_time", "The end")]),
        "modality": enum_select(Modality, "Offered as", MODALITY_LABELS, default=Modality.both),
    }
    validators_columns = {"effective_until": [Optional(), _until_after_from]}


class AvailabilityExceptionView(TenantModelView):
    datamodel = SQLAInterface(AvailabilityException)
    class_permission_name = perms.AVAILABILITY
    route_base = "/days-off"
    related_fields = ("provider",)
    list_title = "Days off"
    show_title = edit_title = "Day off"
    add_title = "Add a day off"
    list_columns = ["provider", "date", "start_time", "end_time", "reason"]
    show_columns = add_columns = edit_columns = list_columns
    search_columns = ["provider", "date"]
    base_order = ("date", "desc")
    label_columns = {"provider": "Provider", "date": "Date", "start_time": "From (empty: all day)",
                     "end_time": "Until (empty: all day)", "reason": "Reason"}
    add_form_extra_fields = edit_form_extra_fields = {
        "start_time": TimeField("From (empty: all day)", validators=[Optional()]),
        "end_time": TimeField("Until (empty: all day)", validators=[_both_or_neither, Optional(),
                                                                    _after("start_time", "The end")]),
        "reason": StringField("Reason", validators=[Optional(), Length(max=200)]),
    }
