"""``flask --app run <command>`` commands."""

from __future__ import annotations

import click
from flask import Flask


def register_cli(app: Flask) -> None:
    @app.cli.command("seed-demo")
    def seed_demo_command():
        """Load the demo practices, people and appointments (safe to run again)."""
        from app.demo import DEMO_PASSWORD, seed_demo

        app.appbuilder.sm.create_db()  # the role names, now that the tables exist
        rows = seed_demo()
        click.echo(f"Demo data ready. Every demo password is {DEMO_PASSWORD}")
        for practice, username, role in rows:
            click.echo(f"  {practice:<22} {username:<16} {role}")
