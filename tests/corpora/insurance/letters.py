"""A letter as a claims system holds it, and its plain-text, RTF and HTML renderings.

The PDF and Word renderings live in `pdfs.py` and `office.py`; each rendering lays the same parts out its own
way (window envelope, right-aligned block, reference block under the address, side-by-side columns).
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from . import org


@dataclass
class Letter:
    to_lines: list[str]  # the address block, name line(s) first
    date: str
    details: list[tuple[str, str]] = field(default_factory=list)  # the reference / "Policy details" box
    heading: str = ""
    dear: str | None = None
    body: list[str] = field(default_factory=list)
    table: list[list[str]] | None = None  # first row is the header
    sign: list[str] = field(default_factory=list)
    after_block: list[str] = field(default_factory=list)  # "Property: ...", "By email: ..." lines
    extra_pages: list[list[str]] = field(default_factory=list)  # further pages ("Schedule of cover")
    box_title: str = "Policy details"
    footer: str = field(default_factory=org.footer_line)

    def signoff(self) -> list[str]:
        return self.sign or ["Yours sincerely", "", org.STAFF[0].name, org.STAFF[0].role]


def sign_for(name: str, role: str = "", closing: str = "Yours sincerely") -> list[str]:
    return [closing, "", name] + ([role] if role else []) + [org.NAME]


# -- plain text ----------------------------------------------------------------------------------------------
def to_txt(lt: Letter, style: str = "plain") -> str:
    """'plain': a case-management print; 'columns': the address and references side by side, space-padded."""
    out: list[str] = []
    if style == "columns":
        out += [org.NAME.upper(), f"{org.POSTAL}, {org.POSTAL_LOCALITY}   ABN {org.ABN}", ""]
        right = [f"{k}: {v}" for k, v in lt.details] + [f"Date: {lt.date}"]
        for i in range(max(len(lt.to_lines), len(right))):
            left = lt.to_lines[i] if i < len(lt.to_lines) else ""
            r = right[i] if i < len(right) else ""
            out.append(f"{left:<46}{r}".rstrip())
        out.append("")
    else:
        out += [org.NAME, f"{org.STREET}, {org.LOCALITY}", f"Phone {org.CLAIMS_PHONE}  Fax {org.FAX}", "", lt.date, ""]
        out += lt.to_lines + [""]
        out += [f"{k}: {v}" for k, v in lt.details]
        out.append("")
    out += lt.after_block + ([""] if lt.after_block else [])
    if lt.dear:
        out += [lt.dear + ("" if lt.dear.endswith(",") else ","), ""]
    if lt.heading:
        out += [lt.heading.upper(), ""]
    for p in lt.body:
        out += [p, ""]
    if lt.table:
        widths = [max(len(r[i]) for r in lt.table) + 2 for i in range(len(lt.table[0]))]
        for row in lt.table:
            out.append("".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
        out.append("")
    out += lt.signoff()
    for page in lt.extra_pages:
        out += ["", "\f"] + page
    out += ["", "-" * 60, lt.footer]
    return "\r\n".join(out) + "\r\n" if style == "columns" else "\n".join(out) + "\n"


# -- RTF -----------------------------------------------------------------------------------------------------
def _rtf_escape(s: str) -> str:
    out = []
    for ch in s:
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ord(ch) > 127:
            code = ord(ch)
            out.append(f"\\u{code if code < 32768 else code - 65536}?")
        else:
            out.append(ch)
    return "".join(out)


def to_rtf(lt: Letter, block_right: bool = False) -> str:
    """A Word-style RTF: letterhead centred, the address block left (or right), paragraphs, a table."""
    p: list[str] = [
        r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fswiss Arial;}{\f1\froman Times New Roman;}}",
        r"{\info{\author Blackwattle Claims}{\company " + _rtf_escape(org.NAME) + "}}",
        r"\paperw11906\paperh16838\margl1134\margr1134\f0\fs20",
    ]
    p.append(r"\pard\qc\b\fs28 " + _rtf_escape(org.NAME) + r"\b0\fs18\par")
    p.append(
        r"\pard\qc "
        + _rtf_escape(f"{org.STREET}, {org.LOCALITY}  |  {org.CLAIMS_PHONE}  |  ABN {org.ABN}")
        + r"\par\par"
    )
    align = r"\qr" if block_right else r"\ql"
    for ln in lt.to_lines:
        p.append(rf"\pard{align}\fs22 " + _rtf_escape(ln) + r"\par")
    p.append(r"\pard\par")
    for k, v in lt.details:
        p.append(r"\pard\ql\fs20 " + _rtf_escape(f"{k}:") + r"\tab " + _rtf_escape(v) + r"\par")
    p.append(r"\pard\ql " + _rtf_escape(lt.date) + r"\par\par")
    for ln in lt.after_block:
        p.append(r"\pard " + _rtf_escape(ln) + r"\par")
    if lt.dear:
        p.append(r"\pard " + _rtf_escape(lt.dear + ("" if lt.dear.endswith(",") else ",")) + r"\par\par")
    if lt.heading:
        p.append(r"\pard\b " + _rtf_escape(lt.heading) + r"\b0\par\par")
    for para in lt.body:
        p.append(r"\pard\sa120 " + _rtf_escape(para) + r"\par")
    if lt.table:
        for row in lt.table:
            cells = "".join(rf"\cellx{1800 * (i + 1)}" for i in range(len(row)))
            p.append(
                r"\trowd\trgaph70"
                + cells
                + " "
                + "".join(r"\pard\intbl " + _rtf_escape(c) + r"\cell" for c in row)
                + r"\row"
            )
        p.append(r"\pard\par")
    for ln in lt.signoff():
        p.append(r"\pard " + _rtf_escape(ln) + r"\par")
    for page in lt.extra_pages:
        p.append(r"\page")
        for ln in page:
            p.append(r"\pard " + _rtf_escape(ln) + r"\par")
    p.append(r"\pard\qc\fs14 " + _rtf_escape(lt.footer) + r"\par}")
    return "\n".join(p)


# -- HTML ----------------------------------------------------------------------------------------------------
def to_html(lt: Letter, style: str = "table") -> str:
    """A letter saved as a web page: 'table' puts the address and the details box side by side."""
    e = html.escape
    addr = "<br>\n".join(e(x) for x in lt.to_lines)
    details = "".join(f"<tr><th>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in lt.details)
    head = (
        f'<div class="lh"><img src="cid:logo" alt="{e(org.NAME)} logo" width="180">'
        f"<p>{e(org.STREET)}<br>{e(org.LOCALITY)}<br>Claims {e(org.CLAIMS_PHONE)}<br>"
        f'<a href="mailto:{org.CLAIMS}" title="Email our claims team">{org.CLAIMS}</a></p></div>'
    )
    if style == "table":
        block = (
            f'<table class="window" style="width:100%"><tr><td style="width:55%;vertical-align:top">'
            f'<p class="addr">{addr}</p></td><td style="vertical-align:top"><table class="box">'
            f"<caption>{e(lt.box_title)}</caption>{details}<tr><th>Date</th><td>{e(lt.date)}</td></tr>"
            f"</table></td></tr></table>"
        )
    else:
        block = (
            f'<p class="date" style="text-align:right">{e(lt.date)}</p><p class="addr">{addr}</p>'
            f'<table class="refs">{details}</table>'
        )
    parts = [
        f'<!DOCTYPE html>\n<html lang="en-AU"><head><meta charset="utf-8"><title>{e(lt.heading or "Letter")}'
        f"</title><style>body{{font-family:Arial;font-size:11pt}} th{{text-align:left}}</style></head><body>",
        head,
        block,
    ]
    parts += [f"<p>{e(x)}</p>" for x in lt.after_block]
    if lt.dear:
        parts.append(f"<p>{e(lt.dear)}{'' if lt.dear.endswith(',') else ','}</p>")
    if lt.heading:
        parts.append(f"<h2>{e(lt.heading)}</h2>")
    parts += [f"<p>{e(x)}</p>" for x in lt.body]
    if lt.table:
        rows = [f"<tr>{''.join(f'<th>{e(c)}</th>' for c in lt.table[0])}</tr>"]
        rows += [f"<tr>{''.join(f'<td>{e(c)}</td>' for c in r)}</tr>" for r in lt.table[1:]]
        parts.append(f'<table border="1" cellpadding="4">{"".join(rows)}</table>')
    parts.append("<p>" + "<br>".join(e(x) for x in lt.signoff()) + "</p>")
    for page in lt.extra_pages:
        parts.append('<div style="page-break-before:always">' + "<br>".join(e(x) for x in page) + "</div>")
    parts.append(f"<footer><small>{e(lt.footer)}</small></footer></body></html>")
    return "\n".join(parts)
