"""Tables of the built catalogue (SQLAlchemy Core) and its full-text index.

The catalogue is rebuilt wholesale from data/ and replaced on upgrade, so there are no
migrations: a reader refuses a schema version it does not know.
"""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, Index, Integer, MetaData, String, Table, Text

from essdesk.catalogue.format import FTS_DDL, FTS_WEIGHTS, SCHEMA_VERSION

__all__ = ["FTS_DDL", "FTS_WEIGHTS", "SCHEMA_VERSION", "metadata"]

metadata = MetaData()

meta = Table(
    "meta",
    metadata,
    Column("name", String, primary_key=True),
    Column("value", Text, nullable=False),
)

entries = Table(
    "entries",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String, nullable=False, unique=True),
    Column("kind", String, nullable=False),
    Column("title", Text, nullable=False),
    Column("summary", Text, nullable=False),
    Column("text", Text, nullable=False, default=""),
    Column("note", Text, nullable=False, default=""),
    Column("subtype", String, nullable=False, default=""),
    Column("subtype_label", Text, nullable=False, default=""),
    Column("role", Text, nullable=False, default=""),
    Column("parent", String, nullable=False, default=""),
    Column("ord", Integer, nullable=False, default=0),
    Column("number", String, nullable=False, default=""),
    Column("provenance", Text, nullable=False),
    # JSON arrays: aliases, facts, key_points, links ([{url,label}]), sources, details ([[l,v]])
    Column("aliases", Text, nullable=False, default="[]"),
    Column("facts", Text, nullable=False, default="[]"),
    Column("key_points", Text, nullable=False, default="[]"),
    Column("links", Text, nullable=False, default="[]"),
    Column("sources", Text, nullable=False, default="[]"),
    Column("details", Text, nullable=False, default="[]"),
    # directory columns, displayed and sorted (folded) in SQL
    Column("backer", Text, nullable=False, default=""),
    Column("territories", Text, nullable=False, default=""),
    Column("sort_title", Text, nullable=False),
    Column("sort_type", Text, nullable=False, default=""),
    Column("sort_backer", Text, nullable=False, default=""),
    Column("sort_territories", Text, nullable=False, default=""),
)
Index("ix_entries_kind_sort", entries.c.kind, entries.c.sort_title)

relations = Table(
    "relations",
    metadata,
    Column("src", String, ForeignKey("entries.key"), nullable=False),
    Column("rel", String, nullable=False),
    Column("dst", String, ForeignKey("entries.key"), nullable=False),
)
Index("ix_relations_src", relations.c.src)
Index("ix_relations_dst", relations.c.dst)

# One row per (entry, facet, value): kind, actor_type, nature, lever, territory.
facets = Table(
    "facets",
    metadata,
    Column("entry_id", Integer, ForeignKey("entries.id"), nullable=False),
    Column("facet", String, nullable=False),
    Column("value", String, nullable=False),
)
Index("ix_facets_value", facets.c.facet, facets.c.value, facets.c.entry_id)
Index("ix_facets_entry", facets.c.entry_id)

# Folded title and aliases, one row each: a name equal to the query, then one starting with
# it, rank before the bm25 order (an indexed range scan, not a pass over every match).
names = Table(
    "names",
    metadata,
    Column("name", Text, nullable=False),
    Column("entry_id", Integer, ForeignKey("entries.id"), nullable=False),
)
Index("ix_names_name", names.c.name, names.c.entry_id)
Index("ix_names_entry", names.c.entry_id)  # an entry's names, to rank title matches
