"""Access control: roles as data (permissions), one scoping mechanism (tenancy), FAB glue (manager)."""
