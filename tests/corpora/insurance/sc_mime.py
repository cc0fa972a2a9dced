"""Everyday MIME: assessor-visit invitations, vCards, S/MIME and PGP signed mail, alternatives that differ,
and messages forwarded as attachments."""

from __future__ import annotations

from datetime import datetime, timedelta

from . import content, fmt, mail, org
from .content import Ctx
from .corpus import Corpus
from .mail import Attachment, Mail
from .people import Client
from .sc_letters import MISMATCH
from .sc_own import SUPPRESSED


def _add(
    ctx: Ctx,
    corpus: Corpus,
    m: Mail,
    cat: str,
    expect: str = "allow",
    rules: list[str] | None = None,
    suppressed: bool = False,
    note: str = "",
    seed: int | None = None,
) -> str:
    s = ctx.rng.getrandbits(16) if seed is None else seed
    return corpus.add("eml", mail.build(m, ctx.msgid(), s), cat, expect, rules, suppressed=suppressed, note=note)


def _visit(ctx: Ctx, holder: Client, at: Client, claim: str, assessor: org.ThirdParty) -> tuple[str, str, datetime]:
    start = datetime(2025, 3, 10 + ctx.rng.randint(0, 14), ctx.rng.choice([9, 10, 13, 14]), 0)
    desc = (
        f"Site inspection for claim {claim}.\nInsured: {holder.full}\nContact: {holder.phones[0]}\n"
        f"Assessor: {assessor.contact} ({assessor.firm}) {assessor.phone}"
    )
    return desc, fmt.inline_address(at.address), start


def mime_parts(ctx: Ctx, corpus: Corpus) -> None:
    pop = ctx.pop
    st = org.STAFF[6]
    for i in range(ctx.n(2)):  # invitations to the policyholder and the assessor
        c = pop.pick(1)[0]
        if c.address.is_box:
            continue
        claim = content.ensure_claim(ctx, c)
        ass = org.ASSESSORS[i % 2]
        desc, loc, start = _visit(ctx, c, c, claim, ass)
        cal = mail.ics(
            f"{claim}-{i}@{org.DOMAIN}",
            (st.name, st.email),
            [(c.full, c.emails[0]), (ass.contact, ass.contact_email)],
            start,
            60,
            f"Assessment visit - claim {claim}",
            loc,
            desc,
        )
        m = Mail(
            (st.name, st.email),
            [(c.full, c.emails[0]), (ass.contact, ass.contact_email)],
            f"Assessment visit - claim {claim}",
            ctx.when(),
            text=desc,
            calendar=cal,
        )
        _add(
            ctx,
            corpus,
            m,
            "mime-parts/invitation",
            note=f"assessor visit invitation to {c.cid} and the assessor (approved), at the insured's own address",
        )
    for i, v in enumerate([v for v in pop.victims if not v.victim.address.is_box][: ctx.n(3)]):
        ass = org.ASSESSORS[i % 2]
        ids = []
        for at, bad in ((v.victim, True), (v.ex, False)):
            desc, loc, start = _visit(ctx, v.ex, at, v.joint_ref, ass)
            cal = mail.ics(
                f"v{i}{bad}@{org.DOMAIN}",
                (st.name, st.email),
                [(v.ex.full, v.ex.emails[0])],
                start,
                90,
                "Assessment visit",
                loc,
                desc,
            )
            m = Mail(
                (st.name, st.email),
                [(v.ex.full, v.ex.emails[0])],
                "Assessment visit",
                ctx.when(),
                text="Please accept the invitation for the assessor's visit.",
                calendar=cal,
            )
            ids.append(
                _add(
                    ctx,
                    corpus,
                    m,
                    "mime-parts/invitation",
                    *(("block", SUPPRESSED) if bad else ("allow", None)),
                    suppressed=bad,
                    note=(
                        f"invitation to {v.ex.cid} located at {v.victim.cid}'s suppressed address"
                        if bad
                        else f"invitation to {v.ex.cid} located at his own address"
                    ),
                )
            )
        corpus.pair(ids[0], ids[1])
    for i in range(ctx.n(2)):  # an invitation copied from another claim
        a, b = pop.pick(2, need="home")
        ids = []
        for at, bad in ((b, True), (a, False)):
            claim = content.ensure_claim(ctx, at)
            desc, loc, start = _visit(ctx, at, at, claim, org.ASSESSORS[0])
            cal = mail.ics(
                f"c{i}{bad}@{org.DOMAIN}",
                (st.name, st.email),
                [(a.full, a.emails[0])],
                start,
                60,
                "Builder's inspection",
                loc,
                desc,
            )
            m = Mail(
                (st.name, st.email),
                [(a.full, a.emails[0])],
                "Builder's inspection",
                ctx.when(),
                text=f"Hi {a.first}, an invitation for the inspection is attached.",
                calendar=cal,
            )
            ids.append(
                _add(
                    ctx,
                    corpus,
                    m,
                    "mime-parts/invitation",
                    *(("block", MISMATCH) if bad else ("allow", None)),
                    note=(
                        f"invitation to {a.cid} copied from {b.cid}'s appointment (address, claim, phone)"
                        if bad
                        else f"invitation to {a.cid} for {a.cid}'s own claim"
                    ),
                )
            )
        corpus.pair(ids[0], ids[1])
    _cards(ctx, corpus)
    _signed(ctx, corpus)
    _alternatives(ctx, corpus)


def _cards(ctx: Ctx, corpus: Corpus) -> None:
    pop = ctx.pop
    for v in pop.victims[: ctx.n(3)]:
        vic, ex = v.victim, v.ex
        adr = (
            None
            if vic.address.is_box
            else (fmt.street_line(vic.address)[-1], vic.address.suburb, vic.address.state, vic.address.postcode)
        )
        bad = mail.vcard(
            vic.full,
            vic.family,
            vic.given,
            tels=[("CELL", p) for p in vic.phones],
            emails=vic.emails,
            adr=adr,
            note=f"Joint policy {v.joint_ref}",
        )
        s = org.STAFF[7]
        good = mail.vcard(
            s.name,
            s.name.split()[-1],
            s.name.split()[0],
            org.NAME,
            s.role,
            [("WORK", s.direct)],
            [s.email],
            ("181 Flinders Lane", "Melbourne", "VIC", "3000"),
        )
        ids = []
        for card, is_bad in ((bad, True), (good, False)):
            m = Mail(
                (s.name, s.email),
                [(ex.full, ex.emails[0])],
                "Contact details",
                ctx.when(),
                text=f"Hi {ex.first},\n\nContact card attached as requested.\n\n{org.signature(s)}",
                attachments=[
                    Attachment(f"{'contact' if is_bad else s.name.replace(' ', '_')}.vcf", card.encode(), "text/vcard")
                ],
            )
            ids.append(
                _add(
                    ctx,
                    corpus,
                    m,
                    "mime-parts/vcard",
                    *(("block", SUPPRESSED) if is_bad else ("allow", None)),
                    suppressed=is_bad,
                    note=(
                        f"vCard of {vic.cid} (suppressed details) sent to {ex.cid}"
                        if is_bad
                        else f"the claims officer's own vCard sent to {ex.cid}"
                    ),
                )
            )
        corpus.pair(ids[0], ids[1])
    for i in range(ctx.n(1)):
        c = pop.pick(1)[0]
        rep = org.REPAIRERS[i % 4]
        card = mail.vcard(
            rep.contact,
            rep.contact.split()[-1],
            rep.contact.split()[0],
            rep.firm,
            "Estimator",
            [("WORK", rep.phone)],
            [rep.contact_email],
        )
        m = Mail(
            (org.STAFF[1].name, org.STAFF[1].email),
            [(c.full, c.emails[0])],
            "Your repairer",
            ctx.when(),
            text=f"Hi {c.first},\n\n{rep.firm} will repair your car. Their details are attached.",
            attachments=[Attachment("repairer.vcf", card.encode(), "text/x-vcard")],
        )
        _add(ctx, corpus, m, "mime-parts/vcard", note=f"repairer's vCard to {c.cid}")


def _signed(ctx: Ctx, corpus: Corpus) -> None:
    pop = ctx.pop
    for i in range(ctx.n(3)):
        c = pop.pick(1)[0]
        claim = content.ensure_claim(ctx, c)
        s = org.STAFF[i % len(org.STAFF)]
        m = Mail(
            (s.name, s.email),
            [(c.full, c.emails[0])],
            f"Claim {claim}",
            ctx.when(),
            text=content.email_body(
                ctx,
                fmt.dear(c) + ",",
                [f"Your claim {claim} has been approved. Payment will reach your account within five days."],
                s,
            ),
            signed="smime" if i % 5 < 3 else "pgp",
            mailer="Microsoft Outlook 16.0" if i % 5 < 3 else "Mozilla Thunderbird 128.5",
        )
        _add(ctx, corpus, m, "mime-parts/signed", note=f"{m.signed} signed mail to {c.cid} about {c.cid}'s claim")
    for i in range(ctx.n(2)):
        a, b = pop.pick(2)
        s = org.STAFF[1]
        ids = []
        for who, bad in ((b, True), (a, False)):
            claim = content.ensure_claim(ctx, who)
            m = Mail(
                (s.name, s.email),
                [(a.full, a.emails[0])],
                "Claim approved",
                ctx.when(),
                text=content.email_body(
                    ctx,
                    fmt.dear(a) + ",",
                    [f"Claim {claim} for {fmt.formal(who)} ({fmt.inline_address(who.address)}) is approved."],
                    s,
                ),
                signed=["smime", "pgp"][i % 2],
            )
            ids.append(
                _add(
                    ctx,
                    corpus,
                    m,
                    "mime-parts/signed",
                    *(("block", MISMATCH) if bad else ("allow", None)),
                    note=(
                        f"signed mail to {a.cid} about {b.cid}'s claim"
                        if bad
                        else f"signed mail to {a.cid} about own claim"
                    ),
                )
            )
        corpus.pair(ids[0], ids[1])


def _alternatives(ctx: Ctx, corpus: Corpus) -> None:
    pop = ctx.pop
    for _ in range(ctx.n(2)):
        a, b = pop.pick(2)
        ca = content.ensure_claim(ctx, a)
        cb = content.ensure_claim(ctx, b)
        s = org.STAFF[3]
        html = (
            f"<p>Dear {a.first},</p><p>Your claim <b>{ca}</b> is now being assessed.</p>"
            f'<p><a href="mailto:{org.CLAIMS}">{org.CLAIMS}</a></p>'
        )
        ids = []
        for other, bad in ((cb, True), (ca, False)):
            text = (
                f"Dear {a.first},\n\nYour claim {other} is now being assessed.\n"
                + (f"Insured address on file: {fmt.inline_address(b.address)}\n" if bad else "")
                + f"\n{org.CLAIMS}"
            )
            m = Mail(
                (s.name, s.email),
                [(a.full, a.emails[0])],
                "Claim status",
                ctx.when(),
                text=text,
                html=html,
                mailer="Blackwattle Notify (Mailjet)",
            )
            ids.append(
                _add(
                    ctx,
                    corpus,
                    m,
                    "mime-parts/alternative-differs",
                    *(("block", MISMATCH) if bad else ("allow", None)),
                    note=(
                        f"to {a.cid}: only the text/plain alternative carries {b.cid}'s claim and address"
                        if bad
                        else f"to {a.cid}: both alternatives carry {a.cid}'s own claim"
                    ),
                )
            )
        corpus.pair(ids[0], ids[1])
    for i in range(ctx.n(2)):  # a repairer's quote forwarded as an attached message
        a, b = pop.pick(2, need="motor")
        rep = org.REPAIRERS[i % 2]
        ids = []
        for who, bad in ((b, True), (a, False)):
            claim = content.ensure_claim(ctx, who)
            inner = Mail(
                (rep.contact, rep.contact_email),
                [("Motor Claims", org.MOTOR_CLAIMS)],
                f"Quote for claim {claim}",
                ctx.when() - timedelta(days=2),
                text=f"Quote for {who.full}, {content.car(ctx.rng)}: $4,812.50 inc GST.\n"
                f"Customer mobile {who.mobile}.\n\n{rep.contact}\n{rep.firm}",
            )
            fw = mail.build(inner, ctx.msgid(), 1)
            s = org.STAFF[1]
            m = Mail(
                (s.name, s.email),
                [(a.full, a.emails[0])],
                "FW: Repair quote",
                ctx.when(),
                text=f"Hi {a.first},\n\nThe repairer's quote is attached for your information.\n\n{org.signature(s)}",
                forwarded=fw,
            )
            ids.append(
                _add(
                    ctx,
                    corpus,
                    m,
                    "mime-parts/attached-message",
                    *(("block", MISMATCH) if bad else ("allow", None)),
                    note=(
                        f"to {a.cid}: attached message is the quote for {b.cid}"
                        if bad
                        else f"to {a.cid}: attached message is {a.cid}'s own quote"
                    ),
                )
            )
        corpus.pair(ids[0], ids[1])
