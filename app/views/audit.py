"""The audit log: who did what and when (owners only)."""

from __future__ import annotations

from flask_appbuilder.models.sqla.interface import SQLAInterface

from app.models import AuditEvent
from app.security import permissions as perms
from app.views.base import TenantModelView
from app.views.formatting import local_time


class AuditLogView(TenantModelView):
    datamodel = SQLAInterface(AuditEvent)
    class_permission_name = perms.AUDIT_LOG
    route_base = "/audit"
    include_route_methods = {"list", "show"}  # the trail is read-only
    list_title = "Audit log"
    show_title = "Audit event"
    list_columns = ["created_at", "actor", "action", "summary", "ip"]
    show_columns = ["created_at", "actor", "action", "summary", "target_type", "target_id", "details", "ip"]
    search_columns = ["actor", "action", "created_at"]
    order_columns = ["created_at", "actor", "action"]
    base_order = ("created_at", "desc")
    page_size = 50
    label_columns = {"created_at": "When", "actor": "Who", "action": "What", "summary": "Details", "ip": "From",
                     "target_type": "Record type", "target_id": "Record"}
    formatters_columns = {"created_at": local_time}
