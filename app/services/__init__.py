"""The domain. Services take ids or the acting user explicitly and never read the request (DESIGN rule 3)."""
