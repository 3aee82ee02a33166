"""The demo content's rows, taken once when the session has loaded them and put back into a
database a transactional test emptied: browser tests get the same content in about a
second instead of loading the demo again (half a minute each, a quarter of the suite)."""

from datetime import date, time

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management.color import no_style
from django.db import connection, models, transaction


class DatabaseSnapshot:
    def __init__(self):
        self.tables: dict[str, object] = {}

    def take(self) -> None:
        quote = connection.ops.quote_name
        names = [name for name in connection.introspection.table_names() if _kept(name)]
        with connection.cursor() as cursor:
            for name in names:
                if connection.vendor == "postgresql":
                    with cursor.copy(f"COPY {quote(name)} TO STDOUT (FORMAT binary)") as copy:
                        self.tables[name] = b"".join(bytes(block) for block in copy)
                else:
                    cursor.execute(f"SELECT * FROM {quote(name)}")
                    columns = [column[0] for column in cursor.description]
                    self.tables[name] = (columns, [_as_stored(row) for row in cursor.fetchall()])

    def restore(self) -> bool:
        """Put the rows back into the emptied tables, and the id sequences after them.
        False when it was never taken, or a file its rows name is no longer stored (a test
        deleted it, a withdrawn photo say): the caller empties the tables again and loads
        the content afresh."""
        if not self.tables:
            return False
        self._put_back()
        ContentType.objects.clear_cache()  # ids as the snapshot has them, not the flush's
        return all(_files_exist(model) for model in apps.get_models())

    def _put_back(self) -> None:
        quote = connection.ops.quote_name
        if connection.vendor == "postgresql":
            with transaction.atomic(), connection.cursor() as cursor:
                # Tables in any order: the foreign keys hold once every row is back.
                cursor.execute("SET LOCAL session_replication_role = replica")
                # What the flush's post_migrate made again (content types, permissions).
                cursor.execute(f"TRUNCATE {', '.join(quote(name) for name in self.tables)}")
                for name, data in self.tables.items():
                    with cursor.copy(f"COPY {quote(name)} FROM STDIN (FORMAT binary)") as copy:
                        copy.write(data)
                for statement in connection.ops.sequence_reset_sql(
                    no_style(), apps.get_models(include_auto_created=True)
                ):
                    cursor.execute(statement)
            return
        checks_off = connection.constraint_checks_disabled()
        with checks_off, transaction.atomic(), connection.cursor() as cursor:
            for name, (columns, rows) in self.tables.items():
                cursor.execute(f"DELETE FROM {quote(name)}")
                if rows:
                    cursor.executemany(
                        f"INSERT INTO {quote(name)} "
                        f"({', '.join(quote(column) for column in columns)}) "
                        f"VALUES ({', '.join(['%s'] * len(columns))})",
                        rows,
                    )


def _as_stored(row: tuple) -> tuple:
    # Django's SQLite connection turns stored dates and times into Python values when
    # read; they go back as the text they were stored as.
    return tuple(str(value) if isinstance(value, date | time) else value for value in row)


def _kept(table: str) -> bool:
    # The migrations' record is never flushed; SQLite's own tables are not the content,
    # nor are the search's FTS5 tables (their triggers fill them as the rows come back).
    return table != "django_migrations" and not table.startswith("sqlite_") and "_fts" not in table


def _files_exist(model: type[models.Model]) -> bool:
    fields = [field for field in model._meta.concrete_fields if isinstance(field, models.FileField)]
    if not fields or model._meta.proxy:
        return True
    for field in fields:
        for name in model._default_manager.exclude(**{field.name: ""}).values_list(
            field.name, flat=True
        ):
            if name and not field.storage.exists(name):
                return False
    return True
