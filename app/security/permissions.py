"""Roles and what each may do, declared once.

Every console resource has two permissions, ``can_read`` and ``can_write`` (Superset's collapse of FAB's
per-method permissions). Views, REST APIs and menus of one resource share its name. The role table
``GRANTS`` is the single source: FAB's builtin roles are generated from it, and the permission-matrix test
reads it too.
"""

from __future__ import annotations

import re

# Resources (FAB "view menus")
PRACTICE = "Practice"          # practice settings
STAFF = "Staff"                # the practice's staff sign-ins and their roles
PROVIDER = "Provider"
CLIENT = "Client"
APPOINTMENT = "Appointment"
AVAILABILITY = "Availability"
HOME = "Home"
CALENDAR = "Calendar"
PROFILE = "Profile"            # one's own name, email and password
ZOOM = "Zoom"                  # a provider's own Zoom connection
TELEHEALTH = "Telehealth"      # launching one's own telehealth sessions
BILLING = "Billing"
OUTBOX = "Outbox"
AUDIT_LOG = "AuditLog"
API_DOCS = "OpenApi"           # FAB's /api/v1/_openapi (its own resource and permission names)

READ = "read"
WRITE = "write"
RW = frozenset({READ, WRITE})
R = frozenset({READ})

# Role names
OWNER = "Owner"
MANAGER = "Manager"
PROVIDER_ROLE = "Provider"
FRONT_DESK = "FrontDesk"
CLIENT_ROLE = "Client"
STAFF_ROLES = (OWNER, MANAGER, PROVIDER_ROLE, FRONT_DESK)
ALL_ROLES = STAFF_ROLES + (CLIENT_ROLE,)

# Roles that see every row of their practice; the others see only their own (app/security/tenancy.py).
PRACTICE_WIDE_ROLES = frozenset({OWNER, MANAGER, FRONT_DESK})

_ADMIN = {PRACTICE: RW, STAFF: RW, PROVIDER: RW, CLIENT: RW, APPOINTMENT: RW, AVAILABILITY: RW,
          HOME: R, CALENDAR: R, PROFILE: RW, BILLING: R, OUTBOX: R, API_DOCS: R}

GRANTS: dict[str, dict[str, frozenset[str]]] = {
    OWNER: {**_ADMIN, AUDIT_LOG: R},
    MANAGER: dict(_ADMIN),
    PROVIDER_ROLE: {CLIENT: RW, APPOINTMENT: RW, AVAILABILITY: RW, HOME: R, CALENDAR: R, PROFILE: RW,
                    ZOOM: RW, TELEHEALTH: RW, API_DOCS: R},
    FRONT_DESK: {CLIENT: RW, APPOINTMENT: RW, PROVIDER: R, HOME: R, CALENDAR: R, PROFILE: RW, API_DOCS: R},
    CLIENT_ROLE: {},  # the portal only (app/portal), never the console
}

# FAB method name -> permission suffix, for ModelViews, ModelRestApis and custom views alike.
READ_WRITE = {
    # ModelView
    "list": READ, "show": READ, "download": READ, "api": READ, "api_read": READ, "api_get": READ,
    "api_column_add": READ, "api_column_edit": READ, "api_readvalues": READ,
    "add": WRITE, "edit": WRITE, "delete": WRITE, "api_create": WRITE, "api_update": WRITE,
    "api_delete": WRITE,
    # ModelRestApi
    "get": READ, "get_list": READ, "info": READ, "post": WRITE, "put": WRITE,
    # SimpleFormView
    "this_form_get": READ, "this_form_post": WRITE,
}

# FAB's API docs endpoint keeps its own permission name.
_API_DOCS_PERMISSION = "can_get"

# Menu entries -> the resource whose read permission shows them (app/views/__init__.py uses these names).
MENUS = {
    "Home": HOME,
    "Calendar": CALENDAR,
    "Appointments": APPOINTMENT,
    "Clients": CLIENT,
    "Providers": PROVIDER,
    "Availability": AVAILABILITY,
    "Staff": STAFF,
    "Settings": PRACTICE,
    "Billing": BILLING,
    "Outbox": OUTBOX,
    "Audit log": AUDIT_LOG,
    "Zoom Integration": ZOOM,
}

# Menu categories (dropdowns) and their entries; a category shows when any entry does.
MENU_CATEGORIES = {
    "People": ["Clients", "Providers", "Staff"],
    "Practice": ["Availability", "Settings", "Billing", "Outbox", "Audit log"],
}


def may(role: str, resource: str, access: str) -> bool:
    """Whether a role holds ``access`` ("read" or "write") on a resource."""
    return access in GRANTS.get(role, {}).get(resource, frozenset())


def fab_builtin_roles() -> dict[str, list[list[str]]]:
    """GRANTS in FAB's FAB_ROLES form: anchored regexes (research G6), checked in code by FAB."""
    roles: dict[str, list[list[str]]] = {}
    for role, grants in GRANTS.items():
        pairs: list[list[str]] = []
        for resource, accesses in sorted(grants.items()):
            if resource == API_DOCS:
                pairs.append([f"^{resource}$", f"^{_API_DOCS_PERMISSION}$"])
                pairs.append(["^SwaggerView$", "^can_show$"])
                continue
            perms = "|".join(sorted(accesses))
            pairs.append([f"^{re.escape(resource)}$", f"^can_({perms})$"])
        menus = {name for name, resource in MENUS.items() if READ in grants.get(resource, ())}
        menus |= {category for category, entries in MENU_CATEGORIES.items() if menus & set(entries)}
        menus = sorted(menus)
        if menus:
            pairs.append(["^(" + "|".join(re.escape(m) for m in menus) + ")$", "^menu_access$"])
        roles[role] = pairs
    return roles
