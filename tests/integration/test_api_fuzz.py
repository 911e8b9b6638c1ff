"""Schemathesis against the REST API's own OpenAPI document, signed in as each staff role: bad input never causes
a server error. Bounded (a fixed seed and a few examples per operation) so it fits in make test."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings

from tests.conftest import jwt_headers

ROLES = ["owner", "manager", "dr.rivera", "frontdesk"]


@pytest.mark.parametrize("username", ROLES)
def test_no_operation_answers_with_a_server_error(app, username):
    client = app.test_client()
    headers = jwt_headers(client, username)
    schema = schemathesis.openapi.from_wsgi("/api/v1/_openapi", app, headers=headers)
    failures = []
    for operation in schema.get_all_operations():
        op = operation.ok()

        @settings(max_examples=5, deadline=None, derandomize=True, database=None,
                  phases=[Phase.explicit, Phase.generate],
                  suppress_health_check=list(HealthCheck))
        @given(case=op.as_strategy())
        def check(case):
            response = case.call(headers=headers)
            if response.status_code >= 500:
                failures.append(f"{case.method} {case.formatted_path} -> {response.status_code}: "
                                f"{response.text[:200]} (body {case.body!r:.200})")

        check()
    assert not failures, "\n".join(failures[:10])
