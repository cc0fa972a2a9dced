"""Office Open XML and OpenDocument: DOCX (docx2python), XLSX (openpyxl), ODT, PPTX. Recognised by their ZIP
members. Each format's reader takes the main content; dlp.extract.package reads every other member (comments,
properties, pictures, embedded objects, altChunks), so nothing in the package goes unread."""

from __future__ import annotations

import io
import re
import zipfile
from functools import lru_cache
from html import unescape
from typing import Any
from xml.etree.ElementTree import Element

from dlp.extract.archive import ZIP_MAGIC, check_directory, extent_of_zip, open_zip, read_member
from dlp.extract.base import Extractor, Reading, register
from dlp.extract.fields import unmerged_fields
from dlp.extract.package import MAX_XML_BYTES, local, read_package, zip_members
from dlp.model import Part

DOCX_MAIN = re.compile(r"^word/(?:document|header\d*|footer\d*|footnotes|endnotes)\.xml$")


def _check(data: bytes, reading: Reading) -> None:
    """An Office file is a ZIP too: the same bomb and password checks apply before any library expands it."""
    reading.check_depth()
    with open_zip(data) as archive:
        check_directory([i for i in archive.infolist() if not i.is_dir()], reading, ratio_from=1024 * 1024)


def _deleted_text(element: Element) -> bool:
    # Tracked deletions stay in the file, and any reader can show them.
    return local(str(element.tag)) in ("del", "moveFrom")


class _Package(Extractor):
    """An Office package: a ZIP, whose extent the polyglot scan takes from the ZIP's own records."""

    def extent(self, data: bytes) -> tuple[int, int]:
        return extent_of_zip(data)


class DocxExtractor(_Package):
    label = "DOCX"
    media_types = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document",)
    extensions = (".docx", ".docm", ".dotx")

    def sniff(self, data: bytes) -> bool:
        return "word/document.xml" in zip_members(data)

    def extract(self, data: bytes, name: str, reading: Reading) -> list[Part]:
        from docx2python import docx2python

        _check(data, reading)
        # docx2python reads the body with its tables and text boxes, headers, footers, footnotes and endnotes.
        with docx2python(io.BytesIO(data)) as content:
            text = _clean(content.text)
        if fields := _unmerged_fields(data):
            text += "\n\n" + "\n".join(fields)
        return [Part(name, text, self.media_types[0])] + read_package(
            data,
            name,
            reading,
            covered=lambda path: bool(DOCX_MAIN.match(path)),
            partly={"word/document.xml": _deleted_text},
        )


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _unmerged_fields(data: bytes) -> list[str]:
    """The merge fields left unmerged in the body, headers and footers, which docx2python does not show (it reads a
    field's result only: an empty one is nothing), decided together (dlp/extract/fields.py)."""
    from defusedxml.ElementTree import fromstring

    fields: list[tuple[str, str]] = []
    with open_zip(data) as archive:
        for info in archive.infolist():
            if not DOCX_MAIN.match(info.filename):
                continue
            xml = read_member(archive, info, MAX_XML_BYTES * 16)
            if b"MERGEFIELD" in xml.upper():
                fields += _fields_of(fromstring(xml))
    return [shown for shown in unmerged_fields(fields) if shown]


def _fields_of(root: Element) -> list[tuple[str, str]]:
    """(instruction, result) of each field in document order: a complex field's instruction (instrText, between its
    begin and separate marks) with its result (the text up to its end mark), and a simple field's (fldSimple)."""
    out: list[tuple[str, str]] = []
    open_fields: list[tuple[list[str], list[str]]] = []  # nested: (instruction, result) pieces
    in_result: list[bool] = []
    for element in root.iter():
        tag = element.tag
        if tag == _W + "fldSimple":
            out.append((element.get(_W + "instr", ""), "".join(t.text or "" for t in element.iter(_W + "t"))))
        elif tag == _W + "fldChar":
            kind = element.get(_W + "fldCharType")
            if kind == "begin":
                open_fields.append(([], []))
                in_result.append(False)
            elif kind == "separate" and open_fields:
                in_result[-1] = True
            elif kind == "end" and open_fields:
                instruction, result = open_fields.pop()
                in_result.pop()
                out.append(("".join(instruction), "".join(result)))
        elif open_fields and tag == _W + "instrText" and not in_result[-1]:
            open_fields[-1][0].append(element.text or "")
        elif open_fields and tag == _W + "t" and in_result[-1]:
            open_fields[-1][1].append(element.text or "")
    return out


class XlsxExtractor(_Package):
    label = "XLSX"
    media_types = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",)
    extensions = (".xlsx", ".xlsm")

    def sniff(self, data: bytes) -> bool:
        return "xl/workbook.xml" in zip_members(data)

    def extract(self, data: bytes, name: str, reading: Reading) -> list[Part]:
        from openpyxl import load_workbook

        _check(data, reading)
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        parts = []
        sheet_files = set()
        try:
            for number, sheet in enumerate(book.worksheets, 1):
                sheet_files.add(getattr(sheet, "_worksheet_path", ""))
                rows = "\n".join(_filled_rows(sheet, reading))
                # The sheet's name is content; the part is named by position.
                parts.append(Part(f"{name}, sheet {number}", f"{sheet.title}\n{rows}", self.media_types[0]))
        finally:
            book.close()
        # Hidden and very hidden sheets are worksheets too, and were read above. Cells of charts, comments,
        # text boxes and pivot caches are read from their own members.
        return parts + read_package(
            data,
            name,
            reading,
            covered=lambda path: path == "xl/sharedStrings.xml",
            partly={path: ("sheetData",) for path in sheet_files if path},
        )


def _filled_rows(sheet: Any, reading: Reading) -> Any:
    """The cells a sheet really holds, row by row: a far cell (XFD1048576) or a lying dimension costs nothing,
    where openpyxl's own iteration would fill every empty cell in between."""
    book = sheet.parent
    with sheet._get_source() as source:
        parser = _sheet_parser()(
            source,
            sheet._shared_strings,
            data_only=True,
            epoch=book.epoch,
            date_formats=book._date_formats,
            timedelta_formats=book._timedelta_formats,
        )
        shown = _Shown(book)
        for _, cells in parser.parse():
            values = [shown(c) for c in cells if c.get("value") is not None]
            values += [c["formula"] for c in cells if c.get("formula")]
            if values:
                reading.budget.take("cells", len(values))
                yield ",".join(values)


@lru_cache(maxsize=1)
def _sheet_parser() -> Any:
    """openpyxl's sheet parser (imported when a workbook is first read), keeping a formula's text beside the
    value last calculated: a workbook written by a script (openpyxl, pandas) holds no calculated values, or
    (xlsxwriter) a 0, and Excel shows what `="0412 111 222"` or `=CONCATENATE("3/12 ", "Wattle St")` works out
    when it opens."""
    from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

    class Parser(WorkSheetParser):
        def parse_cell(self, element: Any) -> dict[str, Any]:
            cell: dict[str, Any] = super().parse_cell(element)
            formula = element.find(FORMULA_TAG)
            if formula is not None and formula.text:
                cell["formula"] = "=" + formula.text
            return cell

    return Parser


class _Shown:
    """A cell's value, and as Excel shows it where a number format writes digits into a pattern: a phone number kept
    as the number 412111222 with the format `0000 000 000` shows as "0412 111 222", 2002 with `"VH"0000` as
    "VH2002". Other formats (dates, decimals, currency) show nothing the value does not hold."""

    def __init__(self, book: Any) -> None:
        self.styles, self.formats = book._cell_styles, book._number_formats

    def __call__(self, cell: dict[str, Any]) -> str:
        value = cell["value"]
        text = str(value)
        if not isinstance(value, int | float) or isinstance(value, bool) or value != int(value) or value < 0:
            return text
        try:
            custom = self.styles[int(cell.get("style_id") or 0)].numFmtId - 164  # ids below 164 are built in
            number_format = self.formats[custom] if custom >= 0 else None
        except (IndexError, TypeError, ValueError):  # a style or format the workbook does not have
            return text
        if number_format is None:
            return text
        shown = _digits_into(number_format, int(value))
        return f"{text} {shown}" if shown and shown != text else text


# A format of digit placeholders, literals in quotes or after a backslash, and separators: `0000 000 000`,
# `"VH"0000`, `\(00\) 0000 0000`, `000-000-000`. Decimal points, dates, colours and sections are not.
_PATTERN = re.compile(r'^(?:[0#]|"[^"]*"|\\.|[ \-()/+:A-Za-z])+$')
_PIECE = re.compile(r'"([^"]*)"|\\(.)|([0#])|(.)')


def _digits_into(number_format: str, value: int) -> str | None:
    if not _PATTERN.match(number_format) or "0" not in number_format and "#" not in number_format:
        return None
    if re.search(r"[A-Za-z]", re.sub(r'"[^"]*"|\\.', "", number_format)):
        return None  # a letter outside quotes is a date or a colour, not a literal
    pieces = _PIECE.findall(number_format)
    places = sum(1 for p in pieces if p[2])
    digits = str(value)
    zeros = sum(1 for p in pieces if p[2] == "0")
    digits = digits.zfill(zeros) if len(digits) < zeros else digits
    # Digits beyond the placeholders go before the first of them; placeholders beyond the digits ("#") stay empty.
    extra = max(len(digits) - places, 0)
    fill = iter(digits[extra:].rjust(places, " "))
    out, first = [], True
    for quoted, escaped, place, other in pieces:
        if place:
            out.append((digits[:extra] if first else "") + next(fill).strip())
            first = False
        else:
            out.append(quoted or escaped or other)
    return "".join(out)


class OdtExtractor(_Package):
    label = "ODT"
    media_types = ("application/vnd.oasis.opendocument.text",)
    extensions = (".odt",)

    def sniff(self, data: bytes) -> bool:
        return data.startswith(ZIP_MAGIC) and b"application/vnd.oasis.opendocument.text" in data[:200]

    def extract(self, data: bytes, name: str, reading: Reading) -> list[Part]:
        _check(data, reading)
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            xml = read_member(archive, archive.getinfo("content.xml"), reading.limits.max_part_bytes)
        text = re.sub(r"</text:(?:p|h)>|<text:line-break/>|<text:tab/>", "\n", xml.decode("utf-8", errors="replace"))
        # Headers and footers live in styles.xml, with the page styles: read with the rest of the package.
        return [Part(name, unescape(re.sub(r"<[^>]+>", "", text)), self.media_types[0])] + read_package(
            data, name, reading, covered=lambda path: path == "content.xml", partly={"styles.xml": _page_styles}
        )


def _page_styles(element: Element) -> bool:
    return local(str(element.tag)) in ("master-page", "header", "footer", "header-left", "footer-left")


class PptxExtractor(_Package):
    """Presentations: nothing but the package reader is needed, slides and notes are XML members like any."""

    label = "PPTX"
    media_types = ("application/vnd.openxmlformats-officedocument.presentationml.presentation",)
    extensions = (".pptx", ".ppsx")

    def sniff(self, data: bytes) -> bool:
        return "ppt/presentation.xml" in zip_members(data)

    def extract(self, data: bytes, name: str, reading: Reading) -> list[Part]:
        _check(data, reading)
        return read_package(data, name, reading, covered=lambda path: False) or [Part(name, "", self.media_types[0])]


def _clean(text: str) -> str:
    # docx2python marks footnote references and images with placeholders; they are not content.
    return re.sub(r"----(?:media/[^-]+|footnote\d+|endnote\d+)----", " ", text)


register(DocxExtractor())
register(XlsxExtractor())
register(OdtExtractor())
register(PptxExtractor())
