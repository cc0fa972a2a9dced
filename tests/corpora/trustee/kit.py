"""Writing items and labels: ids, paths, `pair()` for an incident and its legitimate twin, and the small helpers
every case module uses (dates, senders, address blocks, letters in any format)."""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path

from tests.corpora.trustee import render, world
from tests.corpora.trustee.registry import Addr, Client, Registry

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


class Corpus:
    def __init__(self, out: Path, reg: Registry, rng: random.Random, scale: float):
        self.out = out
        self.reg = reg
        self.rng = rng
        self.scale = scale
        self.labels: list[dict] = []
        self.n = 0
        self.day = date(2025, 2, 3)
        (out / "items").mkdir(parents=True, exist_ok=True)

    # ---- counts, dates, senders
    def k(self, n: int) -> int:
        """How many of a case to write at this scale (at least one)."""
        return max(1, round(n * self.scale))

    def next_day(self) -> date:
        self.day += timedelta(days=1 if self.day.weekday() < 4 else 3)
        if self.day > date(2025, 11, 28):
            self.day = date(2025, 2, 3)
        return self.day

    def long_date(self, d: date | None = None) -> str:
        d = d or self.day
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"

    def mail_date(self, hour: int = 10) -> str:
        d = self.day
        summer = d < date(d.year, 4, 6) or d >= date(d.year, 10, 5)  # daylight saving in Sydney
        return (
            f"{DAYS[d.weekday()]}, {d.day:02d} {MONTHS[d.month - 1][:3]} {d.year} "
            f"{hour:02d}:{self.rng.randint(0, 59):02d}:00 {'+1100' if summer else '+1000'}"
        )

    def sent(self, back: int = 2) -> str:
        d = self.day - timedelta(days=back)
        return (
            f"{['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'][d.weekday()]}, "
            f"{d.day} {MONTHS[d.month - 1]} {d.year} 2:14 PM"
        )

    def officer(self, team: str) -> tuple[str, str, str]:
        g, f, t = self.rng.choice(world.staff(team))
        return f"{g} {f}", world.staff_email(g, f), t

    def office(self, c: Client | None = None) -> world.Office:
        return self.rng.choice(world.OFFICES)

    # ---- writing
    def add(
        self,
        area: str,
        variation: str,
        ext: str,
        data: bytes,
        *,
        expect: str = "allow",
        rules: list[str] | None = None,
        suppressed: bool = False,
        note: str,
        letters: list[dict] | None = None,
    ) -> dict:
        self.n += 1
        iid = f"T{self.n:04d}"
        path = f"items/{iid}.{ext}"
        (self.out / path).write_bytes(data)
        label: dict = {"id": iid, "channel": "scan", "path": path, "category": f"{area}/{variation}"}
        if letters is not None:
            label["letters"] = letters
        else:
            label["expect"] = expect
            if expect == "block":
                label["rules"] = rules
                if suppressed:
                    label["suppressed"] = True
        label["note"] = note
        self.labels.append(label)
        return label

    def pair(
        self,
        area: str,
        variation: str,
        ext: str,
        bad: bytes,
        good: bytes,
        rules: list[str],
        note: str,
        good_note: str,
        suppressed: bool = False,
    ) -> None:
        b = self.add(area, variation, ext, bad, expect="block", rules=rules, suppressed=suppressed, note=note)
        g = self.add(area, variation, ext, good, note=good_note)
        b["twin"], g["twin"] = g["id"], b["id"]

    def write_labels(self, extra: list[dict]) -> None:
        lines = [json.dumps(x, ensure_ascii=False) for x in self.labels + extra]
        (self.out / "labels.jsonl").write_text("\n".join(lines) + "\n")


# ---- address blocks as staff and systems write them
def block(c: Client, style: int = 0, addr: Addr | None = None, name: str | None = None) -> list[str]:
    a = addr or c.addr
    st = style % 6
    if name is None:
        name = [
            f"{c.title} {c.given} {c.family}",
            f"{c.title} {c.initials} {c.family}".replace("  ", " "),
            f"{c.given.upper()} {c.family.upper()}",
            f"{c.title} {c.given[0]} {c.family}",
            f"{c.given} {c.family}",
            f"{c.title.upper()} {c.initials.replace(' ', '')} {c.family.upper()}",
        ][st]
    lines = [name]
    if c.room and a is c.addr:
        lines.append(f"Room {c.room}, {c.facility.name}")
    street = a.street_line(abbr=st in (1, 3, 5), unit_style=["Unit", "/", "Flat", "/", "Unit", "/"][st])
    town = a.town_line(["upper", "upper", "title", "lower", "upper", "upper"][st])
    return lines + [street, town]


def fmt_ref(r: str, spaced: bool) -> str:
    """A reference as letters print it: CM412345 or CM 412 345."""
    if not spaced:
        return r
    head = r.rstrip("0123456789")
    rest = r[len(head) :]
    return f"{head} {rest[:3]} {rest[3:]}"


def fmt_crn(crn: str) -> str:
    return f"{crn[:3]} {crn[3:6]} {crn[6:]}"


def dob_text(d: date, style: int) -> str:
    return [
        f"{d.day} {MONTHS[d.month - 1]} {d.year}",
        f"{d.day:02d}/{d.month:02d}/{d.year}",
        f"{d.day}.{d.month}.{str(d.year)[2:]}",
        f"{d.day} {MONTHS[d.month - 1][:3]} {d.year}",
    ][style % 4]


def money(rng: random.Random, lo: int, hi: int) -> str:
    return f"${rng.randint(lo, hi):,}.{rng.randint(0, 99):02d}"


def render_letter(fmt: str, letter: render.Letter) -> bytes:
    return {
        "pdf": render.letter_pdf,
        "docx": render.letter_docx,
        "rtf": render.letter_rtf,
        "txt": render.letter_txt,
        "html": render.letter_html,
    }[fmt](letter)


def render_report(fmt: str, title: str, paras: list) -> bytes:
    return {"pdf": render.report_pdf, "docx": render.report_docx, "rtf": render.report_rtf, "txt": render.report_txt}[
        fmt
    ](title, paras)


def dear(c: Client, style: int = 0) -> str:
    return [f"Dear {c.title} {c.family}", f"Dear {c.given}", f"Dear {c.title} {c.family},"][style % 3]


def mail(
    cx: Corpus,
    *,
    frm: str,
    to: list[str],
    subject: str,
    text: str | None = None,
    html: str | None = None,
    cc: list[str] = (),
    attachments: list[tuple[str, bytes]] = (),
    in_reply_to: str = "",
    extra_headers: dict[str, str] | None = None,
) -> bytes:
    """A message dated today in the corpus's calendar, its Message-ID and boundaries fixed by a running count."""
    cx.mails = getattr(cx, "mails", 0) + 1
    return render.eml(
        frm=frm,
        to=to,
        subject=subject,
        date=cx.mail_date(9 + cx.mails % 8),
        key=f"m{cx.mails}",
        text=text,
        html=html,
        cc=list(cc),
        attachments=list(attachments),
        in_reply_to=in_reply_to,
        extra_headers=extra_headers,
    )


def who(name: str, addr: str) -> str:
    return f"{name} <{addr}>"


def pick(cx: Corpus, pool: list, n: int) -> list:
    return cx.rng.sample(pool, n)
