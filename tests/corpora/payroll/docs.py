"""The bureau's documents: payslips, payment summaries, packaging, deduction and termination letters,
reports and remittance files. Builders take the employee the document is about and, separately, the lines of
the address block, so a case can address one person's document to another."""

from __future__ import annotations

from . import ids, world
from .render import Letter
from .world import Employee

PERIOD = "24/02/2025 - 09/03/2025"
PAY_DATE = "13/03/2025"


def money(x: float) -> str:
    return f"${x:,.2f}"


def block(e: Employee, short: bool = False, formal: bool = True) -> list[str]:
    a = e.address
    return [e.formal if formal else e.name, a.line1_short if short else a.line1, a.locality]


def heading(e: Employee) -> str:
    return f"{world.BUREAU} for {e.employer.name}"


def panel(e: Employee) -> list[str]:
    return [
        "Payroll enquiries",
        world.BUREAU_PHONE,
        f"payroll@{world.BUREAU_DOMAIN}",
        "",
        f"Employer: {e.employer.name}",
        f"ABN {ids.fmt_abn(world_abn(e))}",
    ]


def payslip_rows(e: Employee, masked: bool = True) -> list[list[str]]:
    gross = e.fortnightly_gross
    base = round(gross * 0.86, 2)
    penalty = round(gross - base, 2)
    tax = round(gross * 0.24, 2)
    pack = round(gross * 0.08, 2) if e.packaging_ref else 0.0
    sup = round(gross * 0.115, 2)
    net = round(gross - tax - pack, 2)
    account = e.account_masked if masked else e.account
    rows = [
        ["Description", "Hours", "Amount"],
        ["Ordinary hours", "76.00", money(base)],
        ["Shift / penalty allowance", "12.00", money(penalty)],
        ["PAYG tax withheld", "", "-" + money(tax)],
    ]
    if pack:
        rows.append(["Salary packaging (pre-tax)", "", "-" + money(pack)])
    rows += [
        ["Net pay", "", money(net)],
        [f"Super guarantee to {e.fund[0]}", "", money(sup)],
        [f"Paid to BSB {e.bsb} Acct {account}", "", money(net)],
    ]
    return rows


def payslip(e: Employee, to: list[str] | None = None, masked: bool = True, ref_style: int = 0) -> Letter:
    refs = [
        f"Employee No: {e.empno}",
        f"Your reference: {e.empno}   Pay period: {PERIOD}",
        f"Emp. {e.empno} | {e.classification}",
    ]
    return Letter(
        heading=heading(e),
        to_lines=block(e) if to is None else to,
        ref=refs[ref_style % 3],
        title=f"Pay advice - period {PERIOD}, paid {PAY_DATE}",
        paragraphs=[
            f"Employee: {e.name}   Employee No: {e.empno}",
            f"Classification: {e.classification}   Annual rate: {money(e.annual)}",
        ],
        table=payslip_rows(e, masked),
        after=["Please check your pay advice and tell us of any error within 14 days."],
        signoff=["Payroll Services Team", world.BUREAU],
        panel=panel(e),
    )


def payslip_sheet(e: Employee) -> Letter:
    """A payslip printed as a continuation page: no address block."""
    return Letter(
        heading=heading(e),
        to_lines=[],
        title=f"Pay advice {PERIOD} - {e.name} ({e.empno})",
        paragraphs=[f"Classification: {e.classification}   Annual rate: {money(e.annual)}"],
        table=payslip_rows(e),
    )


def payment_summary(e: Employee, to: list[str] | None = None, year: str = "2023-24") -> Letter:
    gross = e.annual
    return Letter(
        heading=heading(e),
        to_lines=block(e) if to is None else to,
        ref=f"Employee No: {e.empno}",
        title=f"Income statement summary {year} (copy for your records)",
        salutation=f"Dear {e.title} {e.family},",
        paragraphs=[
            f"Your employer {e.employer.name} (ABN {ids.fmt_abn(world_abn(e))}) reported the following amounts "
            f"for {year} through Single Touch Payroll. They are pre-filled in your tax return.",
        ],
        table=[
            ["Item", "Amount"],
            ["Gross payments", money(gross)],
            ["Tax withheld", money(round(gross * 0.23, 2))],
            ["Reportable employer super", money(round(gross * 0.03, 2))],
            ["Reportable fringe benefits", money(3120.0 if e.packaging_ref else 0.0)],
        ],
        after=[f"Date of birth on our records: {e.dob.strftime('%d/%m/%Y')}. Tell us if this is wrong."],
        signoff=["Yours sincerely,", "", "Payroll Services Team", world.BUREAU],
    )


def world_abn(e: Employee) -> str:
    return world.EMPLOYER_ABN[e.employer.key]


def packaging(e: Employee, to: list[str] | None = None) -> Letter:
    return Letter(
        heading=f"{world.PACKAGER[0]} with {world.BUREAU}",
        to_lines=block(e, short=True) if to is None else to,
        ref=f"Packaging account {e.packaging_ref or 'PW-' + e.empno[-6:]}   Employee No {e.empno}",
        title="Your salary packaging arrangement for 2025-26",
        salutation=f"Dear {e.given},",
        paragraphs=[
            f"Thank you for renewing your salary packaging with {e.employer.name}. From 1 April 2025 we will "
            f"deduct {money(round(e.fortnightly_gross * 0.08, 2))} from your pre-tax pay each fortnight.",
            "Your meal entertainment card and novated lease payments continue as before. Remember that the "
            "reportable fringe benefits amount appears on your income statement.",
        ],
        signoff=["Kind regards,", "", "Salary Packaging Team", world.PACKAGER[0]],
    )


def garnishee(e: Employee, to: list[str], creditor: str, show_address: bool, court_ref: str) -> Letter:
    paragraphs = [
        f"Re: {e.name}, Employee No {e.empno}, {e.employer.name}",
        f"We acknowledge the garnishee order (court reference {court_ref}) in favour of {creditor}. "
        f"From the pay day of 27 March 2025 we will deduct $185.00 each fortnight from the employee's wages "
        "and remit it to the court until the judgment debt is satisfied.",
    ]
    if show_address:
        paragraphs.append(f"Employee's residential address as held: {e.address.one_line}.")
        paragraphs.append(f"Contact number on file: {e.mobile}.")
    return Letter(
        heading=heading(e),
        to_lines=to,
        ref=f"Our ref: GAR-{e.empno}",
        title="Garnishee order - acknowledgement and deduction schedule",
        salutation="Dear Sir or Madam,",
        paragraphs=paragraphs,
        signoff=["Yours faithfully,", "", "Deductions Officer", world.BUREAU],
    )


def child_support(payer: Employee, to: list[str], payee_line: str = "") -> Letter:
    paragraphs = [
        f"The Child Support Agency has issued a notice requiring {payer.employer.name} to deduct child support "
        f"from your pay. From 27 March 2025 we will deduct $212.40 each fortnight and remit it to the agency.",
        "The amount appears on your pay advice as 'Child support deduction'. Questions about the assessment "
        "itself go to the agency, not to us.",
    ]
    if payee_line:
        paragraphs.append(payee_line)
    return Letter(
        heading=heading(payer),
        to_lines=to,
        ref=f"Employee No: {payer.empno}   CSA notice CS-{payer.empno[-5:]}-25",
        title="Notice of child support deduction",
        salutation=f"Dear {payer.title} {payer.family},",
        paragraphs=paragraphs,
    )


def termination(e: Employee, to: list[str] | None = None, lsl: bool = False) -> Letter:
    weeks = round(e.annual / 52, 2)
    rows = [
        ["Component", "Amount"],
        ["Final ordinary pay", money(e.fortnightly_gross)],
        ["Accrued annual leave (112.4 hrs)", money(round(weeks * 2.96, 2))],
    ]
    if lsl:
        rows.append(["Long service leave (13 weeks)", money(round(weeks * 13, 2))])
    rows.append(["Tax withheld", "-" + money(round(weeks * 1.4, 2))])
    return Letter(
        heading=heading(e),
        to_lines=block(e) if to is None else to,
        ref=f"Employee No: {e.empno}   Last day of service 28/02/2025",
        title="Termination payment statement" + (" including long service leave" if lsl else ""),
        salutation=f"Dear {e.title} {e.family},",
        paragraphs=[
            f"Your employment with {e.employer.name} ended on 28 February 2025. This statement sets out your "
            "final pay, which will be paid to your nominated account on 13 March 2025.",
        ],
        table=rows,
        after=["Your employment separation certificate is enclosed."],
    )


def super_letter(e: Employee, to: list[str]) -> Letter:
    return Letter(
        heading=heading(e),
        to_lines=to,
        ref=f"Member No {e.member_no}   Employee No {e.empno}",
        title="Late superannuation contribution - correction",
        salutation="Dear Member Services,",
        paragraphs=[
            f"The contribution for member {e.name} (member number {e.member_no}, date of birth "
            f"{e.dob.strftime('%d/%m/%Y')}) for the period ending 09/03/2025 was sent without the shift "
            "allowance. A correcting contribution of $48.30 will be in the next SuperStream file.",
        ],
    )


def report_rows(emps: list[Employee], kind: str = "pay") -> list[list[str]]:
    if kind == "pay":
        rows = [["Employee No", "Name", "Classification", "Gross", "Net", "Bank account"]]
        for e in emps:
            g = e.fortnightly_gross
            rows.append([e.empno, e.surname_first, e.classification, money(g), money(round(g * 0.7, 2)), e.account])
        return rows
    if kind == "contacts":
        rows = [["Employee No", "Name", "Date of birth", "Home address", "Mobile"]]
        for e in emps:
            rows.append([e.empno, e.name, e.dob.isoformat(), e.address.one_line, e.mobile])
        return rows
    rows = [["Employee No", "Name", "Leave balance (hrs)", "Status"]]
    for i, e in enumerate(emps):
        rows.append([e.empno, e.name, f"{(i * 37) % 200 + 8}.0", "active"])
    return rows


def aba_remittance(emps: list[Employee], employer: world.Employer) -> bytes:
    """A simplified direct-entry (ABA-style) file as a bank receives it: one line per payee."""
    lines = [f"0                 01FMB       {employer.name[:26]:26}301500PAYROLL   130325"]
    for e in emps:
        amt = int(round(e.fortnightly_gross * 0.7 * 100))
        name = f"{e.family.upper()} {e.given.upper()}"[:32]
        lines.append(f"1{e.bsb}{e.account:>9} 53{amt:010d}{name:32}{'SALARY ' + e.empno:18}")
    lines.append(f"7999-999            {len(emps):06d}")
    return ("\r\n".join(lines) + "\r\n").encode("ascii", "replace")
