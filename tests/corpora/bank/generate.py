"""Write the credit-union corpus: python -m tests.corpora.bank.generate OUTDIR [--seed 1] [--scale 1.0]"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from tests.corpora.bank import cases_mis, cases_misc, cases_supp, everyday, runs
from tests.corpora.bank import world as W
from tests.corpora.bank.kit import Kit
from tests.corpora.bank.registry import Registry


def _toml_list(xs: list[str]) -> str:
    return "[" + ", ".join(f'"{x}"' for x in xs) + "]"


def config() -> str:
    return f"""# Coral Coast Mutual Bank - outgoing mail DLP (privacy officer, March 2026)
[organisation]
name = "{W.ORG}"
internal_domains = ["{W.DOMAIN}"]
# AFCA receives members' complaint files; nobody else outside is approved for everyone.
approved_recipient_domains = ["{W.AFCA_DOMAIN}"]
# Family-violence and financial-abuse flags: only the Safe Banking team sees new addresses.
suppressed_detail_staff = {_toml_list(W.SUPPRESSED_STAFF)}
# Our letterhead and branch details, printed on every letter.
own_details = {_toml_list(W.own_details())}
timezone = "Australia/Brisbane"

[registry]
path = "clients.csv"

[incidents]
holidays = "AU-QLD"
"""


def generate(out: Path, seed: int = 1, scale: float = 1.0) -> None:
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    reg = Registry(seed)
    (out / "clients.csv").write_text(reg.to_csv())
    (out / "dlp.toml").write_text(config())
    k = Kit(out, reg, seed, scale)
    cases_supp.build(k)
    cases_mis.build(k)
    cases_misc.build(k)
    everyday.build(k)
    k.write_labels(runs.build(k))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--scale", type=float, default=1.0)
    a = ap.parse_args()
    generate(a.out, a.seed, a.scale)


if __name__ == "__main__":
    main()
