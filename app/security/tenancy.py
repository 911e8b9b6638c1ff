"""The one mechanism that scopes data to the signed-in user's practice and role.

Every view, REST API, dropdown, search form, action and portal route reaches rows through here:

* ``scope_clauses(Model, user)``: the WHERE clauses a user's rows must satisfy;
* ``TenantFilter``: the same clauses as a FAB ``BaseFilter``, for ``base_filters`` and related-field queries;
* ``scoped(select(Model))`` / ``get_or_404(Model, id)``: for hand-written views, jobs acting for a user and the
  portal. Another practice's row is a 404, never a 403 that would confirm it exists.

Owners, managers and front desk see their whole practice; a provider sees their own appointments, clients,
availability and Zoom connection; a client sees only their own records.
"""

from __future__ import annotations

from typing import Any, Callable, Optional, TypeVar

from flask import abort, g, has_request_context, request
from flask_appbuilder.models.filters import BaseFilter
from sqlalchemy import false, select
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import RelationshipProperty
from werkzeug.exceptions import BadRequest

from app.extensions import db
from app.models import (AccountToken, Appointment, AppUser, AuditEvent, AvailabilityBlock, AvailabilityException,
                        BillingEvent, Client, Message, Practice, Provider, ZoomConnection, ZoomMeeting)
from app.security.permissions import CLIENT_ROLE, PRACTICE_WIDE_ROLES, PROVIDER_ROLE

T = TypeVar("T")


# --- who is asking -------------------------------------------------------------------------------------------

def current_user() -> Optional[AppUser]:
    """The signed-in user (session or JWT), or None. Reads ``g.user`` as FAB sets it (research G4)."""
    if not has_request_context():
        return None
    user = getattr(g, "user", None)
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return user


def role_names(user: Optional[AppUser]) -> frozenset[str]:
    if user is None:
        return frozenset()
    return frozenset(role.name for role in user.roles)


def has_role(name: str, user: Optional[AppUser] = None) -> bool:
    return name in role_names(user if user is not None else current_user())


def is_practice_wide(user: Optional[AppUser]) -> bool:
    return bool(role_names(user) & PRACTICE_WIDE_ROLES)


def current_practice_id() -> Optional[int]:
    user = current_user()
    return user.practice_id if user is not None else None


def provider_id_of(user: Optional[AppUser]) -> Optional[int]:
    """The Provider row of a user with the Provider role, or None."""
    if user is None or PROVIDER_ROLE not in role_names(user):
        return None
    return _cached(user, "provider_id", lambda: db.session.scalar(
        select(Provider.id).where(Provider.user_id == user.id, Provider.practice_id == user.practice_id)))


def client_id_of(user: Optional[AppUser]) -> Optional[int]:
    """The Client row of a portal user, or None."""
    if user is None or CLIENT_ROLE not in role_names(user):
        return None
    return _cached(user, "client_id", lambda: db.session.scalar(
        select(Client.id).where(Client.user_id == user.id, Client.practice_id == user.practice_id)))


def current_provider_id() -> Optional[int]:
    return provider_id_of(current_user())


def current_client_id() -> Optional[int]:
    return client_id_of(current_user())


def _cached(user: AppUser, name: str, load: Callable[[], Any]) -> Any:
    """Memoise a per-user lookup for the current request."""
    if not has_request_context():
        return load()
    cache = g.setdefault("_tenancy_cache", {})
    key = (user.id, name)
    if key not in cache:
        cache[key] = load()
    return cache[key]


# --- the rules -----------------------------------------------------------------------------------------------

def _practice(column):
    return lambda user: [column == user.practice_id]


def _by_role(column, *, wide, provider=None, client=None):
    """Practice-wide roles get ``wide``; providers and clients their own narrower rule (or nothing)."""
    def rule(user):
        clauses = [column == user.practice_id]
        if is_practice_wide(user):
            return clauses + wide(user)
        if provider is not None and (pid := provider_id_of(user)) is not None:
            return clauses + provider(pid)
        if client is not None and (cid := client_id_of(user)) is not None:
            return clauses + client(cid)
        return [false()]
    return rule


def _all(_user):
    return []


RULES: dict[type, Callable[[AppUser], list]] = {
    Practice: _practice(Practice.id),
    AppUser: _by_role(AppUser.practice_id, wide=_all),
    Provider: _by_role(Provider.practice_id, wide=_all,
                       provider=lambda pid: [Provider.id == pid],
                       client=lambda cid: [Provider.clients.any(Client.id == cid)]),
    Client: _by_role(Client.practice_id, wide=_all,
                     provider=lambda pid: [Client.providers.any(Provider.id == pid)],
                     client=lambda cid: [Client.id == cid]),
    Appointment: _by_role(Appointment.practice_id, wide=_all,
                          provider=lambda pid: [Appointment.provider_id == pid],
                          client=lambda cid: [Appointment.client_id == cid]),
    AvailabilityBlock: _by_role(AvailabilityBlock.practice_id, wide=_all,
                                provider=lambda pid: [AvailabilityBlock.provider_id == pid]),
    AvailabilityException: _by_role(AvailabilityException.practice_id, wide=_all,
                                    provider=lambda pid: [AvailabilityException.provider_id == pid]),
    ZoomConnection: _by_role(ZoomConnection.practice_id, wide=_all,
                             provider=lambda pid: [ZoomConnection.provider_id == pid]),
    ZoomMeeting: _by_role(ZoomMeeting.practice_id, wide=_all,
                          provider=lambda pid: [ZoomMeeting.provider_id == pid],
                          client=lambda cid: [ZoomMeeting.appointment.has(Appointment.client_id == cid)]),
    Message: _by_role(Message.practice_id, wide=_all),
    BillingEvent: _by_role(BillingEvent.practice_id, wide=_all),
    AuditEvent: _by_role(AuditEvent.practice_id, wide=_all),
    AccountToken: _by_role(AccountToken.practice_id, wide=_all),
}


def scope_clauses(model: type, user: Optional[AppUser]) -> list:
    """The WHERE clauses limiting ``model`` to what ``user`` may see (a false clause when nothing)."""
    if user is None or getattr(user, "practice_id", None) is None:
        return [false()]
    try:
        rule = RULES[model]
    except KeyError:  # a model nobody declared a rule for is visible to nobody
        return [false()]
    return rule(user)


def scoped(statement, model: Optional[type] = None, user: Optional[AppUser] = None):
    """Add the current (or given) user's scope to a ``select()`` of ``model``."""
    model = model or statement.column_descriptions[0]["entity"]
    return statement.where(*scope_clauses(model, user if user is not None else current_user()))


MAX_ID = 2**31 - 1  # every primary key is a 32-bit integer


def valid_id(value: Any) -> bool:
    try:
        return 1 <= int(value) <= MAX_ID
    except (TypeError, ValueError):
        return False


def get_or_404(model: type[T], ident: Any, user: Optional[AppUser] = None) -> T:
    """Fetch one row the user may see, else 404 (whether it is missing or someone else's)."""
    if not valid_id(ident):
        abort(404)
    ident = int(ident)
    row = db.session.scalar(scoped(select(model).where(model.id == ident), model, user))
    if row is None:
        abort(404)
    return row


def in_scope(row: Any, user: Optional[AppUser] = None) -> bool:
    model = type(row)
    return db.session.scalar(
        scoped(select(model.id).where(model.id == row.id), model, user)) is not None


def check_related_in_scope(item: Any) -> None:
    """Refuse a write naming a related row the user may not see (research G7): the same 400 for missing ones."""
    mapper = type(item).__mapper__
    for rel in mapper.relationships:
        if not isinstance(rel, RelationshipProperty) or rel.viewonly:
            continue
        value = getattr(item, rel.key, None)
        related = value if isinstance(value, (list, set, tuple)) else ([value] if value is not None else [])
        for row in related:
            # Only existing rows the user may see: never a row the request itself would create.
            if type(row) in RULES and (not sa_inspect(row).persistent or not in_scope(row)):
                raise BadRequest(f"Unknown {rel.key.replace('_', ' ')}.")


def guard_ids_in_urls(app) -> None:
    """An id in a URL that no row can have (not a number, out of range) is a 404 before any query runs, on every
    route: FAB's show/edit/delete and API routes take ``<pk>`` as text, and PostgreSQL rejects out-of-range ints."""

    @app.before_request
    def _ids_in_range():
        for name, value in (request.view_args or {}).items():
            if (name == "pk" or name.endswith("_id")) and not valid_id(value):
                abort(404)


# --- FAB glue ------------------------------------------------------------------------------------------------

class TenantFilter(BaseFilter):
    """``scope_clauses`` as a FAB filter, for base_filters and every related-field query."""

    name = "Practice scope"
    arg_name = "tenant"

    def apply(self, query, value):
        return query.filter(*scope_clauses(self.model, current_user()))


TENANT_FILTERS = [["id", TenantFilter, lambda: None]]


def related_scoped(*fields: str) -> dict[str, list]:
    """``*_query_rel_fields`` value scoping each related field's choices (research G7)."""
    return {name: [["id", TenantFilter, lambda: None]] for name in fields}
