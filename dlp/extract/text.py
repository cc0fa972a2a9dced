"""Plain text, CSV, HTML, calendar invitations and contact cards, decoded from their declared charset with
safe fallbacks. What text can hide is read too: uuencoded files and inline PGP blocks in plain text; in HTML,
alt and title text, link targets (mailto: addresses), hidden markup and `data:` URIs (decoded and read as the
files they are)."""

from __future__ import annotations

import base64
import binascii
import bisect
import quopri
import re
from urllib.parse import unquote, unquote_to_bytes

from dlp.errors import ExtractionError
from dlp.extract.base import Extractor, Reading, extract_part, register, unreadable
from dlp.extract.charset import decode, narrowed
from dlp.model import Part


class _Text(Extractor):
    """Text formats: the whole file is searched for hidden files (a PDF or ZIP appended to text)."""

    def extent(self, data: bytes) -> tuple[int, int]:
        return 0, 0


def _check_text(data: bytes, reading: Reading) -> bytes:
    """The text's bytes, as UTF-8 if they were written in UTF-16 or UTF-32; raises for binary data or too much."""
    if len(data) > reading.limits.max_text_chars * 4:
        raise ExtractionError("text over the size limit")
    data = narrowed(data)
    if b"\x00" in data[:8192]:
        raise ExtractionError("binary data where text was expected")
    return data


UU_BEGIN = re.compile(rb"^(?P<kind>begin(?:-base64)?) [0-7]{3,4} (?P<file>[^\r\n]*)\r?$", re.M)
UU_END = re.compile(rb"^end\r?$", re.M)
MAX_UUENCODED = 100  # blocks read per part; more is not a message but an attack on the scanner
PGP_BLOCK = re.compile(rb"-----BEGIN PGP MESSAGE-----")


def embedded_in_text(data: bytes, name: str, reading: Reading) -> list[Part]:
    """Files carried inside plain text: uuencoded blocks are decoded and read; PGP-encrypted blocks cannot be."""
    out: list[Part] = []
    if b"begin" in data:
        # Each block ends at the first "end" line after it: one pass over the text whatever it holds.
        ends = [m.start() for m in UU_END.finditer(data)]
        for number, match in enumerate(UU_BEGIN.finditer(data), 1):
            label = f"{name}, uuencoded file {number}"
            if number > MAX_UUENCODED:
                out.append(unreadable(label, None, f"more than {MAX_UUENCODED} uuencoded files in one part"))
                break
            end = ends[bisect.bisect_left(ends, match.end())] if ends and ends[-1] > match.end() else None
            if end is None:
                out.append(unreadable(label, None, "uuencoded block without its end"))
                continue
            filename = match.group("file").decode("latin-1").strip()
            try:
                payload = _uudecode(data[match.end() : end], base64_lines=match.group("kind") == b"begin-base64")
            except (binascii.Error, ValueError):
                out.append(unreadable(label, None, "damaged uuencoded block"))
                continue
            out += extract_part(payload, label, filename=filename or None, reading=reading.inside(), typed=True)
    if PGP_BLOCK.search(data):
        out.append(unreadable(f"{name}, PGP block", "application/pgp-encrypted", "PGP-encrypted content"))
    return out


def _uudecode(body: bytes, base64_lines: bool) -> bytes:
    if base64_lines:
        return base64.b64decode(b"".join(body.split()))
    out = bytearray()
    for line in body.splitlines():
        if not line.strip() or line.strip() == b"`":
            continue
        try:
            out += binascii.a2b_uu(line)
        except binascii.Error:  # some encoders pad lines differently: decode what the length byte says
            length = (line[0] - 32) & 63
            out += binascii.a2b_uu(line[: 1 + (length * 4 + 2) // 3].ljust(1 + (length * 4 + 2) // 3))
    return bytes(out)


class PlainTextExtractor(_Text):
    label = "text"
    media_types = ("text/plain", "text/markdown", "text/x-log")
    extensions = (".txt", ".text", ".md", ".log")

    def extract(self, data: bytes, name: str, reading: Reading) -> list[Part]:
        data = _check_text(data, reading)
        return [Part(name=name, text=decode(data, reading.charset), media_type="text/plain")] + embedded_in_text(
            data, name, reading
        )


class CsvExtractor(_Text):
    label = "CSV"
    media_types = ("text/csv", "application/csv", "text/comma-separated-values", "text/tab-separated-values")
    extensions = (".csv", ".tsv")

    def extract(self, data: bytes, name: str, reading: Reading) -> list[Part]:
        data = _check_text(data, reading)
        # Scanned as text: every field stays on its row, so a row's details stay together.
        return [Part(name=name, text=decode(data, reading.charset), media_type="text/csv")]


# Elements that start a line of their own (HTML's block elements a letter or mail uses).
BLOCK = frozenset(
    {
        "p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "td", "th", "section",
        "header", "footer", "address", "article", "aside", "main", "nav", "blockquote", "pre", "ul", "ol", "dl",
        "dt", "dd", "hr", "figure", "figcaption", "caption", "center", "fieldset", "legend", "form",
    }
)  # fmt: skip
HIDDEN = frozenset({"script", "style", "head", "title", "template", "noscript"})
# Attributes that carry words or addresses; layout attributes (width, class, ...) do not.
TEXT_ATTRIBUTES = frozenset(
    {"alt", "title", "href", "src", "value", "placeholder", "aria-label", "content", "label", "summary", "abbr"}
)


class _Html:
    def __init__(self, visible: str, hidden: str) -> None:
        self.out_text = visible
        self.hidden_text = hidden


def html_to_text(html: str) -> str:
    return _parse_html(html).out_text


def _parse_html(html: str) -> _Html:
    """Visible text in reading order; apart from it, everything else a reader or a mail client can show or
    follow: alt and title text, link targets, comments, the head, scripts and styles (CSS can print text).

    libxml2 (lxml) parses: linear in the input whatever the markup, where html.parser rescans unclosed tags."""
    from lxml import etree
    from lxml import html as lxml_html

    if not html.strip():
        return _Html("", "")
    try:
        root = lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return _Html(html, "")
    out: list[str] = []
    hidden: list[str] = []
    skipping: list[bool] = [False]
    for event, element in etree.iterwalk(root, events=("start", "end", "comment", "pi")):
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if event in ("comment", "pi"):
            hidden.append(element.text or "")
            if element.tail:
                (hidden if skipping[-1] else out).append(element.tail)
            continue
        if event == "start":
            for key, value in element.attrib.items():
                key = str(key).lower()
                if value and (key in TEXT_ATTRIBUTES or key.startswith("data-")) and not value.startswith("data:"):
                    # Link targets are written percent-encoded: mailto:a%40b.example?body=...
                    hidden.append(unquote(value) if key in ("href", "src") else value)
            skip = skipping[-1] or tag in HIDDEN
            skipping.append(skip)
            if tag in BLOCK and not skip:
                out.append("\n")
            if element.text:
                (hidden if skip else out).append(element.text)
        else:
            skip = skipping.pop()
            if tag in BLOCK and not skip:
                out.append("\n")
            if element.tail:
                (hidden if skipping[-1] else out).append(element.tail)
    return _Html("".join(out), "\n".join(h.strip() for h in hidden if h.strip()))


DATA_URI = re.compile(
    r"data:(?P<type>[\w.+/-]*)(?P<params>(?:;[\w.+-]+(?:=[^;,\s\"'()]*)?)*),(?P<payload>[^\"'\s()<>]*)"
)


def data_uris(text: str, name: str, reading: Reading) -> list[Part]:
    """Every `data:` URI decoded and read as the file it is (an image is OCR'd, a PDF read page by page)."""
    out: list[Part] = []
    for number, match in enumerate(DATA_URI.finditer(text), 1):
        label = f"{name}, embedded item {number}"
        try:
            if ";base64" in match.group("params").lower():
                payload = lenient_base64(unquote(match.group("payload")).encode("ascii", "ignore"))[0]
            else:
                payload = unquote_to_bytes(match.group("payload"))
        except ValueError:
            out.append(unreadable(label, None, "damaged data: URI"))
            continue
        charset = re.search(r"charset=([\w.-]+)", match.group("params"), re.I)
        out += extract_part(
            payload,
            label,
            media_type=match.group("type").lower() or "text/plain",
            charset=charset.group(1) if charset else None,
            reading=reading.inside(),
            typed=True,
        )
    return out


def lenient_base64(data: bytes) -> tuple[bytes, bool]:
    """Decode base64 as mail clients do, skipping stray characters. Returns (bytes, lossless).

    Characters outside the alphabet are dropped. Encoders wrap at a multiple of 4 characters (76), so a line
    that does not come out even has gained or lost a character: it is decoded on its own, costing that line
    only, and the result is reported as lossy."""
    # The lines without what is not base64, in one pass in C: a line break of either kind becomes "\n", the
    # rest outside the alphabet goes (as splitlines and then a per-line regex did; empty lines are dropped).
    lines = list(filter(None, data.translate(_CR_AS_LF, _NOT_BASE64_BYTES).split(b"\n")))
    core = b"".join(lines)
    even = not any(length % 4 for length in set(map(len, lines[:-1])))
    if even and len(core) % 4 != 1:
        return base64.b64decode(core + b"=" * (-len(core) % 4)), True
    uneven = 0 if even else sum(1 for line in lines[:-1] if len(line) % 4)
    if uneven <= max(1, len(lines) // 5):
        out = bytearray()
        last = len(lines) - 1
        for at, line in enumerate(lines):
            line = line[: len(line) - len(line) % 4] if len(line) % 4 == 1 or at != last else line
            out += base64.b64decode(line + b"=" * (-len(line) % 4)) if line else b""
        return bytes(out), False
    # Wrapped at an odd width: the lines are one stream.
    return base64.b64decode(core[: len(core) - len(core) % 4]), len(core) % 4 != 1


_B64_ALPHABET = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_CR_AS_LF = bytes.maketrans(b"\r", b"\n")
_NOT_BASE64_BYTES = bytes(b for b in range(256) if b not in _B64_ALPHABET + b"\r\n")


class HtmlExtractor(_Text):
    label = "HTML"
    media_types = ("text/html", "application/xhtml+xml")
    extensions = (".html", ".htm", ".xhtml")

    def sniff(self, data: bytes) -> bool:
        head = data[:512].lstrip().lower()
        return head.startswith((b"<!doctype html", b"<html"))

    def extract(self, data: bytes, name: str, reading: Reading) -> list[Part]:
        data = _check_text(data, reading)
        html = decode(data, reading.charset)
        parsed = _parse_html(html)
        parts = [Part(name=name, text=parsed.out_text, media_type="text/html")]
        if parsed.hidden_text:
            parts.append(Part(f"{name}, links, alt text and hidden text", parsed.hidden_text, "text/html"))
        return parts + data_uris(html, name, reading)


FOLD = re.compile(r"\r?\n[ \t]")
ENCODED_VALUE = re.compile(r"^(?P<prop>[^:;\r\n]+)(?P<params>;[^:\r\n]*)?:(?P<value>.*)$", re.M)


class CalendarExtractor(_Text):
    """iCalendar invitations and vCard contact cards (RFC 5545, 6350): unfolded, unescaped, inline files read."""

    label = "calendar or contact card"
    media_types = ("text/calendar", "text/vcard", "text/x-vcard", "text/directory", "application/ics")
    extensions = (".ics", ".vcs", ".vcf")

    def sniff(self, data: bytes) -> bool:
        return (
            data.lstrip()[:15].upper() in (b"BEGIN:VCALENDAR", b"BEGIN:VCARD")
            or data.lstrip()[:11].upper() == b"BEGIN:VCARD"
        )

    def extract(self, data: bytes, name: str, reading: Reading) -> list[Part]:
        data = _check_text(data, reading)
        text = decode(data, reading.charset or "utf-8")
        # vCard 2.1 quoted-printable values continue after a trailing "=".
        text = re.sub(r"=\r?\n", "", text) if "QUOTED-PRINTABLE" in text.upper() else text
        text = FOLD.sub("", text)
        lines, files = [], []
        for match in ENCODED_VALUE.finditer(text):
            params = (match.group("params") or "").upper()
            value = match.group("value")
            if "ENCODING=B" in params or "VALUE=BINARY" in params:
                files.append(value)
                continue
            if "QUOTED-PRINTABLE" in params:
                value = quopri.decodestring(value.encode("latin-1", "replace")).decode("utf-8", "replace")
            value = value.replace("\\n", "\n").replace("\\N", "\n").replace("\\,", ",").replace("\\;", ";")
            lines.append(f"{match.group('prop')}: {value.replace(chr(92) * 2, chr(92))}")
        parts = [Part(name, "\n".join(lines) if lines else text, "text/calendar")]
        for number, value in enumerate(files, 1):
            payload = lenient_base64(value.encode("ascii", "ignore"))[0]
            parts += extract_part(payload, f"{name}, inline file {number}", reading=reading.inside(), typed=True)
        return parts


register(HtmlExtractor())
register(CalendarExtractor())
register(CsvExtractor())
register(PlainTextExtractor())
