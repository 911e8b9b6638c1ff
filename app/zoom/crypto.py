"""Encryption at rest for Zoom secrets (OAuth tokens, meeting join URLs) with MultiFernet.

``TOKEN_ENCRYPTION_KEYS`` lists Fernet keys newest first: new values are encrypted with the first, and any of
them decrypts, so keys can be rotated (add a new first key, re-encrypt with ``rotate``, then drop the old one).
OAuth tokens are decrypted only in app/zoom/tokens.py.
"""

from __future__ import annotations

from typing import Optional

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from flask import current_app


class UnreadableSecret(Exception):
    """Stored ciphertext that no configured key can decrypt (a key was removed too early)."""


def _fernet() -> MultiFernet:
    app = current_app._get_current_object()
    cached = app.extensions.get("console_fernet")
    if cached is None:
        keys = [k.strip() for k in app.config["TOKEN_ENCRYPTION_KEYS"].split(",") if k.strip()]
        if not keys:
            raise RuntimeError("TOKEN_ENCRYPTION_KEYS is empty")
        cached = MultiFernet([Fernet(k) for k in keys])
        app.extensions["console_fernet"] = cached
    return cached


def encrypt(plaintext: Optional[str]) -> Optional[str]:
    if plaintext is None:
        return None
    return _fernet().encrypt(plaintext.encode()).decode()


def decrypt(ciphertext: Optional[str]) -> Optional[str]:
    if ciphertext is None:
        return None
    try:
        return _fernet().decrypt(ciphertext.encode()).decode()
    except InvalidToken:
        raise UnreadableSecret("stored secret cannot be decrypted with TOKEN_ENCRYPTION_KEYS") from None


def rotate(ciphertext: Optional[str]) -> Optional[str]:
    """Re-encrypt with the newest key."""
    if ciphertext is None:
        return None
    try:
        return _fernet().rotate(ciphertext.encode()).decode()
    except InvalidToken:
        raise UnreadableSecret("stored secret cannot be decrypted with TOKEN_ENCRYPTION_KEYS") from None
