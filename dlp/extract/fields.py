"""Mail-merge fields a document kept (RTF's fldinst, DOCX's instrText and fldSimple).

A MERGEFIELD whose result shows nothing of it is a template sent unmerged, which its text alone does not show: its
bare name as the result ("Your case manager is CaseManager."), or an empty result in a document none of whose merge
fields has a value (a merged letter keeps its fields, and an optional one, Address2 or Title, may be empty: review
N-8). One whose result is a «placeholder» shows that (the merge-field recogniser reads it: the field is counted once);
one whose result is a value is merged, and shows that value.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from dlp.normalize import compact

MERGE_FIELD = re.compile(r"\bmergefield\s*(?:\"([^\"]+)\"|([^\s\"\\]+))", re.IGNORECASE)


def unmerged_fields(fields: Iterable[tuple[str, str]]) -> list[str | None]:
    """For each (instruction, result) of a document's fields in order: "MERGEFIELD Name" (upper case, as the
    merge-field recogniser reads it) for a merge field left unmerged, None for any other."""
    found = [(_name(instruction), " ".join(result.split())) for instruction, result in fields]
    merged = any(
        name and shown and not _placeholder(shown) and compact(shown) != compact(name) for name, shown in found
    )
    out: list[str | None] = []
    for name, shown in found:
        if name and not _placeholder(shown) and (compact(shown) == compact(name) or not (shown or merged)):
            out.append(f"MERGEFIELD {compact(name) or name}")
        else:
            out.append(None)
    return out


def _name(instruction: str) -> str:
    """The merge field's name, or "" if the instruction is no merge field."""
    merge = MERGE_FIELD.search(instruction)
    return (merge.group(1) or merge.group(2)) if merge else ""


def _placeholder(shown: str) -> bool:
    return shown.startswith(("«", "<<"))
