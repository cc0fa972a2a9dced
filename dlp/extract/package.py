"""Everything else in an Office Open XML or OpenDocument package, so no member goes unread.

A format's own reader takes the main content (the body, the cells); this module reads the rest of the ZIP:
every other XML member's text (comments, document properties, charts, drawings, custom XML, tracked
deletions), external link targets (mailto:), and every binary member (pictures are OCR'd, embedded objects,
altChunks and attachments are read as the files they are). Layout-only members (styles, themes, fonts,
settings) and previews of the document itself (thumbnails, object replacement images) are passed over.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterable
from xml.etree.ElementTree import Element

from dlp.errors import ExtractionError
from dlp.extract.archive import check_directory, open_zip, read_member
from dlp.extract.base import Reading, extract_part
from dlp.model import Part

LAYOUT = re.compile(
    r"(?:^|/)(?:styles|stylesWithEffects|fontTable|settings|webSettings|numbering|theme\d*|tableStyles|presProps|"
    r"viewProps|calcChain|app|manifest|\[Content_Types\])\.xml$",
    re.IGNORECASE,
)
PASSED_OVER = re.compile(
    r"(?:^|/)(?:vbaProject\.bin|vbaData\.xml|printerSettings\d*\.bin|[^/]*\.(?:odttf|ttf|otf|fntdata|sigs)|"
    r"mimetype)$|^(?:Thumbnails|docProps/thumbnail|ObjectReplacements|Configurations2|META-INF)",
    re.IGNORECASE,
)
RUN_TEXT = frozenset({"t", "delText", "instrText", "span", "s", "tab"})  # pieces of one paragraph, glued
MAX_XML_BYTES = 16 * 1024 * 1024  # one non-body XML member; beyond it the document is not read


def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def xml_text(data: bytes, keep: Callable[[Element], bool] | None = None, skip: Iterable[str] = ()) -> str:
    """The words of an XML member: runs glued within a paragraph, paragraphs and fields on lines of their own.

    `skip` names elements whose subtree is read elsewhere (a sheet's cells); `keep` picks elements to read."""
    from defusedxml.ElementTree import fromstring

    if len(data) > MAX_XML_BYTES:
        raise ExtractionError("document part over the size limit")
    root = fromstring(data)
    skipped = set(skip)
    out: list[str] = []

    def walk(element: Element, keeping: bool) -> None:
        name = local(str(element.tag))
        if name in skipped:
            return
        keeping = keeping or keep is None or keep(element)
        if keeping and element.text and element.text.strip():
            out.append(element.text if name in RUN_TEXT else "\n" + element.text)
        for child in element:
            walk(child, keeping)
            if keeping and child.tail and child.tail.strip():
                out.append(child.tail)
        if keeping and name not in RUN_TEXT:
            out.append("\n")
        for key, value in element.attrib.items():
            # Words kept in attributes: alternative text, titles, descriptions of pictures and shapes.
            if keeping and local(key) in ("descr", "title", "alt") and value.strip():
                out.append("\n" + value)

    walk(root, False)
    return re.sub(r"\n\s*\n+", "\n", "".join(out)).strip()


def markup_text(data: bytes) -> str:
    """XML, or markup that only looks like it (legacy VML drawings are not well-formed): read either way."""
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException

    try:
        return xml_text(data)
    except (ParseError, DefusedXmlException):
        from dlp.extract.text import decode, html_to_text

        return html_to_text(decode(data, "utf-8"))


def external_targets(data: bytes) -> list[str]:
    """Link targets kept outside the text (a hyperlink's mailto: address)."""
    from urllib.parse import unquote

    from defusedxml.ElementTree import fromstring

    root = fromstring(data)
    return [
        unquote(rel.get("Target", ""))
        for rel in root.iter()
        if rel.get("TargetMode") == "External" and rel.get("Target")
    ]


def read_package(
    data: bytes,
    name: str,
    reading: Reading,
    covered: Callable[[str], bool],
    partly: dict[str, Callable[[Element], bool] | tuple[str, ...]] | None = None,
) -> list[Part]:
    """Parts for every member `covered` says the format's own reader did not read.

    `partly` maps a member read by the format's reader to what it left: a `keep` test (tracked deletions
    of a body) or element names to skip (a sheet's cells)."""
    partly = partly or {}
    texts: list[str] = []
    parts: list[Part] = []
    with open_zip(data) as archive:
        members = [i for i in archive.infolist() if not i.is_dir()]
        check_directory(members, reading, ratio_from=1024 * 1024)
        for info in members:
            path = info.filename
            if path in partly:
                rule = partly[path]
                content = read_member(archive, info, MAX_XML_BYTES * 16)
                if isinstance(rule, tuple):
                    texts.append(xml_text(content, skip=rule))
                else:
                    texts.append(xml_text(content, keep=rule))
                continue
            if covered(path) or PASSED_OVER.search(path) or LAYOUT.search(path):
                continue
            if path.endswith(".rels"):
                texts += external_targets(read_member(archive, info, MAX_XML_BYTES))
                continue
            content = read_member(archive, info, reading.limits.max_part_bytes)
            if path.lower().endswith((".xml", ".vml")) or content.lstrip()[:1] == b"<":
                texts.append(markup_text(content))
            else:
                reading.check_depth()
                parts += extract_part(
                    content, f"{name}, embedded file {len(parts) + 1}", reading=reading.inside(), typed=True
                )
    text = "\n".join(t for t in texts if t.strip())
    return ([Part(f"{name}, other content", text, "text/plain")] if text else []) + parts


def zip_members(data: bytes) -> set[str]:
    """Member names of a ZIP that starts as one (a ZIP found elsewhere in a file is a polyglot's business)."""
    if not data.startswith(b"PK\x03\x04"):
        return set()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return set(archive.namelist())
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return set()
