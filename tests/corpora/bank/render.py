"""Letters on the bank's letterhead (PDF with a window-envelope address block, DOCX, RTF, TXT, HTML), .eml
messages and .ics invitations. Everything deterministic: fixed dates, MIME boundaries and DOCX zip stamps."""

from __future__ import annotations

import datetime as dt
import html as htmllib
import io
import zipfile
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import format_datetime

from docx import Document
from docx.shared import Pt
from fpdf import FPDF

from tests.corpora.bank import world as W

AEST = dt.timezone(dt.timedelta(hours=10))
FIXED = dt.datetime(2026, 3, 16, 9, 0, tzinfo=AEST)


@dataclass
class Letter:
    to: list[str]  # the address block, line by line
    subject: str
    salutation: str
    paras: list[str]
    date: str = "16 March 2026"
    refs: list[tuple[str, str]] = field(default_factory=list)
    table: tuple[list[str], list[list[str]]] | None = None
    after: list[str] = field(default_factory=list)  # paragraphs after the table
    closing: list[str] = field(default_factory=lambda: ["Yours sincerely", "", "Member Services", W.ORG])
    branch: int = 0
    window: bool = True  # printed for a DL window envelope


def letterhead(branch: int) -> list[str]:
    name, addr, phone = W.BRANCHES[branch]
    return [W.ORG, f"{name} branch, {addr}", f"Phone {W.PHONE} or {phone}  |  {W.DOMAIN}"]


def footer() -> str:
    return f"{W.ORG}  {W.ABN}  |  {W.POSTAL}  |  Hardship line {W.HARDSHIP_PHONE}"


def _latin(s: str) -> str:
    return s.encode("latin-1", "replace").decode("latin-1")


# -- PDF ----------------------------------------------------------------------------------------------
class _Pdf(FPDF):
    def footer(self) -> None:
        self.set_y(-14)
        self.set_font("Helvetica", size=7)
        self.cell(0, 5, _latin(footer()), align="C")


def pdf(letters: list[Letter], encrypt: bool = False) -> bytes:
    p = _Pdf(format="A4")
    p.set_creation_date(FIXED)
    p.set_creator("CCMB Correspondence 4.2")
    p.set_auto_page_break(True, margin=18)
    for lt in letters:
        p.add_page()
        p.set_font("Helvetica", "B", 13)
        head = letterhead(lt.branch)
        p.set_xy(110, 12)
        p.cell(0, 6, _latin(head[0]), new_x="LMARGIN", new_y="NEXT")
        p.set_font("Helvetica", size=8)
        for h in head[1:]:
            p.set_x(110)
            p.cell(0, 4, _latin(h), new_x="LMARGIN", new_y="NEXT")
        p.set_font("Helvetica", size=10)
        p.set_xy(22, 48 if lt.window else 40)  # DL window position
        for line in lt.to:
            p.set_x(22)
            p.cell(90, 5, _latin(line), new_x="LMARGIN", new_y="NEXT")
        p.set_xy(130, 48)
        p.cell(0, 5, lt.date, new_x="LMARGIN", new_y="NEXT")
        for k, v in lt.refs:
            p.set_x(130)
            p.cell(0, 5, _latin(f"{k}: {v}"), new_x="LMARGIN", new_y="NEXT")
        p.set_y(max(p.get_y(), 48 + 5 * len(lt.to)) + 10)
        p.set_font("Helvetica", "B", 10)
        p.multi_cell(0, 5, _latin(lt.subject), new_x="LMARGIN", new_y="NEXT")
        p.set_font("Helvetica", size=10)
        p.ln(3)
        p.multi_cell(0, 5, _latin(lt.salutation), new_x="LMARGIN", new_y="NEXT")
        p.ln(2)
        for para in lt.paras:
            p.multi_cell(0, 5, _latin(para), new_x="LMARGIN", new_y="NEXT")
            p.ln(2)
        if lt.table:
            cols, rows = lt.table
            widths = [22, 80, 22, 22, 24] if len(cols) == 5 else [170 / len(cols)] * len(cols)
            p.set_font("Helvetica", "B", 8)
            for c, w in zip(cols, widths, strict=False):
                p.cell(w, 6, _latin(c), border=1)
            p.ln()
            p.set_font("Helvetica", size=8)
            for r in rows:
                for c, w in zip(r, widths, strict=False):
                    p.cell(w, 5, _latin(c), border=1)
                p.ln()
            p.set_font("Helvetica", size=10)
            p.ln(3)
        for para in lt.after:
            p.multi_cell(0, 5, _latin(para), new_x="LMARGIN", new_y="NEXT")
            p.ln(2)
        for line in lt.closing:
            p.cell(0, 5, _latin(line), new_x="LMARGIN", new_y="NEXT")
    if encrypt:
        p.set_encryption(owner_password="ccmb-owner", user_password="Member2026")
    return bytes(p.output())


def report_pdf(title: str, lines: list[str], table: tuple[list[str], list[list[str]]] | None = None) -> bytes:
    """A plain report or form: no address block (an attachment, not a letter)."""
    p = _Pdf(format="A4")
    p.set_creation_date(FIXED)
    p.add_page()
    p.set_font("Helvetica", "B", 12)
    p.cell(0, 7, _latin(W.ORG), new_x="LMARGIN", new_y="NEXT")
    p.cell(0, 7, _latin(title), new_x="LMARGIN", new_y="NEXT")
    p.set_font("Helvetica", size=9)
    for line in lines:
        p.multi_cell(0, 5, _latin(line), new_x="LMARGIN", new_y="NEXT")
    if table:
        cols, rows = table
        widths = [22, 86, 22, 22, 28] if len(cols) == 5 else [180 / len(cols)] * len(cols)
        for r in [cols] + rows:
            for c, w in zip(r, widths, strict=False):
                p.cell(w, 5, _latin(c), border=1)
            p.ln()
    return bytes(p.output())


# -- DOCX ---------------------------------------------------------------------------------------------
def _stable_zip(data: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2026, 3, 16, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(zi, src.read(info.filename))
    return out.getvalue()


def docx(lt: Letter) -> bytes:
    d = Document()
    cp = d.core_properties
    cp.author, cp.last_modified_by, cp.title = "CCMB Correspondence", "CCMB Correspondence", lt.subject
    cp.created = cp.modified = FIXED.replace(tzinfo=None)
    cp.revision = 1
    d.styles["Normal"].font.size = Pt(10)
    hdr = d.sections[0].header.paragraphs[0]
    hdr.text = "\n".join(letterhead(lt.branch))
    d.sections[0].footer.paragraphs[0].text = footer()
    for line in lt.to:
        d.add_paragraph(line).paragraph_format.space_after = Pt(0)
    d.add_paragraph("")
    d.add_paragraph(lt.date)
    for k, v in lt.refs:
        d.add_paragraph(f"{k}: {v}").paragraph_format.space_after = Pt(0)
    d.add_paragraph("")
    d.add_paragraph().add_run(lt.subject).bold = True
    d.add_paragraph(lt.salutation)
    for para in lt.paras:
        d.add_paragraph(para)
    if lt.table:
        cols, rows = lt.table
        t = d.add_table(rows=1, cols=len(cols))
        for i, c in enumerate(cols):
            t.rows[0].cells[i].text = c
        for r in rows:
            cells = t.add_row().cells
            for i, c in enumerate(r):
                cells[i].text = c
    for para in lt.after:
        d.add_paragraph(para)
    for line in lt.closing:
        d.add_paragraph(line).paragraph_format.space_after = Pt(0)
    buf = io.BytesIO()
    d.save(buf)
    return _stable_zip(buf.getvalue())


# -- text, RTF, HTML ----------------------------------------------------------------------------------
def _lines(lt: Letter) -> list[str]:
    out = letterhead(lt.branch) + [""] + lt.to + ["", lt.date] + [f"{k}: {v}" for k, v in lt.refs]
    out += ["", lt.subject, "", lt.salutation, ""]
    for para in lt.paras:
        out += [para, ""]
    if lt.table:
        cols, rows = lt.table
        out += ["  |  ".join(cols)] + ["  |  ".join(r) for r in rows] + [""]
    for para in lt.after:
        out += [para, ""]
    return out + lt.closing + ["", footer()]


def txt(lt: Letter) -> bytes:
    return ("\n".join(_lines(lt)) + "\n").encode("utf-8")


def _rtf_escape(s: str) -> str:
    out = []
    for ch in s.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}"):
        out.append(ch if ord(ch) < 128 else f"\\u{ord(ch)}?")
    return "".join(out)


def rtf(lt: Letter) -> bytes:
    body = ["{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Arial;}}\\fs20"]
    body.append("{\\header\\pard\\b " + _rtf_escape(" | ".join(letterhead(lt.branch))) + "\\b0\\par}")
    body.append("{\\footer\\pard\\fs14 " + _rtf_escape(footer()) + "\\par}")
    for line in _lines(lt)[4:-2]:
        body.append("\\pard " + _rtf_escape(line) + "\\par")
    body.append("}")
    return "\n".join(body).encode("latin-1")


def html_letter(lt: Letter) -> bytes:
    e = htmllib.escape
    parts = ["<!DOCTYPE html><html><head><meta charset='utf-8'><title>", e(lt.subject), "</title></head><body>"]
    parts.append("<header><strong>" + "</strong><br>".join(e(h) for h in letterhead(lt.branch)) + "</header>")
    parts.append("<address>" + "<br>".join(e(x) for x in lt.to) + "</address>")
    parts.append(f"<p>{e(lt.date)}</p>" + "".join(f"<p>{e(k)}: {e(v)}</p>" for k, v in lt.refs))
    parts.append(f"<h3>{e(lt.subject)}</h3><p>{e(lt.salutation)}</p>")
    parts += [f"<p>{e(p)}</p>" for p in lt.paras]
    if lt.table:
        cols, rows = lt.table
        parts.append("<table><tr>" + "".join(f"<th>{e(c)}</th>" for c in cols) + "</tr>")
        parts += ["<tr>" + "".join(f"<td>{e(c)}</td>" for c in r) + "</tr>" for r in rows]
        parts.append("</table>")
    parts += [f"<p>{e(p)}</p>" for p in lt.after]
    parts.append("<p>" + "<br>".join(e(x) for x in lt.closing) + "</p>")
    parts.append(f"<footer>{e(footer())}</footer></body></html>")
    return "".join(parts).encode("utf-8")


RENDER = {"pdf": lambda lt: pdf([lt]), "docx": docx, "txt": txt, "rtf": rtf, "html": html_letter}


# -- messages ------------------------------------------------------------------------------------------
def signature(staff: int, branch: int = 0) -> str:
    name, addr, role = W.STAFF[staff]
    bname, baddr, bphone = W.BRANCHES[branch]
    return f"\n\nKind regards\n{name}\n{role}\n{W.ORG}\n{bname} branch | {baddr}\nP {bphone} | {W.PHONE} | {addr}\n"


def eml(
    key: str,
    frm: str,
    to: list[str],
    subject: str,
    text: str,
    *,
    cc: list[str] = (),
    html: str | None = None,
    attachments: list[tuple[str, str, bytes]] = (),
    minutes: int = 0,
    in_reply_to: str | None = None,
) -> bytes:
    m = EmailMessage()
    names = {a: n for n, a, _ in W.STAFF} | {
        W.SAFE_TEAM: "Safe Banking Team",
        W.HARDSHIP: "Financial Hardship",
        W.NOREPLY: f"{W.SHORT} eStatements",
        W.COMPLAINTS: "Complaints",
    }
    m["From"] = f"{names.get(frm, W.SHORT)} <{frm}>"
    m["To"] = ", ".join(to)
    if cc:
        m["Cc"] = ", ".join(cc)
    m["Subject"] = subject
    m["Date"] = format_datetime(FIXED + dt.timedelta(minutes=minutes))
    m["Message-ID"] = f"<{key}.{minutes}@mail.{W.DOMAIN}>"
    if in_reply_to:
        m["In-Reply-To"] = m["References"] = in_reply_to
    m.set_content(text)
    if html is not None:
        m.add_alternative(html, subtype="html")
    for name, ctype, data in attachments:
        maintype, subtype = ctype.split("/")
        if maintype == "text":
            m.add_attachment(data.decode("utf-8"), subtype=subtype, filename=name)
        else:
            m.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    for i, part in enumerate(p for p in m.walk() if p.is_multipart()):
        part.set_boundary(f"=_ccmb_{key}_{i}")
    return bytes(m)


def ics(uid: str, summary: str, where: str, start: str, desc: str, attendee: str) -> bytes:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Coral Coast Mutual//Member Events//EN",
        "METHOD:REQUEST",
        "BEGIN:VEVENT",
        f"UID:{uid}@{W.DOMAIN}",
        "DTSTAMP:20260316T000000Z",
        f"DTSTART;TZID=Australia/Brisbane:{start}",
        f"DTEND;TZID=Australia/Brisbane:{start[:9]}{int(start[9:11]) + 2:02d}0000",
        f"SUMMARY:{summary}",
        f"LOCATION:{where}",
        "DESCRIPTION:" + desc.replace("\n", "\\n"),
        f"ORGANIZER;CN=Member Events:mailto:events@{W.DOMAIN}",
        f"ATTENDEE;RSVP=TRUE:mailto:{attendee}",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")
