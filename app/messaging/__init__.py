"""Outgoing email, text and voice behind one small interface.

``queue_message(...)`` records a ``Message`` (its ``idempotency_key`` is unique, so asking twice sends once) and
enqueues ``send_message``. Transports are chosen by configuration; with none configured the message is kept in
the outbox table with status *held*, which the owner/manager Outbox page shows.
"""

from app.messaging.outbox import deliver, queue_message

__all__ = ["queue_message", "deliver"]
