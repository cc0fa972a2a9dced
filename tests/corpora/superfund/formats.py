"""Writers: letters as PDF/DOCX/RTF/HTML/TXT and messages as .eml, all byte-deterministic."""

from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime

from fpdf import FPDF

FIXED = datetime(2026, 7, 1, 9, 0, tzinfo=UTC)

LETTERHEADS = [
    ("COASTLINE INDUSTRY SUPER", "Locked Bag 4410, Coffs Harbour NSW 2450 | 1300 555 014 | coastlinesuper.example"),
    ("Coastline Industry Super - Member Services", "PO Box 88, Newcastle NSW 2300 | ABN 00 111 222 333"),
    ("Coastline Super | Insurance & Claims", "Claims Team, Locked Bag 4411, Coffs Harbour NSW 2450"),
    ("Coastline Industry Superannuation Fund", "Trustee: Coastline Trustees Pty Ltd | RSE L0009999"),
]


@dataclass
class Letter:
    addressee: list[str]  # name line(s) and address lines: what shows through the window
    date: str
    subject: str
    salutation: str
    paras: list[str]
    signoff: list[str] = field(default_factory=lambda: ["Yours sincerely", "", "Member Services Team"])
    ref: str = ""
    head: int = 0
    extra_pages: list[list[str]] = field(default_factory=list)  # continuation pages (header line first)
    footer: str = "Coastline Trustees Pty Ltd ABN 00 111 222 333 AFSL 999999, trustee of Coastline Industry Super."

    def text_lines(self) -> list[str]:
        name, contact = LETTERHEADS[self.head % len(LETTERHEADS)]
        out = [name, contact, "", *self.addressee, "", self.date]
        if self.ref:
            out.append(self.ref)
        out += ["", self.subject, "", self.salutation, ""]
        for p in self.paras:
            out += [p, ""]
        out += self.signoff
        for page in self.extra_pages:
            out += ["", *page]
        return out


def _latin(s: str) -> str:
    return s.encode("latin-1", "replace").decode("latin-1")


def _pdf() -> FPDF:
    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED)
    pdf.set_auto_page_break(True, margin=20)
    pdf.set_margins(20, 15, 20)
    return pdf


def _pdf_letter(pdf: FPDF, lt: Letter) -> None:
    name, contact = LETTERHEADS[lt.head % len(LETTERHEADS)]
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 14 if lt.head % 2 == 0 else 12)
    pdf.cell(0, 7, _latin(name), new_x="LMARGIN", new_y="NEXT", align="L" if lt.head % 3 else "R")
    pdf.set_font("Helvetica", "", 8)
    pdf.cell(0, 5, _latin(contact), new_x="LMARGIN", new_y="NEXT", align="L" if lt.head % 3 else "R")
    pdf.set_y(45)  # the window of a DL envelope
    pdf.set_font("Helvetica", "", 10)
    for line in lt.addressee:
        pdf.cell(90, 5, _latin(line), new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(80)
    pdf.cell(0, 5, _latin(lt.date), new_x="LMARGIN", new_y="NEXT", align="R")
    if lt.ref:
        pdf.cell(0, 5, _latin(lt.ref), new_x="LMARGIN", new_y="NEXT", align="R")
    pdf.ln(4)
    pdf.set_font("Helvetica", "B", 11)
    pdf.multi_cell(0, 6, _latin(lt.subject), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    pdf.ln(2)
    pdf.multi_cell(0, 5, _latin(lt.salutation), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    for p in lt.paras:
        pdf.multi_cell(0, 5, _latin(p), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    for s in lt.signoff:
        pdf.cell(0, 5, _latin(s), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 7)
    pdf.ln(6)
    pdf.multi_cell(0, 4, _latin(lt.footer), new_x="LMARGIN", new_y="NEXT")
    for page in lt.extra_pages:
        pdf.add_page()
        pdf.set_font("Helvetica", "B", 10)
        pdf.cell(0, 6, _latin(page[0]), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 10)
        for line in page[1:]:
            pdf.multi_cell(0, 5, _latin(line), new_x="LMARGIN", new_y="NEXT")


def pdf_bytes(letters: list[Letter], password: str = "") -> bytes:
    pdf = _pdf()
    for lt in letters:
        _pdf_letter(pdf, lt)
    if password:
        pdf.set_encryption(owner_password=password + "-owner", user_password=password)
    return bytes(pdf.output())


def _fix_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed timestamps so the bytes depend only on the content."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2026, 7, 1, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(zi, src.read(info.filename))
    return out.getvalue()


def docx_bytes(lt: Letter) -> bytes:
    from docx import Document
    from docx.shared import Pt

    doc = Document()
    doc.core_properties.created = FIXED.replace(tzinfo=None)
    doc.core_properties.modified = FIXED.replace(tzinfo=None)
    doc.core_properties.author = "Member Services"
    name, contact = LETTERHEADS[lt.head % len(LETTERHEADS)]
    doc.add_heading(name, level=1)
    doc.add_paragraph(contact).runs[0].font.size = Pt(8)
    for line in lt.addressee:
        doc.add_paragraph(line).paragraph_format.space_after = Pt(0)
    doc.add_paragraph("")
    doc.add_paragraph(lt.date)
    if lt.ref:
        doc.add_paragraph(lt.ref)
    doc.add_paragraph().add_run(lt.subject).bold = True
    doc.add_paragraph(lt.salutation)
    for p in lt.paras:
        doc.add_paragraph(p)
    for s in lt.signoff:
        doc.add_paragraph(s).paragraph_format.space_after = Pt(0)
    for page in lt.extra_pages:
        doc.add_page_break()
        doc.add_paragraph().add_run(page[0]).bold = True
        for line in page[1:]:
            doc.add_paragraph(line)
    doc.add_paragraph(lt.footer).runs[0].font.size = Pt(7)
    buf = io.BytesIO()
    doc.save(buf)
    return _fix_zip(buf.getvalue())


def _rtf_escape(s: str) -> str:
    out = []
    for ch in s:
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ord(ch) > 127:
            out.append(f"\\'{ord(ch):02x}" if ord(ch) < 256 else "?")
        else:
            out.append(ch)
    return "".join(out)


def rtf_bytes(lt: Letter) -> bytes:
    body = "\\par\n".join(_rtf_escape(x) for x in lt.text_lines())
    doc = "{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Arial;}}\\f0\\fs20\n" + body + "\\par\n}"
    return doc.encode("latin-1", "replace")


def txt_bytes(lt: Letter) -> bytes:
    return ("\n".join(lt.text_lines()) + "\n").encode("utf-8")


def esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def html_letter_bytes(lt: Letter) -> bytes:
    name, contact = LETTERHEADS[lt.head % len(LETTERHEADS)]
    addr = "<br>".join(esc(x) for x in lt.addressee)
    paras = "".join(f"<p>{esc(p)}</p>" for p in lt.paras)
    sign = "<br>".join(esc(s) for s in lt.signoff)
    extra = "".join(
        "<div style='page-break-before:always'><h3>"
        + esc(pg[0])
        + "</h3>"
        + "<br>".join(esc(x) for x in pg[1:])
        + "</div>"
        for pg in lt.extra_pages
    )
    ref = f"<div>{esc(lt.ref)}</div>" if lt.ref else ""
    html = f"""<!DOCTYPE html>
<html lang="en-AU"><head><meta charset="utf-8"><title>{esc(lt.subject)}</title>
<style>body{{font-family:Arial,sans-serif;font-size:10pt}} .head{{border-bottom:3px solid #0a6d8c;color:#0a6d8c}}
.window{{position:absolute;top:45mm;left:20mm;width:90mm}} .main{{margin-top:90mm}}</style></head>
<body><div class="head"><h1>{esc(name)}</h1><small>{esc(contact)}</small></div>
<div class="window">{addr}</div>
<div class="main"><div style="text-align:right">{esc(lt.date)}</div>{ref}
<h3>{esc(lt.subject)}</h3><p>{esc(lt.salutation)}</p>{paras}<p>{sign}</p>
<p style="font-size:7pt">{esc(lt.footer)}</p></div>{extra}</body></html>
"""
    return html.encode("utf-8")


def letter_bytes(lt: Letter, ext: str) -> bytes:
    return {
        "pdf": lambda: pdf_bytes([lt]),
        "docx": lambda: docx_bytes(lt),
        "rtf": lambda: rtf_bytes(lt),
        "txt": lambda: txt_bytes(lt),
        "html": lambda: html_letter_bytes(lt),
    }[ext]()


# --- messages ------------------------------------------------------------------------------------


def message(
    key: str,
    sender: str,
    to: list[str],
    subject: str,
    text: str,
    when: datetime,
    cc: list[str] | None = None,
    bcc: list[str] | None = None,
    html: str | None = None,
    attachments: list[tuple[str, str, bytes]] | None = None,
    reply_to_id: str | None = None,
    calendar: str | None = None,
) -> bytes:
    """An outgoing message; `key` makes the Message-ID and MIME boundaries deterministic."""
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = ", ".join(to)
    if cc:
        msg["Cc"] = ", ".join(cc)
    if bcc:
        msg["Bcc"] = ", ".join(bcc)
    msg["Subject"] = subject
    msg["Date"] = format_datetime(when)
    digest = hashlib.sha1(key.encode()).hexdigest()
    msg["Message-ID"] = f"<{digest[:20]}@mail.coastlinesuper.example>"
    if reply_to_id:
        msg["In-Reply-To"] = reply_to_id
        msg["References"] = reply_to_id
    msg["X-Mailer"] = "Microsoft Outlook 16.0"
    msg.set_content(text)
    if html:
        msg.add_alternative(html, subtype="html")
    if calendar:
        msg.add_attachment(
            calendar.encode("utf-8"),
            maintype="text",
            subtype="calendar",
            filename="invite.ics",
            params={"method": "REQUEST"},
        )
    for name, mime, data in attachments or []:
        maintype, subtype = mime.split("/")
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    for i, part in enumerate(msg.walk()):
        if part.is_multipart():
            part.set_boundary(f"=_cis_{digest[:12]}_{i}")
    return msg.as_bytes()


def reply_id(key: str) -> str:
    return f"<{hashlib.sha1(('prev' + key).encode()).hexdigest()[:20]}@mail.example>"
