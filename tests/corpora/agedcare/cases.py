"""Incidents, each beside a legitimate twin of the same layout (same area)."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass

from . import docs
from . import render as R
from . import world as w
from .registry import World, authorised_contacts
from .render import Letter, attachment, eml
from .sink import Sink, csv_text
from .world import Client

MISMATCH = ["mismatched_recipient"]
MISMATCH_MIXED = ["mismatched_recipient", "mixed_client_documents"]
MIXED = ["mixed_client_documents", "mismatched_recipient"]
SUPP = ["suppressed_detail_exposed"]
BULK = ["bulk_client_data", "mismatched_recipient", "mixed_client_documents"]
SENSITIVE = ["sensitive_identifier", "mismatched_recipient"]
UNMERGED = ["unmerged_field"]
UNSCANNABLE = ["unscannable_content"]


@dataclass
class Ctx:
    world: World
    sink: Sink
    rng: random.Random
    scale: float

    def n(self, k: int) -> int:
        return max(1, round(k * self.scale))


def staff(rng: random.Random, role: str | None = None) -> tuple[str, str, str, str]:
    pool = [s for s in w.STAFF if role is None or s[2] == role]
    g, f, r = rng.choice(pool)
    e = w.staff_email(g, f)
    return g, f, r, f"{g} {f} <{e}>"


def addr(name: str, email: str) -> str:
    return f"{name} <{email}>"


def when(rng: random.Random, day: int | None = None) -> dt.datetime:
    d = day or rng.randint(1, 16)
    return dt.datetime(2025, 5, d, rng.randint(8, 16), rng.choice([5, 12, 27, 41, 58]), tzinfo=dt.UTC)


def email_pair(ctx: Ctx, kind: str = "any") -> tuple[Client, Client]:
    """Two ordinary clients with distinct e-mail contacts, neither authorised for the other."""
    while True:
        a, b = ctx.world.pick(kind, 2, need_email=True)
        ea, eb = ctx.world.contact_email(a), ctx.world.contact_email(b)
        if ea != eb and eb not in authorised_contacts(a) and "publicadvocate" not in ea + eb:
            return a, b


def payer_pair(ctx: Ctx) -> tuple[Client, Client]:
    while True:
        a, b = ctx.world.pick("resident", 2, need_payer=True)
        if a.payer() is not b.payer():
            return a, b


# =========================================================================== address-block


def address_block(ctx: Ctx) -> None:
    s, rng = ctx.sink, ctx.rng
    variants: list[tuple[str, str, str, int]] = [
        ("window-envelope", "pdf", "window", 4),
        ("side-panel-letterhead", "pdf", "sidepanel", 2),
        ("docx-statement", "docx", "window", 2),
        ("rtf-letter", "rtf", "plain", 2),
        ("plain-text-letter", "txt", "plain", 1),
    ]
    for var, fmt, layout, k in variants:
        for _ in range(ctx.n(k)):
            a, b = payer_pair(ctx)
            wrong = docs.payer_block(b, abbreviate=rng.random() < 0.5)
            right = docs.payer_block(a, abbreviate=rng.random() < 0.5)
            make: Callable[[Client, tuple[list[str], str], str], Letter]
            make = docs.statement_letter if var != "rtf-letter" else docs.review_letter
            s.incident(
                f"address-block/{var}",
                fmt,
                R.render_letter(make(a, wrong, layout), fmt),
                f"{var}: document about {a.client_id} addressed to the representative of {b.client_id}",
                MISMATCH,
                R.render_letter(make(a, right, layout), fmt),
                f"{var}: document about {a.client_id} addressed to its own representative",
            )
    # c/- a representative: the resident's name is right, the care-of person and address belong to another
    for _ in range(ctx.n(2)):
        a, b = payer_pair(ctx)
        bad = docs.careof_block(a, b.payer())
        good = docs.careof_block(a)
        s.incident(
            "address-block/care-of",
            "pdf",
            R.pdf_letter(docs.statement_letter(a, bad, "window")),
            f"statement of {a.client_id} addressed c/- the representative (and address) of {b.client_id}",
            MISMATCH,
            R.pdf_letter(docs.statement_letter(a, good, "window")),
            f"statement of {a.client_id} c/- its own representative",
        )
    # Estate of the late ...: final account sent to another family's executor
    dec = ctx.world.special["deceased"]
    for layout in ["window", "sidepanel"][: ctx.n(2)]:
        b = ctx.world.pick("resident", 1, need_payer=True)[0]
        bad_lines, bad_sal = docs.estate_block(dec)
        rep = b.payer()
        assert rep and rep.address
        bad_lines = bad_lines[:1] + [f"c/- {rep.title} {rep.name}"] + rep.address.block()
        s.incident(
            "address-block/estate-of-the-late",
            "pdf",
            R.pdf_letter(docs.estate_letter(dec, (bad_lines, f"Dear {rep.salutation}"), layout)),
            f"estate letter for {dec.client_id} addressed c/- the representative of {b.client_id}",
            MISMATCH,
            R.pdf_letter(docs.estate_letter(dec, docs.estate_block(dec), layout)),
            f"estate letter for {dec.client_id} c/- its executor",
        )
    # Home-care statement printed for one client, enveloped for another (own address on both)
    for fmt in ["pdf", "docx"][: ctx.n(2)]:
        a, b = ctx.world.pick("homecare", 2)
        s.incident(
            "address-block/home-care-invoice",
            fmt,
            R.render_letter(docs.invoice_letter(a, docs.self_block(b)), fmt),
            f"home-care statement of {a.client_id} addressed to home-care client {b.client_id}",
            MISMATCH,
            R.render_letter(docs.invoice_letter(a, docs.self_block(a)), fmt),
            f"home-care statement of {a.client_id} addressed to the client",
        )
    # right name, wrong address: the representative's name of A, the street of B's representative
    for _ in range(ctx.n(1)):
        a, b = payer_pair(ctx)
        ra, rb = a.payer(), b.payer()
        assert ra and rb and rb.address
        lines = [f"{ra.title} {ra.name}"] + rb.address.block()
        s.incident(
            "address-block/name-right-address-wrong",
            "pdf",
            R.pdf_letter(docs.statement_letter(a, (lines, f"Dear {ra.salutation}"), "window")),
            f"statement of {a.client_id}: addressee name right, postal address of the representative of {b.client_id}",
            MISMATCH,
            R.pdf_letter(docs.statement_letter(a, docs.payer_block(a), "window")),
            f"statement of {a.client_id} to its representative at the right address",
        )


# =========================================================================== recipient-own-details


def recipient_own(ctx: Ctx) -> None:
    s, rng, world = ctx.sink, ctx.rng, ctx.world
    # details confirmation pre-filled from the wrong record (same surname search)
    for fmt in ["pdf", "docx", "rtf"][: ctx.n(3)]:
        a, b = ctx.world.pick("homecare", 2)
        s.incident(
            "recipient-own-details/details-form",
            fmt,
            R.render_letter(docs.details_letter(a, b, docs.self_block(a)), fmt),
            f"details check to {a.client_id} pre-filled with the address and phone of {b.client_id}",
            MISMATCH,
            R.render_letter(docs.details_letter(a, a, docs.self_block(a)), fmt),
            f"details check to {a.client_id} with its own details",
        )
    # e-mail to a home-care client quoting a service address and phone: own vs another client's
    for _ in range(ctx.n(3)):
        pool = [c for c in world.homecare() if c.emails]
        a, b = rng.sample(pool, 2)
        g, f, role, frm = staff(rng, "Home Care Coordinator")

        def body(x: Client, a: Client = a, g: str = g, f: str = f, role: str = role) -> str:
            return (
                f"Hi {a.given},\n\nThanks for your call. Your new support worker starts on Monday. So she can find "
                f"you, we have given her the service address {x.address.one_line()} and the contact number "
                f"{x.phones[0]}. Please let me know if either has changed." + R.signature(g, f, role)
            )

        subj = "Your new support worker"
        s.incident(
            "recipient-own-details/service-address",
            "eml",
            eml(
                frm, [addr(a.name, a.emails[0])], subj, body(b), key=f"own-{a.client_id}-{b.client_id}", when=when(rng)
            ),
            f"mail to {a.client_id} quotes the address and phone of {b.client_id}",
            MISMATCH,
            eml(frm, [addr(a.name, a.emails[0])], subj, body(a), key=f"own-{a.client_id}", when=when(rng)),
            f"mail to {a.client_id} quotes its own address and phone",
        )
    # the suppressed client may see her own new address; her joint former partner may not
    lei, sione = world.special["former_partner"], world.special["former_partner_joint"]
    letter_self = Letter(
        to_lines=docs.self_block(lei)[0],
        salutation=docs.self_block(lei)[1],
        subject="Confirmation of your accommodation agreement",
        paras=[
            f"This confirms your room at Wattle Court: {lei.address.one_line()}, and that your postal details "
            "are kept confidential on our records as you asked.",
            "Statements for the old joint home-care account will continue to show only the joint account.",
        ],
        home=lei.home,
        refs=[("Resident no.", lei.number)],
        layout="window",
        signer=("Bronwyn Kelly", "Residential Services Manager"),
    )
    letter_bad = Letter(
        **{**letter_self.__dict__, "to_lines": docs.self_block(sione)[0], "salutation": f"Dear {sione.salutation}"}
    )
    letter_bad.paras = [
        f"This confirms the room of Mrs Leilani Tuilagi at Wattle Court: {lei.address.one_line()}.",
        letter_self.paras[1],
    ]
    s.incident(
        "recipient-own-details/suppressed-own-address",
        "pdf",
        R.pdf_letter(letter_bad),
        f"confirmation of the suppressed new address of {lei.client_id} sent to joint holder {sione.client_id}",
        SUPP + MISMATCH,
        R.pdf_letter(letter_self),
        f"{lei.client_id} is sent her own (suppressed) address",
        suppressed=True,
    )
    mar = world.special["homecare_hidden"]
    darren = world.barred["homecare_hidden"]
    text_self = (
        f"Hi {mar.given},\n\nConfirming the new service address we hold for you: {mar.address.one_line()}, "
        f"and mobile {mar.phones[0]}. Both are flagged confidential on our system."
        + R.signature("Georgina", "Pappas", "Home Care Coordinator")
    )
    text_bad = (
        f"Hi {darren.given},\n\nThanks for your call about {mar.given}. The service address we now hold is "
        f"{mar.address.one_line()}, and mobile {mar.phones[0]}."
        + R.signature("Georgina", "Pappas", "Home Care Coordinator")
    )
    frm = addr("Georgina Pappas", w.staff_email("Georgina", "Pappas"))
    s.incident(
        "recipient-own-details/suppressed-own-address",
        "eml",
        eml(frm, [addr(darren.name, darren.email)], "Your enquiry", text_bad, key="mar-bad", when=when(rng)),
        f"suppressed address and phone of {mar.client_id} sent to an enquirer (her former partner)",
        SUPP + MISMATCH,
        eml(frm, [addr(mar.name, mar.emails[0])], "Your new address", text_self, key="mar-self", when=when(rng)),
        f"{mar.client_id} is sent her own suppressed address and phone",
        suppressed=True,
    )


# =========================================================================== relationships


def relationships(ctx: Ctx) -> None:
    s, rng, world = ctx.sink, ctx.rng, ctx.world
    gius = world.special["disputed_family"]
    maria, nick = gius.reps[0], gius.reps[1]
    # the brother who is not authorised
    subj, body = docs.incident_text(gius, "Maria")
    g, f, role, frm = staff(rng, "Clinical Nurse")
    s.incident(
        "relationships/unauthorised-sibling",
        "eml",
        eml(
            frm,
            [addr(nick.name, nick.email)],
            subj,
            body.replace("Dear Maria", "Dear Nick") + R.signature(g, f, role, gius.home),
            key="nick-inc",
            when=when(rng),
        ),
        f"incident notice about {gius.client_id} to a son who is not an authorised contact",
        MISMATCH,
        eml(
            frm,
            [addr(maria.name, maria.email)],
            subj,
            body + R.signature(g, f, role, gius.home),
            key="maria-inc",
            when=when(rng),
        ),
        f"incident notice about {gius.client_id} to the EPOA daughter",
    )
    stmt = docs.statement_letter(gius, docs.payer_block(gius), "window")
    g, f, role, frm = staff(rng, "Billing Officer")
    text = "Hello,\n\nAs requested, attached is the April statement for your mother's account." + R.signature(
        g, f, role
    )
    s.incident(
        "relationships/unauthorised-sibling",
        "eml",
        eml(
            frm,
            [addr(nick.name, nick.email)],
            "April statement",
            text,
            attachments=[attachment(f"Statement_{gius.number}.pdf", R.pdf_letter(stmt))],
            key="nick-stmt",
            when=when(rng),
        ),
        f"fee statement of {gius.client_id} to a son who is not an authorised contact",
        MISMATCH,
        eml(
            frm,
            [addr(maria.name, maria.email)],
            "April statement",
            text,
            attachments=[attachment(f"Statement_{gius.number}.pdf", R.pdf_letter(stmt))],
            key="maria-stmt",
            when=when(rng),
        ),
        f"fee statement of {gius.client_id} to the EPOA daughter",
    )
    # joint holders: the former partner may see the joint account, not her new details
    lei, sione = world.special["former_partner"], world.special["former_partner_joint"]
    for n in range(ctx.n(2)):
        headers, rows, due = docs.invoice_rows(sione)
        base = Letter(
            to_lines=docs.self_block(sione)[0],
            salutation=docs.self_block(sione)[1],
            subject="Joint home care account - closing statement",
            paras=[
                f"This is the closing statement of the joint home-care fee account of {sione.formal} and "
                f"{lei.formal}, package {sione.number}."
            ],
            refs=[("Package no.", sione.number)],
            table=(headers, rows),
            layout=["window", "sidepanel"][n],
            signer=("Wei Chen", "Finance Officer"),
        )
        bad = Letter(**base.__dict__)
        leak = (
            f"A copy has been sent to Mrs Tuilagi at her new address, {lei.address.one_line()}."
            if n == 0
            else f"Mrs Tuilagi can be contacted about her share on {lei.phones[0]}."
        )
        bad.after_table = [leak]
        good = Letter(**base.__dict__)
        good.after_table = ["A copy has been sent to Mrs Tuilagi separately."]
        s.incident(
            "relationships/joint-former-partner",
            "pdf",
            R.pdf_letter(bad),
            f"joint statement to {sione.client_id} shows the suppressed {'address' if n == 0 else 'phone'} of "
            f"joint holder {lei.client_id}",
            SUPP,
            R.pdf_letter(good),
            f"joint statement to joint holder {sione.client_id} without the other holder's details",
            suppressed=True,
        )
    # barred son: care-plan summary naming the new home
    dim, son = world.special["elder_abuse"], world.barred["elder_abuse"]
    summary = R.pdf_document("Care plan summary", docs.careplan_blocks(dim, with_address=True), dim.home)
    g, f, role, frm = staff(rng, "Care Manager")
    text = f"Hello,\n\nPlease find attached the current care plan summary for {dim.formal}." + R.signature(g, f, role)
    s.incident(
        "relationships/barred-family-member",
        "eml",
        eml(
            frm,
            [addr(son.name, son.email)],
            f"Care plan summary - {dim.formal}",
            text,
            attachments=[attachment("Care_plan_summary.pdf", summary)],
            key="dim-son",
            when=when(rng),
        ),
        f"care-plan summary with the suppressed address of {dim.client_id} to the son barred by guardianship order",
        SUPP + MISMATCH,
        eml(
            frm,
            [addr("Safeguarding", w.SAFEGUARDING_EMAILS[-1])],
            f"Care plan summary - {dim.formal}",
            text,
            attachments=[attachment("Care_plan_summary.pdf", summary)],
            key="dim-safe",
            when=when(rng),
        ),
        f"care-plan summary of {dim.client_id} to the safeguarding team (allowed to see suppressed details)",
        suppressed=True,
    )
    # next of kin of another resident
    for _ in range(ctx.n(2)):
        a, b = email_pair(ctx, "resident")
        to_b, to_a = world.contact_name(b), world.contact_name(a)
        g, f, role, frm = staff(rng, "Registered Nurse")
        subj, body = docs.incident_text(a, to_a.split()[0])
        subj_b, body_b = docs.incident_text(a, to_b.split()[0])
        s.incident(
            "relationships/other-residents-family",
            "eml",
            eml(
                frm,
                [addr(to_b, world.contact_email(b))],
                subj,
                body_b + R.signature(g, f, role, a.home),
                key=f"nok-{a.client_id}-{b.client_id}",
                when=when(rng),
            ),
            f"incident notice about {a.client_id} to the family contact of {b.client_id}",
            MISMATCH,
            eml(
                frm,
                [addr(to_a, world.contact_email(a))],
                subj,
                body + R.signature(g, f, role, a.home),
                key=f"nok-{a.client_id}",
                when=when(rng),
            ),
            f"incident notice about {a.client_id} to its own family contact",
        )
    # the couple on one fee account: a joint statement to the payer is fine; the payer of another family is not
    h, wf = world.special["couple_a"], world.special["couple_b"]
    other = world.pick("resident", 1, need_payer=True)[0]
    joint = docs.statement_letter(h, docs.payer_block(h), "sidepanel")
    joint.subject = f"Monthly fee statement - April 2025 - {h.formal} and {wf.formal}"
    joint.paras = [
        f"Please find below the joint fee statement for {h.formal} ({h.number}) and {wf.formal} "
        f"({wf.number}) at {h.home.name if h.home else ''}."
    ] + joint.paras[1:]
    bad = Letter(**{**joint.__dict__, "to_lines": docs.payer_block(other)[0], "salutation": docs.payer_block(other)[1]})
    s.incident(
        "relationships/joint-residents",
        "pdf",
        R.pdf_letter(bad),
        f"joint statement of {h.client_id} and {wf.client_id} to the representative of {other.client_id}",
        MISMATCH_MIXED,
        R.pdf_letter(joint),
        f"joint statement of joint holders {h.client_id} and {wf.client_id} to their shared representative",
    )


# =========================================================================== headers-links


def headers_links(ctx: Ctx) -> None:
    s, rng, world = ctx.sink, ctx.rng, ctx.world
    for _ in range(ctx.n(2)):
        a, b = email_pair(ctx)
        g, f, role, frm = staff(rng, "Billing Officer")
        text = (
            "Hello,\n\nYour statement for April is now available. Please contact us with any questions."
            + R.signature(g, f, role)
        )
        subj = f"Statement April 2025 - {a.formal} - {a.number}"
        s.incident(
            "headers-links/subject-line",
            "eml",
            eml(
                frm,
                [addr(world.contact_name(b), world.contact_email(b))],
                subj,
                text,
                key=f"subj-{a.client_id}b",
                when=when(rng),
            ),
            f"subject names {a.client_id} and its number; sent to the contact of {b.client_id}",
            MISMATCH,
            eml(
                frm,
                [addr(world.contact_name(a), world.contact_email(a))],
                subj,
                text,
                key=f"subj-{a.client_id}",
                when=when(rng),
            ),
            f"subject names {a.client_id}; sent to its own contact",
        )
    for _ in range(ctx.n(2)):
        a, b = email_pair(ctx)
        g, f, role, frm = staff(rng, "Billing Officer")
        link = f"https://portal.{w.DOMAIN}/statements/view?client={a.number}&month=2025-04"
        text = (
            f"Hello,\n\nYour April statement is ready to view in the family portal:\n{link}\n\nYou will need to "
            "log in with your portal password." + R.signature(g, f, role)
        )
        html_body = (
            f"<p>Hello,</p><p>Your April statement is ready: <a href='{link}'>view statement</a>.</p>"
            f"<p>{g} {f}<br>{role}</p>"
        )
        s.incident(
            "headers-links/portal-link",
            "eml",
            eml(
                frm,
                [addr(world.contact_name(b), world.contact_email(b))],
                "Your statement is ready",
                text,
                html_body=html_body,
                key=f"link-{a.client_id}b",
                when=when(rng),
            ),
            f"portal link carries the number of {a.client_id}; sent to the contact of {b.client_id}",
            MISMATCH,
            eml(
                frm,
                [addr(world.contact_name(a), world.contact_email(a))],
                "Your statement is ready",
                text,
                html_body=html_body,
                key=f"link-{a.client_id}",
                when=when(rng),
            ),
            f"portal link with the number of {a.client_id} to its own contact",
        )
    for _ in range(ctx.n(2)):
        a, b = email_pair(ctx, "resident")
        g, f, role, frm = staff(rng, "Admissions Officer")
        form = R.pdf_document(
            "Resident agreement - schedule of fees (blank copy)",
            [("p", "Schedule of fees and charges from 20 March 2025. Basic daily fee $63.82.")],
        )
        fname = f"{a.number}_{a.family}_{a.given.replace(' ', '')}_fee_schedule.pdf"
        text = "Hello,\n\nAttached is the updated fee schedule as discussed." + R.signature(g, f, role)
        s.incident(
            "headers-links/attachment-filename",
            "eml",
            eml(
                frm,
                [addr(world.contact_name(b), world.contact_email(b))],
                "Updated fee schedule",
                text,
                attachments=[attachment(fname, form)],
                key=f"fname-{a.client_id}b",
                when=when(rng),
            ),
            f"attachment file name carries the name and number of {a.client_id}; sent to the contact of {b.client_id}",
            MISMATCH,
            eml(
                frm,
                [addr(world.contact_name(a), world.contact_email(a))],
                "Updated fee schedule",
                text,
                attachments=[attachment(fname, form)],
                key=f"fname-{a.client_id}",
                when=when(rng),
            ),
            f"attachment named for {a.client_id} to its own contact",
        )


# =========================================================================== suppressed-loose


def suppressed_loose(ctx: Ctx) -> None:
    s, rng, world = ctx.sink, ctx.rng, ctx.world
    dim, son = world.special["elder_abuse"], world.barred["elder_abuse"]
    lei, sione = world.special["former_partner"], world.special["former_partner_joint"]
    mar, darren = world.special["homecare_hidden"], world.barred["homecare_hidden"]
    riverside = w.HOMES[1]
    frm_r = addr("Bronwyn Kelly", w.staff_email("Bronwyn", "Kelly"))

    def one(
        cat: str, frm: str, to: list[str], subj: str, bad: str, good: str, note: str, twin_note: str, key: str
    ) -> None:
        s.incident(
            f"suppressed-loose/{cat}",
            "eml",
            eml(frm, to, subj, bad, key=key + "b", when=when(rng)),
            note,
            SUPP + MISMATCH,
            eml(frm, to, subj, good, key=key + "g", when=when(rng)),
            twin_note,
            suppressed=True,
        )

    sig = R.signature("Bronwyn", "Kelly", "Residential Services Manager", riverside)
    one(
        "free-text-address",
        frm_r,
        [addr(son.name, son.email)],
        "Your mother's belongings",
        f"Dear Kostas,\n\nYour mother's remaining belongings have been sent on to her new room at "
        f"{dim.address.one_line()}. Please contact the Office of the Public Advocate with any questions." + sig,
        "Dear Kostas,\n\nYour mother's remaining belongings have been sent on to her. Please contact the Office of "
        "the Public Advocate with any questions." + sig,
        f"suppressed address of {dim.client_id} in free text to the barred son",
        "same message without the address",
        "dim-belong",
    )
    one(
        "abbreviated-address",
        frm_r,
        [addr(son.name, son.email), addr("Eleni", dim.reps[1].email)],
        "Transfer completed",
        f"Hello both,\n\nThe transfer went smoothly. Mail for your mother can go to Rm {dim.room}, "
        f"{dim.address.short_street()}, {dim.address.suburb.upper()} {dim.address.postcode}." + sig,
        "Hello both,\n\nThe transfer went smoothly. Mail for your mother can come to us and we will pass it on." + sig,
        f"abbreviated suppressed address of {dim.client_id}; the barred son is a recipient",
        "same message without the address",
        "dim-transfer",
    )
    one(
        "home-name-only",
        frm_r,
        [addr(son.name, son.email)],
        "Re: where is Mum",
        "Dear Kostas,\n\nI understand you are worried. Your mother is settling in well at Seaview Lodge in "
        "Warrnambool and the staff there are lovely." + sig,
        "Dear Kostas,\n\nI understand you are worried. Your mother is safe and well cared for. I am not able to "
        "tell you where she is living; please contact the Office of the Public Advocate." + sig,
        f"names the new home (not the street address) of {dim.client_id} to the barred son",
        "same reply without the location",
        "dim-where",
    )
    sig_w = R.signature("Wei", "Chen", "Finance Officer")
    frm_f = addr("Wei Chen", w.staff_email("Wei", "Chen"))
    for n, fmt_phone in enumerate(
        [lei.phones[0], lei.phones[0].replace(" ", ""), "+61 " + lei.phones[0][1:]][: ctx.n(3)]
    ):
        one(
            "phone-formats",
            frm_f,
            [addr(sione.name, sione.emails[0])],
            "Joint account balance",
            f"Dear Mr Tuilagi,\n\nThe joint account balance is $214.60. Mrs Tuilagi has agreed to pay half; you could "
            f"call her on {fmt_phone} to arrange it." + sig_w,
            "Dear Mr Tuilagi,\n\nThe joint account balance is $214.60. Mrs Tuilagi has agreed to pay half; we will "
            "contact her separately to arrange it." + sig_w,
            f"suppressed phone of {lei.client_id} (format {n}) to joint holder {sione.client_id}",
            "same message without the phone",
            f"lei-phone{n}",
        )
    one(
        "email-address",
        frm_f,
        [addr(sione.name, sione.emails[0])],
        "Joint account - direct debit",
        f"Dear Mr Tuilagi,\n\nWe have sent the new direct debit form to Mrs Tuilagi at {lei.emails[0]}." + sig_w,
        "Dear Mr Tuilagi,\n\nWe have sent the new direct debit form to Mrs Tuilagi separately." + sig_w,
        f"suppressed e-mail of {lei.client_id} to joint holder {sione.client_id}",
        "same message without it",
        "lei-mail",
    )
    sig_g = R.signature("Georgina", "Pappas", "Home Care Coordinator")
    frm_g = addr("Georgina Pappas", w.staff_email("Georgina", "Pappas"))
    one(
        "enquirer",
        frm_g,
        [addr(darren.name, darren.email)],
        "Re: flowers for Marlene",
        f"Hi Darren,\n\nHow kind. You can send them to {mar.address.street}, {mar.address.suburb} - she will be "
        "home on Friday." + sig_g,
        "Hi Darren,\n\nHow kind. We are not able to pass on client details, but you are welcome to leave them at "
        "our office and we will make sure they reach her." + sig_g,
        f"street and suburb of the suppressed address of {mar.client_id} to her former partner",
        "same reply without the address",
        "mar-flowers",
    )
    one(
        "phone-in-signature-block",
        frm_g,
        [addr(darren.name, darren.email)],
        "Re: contact",
        f"Hi Darren,\n\nI have passed on your message.\n\nClient contact: {mar.given} {mar.family} {mar.phones[0]}"
        + sig_g,
        "Hi Darren,\n\nI have passed on your message." + sig_g,
        f"suppressed phone of {mar.client_id} to her former partner",
        "same reply without the phone",
        "mar-phone",
    )
    # a letter (not e-mail) to the joint former partner with the new address in the body
    for fmt in ["docx", "rtf"][: ctx.n(2)]:
        base = Letter(
            to_lines=docs.self_block(sione)[0],
            salutation=docs.self_block(sione)[1],
            subject="Changes to your home care package",
            paras=[
                "From 1 June your package will be reduced to four hours a week, as you asked.",
                "Mrs Tuilagi's share of the old joint account has been settled.",
            ],
            refs=[("Package no.", sione.number)],
            signer=("Georgina Pappas", "Home Care Coordinator"),
        )
        bad = Letter(**base.__dict__)
        bad.paras = base.paras[:1] + [
            f"Mrs Tuilagi's share of the old joint account has been settled; her "
            f"statement went to {lei.address.one_line()}."
        ]
        s.incident(
            "suppressed-loose/letter-body",
            fmt,
            R.render_letter(bad, fmt),
            f"letter to joint holder {sione.client_id} names the suppressed address of {lei.client_id}",
            SUPP,
            R.render_letter(base, fmt),
            f"same letter to {sione.client_id} without it",
            suppressed=True,
        )


# =========================================================================== identifiers-dates


def identifiers_dates(ctx: Ctx) -> None:
    s, rng, world = ctx.sink, ctx.rng, ctx.world
    ma, mb = world.special["same_name_a"], world.special["same_name_b"]
    pa = ma.payer()
    assert pa and mb.dob and ma.dob
    for n, fmt in enumerate(["%d/%m/%Y", "%d %B %Y"][: ctx.n(2)]):

        def podiatry(x: Client, fmt: str = fmt, n: int = n) -> Letter:
            assert x.dob
            return Letter(
                to_lines=docs.payer_block(ma)[0],
                salutation=docs.payer_block(ma)[1],
                subject="Podiatry visit - account",
                paras=[
                    f"Patient: {x.formal}, date of birth {x.dob.strftime(fmt).lstrip('0')}.",
                    "The visiting podiatrist saw the patient on 8 May 2025 (nail care and callus reduction). "
                    "The fee of $68.00 has been added to the additional services account.",
                ],
                home=ma.home,
                layout=["plain", "window"][n],
                signer=("Hoang Tran", "Billing Officer"),
            )

        s.incident(
            "identifiers-dates/same-name-other-dob",
            "pdf",
            R.pdf_letter(podiatry(mb)),
            f"to the representative of {ma.client_id}, but name and date of birth are those of {mb.client_id} "
            "(same name)",
            MISMATCH,
            R.pdf_letter(podiatry(ma)),
            f"to the representative of {ma.client_id} with its own name and date of birth",
        )
    # Medicare and DVA numbers to a personal address
    for n in range(ctx.n(3)):
        c = world.pick("resident", 1)[0]
        hosp_name, hosp_dom = w.HOSPITALS[c.home.hospital if c.home else 0]
        g, f, role, frm = staff(rng, "Registered Nurse")
        personal = w.make_email(rng, g, f)
        summary = R.pdf_document("Hospital transfer summary", docs.transfer_blocks(c, hosp_name), c.home)
        if n == 0:
            text = (
                f"Transfer summary for {c.formal}, Medicare {w.fmt_medicare(c.medicare)}, to finish at home "
                "tonight." + R.signature(g, f, role, c.home)
            )
            atts = []
        else:
            text = "Sending to myself to finish the paperwork tonight." + R.signature(g, f, role, c.home)
            atts = [attachment("transfer_summary.pdf", summary)]
        s.incident(
            "identifiers-dates/medicare-to-personal-address",
            "eml",
            eml(
                frm,
                [personal],
                f"Transfer - {c.family}",
                text,
                attachments=atts,
                key=f"mc-{c.client_id}p",
                when=when(rng),
            ),
            f"Medicare number of {c.client_id} e-mailed to a staff member's personal address",
            SENSITIVE,
            eml(
                frm,
                [f"admissions@{hosp_dom}"],
                f"Transfer - {c.family}",
                text,
                attachments=atts,
                key=f"mc-{c.client_id}h",
                when=when(rng),
            ),
            f"Medicare number of {c.client_id} to the receiving hospital (approved)",
        )
    # a look-alike government domain
    c = world.pick("resident", 1)[0]
    g, f, role, frm = staff(rng, "Admissions Officer")
    text = (
        f"Good afternoon,\n\nPlease update the record of {c.formal}, CRN {w.fmt_crn(c.crn or w.crn(rng))}, "
        f"Medicare {w.fmt_medicare(c.medicare, 2)}: entered permanent residential care at "
        f"{c.home.name if c.home else ''} on 2 May 2025." + R.signature(g, f, role)
    )
    s.incident(
        "identifiers-dates/look-alike-domain",
        "eml",
        eml(
            frm,
            ["agedcare.assessments@servicesaustralla.example"],
            "Entry to care notification",
            text,
            key=f"sa-{c.client_id}x",
            when=when(rng),
        ),
        f"Medicare and CRN of {c.client_id} to a misspelt government domain",
        SENSITIVE,
        eml(
            frm,
            ["agedcare.assessments@servicesaustralia.example"],
            "Entry to care notification",
            text,
            key=f"sa-{c.client_id}",
            when=when(rng),
        ),
        f"Medicare and CRN of {c.client_id} to Services Australia (approved)",
    )
    # name and date of birth only, of another resident, in a note to a family
    for n in range(ctx.n(2)):
        a, b = email_pair(ctx, "resident")
        assert a.dob and b.dob
        g, f, role, frm = staff(rng, "Lifestyle Coordinator")
        dfmt = ["%d.%m.%Y", "%-d %b %Y"][n % 2]

        def note(x: Client, a: Client = a, dfmt: str = dfmt, g: str = g, f: str = f, role: str = role) -> str:
            assert x.dob
            return (
                f"Hi {world.contact_name(a).split()[0]},\n\nThe hairdresser asked me to confirm the booking for "
                f"{x.formal} (born {x.dob.strftime(dfmt)}) for Thursday at 10. Let me know if that suits."
                + R.signature(g, f, role, a.home)
            )

        s.incident(
            "identifiers-dates/name-and-dob",
            "eml",
            eml(
                frm,
                [addr(world.contact_name(a), world.contact_email(a))],
                "Hairdresser booking",
                note(b),
                key=f"dob-{a.client_id}b",
                when=when(rng),
            ),
            f"to the contact of {a.client_id}; names {b.client_id} with date of birth",
            MISMATCH,
            eml(
                frm,
                [addr(world.contact_name(a), world.contact_email(a))],
                "Hairdresser booking",
                note(a),
                key=f"dob-{a.client_id}",
                when=when(rng),
            ),
            f"to the contact of {a.client_id} about {a.client_id}",
        )
    # DVA file number to a personal address
    vet = world.special["veteran"]
    g, f, role, frm = staff(rng, "Admissions Officer")
    text = (
        f"Hi,\n\nFor the gold card claim: {vet.formal}, DVA file no. {vet.dva}, Medicare "
        f"{w.fmt_medicare(vet.medicare, 1)}." + R.signature(g, f, role)
    )
    s.incident(
        "identifiers-dates/dva-to-personal-address",
        "eml",
        eml(frm, [w.make_email(rng, "Rashid", "Haddad")], "Gold card claim", text, key="dva-p", when=when(rng)),
        f"DVA and Medicare numbers of {vet.client_id} to a personal address",
        SENSITIVE,
        eml(frm, [f"claims@{w.GOVERNMENT[1][1]}"], "Gold card claim", text, key="dva-g", when=when(rng)),
        f"DVA and Medicare numbers of {vet.client_id} to DVA (approved)",
    )


# =========================================================================== mime-parts


def mime_parts(ctx: Ctx) -> None:
    s, rng, world = ctx.sink, ctx.rng, ctx.world
    for _ in range(ctx.n(3)):
        a, b = payer_pair(ctx)
        ra = a.payer()
        assert ra
        g, f, role, frm = staff(rng, "Billing Officer")
        text = f"Dear {ra.given},\n\nPlease find attached the April statement." + R.signature(g, f, role)
        good = R.pdf_letter(docs.statement_letter(a, docs.payer_block(a), "window"))
        bad = R.pdf_letter(docs.statement_letter(b, docs.payer_block(b), "window"))
        s.incident(
            "mime-parts/wrong-attachment",
            "eml",
            eml(
                frm,
                [addr(ra.name, ra.email)],
                "April statement",
                text,
                attachments=[attachment("Statement_April_2025.pdf", bad)],
                key=f"att-{a.client_id}b",
                when=when(rng),
            ),
            f"mail to the representative of {a.client_id} carries the statement of {b.client_id}",
            MISMATCH,
            eml(
                frm,
                [addr(ra.name, ra.email)],
                "April statement",
                text,
                attachments=[attachment("Statement_April_2025.pdf", good)],
                key=f"att-{a.client_id}",
                when=when(rng),
            ),
            f"mail to the representative of {a.client_id} with its own statement",
        )
    for _ in range(ctx.n(1)):
        a, b = ctx.world.pick("homecare", 2, need_email=True)
        to = addr(world.contact_name(a), world.contact_email(a))
        g, f, role, frm = staff(rng, "Home Care Coordinator")
        text = "Hello,\n\nAttached is your April home care statement." + R.signature(g, f, role)
        s.incident(
            "mime-parts/wrong-docx-attachment",
            "eml",
            eml(
                frm,
                [to],
                "Home care statement",
                text,
                attachments=[
                    attachment("HCP_statement.docx", R.docx_letter(docs.invoice_letter(b, docs.self_block(b))))
                ],
                key=f"docx-{a.client_id}b",
                when=when(rng),
            ),
            f"mail to the contact of {a.client_id} carries the home-care statement of {b.client_id}",
            MISMATCH,
            eml(
                frm,
                [to],
                "Home care statement",
                text,
                attachments=[
                    attachment("HCP_statement.docx", R.docx_letter(docs.invoice_letter(a, docs.self_block(a))))
                ],
                key=f"docx-{a.client_id}",
                when=when(rng),
            ),
            f"mail to the contact of {a.client_id} with its own statement",
        )
    # ZIP of documents for an executor, one of another resident slipped in
    dec = world.special["deceased"]
    ex = dec.reps[0]
    other = world.pick("resident", 1)[0]
    files = [
        ("final_account.pdf", R.pdf_letter(docs.estate_letter(dec, docs.estate_block(dec)))),
        (
            "personal_effects_list.txt",
            f"Personal effects - {dec.formal} ({dec.number})\nWatch, photographs, cardigan x3, radio\n".encode(),
        ),
    ]
    stray = ("care_plan.pdf", R.pdf_document("Care plan summary", docs.careplan_blocks(other), other.home))
    own = ("care_plan.pdf", R.pdf_document("Care plan summary", docs.careplan_blocks(dec), dec.home))
    g, f, role, frm = staff(rng, "Finance Officer")
    text = f"Dear {ex.given},\n\nAs requested, the documents are attached as one zip file." + R.signature(g, f, role)
    s.incident(
        "mime-parts/zip-archive",
        "eml",
        eml(
            frm,
            [addr(ex.name, ex.email)],
            f"Documents - the late {dec.formal}",
            text,
            attachments=[attachment("documents.zip", R.zip_files(files + [stray]))],
            key="zip-b",
            when=when(rng),
        ),
        f"zip to the executor of {dec.client_id} includes the care plan of {other.client_id}",
        MIXED,
        eml(
            frm,
            [addr(ex.name, ex.email)],
            f"Documents - the late {dec.formal}",
            text,
            attachments=[attachment("documents.zip", R.zip_files(files + [own]))],
            key="zip-g",
            when=when(rng),
        ),
        f"zip to the executor of {dec.client_id}, all about {dec.client_id}",
    )
    # two residents' medication charts merged into one PDF to a pharmacy
    for _ in range(ctx.n(2)):
        home = rng.choice(w.HOMES)
        pool = [c for c in world.residents() if c.home == home]
        a, b = rng.sample(pool, 2)
        ph_name, ph_dom = w.PHARMACIES[home.pharmacy]
        g, f, role, frm = staff(rng, "Registered Nurse")
        text = (
            f"Hello {ph_name},\n\nUpdated medication chart attached for {a.formal} (room {a.room}) after "
            "yesterday's GP review. Please supply from tonight." + R.signature(g, f, role, home)
        )
        merged = R.pdf_document(
            "Medication chart", docs.medchart_blocks(a) + [("page", None)] + docs.medchart_blocks(b), home
        )
        single = R.pdf_document("Medication chart", docs.medchart_blocks(a), home)
        s.incident(
            "mime-parts/merged-medication-charts",
            "eml",
            eml(
                frm,
                [f"orders@{ph_dom}"],
                f"Medication chart - {a.family}",
                text,
                attachments=[attachment("medication_chart.pdf", merged)],
                key=f"med-{a.client_id}b",
                when=when(rng),
            ),
            f"one PDF carries the charts of {a.client_id} and {b.client_id} (pharmacy)",
            MIXED,
            eml(
                frm,
                [f"orders@{ph_dom}"],
                f"Medication chart - {a.family}",
                text,
                attachments=[attachment("medication_chart.pdf", single)],
                key=f"med-{a.client_id}",
                when=when(rng),
            ),
            f"chart of {a.client_id} alone to the pharmacy (approved)",
        )
    # CSV service log for one client carrying visits of another
    a, b = ctx.world.pick("homecare", 2, need_email=True)
    to = addr(world.contact_name(a), world.contact_email(a))

    def log(xs: list[Client]) -> bytes:
        rows = []
        for x in xs:
            for d in (3, 10, 17):
                rows.append([x.number, x.name, x.address.one_line(), f"2025-04-{d:02d}", "Personal care", "1.0"])
        return csv_text(["PackageNo", "ClientName", "ServiceAddress", "Date", "Service", "Hours"], rows).encode()

    g, f, role, frm = staff(rng, "Home Care Coordinator")
    text = "Hi,\n\nHere is the service log you asked for (CSV, opens in Excel)." + R.signature(g, f, role)
    s.incident(
        "mime-parts/csv-service-log",
        "eml",
        eml(
            frm,
            [to],
            "Service log",
            text,
            attachments=[attachment("service_log.csv", log([a, b]))],
            key=f"log-{a.client_id}b",
            when=when(rng),
        ),
        f"service log for {a.client_id} includes the visits and address of {b.client_id}",
        MIXED,
        eml(
            frm,
            [to],
            "Service log",
            text,
            attachments=[attachment("service_log.csv", log([a]))],
            key=f"log-{a.client_id}",
            when=when(rng),
        ),
        f"service log of {a.client_id} only",
    )
    # calendar invitation for a care-plan review sent to another resident's family
    for _ in range(ctx.n(2)):
        a, b = email_pair(ctx, "resident")
        g, f, role, frm = staff(rng, "Care Manager")
        start = docs.review_date(a)

        def inv(to_email: str, a: Client = a, start: dt.datetime = start, g: str = g, f: str = f) -> bytes:
            return R.ics(
                f"review-{a.client_id}",
                f"Care plan review - {a.formal} ({a.number})",
                start,
                45,
                f"{a.home.name if a.home else ''} meeting room",
                f"Six-monthly care plan review for {a.formal}, resident no. {a.number}. Phone-in available.",
                w.staff_email(g, f),
                [to_email, w.staff_email(g, f)],
            )

        text = "Hello,\n\nPlease find the invitation to the care plan review attached." + R.signature(g, f, role)
        eb, ea = world.contact_email(b), world.contact_email(a)
        s.incident(
            "mime-parts/calendar-invitation",
            "eml",
            eml(
                frm,
                [addr(world.contact_name(b), eb)],
                "Invitation: care plan review",
                text,
                attachments=[attachment("invite.ics", inv(eb))],
                key=f"ics-{a.client_id}b",
                when=when(rng),
            ),
            f"invitation to the review of {a.client_id} sent to the contact of {b.client_id}",
            MISMATCH,
            eml(
                frm,
                [addr(world.contact_name(a), ea)],
                "Invitation: care plan review",
                text,
                attachments=[attachment("invite.ics", inv(ea))],
                key=f"ics-{a.client_id}",
                when=when(rng),
            ),
            f"invitation to the review of {a.client_id} to its own contact",
        )


# =========================================================================== mail-merge (merged PDFs given to scan)


def mail_merge_items(ctx: Ctx) -> None:
    s, world = ctx.sink, ctx.world
    for n in range(ctx.n(3)):
        clients = world.pick("resident", 6, need_payer=True)
        letters = [docs.statement_letter(c, docs.payer_block(c), "window") for c in clients]
        bad = [Letter(**L.__dict__) for L in letters]
        k = 2 + n % 3
        intruder = world.pick("resident", 1, need_payer=True)[0]
        if n % 2 == 0:
            # a page of another resident's statement printed into letter k
            hdr, rows, _ = docs.statement_rows(intruder)
            bad[k].extra_pages = [
                [f"Statement of account - {intruder.formal} - resident no. {intruder.number} (page 2)"]
                + [" | ".join(r) for r in rows]
            ]
            what = f"letter {k + 1} carries a page of the statement of {intruder.client_id}"
        else:
            # letters k and k+1 got each other's address blocks
            bad[k].to_lines, bad[k + 1].to_lines = letters[k + 1].to_lines, letters[k].to_lines
            bad[k].salutation, bad[k + 1].salutation = letters[k + 1].salutation, letters[k].salutation
            what = f"letters {k + 1} and {k + 2} swapped address blocks"
        verdicts: list[dict] = []
        for i in range(6):
            if bad[i] is not letters[i] and (bad[i].extra_pages or bad[i].to_lines != letters[i].to_lines):
                verdicts.append({"expect": "block", "rules": MIXED if bad[i].extra_pages else MISMATCH_MIXED})
            else:
                verdicts.append({"expect": "allow"})
        a = s.add(
            "mail-merge/merged-pdf-scanned",
            "pdf",
            R.pdf_letters(bad),
            f"six statements in one PDF; {what}",
            letters=verdicts,
        )
        b = s.add(
            "mail-merge/merged-pdf-scanned",
            "pdf",
            R.pdf_letters(letters),
            "six statements in one PDF, each to its own representative",
            letters=[{"expect": "allow"} for _ in letters],
        )
        s.pair(a, b)


# =========================================================================== threads


def threads(ctx: Ctx) -> None:
    s, rng, world = ctx.sink, ctx.rng, ctx.world
    dim, son = world.special["elder_abuse"], world.barred["elder_abuse"]
    eleni = dim.reps[1]
    riverside = w.HOMES[1]
    sig = R.signature("Jasmine", "Walker", "Registered Nurse", riverside)
    frm = addr("Jasmine Walker", w.staff_email("Jasmine", "Walker"))
    earlier = "Hi all,\n\nCan someone tell me where Mum's mail should go now? Nobody is answering my calls.\n\nKostas"
    for style in ["gmail", "outlook"][: ctx.n(2)]:
        if style == "gmail":
            quoted = R.quote_gmail("Mon, 12 May 2025 at 7:41 pm", addr(son.name, son.email), earlier)
        else:
            quoted = R.quote_outlook(
                addr(son.name, son.email),
                "Monday, 12 May 2025 7:41 PM",
                f"Riverside House <riverside@{w.DOMAIN}>; {eleni.name}",
                "Mum's mail",
                earlier,
            )
        bad = (
            f"Hi all,\n\nMail can be sent to {dim.formal}, Room {dim.room}, {dim.address.street}, "
            f"{dim.address.suburb} {dim.address.state} {dim.address.postcode}." + sig + "\n" + quoted
        )
        good = "Hi all,\n\nMail can be sent to Riverside House and we will forward it." + sig + "\n" + quoted
        to = [addr(son.name, son.email), addr(eleni.name, eleni.email)]
        s.incident(
            f"threads/reply-all-{style}",
            "eml",
            eml(frm, to, "Re: Mum's mail", bad, key=f"thr-{style}b", when=when(rng, 15)),
            f"reply-all pastes the suppressed address of {dim.client_id}; the barred son is on the thread",
            SUPP + MISMATCH,
            eml(frm, to, "Re: Mum's mail", good, key=f"thr-{style}g", when=when(rng, 15)),
            "same reply-all without the address",
            suppressed=True,
        )
    # forwarded internal thread with another resident's details
    for n in range(ctx.n(3)):
        a, b = email_pair(ctx, "resident")
        g, f, role, frm = staff(rng, "Clinical Nurse")
        g2, f2, role2, frm2 = staff(rng, "Registered Nurse")
        internal_b = (
            f"Handover: {b.formal} ({b.number}) had a fall at 0300, obs stable, GP to review. "
            f"Family not yet told.\n\n{g2}"
        )
        internal_a = (
            f"Handover: {a.formal} ({a.number}) had a fall at 0300, obs stable, GP to review. "
            f"Family not yet told.\n\n{g2}"
        )
        to = [addr(world.contact_name(a), world.contact_email(a))]
        top = (
            f"Hi {world.contact_name(a).split()[0]},\n\nJust letting you know about last night, see below. "
            "Please call if you have questions." + R.signature(g, f, role, a.home) + "\n"
        )
        if n % 2 == 0:
            q_b = R.quote_outlook(frm2, "Tuesday, 13 May 2025 6:55 AM", frm, "Night handover", internal_b)
            q_a = R.quote_outlook(frm2, "Tuesday, 13 May 2025 6:55 AM", frm, "Night handover", internal_a)
        else:
            q_b = R.quote_gmail("Tue, 13 May 2025 at 6:55 am", frm2, internal_b)
            q_a = R.quote_gmail("Tue, 13 May 2025 at 6:55 am", frm2, internal_a)
        s.incident(
            "threads/forwarded-handover",
            "eml",
            eml(frm, to, "FW: Night handover", top + q_b, key=f"fw-{a.client_id}b", when=when(rng, 15)),
            f"forward to the contact of {a.client_id} quotes a handover about {b.client_id}",
            MISMATCH,
            eml(frm, to, "FW: Night handover", top + q_a, key=f"fw-{a.client_id}", when=when(rng, 15)),
            f"forward to the contact of {a.client_id} quotes a handover about {a.client_id}",
        )
    # a family thread continued with the wrong family's history pasted below
    for _ in range(ctx.n(2)):
        a, b = email_pair(ctx)
        g, f, role, frm = staff(rng, "Billing Officer")
        ea, eb = world.contact_email(a), world.contact_email(b)
        na, nb = world.contact_name(a), world.contact_name(b)

        def hist(x: Client, nx: str, ex: str) -> str:
            return R.quote_gmail(
                "Fri, 9 May 2025 at 3:12 pm",
                addr(nx, ex),
                f"Hi, could you check the hairdresser charge on the account for {x.formal} "
                f"({x.number})? Thanks, {nx.split()[0]}",
            )

        reply = "Hello,\n\nI have checked and the charge has been reversed." + R.signature(g, f, role)
        s.incident(
            "threads/wrong-history",
            "eml",
            eml(
                frm,
                [addr(na, ea)],
                "Re: Hairdresser charge",
                reply + "\n" + hist(b, nb, eb),
                key=f"hist-{a.client_id}b",
                when=when(rng, 15),
            ),
            f"reply to the contact of {a.client_id} carries the thread of {b.client_id} (its number and contact)",
            MISMATCH,
            eml(
                frm,
                [addr(na, ea)],
                "Re: Hairdresser charge",
                reply + "\n" + hist(a, na, ea),
                key=f"hist-{a.client_id}",
                when=when(rng, 15),
            ),
            f"reply to the contact of {a.client_id} with its own thread",
        )


# =========================================================================== html-mail


def html_mail(ctx: Ctx) -> None:
    s, rng, world = ctx.sink, ctx.rng, ctx.world
    for _ in range(ctx.n(2)):
        a, b = email_pair(ctx)
        g, f, role, frm = staff(rng, "Billing Officer")
        hdr, rows, due = docs.statement_rows(a) if a.kind == "resident" else docs.invoice_rows(a)

        def body(
            nm: str, a: Client = a, hdr: list[str] = hdr, rows: list[list[str]] = rows, g: str = g, f: str = f
        ) -> tuple[str, str]:
            h = (
                f"<html><body style='font-family:Arial'><div style='background:#2f5d3a;color:#fff;padding:8px'>"
                f"{w.ORG_NAME}</div><p>Dear {nm},</p><p>Here is the April account summary for "
                f"<b>{a.formal}</b> (ref {a.number}).</p>{R.html_table(hdr, rows)}<p>Kind regards,<br>{g} {f}</p>"
                "</body></html>"
            )
            t = f"Dear {nm},\n\nApril account summary for {a.formal} (ref {a.number}).\n" + "\n".join(
                " | ".join(r) for r in rows
            )
            return t, h

        nb, na = world.contact_name(b), world.contact_name(a)
        tb, hb = body(nb)
        ta, ha = body(na)
        s.incident(
            "html-mail/account-summary",
            "eml",
            eml(
                frm,
                [addr(nb, world.contact_email(b))],
                "Your April account summary",
                tb,
                html_body=hb,
                key=f"html-{a.client_id}b",
                when=when(rng),
            ),
            f"HTML summary of the account of {a.client_id} to the contact of {b.client_id}",
            MISMATCH,
            eml(
                frm,
                [addr(na, world.contact_email(a))],
                "Your April account summary",
                ta,
                html_body=ha,
                key=f"html-{a.client_id}",
                when=when(rng),
            ),
            f"HTML summary of the account of {a.client_id} to its own contact",
        )
    # HTML-only incident notice
    a, b = email_pair(ctx, "resident")
    g, f, role, frm = staff(rng, "Clinical Nurse")
    subj, body = docs.incident_text(a, "family")
    html_b = "<html><body>" + "".join(f"<p>{p}</p>" for p in body.split("\n\n")) + f"<p>{g} {f}</p></body></html>"
    s.incident(
        "html-mail/incident-notice",
        "eml",
        eml(
            frm,
            [addr(world.contact_name(b), world.contact_email(b))],
            subj,
            body,
            html_body=html_b,
            key=f"hinc-{a.client_id}b",
            when=when(rng),
        ),
        f"HTML incident notice about {a.client_id} to the contact of {b.client_id}",
        MISMATCH,
        eml(
            frm,
            [addr(world.contact_name(a), world.contact_email(a))],
            subj,
            body,
            html_body=html_b,
            key=f"hinc-{a.client_id}",
            when=when(rng),
        ),
        f"HTML incident notice about {a.client_id} to its own contact",
    )
    # a farewell in the Riverside families' newsletter that names the new home; the barred son is on the list
    dim, son = world.special["elder_abuse"], world.barred["elder_abuse"]
    families = [world.contact_email(c) for c in world.residents() if c.home == w.HOMES[1] and world.contact_email(c)]
    fams = sorted(set(families))[:8] + [son.email]

    def news(farewell: str) -> tuple[str, str]:
        h = (
            "<html><body><h2>Riverside House - Family News, May 2025</h2><p>Mother's Day high tea was a "
            "wonderful afternoon - thank you to everyone who came.</p>"
            f"<h3>Farewells</h3><p>{farewell}</p><p>Footy tipping resumes next week!</p></body></html>"
        )
        return "Riverside House - Family News, May 2025\n\n" + farewell, h

    t_bad, h_bad = news(
        f"We said goodbye to Dimitra, who has moved to {dim.home.name if dim.home else ''} in "
        f"{dim.address.suburb} (room {dim.room}) to be closer to family."
    )
    t_good, h_good = news("We said goodbye to Dimitra, who has moved to be closer to family. We wish her well.")
    frm = addr("Marco Bellini", w.staff_email("Marco", "Bellini"))
    s.incident(
        "html-mail/newsletter-farewell",
        "eml",
        eml(
            frm,
            [f"Riverside families <riverside@{w.DOMAIN}>"],
            "Family News - May",
            t_bad,
            bcc=fams,
            html_body=h_bad,
            key="news-dim-b",
            when=when(rng),
        ),
        f"families newsletter names the new home and room of {dim.client_id}; the barred son is a Bcc recipient",
        SUPP + ["mismatched_recipient"],
        eml(
            frm,
            [f"Riverside families <riverside@{w.DOMAIN}>"],
            "Family News - May",
            t_good,
            bcc=fams,
            html_body=h_good,
            key="news-dim-g",
            when=when(rng),
        ),
        "families newsletter farewell without the new home",
        suppressed=True,
    )
    # hidden text: a display:none block left over from a template copied from another family's mail
    a, b = email_pair(ctx)
    g, f, role, frm = staff(rng, "Billing Officer")

    def hidden(x: Client, a: Client = a) -> str:
        return (
            f"<html><body><p>Dear {world.contact_name(a).split()[0]},</p><p>Thank you for your payment.</p>"
            f"<div style='display:none'>Account {x.number} {x.formal} {x.address.one_line()}</div>"
            f"<p>{g} {f}</p></body></html>"
        )

    to = [addr(world.contact_name(a), world.contact_email(a))]
    s.incident(
        "html-mail/hidden-template-text",
        "eml",
        eml(
            frm,
            to,
            "Payment received",
            "Thank you for your payment.",
            html_body=hidden(b),
            key=f"hid-{a.client_id}b",
            when=when(rng),
        ),
        f"hidden HTML block carries the account and address of {b.client_id}; sent to the contact of {a.client_id}",
        MISMATCH,
        eml(
            frm,
            to,
            "Payment received",
            "Thank you for your payment.",
            html_body=hidden(a),
            key=f"hid-{a.client_id}",
            when=when(rng),
        ),
        f"hidden HTML block with the client's own account ({a.client_id})",
    )


# =========================================================================== bulk


def bulk(ctx: Ctx) -> None:
    s, rng, world = ctx.sink, ctx.rng, ctx.world
    residents = [c for c in world.residents(ordinary=False) if not c.deceased and not c.suppressed]
    for n, home in enumerate(w.HOMES[: ctx.n(2)]):
        rs = [c for c in residents if c.home == home] or residents
        rows = [[c.formal, w.date_au(c.dob) if c.dob else "", f"Room {c.room}", c.number] for c in rs]
        sheet = csv_text(["Resident", "Date of birth", "Room", "Resident no."], rows).encode()
        fams = sorted({world.contact_email(c) for c in rs if world.contact_email(c)})
        frm = addr("Marco Bellini", w.staff_email("Marco", "Bellini"))
        text = (
            f"Dear families,\n\nWelcome to the {home.name} newsletter for June. This month we celebrate "
            "birthdays at a combined afternoon tea on the 14th - the list is attached so you can help us plan.\n"
            + R.signature("Marco", "Bellini", "Lifestyle Coordinator", home)
        )
        s.incident(
            "bulk/newsletter-birthday-list",
            "eml",
            eml(
                frm,
                fams[:12],
                f"{home.name} newsletter - June",
                text,
                attachments=[attachment("birthdays_june.csv", sheet)],
                key=f"bday-{n}b",
                when=when(rng),
            ),
            f"newsletter to families of {home.code} with all {len(rs)} residents' names, dates of birth and rooms",
            BULK,
            eml(
                frm,
                [f"lifestyle@{w.DOMAIN}", w.staff_email("Kirra", "Anderson")],
                f"{home.name} newsletter - June",
                text,
                attachments=[attachment("birthdays_june.csv", sheet)],
                key=f"bday-{n}g",
                when=when(rng),
            ),
            f"the same birthday list to the internal lifestyle team ({len(rs)} residents)",
        )
    # roster with resident care list to an agency nurse's personal address
    home = w.HOMES[3]
    rs = [c for c in residents if c.home == home]
    rows = [[f"Room {c.room}", c.formal, w.date_au(c.dob) if c.dob else "", c.needs] for c in rs]
    pdf = R.pdf_document(
        f"{home.name} - night shift care list", [("table", (["Room", "Resident", "DOB", "Needs"], rows))], home
    )
    frm = addr("Teresa Dela Cruz", w.staff_email("Teresa", "Dela Cruz"))
    text = "Hi,\n\nRoster for this week and the care list for night shift attached." + R.signature(
        "Teresa", "Dela Cruz", "Roster Coordinator", home
    )
    s.incident(
        "bulk/roster-care-list",
        "eml",
        eml(
            frm,
            [w.make_email(rng, "Sefa", "Havili")],
            "Night shift roster",
            text,
            attachments=[attachment("care_list.pdf", pdf)],
            key="roster-b",
            when=when(rng),
        ),
        f"care list of all {len(rs)} residents of {home.code} to an agency nurse's personal address",
        BULK,
        eml(
            frm,
            [w.staff_email("Siosaia", "Taufa")],
            "Night shift roster",
            text,
            attachments=[attachment("care_list.pdf", pdf)],
            key="roster-g",
            when=when(rng),
        ),
        f"the same care list to an internal nurse ({len(rs)} residents)",
    )
    # billing export to an outside bookkeeper's personal address
    allc = [c for c in world.clients if c.kind in ("resident", "homecare") and not c.suppressed]
    rows = [
        [
            c.number,
            c.given,
            c.family,
            c.address.one_line(),
            w.money(docs.statement_rows(c)[2]) if c.home else w.money(docs.invoice_rows(c)[2]),
        ]
        for c in allc[:40]
    ]
    export = csv_text(["ClientNo", "FirstName", "Surname", "Address", "Due"], rows).encode()
    frm = addr("Wei Chen", w.staff_email("Wei", "Chen"))
    text = "Hi,\n\nHere's the debtors export for the month-end reconciliation." + R.signature(
        "Wei", "Chen", "Finance Officer"
    )
    s.incident(
        "bulk/billing-export",
        "eml",
        eml(
            frm,
            [w.make_email(rng, "Wei", "Chen")],
            "Debtors export April",
            text,
            attachments=[attachment("debtors_april.csv", export)],
            key="exp-b",
            when=when(rng),
        ),
        f"debtors export of {len(rows)} clients to a personal address",
        BULK,
        eml(
            frm,
            [f"finance@{w.DOMAIN}"],
            "Debtors export April",
            text,
            attachments=[attachment("debtors_april.csv", export)],
            key="exp-g",
            when=when(rng),
        ),
        f"debtors export of {len(rows)} clients to the internal finance mailbox",
    )
    # home-care run sheet (client names, addresses, phones) to a lawn-mowing subcontractor
    hcs = [c for c in world.homecare() if c.phones][:14]
    rows = [[c.name, c.address.one_line(), c.phones[0], "Lawn and edges"] for c in hcs]
    sheet = R.docx_letter(
        Letter(
            to_lines=["Greenway Garden Services"],
            subject="Garden run sheet - June",
            paras=["Clients for the June garden round."],
            table=(["Client", "Address", "Phone", "Job"], rows),
            signer=("Georgina Pappas", "Home Care Coordinator"),
        )
    )
    frm = addr("Georgina Pappas", w.staff_email("Georgina", "Pappas"))
    text = "Hi,\n\nJune run sheet attached." + R.signature("Georgina", "Pappas", "Home Care Coordinator")
    s.incident(
        "bulk/contractor-run-sheet",
        "eml",
        eml(
            frm,
            ["jobs@greenwaygardens.example"],
            "June garden round",
            text,
            attachments=[attachment("run_sheet.docx", sheet)],
            key="run-b",
            when=when(rng),
        ),
        f"run sheet of {len(rows)} home-care clients (names, addresses, phones) to an outside contractor",
        BULK,
        eml(
            frm,
            [f"homecare@{w.DOMAIN}"],
            "June garden round",
            text,
            attachments=[attachment("run_sheet.docx", sheet)],
            key="run-g",
            when=when(rng),
        ),
        f"the same run sheet of {len(rows)} clients to the internal home-care mailbox",
    )


# =========================================================================== unmerged


def unmerged(ctx: Ctx) -> None:
    s, rng, world = ctx.sink, ctx.rng, ctx.world
    specs = [
        ("pdf", "«Resident_Name»"),
        ("docx", "<<Title>> <<Surname>>"),
        ("txt", "[Surname]"),
        ("rtf", "{ MERGEFIELD Resident_Name }"),
        ("pdf", "«Room»"),
    ]
    for fmt, field in specs[: ctx.n(5)]:
        c = world.pick("resident", 1, need_payer=True)[0]
        good = docs.review_letter(c, docs.payer_block(c), "window" if fmt == "pdf" else "plain")
        bad = Letter(**good.__dict__)
        if field == "«Room»":
            bad.paras = [good.paras[0].replace(f" at {c.home.name if c.home else ''}", " in room «Room»")] + good.paras[
                1:
            ]
        else:
            bad.paras = [good.paras[0].replace(c.formal, field)] + good.paras[1:]
        s.incident(
            f"unmerged/{fmt}-placeholder",
            fmt,
            R.render_letter(bad, fmt),
            f"review invitation about {c.client_id} with an unmerged field",
            UNMERGED,
            R.render_letter(good, fmt),
            f"the same invitation fully merged ({c.client_id})",
        )
    c = world.pick("any", 1, need_email=True)[0]
    g, f, role, frm = staff(rng, "Care Manager")
    body = (
        "Dear {{FirstName}},\n\nA reminder that the care plan review for " + c.formal + " is coming up. "
        "Please reply to confirm." + R.signature(g, f, role)
    )
    to = [addr(world.contact_name(c), world.contact_email(c))]
    s.incident(
        "unmerged/email-placeholder",
        "eml",
        eml(frm, to, "Care plan review reminder", body, key=f"um-{c.client_id}b", when=when(rng)),
        f"reminder about {c.client_id} with {{{{FirstName}}}} unmerged",
        UNMERGED,
        eml(
            frm,
            to,
            "Care plan review reminder",
            body.replace("{{FirstName}}", world.contact_name(c).split()[0]),
            key=f"um-{c.client_id}g",
            when=when(rng),
        ),
        f"the same reminder merged ({c.client_id})",
    )


# =========================================================================== unscannable


def unscannable(ctx: Ctx) -> None:
    s, rng, world = ctx.sink, ctx.rng, ctx.world
    a = world.pick("resident", 1, need_payer=True)[0]
    ra = a.payer()
    assert ra
    L = docs.statement_letter(a, docs.payer_block(a), "window")
    g, f, role, frm = staff(rng, "Billing Officer")
    text = (
        f"Dear {ra.given},\n\nYour statement is attached. The password is the resident's date of birth."
        + R.signature(g, f, role)
    )
    to = [addr(ra.name, ra.email)]
    s.incident(
        "unscannable/encrypted-pdf-attachment",
        "eml",
        eml(
            frm,
            to,
            "April statement",
            text,
            attachments=[attachment("statement.pdf", R.pdf_letter(L, True))],
            key="enc-b",
            when=when(rng),
        ),
        f"password-protected statement ({a.client_id}) cannot be checked",
        UNSCANNABLE,
        eml(
            frm,
            to,
            "April statement",
            text.replace(" The password is the resident's date of birth.", ""),
            attachments=[attachment("statement.pdf", R.pdf_letter(L))],
            key="enc-g",
            when=when(rng),
        ),
        f"the same statement unprotected ({a.client_id})",
    )
    b = world.pick("homecare", 1)[0]
    Lb = docs.invoice_letter(b, docs.self_block(b))
    s.incident(
        "unscannable/encrypted-pdf-letter",
        "pdf",
        R.pdf_letter(Lb, True),
        f"encrypted letter ({b.client_id}) in the pre-send folder",
        UNSCANNABLE,
        R.pdf_letter(Lb),
        f"the same letter unencrypted ({b.client_id})",
    )
    c = world.pick("resident", 1, need_payer=True)[0]
    rc = c.payer()
    assert rc
    good_pdf = R.pdf_document("Care plan summary", docs.careplan_blocks(c), c.home)
    g, f, role, frm = staff(rng, "Care Manager")
    text = f"Dear {rc.given},\n\nThe care plan summary is attached." + R.signature(g, f, role)
    s.incident(
        "unscannable/corrupt-pdf-attachment",
        "eml",
        eml(
            frm,
            [addr(rc.name, rc.email)],
            "Care plan summary",
            text,
            attachments=[attachment("care_plan.pdf", R.corrupt(good_pdf))],
            key="cor-b",
            when=when(rng),
        ),
        f"care plan attachment ({c.client_id}) truncated and unreadable",
        UNSCANNABLE,
        eml(
            frm,
            [addr(rc.name, rc.email)],
            "Care plan summary",
            text,
            attachments=[attachment("care_plan.pdf", good_pdf)],
            key="cor-g",
            when=when(rng),
        ),
        f"the same care plan intact ({c.client_id})",
    )
    d = world.pick("resident", 1, need_payer=True)[0]
    rd = d.payer()
    assert rd
    files = [
        ("statement.pdf", R.pdf_letter(docs.statement_letter(d, docs.payer_block(d)))),
        ("care_plan.pdf", R.pdf_document("Care plan summary", docs.careplan_blocks(d), d.home)),
    ]
    text = f"Dear {rd.given},\n\nDocuments attached as a zip." + R.signature(g, f, role)
    s.incident(
        "unscannable/encrypted-zip",
        "eml",
        eml(
            frm,
            [addr(rd.name, rd.email)],
            "Documents",
            text,
            attachments=[attachment("documents.zip", R.zip_files(files, encrypted_flag=True))],
            key="ezip-b",
            when=when(rng),
        ),
        f"password-protected zip ({d.client_id}) cannot be opened",
        UNSCANNABLE,
        eml(
            frm,
            [addr(rd.name, rd.email)],
            "Documents",
            text,
            attachments=[attachment("documents.zip", R.zip_files(files))],
            key="ezip-g",
            when=when(rng),
        ),
        f"the same zip without a password ({d.client_id})",
    )
    e = world.pick("resident", 1, need_payer=True)[0]
    Le = docs.review_letter(e, docs.payer_block(e))
    good_docx = R.docx_letter(Le)
    s.incident(
        "unscannable/corrupt-docx-letter",
        "docx",
        R.corrupt(good_docx, 0.3),
        f"letter ({e.client_id}) truncated: not a readable DOCX",
        UNSCANNABLE,
        good_docx,
        f"the same letter intact ({e.client_id})",
    )


ALL = [
    address_block,
    recipient_own,
    relationships,
    headers_links,
    suppressed_loose,
    identifiers_dates,
    mime_parts,
    mail_merge_items,
    threads,
    html_mail,
    bulk,
    unmerged,
    unscannable,
]
