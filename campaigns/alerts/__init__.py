"""Alerts: one urgent message in every language, on every screen and public page at once,
to partners by webhook and as a CAP 1.2 feed (docs/screens.md, "Alerts")."""
