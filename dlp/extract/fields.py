"""Mail-merge fields a document kept (RTF's fldinst, DOCX's instrText and fldSimple): a MERGEFIELD whose result is
no value (empty, or its bare name) is a template sent unmerged, which its text alone does not show; one whose result
is a «placeholder» shows that (the merge-field recogniser reads it: the field is counted once); one whose result is a
value is a merged letter that kept its fields, and shows that value."""

from __future__ import annotations

import re

from dlp.normalize import compact

MERGE_FIELD = re.compile(r"\bmergefield\s*(?:\"([^\"]+)\"|([^\s\"\\]+))", re.IGNORECASE)


def unmerged(instruction: str, result: str) -> str | None:
    """ "MERGEFIELD Name" (upper case, as the merge-field recogniser reads it) for a merge field whose result shows
    nothing of it; None for any other field, one merged, or one showing its «placeholder»."""
    merge = MERGE_FIELD.search(instruction)
    if merge is None:
        return None
    name = merge.group(1) or merge.group(2)
    shown = " ".join(result.split())
    if shown and (shown.startswith(("«", "<<")) or compact(shown) != compact(name)):
        return None
    return f"MERGEFIELD {compact(name) or name}"
