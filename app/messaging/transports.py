"""The senders: SMTP for email. Each returns a transport id, or raises one of the two errors below."""

from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage
from email.utils import make_msgid

from flask import current_app

from app.models import Channel, Message


class TransientDeliveryError(Exception):
    """Worth retrying later (connection refused, timeout, 4xx from the server)."""


class PermanentDeliveryError(Exception):
    """Will never succeed as it is (bad address, opted out); shown, not retried."""


class NoTransport(Exception):
    """No transport is configured for the channel: the message stays in the outbox."""


def send(message: Message) -> str:
    if message.channel == Channel.email:
        return send_email(message)
    raise NoTransport(f"no {message.channel.value} transport configured")


def send_email(message: Message) -> str:
    cfg = current_app.config
    if not cfg.get("SMTP_HOST"):
        raise NoTransport("SMTP is not configured")
    email = EmailMessage()
    email["From"] = cfg["MAIL_SENDER"]
    email["To"] = message.recipient
    email["Subject"] = message.subject or ""
    email["Message-ID"] = make_msgid(domain=cfg["MAIL_SENDER"].rpartition("@")[2] or None)
    email.set_content(message.body)
    for attachment in message.attachments or []:
        maintype, _, subtype = attachment["content_type"].partition("/")
        email.add_attachment(attachment["content"].encode(), maintype=maintype, subtype=subtype,
                             filename=attachment["filename"])
    try:
        with smtplib.SMTP(cfg["SMTP_HOST"], cfg["SMTP_PORT"], timeout=cfg["SMTP_TIMEOUT"]) as smtp:
            if cfg.get("SMTP_USE_TLS"):
                smtp.starttls(context=ssl.create_default_context())
            if cfg.get("SMTP_USERNAME"):
                smtp.login(cfg["SMTP_USERNAME"], cfg.get("SMTP_PASSWORD") or "")
            refused = smtp.send_message(email)
    except smtplib.SMTPRecipientsRefused as exc:
        raise PermanentDeliveryError(f"recipient refused: {_smtp_reason(exc)}") from None
    except smtplib.SMTPResponseException as exc:
        if 500 <= exc.smtp_code < 600:
            raise PermanentDeliveryError(f"SMTP {exc.smtp_code}") from None
        raise TransientDeliveryError(f"SMTP {exc.smtp_code}") from None
    except (smtplib.SMTPException, OSError) as exc:
        raise TransientDeliveryError(f"SMTP unavailable: {exc.__class__.__name__}") from None
    if refused:
        raise PermanentDeliveryError("recipient refused")
    return email["Message-ID"]


def _smtp_reason(exc: smtplib.SMTPRecipientsRefused) -> str:
    codes = sorted({code for code, _ in exc.recipients.values()})
    return ", ".join(str(c) for c in codes)
