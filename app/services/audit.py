"""One call per auditable action: ``audit.record(...)``."""

from __future__ import annotations

from typing import Any, Optional

from app.extensions import db
from app.models import AuditEvent


def record(action: str, summary: str, *, practice_id: Optional[int], actor: Any = None, target: Any = None,
           details: Optional[dict] = None, ip: Optional[str] = None) -> AuditEvent:
    """Add an audit event to the current transaction (it commits with the change it describes).

    ``actor`` is the acting user (None for the system or an anonymous caller); ``target`` any model row.
    Never put secrets or clinical details in ``summary`` or ``details``.
    """
    event = AuditEvent(
        practice_id=practice_id,
        actor_user_id=getattr(actor, "id", None),
        actor=getattr(actor, "username", None) or ("system" if actor is None else str(actor)),
        action=action,
        target_type=type(target).__name__ if target is not None else None,
        target_id=getattr(target, "id", None),
        summary=summary[:500],
        details=details,
        ip=ip,
    )
    db.session.add(event)
    return event


def record_now(*args, **kwargs) -> AuditEvent:
    """``record`` and commit at once, for events not tied to another change (a sign-in, a failure)."""
    event = record(*args, **kwargs)
    db.session.commit()
    return event
