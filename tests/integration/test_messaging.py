"""Messages are recorded before they are sent, sent once over real SMTP, and kept in the outbox without it."""

from __future__ import annotations

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Message as MessageHandler
from sqlalchemy import select

from app.extensions import db
from app.messaging import deliver, queue_message
from app.models import Channel, Message, MessageStatus
from devtools.redis_server import free_port
from tests.support.jobs import run_jobs


class Inbox(MessageHandler):
    def __init__(self):
        super().__init__()
        self.messages = []

    def handle_message(self, message):
        self.messages.append(message)


@pytest.fixture()
def smtp(app):
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    app.config.update(SMTP_HOST="127.0.0.1", SMTP_PORT=controller.port, SMTP_USE_TLS=False)
    yield inbox
    controller.stop()
    app.config.update(SMTP_HOST=None)


def _queue(key="k1", channel=Channel.email, recipient="alex.kim@example.com"):
    message = queue_message(kind="test", channel=channel, recipient=recipient, subject="Hello", body="Body text",
                            idempotency_key=key, practice_id=None,
                            attachments=[{"filename": "a.ics", "content_type": "text/calendar",
                                          "content": "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"}])
    db.session.commit()
    return message.id


def test_an_email_goes_out_once_over_smtp(app, ctx, smtp):
    message_id = _queue()
    assert run_jobs(app)
    assert len(smtp.messages) == 1
    received = smtp.messages[0]
    assert received["Subject"] == "Hello" and received["X-RcptTo"] == "alex.kim@example.com"
    assert any(part.get_filename() == "a.ics" for part in received.walk())
    message = db.session.get(Message, message_id)
    db.session.refresh(message)
    assert message.status == MessageStatus.sent and message.transport_id
    assert deliver(message_id) == "nothing to do"  # a second run sends nothing
    assert len(smtp.messages) == 1


def test_asking_twice_with_one_key_records_one_message(app, ctx, smtp):
    first, second = _queue("same"), _queue("same")
    assert first == second
    run_jobs(app)
    assert len(smtp.messages) == 1


def test_without_smtp_the_message_is_held_in_the_outbox(app, ctx):
    message_id = _queue()
    run_jobs(app)
    message = db.session.get(Message, message_id)
    db.session.refresh(message)
    assert message.status == MessageStatus.held
    assert "not configured" in message.error


def test_an_unreachable_smtp_server_is_retried_not_lost(app, ctx):
    app.config.update(SMTP_HOST="127.0.0.1", SMTP_PORT=free_port())  # nothing listens
    try:
        message_id = _queue()
        run_jobs(app)
    finally:
        app.config.update(SMTP_HOST=None)
    message = db.session.get(Message, message_id)
    db.session.refresh(message)
    assert message.status == MessageStatus.queued
    assert message.error.startswith("will retry")
    assert db.session.scalar(select(Message).where(Message.id == message_id)).attempts == 1
