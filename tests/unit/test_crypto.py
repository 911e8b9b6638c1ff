"""Zoom secrets are encrypted at rest, and the keys can be rotated."""

import pytest
from cryptography.fernet import Fernet
from flask import Flask

from app.zoom import crypto


def app_with_keys(*keys):
    app = Flask("t")
    app.config["TOKEN_ENCRYPTION_KEYS"] = ",".join(keys)
    return app


def test_round_trip_and_no_clear_text():
    with app_with_keys(Fernet.generate_key().decode()).app_context():
        stored = crypto.encrypt("https://zoom.us/j/123?pwd=secret")
        assert "secret" not in stored
        assert crypto.decrypt(stored) == "https://zoom.us/j/123?pwd=secret"


def test_rotation_keeps_old_values_readable_and_re_encrypts_with_the_new_key():
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    with app_with_keys(old).app_context():
        stored = crypto.encrypt("token")
    with app_with_keys(new, old).app_context():
        assert crypto.decrypt(stored) == "token"
        rotated = crypto.rotate(stored)
    with app_with_keys(new).app_context():
        assert crypto.decrypt(rotated) == "token"
        with pytest.raises(crypto.UnreadableSecret):
            crypto.decrypt(stored)
