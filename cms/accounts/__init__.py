"""Editors' accounts: the second factor (an authenticator app's codes, with recovery codes)
that the admin asks for after the password (docs/security.md)."""
