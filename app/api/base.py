"""The REST API's base: the same tenancy and read/write permissions as the console (JWT only)."""

from __future__ import annotations

from flask_appbuilder.api import ModelRestApi

from app.security import permissions as perms
from app.security.tenancy import TENANT_FILTERS, check_related_in_scope, current_practice_id, related_scoped


class TenantModelRestApi(ModelRestApi):
    """A FAB ModelRestApi scoped through app/security/tenancy.py.

    Browser sessions are not accepted (``allow_browser_login`` is off), so cookie-borne requests cannot write
    without a CSRF token (research G8): integrations sign in at /api/v1/security/login and send a Bearer token.
    """

    base_filters = TENANT_FILTERS
    method_permission_name = perms.READ_WRITE
    allow_browser_login = False
    related_fields: tuple[str, ...] = ()
    page_size = 50

    def __init__(self):
        scoped = related_scoped(*self.related_fields)
        self.add_query_rel_fields = {**scoped, **(self.add_query_rel_fields or {})}
        self.edit_query_rel_fields = {**scoped, **(self.edit_query_rel_fields or {})}
        super().__init__()

    def pre_add(self, item):
        item.practice_id = current_practice_id()
        check_related_in_scope(item)

    def pre_update(self, item):
        check_related_in_scope(item)
