"""What the health service writes: letterheads, dates, identifiers as staff type them, letter bodies."""

from __future__ import annotations

import random
from datetime import date, timedelta

from tests.corpora.health.formats import Letter
from tests.corpora.health.people import Patient, medicare_written

ORG = "Goldfields Regional Health Service"
DOMAIN = "goldfieldshealth.example"

LETTERHEADS = [
    [
        ORG,
        "Outpatient Clinics - Castlemaine Campus",
        "142 Cornish Street, Castlemaine VIC 3450",
        "Ph (03) 5471 3555  |  outpatients@goldfieldshealth.example  |  ABN 47 913 408 221",
    ],
    [f"{ORG} - Maryborough", "Specialist Clinics", "PO Box 89, Maryborough VIC 3465", "Telephone 03 5461 0333"],
    [
        "GRHS Community Health",
        "Diabetes Education & Podiatry",
        "Level 1, 18 Barker Street, Castlemaine VIC 3450",
        "T: 5479 1000   E: communityhealth@goldfieldshealth.example",
    ],
    ["Child & Family Health", f"a program of {ORG}", "7 Napier Street, St Arnaud VIC 3478", "Ph: (03) 5477 2100"],
    [
        ORG,
        "Allied Health - Physiotherapy, OT, Speech Pathology",
        "Lot 2 Clarendon Street, Avoca VIC 3467",
        "Phone 1300 472 470 (1300 GRHS 70)",
    ],
    [
        "Goldfields Regional Health",
        "Patient Accounts",
        "Locked Bag 3, Castlemaine VIC 3450",
        "Enquiries 03 5471 3590, Mon-Fri 9am-4pm",
    ],
]
CLINICS = [
    "Diabetes Clinic",
    "Fracture Clinic",
    "Wound Care Clinic",
    "Cardiac Rehabilitation",
    "Podiatry",
    "Paediatric Outpatients",
    "Antenatal Clinic",
    "Respiratory Clinic",
    "Memory Clinic",
    "Physiotherapy",
    "Continence Service",
    "Hearing Clinic",
    "Falls Prevention",
    "Dietetics",
]
GPS = [
    (
        "Dr Helen Marchetti",
        "Castlemaine Medical Group",
        ["30 Templeton Street", "Castlemaine VIC 3450"],
        "castlemainemedical.example",
    ),
    (
        "Dr Olusegun Adeyemi",
        "Maryborough Family Practice",
        ["PO Box 211", "Maryborough VIC 3465"],
        "maryboroughfp.example",
    ),
    ("Dr Fiona Cheung", "Daylesford Clinic", ["12 Vincent Street", "Daylesford VIC 3460"], "daylesfordclinic.example"),
    (
        "Dr Raj Venkataraman",
        "Kyneton Medical Centre",
        ["Level 1, 55 Mollison Street", "Kyneton VIC 3444"],
        "kynetonmc.example",
    ),
    ("Dr Sarah O'Loughlin", "St Arnaud Doctors", ["88 Napier Street", "St Arnaud VIC 3478"], "starnauddrs.example"),
    (
        "Dr Tomás Ferreira",
        "Bendigo Street Medical",
        ["Suite 4, 200 Hargreaves Street", "Bendigo VIC 3550"],
        "bendigostmed.example",
    ),
    ("Dr Anh Dao", "Maldon Bush Nursing Practice", ["2 High Street", "Maldon VIC 3463"], "maldonbnp.example"),
    (
        "Dr William Keane",
        "Ballarat Road Clinic",
        ["141 Ballarat Road", "Creswick VIC 3363"],
        "ballaratrdclinic.example",
    ),
]
APPROVED = [g[3] for g in GPS] + [
    "tisnational.example",
    "publicadvocate.example",
    "banksiacare.example",
    "wattlecare.example",
    "goldfieldspathology.example",
]
STAFF = ["Bookings Officer", "Clinic Coordinator", "Patient Liaison", "Accounts Officer", "Clinical Nurse Consultant"]
SIGNERS = ["Nadia Rahman", "Ben Okafor", "Jenny Lu", "Stuart McPhee", "Leanne Cooper", "Ravi Menon", "Kate Alder"]


def gp_email(i: int) -> str:
    name = GPS[i][0].split()[-1].lower().replace("'", "")
    return f"{'dr.' + name if i % 2 else 'reception'}@{GPS[i][3]}"


def written_date(d: date, style: int) -> str:
    forms = [
        f"{d.day} {d:%B %Y}",
        f"{d:%d/%m/%Y}",
        f"{d:%A} {d.day} {d:%B %Y}",
        f"{d.day}.{d.month}.{d:%y}",
        f"{d:%d-%b-%Y}",
        f"{d:%B} {d.day}, {d.year}",
        d.isoformat(),
        f"{d.day}/{d.month}/{d:%y}",
    ]
    return forms[style % len(forms)]


def ur_written(ur: str, style: int) -> str:
    forms = [f"UR {ur}", f"UR No: {ur}", f"URN {ur}", f"MRN: {ur}", f"UR number {ur}", f"Unit Record No. {ur}"]
    return forms[style % len(forms)]


def appt(rng: random.Random) -> tuple[date, str]:
    d = date(2026, 12, 1) + timedelta(days=rng.randint(0, 60))
    # weekdays, outside the Christmas closure and Australia Day
    while d.weekday() > 4 or (d.month == 12 and d.day >= 24) or (d.month == 1 and (d.day < 5 or d.day == 26)):
        d += timedelta(days=1)
    return d, f"{rng.choice([8, 9, 10, 11, 13, 14, 15])}:{rng.choice(['00', '15', '30', '45'])}"


def addressee(p: Patient, style: int = 0) -> list[str]:
    name = [p.formal, f"{p.title} {p.given[0]} {p.family}", f"{p.given} {p.family.upper()}", p.formal.upper()]
    return [name[style % 4], *p.address.block(style % 3)]


def patient_refs(p: Patient, style: int, dob: bool = True, medicare: bool = False) -> list[str]:
    out = [
        f"Re: {p.given} {p.family}" + (f", DOB {written_date(p.dob, style + 1)}" if dob else ""),
        ur_written(p.ur, style),
    ]
    if medicare and p.medicare:
        out.append(f"Medicare: {medicare_written(p.medicare, style % 3, p.irn)}")
    return out


def appointment_letter(rng: random.Random, p: Patient, style: int, to_parent: Patient | None = None) -> Letter:
    d, t = appt(rng)
    clinic = rng.choice(CLINICS)
    who = to_parent or p
    lines = addressee(who, style)
    if to_parent:
        lines = [f"To the parent/guardian of {p.given} {p.family}", *lines] if style % 2 else lines
    body = [
        f"An appointment has been made for {'your child ' + p.given if to_parent else 'you'} at the {clinic} on "
        f"{written_date(d, style + 2)} at {t}.",
        "Please bring your Medicare card, any medications you are taking and this letter. If you need an "
        "interpreter, please tell us when you confirm and we will book one at no cost to you.",
        "To confirm, change or cancel please call the number above at least 48 hours beforehand.",
    ]
    return Letter(
        table_address=style % 2 == 1,
        letterhead=LETTERHEADS[style % 3 if not to_parent else 3],
        date=written_date(date(2026, 11, 2 + style % 20), style),
        address=lines,
        refs=[f"Patient: {p.given} {p.family}", ur_written(p.ur, style)],
        salutation=f"Dear {who.title} {who.family},",
        body=body,
        signoff=["Yours sincerely,", "", rng.choice(SIGNERS), rng.choice(STAFF)],
    )


SUMMARIES = [
    "HbA1c 8.9% (previously 9.6%). Metformin continued, gliclazide MR increased to 60 mg mane. Review in 3 months.",
    "Undisplaced fracture of the distal radius, managed in a backslab; repeat X-ray at two weeks showed no loss of "
    "position. Cast removed; referred to hand therapy.",
    "Venous leg ulcer, left gaiter area, 3 x 2 cm, healing well under compression. District nursing to continue.",
    "Completed 6 weeks of cardiac rehabilitation. Exercise tolerance improved; lipids at target on atorvastatin 40 mg.",
    "Spirometry consistent with moderate COPD (FEV1 58% predicted). Inhaler technique reviewed; action plan given.",
    "MoCA 21/30. Findings consistent with mild cognitive impairment. CT brain requested; review with results.",
]
DIAGNOSES = [
    "community-acquired pneumonia",
    "cellulitis of the left leg",
    "fall with rib fractures",
    "exacerbation of heart failure",
]
RESULTS = [
    "Haemoglobin 128 g/L",
    "eGFR 54 mL/min/1.73m2",
    "Potassium 4.9 mmol/L",
    "HbA1c 7.4%",
    "Ferritin 18 ug/L",
    "TSH 3.1 mIU/L",
    "LDL 2.8 mmol/L",
    "INR 2.4",
]


def gp_letter(
    rng: random.Random,
    p: Patient,
    style: int,
    medicare: bool = True,
    cc_patient: bool = True,
    results_of: Patient | None = None,
) -> Letter:
    doc, practice, addr, _ = GPS[p.gp]
    body = [
        f"Thank you for referring {p.given}, who was seen in the {rng.choice(CLINICS)} on "
        f"{written_date(date(2026, 10, 1 + style % 28), style + 3)}.",
        rng.choice(SUMMARIES),
    ]
    res_p = results_of or p
    body.append(
        f"Recent results ({res_p.given} {res_p.family}, {ur_written(res_p.ur, style + 1)}): "
        + "; ".join(rng.sample(RESULTS, 3))
        + "."
    )
    body.append(
        "I would be grateful if you could continue to review in the practice. Please contact me with any concerns."
    )
    return Letter(
        letterhead=LETTERHEADS[style % 2],
        date=written_date(date(2026, 11, 2 + style % 20), style),
        address=[doc, practice, *addr],
        refs=patient_refs(p, style, medicare=medicare)
        + [f"Address: {p.address.one_line()}"] * (style % 3 == 0 and not p.suppressed),
        salutation=f"Dear {doc.split()[0]} {doc.split()[-1]},",
        body=body,
        signoff=["Kind regards,", "", f"Dr {rng.choice(SIGNERS)}", "Consultant Physician"],
        cc=[f"cc: {p.formal} (patient)"] if cc_patient else [],
    )


def results_page(rng: random.Random, p: Patient, style: int) -> list[str]:
    return [
        "PATHOLOGY RESULTS",
        f"Patient: {p.family.upper()}, {p.given}    DOB: {written_date(p.dob, style + 1)}",
        f"{ur_written(p.ur, style)}    Collected: {written_date(date(2026, 10, 20), style)}",
        "",
        *[f"{r}" for r in rng.sample(RESULTS, 4)],
        "",
        "Reported by Goldfields Pathology. Please discuss these results with your doctor.",
    ]


def billing_letter(rng: random.Random, p: Patient, style: int) -> Letter:
    gap = rng.choice([35, 48.5, 62, 80, 125.4])
    return Letter(
        letterhead=LETTERHEADS[5],
        date=written_date(date(2026, 11, 3 + style % 15), style),
        address=addressee(p, style),
        refs=[
            f"Account for: {p.given} {p.family}",
            f"Statement no. ST-{rng.randint(20000, 99999)}",
            ur_written(p.ur, style),
        ],
        salutation=f"Dear {p.title} {p.family},",
        body=[
            "This statement is for your private outpatient attendance on "
            f"{written_date(date(2026, 10, 9), style + 2)}. "
            f"Medicare has paid its benefit; the gap amount of ${gap:.2f} is now due.",
            "Pay by BPAY (Biller code 123456, your reference is the statement number), by phone, or by direct deposit "
            "to Goldfields Regional Health Service, BSB 063-000, Account 1234 5678.",
            "If you hold a current concession card, or are experiencing financial hardship, please contact Patient "
            "Accounts and we will arrange a payment plan.",
        ],
        signoff=["Yours faithfully,", "", "Patient Accounts"],
    )


def waiting_list_letter(rng: random.Random, p: Patient, style: int) -> Letter:
    return Letter(
        letterhead=LETTERHEADS[(style + 1) % 5],
        date=written_date(date(2026, 11, 4 + style % 15), style),
        address=addressee(p, style),
        refs=[ur_written(p.ur, style)],
        salutation=f"Dear {p.given},",
        body=[
            f"Your referral to the {rng.choice(CLINICS)} has been received and you have been placed on our "
            "waiting list "
            f"(category {rng.choice(['2', '3'])}). The current wait is about {rng.randint(6, 30)} weeks.",
            "If your condition gets worse, please see your GP or, in an emergency, call 000. Please let us know if you "
            "change address or phone number.",
        ],
        signoff=["Yours sincerely,", "", rng.choice(SIGNERS), "Intake Officer"],
    )


def discharge_summary(rng: random.Random, p: Patient, style: int) -> Letter:
    doc, practice, addr, _ = GPS[p.gp]
    adm = date(2026, 10, 5 + style % 20)
    return Letter(
        letterhead=[ORG, "DISCHARGE SUMMARY - Medical Ward", "Castlemaine Campus, 142 Cornish Street"],
        date=written_date(adm + timedelta(days=4), style),
        address=[doc, practice, *addr],
        refs=patient_refs(p, style, medicare=style % 2 == 0)
        + [f"Admitted {written_date(adm, style + 4)}, discharged {written_date(adm + timedelta(days=4), style + 4)}"],
        salutation=f"Dear {doc},",
        body=[
            f"Principal diagnosis: {rng.choice(DIAGNOSES)}.",
            rng.choice(SUMMARIES),
            "Medications on discharge: see attached list. Follow-up: GP in one week.",
        ],
        signoff=["Regards,", "", f"Dr {rng.choice(SIGNERS)}, HMO"],
        cc=[f"cc: {p.formal}"] if style % 3 == 0 else [],
    )
