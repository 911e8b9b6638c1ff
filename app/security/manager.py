"""FAB's security manager, customised in one place."""

from __future__ import annotations

from flask import current_app, request, session
from flask_appbuilder.security.sqla.manager import SecurityManager
from sqlalchemy import inspect

from app.models import AppUser
from app.security.permissions import fab_builtin_roles


class AppSecurityManager(SecurityManager):
    """Practice users on FAB: roles from app/security/permissions.py, schema owned by Alembic."""

    user_model = AppUser

    @staticmethod
    def create_builtin_roles():
        return fab_builtin_roles()

    def create_login_manager(self, app):
        lm = super().create_login_manager(app)
        lm.login_view = "AuthDBView.login"  # FAB's default endpoint "login" does not exist (research G9)
        lm.login_message = "Please sign in to continue."
        return lm

    def create_db(self):
        """Seed the role names once Alembic has made the tables (FAB_CREATE_DB is off, research G5).

        Builtin roles are checked in code, so no permission rows are written for them.
        """
        if current_app.config.get("FAB_CREATE_DB", False):
            return super().create_db()
        if "ab_role" not in inspect(self.session.get_bind()).get_table_names():
            return None
        for name in [*self.builtin_roles, self.auth_role_admin, self.auth_role_public]:
            if self.find_role(name) is None:
                self.add_role(name)
        return None

    def register_views(self):
        """Only the sign-in page and the JWT login API: FAB's global user, role and permission views would
        cross practices. People are managed in app/views/staff.py, scoped like everything else."""
        if not current_app.config.get("FAB_ADD_SECURITY_VIEWS", True):
            return
        self.appbuilder.add_api(self.security_api)
        self.auth_view = self.authdbview()
        self.appbuilder.add_view_no_menu(self.auth_view)
        if self.is_auth_limited:
            self.limiter.limit(self.auth_rate_limit, methods=["POST"])(self.auth_view.blueprint)

    # --- audit hooks (FAB 5.3 calls these from update_user_auth_stat / logout) ---

    def on_user_login(self, user) -> None:
        from app.services import audit

        session.permanent = True  # expire after PERMANENT_SESSION_LIFETIME of inactivity
        audit.record_now("sign_in", f"{user.username} signed in", practice_id=user.practice_id, actor=user,
                     target=user, ip=request.remote_addr)

    def on_user_login_failed(self, user) -> None:
        from app.services import audit

        audit.record_now("sign_in.failed", f"Failed sign-in for {user.username}", practice_id=user.practice_id,
                     actor=None, target=user, ip=request.remote_addr)

    def on_user_logout(self, user) -> None:
        from app.services import audit

        if user is not None and getattr(user, "is_authenticated", False):
            audit.record_now("sign_out", f"{user.username} signed out", practice_id=user.practice_id,
                         actor=user, target=user, ip=request.remote_addr)
