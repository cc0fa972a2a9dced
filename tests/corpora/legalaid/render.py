"""Writers: PDF/DOCX/RTF/HTML/TXT letters and .eml messages, all byte-deterministic."""

from __future__ import annotations

import datetime as dt
import html as htmlmod
import io
import warnings
import zipfile
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime

from fpdf import FPDF

from .common import BASE_DATE, DOMAIN, ORG, ORG_ABN, ORG_ADDR, ORG_FAX, ORG_PHONE, ORG_PO

FIXED = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


@dataclass
class Letter:
    addr: list[str]  # window-envelope block: name line, street lines, SUBURB STATE PCODE
    subject: str
    paras: list[str]
    salutation: str = "Dear Sir or Madam"
    refs: list[str] = field(default_factory=list)  # "Our ref: LA2412345", "Court file: ..."
    date: str = "2 March 2026"
    signer: tuple[str, str, str] = ("Rosalind Achterberg", "r.achterberg", "Senior Lawyer")
    closing: str = "Yours sincerely"
    extra: list[str] = field(default_factory=list)  # trailing lines (cc:, enclosures)


def _latin(s: str) -> str:
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    s = s.replace("\u2013", "-").replace("\u2014", "-").replace("\u00ab", "<<").replace("\u00bb", ">>")
    return s.encode("latin-1", "replace").decode("latin-1")


def _footer_line() -> str:
    return f"{ORG}  |  ABN {ORG_ABN}  |  {ORG_ADDR[0]}, {ORG_ADDR[1]}  |  T {ORG_PHONE}  |  www.{DOMAIN}"


class _PDF(FPDF):
    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Helvetica", size=7)
        self.cell(0, 4, _latin(_footer_line()), align="C")


def _new_pdf() -> _PDF:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        p = _PDF(format="A4")
        p.set_creation_date(FIXED)
    p.set_auto_page_break(True, 20)
    p.set_margins(20, 12, 20)
    return p


def _pdf_letter_pages(p: FPDF, L: Letter, style: int = 0, merge_marks: bool = False) -> None:
    p.add_page()
    p.set_font("Helvetica", "B", 14)
    p.set_xy(20, 12)
    p.cell(0, 7, ORG.upper() if style % 2 else ORG)
    p.set_font("Helvetica", size=8)
    p.set_xy(130, 20)
    p.multi_cell(
        60, 3.6, _latin(f"{ORG_PO}\nT {ORG_PHONE}  F {ORG_FAX}\n{DOMAIN}"), align="R", new_x="LMARGIN", new_y="NEXT"
    )
    # window-envelope block (DL window ~ 20mm from left, 45mm from top)
    p.set_font("Helvetica", size=10)
    p.set_xy(22, 45)
    p.multi_cell(85, 4.6, _latin("\n".join(L.addr)), new_x="LMARGIN", new_y="NEXT")
    p.set_xy(130, 45)
    p.set_font("Helvetica", size=9)
    p.multi_cell(60, 4.4, _latin("\n".join([L.date] + L.refs)), align="R", new_x="LMARGIN", new_y="NEXT")
    p.set_xy(20, 88)
    p.set_font("Helvetica", size=10)
    p.multi_cell(170, 5, _latin(L.salutation + ","), new_x="LMARGIN", new_y="NEXT")
    p.ln(2)
    p.set_font("Helvetica", "B", 10)
    p.multi_cell(170, 5, _latin(L.subject), new_x="LMARGIN", new_y="NEXT")
    p.ln(2)
    p.set_font("Helvetica", size=10)
    for para in L.paras:
        p.multi_cell(170, 5, _latin(para), new_x="LMARGIN", new_y="NEXT")
        p.ln(2)
    p.multi_cell(170, 5, _latin(f"{L.closing}\n\n\n{L.signer[0]}\n{L.signer[2]}"), new_x="LMARGIN", new_y="NEXT")
    if L.extra:
        p.ln(3)
        p.set_font("Helvetica", size=8)
        p.multi_cell(170, 4, _latin("\n".join(L.extra)), new_x="LMARGIN", new_y="NEXT")


def pdf_letter(L: Letter, style: int = 0) -> bytes:
    p = _new_pdf()
    _pdf_letter_pages(p, L, style)
    return bytes(p.output())


def pdf_letter_enclosure(L: Letter, title: str, lines: list[str]) -> bytes:
    p = _new_pdf()
    _pdf_letter_pages(p, L)
    p.add_page()
    p.set_font("Helvetica", "B", 12)
    p.multi_cell(0, 6, _latin(title), new_x="LMARGIN", new_y="NEXT")
    p.set_font("Helvetica", size=9)
    for ln in lines:
        p.multi_cell(0, 5, _latin(ln), new_x="LMARGIN", new_y="NEXT")
    return bytes(p.output())


def pdf_letters(letters: list[Letter]) -> bytes:
    p = _new_pdf()
    for L in letters:
        _pdf_letter_pages(p, L)
    return bytes(p.output())


def pdf_text(title: str, lines: list[str], encrypt: bool = False) -> bytes:
    p = _new_pdf()
    p.add_page()
    p.set_font("Helvetica", "B", 12)
    p.multi_cell(0, 6, _latin(title), new_x="LMARGIN", new_y="NEXT")
    p.set_font("Helvetica", size=9)
    for ln in lines:
        p.multi_cell(0, 4.6, _latin(ln), new_x="LMARGIN", new_y="NEXT")
    if encrypt:
        p.set_encryption(owner_password="ilac-owner-2026", user_password="Ironbark26")
    return bytes(p.output())


def docx_bytes(doc) -> bytes:
    doc.core_properties.created = FIXED.replace(tzinfo=None)
    doc.core_properties.modified = FIXED.replace(tzinfo=None)
    doc.core_properties.author = ORG
    doc.core_properties.last_modified_by = ORG
    raw = io.BytesIO()
    doc.save(raw)
    src = zipfile.ZipFile(io.BytesIO(raw.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in sorted(src.infolist(), key=lambda i: (i.filename != "[Content_Types].xml", i.filename)):
            zi = zipfile.ZipInfo(info.filename, date_time=(2026, 3, 2, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, src.read(info.filename))
    return out.getvalue()


def docx_letter(L: Letter, mergefield: str | None = None) -> bytes:
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    d = docx.Document()
    sec = d.sections[0]
    sec.footer.paragraphs[0].text = _footer_line()
    h = d.add_paragraph()
    h.add_run(ORG).bold = True
    d.add_paragraph(f"{ORG_PO}  ·  T {ORG_PHONE}")
    d.add_paragraph("")
    for ln in L.addr:
        d.add_paragraph(ln)
    d.add_paragraph("")
    d.add_paragraph(L.date)
    for r in L.refs:
        d.add_paragraph(r)
    sal = d.add_paragraph(L.salutation.rstrip() + ("," if not mergefield else ""))
    if mergefield:
        sal.text = "Dear "
        sal._p.append(
            parse_xml(
                f'<w:fldSimple {nsdecls("w")} w:instr=" MERGEFIELD {mergefield} \\* MERGEFORMAT ">'
                f"<w:r><w:t>«{mergefield}»</w:t></w:r></w:fldSimple>"
            )
        )
        sal.add_run(",")
    d.add_paragraph().add_run(L.subject).bold = True
    for para in L.paras:
        d.add_paragraph(para)
    d.add_paragraph(L.closing)
    d.add_paragraph(f"{L.signer[0]}\n{L.signer[2]}")
    for e in L.extra:
        d.add_paragraph(e)
    return docx_bytes(d)


def txt_letter(L: Letter) -> str:
    head = f"{ORG}\n{ORG_PO}\nTelephone {ORG_PHONE}   Fax {ORG_FAX}\nABN {ORG_ABN}\n\n"
    body = "\n".join(L.addr) + "\n\n" + L.date + "\n" + "\n".join(L.refs) + "\n\n"
    body += L.salutation + ",\n\n" + L.subject.upper() + "\n\n" + "\n\n".join(L.paras)
    body += f"\n\n{L.closing}\n\n\n{L.signer[0]}\n{L.signer[2]}\n"
    if L.extra:
        body += "\n" + "\n".join(L.extra) + "\n"
    return head + body


def html_letter(L: Letter) -> str:
    e = htmlmod.escape
    addr = "<br>\n".join(e(a) for a in L.addr)
    refs = "<br>".join(e(r) for r in [L.date] + L.refs)
    paras = "\n".join(f"<p>{e(p)}</p>" for p in L.paras)
    extra = "".join(f"<p class='small'>{e(x)}</p>" for x in L.extra)
    return f"""<!DOCTYPE html>
<html lang="en-AU"><head><meta charset="utf-8"><title>{e(L.subject)}</title>
<style>body{{font-family:Arial,sans-serif;max-width:680px}} .addr{{margin-top:40px}} .refs{{float:right}}
footer{{font-size:8pt;color:#555;border-top:1px solid #999}}</style></head>
<body><header><strong>{e(ORG)}</strong><br>{e(ORG_PO)} &middot; {e(ORG_PHONE)}</header>
<div class="refs">{refs}</div><div class="addr">{addr}</div>
<p>{e(L.salutation)},</p><h3>{e(L.subject)}</h3>
{paras}
<p>{e(L.closing)}</p><p>{e(L.signer[0])}<br>{e(L.signer[2])}</p>{extra}
<footer>{e(_footer_line())}</footer></body></html>
"""


def _rtf_esc(s: str) -> str:
    out = []
    for ch in s:
        o = ord(ch)
        if ch in "\\{}":
            out.append("\\" + ch)
        elif o < 128:
            out.append(ch)
        elif o < 256:
            out.append(f"\\'{o:02x}")
        else:
            out.append(f"\\u{o if o < 32768 else o - 65536}?")
    return "".join(out)


def rtf_letter(L: Letter) -> str:
    lines = [
        r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fswiss Arial;}}\fs20",
        r"{\b " + _rtf_esc(ORG) + r"}\par " + _rtf_esc(ORG_PO) + r"\par\par",
    ]
    lines += [_rtf_esc(a) + r"\par" for a in L.addr]
    lines += [r"\par " + _rtf_esc(L.date) + r"\par"] + [_rtf_esc(r) + r"\par" for r in L.refs]
    lines += [r"\par " + _rtf_esc(L.salutation) + r",\par\par{\b " + _rtf_esc(L.subject) + r"}\par\par"]
    lines += [_rtf_esc(p) + r"\par\par" for p in L.paras]
    lines += [_rtf_esc(L.closing) + r"\par\par\par " + _rtf_esc(L.signer[0]) + r"\par " + _rtf_esc(L.signer[2])]
    lines += [r"\par " + _rtf_esc(x) for x in L.extra]
    lines += [r"\par\par{\fs14 " + _rtf_esc(_footer_line()) + r"}}"]
    return "\n".join(lines) + "\n"


class Mailer:
    """Builds deterministic .eml bytes."""

    def __init__(self) -> None:
        self.n = 0

    def mail(
        self,
        frm: str,
        to: list[str],
        subject: str,
        text: str,
        html: str | None = None,
        cc: list[str] | None = None,
        attachments: list[tuple[str, str, bytes]] | None = None,
        minutes: int = 0,
        in_reply_to: str | None = None,
        extra_headers: dict | None = None,
    ) -> bytes:
        self.n += 1
        m = EmailMessage()
        m["From"] = frm
        m["To"] = ", ".join(to)
        if cc:
            m["Cc"] = ", ".join(cc)
        m["Subject"] = subject
        m["Date"] = format_datetime(BASE_DATE + dt.timedelta(days=self.n // 14, minutes=(37 * self.n) % 480 + minutes))
        m["Message-ID"] = f"<{self.n:05d}.ilac@{DOMAIN}>"
        if in_reply_to:
            m["In-Reply-To"] = in_reply_to
            m["References"] = in_reply_to
        for k, v in (extra_headers or {}).items():
            m[k] = v
        m.set_content(text)
        if html:
            m.add_alternative(html, subtype="html")
        for fname, ctype, data in attachments or []:
            maintype, subtype = ctype.split("/")
            if maintype == "text":
                m.add_attachment(data.decode("utf-8"), subtype=subtype, filename=fname)
            else:
                m.add_attachment(data, maintype=maintype, subtype=subtype, filename=fname)
        k = 0
        for part in m.walk():
            if part.is_multipart():
                k += 1
                part.set_boundary(f"----=_ilac_{self.n:05d}_{k}")
        return m.as_bytes(policy=SMTP)


def ics(summary: str, start: dt.datetime, location: str, description: str, uid: str, attendees: list[str]) -> bytes:
    def fold(s: str) -> str:
        s = s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")
        return s

    st = start.strftime("%Y%m%dT%H%M%S")
    en = (start + dt.timedelta(hours=2)).strftime("%Y%m%dT%H%M%S")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Ironbark Legal Aid Commission//Court Diary//EN",
        "METHOD:REQUEST",
        "BEGIN:VEVENT",
        f"UID:{uid}@{DOMAIN}",
        "DTSTAMP:20260302T000000Z",
        f"DTSTART;TZID=Australia/Melbourne:{st}",
        f"DTEND;TZID=Australia/Melbourne:{en}",
        f"SUMMARY:{fold(summary)}",
        f"LOCATION:{fold(location)}",
        f"DESCRIPTION:{fold(description)}",
        f"ORGANIZER;CN=Court Diary:mailto:court.diary@{DOMAIN}",
    ]
    lines += [f"ATTENDEE;ROLE=REQ-PARTICIPANT:mailto:{a}" for a in attendees]
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def vcard(fn: str, family: str, given: str, org: str, tel: str, email: str, adr: str | None = None) -> bytes:
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"N:{family};{given};;;",
        f"FN:{fn}",
        f"ORG:{org}",
        f"TEL;TYPE=CELL:{tel}",
        f"EMAIL;TYPE=INTERNET:{email}",
    ]
    if adr:
        lines.append(f"ADR;TYPE=HOME:;;{adr};;;;")
    lines.append("END:VCARD")
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")
