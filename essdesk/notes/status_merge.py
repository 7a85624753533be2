"""How two follow-ups of the same entry and territory are merged: three-way, like note texts,
never by the laptops' clocks (issue 11 #8).

A follow-up (status, date, contact) is recognised by its digest (:func:`status_digest`).
Each side keeps the digests of every value its follow-up has had (its history: the table
``status_versions`` here, the ``history`` of a status in an exchange file). When a follow-up
arrives from elsewhere:

* it is the local value → nothing to do (*identical*);
* the local value is in its history → it was changed over there only (or the other laptop
  saw ours and chose): it is taken, whatever the clocks say (*update*);
* it is already known here (an earlier value, or one kept in conflict) → the local value is
  later, or the choice is pending here: nothing to do (*keep*);
* there is none here → *new*;
* otherwise both sides changed it → *conflict*: the local value stays, the incoming one is
  kept beside it (``status_conflicts``) until the user picks one in the conflicts view.

A laptop whose clock runs ahead therefore never overwrites a newer local follow-up.

A follow-up set back to a value it had before (« contacté », then « mobilisé », then
« contacté » again) is a new setting, not the earlier one: it gets an identity of its own
(:func:`return_identity`, the ``ident`` of schema v7), and the digests compared above are
identities (the value's digest for a first setting). Else a laptop that saw the first
« contacté » and moved on would take the return for "seen", and the return would be lost. The rule
is :func:`merge_status`, the one function the exchange import and the team sync call.

The team sync applies the same rule to each follow-up of the server's log, in the log's
order. Either way, a value kept in conflict here that the other side had seen (it is in its
history) and moved past is settled (:func:`settled`): the choice made over there travels.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection
from typing import Literal

StatusAction = Literal["new", "identical", "keep", "update", "conflict"]


def status_digest(status: str, date: str | None, contact: str) -> str:
    """The SHA-256 that recognises a follow-up value across laptops."""
    value = json.dumps([status, date or "", contact], ensure_ascii=False)
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def return_identity(status: str, date: str | None, contact: str, updated: str) -> str:
    """The identity of a follow-up set back to a value it had before: that value and when."""
    value = json.dumps([status, date or "", contact, updated], ensure_ascii=False)
    return hashlib.sha256(("return\x1f" + value).encode("utf-8")).hexdigest()


def merge_status(
    local: str | None,
    known: Collection[str],
    incoming: str,
    history: Collection[str],
    *,
    same_value: bool = False,
) -> StatusAction:
    """What to do with an incoming follow-up (identities only, see the module docstring).

    ``local``: the current setting here (None: no follow-up); ``known``: every setting this
    follow-up has had here, and those kept in conflict; ``incoming``: the setting that
    arrives; ``history``: the settings it had over there before (empty when the file did not
    say); ``same_value``: the incoming value is the local one (set on both sides alike)."""
    if same_value or incoming == local:
        return "identical"
    if local is not None and local in history:
        return "update"
    if incoming in known:
        return "keep"
    if local is None:
        return "new"
    return "conflict"


def settled(held: Collection[str], incoming: str, history: Collection[str]) -> set[str]:
    """The values kept here in conflict that the incoming follow-up supersedes: the other
    side had them (they are in its history) and chose ``incoming``."""
    return {value for value in held if value != incoming and value in history}
