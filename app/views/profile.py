"""One's own sign-in: name, email and password."""

from __future__ import annotations

from flask import flash, redirect, request, url_for
from flask_appbuilder import BaseView, expose, has_access
from flask_wtf import FlaskForm
from werkzeug.security import check_password_hash
from wtforms import PasswordField, StringField
from wtforms.validators import EqualTo, InputRequired, Length, ValidationError

from sqlalchemy import select

from app.extensions import db
from app.models import AppUser
from app.security import permissions as perms
from app.security.tenancy import current_user
from app.services import audit
from app.views import validators as v
from app.views.staff import hash_password


class ProfileForm(FlaskForm):
    first_name = StringField("First name", validators=[InputRequired(), Length(max=64)])
    last_name = StringField("Last name", validators=[InputRequired(), Length(max=64)])
    email = StringField("Email", validators=[InputRequired(), Length(max=320), v.email(optional=False)])

    def validate_email(self, field):
        taken = db.session.scalar(select(AppUser.id).where(AppUser.email == field.data,
                                                           AppUser.id != current_user().id))
        if taken is not None:
            raise ValidationError("Another sign-in already uses this email.")


class PasswordForm(FlaskForm):
    current_password = PasswordField("Current password", validators=[InputRequired()])
    new_password = PasswordField("New password", validators=[InputRequired(), v.Password()])
    confirm_password = PasswordField("Confirm new password", validators=[
        InputRequired(), EqualTo("new_password", message="The passwords do not match.")])

    def validate_current_password(self, field):
        if not check_password_hash(current_user().password or "", field.data or ""):
            raise ValidationError("That is not your current password.")


class ProfileView(BaseView):
    route_base = "/profile"
    default_view = "index"
    class_permission_name = perms.PROFILE
    method_permission_name = {"index": perms.READ, "save": perms.WRITE, "password": perms.WRITE}

    @expose("/")
    @has_access
    def index(self):
        user = current_user()
        return self._render(ProfileForm(obj=user), PasswordForm())

    @expose("/", methods=["POST"])
    @has_access
    def save(self):
        user = current_user()
        form = ProfileForm()
        if not form.validate():
            return self._render(form, PasswordForm()), 400
        form.populate_obj(user)
        db.session.commit()
        flash("Your details were saved.", "success")
        return redirect(url_for("ProfileView.index"))

    @expose("/password", methods=["POST"])
    @has_access
    def password(self):
        user = current_user()
        form = PasswordForm()
        if not form.validate():
            return self._render(ProfileForm(obj=user), form), 400
        user.password = hash_password(form.new_password.data)
        audit.record("password.changed", f"{user.username} changed their password", practice_id=user.practice_id,
                     actor=user, target=user, ip=request.remote_addr)
        db.session.commit()
        flash("Your password was changed.", "success")
        return redirect(url_for("ProfileView.index"))

    def _render(self, profile_form, password_form):
        return self.render_template("profile.html", form=profile_form, password_form=password_form,
                                    user=current_user())
