"""Writers for the corpus: letters as PDF, DOCX, RTF, text and HTML; e-mail messages; calendar invitations.

Everything is deterministic: fixed PDF creation dates and file ids, DOCX zip entries with fixed timestamps and
fixed core properties, fixed MIME boundaries and Message-IDs.
"""

from __future__ import annotations

import html as htmlmod
import io
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime

from docx import Document
from docx.shared import Mm, Pt
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from .people import ORG

FIXED = datetime(2025, 3, 3, 9, 0, 0, tzinfo=UTC)


@dataclass
class Letter:
    address: list[str]  # the recipient block: name line first
    date: str
    heading: str
    refs: list[tuple[str, str]] = field(default_factory=list)  # ("NDIS number", "431 234 567")
    salutation: str = "Dear Participant,"
    paras: list[str] = field(default_factory=list)
    table: list[list[str]] | None = None  # header row first
    after: list[str] = field(default_factory=list)
    sign: list[str] = field(default_factory=lambda: ["Yours sincerely,", "", "Tessa Verrall", "Plan Manager"])
    footer: str = ""


def letterhead_lines() -> list[str]:
    return [
        ORG["name"],
        f"ABN {ORG['abn']}  |  NDIS registered provider {ORG['ndis_reg']}",
        f"{ORG['postal'][0]}, Bendigo VIC 3552  |  Ph {ORG['phone']}  |  accounts@{ORG['domain']}",
    ]


def _latin(s: str) -> str:
    return (
        s.replace("\u2013", "-")
        .replace("\u2014", "-")
        .replace("\u2019", "'")
        .replace("\u2018", "'")
        .replace("\u201c", '"')
        .replace("\u201d", '"')
        .replace("\u00b7", "|")
        .replace("\u2022", "-")
        .replace("\u00ab", "<<")
        .replace("\u00bb", ">>")
        .encode("latin-1", "replace")
        .decode("latin-1")
    )


class _PDF(FPDF):
    def __init__(self, fid: str = "", encrypt: bool = False):
        super().__init__(format="A4", unit="mm")
        self._fid = fid
        self.set_creation_date(FIXED)
        self.set_author(ORG["short"])
        self.set_creator("Wattlebrook letters")
        self.set_auto_page_break(True, margin=22)
        self.footer_text = ""

    def file_id(self):  # noqa: D401 - fixed id: the output does not depend on the clock
        h = (self._fid or "0").encode().hex().upper()[:32].ljust(32, "0")
        return f"<{h}><{h}>"

    def footer(self):
        self.set_y(-16)
        self.set_font("helvetica", size=7)
        self.set_text_color(90, 90, 90)
        txt = self.footer_text or f"{ORG['name']}  ABN {ORG['abn']}  |  {ORG['phone']}  |  www.{ORG['domain']}"
        self.cell(0, 4, _latin(txt), align="C")
        self.set_text_color(0, 0, 0)


def _pdf_letter(pdf: _PDF, lt: Letter, layout: str) -> None:
    pdf.add_page()
    pdf.footer_text = lt.footer
    # letterhead (top right, or centred for the right-aligned layout)
    pdf.set_font("helvetica", "B", 13)
    lh = letterhead_lines()
    if layout == "right":
        pdf.set_xy(18, 14)
        pdf.cell(0, 6, _latin(lh[0]), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_font("helvetica", size=8)
        for line in lh[1:]:
            pdf.set_x(18)
            pdf.cell(0, 4, _latin(line), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_font("helvetica", size=10)
        y = 48
        for line in lt.address:
            pdf.set_xy(118, y)
            pdf.cell(75, 5, _latin(line), align="R")
            y += 5
        pdf.set_xy(18, y + 8)
        pdf.cell(0, 5, _latin(lt.date))
    else:
        pdf.set_xy(105, 12)
        pdf.multi_cell(90, 6, _latin(lh[0]), align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_font("helvetica", size=7.5)
        for line in lh[1:]:
            pdf.set_x(95)
            pdf.multi_cell(100, 3.8, _latin(line), align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        # window envelope position (DL window: 20 mm from left, about 45 mm from top)
        pdf.set_font("helvetica", size=7)
        pdf.set_xy(22, 40)
        pdf.cell(0, 3, _latin(f"If undeliverable return to {ORG['postal'][0]} BENDIGO VIC 3552"))
        pdf.set_font("helvetica", size=10.5)
        y = 46
        for line in lt.address:
            pdf.set_xy(22, y)
            pdf.cell(85, 5, _latin(line))
            y += 5
        pdf.set_xy(140, 46)
        pdf.cell(55, 5, _latin(lt.date), align="R")
        y = max(y, 76)
        pdf.set_xy(18, y)
    pdf.set_font("helvetica", size=10)
    pdf.set_left_margin(18)
    pdf.set_right_margin(18)
    pdf.ln(10)
    for k, v in lt.refs:
        pdf.set_font("helvetica", "B", 9.5)
        pdf.cell(42, 5, _latin(k + ":"))
        pdf.set_font("helvetica", size=9.5)
        pdf.cell(0, 5, _latin(v), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(3)
    pdf.set_font("helvetica", "B", 12)
    pdf.multi_cell(0, 6, _latin(lt.heading), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(2)
    pdf.set_font("helvetica", size=10)
    pdf.multi_cell(0, 5, _latin(lt.salutation), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(2)
    for p in lt.paras:
        pdf.multi_cell(0, 5, _latin(p), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(2)
    if lt.table:
        ncol = len(lt.table[0])
        widths = _col_widths(lt.table, 174)
        pdf.set_font("helvetica", size=8)
        with pdf.table(
            col_widths=widths, text_align="LEFT", line_height=4.2, first_row_as_headings=True, width=174
        ) as t:
            for row in lt.table:
                r = t.row()
                for cell in row[:ncol]:
                    r.cell(_latin(cell))
        pdf.ln(3)
        pdf.set_font("helvetica", size=10)
    for p in lt.after:
        pdf.multi_cell(0, 5, _latin(p), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(2)
    for s in lt.sign:
        pdf.multi_cell(0, 5, _latin(s) or " ", new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _col_widths(table: list[list[str]], total: float) -> tuple[float, ...]:
    lens = [max(len(str(r[i])) for r in table) + 3 for i in range(len(table[0]))]
    s = sum(lens)
    return tuple(round(total * x / s, 1) for x in lens)


def pdf_letters(letters: list[Letter], layout: str = "window", fid: str = "x", password: str = "") -> bytes:
    pdf = _PDF(fid)
    if password:
        from fpdf.enums import EncryptionMethod

        pdf.set_encryption(
            owner_password=password + "-owner", user_password=password, encryption_method=EncryptionMethod.RC4
        )
    for lt in letters:
        _pdf_letter(pdf, lt, layout)
    return bytes(pdf.output())


def pdf_letter(lt: Letter, layout: str = "window", fid: str = "x", password: str = "") -> bytes:
    return pdf_letters([lt], layout, fid, password)


def pdf_document(title: str, blocks: list[tuple[str, object]], fid: str = "d") -> bytes:
    """A non-letter PDF (remittance advice, report): ('h', text), ('p', text), ('t', rows)."""
    pdf = _PDF(fid)
    pdf.add_page()
    pdf.set_left_margin(15)
    pdf.set_right_margin(15)
    pdf.set_font("helvetica", "B", 12)
    pdf.set_xy(15, 12)
    for i, line in enumerate(letterhead_lines()):
        pdf.set_font("helvetica", "B" if i == 0 else "", 12 if i == 0 else 8)
        pdf.cell(0, 5 if i == 0 else 4, _latin(line), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(4)
    pdf.set_font("helvetica", "B", 14)
    pdf.cell(0, 8, _latin(title), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    for kind, val in blocks:
        if kind == "h":
            pdf.set_font("helvetica", "B", 10)
            pdf.ln(2)
            pdf.multi_cell(0, 5, _latin(str(val)), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        elif kind == "p":
            pdf.set_font("helvetica", size=9)
            pdf.multi_cell(0, 4.5, _latin(str(val)), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        elif kind == "t":
            rows = val  # type: ignore[assignment]
            pdf.set_font("helvetica", size=7)
            with pdf.table(col_widths=_col_widths(rows, 180), text_align="LEFT", line_height=3.8, width=180) as t:
                for row in rows:
                    r = t.row()
                    for cell in row:
                        r.cell(_latin(str(cell)))
            pdf.ln(2)
    return bytes(pdf.output())


# ---- DOCX --------------------------------------------------------------------------------------------------------
def _fixed_zip(data: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in sorted(src.infolist(), key=lambda i: (i.filename != "[Content_Types].xml", i.filename)):
            zi = zipfile.ZipInfo(info.filename, date_time=(2025, 3, 3, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            z.writestr(zi, src.read(info.filename))
    return out.getvalue()


def docx_letter(lt: Letter, layout: str = "para", extra_paras: list[str] | None = None) -> bytes:
    doc = Document()
    cp = doc.core_properties
    cp.author = ORG["short"]
    cp.last_modified_by = "letters"
    cp.created = FIXED.replace(tzinfo=None)
    cp.modified = FIXED.replace(tzinfo=None)
    cp.revision = 1
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.left_margin = sec.right_margin = Mm(20)
    style = doc.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(10.5)
    hdr = sec.header.paragraphs[0]
    hdr.text = "\n".join(letterhead_lines())
    sec.footer.paragraphs[0].text = lt.footer or f"{ORG['name']} | {ORG['street']} | {ORG['phone']}"
    if layout == "table":
        # the address in the left cell of a two-column table, date and reference on the right
        t = doc.add_table(rows=1, cols=2)
        left, right = t.rows[0].cells
        left.text = "\n".join(lt.address)
        right.text = "\n".join([lt.date] + [f"{k}: {v}" for k, v in lt.refs])
        doc.add_paragraph()
    else:
        for line in lt.address:
            doc.add_paragraph(line).paragraph_format.space_after = Pt(0)
        doc.add_paragraph()
        doc.add_paragraph(lt.date)
        for k, v in lt.refs:
            para = doc.add_paragraph()
            para.add_run(f"{k}: ").bold = True
            para.add_run(v)
            para.paragraph_format.space_after = Pt(0)
    h = doc.add_paragraph()
    h.add_run(lt.heading).bold = True
    doc.add_paragraph(lt.salutation)
    for p in lt.paras + (extra_paras or []):
        doc.add_paragraph(p)
    if lt.table:
        t = doc.add_table(rows=0, cols=len(lt.table[0]))
        t.style = "Table Grid"
        for row in lt.table:
            cells = t.add_row().cells
            for c, val in zip(cells, row, strict=False):
                c.text = val
    for p in lt.after:
        doc.add_paragraph(p)
    for s in lt.sign:
        doc.add_paragraph(s).paragraph_format.space_after = Pt(0)
    buf = io.BytesIO()
    doc.save(buf)
    return _fixed_zip(buf.getvalue())


# ---- RTF, text, HTML -----------------------------------------------------------------------------------------------
def _rtf_esc(s: str) -> str:
    out = []
    for ch in s:
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ord(ch) > 127:
            out.append(f"\\u{ord(ch)}?")
        else:
            out.append(ch)
    return "".join(out)


def rtf_letter(lt: Letter) -> bytes:
    par = []
    par.append(r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fswiss Arial;}}\viewkind4\uc1\pard\f0\fs20")
    for line in letterhead_lines():
        par.append(r"\qr " + _rtf_esc(line) + r"\par")
    par.append(r"\ql\par\par")
    for line in lt.address:
        par.append(_rtf_esc(line) + r"\line")
    par.append(r"\par\par " + _rtf_esc(lt.date) + r"\par\par")
    for k, v in lt.refs:
        par.append(r"{\b " + _rtf_esc(k) + r":} " + _rtf_esc(v) + r"\par")
    par.append(r"\par{\b " + _rtf_esc(lt.heading) + r"}\par\par " + _rtf_esc(lt.salutation) + r"\par\par")
    for p in lt.paras:
        par.append(_rtf_esc(p) + r"\par\par")
    if lt.table:
        for row in lt.table:
            par.append(r"\trowd" + "".join(rf"\cellx{1800 * (i + 1)}" for i in range(len(row))))
            par.append("".join(r"\intbl " + _rtf_esc(c) + r"\cell" for c in row) + r"\row")
        par.append(r"\pard\par")
    for p in lt.after:
        par.append(_rtf_esc(p) + r"\par\par")
    for s in lt.sign:
        par.append(_rtf_esc(s) + r"\par")
    par.append("}")
    return "\n".join(par).encode("ascii")


def _txt_table(rows: list[list[str]]) -> list[str]:
    w = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    out = []
    for j, r in enumerate(rows):
        out.append("  ".join(c.ljust(w[i]) for i, c in enumerate(r)).rstrip())
        if j == 0:
            out.append("  ".join("-" * x for x in w))
    return out


def txt_letter(lt: Letter) -> bytes:
    lines = [x.rjust(78) for x in letterhead_lines()] + ["", ""]
    lines += lt.address + ["", lt.date, ""]
    lines += [f"{k}: {v}" for k, v in lt.refs] + ["", lt.heading.upper(), "", lt.salutation, ""]
    for p in lt.paras:
        lines += [p, ""]
    if lt.table:
        lines += _txt_table(lt.table) + [""]
    for p in lt.after:
        lines += [p, ""]
    lines += lt.sign
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def html_table(rows: list[list[str]], style: str = "") -> str:
    e = htmlmod.escape
    th = "".join(
        f'<th style="text-align:left;padding:4px 8px;background:#2e6b4f;color:#fff;font-size:12px">{e(c)}</th>'
        for c in rows[0]
    )
    body = []
    for i, r in enumerate(rows[1:]):
        bg = "#f3f7f4" if i % 2 else "#ffffff"
        tds = "".join(
            f'<td style="padding:4px 8px;border-bottom:1px solid #dde5df;font-size:12px">{e(c)}</td>' for c in r
        )
        body.append(f'<tr style="background:{bg}">{tds}</tr>')
    return (
        f'<table cellpadding="0" cellspacing="0" style="border-collapse:collapse;{style}">'
        f"<tr>{th}</tr>{''.join(body)}</table>"
    )


def html_letter(lt: Letter) -> bytes:
    e = htmlmod.escape
    lh = letterhead_lines()
    refs = "".join(f"<tr><td><b>{e(k)}</b></td><td>{e(v)}</td></tr>" for k, v in lt.refs)
    paras = "".join(f"<p>{e(p)}</p>" for p in lt.paras)
    after = "".join(f"<p>{e(p)}</p>" for p in lt.after)
    table = html_table(lt.table) if lt.table else ""
    sign = "<br>".join(e(s) for s in lt.sign)
    doc = f"""<!DOCTYPE html>
<html lang="en-AU"><head><meta charset="utf-8"><title>{e(lt.heading)}</title>
<style>body{{font-family:Arial,sans-serif;font-size:14px;margin:40px}} .lh{{text-align:right;color:#2e6b4f}}
.addr{{margin-top:30px;line-height:1.35}}</style></head>
<body><div class="lh"><strong>{e(lh[0])}</strong><br><small>{e(lh[1])}<br>{e(lh[2])}</small></div>
<div class="addr">{"<br>".join(e(x) for x in lt.address)}</div>
<p style="text-align:right">{e(lt.date)}</p><table>{refs}</table>
<h2 style="font-size:16px">{e(lt.heading)}</h2><p>{e(lt.salutation)}</p>{paras}{table}{after}<p>{sign}</p>
</body></html>
"""
    return doc.encode("utf-8")


# ---- e-mail --------------------------------------------------------------------------------------------------------
@dataclass
class Att:
    filename: str
    mime: str  # "application/pdf"
    data: bytes
    params: dict = field(default_factory=dict)


def eml(
    frm: str,
    to: list[str],
    subject: str,
    body: str,
    when: datetime,
    mid: str,
    cc: list[str] | None = None,
    bcc: list[str] | None = None,
    html: str | None = None,
    atts: list[Att] | None = None,
    headers: dict | None = None,
    cte: str | None = None,
) -> bytes:
    m = EmailMessage(policy=policy.default)
    m["From"] = frm
    m["To"] = ", ".join(to)
    if cc:
        m["Cc"] = ", ".join(cc)
    if bcc:
        m["Bcc"] = ", ".join(bcc)
    m["Subject"] = subject
    m["Date"] = format_datetime(when)
    m["Message-ID"] = f"<{mid}@{ORG['domain']}>"
    for k, v in (headers or {}).items():
        m[k] = v
    if cte:
        m.set_content(body, cte=cte)
    else:
        m.set_content(body)
    if html is not None:
        m.add_alternative(html, subtype="html")
    for a in atts or []:
        if a.mime == "message/rfc822":
            from email import message_from_bytes

            inner = message_from_bytes(a.data, _class=EmailMessage, policy=policy.default)
            m.add_attachment(inner, filename=a.filename)
        elif a.mime.startswith("text/"):
            sub = a.mime.split("/")[1]
            m.add_attachment(
                a.data.decode("utf-8"),
                subtype=sub,
                filename=a.filename,
                params=a.params or {},
                cte="base64" if sub != "calendar" else None,
            )
        else:
            maintype, subtype = a.mime.split("/")
            m.add_attachment(a.data, maintype=maintype, subtype=subtype, filename=a.filename)
    for i, part in enumerate(m.walk()):
        if part.is_multipart():
            part.set_boundary(f"----=_WPP_{mid}_{i}")
    return m.as_bytes()


def ics(
    uid: str,
    summary: str,
    start: datetime,
    minutes: int,
    location: str,
    description: str,
    organiser: str,
    attendees: list[tuple[str, str]],
    method: str = "REQUEST",
) -> str:
    def fold(line: str) -> str:
        out, s = [], line
        while len(s) > 74:
            out.append(s[:74])
            s = " " + s[74:]
        out.append(s)
        return "\r\n".join(out)

    def esc(s: str) -> str:
        return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")

    end = start.timestamp() + minutes * 60
    endt = datetime.fromtimestamp(end, tz=start.tzinfo)
    lines = [
        "BEGIN:VCALENDAR",
        "PRODID:-//Wattlebrook Plan Partners//Coordination//EN",
        "VERSION:2.0",
        f"METHOD:{method}",
        "BEGIN:VEVENT",
        f"UID:{uid}@{ORG['domain']}",
        "DTSTAMP:20250303T090000Z",
        f"DTSTART;TZID=Australia/Melbourne:{start.strftime('%Y%m%dT%H%M%S')}",
        f"DTEND;TZID=Australia/Melbourne:{endt.strftime('%Y%m%dT%H%M%S')}",
        f"SUMMARY:{esc(summary)}",
        f"LOCATION:{esc(location)}",
        f"DESCRIPTION:{esc(description)}",
        f"ORGANIZER;CN={esc(organiser.split('@')[0])}:mailto:{organiser}",
    ]
    for name, addr in attendees:
        lines.append(f"ATTENDEE;CN={esc(name)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:{addr}")
    lines += ["STATUS:CONFIRMED", "SEQUENCE:0", "END:VEVENT", "END:VCALENDAR"]
    return "\r\n".join(fold(x) for x in lines) + "\r\n"
