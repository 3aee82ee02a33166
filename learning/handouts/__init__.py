"""Printable handouts of lessons and courses, made on the server as PDF (docs/handouts.md)."""
