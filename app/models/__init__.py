"""Every table. Importing this package registers them all on FAB's Model.metadata."""

from app.models.accounts import AccountToken, TokenPurpose
from app.models.audit import AuditEvent
from app.models.billing import BillingEvent, BillingEventKind
from app.models.jobs import PendingJob
from app.models.messaging import Channel, Message, MessageStatus
from app.models.people import Client, PhoneReminder, Provider, client_provider
from app.models.practice import AppUser, Practice
from app.models.scheduling import (Appointment, AppointmentStatus, AvailabilityBlock, AvailabilityException,
                                   Modality)
from app.models.types import UTCDateTime, utcnow
from app.models.zoom import ConnectionStatus, MeetingState, ZoomConnection, ZoomMeeting, ZoomWebhookEvent

__all__ = [
    "AccountToken", "TokenPurpose", "AuditEvent", "BillingEvent", "BillingEventKind", "PendingJob",
    "Channel", "Message", "MessageStatus", "Client", "PhoneReminder", "Provider", "client_provider",
    "AppUser", "Practice", "Appointment", "AppointmentStatus", "AvailabilityBlock", "AvailabilityException",
    "Modality", "UTCDateTime", "utcnow", "ConnectionStatus", "MeetingState", "ZoomConnection", "ZoomMeeting",
    "ZoomWebhookEvent",
]
