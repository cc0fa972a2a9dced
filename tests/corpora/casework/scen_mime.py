"""Everyday MIME parts: invitations, cards, signed mail, attached messages, spreadsheets, archives."""

from __future__ import annotations

import random
from datetime import datetime

from . import ids, render_docs, render_pdf
from .common import attach_letter, cm_of, other_than, pick, rep_of
from .corpus import Corpus
from .letters import KINDS, certificate_page, compose, letter_date
from .mail import Att, Mail, render, staff_signature, tiny_png, who
from .org import CASE_MANAGERS, CLAIMS_TEAM_LIST, ORG_PHONE, PARTIES, Person
from .people import Client

CONC = PARTIES["approved"][1]
REHAB = PARTIES["approved"][3]
IME = PARTIES["approved"][2]
LOGO = Att("logo.png", tiny_png(), cid="logo001")

CANCELLED = "Your IME appointment has been cancelled."
ATTACHED = "Your IME appointment is attached."


def _start(rng: random.Random) -> datetime:
    d = letter_date(rng)
    return datetime(d.year, d.month, d.day, rng.choice([9, 10, 13, 14]), rng.choice([0, 30]))


def _invites(c: Corpus, rng: random.Random) -> None:
    cat = "mime-parts/"
    for v, e in [p for p in c.reg.fv if "email" in p[0].suppressed][: c.n(1)]:
        cm = cm_of(rng)
        officer = CONC.contacts[2]
        start = _start(rng)
        seed = rng.random()

        def invite(
            attendees: list[tuple[str, str]],
            e: Client = e,
            cm: Person = cm,
            start: datetime = start,
            seed: float = seed,
        ) -> bytes:
            cal = render_docs.ics(
                f"conf-{e.shared_ref}@corellaclaims.example",
                f"Conciliation conference {e.shared_ref}",
                start,
                60,
                who(cm),
                attendees,
                "By telephone",
                "Each party will be called by the conciliation officer.",
            )
            text = (
                f"Dear {e.first},\n\nPlease accept this invitation to the conciliation conference on claim "
                f"{e.shared_ref}.\n{staff_signature(cm)}"
            )
            return render(
                Mail(
                    who(cm),
                    [(e.short, e.email)],
                    f"Invitation: Conciliation conference {e.shared_ref}",
                    text,
                    calendar=cal,
                    atts=[Att("invite.ics", cal)],
                ),
                random.Random(seed),
            )

        base = [(e.short, e.email), (officer.name, officer.email), (cm.name, cm.email)]
        twin = c.add("eml", invite(base), cat + "calendar-invite", note=f"invitation to {e.cid}, no co-claimant listed")
        inc = c.add(
            "eml",
            invite(base + [(v.short, v.email)]),
            cat + "calendar-invite",
            rules=["suppressed_detail_exposed"],
            suppressed=True,
            note=f"suppressed email of {v.cid} as an ATTENDEE of an invitation sent to ex-partner {e.cid}",
        )
        c.pair(inc, twin)
    for v, _e in c.reg.fv[5 : 5 + c.n(1)]:
        cm = cm_of(rng)
        cons = REHAB.contacts[0]
        start = _start(rng)
        seed = rng.random()

        def visit(
            location: str,
            v: Client = v,
            cm: Person = cm,
            start: datetime = start,
            cons: Person = cons,
            seed: float = seed,
        ) -> bytes:
            cal = render_docs.ics(
                f"rehab-{v.claim}@corellaclaims.example",
                f"Initial rehab assessment - {v.short}",
                start,
                90,
                who(cm),
                [(cons.name, cons.email)],
                location,
                f"Claim {v.claim}. Worker prefers contact through the case manager.",
            )
            return render(
                Mail(
                    who(cm),
                    [who(cons)],
                    f"Initial assessment - {v.short}",
                    f"Hi {cons.name.split(' ')[0]},\n\nInvitation attached.\n{staff_signature(cm, True)}",
                    calendar=cal,
                ),
                random.Random(seed),
            )

        twin = c.add(
            "eml",
            visit("ReturnPath Rehabilitation, Dandenong (meeting room 2)"),
            cat + "calendar-location",
            note=f"assessment of {v.cid} at the provider's rooms",
        )
        inc = c.add(
            "eml",
            visit(v.addr.one_line(abbrev=True)),
            cat + "calendar-location",
            rules=["suppressed_detail_exposed"],
            suppressed=True,
            note=f"suppressed address of {v.cid} as the LOCATION of an invitation to the rehab provider",
        )
        c.pair(inc, twin)
    for k in range(c.n(3)):
        x = pick(c.reg, rng, lambda o: bool(o.emails))
        cm = cm_of(rng)
        doc = IME.contacts[1 + k % 3]
        method = "CANCEL" if k == 2 else "REQUEST"
        cal = render_docs.ics(
            f"ime-{x.claim}@corellaclaims.example",
            f"IME with {doc.name}",
            _start(rng),
            60,
            who(cm),
            [(x.short, x.email)],
            "MedAssess Panel Services, Suite 12, 88 Macleay Parade, North Sydney",
            f"Claim {x.claim}. Please bring photo ID and your scans.",
            method=method,
        )
        text = f"Dear {x.first},\n\n{CANCELLED if method == 'CANCEL' else ATTACHED}\n{staff_signature(cm)}"
        c.add(
            "eml",
            render(Mail(who(cm), [(x.short, x.email)], f"IME appointment - {x.claim}", text, calendar=cal), rng),
            cat + "calendar-invite",
            note=f"IME invitation to {x.cid}",
        )
    cm = cm_of(rng)
    workers = [pick(c.reg, rng) for _ in range(4)]
    desc = "Agenda:\n" + "\n".join(f"- {w.short} ({w.claim}) - review of capacity" for w in workers)
    cal = render_docs.ics(
        "case-review-0412@corellaclaims.example",
        "Complex claims review",
        _start(rng),
        60,
        who(cm),
        [(p.name, p.email) for p in CASE_MANAGERS[:4]],
        "Parramatta L4 meeting room",
        desc,
    )
    c.add(
        "eml",
        render(Mail(who(cm), [who(CLAIMS_TEAM_LIST)], "Complex claims review", desc, calendar=cal), rng),
        cat + "calendar-internal",
        note="internal case review invitation listing four clients",
    )


def _cards(c: Corpus, rng: random.Random) -> None:
    cat = "mime-parts/"
    for v, _e in c.reg.fv[7 : 7 + c.n(1)]:
        cm = cm_of(rng)
        rtw = v.employer.contacts[0]
        seed = rng.random()
        mine = render_docs.vcard(
            cm.name,
            cm.name.split(" ")[1],
            cm.name.split(" ")[0],
            "Corella Claims Services",
            cm.title,
            [cm.phone, ORG_PHONE],
            [cm.email],
        )
        a = v.addr
        hers = render_docs.vcard(
            v.short, v.family, v.first, "", "", v.phones, v.emails, (a.street_line(), a.suburb, a.state, a.postcode)
        )
        text = (
            f"Hi {rtw.name.split(' ')[0]},\n\nContact card attached for anything about {v.short}'s claim "
            f"{v.claim}.\n{staff_signature(cm)}"
        )
        twin = c.add(
            "eml",
            render(
                Mail(who(cm), [who(rtw)], "Contact card", text, atts=[Att(f"{cm.name}.vcf", mine)]), random.Random(seed)
            ),
            cat + "vcard",
            note="case manager's own card to the employer",
        )
        inc = c.add(
            "eml",
            render(
                Mail(who(cm), [who(rtw)], "Contact card", text, atts=[Att(f"{v.short}.vcf", hers)]), random.Random(seed)
            ),
            cat + "vcard",
            rules=["suppressed_detail_exposed"],
            suppressed=True,
            note=f"vCard of {v.cid} with suppressed details sent to the employer",
        )
        c.pair(inc, twin)


def _wrong_attachment(c: Corpus, rng: random.Random) -> None:
    cat = "mime-parts/wrong-attachment"
    for k in range(c.n(4)):
        cd = pick(c.reg, rng, lambda o: bool(o.emails))
        ab = other_than(c.reg, rng, cd)
        kind = KINDS[k % len(KINDS)]
        fmt = ("pdf-window", "docx-table", "rtf", "pdf-classic")[k % 4]
        cm = cm_of(rng)
        seed = rng.random()
        text = (
            f"Dear {cd.first},\n\nPlease find attached a copy of the letter we posted to you today about claim "
            f"{cd.claim}.\n{staff_signature(cm)}"
        )

        def mail(
            letter_for: Client,
            cd: Client = cd,
            text: str = text,
            cm: Person = cm,
            kind: str = kind,
            fmt: str = fmt,
            k: int = k,
            seed: float = seed,
        ) -> bytes:
            att = attach_letter(compose(kind, letter_for, random.Random(seed)), fmt, f"Letter {letter_for.claim}")
            return render(
                Mail(
                    who(cm),
                    [(cd.short, cd.email)],
                    f"Copy of letter - claim {cd.claim}",
                    text,
                    atts=[att],
                    sign="smime" if k == 3 else "",
                ),
                random.Random(seed),
            )

        twin = c.add("eml", mail(cd), cat, note=f"copy of {cd.cid}'s own letter to {cd.cid}")
        inc = c.add(
            "eml",
            mail(ab),
            cat,
            rules=["mismatched_recipient", "mixed_client_documents"],
            note=f"letter for {ab.cid} attached to an email to {cd.cid}" + (" (S/MIME signed)" if k == 3 else ""),
        )
        c.pair(inc, twin)


def _attached_message(c: Corpus, rng: random.Random) -> None:
    cat = "mime-parts/"
    x = pick(c.reg, rng, lambda o: bool(o.emails))
    y = other_than(c.reg, rng, x)
    physio = PARTIES["clinics"][1].contacts[0]
    cm = cm_of(rng)
    seed = rng.random()

    def inner(w: Client) -> bytes:
        return render(
            Mail(
                who(physio),
                [who(cm)],
                f"Treatment plan - {w.short}",
                (
                    f"Hi {cm.name.split(' ')[0]},\n\nTreatment plan for {w.full} "
                    f"(DOB {ids.fmt_date(w.dob, 'dmy')}, claim "
                    f"{w.claim}): 6 further sessions over 8 weeks.\n\nKieran"
                ),
            ),
            random.Random(seed + 1),
        )

    def outer(w: Client) -> bytes:
        return render(
            Mail(
                who(cm),
                [(x.short, x.email)],
                "FW: Treatment plan",
                (
                    f"Hi {x.first},\n\nThe physio's treatment plan is attached for your information. "
                    "It has been approved.\n"
                    f"{staff_signature(cm)}"
                ),
                atts=[Att("Treatment plan.eml", inner(w))],
            ),
            random.Random(seed),
        )

    twin = c.add(
        "eml", outer(x), cat + "attached-message", note=f"message about {x.cid} forwarded as attachment to {x.cid}"
    )
    inc = c.add(
        "eml",
        outer(y),
        cat + "attached-message",
        rules=["mismatched_recipient"],
        note=f"attached message about {y.cid} forwarded to {x.cid}",
    )
    c.pair(inc, twin)
    # spreadsheet to an employer: its own workers, or one more row
    pool: dict[str, list[Client]] = {}
    for w in c.reg.ordinary:
        if w.employer.contacts[0].email in w.authorised:
            pool.setdefault(w.employer.contacts[0].email, []).append(w)
    email = max(sorted(pool), key=lambda e: len(pool[e]))
    staff = pool[email][:4]
    stranger = pick(c.reg, rng, lambda o: email not in o.authorised)
    rtw = staff[0].employer.contacts[0]
    cm = cm_of(rng)
    seed = rng.random()

    def sheet(ws: list[Client]) -> bytes:
        rows: list[list[object]] = [["Worker", "Claim", "Date of injury", "Status", "Certificate to"]]
        for w in ws:
            rows.append(
                [
                    w.full,
                    w.claim,
                    w.injury_date.isoformat(),
                    "Open",
                    ids.fmt_date(letter_date(random.Random(seed)), "dmy"),
                ]
            )
        return render(
            Mail(
                who(cm),
                [who(rtw)],
                "Open claims - monthly report",
                (
                    f"Hi {rtw.name.split(' ')[0]},\n\nAttached is this month's open claims report for your workers.\n"
                    f"{staff_signature(cm)}"
                ),
                atts=[Att("Open claims.xlsx", render_docs.xlsx({"Open claims": rows}))],
            ),
            random.Random(seed),
        )

    twin = c.add(
        "eml",
        sheet(staff),
        cat + "xlsx-attachment",
        note=f"employer contact authorised for each of {', '.join(w.cid for w in staff)}",
    )
    inc = c.add(
        "eml",
        sheet(staff + [stranger]),
        cat + "xlsx-attachment",
        rules=["mismatched_recipient", "mixed_client_documents"],
        note=f"report row for {stranger.cid}, who does not work for this employer",
    )
    c.pair(inc, twin)
    # a zip of documents for a solicitor
    w, rep = rep_of(c.reg, rng, "law")
    y = other_than(c.reg, rng, w)
    seed = rng.random()

    def bundle(extra: Client | None) -> bytes:
        files = [
            (
                f"{w.family}_liability.pdf",
                render_pdf.pdf_letter(compose("liability", w, random.Random(seed)), "window"),
            ),
            (
                f"{w.family}_certificate.pdf",
                render_pdf.pdf_pages("Certificate", [certificate_page(w, random.Random(seed))]),
            ),
        ]
        if extra:
            files.append(
                (
                    f"{extra.family}_certificate.pdf",
                    render_pdf.pdf_pages("Certificate", [certificate_page(extra, random.Random(seed))]),
                )
            )
        return render(
            Mail(
                who(cm),
                [who(rep)],
                f"Documents - {w.short}",
                (
                    f"Dear {rep.name.split(' ')[0]},\n\nThe documents you requested for your client are in the "
                    "attached "
                    f"archive.\n{staff_signature(cm)}"
                ),
                atts=[Att("documents.zip", render_docs.zip_files(files))],
            ),
            random.Random(seed),
        )

    twin = c.add("eml", bundle(None), cat + "zip-attachment", note=f"documents of {w.cid} to their solicitor")
    inc = c.add(
        "eml",
        bundle(y),
        cat + "zip-attachment",
        rules=["mixed_client_documents", "mismatched_recipient"],
        note=f"certificate of {y.cid} inside the archive sent to the solicitor of {w.cid}",
    )
    c.pair(inc, twin)


def _signed(c: Corpus, rng: random.Random) -> None:
    for k in range(c.n(4)):
        x = pick(c.reg, rng, lambda o: bool(o.emails))
        cm = cm_of(rng)
        sign = ("smime", "pgp")[k % 2]
        text = (
            f"Dear {x.first},\n\nThis message is digitally signed so you can check it came from us. Your next "
            f"payment on claim {x.claim} is due on {ids.fmt_date(letter_date(rng), 'long')}.\n{staff_signature(cm)}"
        )
        atts = [attach_letter(compose("weekly", x, rng), "pdf-window", "Payment notice")] if k % 2 == 0 else []
        c.add(
            "eml",
            render(Mail(who(cm), [(x.short, x.email)], "Payment notice (signed)", text, atts=atts, sign=sign), rng),
            f"mime-parts/signed-{sign}",
            note=f"signed message to {x.cid}; signature part is not content",
        )


def build_mime(c: Corpus) -> None:
    rng = c.rng("mime")
    _invites(c, rng)
    _cards(c, rng)
    _wrong_attachment(c, rng)
    _attached_message(c, rng)
    _signed(c, rng)
    cm = cm_of(rng)
    x = pick(c.reg, rng, lambda o: bool(o.emails))
    card = render_docs.vcard(
        cm.name,
        cm.name.split(" ")[1],
        cm.name.split(" ")[0],
        "Corella Claims Services",
        cm.title,
        [cm.phone],
        [cm.email],
        note="Best time to call: 9am-3pm",
    )
    c.add(
        "eml",
        render(
            Mail(
                who(cm),
                [(x.short, x.email)],
                "Your new case manager",
                (
                    f"Dear {x.first},\n\nI am your new case manager for claim {x.claim}. My details are attached.\n"
                    f"{staff_signature(cm)}"
                ),
                atts=[Att(f"{cm.name}.vcf", card)],
            ),
            rng,
        ),
        "mime-parts/vcard",
        note=f"case manager's card to {x.cid}",
    )
