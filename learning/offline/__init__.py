"""Lessons and courses saved for offline use, by the reader's choice (docs/offline.md)."""
