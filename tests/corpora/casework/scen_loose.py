"""Suppressed details written loosely in bodies and attachments, and their legitimate look-alikes."""

from __future__ import annotations

import html
import random
from dataclasses import replace

from . import ids, render_docs, render_pdf
from .common import cm_of, render_letter
from .corpus import Corpus
from .letters import compose
from .mail import Att, Mail, render, staff_signature, who
from .org import CLAIMS_TEAM_LIST, Person
from .people import Client
from .places import STATE_NAMES, typo
from .scen_headers import IME, LOGO, WITHHELD, _html_wrap, victims

# --- loose writing ----------------------------------------------------------------------------------


def loose_address(v: Client, style: str, rng: random.Random) -> list[str]:
    """The victim's address as someone might type it, as lines."""
    a = v.addr
    if style == "abbrev-type":
        return [a.street_line(abbrev=a.reg_style != "abbrev") + ", " + a.locality(caps=False)]
    if style == "split-lines":
        return a.block("split-unit") if a.kind == "unit" else [a.street_line(), a.suburb, f"{a.state} {a.postcode}"]
    if style == "all-caps":
        return [" ".join(a.block("caps")).upper()]
    if style == "typo-street":
        return [a.street_line().replace(a.street, typo(a.street, rng)) + ", " + a.locality(caps=False)]
    if style == "typo-suburb":
        return [a.street_line(abbrev=True) + ", " + f"{typo(a.suburb, rng)} {a.state} {a.postcode}"]
    if style == "unit-forms":
        us = "slash" if a.reg_style != "slash" else "word"
        return [a.street_line(True, unit_style=us) + " " + a.locality(caps=True)]
    if style == "full-state":
        return [a.street_line() + ", " + f"{a.suburb}, {STATE_NAMES[a.state]} {a.postcode}"]
    return [a.one_line()]


def field_rows(v: Client) -> list[tuple[str, str]]:
    a = v.addr
    street = a.street_line(abbrev=True)
    return [("Street", street), ("Suburb", a.suburb.upper()), ("State", a.state), ("Postcode", a.postcode)]


def build_loose(c: Corpus) -> None:
    rng = c.rng("loose")
    cat = "suppressed-loose/"
    styles = ["abbrev-type", "split-lines", "all-caps", "typo-street", "typo-suburb", "unit-forms", "full-state"]
    recipients = ["ex-partner", "employer", "ime", "claims-team", "letter-ex"]
    fv_addr = [p for p in c.reg.fv]
    for k, style in enumerate(styles * c.n(1)):
        v, e = fv_addr[k % len(fv_addr)]
        if style == "unit-forms" and v.addr.kind != "unit":
            v, e = next(p for p in fv_addr if p[0].addr.kind == "unit")
        kind = recipients[k % len(recipients)]
        lines = loose_address(v, style, rng)
        _loose_pair(c, rng, cat + f"address-{style}", v, e, kind, lines, f"suppressed address of {v.cid} ({style})")
    phone_styles = ["intl", "dot", "brackets", "plain", "dash", "local", "intl-plain", "pairs"]
    for k, style in enumerate(phone_styles[: max(3, c.n(len(phone_styles)))]):
        pool = victims(c, "phone")
        v, e = pool[k % len(pool)]
        if style == "local":
            land = [p for p in pool if not p[0].phone.startswith("04")]
            v, e = land[0] if land else (v, e)
        kind = recipients[(k + 2) % len(recipients)]
        phone = ids.fmt_phone(v.phone, style)
        _loose_pair(
            c,
            rng,
            cat + f"phone-{style}",
            v,
            e,
            kind,
            [f"{'mobile' if v.phone.startswith('04') else 'home phone'}: {phone}"],
            f"suppressed phone of {v.cid} written {style}",
        )
    for k, (v, e) in enumerate(victims(c, "email")[: c.n(2)]):
        _loose_pair(
            c,
            rng,
            cat + "email-caps",
            v,
            e,
            recipients[k % 3],
            [f"email {v.email.upper()}"],
            f"suppressed email of {v.cid} in capitals",
        )
    _attachments(c, rng)
    _lookalikes(c, rng)


def _loose_pair(
    c: Corpus, rng: random.Random, category: str, v: Client, e: Client, kind: str, detail: list[str], note: str
) -> None:
    cm = cm_of(rng)
    seed = rng.random()
    d = "\n".join(detail) if len(detail) > 1 else detail[0]
    if kind == "letter-ex":
        base = compose("conciliation", e, random.Random(seed), claim=e.shared_ref, worker_line=False)
        good_letter = replace(
            base, paras=base.paras[:1] + [f"Your co-claimant's contact details are {WITHHELD}."] + base.paras[1:]
        )
        bad_letter = replace(
            base,
            paras=base.paras[:1] + ["Your co-claimant has asked that documents be sent to:"] + detail + base.paras[1:],
        )
        fmt = rng.choice(["pdf-window", "docx-table", "rtf", "txt"])
        ext, g = render_letter(good_letter, fmt)
        twin = c.add(ext, g, category, note=f"letter to ex-partner {e.cid}; co-claimant's details withheld")
        ext, b = render_letter(bad_letter, fmt)
        inc = c.add(
            ext,
            b,
            category,
            rules=["suppressed_detail_exposed"],
            suppressed=True,
            note=note + f", in a letter to ex-partner {e.cid}",
        )
        c.pair(inc, twin)
        return
    if kind == "ex-partner":
        to = [(e.short, e.email)]
        text = (
            f"Hi {e.first},\n\nI've sent the co-claimant copies of the claim documents directly, so you don't need "
            f"to pass them on. For your information, {v.first}'s details for claim {e.shared_ref} are:\n\n{{D}}\n"
            f"{staff_signature(cm)}"
        )
        where = f"ex-partner {e.cid}"
    elif kind == "employer":
        rtw = v.employer.contacts[0]
        to = [who(rtw)]
        text = (
            f"Hi {rtw.name.split(' ')[0]},\n\nFor your records on {v.short}'s claim {v.claim} - updated worker "
            f"details:\n\n{{D}}\n\nPlease keep sending anything for {v.first} through me.\n{staff_signature(cm)}"
        )
        where = "the employer"
    elif kind == "ime":
        to = [who(IME.contacts[0])]
        text = (
            f"Hello,\n\nPlease book an IME (orthopaedic) for {v.formal}, DOB {ids.fmt_date(v.dob, 'dmy')}, claim "
            f"{v.claim}. Worker contact details:\n\n{{D}}\n{staff_signature(cm)}"
        )
        where = "the IME panel (approved, but not for suppressed details)"
    else:
        to = [who(CLAIMS_TEAM_LIST)]
        text = (
            f"Team,\n\nFYI {v.short} ({v.claim}) has new details - please update the payment file:\n\n{{D}}\n"
            f"{staff_signature(cm, True)}"
        )
        where = "the general claims team list (not authorised for suppressed details; default policy holds it)"
    good = render(
        Mail(who(cm), to, f"Claim {v.claim if kind != 'ex-partner' else e.shared_ref}", text.replace("{D}", WITHHELD)),
        random.Random(seed),
    )
    bad = render(
        Mail(who(cm), to, f"Claim {v.claim if kind != 'ex-partner' else e.shared_ref}", text.replace("{D}", d)),
        random.Random(seed),
    )
    twin = c.add("eml", good, category, note=f"same message to {where}, details withheld")
    inc = c.add(
        "eml", bad, category, rules=["suppressed_detail_exposed"], suppressed=True, note=f"{note}, sent to {where}"
    )
    c.pair(inc, twin)


def _attachments(c: Corpus, rng: random.Random) -> None:
    """The address in table cells and labelled form fields, in attachments and HTML."""
    cases = ["html-cells", "docx-cells", "xlsx-cells", "pdf-form"]
    for k, case in enumerate(cases * c.n(1)):
        v, e = c.reg.fv[(k * 3 + 1) % len(c.reg.fv)]
        cm = cm_of(rng)
        rows = field_rows(v)
        withheld = [(lbl, "withheld" if i == 0 else "-") for i, (lbl, _) in enumerate(rows)]
        rtw = v.employer.contacts[0]
        to = [who(rtw)] if k % 2 == 0 else [(e.short, e.email)]
        where = "the employer" if k % 2 == 0 else f"ex-partner {e.cid}"
        seed = rng.random()

        def make(
            rs: list[tuple[str, str]],
            v: Client = v,
            case: str = case,
            cm: Person = cm,
            to: list[tuple[str, str]] = to,
            seed: float = seed,
        ) -> bytes:
            text = f"Please find the updated claim details attached for claim {v.shared_ref}.\n{staff_signature(cm)}"
            if case == "html-cells":
                cells = "".join(f"<tr><th align='left'>{lbl}</th><td>{html.escape(val)}</td></tr>" for lbl, val in rs)
                body = f"<p>Updated details, claim {v.shared_ref}:</p><table border='1'>{cells}</table>"
                return render(
                    Mail(
                        who(cm),
                        to,
                        "Updated claim details",
                        text + "\n(see HTML version)",
                        html=_html_wrap(body),
                        inline=[LOGO],
                    ),
                    random.Random(seed),
                )
            if case == "docx-cells":
                att = Att(
                    "Claim details.docx",
                    render_docs.docx_table(
                        "Co-claimant details",
                        [f"Claim {v.shared_ref}", f"Co-claimant: {v.short}"],
                        [["Field", "Value"]] + [[a, b] for a, b in rs],
                    ),
                )
            elif case == "xlsx-cells":
                att = Att(
                    "claim_details.xlsx",
                    render_docs.xlsx(
                        {
                            "Details": [
                                ["Claim", "Name", "Street", "Suburb", "State", "Postcode"],
                                [v.shared_ref, v.short] + [val for _, val in rs],
                            ]
                        }
                    ),
                )
            else:
                att = Att(
                    "Dependant details form.pdf",
                    render_pdf.pdf_form(
                        "Dependant's claim - claimant details",
                        [("Claim number", v.shared_ref), ("Claimant", v.full), ("", "")] + rs,
                    ),
                )
            return render(Mail(who(cm), to, "Updated claim details", text, atts=[att]), random.Random(seed))

        twin = c.add(
            "eml", make(withheld), f"suppressed-loose/{case}", note=f"form for claim of {v.cid}, address withheld"
        )
        inc = c.add(
            "eml",
            make(rows),
            f"suppressed-loose/{case}",
            rules=["suppressed_detail_exposed"],
            suppressed=True,
            note=f"suppressed address of {v.cid} split over labelled fields/cells, sent to {where}",
        )
        c.pair(inc, twin)


def _lookalikes(c: Corpus, rng: random.Random) -> None:
    """Neighbours and namesakes of a suppressed address: legitimate."""
    formats = ("pdf-window", "docx-table", "pdf-classic", "txt-columns", "rtf")
    for k, (v, other, kind) in enumerate(c.reg.victim_lookalikes[: c.n(12)]):
        letter = compose("weekly" if k % 2 else "certificate", other, rng)
        letter = replace(letter, pre_greeting=[f"Address for service: {other.addr.one_line()}"])
        ext, data = render_letter(letter, formats[k % len(formats)])
        c.add(
            ext,
            data,
            f"suppressed-loose/lookalike-{kind}",
            note=f"letter to {other.cid} at their own address, near/alike the suppressed address of {v.cid}",
        )
