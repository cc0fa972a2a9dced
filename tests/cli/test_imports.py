"""The command line imports only what a command needs (issue 14: `dlp --help` ≤ 0.3 s, a one-item scan ≤ 1 s).

Wall-clock asserts would flake on a shared machine; what makes the commands slow is what they import, so that
is what these tests pin down, in every process of the run (heavy modules loaded in a worker count too).
`benchmarks/bench_cli.py` measures the times themselves.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.synthetic import ORG_DOMAIN, SyntheticRegistry, account_body, letter

# Never needed by a scan with no spaCy model configured and nothing blocked.
HEAVY = {
    "spacy",
    "presidio_analyzer.analyzer_engine",
    "presidio_analyzer.nlp_engine",
    "presidio_analyzer.recognizer_registry",
    "presidio_analyzer.predefined_recognizers.generic.phone_recognizer",
    "sqlalchemy",
    "alembic",
    "fastapi",
    "starlette",
    "jinja2",
    "aiosmtpd",
}
# Nor, on top of those, by `dlp --help`.
HEAVY_FOR_HELP = HEAVY | {"presidio_analyzer.entity_recognizer", "numpy", "rich", "yaml", "dlp.registry"}


# `dlp` with a finder, first on sys.meta_path, that notes every module looked for: by any process of the
# run (the scanning processes are forks and keep it), whether by an import statement or by importlib.
RUN_LOGGED = """
import runpy, sys
log = open(sys.argv.pop(1), "a", encoding="utf-8")
class Noted:
    @staticmethod
    def find_spec(name, path=None, target=None):
        log.write(name + "\\n")
        log.flush()
sys.meta_path.insert(0, Noted)
sys.argv[0] = "dlp"
runpy.run_module("dlp.cli.main", run_name="__main__", alter_sys=True)
"""


def imported(*args: str, cwd: Path) -> tuple[set[str], subprocess.CompletedProcess[str]]:
    """Every module any process of `dlp ARGS` imported, and the run itself."""
    log = cwd / "imported.txt"
    log.unlink(missing_ok=True)
    result = subprocess.run(
        [sys.executable, "-c", RUN_LOGGED, str(log), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "NO_COLOR": "1"},
    )
    return set(log.read_text(encoding="utf-8").split()), result


def test_help_imports_no_library_of_any_command(tmp_path: Path) -> None:
    names, result = imported("--help", cwd=tmp_path)
    assert result.returncode == 0 and "scan" in result.stdout
    assert "argparse" in names  # the report is read right
    assert not names & HEAVY_FOR_HELP


def test_an_allowed_scan_needs_neither_spacy_nor_the_store(
    tmp_path: Path, registry_csv: Path, synthetic: SyntheticRegistry
) -> None:
    (tmp_path / "dlp.toml").write_text(
        f'[organisation]\ninternal_domains = ["{ORG_DOMAIN}"]\n[registry]\npath = "{registry_csv}"\n'
        '[store]\nurl = "sqlite:///dlp.db"\n'
    )
    a, b = synthetic.ordinary()[:2]
    (tmp_path / "good.txt").write_text(letter(a, account_body(a)))
    (tmp_path / "bad.txt").write_text(letter(a, account_body(b)))

    names, result = imported("scan", "--config", "dlp.toml", "good.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "ALLOW good.txt" in result.stdout
    assert {"presidio_analyzer.pattern_recognizer", "dlp.recognizers", "dlp.cli.scan"} <= names  # it did scan
    assert not names & HEAVY
    assert not (tmp_path / "dlp.db").exists()

    # Something blocked is recorded: the store is opened then, and only then.
    names, result = imported("scan", "--config", "dlp.toml", "bad.txt", cwd=tmp_path)
    assert result.returncode == 1, result.stderr[-2000:]
    assert "INC-" in result.stdout
    assert "sqlalchemy" in names and "spacy" not in names
