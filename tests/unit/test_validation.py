"""What people type: phones, emails, POS codes, time zones, passwords."""

import pytest

from app.services import validation


@pytest.mark.parametrize("raw,expected", [
    ("(312) 555-0123", "+13125550123"), ("312-555-0123", "+13125550123"), ("1 312 555 0123", "+13125550123"),
    ("+44 20 7946 0958", "+442079460958"), ("", None), (None, None),
])
def test_phone_numbers_are_normalised(raw, expected):
    assert validation.phone_e164(raw) == expected


@pytest.mark.parametrize("raw", ["555-0123", "call me", "(012) 555-0123", "+1", "312555012345678901", "312-555-O123"])
def test_bad_phone_numbers_get_a_clear_message(raw):
    with pytest.raises(ValueError, match="phone number|digits"):
        validation.phone_e164(raw)


def test_emails_are_checked_and_normalised():
    assert validation.email_address(" Alex.Kim@Example.COM ") == "Alex.Kim@example.com"
    with pytest.raises(ValueError, match="not valid"):
        validation.email_address("alex@@example")


@pytest.mark.parametrize("raw", ["10", "02", "11", "99"])
def test_pos_codes(raw):
    assert validation.pos_code(raw) == raw


@pytest.mark.parametrize("raw", ["", "00", "1", "100", "1O", "ab"])
def test_bad_pos_codes(raw):
    with pytest.raises(ValueError, match="two digits"):
        validation.pos_code(raw)


def test_time_zones():
    assert validation.time_zone("America/Chicago") == "America/Chicago"
    with pytest.raises(ValueError):
        validation.time_zone("Mars/Olympus")


@pytest.mark.parametrize("password,problem", [
    ("Short1Aa", "12 characters"), ("alllowercase-long", "upper-case"), ("ALLUPPERCASE-LONG", "lower-case"),
])
def test_weak_passwords_say_what_is_missing(password, problem):
    with pytest.raises(ValueError, match=problem):
        validation.password_strength(password)


def test_a_strong_password_passes():
    validation.password_strength("Correct-Horse-2026")
