"""A fillable claim form (AcroForm text fields with values), written as raw PDF objects.

fpdf2 draws no form fields, and the online claims portal that 'produced' these forms is not fpdf2 anyway:
the field values live only in the widgets (/V and their appearance streams), not in the page text.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Field:
    label: str
    name: str
    value: str
    width: float = 300


def _pdf_str(s: str) -> bytes:
    """A literal string in PDFDocEncoding when possible, else UTF-16BE with a byte-order mark."""
    try:
        raw = s.encode("latin-1")
    except UnicodeEncodeError:
        return b"<FEFF" + s.encode("utf-16-be").hex().upper().encode() + b">"
    raw = raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    return b"(" + raw + b")"


def _ap_text(s: str) -> bytes:
    from .people import ascii_fold

    folded = "".join(ch if ord(ch) < 256 else ascii_fold(ch) for ch in s)
    raw = folded.encode("latin-1", "replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def form_pdf(
    title: str, intro: list[str], fields: list[Field], footer: str, producer: str = "FormsPortal 3.1"
) -> bytes:
    objs: list[bytes] = []  # object n is objs[n-1]

    def add(body: bytes) -> int:
        objs.append(body)
        return len(objs)

    catalog = add(b"")  # filled in last
    pages = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    bold = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
    page = add(b"")
    content = [b"BT /F2 15 Tf 50 790 Td " + _ap_text(title) + b" Tj ET"]
    y = 768
    for ln in intro:
        content.append(b"BT /F1 9 Tf 50 %d Td " % y + _ap_text(ln) + b" Tj ET")
        y -= 13
    y -= 10
    widgets: list[int] = []
    for f in fields:
        content.append(b"BT /F1 9 Tf 50 %d Td " % (y + 5) + _ap_text(f.label) + b" Tj ET")
        rect = (190, y, 190 + f.width, y + 16)
        content.append(b"0.6 G %d %d %d 16 re S" % (rect[0], rect[1], f.width))
        ap_body = b"/Tx BMC q BT /Helv 9 Tf 0 g 2 5 Td " + _ap_text(f.value) + b" Tj ET Q EMC"
        ap = add(
            b"<< /Type /XObject /Subtype /Form /BBox [0 0 %d 16] /Resources << /Font << /Helv %d 0 R >> >> "
            b"/Length %d >>\nstream\n" % (f.width, font, len(ap_body)) + ap_body + b"\nendstream"
        )
        widgets.append(
            add(
                b"<< /Type /Annot /Subtype /Widget /FT /Tx /F 4 /T "
                + _pdf_str(f.name)
                + b" /TU "
                + _pdf_str(f.label)
                + b" /V "
                + _pdf_str(f.value)
                + b" /DA (/Helv 9 Tf 0 g) /Rect [%d %d %d %d] /P %d 0 R /AP << /N %d 0 R >> >>" % (*rect, page, ap)
            )
        )
        y -= 24
    content.append(b"BT /F1 6.5 Tf 50 40 Td " + _ap_text(footer) + b" Tj ET")
    stream = b"\n".join(content)
    cont = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    annots = b" ".join(b"%d 0 R" % w for w in widgets)
    objs[page - 1] = (
        b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R /Resources << /Font "
        b"<< /F1 %d 0 R /F2 %d 0 R >> >> /Annots [%s] >>" % (pages, cont, font, bold, annots)
    )
    objs[pages - 1] = b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % page
    objs[catalog - 1] = (
        b"<< /Type /Catalog /Pages %d 0 R /AcroForm << /Fields [%s] /DA (/Helv 9 Tf 0 g) "
        b"/DR << /Font << /Helv %d 0 R >> >> >> >>" % (pages, annots, font)
    )
    info = add(
        b"<< /Producer "
        + _pdf_str(producer)
        + b" /Title "
        + _pdf_str(title)
        + b" /CreationDate (D:20250303093000+11'00') >>"
    )
    out = bytearray(b"%PDF-1.6\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objs, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objs) + 1,
        catalog,
        info,
        xref,
    )
    return bytes(out)
