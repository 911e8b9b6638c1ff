"""WTForms adaptors for app/services/validation.py (normalising the field's data in place)."""

from __future__ import annotations

from typing import Callable

from wtforms.validators import StopValidation, ValidationError

from app.services import validation


class Normalised:
    """Run a validation function on the field's data and keep its normalised result."""

    def __init__(self, check: Callable, optional: bool = False):
        self.check = check
        self.optional = optional

    def __call__(self, form, field):
        if self.optional and (field.data is None or not str(field.data).strip()):
            field.data = None
            raise StopValidation()
        try:
            field.data = self.check(field.data)
        except ValueError as exc:
            raise ValidationError(str(exc)) from None


def phone():
    return Normalised(validation.phone_e164, optional=True)


def email(optional: bool = True):
    return Normalised(validation.email_address, optional=optional)


def pos_code():
    return Normalised(validation.pos_code)


def time_zone(optional: bool = False):
    return Normalised(validation.time_zone, optional=optional)


class Password:
    def __call__(self, form, field):
        try:
            validation.password_strength(field.data or "")
        except ValueError as exc:
            raise ValidationError(str(exc)) from None
