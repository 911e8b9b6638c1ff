"""FAB REST APIs, registered in one place."""

from __future__ import annotations


def register_apis(appbuilder) -> None:
    from app.api.resources import AppointmentApi, AvailabilityApi, ClientApi, ProviderApi

    for api in (ProviderApi, ClientApi, AppointmentApi, AvailabilityApi):
        appbuilder.add_api(api)
