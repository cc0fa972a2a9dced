"""Mail-merge fields a document kept (RTF's fldinst, DOCX's instrText and fldSimple): a MERGEFIELD whose result is
no value (empty, «CaseManager», or its bare name) is a template sent unmerged; one whose result is a value is a
merged letter that kept its fields, and shows that value."""

from __future__ import annotations

import re

from dlp.normalize import compact

MERGE_FIELD = re.compile(r"\bmergefield\s*(?:\"([^\"]+)\"|([^\s\"\\]+))", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"^(?:«[^»]*»|<<[^>]*>>)?$")


def unmerged(instruction: str, result: str) -> str | None:
    """ "MERGEFIELD Name" (upper case, as the merge-field recogniser reads it) for a merge field whose result is no
    value; None for any other field, or one merged."""
    merge = MERGE_FIELD.search(instruction)
    if merge is None:
        return None
    name = merge.group(1) or merge.group(2)
    shown = " ".join(result.split())
    if not (_PLACEHOLDER.match(shown) or compact(shown) == compact(name)):
        return None
    return f"MERGEFIELD {compact(name) or name}"
