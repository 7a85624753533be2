"""``essdesk search`` on the shipped catalogue, run as a user runs it (issue 13)."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys

from testkit import essdesk_process

ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
ENV.pop("ESSDESK_CATALOGUE", None)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return essdesk_process("search", *args, QT_QPA_PLATFORM="offscreen")


def test_json_says_how_each_hit_matched_and_scores_follow_the_order() -> None:
    out = run("frnace active", "--json")
    assert out.returncode == 0, out.stderr
    hits = json.loads(out.stdout)
    assert hits[0]["key"] == "actor:france-active"
    assert {h["match"] for h in hits} == {"fuzzy"}
    scores = [h["score"] for h in hits]
    assert scores == sorted(scores, reverse=True) and len(set(scores)) == len(scores)
    exact = json.loads(run("France Active", "--json").stdout)
    assert exact[0]["match"] == "exact"
    assert json.loads(run("France Activ", "--json").stdout)[0]["match"] == "prefix"


def test_plain_output_has_no_markup_when_piped() -> None:
    out = run("d.l.a")
    assert out.returncode == 0, out.stderr
    assert "scheme:dla" in out.stdout.splitlines()[0]
    assert "**" not in out.stdout and "\x1b[" not in out.stdout
    assert "DLA" in out.stdout


def test_terminal_gets_ansi_bold() -> None:
    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "essdesk", "search", "railcoop", "--limit", "1"],
        stdout=follower,
        stderr=subprocess.DEVNULL,
        env=ENV,
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 4096)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    assert proc.wait(timeout=60) == 0
    os.close(leader)
    text = b"".join(chunks).decode()
    assert "\x1b[1mRailCoop\x1b[0m" in text and "**" not in text
