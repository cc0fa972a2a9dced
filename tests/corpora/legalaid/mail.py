"""Mail areas: relationships, suppressed-loose, headers-links (To/Cc, mailto/tel, map links)."""

from __future__ import annotations

import dataclasses
import html as htmlmod
import urllib.parse

from . import render
from .common import DOMAIN, FV_STAFF, INTERPRETER_DOMAIN, LAWYERS, Corpus, signature
from .letters import FORMATS, emit, pick, unrelated
from .registry import FIRM_ADDR, Client, Registry
from .text import COURTS, addr_block, date_words, hearing

COURT_MAIL = [
    "fvio.listings@courts.example.gov.au",
    "registry.bendigo@mcv.example.gov.au",
    "family.registry@fcfcoa.example.gov.au",
    "residential@vcat.example.gov.au",
]


def staff(i: int) -> tuple[str, str, str]:
    return LAWYERS[i % len(LAWYERS)]


def frm(lw: tuple[str, str, str]) -> str:
    return f"{lw[0]} <{lw[1]}@{DOMAIN}>"


def loose_address(c: Client, style: int) -> str:
    street = c.street
    unit = None
    if "/" in street:
        unit, street = street.split("/", 1)
    elif street.startswith("Unit "):
        unit, street = street[5:].split(", ", 1)
    num, rest = street.split(" ", 1)
    abbr = rest
    for full, ab in (
        ("Street", "St"),
        ("Road", "Rd"),
        ("Avenue", "Av"),
        ("Court", "Ct"),
        ("Crescent", "Cres"),
        ("Drive", "Dve"),
        ("Place", "Pl"),
        ("Parade", "Pde"),
        ("Grove", "Gr"),
        ("Close", "Cl"),
    ):
        if rest.endswith(full):
            abbr = rest[: -len(full)] + ab
    u = f"unit {unit} " if unit else ""
    forms = [
        f"{u}{num} {abbr} {c.suburb}",
        f"{c.suburb.upper()}, {num} {rest}" + (f" (unit {unit})" if unit else ""),
        f"{unit + '/' if unit else ''}{num} {rest.lower()}, {c.suburb.lower()} {c.postcode}",
        f"{num} {abbr}., {c.suburb}" + (f" - flat {unit}" if unit else ""),
    ]
    return forms[style % len(forms)]


def fv_pair(cp: Corpus, reg: Registry, avoid: set[str], need: str = "postal_address"):
    """victim (suppressed `need`), respondent, respondent's solicitor email."""
    v = pick(
        cp.rng,
        reg,
        lambda c: need in c.suppressed and c.other is not None and any("@" in x for x in reg.get(c.other).contacts),
        avoid,
    )
    r = reg.get(v.other)
    sol = next(x for x in r.contacts if "@" in x)
    return v, r, sol


def suppressed_loose(cp: Corpus, reg: Registry, avoid: set[str], mailer: render.Mailer) -> None:
    rng = cp.rng
    for k in range(cp.n(6)):
        v, r, sol = fv_pair(cp, reg, avoid)
        lw = staff(k)
        rep_name, firm, dom = reg.reps[sol]
        h = hearing(rng)
        head = [
            f"We refer to the parenting proceeding between our client and your client, {r.title} {r.family}, "
            f"listed for mention on {date_words(h.date())}."
        ]
        tail = [
            "We propose that changeover continue to take place at the Bendigo Police Station car park on "
            "Saturdays at 10 am.",
            "We look forward to your client's response within seven days.",
        ]
        bad_p = (
            head
            + [
                f"Our client has now moved to {loose_address(v, k)} and the children are enrolled at the "
                "local primary school."
            ]
            + tail
        )
        she = "her" if v.title != "Mr" else "his"
        good_p = (
            head
            + [
                f"Our client has moved. {she.title()} address is confidential and will not be disclosed; "
                f"documents may be served on {'him' if she == 'his' else 'her'} at this office."
            ]
            + tail
        )
        if k % 2 == 0:
            fmt = ["pdf", "docx", "rtf"][k // 2 % 3]
            base = render.Letter(
                addr=[rep_name, firm, *FIRM_ADDR[dom]],
                subject=f"{v.family} & {r.family} - parenting arrangements",
                paras=[],
                salutation=f"Dear {rep_name.split()[0]}",
                refs=[
                    f"Our ref: {lw[1][0].upper()}{lw[1].split('.')[1][0].upper()}:{k + 101}",
                    f"Court file: F{rng.randint(1000, 9999)}/2025",
                ],
                signer=lw,
            )
            ext, bb = emit(dataclasses.replace(base, paras=bad_p), fmt)
            _, gb = emit(dataclasses.replace(base, paras=good_p), fmt)
        else:
            ext = "eml"
            subj = f"{v.family} & {r.family} - parenting arrangements"
            bb = mailer.mail(
                frm(lw),
                [f"{rep_name} <{sol}>"],
                subj,
                f"Dear {rep_name.split()[0]},\n\n" + "\n\n".join(bad_p) + "\n\n" + signature(lw),
            )
            gb = mailer.mail(
                frm(lw),
                [f"{rep_name} <{sol}>"],
                subj,
                f"Dear {rep_name.split()[0]},\n\n" + "\n\n".join(good_p) + "\n\n" + signature(lw),
            )
        cp.pair(
            "suppressed-loose/address-in-letter",
            ext,
            bb,
            gb,
            ["suppressed_detail_exposed"],
            f"suppressed address of {v.client_id} written loosely to the solicitor of {r.client_id}",
            f"same letter about {v.client_id}, address withheld",
            suppressed=True,
        )
    # suppressed phone in the body
    for k in range(cp.n(3)):
        v, r, sol = fv_pair(cp, reg, avoid, "phone")
        lw = staff(k + 2)
        rep_name = reg.reps[sol][0]
        ph = v.phones[0].replace(" ", "") if k % 2 else v.phones[0]
        subj = f"Re: {v.family} v {r.family} - Family Dispute Resolution"
        body = (
            f"Dear {rep_name.split()[0]},\n\nThe FDR conference is confirmed for "
            f"{date_words(hearing(rng).date())} by telephone.\n\n{{X}}\n\nKind regards,\n\n{signature(lw)}"
        )
        bad = body.replace(
            "{X}", f"The mediator will call our client on {ph}; please ask yours to be available from 9.45 am."
        )
        good = body.replace(
            "{X}",
            "The mediator will call our client through this office; please ask yours to be available from 9.45 am.",
        )
        cp.pair(
            "suppressed-loose/phone-in-body",
            "eml",
            mailer.mail(frm(lw), [sol], subj, bad),
            mailer.mail(frm(lw), [sol], subj, good),
            ["suppressed_detail_exposed"],
            f"suppressed phone of {v.client_id} sent to the solicitor of {r.client_id}",
            f"same email about {v.client_id} without the phone",
            suppressed=True,
        )
    # interpreter booking (approved third party) and internal staff not on the suppressed-detail list
    for k in range(cp.n(2)):
        v = pick(rng, reg, lambda c: "postal_address" in c.suppressed, avoid)
        lw = staff(k + 4)
        when = hearing(rng)
        txt = (
            f"Hello,\n\nPlease book a Dari interpreter for a client appointment on {date_words(when.date())} at "
            f"{when.strftime('%H:%M')}, one hour.\n\nClient: {v.given} {v.family}\nVenue: {{V}}\n\n"
            f"Thanks,\n{lw[0]}\n{lw[2]}"
        )
        cp.pair(
            "suppressed-loose/interpreter-booking",
            "eml",
            mailer.mail(
                frm(lw),
                [f"bookings@{INTERPRETER_DOMAIN}"],
                "Interpreter booking - home visit",
                txt.replace("{V}", f"client's home, {loose_address(v, k + 1)}"),
            ),
            mailer.mail(
                frm(lw),
                [f"bookings@{INTERPRETER_DOMAIN}"],
                "Interpreter booking - home visit",
                txt.replace("{V}", "our Bendigo office, interview room 2"),
            ),
            ["suppressed_detail_exposed"],
            f"suppressed address of {v.client_id} in a booking to the interpreter service (approved third party)",
            f"booking for {v.client_id} at the office",
            suppressed=True,
        )
        v2 = pick(rng, reg, lambda c: "postal_address" in c.suppressed, avoid)
        note = (
            f"Hi,\n\nNew safety plan for {v2.given} {v2.family} ({v2.ref}). Client has moved to {v2.address}; "
            "please update the file and do not disclose.\n\nThanks\n" + lw[0]
        )
        cp.pair(
            "suppressed-loose/internal-not-on-list",
            "eml",
            mailer.mail(frm(lw), [f"reception@{DOMAIN}"], "Safety plan update", note),
            mailer.mail(frm(lw), [FV_STAFF[0]], "Safety plan update", note),
            ["suppressed_detail_exposed"],
            f"suppressed address of {v2.client_id} to an internal address not on the suppressed-detail staff list",
            f"same note about {v2.client_id} to the FV intake team (on the list)",
            suppressed=True,
        )


def headers_links(cp: Corpus, reg: Registry, avoid: set[str], mailer: render.Mailer) -> None:
    for k in range(cp.n(3)):
        v, r, sol = fv_pair(cp, reg, avoid, "email")
        lw = staff(k + 1)
        rep_name = reg.reps[sol][0]
        subj = f"{v.family} & {r.family} - consent orders"
        txt = (
            f"Dear {rep_name.split()[0]},\n\nPlease find our client's signed minute of consent orders to follow "
            f"by post.\n\nRegards,\n\n{signature(lw)}"
        )
        victim = f"{v.given} {v.family} <{v.emails[0]}>"
        paralegal = f"{LAWYERS[7][0]} <{LAWYERS[7][1]}@{DOMAIN}>"
        where = "To" if k % 3 == 2 else "Cc"  # reply-all puts her in To; a careless copy puts her in Cc
        if where == "To":
            bad = mailer.mail(frm(lw), [sol, victim], "RE: " + subj, txt)
            good = mailer.mail(frm(lw), [sol, paralegal], "RE: " + subj, txt)
        else:
            bad = mailer.mail(frm(lw), [sol], subj, txt, cc=[victim])
            good = mailer.mail(frm(lw), [sol], subj, txt, cc=[paralegal])
        cp.pair(
            f"headers-links/suppressed-email-{where.lower()}",
            "eml",
            bad,
            good,
            ["suppressed_detail_exposed"],
            f"suppressed email of {v.client_id} in {where} of mail to the solicitor of {r.client_id}",
            f"same mail about {v.client_id}, {where} internal",
            suppressed=True,
        )
    for k in range(cp.n(3)):
        need = "email" if k % 2 == 0 else "phone"
        v, r, sol = fv_pair(cp, reg, avoid, need)
        lw = staff(k + 5)
        rep_name = reg.reps[sol][0]
        if need == "email":
            bad_link = f'<a href="mailto:{v.emails[0]}">our client</a>'
        else:
            bad_link = f'<a href="tel:+61{v.phones[0].replace(" ", "")[1:]}">our client</a>'
        good_link = f'<a href="mailto:{lw[1]}@{DOMAIN}">our office</a>'
        tmpl = (
            f"<html><body><p>Dear {htmlmod.escape(rep_name.split()[0])},</p><p>Any questions about the "
            f"handover of the children's belongings should be directed to {{L}}, not to the children.</p>"
            f"{signature(lw, html=True)}</body></html>"
        )
        txt = (
            f"Dear {rep_name.split()[0]},\n\nAny questions about the handover of the children's belongings "
            f"should be directed to {{T}}, not to the children.\n\n{signature(lw)}"
        )
        subj = f"{v.family} - handover of belongings"
        cp.pair(
            f"headers-links/{'mailto' if need == 'email' else 'tel'}-href",
            "eml",
            mailer.mail(frm(lw), [sol], subj, txt.replace("{T}", "our client"), tmpl.replace("{L}", bad_link)),
            mailer.mail(frm(lw), [sol], subj, txt.replace("{T}", "our office"), tmpl.replace("{L}", good_link)),
            ["suppressed_detail_exposed"],
            f"suppressed {need} of {v.client_id} only in an HTML link target, mail to the solicitor of {r.client_id}",
            f"same mail about {v.client_id}, link to the commission",
            suppressed=True,
        )


def map_links(cp: Corpus, reg: Registry, avoid: set[str], mailer: render.Mailer) -> None:
    """Directions for a changeover: the link text or target shows the victim's home instead of a safe place."""
    for k in range(cp.n(2)):
        v, r, sol = fv_pair(cp, reg, avoid)
        lw = staff(k + 3)
        safe = "Bendigo Police Station, 12 Ironstone Lane, Bendigo VIC 3550"
        home = loose_address(v, k + 2)
        q_home = urllib.parse.quote_plus(v.address)
        q_safe = urllib.parse.quote_plus(safe)
        if k % 2 == 0:
            bad_link = f'<a href="https://maps.example.com/?q={q_home}">changeover location</a>'
        else:
            bad_link = f'<a href="https://maps.example.com/?q={q_safe}">{htmlmod.escape(home)}</a>'
        good_link = f'<a href="https://maps.example.com/?q={q_safe}">changeover location</a>'
        tmpl = (
            f"<html><body><p>Dear {htmlmod.escape(reg.reps[sol][0].split()[0])},</p><p>Saturday's changeover "
            f"will be at 10 am. Directions: {{L}}.</p>{signature(lw, html=True)}</body></html>"
        )
        txt = f"Dear {reg.reps[sol][0].split()[0]},\n\nSaturday's changeover will be at 10 am.\n\n{lw[0]}"
        cp.pair(
            "headers-links/map-link",
            "eml",
            mailer.mail(frm(lw), [sol], "Changeover", txt, tmpl.replace("{L}", bad_link)),
            mailer.mail(frm(lw), [sol], "Changeover", txt, tmpl.replace("{L}", good_link)),
            ["suppressed_detail_exposed"],
            f"map link {'target' if k % 2 == 0 else 'text'} shows the suppressed address of {v.client_id}, mail "
            f"to the solicitor of {r.client_id}",
            f"same mail about {v.client_id}, link to the police station",
            suppressed=True,
        )


def relationships(cp: Corpus, reg: Registry, avoid: set[str], mailer: render.Mailer) -> None:
    rng = cp.rng
    for k in range(cp.n(5)):
        v, r, sol_r = fv_pair(cp, reg, avoid, "postal_address") if k % 2 else (None, None, None)
        if v is None:
            a = pick(
                rng, reg, lambda c: any("@" in x for x in c.contacts) and c.other is None and not c.suppressed, avoid
            )
            b = pick(
                rng,
                reg,
                lambda c, a=a: (
                    any("@" in x for x in c.contacts) and unrelated(a, c) and not (set(c.contacts) & set(a.contacts))
                ),
                avoid,
            )
            own, wrong = next(x for x in a.contacts if "@" in x), next(x for x in b.contacts if "@" in x)
        else:
            a, b = v, r
            if not any("@" in x for x in a.contacts) or set(a.contacts) & set(b.contacts):
                a.contacts = [x for x in reg.reps if x not in b.contacts][k % 3 :][:1]
            own, wrong = a.contacts[0], sol_r
        lw = staff(k)
        txt = (
            f"Dear {{N}},\n\nWe refer to our mutual client {a.title} {a.given} {a.family} (our file {a.ref}).\n\n"
            f"Enclosed by separate post is the brief to counsel for the hearing on "
            f"{date_words(hearing(rng).date())}. Our client's instructions on the proposed property division "
            f"are set out in the brief; {'he' if a.title == 'Mr' else 'she'} will not accept less than 60 per "
            f"cent.\n\nRegards,\n\n{signature(lw)}"
        )
        subj = f"Brief to counsel - {a.family}"
        cp.pair(
            "relationships/other-party-solicitor",
            "eml",
            mailer.mail(frm(lw), [wrong], subj, txt.replace("{N}", reg.reps[wrong][0].split()[0])),
            mailer.mail(frm(lw), [own], subj, txt.replace("{N}", reg.reps[own][0].split()[0])),
            ["mismatched_recipient"],
            f"instructions of {a.client_id} sent to the solicitor of "
            f"{b.client_id} (not an authorised contact of {a.client_id})",
            f"same mail to the authorised representative of {a.client_id}",
        )
    # representative known by client id (a support person who is also a client)
    for k in range(cp.n(3)):
        a = pick(rng, reg, lambda c: any(x.startswith("C") for x in c.contacts) and not c.suppressed, avoid)
        rep = reg.get(a.contacts[0])
        other = pick(
            rng,
            reg,
            lambda c, a=a, rep=rep: (
                not c.suppressed and unrelated(a, c) and c is not rep and not c.street.startswith("PO")
            ),
            avoid,
        )
        lw = staff(k + 2)

        def L(to: Client, a: Client = a, lw: tuple = lw, k: int = k) -> render.Letter:
            return render.Letter(
                addr=addr_block(to, k),
                salutation=f"Dear {to.title} {to.family}",
                subject=f"{a.given} {a.family} - tenancy hearing",
                signer=lw,
                refs=[f"Our ref: {a.ref}"],
                paras=[
                    f"As {a.given}'s nominated support person, we confirm that the tribunal "
                    f"hearing about the rent arrears is on {date_words(hearing(rng).date())}.",
                    "Please help them bring the rent ledger and the agent's notice to vacate.",
                    "Support persons may sit with the tenant but may not speak unless the member allows it.",
                ],
            )

        fmt = FORMATS[k % len(FORMATS)]
        ext, bb = emit(L(other), fmt)
        _, gb = emit(L(rep), fmt)
        cp.pair(
            "relationships/support-person-by-id",
            ext,
            bb,
            gb,
            ["mismatched_recipient", "mixed_client_documents"],
            f"letter about {a.client_id} addressed to {other.client_id} instead of their support person "
            f"{rep.client_id}",
            f"letter about {a.client_id} to support person {rep.client_id} (authorised contact by client id)",
        )
    # court gets both parties' details (approved) vs a typo of the court's domain
    for k in range(cp.n(3)):
        v, r, _ = fv_pair(cp, reg, avoid)
        lw = staff(k)
        court = COURTS[k % len(COURTS)]
        txt = (
            f"To the Registrar,\n\nApplication for variation of a family violence intervention order\n\n"
            f"Applicant (protected person): {v.given} {v.family}, our file {v.ref}; address for service: "
            f"c/- {ORG_SERVICE}\nRespondent: {r.given} {r.family}, born {r.dob.strftime('%d/%m/%Y')}, of "
            f"{r.address}\n\nWe attach the application and ask that it be listed at the {court[0]} with the "
            f"existing order.\n\nYours faithfully,\n\n{signature(lw)}"
        )
        subj = f"FVIO variation - {v.family} / {r.family}"
        good_to = COURT_MAIL[0]
        bad_to = good_to.replace("example.gov.au", "example.com.au")
        cp.pair(
            "relationships/court-both-parties",
            "eml",
            mailer.mail(frm(lw), [bad_to], subj, txt),
            mailer.mail(frm(lw), [good_to], subj, txt),
            ["mismatched_recipient", "mixed_client_documents"],
            f"details of {v.client_id} and {r.client_id} sent to a look-alike of the court's domain",
            f"details of {v.client_id} and {r.client_id} to the court (approved domain)",
        )


ORG_SERVICE = "Ironbark Legal Aid Commission, PO Box 1208, Bendigo VIC 3552"
