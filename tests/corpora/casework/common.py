"""Shared helpers for the scenario modules: rendering a letter in a named format, picking clients, e-mails."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import replace

from . import render_docs, render_pdf
from .letters import Letter
from .mail import Att, Mail, render, staff_signature, who
from .org import CASE_MANAGERS, Person
from .people import Client
from .registry import Registry

LETTER_FORMATS = (
    "pdf-window",
    "pdf-right",
    "pdf-classic",
    "pdf-plain",
    "docx-table",
    "docx-right",
    "docx-plain",
    "rtf",
    "rtf-right",
    "txt",
    "txt-columns",
    "html",
)


def render_letter(letter: Letter, fmt: str, merge_fields: bool = False) -> tuple[str, bytes]:
    kind, _, layout = fmt.partition("-")
    if kind == "pdf":
        return "pdf", render_pdf.pdf_letter(letter, layout or "window")
    if kind == "docx":
        return "docx", render_docs.docx_letter(letter, layout or "plain", merge_fields=merge_fields)
    if kind == "rtf":
        return "rtf", render_docs.rtf_letter(letter, right_block=layout == "right")
    if kind == "txt":
        return "txt", render_docs.txt_letter(letter, columns=layout == "columns")
    if kind == "html":
        return "html", render_docs.html_letter(letter)
    raise ValueError(fmt)


def attach_letter(letter: Letter, fmt: str, filename: str) -> Att:
    ext, data = render_letter(letter, fmt)
    return Att(f"{filename}.{ext}", data)


def pick(
    reg: Registry, rng: random.Random, pred: Callable[[Client], bool] = lambda c: True, exclude: tuple[Client, ...] = ()
) -> Client:
    pool = [c for c in reg.ordinary if pred(c) and c not in exclude]
    return rng.choice(pool)


def pick_many(
    reg: Registry,
    rng: random.Random,
    n: int,
    pred: Callable[[Client], bool] = lambda c: True,
    exclude: tuple[Client, ...] = (),
) -> list[Client]:
    pool = [c for c in reg.ordinary if pred(c) and c not in exclude]
    return rng.sample(pool, n)


def other_than(reg: Registry, rng: random.Random, *clients: Client) -> Client:
    """An unrelated client: not the same person, not a co-claimant, not a representative of them."""
    ids = (
        {c.cid for c in clients}
        | {j for c in clients for j in c.joint_with}
        | {a for c in clients for a in c.authorised}
    )
    emails = {a for c in clients for a in c.authorised}
    return pick(
        reg,
        rng,
        lambda o: (
            o.cid not in ids
            and not (set(o.authorised) & emails)
            and o.addr.registry_line() not in {c.addr.registry_line() for c in clients}
            and o.family not in {c.family for c in clients}
        ),
    )


def cm_of(rng: random.Random) -> Person:
    return rng.choice(CASE_MANAGERS)


def client_addr(c: Client) -> tuple[str, str]:
    return (c.short, c.email)


def mail_to_client(
    c: Client, cm: Person, subject: str, body: str, rng: random.Random, greeting: str = "", **kw: object
) -> bytes:
    pick_greeting = rng.choice(
        [f"Dear {c.first},", f"Hi {c.first},", f"Dear {c.title} {c.family},", f"Hello {c.first},"]
    )
    greeting = greeting or pick_greeting
    text = f"{greeting}\n\n{body}\n{staff_signature(cm)}"
    return render(Mail(frm=who(cm), to=[client_addr(c)], subject=subject, text=text, **kw), rng)  # type: ignore[arg-type]


def with_claim(letter: Letter, old: str, new: str) -> Letter:
    """The same letter with one claim number swapped for another everywhere it is printed."""

    def sub(s: str) -> str:
        return s.replace(old, new)

    return replace(
        letter,
        subject=sub(letter.subject),
        paras=[sub(p) for p in letter.paras],
        refs=[(k, sub(v)) for k, v in letter.refs],
        pre_greeting=[sub(x) for x in letter.pre_greeting],
    )


def rep_of(reg: Registry, rng: random.Random, *kinds: str) -> tuple[Client, Person]:
    """A client with an authorised contact of one of these kinds (law, advocate, interpreter, family, employer, gp)."""
    pool = [(w, p) for w in reg.ordinary for p, _f, k in w.reps if k in kinds]
    return rng.choice(pool)
