"""« Pour mon territoire » (issue 13): each actor and scheme has a scope from the report's
words; a territory filter keeps what targets the types and what applies everywhere."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from testkit import essdesk_process

from essdesk.catalogue.records import Filters
from essdesk.catalogue.store import Catalogue

ZRR = ("territory:zrr",)


def test_everywhere_entries_never_disappear_under_a_territory_filter(real: Catalogue) -> None:
    rows = {r.key for r in real.directory("", Filters(territories=ZRR))}
    assert {"scheme:dla", "actor:france-active"} <= rows
    targeted = {r.key for r in real.directory("", Filters(territories=ZRR))} - {
        "scheme:dla",
        "actor:france-active",
        "scheme:communaute-emergence-acceleration",
        "scheme:crte",
    }
    assert targeted  # and the entries that target ZRR themselves
    assert "scheme:dla" in {h.key for h in real.search("accompagnement", Filters(territories=ZRR))}
    assert real.count("", Filters(territories=ZRR)) == len(rows)


def test_scope_labels(real: Catalogue) -> None:
    targeted = next(
        r.key
        for r in real.directory("", Filters(territories=ZRR))
        if real.scopes([r.key], ZRR)[r.key][0] == "targeted"
    )
    scopes = real.scopes(["scheme:dla", targeted, "actor:la-fabrique-cooperative", "term:ess"], ZRR)
    assert scopes["scheme:dla"] == ("everywhere", "tous territoires")
    assert scopes[targeted] == ("targeted", "cible : ZRR")
    assert scopes["actor:la-fabrique-cooperative"] == ("unknown", "non précisé")
    assert "term:ess" not in scopes  # only actors and schemes have a scope


def test_every_actor_and_scheme_says_its_scope(real: Catalogue) -> None:
    for row in real.directory(""):
        entry = real.entry(row.key)
        assert entry is not None
        detail = dict(entry.details).get("Territoires visés", "")
        assert detail.startswith(("cible : ", "tous territoires (« ", "non précisé")), row.key
    dla = real.entry("scheme:dla")
    assert dla is not None
    assert (
        "Territoires visés",
        "tous territoires (« présent sur l’ensemble des territoires »)",
    ) in dla.details


def run(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return essdesk_process(*args, ESSDESK_HOME=str(home), QT_QPA_PLATFORM="offscreen")


def test_cli_territory_type_and_for_territory(tmp_path: Path) -> None:
    out = run(tmp_path, "search", "accompagnement", "--territory-type", "zrr", "--json")
    assert out.returncode == 0, out.stderr
    hits = json.loads(out.stdout)
    assert {"scheme:dla"} <= {h["key"] for h in hits}
    assert {h["scope"] for h in hits} <= {"targeted", "everywhere", "unknown"}
    assert next(h for h in hits if h["key"] == "scheme:dla")["scope"] == "everywhere"
    # Repeatable; no "scope" without a territory filter.
    both = run(
        tmp_path, "search", "dla", "--territory-type", "ZRR", "--territory-type", "QPV", "--json"
    )
    assert both.returncode == 0, both.stderr
    assert all(
        "scope" not in h for h in json.loads(run(tmp_path, "search", "dla", "--json").stdout)
    )
    # A profile's types.
    added = run(tmp_path, "territories", "add", "Haut-Bocage", "--types", "ZRR")
    assert added.returncode == 0, added.stderr
    mine = run(tmp_path, "search", "accompagnement", "--for-territory", "haut-bocage", "--json")
    assert mine.returncode == 0, mine.stderr
    assert json.loads(mine.stdout) == hits
    plain = run(tmp_path, "search", "dla", "--for-territory", "Haut-Bocage")
    assert "(tous territoires)" in plain.stdout
    bad = run(tmp_path, "search", "dla", "--territory-type", "lune")
    assert bad.returncode == 1 and "Type de territoire inconnu" in bad.stderr
    nobody = run(tmp_path, "search", "dla", "--for-territory", "Atlantide")
    assert nobody.returncode == 1 and "Atlantide" in nobody.stderr
