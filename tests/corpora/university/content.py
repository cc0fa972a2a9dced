"""The university's documents: what each kind of letter or email says about the student it concerns."""

from __future__ import annotations

import random

from tests.corpora.university import render as r
from tests.corpora.university import world as w
from tests.corpora.university.registry import Client

DATES = [
    "2 March 2026",
    "9 March 2026",
    "16 March 2026",
    "23 March 2026",
    "14 April 2026",
    "6 July 2026",
    "20 July 2026",
]


def campus_of(s: Client) -> tuple:
    name = s.course[2] if s.course else "Goulburn"
    return next(c for c in w.CAMPUSES if c[0] == name)


def units(s: Client) -> list[str]:
    return w.UNITS[s.course[1]] if s.course else w.UNITS["BUS"]


def grades_table(s: Client, rng: random.Random) -> list[list[str]]:
    rows = [["Unit", "Mark", "Grade"]]
    for u in units(s):
        mark = rng.randint(48, 92)
        g = "HD" if mark >= 85 else "D" if mark >= 75 else "C" if mark >= 65 else "P" if mark >= 50 else "F"
        rows.append([u, str(mark), g])
    return rows


def fees_table(s: Client, rng: random.Random) -> list[list[str]]:
    rows = [["Unit", "Census date", "Amount"]]
    for u in units(s):
        rows.append([u, w.CENSUS, f"${rng.randint(11, 19) * 100 + rng.randint(0, 99)}.00"])
    return rows


KINDS = [
    "offer",
    "enrolment",
    "fee_invoice",
    "results",
    "misconduct",
    "special_consideration",
    "library_fine",
    "census",
    "graduation",
]


def letter(
    kind: str, about: Client, block: list[str], rng: random.Random, dear: str | None = None, date: str | None = None
) -> r.Letter:
    """A letter of `kind` about student `about`, addressed to `block`."""
    s = about
    course = s.course[0] if s.course else "Bachelor of Business"
    dear = dear or f"Dear {s.given},"
    date = date or rng.choice(DATES)
    refs = [f"Student number: {s.student_no}"]
    table: list[list[str]] = []
    office = "Student Central"
    sign = ["Yours sincerely", "", "Kerry O'Brien", "Student Adviser, Student Central"]
    if kind == "offer":
        office = "Admissions"
        heading = f"Offer of admission - {course}, Semester 1 2026"
        paras = [
            f"Congratulations. On behalf of the {w.NAME} I am delighted to offer you a place in the {course} "
            f"at our {campus_of(s)[0]} campus, commencing in {w.SEMESTER}.",
            "To accept, log in to MyUSR with your student number and follow the steps by 20 January 2026. "
            "Your Commonwealth supported place is subject to meeting the census date requirements.",
        ]
        sign = ["Yours sincerely", "", "Dr Annette Blaxland", "Director, Admissions"]
    elif kind == "enrolment":
        heading = f"Confirmation of enrolment - {w.SEMESTER}"
        paras = [f"This letter confirms that you are enrolled in the {course} for {w.SEMESTER} in the units below."]
        table = [["Unit", "Mode", "Campus"]] + [
            [u, rng.choice(["Internal", "Online"]), campus_of(s)[0]] for u in units(s)
        ]
    elif kind == "fee_invoice":
        office = "Student Fees"
        refs.append(f"Invoice: INV-{rng.randint(100000, 999999)}")
        heading = f"Tax invoice - tuition fees, {w.SEMESTER}"
        paras = [
            f"Please find below the tuition fees for your enrolment in the {course}. Payment is "
            f"due by the census date, {w.CENSUS}.",
            "Pay by BPAY (biller code 241800, reference: your student number) or at any campus Student Central desk.",
        ]
        table = fees_table(s, rng)
        sign = ["Yours faithfully", "", "Tom Falconer", "Fees Officer"]
    elif kind == "results":
        office = "Examinations and Results"
        heading = f"Notification of results - {w.SEMESTER}"
        paras = ["Your results for the units below have been finalised by the Board of Examiners."]
        table = grades_table(s, rng)
        sign = ["Yours sincerely", "", "Margaret Yuen", "Manager, Examinations and Results"]
    elif kind == "misconduct":
        office = "Academic Integrity"
        unit = rng.choice(units(s))
        heading = f"Allegation of academic misconduct - {unit}"
        paras = [
            f"I write about your assessment item 2 in {unit}. The similarity report indicates substantial unattributed "
            "material. Under the Student Academic Integrity Rule you are invited to respond in "
            "writing within 10 working days.",
            "You may bring a support person to any meeting. Student Advocacy can help you prepare a response.",
        ]
        sign = ["Yours sincerely", "", "Priya Raman", "Academic Integrity Officer"]
    elif kind == "special_consideration":
        office = "Examinations and Results"
        unit = rng.choice(units(s))
        heading = f"Outcome of your application for special consideration - {unit}"
        paras = [
            f"Your application for special consideration for the final examination in {unit} has been approved. "
            "You will sit a deferred examination in the supplementary period (13-17 July 2026).",
            "Your supporting documentation has been placed on your confidential student file.",
        ]
    elif kind == "library_fine":
        office = "Library"
        heading = "Overdue library items and charges"
        paras = [
            f"Our records show two items borrowed on your library card ({s.student_no}) are 28 days overdue. "
            "A replacement charge of $85.00 has been added to your student account.",
        ]
        sign = ["Regards", "", "Library Services", f"{campus_of(s)[0]} Campus Library"]
    elif kind == "census":
        office = "Student Central"
        heading = f"Census date reminder - {w.CENSUS}"
        paras = [
            f"The census date for {w.SEMESTER} is {w.CENSUS}. If you withdraw from a unit after this date you will "
            "remain liable for its fees and it will appear on your record.",
            "Check your enrolment and your Commonwealth Assistance Notice in MyUSR.",
        ]
    elif kind == "graduation":
        office = "Graduations"
        heading = "Invitation to graduate - Goulburn ceremony, 11 December 2026"
        paras = [
            f"Congratulations on completing the {course}. You are invited to graduate in person at the ceremony at "
            "Goulburn Performing Arts Centre on 11 December 2026 at 2.00 pm. Each graduate may "
            "bring up to four guests.",
        ]
        sign = ["Yours sincerely", "", "Graduations Office", ""]
    else:
        raise ValueError(kind)
    return r.Letter(office, campus_of(s), date, block, dear, heading, paras, refs, table, sign)


def accommodation_letter(
    contract_holder: Client, block: list[str], dear: str, rng: random.Random, address_line: str = ""
) -> r.Letter:
    """A residence invoice or contract notice: carries only the shared contract number, as Residential Life sends it."""
    s = contract_holder
    paras = [
        f"Residence fees for {w.SEMESTER} under contract {s.contract} for {s.given} {s.family} are now due. "
        f"The guarantor and the resident are jointly liable for the amount below.",
        "Pay by BPAY (biller code 241801, reference: the contract number) by 27 March 2026.",
    ]
    if address_line:
        paras.append(address_line)
    table = [
        ["Item", "Period", "Amount"],
        ["Room and meals", "Weeks 1-13", "$4,316.00"],
        ["Residents' association", "2026", "$120.00"],
    ]
    return r.Letter(
        "Residential Life",
        w.CAMPUSES[0],
        rng.choice(DATES),
        block,
        dear,
        f"Residence fees - contract {s.contract}",
        paras,
        [f"Contract: {s.contract}"],
        table,
        ["Regards", "", "Annika Sorensen", "Residential Life Coordinator"],
    )


EMAIL_SUBJECTS = {
    "results": "Your {sem} results",
    "fee_invoice": "Your tuition fee invoice for {sem}",
    "enrolment": "Confirmation of your enrolment",
    "special_consideration": "Special consideration outcome",
    "misconduct": "Academic integrity: response requested",
    "offer": "Your offer from the University of the Southern Ranges",
    "library_fine": "Overdue library items",
    "census": "Census date is 31 March",
}


def email_body(kind: str, about: Client, dear: str, detail: bool = True) -> str:
    s = about
    course = s.course[0] if s.course else "your course"
    ref = f" (student number {s.student_no})" if detail else ""
    lines = {
        "results": (
            f"Your results for {w.SEMESTER} have been released{ref}. The attached notice "
            "lists each unit with its grade."
        ),
        "fee_invoice": f"Your tuition fee invoice for {course}{ref} is attached. Payment is due by {w.CENSUS}.",
        "enrolment": f"Attached is confirmation of your enrolment in the {course}{ref} for {w.SEMESTER}.",
        "special_consideration": (
            f"Your application for special consideration{ref} has been approved; the outcome letter is attached."
        ),
        "misconduct": (
            f"Please find attached a letter about an academic integrity matter{ref}. "
            "Please respond within 10 working days."
        ),
        "offer": f"We are delighted to offer you a place in the {course}{ref}. Your offer letter is attached.",
        "library_fine": f"Two items on your library card{ref} are overdue and a replacement charge has been added.",
        "census": f"The census date is {w.CENSUS}. Check your enrolment{ref} in MyUSR before then.",
    }
    return f"{dear}\n\n{lines[kind]}\n"


EXTS = ["pdf", "docx", "txt", "rtf", "html"]


def sig(office_key: str = "central", campus: tuple | None = None) -> str:
    name, mail = w.OFFICES[office_key]
    staff = {"fees": ("Tom Falconer", "Fees Officer"), "exams": ("Margaret Yuen", "Manager, Examinations and Results")}
    person, role = staff.get(office_key, ("Kerry O'Brien", "Student Adviser"))
    return r.signature(person, role, name, campus or w.CAMPUSES[0], mail)


def office(office_key: str) -> str:
    name, mail = w.OFFICES[office_key]
    return f"{name} <{mail}>"


def to(c: Client, personal: bool = False) -> str:
    addr = c.emails[-1] if personal else c.emails[0]
    return f"{c.given} {c.family} <{addr}>"


def letter_pdf_attachment(
    kind: str, about: Client, rng: random.Random, block: list[str] | None = None
) -> tuple[str, str, bytes]:
    L = letter(kind, about, block or about.block(), rng)
    return (f"{kind.replace('_', '-')}-{about.student_no}.pdf", "application/pdf", r.pdf_letter(L))


def transcript(about: Client, rng: random.Random) -> tuple[str, str, bytes]:
    lines = [
        f"Academic transcript for {about.given} {about.family}",
        f"Student number {about.student_no}   Date of birth {about.dob}",
        f"Course: {about.course[0] if about.course else 'Bachelor of Business'}",
    ]
    return ("transcript.pdf", "application/pdf", r.pdf_report("Academic transcript", lines, grades_table(about, rng)))
