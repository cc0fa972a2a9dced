"""HTML mail: payment tables, mailto links, images with alt text, newsletters."""

from __future__ import annotations

import html
import random

from . import ids
from .common import cm_of, other_than, pick, rep_of
from .corpus import Corpus
from .letters import letter_date
from .mail import Att, Mail, render, tiny_png, who
from .org import ORG_PHONE, Person
from .people import Client
from .scen_mime import LOGO

# --- HTML mail ---------------------------------------------------------------------------------------


def _html(body: str) -> str:
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><style>td,th{border:1px solid #ccc;padding:4px}"
        "</style></head><body style='font-family:Segoe UI,Arial'><p><img src='cid:logo001' alt='Corella Claims "
        f"Services' width='110'></p>{body}<p style='font-size:8pt;color:#777'>This email is confidential. "
        "<a href='https://corellaclaims.example/privacy'>Privacy policy</a> | <a href='mailto:"
        "privacy@corellaclaims.example'>privacy@corellaclaims.example</a></p></body></html>"
    )


def _pay_rows(ws: list[Client], rng: random.Random) -> str:
    rows = "".join(
        f"<tr><td>{html.escape(w.full)}</td><td>{w.claim}</td><td>{ids.fmt_date(letter_date(rng), 'dmy')}"
        f"</td><td>{ids.money(rng, 300, 2400)}</td></tr>"
        for w in ws
    )
    return f"<table><tr><th>Worker</th><th>Claim</th><th>Paid on</th><th>Amount</th></tr>{rows}</table>"


def build_html(c: Corpus) -> None:
    rng = c.rng("html")
    cat = "html-mail/"
    for k in range(c.n(7)):
        x = pick(c.reg, rng, lambda o: bool(o.emails))
        cm = cm_of(rng)
        seed = rng.random()
        y = other_than(c.reg, rng, x)
        while not y.email:
            y = other_than(c.reg, rng, x)

        def msg(extra: Client | None, x: Client = x, cm: Person = cm, k: int = k, seed: float = seed) -> bytes:
            r = random.Random(seed)
            ws = [x] + ([extra] if extra and k % 3 == 0 else [])
            body = f"<p>Dear {html.escape(x.first)},</p><p>Here is a summary of recent payments on your claim.</p>"
            body += _pay_rows(ws, r)
            if extra and k % 3 == 1:
                body += (
                    f"<p>Questions? <a href='mailto:{extra.email}'>Reply to your case manager</a> or call "
                    f"{ORG_PHONE}.</p>"
                )
            else:
                body += (
                    f"<p>Questions? <a href='mailto:{cm.email}'>Reply to your case manager</a> or call {ORG_PHONE}.</p>"
                )
            if extra and k % 3 == 2:
                body += (
                    f"<p><img src='cid:scan' alt='Certificate of capacity - {html.escape(extra.full)} "
                    f"{extra.claim}' width='300'></p>"
                )
            else:
                body += f"<p><img src='cid:scan' alt='Certificate of capacity - {html.escape(x.full)}' width='300'></p>"
            text = f"Dear {x.first},\n\nA summary of recent payments is in the HTML version of this email.\n\n{cm.name}"
            return render(
                Mail(
                    who(cm),
                    [(x.short, x.email)],
                    "Your payment summary",
                    text,
                    html=_html(body),
                    inline=[LOGO, Att("scan.png", tiny_png((240, 240, 240)), cid="scan")],
                ),
                r,
            )

        if k < c.n(4):
            twin = c.add("eml", msg(None), cat + "payment-summary", note=f"HTML payment summary to {x.cid}")
            where = ("a table row", "a mailto link", "an image's alt text")[k % 3]
            inc = c.add(
                "eml",
                msg(y),
                cat + "payment-summary",
                rules=["mismatched_recipient", "mixed_client_documents"],
                note=f"details of {y.cid} in {where} of an HTML summary to {x.cid} (text part clean)",
            )
            c.pair(inc, twin)
        else:
            c.add("eml", msg(None), cat + "payment-summary", note=f"HTML payment summary to {x.cid}")
    for _ in range(c.n(3)):  # newsletters: no client data, lots of links and images
        cm = cm_of(rng)
        x = pick(c.reg, rng, lambda o: bool(o.emails))
        body = (
            "<h2>Worker news - autumn 2026</h2><p>Weekly payments are indexed on 1 July. Our worker portal now "
            "lets you upload receipts from your phone.</p><p><img src='cid:banner' alt='Worker portal on a phone' "
            "width='400'></p><p>Need help? Email <a href='mailto:claims@corellaclaims.example'>"
            "claims@corellaclaims.example</a> or call <a href='tel:1300267355'>1300 267 355</a>. Interpreter: "
            "<a href='tel:131450'>131 450</a>.</p>"
        )
        c.add(
            "eml",
            render(
                Mail(
                    ("Corella Claims Services", "news@corellaclaims.example"),
                    [(x.short, x.email)],
                    "Worker news - autumn 2026",
                    "Worker news - see HTML version.",
                    html=_html(body),
                    inline=[LOGO, Att("banner.png", tiny_png((30, 90, 160)), cid="banner")],
                ),
                rng,
            ),
            cat + "newsletter",
            note="newsletter, no client data beyond the addressee",
        )
    for _ in range(c.n(2)):
        w, rep = rep_of(c.reg, rng, "law", "advocate")
        cm = cm_of(rng)
        body = (
            f"<p>Dear {html.escape(rep.name.split(' ')[0])},</p><p>Payments to your client "
            f"{html.escape(w.full)}:</p>{_pay_rows([w, w], rng)}<p>Regards,<br>{cm.name}</p>"
        )
        c.add(
            "eml",
            render(
                Mail(
                    who(cm), [who(rep)], f"Payments - {w.short}", "See HTML version.", html=_html(body), inline=[LOGO]
                ),
                rng,
            ),
            cat + "rep-table",
            note=f"payment table about {w.cid} to their representative",
        )
