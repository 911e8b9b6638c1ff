"""Practice-wide settings (owners and managers), including Other Settings → Allow Zoom Integration?"""

from __future__ import annotations

from flask import flash, redirect, request, url_for
from flask_appbuilder import BaseView, expose, has_access
from flask_wtf import FlaskForm
from wtforms import IntegerField, RadioField, SelectField, StringField
from wtforms.validators import InputRequired, Length, NumberRange

from app.extensions import db
from app.models import Practice
from app.security import permissions as perms
from app.security.tenancy import current_user, get_or_404
from app.services import audit
from app.services.clock import known_zones
from app.views import validators as v

YES_NO = [("yes", "Yes"), ("no", "No")]


def _zones():
    return [(z, z) for z in sorted(known_zones()) if z.startswith(("America/", "Pacific/", "US/", "Europe/",
                                                                      "Asia/", "Australia/", "Africa/",
                                                                      "Atlantic/", "Etc/UTC"))]


class YesNoField(RadioField):
    """A Yes/No radio pair holding a bool."""

    def __init__(self, label, **kwargs):
        super().__init__(label, choices=YES_NO, validators=[InputRequired(message="Choose Yes or No.")], **kwargs)

    def process_data(self, value):
        self.data = ("yes" if value else "no") if isinstance(value, bool) else value

    def populate_obj(self, obj, name):
        setattr(obj, name, self.data == "yes")


class SettingsForm(FlaskForm):
    # Practice
    name = StringField("Practice name", validators=[InputRequired(), Length(max=120)])
    timezone = SelectField("Time zone", choices=_zones, validators=[InputRequired(), v.time_zone()])
    # Telehealth
    default_telehealth_pos = StringField("Default telehealth POS code", validators=[InputRequired(), v.pos_code()],
                                         description="Used when an appointment is marked telehealth (10: the "
                                                     "client's home; 02: elsewhere).")
    telehealth_reminder_minutes = IntegerField(
        "Telehealth reminder (minutes before)", validators=[
            InputRequired(), NumberRange(min=15, max=30, message="Choose 15 to 30 minutes.")])
    # Client self-scheduling
    self_scheduling_enabled = YesNoField("Allow clients to schedule themselves?")
    session_minutes = IntegerField("Session length (minutes)", validators=[
        InputRequired(), NumberRange(min=15, max=240, message="Choose 15 to 240 minutes.")])
    slot_step_minutes = SelectField("Start times every", coerce=int,
                                    choices=[(60, "60 minutes"), (30, "30 minutes"), (15, "15 minutes")])
    min_notice_hours = IntegerField("Minimum notice (hours)", validators=[
        InputRequired(), NumberRange(min=0, max=24 * 14, message="Choose 0 to 336 hours.")])
    booking_horizon_days = IntegerField("Clients may book up to (days ahead)", validators=[
        InputRequired(), NumberRange(min=1, max=365, message="Choose 1 to 365 days.")])
    # Other Settings
    allow_zoom_integration = YesNoField("Allow Zoom Integration?")



class SettingsView(BaseView):
    route_base = "/settings"
    default_view = "index"
    class_permission_name = perms.PRACTICE
    method_permission_name = {"index": perms.READ, "save": perms.WRITE}

    @expose("/")
    @has_access
    def index(self):
        practice = self._practice()
        return self.render_template("settings.html", form=SettingsForm(obj=practice), practice=practice)

    @expose("/", methods=["POST"])
    @has_access
    def save(self):
        practice = self._practice()
        form = SettingsForm()
        if not form.validate():
            flash("Some settings need fixing; nothing was saved.", "danger")
            return self.render_template("settings.html", form=form, practice=practice), 400
        before = {name: getattr(practice, name) for name in form.data if name != "csrf_token"}
        form.populate_obj(practice)
        changed = {name: {"from": _plain(before[name]), "to": _plain(getattr(practice, name))}
                   for name in before if before[name] != getattr(practice, name)}
        if changed:
            audit.record("settings.changed", "Changed " + ", ".join(sorted(changed)), practice_id=practice.id,
                         actor=current_user(), target=practice, details=changed, ip=request.remote_addr)
        db.session.commit()
        flash("Settings saved." if changed else "Nothing changed.", "success")
        return redirect(url_for("SettingsView.index"))

    @staticmethod
    def _practice() -> Practice:
        return get_or_404(Practice, current_user().practice_id)


def _plain(value):
    return value if isinstance(value, (bool, int, str, type(None))) else str(value)
