"""Files as the practice's systems write them: letterhead letters (PDF, DOCX, RTF, TXT, HTML), .eml, .ics."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime

from tests.corpora.migration import world as W

FIXED = datetime(2025, 11, 3, 9, 0, tzinfo=UTC)


@dataclass
class Letter:
    to: list[str]  # the address block, line by line
    paras: list[str]
    dear: str
    date: str = "3 November 2025"
    ref: str = ""
    subject: str = ""
    office: int = 0
    signer: W.Staff = W.PRINCIPAL
    enclosures: list[str] = field(default_factory=list)
    private: bool = True

    def head(self) -> list[str]:
        o = W.OFFICES[self.office]
        return [W.FIRM.upper(), f"{o.lines[0]}, {o.lines[1]}", f"T {o.phone}  |  {W.HEAD_PHONE}  |  www.{W.INTERNAL}"]

    def lines(self) -> list[str]:
        """The letter as plain lines, address block first after the letterhead."""
        out = self.head() + [""]
        if self.private:
            out.append("PRIVATE AND CONFIDENTIAL")
        out += self.to + ["", self.date]
        if self.ref:
            out.append(f"Our ref: {self.ref}")
        out.append("")
        out.append(f"{self.dear},")
        out.append("")
        if self.subject:
            out += [self.subject.upper(), ""]
        for p in self.paras:
            out += [p, ""]
        out += ["Yours sincerely,", "", self.signer.name, self.signer.title, W.FIRM]
        if self.enclosures:
            out += ["", "Enclosures: " + "; ".join(self.enclosures)]
        out += ["", "Liability limited by a scheme approved under Professional Standards Legislation."]
        return out


def _latin(s: str) -> str:
    return s.replace("\u2019", "'").replace("\u2013", "-").encode("latin-1", "replace").decode("latin-1")


def _pdf():
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED)
    pdf.set_producer("Harbourgate DocGen 4.2")
    pdf.set_auto_page_break(True, 18)
    return pdf


def _pdf_letter_pages(pdf, letter: Letter, window: bool) -> None:
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 13)
    head = letter.head()
    pdf.cell(0, 6, head[0], new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 8)
    for h in head[1:]:
        pdf.cell(0, 4, _latin(h), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    if window:  # DL window envelope: the block sits 45 mm down, 20 mm in
        pdf.set_xy(20, 45)
    else:
        pdf.ln(8)
    if letter.private:
        pdf.set_font("Helvetica", "B", 8)
        pdf.cell(0, 4, "PRIVATE AND CONFIDENTIAL", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 10)
        if window:
            pdf.set_x(20)
    for line in letter.to:
        pdf.cell(90, 5, _latin(line), new_x="LMARGIN", new_y="NEXT")
        if window:
            pdf.set_x(20)
    pdf.set_xy(10, max(pdf.get_y() + 8, 80 if window else 0))
    pdf.cell(0, 5, letter.date, new_x="LMARGIN", new_y="NEXT")
    if letter.ref:
        pdf.cell(0, 5, f"Our ref: {letter.ref}", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.cell(0, 5, _latin(letter.dear + ","), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    if letter.subject:
        pdf.set_font("Helvetica", "B", 10)
        pdf.multi_cell(0, 5, _latin(letter.subject), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 10)
        pdf.ln(2)
    for p in letter.paras:
        pdf.multi_cell(0, 5, _latin(p), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    for s in ["Yours sincerely,", "", letter.signer.name, letter.signer.title, W.FIRM]:
        pdf.cell(0, 5, _latin(s), new_x="LMARGIN", new_y="NEXT")
    if letter.enclosures:
        pdf.ln(3)
        pdf.multi_cell(0, 5, _latin("Enclosures: " + "; ".join(letter.enclosures)), new_x="LMARGIN", new_y="NEXT")


def pdf_letter(letter: Letter, window: bool = True) -> bytes:
    pdf = _pdf()
    _pdf_letter_pages(pdf, letter, window)
    return bytes(pdf.output())


def merged_pdf(letters: list[Letter]) -> bytes:
    pdf = _pdf()
    for letter in letters:
        _pdf_letter_pages(pdf, letter, True)
    return bytes(pdf.output())


def pdf_document(title: str, rows: list[str], password: str = "") -> bytes:
    """A form-like document: a grant notice, a checklist, a receipt, a list."""
    pdf = _pdf()
    if password:
        from fpdf.enums import EncryptionMethod

        pdf.set_encryption(
            owner_password=password + "-owner", user_password=password, encryption_method=EncryptionMethod.RC4
        )
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 12)
    pdf.multi_cell(0, 6, _latin(title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 9)
    pdf.ln(2)
    for r in rows:
        pdf.multi_cell(0, 5, _latin(r), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _fix_zip(data: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2025, 11, 3, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, src.read(info.filename))
    return out.getvalue()


def docx_letter(letter: Letter, extra_xml_field: str = "") -> bytes:
    from docx import Document
    from docx.shared import Pt

    d = Document()
    d.core_properties.created = FIXED.replace(tzinfo=None)
    d.core_properties.modified = FIXED.replace(tzinfo=None)
    d.core_properties.author = letter.signer.name
    d.core_properties.title = letter.subject or "Letter"
    header = d.sections[0].header.paragraphs[0]
    header.text = "  |  ".join(letter.head())
    for line in letter.lines()[len(letter.head()) + 1 :]:
        p = d.add_paragraph(line)
        p.paragraph_format.space_after = Pt(0)
    if extra_xml_field:
        _merge_field(d.add_paragraph(), extra_xml_field)
    buf = io.BytesIO()
    d.save(buf)
    return _fix_zip(buf.getvalue())


def _merge_field(paragraph, name: str) -> None:
    """A Word MERGEFIELD whose result is still its «name» (the merge never ran on it)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def run_with(el):
        r = OxmlElement("w:r")
        r.append(el)
        paragraph._p.append(r)

    b = OxmlElement("w:fldChar")
    b.set(qn("w:fldCharType"), "begin")
    run_with(b)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" MERGEFIELD {name} "
    run_with(instr)
    s = OxmlElement("w:fldChar")
    s.set(qn("w:fldCharType"), "separate")
    run_with(s)
    t = OxmlElement("w:t")
    t.text = f"\u00ab{name}\u00bb"
    run_with(t)
    e = OxmlElement("w:fldChar")
    e.set(qn("w:fldCharType"), "end")
    run_with(e)


def _rtf_escape(s: str) -> str:
    out = []
    for ch in s:
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ord(ch) > 127:
            out.append(f"\\u{ord(ch)}?")
        else:
            out.append(ch)
    return "".join(out)


def rtf_letter(letter: Letter) -> bytes:
    body = "\\par\n".join(_rtf_escape(x) for x in letter.lines())
    doc = "{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Calibri;}}\\f0\\fs22\n" + body + "\\par\n}"
    return doc.encode("latin-1")


def txt_letter(letter: Letter) -> bytes:
    return ("\n".join(letter.lines()) + "\n").encode("utf-8")


def html_letter(letter: Letter) -> bytes:
    from html import escape

    ls = letter.lines()
    nh = len(letter.head())
    head = "<br>".join(escape(x) for x in ls[:nh])
    body = "".join(f"<p>{escape(x)}</p>" if x else "" for x in ls[nh:])
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{escape(letter.subject or 'Letter')}</title>"
        f"</head><body><header style='color:#13406b'>{head}</header>{body}</body></html>\n"
    ).encode()


def signature(staff: W.Staff, office: int = 0) -> str:
    o = W.OFFICES[office]
    return (
        f"\n\n--\n{staff.name}\n{staff.title}\n{W.FIRM}\n{o.lines[0]}, {o.lines[1]}\n"
        f"T {o.phone} | {W.HEAD_PHONE}\n{staff.email}\n"
        "This email is confidential and may be legally privileged. If you received it in error, tell us and "
        "delete it.\n"
    )


def ics(
    uid: str, summary: str, start: str, end: str, location: str, description: str, organiser: str, attendees: list[str]
) -> bytes:
    att = "".join(f"ATTENDEE;ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:{a}\r\n" for a in attendees)
    desc = description.replace("\n", "\\n").replace(",", "\\,")
    loc = location.replace(",", "\\,")
    text = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Harbourgate//Diary 3.1//EN\r\nMETHOD:REQUEST\r\n"
        "BEGIN:VEVENT\r\n"
        f"UID:{uid}@{W.INTERNAL}\r\nDTSTAMP:20251103T090000Z\r\nDTSTART;TZID=Australia/Melbourne:{start}\r\n"
        f"DTEND;TZID=Australia/Melbourne:{end}\r\nSUMMARY:{summary}\r\nLOCATION:{loc}\r\n"
        f"DESCRIPTION:{desc}\r\nORGANIZER;CN=Harbourgate:mailto:{organiser}\r\n{att}"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    return text.encode()


def eml(
    mid: str,
    frm: str,
    to: list[str],
    subject: str,
    text: str,
    *,
    cc: list[str] | None = None,
    html: str | None = None,
    attachments: list[tuple[str, str, bytes]] | None = None,
    reply_to_id: str = "",
    minute: int = 0,
) -> bytes:
    msg = EmailMessage()
    msg["From"] = frm
    msg["To"] = ", ".join(to)
    if cc:
        msg["Cc"] = ", ".join(cc)
    msg["Subject"] = subject
    msg["Date"] = format_datetime(FIXED.replace(minute=minute % 60))
    msg["Message-ID"] = f"<{mid}.{minute}@mail.{W.INTERNAL}>"
    if reply_to_id:
        msg["In-Reply-To"] = f"<{reply_to_id}>"
        msg["References"] = f"<{reply_to_id}>"
    msg.set_content(text)
    if html is not None:
        msg.add_alternative(html, subtype="html")
    for name, ctype, data in attachments or []:
        main, sub = ctype.split("/")
        if main == "text":
            msg.add_attachment(data.decode("utf-8"), subtype=sub, filename=name)
        else:
            msg.add_attachment(data, maintype=main, subtype=sub, filename=name)
    n = 0
    for part in msg.walk():
        if part.is_multipart():
            n += 1
            part.set_boundary(f"=_hgm_{mid}_{n}")
    return msg.as_bytes()
