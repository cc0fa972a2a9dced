"""Letters in every common layout (area address-block) and the addressee's own details (recipient-own-details)."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from . import ids
from .common import cm_of, mail_to_client, other_than, pick, render_letter
from .corpus import Corpus
from .letters import KINDS, Letter, certificate_page, compose, letter_date, notice, schedule_page, signoff
from .org import PARTIES
from .people import Client

Pred = Callable[[Client], bool]
ANY: Pred = lambda c: c.addr.kind in ("street", "unit", "pobox")  # noqa: E731


def _has_mark(c: Client) -> bool:
    return any(ch in c.full for ch in "'-") or not c.full.isascii() or " " in c.given


# variation -> (format, client predicate, name style, address style)
VARIATIONS: dict[str, tuple[str, Pred, str, str]] = {
    "window-envelope": ("pdf-window", ANY, "formal", "plain"),
    "window-envelope-pobox": ("pdf-window", lambda c: c.addr.kind == "pobox", "formal", "plain"),
    "right-block": ("pdf-right", ANY, "full", "mixed"),
    "our-ref-block": ("pdf-classic", ANY, "formal", "abbrev"),
    "docx-table": ("docx-table", ANY, "formal", "plain"),
    "docx-right": ("docx-right", ANY, "initials", "plain"),
    "txt-columns": ("txt-columns", ANY, "formal", "abbrev"),
    "rtf": ("rtf", ANY, "full", "plain"),
    "rtf-right": ("rtf-right", ANY, "formal", "fullstate"),
    "html-letter": ("html", ANY, "formal", "mixed"),
    "all-caps": ("pdf-window", ANY, "folded-caps", "caps"),
    "unit-forms": ("pdf-plain", lambda c: c.addr.kind == "unit", "formal", "slash"),
    "unit-split": ("docx-plain", lambda c: c.addr.kind == "unit", "formal", "split-unit"),
    "full-state": ("pdf-right", ANY, "formal", "fullstate"),
    "postcode-own-line": ("pdf-classic", ANY, "formal", "postcode-line"),
    "rural-rmb": ("pdf-window", lambda c: c.addr.kind in ("rmb", "rural"), "formal", "plain"),
    "name-forms": ("pdf-classic", _has_mark, "middle-initial", "plain"),
    "name-folded": ("docx-table", _has_mark, "folded", "plain"),
    "salutations": ("txt", ANY, "plain", "mixed"),
}
SALUTES = ("Hi {first}", "Hello {first}", "To whom it may concern", None, "Good morning {first}", "Dear {first}")


def _letter(c: Client, rng: random.Random, var: str, **kw: object) -> tuple[Letter, str]:
    fmt, _, name_style, addr_style = VARIATIONS[var]
    kind = rng.choice(KINDS)
    letter = compose(kind, c, rng, name_style=name_style, addr_style=addr_style, **kw)  # type: ignore[arg-type]
    if var == "salutations":
        s = rng.choice(SALUTES)
        letter = replace(letter, salutation=s.format(first=c.first) if s else None)
    if var == "our-ref-block":
        cm = letter.signoff[2]
        initials = "".join(p[0] for p in cm.split())
        claim = dict(letter.refs)["Claim number"]
        letter = replace(
            letter,
            pre_greeting=[
                f"Our ref: {initials}/{claim}",
                f"Your ref: telephone call {ids.fmt_date(letter_date(rng), 'dmy')}",
                f"Claim no.: {claim}",
            ],
        )
    return letter, fmt


def _careof(c: Corpus) -> None:
    rng = c.rng("careof")
    for i, client in enumerate(c.reg.careof[: c.n(6)]):
        letter = compose(rng.choice(KINDS), client, rng, name_style="formal")
        ext, data = render_letter(letter, ("pdf-classic", "docx-table", "pdf-window")[i % 3])
        c.add(ext, data, "address-block/care-of", note=f"letter to {client.cid} care of the lawyer on record")


def _incident(c: Corpus, rng: random.Random, var: str, kind_no: int) -> None:
    fmt, pred, _, _ = VARIATIONS[var]
    x = pick(c.reg, rng, pred)
    y = other_than(c.reg, rng, x)
    twin_letter, _ = _letter(x, rng, var)
    seed = rng.random()
    if kind_no % 3 == 0:
        bad, _ = _letter(x, random.Random(seed), var, claim=y.claim)
        good, _ = _letter(x, random.Random(seed), var)
        rules, note = (
            ["mismatched_recipient", "mixed_client_documents"],
            f"claim number of {y.cid} typed into a letter addressed to {x.cid}",
        )
    elif kind_no % 3 == 1:
        good, _ = _letter(x, random.Random(seed), var)
        _, _, _, addr_style = VARIATIONS[var]
        bad = replace(good, addr_lines=y.addr.block(addr_style))
        rules, note = (
            ["mismatched_recipient"],
            f"letter about {x.cid} (name, claim) with the postal address of {y.cid}: it would be delivered to them",
        )
    else:
        good, _ = _letter(x, random.Random(seed), var)
        good = replace(good, enclosures=[certificate_page(x, random.Random(seed + 1))])
        bad = replace(good, enclosures=[certificate_page(y, random.Random(seed + 1))])
        rules, note = (
            ["mixed_client_documents", "mismatched_recipient"],
            f"certificate of capacity of {y.cid} printed behind the letter to {x.cid}",
        )
    del twin_letter
    ext, gdata = render_letter(good, fmt)
    twin = c.add(ext, gdata, f"address-block/{var}", note=f"letter to {x.cid}, own details only")
    ext, bdata = render_letter(bad, fmt)
    inc = c.add(ext, bdata, f"address-block/{var}", rules=rules, note=note)
    c.pair(inc, twin)


def quarter_end(d: date) -> date:
    """The last day of the quarter before `d` (31 March, 30 June, ...)."""
    first = date(d.year, 3 * ((d.month - 1) // 3) + 1, 1)
    return first - timedelta(days=1)


def _business(c: Corpus) -> None:
    """Letters to a business: 'The Manager, Accounts Payable' and 'Attention:' lines."""
    rng = c.rng("business")
    for i in range(c.n(6)):
        emp = rng.choice(PARTIES["employers"])
        cm = cm_of(rng)
        when = letter_date(rng)
        att = rng.choice(
            [
                ["The Manager, Accounts Payable", emp.name],
                [emp.name, f"Attention: {emp.contacts[0].name}"],
                ["ATTN: Payroll Officer", emp.name.upper()],
                ["The Manager", emp.name, "Attention: Accounts"],
            ]
        )
        paras = [
            f"Please find enclosed our statement of reimbursements for the quarter ending "
            f"{ids.fmt_date(quarter_end(when), 'long')} (ABN {ids.fmt_abn(emp.abn)}, ACN {ids.fmt_acn(emp.acn)}).",
            "Reimbursements are paid by EFT to the account you nominated. Remittance advice is emailed to your "
            "accounts team on the day of payment.",
            "If your bank details change, please tell us in writing on your letterhead, signed by an authorised "
            "officer. We will never ask you to change bank details by email.",
        ]
        letter = Letter(
            att,
            list(emp.postal),
            ids.fmt_date(when, "long"),
            "Quarterly reimbursement statement",
            paras,
            salutation=rng.choice(["Dear Sir or Madam", None, "To whom it may concern"]),
            refs=[
                ("Employer no.", f"E{rng.randrange(100000, 999999)}"),
                ("Date", ids.fmt_date(when, "long")),
                ("Enquiries", cm.name),
            ],
            signoff=signoff(cm, rng),
        )
        fmt = ("pdf-window", "docx-table", "pdf-classic")[i % 3]
        ext, data = render_letter(letter, fmt)
        twin = c.add(
            ext,
            data,
            "address-block/business-attention",
            note="statement to an employer's accounts team; only the business's own ABN/ACN",
        )
        if i % 2 == 0:
            first = pick(c.reg, rng, lambda w, e=emp: w.employer is not e)  # type: ignore[misc]
            others = [first, pick(c.reg, rng, lambda w, e=emp: w.employer is not e, exclude=(first,))]  # type: ignore[misc]
            bad = replace(letter, enclosures=[schedule_page(others, "SCHEDULE OF WEEKLY PAYMENTS REIMBURSED")])
            ext, data = render_letter(bad, fmt)
            inc = c.add(
                ext,
                data,
                "address-block/business-attention",
                rules=["mismatched_recipient", "mixed_client_documents"],
                note=f"schedule naming workers {others[0].cid}, {others[1].cid} of another employer enclosed "
                "with an employer's statement",
            )
            c.pair(inc, twin)


def _suppressed_delivery(c: Corpus) -> None:
    """A letter for someone else sent to a victim's suppressed address."""
    rng = c.rng("suppressed-delivery")
    formats = ("pdf-window", "docx-table", "pdf-right", "txt-columns", "pdf-classic")
    for i, (victim, ex) in enumerate(c.reg.fv[: c.n(5)]):
        fmt = formats[i % len(formats)]
        seed = rng.random()
        good = compose("conciliation" if i % 2 else "weekly", victim, random.Random(seed), claim=victim.shared_ref)
        ext, gdata = render_letter(good, fmt)
        twin = c.add(
            ext,
            gdata,
            "address-block/suppressed-delivery",
            note=f"letter to {victim.cid} at their own (suppressed) address",
        )
        if i == 3:
            other = (
                next(o for v, o, k in c.reg.victim_lookalikes if v is victim and k == "neighbour")
                if any(v is victim and k == "neighbour" for v, o, k in c.reg.victim_lookalikes)
                else pick(c.reg, rng)
            )
            bad = compose("weekly", other, random.Random(seed))
            bad = replace(bad, addr_lines=victim.addr.block("plain"))
            note = f"letter for {other.cid} misaddressed to the suppressed address of {victim.cid}"
        else:
            bad = compose("conciliation" if i % 2 else "weekly", ex, random.Random(seed), claim=ex.shared_ref)
            bad = replace(bad, addr_lines=victim.addr.block(rng.choice(["plain", "abbrev", "caps"])))
            note = f"letter to {ex.cid} (ex-partner) sent to the suppressed address of {victim.cid}"
        ext, bdata = render_letter(bad, fmt)
        inc = c.add(
            ext,
            bdata,
            "address-block/suppressed-delivery",
            rules=["suppressed_detail_exposed", "mismatched_recipient"],
            suppressed=True,
            note=note,
        )
        c.pair(inc, twin)


def _no_block(c: Corpus) -> None:
    """Documents without a readable address block: held only when they carry client data."""
    rng = c.rng("no-block")
    for i in range(c.n(2)):
        x = pick(c.reg, rng)
        kind = ("indexation", "portal")[i % 2]
        subject, paras = notice(rng, kind)
        cm = cm_of(rng)
        info = Letter(
            [], [], ids.fmt_date(letter_date(rng), "long"), subject, paras, salutation=None, signoff=signoff(cm, rng)
        )
        fmt = ("pdf-plain", "docx-plain")[i % 2]
        ext, data = render_letter(info, fmt)
        twin = c.add(
            ext, data, "address-block/no-address-block", note="information sheet, no addressee, no client data"
        )
        note_paras = [
            f"File note - claim {x.claim}",
            f"Worker: {x.full}, born {ids.fmt_date(x.dob, 'long')}.",
            f"Spoke with the worker on {x.phone} about the certificate due. Worker to see GP this week.",
        ] + paras
        bad = replace(info, paras=note_paras)
        ext, data = render_letter(bad, fmt)
        inc = c.add(
            ext,
            data,
            "address-block/no-address-block",
            rules=["mismatched_recipient", "unscannable_content"],
            note=f"a file note about {x.cid} with no addressee dropped in the pre-send folder: recipient unknown",
        )
        c.pair(inc, twin)


def build_address_block(c: Corpus) -> None:
    rng = c.rng("address-block")
    for k, var in enumerate(VARIATIONS):
        _, pred, _, _ = VARIATIONS[var]
        for _ in range(c.n(2)):
            x = pick(c.reg, rng, pred)
            letter, fmt = _letter(x, rng, var)
            ext, data = render_letter(letter, fmt)
            c.add(ext, data, f"address-block/{var}", note=f"letter to {x.cid} about their own claim")
        for j in range(c.n(1)):
            _incident(c, rng, var, k + j)
    _careof(c)
    _business(c)
    _suppressed_delivery(c)
    _no_block(c)


# --- recipient-own-details ---------------------------------------------------------------------------

OCCUPIER = ("The Occupier", "The Resident", "To the Householder", "The Occupant")


def _occupier_letter(addr_lines: list[str], rng: random.Random, extra: list[str]) -> Letter:
    cm = cm_of(rng)
    paras = [
        "We have been sending correspondence to this address for a person who may no longer live here.",
        "If the person we are writing to does not live at this address, please call us on 1300 267 355 or mark "
        "the envelope 'Return to sender' and put it back in the post. You do not need to give us your details.",
    ] + extra
    return Letter(
        [rng.choice(OCCUPIER)],
        addr_lines,
        ids.fmt_date(letter_date(rng), "long"),
        "Is this still the right address?",
        paras,
        salutation=rng.choice(["Dear Occupier", "Dear Resident", None]),
        refs=[("Reference", f"RTS-{rng.randrange(10000, 99999)}"), ("Date", ids.fmt_date(letter_date(rng), "long"))],
        signoff=signoff(cm, rng),
    )


def build_own_details(c: Corpus) -> None:
    rng = c.rng("own-details")
    formats = ("pdf-window", "docx-table", "pdf-classic", "rtf", "txt-columns", "html", "pdf-right", "docx-right")
    for i in range(c.n(9)):
        x = pick(c.reg, rng, lambda c_: bool(c_.emails))
        seed = rng.random()
        letter = compose(rng.choice(KINDS), x, random.Random(seed))
        extra = [
            f"Our records show your address for service as {x.addr.one_line(abbrev=i % 2 == 0)}, your phone number "
            f"as {ids.fmt_phone(x.phone, rng.choice(ids.PHONE_STYLES))} and your email as {x.email}. Your date of "
            f"birth is recorded as {ids.fmt_date(x.dob, rng.choice(ids.DATE_STYLES))}. Please tell us if any of "
            "these details are wrong."
        ]
        pre = (
            [f"Property: {x.addr.one_line()}"]
            if i % 3 == 0
            else [f"Address for service: {x.addr.one_line()}"]
            if i % 3 == 1
            else []
        )
        letter = replace(letter, paras=letter.paras[:-1] + extra + letter.paras[-1:], pre_greeting=pre)
        ext, data = render_letter(letter, formats[i % len(formats)])
        c.add(
            ext,
            data,
            "recipient-own-details/own-details-letter",
            note=f"letter to {x.cid} repeating their own address, phone, email and date of birth",
        )
    for i in range(c.n(6)):
        x = pick(c.reg, rng, lambda c_: len(c_.emails) > 0)
        cm = cm_of(rng)
        body = (
            f"Thanks for letting us know your new details. I've updated your file so that letters now go to "
            f"{x.addr.one_line()} and we'll call you on {ids.fmt_phone(x.phone, 'intl' if i % 2 else 'canon')}.\n\n"
            f"Your claim number is still {x.claim} and emails will keep coming to {x.email}."
        )
        data = mail_to_client(x, cm, f"Change of contact details - claim {x.claim}", body, rng)
        c.add(
            "eml",
            data,
            "recipient-own-details/own-details-email",
            note=f"email to {x.cid} confirming their own new contact details",
        )
    for i in range(c.n(6)):
        x = pick(c.reg, rng, lambda c_: c_.addr.is_delivery_point())
        letter = _occupier_letter(x.addr.block(rng.choice(["plain", "abbrev", "caps"])), rng, [])
        ext, data = render_letter(letter, ("pdf-window", "docx-plain", "pdf-classic")[i % 3])
        twin = c.add(
            ext,
            data,
            "recipient-own-details/occupier",
            note=f"notice to the occupier of the address of {x.cid}; names no one",
        )
        if i < c.n(3):
            bad = replace(
                letter,
                paras=letter.paras[:1]
                + [
                    f"We are trying to contact {x.formal} (date of birth {ids.fmt_date(x.dob, 'dmy')}) about workers "
                    f"compensation claim {x.claim}."
                ]
                + letter.paras[1:],
            )
            ext, data = render_letter(bad, ("pdf-window", "docx-plain", "pdf-classic")[i % 3])
            inc = c.add(
                ext,
                data,
                "recipient-own-details/occupier",
                rules=["mismatched_recipient"],
                note=f"notice to the occupier discloses the claim and date of birth of {x.cid}; identity of "
                "the reader not established",
            )
            c.pair(inc, twin)
    for i in range(c.n(3)):
        x = pick(c.reg, rng, lambda c_: c_.addr.is_delivery_point())
        y = other_than(c.reg, rng, x)
        seed = rng.random()
        good = compose("liability", x, random.Random(seed))
        good = replace(good, pre_greeting=[f"Address for service: {x.addr.one_line()}", f"Claim: {x.claim}"])
        bad = replace(good, pre_greeting=[f"Address for service: {y.addr.one_line()}", f"Claim: {x.claim}"])
        fmt = ("pdf-classic", "docx-plain", "rtf")[i % 3]
        ext, g = render_letter(good, fmt)
        twin = c.add(
            ext, g, "recipient-own-details/address-for-service", note=f"letter to {x.cid}, own address for service"
        )
        ext, b = render_letter(bad, fmt)
        inc = c.add(
            ext,
            b,
            "recipient-own-details/address-for-service",
            rules=["mismatched_recipient", "mixed_client_documents"],
            note=f"address for service of {y.cid} printed in the letter to {x.cid}",
        )
        c.pair(inc, twin)
