"""Bulk client lists, merge fields that survived, parts that cannot be read, merged print files given to
``dlp scan``, and the allowed items in the same areas that a scanner must let through (a client's own details,
partners seeing their joint statement, a protected client's town named as our office)."""

from __future__ import annotations

import base64
import io
import zipfile

from tests.corpora.tax import content, render, world
from tests.corpora.tax.kit import Corpus, staff, staff_mail
from tests.corpora.tax.registry import Client


class Misc:
    def __init__(self, k: Corpus):
        self.k, self.rng, self.reg = k, k.rng, k.reg

    def run(self) -> None:
        for f in (
            self.bulk_csv,
            self.bulk_to_ato,
            self.bulk_sms,
            self.unmerged,
            self.unscannable,
            self.merged,
            self.own_details,
            self.joint_allowed,
            self.loose_allowed,
            self.identifiers_allowed,
        ):
            f()

    # -- bulk -----------------------------------------------------------------------------------------------
    def _csv(self, clients: list[Client]) -> bytes:
        rows = ["ClientCode,Name,DOB,Mobile,Email,Refund"]
        rows += [
            f"{c.code},{c.name},{c.dob.isoformat()},{c.phone},{c.email},{self.rng.randint(50, 4000)}" for c in clients
        ]
        return ("\n".join(rows) + "\n").encode()

    def bulk_csv(self) -> None:
        clients = self.reg.singles[20:48]
        data = self._csv(clients)
        s = world.STAFF[4]

        def mk(to, why):
            return self.k.eml(
                staff_mail(s),
                [to],
                "Client export for the new CRM",
                f"Hi,\n\n{why} Export attached (28 clients, first batch)." + render.signature_text(s),
                attachments=[("export_batch1.csv", data)],
            )

        self.k.pair(
            ".eml",
            mk(f"gus@{world.SUPPLIERS[0][1]}", "For the migration test as discussed."),
            mk(f"{world.STAFF[2][3]}@{world.DOMAIN}", "Can you check this before it goes anywhere?"),
            "bulk/crm-export",
            ["bulk_client_data"],
            "28 clients' details (date of birth, mobile, email) sent to the IT supplier",
            "same export sent to a colleague inside the practice",
        )

    def bulk_to_ato(self) -> None:
        def listing(clients: list[Client]) -> bytes:
            return render.pdf_report(
                "Lodgment program - deferral request",
                [
                    "Tax agent 24681357 requests a deferral to 15 May 2026 for the clients below (illness of a senior "
                    "accountant).",
                    "",
                ],
                (["Client", "TFN", "Due"], [(c.name, content.full_tfn(c), "31/03/2026") for c in clients]),
            )

        s = world.STAFF[0]

        def mk(cl):
            return self.k.eml(
                staff_mail(s),
                [f"Agent deferrals <deferrals@{world.ATO}>"],
                "Deferral request - agent 24681357",
                "Please see the attached request." + render.signature_text(s),
                attachments=[("deferral.pdf", listing(cl))],
            )

        self.k.pair(
            ".eml",
            mk(self.reg.singles[60:76]),
            mk(self.reg.singles[60:63]),
            "bulk/ato-deferral-list",
            ["bulk_client_data"],
            "sixteen clients' names and TFNs in one list to the ATO (approved, but "
            "bulk client data is still held; the ATO's portal is the channel for this)",
            "three clients' deferral request to the ATO (TFN allowed to the ATO by our policy)",
        )

    def bulk_sms(self) -> None:
        s = world.STAFF[4]
        clients = self.reg.singles[90:104]
        staffers = world.STAFF + [(b[0], b[1], b[2], b[3], "Wagga Wagga") for b in world.BOOKS_STAFF]
        bad = "\n".join(f"{c.name}, {c.phone}" for c in clients)
        good = "\n".join(f"{x[0]} {x[1]}, 04{10 + i} 555 0{10 + i}" for i, x in enumerate(staffers))

        def mk(body):
            return self.k.eml(
                staff_mail(s),
                [f"campaigns@{world.SUPPLIERS[1][1]}"],
                "SMS list for tax time reminders",
                f"Hi Dana,\n\nList below.\n\n{body}" + render.signature_text(s),
            )

        self.k.pair(
            ".eml",
            mk(bad),
            mk(good),
            "bulk/sms-list",
            ["bulk_client_data"],
            "fourteen clients' names and mobiles to the print and mail supplier",
            "the practice's own staff list (no clients) to the same supplier for a test send",
        )

    # -- unmerged ----------------------------------------------------------------------------------------
    def unmerged(self) -> None:
        cs = self.reg.singles[110:116]
        c = cs[0]
        doc = content.info_request(c, self.rng)
        bad = content.letter_for(c, doc, self.rng, salutation="Dear «Title» «LastName»,")
        good = content.letter_for(c, doc, self.rng)
        self.k.pair(
            ".pdf",
            render.pdf(bad),
            render.pdf(good),
            "unmerged/guillemet-field",
            ["unmerged_field"],
            f"letter to {c.cid} with «Title» «LastName» left in the salutation",
            "the merged letter",
        )
        c = cs[1]
        s = staff(6)

        def txt(g):
            return self.k.eml(
                staff_mail(s),
                [c.email],
                "Tax time is here",
                f"Hi {g},\n\nIt's tax time again. Book online or call {world.MAIN_PHONE}." + render.signature_text(s),
            )

        self.k.pair(
            ".eml",
            txt("{{client_first_name}}"),
            txt(c.nick),
            "unmerged/curly-field",
            ["unmerged_field"],
            f"reminder to {c.cid} sent with {{{{client_first_name}}}}",
            "the merged reminder",
        )
        c = cs[2]
        field_xml = (
            '<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:r>'
            '<w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> MERGEFIELD '
            'TrustName </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>'
            '</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
        )
        doc = content.engagement(c, self.rng)
        self.k.pair(
            ".docx",
            render.docx(content.letter_for(c, doc, self.rng), extra_xml=field_xml),
            render.docx(content.letter_for(c, doc, self.rng)),
            "unmerged/word-mergefield",
            ["unmerged_field"],
            f"engagement letter to {c.cid} with an empty MERGEFIELD TrustName",
            "the letter without it",
        )
        c = cs[3]
        doc = content.noa(c, self.rng)
        self.k.pair(
            ".txt",
            render.txt(content.letter_for(c, doc, self.rng, salutation="Dear [Surname],")),
            render.txt(content.letter_for(c, doc, self.rng)),
            "unmerged/square-field",
            ["unmerged_field"],
            f"letter to {c.cid} with [Surname] unmerged",
            "the merged letter",
        )
        c = cs[4]
        doc = content.invoice(c, self.rng)
        self.k.pair(
            ".rtf",
            render.rtf(content.letter_for(c, doc, self.rng, names=[f"<<Title>> <<Initial>> {c.family}"])),
            render.rtf(content.letter_for(c, doc, self.rng, name="initials")),
            "unmerged/angle-field",
            ["unmerged_field"],
            f"invoice to {c.cid} with <<Title>> <<Initial>> in the address block",
            "the merged invoice",
        )

    # -- unscannable ------------------------------------------------------------------------------------
    def unscannable(self) -> None:
        cs = self.reg.singles[120:126]
        c = cs[0]
        s = staff(2)
        doc = content.return_ready(c, self.rng)
        pw = c.dob.strftime("%d%m%Y")

        def mk(data, note):
            return self.k.eml(
                staff_mail(s),
                [c.email],
                "Your 2025 return",
                f"Hi {c.nick},\n\nYour return is attached. {note}" + render.signature_text(s),
                attachments=[(f"ITR 2025 {c.code}.pdf", data)],
            )

        letter = content.letter_for(c, doc, self.rng)
        self.k.pair(
            ".eml",
            mk(render.pdf(letter, password=pw), "The password is your date of birth (DDMMYYYY)."),
            mk(render.pdf(letter), "Please sign it in the portal."),
            "unscannable/password-pdf",
            ["unscannable_content"],
            f"password-protected PDF return to {c.cid}: nothing in it can be checked",
            "the same return unprotected",
        )
        c = cs[1]
        good_docx = render.docx(content.letter_for(c, content.engagement(c, self.rng), self.rng))

        def mk(data):
            return self.k.eml(
                staff_mail(s),
                [c.email],
                "Engagement letter 2026",
                "Please sign and return." + render.signature_text(s),
                attachments=[("Engagement 2026.docx", data)],
            )

        self.k.pair(
            ".eml",
            mk(good_docx[: len(good_docx) // 2]),
            mk(good_docx),
            "unscannable/corrupt-docx",
            ["unscannable_content"],
            f"engagement letter to {c.cid} attached as a truncated DOCX",
            "the whole DOCX",
        )
        c = cs[2]
        block = (
            "-----BEGIN PGP MESSAGE-----\nVersion: GnuPG v2\n\nhQEMA"
            + base64.b64encode(bytes(self.rng.randrange(256) for _ in range(300))).decode()
            + "\n=Xk3v\n-----END PGP MESSAGE-----"
        )

        def mk(body):
            return self.k.eml(
                staff_mail(s),
                [c.email],
                "Your documents",
                f"Hi {c.nick},\n\n{body}" + render.signature_text(s),
            )

        self.k.pair(
            ".eml",
            mk(block),
            mk("Your documents are in the portal under 2025."),
            "unscannable/pgp-block",
            ["unscannable_content"],
            f"PGP-encrypted body to {c.cid}",
            "the plain note pointing to the portal",
        )
        c = cs[3]
        pdf_bytes = render.pdf(content.letter_for(c, content.noa(c, self.rng), self.rng))
        good = self.k.eml(
            staff_mail(s),
            [c.email],
            "Notice of assessment",
            "Attached." + render.signature_text(s),
            attachments=[("NOA.pdf", pdf_bytes)],
        )
        b64 = base64.encodebytes(pdf_bytes).decode()
        broken = b64[:400] + "!!%%" + b64[404:1200] + "#\n"  # a line that cannot be decoded, then cut short
        i = good.find(b"Content-Disposition: attachment")
        head, tail = good[:i], good[i:]
        j = tail.find(b"\r\n\r\n") + 4
        end = tail.find(b"\r\n--", j)
        bad = head + tail[:j] + broken.replace("\n", "\r\n").encode() + tail[end:]
        self.k.pair(
            ".eml",
            bad,
            good,
            "unscannable/broken-base64",
            ["unscannable_content"],
            f"notice to {c.cid} whose PDF attachment's base64 is damaged and cut short",
            "the same notice intact",
        )

    # -- merged print files given to dlp scan ----------------------------------------------------------
    def merged(self) -> None:
        cs = self.reg.singles[130:142]
        first, second = cs[:4], cs[4:8]

        def letters(group, fix):
            return [
                content.letter_for(
                    c,
                    content.noa(c, self.rng),
                    self.rng,
                    window=(20, 48),
                    salutation=fix(c, i),
                )
                for i, c in enumerate(group)
            ]

        def ok(c, i):
            return c.dear

        bad1 = letters(first, lambda c, i: "Dear «Salutation»," if i == 2 else c.dear)
        self.k.pair_letters(
            ".pdf",
            render.pdf_many(bad1),
            render.pdf_many(letters(first, ok)),
            "mail-merge/print-file-unmerged",
            [
                {"expect": "allow"},
                {"expect": "allow"},
                {"expect": "block", "rules": ["unmerged_field"]},
                {"expect": "allow"},
            ],
            f"print file of four notices; the third (to {first[2].cid}) kept «Salutation»",
            "the same print file merged",
        )
        good2 = letters(second, ok)
        bad2 = list(good2)
        wrong = second[1]
        other = cs[9]
        doc = content.noa(other, self.rng)
        doc["subject"] += f" - {other.formal}"
        bad2[1] = content.letter_for(wrong, doc, self.rng, window=(20, 48))
        good2[1] = content.letter_for(
            wrong,
            {**content.noa(wrong, self.rng), "subject": f"Notice of Assessment - {wrong.formal}"},
            self.rng,
            window=(20, 48),
        )
        self.k.pair_letters(
            ".pdf",
            render.pdf_many(bad2),
            render.pdf_many(good2),
            "mail-merge/print-file-wrong-client",
            [
                {"expect": "allow"},
                {"expect": "block", "rules": ["mismatched_recipient", "mixed_client_documents"]},
                {"expect": "allow"},
                {"expect": "allow"},
            ],
            f"print file of four notices; the second, addressed to {wrong.cid}, is {other.cid}'s",
            "the same print file, each notice its addressee's",
        )

    # -- allowed items in the risky areas -----------------------------------------------------------
    def own_details(self) -> None:
        cs = self.reg.singles[142:150]
        c = cs[0]
        doc = content.change_details(c, c.addr.lines("mixed"), c.phone, c.email)
        self.k.add(
            ".pdf",
            render.pdf(content.letter_for(c, doc, self.rng)),
            "recipient-own-details/confirmation",
            f"{c.cid}'s own updated details confirmed to {c.cid}",
        )
        c = cs[1]
        s = staff(6)
        self.k.add(
            ".eml",
            self.k.eml(
                staff_mail(s),
                [c.email],
                "Your details",
                f"Hi {c.nick},\n\nWe have you as {c.formal}, born {c.dob.strftime('%d/%m/%Y')}, "
                f"{c.addr.line()}, mobile {c.phone}. TFN ending {c.tfn[-3:]}. All correct?" + render.signature_text(s),
            ),
            "recipient-own-details/identity-check",
            f"{c.cid}'s own date of birth, address and mobile to {c.cid}",
        )
        for n, (v, _ex) in enumerate(self.reg.separated[: self.k.times(3)]):
            doc = content.change_details(v, v.addr.lines("mixed"), v.phone, v.email)
            ext = [".pdf", ".docx", ".txt"][n]
            self.k.add(
                ext,
                content.render_as(ext, content.letter_for(v, doc, self.rng)),
                "recipient-own-details/protected-client-own-address",
                f"protected client {v.cid}'s own new details posted to {v.cid} at the new address",
            )
        v, ex = next(p for p in self.reg.separated if "email" in p[0].suppressed)
        self.k.add(
            ".eml",
            self.k.eml(
                staff_mail(world.STAFF[4]),
                [v.email],
                "Your protected details",
                f"Hi {v.nick},\n\nAs agreed, only {world.STAFF[4][0]} and Helen will see your "
                f"new address ({v.addr.line()}) and mobile ({v.phone}). Your former "
                "partner's letters about the trust will not mention them." + render.signature_text(world.STAFF[4]),
            ),
            "recipient-own-details/protected-client-own-email",
            f"protected client {v.cid}'s own new details emailed to {v.cid}'s new mailbox",
        )
        c = cs[3]
        doc = content.return_ready(c, self.rng, tfn="full")
        self.k.add(
            ".pdf",
            render.pdf(content.letter_for(c, doc, self.rng)),
            "recipient-own-details/own-tfn-by-post",
            f"{c.cid}'s return for signing posted to {c.cid} with {c.cid}'s own full TFN (as the ATO's own "
            "notices carry it); judgement: allowed by post",
        )

    def joint_allowed(self) -> None:
        for n in range(self.k.times(2)):
            he, she = self.reg.couples[n * 3]
            doc = content.entity_statement(he, she, self.rng)
            ext = [".pdf", ".docx"][n]
            self.k.add(
                ext,
                content.render_as(ext, content.letter_for(he, doc, self.rng)),
                "relationships/partners-statement",
                f"partnership or trust statement naming {he.cid} and joint holder {she.cid} sent to {he.cid}",
            )
        v, ex = self.reg.separated[5]
        doc = content.entity_statement(
            ex, v, self.rng, (", ".join(ex.addr.lines("mixed")), "c/- Murray Plains Tax & Bookkeeping, " + world.PO_BOX)
        )
        self.k.add(
            ".pdf",
            render.pdf(content.letter_for(ex, doc, self.rng)),
            "relationships/former-partner-statement",
            f"statement to {ex.cid} naming joint holder {v.cid}, whose address is care of the practice",
        )
        he, she = next((a, b) for a, b in self.reg.couples if b.cid in a.authorised)
        s = staff(2)
        self.k.add(
            ".eml",
            self.k.eml(
                staff_mail(s),
                [he.email],
                "Both returns ready",
                content.email_text(
                    content.return_ready(she, self.rng),
                    f"Hi {he.nick}, {she.given}'s is below; yours follows separately.",
                    s,
                ),
            ),
            "relationships/household-authority",
            f"{she.cid}'s return sent to spouse {he.cid}, whom {she.cid} authorised",
        )
        p, who = next((p, w) for p, w in self.reg.elderly if w.startswith("C"))
        child = self.reg.by_id[who]
        doc = content.noa(p, self.rng)
        self.k.add(
            ".pdf",
            render.pdf(content.letter_for(child, doc, self.rng, names=[child.formal, f"Attorney for {p.formal}"])),
            "relationships/attorney",
            f"notice of {p.cid} to {child.cid}, the attorney {p.cid} named",
        )

    def loose_allowed(self) -> None:
        v, ex = next(p for p in self.reg.separated if p[0].addr.suburb == "Griffith")
        s = world.STAFF[3]
        self.k.add(
            ".eml",
            self.k.eml(
                staff_mail(s),
                [ex.email],
                "Easter closure",
                f"Hi {ex.nick},\n\nOur Griffith office at 141 Banna Avenue is closed from 3 to 7 "
                "April. Drop your papers at Wagga Wagga or Albury, or use the portal."
                + render.signature_text(s, world.OFFICES[2]),
            ),
            "suppressed-loose/our-office-town",
            f"to {ex.cid}: our Griffith office closes for Easter; "
            f"{v.cid} lives in Griffith but the town is only our office's",
        )
        short = next((p for p in self.reg.separated if p[0].addr.suburb in ("Hay", "Yass")), None)
        if short:
            v, ex = short
            self.k.add(
                ".eml",
                self.k.eml(
                    staff_mail(s),
                    [ex.email],
                    "Before 30 June",
                    f"Hi {ex.nick},\n\nA reminder to make hay while the sun shines: super "
                    "contributions must reach the fund by 30 June to count this year." + render.signature_text(s),
                ),
                "suppressed-loose/short-word",
                f"to {ex.cid}: 'make hay' is a phrase, not where {v.cid} lives",
            )
        v, ex = self.reg.separated[2]
        self.k.add(
            ".eml",
            self.k.eml(
                staff_mail(s),
                [ex.email],
                "Wind-up",
                f"Hi {ex.nick},\n\n{v.given} has signed the deed through {'her' if v.sex == 'F' else 'his'} "
                "solicitors. We'll lodge the final return next week." + render.signature_text(s),
            ),
            "suppressed-loose/name-without-place",
            f"to {ex.cid}: names joint holder {v.cid}, says nothing of where they live",
        )

    def identifiers_allowed(self) -> None:
        c = self.reg.singles[150]
        s = staff(7)
        from tests.corpora.tax.registry import not_tfn

        r = not_tfn(self.rng)
        self.k.add(
            ".eml",
            self.k.eml(
                staff_mail(s),
                [c.email],
                "Lodged",
                f"Hi {c.nick},\n\nYour return was lodged today. ATO receipt number "
                f"{r[:3]} {r[3:6]} {r[6:]}." + render.signature_text(s),
            ),
            "identifiers-dates/receipt-number",
            f"lodgement receipt (nine digits, not a TFN) to {c.cid}",
        )
        c = self.reg.business[11]
        doc = content.bas(c, self.rng)
        self.k.add(
            ".pdf",
            render.pdf(content.letter_for(c, doc, self.rng, name="business", salutation="Dear Client,")),
            "identifiers-dates/own-abn",
            f"{c.cid}'s BAS with {c.cid}'s own ABN",
        )


def zip_bytes(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in files.items():
            z.writestr(zipfile.ZipInfo(name, (2026, 3, 2, 9, 0, 0)), data)
    return buf.getvalue()


def write(k: Corpus) -> None:
    Misc(k).run()
