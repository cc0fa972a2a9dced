"""Ordinary legitimate mail of an aged care provider: the majority of what it sends, all labelled allow."""

from __future__ import annotations

from . import docs
from . import render as R
from . import world as w
from .cases import Ctx, addr, staff, when
from .render import Letter, attachment, eml

FORMATS = ["pdf", "pdf", "docx", "rtf", "txt", "html"]
SYMPTOMS = ["increased confusion in the evenings", "reduced appetite", "a persistent cough", "swelling of both ankles"]


def everyday(ctx: Ctx) -> None:
    s, rng, world = ctx.sink, ctx.rng, ctx.world

    def E(var: str, data: bytes, note: str, ext: str = "eml") -> None:
        s.allow(f"everyday/{var}", ext, data, note)

    # 1. statements e-mailed to the paying representative
    for c in world.pick("resident", ctx.n(8), need_payer=True):
        r = c.payer()
        assert r
        g, f, role, frm = staff(rng, "Billing Officer")
        pdf = R.pdf_letter(docs.statement_letter(c, docs.payer_block(c), rng.choice(["window", "sidepanel"])))
        E(
            "statement-email",
            eml(
                frm,
                [addr(r.name, r.email)],
                "Your April statement",
                f"Dear {r.given},\n\nPlease find attached the April fee statement for {c.formal}."
                + R.signature(g, f, role),
                attachments=[attachment(f"Statement_{c.number}_April.pdf", pdf)],
                key=f"ev-st-{c.client_id}",
                when=when(rng),
            ),
            f"statement of {c.client_id} to its paying representative",
        )
    # 2. statements posted (several formats and layouts, some c/- the representative)
    for i, c in enumerate(world.pick("resident", ctx.n(10), need_payer=True)):
        fmt = FORMATS[i % len(FORMATS)]
        to = docs.careof_block(c) if i % 3 == 1 else docs.payer_block(c, abbreviate=i % 2 == 0)
        layout = ["window", "sidepanel", "plain"][i % 3]
        E(
            "statement-letter",
            R.render_letter(docs.statement_letter(c, to, layout), fmt),
            f"statement of {c.client_id} posted to its representative ({layout}, {fmt})",
            fmt,
        )
    # 3. home-care statements to the client (post and e-mail)
    for i, c in enumerate(world.pick("homecare", ctx.n(6))):
        fmt = ["pdf", "docx", "pdf", "rtf", "txt", "pdf"][i % 6]
        E(
            "home-care-statement-letter",
            R.render_letter(docs.invoice_letter(c, docs.self_block(c), ["window", "sidepanel"][i % 2]), fmt),
            f"home-care statement of {c.client_id} to the client",
            fmt,
        )
    for c in world.pick("homecare", ctx.n(4), need_email=True):
        g, f, role, frm = staff(rng, "Home Care Coordinator")
        pdf = R.pdf_letter(docs.invoice_letter(c, docs.self_block(c)))
        E(
            "home-care-statement-email",
            eml(
                frm,
                [addr(world.contact_name(c), world.contact_email(c))],
                "Home care statement - April",
                "Hello,\n\nYour April home care statement is attached." + R.signature(g, f, role),
                attachments=[attachment("HCP_statement_April.pdf", pdf)],
                key=f"ev-hc-{c.client_id}",
                when=when(rng),
            ),
            f"home-care statement of {c.client_id} to its own contact",
        )
    # 4. care-plan review invitations (.ics) to the family contact
    for c in world.pick("resident", ctx.n(6), need_email=True):
        g, f, role, frm = staff(rng, "Care Manager")
        to = world.contact_email(c)
        inv = R.ics(
            f"ev-review-{c.client_id}",
            f"Care plan review - {c.formal}",
            docs.review_date(c),
            45,
            f"{c.home.name if c.home else ''}, {c.home.street if c.home else ''}",
            f"Six-monthly care plan review for {c.formal}. Phone-in available on {w.PHONE}.",
            w.staff_email(g, f),
            [to],
        )
        E(
            "care-plan-invitation",
            eml(
                frm,
                [addr(world.contact_name(c), to)],
                f"Invitation: care plan review - {c.given}",
                "Hello,\n\nPlease find the invitation attached." + R.signature(g, f, role),
                attachments=[attachment("invite.ics", inv)],
                key=f"ev-ics-{c.client_id}",
                when=when(rng),
            ),
            f"review invitation for {c.client_id} to its family contact",
        )
    for i, c in enumerate(world.pick("resident", ctx.n(3), need_payer=True)):
        fmt = ["pdf", "docx", "rtf"][i % 3]
        E(
            "care-plan-invitation-letter",
            R.render_letter(docs.review_letter(c, docs.payer_block(c)), fmt),
            f"review invitation letter for {c.client_id} to its representative",
            fmt,
        )
    # 5. incident notifications to the family (text and HTML)
    for i, c in enumerate(world.pick("resident", ctx.n(6), need_email=True)):
        nm = world.contact_name(c)
        g, f, role, frm = staff(rng, "Clinical Nurse")
        subj, body = docs.incident_text(c, nm.split()[0])
        html_body = None
        if i % 2:
            html_body = "<html><body>" + "".join(f"<p>{p}</p>" for p in body.split("\n\n")) + "</body></html>"
        E(
            "incident-notification",
            eml(
                frm,
                [addr(nm, world.contact_email(c))],
                subj,
                body + R.signature(g, f, role, c.home),
                html_body=html_body,
                key=f"ev-inc-{c.client_id}",
                when=when(rng),
            ),
            f"incident notice about {c.client_id} to its family contact",
        )
    # 6. letters to the GP (approved clinic)
    for c in world.pick("resident", ctx.n(6)):
        clinic, dom = w.GP_CLINICS[c.home.gp if c.home else 0]
        g, f, role, frm = staff(rng, "Registered Nurse")
        L = Letter(
            to_lines=[f"Dr {rng.choice(['A. Mahmoud', 'J. Whitely', 'S. Lim', 'R. Fonoti', 'K. Iyer'])}", clinic],
            subject=f"Re: {c.formal}, DOB {w.date_au(c.dob) if c.dob else ''}",
            salutation="Dear Doctor",
            paras=[
                f"Thank you for seeing {c.formal} ({c.number}), room {c.room}, at your next visit.",
                f"Staff have noticed {rng.choice(SYMPTOMS)} over the past week. Current care needs: {c.needs}.",
            ],
            home=c.home,
            signer=(f"{g} {f}", role),
            layout="plain",
        )
        E(
            "gp-letter",
            eml(
                frm,
                [f"reception@{dom}"],
                f"Referral - {c.family}, {c.given}",
                "Please see attached letter." + R.signature(g, f, role, c.home),
                attachments=[attachment("gp_letter.pdf", R.pdf_letter(L))],
                key=f"ev-gp-{c.client_id}",
                when=when(rng),
            ),
            f"GP letter about {c.client_id} to an approved clinic",
        )
    # 7. one resident's medication chart to the home's pharmacy
    for c in world.pick("resident", ctx.n(4)):
        ph, dom = w.PHARMACIES[c.home.pharmacy if c.home else 0]
        g, f, role, frm = staff(rng, "Registered Nurse")
        pdf = R.pdf_document("Medication chart", docs.medchart_blocks(c), c.home)
        E(
            "pharmacy-chart",
            eml(
                frm,
                [f"orders@{dom}"],
                f"Medication chart - {c.family}",
                f"Hello,\n\nUpdated chart for {c.formal} attached." + R.signature(g, f, role, c.home),
                attachments=[attachment("medication_chart.pdf", pdf)],
                key=f"ev-ph-{c.client_id}",
                when=when(rng),
            ),
            f"medication chart of {c.client_id} to the home's pharmacy",
        )
    # 8. Services Australia and DVA
    for c in world.pick("any", ctx.n(4)):
        g, f, role, frm = staff(rng, "Admissions Officer")
        crn = c.crn or w.crn(rng)
        text = (
            f"Good morning,\n\nRe: {c.formal}, CRN {w.fmt_crn(crn)}, date of birth "
            f"{w.date_au(c.dob) if c.dob else ''}.\n\nPlease find attached the income and assets assessment "
            "request signed by the client's representative." + R.signature(g, f, role)
        )
        form = R.pdf_document(
            "Request for aged care fee assessment (SA457-style summary)",
            [
                (
                    "kv",
                    [
                        ("Client", c.formal),
                        ("CRN", w.fmt_crn(crn)),
                        ("Medicare", w.fmt_medicare(c.medicare)),
                        ("Provider", w.ORG_LEGAL),
                    ],
                )
            ],
        )
        E(
            "services-australia",
            eml(
                frm,
                [f"agedcare.assessments@{w.GOVERNMENT[0][1]}"],
                "Fee assessment request",
                text,
                attachments=[attachment("assessment_request.pdf", form)],
                key=f"ev-sa-{c.client_id}",
                when=when(rng),
            ),
            f"assessment request for {c.client_id} to Services Australia (approved)",
        )
    vet = world.special["veteran"]
    g, f, role, frm = staff(rng, "Admissions Officer")
    E(
        "dva",
        eml(
            frm,
            [f"claims@{w.GOVERNMENT[1][1]}"],
            "Veteran entry to residential care",
            f"Good afternoon,\n\n{vet.formal}, DVA file number {vet.dva}, entered {vet.home.name if vet.home else ''}"
            " on 28 April 2025. Please update your records." + R.signature(g, f, role),
            key="ev-dva",
            when=when(rng),
        ),
        f"entry notification for {vet.client_id} to DVA (approved)",
    )
    # 9. hospital transfer summaries
    for c in world.pick("resident", ctx.n(5)):
        hn, hd = w.HOSPITALS[c.home.hospital if c.home else 0]
        g, f, role, frm = staff(rng, "Registered Nurse")
        pdf = R.pdf_document("Hospital transfer summary", docs.transfer_blocks(c, hn), c.home)
        E(
            "hospital-transfer",
            eml(
                frm,
                [f"ed.admissions@{hd}"],
                f"Transfer summary - {c.family}",
                f"Transfer summary for {c.formal} attached; ambulance left at "
                f"{rng.randint(1, 11)}:{rng.choice(['05', '20', '45'])}." + R.signature(g, f, role, c.home),
                attachments=[attachment("transfer_summary.pdf", pdf)],
                key=f"ev-tx-{c.client_id}",
                when=when(rng),
            ),
            f"transfer summary of {c.client_id} to the hospital (approved)",
        )
    # 10. after a death: funeral director and executor
    dec = world.special["deceased"]
    fd, fdom = w.FUNERAL[dec.home.funeral if dec.home else 0]
    g, f, role, frm = staff(rng, "Facility Manager")
    E(
        "funeral-director",
        eml(
            frm,
            [f"arrangements@{fdom}"],
            f"Transfer of the late {dec.formal}",
            f"Dear {fd},\n\nThe family of the late {dec.formal} (date of birth "
            f"{w.date_au(dec.dob) if dec.dob else ''}) has asked that you collect "
            f"from {dec.home.name if dec.home else ''} this afternoon. The executor is "
            f"{dec.reps[0].name}, {dec.reps[0].phone}." + R.signature(g, f, role, dec.home),
            key="ev-fd1",
            when=when(rng),
        ),
        f"collection request for {dec.client_id} to the funeral director (approved)",
    )
    E(
        "funeral-director",
        eml(
            frm,
            [f"accounts@{fdom}"],
            "Invoice query",
            "Hello,\n\nCould you re-send last month's invoice to our accounts mailbox?" + R.signature(g, f, role),
            key="ev-fd2",
            when=when(rng),
        ),
        "invoice query to the funeral director, no client information",
    )
    E(
        "estate-letter",
        R.pdf_letter(docs.estate_letter(dec, docs.estate_block(dec), "window")),
        f"estate letter for {dec.client_id} c/- its executor",
        "pdf",
    )
    E(
        "estate-letter",
        R.docx_letter(docs.estate_letter(dec, docs.estate_block(dec), "plain")),
        f"estate letter for {dec.client_id} c/- its executor (docx)",
        "docx",
    )
    ex = dec.reps[0]
    E(
        "estate-email",
        eml(
            frm,
            [addr(ex.name, ex.email)],
            f"The late {dec.formal} - belongings",
            f"Dear {ex.given},\n\nYour mother's belongings are packed and ready to collect from "
            "reception any weekday." + R.signature(g, f, role, dec.home),
            key="ev-ex",
            when=when(rng),
        ),
        f"belongings note for {dec.client_id} to its executor",
    )
    # 11. newsletters to families: first names only, no identifiers
    for i, home in enumerate(w.HOMES[: ctx.n(5)]):
        fams = sorted({world.contact_email(c) for c in world.residents() if c.home == home and world.contact_email(c)})[
            :10
        ]
        frm = addr("Marco Bellini", w.staff_email("Marco", "Bellini"))
        names = [c.given for c in world.residents() if c.home == home][:3]
        h = (
            f"<html><body><h2>{home.name} Family News</h2><p>Our garden club planted winter vegetables, and "
            f"{', '.join(names)} led the singalong on Anzac Day.</p><p>Visiting hours over the long weekend are "
            "unchanged.</p></body></html>"
        )
        t = f"{home.name} Family News\n\nGarden club, Anzac Day singalong, visiting hours unchanged."
        if i % 2:
            E(
                "family-newsletter",
                eml(
                    frm,
                    [f"{home.name} families <families@{w.DOMAIN}>"],
                    "Family News",
                    t,
                    bcc=fams,
                    html_body=h,
                    key=f"ev-news-{home.code}",
                    when=when(rng),
                ),
                f"newsletter of {home.code} to families (Bcc), no client identifiers",
            )
        else:
            E(
                "family-newsletter",
                eml(frm, fams[:6], "Family News", t, html_body=h, key=f"ev-news-{home.code}", when=when(rng)),
                f"newsletter of {home.code} to families, no client identifiers",
            )
    # 12. rosters (internal; residents only by first name and room)
    for home in w.HOMES[: ctx.n(4)]:
        rs = [c for c in world.residents(ordinary=False) if c.home == home][:10]
        rows = [
            [f"Rm {c.room}", f"{c.given} {c.family[0]}.", rng.choice(["Jasmine W", "Siosaia T", "Agency"])] for c in rs
        ]
        pdf = R.pdf_document(
            f"{home.name} - allocation week 21", [("table", (["Room", "Resident", "Carer AM"], rows))], home
        )
        frm = addr("Teresa Dela Cruz", w.staff_email("Teresa", "Dela Cruz"))
        E(
            "staff-roster",
            eml(
                frm,
                [f"{home.code.lower()}.staff@{w.DOMAIN}"],
                "Roster and allocations week 21",
                "Hi team,\n\nRoster and allocations attached."
                + R.signature("Teresa", "Dela Cruz", "Roster Coordinator", home),
                attachments=[attachment("allocations.pdf", pdf)],
                key=f"ev-ros-{home.code}",
                when=when(rng),
            ),
            f"internal roster of {home.code}",
        )
    # 13. internal clinical and admin mail
    for c in world.pick("any", ctx.n(6)):
        g, f, role, frm = staff(rng)
        g2, f2, _, _ = staff(rng)
        ref = f"{c.formal} ({c.number})"
        text = rng.choice(
            [
                f"Hi {g2},\n\n{ref} - the physio recommends a new wheelchair cushion. Can you order one?",
                f"Hi {g2},\n\nCan you check the means-tested fee for {ref}? Services Australia sent a new letter.",
                f"Hi {g2},\n\n{ref} - family asked for a review meeting; can you book the meeting room?",
            ]
        )
        E(
            "internal",
            eml(
                frm,
                [addr(f"{g2} {f2}", w.staff_email(g2, f2))],
                f"{c.family} - follow up",
                text + R.signature(g, f, role),
                key=f"ev-int-{c.client_id}",
                when=when(rng),
            ),
            f"internal note about {c.client_id}",
        )
    # 14. suppliers and general business, no client data
    for i, (to, subj, text) in enumerate(
        [
            ("orders@freshfoods.example", "Order for week 22", "Hi,\n\nPlease deliver 40 kg potatoes, 12 trays eggs."),
            (
                "service@liftcare.example",
                "Hoist service due",
                "Hello,\n\nThe ceiling hoists at Seaview are due for "
                "their six-monthly service. Could you book a technician?",
            ),
            ("accounts@linenplus.example", "Remittance advice", "Please find our payment of $4,812.50 for April."),
            (
                "info@ballaratchoir.example",
                "Choir visit",
                "Hello,\n\nThe residents loved your visit - would you come back in July?",
            ),
            ("tenders@cleanright.example", "Cleaning tender", "Hello,\n\nThe tender closes on 30 May at 5 pm."),
            ("careers@jobsboard.example", "Job ad: Registered Nurse", "Please publish the attached RN position."),
            (
                "editor@warrnamboolnews.example",
                "Media enquiry",
                "Hello,\n\nWe're happy to host a photographer at the "
                "Seaview garden opening. No residents will be named.",
            ),
        ][: ctx.n(7)]
    ):
        g, f, role, frm = staff(rng)
        E(
            "supplier",
            eml(frm, [to], subj, text + R.signature(g, f, role), key=f"ev-sup-{i}", when=when(rng)),
            "business mail, no client information",
        )
    # 15. fee-change notices (letters)
    for i, c in enumerate(world.pick("resident", ctx.n(5), need_payer=True)):
        fmt = ["pdf", "docx", "rtf", "txt", "pdf"][i % 5]
        L = Letter(
            to_lines=docs.payer_block(c)[0],
            salutation=docs.payer_block(c)[1],
            subject="Change to the basic daily fee from 20 March 2025",
            paras=[
                f"The government has increased the basic daily fee. From 20 March 2025 the fee for "
                f"{c.formal} will be $63.82 a day.",
                "You do not need to do anything if you pay by direct debit.",
            ],
            home=c.home,
            refs=[("Resident no.", c.number)],
            layout=["sidepanel", "window"][i % 2],
        )
        E(
            "fee-change-notice",
            R.render_letter(L, fmt),
            f"fee change notice for {c.client_id} to its representative",
            fmt,
        )
    # 16. e-mail with home-care clients themselves
    for c in world.pick("homecare", ctx.n(5), need_email=True):
        g, f, role, frm = staff(rng, "Home Care Coordinator")
        nm = world.contact_name(c)
        E(
            "home-care-client",
            eml(
                frm,
                [addr(nm, world.contact_email(c))],
                "Your visits next week",
                f"Hi {nm.split()[0]},\n\nYour support worker will visit on Tuesday and Friday at "
                f"{rng.choice(['9', '10', '2'])} o'clock at {c.address.street}, "
                f"{c.address.suburb}. Call us on {w.PHONE} if you need to change it." + R.signature(g, f, role),
                key=f"ev-hcc-{c.client_id}",
                when=when(rng),
            ),
            f"visit times to {c.client_id} (own address)",
        )
    # 17. the regulator (serious incident response scheme)
    for c in world.pick("resident", ctx.n(3)):
        g, f, role, frm = staff(rng, "Quality Officer")
        E(
            "regulator-notification",
            eml(
                frm,
                [f"sirs@{w.GOVERNMENT[2][1]}"],
                "SIRS priority 2 notification",
                f"Notification: {c.formal} ({c.number}), {c.home.name if c.home else ''}, "
                "unexplained bruising found 14 May 2025; family and GP informed." + R.signature(g, f, role),
                key=f"ev-sirs-{c.client_id}",
                when=when(rng),
            ),
            f"serious incident notice about {c.client_id} to the regulator (approved)",
        )
    # 18. letters to the suppressed clients themselves and their safeguarding team
    lei, mar, dim = world.special["former_partner"], world.special["homecare_hidden"], world.special["elder_abuse"]
    E(
        "to-client-suppressed",
        R.pdf_letter(docs.statement_letter(lei, docs.self_block(lei), "window")),
        f"statement of {lei.client_id} to her at her (suppressed) room address",
        "pdf",
    )
    E(
        "to-client-suppressed",
        R.render_letter(docs.invoice_letter(mar, docs.self_block(mar)), "docx"),
        f"home-care statement of {mar.client_id} to her at her (suppressed) address",
        "docx",
    )
    g, f, role, frm = staff(rng, "Care Manager")
    E(
        "safeguarding-internal",
        eml(
            frm,
            [w.SAFEGUARDING_EMAILS[0]],
            f"Safeguarding - {dim.initials}",
            f"Hi Adaeze,\n\nConfirming {dim.formal} is settled in room {dim.room} at "
            f"{dim.address.one_line()}; phone {dim.phones[0]}." + R.signature(g, f, role),
            key="ev-safe",
            when=when(rng),
        ),
        f"suppressed details of {dim.client_id} to the safeguarding lead (listed staff)",
    )
    # 19. the couple's joint statement to their representative
    h, wf = world.special["couple_a"], world.special["couple_b"]
    r = h.payer()
    assert r
    g, f, role, frm = staff(rng, "Billing Officer")
    E(
        "joint-statement",
        eml(
            frm,
            [addr(r.name, r.email)],
            "April statements",
            f"Dear {r.given},\n\nStatements for {h.formal} and {wf.formal} are attached." + R.signature(g, f, role),
            attachments=[
                attachment("statement_1.pdf", R.pdf_letter(docs.statement_letter(h, docs.payer_block(h)))),
                attachment("statement_2.pdf", R.pdf_letter(docs.statement_letter(wf, docs.payer_block(wf)))),
            ],
            key="ev-joint",
            when=when(rng),
        ),
        f"statements of joint holders {h.client_id} and {wf.client_id} to their shared representative",
    )
    # 20. threads with a resident's own family
    for i, c in enumerate(world.pick("resident", ctx.n(5), need_email=True)):
        nm, em = world.contact_name(c), world.contact_email(c)
        g, f, role, frm = staff(rng, "Registered Nurse")
        q = f"Hi, how did Mum go at the dentist today? Her number is {c.number} if you need it.\n\n{nm.split()[0]}"
        quoted = (
            R.quote_gmail("Wed, 14 May 2025 at 5:02 pm", addr(nm, em), q)
            if i % 2 == 0
            else R.quote_outlook(addr(nm, em), "Wednesday, 14 May 2025 5:02 PM", frm, "Dentist", q)
        )
        E(
            "family-thread",
            eml(
                frm,
                [addr(nm, em)],
                "Re: Dentist",
                f"Hi {nm.split()[0]},\n\nAll went well - one filling, no pain tonight."
                + R.signature(g, f, role, c.home)
                + "\n"
                + quoted,
                key=f"ev-thr-{c.client_id}",
                when=when(rng, 15),
            ),
            f"reply in the thread of {c.client_id}'s own family",
        )
    # 21. residents themselves (post to their room)
    for c in world.pick("resident", ctx.n(2)):
        L = Letter(
            to_lines=docs.self_block(c)[0],
            salutation=docs.self_block(c)[1],
            subject="Residents' meeting",
            paras=["You are warmly invited to the residents' meeting on Thursday at 2 pm in the lounge."],
            home=c.home,
            layout="plain",
            signer=("Kirra Anderson", "Facility Manager"),
        )
        E("to-resident", R.pdf_letter(L), f"meeting invitation to {c.client_id} at its own room", "pdf")
    # 22. judgement calls (allow): see README
    g, f, role, frm = staff(rng, "Care Manager")
    guardian = dim.reps[0]
    E(
        "guardian-suppressed",
        eml(
            frm,
            [addr("Office of the Public Advocate", guardian.email)],
            f"Care plan review - {dim.formal}",
            f"Dear Guardian,\n\nThe review for {dim.formal} will be held at "
            f"{dim.home.name if dim.home else ''}, {dim.address.one_line()}, on 10 June at 11 am."
            + R.signature(g, f, role),
            key="ev-guard",
            when=when(rng),
        ),
        f"review details with the (suppressed) address of {dim.client_id} to her tribunal-appointed guardian",
    )
    c = world.pick("resident", 1, need_payer=True)[0]
    r = c.payer()
    assert r
    E(
        "medicare-to-epoa",
        eml(
            frm,
            [addr(r.name, r.email)],
            "Re: specialist appointment",
            f"Dear {r.given},\n\nAs you asked, for the specialist booking: Medicare "
            f"{w.fmt_medicare(c.medicare)}, DOB {w.date_au(c.dob) if c.dob else ''}." + R.signature(g, f, role),
            key="ev-mc-epoa",
            when=when(rng),
        ),
        f"Medicare number of {c.client_id} to its EPOA who asked for it",
    )
