"""Checks on what people type, shared by forms, the REST API and the portal. Each raises ValueError with a
message fit to show the person."""

from __future__ import annotations

import re

from email_validator import EmailNotValidError, validate_email

from app.services.clock import is_valid_zone

POS_CODE = re.compile(r"^\d{2}$")
MAX_NOTES = 2000


def phone_e164(raw: str | None) -> str | None:
    """Normalise a phone number to E.164 (+13125550123); North American numbers may omit the +1."""
    if raw is None or not raw.strip():
        return None
    text = raw.strip()
    if re.search(r"[^\d\s().+\-]", text):
        raise ValueError("A phone number may only contain digits, spaces, ( ) - and a leading +.")
    digits = re.sub(r"\D", "", text)
    if text.startswith("+"):
        if not 8 <= len(digits) <= 15:
            raise ValueError("An international number needs 8 to 15 digits after the +.")
        return "+" + digits
    if len(digits) == 10:
        digits = "1" + digits
    if len(digits) == 11 and digits.startswith("1") and digits[1] not in "01" and digits[4] not in "01":
        return "+" + digits
    raise ValueError("Enter a 10-digit phone number, e.g. (312) 555-0123, or an international number with +.")


def email_address(raw: str | None) -> str | None:
    if raw is None or not raw.strip():
        return None
    try:
        return validate_email(raw.strip(), check_deliverability=False).normalized
    except EmailNotValidError as exc:
        raise ValueError(f"That email address is not valid: {exc}") from None


def pos_code(raw: str | None) -> str:
    """A CMS place-of-service code: two digits, 01-99 (10 telehealth at home, 02 elsewhere, 11 office)."""
    value = (raw or "").strip()
    if not POS_CODE.match(value) or value == "00":
        raise ValueError("A POS code is two digits from 01 to 99 (e.g. 10 telehealth, 11 office).")
    return value


def time_zone(raw: str | None) -> str:
    value = (raw or "").strip()
    if not is_valid_zone(value):
        raise ValueError("Choose a time zone from the list, e.g. America/Chicago.")
    return value


def password_strength(password: str) -> None:
    """At least 12 characters, with upper- and lower-case letters."""
    problems = []
    if len(password) < 12:
        problems.append("at least 12 characters")
    if not re.search(r"[a-z]", password):
        problems.append("a lower-case letter")
    if not re.search(r"[A-Z]", password):
        problems.append("an upper-case letter")
    if len(password) > 256:
        raise ValueError("A password can be at most 256 characters.")
    if problems:
        raise ValueError("The password needs " + ", ".join(problems) + ".")
