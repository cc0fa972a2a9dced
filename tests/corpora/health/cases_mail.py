"""Email: incidents with their legitimate twins (headers, attachments, threads, HTML, bulk, identifiers)."""

from __future__ import annotations

import csv
import io

from tests.corpora.health.corpus import Corpus
from tests.corpora.health.formats import eml, pdf_letters, pdf_table, render
from tests.corpora.health.letters import (
    CLINICS,
    DOMAIN,
    SIGNERS,
    appointment_letter,
    appt,
    gp_email,
    gp_letter,
    ur_written,
    written_date,
)
from tests.corpora.health.people import Patient, luhn_card, medicare_written, phone_written, tfn

MISMATCH = ["mismatched_recipient", "mixed_client_documents"]
LIAISON = f"fv.liaison@{DOMAIN}"


def staff(cx: Corpus, k: int) -> str:
    name = SIGNERS[k % len(SIGNERS)]
    return f"{name} <{name.lower().replace(' ', '.')}@{DOMAIN}>"


def to(p: Patient, email: str | None = None) -> str:
    return f"{p.given} {p.family} <{email or p.emails[0]}>"


def reminder_text(cx: Corpus, p: Patient, style: int, about: Patient | None = None) -> str:
    about = about or p
    d, t = appt(cx.rng)
    return (
        f"Hi {p.given},\n\nReminder: {about.given} {about.family} ({ur_written(about.ur, style)}) has an "
        "appointment at "
        f"the {cx.rng.choice(CLINICS)} on {written_date(d, style)} at {t}.\n\nReply Y to confirm or call 5471 3555 to "
        "change. Please do not reply with personal health information.\n\nGoldfields Regional Health Service\n"
    )


def with_email(cx: Corpus, k: int) -> list[Patient]:
    out = []
    while len(out) < k:
        p = cx.reg.general(1)[0]
        if p.emails and p not in out:
            out.append(p)
    return out


def wrong_address(cx: Corpus) -> None:
    """Autocomplete picked another patient's address under the right display name."""
    for i in range(cx.reps(4)):
        a, b = with_email(cx, 2)
        text = reminder_text(cx, a, i)
        cx.pair(
            "headers-links/autocomplete-address",
            ("eml", eml(cx.n + 1, staff(cx, i), [to(a)], "Appointment reminder", text), f"reminder to {a.cid}"),
            (
                "eml",
                eml(cx.n + 2, staff(cx, i), [to(a, b.emails[0])], "Appointment reminder", text),
                f"reminder about {a.cid} sent to the email address of {b.cid}",
            ),
            ["mismatched_recipient"],
        )
    for i in range(cx.reps(2)):
        a, b = with_email(cx, 2)
        link = "https://portal.goldfieldshealth.example/appointments?ur={}&dob={}"
        txt = (
            f"Dear {a.given},\n\nYour appointment details and pre-admission form are online:\n"
            f"{link}\n\nKind regards,\nOutpatient Bookings\n"
        )
        good = txt.format(a.ur, a.dob.isoformat())
        bad = txt.format(b.ur, b.dob.isoformat())
        cx.pair(
            "headers-links/portal-link",
            ("eml", eml(cx.n + 1, staff(cx, i), [to(a)], "Your appointment", good), f"portal link for {a.cid}"),
            (
                "eml",
                eml(cx.n + 2, staff(cx, i), [to(a)], "Your appointment", bad),
                f"email to {a.cid} links to the UR and DOB of {b.cid}",
            ),
            ["mismatched_recipient"],
        )


def cc_wrong_patient(cx: Corpus) -> None:
    """The GP letter goes to the GP with a copy to the patient; the copy went to the namesake."""
    pats = cx.reg.role("samename")
    for i in range(0, len(pats), 2):
        a, b = pats[i], pats[i + 1]
        ea = a.emails[0] if a.emails else f"{a.given.split()[0].lower()}{i}@gmail.example"
        if not a.emails:
            a.emails.append(ea)
        if not b.emails:
            b.emails.append(f"{b.family.replace(' ', '').lower()}.{b.given.split()[0].lower()}@iinet.example")
        pdf = pdf_letters([gp_letter(cx.rng, a, i, medicare=False)])
        text = (
            f"Dear Doctor,\n\nPlease find attached our letter regarding {a.given} {a.family}. A copy has been "
            "sent to the patient.\n\nRegards,\nSpecialist Clinics\n"
        )
        att = [(f"GP_letter_{a.family}.pdf", pdf)]
        cx.pair(
            "headers-links/cc-patient",
            (
                "eml",
                eml(cx.n + 1, staff(cx, i), [gp_email(a.gp)], "Clinic letter", text, cc=[to(a)], attachments=att),
                f"GP letter about {a.cid} to GP, cc {a.cid}",
            ),
            (
                "eml",
                eml(cx.n + 2, staff(cx, i), [gp_email(a.gp)], "Clinic letter", text, cc=[to(b)], attachments=att),
                f"GP letter about {a.cid} cc'd to namesake {b.cid}",
            ),
            ["mismatched_recipient"],
        )


def guardians(cx: Corpus) -> None:
    g = cx.reg.role("guarded")
    for i in range(len(g)):
        p, other = g[i], g[(i + 1) % len(g)]
        text = (
            f"Dear {p.given}'s representative,\n\nAs {p.given} {p.family}'s medical treatment decision maker, we "
            f"would like to discuss the plan from the {CLINICS[i + 7]} review ({ur_written(p.ur, i)}, born "
            f"{written_date(p.dob, i + 1)}). Could you call the clinic on 5471 3555 this week?\n\nRegards,\n"
            "Clinical Nurse Consultant\n"
        )
        good = eml(cx.n + 1, staff(cx, i), [p.authorised[0]], "Treatment planning", text)
        if i < 2:
            bad = eml(cx.n + 2, staff(cx, i), [other.authorised[0]], "Treatment planning", text)
            cx.pair(
                "relationships/guardian-email",
                ("eml", good, f"email about {p.cid} to their decision maker"),
                ("eml", bad, f"email about {p.cid} sent to the decision maker of {other.cid}"),
                ["mismatched_recipient"],
            )
        else:
            cx.allow("relationships/guardian-email", "eml", good, f"email about {p.cid} to their decision maker")


def attachments(cx: Corpus) -> None:
    for i in range(cx.reps(3)):
        a, b = with_email(cx, 2)
        fmt = ["pdf", "docx", "pdf"][i % 3]
        text = (
            f"Dear {a.given},\n\nAs requested, a copy of your appointment letter is attached.\n\nRegards,\nBookings\n"
        )
        good = eml(
            cx.n + 1,
            staff(cx, i),
            [to(a)],
            "Your letter",
            text,
            attachments=[(f"letter.{fmt}", render(appointment_letter(cx.rng, a, i), fmt))],
        )
        bad = eml(
            cx.n + 2,
            staff(cx, i),
            [to(a)],
            "Your letter",
            text,
            attachments=[(f"letter.{fmt}", render(appointment_letter(cx.rng, b, i), fmt))],
        )
        cx.pair(
            "mime-parts/wrong-attachment",
            ("eml", good, f"{a.cid} gets own letter"),
            ("eml", bad, f"{a.cid} gets the appointment letter of {b.cid}"),
            MISMATCH,
        )


def clinic_list(cx: Corpus, k: int) -> tuple[list[str], list[list[str]]]:
    header = ["Time", "UR", "Patient", "DOB", "Phone", "Clinic"]
    rows = []
    for j, p in enumerate(cx.reg.general(k)):
        rows.append(
            [
                f"{9 + j // 4}:{(j % 4) * 15:02d}",
                p.ur,
                f"{p.family.upper()}, {p.given}",
                p.dob.strftime("%d/%m/%Y"),
                phone_written(p.phones[0], j) if p.phones else "",
                "Podiatry",
            ]
        )
    return header, rows


def bulk(cx: Corpus) -> None:
    for i in range(cx.reps(2)):
        a = with_email(cx, 1)[0]
        header, rows = clinic_list(cx, 16)
        listing = pdf_table(["Podiatry clinic list - Castlemaine", "Thursday 10 December 2026"], header, rows)
        text = (
            f"Hi {a.given},\n\nThanks for your reply. Your appointment is confirmed, details attached.\n\n"
            "Regards,\nPodiatry reception\n"
        )
        good = eml(
            cx.n + 1,
            staff(cx, i),
            [to(a)],
            "RE: Podiatry appointment",
            text,
            attachments=[("appointment.pdf", render(appointment_letter(cx.rng, a, i), "pdf"))],
        )
        bad = eml(
            cx.n + 2,
            staff(cx, i),
            [to(a)],
            "RE: Podiatry appointment",
            text,
            attachments=[("clinic_list_10Dec.pdf", listing)],
        )
        cx.pair(
            "bulk/clinic-list-to-patient",
            ("eml", good, f"reply to {a.cid} with own appointment"),
            ("eml", bad, f"reply to {a.cid} attaches the day's clinic list of 16 patients"),
            ["bulk_client_data", "mismatched_recipient", "mixed_client_documents"],
        )
    for i in range(cx.reps(2)):
        header, rows = clinic_list(cx, 14)
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerows([header, *rows])
        att = [("transport_list.csv", buf.getvalue().encode())]
        text = (
            "Hi all,\n\nTomorrow's patient list for the community transport run is attached.\n\n"
            "Thanks,\nClinic Coordinator\n"
        )
        cx.pair(
            "bulk/clinic-list-external",
            (
                "eml",
                eml(cx.n + 1, staff(cx, i), [f"transport.desk@{DOMAIN}"], "Transport list", text, attachments=att),
                "clinic list to the internal transport desk",
            ),
            (
                "eml",
                eml(
                    cx.n + 2,
                    staff(cx, i),
                    ["bookings@goldfieldscommunitytransport.example"],
                    "Transport list",
                    text,
                    attachments=att,
                ),
                "clinic list of 14 patients to an outside transport volunteer group",
            ),
            ["bulk_client_data", "mismatched_recipient"],
        )
    pats = with_email(cx, 18)
    text = (
        "Dear patient,\n\nThank you for visiting our Diabetes Clinic. We would value 3 minutes of your time: "
        "https://survey.goldfieldshealth.example/dc2026\n\nGoldfields Regional Health Service\n"
    )
    cx.pair(
        "bulk/survey-recipients-exposed",
        (
            "eml",
            eml(cx.n + 1, f"feedback@{DOMAIN}", [to(pats[0])], "How did we do?", text),
            f"survey to {pats[0].cid} alone",
        ),
        (
            "eml",
            eml(cx.n + 2, f"feedback@{DOMAIN}", [to(p) for p in pats], "How did we do?", text),
            "survey with 18 patients' addresses in To",
        ),
        ["bulk_client_data", "mismatched_recipient"],
    )


def threads(cx: Corpus) -> None:
    for i in range(cx.reps(3)):
        a, b = with_email(cx, 2)
        internal = (
            f"From: {SIGNERS[i]}\nSent: {written_date(a.dob.replace(year=2026), i)}\nTo: Wound Care\n"
            f"Subject: {b.family} {ur_written(b.ur, i)}\n\n{b.given} {b.family} (DOB "
            f"{written_date(b.dob, i + 2)}) - dressing changed, ulcer slightly larger, swab taken.\n"
        )
        head = "Hi,\n\nPlease see below.\n\nRegards,\nWound Care\n\n-----Original Message-----\n"
        good = eml(cx.n + 1, staff(cx, i), [gp_email(b.gp)], f"FW: {b.family}", head + internal)
        bad = eml(cx.n + 2, staff(cx, i), [to(a)], f"FW: {b.family}", head + internal)
        cx.pair(
            "threads/forwarded-outside",
            ("eml", good, f"internal note about {b.cid} forwarded to their GP"),
            ("eml", bad, f"internal note about {b.cid} forwarded to patient {a.cid}"),
            ["mismatched_recipient"],
        )


def family_violence_mail(cx: Corpus) -> None:
    reg = cx.reg
    her, her2 = reg.role("fv")
    ex, _ = reg.role("fv_ex")
    addr = her.address.one_line()
    ph = phone_written(her.phones[0], 0)
    # her suppressed address in an email to her sister (her authorised contact)
    base = (
        f"Hi,\n\nAs {her.given}'s nominated contact: her appointment at the Antenatal Clinic is confirmed for "
        "Tuesday 8 December 2026 at 10:30.{}\n\nRegards,\nPatient Liaison\n"
    )
    cx.pair(
        "suppressed-loose/email-to-relative",
        (
            "eml",
            eml(cx.n + 1, staff(cx, 1), [reg.sister_email], "Appointment", base.format("")),
            f"appointment for {her.cid} to her authorised contact",
        ),
        (
            "eml",
            eml(
                cx.n + 2,
                staff(cx, 1),
                [reg.sister_email],
                "Appointment",
                base.format(f" The letter has gone to her new address, {addr}."),
            ),
            f"email to {her.cid}'s relative quotes her suppressed address",
        ),
        ["suppressed_detail_exposed"],
        suppressed=True,
    )
    # an internal email: only the listed staff may see suppressed details
    text = (
        f"Hi,\n\n{her.given} {her.family} ({ur_written(her.ur, 0)}) has a new address and mobile: {addr}, {ph}. "
        "Please update the file. Do NOT disclose.\n\nThanks\n"
    )
    cx.pair(
        "threads/internal-suppressed",
        (
            "eml",
            eml(cx.n + 1, staff(cx, 2), [LIAISON], "Address update", text),
            f"{her.cid}'s new details to FV liaison",
        ),
        (
            "eml",
            eml(cx.n + 2, staff(cx, 2), [f"antenatal.clinic@{DOMAIN}"], "Address update", text),
            f"{her.cid}'s suppressed details to a clinic inbox not cleared to see them",
        ),
        ["suppressed_detail_exposed"],
        suppressed=True,
    )
    # a thread forwarded to her GP: approved, but her phone must be taken out first
    thread = (
        f"Hi Doctor,\n\nForwarding below re {her.given} {her.family}, DOB {written_date(her.dob, 1)}.\n\n"
        "-----Original Message-----\nFrom: Antenatal Clinic\nSubject: missed appointment\n\n"
        "She missed her 28-week review; please follow up.{}\n"
    )
    cx.pair(
        "threads/forwarded-suppressed",
        (
            "eml",
            eml(cx.n + 1, staff(cx, 3), [gp_email(her.gp)], "FW: missed appointment", thread.format("")),
            f"thread about {her.cid} to her GP",
        ),
        (
            "eml",
            eml(
                cx.n + 2,
                staff(cx, 3),
                [gp_email(her.gp)],
                "FW: missed appointment",
                thread.format(f" Her new mobile is {ph}."),
            ),
            f"thread about {her.cid} to her GP carries her suppressed mobile",
        ),
        ["suppressed_detail_exposed"],
        suppressed=True,
    )
    # a reply that goes to him: his own appointment, and her phone as "household" contact
    text = f"Hi {ex.given},\n\nYour physio appointment is Monday 7 December at 9:15.{{}}\n\nRegards,\nPhysiotherapy\n"
    if ex.emails:
        cx.pair(
            "suppressed-loose/email-to-ex-partner",
            ("eml", eml(cx.n + 1, staff(cx, 4), [to(ex)], "Physio", text.format("")), f"{ex.cid}'s own appointment"),
            (
                "eml",
                eml(cx.n + 2, staff(cx, 4), [to(ex)], "Physio", text.format(f" We also tried your partner on {ph}.")),
                f"email to {ex.cid} shows the suppressed mobile of {her.cid}",
            ),
            ["suppressed_detail_exposed"],
            suppressed=True,
        )
    # her own suppressed email, her own address: allowed
    own = f"Hi {her.given},\n\nWe have updated your postal address to {addr} and mobile to {ph} as you asked.\n"
    cx.allow(
        "recipient-own-details/suppressed-own",
        "eml",
        eml(cx.n + 1, LIAISON, [to(her)], "Your details", own),
        f"{her.cid}'s own details to her own email",
    )
    cx.allow(
        "threads/internal-suppressed",
        "eml",
        eml(
            cx.n + 1,
            staff(cx, 5),
            [LIAISON],
            "Safety plan",
            f"{her2.given} {her2.family} new address: {her2.address.one_line()}. Flag file.\n",
        ),
        f"{her2.cid}'s suppressed address to FV liaison",
    )


def identifiers_mail(cx: Corpus) -> None:
    for i in range(cx.reps(2)):
        p = cx.reg.general(1)[0]
        while not p.medicare:
            p = cx.reg.general(1)[0]
        text = (
            f"Hello,\n\nReferral for {p.given} {p.family}, DOB {written_date(p.dob, i)}, Medicare "
            f"{medicare_written(p.medicare, i % 3, p.irn)}, for hydrotherapy following knee replacement.\n\n"
            "Regards,\nPhysiotherapy\n"
        )
        cx.pair(
            "identifiers-dates/medicare-external",
            ("eml", eml(cx.n + 1, staff(cx, i), [gp_email(p.gp)], "Referral", text), f"{p.cid} details to their GP"),
            (
                "eml",
                eml(cx.n + 2, staff(cx, i), ["reception@aquaphysio.example"], "Referral", text),
                f"{p.cid} name, DOB and Medicare number to an unapproved private practice",
            ),
            ["sensitive_identifier", "mismatched_recipient"],
        )
    p = with_email(cx, 1)[0]
    t = tfn(cx.rng)
    text = (
        "Hi {},\n\nWe have received the form for your Centrelink claim. The TFN you entered ({}) has been noted "
        "on the form only; we do not keep it on your health record.\n\nRegards,\nSocial Work\n"
    )
    cx.pair(
        "identifiers-dates/tfn",
        (
            "eml",
            eml(cx.n + 1, staff(cx, 6), [to(p)], "Your form", text.format(p.given, "***-***-" + t[-3:])),
            f"reply to {p.cid} with a masked TFN",
        ),
        (
            "eml",
            eml(cx.n + 2, staff(cx, 6), [to(p)], "Your form", text.format(p.given, f"{t[:3]} {t[3:6]} {t[6:]}")),
            f"reply to {p.cid} quotes a full TFN",
        ),
        ["sensitive_identifier"],
    )
    for i in range(cx.reps(2)):
        p = with_email(cx, 1)[0]
        card = luhn_card(cx.rng, ["4", "5"][i % 2])
        text = (
            "Dear {},\n\nThank you for your payment of $48.50 for statement ST-{}. Card used: {}.\n\nPatient Accounts\n"
        )
        st = cx.rng.randint(20000, 99999)
        cx.pair(
            "identifiers-dates/card-number",
            (
                "eml",
                eml(
                    cx.n + 1,
                    f"accounts@{DOMAIN}",
                    [to(p)],
                    "Receipt",
                    text.format(p.given, st, "XXXX XXXX XXXX " + card[-4:]),
                ),
                f"receipt to {p.cid} with masked card",
            ),
            (
                "eml",
                eml(
                    cx.n + 2,
                    f"accounts@{DOMAIN}",
                    [to(p)],
                    "Receipt",
                    text.format(p.given, st, " ".join(card[k : k + 4] for k in range(0, 16, 4))),
                ),
                f"receipt to {p.cid} with the full card number",
            ),
            ["sensitive_identifier"],
        )


def html_mail(cx: Corpus) -> None:
    for i in range(cx.reps(2)):
        a, b = with_email(cx, 2)
        d, t = appt(cx.rng)
        tpl = (
            "<html><body><div style='display:none;max-height:0'>{pre}</div><table width='600'><tr><td>"
            "<h2>Goldfields Regional Health Service</h2><p>Hi {g},</p><p>Your appointment is on <b>{d}</b> at {t}."
            "</p><p>Reply Y to confirm.</p></td></tr></table></body></html>"
        )
        pre = "Appointment for {} {}, {}"
        good = tpl.format(pre=pre.format(a.given, a.family, ur_written(a.ur, i)), g=a.given, d=written_date(d, i), t=t)
        bad = tpl.format(pre=pre.format(b.given, b.family, ur_written(b.ur, i)), g=a.given, d=written_date(d, i), t=t)
        plain = f"Hi {a.given}, your appointment is on {written_date(d, i)} at {t}."
        cx.pair(
            "html-mail/hidden-preheader",
            (
                "eml",
                eml(cx.n + 1, f"bookings@{DOMAIN}", [to(a)], "Appointment", plain, html_body=good),
                f"HTML reminder to {a.cid}",
            ),
            (
                "eml",
                eml(cx.n + 2, f"bookings@{DOMAIN}", [to(a)], "Appointment", plain, html_body=bad),
                f"HTML reminder to {a.cid} with the UR of {b.cid} in a hidden preheader",
            ),
            ["mismatched_recipient"],
        )


def unmerged_unscannable_mail(cx: Corpus) -> None:
    for i in range(cx.reps(2)):
        p = with_email(cx, 1)[0]
        good = reminder_text(cx, p, i)
        bad = good.replace(f"Hi {p.given},", "Hi {{FirstName}}," if i % 2 == 0 else "Hi «Preferred_Name»,")
        cx.pair(
            "unmerged/email",
            ("eml", eml(cx.n + 1, f"bookings@{DOMAIN}", [to(p)], "Reminder", good), f"reminder to {p.cid}"),
            (
                "eml",
                eml(cx.n + 2, f"bookings@{DOMAIN}", [to(p)], "Reminder", bad),
                f"reminder to {p.cid} with an unmerged greeting",
            ),
            ["unmerged_field"],
        )
    for i in range(cx.reps(2)):
        p = cx.reg.general(1)[0]
        letter = gp_letter(cx.rng, p, i + 2)
        text = "Dear Doctor,\n\nPlease find our letter attached.{}\n\nRegards,\nSpecialist Clinics\n"
        cx.pair(
            "unscannable/encrypted-attachment",
            (
                "eml",
                eml(
                    cx.n + 1,
                    staff(cx, i),
                    [gp_email(p.gp)],
                    "Clinic letter",
                    text.format(""),
                    attachments=[("letter.pdf", pdf_letters([letter]))],
                ),
                f"GP letter about {p.cid}",
            ),
            (
                "eml",
                eml(
                    cx.n + 2,
                    staff(cx, i),
                    [gp_email(p.gp)],
                    "Clinic letter",
                    text.format(" The password is the patient's date of birth (DDMMYYYY)."),
                    attachments=[("letter.pdf", pdf_letters([letter], password=p.dob.strftime("%d%m%Y")))],
                ),
                f"GP letter about {p.cid} in a password-protected PDF",
            ),
            ["unscannable_content"],
        )
