"""Ordinary legitimate mail of a migration practice: every item here is labelled allow."""

from __future__ import annotations

from tests.corpora.migration import content as T
from tests.corpora.migration import render as R
from tests.corpora.migration import world as W
from tests.corpora.migration.kit import Kit

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _frm(k: Kit, i: int) -> str:
    s = k.staff(i)
    return f"{s.name} <{s.email}>"


def _to(c) -> list[str]:
    return [f"{c.name} <{c.email}>"]


def engagement_letter(k: Kit, i: int) -> None:
    c = k.take("applicant" if i % 2 else "worker")
    letter = T.letter(
        c,
        T.engagement(c),
        "Engagement and costs agreement",
        written=i % 3 == 0,
        enclosures=["Costs Agreement", "Consumer Guide (MARA)"],
    )
    fmt = i % 3
    data = [R.pdf_letter, R.docx_letter, R.rtf_letter][fmt](letter)
    k.add("everyday/engagement-letter", ["pdf", "docx", "rtf"][fmt], data, f"engagement letter to {c.cid}")


def checklist_to_couple(k: Kit, i: int) -> None:
    a = k.take("applicant")
    s = k.c(a.joint[0])
    text = f"Dear {a.given} and {s.given},\n\n" + "\n\n".join(T.checklist(a)) + R.signature(k.staff(i), T.office_of(a))
    k.add(
        "everyday/checklist-couple",
        "eml",
        R.eml(k.mid(), _frm(k, i), _to(a), f"Document checklist - {a.matter}", text, cc=[s.email]),
        f"checklist to applicant {a.cid}, sponsor {s.cid} copied (authorised)",
    )


def grant_forwarded(k: Kit, i: int) -> None:
    pool = [k.c(x) for x in k.w.singles + k.w.workers if k.c(x).grant]
    c = pool[(i * 7) % len(pool)] if i % 4 else k.fv_case(i)[0]
    text = (
        f"Dear {c.given or c.family},\n\n" + "\n\n".join(T.grant(c)) + "\n\nThe Department's notice is "
        "forwarded below and attached."
        + R.signature(k.staff(i), T.office_of(c))
        + "\n\n---------- Forwarded message ----------\nFrom: noreply@"
        + W.HOME_AFFAIRS
        + f"\nSubject: Visa grant - TRN {c.trn}\n\nA decision has been made on the application."
    )
    data = R.eml(
        k.mid(),
        _frm(k, i),
        _to(c),
        f"FW: Visa grant - TRN {c.trn}",
        text,
        attachments=[("Grant notice.pdf", "application/pdf", T.grant_notice(c))],
    )
    k.add("everyday/grant-forwarded", "eml", data, f"grant notice forwarded to {c.cid} at own registered email")


def rfi_letter(k: Kit, i: int) -> None:
    c = k.take("any")
    letter = T.letter(c, T.rfi(c), "Request for further information", caps=i % 2 == 0)
    k.add("everyday/rfi-letter", "docx", R.docx_letter(letter), f"request for information letter to {c.cid}")


def submission_department(k: Kit, i: int) -> None:
    if i % 3 == 2:
        a, s = k.fv_case(i)
        extra = (
            f"The applicant relies on the family violence provisions in Division 1.5 of the Migration "
            f"Regulations. The sponsor, {s.name}, has been told that we act for the applicant only. Please send all "
            "correspondence for the applicant to us as her authorised recipient."
        )
    else:
        a = k.take("applicant")
        s = k.c(a.joint[0])
        extra = f"The sponsor, {s.name} (date of birth {T.dmy(s.dob)}), supports the application."
    kids = "; ".join(f"{k.c(x).name} (passport {k.c(x).passport})" for x in a.children) or "none"
    text = (
        f"Dear Officer,\n\nRe: {T.visa(a)} - {a.name}, date of birth {T.dmy(a.dob)}, passport {a.passport}, "
        f"TRN {a.trn}\n\nWe act for the applicant. {extra}\n\nDependent children included: {kids}.\n\n"
        "Our submissions and evidence are attached." + R.signature(W.PRINCIPAL, 0)
    )
    sub = R.pdf_document(
        f"Submission - {a.name}",
        [
            f"Applicant: {a.name}",
            f"TRN: {a.trn}",
            "1. The relationship is genuine and continuing.",
            "2. The evidence is summarised in the index.",
        ],
    )
    data = R.eml(
        k.mid(),
        f"{W.PRINCIPAL.name} <{W.PRINCIPAL.email}>",
        [f"partner.visas@{W.HOME_AFFAIRS}"],
        f"Submission - TRN {a.trn}",
        text,
        attachments=[("Submission.pdf", "application/pdf", sub)],
    )
    k.add("everyday/submission-department", "eml", data, f"submission to the Department for {a.cid} (approved)")


def tribunal_letter(k: Kit, i: int) -> None:
    c = k.take("single")
    name, box, town = W.APPROVED_NAMES[W.ART]
    paras = [
        f"We act for {c.name} (date of birth {T.dmy(c.dob)}) in the review of the decision on the {T.visa(c)} "
        f"application (TRN {c.trn}).",
        "We enclose our written submissions and ask for a hearing in Melbourne.",
    ]
    letter = R.Letter(
        [f"The Registrar, {name}", box, town],
        paras,
        "Dear Registrar",
        ref=c.matter,
        subject=f"Review application - {c.name}",
    )
    fmt = i % 2
    k.add(
        "everyday/tribunal-submission",
        ["rtf", "pdf"][fmt],
        [R.rtf_letter, R.pdf_letter][fmt](letter),
        f"submission to the tribunal for {c.cid} (approved)",
    )


def nomination_to_hr(k: Kit, i: int) -> None:
    w = k.take("worker")
    name, hr = W.EMPLOYERS[w.employer]
    text = (
        f"Dear {name} team,\n\nThe nomination for {w.name} (date of birth {T.dmy(w.dob)}, passport "
        f"{w.passport}) is ready for your signature. The position is ANZSCO 2613 Software Engineer / 4211 Aged "
        f"Care Worker as discussed, salary $76,515 plus super.\n\nMatter {w.matter}" + R.signature(k.staff(i), 2)
    )
    k.add(
        "everyday/nomination-employer",
        "eml",
        R.eml(k.mid(), _frm(k, i), [hr], f"Nomination - {w.name}", text),
        f"nomination for {w.cid} to own sponsoring employer (authorised)",
    )


def police_reminder(k: Kit, i: int) -> None:
    c = k.take("any")
    letter = T.letter(c, T.police(c), "Police certificate reminder", signer=W.STAFF[5])
    fmt = i % 2
    k.add(
        "everyday/police-reminder",
        ["txt", "pdf"][fmt],
        [R.txt_letter, R.pdf_letter][fmt](letter),
        f"police check reminder to {c.cid}",
    )


def health_reminder(k: Kit, i: int) -> None:
    c = k.take("any")
    text = f"Dear {c.given or c.family},\n\n" + "\n\n".join(T.health(c)) + R.signature(k.staff(i), 0)
    cc = [f"bookings.melbourne@{W.PANEL_DOCTOR}"] if i % 2 else []
    k.add(
        "everyday/health-reminder",
        "eml",
        R.eml(k.mid(), _frm(k, i), _to(c), "Health examinations", text, cc=cc),
        f"health examination reminder to {c.cid}" + (", panel physician copied (approved)" if cc else ""),
    )


def invoice(k: Kit, i: int) -> None:
    c = k.take("any")
    if i % 2:
        letter = T.letter(c, T.invoice(c, i), f"Tax invoice INV-{20400 + i}", signer=W.STAFF[4])
        k.add("everyday/invoice", "pdf", R.pdf_letter(letter), f"tax invoice to {c.cid}")
    else:
        text = (
            f"Trust account receipt TR-{9100 + i}\n\nReceived from: {c.name}\nMatter: {c.matter}\nAmount: "
            "$1,650.00\nMethod: EFT\n" + R.signature(W.STAFF[4], 0)
        )
        k.add(
            "everyday/trust-receipt",
            "eml",
            R.eml(k.mid(), f"Accounts <{W.STAFF[4].email}>", _to(c), f"Receipt TR-{9100 + i}", text),
            f"trust receipt to {c.cid}",
        )


def newsletter(k: Kit, i: int) -> None:
    c = k.take("any")
    html = (
        f"<html><body><h2>Harbourgate News</h2><p>Dear {c.given or c.family},</p><p>From 1 July the visa "
        "application charge for partner visas rises. If you are planning to apply, talk to us now.</p>"
        f"<p style='font-size:small'>{W.FIRM}, {W.OFFICES[2].address}. <a href='https://{W.INTERNAL}/unsubscribe'>"
        "Unsubscribe</a></p></body></html>"
    )
    k.add(
        "everyday/newsletter",
        "eml",
        R.eml(
            k.mid(),
            f"Harbourgate News <news@{W.INTERNAL}>",
            _to(c),
            "Harbourgate News",
            "Harbourgate News (HTML)",
            html=html,
        ),
        f"newsletter to {c.cid}",
    )


def seminar_invite(k: Kit, i: int) -> None:
    c = k.take("any")
    o = W.OFFICES[i % 3]
    inv = R.ics(
        f"seminar-{i}",
        "Free seminar: skilled and employer-sponsored visas",
        "20251120T180000",
        "20251120T193000",
        o.address,
        "Light refreshments. Bring your questions.",
        f"events@{W.INTERNAL}",
        [c.email],
    )
    text = f"Dear {c.given or c.family},\n\nYou are invited to our free seminar." + R.signature(W.STAFF[5], i % 3)
    k.add(
        "everyday/seminar-invite",
        "eml",
        R.eml(
            k.mid(),
            f"Events <events@{W.INTERNAL}>",
            _to(c),
            "Seminar invitation",
            text,
            attachments=[("seminar.ics", "text/calendar", inv)],
        ),
        f"seminar invitation to {c.cid}",
    )


def letter_to_fv_client(k: Kit, i: int) -> None:
    a, _ = k.fv_case(i)
    letter = T.letter(a, T.rfi(a) if i % 2 else T.health(a), "Your application")
    k.add("everyday/fv-client-letter", "pdf", R.pdf_letter(letter), f"letter to {a.cid} at her own suppressed address")


def email_to_fv_client(k: Kit, i: int) -> None:
    a, _ = k.fv_case(i + 1)
    text = (
        f"Dear {a.given},\n\nWe have updated your address to {a.addr.one_line()} and your mobile to {a.phone}. "
        "Nothing will be sent to the former address." + R.signature(W.PRINCIPAL, T.office_of(a))
    )
    k.add(
        "everyday/fv-client-email",
        "eml",
        R.eml(k.mid(), f"{W.PRINCIPAL.name} <{W.PRINCIPAL.email}>", _to(a), "Your new contact details", text),
        f"email to {a.cid} confirming her own suppressed details",
    )


def letter_to_former_sponsor(k: Kit, i: int) -> None:
    _, s = k.fv_case(i + 3)
    letter = T.letter(s, T.sponsor_update(s), "Matter " + s.matter)
    k.add("everyday/former-sponsor-letter", "pdf", R.pdf_letter(letter), f"letter to former sponsor {s.cid}")


def clc_update(k: Kit, i: int) -> None:
    a, _ = k.fv_case(i + 2)
    text = (
        f"Hi,\n\nUpdate for our mutual client {a.name} (matter {a.matter}): the Department has accepted the "
        "family violence claim for assessment. Her next appointment with us is at our Dandenong office."
        + R.signature(W.PRINCIPAL, 1)
    )
    k.add(
        "everyday/legal-centre",
        "eml",
        R.eml(k.mid(), f"{W.PRINCIPAL.name} <{W.PRINCIPAL.email}>", [a.auth[0]], f"Client {a.initials} update", text),
        f"update on {a.cid} to her community legal centre (authorised)",
    )


def interpreter_booking(k: Kit, i: int) -> None:
    cs = [c for c in k.w.clients.values() if W.INTERPRETER in c.auth and not c.suppressed]
    c = cs[i % len(cs)]
    text = (
        f"Hello,\n\nPlease confirm an interpreter for {c.name} (mobile {c.phone}) on 19 November 2025 at 10 am "
        f"at {W.OFFICES[T.office_of(c)].address}. Matter {c.matter}." + R.signature(W.STAFF[5], 0)
    )
    k.add(
        "everyday/interpreter",
        "eml",
        R.eml(k.mid(), f"{W.STAFF[5].name} <{W.STAFF[5].email}>", [W.INTERPRETER], "Interpreter booking", text),
        f"interpreter booking for {c.cid} (authorised)",
    )


def parent_letter(k: Kit, i: int) -> None:
    kids = [k.c(x) for x in k.w.children]
    ch = kids[(i * 5) % len(kids)]
    p = k.c(ch.parents[0])
    paras = [
        f"{ch.given} (date of birth {T.dmy(ch.dob)}, passport {ch.passport}) is included in the application "
        f"as a dependent child. Please sign the enclosed Form 1229 for {ch.given}."
    ]
    k.add(
        "everyday/parent-of-minor",
        "pdf",
        R.pdf_letter(T.letter(p, paras, f"{ch.given}'s application", about=ch)),
        f"letter about child {ch.cid} to parent {p.cid} (authorised)",
    )


def internal_note(k: Kit, i: int) -> None:
    c = k.take("any")
    text = (
        f"File note {c.matter}: spoke to {c.name} ({c.phone}), DOB {T.dmy(c.dob)}, passport {c.passport}. "
        "Client will upload payslips by Friday." + R.signature(k.staff(i), 0)
    )
    to = k.staff(i + 1).email
    k.add(
        "everyday/internal-file-note",
        "eml",
        R.eml(k.mid(), _frm(k, i), [to], f"File note {c.matter}", text),
        f"internal file note about {c.cid}",
    )


def fv_team_note(k: Kit, i: int) -> None:
    a, _ = k.fv_case(i + 4)
    text = (
        f"Safety plan for {a.matter}: new address {a.addr.one_line()}, mobile {a.phone}. Flag the file."
        + R.signature(W.PRINCIPAL, 0)
    )
    k.add(
        "everyday/fv-team",
        "eml",
        R.eml(k.mid(), f"{W.PRINCIPAL.name} <{W.PRINCIPAL.email}>", [W.FV_TEAM], "Safety plan", text),
        f"safety plan with {a.cid}'s suppressed details to the family-violence team (listed)",
    )


def single_name_client(k: Kit, i: int) -> None:
    c = k.c([x for x in k.w.singles if not k.c(x).given][i % 2])
    letter = R.Letter(
        [f"{c.title} {c.family}", *c.addr.block()],
        T.grant(c),
        f"Dear {c.title} {c.family}",
        ref=c.matter,
        subject="Visa grant",
    )
    k.add("everyday/single-name", "docx", R.docx_letter(letter), f"grant letter to single-name client {c.cid}")


def skills_assessment(k: Kit, i: int) -> None:
    w = k.take("worker")
    text = (
        f"Dear Assessor,\n\nPlease find the application for {w.name}, born {T.dmy(w.dob)}, passport {w.passport}."
        + R.signature(k.staff(i), 0)
    )
    k.add(
        "everyday/skills-assessment",
        "eml",
        R.eml(k.mid(), _frm(k, i), [f"applications@{W.SKILLS}"], f"Skills assessment - {w.name}", text),
        f"skills assessment for {w.cid} (approved)",
    )


def client_thread(k: Kit, i: int) -> None:
    c = k.take("any")
    old = f"Hi, can I travel to see my mother while the application is processed?\nThanks, {c.name}\n{c.phone}"
    text = (
        f"Dear {c.given or c.family},\n\nYes, but apply for a Bridging visa B first."
        + R.signature(k.staff(i), 0)
        + f"\n\nOn Sun, 2 Nov 2025, {c.name} <{c.email}> wrote:\n"
        + "\n".join("> " + x for x in old.splitlines())
    )
    k.add(
        "everyday/client-thread",
        "eml",
        R.eml(k.mid(), _frm(k, i), _to(c), "RE: Travel", text, reply_to_id=f"{c.cid}.q@{W.MAIL_PROVIDERS[1]}"),
        f"reply to {c.cid} quoting own question",
    )


def enquiry_reply(k: Kit, i: int) -> None:
    who = W.STRANGERS[i % len(W.STRANGERS)]
    text = (
        f"Dear {who[0].split()[0]},\n\nThank you for your enquiry about sponsoring your parents. Our initial "
        "consultation costs $220 and can be held by video. Please book online." + R.signature(W.STAFF[5], i % 3)
    )
    k.add(
        "everyday/enquiry",
        "eml",
        R.eml(k.mid(), f"{W.STAFF[5].name} <{W.STAFF[5].email}>", [f"{who[0]} <{who[1]}>"], "Your enquiry", text),
        "reply to a new enquiry",
    )


def family_name_first(k: Kit, i: int) -> None:
    cs = [k.c(x) for x in k.w.singles + k.w.workers if k.c(x).culture in W.FAMILY_FIRST and not k.c(x).suppressed]
    c = cs[i % len(cs)]
    letter = T.letter(c, T.checklist(c), "Checklist", written=True)
    fmt = i % 2
    k.add(
        "everyday/family-name-first",
        ["pdf", "html"][fmt],
        [R.pdf_letter, R.html_letter][fmt](letter),
        f"letter to {c.cid}, family name first in capitals",
    )


ITEMS = [
    (engagement_letter, 6),
    (checklist_to_couple, 6),
    (grant_forwarded, 6),
    (rfi_letter, 5),
    (submission_department, 6),
    (tribunal_letter, 3),
    (nomination_to_hr, 6),
    (police_reminder, 4),
    (health_reminder, 4),
    (invoice, 6),
    (newsletter, 4),
    (seminar_invite, 4),
    (letter_to_fv_client, 4),
    (email_to_fv_client, 3),
    (letter_to_former_sponsor, 3),
    (clc_update, 3),
    (interpreter_booking, 4),
    (parent_letter, 3),
    (internal_note, 4),
    (fv_team_note, 2),
    (single_name_client, 2),
    (skills_assessment, 3),
    (client_thread, 4),
    (enquiry_reply, 2),
    (family_name_first, 4),
]
