"""The catalogue file's version and full-text index, shared by the builder and the reader.

Kept apart from schema.py so that the reader (store.py) does not import SQLAlchemy.
"""

SCHEMA_VERSION = 1

# Contentless: the folded text lives only in the index; readers show the entries' own text.
FTS_DDL = (
    "CREATE VIRTUAL TABLE entries_fts USING fts5("
    "title, aliases, body, content='', "
    "tokenize='unicode61 remove_diacritics 2', prefix='2 3')"
)
# Column weights for bm25: a title or alias hit outranks any number of body hits.
FTS_WEIGHTS = (10.0, 8.0, 1.0)
