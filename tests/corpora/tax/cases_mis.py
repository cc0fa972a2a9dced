"""Wrong-client incidents: a return, notice or BAS about one client that reaches another (window envelope, a
namesake, a page of someone else's return printed behind, a wrong attachment, a reused thread, an autocompleted
address, a portal link for another client's code, a planner or bookkeeper who acts for someone else), full tax file
numbers where the practice masks them, and the legitimate mail around each."""

from __future__ import annotations

import html

from tests.corpora.tax import content, render, world
from tests.corpora.tax.kit import Corpus, office_of, staff, staff_mail
from tests.corpora.tax.registry import Client

MIS = ["mismatched_recipient"]
MIX = ["mismatched_recipient", "mixed_client_documents"]
WINDOWS = [(20.0, 48.0), (110.0, 52.0), (24.0, 62.0)]


class Mis:
    def __init__(self, k: Corpus):
        self.k, self.rng, self.reg = k, k.rng, k.reg
        self.j = 0

    def two(self, pool: list[Client] | None = None) -> tuple[Client, Client]:
        pool = pool or self.reg.singles
        self.j += 7
        a = pool[self.j % len(pool)]
        b = pool[(self.j * 3 + 11) % len(pool)]
        if a is b or a.family == b.family:
            b = pool[(self.j * 3 + 12) % len(pool)]
        return a, b

    def doc(self, c: Client) -> dict:
        return self.rng.choice(content.DOCS)(c, self.rng)

    def run(self) -> None:
        for f in (
            self.window,
            self.namesake,
            self.caps,
            self.po_box,
            self.continuation,
            self.planner,
            self.attorney,
            self.bookkeeper,
            self.former_partner_return,
            self.couple_no_authority,
            self.broker,
            self.full_tfn,
            self.tfn_to_planner,
            self.other_tfn,
            self.dob_formats,
            self.invoice_abn,
            self.autocomplete,
            self.two_clients_in_to,
            self.portal_link,
            self.reused_thread,
            self.forward_to_planner,
            self.html_thread,
            self.html_table,
            self.wrong_attachment,
            self.forwarded_message,
            self.invite_description,
        ):
            f()

    # -- address blocks -------------------------------------------------------------------------------------
    def window(self) -> None:
        specs = [
            (".pdf", "formal", "std"),
            (".pdf", "initials", "abbr"),
            (".pdf", "plain", "lower"),
            (".docx", "formal", "unitword"),
            (".rtf", "initials", "std"),
            (".txt", "nick", "abbr"),
        ]
        for n, (ext, name, astyle) in enumerate(specs[: self.k.times(6)]):
            a, b = self.two()
            doc = self.doc(a)
            w = WINDOWS[n % 3]
            bad = content.letter_for(b, doc, self.rng, name=name, astyle=astyle, window=w)
            good = content.letter_for(a, doc, self.rng, name=name, astyle=astyle, window=w)
            self.k.pair(
                ext,
                content.render_as(ext, bad),
                content.render_as(ext, good),
                "address-block/window-envelope",
                MIS,
                f"{doc['subject'].split(' - ')[0]} about {a.cid} in the window envelope of {b.cid}",
                f"the same letter addressed to {a.cid}",
            )

    def namesake(self) -> None:
        for n, ext in enumerate([".pdf", ".docx"][: self.k.times(2)]):
            a, b = self.reg.namesakes[n]
            doc = content.return_ready(a, self.rng)
            doc["refs"].insert(1, ("Date of birth", a.dob.strftime("%d/%m/%Y")))
            bad = content.letter_for(b, doc, self.rng)
            good = content.letter_for(a, doc, self.rng)
            self.k.pair(
                ext,
                content.render_as(ext, bad),
                content.render_as(ext, good),
                "address-block/namesake",
                MIS,
                f"return of {a.cid} (date of birth, client code) posted to namesake {b.cid}",
                f"the return posted to {a.cid}",
            )

    def caps(self) -> None:
        a, b = self.two()
        doc = content.noa(a, self.rng)
        doc["subject"] += f" - {a.formal}"
        bad = content.letter_for(b, doc, self.rng, name="caps", astyle="caps", caps=True)
        good = content.letter_for(a, doc, self.rng, name="caps", astyle="caps", caps=True)
        self.k.pair(
            ".pdf",
            render.pdf(bad),
            render.pdf(good),
            "address-block/all-capitals",
            MIS,
            f"letter printed in capitals about {a.cid} addressed to {b.cid}",
            f"same letter in capitals addressed to {a.cid}",
        )

    def po_box(self) -> None:
        a = self.reg.po_box[0]
        b = self.reg.po_box[1]
        doc = content.ato_plan(a, self.rng)
        doc["subject"] += f" - {a.initials}"
        bad = content.letter_for(b, doc, self.rng, name="initials", window=(20.0, 55.0))
        good = content.letter_for(a, doc, self.rng, name="initials", window=(20.0, 55.0))
        self.k.pair(
            ".pdf",
            render.pdf(bad),
            render.pdf(good),
            "address-block/po-box",
            MIS,
            f"payment plan of {a.cid} posted to the PO box of {b.cid}",
            f"same letter to {a.cid}'s PO box",
        )

    def continuation(self) -> None:
        for _n in range(self.k.times(2)):
            a, b = self.two()
            doc_b = content.return_ready(b, self.rng)
            doc_a = content.return_ready(a, self.rng)
            tail_a = [
                ("page", f"{a.initials}  |  {a.code}  |  2025 return"),
                ("heading", "Schedule of deductions"),
                (
                    "table",
                    ["Item", "Claimed"],
                    [("Work-related car", "$1,842"), ("Tax agent fees", "$440"), ("Donations", "$260")],
                ),
                f"Client code {a.code}.",
            ]
            tail_b = [
                ("page", f"{b.initials}  |  {b.code}  |  2025 return"),
                ("heading", "Schedule of deductions"),
                (
                    "table",
                    ["Item", "Claimed"],
                    [("Work-related car", "$1,842"), ("Tax agent fees", "$440"), ("Donations", "$260")],
                ),
                f"Client code {b.code}.",
            ]
            bad = content.letter_for(b, doc_b, self.rng, extra_body=tail_a)
            good = content.letter_for(b, doc_b, self.rng, extra_body=tail_b)
            _ = doc_a
            self.k.pair(
                ".pdf",
                render.pdf(bad),
                render.pdf(good),
                "address-block/continuation-page",
                MIX,
                f"two-page letter to {b.cid}; page 2 (continuation header and schedule) belongs to {a.cid}",
                f"two-page letter to {b.cid}, both pages {b.cid}'s",
            )

    # -- relationships --------------------------------------------------------------------------------------
    def planner(self) -> None:
        def one(n) -> None:
            x, pl = self.reg.with_planner[n]
            y = self.reg.singles[(n * 13 + 40) % len(self.reg.singles)]
            mailbox = next(a for a in x.authorised if pl[1] in a)
            s = staff(n + 2)

            def mail(c: Client) -> bytes:
                doc = content.return_ready(c, self.rng)
                return self.k.eml(
                    staff_mail(s),
                    [f"{pl[2]} <{mailbox}>"],
                    f"{c.name} - 2025 return for your review",
                    content.email_text(doc, f"Hi {pl[2].split()[0]},", s),
                )

            bad, good = mail(y), mail(x)
            self.k.pair(
                ".eml",
                bad,
                good,
                "relationships/financial-planner",
                MIS,
                f"return of {y.cid} sent to the planner authorised only by {x.cid}",
                f"return of {x.cid} to the planner {x.cid} authorised",
            )

        for n in range(self.k.times(2)):
            one(n)

    def attorney(self) -> None:
        with_child = [(p, self.reg.by_id[w]) for p, w in self.reg.elderly if w.startswith("C")]
        (p1, c1), (p2, c2) = with_child[0], with_child[1]
        doc = content.noa(p1, self.rng)
        doc["subject"] += f" - {p1.formal}"

        def lines(child):
            return [child.formal, f"Attorney for {p1.formal}"] + child.addr.lines("std")

        bad = content.letter_for(c2, doc, self.rng, address=lines(c2)[1:][1:], names=lines(c2)[:2], salutation=c2.dear)
        good = content.letter_for(c1, doc, self.rng, address=lines(c1)[2:], names=lines(c1)[:2], salutation=c1.dear)
        self.k.pair(
            ".pdf",
            render.pdf(bad),
            render.pdf(good),
            "relationships/attorney",
            MIS,
            f"notice of {p1.cid} sent to {c2.cid}, the attorney of {p2.cid}, not of {p1.cid}",
            f"notice of {p1.cid} sent to {c1.cid}, {p1.cid}'s attorney",
        )

    def bookkeeper(self) -> None:
        def one(n) -> None:
            x, bk = self.reg.with_bookkeeper[n]
            # A business this bookkeeper does not act for (maintainers' fix: the first pick could be another of
            # the bookkeeper's own clients, which made the incident legitimate).
            count = len(self.reg.business)
            y = next(
                b
                for k in range(count)
                if (b := self.reg.business[(n * 5 + 9 + k) % count]) is not x
                and not any(bk[1] in a for a in b.authorised)
            )
            mailbox = next(a for a in x.authorised if bk[1] in a)
            s = world.BOOKS_STAFF[n % 3]
            frm = f"{s[0]} {s[1]} <{s[3]}@{world.BOOKS_DOMAIN}>"

            def mail(c: Client) -> bytes:
                doc = content.bas(c, self.rng)
                att = render.pdf(content.letter_for(c, doc, self.rng))
                if n % 2:  # the figures typed into the email
                    return self.k.eml(
                        frm,
                        [f"{bk[2]} <{mailbox}>"],
                        f"BAS Mar-26 {c.business}",
                        content.email_text(doc, f"Hi {bk[2].split()[0]}, draft BAS below.", s),
                    )
                return self.k.eml(
                    frm,
                    [f"{bk[2]} <{mailbox}>"],
                    f"BAS Mar-26 {c.business}",
                    f"Hi {bk[2].split()[0]},\n\nDraft BAS for {c.business} attached for your "
                    "reconciliation before we lodge." + render.signature_text(s),
                    attachments=[(f"BAS Q3 FY26 {c.code}.pdf", att)],
                )

            self.k.pair(
                ".eml",
                mail(y),
                mail(x),
                "relationships/outside-bookkeeper",
                MIS,
                f"BAS of {y.cid} sent to the outside bookkeeper authorised by {x.cid} only",
                f"BAS of {x.cid} to {x.cid}'s own bookkeeper",
            )

        for n in range(self.k.times(2)):
            one(n)

    def former_partner_return(self) -> None:
        for n, ext in enumerate([".pdf", ".eml"][: self.k.times(2)]):
            v, ex = self.reg.separated[(n * 5 + 2) % len(self.reg.separated)]
            other = self.reg.singles[(n * 17 + 3) % len(self.reg.singles)]
            if ext == ".pdf":
                bad = render.pdf(content.letter_for(ex, content.return_ready(v, self.rng), self.rng))
                good = render.pdf(content.letter_for(ex, content.return_ready(ex, self.rng), self.rng))
            else:
                s = staff(2)
                bad = self.k.eml(
                    staff_mail(s),
                    [ex.email],
                    "Your 2025 return",
                    content.email_text(content.return_ready(v, self.rng), f"Hi {ex.nick},", s),
                )
                good = self.k.eml(
                    staff_mail(s),
                    [ex.email],
                    "Your 2025 return",
                    content.email_text(content.return_ready(ex, self.rng), f"Hi {ex.nick},", s),
                )
            _ = other
            self.k.pair(
                ext,
                bad,
                good,
                "relationships/former-partner-own-return",
                MIS,
                f"the individual return of {v.cid} (own client code and TFN digits) sent to former partner "
                f"{ex.cid}; joint only in the wound-up entity",
                f"{ex.cid}'s own return to {ex.cid}",
            )

    def couple_no_authority(self) -> None:
        he, wife = next((a, b) for a, b in self.reg.couples if b.cid not in a.authorised)
        s = staff(3)

        def mk(c):
            return self.k.eml(
                staff_mail(s),
                [he.email],
                "Return ready to sign",
                content.email_text(content.return_ready(c, self.rng), f"Hi {he.nick},", s),
            )

        self.k.pair(
            ".eml",
            mk(wife),
            mk(he),
            "relationships/spouse-without-authority",
            MIS,
            f"the individual return of {wife.cid} emailed to spouse {he.cid}; the couple never gave a household "
            "authority",
            f"{he.cid}'s own return to {he.cid}",
        )

    def broker(self) -> None:
        x, br = self.reg.with_broker[0]
        y = self.reg.singles[(self.j + 29) % len(self.reg.singles)]
        mailbox = next(a for a in x.authorised if br[1] in a)
        s = staff(0)

        def mk(c):
            return self.k.eml(
                staff_mail(s),
                [f"{br[2]} <{mailbox}>"],
                f"Income verification - {c.name}",
                content.email_text(content.noa(c, self.rng), f"Hi {br[2].split()[0]},", s),
            )

        self.k.pair(
            ".eml",
            mk(y),
            mk(x),
            "relationships/mortgage-broker",
            MIS,
            f"notice of assessment of {y.cid} sent to the broker authorised by {x.cid}",
            f"{x.cid}'s notice to {x.cid}'s broker",
        )

    # -- identifiers and dates ------------------------------------------------------------------------------
    def full_tfn(self) -> None:
        def one(n) -> None:
            a, _ = self.two()
            s = staff(n + 6)

            def mk(t):
                return self.k.eml(
                    staff_mail(s),
                    [a.email],
                    "Your 2025 return",
                    content.email_text(content.return_ready(a, self.rng, tfn=t), f"Hi {a.nick},", s),
                )

            self.k.pair(
                ".eml",
                mk("full"),
                mk("masked"),
                "identifiers-dates/full-tfn-by-email",
                ["sensitive_identifier"],
                f"{a.cid}'s own full TFN typed into a plain email (practice policy: "
                "masked in email, full only through the portal)",
                f"same email to {a.cid}, TFN masked",
            )

        for n in range(self.k.times(2)):
            one(n)

    def tfn_to_planner(self) -> None:
        x, pl = self.reg.with_planner[2]
        mailbox = next(a for a in x.authorised if pl[1] in a)
        s = staff(2)

        def mk(t):
            return self.k.eml(
                staff_mail(s),
                [mailbox],
                f"{x.name} - super contribution caps",
                f"Hi {pl[2].split()[0]},\n\n{x.name} (TFN {t}) has $18,400 of concessional cap "
                "carried forward from 2021-2025." + render.signature_text(s),
            )

        self.k.pair(
            ".eml",
            mk(content.full_tfn(x)),
            mk(content.masked_tfn(x)),
            "identifiers-dates/tfn-to-adviser",
            ["sensitive_identifier"],
            f"full TFN of {x.cid} sent to {x.cid}'s authorised planner (a TFN goes to no third party)",
            "same email, TFN masked",
        )

    def other_tfn(self) -> None:
        a, b = self.two()
        s = staff(5)

        def mk(t):
            return self.k.eml(
                staff_mail(s),
                [b.email],
                "TFN check",
                f"Hi {b.nick},\n\nThe ATO portal shows "
                f"the TFN we hold for you as {t}. Please confirm it matches your records." + render.signature_text(s),
            )

        self.k.pair(
            ".eml",
            mk(content.full_tfn(a)),
            mk(f"ending in {b.tfn[-3:]}"),
            "identifiers-dates/tfn-of-another",
            ["mismatched_recipient", "sensitive_identifier"],
            f"TFN of {a.cid} sent to {b.cid} as if it were {b.cid}'s",
            f"{b.cid}'s own TFN, last digits only",
        )

    def dob_formats(self) -> None:
        fmts = [("%d/%m/%Y", ".eml"), ("%-d %B %Y", ".pdf"), ("%d.%m.%y", ".docx"), ("%Y-%m-%d", ".txt")]

        def one(n, fmt, ext) -> None:
            a, b = self.two()

            def line(c):
                return f"For the ATO's proof of identity check we hold {c.formal}, born {c.dob.strftime(fmt)}."

            if ext == ".eml":
                s = staff(n)
                bad = self.k.eml(
                    staff_mail(s),
                    [b.email],
                    "Identity check before lodgement",
                    f"Hi {b.nick},\n\n{line(a)} Please reply if this is wrong." + render.signature_text(s),
                )
                good = self.k.eml(
                    staff_mail(s),
                    [b.email],
                    "Identity check before lodgement",
                    f"Hi {b.nick},\n\n{line(b)} Please reply if this is wrong." + render.signature_text(s),
                )
            else:
                doc = {
                    "subject": "Identity check before lodgement",
                    "refs": [("Client code", b.code)],
                    "body": ["Please check the details below and call us if anything is wrong."],
                }
                bad = content.render_as(ext, content.letter_for(b, doc, self.rng, extra_body=[line(a)]))
                good = content.render_as(ext, content.letter_for(b, doc, self.rng, extra_body=[line(b)]))
            self.k.pair(
                ext,
                bad,
                good,
                "identifiers-dates/name-and-date-of-birth",
                MIS,
                f"name and date of birth ({fmt.replace('%', '')}) of {a.cid} sent to {b.cid}",
                f"{b.cid}'s own name and date of birth",
            )

        for n, (fmt, ext) in enumerate(fmts[: self.k.times(4)]):
            one(n, fmt, ext)

    def invoice_abn(self) -> None:
        a = self.reg.business[3]
        b = self.reg.business[7]

        def inv(c: Client, to: Client) -> bytes:
            doc = content.invoice(c, self.rng, number="INV-44187")
            doc["refs"].insert(1, ("Client ABN", content.fmt_abn(content.abn_of(c))))
            doc["subject"] = f"Tax Invoice INV-44187 - {c.business}"
            return render.pdf(content.letter_for(to, doc, self.rng, name="business", salutation="Dear Client,"))

        self.k.pair(
            ".pdf",
            inv(a, b),
            inv(b, b),
            "identifiers-dates/invoice-abn",
            MIS,
            f"tax invoice for {a.cid}'s business (ABN, client code) addressed to {b.cid}",
            f"{b.cid}'s own invoice",
        )

    # -- headers and links ----------------------------------------------------------------------------------
    def autocomplete(self) -> None:
        a, b = self.reg.namesakes[2]
        s = staff(4)
        text = content.email_text(content.return_ready(a, self.rng), f"Hi {a.nick},", s)
        bad = self.k.eml(staff_mail(s), [f"{a.name} <{b.email}>"], "Your 2025 return", text)
        good = self.k.eml(staff_mail(s), [f"{a.name} <{a.email}>"], "Your 2025 return", text)
        self.k.pair(
            ".eml",
            bad,
            good,
            "headers-links/autocompleted-namesake",
            MIS,
            f"return of {a.cid} emailed to namesake {b.cid}'s address (display name right, mailbox wrong)",
            f"same email to {a.cid}'s own mailbox",
        )

    def two_clients_in_to(self) -> None:
        a, b = self.two()
        s = staff(6)
        text = content.email_text(content.info_request(a, self.rng), f"Hi {a.nick},", s)
        bad = self.k.eml(staff_mail(s), [a.email, b.email], "Tax time - what we need", text)
        good = self.k.eml(staff_mail(s), [a.email], "Tax time - what we need", text)
        self.k.pair(
            ".eml",
            bad,
            good,
            "headers-links/second-client-in-to",
            MIS,
            f"checklist for {a.cid} addressed to {a.cid} and, by autocomplete, {b.cid}",
            f"the checklist to {a.cid} alone",
        )

    def portal_link(self) -> None:
        a, b = self.two()
        s = staff(2)

        def page(c):
            return (
                f"<html><body><p>Hi {html.escape(b.nick)},</p><p>Your return is ready. <a href='"
                f"{world.PORTAL}/sign?client={c.code}&amp;doc=ITR25'>Review and sign</a></p>"
                f"{render.signature_html(s)}</body></html>"
            )

        self.k.pair(
            ".eml",
            self.k.eml(staff_mail(s), [b.email], "Ready to sign", html_body=page(a)),
            self.k.eml(staff_mail(s), [b.email], "Ready to sign", html_body=page(b)),
            "headers-links/portal-link-client-code",
            MIS,
            f"signing link for {b.cid} carries the client code of {a.cid}",
            f"link carries {b.cid}'s own code",
        )

    # -- threads ------------------------------------------------------------------------------------------
    def reused_thread(self) -> None:
        for n in range(self.k.times(2)):
            a, b = self.two()
            s = staff(n + 3)
            old = (
                f"Hi {s[0]},\n\nMy new address is {a.addr.line()} and my mobile is {a.phone}. Client "
                f"{a.code}.\n\n{a.given}"
            )
            top = f"Hi {b.nick},\n\nYour return has been lodged. Your refund should arrive within two weeks."
            q = (
                render.text_quote_outlook(
                    f"{a.name} <{a.email}>", "Tuesday, 3 March 2026 10:12 AM", staff_mail(s), "Change of address", old
                )
                if n % 2 == 0
                else render.text_quote_gmail(f"{a.name} <{a.email}>", "Tue, 3 Mar 2026 at 10:12", old)
            )
            q_good = (
                render.text_quote_outlook(
                    f"{b.name} <{b.email}>",
                    "Tuesday, 3 March 2026 10:12 AM",
                    staff_mail(s),
                    "Lodgement",
                    f"Hi {s[0]}, is it lodged yet?\n\n{b.given}",
                )
                if n % 2 == 0
                else render.text_quote_gmail(
                    f"{b.name} <{b.email}>", "Tue, 3 Mar 2026 at 10:12", f"Hi {s[0]}, is it lodged yet?\n\n{b.given}"
                )
            )
            bad = self.k.eml(staff_mail(s), [b.email], "RE: Lodged", top + render.signature_text(s) + q)
            good = self.k.eml(staff_mail(s), [b.email], "RE: Lodged", top + render.signature_text(s) + q_good)
            self.k.pair(
                ".eml",
                bad,
                good,
                "threads/reused-thread",
                MIS,
                f"reply to {b.cid} typed into a thread with {a.cid}, quoting {a.cid}'s address and mobile",
                f"reply to {b.cid} quoting {b.cid}'s own message",
            )

    def forward_to_planner(self) -> None:
        x, pl = self.reg.with_planner[3]
        y = self.reg.singles[77]
        mailbox = next(a for a in x.authorised if pl[1] in a)
        s = staff(0)

        def mk(c: Client) -> bytes:
            inner = content.email_text(content.noa(c, self.rng), f"Hi {c.nick},", s)
            return self.k.eml(
                staff_mail(s),
                [mailbox],
                f"FW: Notice of assessment - {x.name}",
                f"Hi {pl[2].split()[0]},\n\nFYI below, as discussed."
                + render.signature_text(s)
                + render.text_quote_outlook(
                    staff_mail(s),
                    "Friday, 6 March 2026 2:02 PM",
                    f"{c.name} <{c.email}>",
                    "Notice of assessment",
                    inner,
                ),
            )

        self.k.pair(
            ".eml",
            mk(y),
            mk(x),
            "threads/forward-to-adviser",
            MIS,
            f"forward to {x.cid}'s planner carries the notice of {y.cid}",
            f"forward carries {x.cid}'s notice",
        )

    def html_thread(self) -> None:
        a, b = self.two()
        s = staff(2)

        def mk(c: Client) -> bytes:
            quoted = (
                f"<p>Hi {html.escape(s[0])}, my rental agent's statement is attached. Property at "
                f"{html.escape(c.addr.line())}. Client {c.code}.</p><p>{html.escape(c.given)}</p>"
            )
            body = (
                f"<html><body><p>Hi {html.escape(b.nick)},</p><p>Thanks, we have everything we need now.</p>"
                + render.signature_html(s)
                + render.outlook_quote(
                    f"{c.name} <{c.email}>", "Wednesday, 4 March 2026 8:15 PM", staff_mail(s), "Rental", quoted
                )
                + "</body></html>"
            )
            return self.k.eml(staff_mail(s), [b.email], "RE: Rental", html_body=body)

        self.k.pair(
            ".eml",
            mk(a),
            mk(b),
            "threads/outlook-html-quote",
            MIS,
            f"HTML reply to {b.cid} quotes {a.cid}'s message (address, client code)",
            f"HTML reply to {b.cid} quotes {b.cid}'s own message",
        )

    def html_table(self) -> None:
        a, b = self.two()
        s = staff(6)

        def mk(c: Client) -> bytes:
            doc = content.return_ready(c, self.rng)
            t = doc["body"][1]
            body = (
                f"<html><body><p>Dear {html.escape(b.title)} {html.escape(b.family)},</p><p>Your estimate for "
                f"{html.escape(c.formal)} (client {c.code}):</p>{render._html_table(t[1], t[2])}"
                f"{render.signature_html(s)}</body></html>"
            )
            return self.k.eml(
                staff_mail(s),
                [b.email],
                "Your 2025 estimate",
                html_body=body,
                text=f"Your estimate for {c.formal} (client {c.code}) is in the HTML part.",
            )

        self.k.pair(
            ".eml",
            mk(a),
            mk(b),
            "html-mail/estimate-table",
            MIS,
            f"HTML estimate for {a.cid} sent to {b.cid}",
            f"{b.cid}'s own estimate",
        )

    # -- attachments --------------------------------------------------------------------------------------
    def wrong_attachment(self) -> None:
        specs = [".pdf", ".pdf", ".docx", ".txt"]

        def one(n, ext) -> None:
            a, b = self.two()
            s = staff(n)

            def mk(c: Client) -> bytes:
                doc = content.return_ready(c, self.rng) if n % 2 == 0 else content.engagement(c, self.rng)
                att = content.render_as(ext, content.letter_for(c, doc, self.rng))
                label = "ITR 2025" if n % 2 == 0 else "Engagement 2026"
                return self.k.eml(
                    staff_mail(s),
                    [b.email],
                    f"{label} - documents",
                    f"Hi {b.nick},\n\nPlease find your {label.lower()} attached."
                    + render.signature_text(s, office_of(s)),
                    attachments=[(f"{label} {c.family} {c.code}{ext}", att)],
                )

            self.k.pair(
                ".eml",
                mk(a),
                mk(b),
                "mime-parts/wrong-attachment",
                MIS,
                f"email to {b.cid} attaches the {ext[1:].upper()} of {a.cid}",
                f"email to {b.cid} with {b.cid}'s own {ext[1:].upper()}",
            )

        for n, ext in enumerate(specs[: self.k.times(4)]):
            one(n, ext)

    def forwarded_message(self) -> None:
        a, b = self.two()
        s = staff(5)

        def mk(c: Client) -> bytes:
            inner = render.eml(
                900 + self.k.n,
                f"{c.name} <{c.email}>",
                [staff_mail(s)],
                "My PAYG summary",
                f"Hi, my income statement is below.\nTFN ending {c.tfn[-3:]}, client {c.code}\n"
                f"Gross $84,220, tax withheld $17,940\n\n{c.given}",
            )
            return self.k.eml(
                staff_mail(s),
                [b.email],
                "FW: My PAYG summary",
                f"Hi {b.nick}, is this the latest figure?" + render.signature_text(s),
                forward=inner,
            )

        self.k.pair(
            ".eml",
            mk(a),
            mk(b),
            "mime-parts/attached-message",
            MIS,
            f"email to {b.cid} forwards {a.cid}'s message as an attachment",
            f"email to {b.cid} forwards {b.cid}'s own message",
        )

    def invite_description(self) -> None:
        a, b = self.two()
        s = staff(3)
        start = render.dt.datetime(2026, 3, 24, 14, 30)

        def mk(c: Client) -> bytes:
            cal = render.ics(
                f"mpt-appt-{c.code}@{world.DOMAIN}",
                start,
                45,
                "Tax return appointment",
                f"{office_of(s)[1]}, {office_of(s)[2]}",
                f"{s[3]}@{world.DOMAIN}",
                [(b.name, b.email)],
                f"Client {c.formal} ({c.code}), DOB {c.dob.strftime('%d/%m/%Y')}. Bring: PAYG summary",
            )
            return self.k.eml(
                staff_mail(s),
                [b.email],
                "Invitation: Tax return appointment",
                "Appointment details are in the invitation." + render.signature_text(s),
                calendar=cal,
            )

        self.k.pair(
            ".eml",
            mk(a),
            mk(b),
            "mime-parts/invitation-notes",
            MIS,
            f"appointment invitation to {b.cid} whose notes name {a.cid} with date of birth and code",
            f"invitation notes name {b.cid}",
        )


def write(k: Corpus) -> None:
    Mis(k).run()
