"""Ordinary legitimate mail, the majority: each item goes to someone entitled to it and exposes nothing."""

from __future__ import annotations

from . import render, world
from .cases import _adult
from .content import (
    Builder,
    addr_block,
    court_letter,
    determination_letter,
    email_sig,
    release_letter,
    victim_email_body,
)
from .registry import spaced
from .render import Attachment

LETTER_FORMATS = ["pdf-window", "pdf-sidepanel", "docx", "rtf", "txt", "html", "pdf-plain", "docx-plain"]


def everyday(b: Builder, scale: float) -> None:
    reg = b.reg
    rng = b.rng
    kinds = [
        own_release_letter,
        own_determination,
        own_email,
        lawyer_email,
        provider_remittance,
        court_invite,
        police_update,
        parole_no_contact,
        internal_case_note,
        safety_team_update,
        no_client_data,
        guardian_letter,
        joint_claim_letter,
        own_suppressed_letter,
        victim_thread,
        html_newsletter,
        own_payment_advice,
        court_letter_kind,
    ]
    n = max(len(kinds), round(112 * scale))
    for i in range(n):
        kinds[i % len(kinds)](b, reg, rng, i)


def own_release_letter(b, reg, rng, i):
    a = reg.pick(lambda c: _adult(c) and bool(c.register_no))
    ltr = release_letter(b, a, addr_block(a, i % 3), b.staff(), ref_style=i % 3)
    ext, data = render.render_letter(ltr, LETTER_FORMATS[i % len(LETTER_FORMATS)])
    b.add("everyday/release-notification", ext, data, note=f"notification to {a.client_id}")


def own_determination(b, reg, rng, i):
    a = reg.pick(lambda c: _adult(c) and bool(c.claim_no))
    ltr = determination_letter(b, a, addr_block(a, i % 3), b.staff(), ref_style=i % 2)
    ext, data = render.render_letter(ltr, LETTER_FORMATS[(i + 3) % len(LETTER_FORMATS)])
    b.add("everyday/determination", ext, data, note=f"determination to {a.client_id}")


def own_email(b, reg, rng, i):
    a = reg.pick(lambda c: _adult(c) and bool(c.emails) and bool(c.claim_no or c.register_no))
    staff = b.staff()
    extra = f"Your reference is {spaced(a.ref, i % 3)}. " if i % 2 else ""
    if a.phones and i % 3 == 0:
        extra += f"We will call you on {world.phone_variant(a.phone, i % 3)} as agreed. "
    b.add(
        "everyday/email-to-victim",
        "eml",
        render.eml(b.msgid(), b.sender(staff), [a.email], "Following up", victim_email_body(b, a, staff, extra)),
        note=f"email to {a.client_id}",
    )


def lawyer_email(b, reg, rng, i):
    a = reg.pick(lambda c: c.lawyer is not None and bool(c.claim_no) and not c.suppressed)
    staff = b.staff()
    att = []
    if i % 2:
        att = [
            Attachment(
                "Determination.pdf", render.pdf_letter(determination_letter(b, a, addr_block(a), staff), "sidepanel")
            )
        ]
    body = (
        f"Dear Counsel,\n\nFurther to your letter, your client's application {a.claim_no} is with the assessor."
        + email_sig(staff)
    )
    b.add(
        "everyday/email-to-clients-lawyer",
        "eml",
        render.eml(b.msgid(), b.sender(staff), [a.lawyer[1]], f"Re: {a.name}", body, attachments=att),
        note=f"email to the lawyer of {a.client_id}",
    )


def provider_remittance(b, reg, rng, i):
    a = reg.pick(lambda c: c.provider is not None)
    staff = b.staff()
    body = (
        f"Dear {a.provider[2]},\n\nInvoice {rng.randint(1000, 9999)} for {a.name} (claim {a.claim_no}) "
        "has been paid by EFT "
        f"to {a.provider[0]} (ABN {world.abn(rng)}).\nPayments Team" + email_sig(staff)
    )
    b.add(
        "everyday/provider-remittance",
        "eml",
        render.eml(b.msgid(), b.sender(staff), [a.provider[1]], "Remittance advice", body),
        note=f"remittance for {a.client_id} to their provider",
    )


def court_invite(b, reg, rng, i):
    a = reg.pick(lambda c: _adult(c) and bool(c.emails))
    court, addr, when = b.hearing()
    inv = render.ics(
        f"cs-{i}-{a.client_id}@{world.INTERNAL}",
        "Court support meeting",
        "20250409T090000",
        "20250409T100000",
        f"{court}, {addr}",
        "Meet your court support worker at the front counter.",
        world.staff_email("huong", "pham"),
        [(a.name, a.email)],
    )
    staff = ("Huong", "Pham", "Court Support Coordinator")
    b.add(
        "everyday/court-support-invitation",
        "eml",
        render.eml(
            b.msgid(),
            b.sender(staff),
            [a.email],
            "Invitation: Court support meeting",
            f"Dear {a.given},\n\nI have booked our meeting before the hearing." + email_sig(staff),
            attachments=[Attachment("invite.ics", inv)],
        ),
        note=f"court support invitation to {a.client_id}",
    )


def police_update(b, reg, rng, i):
    a = reg.pick(lambda c: _adult(c) and bool(c.register_no))
    staff = b.staff()
    body = (
        f"Detective Senior Constable,\n\nThe registered victim in your matter, {a.name} ({a.register_no}), "
        "has been told that "
        f"{a.offender} will be released next month. Please let us know if the risk assessment changes."
        + email_sig(staff)
    )
    b.add(
        "everyday/police-update",
        "eml",
        render.eml(b.msgid(), b.sender(staff), [f"fvu.perth@{world.POLICE}"], "Registered victim - release", body),
        note=f"update about {a.client_id} to police (approved)",
    )


def parole_no_contact(b, reg, rng, i):
    a = reg.pick(lambda c: _adult(c) and bool(c.register_no))
    staff = b.staff()
    sub = render.pdf_text(
        "Victim submission",
        [
            f"Registered victim {a.register_no}",
            "I ask the Board to refuse parole.",
            "I do not want the offender to know where I live.",
        ],
    )
    body = (
        f"Dear Secretary,\n\nThe submission of registered victim {a.name} for {a.offender}'s hearing is attached."
        + email_sig(staff)
    )
    b.add(
        "everyday/parole-submission",
        "eml",
        render.eml(
            b.msgid(),
            b.sender(staff),
            [f"submissions@{world.PAROLE}"],
            "Victim submission",
            body,
            attachments=[Attachment("submission.pdf", sub)],
        ),
        note=f"submission of {a.client_id} to the board, no contact details",
    )


def internal_case_note(b, reg, rng, i):
    a = reg.pick(lambda c: _adult(c) and _open_all(c))
    staff = b.staff()
    col = rng.choice([s for s in world.STAFF if s != staff])
    body = (
        f"Hi {col[0]},\n\nCan you pick up {a.name} ({a.ref}, DOB {a.dob_text(0)}) while I am on leave? "
        f"Her phone is {a.phone or 'not recorded'}." + email_sig(staff)
    )
    b.add(
        "everyday/internal-handover",
        "eml",
        render.eml(b.msgid(), b.sender(staff), [world.staff_email(col[0], col[1])], "Handover", body),
        note=f"internal handover of {a.client_id}",
    )


def _open_all(c) -> bool:
    return not c.suppressed


def safety_team_update(b, reg, rng, i):
    a = reg.pick(lambda c: _adult(c) and "postal_address" in c.suppressed)
    staff = b.staff()
    body = (
        f"Hi team,\n\nPlease confirm the suppressed address for {a.name} ({a.ref}) is still {a.address.one_line()}."
        + email_sig(staff)
    )
    b.add(
        "everyday/safety-team",
        "eml",
        render.eml(b.msgid(), b.sender(staff), [world.SAFETY_TEAM[i % 2]], "Suppressed address check", body),
        note=f"suppressed address of {a.client_id} to the safety team",
    )


NO_CLIENT = [
    (
        "Provider panel training - trauma-informed invoicing",
        "intake@{}",
        "The next provider information session is on 2 April at 10am. No client information will be discussed.",
    ),
    (
        "Court support volunteers roster",
        "volunteers@" + world.COURTS,
        "Attached is next month's roster. Please confirm your shifts by Friday.",
    ),
    (
        "Victims Week stall",
        "events@harbourcitycouncil.example",
        "We would love a stall at the Victims Week expo. Our brochures are attached.",
    ),
    (
        "Brochure reprint",
        "orders@printhouse.example",
        "Please reprint 2,000 copies of the Victims Register brochure (version 4.2). Call 1800 818 408 with questions.",
    ),
]


def no_client_data(b, reg, rng, i):
    subj, to, text = NO_CLIENT[i % len(NO_CLIENT)]
    to = to.format(rng.choice(world.PROVIDERS)[1])
    staff = b.staff()
    b.add(
        "everyday/no-client-data",
        "eml",
        render.eml(b.msgid(), b.sender(staff), [to], subj, f"Hello,\n\n{text}" + email_sig(staff)),
        note="no client information",
    )


def guardian_letter(b, reg, rng, i):
    ch = reg.pick(lambda c: c.role == "child")
    g = reg.by_id[ch.guardian]
    staff = b.staff()
    ltr = determination_letter(b, ch, addr_block(g, i % 2), staff)
    ltr.salutation = f"Dear {g.title} {g.family}"
    ltr.paragraphs[0] = f"Applicant: {ch.name} (born {ch.dob_text(0)}), by guardian {g.name}"
    ext, data = render.render_letter(ltr, ["pdf-window", "docx"][i % 2])
    b.add(
        "everyday/letter-to-guardian", ext, data, note=f"child {ch.client_id}'s determination to guardian {g.client_id}"
    )


def joint_claim_letter(b, reg, rng, i):
    f = reg.pick(lambda c: c.role == "family" and not c.suppressed)
    m = reg.by_id[f.joint_with[0]]
    staff = b.staff()
    ltr = determination_letter(b, f, addr_block(f), staff)
    ltr.paragraphs.append(f"This is a joint application with {m.titled}, who will receive a separate copy.")
    ext, data = render.render_letter(ltr, "pdf-sidepanel")
    b.add("everyday/joint-claimant-letter", ext, data, note=f"joint claim letter to {f.client_id}")


def own_suppressed_letter(b, reg, rng, i):
    a = reg.pick(lambda c: _adult(c) and "postal_address" in c.suppressed and bool(c.register_no))
    ltr = release_letter(b, a, addr_block(a, i % 3), b.staff())
    ext, data = render.render_letter(ltr, ["pdf-window", "rtf", "docx"][i % 3])
    b.add(
        "recipient-own-details/own-suppressed-address",
        ext,
        data,
        note=f"letter to {a.client_id} at their own suppressed address",
    )


def victim_thread(b, reg, rng, i):
    a = reg.pick(lambda c: _adult(c) and bool(c.emails) and bool(c.phones))
    staff = b.staff()
    hers = f"Hi, can you call me on {a.phone}? I got a letter about the hearing.\n{a.given}"
    if i % 2:
        quoted = (
            f"-----Original Message-----\nFrom: {a.name} <{a.email}>\nSent: Thursday, 13 March 2025 6:02 PM\n"
            f"To: {world.ORG_SHORT} <enquiries@{world.INTERNAL}>\nSubject: Hearing\n\n{hers}"
        )
    else:
        quoted = f"On Thu, 13 Mar 2025 at 18:02, {a.name} <{a.email}> wrote:\n" + render.quote(hers)
    body = (
        f"Hi {a.given},\n\nI tried your mobile this morning; I will try again at 2pm."
        + email_sig(staff)
        + "\n"
        + quoted
    )
    b.add(
        "threads/reply-to-victim",
        "eml",
        render.eml(b.msgid(), b.sender(staff), [a.email], "RE: Hearing", body),
        note=f"reply to {a.client_id} quoting their own message",
    )


def html_newsletter(b, reg, rng, i):
    a = reg.pick(lambda c: _adult(c) and bool(c.emails))
    staff = b.staff()
    html_body = (
        f"<html><body><h2>{world.ORG} news</h2><p>Dear {a.given},</p><p>Victims Week runs 20-26 May. "
        f"<a href='https://{world.INTERNAL}/events'>See events</a>. Call {world.ORG_PHONE} any time.</p></body></html>"
    )
    b.add(
        "html-mail/newsletter",
        "eml",
        render.eml(
            b.msgid(), b.sender(staff), [a.email], "Victims Week", "Victims Week runs 20-26 May.", html_body=html_body
        ),
        note=f"newsletter to {a.client_id}",
    )


def own_payment_advice(b, reg, rng, i):
    a = reg.pick(lambda c: _adult(c) and bool(c.claim_no) and bool(c.emails))
    staff = b.staff()
    bsb, acct = world.bank(rng)
    body = (
        f"Dear {a.given},\n\nWe have paid ${rng.randint(200, 3000)}.00 on application {a.claim_no} "
        f"to BSB {bsb} account ending {acct[-3:]}." + email_sig(staff)
    )
    b.add(
        "everyday/payment-advice",
        "eml",
        render.eml(b.msgid(), b.sender(staff), [a.email], "Payment made", body),
        note=f"payment advice to {a.client_id}",
    )


def court_letter_kind(b, reg, rng, i):
    a = reg.pick(lambda c: _adult(c) and bool(c.court_no or c.register_no))
    ltr = court_letter(b, a, addr_block(a, i % 3), b.staff())
    ext, data = render.render_letter(ltr, LETTER_FORMATS[(i + 5) % len(LETTER_FORMATS)])
    b.add("everyday/court-support-letter", ext, data, note=f"court support letter to {a.client_id}")
