"""People and roles: the practice's staff sign-ins (owners and managers only)."""

from __future__ import annotations

from flask import current_app, request
from flask_appbuilder.models.filters import BaseFilter
from flask_appbuilder.models.sqla.filters import FilterInFunction
from flask_appbuilder.models.sqla.interface import SQLAInterface
from flask_appbuilder.security.sqla.models import Role
from flask_appbuilder.validators import Unique
from sqlalchemy import func, select
from werkzeug.security import generate_password_hash
from wtforms import PasswordField, StringField
from wtforms.validators import EqualTo, InputRequired, Length, Optional, ValidationError

from app.extensions import db
from app.models import AppUser, Provider
from app.security import permissions as perms
from app.security.tenancy import TENANT_FILTERS, current_user, has_role
from app.services import audit
from app.views import validators as v
from app.views.base import TenantModelView


class StaffOnlyFilter(BaseFilter):
    """Portal clients are managed from their client record, not here."""

    name = "Staff only"
    arg_name = "staff"

    def apply(self, query, value):
        return query.filter(~AppUser.roles.any(Role.name == perms.CLIENT_ROLE))


_unique_email = Unique(SQLAInterface(AppUser), "email", message="Another sign-in already uses this email.")


def _staff_roles():
    return list(perms.STAFF_ROLES)


def _only_owners_grant_owner(form, field):
    if any(role.name == perms.OWNER for role in field.data or []) and not has_role(perms.OWNER):
        raise ValidationError("Only an owner can give the Owner role or change an owner's roles.")
    if not field.data:
        raise ValidationError("Choose at least one role.")


def hash_password(password: str) -> str:
    cfg = current_app.config
    return generate_password_hash(password, method=cfg.get("FAB_PASSWORD_HASH_METHOD", "scrypt"),
                                  salt_length=cfg.get("FAB_PASSWORD_HASH_SALT_LENGTH", 16))


class StaffView(TenantModelView):
    datamodel = SQLAInterface(AppUser)
    class_permission_name = perms.STAFF
    route_base = "/staff"
    base_filters = TENANT_FILTERS + [["id", StaffOnlyFilter, lambda: None]]
    list_title = "Staff"
    show_title = edit_title = "Staff member"
    add_title = "Add staff member"
    list_columns = ["first_name", "last_name", "username", "email", "roles", "active", "last_login"]
    show_columns = ["first_name", "last_name", "username", "email", "roles", "active", "last_login", "login_count"]
    add_columns = ["first_name", "last_name", "username", "email", "roles", "active", "password", "conf_password"]
    edit_columns = ["first_name", "last_name", "email", "roles", "active", "new_password", "conf_password"]
    search_columns = ["first_name", "last_name", "username", "email"]
    order_columns = ["first_name", "last_name", "username"]
    base_order = ("last_name", "asc")
    add_form_query_rel_fields = edit_form_query_rel_fields = search_form_query_rel_fields = {
        "roles": [["name", FilterInFunction, _staff_roles]],
    }
    label_columns = {"first_name": "First name", "last_name": "Last name", "username": "Username",
                     "email": "Email", "roles": "Roles", "active": "Can sign in", "last_login": "Last sign-in",
                     "login_count": "Sign-ins", "password": "Password", "conf_password": "Confirm password",
                     "new_password": "New password"}
    description_columns = {
        "roles": "Owner and Manager run the practice; Provider sees their own clients and calendar; "
                 "FrontDesk schedules for everyone.",
        "password": "At least 12 characters, with upper- and lower-case letters.",
        "new_password": "Leave empty to keep the current password.",
    }
    validators_columns = {
        "first_name": [InputRequired(), Length(max=64)],
        "last_name": [InputRequired(), Length(max=64)],
        "username": [InputRequired(), Length(min=3, max=128)],
        "roles": [_only_owners_grant_owner],
    }
    add_form_extra_fields = {
        "email": StringField("Email", validators=[InputRequired(), Length(max=320), v.email(optional=False),
                                                  _unique_email]),
        "password": PasswordField("Password", validators=[InputRequired(), v.Password()]),
        "conf_password": PasswordField("Confirm password", validators=[
            InputRequired(), EqualTo("password", message="The passwords do not match.")]),
    }
    edit_form_extra_fields = {
        "email": StringField("Email", validators=[InputRequired(), Length(max=320), v.email(optional=False),
                                                  _unique_email]),
        "new_password": PasswordField("New password", validators=[Optional(), v.Password()]),
        "conf_password": PasswordField("Confirm password", validators=[
            EqualTo("new_password", message="The passwords do not match.")]),
    }

    def pre_add(self, item):
        super().pre_add(item)
        item.password = hash_password(item.password)

    def pre_update(self, item):
        super().pre_update(item)
        if getattr(item, "new_password", None):
            item.password = hash_password(item.new_password)
        self._keep_an_owner(item)

    def post_add(self, item):
        self._ensure_provider_record(item)
        audit.record_now("staff.created", f"Added {item.username} ({_role_list(item)})",
                         practice_id=item.practice_id, actor=current_user(), target=item, ip=request.remote_addr)

    def post_update(self, item):
        self._ensure_provider_record(item)
        audit.record_now("staff.updated", f"Updated {item.username} ({_role_list(item)}, "
                         f"{'active' if item.active else 'inactive'})",
                         practice_id=item.practice_id, actor=current_user(), target=item, ip=request.remote_addr)

    def delete_blocker(self, item):
        return f"Sign-ins are not deleted, so the audit trail stays whole: untick \u201cCan sign in\u201d for " \
               f"{item.username} instead."

    @staticmethod
    def _keep_an_owner(item):
        remaining = db.session.scalar(
            select(func.count()).select_from(AppUser)
            .where(AppUser.practice_id == item.practice_id, AppUser.id != item.id, AppUser.active.is_(True),
                   AppUser.roles.any(Role.name == perms.OWNER)))
        keeps_owner = item.active and any(r.name == perms.OWNER for r in item.roles)
        if not remaining and not keeps_owner:
            raise ValueError("The practice must keep at least one active owner.")

    @staticmethod
    def _ensure_provider_record(user):
        if any(r.name == perms.PROVIDER_ROLE for r in user.roles) and user.provider is None:
            db.session.add(Provider(practice_id=user.practice_id, user_id=user.id,
                                    display_name=f"{user.first_name} {user.last_name}"))
            db.session.commit()


def _role_list(user) -> str:
    return ", ".join(sorted(r.name for r in user.roles))


__all__ = ["StaffView", "hash_password"]
