"""Writers for letters and messages: PDF (fpdf2), DOCX, RTF, HTML, text and .eml, all byte-deterministic."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime

from docx import Document
from docx.oxml import parse_xml
from docx.shared import Pt
from fpdf import FPDF

FIXED = dt.datetime(2026, 3, 2, 9, 0, 0, tzinfo=dt.timezone(dt.timedelta(hours=11)))
ORG = "Bluegum Community Housing Ltd"
ORG_LINES = [
    ORG,
    "PO Box 1180, Shepparton VIC 3632",
    "Phone 1300 258 486  |  bluegumhousing.example",
    "ABN 51 824 753 556",
]


@dataclass
class Letter:
    to_lines: list[str]
    subject: str
    paras: list[str]
    date: str = "2 March 2026"
    refs: list[str] = field(default_factory=list)  # lines printed under the date ("Tenancy ref: ...")
    sign: str = "Tenancy Services Team"


def _latin(s: str) -> str:
    return s.encode("latin-1", "replace").decode("latin-1")


def pdf_doc() -> FPDF:
    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED)
    pdf.set_creator("Bluegum Letters")
    pdf.set_producer("Bluegum Letters")
    pdf.set_auto_page_break(True, 20)
    return pdf


def pdf_letter_page(pdf: FPDF, letter: Letter, layout: str = "window") -> None:
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 13)
    if layout == "right":
        pdf.set_xy(20, 14)
        pdf.cell(0, 6, ORG)
        pdf.set_font("Helvetica", "", 8)
        for i, line in enumerate(ORG_LINES[1:]):
            pdf.set_xy(20, 21 + 4 * i)
            pdf.cell(0, 4, line)
        pdf.set_font("Helvetica", "", 10)
        y = 50
        for line in letter.to_lines:
            pdf.set_xy(118, y)
            pdf.cell(75, 5, _latin(line), align="R")
            y += 5
        y = max(y, 80) + 4
    else:
        pdf.set_xy(120, 12)
        pdf.cell(0, 6, "Bluegum Housing")
        pdf.set_font("Helvetica", "", 8)
        for i, line in enumerate(ORG_LINES[1:]):
            pdf.set_xy(120, 19 + 4 * i)
            pdf.cell(0, 4, line)
        pdf.set_font("Helvetica", "", 10)
        y = 47
        for line in letter.to_lines:
            pdf.set_xy(22, y)
            pdf.cell(85, 5, _latin(line))
            y += 5
        y = 85
    pdf.set_xy(20, y)
    pdf.cell(0, 5, letter.date)
    y += 6
    for r in letter.refs:
        pdf.set_xy(20, y)
        pdf.cell(0, 5, _latin(r))
        y += 5
    pdf.set_xy(20, y + 4)
    pdf.set_font("Helvetica", "B", 10)
    pdf.multi_cell(170, 5, _latin(letter.subject))
    pdf.set_font("Helvetica", "", 10)
    pdf.ln(3)
    for p in letter.paras:
        pdf.set_x(20)
        pdf.multi_cell(170, 5, _latin(p))
        pdf.ln(2)
    pdf.set_x(20)
    pdf.multi_cell(170, 5, _latin("Yours sincerely\n\n" + letter.sign + "\n" + ORG))


def pdf_bytes(letters: list[Letter] | Letter, layout: str = "window", encrypt: bool = False) -> bytes:
    if isinstance(letters, Letter):
        letters = [letters]
    pdf = pdf_doc()
    for letter in letters:
        pdf_letter_page(pdf, letter, layout)
    if encrypt:
        pdf.set_encryption(owner_password="bluegum-owner", user_password="tenancy2026")
    return bytes(pdf.output())


def pdf_table(title: str, header: list[str], rows: list[list[str]], intro: str = "") -> bytes:
    pdf = pdf_doc()
    pdf.add_page(orientation="L")
    pdf.set_font("Helvetica", "B", 12)
    pdf.cell(0, 8, _latin(title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 8)
    if intro:
        pdf.multi_cell(0, 4, _latin(intro))
    width = 277 / len(header)
    pdf.set_font("Helvetica", "B", 7)
    for h in header:
        pdf.cell(width, 5, _latin(h), border=1)
    pdf.ln()
    pdf.set_font("Helvetica", "", 7)
    for r in rows:
        for c in r:
            pdf.cell(width, 5, _latin(c)[:60], border=1)
        pdf.ln()
    return bytes(pdf.output())


def _fixed_zip(raw: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(raw))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2026, 3, 2, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(zi, src.read(info.filename))
    return out.getvalue()


def _docx_save(doc) -> bytes:
    cp = doc.core_properties
    cp.author = "Bluegum Housing"
    cp.last_modified_by = "Bluegum Housing"
    cp.created = FIXED.replace(tzinfo=None)
    cp.modified = FIXED.replace(tzinfo=None)
    cp.revision = 1
    buf = io.BytesIO()
    doc.save(buf)
    return _fixed_zip(buf.getvalue())


TEXTBOX = (
    '<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml"><w:r><w:pict>'
    '<v:shape id="AddressBox" type="#_x0000_t202" style="position:absolute;margin-left:0;margin-top:60pt;'
    'width:220pt;height:80pt;z-index:1"><v:textbox><w:txbxContent>{paras}</w:txbxContent></v:textbox>'
    "</v:shape></w:pict></w:r></w:p>"
)


def _esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def docx_bytes(letter: Letter, layout: str = "para") -> bytes:
    doc = Document()
    doc.styles["Normal"].font.name = "Arial"
    doc.styles["Normal"].font.size = Pt(10)
    header = doc.sections[0].header.paragraphs[0]
    header.text = ORG + "  |  " + ORG_LINES[1]
    doc.sections[0].footer.paragraphs[0].text = ORG_LINES[2] + "  |  " + ORG_LINES[3]
    if layout == "table":
        t = doc.add_table(rows=1, cols=2)
        t.cell(0, 0).text = "\n".join(letter.to_lines)
        t.cell(0, 1).text = "\n".join([letter.date, *letter.refs])
    elif layout == "textbox":
        paras = "".join(f"<w:p><w:r><w:t>{_esc(line)}</w:t></w:r></w:p>" for line in letter.to_lines)
        doc.element.body.insert(0, parse_xml(TEXTBOX.format(paras=paras)))
        for _ in range(5):
            doc.add_paragraph("")
        doc.add_paragraph(letter.date)
        for r in letter.refs:
            doc.add_paragraph(r)
    else:
        for line in letter.to_lines:
            doc.add_paragraph(line)
        doc.add_paragraph("")
        doc.add_paragraph(letter.date)
        for r in letter.refs:
            doc.add_paragraph(r)
    doc.add_paragraph("")
    doc.add_paragraph().add_run(letter.subject).bold = True
    for p in letter.paras:
        doc.add_paragraph(p)
    doc.add_paragraph("Yours sincerely")
    doc.add_paragraph(letter.sign)
    doc.add_paragraph(ORG)
    return _docx_save(doc)


def docx_raw_paras(paras: list[str]) -> bytes:
    doc = Document()
    for p in paras:
        doc.add_paragraph(p)
    return _docx_save(doc)


def _rtf_esc(s: str) -> str:
    out = []
    for ch in s:
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ord(ch) > 127:
            out.append("\\'%02x" % (ord(ch) & 0xFF))
        else:
            out.append(ch)
    return "".join(out)


def rtf_bytes(letter: Letter) -> bytes:
    lines = [r"{\rtf1\ansi\deff0{\fonttbl{\f0 Arial;}}\fs20", r"{\b " + _rtf_esc(ORG) + r"}\par"]
    lines += [_rtf_esc(x) + r"\par" for x in ORG_LINES[1:3]]
    lines.append(r"\par")
    lines += [_rtf_esc(x) + r"\line" for x in letter.to_lines]
    lines.append(r"\par\par " + _rtf_esc(letter.date) + r"\par")
    lines += [_rtf_esc(x) + r"\par" for x in letter.refs]
    lines.append(r"\par{\b " + _rtf_esc(letter.subject) + r"}\par\par")
    lines += [_rtf_esc(p) + r"\par\par" for p in letter.paras]
    lines.append(r"Yours sincerely\par\par " + _rtf_esc(letter.sign) + r"\par " + _rtf_esc(ORG) + r"\par}")
    return ("\n".join(lines) + "\n").encode("latin-1", "replace")


def html_letter(letter: Letter, layout: str = "grid") -> bytes:
    block = "<br>".join(_esc(x) for x in letter.to_lines)
    refs = "<br>".join(_esc(x) for x in [letter.date, *letter.refs])
    if layout == "table":
        top = f'<table width="100%"><tr><td class="addr">{block}</td><td align="right">{refs}</td></tr></table>'
    else:
        top = (
            '<div style="display:grid;grid-template-columns:1fr 1fr">'
            f'<div class="addr">{block}</div><div style="text-align:right">{refs}</div></div>'
        )
    body = "".join(f"<p>{_esc(p)}</p>" for p in letter.paras)
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>'
        + _esc(letter.subject)
        + "</title></head><body>\n"
        + f"<header><strong>{ORG}</strong><br>{_esc(ORG_LINES[1])}</header>\n{top}\n"
        + f"<h3>{_esc(letter.subject)}</h3>\n{body}\n<p>Yours sincerely<br><br>{_esc(letter.sign)}<br>{ORG}</p>\n"
        + "</body></html>\n"
    ).encode("utf-8")


def text_letter(letter: Letter) -> str:
    out = [ORG, *ORG_LINES[1:3], "", *letter.to_lines, "", letter.date, *letter.refs, "", letter.subject, ""]
    for p in letter.paras:
        out += [p, ""]
    out += ["Yours sincerely", "", letter.sign, ORG, ""]
    return "\n".join(out)


def render(letter: Letter, fmt: str) -> tuple[str, bytes]:
    """fmt: pdf-window, pdf-right, docx-para, docx-table, docx-textbox, rtf, html-grid, html-table, txt."""
    kind, _, layout = fmt.partition("-")
    if kind == "pdf":
        return "pdf", pdf_bytes(letter, layout or "window")
    if kind == "docx":
        return "docx", docx_bytes(letter, layout or "para")
    if kind == "rtf":
        return "rtf", rtf_bytes(letter)
    if kind == "html":
        return "html", html_letter(letter, layout or "grid")
    return "txt", text_letter(letter).encode("utf-8")


MIME = {
    "pdf": ("application", "pdf"),
    "docx": ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "csv": ("text", "csv"),
    "txt": ("text", "plain"),
    "rtf": ("application", "rtf"),
    "ics": ("text", "calendar"),
    "html": ("text", "html"),
}


def eml_bytes(
    n: int,
    frm: str,
    to: list[str],
    subject: str,
    text: str,
    html: str | None = None,
    cc: list[str] | None = None,
    attachments: list[tuple[str, bytes]] | None = None,
    cte: str | None = None,
    reply_to: str | None = None,
    inner: bytes | None = None,
) -> bytes:
    msg = EmailMessage(policy=SMTP)
    msg["From"] = frm
    msg["To"] = ", ".join(to)
    if cc:
        msg["Cc"] = ", ".join(cc)
    if reply_to:
        msg["Reply-To"] = reply_to
    msg["Subject"] = subject
    msg["Date"] = format_datetime(FIXED + dt.timedelta(minutes=7 * n))
    msg["Message-ID"] = f"<{n:05d}.bluegum@mail.bluegumhousing.example>"
    msg["MIME-Version"] = "1.0"
    if cte:
        msg.set_content(text, cte=cte)
    else:
        msg.set_content(text)
    if html is not None:
        msg.add_alternative(html, subtype="html")
    for name, data in attachments or []:
        ext = name.rsplit(".", 1)[-1]
        maintype, subtype = MIME.get(ext, ("application", "octet-stream"))
        if maintype == "text":
            msg.add_attachment(data.decode("utf-8"), subtype=subtype, filename=name)
        else:
            msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    if inner is not None:
        from email import message_from_bytes

        msg.add_attachment(message_from_bytes(inner, policy=SMTP), filename="forwarded.eml")
    i = 0
    for part in msg.walk():
        if part.is_multipart():
            part.set_boundary(f"==bluegum_{n:05d}_{i}==")
            i += 1
    return msg.as_bytes()
