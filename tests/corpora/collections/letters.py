"""Letters: the address block in its many real forms, bodies for each kind of letter, and renderers."""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
from dataclasses import dataclass, field
from xml.sax.saxutils import escape as xml_escape

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.shared import Cm, Pt
from fpdf import FPDF

from .common import fix_zip, rtf
from .registry import ORG, PRINCIPALS, Client

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TITLES = ["Mr", "Ms", "Mrs", "Mx", "Miss", ""]


def date_str(d: dt.date, style: int) -> str:
    suf = "th" if 11 <= d.day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d.day % 10, "th")
    return [
        f"{d.day} {d:%B %Y}",
        f"{d:%d/%m/%y}",
        d.isoformat(),
        f"{d.day}{suf} of {d:%B}, {d.year}",
        f"{d:%d %b %Y}",
        f"{d:%A} {d.day} {d:%B %Y}",
        f"{d:%d.%m.%Y}",
        f"{d:%B} {d.day}, {d.year}",
    ][style % 8]


def dob_str(iso: str, style: int) -> str:
    return date_str(dt.date.fromisoformat(iso), style)


def addr_lines(c: Client, style: int) -> list[str]:
    """The ways a street address gets written in a letter's address block."""
    num, st, kind, unit = c.number, c.street, c.kind, c.unit
    sub, state, pc = c.suburb, c.state, c.postcode
    s = style % 6
    if c.po:
        po = c.po.upper() if s in (0, 3) else c.po
        return [po, f"{sub.upper()} {state} {pc}"] if s % 2 == 0 else [po, f"{sub} {state} {pc}"]
    if s == 0:
        street = f"{unit}/{num} {st} {kind[1]}" if unit else f"{num} {st} {kind[1]}"
        return [street, f"{sub.upper()} {state} {pc}"]
    if s == 1:
        lines = ([f"Unit {unit}"] if unit else []) + [f"{num} {st} {kind[0]}"]
        return lines + [f"{sub} {state} {pc}"]
    if s == 2:
        street = f"{num} {st} {kind[0]}" + (f" Unit {unit}" if unit else "")
        return [street, f"{sub.upper()}  {state}  {pc}"]
    if s == 3:
        street = f"U{unit} {num} {st} {kind[1].upper()}" if unit else f"{num} {st.upper()} {kind[1].upper()}"
        return [street.upper(), f"{sub.upper()} {state} {pc}"]
    if s == 4:
        street = f"Flat {unit}, {num} {st} {kind[0]}" if unit else f"{num} {st} {kind[0]}"
        return [street + ",", f"{sub}, {state}, {pc}"]
    street = f"{unit}/{num} {st} {kind[0]}" if unit else f"{num} {st} {kind[0]}"
    return [street, sub, f"{state} {pc}"]


def salute_name(c: Client, style: int) -> str:
    t = TITLES[(len(c.given) + style) % len(TITLES)]
    s = style % 4
    if s == 0:
        return f"{t} {c.given} {c.family}".strip()
    if s == 1:
        return f"{t} {c.given[0]}. {c.family}".strip()
    if s == 2:
        return f"{c.given.upper()} {c.family.upper()}"
    return f"{t} {c.given[0]} {c.family}".strip()


@dataclass
class Letter:
    to_lines: list[str]
    refs: list[tuple[str, str]]
    date: str
    heading: str
    salutation: str
    paras: list[str]
    signoff: list[str] = field(default_factory=lambda: ["Yours sincerely,", "", "Collections Team", ORG["name"]])
    confidential: bool = True
    bpay: tuple[str, str] | None = None


def block_for(c: Client, style: int, confidential: bool = True) -> list[str]:
    return [salute_name(c, style)] + addr_lines(c, style)


def base_refs(c: Client, style: int) -> list[tuple[str, str]]:
    pname = PRINCIPALS[c.principal][0]
    acct = c.acct if style % 2 else f"{c.acct[:4]} {c.acct[4:7]} {c.acct[7:]}"
    refs = [("Our ref", c.kr), ("Principal", pname), ("Principal ref" if style % 3 else "Your ref", acct)]
    if len(c.refs) > 2:
        refs.append(("Claim no.", c.refs[2]))
    return refs


def body(kind: str, c: Client, k: int, d: dt.date) -> tuple[str, list[str]]:
    """Heading and paragraphs for one kind of letter about client c."""
    pname = PRINCIPALS[c.principal][0]
    due = date_str(d + dt.timedelta(days=14), k + 1)
    amt = f"${float(c.balance):,.2f}"
    inst = f"${max(20.0, round(float(c.balance) / 12, 0)):,.2f}"
    ph = [ORG["phone"], ORG["phone13"], "+61 3 9614 7700", "(03) 9614 7700"][k % 4]
    if kind == "demand":
        return "LETTER OF DEMAND", [
            f"We act for {pname} in relation to the overdue account referred to above. Despite previous "
            f"reminders, the amount of {amt} remains unpaid.",
            f"Please pay the full balance by {due}, or call us on {ph} to discuss a payment arrangement. "
            "If you are experiencing financial hardship, please tell us: we can pause recovery action.",
            "If the debt is not paid or an arrangement made, our client may commence legal proceedings "
            "without further notice. This may add court costs to the amount owed.",
        ]
    if kind == "arrangement":
        return "PAYMENT ARRANGEMENT CONFIRMATION", [
            f"Thank you for speaking with us on {date_str(d - dt.timedelta(days=2), k + 3)}. This letter confirms "
            f"the arrangement agreed for your {pname} account with a balance of {amt}.",
            f"Instalments of {inst} per fortnight, starting {due}. Please keep your BPAY reference below; "
            "it is the same for every payment.",
            f"If your circumstances change, please call {ph} before a payment is missed.",
        ]
    if kind == "hardship":
        return "Your hardship application", [
            f"We have received your application for financial hardship assistance on your {pname} account.",
            f"Recovery action is on hold for 90 days from {date_str(d, k)}. No interest or fees will be added "
            "during this time. We encourage you to speak with a free financial counsellor on the National Debt "
            "Helpline, 1800 007 007.",
            f"Your case manager can be reached on {ph}, Monday to Friday 8.30am - 5pm.",
        ]
    if kind == "statement":
        return "STATEMENT OF ACCOUNT", [
            f"Opening balance transferred from {pname}: {amt}.",
            f"Payments received since {date_str(d - dt.timedelta(days=60), k + 2)}: $0.00.",
            f"Balance now owing: {amt}. Next instalment due {due}.",
        ]
    if kind == "credit":
        return "Notice of intention to list a default", [
            f"The amount of {amt} on your {pname} account is more than 60 days overdue.",
            f"If it is not paid or an arrangement made by {due}, our client may list a default with a credit "
            "reporting body. A default listing may stay on your credit report for five years.",
            f"To avoid this, please call us on {ph}.",
        ]
    if kind == "estate":
        return "Outstanding account - deceased estate", [
            f"Please accept our condolences. We write regarding the {pname} account of the deceased, which "
            f"had a balance of {amt} at the date of death.",
            "We do not ask family members to pay from their own funds. We ask only that the account be noted "
            "as a liability of the estate. Please send us a copy of the death certificate when convenient.",
            f"Our deceased estates team can be contacted on {ph}.",
        ]
    raise ValueError(kind)


def make_letter(
    kind: str, about: Client, to: Client | None, k: int, d: dt.date, style: int, to_lines: list[str] | None = None
) -> Letter:
    """A letter about `about` addressed to `to` (normally the same client)."""
    to = to or about
    heading, paras = body(kind, about, k, d)
    lines = to_lines or block_for(to, style)
    sal = f"Dear {salute_name(to, style + 1) if style % 3 else to.given}," if not to_lines else "Dear Sir/Madam,"
    return Letter(
        to_lines=lines,
        refs=base_refs(about, style),
        date=date_str(d, style),
        heading=heading,
        salutation=sal,
        paras=paras,
        confidential=style % 3 != 1,
        bpay=(ORG["biller"], about.crn),
    )


# ---------------------------------------------------------------- renderers


def latin(s: str) -> str:
    s = s.replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    out = []
    for ch in s:
        if ord(ch) < 256:
            out.append(ch)
        else:
            out.append(unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode() or "?")
    return "".join(out)


class _Pdf(FPDF):
    def header(self) -> None:
        self.set_font("Helvetica", "B", 15)
        self.set_text_color(20, 60, 110)
        self.cell(0, 7, "KESTREL RECOVERIES", new_x="LMARGIN", new_y="NEXT", align="R")
        self.set_font("Helvetica", "", 8)
        self.set_text_color(80, 80, 80)
        self.cell(0, 4, f"{ORG['name']}  ABN {ORG['abn']}  {ORG['acl']}", new_x="LMARGIN", new_y="NEXT", align="R")
        self.cell(
            0,
            4,
            f"{ORG['street']}, {ORG['city']}  |  T {ORG['phone']}  F {ORG['fax']}",
            new_x="LMARGIN",
            new_y="NEXT",
            align="R",
        )
        self.set_text_color(0, 0, 0)

    def footer(self) -> None:
        self.set_y(-14)
        self.set_font("Helvetica", "", 7)
        self.cell(
            0,
            3.5,
            latin(f"{ORG['pobox']}  -  www.{ORG['domain']}  -  Hours 8.30am-5pm AEST  -  {ORG['phone13']}"),
            align="C",
            new_x="LMARGIN",
            new_y="NEXT",
        )
        self.cell(0, 3.5, f"Page {self.page_no()}  -  This communication is from a debt collector.", align="C")


def _pdf_page(pdf: _Pdf, lt: Letter, layout: str) -> None:
    pdf.add_page()
    pdf.set_font("Helvetica", "", 10)
    top = 45
    if layout == "window":
        pdf.set_xy(22, top)
        if lt.confidential:
            pdf.set_font("Helvetica", "B", 9)
            pdf.cell(85, 5, "PRIVATE AND CONFIDENTIAL", new_x="LMARGIN", new_y="NEXT")
            pdf.set_x(22)
            pdf.set_font("Helvetica", "", 10)
        for ln in lt.to_lines:
            pdf.set_x(22)
            pdf.cell(85, 5, latin(ln), new_x="LMARGIN", new_y="NEXT")
        pdf.set_xy(125, top)
        for lab, val in lt.refs + [("Date", lt.date)]:
            pdf.set_x(125)
            pdf.cell(28, 5, latin(lab + ":"))
            pdf.cell(40, 5, latin(val), new_x="LMARGIN", new_y="NEXT")
    else:  # right-aligned address block, references in a row underneath
        pdf.set_y(top)
        if lt.confidential:
            pdf.set_font("Helvetica", "B", 9)
            pdf.cell(0, 5, "PRIVATE AND CONFIDENTIAL", align="R", new_x="LMARGIN", new_y="NEXT")
            pdf.set_font("Helvetica", "", 10)
        for ln in lt.to_lines:
            pdf.cell(0, 5, latin(ln), align="R", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
        pdf.cell(0, 5, latin(lt.date), new_x="LMARGIN", new_y="NEXT")
        pdf.cell(0, 5, latin("   ".join(f"{a}: {b}" for a, b in lt.refs)), new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(max(pdf.get_y(), top + 38))
    pdf.ln(4)
    pdf.multi_cell(0, 5, latin(lt.salutation), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font("Helvetica", "B", 11)
    pdf.multi_cell(0, 6, latin(lt.heading), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    for p in lt.paras:
        pdf.ln(2)
        pdf.multi_cell(0, 5, latin(p), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    for s in lt.signoff:
        pdf.cell(0, 5, latin(s), new_x="LMARGIN", new_y="NEXT")
    if lt.bpay:
        pdf.ln(3)
        y = pdf.get_y()
        pdf.rect(15, y, 70, 16)
        pdf.set_xy(17, y + 1.5)
        pdf.set_font("Helvetica", "B", 9)
        pdf.cell(60, 4.5, f"BPAY  Biller Code: {lt.bpay[0]}", new_x="LMARGIN", new_y="NEXT")
        pdf.set_x(17)
        pdf.cell(60, 4.5, f"Ref: {lt.bpay[1]}", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 7)
        pdf.set_x(17)
        pdf.cell(60, 4, "Telephone & Internet Banking - BPAY(R)")


def pdf_bytes(letters: list[Letter], layout: str = "window", password: str | None = None) -> bytes:
    pdf = _Pdf(format="A4")
    pdf.set_creation_date(dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC))
    pdf.set_creator("Kestrel LetterGen 4.2")
    pdf.set_auto_page_break(True, 18)
    if password:
        pdf.set_encryption(owner_password="kr-owner", user_password=password)
    for lt in letters:
        _pdf_page(pdf, lt, layout)
    return bytes(pdf.output())


def docx_bytes(lt: Letter, layout: str = "table") -> bytes:
    d = docx.Document()
    cp = d.core_properties
    cp.author, cp.last_modified_by = "Kestrel Recoveries", "t.brennan"
    cp.created = cp.modified = dt.datetime(2026, 3, 2, 9, 0)
    cp.revision = 3
    st = d.styles["Normal"]
    st.font.name, st.font.size = "Arial", Pt(10)
    sec = d.sections[0]
    hp = sec.header.paragraphs[0]
    hp.text = f"{ORG['name']}  ·  ABN {ORG['abn']}  ·  {ORG['phone']}"
    hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    sec.footer.paragraphs[0].text = f"{ORG['street']}, {ORG['city']}  ·  {ORG['pobox']}"
    if layout == "table":
        t = d.add_table(rows=1, cols=2)
        left, right = t.rows[0].cells
        left.width, right.width = Cm(9), Cm(7)
        lines = (["PRIVATE AND CONFIDENTIAL"] if lt.confidential else []) + lt.to_lines
        left.paragraphs[0].text = lines[0]
        for ln in lines[1:]:
            left.add_paragraph(ln)
        right.paragraphs[0].text = f"Date: {lt.date}"
        for a, b in lt.refs:
            right.add_paragraph(f"{a}: {b}")
    elif layout == "textbox":  # a floating VML text box at the window position, as Word templates do
        lines = (["PRIVATE AND CONFIDENTIAL"] if lt.confidential else []) + lt.to_lines
        paras = "".join(f"<w:p><w:r><w:t xml:space='preserve'>{xml_escape(x)}</w:t></w:r></w:p>" for x in lines)
        run = parse_xml(
            f"<w:r xmlns:w='{W_NS}' xmlns:v='urn:schemas-microsoft-com:vml' "
            "xmlns:o='urn:schemas-microsoft-com:office:office'><w:pict><v:shape id='AddressWindow' "
            "type='#_x0000_t202' style='position:absolute;margin-left:0;margin-top:18pt;width:250pt;"
            f"height:95pt;z-index:1' stroked='f'><v:textbox><w:txbxContent>{paras}</w:txbxContent></v:textbox>"
            "</v:shape></w:pict></w:r>"
        )
        d.add_paragraph()._p.append(run)
        for a, b in [("Date", lt.date)] + lt.refs:
            d.add_paragraph(f"{a}: {b}").alignment = WD_ALIGN_PARAGRAPH.RIGHT
    else:  # "frame": a bordered single-cell box indented to the window position, references as a tab row
        d.add_paragraph(lt.date).alignment = WD_ALIGN_PARAGRAPH.RIGHT
        box = d.add_table(rows=1, cols=1)
        box.style = "Table Grid"
        cell = box.rows[0].cells[0]
        cell.width = Cm(8)
        if lt.confidential:
            cell.paragraphs[0].text = "PRIVATE AND CONFIDENTIAL"
            cell.add_paragraph("")
            first = cell.add_paragraph(lt.to_lines[0])
        else:
            first = cell.paragraphs[0]
            first.text = lt.to_lines[0]
        first.runs[0].bold = True
        for ln in lt.to_lines[1:]:
            cell.add_paragraph(ln)
        d.add_paragraph("\t".join(f"{a} {b}" for a, b in lt.refs))
    d.add_paragraph("")
    d.add_paragraph(lt.salutation)
    h = d.add_paragraph()
    h.add_run(lt.heading).bold = True
    for p in lt.paras:
        d.add_paragraph(p)
    if lt.bpay:
        d.add_paragraph(f"BPAY® Biller code {lt.bpay[0]}   Customer reference number {lt.bpay[1]}")
    for s in lt.signoff:
        d.add_paragraph(s)
    buf = io.BytesIO()
    d.save(buf)
    return fix_zip(buf.getvalue())


def text_lines(lt: Letter, right: bool = False) -> list[str]:
    org = [
        ORG["name"].upper(),
        f"ABN {ORG['abn']}",
        f"{ORG['street']}, {ORG['city']}",
        f"Phone {ORG['phone']} | Fax {ORG['fax']}",
        "",
    ]
    block = (["PRIVATE AND CONFIDENTIAL"] if lt.confidential else []) + lt.to_lines
    if right:
        block = [ln.rjust(72) for ln in block]
    refs = [f"{a}: {b}" for a, b in lt.refs] + [f"Date: {lt.date}"]
    out = org + block + [""] + refs + ["", lt.salutation, "", lt.heading, ""]
    for p in lt.paras:
        out += [p, ""]
    if lt.bpay:
        out += [f"BPAY Biller Code {lt.bpay[0]}  Ref {lt.bpay[1]}", ""]
    return out + lt.signoff


def txt_bytes(lt: Letter, right: bool = False) -> str:
    return "\n".join(text_lines(lt, right)) + "\n"


def rtf_bytes(lt: Letter) -> str:
    return rtf(text_lines(lt))


def html_letter(lt: Letter) -> str:
    from html import escape

    block = "<br>".join(escape(x) for x in lt.to_lines)
    refs = "".join(f"<tr><th>{escape(a)}</th><td>{escape(b)}</td></tr>" for a, b in lt.refs)
    paras = "".join(f"<p>{escape(p)}</p>" for p in lt.paras)
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{escape(lt.heading)}</title>"
        "<style>.addr{float:left;width:55%}.refs{float:right}th{text-align:left;padding-right:8px}"
        "body{font-family:Arial;font-size:11pt}</style></head><body>"
        f"<div class='lh'><b>{ORG['name']}</b> ABN {ORG['abn']} · {ORG['phone']}</div>"
        f"<div class='addr'>{'<small>PRIVATE AND CONFIDENTIAL</small><br>' if lt.confidential else ''}"
        f"{block}</div><table class='refs'>{refs}<tr><th>Date</th><td>{escape(lt.date)}</td></tr></table>"
        f"<div style='clear:both'></div><p>{escape(lt.salutation)}</p><h3>{escape(lt.heading)}</h3>{paras}"
        f"<p>{'<br>'.join(escape(s) for s in lt.signoff)}</p></body></html>\n"
    )


def render(lt: Letter, fmt: str) -> tuple[str, bytes | str]:
    """fmt: pdf-window, pdf-right, docx-table, docx-frame, txt, txt-right, rtf, html."""
    if fmt.startswith("pdf"):
        return "pdf", pdf_bytes([lt], fmt.split("-")[1])
    if fmt.startswith("docx"):
        return "docx", docx_bytes(lt, fmt.split("-")[1])
    if fmt == "txt":
        return "txt", txt_bytes(lt)
    if fmt == "txt-right":
        return "txt", txt_bytes(lt, True)
    if fmt == "rtf":
        return "rtf", rtf_bytes(lt)
    return "html", html_letter(lt)
