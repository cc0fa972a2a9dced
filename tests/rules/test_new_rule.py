"""A new rule is one class carrying its own words plus a YAML entry, found without a hand-kept list.

The organisation's rule below is written once, in one file beside its policy; the test then meets it, in its own
words and colour, everywhere a user does: the CLI's JSON, the incident record, the note beside a held letter and
the dashboard's chart. It runs the real `dlp` commands in subprocesses (the rule registry is per process)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import httpx

from tests.cli.test_cli import dlp
from tests.conftest import free_port, wait_for_port
from tests.synthetic import ORG_DOMAIN, SyntheticRegistry, account_body, letter

RULE_MODULE = '''
"""Letters still marked as drafts must not be posted."""
from dlp.rules import Rule


class DraftWatermark(Rule):
    rule_id = "draft_watermark"
    title = "a letter still marked as a draft"
    why = "a letter still marked DRAFT was about to go out"
    what_to_check = "whether this is the approved final version of the letter"
    colour = "#00a3a3"

    def check(self, ctx):
        for part in ctx.communication.parts:
            if "DRAFT - NOT FOR SENDING" in part.text.upper():
                return [self.report([], part.name, "the letter is marked as a draft")]
        return []
'''

POLICY = "version: 1\nrules:\n  draft_watermark:\n    decision: quarantine\n    severity: medium\n"


def test_an_organisations_rule_in_one_file_shows_everywhere(
    tmp_path: Path, registry_csv: Path, synthetic: SyntheticRegistry
) -> None:
    (tmp_path / "local").mkdir()
    (tmp_path / "local" / "acme_rules.py").write_text(RULE_MODULE)
    (tmp_path / "policy.yaml").write_text(POLICY)
    (tmp_path / "inbox").mkdir()
    web_port = free_port()
    (tmp_path / "dlp.toml").write_text(
        f'[organisation]\ninternal_domains = ["{ORG_DOMAIN}"]\n[registry]\npath = "{registry_csv}"\n'
        '[store]\nurl = "sqlite:///var/dlp.db"\n'
        '[policy]\npath = "policy.yaml"\nrule_modules = ["acme_rules"]\n'
        '[folder]\ninbox = "inbox"\noutbox = "cleared"\nquarantine = "held"\nstable_seconds = 1\n'
        f'[web]\nlisten = "127.0.0.1:{web_port}"\n'
    )
    local = {"PYTHONPATH": str(tmp_path / "local")}  # where the organisation's rule module lives
    env = {**os.environ, **local, "NO_COLOR": "1"}
    exe = str(Path(sys.executable).with_name("dlp"))
    a = synthetic.ordinary()[0]
    draft = letter(a, "DRAFT - not for sending\n\n" + account_body(a))
    (tmp_path / "draft.txt").write_text(draft)
    (tmp_path / "final.txt").write_text(letter(a, account_body(a)))

    # The CLI: the rule's id and explanation in the JSON lines; its legitimate twin passes.
    scanned = dlp("scan", "--config", "dlp.toml", "--json", "draft.txt", "final.txt", cwd=tmp_path, env=local)
    assert scanned.returncode == 1, scanned.stderr
    draft_line, final_line = (json.loads(line) for line in scanned.stdout.splitlines())
    assert final_line["decision"] == "allow"
    assert [(f["rule"], f["severity"]) for f in draft_line["findings"]] == [("draft_watermark", "medium")]
    assert draft_line["findings"][0]["explanation"] == "the letter is marked as a draft"

    # The incident record: the rule's "why" in its words.
    shown = dlp("incidents", "show", draft_line["incident"], "--json", "--config", "dlp.toml", cwd=tmp_path, env=local)
    assert shown.returncode == 0, shown.stderr
    assert "A letter still marked DRAFT was about to go out." in json.loads(shown.stdout)["why"]

    # The note beside a held letter: its title and what to check.
    (tmp_path / "inbox" / "letter1.txt").write_text(draft)
    watched = dlp("watch", "--config", "dlp.toml", "--once", cwd=tmp_path, env=local, timeout=300)
    assert watched.returncode == 1, watched.stderr  # --once says it held something
    assert "1 letter(s), 1 held" in watched.stderr
    (note,) = (tmp_path / "held").glob("INC-*.dlp.txt")
    text = note.read_text()
    assert "a letter still marked as a draft: the letter is marked as a draft" in text
    assert "What to check: whether this is the approved final version of the letter." in text

    # The dashboard: the rule in the legend and its bars in its own colour.
    subprocess.run(
        [exe, "users", "add", "olivia", "--role", "privacy_officer", "--password-stdin", "--config", "dlp.toml"],
        input="a long enough password\n",
        text=True,
        check=True,
        capture_output=True,
        cwd=tmp_path,
        env=env,
    )
    server = subprocess.Popen(
        [exe, "serve", "--config", "dlp.toml"], cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        wait_for_port(web_port, process=server)
        with httpx.Client(base_url=f"http://127.0.0.1:{web_port}", follow_redirects=True, timeout=30) as web:
            csrf = re.search(r'name="csrf" value="([^"]+)"', web.get("/login").text)
            assert csrf is not None
            form = {"csrf": csrf.group(1), "username": "olivia", "password": "a long enough password"}
            page = web.post("/login", data=form)
            page = web.get("/") if "chart" not in page.text else page
        assert page.status_code == 200 and 'id="chart"' in page.text
        assert 'fill="#00a3a3"' in page.text  # its bar, in its colour, titled in its words
        assert ": 2 a letter still marked as a draft</title>" in page.text
        assert re.search(r'color: #00a3a3">[^<]*</span> <a href="/incidents\?rule=draft_watermark">', page.text)
    finally:
        server.terminate()
        server.wait(timeout=60)
