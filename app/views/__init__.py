"""Every console view and menu entry, registered in one place."""

from __future__ import annotations

from flask_appbuilder import AppBuilder

from app.security.permissions import MENU_CATEGORIES

PEOPLE, PRACTICE = MENU_CATEGORIES  # the dropdowns; their entries are listed with the roles


def register_views(appbuilder: AppBuilder) -> None:
    from app.views.appointments import AppointmentView
    from app.views.audit import AuditLogView
    from app.views.availability import AvailabilityExceptionView, AvailabilityView
    from app.views.clients import ClientView
    from app.views.home import HomeView
    from app.views.profile import ProfileView
    from app.views.providers import ProviderView
    from app.views.settings import SettingsView
    from app.views.staff import StaffView

    appbuilder.add_view(HomeView, "Home", icon="fa-home")
    appbuilder.add_view(AppointmentView, "Appointments", icon="fa-calendar-check")
    appbuilder.add_view(ClientView, "Clients", icon="fa-users", category=PEOPLE)
    appbuilder.add_view(ProviderView, "Providers", icon="fa-user-md", category=PEOPLE)
    appbuilder.add_view(StaffView, "Staff", icon="fa-id-badge", category=PEOPLE)
    appbuilder.add_view(AvailabilityView, "Availability", icon="fa-clock", category=PRACTICE)
    appbuilder.add_view_no_menu(AvailabilityExceptionView)
    appbuilder.add_view(SettingsView, "Settings", icon="fa-cog", category=PRACTICE)
    appbuilder.add_view(AuditLogView, "Audit log", icon="fa-list-alt", category=PRACTICE)
    appbuilder.add_view_no_menu(ProfileView)
