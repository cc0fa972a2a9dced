"""Letters whose client data is the addressee's own, next to look-alikes: neighbours, the same building, the
same street and number in another suburb, households, the occupier; and the dangerous exception, a letter
delivered to a victim's suppressed address."""

from __future__ import annotations

from . import content, fmt, org, pdfs
from .content import Ctx
from .corpus import Corpus
from .letters import Letter, sign_for
from .people import Client
from .render import FORMATS, letter_bytes
from .sc_letters import MIXED

SUPPRESSED = ["suppressed_detail_exposed"]


def _own_letter(ctx: Ctx, corpus: Corpus, c: Client, spec: tuple[str, str], cat: str, note: str) -> str:
    r = ctx.rng
    block = content.to_block(c, r)
    maker = r.choice([content.renewal, content.premium_change, content.claim_ack])
    if maker is content.claim_ack:
        content.ensure_claim(ctx, c)
    lt = maker(ctx, block, fmt.dear(c), c)
    ext, blob = letter_bytes(spec, lt, r.getrandbits(32))
    return corpus.add(ext, blob, cat, note=note)


def details_letter(ctx: Ctx, c: Client, dob_style: str) -> Letter:
    """'Please check your details': every identifier the insurer holds, all the addressee's own."""
    rows = [
        ("Name", c.full),
        ("Date of birth", fmt.date_as(c.dob, dob_style)),
        ("Postal address", fmt.inline_address(c.address)),
        ("Phone", " / ".join(c.phones)),
        ("Email", ", ".join(c.emails)),
    ] + [(content.PRODUCT.get(k, "Customer") + " ref", v) for k, v in c.refs]
    body = [
        "As part of our annual review we ask policyholders to confirm the details we hold. Please check them "
        "and tell us of any change within 30 days.",
        "\n".join(f"{k}: {v}" for k, v in rows),
        f"You can update your details at {org.WEB}/myaccount or by calling {org.SALES_PHONE}.",
    ]
    return Letter(
        content.to_block(c, ctx.rng),
        ctx.day(),
        [("Customer number", c.ref("customer"))],
        heading="Please check your details",
        dear=fmt.dear(c),
        body=body,
        sign=sign_for("Customer Records", "", "Regards"),
    )


def occupier_notice(ctx: Ctx, c: Client, addressee: str) -> Letter:
    a = c.address
    body = [
        f"Following the severe storms in {a.suburb} this week, {org.SHORT} has mobile assessors in your area. If "
        "your home or car was damaged and you are insured with us, you can lodge a claim online or call "
        f"{org.CLAIMS_PHONE}; our assessors can visit the same week.",
        "If you are insured with another company, please contact them directly. This notice has been delivered "
        "to every property in the street.",
    ]
    return Letter(
        [addressee] + fmt.address_lines(a, ctx.rng),
        ctx.day(),
        [],
        heading="Storm recovery in your area",
        dear=None,
        body=body,
        sign=sign_for("Catastrophe Response Team", "", "Regards"),
    )


def own_details(ctx: Ctx, corpus: Corpus) -> None:
    r, pop = ctx.rng, ctx.pop
    for i, (a, b) in enumerate(pop.neighbours[: ctx.n(3)]):
        _own_letter(
            ctx,
            corpus,
            a if i % 2 else b,
            FORMATS[i % len(FORMATS)],
            "recipient-own-details/neighbour",
            f"letter to {a.cid if i % 2 else b.cid}; a neighbour in the same street is also a client",
        )
    for i, (a, b) in enumerate(pop.unit_neighbours[: ctx.n(3)]):
        _own_letter(
            ctx,
            corpus,
            b if i % 2 else a,
            FORMATS[(i + 3) % len(FORMATS)],
            "recipient-own-details/same-building",
            "letter to one unit of a building where the next unit's occupant is also a client",
        )
    for i, (a, b) in enumerate(pop.other_suburb[: ctx.n(2)]):
        _own_letter(
            ctx,
            corpus,
            a if i % 2 else b,
            FORMATS[(i + 5) % len(FORMATS)],
            "recipient-own-details/same-street-other-suburb",
            "letter to a client whose number and street match another client's in another suburb",
        )
    for i, (p, c) in enumerate(pop.households[: ctx.n(2)]):
        _own_letter(
            ctx,
            corpus,
            c if i % 2 else p,
            FORMATS[(i + 7) % len(FORMATS)],
            "recipient-own-details/household",
            "letter to one member of a household; another member holds separate policies there",
        )
    for i in range(ctx.n(3)):
        c = r.choice([x for x in pop.clients if not x.address.is_box and not x.suppressed])
        who = r.choice(["To the Occupier", "The Resident", "The Householder", "THE OCCUPIER"])
        lt = occupier_notice(ctx, c, who)
        ext, blob = letter_bytes(FORMATS[i % len(FORMATS)], lt, r.getrandbits(32))
        corpus.add(
            ext,
            blob,
            "recipient-own-details/to-the-occupier",
            note=f"notice '{who}' at the address of {c.cid}; discloses nothing about anyone",
        )
    styles = ["long", "ordinal", "dmy-mon", "slash", "slash2", "dots"]
    for i in range(ctx.n(3)):
        c = r.choice([x for x in pop.clients if not x.suppressed and "twin" not in x.tags])
        ext, blob = letter_bytes(
            FORMATS[(i * 5) % len(FORMATS)], details_letter(ctx, c, styles[i % 6]), r.getrandbits(32)
        )
        corpus.add(
            ext,
            blob,
            "recipient-own-details/all-own-identifiers",
            note=f"details check to {c.cid}: DOB, phones, email, every reference, all the addressee's own",
        )
    _two_documents(ctx, corpus)
    _victim_letters(ctx, corpus)


def _certificate(ctx: Ctx, c: Client) -> list[str]:
    k = content.policy_kind(c)
    return [
        "Certificate of Currency",
        f"This certifies that {fmt.formal(c)} is insured under policy {c.ref(k)} ({content.PRODUCT[k]}).",
        f"Insured address: {fmt.inline_address(c.address)}",
        "Period: 15/03/2025 to 15/03/2026",
        f"Issued {ctx.day()} by {org.NAME} {org.AFSL}.",
    ]


def _two_documents(ctx: Ctx, corpus: Corpus) -> None:
    """Two policyholders' documents printed into one PDF (a certificate with no address block of its own)."""
    r = ctx.rng
    for i in range(ctx.n(3)):
        a, b = ctx.pop.pick(2)
        layout = ["window", "topleft", "right", "columns", "plain"][i % 5]
        lt = content.premium_change(ctx, content.to_block(a, r), fmt.dear(a), a)
        seed = r.getrandbits(32)
        lt.extra_pages = [_certificate(ctx, b)]
        inc = corpus.add(
            "pdf",
            pdfs.render([lt], layout, seed=seed),
            "recipient-own-details/second-document-in-pdf",
            "block",
            MIXED,
            note=f"letter to {a.cid} printed with the certificate of currency of {b.cid}",
        )
        lt.extra_pages = [_certificate(ctx, a)]
        tw = corpus.add(
            "pdf",
            pdfs.render([lt], layout, seed=seed),
            "recipient-own-details/second-document-in-pdf",
            note=f"letter to {a.cid} printed with {a.cid}'s own certificate of currency",
        )
        corpus.pair(inc, tw)


def _victim_letters(ctx: Ctx, corpus: Corpus) -> None:
    r = ctx.rng
    for i, v in enumerate(ctx.pop.victims[: ctx.n(4)]):
        ex, vic = v.ex, v.victim
        spec = [
            ("pdf", "window"),
            ("docx", "table"),
            ("pdf", "right"),
            ("rtf", "left"),
            ("txt", "columns"),
            ("html", "table"),
        ][i % 6]
        kw = [{"loc": "caps"}, {"caps": True}, {"abbrev": False}, {"slash": True}, {"loc": "full"}, {}][i % 6]
        bad = [fmt.formal(ex)] + fmt.address_lines(vic.address, r, **kw)  # type: ignore[arg-type]
        good = [fmt.formal(ex)] + fmt.address_lines(ex.address, r, **kw)  # type: ignore[arg-type]
        seed = r.getrandbits(32)
        lt = content.renewal(ctx, bad, fmt.dear(ex), ex, "motor")
        ext, blob = letter_bytes(spec, lt, seed)
        inc = corpus.add(
            ext,
            blob,
            "recipient-own-details/suppressed-delivery-address",
            "block",
            SUPPRESSED,
            suppressed=True,
            note=f"letter to {ex.cid} (former partner) addressed to the suppressed postal address of {vic.cid}",
        )
        lt.to_lines = good
        ext, blob = letter_bytes(spec, lt, seed)
        tw = corpus.add(
            ext,
            blob,
            "recipient-own-details/suppressed-delivery-address",
            note=f"the same letter to {ex.cid} at his own address",
        )
        corpus.pair(inc, tw)
        lt2 = content.renewal(
            ctx, [fmt.formal(vic)] + fmt.address_lines(vic.address, r), fmt.dear(vic), vic, "contents"
        )
        ext, blob = letter_bytes(FORMATS[(i + 2) % len(FORMATS)], lt2, r.getrandbits(32))
        corpus.add(
            ext,
            blob,
            "recipient-own-details/victim-own-address",
            note=f"letter to {vic.cid} at her own suppressed address: only the client herself receives it",
        )
        if v.neighbour is not None:
            _own_letter(
                ctx,
                corpus,
                v.neighbour,
                FORMATS[(i + 4) % len(FORMATS)],
                "recipient-own-details/victim-neighbour",
                f"letter to {v.neighbour.cid}, who lives in the same street as a client with a suppressed "
                "address; different house number",
            )
