"""Status reports gathered in memory and written together (docs/screens.md, "The status
protocol"): 10,000 screens reporting every five minutes would otherwise cost a transaction
each. Each process keeps every screen's latest report and writes them in one upsert every
SCREEN_STATUS_FLUSH_SECONDS (0: at once), like the polls' "last seen" (playlists.SeenScreens).
A report is at most that late in the admin; one lost with its process is replaced by the
next, five minutes later."""

import threading
import time
from datetime import datetime

from django.conf import settings
from django.db import DatabaseError, close_old_connections

from campaigns.screens import services
from campaigns.screens.models import ScreenStatus


class StatusReports:
    def __init__(self):
        self._pending: dict[int, ScreenStatus] = {}
        self._flushed_at = time.monotonic()
        self._lock = threading.Lock()

    def record(
        self, *, screen_id: int, report: dict, at: datetime, outside_request: bool = False
    ) -> None:
        row = services.status_row(screen_id=screen_id, report=report, at=at)
        with self._lock:
            self._pending[screen_id] = row
        if time.monotonic() - self._flushed_at >= settings.SCREEN_STATUS_FLUSH_SECONDS:
            self.flush(outside_request=outside_request)

    def flush(self, *, outside_request: bool = False) -> int:
        with self._lock:
            pending, self._pending = self._pending, {}
            self._flushed_at = time.monotonic()
        if not pending:
            return 0
        if outside_request:
            # What Django does around each request, for a write made in the fast path.
            close_old_connections()
        try:
            return services.record_statuses(rows=list(pending.values()))
        except DatabaseError:
            with self._lock:  # for the next flush, unless newer reports came meanwhile
                self._pending = {**pending, **self._pending}
            return 0
        finally:
            if outside_request:
                close_old_connections()


status_reports = StatusReports()
