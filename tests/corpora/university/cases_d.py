"""bulk, unmerged, unscannable, and merged print files given to `dlp scan` (mail-merge)."""

from __future__ import annotations

from tests.corpora.university import content as k
from tests.corpora.university import render as r
from tests.corpora.university import world as w
from tests.corpora.university.kit import Corpus
from tests.corpora.university.registry import Client

BULK = ["bulk_client_data"]
UNM = ["unmerged_field"]
UNS = ["unscannable_content"]


def class_rows(students: list[Client], rng, contact: bool = True) -> list[list[str]]:
    head = (
        ["StudentID", "Given name", "Family name", "Email", "Mobile", "Grade"]
        if contact
        else ["StudentID", "Given name", "Family name", "Grade"]
    )
    rows = [head]
    for s in students:
        g = rng.choice(w.GRADES)
        rows.append(
            [s.student_no, s.given, s.family, s.email, s.phone, g] if contact else [s.student_no, s.given, s.family, g]
        )
    return rows


def bulk(c: Corpus) -> None:
    reg, rng = c.reg, c.rng
    pool = [s for s in reg.students() if "suppressed" not in s.tags]
    lecturer = w.STAFF[0]
    # a class list with contacts to a sessional tutor's private mailbox vs the tutor's university mailbox
    cl = c.pick(pool, 42)
    data = r.csv_bytes(class_rows(cl, rng))
    body = (
        "Hi,\n\nAttached is the NUR101 class list for the tutorial groups, with emails and "
        "mobiles for the placement roster." + k.sig("central")
    )
    c.pair(
        "bulk/class-list",
        "eml",
        lambda iid: r.eml(
            iid,
            f"{lecturer[0]} <{w.staff_email(lecturer)}>",
            [w.PERSONAL_STAFF[2]],
            "NUR101 class list",
            body,
            attachments=[("NUR101-class-list.csv", "text/csv", data)],
            day=c.next_day(),
        ),
        lambda iid: r.eml(
            iid,
            f"{lecturer[0]} <{w.staff_email(lecturer)}>",
            [w.staff_email(w.STAFF[4])],
            "NUR101 class list",
            body,
            attachments=[("NUR101-class-list.csv", "text/csv", data)],
            day=c.next_day(),
        ),
        BULK + ["mismatched_recipient"],
        "class list of 42 students with contacts sent to a tutor's private mailbox",
        "the same class list to a staff mailbox",
    )
    # a grades workbook taken home
    gl = c.pick(pool, 55)
    wb = r.xlsx_bytes(class_rows(gl, rng, contact=False), "ENG203 grades")
    text = "Sending this to myself to finish the moderation at home over the weekend." + k.sig("central")
    c.pair(
        "bulk/grades-home",
        "eml",
        lambda iid: r.eml(
            iid,
            f"Dr Gareth Hughes <{w.staff_email(w.STAFF[8])}>",
            [w.PERSONAL_STAFF[1]],
            "grades",
            text,
            attachments=[("ENG203-grades.xlsx", r.CT["xlsx"], wb)],
            day=c.next_day(),
        ),
        lambda iid: r.eml(
            iid,
            f"Dr Gareth Hughes <{w.staff_email(w.STAFF[8])}>",
            [w.staff_email(w.STAFF[1])],
            "grades",
            text,
            attachments=[("ENG203-grades.xlsx", r.CT["xlsx"], wb)],
            day=c.next_day(),
        ),
        BULK + ["mismatched_recipient"],
        "workbook of 55 students' grades sent to a lecturer's private mailbox",
        "the same workbook to the course coordinator",
    )
    # a sponsor: its own scholars' results, or the whole scholarship cohort
    sp = w.SPONSORS[0]
    own = [s for s in reg.students("sponsored") if s.sponsor == sp]
    cohort = own + c.pick([s for s in pool if s.sponsor != sp], 30)

    def mk1(iid, who):
        rows = [["Scholarship", "StudentID", "Name", "WAM"]] + [
            [s.schol or "-", s.student_no, s.name, str(rng.randint(55, 88))] for s in who
        ]
        body = f"Dear {sp[0]},\n\nThe {w.SEMESTER} progress report for your scholars is attached." + k.sig("schol")
        return r.eml(
            iid,
            k.office("schol"),
            [sp[1]],
            "Scholar progress report",
            body,
            attachments=[("progress.csv", "text/csv", r.csv_bytes(rows))],
            day=c.next_day(),
        )

    c.pair(
        "bulk/sponsor-report",
        "eml",
        lambda iid: mk1(iid, cohort),
        lambda iid: mk1(iid, own),
        BULK + ["mismatched_recipient"],
        f"progress report to one sponsor lists {len(cohort)} students, {len(cohort) - len(own)} "
        "of them not its scholars",
        f"progress report of the sponsor's own {len(own)} scholars",
    )
    # the admissions centre (approved) receives a few applicants, not a whole contact export
    apps = c.pick(pool, 60)

    def tac(iid, who):
        rows = [["StudentID", "Given", "Family", "DOB", "Email", "Mobile", "Address"]] + [
            [s.student_no, s.given, s.family, s.dob, s.email, s.phone, s.address] for s in who
        ]
        body = "Hello TAC,\n\nAttached are the applicants whose offers were accepted in Round 2." + k.sig("admissions")
        return r.eml(
            iid,
            k.office("admissions"),
            [f"offers@{w.TAC[1]}"],
            "Round 2 acceptances",
            body,
            attachments=[("round2.csv", "text/csv", r.csv_bytes(rows))],
            day=c.next_day(),
        )

    c.pair(
        "bulk/admissions-centre",
        "eml",
        lambda iid: tac(iid, apps),
        lambda iid: tac(iid, apps[:3]),
        BULK,
        "60 applicants' full contact records to the admissions centre",
        "three accepted applicants to the admissions centre",
    )


def unmerged(c: Corpus) -> None:
    reg, rng = c.reg, c.rng
    placeholders = [
        ("\u00abFirstName\u00bb", "docx"),
        ("{{student_number}}", "eml"),
        ("<<Course>>", "txt"),
        ("[Surname]", "rtf"),
        ("MERGEFIELD", "docx"),
        ("{{given_name}}", "html"),
    ]
    for ph, ext in placeholders[: c.count(6)]:
        s = c.pick(reg.plain(), 1)[0]

        def mk2(iid, s=s, ph=ph, ext=ext, bad=True):
            L = k.letter("census", s, s.block(), rng)
            if bad and ph.startswith("\u00ab"):
                L.salutation = f"Dear {ph},"
            elif bad and ph == "<<Course>>":
                L.paras[0] = L.paras[0] + f" This applies to every unit of your {ph}."
            elif bad and ph == "[Surname]":
                L.salutation = f"Dear {s.title} {ph},"
            elif bad and ph == "{{given_name}}":
                L.salutation = f"Dear {ph},"
            if ext == "docx":
                return r.docx_letter(L, merge_raw="StudentNumber" if bad and ph == "MERGEFIELD" else "")
            if ext == "eml":
                no = ph if bad else s.student_no
                body = (
                    f"Dear {s.given},\n\nThe census date is {w.CENSUS}. Check the enrolment for student {no} in MyUSR."
                    + k.sig("central")
                )
                return r.eml(iid, k.office("central"), [k.to(s)], "Census date reminder", body, day=c.next_day())
            return r.render_letter(L, ext)

        c.pair(
            f"unmerged/{ext}",
            ext,
            mk2,
            lambda iid, s=s, ph=ph, ext=ext: mk2(iid, s, ph, ext, False),
            UNM,
            f"census letter to {s.cid} with an unmerged placeholder",
            f"census letter to {s.cid} fully merged",
        )


def unscannable(c: Corpus) -> None:
    reg, rng = c.reg, c.rng
    s = c.pick(reg.plain(), 1)[0]
    lines = [f"Statement for {s.given} {s.family}", f"Student number {s.student_no}"]
    body = f"Dear {s.given},\n\nYour statement is attached. The password is your date of birth (DDMMYYYY)." + k.sig(
        "fees"
    )
    c.pair(
        "unscannable/encrypted-attachment",
        "eml",
        lambda iid: r.eml(
            iid,
            k.office("fees"),
            [k.to(s)],
            "Statement (protected)",
            body,
            attachments=[("statement.pdf", "application/pdf", r.pdf_report("Statement", lines, encrypt="01012005"))],
            day=c.next_day(),
        ),
        lambda iid: r.eml(
            iid,
            k.office("fees"),
            [k.to(s)],
            "Statement",
            body.replace(" The password is your date of birth (DDMMYYYY).", ""),
            attachments=[("statement.pdf", "application/pdf", r.pdf_report("Statement", lines))],
            day=c.next_day(),
        ),
        UNS,
        f"password-protected statement of {s.cid}",
        f"plain statement of {s.cid}",
    )
    t = c.pick(reg.plain(), 1)[0]
    c.pair(
        "unscannable/encrypted-letter",
        "pdf",
        lambda _: r.pdf_report(
            "Academic transcript",
            [f"{t.given} {t.family}", f"Student number {t.student_no}"],
            k.grades_table(t, rng),
            encrypt="usr2026",
        ),
        lambda _: r.pdf_report(
            "Academic transcript", [f"{t.given} {t.family}", f"Student number {t.student_no}"], k.grades_table(t, rng)
        ),
        UNS,
        f"encrypted transcript of {t.cid} dropped in the pre-send folder",
        f"transcript of {t.cid} in the pre-send folder",
    )
    u = c.pick(reg.plain(), 1)[0]
    good_pdf = r.pdf_letter(k.letter("results", u, u.block(), rng))
    bad_pdf = good_pdf[: len(good_pdf) // 3]
    body2 = f"Dear {u.given},\n\nYour results notice is attached." + k.sig("exams")
    c.pair(
        "unscannable/corrupt-attachment",
        "eml",
        lambda iid: r.eml(
            iid,
            k.office("exams"),
            [k.to(u)],
            "Results notice",
            body2,
            attachments=[("results.pdf", "application/pdf", bad_pdf)],
            day=c.next_day(),
        ),
        lambda iid: r.eml(
            iid,
            k.office("exams"),
            [k.to(u)],
            "Results notice",
            body2,
            attachments=[("results.pdf", "application/pdf", good_pdf)],
            day=c.next_day(),
        ),
        UNS,
        f"truncated results PDF for {u.cid}",
        f"complete results PDF for {u.cid}",
    )
    v = c.pick(reg.plain(), 1)[0]

    def txt(_, pgp: bool):
        L = k.letter("misconduct", v, v.block(), rng)
        if pgp:
            L.paras = [
                "-----BEGIN PGP MESSAGE-----",
                "hQEMA5n3Qk1u7XJcAQf/eXk0b3Zwq9aN1lQeJk2m0aP8d3y8aH1sKQ7",
                "=k2Jd",
                "-----END PGP MESSAGE-----",
            ]
        return r.txt_letter(L)

    c.pair(
        "unscannable/pgp-block",
        "txt",
        lambda _: txt(_, True),
        lambda _: txt(_, False),
        UNS,
        f"letter to {v.cid} whose body is a PGP block",
        f"the same letter to {v.cid} in clear",
    )


def merged_scans(c: Corpus) -> None:
    """Print files of several letters given to `dlp scan`: one verdict per letter."""
    reg, rng = c.reg, c.rng
    group = c.pick(reg.plain(), 5)
    good = [k.letter("census", s, s.block(), rng, date="2 March 2026") for s in group]

    def shifted(_):
        ls = [k.letter("census", s, s.block(), rng, date="2 March 2026") for s in group]
        ls[2].refs = [f"Student number: {group[3].student_no}"]
        return r.pdf_letters(ls)

    c.letters_pair(
        "mail-merge/print-file",
        shifted,
        lambda _: r.pdf_letters(good),
        [
            {"expect": "allow"},
            {"expect": "allow"},
            {"expect": "block", "rules": ["mixed_client_documents", "mismatched_recipient"]},
            {"expect": "allow"},
            {"expect": "allow"},
        ],
        5,
        f"third of five census letters ({group[2].cid}) carries the number of {group[3].cid}",
        "five census letters, each its own",
    )
    hidden = reg.students("suppressed", "supp-guarantor")
    res = [s for s in reg.students("resident") if "suppressed" not in s.tags][:3]
    if hidden and len(res) == 3:
        s = hidden[-1]
        g = reg.joint_holders(s)[0]

        def run(_, leak: bool):
            ls = [
                k.accommodation_letter(
                    x, reg.joint_holders(x)[0].block(), f"Dear {reg.joint_holders(x)[0].given},", rng
                )
                for x in res
            ]
            block = [g.name, s.street, f"{s.town.upper()} NSW {s.postcode}"] if leak else g.block()
            ls.insert(1, k.accommodation_letter(s, block, f"Dear {g.given},", rng))
            return r.pdf_letters(ls)

        c.letters_pair(
            "mail-merge/print-file",
            lambda _: run(_, True),
            lambda _: run(_, False),
            [
                {"expect": "allow"},
                {"expect": "block", "rules": ["suppressed_detail_exposed"]},
                {"expect": "allow"},
                {"expect": "allow"},
            ],
            4,
            f"guarantor run: letter 2 to {g.cid} goes to the suppressed address of {s.cid}",
            "guarantor run, every letter at its holder's address",
            suppressed=True,
        )
