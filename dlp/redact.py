"""Keep personal information out of records and logs.

`redact` replaces every registry value (and anything shaped like an email, phone or long number) in a
free-text field; incident records and log lines pass through it before they are written.
"""

from __future__ import annotations

import re

from dlp.registry.index import RegistryIndex

GENERIC = re.compile(
    r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+"  # email
    r"|(?<!\w)(?<!INC-)\+?\d[\d \-]{6,}\d(?!\w)"  # phone, account and card numbers; not incident ids
)
MASK = "[redacted]"


def redact(text: str, index: RegistryIndex | None = None) -> str:
    if index is not None:
        spans = sorted({(m.start, m.end) for m in index.find(text)})
        out, last = [], 0
        for start, end in spans:
            if start < last:
                continue
            out.append(text[last:start] + MASK)
            last = end
        text = "".join(out) + text[last:]
    return GENERIC.sub(MASK, text)
