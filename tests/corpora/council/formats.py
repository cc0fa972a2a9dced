"""Writers: a letter (PDF, DOCX, RTF, TXT, HTML) and a message (.eml), all deterministic."""

from __future__ import annotations

import datetime as dt
import html
import io
import zipfile
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from fpdf import FPDF

from .people import DOMAIN

COUNCIL = "Wirrabara Shire Council"
COUNCIL_ADDR = ["PO Box 12", "WIRRABARA VIC 3691"]
COUNCIL_FOOT = "Wirrabara Shire Council  ABN 61 507 233 918  |  48 High Street, Wirrabara VIC 3691  |  (03) 5460 1200"
FIXED = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=11)))


@dataclass
class Letter:
    address: list[str]  # the address block lines
    body: list[str]  # paragraphs
    subject: str = ""
    date: str = "2 March 2026"
    refs: list[tuple[str, str]] = field(default_factory=list)  # (label, value) reference box
    table: list[list[str]] = field(default_factory=list)  # optional table rows, first is header
    layout: str = "window"  # window | right | table | plain
    sign: str = "Revenue Services"
    extra_pages: list[list[str]] = field(default_factory=list)  # further pages (paragraphs)
    footer: str = COUNCIL_FOOT


def _latin(s: str) -> str:
    return s.encode("latin-1", "replace").decode("latin-1")


def pdf_pages(pdf: FPDF, L: Letter) -> None:
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 14)
    pdf.cell(0, 7, COUNCIL, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 8)
    pdf.cell(0, 4, _latin(L.footer), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    if L.layout == "right":
        pdf.set_y(40)
        for line in L.address:
            pdf.cell(0, 5, _latin(line), align="R", new_x="LMARGIN", new_y="NEXT")
    else:  # window position: 20 mm from left, 45 mm from top
        pdf.set_xy(20, 45)
        for line in L.address:
            pdf.set_x(20)
            pdf.cell(90, 5, _latin(line), new_x="LMARGIN", new_y="NEXT")
    if L.refs:
        y = pdf.get_y()
        pdf.set_xy(130, 45 if L.layout != "right" else y + 4)
        for k, v in L.refs:
            pdf.set_x(130)
            pdf.cell(65, 5, _latin(f"{k}: {v}"), new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(max(pdf.get_y(), y))
    pdf.ln(8)
    pdf.cell(0, 5, L.date, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    if L.subject:
        pdf.set_font("Helvetica", "B", 11)
        pdf.multi_cell(0, 5, _latin(L.subject), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 10)
        pdf.ln(2)
    for p in L.body:
        pdf.multi_cell(0, 5, _latin(p), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    if L.table:
        for i, row in enumerate(L.table):
            pdf.set_font("Helvetica", "B" if i == 0 else "", 9)
            w = 180 / len(row)
            for cell in row:
                pdf.cell(w, 6, _latin(cell), border=1)
            pdf.ln(6)
        pdf.set_font("Helvetica", "", 10)
    pdf.ln(4)
    pdf.cell(0, 5, "Yours sincerely,", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 5, _latin(L.sign), new_x="LMARGIN", new_y="NEXT")
    for page in L.extra_pages:
        pdf.add_page()
        pdf.set_font("Helvetica", "", 10)
        for p in page:
            pdf.multi_cell(0, 5, _latin(p), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)


def new_pdf() -> FPDF:
    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED)
    pdf.set_auto_page_break(True, 15)
    pdf.set_title("Council correspondence")
    return pdf


def pdf_bytes(letters: list[Letter], encrypt: str = "") -> bytes:
    pdf = new_pdf()
    if encrypt:
        pdf.set_encryption(owner_password="o-" + encrypt, user_password=encrypt)
    for L in letters:
        pdf_pages(pdf, L)
    pdf.file_id = lambda: "<0123456789ABCDEF0123456789ABCDEF><0123456789ABCDEF0123456789ABCDEF>"  # type: ignore
    return bytes(pdf.output())


def fix_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed timestamps (python-docx stamps the current time)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2026, 3, 2, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, src.read(info.filename))
    return out.getvalue()


def docx_bytes(L: Letter) -> bytes:
    d = Document()
    cp = d.core_properties
    cp.created = cp.modified = dt.datetime(2026, 3, 2, 9, 0)
    cp.author = cp.last_modified_by = "Wirrabara Shire Council"
    sec = d.sections[0]
    sec.header.paragraphs[0].text = f"{COUNCIL}\t\t{L.footer}"
    sec.footer.paragraphs[0].text = L.footer
    if L.layout == "table":  # two-column table: address left, references right
        t = d.add_table(rows=1, cols=2)
        t.cell(0, 0).text = "\n".join(L.address)
        t.cell(0, 1).text = "\n".join(f"{k}: {v}" for k, v in L.refs) + f"\n{L.date}"
    else:
        for line in L.address:
            p = d.add_paragraph(line)
            p.paragraph_format.space_after = Pt(0)
            if L.layout == "right":
                p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        d.add_paragraph("")
        for k, v in L.refs:
            d.add_paragraph(f"{k}: {v}")
        d.add_paragraph(L.date)
    if L.subject:
        d.add_paragraph().add_run(L.subject).bold = True
    for p in L.body:
        d.add_paragraph(p)
    if L.table:
        t = d.add_table(rows=len(L.table), cols=len(L.table[0]))
        for i, row in enumerate(L.table):
            for j, cell in enumerate(row):
                t.cell(i, j).text = cell
    d.add_paragraph("Yours sincerely,")
    d.add_paragraph(L.sign)
    for page in L.extra_pages:
        d.add_page_break()
        for p in page:
            d.add_paragraph(p)
    buf = io.BytesIO()
    d.save(buf)
    return fix_zip(buf.getvalue())


def _rtf_esc(s: str) -> str:
    out = []
    for ch in s.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}"):
        out.append(ch if ord(ch) < 128 else f"\\u{ord(ch)}?")
    return "".join(out)


def rtf_bytes(L: Letter) -> bytes:
    par = []
    par.append(r"{\b\fs28 " + _rtf_esc(COUNCIL) + r"}\par{\fs16 " + _rtf_esc(L.footer) + r"}\par\par")
    q = r"\qr " if L.layout == "right" else r"\ql "
    for line in L.address:
        par.append(q + _rtf_esc(line) + r"\par")
    par.append(r"\ql\par")
    for k, v in L.refs:
        par.append(_rtf_esc(f"{k}: {v}") + r"\par")
    par.append(_rtf_esc(L.date) + r"\par\par")
    if L.subject:
        par.append(r"{\b " + _rtf_esc(L.subject) + r"}\par\par")
    for p in L.body:
        par.append(_rtf_esc(p) + r"\par\par")
    for row in L.table:
        par.append(_rtf_esc("\t".join(row)) + r"\par")
    par.append(r"Yours sincerely,\par " + _rtf_esc(L.sign) + r"\par")
    doc = r"{\rtf1\ansi\deff0{\fonttbl{\f0 Arial;}}\f0\fs20 " + "\n".join(par) + "}"
    return doc.encode("ascii")


def txt_bytes(L: Letter) -> bytes:
    lines = [COUNCIL, L.footer, "", ""]
    if L.layout == "right":
        lines += [a.rjust(78) for a in L.address]
    else:
        lines += ["      " + a for a in L.address]
    lines += [""] + [f"{k}: {v}" for k, v in L.refs] + ["", L.date, ""]
    if L.subject:
        lines += [L.subject.upper(), ""]
    for p in L.body:
        lines += [p, ""]
    for row in L.table:
        lines.append(" | ".join(row))
    lines += ["", "Yours sincerely,", L.sign, ""]
    return "\n".join(lines).encode("utf-8")


def html_letter(L: Letter, css_grid: bool = True) -> str:
    e = html.escape
    addr = "<br>".join(e(a) for a in L.address)
    refs = "".join(f"<tr><th>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in L.refs)
    body = "".join(f"<p>{e(p)}</p>" for p in L.body)
    tab = ""
    if L.table:
        head = "".join(f"<th>{e(c)}</th>" for c in L.table[0])
        rows = "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in r) + "</tr>" for r in L.table[1:])
        tab = f'<table class="data"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'
    if css_grid:
        top = (
            f'<div class="top" style="display:grid;grid-template-columns:1fr 1fr">'
            f'<div class="addr">{addr}</div><table class="refs">{refs}</table></div>'
        )
    else:
        top = (
            f'<table width="100%"><tr><td valign="top">{addr}</td>'
            f'<td align="right"><table>{refs}</table></td></tr></table>'
        )
    return (
        '<!DOCTYPE html><html lang="en-AU"><head><meta charset="utf-8"><title>'
        f"{e(L.subject or COUNCIL)}</title><style>body{{font-family:Arial,sans-serif;font-size:11pt}}"
        ".hdr{border-bottom:3px solid #2a6f3e;color:#2a6f3e}.refs th{text-align:left;padding-right:8px}"
        ".data td,.data th{border:1px solid #999;padding:3px}footer{font-size:8pt;color:#555}</style></head>"
        f'<body><div class="hdr"><h1>{COUNCIL}</h1></div>{top}<p>{e(L.date)}</p>'
        f"<h2>{e(L.subject)}</h2>{body}{tab}<p>Yours sincerely,<br>{e(L.sign)}</p>"
        f"<footer>{e(L.footer)}</footer></body></html>"
    )


def letter_bytes(L: Letter, fmt: str) -> bytes:
    if fmt == "pdf":
        return pdf_bytes([L])
    if fmt == "docx":
        return docx_bytes(L)
    if fmt == "rtf":
        return rtf_bytes(L)
    if fmt == "html":
        return html_letter(L).encode("utf-8")
    return txt_bytes(L)


MIME = {
    "pdf": ("application", "pdf"),
    "docx": ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "rtf": ("application", "rtf"),
    "csv": ("text", "csv"),
    "ics": ("text", "calendar"),
    "vcf": ("text", "vcard"),
    "zip": ("application", "zip"),
    "txt": ("text", "plain"),
    "html": ("text", "html"),
}


def eml_bytes(
    sender: str,
    to: list[str],
    subject: str,
    text: str,
    *,
    cc: list[str] = (),
    html_body: str = "",
    attachments: list[tuple[str, bytes]] = (),
    cte: str = "",
    n: int = 0,
    extra_headers: dict[str, str] | None = None,
) -> bytes:
    m = EmailMessage(policy=policy.SMTP)
    m["From"] = sender
    m["To"] = ", ".join(to)
    if cc:
        m["Cc"] = ", ".join(cc)
    m["Subject"] = subject
    m["Date"] = format_datetime(FIXED + dt.timedelta(minutes=7 * n))
    m["Message-ID"] = f"<{n:05d}.corpus@{DOMAIN}>"
    for k, v in (extra_headers or {}).items():
        m[k] = v
    kw = {"cte": cte} if cte else {}
    m.set_content(text, **kw)
    if html_body:
        m.add_alternative(html_body, subtype="html", **kw)
    for name, data in attachments:
        ext = name.rsplit(".", 1)[-1].lower()
        mt, st = MIME.get(ext, ("application", "octet-stream"))
        if mt == "text":
            m.add_attachment(data.decode("utf-8"), subtype=st, filename=name)
        else:
            m.add_attachment(data, maintype=mt, subtype=st, filename=name)
    for i, part in enumerate(m.walk()):
        if part.is_multipart():
            part.set_boundary(f"=_wsc_{n:05d}_{i}")
    return m.as_bytes()
