"""The team server: an intercommunality's notes shared through its own PostgreSQL.

Plain Python, no Qt. :mod:`essdesk.team.server` holds the server side (schema, roles and
row-level security, the push and pull transactions); :mod:`essdesk.team.sync` the laptop side
(what is pending, how pulled changes are merged with the exchange file's rules). The local
notes database stays the working copy: everything works offline, changes queue locally.
"""

from essdesk.team.errors import TeamError

__all__ = ["TeamError"]
