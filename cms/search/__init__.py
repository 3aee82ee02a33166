"""One forgiving search over everything a reader can read (docs/search.md): an index of its
own (models.py) kept by signals, matched on PostgreSQL or SQLite through each database's
own full-text and trigram indexes (backends.py)."""
