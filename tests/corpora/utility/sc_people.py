"""Relationships, each with its own reach (issue 9 point 3): authorised contacts by email, representatives
who are clients, joint holders, name twins, and the approved third parties."""

from __future__ import annotations

from dataclasses import replace

from . import mail, org
from .compose import block_for, couple_block, fmt_ref, supply_of
from .corpus import MISMATCH, Corpus
from .kit import addr, emailable, first, letter, render_letter, spec_for, style
from .people import DOB_STYLES, Client, date_as, ref_as
from .templates import EVERYDAY, details_confirmation

SUPPRESSED = ["suppressed_detail_exposed"]


def _about(c: Client, ref: str, detail: bool = True) -> str:
    lines = [f"Customer: {c.name('full')}", f"Account: {ref_as(ref, 'spaces')}"]
    if detail:
        lines.append(f"Supply address: {supply_of(c, ref).one_line(abbrev=True)}")
    return "\n".join(lines)


def authorised_contacts(cx: Corpus) -> None:
    rng = cx.rng
    for i in range(cx.n(24)):
        p, contact, kind = cx.take("contacts", cx.reg.contacts)
        ref = rng.choice(p.refs)
        staff = rng.choice([org.STAFF[2], org.STAFF[0], org.STAFF[3]])
        subject = {
            "counsellor": "Hardship referral",
            "lawyer": "Your client's account",
            "family": "Account you help manage",
        }[kind] + f" - {p.name('full')}"
        body = (
            f"Hi {contact.name.split()[0]},\n\nThank you for your call today about {p.name('full')}'s account. "
            f"As discussed, the account is on our Helping Hand program and no further collection action will "
            f"be taken while the plan is in place.\n\n{_about(p, ref)}\n"
            f"Balance: ${rng.randint(150, 2400)}.{rng.randint(0, 99):02d}\n\n"
            f"The next instalment of ${rng.choice([25, 30, 40, 50])}.00 is due on {rng.randint(1, 28)} July.\n\n"
            f"Kind regards\n\n{org.signature(staff)}"
        )
        attachments = []
        if i % 3 == 0:
            st = style(cx, fmt="pdf-window")
            data = render_letter(letter("hardship", spec_for(cx, p, st, ref=ref), rng), st)[1]
            attachments = [(f"Payment plan {ref}.pdf", "application/pdf", data)]
        to = [f"{contact.name} <{contact.email}>"] if contact.name else [contact.email]
        legit = cx.allow(
            "relationships/authorised-contact",
            ".eml",
            mail.email(rng, sender=staff.header, to=to, subject=subject, text=body, attachments=attachments),
            f"email to the authorised {kind} of {p.cid} about {p.cid}",
        )
        if i % 2:
            continue
        q = cx.others(p)
        if i % 4 == 0:  # about a client who never authorised this contact
            bad_body = body.replace(_about(p, ref), _about(q, q.refs[0])).replace(p.name("full"), q.name("full"))
            note = f"email to the authorised {kind} of {p.cid} about {q.cid}, who did not authorise them"
            bad_subject = subject.replace(p.name("full"), q.name("full"))
        else:  # the right client, plus a third client's account pasted in
            bad_body = body.replace(
                "\n\nThe next instalment",
                f"\n\nThe related account {ref_as(q.refs[0], 'plain')} "
                f"({q.name('full')}) is also in arrears.\n\nThe next instalment",
            )
            note = f"email to the authorised {kind} of {p.cid} also carries the account of {q.cid}"
            bad_subject = subject
        cx.pair(
            legit,
            cx.block(
                "relationships/authorised-contact",
                ".eml",
                mail.email(
                    rng, sender=staff.header, to=to, subject=bad_subject, text=bad_body, attachments=attachments
                ),
                MISMATCH,
                note,
            ),
        )


def representatives(cx: Corpus) -> None:
    rng = cx.rng
    for i in range(cx.n(12)):
        rep, principal = cx.take("reps", cx.reg.reps)
        st = style(cx)
        ref = rng.choice(principal.refs)
        spec = spec_for(cx, principal, st, ref=ref, block=block_for(rep, st))
        spec.salutation = rep.salutation(st.salutation)
        spec.extra_meta = [f"Re: account of {principal.name('title-full')}"]
        spec.slip_name, spec.slip_address = principal.name("full"), supply_of(principal, ref).one_line(abbrev=True)
        tpl = EVERYDAY[i % len(EVERYDAY)]
        ext, data = render_letter(letter(tpl, spec, rng), st)
        legit = cx.allow(
            "relationships/representative-client",
            ext,
            data,
            f"letter to {rep.cid}, authorised representative of {principal.cid}, about {principal.cid}",
        )
        if i % 2:
            continue
        other = cx.others(rep, principal)
        oref = other.refs[0]
        bad = replace(
            spec, ref=oref, supply=supply_of(other, oref), extra_meta=[f"Re: account of {other.name('title-full')}"]
        )
        bad.slip_name, bad.slip_address = other.name("full"), supply_of(other, oref).one_line(abbrev=True)
        ext, data = render_letter(letter(tpl, bad, rng), st)
        cx.pair(
            legit,
            cx.block(
                "relationships/representative-client",
                ext,
                data,
                MISMATCH,
                f"letter to {rep.cid} (representative of {principal.cid}) about {other.cid}, "
                "whom they do not represent",
            ),
        )


def joint_holders(cx: Corpus) -> None:
    rng = cx.rng
    for i in range(cx.n(12)):
        a, b = cx.take("couples", cx.reg.couples)
        shared = next(iter(a.shared_refs))
        st = style(cx)
        block = couple_block(a, b, st, i % 4) if i % 2 else block_for(a, st)
        spec = spec_for(cx, a, st, ref=shared, block=block)
        if i % 2:
            spec.salutation = f"Dear {first(a)} and {first(b)},"
        ext, data = render_letter(letter("joint_notice" if i % 3 == 0 else EVERYDAY[i % len(EVERYDAY)], spec, rng), st)
        legit = cx.allow(
            "relationships/joint-holders",
            ext,
            data,
            f"letter to joint holder(s) {a.cid}/{b.cid} with the shared account only",
        )
        if not b.own_refs or i % 3 == 2:
            continue
        bad = replace(spec, block=block_for(a, st))
        bad.salutation = a.salutation(st.salutation)
        bad.extra = [
            (
                "p",
                f"We have also set up the new account {fmt_ref(b.own_refs[-1], st)} for "
                f"{b.name('full')} at {supply_of(b, b.own_refs[-1]).one_line(abbrev=True)}.",
            )
        ]
        ext, data = render_letter(letter(EVERYDAY[i % len(EVERYDAY)], bad, rng), st)
        cx.pair(
            legit,
            cx.block(
                "relationships/joint-holders",
                ext,
                data,
                MISMATCH,
                f"letter to joint holder {a.cid} shows the separate own account of {b.cid}",
            ),
        )
    # Email to both holders, and the same email carrying one holder's own contact details to the other.
    for i in range(cx.n(8)):
        a, b = cx.take("couples-mail", cx.reg.couples)
        if not (a.emails and b.emails):
            continue
        shared = next(iter(a.shared_refs))
        staff = rng.choice(org.STAFF)
        body = (
            f"Dear {first(a)} and {first(b)},\n\nYour joint account {ref_as(shared, 'spaces')} for "
            f"{supply_of(a, shared).one_line(abbrev=True)} has moved to monthly billing as you asked. "
            f"Your next bill will be issued on {rng.randint(1, 28)} August.\n\nKind regards\n\n{org.signature(staff)}"
        )
        legit = cx.allow(
            "relationships/joint-holders",
            ".eml",
            mail.email(
                rng,
                sender=staff.header,
                to=[addr(a)],
                cc=[addr(b)],
                subject="Your joint account: billing change",
                text=body,
            ),
            f"email to both joint holders {a.cid} and {b.cid} about the shared account",
        )
        if i % 2 or not b.mobile:
            continue
        bad_body = body.replace(
            "\n\nKind regards",
            f"\n\nWe have also noted {first(b)}'s new mobile "
            f"{b.mobile} and the new account {ref_as(b.own_refs[0] if b.own_refs else b.refs[-1], 'plain')} "
            f"in {first(b)}'s own name.\n\nKind regards",
        )
        cx.pair(
            legit,
            cx.block(
                "relationships/joint-holders",
                ".eml",
                mail.email(
                    rng, sender=staff.header, to=[addr(a)], subject="Your joint account: billing change", text=bad_body
                ),
                MISMATCH,
                f"email to joint holder {a.cid} only, carrying the mobile and own account of {b.cid}",
            ),
        )


def name_twins(cx: Corpus) -> None:
    rng = cx.rng
    for i in range(cx.n(14)):
        t1, t2 = cx.take("twins", cx.reg.twins)
        if i % 2:
            t1, t2 = t2, t1
        st = style(cx, name_form="full")
        dob_style = DOB_STYLES[i % len(DOB_STYLES)]
        spec = spec_for(cx, t1, st)
        rows = [
            ("Name", t1.name("full")),
            ("Date of birth", date_as(t1.dob, dob_style)),
            ("Postal address", t1.address.one_line(abbrev=True)),
        ]
        if t1.mobile:
            rows.append(("Mobile", t1.mobile))
        ext, data = render_letter(details_confirmation(spec, rng, rows), st)
        legit = cx.allow(
            "relationships/name-twins",
            ext,
            data,
            f"details confirmation to {t1.cid} with its own date of birth ({dob_style}); {t2.cid} has the same name",
        )
        bad_rows = [
            ("Name", t2.name("full")),
            ("Date of birth", date_as(t2.dob, dob_style)),
            ("Postal address", t1.address.one_line(abbrev=True)),
        ]
        bad = replace(spec, ref=t2.refs[0] if i % 3 else spec.ref)
        ext, data = render_letter(details_confirmation(bad, rng, bad_rows), st)
        cx.pair(
            legit,
            cx.block(
                "relationships/name-twins",
                ext,
                data,
                MISMATCH,
                f"letter to {t1.cid} carries date of birth ({dob_style})"
                + (" and account" if i % 3 else "")
                + f" of name twin {t2.cid}",
            ),
        )


def third_parties(cx: Corpus) -> None:
    rng = cx.rng
    for i in range(cx.n(14)):
        c = emailable(cx, cx.reg.plain, "ombud")
        officer = org.OMBUDSMAN[i % len(org.OMBUDSMAN)]
        ref = rng.choice(c.refs)
        case = f"2025/{rng.randint(100000, 199999)}"
        staff = org.STAFF[3]
        body = (
            f"Dear {officer.name.split()[0] if officer.role else 'Resolutions team'},\n\nEWO case {case}\n\n"
            f"{_about(c, ref)}\nCustomer email: {c.emails[0]}\n\n"
            "Please find attached our response to the complaint and "
            f"the last two bills. We have offered a credit of ${rng.randint(30, 250)}.00 and a special read.\n\n"
            f"Regards\n\n{org.signature(staff)}"
        )
        st = style(cx, fmt="pdf-window")
        att = [
            (
                f"Response {case.replace('/', '-')}.pdf",
                "application/pdf",
                render_letter(letter("complaint_response", spec_for(cx, c, st, ref=ref), rng), st)[1],
            )
        ]
        cx.allow(
            "relationships/ombudsman",
            ".eml",
            mail.email(
                rng,
                sender=staff.header,
                to=[officer.header],
                subject=f"EWO {case} - response",
                text=body,
                attachments=att,
            ),
            f"response to the ombudsman (approved) about the complaint of {c.cid}",
        )
    for i in range(cx.n(6)):
        c = cx.plain()
        ref = rng.choice(c.refs)
        staff = org.STAFF[6]
        body = (
            f"Hi team,\n\nPlease find below a new referral.\n\nDebtor: {c.name('full')}\nPostal address: "
            f"{c.address.one_line(abbrev=True)}\nAccount: {ref_as(ref, 'plain')}\nAmount outstanding: "
            f"${rng.randint(400, 3000)}.{rng.randint(0, 99):02d}\nPhone: {c.phones[0] if c.phones else 'n/a'}\n\n"
            f"Thanks\n\n{org.signature(staff)}"
        )
        cx.allow(
            "relationships/debt-collector",
            ".eml",
            mail.email(
                rng,
                sender=staff.header,
                to=[org.COLLECTOR[i % 2].header],
                subject=f"Referral {ref_as(ref, 'plain')}",
                text=body,
            ),
            f"debt referral of {c.cid} to the approved collection agency",
        )
    for i in range(cx.n(6)):
        c = cx.plain()
        ref = rng.choice(c.refs)
        body = (
            f"Hi Jacinta,\n\nWork order WO-{rng.randint(200000, 299999)}: meter exchange\nSite: "
            f"{supply_of(c, ref).one_line()}\nCustomer: {c.name('full')}, {c.phones[0] if c.phones else 'no phone'}\n"
            f"Access: dog on site, meter box at side gate\n\nThanks,\n{org.signature(org.STAFF[4])}"
        )
        cx.allow(
            "relationships/contractor",
            ".eml",
            mail.email(
                rng,
                sender=org.STAFF[4].header,
                to=[org.CONTRACTOR[i % 2].header],
                subject="Meter exchange work order",
                text=body,
            ),
            f"work order for the property of {c.cid} to the approved metering contractor",
        )


def run_all(cx: Corpus) -> None:
    authorised_contacts(cx)
    representatives(cx)
    joint_holders(cx)
    name_twins(cx)
    third_parties(cx)
