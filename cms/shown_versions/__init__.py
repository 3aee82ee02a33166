"""Which version of each page the readers of each language are shown: their language's, or
the nearest one of its fallback chain (settings.PLATFORM_LANGUAGES). Kept in one table,
`ShownVersion`, so that lists of tens of thousands of pages (the lesson index, the API's
lists, search) page through an index instead of choosing among every version of every
page at each request. Kept up to date on every save, move and deletion of a page
(signals.py); `manage.py rebuild_shown_versions` builds it afresh (after changing the
fallback chains)."""
