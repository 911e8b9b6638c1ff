"""The role table and what FAB is given from it."""

import re

from app.security import permissions as perms


def test_every_role_is_declared():
    assert set(perms.GRANTS) == set(perms.ALL_ROLES)


def test_clients_hold_no_console_permission():
    assert perms.GRANTS[perms.CLIENT_ROLE] == {}
    assert perms.fab_builtin_roles()[perms.CLIENT_ROLE] == []


def test_front_desk_has_no_settings_and_no_zoom():
    assert not perms.may(perms.FRONT_DESK, perms.PRACTICE, perms.READ)
    assert not perms.may(perms.FRONT_DESK, perms.ZOOM, perms.READ)
    assert perms.may(perms.FRONT_DESK, perms.APPOINTMENT, perms.WRITE)


def test_only_owners_read_the_audit_log():
    assert [r for r in perms.ALL_ROLES if perms.may(r, perms.AUDIT_LOG, perms.READ)] == [perms.OWNER]


def test_fab_regexes_are_anchored_so_prefixes_do_not_match():
    """research G6: FAB matches with re.match, so an unanchored "Client" would also grant "ClientNotes"."""
    for pairs in perms.fab_builtin_roles().values():
        for view, permission in pairs:
            assert view.startswith("^") and view.endswith("$") and permission.endswith("$")
            assert not re.match(view, view.strip("^$") + "Extra")
