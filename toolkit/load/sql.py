"""SQL: SQLite files (the standard library's sqlite3) and any database SQLAlchemy reaches by URL
(``postgresql://user@host/db``, ``mysql+pymysql://...``; the driver must be installed: the
``formats`` extra brings psycopg2 for PostgreSQL).

Which rows: ``query=`` (any SELECT), else ``table=``, else the one table (or view) with a text
column (``text``, ``body``, ``content``, ...). Several such tables: reported, with their names,
so that you pass ``table=``. Rows are fetched ``FETCH_ROWS`` at a time; each row is an input,
its number in the result is its line.
"""
from __future__ import annotations

import sqlite3
from urllib.parse import quote

from .optional import require
from .paths import Input
from .records import TEXT_CANDIDATES_HINT, add_record, has_text_field
from .run import Run

FETCH_ROWS = 1000


def read_sqlite(inp: Input, run: Run, source):
    with inp.local_file() as path:
        try:
            con = sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True)
        except sqlite3.Error as exc:
            run.fail(inp.name, f"SQLite file could not be opened: {exc}")
            return
        try:
            tables = {name: [c[1] for c in con.execute(f"PRAGMA table_info({_quote(name)})")]
                      for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
                                                 "AND name NOT LIKE 'sqlite_%' ORDER BY name")}
            sql = _select(tables, inp, run)
            if sql is not None:
                _add_rows(con.execute(sql), inp, run, source)
        except sqlite3.Error as exc:
            run.fail(inp.name, f"SQLite file could not be read: {exc}")
        finally:
            con.close()


def read_url(inp: Input, run: Run, source):
    sqlalchemy = require("sqlalchemy", "SQLAlchemy", "SQL databases", inp.name, run)
    if sqlalchemy is None:
        return
    try:
        engine = sqlalchemy.create_engine(inp.url)
    except ImportError as exc:  # the dialect's driver (psycopg2, pymysql, ...) is missing
        run.fail(inp.name, f"the database driver is not installed ({exc}); for PostgreSQL run "
                 "pip install 'news-toolkit[formats]'")
        return
    except Exception as exc:  # ArgumentError (a malformed URL), NoSuchModuleError (unknown dialect)
        run.fail(inp.name, f"not a database URL SQLAlchemy can use: {type(exc).__name__}: {exc}")
        return
    try:
        with engine.connect() as con:
            inspector = sqlalchemy.inspect(con)
            tables = {}
            if run.query is None:
                for name in inspector.get_table_names() + inspector.get_view_names():
                    tables[name] = [c["name"] for c in inspector.get_columns(name)]
            sql = _select(tables, inp, run, quote_name=engine.dialect.identifier_preparer.quote)
            if sql is not None:
                result = con.execution_options(stream_results=True).execute(sqlalchemy.text(sql))
                _add_rows(_Rows(result), inp, run, source)
    except sqlalchemy.exc.SQLAlchemyError as exc:
        run.fail(inp.name, f"database could not be read: {type(exc).__name__}: {str(exc).splitlines()[0][:300]}")
    finally:
        engine.dispose()


class _Rows:
    """A SQLAlchemy result with the two things ``_add_rows`` uses of a DB-API cursor."""

    def __init__(self, result):
        self.result = result
        self.description = [(k,) for k in result.keys()]

    def fetchmany(self, n):
        return self.result.fetchmany(n)


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _select(tables: dict, inp: Input, run: Run, quote_name=_quote) -> str | None:
    """The SQL to run, or None after reporting why there is none."""
    if run.query is not None:
        return run.query
    if run.table is not None:
        if run.table not in tables:
            run.fail(inp.name, f"no table {run.table!r} (tables: {', '.join(tables) or 'none'})")
            return None
        return f"SELECT * FROM {quote_name(run.table)}"
    with_text = [t for t, cols in tables.items() if has_text_field(cols)]
    if len(with_text) == 1:
        return f"SELECT * FROM {quote_name(with_text[0])}"
    if not with_text:
        listed = "; ".join(f"{t}({', '.join(c)[:80]})" for t, c in tables.items()) or "none"
        run.fail(inp.name, f"no table has a text column (tables: {listed[:300]}); name one of: "
                 f"{TEXT_CANDIDATES_HINT}, or pass table= or query=")
    else:
        run.fail(inp.name, f"several tables have a text column ({', '.join(with_text)}): pass table= "
                 "(or query=) to say which to load")
    return None


def _add_rows(cursor, inp: Input, run: Run, source):
    names = [d[0] for d in cursor.description or []]
    if not has_text_field(names):
        run.fail(inp.name, f"the query's columns have no text column ({', '.join(names)[:200]}); name one of: "
                 f"{TEXT_CANDIDATES_HINT} (SELECT ... AS text)")
        return
    n = 0
    while True:
        rows = cursor.fetchmany(FETCH_ROWS)
        if not rows:
            break
        for row in rows:
            n += 1
            run.n_inputs += 1
            add_record(run, dict(zip(names, row)), inp.name, n, source, where="row")
    if n == 0:
        run.fail(inp.name, "the table or query holds no rows")
