"""Suppressed-detail incidents. A protected client (usually she; in one couple he) left the family home; the
partnership or family trust the couple shares is still being wound up, so the practice writes to both former
partners about it. Her new address, suburb, mobile and email must reach no one but her (and the cleared staff):
not her former partner, not his solicitor, not the ATO, not staff who are not cleared. Each incident's twin is
the same item done right: her address for notices given as "c/- Murray Plains Tax", no quoted signature, a
separate invitation, the right person's mailbox."""

from __future__ import annotations

import html

from tests.corpora.tax import content, render, world
from tests.corpora.tax.kit import Corpus, office_of, staff, staff_mail
from tests.corpora.tax.registry import Client

CARE_OF = ["c/- Murray Plains Tax & Bookkeeping", world.PO_BOX]


def she(v: Client) -> str:
    return "she" if v.sex == "F" else "he"


def her(v: Client) -> str:
    return "her" if v.sex == "F" else "his"


class Supp:
    def __init__(self, k: Corpus):
        self.k, self.rng, self.reg = k, k.rng, k.reg
        self.i = 0

    def couple(self, email: bool = False, towns: tuple = ()) -> tuple[Client, Client]:
        pool = [
            p
            for p in self.reg.separated
            if (not email or "email" in p[0].suppressed) and (not towns or p[0].addr.suburb in towns)
        ]
        self.i += 1
        return pool[self.i % len(pool)]

    def run(self) -> None:
        for f in (
            self.entity_statement,
            self.ex_solicitor,
            self.delivery_at_new,
            self.joint_names_new,
            self.confirm_to_old,
            self.confirm_to_family_mailbox,
            self.loose_suburb,
            self.loose_phone,
            self.short_town,
            self.cc_new_email,
            self.mailto,
            self.quoted_signature,
            self.invite,
            self.minutes_attached,
            self.ato_partner_addresses,
            self.internal_uncleared,
            self.hidden_html,
        ):
            f()

    # -- relationships --------------------------------------------------------------------------------------
    def entity_statement(self) -> None:
        for _n, ext in enumerate([".pdf", ".docx"][: self.k.times(2)]):
            v, ex = self.couple()
            bad_doc = content.entity_statement(
                ex, v, self.rng, (", ".join(ex.addr.lines("mixed")), ", ".join(v.addr.lines("mixed")))
            )
            good_doc = content.entity_statement(
                ex, v, self.rng, (", ".join(ex.addr.lines("mixed")), ", ".join(CARE_OF))
            )
            bad = content.render_as(ext, content.letter_for(ex, bad_doc, self.rng))
            good = content.render_as(ext, content.letter_for(ex, good_doc, self.rng))
            self.k.pair(
                ext,
                bad,
                good,
                "relationships/former-partner-statement",
                ["mismatched_recipient"],
                f"{ex.cid}'s copy of the {'trust' if 'Trust' in ex.entity else 'partnership'} statement gives the "
                f"address for "
                f"notices of {v.cid} as {her(v)} suppressed new address",
                f"same statement to {ex.cid}; {v.cid}'s address for notices is care of the practice",
                suppressed=True,
            )

    def ex_solicitor(self) -> None:
        for n in range(self.k.times(2)):
            v, ex = self.couple()
            sol = ex.authorised[-1]
            s = staff(n * 3 + 2)
            figures = (
                f"The net value of {ex.entity} at 30 June 2025 was ${self.rng.randint(90, 600) * 1000:,}; "
                f"each party's capital account is in the attached schedule."
            )
            extra_bad = [
                f"{v.formal}'s current address for service is {v.addr.line()}"
                if n % 2 == 0
                else f"{v.given} can be reached on {v.phone} for signing."
            ]
            extra_good = [f"{v.formal} is represented by Okafor Family Law, who accept service for {her(v)}."]
            firm = next(x for x in world.SOLICITORS if x[1] in sol)
            body = (
                f"Dear {firm[2].split()[0]},\n\nRe: {ex.formal} - {ex.entity}\n\n"
                f"As requested by your client (authority on file), {figures}\n\n"
            )
            bad = self.k.eml(
                staff_mail(s),
                [sol],
                f"{ex.entity} - figures for property settlement",
                body + extra_bad[0] + render.signature_text(s),
            )
            good = self.k.eml(
                staff_mail(s),
                [sol],
                f"{ex.entity} - figures for property settlement",
                body + extra_good[0] + render.signature_text(s),
            )
            self.k.pair(
                ".eml",
                bad,
                good,
                "relationships/former-partners-solicitor",
                ["mismatched_recipient"],
                f"email to the solicitor authorised by {ex.cid} gives the suppressed "
                f"{'address' if n % 2 == 0 else 'mobile'} of {v.cid}",
                f"same email; {v.cid} is reached through {her(v)} own solicitors",
                suppressed=True,
            )

    # -- address blocks -------------------------------------------------------------------------------------
    def delivery_at_new(self) -> None:
        for _n, ext in enumerate([".pdf", ".rtf"][: self.k.times(2)]):
            v, ex = self.couple()
            doc = content.entity_statement(ex, v, self.rng)
            bad = content.letter_for(ex, doc, self.rng, name="initials", address=v.addr.lines("abbr"))
            good = content.letter_for(ex, doc, self.rng, name="initials", astyle="abbr")
            self.k.pair(
                ext,
                content.render_as(ext, bad),
                content.render_as(ext, good),
                "address-block/former-partner-at-new-address",
                ["mismatched_recipient"],
                f"letter to {ex.cid} addressed to the suppressed new address of {v.cid} (the entity's "
                "mailing address was overwritten with hers)",
                f"same letter to {ex.cid} at his own address",
                suppressed=True,
            )

    def joint_names_new(self) -> None:
        for _n, ext in enumerate([".pdf", ".docx"][: self.k.times(2)]):
            v, ex = self.couple()
            doc = content.entity_statement(ex, v, self.rng)
            both = [f"{ex.initials} & {v.initials}"]
            bad = content.letter_for(v, doc, self.rng, names=both, salutation="Dear Partners,")
            good = content.letter_for(v, doc, self.rng, salutation=v.dear)
            self.k.pair(
                ext,
                content.render_as(ext, bad),
                content.render_as(ext, good),
                "address-block/both-names-at-new-address",
                ["mismatched_recipient"],
                f"partnership letter addressed to {ex.cid} and {v.cid} together at the suppressed address "
                f"of {v.cid}: it tells {ex.cid} where {she(v)} lives",
                f"the same letter to {v.cid} alone at {her(v)} own address",
                suppressed=True,
            )

    # -- the protected client's own details, sent where they should not go -------------------------------
    def confirm_to_old(self) -> None:
        for _n, ext in enumerate([".pdf", ".docx", ".txt"][: self.k.times(3)]):
            v, ex = self.couple()
            doc = content.change_details(v, v.addr.lines("mixed"), v.phone, v.email)
            bad = content.letter_for(v, doc, self.rng, address=v.old_addr.lines("std"))
            good = content.letter_for(v, doc, self.rng)
            self.k.pair(
                ext,
                content.render_as(ext, bad),
                content.render_as(ext, good),
                "recipient-own-details/confirmation-to-former-home",
                ["mismatched_recipient"],
                f"confirmation of {v.cid}'s new suppressed address and mobile posted to the former home, "
                f"where {ex.cid} still lives",
                f"same confirmation posted to {v.cid}'s new address",
                suppressed=True,
            )

    def confirm_to_family_mailbox(self) -> None:
        for _n in range(self.k.times(2)):
            v, ex = self.couple(email=True)
            s = world.STAFF[6]
            doc = content.change_details(v, v.addr.lines("mixed"), v.phone, v.email)
            text = content.email_text(doc, f"Hi {v.nick},", s)
            bad = self.k.eml(staff_mail(s), [f"{v.given} {v.family} <{ex.emails[-1]}>"], doc["subject"], text)
            good = self.k.eml(staff_mail(s), [f"{v.given} {v.family} <{v.email}>"], doc["subject"], text)
            self.k.pair(
                ".eml",
                bad,
                good,
                "recipient-own-details/confirmation-to-old-mailbox",
                ["mismatched_recipient"],
                f"{v.cid}'s new suppressed details emailed to the old family mailbox now registered to {ex.cid}",
                f"same email to {v.cid}'s own new mailbox",
                suppressed=True,
            )

    # -- loose mentions -------------------------------------------------------------------------------------
    def loose_suburb(self) -> None:
        phrases = [
            lambda v: f"Now that {v.given} has moved to {v.addr.suburb}, {her(v)} share will be paid separately.",
            lambda v: (
                f"{v.title} {v.given[0]}. {v.family} (now in {v.addr.name}, {v.addr.suburb}) has signed "
                "the dissolution deed."
            ),
            lambda v: f"I understand {v.given} is living near {v.addr.suburb} and has {her(v)} own accountant.",
            lambda v: f"Distribution cheques: you at your usual address; {v.given} in {v.addr.suburb}.",
        ]
        for n in range(self.k.times(4)):
            v, ex = self.couple()
            s = staff(n + 2)
            good_line = f"{v.given}'s share will be paid separately, as {she(v)} asked through {her(v)} solicitor."
            base = (
                f"Hi {ex.nick},\n\nThe final {ex.entity} accounts are done. Your share of the 2025 net income is "
                f"${self.rng.randint(12, 80) * 1000:,}.\n\n"
            )
            bad = self.k.eml(
                staff_mail(s),
                [f"{ex.name} <{ex.email}>"],
                f"{ex.entity} - final accounts",
                base + phrases[n % 4](v) + render.signature_text(s, office_of(s)),
            )
            good = self.k.eml(
                staff_mail(s),
                [f"{ex.name} <{ex.email}>"],
                f"{ex.entity} - final accounts",
                base + good_line + render.signature_text(s, office_of(s)),
            )
            self.k.pair(
                ".eml",
                bad,
                good,
                "suppressed-loose/suburb-to-former-partner",
                ["mismatched_recipient"],
                f"email to {ex.cid} says which suburb {v.cid} (suppressed address) now lives in",
                f"same email to {ex.cid} without where {v.cid} lives",
                suppressed=True,
            )

    def loose_phone(self) -> None:
        for n in range(self.k.times(2)):
            v, ex = self.couple()
            digits = v.phone.replace(" ", "")
            written = f"+61 {digits[1:4]} {digits[4:7]} {digits[7:]}" if n % 2 == 0 else digits
            s = staff(n + 5)
            base = f"Hi {ex.nick},\n\nBoth signatures are needed on the {ex.entity} resolution before 30 April.\n\n"
            bad = self.k.eml(
                staff_mail(s),
                [ex.email],
                "Resolution to sign",
                base + f"If it helps to arrange it, {v.given}'s mobile is {written}." + render.signature_text(s),
            )
            good = self.k.eml(
                staff_mail(s),
                [ex.email],
                "Resolution to sign",
                base + f"We will send {v.given}'s copy to {her(v)} separately." + render.signature_text(s),
            )
            self.k.pair(
                ".eml",
                bad,
                good,
                "suppressed-loose/mobile-written-differently",
                ["mismatched_recipient"],
                f"email to {ex.cid} gives the suppressed mobile of {v.cid}, written "
                f"{'internationally' if n % 2 == 0 else 'without spaces'}",
                f"same email to {ex.cid} without the mobile",
                suppressed=True,
            )

    def short_town(self) -> None:
        v, ex = self.couple(towns=("Hay", "Yass"))
        s = staff(3)
        base = f"Hi {ex.nick},\n\nThe rental property schedule for 2025 is attached to your portal.\n\n"
        bad = self.k.eml(
            staff_mail(s),
            [ex.email],
            "Rental schedule 2025",
            base + f"{v.given} moved to {v.addr.suburb} in January, so {her(v)} half of the rent "
            "is now reported on a separate schedule." + render.signature_text(s, office_of(s)),
        )
        good = self.k.eml(
            staff_mail(s),
            [ex.email],
            "Rental schedule 2025",
            base
            + f"{v.given}'s half of the rent is now reported on a separate schedule."
            + render.signature_text(s, office_of(s)),
        )
        self.k.pair(
            ".eml",
            bad,
            good,
            "suppressed-loose/short-town-name",
            ["mismatched_recipient"],
            f"email to {ex.cid} says {v.cid} moved to a three- or four-letter town (suppressed address)",
            "same email without the town",
            suppressed=True,
        )

    # -- headers, links, HTML ------------------------------------------------------------------------------
    def cc_new_email(self) -> None:
        for n in range(self.k.times(2)):
            v, ex = self.couple(email=True)
            s = staff(n)
            text = (
                f"Hello both,\n\nPlease find the {ex.entity} wind-up timetable below. Each of you will get your "
                "own copy of the final return to sign.\n\n1. Final accounts - 20 March\n2. Final return - "
                "10 April\n3. Cancel ABN and GST registration - 30 April" + render.signature_text(s)
            )
            bad = self.k.eml(
                staff_mail(s),
                [f"{ex.name} <{ex.email}>"],
                f"{ex.entity} - wind-up timetable",
                text,
                cc=[f"{v.name} <{v.email}>"],
            )
            good = self.k.eml(
                staff_mail(s),
                [f"{ex.name} <{ex.email}>"],
                f"{ex.entity} - wind-up timetable",
                text,
                bcc=[f"{v.name} <{v.email}>"] if n % 2 else None,
            )
            self.k.pair(
                ".eml",
                bad,
                good,
                "headers-links/new-email-in-cc",
                ["mismatched_recipient"],
                f"email to {ex.cid} with the suppressed new email of {v.cid} in Cc",
                f"same email to {ex.cid}; {v.cid} "
                + ("on Bcc (not shown to him)" if n % 2 else "sent a copy separately"),
                suppressed=True,
            )

    def mailto(self) -> None:
        v, ex = self.couple(email=True)
        s = staff(2)

        def page(addr: str, label: str) -> str:
            return (
                f"<html><body><p>Hi {html.escape(ex.nick)},</p><p>The {html.escape(ex.entity)} bank account can "
                "be closed once both partners sign the attached authority. If you want to coordinate the "
                f"signing, contact <a href='mailto:{addr}'>{html.escape(label)}</a>.</p>{render.signature_html(s)}"
                "</body></html>"
            )

        bad = self.k.eml(staff_mail(s), [ex.email], "Closing the partnership account", html_body=page(v.email, v.given))
        good = self.k.eml(
            staff_mail(s),
            [ex.email],
            "Closing the partnership account",
            html_body=page(f"{s[3]}@{world.DOMAIN}", f"{s[0]} at our office"),
        )
        self.k.pair(
            ".eml",
            bad,
            good,
            "html-mail/mailto-link",
            ["mismatched_recipient"],
            f"HTML email to {ex.cid} links to the suppressed email of {v.cid}",
            "same email; the link is the accountant's own mailbox",
            suppressed=True,
        )

    def hidden_html(self) -> None:
        v, ex = self.couple()
        s = staff(3)

        def page(hidden: str) -> str:
            return (
                f"<html><body><p>Dear {html.escape(ex.formal)},</p><p>Your 2025 partnership statement is ready in "
                f"the portal.</p><div style='display:none'>mailing: {html.escape(hidden)}</div>"
                f"{render.signature_html(s)}</body></html>"
            )

        bad = self.k.eml(staff_mail(s), [ex.email], "Your partnership statement", html_body=page(v.addr.line()))
        good = self.k.eml(staff_mail(s), [ex.email], "Your partnership statement", html_body=page(ex.addr.line()))
        self.k.pair(
            ".eml",
            bad,
            good,
            "html-mail/hidden-merge-data",
            ["mismatched_recipient"],
            f"hidden template block in an email to {ex.cid} holds the suppressed address of {v.cid}",
            f"the hidden block holds {ex.cid}'s own address",
            suppressed=True,
        )

    # -- threads and attachments ---------------------------------------------------------------------------
    def quoted_signature(self) -> None:
        for n in range(self.k.times(2)):
            v, ex = self.couple(email=True)
            s = staff(n + 2)
            hers = (
                f"Hi {s[0]}, yes I can sign on Thursday. Please send anything for me to this email only.\n\n"
                f"{v.given}\n{v.addr.street}, {v.addr.suburb} {v.addr.postcode}\n{v.phone}"
            )
            top = (
                f"{ex.nick}, {v.given} has confirmed {she(v)} will sign the {ex.entity} dissolution on Thursday. "
                "Can you come in on Friday to sign yours?"
            )
            if n % 2 == 0:
                quoted = render.text_quote_outlook(
                    f"{v.name} <{v.email}>", "Monday, 9 March 2026 7:41 PM", staff_mail(s), "RE: Dissolution deed", hers
                )
            else:
                quoted = render.text_quote_gmail(f"{v.name} <{v.email}>", "Mon, 9 Mar 2026 at 19:41", hers)
            bad = self.k.eml(staff_mail(s), [ex.email], "FW: Dissolution deed", top + render.signature_text(s) + quoted)
            good = self.k.eml(staff_mail(s), [ex.email], "Dissolution deed", top + render.signature_text(s))
            self.k.pair(
                ".eml",
                bad,
                good,
                "threads/forwarded-with-her-signature",
                ["mismatched_recipient"],
                f"email to {ex.cid} forwards a message from {v.cid} quoting {her(v)} new email, address "
                f"and mobile ({'Outlook' if n % 2 == 0 else 'Gmail'} quoting)",
                f"a fresh email to {ex.cid} saying the same without the thread",
                suppressed=True,
            )

    def invite(self) -> None:
        for n in range(self.k.times(2)):
            v, ex = self.couple(email=True)
            s = staff(n)
            start = render.dt.datetime(2026, 3, 19 + n, 10, 0)
            org = f"{s[3]}@{world.DOMAIN}"
            loc = f"{office_of(s)[1]}, {office_of(s)[2]}"
            bad_cal = render.ics(
                f"mpt-{n}-a@{world.DOMAIN}",
                start,
                60,
                f"{ex.entity} - final meeting",
                loc,
                org,
                [(ex.name, ex.email), (v.name, v.email)],
            )
            good_cal = render.ics(
                f"mpt-{n}-b@{world.DOMAIN}", start, 60, f"{ex.entity} - final meeting", loc, org, [(ex.name, ex.email)]
            )
            text = f"Meeting to sign the final {ex.entity} return." + render.signature_text(s)
            bad = self.k.eml(
                staff_mail(s), [ex.email], f"Invitation: {ex.entity} - final meeting", text, calendar=bad_cal
            )
            good = self.k.eml(
                staff_mail(s), [ex.email], f"Invitation: {ex.entity} - final meeting", text, calendar=good_cal
            )
            self.k.pair(
                ".eml",
                bad,
                good,
                "mime-parts/calendar-attendees",
                ["mismatched_recipient"],
                f"meeting invitation to {ex.cid} lists the suppressed email of {v.cid} as an attendee",
                f"{ex.cid}'s own invitation; {v.cid} is invited separately",
                suppressed=True,
            )

    def minutes_attached(self) -> None:
        def one(n, ext) -> None:
            v, ex = self.couple()
            s = staff(n + 3)

            def minutes(v_addr: list[str]) -> bytes:
                letter = render.Letter(
                    date="30 March 2026",
                    addressee=["MINUTES OF MEETING OF TRUSTEES", ex.entity],
                    subject="Resolution to distribute income - year ended 30 June 2025",
                    body=[
                        "Present: the trustees. It was resolved that the net income of the trust be distributed "
                        "as follows.",
                        (
                            "table",
                            ["Beneficiary", "Address", "Share"],
                            [
                                (ex.formal, ", ".join(ex.addr.lines("mixed")), "50%"),
                                (v.formal, ", ".join(v_addr), "50%"),
                            ],
                        ),
                    ],
                    signoff=["Signed as a correct record", "", "Chairperson"],
                    letterhead=False,
                )
                return content.render_as(ext, letter)

            text = f"Hi {ex.nick},\n\nAttached are the trustee minutes for you to sign." + render.signature_text(s)
            bad = self.k.eml(
                staff_mail(s),
                [ex.email],
                "Trustee minutes to sign",
                text,
                attachments=[(f"Minutes 2025{ext}", minutes(v.addr.lines("mixed")))],
            )
            good = self.k.eml(
                staff_mail(s),
                [ex.email],
                "Trustee minutes to sign",
                text,
                attachments=[(f"Minutes 2025{ext}", minutes(CARE_OF))],
            )
            self.k.pair(
                ".eml",
                bad,
                good,
                "mime-parts/minutes-attachment",
                ["mismatched_recipient"],
                f"trustee minutes ({ext[1:].upper()}) sent to {ex.cid} give the suppressed address of {v.cid}",
                f"same minutes; {v.cid}'s address is care of the practice",
                suppressed=True,
            )

        for n, ext in enumerate([".docx", ".rtf"][: self.k.times(2)]):
            one(n, ext)

    def ato_partner_addresses(self) -> None:
        v, ex = self.couple()
        s = world.STAFF[0]

        def rows(va):
            return [
                (ex.formal, content.full_tfn(ex)[:3] + " *** ***", ", ".join(ex.addr.lines("mixed"))),
                (v.formal, content.full_tfn(v)[:3] + " *** ***", ", ".join(va)),
            ]

        for ext in (".eml", ".pdf")[: self.k.times(2)]:
            if ext == ".eml":

                def mk(va):
                    return self.k.eml(
                        staff_mail(s),
                        [f"Partnerships <partnerships@{world.ATO}>"],
                        f"Cancellation of ABN - {ex.entity}",
                        f"Dear Sir/Madam,\n\nWe act for both partners of {ex.entity} (ABN "
                        f"{content.fmt_abn(ex.entity_abn)}). The partnership ceased on 31 "
                        "December 2025. Partners' details for your records:\n\n"
                        + "\n".join("  |  ".join(r) for r in rows(va))
                        + render.signature_text(s),
                    )
            else:

                def mk(va):
                    return render.pdf(
                        render.Letter(
                            date="1 April 2026",
                            addressee=["Australian Taxation Office", "PO Box 3524", "ALBURY NSW 2640"],
                            salutation="Dear Sir/Madam,",
                            subject=f"Cancellation of ABN - {ex.entity}",
                            refs=[("Entity ABN", content.fmt_abn(ex.entity_abn)), ("Agent", world.TAN)],
                            body=[
                                "We act for both partners. The partnership ceased on 31 December 2025.",
                                ("table", ["Partner", "TFN (part)", "Address for notices"], rows(va)),
                            ],
                            signoff=["Yours faithfully,", "", "Helen Quach", "Registered Tax Agent"],
                        )
                    )

            self.k.pair(
                ext,
                mk(v.addr.lines("mixed")),
                mk(CARE_OF),
                "relationships/ato-partner-details",
                ["suppressed_detail_exposed"],
                f"{'email' if ext == '.eml' else 'letter'} to the ATO (approved) about the partnership of "
                f"{ex.cid} and {v.cid} gives {v.cid}'s suppressed address",
                f"same to the ATO; {v.cid}'s address for notices is care of the practice",
                suppressed=True,
            )

    def internal_uncleared(self) -> None:
        for n in range(self.k.times(2)):
            v, ex = self.couple()
            s = world.STAFF[4]
            to_bad = f"{world.STAFF[5][0]} {world.STAFF[5][1]} <{world.STAFF[5][3]}@{world.DOMAIN}>"
            to_good = f"Privacy <{world.PRIVACY_MAILBOX}>" if n % 2 else f"Helen Quach <helen.quach@{world.DOMAIN}>"
            text = (
                f"Please update client {v.code} ({v.formal}). New details, protected client - do not put on "
                f"the shared file:\n\n{v.addr.line()}\n{v.phone}\n\nThe former partner ({ex.code}) must not see "
                "these." + render.signature_text(s)
            )
            bad = self.k.eml(staff_mail(s), [to_bad], f"Client update {v.code}", text)
            good = self.k.eml(staff_mail(s), [to_good], f"Client update {v.code}", text)
            self.k.pair(
                ".eml",
                bad,
                good,
                "relationships/internal-not-cleared",
                ["suppressed_detail_exposed"],
                f"internal email with {v.cid}'s suppressed details to a graduate who is not cleared to see "
                "protected clients",
                f"same email to {'the privacy mailbox' if n % 2 else 'the principal'} (cleared staff)",
                suppressed=True,
            )


def write(k: Corpus) -> None:
    Supp(k).run()
