"""The application factory."""

from __future__ import annotations

from pathlib import Path

from flask import Flask
from werkzeug.utils import import_string

from config import INSTANCE_DIR, config_for_env

MIGRATIONS_DIR = str(Path(__file__).resolve().parent.parent / "migrations")


def create_app(config: str | object | None = None) -> Flask:
    """Build the console: extensions, FAB (inside the factory, research G2), views, APIs, portal, jobs."""
    from flask_appbuilder import AppBuilder

    from app import log_redaction
    from app.extensions import configure_engine, csrf, db, migrate

    app = Flask(__name__, instance_path=str(INSTANCE_DIR))
    config = config or config_for_env()
    app.config.from_object(import_string(config)() if isinstance(config, str) else config)
    log_redaction.install()

    csrf.init_app(app)  # before AppBuilder: FAB's APIs exempt themselves only when csrf exists (research G8)
    db.init_app(app)
    configure_engine(app)
    migrate.init_app(app, db, directory=MIGRATIONS_DIR, compare_type=True)

    with app.app_context():
        from app import models  # noqa: F401  (tables on Model.metadata before FAB starts)
        from app.api import register_apis
        from app.views import register_views
        from app.views.formatting import register_template_filters

        appbuilder = AppBuilder()
        appbuilder.init_app(app, db.session)
        register_views(appbuilder)
        register_apis(appbuilder)
        register_template_filters(app)

    from app.errors import register_error_handlers
    from app.health import bp as health_bp
    from app.security.headers import init_headers
    from app.security.tenancy import guard_ids_in_urls
    from app.jobs import queue
    from app.portal import bp as portal_bp

    app.register_blueprint(portal_bp)
    app.register_blueprint(health_bp)
    register_error_handlers(app)
    init_headers(app)
    guard_ids_in_urls(app)
    queue.install()

    from app.cli import register_cli

    register_cli(app)
    return app
