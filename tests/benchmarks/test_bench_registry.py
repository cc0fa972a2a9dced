"""bench_registry's latency comparison runs, and its baseline scans letters to the same verdicts as the index."""

from __future__ import annotations

from pathlib import Path

from benchmarks import baseline_registry
from benchmarks.bench_registry import latency, letters_from
from dlp.config import Config, OrganisationConfig
from dlp.extract import communication_from_letter
from dlp.policy import Policy
from dlp.registry import RegistryIndex
from dlp.registry.sources import csv_clients
from dlp.scanner import Scanner
from tests.synthetic import ORG_DOMAIN, write_large_registry


def test_baseline_and_compiled_index_scan_alike(tmp_path: Path) -> None:
    csv_path = write_large_registry(tmp_path / "clients.csv", 3000, seed=4)
    config = Config(organisation=OrganisationConfig(internal_domains=(ORG_DOMAIN,)))
    baseline = Scanner(config, baseline_registry.RegistryIndex(csv_clients(csv_path)), Policy.load())  # type: ignore[arg-type]
    compiled = Scanner(config, RegistryIndex(csv_clients(csv_path)), Policy.load())
    letters = letters_from(csv_path, 3)
    assert len(letters) == 3

    def verdicts(scanner: Scanner) -> list[tuple[str, list[str]]]:
        out = []
        for text in letters:
            # The letter is addressed to its client and shows another client's account reference.
            text = text.replace("Yours sincerely", f"{letters_from(csv_path, 1, offset=5)[0]}\nYours sincerely")
            verdict = scanner.scan(communication_from_letter(text.encode(), "letter.txt"), record=False)
            out.append((verdict.decision.value, sorted(v.rule for v in verdict.violations)))
        return out

    found = verdicts(compiled)
    assert found == verdicts(baseline)
    assert all(decision != "allow" for decision, _ in found)

    rows = latency([baseline, compiled], [letters, letters], [letters, letters])
    assert len(rows) == 2
    assert all(mean > 0 and p95 > 0 and find > 0 for mean, p95, find in rows)
