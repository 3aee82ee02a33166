"""Translation as editors and translators meet it: statuses (up to date, outdated, machine-
drafted, missing), the coverage table, translator groups and their languages, PO files and
machine drafts (docs/translation.md)."""
