"""Keep secrets out of logs: a filter on every handler that masks tokens, passwords and signatures."""

from __future__ import annotations

import logging
import re

_PATTERNS = [  # in this order: credentials after a scheme first, then key=value forms
    re.compile(r"(?i)(bearer|basic)(\s+)([A-Za-z0-9._~+/=-]+)"),
    re.compile(r"(gAAAAA)()([A-Za-z0-9_\-=]{20,})"),  # Fernet ciphertexts
    re.compile(r"(?i)((?:access|refresh|id)_token|client_secret|password|passcode|code_verifier|secret|"
               r"authorization|zak|pwd|token)(\"?\s*[:=]\s*\"?)([^\s\"&,;\[]+)"),
]


def redact(text: str) -> str:
    for pattern in _PATTERNS:
        text = pattern.sub(lambda m: f"{m.group(1)}{m.group(2)}[redacted]", text)
    return text


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True


def install() -> None:
    """Attach the filter to the root logger's handlers and to any handler added later."""
    root = logging.getLogger()
    if not root.handlers:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    flt = RedactingFilter()
    for handler in root.handlers:
        if not any(isinstance(f, RedactingFilter) for f in handler.filters):
            handler.addFilter(flt)
    if not any(isinstance(f, RedactingFilter) for f in root.filters):
        root.addFilter(flt)
