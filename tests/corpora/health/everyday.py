"""Ordinary legitimate mail, the bulk of what leaves the service: it must go through."""

from __future__ import annotations

from tests.corpora.health.cases_mail import reminder_text, staff, to, with_email
from tests.corpora.health.corpus import Corpus
from tests.corpora.health.formats import eml, pdf_letters, render
from tests.corpora.health.letters import (
    CLINICS,
    DOMAIN,
    ORG,
    appointment_letter,
    appt,
    discharge_summary,
    gp_email,
    gp_letter,
    ur_written,
    written_date,
)
from tests.corpora.health.people import invalid_medicare, medicare_written, phone_written

LANGS = ["Vietnamese", "Dinka", "Dari", "Mandarin", "Arabic", "Greek", "Italian", "Nepali", "Korean", "Tagalog"]


def everyday_mail(cx: Corpus) -> None:
    rng = cx.rng
    for i in range(cx.reps(24)):
        p = with_email(cx, 1)[0]
        cx.allow(
            "everyday/sms-style-reminder",
            "eml",
            eml(cx.n + 1, f"noreply@{DOMAIN}", [to(p)], "Appointment reminder", reminder_text(cx, p, i)),
            f"reminder to {p.cid}",
        )
    for i in range(cx.reps(12)):
        p = cx.reg.general(1)[0]
        att = [
            (
                f"{p.family}_{'letter' if i % 2 else 'discharge'}.pdf",
                pdf_letters([gp_letter(rng, p, i) if i % 2 else discharge_summary(rng, p, i)]),
            )
        ]
        cx.allow(
            "everyday/gp-letter",
            "eml",
            eml(
                cx.n + 1,
                staff(cx, i),
                [gp_email(p.gp)],
                f"Correspondence re {p.given[0]}. {p.family}",
                "Dear Doctor,\n\nPlease find attached correspondence for your patient.\n\nRegards,\nOutpatients\n",
                attachments=att,
            ),
            f"GP letter about {p.cid} (name, DOB, Medicare) to the GP's secure domain",
        )
    for i in range(cx.reps(6)):
        p = cx.reg.general(1)[0]
        d, t = appt(rng)
        text = (
            f"Booking request\n\nLanguage: {LANGS[i % len(LANGS)]}\nPatient: {p.given} {p.family}\n"
            f"{ur_written(p.ur, i)}\nAppointment: {written_date(d, i)} {t}, {rng.choice(CLINICS)}, Castlemaine "
            "Campus\nMode: on-site\nContact on day: Outpatients 5471 3555\n"
        )
        cx.allow(
            "everyday/interpreter-booking",
            "eml",
            eml(cx.n + 1, f"interpreters@{DOMAIN}", ["bookings@tisnational.example"], "Interpreter booking", text),
            f"interpreter booking for {p.cid} to the approved interpreter service",
        )
    for i in range(cx.reps(8)):
        p = with_email(cx, 1)[0]
        ph = phone_written(p.phones[0], i) if p.phones else "(none)"
        text = (
            f"Dear {p.given},\n\nBefore your first visit please check the details we hold:\n"
            f"Date of birth: {written_date(p.dob, i)}\nAddress: {p.address.one_line()}\nMobile: {ph}\n"
            f"{ur_written(p.ur, i)}\n\nReply if anything is wrong.\n\nIntake team\n"
        )
        cx.allow(
            "recipient-own-details/check-details",
            "eml",
            eml(cx.n + 1, f"intake@{DOMAIN}", [to(p)], "Please check your details", text),
            f"{p.cid}'s own details to {p.cid}",
        )
    for i, p in enumerate(cx.reg.role("guarded")):
        cx.allow(
            "relationships/carer-update",
            "eml",
            eml(
                cx.n + 1,
                staff(cx, i),
                [p.authorised[0]],
                f"{p.given}'s appointment",
                f"Hello,\n\n{p.given} {p.family} is booked at the Memory Clinic on Friday 11 December 2026 at "
                "11:00. Transport can be arranged.\n\nRegards,\nMemory Clinic\n",
            ),
            f"appointment of {p.cid} to their carer (authorised)",
        )
    for i, p in enumerate(cx.reg.role("aged_care")[:4]):
        cx.allow(
            "relationships/aged-care-facility",
            "eml",
            eml(
                cx.n + 1,
                staff(cx, i),
                [p.authorised[0]],
                f"Resident {p.family} - wound review",
                f"Hi,\n\nFor {p.given} {p.family} ({ur_written(p.ur, i)}), DOB {written_date(p.dob, i)}: "
                "wound care nurse visit on Wednesday; please have the dressing chart available.\n\nThanks\n",
            ),
            f"about resident {p.cid} to the facility's care manager (authorised, approved domain)",
        )
    for i in range(cx.reps(8)):
        p = cx.reg.general(1)[0]
        text = (
            f"Hi team,\n\n{p.given} {p.family}, {ur_written(p.ur, i)}, DOB {written_date(p.dob, i + 1)}: "
            f"please book into the {CLINICS[i % len(CLINICS)]} next available.\n\nThanks\n"
        )
        cx.allow(
            "everyday/internal",
            "eml",
            eml(cx.n + 1, staff(cx, i), [f"outpatients@{DOMAIN}"], "Booking", text),
            f"internal note about {p.cid}",
        )
    news = [
        (
            "Goldfields Health News - Summer 2026",
            "Our new Dunolly community health rooms open in February. Free flu "
            "vaccinations continue at all campuses. Call 1300 472 470 for bookings.",
        ),
        (
            "Invitation: Healthy Ageing Expo",
            "Join us at the Maryborough Town Hall, Saturday 5 December 2026, "
            "10am-2pm: falls prevention, hearing checks, and morning tea.",
        ),
        (
            "Volunteer with us",
            "Our Patient Transport Service needs drivers in Avoca and Talbot. Contact "
            "volunteers@goldfieldshealth.example or 03 5461 0333.",
        ),
        ("We'd love your feedback", "Tell us about your recent visit: https://survey.goldfieldshealth.example/op"),
    ]
    for i in range(cx.reps(10)):
        subj, body = news[i % len(news)]
        html = (
            f"<html><body><h1>{ORG}</h1><h2>{subj}</h2><p>{body}</p><p><a href='https://goldfieldshealth.example/"
            "unsubscribe'>Unsubscribe</a></p></body></html>"
        )
        reader = with_email(cx, 1)[0]
        to_list = [f"community.news@{DOMAIN}"] if i % 2 else [to(reader)]
        cx.allow(
            "html-mail/newsletter" if i % 2 else "everyday/newsletter",
            "eml",
            eml(cx.n + 1, f"news@{DOMAIN}", to_list, subj, body, html_body=html),
            "community newsletter to a list address"
            if i % 2
            else f"community newsletter to {reader.cid}, no other patient",
        )
    for i in range(cx.reps(4)):
        p = with_email(cx, 1)[0]
        d, t = appt(rng)
        html = (
            f"<html><body><p>Hi {p.given},</p><p>Your <b>{CLINICS[i]}</b> appointment: {written_date(d, i + 2)}, "
            f"{t}.</p><p>Ref: {ur_written(p.ur, i)}</p></body></html>"
        )
        cx.allow(
            "html-mail/reminder",
            "eml",
            eml(
                cx.n + 1,
                f"bookings@{DOMAIN}",
                [to(p)],
                "Appointment",
                f"Hi {p.given}, appointment {t}.",
                html_body=html,
            ),
            f"HTML reminder to {p.cid}",
        )
    for i in range(cx.reps(4)):
        p = with_email(cx, 1)[0]
        text = (
            f"Hi {p.given},\n\nYour statement is attached. Reference for payment: "
            f"{medicare_written(invalid_medicare(rng), i % 3)} (use this as your BPAY reference).\n\nAccounts\n"
        )
        cx.allow(
            "identifiers-dates/medicare-lookalike",
            "eml",
            eml(
                cx.n + 1,
                f"accounts@{DOMAIN}",
                [to(p)],
                "Statement",
                text,
                attachments=[("statement.pdf", render(appointment_letter(rng, p, i), "pdf"))],
            ),
            f"statement to {p.cid}; the reference fails the Medicare check digit",
        )


def households_and_representatives(cx: Corpus) -> None:
    """Mail to couples jointly, to a guardian by post, and to the Public Advocate: all legitimate."""
    from tests.corpora.health.formats import Letter
    from tests.corpora.health.letters import LETTERHEADS

    cps = cx.reg.role("couple")
    for i in range(0, len(cps), 2):
        wife, husband = cps[i], cps[i + 1]
        names = (
            f"Mr & Mrs {husband.family}"
            if wife.family == husband.family
            else f"{husband.given} {husband.family} and {wife.given} {wife.family}"
        )
        letter = Letter(
            LETTERHEADS[2],
            written_date(wife.dob.replace(year=2026), i),
            [names, *wife.address.block(i % 3)],
            [],
            "Dear both,",
            [
                "You are warmly invited to our Carers and Partners information afternoon at the Castlemaine Campus "
                "on Wednesday 9 December 2026, 2pm-4pm. Afternoon tea provided.",
                "Please RSVP to Community Health on 5479 1000.",
            ],
            ["Kind regards,", "", "Community Health Team"],
        )
        fmt = ["pdf", "docx", "html", "rtf"][i // 2 % 4]
        cx.allow(
            "relationships/couple-joint-invitation",
            fmt,
            render(letter, fmt),
            f"invitation to the household of {wife.cid} and {husband.cid}, no clinical content",
        )
    for i, p in enumerate(cx.reg.role("guarded")[:2]):
        text = (
            f"Dear Advocate,\n\nRe: {p.given} {p.family}, born {written_date(p.dob, i + 3)}, {ur_written(p.ur, i)}.\n\n"
            "The treating team is seeking a decision about a proposed procedure. The patient lacks decision-making "
            "capacity for this decision and has no appointed medical treatment decision maker available. Please call "
            "the Memory Clinic on 5471 3555.\n\nRegards,\nSocial Work\n"
        )
        cx.allow(
            "relationships/public-advocate",
            "eml",
            eml(cx.n + 1, staff(cx, i), ["intake@publicadvocate.example"], "Request for decision", text),
            f"about {p.cid} to the Office of the Public Advocate (approved domain)",
        )
    for i, kid in enumerate(cx.reg.role("child")[:2]):
        par = next(p for p in cx.reg.patients if p.cid == kid.authorised[0])
        text = (
            f"Dear {par.given},\n\n{kid.given}'s hearing test results are normal. No further appointments are "
            f"needed.\n\nRegards,\nHearing Clinic\n"
        )
        to_addr = par.emails[0] if par.emails else None
        if to_addr:
            cx.allow(
                "relationships/parent-email",
                "eml",
                eml(cx.n + 1, staff(cx, i), [to(par)], f"{kid.given}'s results", text),
                f"results of child {kid.cid} to parent {par.cid} (authorised contact)",
            )


def carers_by_post(cx: Corpus) -> None:
    """A carer who is a patient herself, and a guardian known only by email, written to by post."""
    from tests.corpora.health.formats import Letter
    from tests.corpora.health.letters import LETTERHEADS
    from tests.corpora.health.people import random_address

    wife, husband = cx.reg.role("couple")[:2]
    letter = appointment_letter(cx.rng, husband, 1)
    letter.address = [wife.formal, *wife.address.block(2)]
    letter.salutation = f"Dear {wife.title} {wife.family},"
    letter.body[0] = f"As {husband.given}'s carer: " + letter.body[0].replace("for you", f"for {husband.given}")
    cx.allow(
        "relationships/carer-is-patient",
        "pdf",
        render(letter, "pdf"),
        f"appointment of {husband.cid} to his carer {wife.cid} (his authorised contact by client id)",
    )
    p = cx.reg.role("guarded")[3]
    guardian = random_address(cx.rng, "house")
    letter = Letter(
        LETTERHEADS[0],
        "Thursday 12 November 2026",
        ["Ms Rosalind Tully", "Enduring Guardian", *guardian.block(1)],
        [f"Re: {p.given} {p.family}, DOB {written_date(p.dob, 2)}", ur_written(p.ur, 2)],
        "Dear Ms Tully,",
        [
            f"Thank you for meeting with the Memory Clinic team about {p.given}. As discussed, we have referred "
            f"{p.given} for a residential respite assessment, and the assessor will contact you to arrange a time.",
            "Please call the clinic on 5471 3555 if you have any questions.",
        ],
        ["Yours sincerely,", "", "Clinical Nurse Consultant, Memory Clinic"],
    )
    cx.allow(
        "relationships/guardian-letter",
        "docx",
        render(letter, "docx"),
        f"letter about {p.cid} posted to the enduring guardian (registered by email only)",
    )
