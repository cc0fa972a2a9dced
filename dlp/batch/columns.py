"""Map a mail-merge source's own column names (`FirstName`, `Surname`, `Address1`, `AccountNo`…) to ours."""

from __future__ import annotations

import re
from dataclasses import replace

from dlp.config import BatchConfig
from dlp.errors import UsageError

FIELDS = (
    "client_id",
    "given_name",
    "family_name",
    "full_name",
    "address_lines",
    "suburb",
    "state",
    "postcode",
    "reference",
)
GUESSES: dict[str, tuple[str, ...]] = {
    "client_id": ("clientid", "customerid", "clientno", "clientnumber", "customerkey"),
    "given_name": ("firstname", "givenname", "first", "forename", "fname"),
    "family_name": ("surname", "lastname", "familyname", "last", "lname"),
    "full_name": ("name", "fullname", "customername", "addressee", "clientname"),
    "suburb": ("suburb", "city", "town", "locality"),
    "state": ("state", "st"),
    "postcode": ("postcode", "zip", "zipcode", "pcode"),
    "reference": (
        "accountno",
        "accountnumber",
        "account",
        "accountref",
        "reference",
        "ref",
        "customerno",
        "customernumber",
        "claimno",
        "claimnumber",
        "claim",
    ),
}
ADDRESS_LINE = re.compile(r"^(?:address|addr|street)(?:line)?\d?$")


def _key(column: str) -> str:
    return re.sub(r"[^a-z0-9]", "", column.lower())


# The chosen columns are kept in a BatchConfig: the same fields, filled in from the guesses.
ColumnMap = BatchConfig


def map_columns(header: list[str], config: BatchConfig, overrides: dict[str, str]) -> ColumnMap:
    """Configured names first, then `--map`, then guesses; a clear error when a needed column is missing."""
    chosen: dict[str, object] = {}
    for name in FIELDS:
        value = overrides.get(name) or getattr(config, name)
        if name == "address_lines" and isinstance(value, str):
            value = tuple(v.strip() for v in value.split(","))
        if value:
            chosen[name] = value
    by_key = {_key(c): c for c in header}
    for name, guesses in GUESSES.items():
        if name not in chosen:
            found = next((by_key[g] for g in guesses if g in by_key), None)
            if found:
                chosen[name] = found
    if "address_lines" not in chosen:
        lines = tuple(c for c in header if ADDRESS_LINE.match(_key(c)))
        if lines:
            chosen["address_lines"] = lines
    used: list[str] = []
    for value in chosen.values():
        used.extend([value] if isinstance(value, str) else list(value))  # type: ignore[call-overload]
    missing = [c for c in used if c not in header]
    if missing:
        raise UsageError(
            f"data file has no column(s) {', '.join(map(repr, missing))}; its columns are {', '.join(header)}"
        )
    has_name = "full_name" in chosen or {"given_name", "family_name"} <= set(chosen)
    has_address = "address_lines" in chosen and "postcode" in chosen
    if not has_name or not (has_address or "reference" in chosen):
        need = [] if has_name else ["a name (full_name, or given_name and family_name)"]
        if not (has_address or "reference" in chosen):
            need.append("an address (address_lines and postcode) or a reference")
        raise UsageError(
            f"cannot map the data file's columns to {' and '.join(need)}; its columns are {', '.join(header)}. "
            "Name them with --map FIELD=COLUMN (fields: " + ", ".join(FIELDS) + ") or a [batch] section"
        )
    return replace(config, **chosen)  # type: ignore[arg-type]
