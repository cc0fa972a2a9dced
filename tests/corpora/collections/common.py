"""Shared plumbing: the label book, deterministic writers for .eml, PDF, DOCX, RTF and friends."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import random
import zipfile
from email import policy
from email.message import EmailMessage, Message
from email.utils import format_datetime

from .registry import ORG

DOM = ORG["domain"]
BASE = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=11)))
_SEQ = [0]
STAFF = ["t.brennan", "k.wu", "s.abdi", "p.lachlan", "collections", "hardship", "skiptrace", "legal", "r.moss"]


class Book:
    """Collects items and labels; ids are sequential so output is deterministic."""

    def __init__(self, out: str, rng: random.Random) -> None:
        self.out = out
        self.rng = rng
        self.labels: list[dict] = []
        self.n = 0
        _SEQ[0] = 0
        os.makedirs(os.path.join(out, "items"), exist_ok=True)

    def new_path(self, ext: str) -> tuple[str, str]:
        self.n += 1
        iid = f"K{self.n:04d}"
        return iid, f"items/{iid}.{ext}"

    def write(self, rel: str, data: bytes | str) -> None:
        full = os.path.join(self.out, rel)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        if isinstance(data, str):
            data = data.encode("utf-8")
        with open(full, "wb") as fh:
            fh.write(data)

    def add(
        self,
        ext: str,
        data: bytes | str,
        category: str,
        expect: str = "allow",
        rules=None,
        suppressed: bool = False,
        note: str = "",
        **extra,
    ) -> str:
        iid, rel = self.new_path(ext)
        self.write(rel, data)
        lab: dict = {"id": iid, "channel": "scan", "path": rel, "category": category}
        if "letters" in extra:
            lab["letters"] = extra.pop("letters")
        else:
            lab["expect"] = expect
            if expect == "block":
                lab["rules"] = list(rules or [])
                lab["suppressed"] = bool(suppressed)
        lab["note"] = note
        lab.update(extra)
        self.labels.append(lab)
        return iid

    def pair(self, legit: tuple, incident: tuple) -> None:
        """legit/incident: (ext, data, category, note) / (ext, data, category, rules, suppressed, note)."""
        a = self.add(legit[0], legit[1], legit[2], note=legit[3])
        b = self.add(incident[0], incident[1], incident[2], "block", incident[3], incident[4], incident[5])
        self.labels[-2]["twin"] = b
        self.labels[-1]["twin"] = a

    def finish(self) -> None:
        with open(os.path.join(self.out, "labels.jsonl"), "w", encoding="utf-8") as fh:
            for lab in self.labels:
                fh.write(json.dumps(lab, ensure_ascii=False, sort_keys=False) + "\n")


def when(k: int) -> dt.datetime:
    return BASE + dt.timedelta(hours=3 * k, minutes=(k * 17) % 60)


def staff(k: int) -> str:
    return f"{STAFF[k % len(STAFF)]}@{DOM}"


def _fix_boundaries(msg: Message, seed: str) -> None:
    n = 0
    for part in msg.walk():
        if part.is_multipart():
            n += 1
            part.set_boundary(f"=_kr_{seed}_{n:02d}")


def eml(
    frm: str,
    to: list[str] | str,
    subject: str,
    text: str | None = None,
    html: str | None = None,
    k: int = 0,
    cc: list[str] | None = None,
    bcc: list[str] | None = None,
    reply_to: str | None = None,
    attachments: list[tuple[str, str, bytes | str | Message]] | None = None,
    cte: str | None = None,
    headers: dict | None = None,
) -> bytes:
    """Build a message. attachments: (filename, mime type, payload); message/rfc822 takes a Message."""
    m = EmailMessage(policy=policy.SMTP)
    m["From"] = frm
    m["To"] = to if isinstance(to, str) else ", ".join(to)
    if cc:
        m["Cc"] = ", ".join(cc)
    if bcc:
        m["Bcc"] = ", ".join(bcc)
    if reply_to:
        m["Reply-To"] = reply_to
    m["Subject"] = subject
    m["Date"] = format_datetime(when(k))
    _SEQ[0] += 1
    m["Message-ID"] = f"<{k:05d}.{_SEQ[0]:05d}@mail.{DOM}>"
    for hk, hv in (headers or {}).items():
        m[hk] = hv
    if text is not None:
        m.set_content(text, cte=cte) if cte else m.set_content(text)
    if html is not None:
        if text is None:
            m.set_content(html, subtype="html", cte=cte) if cte else m.set_content(html, subtype="html")
        else:
            m.add_alternative(html, subtype="html", cte=cte) if cte else m.add_alternative(html, subtype="html")
    for fname, mtype, payload in attachments or []:
        if mtype == "message/rfc822":
            m.add_attachment(payload, filename=fname)
            continue
        maintype, subtype = mtype.split("/")
        if isinstance(payload, str):
            if maintype == "text":
                m.add_attachment(payload, subtype=subtype, filename=fname)
            else:
                m.add_attachment(payload.encode("utf-8"), maintype=maintype, subtype=subtype, filename=fname)
        else:
            m.add_attachment(payload, maintype=maintype, subtype=subtype, filename=fname)
    _fix_boundaries(m, f"{k:05d}")
    return m.as_bytes()


def parse(data: bytes) -> Message:
    import email

    return email.message_from_bytes(data, policy=policy.default)


def fix_zip(data: bytes) -> bytes:
    """Rewrite a zip (DOCX) with fixed timestamps so output is byte-identical across runs."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2026, 3, 2, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, src.read(info.filename))
    return out.getvalue()


def make_zip(files: list[tuple[str, bytes | str]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in files:
            zi = zipfile.ZipInfo(name, date_time=(2026, 3, 2, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(zi, data)
    return out.getvalue()


def rtf(lines: list[str]) -> str:
    def esc(s: str) -> str:
        out = []
        for ch in s:
            if ch in "\\{}":
                out.append("\\" + ch)
            elif ord(ch) > 127:
                out.append(f"\\u{ord(ch)}?")
            else:
                out.append(ch)
        return "".join(out)

    body = "\\par\n".join(esc(x) for x in lines)
    return "{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Arial;}}\\fs22\n" + body + "\\par\n}\n"
