"""The read-only catalogue: built from data/*.toml, shipped as SQLite, queried here. No Qt."""
