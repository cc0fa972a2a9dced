"""The school's letter templates: report covers, attendance, excursions, invoices, enrolment, suspension, NAPLAN."""

from __future__ import annotations

import random

from .render import Letter
from .world import Client, Student

DATES = ["3 March 2025", "7 March 2025", "14 March 2025", "21 March 2025", "28 March 2025", "4 April 2025"]
KINDS = ["report", "attendance", "excursion", "invoice", "enrolment", "suspension", "naplan"]
EXCURSIONS = [
    ("Year 5 camp to Camp Murray River", "12-14 May 2025", "$285.00"),
    ("Bendigo Art Gallery visit", "9 April 2025", "$18.50"),
    ("Swimming program, Gurri Wanyarra Wellbeing Centre", "5-9 May 2025", "$62.00"),
    ("Geography field trip to Terrick Terrick National Park", "30 April 2025", "$41.00"),
]


def block(c: Client, rng: random.Random | None = None, caps: bool = True) -> list[str]:
    """The window-envelope address block for a client."""
    lines = [f"{c.title} {c.given} {c.family}"]
    body = c.address.block()
    if not caps:
        body = [*body[:-1], f"{c.address.suburb.title()} {c.address.state} {c.address.postcode}"]
    return lines + body


def dob_text(iso: str, style: int) -> str:
    y, m, d = iso.split("-")
    months = "January February March April May June July August September October November December".split()
    return [f"{d}/{m}/{y}", f"{int(d)} {months[int(m) - 1]} {y}", iso, f"{int(d)}.{int(m)}.{y}"][style % 4]


def letter(
    kind: str,
    st: Student,
    to: list[str],
    salutation: str,
    rng: random.Random,
    *,
    fee: str = "",
    extra_refs: list[tuple[str, str]] | None = None,
    extra_paras: list[str] | None = None,
    style: str = "",
) -> Letter:
    """A letter of the given kind about a student, addressed to the block given."""
    s = st.school
    name = f"{st.given} {st.family}"
    refs: list[tuple[str, str]] = [("Student", name), ("Student ID", st.sid)]
    paras: list[str] = []
    table: list[list[str]] = []
    slip: list[str] = []
    year = "Foundation" if st.year == 0 else f"Year {st.year}"
    if kind == "report":
        subject = f"Semester 1 Report - {name}"
        refs.append(("Year level", year))
        paras = [
            f"Please find enclosed {st.given}'s Semester 1 report. It sets out achievement against the Victorian "
            "Curriculum and comments from each teacher.",
            "Parent-teacher interviews are held in week 9. Bookings open through the parent portal.",
        ]
    elif kind == "attendance":
        subject = "Attendance - unexplained absences"
        n = rng.randint(3, 9)
        paras = [
            f"Our records show {n} unexplained absences for {st.given} this term. Please contact the office on "
            f"{s.phone} or reply through the portal with a reason for each absence.",
            "Regular attendance matters. If there is anything making it hard for your child to come to school, "
            f"our wellbeing leader {s.wellbeing} is happy to talk with you.",
        ]
        table = [["Date", "Session", "Status"]] + [
            [f"{d} Feb 2025", "AM", "Unexplained"] for d in (4, 11, 18)[: 1 + n % 3]
        ]
    elif kind == "excursion":
        what, when, cost = rng.choice(EXCURSIONS)
        subject = f"Consent and payment: {what}"
        paras = [
            f"{year} students will attend the {what} on {when}. The cost is {cost}. CSEF-eligible families may "
            "use their Camps, Sports and Excursions Fund entitlement."
        ]
        slip = [
            f"I give permission for {name} ({st.sid}) to attend the {what}.",
            "Parent/carer name: ______________________  Signature: ______________  Date: ________",
            "Emergency contact phone on the day: ______________________",
        ]
    elif kind == "invoice":
        subject = f"Tax invoice INV-{rng.randint(20000, 29999)}"
        refs = [("Family account", fee), ("Student", name), ("Student ID", st.sid)]
        items = [["Item", "Amount"], ["Essential education items 2025", "$165.00"], ["Year level excursions", "$96.00"]]
        table = items + [["Paid", "-$100.00"], ["Balance due 31 March 2025", "$161.00"]]
        paras = [
            f"Pay by BPAY (biller code 2{rng.randint(10000, 99999)}, reference {fee.replace('FAM-', '')}), "
            f"through the portal, or at the office. Payment plans are available: call {s.phone}."
        ]
    elif kind == "enrolment":
        subject = f"Confirmation of enrolment for 2025 - {name}"
        refs += [("Date of birth", dob_text(st.dob, rng.randint(0, 3))), ("VSN", st.vsn), ("Year level", year)]
        paras = [
            f"We are pleased to confirm {st.given}'s enrolment at {s.name} for 2025.",
            "Please check the details above and tell the office of any change.",
        ]
    elif kind == "suspension":
        subject = f"Notice of suspension - {name}"
        paras = [
            f"I am writing to advise that {st.given} has been suspended for two days, 10 and 11 March 2025, "
            "under the Department's Student Engagement policy, following an incident on 6 March.",
            f"A return-to-school meeting is arranged for 12 March at 8.45 am. You may bring a support person. "
            f"Please confirm with the assistant principal on {s.phone}.",
        ]
    elif kind == "naplan":
        subject = f"NAPLAN 2025 individual student report - {name}"
        refs.append(("VSN", st.vsn))
        bands = ["Exceeding", "Strong", "Developing", "Needs additional support"]
        table = [["Domain", "Proficiency"]] + [
            [d, rng.choice(bands[:3])]
            for d in ("Reading", "Writing", "Spelling", "Grammar and punctuation", "Numeracy")
        ]
        paras = [f"Enclosed is {st.given}'s NAPLAN individual student report for Year {st.year or 3}."]
    else:
        raise ValueError(kind)
    refs += extra_refs or []
    paras += extra_paras or []
    sign = [
        "Yours sincerely,",
        "",
        s.principal if kind in ("suspension", "enrolment") else s.wellbeing,
        "Principal" if kind in ("suspension", "enrolment") else "Student Services",
    ]
    return Letter(
        school=s,
        to=to,
        date=rng.choice(DATES),
        subject=subject,
        refs=refs,
        salutation=salutation,
        paras=paras,
        table=table,
        slip=slip,
        sign=sign,
        style=style or rng.choice(["window", "window", "twocol", "plain"]),
    )


def dear(c: Client) -> str:
    return f"Dear {c.title} {c.family},"
