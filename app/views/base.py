"""Bases every console view builds on: tenancy, read/write permissions, and safe actions."""

from __future__ import annotations

from flask import abort, flash, redirect, request
from flask_appbuilder import ModelView
from flask_appbuilder.baseviews import expose

from app.security import permissions as perms
from sqlalchemy import inspect as sa_inspect

from app.security.tenancy import TENANT_FILTERS, current_practice_id, in_scope, related_scoped


class TenantModelView(ModelView):
    """A FAB ModelView scoped to the signed-in user's practice and role (app/security/tenancy.py).

    Subclasses set ``datamodel``, ``class_permission_name`` and ``related_fields`` (the relationship columns that
    appear in forms or search); their dropdown choices are scoped too (research G7).
    """

    base_filters = TENANT_FILTERS
    method_permission_name = perms.READ_WRITE
    related_fields: tuple[str, ...] = ()
    page_size = 25

    def __init__(self, **kwargs):
        scoped = related_scoped(*self.related_fields)
        self.add_form_query_rel_fields = {**scoped, **(self.add_form_query_rel_fields or {})}
        self.edit_form_query_rel_fields = {**scoped, **(self.edit_form_query_rel_fields or {})}
        self.search_form_query_rel_fields = {**scoped, **(self.search_form_query_rel_fields or {})}
        super().__init__(**kwargs)

    def pre_add(self, item):
        item.practice_id = current_practice_id()

    def pre_update(self, item):
        restore_hidden_links(item)

    def delete_blocker(self, item) -> str | None:
        """Why ``item`` cannot be deleted (rows still refer to it), or None. Subclasses say."""
        return None

    def pre_delete(self, item):
        reason = self.delete_blocker(item)
        if reason:
            raise ValueError(reason)  # FAB shows it as a message; nothing is deleted

    # FAB loads action items without base filters (research G3): load them through the scope instead.
    @expose("/action/<string:name>/<pk>", methods=["GET", "POST"])
    def action(self, name, pk):
        return self._run_action(name, [pk])

    @expose("/action_post", methods=["POST"])
    def action_post(self):
        return self._run_action(request.form.get("action", ""), request.form.getlist("rowid"))

    def _run_action(self, name, pks):
        action = self.actions.get(name)
        if action is None:
            abort(404)
        if request.method != "POST":
            abort(405)
        if not self.appbuilder.sm.has_access(self.get_action_permission_name(name), self.class_permission_name):
            flash("You are not allowed to do that.", "danger")
            return redirect(self.get_redirect())
        items = []
        for pk in pks:
            if not str(pk).isdigit():
                abort(404)
            item = self.datamodel.get(int(pk), self._base_filters)
            if item is None:
                abort(404)
            items.append(item)
        if not items:
            abort(404)
        return action.func(items if request.path.endswith("action_post") else items[0])


def enum_select(enum_cls, label: str, labels: dict, **kwargs):
    """A select field for an enum column (FAB has no form converter for enums)."""
    from wtforms import SelectField
    from wtforms.validators import InputRequired

    from flask_appbuilder.fieldwidgets import Select2Widget

    return SelectField(label, choices=[(m.value, labels[m]) for m in enum_cls],
                       coerce=lambda v: v if isinstance(v, enum_cls) else enum_cls(v),
                       validators=[InputRequired()], widget=Select2Widget(), **kwargs)


def restore_hidden_links(item) -> None:
    """Put back many-to-many links a form dropped only because the user cannot see them.

    A provider editing a shared client sees only themselves in the Providers choice; saving must not unlink
    the client's other providers.
    """
    state = sa_inspect(item)
    for rel in state.mapper.relationships:
        if not rel.uselist or rel.secondary is None:
            continue
        removed = state.attrs[rel.key].history.deleted
        hidden = [row for row in removed if not in_scope(row)]
        if hidden:
            getattr(item, rel.key).extend(hidden)


def boolean_field(label: str, description: str = ""):
    """A checkbox for a NOT NULL boolean column: FAB would make it required, so unticked could not be saved."""
    from wtforms import BooleanField

    return BooleanField(label, description=description, false_values=("false", "", "0", "n", "no", "off"))
