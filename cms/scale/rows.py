"""Writing many rows at once, as they are: no save(), no signals, no `auto_now`. The scale
generator sets every value itself (old publishing times, log times before a source
changed), which `bulk_create` would overwrite, and it writes the table of a page type
beside Wagtail's page table, which `bulk_create` refuses for multi-table inheritance."""

from collections.abc import Iterable, Sequence

from django.db import connection
from django.db.models import AutoField, BigAutoField, Field, Model, SmallAutoField

_AUTO = (AutoField, BigAutoField, SmallAutoField)
BATCH = 1000


def insert(model: type[Model], objs: Sequence[Model], *, returning: bool = False) -> None:
    """INSERT `objs` into `model`'s own table (its local fields: for a page type, the
    page pointer and the type's fields). With `returning`, each object gets its new
    primary key. On PostgreSQL the rows go through COPY with keys taken from the table's
    sequence beforehand (Django's bulk insert there escapes every text value through an
    array, which costs more than the rest of the generator); elsewhere through Django's bulk
    insert, which returns the keys (SQLite 3.35+)."""
    if not objs:
        return
    if connection.vendor == "postgresql":
        _copy_objects(model, objs, returning=returning)
        return
    fields = _fields(model)
    batch = min(BATCH, connection.ops.bulk_batch_size(fields, objs) or BATCH)
    manager = model._base_manager
    for start in range(0, len(objs), batch):
        chunk = objs[start : start + batch]
        # Django's own bulk insert below bulk_create, with the values taken as they are.
        rows = manager._insert(
            chunk,
            fields=fields,
            returning_fields=[model._meta.pk] if returning else None,
            raw=True,
        )
        if returning:
            for obj, row in zip(chunk, rows, strict=True):
                obj.pk = row[0]


def copy_rows(model: type[Model], columns: Sequence[str], rows: Iterable[tuple]) -> int:
    """Append many plain rows (the plays of a year) to `model`'s table: PostgreSQL's COPY,
    several times faster than INSERT, which takes Python's values as they are; elsewhere
    batched INSERTs of the values as the model's fields store them. Returns the rows
    written."""
    table = model._meta.db_table
    quoted = ", ".join(connection.ops.quote_name(column) for column in columns)
    written = 0
    if connection.vendor == "postgresql":
        connection.ensure_connection()
        statement = f"COPY {connection.ops.quote_name(table)} ({quoted}) FROM STDIN"
        with connection.connection.cursor() as cursor, cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row(row)
                written += 1
        return written
    by_column = {field.column: field for field in model._meta.concrete_fields}
    fields = [by_column[column] for column in columns]
    marks = ", ".join(["%s"] * len(columns))
    sql = f"INSERT INTO {connection.ops.quote_name(table)} ({quoted}) VALUES ({marks})"
    chunk: list[tuple] = []
    with connection.cursor() as cursor:
        for row in rows:
            chunk.append(
                [
                    field.get_db_prep_save(value, connection)
                    for field, value in zip(fields, row, strict=True)
                ]
            )
            if len(chunk) == BATCH:
                cursor.executemany(sql, chunk)
                written += len(chunk)
                chunk = []
        if chunk:
            cursor.executemany(sql, chunk)
            written += len(chunk)
    return written


def _copy_objects(model: type[Model], objs: Sequence[Model], *, returning: bool) -> None:
    pk = model._meta.pk
    fields = list(model._meta.local_concrete_fields)
    if isinstance(pk, _AUTO):
        if returning:
            for obj, new_id in zip(objs, _next_ids(model, len(objs)), strict=True):
                obj.pk = new_id
        else:
            fields.remove(pk)
    rows = (
        [field.get_db_prep_save(getattr(obj, field.attname), connection) for field in fields]
        for obj in objs
    )
    copy_rows(model, [field.column for field in fields], rows)


def _next_ids(model: type[Model], count: int) -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [model._meta.db_table, model._meta.pk.column, count],
        )
        return [row[0] for row in cursor.fetchall()]


def _fields(model: type[Model]) -> list[Field]:
    return [field for field in model._meta.local_concrete_fields if not isinstance(field, _AUTO)]
