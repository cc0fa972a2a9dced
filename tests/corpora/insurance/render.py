"""One entry point to write a letter in any of the corpus's formats and layouts."""

from __future__ import annotations

from . import letters, office, pdfs
from .letters import Letter

# (format, layout) pairs as real systems produce them
FORMATS: list[tuple[str, str]] = [
    ("pdf", "window"),
    ("pdf", "right"),
    ("pdf", "topleft"),
    ("pdf", "columns"),
    ("pdf", "plain"),
    ("docx", "table"),
    ("docx", "stacked"),
    ("docx", "right"),
    ("rtf", "left"),
    ("rtf", "right"),
    ("txt", "plain"),
    ("txt", "columns"),
    ("html", "table"),
    ("html", "simple"),
]


def letter_bytes(spec: tuple[str, str], lt: Letter, seed: int = 0, encrypt: str | None = None) -> tuple[str, bytes]:
    kind, layout = spec
    if kind == "pdf":
        return "pdf", pdfs.render([lt], layout, encrypt=encrypt, seed=seed, title=lt.heading)
    if kind == "docx":
        return "docx", office.docx_letter(lt, layout)
    if kind == "rtf":
        return "rtf", letters.to_rtf(lt, block_right=layout == "right").encode("ascii")
    if kind == "txt":
        return "txt", letters.to_txt(lt, layout).encode("utf-8")
    if kind == "html":
        return "html", letters.to_html(lt, layout).encode("utf-8")
    raise ValueError(spec)


MIME = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "rtf": "application/rtf",
    "txt": "text/plain",
    "html": "text/html",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv",
    "zip": "application/zip",
    "ics": "text/calendar",
    "vcf": "text/vcard",
}
