"""What the tribunal writes: notices of hearing, orders, adjournments, guardianship orders, fee waivers, cause lists."""

from __future__ import annotations

from .docs import Letter, Table
from .world import DOMAIN, Client, Matter

SERVICE = "c/- the Tribunal, PO Box 4410, Albury NSW 2640"


def when(m: Matter) -> str:
    return m.hearing.strftime("%A %-d %B %Y at %-I:%M %p")


def ref_style(number: str, style: int) -> str:
    """Matter numbers as registry staff type them: with or without a space after the list code."""
    if style % 3 == 1 and number.startswith("RT"):
        return "RT " + number[2:]
    return number


def parties_table(m: Matter, leak: str = "") -> Table:
    """Every party of the matter by role; a protected party's address is the Tribunal's, unless `leak` says."""
    rows = []
    for role, c in m.party_list():
        if c is m.protected:
            shown = {"address": c.address.one_line(), "phone": c.phones[0], "email": c.emails[0]}.get(leak, SERVICE)
            rows.append([role, c.name, shown])
        elif m.prop is not None and role.startswith(("Tenant", "Co-tenant", "Respondent")):
            rows.append([role, c.name, m.prop.one_line()])
        else:
            rows.append([role, c.name, "as per application"])
    return Table(["Party", "Name", "Address for service"], rows)


def notice_of_hearing(m: Matter, to: Client, style: int = 0, leak: str = "", extra: list[str] | None = None) -> Letter:
    paras: list[str | Table] = [
        f"The Tribunal will hear this matter on {when(m)}.",
        f"Venue: {m.venue}{', ' + m.room if m.room else ''}.",
    ]
    if m.prop is not None:
        paras.append(f"Rented premises: {m.prop.one_line()}")
    paras.append(parties_table(m, leak))
    if m.protected is not None:
        paras.append(
            "A family violence intervention order is in place. A safe waiting room is available; tell the "
            "registry if you need separate entry. The applicant's contact details are not disclosed."
        )
    if m.language:
        paras.append(f"A {m.language} interpreter has been booked for the hearing.")
    paras += extra or []
    paras.append("If you do not attend, the Tribunal may make orders in your absence. Bring any evidence you rely on.")
    return Letter(
        to.block(style),
        "Notice of hearing",
        paras,
        refs=[("Our ref", ref_style(m.number, style)), ("List", "Residential Tenancies" if m.prop else "Guardianship")],
        salutation=f"Dear {to.formal}",
        head=style,
    )


def order(m: Matter, to: Client, style: int = 0, extra: list[str] | None = None) -> Letter:
    names = " and ".join(c.name for _, c in m.party_list())
    paras: list[str | Table] = [
        f"Matter {m.number}: {names}.",
        "ORDER: The landlord must repay the bond of $2,340.00 to the tenant within 14 days." if m.prop else "",
        "REASONS: The Tribunal heard from the parties and considered the condition report and photographs.",
    ]
    paras += extra or []
    return Letter(
        to.block(style),
        "Order and reasons",
        [p for p in paras if p],
        refs=[("Proceeding", ref_style(m.number, style)), ("Member", "Senior Member A. Karalis")],
        salutation=f"Dear {to.formal}",
        head=style,
    )


def adjournment(m: Matter, to: Client, style: int = 0, extra: list[str] | None = None) -> Letter:
    paras: list[str | Table] = [
        f"The hearing listed for {when(m)} has been adjourned at the request of a party.",
        "You will receive a new notice of hearing. You do not need to attend on the original date.",
    ]
    paras += extra or []
    return Letter(
        to.block(style),
        "Notice of adjournment",
        paras,
        refs=[("Matter no.", m.number)],
        salutation=f"Dear {to.formal}",
        head=style,
    )


def guardianship_order(m: Matter, to: Client, style: int = 0, extra: list[str] | None = None) -> Letter:
    rp = m.parties["Represented person"]
    guardian = m.reps["Guardian"]
    paras: list[str | Table] = [
        f"The Tribunal appointed the Public Advocate ({guardian.name}, delegate) as limited guardian of "
        f"{rp.name}, born {rp.dob.strftime('%-d %B %Y')}, for decisions about accommodation and health care.",
        Table(
            ["Party", "Name", "Role"],
            [[r, c.name, r] for r, c in m.party_list()] + [["Guardian", guardian.name, "Delegate"]],
        ),
        "The order will be reviewed within 12 months. A party may ask for reasons within 14 days.",
    ]
    paras += extra or []
    return Letter(
        to.block(style), "Guardianship order", paras, refs=[("File", m.number)], salutation=f"Dear {to.formal}", head=1
    )


def medical_lines(m: Matter) -> list[str]:
    rp = m.parties["Represented person"]
    return [
        f"Medical evidence: Dr S. Iyer's report of 12 February 2026 describes {rp.given}'s moderate vascular "
        "dementia, a fall in January and current medication (donepezil 10 mg).",
    ]


def fee_waiver(m: Matter, applicant: Client, to: Client, style: int = 0, extra: list[str] | None = None) -> Letter:
    paras: list[str | Table] = [
        f"The application by {applicant.name} to waive the application fee of $72.40 in matter {m.number} "
        "has been granted because the applicant holds a current concession card.",
    ]
    paras += extra or []
    return Letter(
        to.block(style),
        "Fee waiver decision",
        paras,
        refs=[("Ref", m.number)],
        salutation=f"Dear {to.formal}",
        head=style,
    )


def cause_list(matters: list[Matter], day: str, venue: str) -> Letter:
    rows = []
    for m in matters:
        names = [c.name for c in m.parties.values()]
        rows.append([m.hearing.strftime("%-I:%M %p"), m.number, f"{names[0]} v {names[-1]}", m.room or "Online"])
    return Letter(
        [],
        f"Daily hearing list - {venue} - {day}",
        [Table(["Time", "Matter", "Parties", "Room"], rows)],
        sign=["Listings Team"],
        head=0,
    )


def notice_email(m: Matter, to: Client, leak: str = "") -> str:
    lines = [
        f"Dear {to.formal},",
        "",
        f"Matter {m.number} is listed for hearing on {when(m)} at {m.venue}.",
    ]
    if m.prop is not None:
        lines.append(f"Rented premises: {m.prop.one_line()}.")
    for role, c in m.party_list():
        if c is m.protected:
            shown = {"address": c.address.one_line(), "phone": c.phones[0], "email": c.emails[0]}.get(leak, SERVICE)
            lines.append(f"  {role}: {c.name} (address for service: {shown})")
        else:
            lines.append(f"  {role}: {c.name}")
    lines += ["", f"Join online or update your details at https://portal.{DOMAIN}/matters/{m.number.replace('/', '-')}"]
    return "\n".join(lines)
