"""The letter model and its plain renderings (text, HTML, RTF). PDF and DOCX renderers live beside it."""

from __future__ import annotations

import html
import textwrap
from dataclasses import dataclass, field
from typing import Any

from . import org

# A body block: ("p", text) paragraph, ("h", text) heading, ("kv", [(label, value)]) two-column facts,
# ("table", [header], [[cells]]) a table, ("form", [(label, value)]) a labelled form, ("small", text),
# ("break",) a page break.
Block = tuple[Any, ...]


@dataclass
class Letter:
    block: list[str]  # the address block, as printed
    box: list[tuple[str, str]] = field(default_factory=list)  # right-hand account/enquiries box
    meta: list[str] = field(default_factory=list)  # "Property: ...", "Our ref: ..." before the greeting
    date: str = ""
    heading: str = ""
    salutation: str | None = None
    body: list[Block] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)
    slip: list[tuple[str, str]] | None = None  # tear-off payment slip
    return_line: bool = False  # "If undelivered return to ..." above the block
    letterhead: bool = True

    def text_lines(self, columns: bool = False) -> list[str]:
        """The letter as plain text lines; ``columns`` puts the box beside the block, as legacy systems print."""
        out: list[str] = []
        if self.letterhead:
            out += org.LETTERHEAD + [""]
        if self.return_line:
            out.append(f"If undelivered return to {org.POSTAL}, {org.POSTAL_LOCALITY}")
        box = [f"{k}: {v}" if k else v for k, v in self.box]
        if columns and box:
            for i in range(max(len(self.block), len(box))):
                left = self.block[i] if i < len(self.block) else ""
                right = box[i] if i < len(box) else ""
                out.append(f"{left:<46}{right}".rstrip())
        else:
            out += self.block
            if box:
                out += [""] + box
        out.append("")
        out += self.meta
        if self.date:
            out += [self.date]
        out.append("")
        if self.heading:
            out += [self.heading, ""]
        if self.salutation:
            out += [self.salutation, ""]
        for b in self.body:
            out += block_text(b) + [""]
        out += self.closing
        if self.slip:
            out += ["", "- " * 30 + "(detach and return with your payment)"]
            out += [f"{k}: {v}" if k else v for k, v in self.slip]
        out += ["", org.FOOTER]
        return out


def block_text(b: Block) -> list[str]:
    kind = b[0]
    if kind in ("p", "small"):
        return [w for line in b[1].split("\n") for w in (textwrap.wrap(line, 88) or [""])]
    if kind == "h":
        return [b[1]]
    if kind in ("kv", "form"):
        return [f"{k}: {v}" if k else v for k, v in b[1]]
    if kind == "table":
        rows = [b[1], *b[2]]
        return ["  |  ".join(str(c) for c in r) for r in rows]
    if kind == "break":
        return ["\f"]
    raise ValueError(kind)


def render_txt(letter: Letter, columns: bool = False) -> bytes:
    return ("\n".join(letter.text_lines(columns)) + "\n").encode("utf-8")


def render_html(letter: Letter) -> bytes:
    e = html.escape
    parts = [
        '<!DOCTYPE html>\n<html lang="en-AU"><head><meta charset="utf-8">',
        f"<title>{e(letter.heading or org.NAME)}</title>",
        "<style>body{font-family:Arial,sans-serif;font-size:11pt;margin:2cm} .box td{padding:2px 8px}"
        " .lh{color:#0b5d52} .foot{font-size:8pt;color:#666;border-top:1px solid #ccc}</style></head><body>",
    ]
    if letter.letterhead:
        parts.append(
            f'<div class="lh"><img src="cid:logo" alt="{e(org.NAME)} logo"><h2>{e(org.NAME)}</h2>'
            + "<br>".join(e(x) for x in org.LETTERHEAD[1:])
            + "</div>"
        )
    box = "".join(f"<tr><td>{e(k)}</td><td><b>{e(v)}</b></td></tr>" for k, v in letter.box)
    parts.append(
        '<table width="100%"><tr><td valign="top" class="address">'
        + "<br>\n".join(e(x) for x in letter.block)
        + f'</td><td valign="top"><table class="box">{box}</table></td></tr></table>'
    )
    for m in letter.meta:
        parts.append(f"<p>{e(m)}</p>")
    if letter.date:
        parts.append(f"<p>{e(letter.date)}</p>")
    if letter.heading:
        parts.append(f"<h3>{e(letter.heading)}</h3>")
    if letter.salutation:
        parts.append(f"<p>{e(letter.salutation)}</p>")
    for b in letter.body:
        parts.append(block_html(b))
    parts.append("<p>" + "<br>".join(e(x) for x in letter.closing) + "</p>")
    if letter.slip:
        parts.append(
            '<hr style="border-top:2px dashed #999"><table>'
            + "".join(f"<tr><td>{e(k)}</td><td>{e(v)}</td></tr>" for k, v in letter.slip)
            + "</table>"
        )
    parts.append(f'<p class="foot">{e(org.FOOTER)}</p></body></html>')
    return "\n".join(parts).encode("utf-8")


def block_html(b: Block) -> str:
    e = html.escape
    kind = b[0]
    if kind == "p":
        return "<p>" + "<br>".join(e(x) for x in b[1].split("\n")) + "</p>"
    if kind == "small":
        return '<p style="font-size:8pt">' + "<br>".join(e(x) for x in b[1].split("\n")) + "</p>"
    if kind == "h":
        return f"<h4>{e(b[1])}</h4>"
    if kind in ("kv", "form"):
        return "<table>" + "".join(f"<tr><td>{e(k)}</td><td>{e(v)}</td></tr>" for k, v in b[1]) + "</table>"
    if kind == "table":
        head = "".join(f"<th>{e(str(c))}</th>" for c in b[1])
        rows = "".join("<tr>" + "".join(f"<td>{e(str(c))}</td>" for c in r) + "</tr>" for r in b[2])
        return f'<table border="1" cellspacing="0"><tr>{head}</tr>{rows}</table>'
    if kind == "break":
        return '<div style="page-break-after:always"></div>'
    raise ValueError(kind)


def rtf_escape(text: str) -> str:
    out = []
    for ch in text:
        o = ord(ch)
        if ch in "\\{}":
            out.append("\\" + ch)
        elif o > 127:
            out.append(f"\\u{o if o < 32768 else o - 65536}?")
        else:
            out.append(ch)
    return "".join(out)


def render_rtf(letter: Letter) -> bytes:
    """RTF written by hand, as Word would save it: font table, paragraphs, a table row for the block and box."""
    r = rtf_escape
    out = [
        r"{\rtf1\ansi\ansicpg1252\deff0\nouicompat{\fonttbl{\f0\fswiss\fcharset0 Arial;}{\f1\froman Times New Roman;}}",
        r"{\colortbl ;\red11\green93\blue82;}",
        r"{\*\generator Riched20 10.0.19041}\viewkind4\uc1",
        r"\paperw11906\paperh16838\margl1134\margr1134\margt1134\margb1134",
    ]
    if letter.letterhead:
        out.append(r"\pard\cf1\b\fs32 " + r(org.NAME) + r"\b0\fs18\par")
        out += [r"\cf0 " + r(x) + r"\par" for x in org.LETTERHEAD[1:]]
        out.append(r"\par")
    if letter.return_line:
        out.append(r"\fs14 If undelivered return to " + r(f"{org.POSTAL}, {org.POSTAL_LOCALITY}") + r"\fs20\par")
    if letter.box:
        left = r"\line ".join(r(x) for x in letter.block)
        right = r"\line ".join(r(f"{k}: {v}" if k else v) for k, v in letter.box)
        out.append(
            r"\trowd\trgaph108\cellx5200\cellx9600\pard\intbl\fs20 " + left + r"\cell " + right + r"\cell\row\pard"
        )
    else:
        out += [r"\pard\fs20 " + r(x) + r"\par" for x in letter.block]
    out.append(r"\par")
    for m in letter.meta + ([letter.date] if letter.date else []):
        out.append(r(m) + r"\par")
    out.append(r"\par")
    if letter.heading:
        out.append(r"\b " + r(letter.heading) + r"\b0\par\par")
    if letter.salutation:
        out.append(r(letter.salutation) + r"\par\par")
    for b in letter.body:
        if b[0] == "break":
            out.append(r"\page")
            continue
        if b[0] in ("kv", "form"):
            out += [r(k) + r"\tab " + r(v) + r"\par" for k, v in b[1]]
        else:
            out += [r(x) + r"\par" for x in block_text(b)]
        out.append(r"\par")
    out += [r(x) + r"\par" for x in letter.closing]
    if letter.slip:
        out.append(r"\par - - - - - - - - - - - - - - - - - - - - - - - - - - - -\par")
        out += [r(f"{k}: {v}" if k else v) + r"\par" for k, v in letter.slip]
    out.append(r"\par\fs14 " + r(org.FOOTER) + r"\par}")
    return "\n".join(out).encode("ascii")
