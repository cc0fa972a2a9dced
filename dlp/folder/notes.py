"""The note left in the quarantine folder beside a held letter: what was found, what to check, no personal data."""

from __future__ import annotations

from pathlib import Path

from dlp.model import Verdict
from dlp.rules import RULES


def note_path(quarantine: Path, incident: str) -> Path:
    return quarantine / f"{incident}.dlp.txt"


def explain(verdicts: list[Verdict], original_name: str) -> str:
    """The note: each rule in its own words, what to check, the incident id."""
    # File names are data: a letter named after its client would put the client's details in this note.
    # The file is named by its kind only; `dlp incidents release` gives it back under its own name.
    kind = Path(original_name).suffix.lstrip(".").upper()
    kind = kind if kind.isalnum() and len(kind) <= 5 else "unknown type"
    lines = [
        "This letter was held back before printing and posting.",
        f"Original file: a letter ({kind}); its name is not shown, as file names can carry client details.",
        "",
    ]
    for verdict in verdicts:
        where = f" ({verdict.locator})" if verdict.locator else ""
        lines.append(f"Incident {verdict.incident or '-'}{where}: {verdict.decision.value}")
        for v in verdict.violations:
            rule = RULES.get(v.rule)
            lines.append(f"  - {rule.title if rule else v.rule}: {v.explanation} [{v.part}]")
            lines.append(f"    What to check: {rule.what_to_check if rule else 'ask your privacy officer'}.")
    lines += ["", "Do not print or post it until a privacy officer has reviewed the incident."]
    return "\n".join(lines) + "\n"
