"""Secrets never reach the logs."""

import logging

from app.log_redaction import RedactingFilter, redact


def test_tokens_and_passwords_are_masked():
    line = ('POST /oauth/token refresh_token=abc.def&code_verifier=xyz {"access_token": "eyJhbGciOi"} '
            "Authorization: Bearer eyJ0eXAi.secret password=hunter2 gAAAAABmZ1234567890abcdefghijklmnop")
    cleaned = redact(line)
    for secret in ("abc.def", "xyz", "eyJhbGciOi", "eyJ0eXAi.secret", "hunter2", "1234567890abcdefghij"):
        assert secret not in cleaned


def test_the_filter_masks_formatted_records_and_tracebacks():
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "got %s", ("access_token=SECRET123",), None)
    RedactingFilter().filter(record)
    assert "SECRET123" not in record.getMessage()
