"""Ordinary legitimate mail, all allowed: the practice's letters and emails to the right client in every layout
it uses, mail to the ATO, ASIC and Revenue NSW about one client, internal notes (full TFNs among staff), newsletters,
suppliers, the client's authorised planner, bookkeeper, broker or attorney, couples who authorised each other,
staff and offices and public bodies named in passing, threads quoting the client's own message, forwarded files."""

from __future__ import annotations

import html

from tests.corpora.tax import content, render, world
from tests.corpora.tax.kit import Corpus, office_of, staff, staff_mail
from tests.corpora.tax.registry import Client

EXTS = [".pdf", ".pdf", ".docx", ".rtf", ".txt", ".pdf", ".html"]


class Everyday:
    def __init__(self, k: Corpus):
        self.k, self.rng, self.reg = k, k.rng, k.reg
        self.i = 0

    def client(self, pool: list[Client] | None = None) -> Client:
        pool = pool or self.reg.singles
        self.i += 1
        return pool[(self.i * 37 + 5) % len(pool)]

    def add(self, ext: str, data: bytes, variation: str, note: str) -> None:
        self.k.add(ext, data, f"everyday/{variation}", note)

    def run(self) -> None:
        t = self.k.times
        for n in range(t(14)):
            self.letters(n)
        for n in range(t(6)):
            self.noa_email(n)
        for n in range(t(6)):
            self.bas(n)
        for n in range(t(5)):
            self.invite(n)
        for n in range(t(5)):
            self.html_checklist(n)
        for n in range(t(8)):
            self.internal(n)
        for n in range(t(4)):
            self.ato(n)
        for n in range(t(2)):
            self.asic(n)
        self.revenue()
        for n in range(t(3)):
            self.newsletter(n)
        for n in range(t(4)):
            self.supplier(n)
        for n in range(t(4)):
            self.adviser(n)
        for n in range(t(3)):
            self.household(n)
        for n in range(t(3)):
            self.staff_named(n)
        for n in range(t(6)):
            self.thread(n)
        for n in range(t(6)):
            self.forward_attachment(n)
        for n in range(t(3)):
            self.long_letter(n)
        for n in range(t(3)):
            self.typed_form(n)
        for n in range(t(3)):
            self.planning(n)
        for n in range(t(2)):
            self.care_of_business(n)
        for n in range(t(2)):
            self.office_move(n)
        for n in range(t(2)):
            self.wind_up(n)
        for n in range(t(2)):
            self.attorney_mail(n)
        for n in range(t(3)):
            self.invoice_email(n)
        self.ato_letter()

    # -----------------------------------------------------------------------------------------------------
    def letters(self, n: int) -> None:
        c = self.client()
        doc = content.DOCS[n % len(content.DOCS)](c, self.rng)
        ext = EXTS[n % len(EXTS)]
        name = ["formal", "initials", "nick", "plain", "caps"][n % 5]
        astyle = ["std", "abbr", "lower", "unitword", "caps", "mixed"][n % 6]
        letter = content.letter_for(c, doc, self.rng, name=name, astyle=astyle, caps=(n % 9 == 4))
        self.add(
            ext,
            content.render_as(ext, letter),
            "client-letter",
            f"{doc['subject'].split(' - ')[0]} to {c.cid} ({ext[1:]}, {name} name, {astyle} address)",
        )

    def noa_email(self, n: int) -> None:
        c = self.client()
        s = staff(n)
        text = content.email_text(content.noa(c, self.rng), f"Hi {c.nick},", s)
        self.add(
            ".eml",
            self.k.eml(staff_mail(s), [f"{c.name} <{c.email}>"], "Your notice of assessment", text),
            "notice-email",
            f"notice of assessment for {c.cid} to {c.cid}",
        )

    def bas(self, n: int) -> None:
        c = self.client(self.reg.business)
        doc = content.bas(c, self.rng)
        s = world.BOOKS_STAFF[n % 3]
        frm = f"{s[0]} {s[1]} <{s[3]}@{world.BOOKS_DOMAIN}>"
        if n % 2:
            att = render.pdf(content.letter_for(c, doc, self.rng, name="business", salutation="Dear Client,"))
            data = self.k.eml(
                frm,
                [c.email],
                doc["subject"],
                f"Hi {c.nick},\n\nYour BAS is attached for approval." + render.signature_text(s),
                attachments=[(f"BAS {c.code}.pdf", att)],
            )
        else:
            data = self.k.eml(frm, [c.email], doc["subject"], content.email_text(doc, f"Hi {c.nick},", s))
        self.add(".eml", data, "bas", f"BAS of {c.cid}'s business to {c.cid} from the bookkeeping team")

    def invite(self, n: int) -> None:
        c = self.client()
        s = staff(n + 1)
        o = office_of(s)
        start = render.dt.datetime(2026, 3, 10 + n, 9 + n, 30)
        cal = render.ics(
            f"appt-{c.code}-{n}@{world.DOMAIN}",
            start,
            45,
            "Tax return appointment",
            f"{o[1]}, {o[2]}",
            f"{s[3]}@{world.DOMAIN}",
            [(c.name, c.email), (f"{s[0]} {s[1]}", f"{s[3]}@{world.DOMAIN}")],
            f"Meeting with {s[0]} {s[1]} at our {o[0]} office. Bring your PAYG income statement and "
            "private health statement.",
        )
        self.add(
            ".eml",
            self.k.eml(
                staff_mail(s),
                [c.email],
                "Invitation: Tax return appointment",
                f"Hi {c.nick}, see you then." + render.signature_text(s, o),
                calendar=cal,
            ),
            "appointment-invitation",
            f"appointment invitation to {c.cid} at our {o[0]} office",
        )

    def html_checklist(self, n: int) -> None:
        c = self.client()
        s = staff(n + 2)
        doc = content.info_request(c, self.rng)
        t = doc["body"][1]
        body = (
            f"<html><body><p>Hi {html.escape(c.nick)},</p><p>{html.escape(doc['body'][0])}</p>"
            f"{render._html_table(t[1], t[2])}<p>Client code: {c.code}</p>{render.signature_html(s, office_of(s))}"
            "</body></html>"
        )
        self.add(
            ".eml",
            self.k.eml(
                staff_mail(s),
                [c.email],
                doc["subject"],
                html_body=body,
                text=f"Hi {c.nick}, your checklist is below (HTML).",
            ),
            "html-checklist",
            f"HTML checklist to {c.cid} with signature",
        )

    def internal(self, n: int) -> None:
        c = self.client()
        a, b = staff(n), staff(n + 3)
        kinds = [
            f"Can you review {c.name}'s return ({c.code}, TFN {content.full_tfn(c)}) before Friday? DOB "
            f"{c.dob.strftime('%d/%m/%Y')}, {c.addr.line()}.",
            f"{c.name} ({c.code}) rang - mobile {c.phone}. Wants to know if the refund has landed.",
            f"Workpapers for {c.code} are in the 2025 folder. Rental schedule still missing.",
            f"FYI {c.formal} has changed accountant; please archive {c.code} after the final invoice.",
        ]
        to = f"{b[0]} {b[1]} <{b[3]}@{world.DOMAIN}>"
        if n % 4 == 3:
            to = f"{world.BOOKS_STAFF[0][0]} <{world.BOOKS_STAFF[0][3]}@{world.BOOKS_DOMAIN}>"
        self.add(
            ".eml",
            self.k.eml(
                staff_mail(a),
                [to],
                f"{c.code} - {['review', 'call', 'workpapers', 'archive'][n % 4]}",
                f"Hi {b[0]},\n\n{kinds[n % 4]}\n\n{a[0]}",
            ),
            "internal-note",
            f"internal note about {c.cid} between staff",
        )

    def ato(self, n: int) -> None:
        c = self.client()
        s = world.STAFF[0]
        txt = (
            f"Dear Sir/Madam,\n\nRe: {c.formal}, TFN {content.full_tfn(c)}, DOB {c.dob.strftime('%d/%m/%Y')}\n\n"
            f"We act for the above taxpayer (agent {world.TAN}). Please apply the credit of "
            f"${self.rng.randint(200, 3000):,} to the 2025 income tax account rather than refunding it."
            + render.signature_text(s)
        )
        self.add(
            ".eml",
            self.k.eml(
                staff_mail(s),
                [f"Client account services <accounts@{world.ATO}>"],
                f"Credit transfer request - {c.name}",
                txt,
            ),
            "ato-correspondence",
            f"credit transfer request for {c.cid} to the ATO (approved; TFN to the ATO is allowed by our policy file)",
        )

    def ato_letter(self) -> None:
        c = self.client()
        letter = render.Letter(
            date="8 April 2026",
            addressee=["Australian Taxation Office", "GPO Box 9990", "SYDNEY NSW 2001"],
            salutation="Dear Sir/Madam,",
            subject=f"Request for remission of penalty - {c.formal}",
            refs=[("Agent", world.TAN), ("Client", c.formal)],
            body=[
                f"We act for {c.formal}. The 2024 return was lodged late because of a serious "
                "illness in the family. We ask that the failure to lodge penalty be remitted."
            ],
            signoff=["Yours faithfully,", "", "Helen Quach", "Registered Tax Agent"],
        )
        self.add(
            ".pdf",
            render.pdf(letter),
            "ato-letter",
            f"posted letter to the ATO about {c.cid} (approved third party by name)",
        )

    def asic(self, n: int) -> None:
        c = [x for x in self.reg.business if "Pty Ltd" in x.business][n]
        s = world.STAFF[1]
        self.add(
            ".eml",
            self.k.eml(
                staff_mail(s),
                [f"Registry <registry@{world.ASIC}>"],
                f"Change of officeholder address - ACN {content.fmt_acn(content.acn_of(c))}",
                f"Dear Registry,\n\nWe act for {c.business} (ACN {content.fmt_acn(content.acn_of(c))})."
                f" The director, {c.formal}, has a new address: {c.addr.line()}."
                + render.signature_text(s, world.OFFICES[1]),
            ),
            "asic",
            f"officeholder update for {c.cid}'s company to ASIC (approved)",
        )
        doc = content.asic_review(c)
        self.add(
            ".pdf",
            render.pdf(content.letter_for(c, doc, self.rng)),
            "asic-review",
            f"ASIC annual review letter to director {c.cid}",
        )

    def revenue(self) -> None:
        c = self.client(self.reg.business)
        s = staff(1)
        self.add(
            ".eml",
            self.k.eml(
                staff_mail(s),
                [f"Land tax <landtax@{world.REVENUE}>"],
                f"Land tax objection - {c.name}",
                f"Dear Officer,\n\nWe act for {c.formal} of {c.addr.line()} and object to the 2026 "
                "land tax assessment on the ground that the property is primary production land."
                + render.signature_text(s),
            ),
            "state-revenue",
            f"land tax objection for {c.cid} to Revenue NSW (approved)",
        )

    def newsletter(self, n: int) -> None:
        s = world.STAFF[4]
        bcc = [c.email for c in self.reg.singles[n * 30 : n * 30 + 25]]
        body = (
            "<html><body><h2>Tax Time 2026 - Murray Plains Tax news</h2><p>Helen Quach and Marcus Delaney welcome "
            "Dimitri Papas to our Griffith office. The ATO's myGov changes start on 1 July; Services Australia "
            "and the Fair Work Ombudsman have new guides for small business.</p><p>Our offices: Wagga Wagga (58 "
            "Fitzmaurice Street), Albury (512 Dean Street) and Griffith (141 Banna Avenue). Book at "
            f"{world.PORTAL}/book.</p>{render.signature_html(s)}<p><a href='{world.PORTAL}/unsubscribe'>"
            "Unsubscribe</a></p></body></html>"
        )
        self.add(
            ".eml",
            self.k.eml(
                f"{world.SHORT} <{world.NOREPLY}>",
                [f"Clients <{world.NOREPLY}>"],
                "Tax Time 2026 newsletter",
                html_body=body,
                bcc=bcc,
            ),
            "newsletter",
            "newsletter with no client details, clients on Bcc",
        )

    def supplier(self, n: int) -> None:
        sup = world.SUPPLIERS[n % len(world.SUPPLIERS)]
        s = world.STAFF[4]
        texts = [
            "The Albury office printer is jamming again - can someone come Thursday?",
            "Please quote for 4,000 DL window envelopes with our logo, reply-paid inserts as last year.",
            "We'd like six seats at the Wagga tax update on 14 May. Attendees: Priya Raman, Tom Okoro, "
            "Jarrah Fenwick, Dimitri Papas, Kylie Marchetti, Ahmed Sayed.",
            "Our practice subscription renews on 1 April - please send the invoice to admin.",
        ]
        self.add(
            ".eml",
            self.k.eml(
                staff_mail(s),
                [f"{sup[2]} <{sup[2].split()[0].lower()}@{sup[1]}>"],
                f"{world.SHORT} - {['printer', 'envelopes', 'tax update', 'renewal'][n % 4]}",
                f"Hi {sup[2].split()[0]},\n\n{texts[n % 4]}" + render.signature_text(s),
            ),
            "supplier",
            "email to a supplier naming only staff and our offices",
        )

    def adviser(self, n: int) -> None:
        if n % 2 == 0:
            c, firm = self.reg.with_planner[(n // 2 + 4) % len(self.reg.with_planner)]
        else:
            c, firm = self.reg.with_bookkeeper[(n // 2 + 2) % len(self.reg.with_bookkeeper)]
        mailbox = next(a for a in c.authorised if firm[1] in a)
        s = staff(n)
        doc = content.noa(c, self.rng) if n % 2 == 0 else content.bas(c, self.rng)
        self.add(
            ".eml",
            self.k.eml(
                staff_mail(s),
                [f"{firm[2]} <{mailbox}>"],
                f"{c.name} - {doc['subject']}",
                content.email_text(doc, f"Hi {firm[2].split()[0]},", s),
            ),
            "authorised-adviser",
            f"{c.cid}'s papers to the {firm[3]} {c.cid} authorised",
        )

    def household(self, n: int) -> None:
        he, she = [p for p in self.reg.couples if p[1].cid in p[0].authorised][n + 2]
        s = staff(n + 1)
        doc = content.entity_statement(he, she, self.rng)
        self.add(
            ".eml",
            self.k.eml(
                staff_mail(s),
                [she.email, he.email],
                doc["subject"],
                content.email_text(doc, f"Hi {she.nick} and {he.nick},", s),
            ),
            "couple",
            f"joint statement to {she.cid} and {he.cid} together (joint holders at one address)",
        )

    def staff_named(self, n: int) -> None:
        c = self.client()
        s = staff(n + 2)
        txt = (
            f"Hi {c.nick},\n\nI'm on leave from 20 March to 3 April. Tom Okoro in our Griffith office and Priya "
            f"Raman in Wagga Wagga will look after you; Bec Lindqvist can help with anything about your account."
        )
        self.add(
            ".eml",
            self.k.eml(staff_mail(s), [c.email], "Leave", txt + render.signature_text(s)),
            "staff-named",
            f"note to {c.cid} naming colleagues and offices",
        )

    def thread(self, n: int) -> None:
        c = self.client()
        s = staff(n + 4)
        own = f"Hi {s[0]},\n\nMy new mobile is {c.phone}. Client {c.code}.\n\n{c.given}"
        if n % 3 == 2:
            body = (
                f"<html><body><p>Thanks {html.escape(c.nick)}, updated.</p>{render.signature_html(s)}"
                + render.outlook_quote(
                    f"{c.name} <{c.email}>",
                    "Monday, 2 March 2026 6:02 PM",
                    staff_mail(s),
                    "New mobile",
                    "<p>" + html.escape(own).replace("\n", "<br>") + "</p>",
                )
                + "</body></html>"
            )
            data = self.k.eml(staff_mail(s), [c.email], "RE: New mobile", html_body=body)
        else:
            q = (
                render.text_quote_outlook(
                    f"{c.name} <{c.email}>", "Monday, 2 March 2026 6:02 PM", staff_mail(s), "New mobile", own
                )
                if n % 3 == 0
                else render.text_quote_gmail(f"{c.name} <{c.email}>", "Mon, 2 Mar 2026 at 18:02", own)
            )
            data = self.k.eml(
                staff_mail(s), [c.email], "RE: New mobile", f"Thanks {c.nick}, updated." + render.signature_text(s) + q
            )
        self.add(".eml", data, "reply-quoting-client", f"reply to {c.cid} quoting {c.cid}'s own message")

    def forward_attachment(self, n: int) -> None:
        c = self.client()
        s = staff(n)
        ext = [".pdf", ".docx", ".rtf", ".txt", ".pdf", ".docx"][n]
        doc = [
            content.return_ready,
            content.engagement,
            content.invoice,
            content.noa,
            content.ato_plan,
            content.info_request,
        ][n](c, self.rng)
        att = content.render_as(ext, content.letter_for(c, doc, self.rng))
        inner = render.eml(
            800 + self.k.n,
            staff_mail(s),
            [c.email],
            doc["subject"],
            "See attached.",
            attachments=[(f"{c.code}{ext}", att)],
        )
        if n % 2:
            data = self.k.eml(
                staff_mail(s),
                [c.email],
                f"FW: {doc['subject']}",
                f"Hi {c.nick}, resending as asked." + render.signature_text(s),
                forward=inner,
            )
        else:
            data = self.k.eml(
                staff_mail(s),
                [c.email],
                f"FW: {doc['subject']}",
                f"Hi {c.nick}, resending as asked." + render.signature_text(s),
                attachments=[(f"{doc['subject'][:30]}{ext}", att)],
            )
        self.add(".eml", data, "forward-with-attachment", f"{c.cid}'s own {ext[1:]} forwarded to {c.cid}")

    def long_letter(self, n: int) -> None:
        c = self.client()
        doc = content.return_ready(c, self.rng)
        extra = [
            ("page", None),
            ("heading", "Schedule of deductions"),
            (
                "table",
                ["Item", "Claimed"],
                [("Work-related car", "$1,102"), ("Union fees", "$640"), ("Tax agent fees", "$385")],
            ),
            "Explanatory notes: the car claim uses the cents per kilometre method (88c per km, 1,252 km).",
        ]
        ext = [".pdf", ".docx", ".txt"][n % 3]
        self.add(
            ext,
            content.render_as(ext, content.letter_for(c, doc, self.rng, extra_body=extra)),
            "two-page-letter",
            f"two-page return letter to {c.cid} with continuation header",
        )

    def typed_form(self, n: int) -> None:
        c = self.client()
        data = render.pdf_report(
            "CLIENT INFORMATION FORM - please check and return",
            [
                f"Title: {c.title}      Given names: {c.given}      Family name: {c.family}",
                f"Date of birth: {c.dob.strftime('%d/%m/%Y')}      Client code: {c.code}",
                f"Postal address: {c.addr.line()}",
                f"Mobile: {c.phone}      Email: {c.email}",
                "Bank account for refunds: BSB ___-___  Account ____________",
                "",
                f"Prepared for {c.formal} by {world.SHORT}, {world.PO_BOX}.",
            ],
        )
        letter = render.Letter(
            date=content.DATES[n],
            addressee=[c.formal] + c.addr.lines("abbr"),
            salutation=c.dear,
            subject="Please check your details",
            refs=[("Client code", c.code)],
            body=["Please check the enclosed form and return it with any corrections."],
        )
        s = staff(n)
        self.add(
            ".eml",
            self.k.eml(
                staff_mail(s),
                [c.email],
                "Client information form",
                "Form attached." + render.signature_text(s),
                attachments=[("Client information form.pdf", data), ("Cover letter.rtf", render.rtf(letter))],
            ),
            "typed-form",
            f"{c.cid}'s own details on a typed form, emailed to {c.cid}",
        )

    def planning(self, n: int) -> None:
        c = self.client(self.reg.business)
        doc = {
            "subject": "Tax planning before 30 June 2026",
            "refs": [("Client code", c.code)],
            "body": [
                "Before 30 June, consider prepaying deductible expenses, writing off bad debts and paying "
                "employee super by 28 June so it is deductible this year.",
                "The instant asset write-off threshold is $20,000. The Fair Work Ombudsman's pay guides "
                "change on 1 July; Services Australia's paid parental leave rules changed on 1 March.",
                ("table", ["Item", "Estimate"], [("Taxable income to date", "$146,300"), ("Projected tax", "$41,720")]),
            ],
        }
        self.add(
            ".pdf",
            render.pdf(content.letter_for(c, doc, self.rng, name="business", names=[c.formal, c.business])),
            "tax-planning",
            f"tax planning letter to {c.cid}, naming public bodies",
        )

    def care_of_business(self, n: int) -> None:
        c = [x for x in self.reg.business if x.addr.street[0].isdigit()][n + 4]
        doc = content.invoice(c, self.rng)
        names = [c.initials, f"c/- {c.business}"]
        self.add(
            ".docx",
            render.docx(content.letter_for(c, doc, self.rng, names=names)),
            "care-of-own-business",
            f"invoice to {c.cid} care of {c.cid}'s own business at {c.cid}'s registered address",
        )

    def office_move(self, n: int) -> None:
        c = self.client()
        doc = {
            "subject": "Our Albury office is moving",
            "refs": [("Client code", c.code)],
            "body": [
                "From 4 May 2026 our Albury office moves from Level 1, 512 Dean Street to the ground floor of "
                "the same building. Our Wagga Wagga (58 Fitzmaurice Street) and Griffith (141 Banna Avenue) "
                f"offices are unchanged. Post still goes to {world.PO_BOX}."
            ],
        }
        self.add(
            [".pdf", ".rtf"][n],
            content.render_as([".pdf", ".rtf"][n], content.letter_for(c, doc, self.rng, office=world.OFFICES[1])),
            "office-notice",
            f"office move notice to {c.cid}",
        )

    def wind_up(self, n: int) -> None:
        v, ex = self.reg.separated[7 + n]
        s = staff(2)
        txt = (
            f"Hi {ex.nick},\n\nThe {ex.entity} final return is lodged. {v.formal}'s share will be reported in "
            f"{'her' if v.sex == 'F' else 'his'} own return; yours is ${self.rng.randint(5, 60) * 1000:,}. "
            "We'll cancel the ABN once the ATO confirms."
        )
        self.add(
            ".eml",
            self.k.eml(staff_mail(s), [ex.email], f"{ex.entity} - lodged", txt + render.signature_text(s)),
            "former-partner-wind-up",
            f"to {ex.cid}: names joint holder {v.cid} (no contact details)",
        )

    def attorney_mail(self, n: int) -> None:
        p, who = [x for x in self.reg.elderly if not x[1].startswith("C")][n % 2]
        s = staff(0)
        self.add(
            ".eml",
            self.k.eml(
                staff_mail(s),
                [who],
                f"{p.formal} - 2025 return",
                content.email_text(content.return_ready(p, self.rng), "Dear Rory,", s),
            ),
            "attorney-solicitor",
            f"{p.cid}'s return to the wills solicitor {p.cid} named as attorney",
        )

    def invoice_email(self, n: int) -> None:
        c = self.client()
        s = world.STAFF[6]
        doc = content.invoice(c, self.rng)
        att = render.pdf(content.letter_for(c, doc, self.rng))
        self.add(
            ".eml",
            self.k.eml(
                staff_mail(s),
                [c.email],
                doc["subject"],
                f"Hi {c.nick},\n\nYour invoice is attached. Thank you for your business." + render.signature_text(s),
                attachments=[(f"{doc['subject']}.pdf", att)],
            ),
            "invoice",
            f"invoice to {c.cid}",
        )
