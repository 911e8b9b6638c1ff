"""Recording messages and the idempotent send job."""

from __future__ import annotations

import logging
from typing import Optional

from rq import Retry, get_current_job
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from app.extensions import db
from app.jobs.queue import background_job, enqueue
from app.messaging import transports
from app.models import Channel, Message, MessageStatus, utcnow

log = logging.getLogger(__name__)


def queue_message(*, kind: str, channel: Channel, recipient: str, body: str, idempotency_key: str,
                  practice_id: Optional[int], subject: Optional[str] = None, attachments: Optional[list] = None,
                  appointment_id: Optional[int] = None, client_id: Optional[int] = None,
                  user_id: Optional[int] = None) -> Message:
    """Record a message in the current transaction and enqueue its send job; return the existing one if the
    key was used before (so callers may ask twice)."""
    existing = db.session.scalar(select(Message).where(Message.idempotency_key == idempotency_key))
    if existing is not None:
        return existing
    message = Message(kind=kind, channel=channel, recipient=recipient, subject=subject, body=body,
                      attachments=attachments, idempotency_key=idempotency_key, practice_id=practice_id,
                      appointment_id=appointment_id, client_id=client_id, user_id=user_id)
    try:
        with db.session.begin_nested():
            db.session.add(message)
    except IntegrityError:  # a concurrent caller recorded the same key first
        return db.session.scalar(select(Message).where(Message.idempotency_key == idempotency_key))
    db.session.flush()
    enqueue(send_message, message.id, key=f"send_message:{message.id}")
    return message


@background_job(retry=Retry(max=5, interval=[30, 120, 600, 1800, 3600]), timeout=60)
def send_message(message_id: int) -> str:
    """Send one recorded message. Running it again after success changes nothing."""
    return deliver(message_id)


def deliver(message_id: int) -> str:
    # Claim: only a queued (or interrupted) message moves to sending, so two workers never both send it.
    # Email keeps "record before send, mark after": a worker killed between the SMTP hand-off and the mark
    # would leave it in "sending", and it is then retried, which may deliver a duplicate email (at least once).
    claimed = db.session.execute(
        update(Message)
        .where(Message.id == message_id, Message.status.in_([MessageStatus.queued, MessageStatus.sending]))
        .values(status=MessageStatus.sending, attempts=Message.attempts + 1)
    ).rowcount
    db.session.commit()
    message = db.session.get(Message, message_id)
    if not claimed or message is None:
        return "nothing to do"
    try:
        transport_id = transports.send(message)
    except transports.NoTransport as exc:
        message.status, message.error = MessageStatus.held, str(exc)
        db.session.commit()
        return "held"
    except transports.PermanentDeliveryError as exc:
        message.status, message.error = MessageStatus.failed, str(exc)[:500]
        db.session.commit()
        return "failed"
    except transports.TransientDeliveryError as exc:
        job = get_current_job()
        if job is not None and job.retries_left:
            message.status, message.error = MessageStatus.queued, f"will retry: {exc}"[:500]
            db.session.commit()
            raise  # RQ retries with backoff
        message.status = MessageStatus.failed
        message.error = f"gave up after {message.attempts} attempt(s): {exc}"[:500]
        db.session.commit()
        return "failed"
    message.status, message.error = MessageStatus.sent, None
    message.transport_id, message.sent_at = transport_id, utcnow()
    db.session.commit()
    return "sent"
