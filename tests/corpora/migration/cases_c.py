"""Incidents and twins: mime-parts, bulk, unmerged, unscannable, and merged print files given to dlp scan."""

from __future__ import annotations

import csv
import io

from tests.corpora.migration import content as T
from tests.corpora.migration import render as R
from tests.corpora.migration import world as W
from tests.corpora.migration.kit import Kit

MR, MX, BK, UF, UC = (
    "mismatched_recipient",
    "mixed_client_documents",
    "bulk_client_data",
    "unmerged_field",
    "unscannable_content",
)
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _frm(k: Kit, i: int) -> str:
    s = k.staff(i)
    return f"{s.name} <{s.email}>"


# -- mime-parts ------------------------------------------------------------------------------------------------
def wrong_attachment(k: Kit, i: int) -> None:
    a = k.take("any")
    b = k.other("any", a)
    v = i % 3

    def make(bad: bool):
        p = b if bad else a
        if v == 0:
            att = [("Visa grant notice.pdf", "application/pdf", T.grant_notice(p))]
            text = f"Dear {a.given or a.family},\n\nCongratulations! Your visa grant notice is attached."
        elif v == 1:
            att = [("Passport certified copy.pdf", "application/pdf", T.passport_scan(p))]
            text = f"Dear {a.given or a.family},\n\nAttached is the certified copy of your passport for your records."
        else:
            letter = T.letter(p, T.rfi(p), "Request for further information")
            att = [("RFI letter.docx", DOCX, R.docx_letter(letter))]
            text = f"Dear {a.given or a.family},\n\nPlease read the attached letter about the Department's request."
        text += f"\n\nMatter {a.matter}" + R.signature(k.staff(i), T.office_of(a))
        data = R.eml(k.mid(), _frm(k, i), [f"{a.name} <{a.email}>"], f"Documents - {a.matter}", text, attachments=att)
        what = ["grant notice", "passport copy", "letter"][v]
        note = f"email to {a.cid} attaches the {what} of {b.cid}" if bad else f"email to {a.cid} with own {what}"
        return data, note

    k.pair("mime-parts/" + ["grant-notice", "passport-copy", "docx-letter"][v], "eml", make, [MR, MX])


def lodgement_wrong_passport(k: Kit, i: int) -> None:
    """An application to the Department with another client's passport among its documents."""
    a = k.take("worker")
    b = k.other("worker", a)

    def make(bad: bool):
        att = [
            (
                "Form 80.pdf",
                "application/pdf",
                R.pdf_document(
                    "Form 80 - personal particulars",
                    [
                        f"Family name: {a.family}",
                        f"Given names: {a.given}",
                        f"Date of birth: {T.dmy(a.dob)}",
                        f"Passport: {a.passport}",
                        f"TRN: {a.trn}",
                    ],
                ),
            ),
            ("Passport.pdf", "application/pdf", T.passport_scan(b if bad else a)),
        ]
        text = (
            f"Dear Officer,\n\nPlease find attached the Form 80 and passport for {a.name}, TRN {a.trn}, in "
            "response to your request." + R.signature(k.staff(i), 0)
        )
        dept = f"skilled.processing@{W.HOME_AFFAIRS}"
        data = R.eml(k.mid(), _frm(k, i), [dept], f"Response to s56 request - TRN {a.trn}", text, attachments=att)
        note = (
            f"response for {a.cid} to the Department attaches the passport of {b.cid}"
            if bad
            else f"response for {a.cid} to the Department with own passport"
        )
        return data, note

    k.pair("mime-parts/department-response", "eml", make, [MX, MR])


# -- bulk ------------------------------------------------------------------------------------------------------
def _expiry_csv(k: Kit, ids: list[str]) -> bytes:
    buf = io.StringIO()
    wr = csv.writer(buf, lineterminator="\r\n")
    wr.writerow(["Client", "Matter", "Visa", "Passport", "Expiry", "Mobile"])
    for cid in ids:
        c = k.c(cid)
        wr.writerow([c.name, c.matter, c.subclass, c.passport, c.expiry or "2026-06-30", c.phone])
    return buf.getvalue().encode()


def bulk_lists(k: Kit, i: int) -> None:
    v = i % 3
    granted = [c for c in k.w.workers + k.w.singles if k.c(c).expiry and not k.c(c).suppressed][:40]
    emp = i % len(W.EMPLOYERS)
    own = [c for c in k.w.by_employer[emp] if not k.c(c).suppressed]
    everyone = [c for c in k.w.workers if not k.c(c).suppressed]

    def make(bad: bool):
        if v == 0:
            to = "meilin.tan.home@mailbox.example" if bad else W.STAFF[5].email
            ids, subj = granted, "Visa expiry list Q1 2026"
            text = "List attached for the reminder calls." + R.signature(W.STAFF[2], 0)
            note = (
                "visa expiry list of 40 clients to a personal mailbox"
                if bad
                else "visa expiry list of 40 clients to internal client services"
            )
        elif v == 1:
            to = W.EMPLOYERS[emp][1]
            ids, subj = (everyone if bad else own), "Sponsored employees - visa expiry"
            text = "As requested, the expiry dates of your sponsored employees." + R.signature(k.staff(i), 0)
            note = (
                "expiry list of every sponsored worker of every employer to one employer"
                if bad
                else "expiry list of one employer's own sponsored workers (authorised)"
            )
        else:
            to = "seminar.rsvp@webmail.example" if bad else f"events@{W.INTERNAL}"
            ids, subj = granted[:30], "Seminar RSVP list"
            text = "The RSVP list for the Dandenong seminar." + R.signature(W.STAFF[5], 1)
            note = (
                "client list with passports sent to an outside events mailbox"
                if bad
                else "client list to the internal events mailbox"
            )
        data = R.eml(
            k.mid(),
            f"{W.STAFF[2].name} <{W.STAFF[2].email}>",
            [to],
            subj,
            text,
            attachments=[("list.csv", "text/csv", _expiry_csv(k, ids))],
        )
        return data, note

    rules = [[BK, MR], [BK, MR], [BK, MR]][v]
    k.pair("bulk/" + ["personal-mailbox", "employer-list", "events-list"][v], "eml", make, rules)


# -- unmerged --------------------------------------------------------------------------------------------------
def unmerged(k: Kit, i: int) -> None:
    c = k.take("any")
    v = i % 5

    def make(bad: bool):
        name = c.given or c.family
        if v == 0:
            letter = T.letter(c, T.health(c), "Health examinations")
            if bad:
                letter.dear = "Dear \u00abFirstName\u00bb"
            data = R.docx_letter(letter)
        elif v == 1:
            letter = T.letter(c, T.police(c), "Police certificate")
            data = R.docx_letter(letter, extra_xml_field="VisaSubclass" if bad else "")
        elif v == 2:
            greet = "{{client_name}}" if bad else name
            text = f"Hi {greet},\n\nYour visa expires soon. Please contact us about your options." + R.signature(
                k.staff(i), 0
            )
            data = R.eml(k.mid(), _frm(k, i), [f"{c.name} <{c.email}>"], "Your visa expires soon", text)
        elif v == 3:
            letter = T.letter(c, T.invoice(c, i), "Tax invoice")
            if bad:
                letter.to = ["<<Title>> " + c.name, *c.addr.block()]
            data = R.pdf_letter(letter)
        else:
            letter = T.letter(c, T.engagement(c), "Engagement")
            if bad:
                letter.dear = f"Dear {c.title} [Surname]"
            data = R.txt_letter(letter)
        return data, (
            f"{['docx', 'docx field', 'email', 'pdf', 'txt'][v]} to {c.cid} with a merge placeholder"
            if bad
            else f"merged {['docx', 'docx', 'email', 'pdf', 'txt'][v]} to {c.cid}"
        )

    ext = ["docx", "docx", "eml", "pdf", "txt"][v]
    k.pair("unmerged/" + ["chevrons", "mergefield", "braces", "angle-brackets", "square-brackets"][v], ext, make, [UF])


# -- unscannable -----------------------------------------------------------------------------------------------
def unscannable(k: Kit, i: int) -> None:
    c = k.take("any")
    v = i % 4

    def make(bad: bool):
        if v == 0:
            pdf = R.pdf_document(
                "Visa grant notice",
                [f"Applicant: {c.name}", f"Grant: {c.grant or c.trn}"],
                password="Hgm2025" if bad else "",
            )
            text = (
                "Your grant notice is attached"
                + (" (password sent by SMS)." if bad else ".")
                + R.signature(k.staff(i), 0)
            )
            data = R.eml(
                k.mid(),
                _frm(k, i),
                [f"{c.name} <{c.email}>"],
                "Grant notice",
                text,
                attachments=[("grant.pdf", "application/pdf", pdf)],
            )
        elif v == 1:
            good = R.pdf_letter(T.letter(c, T.checklist(c), "Checklist"))
            data = good[: len(good) // 2] if bad else good
        elif v == 2:
            good = R.docx_letter(T.letter(c, T.rfi(c), "Further information"))
            data = good[: len(good) * 2 // 3] if bad else good
        else:
            body = (
                (
                    "-----BEGIN PGP MESSAGE-----\n\nhQEMA3f2kq8Xy0bTAQf/Xq1vZ2Q9mZ7t0pJrVq0m8l4lX2N1c0p4Yw0y9l1B\n"
                    "=Qx7T\n-----END PGP MESSAGE-----\n"
                )
                if bad
                else f"Dear {c.given or c.family},\n\nYour documents are ready."
            )
            data = R.eml(k.mid(), _frm(k, i), [f"{c.name} <{c.email}>"], "Documents", body)
        return data, (
            f"{['encrypted PDF', 'truncated PDF', 'truncated DOCX', 'PGP message'][v]} for {c.cid}"
            if bad
            else f"readable item for {c.cid}"
        )

    ext = ["eml", "pdf", "docx", "eml"][v]
    k.pair("unscannable/" + ["encrypted-pdf", "corrupt-pdf", "corrupt-docx", "pgp"][v], ext, make, [UC])


# -- mail-merge: a merged print file given to dlp scan ------------------------------------------------------------
def merged_print_file(k: Kit, i: int) -> None:
    people = [k.take("single") for _ in range(6)]
    stranger = k.other("worker", *people)
    bad_at = 3 + i

    def letters(bad: bool) -> list:
        out = []
        for j, c in enumerate(people):
            about = stranger if bad and j == bad_at else c
            paras = [
                f"Your {T.visa(c)} ends on {T.dmy(c.expiry or '2026-06-30')}. Passport on file: {about.passport}.",
                "If you wish to stay in Australia you must apply for another visa before it ends. Please call us "
                "to book a consultation.",
            ]
            out.append(T.letter(c, paras, "Your visa is due to expire", about=about))
        return out

    bad_data = R.merged_pdf(letters(True))
    good_data = R.merged_pdf(letters(False))
    per = [{"expect": "allow"} for _ in people]
    per_bad = [dict(x) for x in per]
    per_bad[bad_at] = {"expect": "block", "rules": [MX, MR]}
    bad = k.add(
        "mail-merge/merged-print-file",
        "pdf",
        bad_data,
        f"merged expiry letters; letter {bad_at + 1} (to {people[bad_at].cid}) carries {stranger.cid}'s "
        "passport and matter",
        letters=per_bad,
    )
    good = k.add("mail-merge/merged-print-file", "pdf", good_data, "merged expiry letters, each its own", letters=per)
    bad["twin"], good["twin"] = good["id"], bad["id"]


CASES = [
    (wrong_attachment, 6),
    (lodgement_wrong_passport, 2),
    (bulk_lists, 3),
    (unmerged, 5),
    (unscannable, 4),
    (merged_print_file, 2),
]
