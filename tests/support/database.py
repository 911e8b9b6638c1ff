"""Schema setup and per-test reset for the test database (SQLite file or PostgreSQL)."""

from __future__ import annotations

from sqlalchemy import create_engine, text

# FAB's role and permission tables survive between tests; every other table is emptied.
KEEP = {"ab_permission", "ab_view_menu", "ab_permission_view", "ab_role", "ab_permission_view_role",
        "alembic_version"}


def reset_postgres_schema(url: str) -> None:
    """Start the session on an empty public schema (the suite owns the database it is pointed at)."""
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


def upgrade(app) -> None:
    """Build the schema the way production does (Alembic), then seed the role names."""
    from flask_migrate import upgrade as alembic_upgrade

    with app.app_context():
        alembic_upgrade()
        app.appbuilder.sm.create_db()


def reset(app) -> None:
    from app.extensions import db

    with app.app_context():
        tables = [t for t in reversed(db.metadata.sorted_tables) if t.name not in KEEP]
        if db.engine.dialect.name == "postgresql":
            names = ", ".join(f'"{t.name}"' for t in tables)
            db.session.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        else:
            for table in tables:
                db.session.execute(table.delete())
        db.session.commit()
        db.session.remove()
