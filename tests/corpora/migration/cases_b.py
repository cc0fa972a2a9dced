"""Incidents and twins: suppressed-loose (family-violence cases), threads."""

from __future__ import annotations

from tests.corpora.migration import content as T
from tests.corpora.migration import render as R
from tests.corpora.migration import world as W
from tests.corpora.migration.kit import Kit

SD, MR, MX, SI = "suppressed_detail_exposed", "mismatched_recipient", "mixed_client_documents", "sensitive_identifier"


def _frm(k: Kit, i: int) -> str:
    s = k.staff(i)
    return f"{s.name} <{s.email}>"


def _intl(phone: str) -> str:
    d = phone.replace(" ", "")
    return f"+61 {d[1:4]} {d[4:7]} {d[7:]}"


def _street_only(street: str) -> str:
    """'Unit 4/18 High Street' -> 'High Street'."""
    words = street.split()
    while words and any(ch.isdigit() for ch in words[0]) or words and words[0] in ("Unit", "Apartment"):
        words = words[1:]
    return " ".join(words)


# -- suppressed-loose -------------------------------------------------------------------------------------------
def letter_to_former_sponsor(k: Kit, i: int) -> None:
    a, s = k.fv_case(i)
    v = i % 3

    def make(bad: bool):
        paras = T.sponsor_update(s)
        if bad:
            leak = [
                f"For your information, {a.given} has moved to {a.addr.suburb} and asks that you direct any "
                "correspondence to our office.",
                f"{a.given} is now living in {_street_only(a.addr.street)}, {a.addr.suburb}; please do not "
                "attend there.",
                f"The Department will write to {a.given} at {a.addr.one_line()}.",
            ][v]
            paras = [paras[0], leak, paras[1]]
        else:
            paras = [paras[0], f"Any correspondence for {a.given} should be directed to our office.", paras[1]]
        letter = T.letter(s, paras, "Partner visa matter " + s.matter)
        note = (
            f"letter to former sponsor {s.cid} gives {a.cid}'s suppressed new address or suburb"
            if bad
            else f"letter to former sponsor {s.cid} about the matter, no detail of {a.cid}"
        )
        return R.pdf_letter(letter), note

    k.pair("suppressed-loose/letter-to-former-sponsor", "pdf", make, [SD], suppressed=True)


def success_suburb(k: Kit, i: int) -> None:
    """Her suburb is an ordinary English word: 'every success' is not her; 'moved to Success' is."""
    a, s = next((k.c(x), k.c(y)) for x, y in k.w.fv if k.c(x).addr.suburb == "Success")

    def make(bad: bool):
        p = T.sponsor_update(s)
        mid = (
            (
                f"We understand {a.given} now lives in Success with the children's grandmother; any contact must go "
                "through our office."
            )
            if bad
            else "We wish you every success with your own plans."
        )
        letter = T.letter(s, [p[0], mid, p[1]], "Matter " + s.matter)
        note = (
            f"letter to former sponsor {s.cid} places {a.cid} in her suppressed suburb"
            if bad
            else f"letter to former sponsor {s.cid} with the word success, no detail of {a.cid}"
        )
        return R.pdf_letter(letter), note

    k.pair("suppressed-loose/suburb-is-a-word", "pdf", make, [SD], suppressed=True)


def email_to_former_sponsor(k: Kit, i: int) -> None:
    a, s = k.fv_case(i + 3)
    v = i % 3

    def make(bad: bool):
        if bad:
            line = [
                f"If you need to arrange the return of her belongings you can call {a.given} on {a.phone}.",
                f"{a.given}'s new number is {_intl(a.phone)} if anything urgent comes up.",
                f"{a.given} has asked us to pass on her email, {a.email or a.phone}, for the property settlement.",
            ][v]
        else:
            line = f"If you need to arrange the return of {a.given}'s belongings, please contact our office."
        text = (
            f"Dear {s.given},\n\nThank you for your call about matter {s.matter}.\n\n{line}\n\n"
            "We cannot give you advice as we act for the applicant." + R.signature(k.staff(i), T.office_of(s))
        )
        data = R.eml(k.mid(), _frm(k, i), [f"{s.name} <{s.email}>"], f"Your call - {s.matter}", text)
        note = (
            f"email to former sponsor {s.cid} gives {a.cid}'s suppressed contact"
            if bad
            else f"email to former sponsor {s.cid}, contact through the office"
        )
        return data, note

    k.pair("suppressed-loose/email-to-former-sponsor", "eml", make, [SD], suppressed=True)


def authorised_contact_gets_address(k: Kit, i: int) -> None:
    """The legal centre and the interpreter may act for her, but never learn where she now lives."""
    a, _ = k.fv_case(i + 1)
    target = a.auth[-1] if i % 2 else a.auth[0]
    interp = target == W.INTERPRETER

    def make(bad: bool):
        where = a.addr.one_line() if bad else f"our {W.OFFICES[1].town} office, {W.OFFICES[1].address}"
        if interp:
            body = (
                f"Hello,\n\nPlease book a Dari interpreter for {a.name} (matter {a.matter}) on Thursday "
                f"13 November 2025 at 2 pm. The appointment is at {where}."
            )
        else:
            body = (
                f"Hi,\n\nFurther to our call, we act for {a.name} on her {T.visa(a)} application under the "
                f"family violence provisions (matter {a.matter}). Your lawyer can meet her at {where}."
            )
        text = body + R.signature(k.staff(i), 1)
        data = R.eml(k.mid(), _frm(k, i), [target], f"Client {a.initials} - appointment", text)
        who = "interpreter service" if interp else "community legal centre"
        note = (
            f"{who} (authorised contact of {a.cid}) receives her suppressed address"
            if bad
            else f"{who} (authorised contact of {a.cid}) meets her at our office"
        )
        return data, note

    k.pair("suppressed-loose/authorised-contact", "eml", make, [SD], suppressed=True)


def internal_unlisted(k: Kit, i: int) -> None:
    a, _ = k.fv_case(i + 2)

    def make(bad: bool):
        to = W.UNLISTED.email if bad else W.FV_TEAM
        text = (
            f"File note - {a.matter}\n\n{a.name} called today. New residential address {a.addr.one_line()}, "
            f"mobile {a.phone}. Safe to call between 10 am and 2 pm only. Do not send anything to the former "
            "address." + R.signature(W.STAFF[1], 0)
        )
        data = R.eml(k.mid(), f"{W.STAFF[1].name} <{W.STAFF[1].email}>", [to], f"File note {a.matter}", text)
        note = (
            f"file note with {a.cid}'s suppressed address to staff not on the list"
            if bad
            else f"file note with {a.cid}'s suppressed address to the family-violence team (listed)"
        )
        return data, note

    k.pair("suppressed-loose/internal-staff", "eml", make, [SD], suppressed=True)


def declaration_docx(k: Kit, i: int) -> None:
    a, s = k.fv_case(i + 4)
    clc = a.auth[0]

    def make(bad: bool):
        where = a.addr.one_line() if bad else f"c/- {W.FIRM}, {W.OFFICES[0].address}"
        paras = [
            f"I, {a.name}, of {where}, make the following statutory declaration under the Statutory "
            "Declarations Act 1959.",
            "1. I married the sponsor in 2022 and lived with him until I left the home.",
            "2. [Draft - paragraphs on the relationship to be settled with counsel.]",
        ]
        letter = R.Letter([a.name], paras, "Draft", ref=a.matter, subject="Draft statutory declaration")
        letter.private = False
        data = R.docx_letter(letter)
        text = (
            "Dear colleague,\n\nAs discussed, the draft declaration for our mutual client is attached for "
            "your advice before it is settled." + R.signature(W.PRINCIPAL, 0)
        )
        mail = R.eml(
            k.mid(),
            f"{W.PRINCIPAL.name} <{W.PRINCIPAL.email}>",
            [clc],
            "Draft declaration",
            text,
            attachments=[
                (
                    "Draft declaration.docx",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    data,
                )
            ],
        )
        note = (
            f"draft declaration to the legal centre (authorised) gives {a.cid}'s suppressed address"
            if bad
            else f"draft declaration for {a.cid} with address for service at the practice"
        )
        return mail, note

    k.pair("suppressed-loose/attached-declaration", "eml", make, [SD], suppressed=True)


def meeting_invite(k: Kit, i: int) -> None:
    a, _ = k.fv_case(i + 5)

    def make(bad: bool):
        loc = a.addr.one_line() if bad else W.OFFICES[2 if a.addr.state == "WA" else 1].address
        inv = R.ics(
            f"hv-{a.cid}-{int(bad)}",
            f"Client meeting {a.initials} - {a.matter}",
            "20251118T110000",
            "20251118T120000",
            loc,
            f"Home visit with {a.name}; interpreter attending."
            if bad
            else f"Meeting with {a.name}; interpreter attending.",
            W.PRINCIPAL.email,
            a.auth,
        )
        text = "Please find the meeting invitation attached." + R.signature(W.PRINCIPAL, 0)
        data = R.eml(
            k.mid(),
            f"{W.PRINCIPAL.name} <{W.PRINCIPAL.email}>",
            a.auth,
            f"Meeting {a.matter}",
            text,
            attachments=[("invite.ics", "text/calendar", inv)],
        )
        note = (
            f"invitation to {a.cid}'s authorised contacts held at her suppressed address"
            if bad
            else f"invitation to {a.cid}'s authorised contacts at our office"
        )
        return data, note

    k.pair("suppressed-loose/calendar-invite", "eml", make, [SD], suppressed=True)


def cc_her_email(k: Kit, i: int) -> None:
    cases = [(a, s) for a, s in (k.fv_case(j) for j in range(8)) if "email" in a.suppressed]
    a, s = cases[i % len(cases)]

    def make(bad: bool):
        text = (
            f"Dear {s.given},\n\nWe confirm receipt of your letter of 28 October about matter {s.matter}. We "
            "have passed it to the Department." + R.signature(k.staff(i), 0)
        )
        data = R.eml(
            k.mid(),
            _frm(k, i),
            [f"{s.name} <{s.email}>"],
            f"Matter {s.matter}",
            text,
            cc=[a.email] if bad else [W.FV_TEAM],
        )
        note = (
            f"email to former sponsor {s.cid} copies {a.cid}'s suppressed email"
            if bad
            else f"email to former sponsor {s.cid} copied to our family-violence team"
        )
        return data, note

    k.pair("suppressed-loose/cc-suppressed-email", "eml", make, [SD], suppressed=True)


def tribunal_rtf(k: Kit, i: int) -> None:
    a, _ = k.fv_case(i + 6)
    name, box, town = W.APPROVED_NAMES[W.ART]

    def make(bad: bool):
        where = a.addr.one_line() if bad else f"c/- {W.FIRM}, {W.OFFICES[0].address}"
        paras = [
            f"We act for the review applicant, {a.name} (date of birth {T.dmy(a.dob)}), in the review of the "
            f"decision to refuse the {T.visa(a)} application (TRN {a.trn}).",
            f"The applicant's address for service is {where}. She relies on the family violence provisions "
            "and asks that her residential address not be disclosed to the sponsor.",
            "Our written submissions and supporting evidence are enclosed.",
        ]
        letter = R.Letter(
            [f"The Registrar, {name}", box, town],
            paras,
            "Dear Registrar",
            ref=a.matter,
            subject="Submissions - review applicant " + a.name,
        )
        note = (
            f"submission to the tribunal gives {a.cid}'s suppressed address"
            if bad
            else f"submission to the tribunal for {a.cid}, address for service at the practice"
        )
        return R.rtf_letter(letter), note

    k.pair("suppressed-loose/tribunal-submission", "rtf", make, [SD], suppressed=True)


def phone_only_employer(k: Kit, i: int) -> None:
    w = k.c(k.w.phone_only[i % 2])
    hr = W.EMPLOYERS[w.employer][1]

    def make(bad: bool):
        line = (
            f"{w.given or w.family} has a new mobile, {w.phone}; please update your records."
            if bad
            else f"{w.given or w.family} asks that you contact him through us for now."
        )
        text = (
            f"Hi,\n\nUpdate on {w.name}'s {T.visa(w)} (matter {w.matter}). The nomination is lodged.\n\n{line}"
            + R.signature(k.staff(i), 2)
        )
        data = R.eml(k.mid(), _frm(k, i), [hr], f"Update - {w.name}", text)
        note = (
            f"employer (authorised for {w.cid}) receives the suppressed new mobile"
            if bad
            else f"employer update for {w.cid} without the mobile"
        )
        return data, note

    k.pair("suppressed-loose/new-mobile-to-employer", "eml", make, [SD], suppressed=True)


# -- threads ---------------------------------------------------------------------------------------------------
def _quote(text: str, who: str) -> str:
    return f"\n\nOn Fri, 31 Oct 2025 at 4:12 pm, {who} wrote:\n" + "\n".join("> " + x for x in text.splitlines())


def reply_wrong_thread(k: Kit, i: int) -> None:
    a = k.take("any")
    b = k.other("any", a)
    v = i % 3

    def make(bad: bool):
        q = b if bad else a
        old = (
            f"Hi, I have uploaded my bank statements. My passport {q.passport} expires soon, is that a problem? "
            f"Call me on {q.phone}.\nRegards, {q.name}"
        )
        body = f"Dear {a.given or a.family},\n\nThank you, we have the statements. A passport expiring is fine."
        if v == 2:
            fwd = "---------- Forwarded message ----------"
            body = f"Dear {a.given or a.family},\n\nForwarding the message below as discussed.\n\n{fwd}\n{old}"
            text = body + R.signature(k.staff(i), 0)
        else:
            text = body + R.signature(k.staff(i), 0) + _quote(old, f"{q.name} <{q.email}>")
        data = R.eml(
            k.mid(),
            _frm(k, i),
            [f"{a.name} <{a.email}>"],
            f"RE: Bank statements - {a.matter}",
            text,
            reply_to_id=f"{q.cid}.thread@{W.MAIL_PROVIDERS[0]}",
        )
        note = f"reply to {a.cid} quotes the thread of {b.cid}" if bad else f"reply to {a.cid} quoting own thread"
        return data, note

    k.pair("threads/" + ("forwarded" if v == 2 else "quoted-history"), "eml", make, [MR, MX])


def reply_all_former(k: Kit, i: int) -> None:
    a, s = k.fv_case(i + 2)

    def make(bad: bool):
        old = (
            f"Priya, I have moved. Please use my new address {a.addr.one_line()} and do NOT give it to him.\n{a.name}"
            if bad
            else f"Priya, can you please tell me what happens to the sponsorship now?\n{s.name}"
        )
        text = (
            f"Dear {s.given},\n\nWe are not able to discuss the applicant's circumstances with you."
            + R.signature(W.PRINCIPAL, 0)
            + _quote(old, a.name if bad else s.name)
        )
        data = R.eml(
            k.mid(), f"{W.PRINCIPAL.name} <{W.PRINCIPAL.email}>", [f"{s.name} <{s.email}>"], f"RE: {s.matter}", text
        )
        note = (
            f"reply to former sponsor {s.cid} quotes {a.cid}'s message with her suppressed address"
            if bad
            else f"reply to former sponsor {s.cid} quoting his own message"
        )
        return data, note

    k.pair("threads/quoted-history", "eml", make, [SD], suppressed=True)


CASES = [
    (letter_to_former_sponsor, 4),
    (success_suburb, 1),
    (email_to_former_sponsor, 3),
    (authorised_contact_gets_address, 3),
    (internal_unlisted, 2),
    (declaration_docx, 1),
    (meeting_invite, 1),
    (cc_her_email, 1),
    (tribunal_rtf, 1),
    (phone_only_employer, 2),
    (reply_wrong_thread, 4),
    (reply_all_former, 2),
]
