"""The REST API's base: the same tenancy and read/write permissions as the console (JWT only)."""

from __future__ import annotations

import logging
from typing import Any

from flask import request
from flask_appbuilder.api import ModelRestApi
from flask_appbuilder.const import API_RESULT_RES_KEY
from flask_appbuilder.exceptions import DatabaseException
from marshmallow import ValidationError
from sqlalchemy.exc import DBAPIError

from app.extensions import db
from app.security import permissions as perms
from app.security.tenancy import TENANT_FILTERS, check_related_in_scope, current_practice_id, related_scoped

log = logging.getLogger(__name__)


def _problem_with_body(body: Any) -> str | None:
    """Text the database cannot store (NUL characters), anywhere in a JSON body."""
    stack = [body]
    while stack:
        value = stack.pop()
        if isinstance(value, str) and "\x00" in value:
            return "Text may not contain NUL (\\u0000) characters."
        if isinstance(value, dict):
            stack.extend(value.keys())
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return None


class TenantModelRestApi(ModelRestApi):
    """A FAB ModelRestApi scoped through app/security/tenancy.py.

    Browser sessions are not accepted (``allow_browser_login`` is off), so cookie-borne requests cannot write
    without a CSRF token (research G8): integrations sign in at /api/v1/security/login and send a Bearer token.
    Writes are FAB's, with three repairs: malformed bodies are a 400/422 rather than a 500, related rows must be
    existing rows the caller may see (marshmallow-sqlalchemy would otherwise build new ones), and database errors
    are answered without the database's own wording.
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

    def post_headless(self):
        body = request.get_json(silent=True)
        if not isinstance(body, dict):
            return self.response_400(message="Send a JSON object.")
        if problem := _problem_with_body(body):
            return self.response_400(message=problem)
        try:
            item = self.add_model_schema.load(body)
        except ValidationError as err:
            return self.response_422(message=err.messages)
        except (TypeError, LookupError, DBAPIError):
            return self._malformed_reference()
        self.pre_add(item)
        try:
            self.datamodel.add(item)
        except DatabaseException:
            return self._conflict()
        self.post_add(item)
        return self.response(201, **{API_RESULT_RES_KEY: self.add_model_schema.dump(item, many=False),
                                     "id": self.datamodel.get_pk_value(item)})

    def put_headless(self, pk):
        body = request.get_json(silent=True)
        if not isinstance(body, dict):
            return self.response_400(message="Send a JSON object.")
        if problem := _problem_with_body(body):
            return self.response_400(message=problem)
        item = self.datamodel.get(pk, self._base_filters)
        if not item:
            return self.response_404()
        try:
            item = self.edit_model_schema.load(self._merge_update_item(item, body), instance=item)
        except ValidationError as err:
            db.session.rollback()
            return self.response_422(message=err.messages)
        except (TypeError, LookupError, DBAPIError):
            return self._malformed_reference()
        self.pre_update(item)
        try:
            self.datamodel.edit(item)
        except DatabaseException:
            return self._conflict()
        self.post_update(item)
        return self.response(200, **{API_RESULT_RES_KEY: self.edit_model_schema.dump(item, many=False)})

    def _malformed_reference(self):
        db.session.rollback()
        return self.response_400(message="Refer to related records by their id, e.g. \"provider\": 3.")

    def _conflict(self):
        log.info("API write refused by the database on %s", request.path)
        return self.response_422(message="This could not be saved: it conflicts with data already stored.")
