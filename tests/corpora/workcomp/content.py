"""The agent's documents: liability decisions, PIAWE and weekly payment notices, certificate of capacity reminders,
return-to-work plans, IME referrals and reports, travel reimbursements, conciliation submissions, file notes."""

from __future__ import annotations

from datetime import date

from tests.corpora.workcomp import render as R
from tests.corpora.workcomp import world as W

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def long_date(iso: str) -> str:
    d = date.fromisoformat(iso)
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def short_date(iso: str) -> str:
    d = date.fromisoformat(iso)
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def act(w: W.Worker) -> str:
    return (
        "Workplace Injury Rehabilitation and Compensation Act 2013 (Vic)"
        if w.state == "VIC"
        else "Workers Compensation Act 1987 (NSW)"
    )


def refs(w: W.Worker, spaced: bool = False) -> list[str]:
    c = W.spaced_claim(w.claim) if spaced else w.claim
    return [f"Claim number: {c}", f"Employer: {w.employer.name}"]


def _letter(w: W.Worker, subject: str, body: list[str], to: list[str] | None = None, **kw) -> R.Letter:
    return R.Letter(
        to=to if to is not None else w.block(),
        subject=subject,
        body=body,
        refs=refs(w),
        salutation=kw.pop("salutation", f"Dear {w.title} {w.family}"),
        office=w.office,
        **kw,
    )


def liability(w: W.Worker, to: list[str] | None = None, about: W.Worker | None = None) -> R.Letter:
    a = about or w
    body = [
        f"We have made a decision on your claim for {a.injury}, which you reported happened on "
        f"{long_date(a.injury_date)} while working for {a.employer.name}.",
        f"Your claim has been accepted under the {act(a)}. This means we will pay reasonable medical and "
        "like expenses and weekly payments while you have no or reduced capacity for work.",
        "If you disagree with this decision you may ask for it to be reviewed. Information on your review "
        "rights, including conciliation, is enclosed.",
        f"Please quote claim number {a.claim} when you contact us.",
    ]
    let = _letter(w, "Notice of decision - claim accepted", body, to=to)
    let.refs = refs(a)
    return let


def piawe(w: W.Worker, to: list[str] | None = None, about: W.Worker | None = None) -> R.Letter:
    a = about or w
    body = [
        f"We have calculated your pre-injury average weekly earnings (PIAWE) as ${a.piawe}, using the "
        f"earnings information supplied by {a.employer.name} for the 52 weeks before {long_date(a.injury_date)}.",
        "For the first 13 weeks of incapacity you are entitled to 95% of your PIAWE, less any earnings; "
        "from week 14, 80%. Payments are made fortnightly through your employer's payroll.",
        "If you think the calculation is wrong, send us payslips or a statement of overtime and allowances "
        "within 28 days.",
    ]
    let = _letter(w, "Your pre-injury average weekly earnings (PIAWE)", body, to=to)
    let.refs = refs(a)
    let.table = [
        ["Item", "Amount"],
        ["PIAWE", f"${a.piawe}"],
        ["Weekly payment (95%)", f"${float(a.piawe) * 0.95:.2f}"],
    ]
    return let


def coc_reminder(w: W.Worker, to: list[str] | None = None) -> R.Letter:
    body = [
        "Your current certificate of capacity expires on 30 March 2026. To keep receiving weekly payments, "
        "please see your treating doctor before then and send us a new certificate.",
        "You can upload the certificate through the worker portal, email it to your case manager, or post it "
        f"to our {w.office.name} office at the address above.",
    ]
    return _letter(w, "Reminder - certificate of capacity due", body, to=to)


def travel(w: W.Worker, to: list[str] | None = None, with_suburb: bool = True) -> R.Letter:
    frm = f"from your home in {w.suburb}" if with_suburb else "from your home"
    body = [
        f"We have approved your claim for travel {frm} to physiotherapy and specialist appointments "
        "between 2 February and 6 March 2026.",
        "The reimbursement of $184.60 (412 km at the scheme rate) will be paid into your nominated account "
        "within five business days.",
    ]
    return _letter(w, "Travel expenses reimbursed", body, to=to)


def rtw_plan_text(w: W.Worker, home: bool = False, phone: bool = False) -> list[str]:
    out = [
        f"Return to work plan - {w.name}, claim {w.claim}",
        f"Injury: {w.injury}. Date of injury: {long_date(w.injury_date)}.",
        "Capacity: suitable duties, 5 hours a day, 4 days a week; no lifting over 5 kg; rest breaks hourly.",
        "Duties: stock control data entry, quality checks seated; review at the case conference on 24 March.",
    ]
    if home:
        out.append(f"Home address for correspondence: {w.address}.")
    if phone:
        out.append(f"Worker's contact number: {w.phone}.")
    if not home and not phone and w.is_suppressed:
        out.append("Contact with the worker is through the case manager only.")
    return out


def rtw_plan_pdf(w: W.Worker, home: bool = False, phone: bool = False) -> bytes:
    rows = [
        ["Week", "Hours a day", "Days", "Duties"],
        ["1-2", "4", "3", "seated quality checks"],
        ["3-4", "5", "4", "data entry and stock control"],
        ["5-6", "6", "5", "graduated normal duties"],
    ]
    return R.report_pdf(f"Return to work plan - {w.employer.name}", rtw_plan_text(w, home, phone), rows, w.office)


def ime_referral(w: W.Worker, with_address: bool = False, with_phone: bool = False, medicare: bool = True) -> R.Letter:
    ime = W.IME
    body = [
        f"We ask you to examine {w.title} {w.given} {w.family} (date of birth {long_date(w.dob)}) and report on "
        f"the {w.injury} of {long_date(w.injury_date)}: diagnosis, capacity for work, and whether treatment "
        "proposed by the treating doctor is reasonable.",
        "Relevant records enclosed: claim form, certificates of capacity, treating specialist reports.",
    ]
    if medicare:
        body.append(f"Medicare number: {w.medicare}.")
    if with_address:
        body.append(f"Please send the appointment letter to the worker at {w.address}.")
    elif with_phone:
        body.append(f"The worker can be reached on {w.phone} to confirm the appointment.")
    else:
        body.append("Please send the appointment letter to us; we will tell the worker.")
    let = R.Letter(
        to=[f"Medicolegal bookings, {ime.name}", ime.street, ime.locality],
        subject=f"Referral for independent medical examination - {w.name}",
        body=body,
        refs=refs(w),
        office=w.office,
    )
    return let


def ime_report(w: W.Worker) -> bytes:
    intro = [
        f"Examinee: {w.name}    Date of birth: {short_date(w.dob)}    Claim: {w.claim}",
        f"Referred by {W.ORG}. Employer: {w.employer.name}. Injury: {w.injury} on {long_date(w.injury_date)}.",
        "Opinion: the worker has a current capacity for suitable duties (sedentary, 20 hours a week), "
        "expected to increase over six weeks. Further physiotherapy (8 sessions) is reasonable.",
        f"Dr Evander Quigley, occupational physician, {W.IME.name}.",
    ]
    rows = [
        ["Question", "Answer"],
        ["Diagnosis", w.injury],
        ["Capacity", "suitable duties 20 h/week"],
        ["Treatment", "physiotherapy 8 sessions"],
    ]
    return R.report_pdf("Independent medical examination report", intro, rows, w.office)


def coc_pdf(w: W.Worker) -> bytes:
    intro = [
        f"Worker: {w.name}   Date of birth: {short_date(w.dob)}   Claim number: {w.claim}",
        f"Employer: {w.employer.name}",
        "Certified capacity: suitable employment from 16/03/2026 to 13/04/2026, 6 hours a day, 5 days.",
        "Treating medical practitioner: Dr Wilhelmina Osei-Baird.",
    ]
    return R.report_pdf(
        "Certificate of capacity",
        intro,
        [["From", "To", "Capacity"], ["16/03/2026", "13/04/2026", "suitable duties"]],
        w.office,
    )


def conciliation(w: W.Worker, with_address: bool = False) -> R.Letter:
    body_ = CONCILIATION_BODY.format(
        name=w.name, claim=w.claim, injury=w.injury, date=long_date(w.injury_date), employer=w.employer.name
    )
    body = body_.split("\n")
    if with_address:
        body.append(f"The worker now resides at {w.address} and travel to the conference will take two hours.")
    party = W.CONCILIATION if w.state == "VIC" else W.PIC
    return R.Letter(
        to=[f"The Registrar, {party.name}", party.street, party.locality],
        subject=f"Application for dispute resolution - {w.name} - claim {w.claim}",
        body=body,
        refs=refs(w),
        office=w.office,
    )


CONCILIATION_BODY = (
    "We act as claims agent in the dispute lodged by {name} about the decision on claim {claim}.\n"
    "The worker claims weekly payments for {injury} on {date}; the employer is {employer}.\n"
    "Our position: weekly payments ceased after the independent medical examination found a capacity for "
    "pre-injury duties. We attach the IME report and the certificates of capacity."
)


def file_note(w: W.Worker, new_address: bool = True) -> str:
    lines = [
        f"File note - claim {w.claim} ({w.name})",
        "Worker called. An intervention order is in place against her former partner; she has moved.",
    ]
    if new_address:
        lines.append(f"New address: {w.address}. New mobile: {w.phone}.")
    lines.append("Flag the claim: no correspondence to the old address; do not disclose contact details to anyone.")
    return "\n".join(lines)


def claims_rows(ws: list[W.Worker], header: bool = True) -> list[list[str]]:
    rows = [["Claim", "Worker", "DOB", "Injury date", "Status", "Weekly $"]] if header else []
    for w in ws:
        rows.append([w.claim, w.name, short_date(w.dob), short_date(w.injury_date), "open", w.piawe])
    return rows


def csv_text(rows: list[list[str]]) -> str:
    return "\n".join(",".join(f'"{c}"' if "," in c else c for c in r) for r in rows) + "\n"
